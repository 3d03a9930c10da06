//! The body of a finished quiz's code ([`Kind::Quiz`]): what the classroom poll needs and no more.
//!
//! | bits | field |
//! | --- | --- |
//! | 32 | the lesson's [`fingerprint`] (its id and its quiz items' ids, in order) |
//! | 8 or more | the lesson's version, LEB128 |
//! | 32 | a [`ShowingToken`]: random, drawn when the code is shown |
//! | 1 an item | right at the first try, for each quiz item in the lesson's order |
//!
//! The teacher collects a class's quiz results without names: a code says how the quiz went,
//! not whose it was. There is no participant code (a quiz is not part of a study), and the
//! token is not kept anywhere: the app draws it when the student opens "show my result as a
//! code" and forgets it when the screen closes. It lets the teacher's scan tell the same screen
//! seen in many camera frames (one result) from two students who did equally well (two).
//! Showing the code again draws a new token, so it counts again: the teacher's screen says how
//! many results it counted, against the size of the class.

use super::bits::{BitReader, BitWriter};
use super::{CRC32, DecodeError, Kind, open_as, seal};
use crate::content::Lesson;
use crate::progress::LessonProgress;

/// More quiz items than any lesson has; keeps a code within a version-10 QR code.
pub const MAX_ITEMS: usize = 1024;

/// A finished quiz, as a student's device shows it and a teacher's scan reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    lesson: u32,
    lesson_version: u32,
    first_try: Vec<bool>,
    token: ShowingToken,
}

/// A random number drawn each time a quiz code is shown (`crypto.getRandomValues` in the app),
/// so the teacher's scan counts one showing once however many frames see it. Never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShowingToken(u32);

impl ShowingToken {
    pub fn new(random: [u8; 4]) -> ShowingToken {
        ShowingToken(u32::from_le_bytes(random))
    }
}

/// CRC-32 of `aware-lesson 1\nID\nITEM\nITEM…`: the lesson's id and its quiz items' ids in order,
/// which give the code's positions their meaning.
pub fn fingerprint(lesson: &Lesson) -> u32 {
    let mut digest = CRC32.digest();
    digest.update(b"aware-lesson 1\n");
    digest.update(lesson.id.as_bytes());
    for item in &lesson.quiz {
        digest.update(b"\n");
        digest.update(item.id.as_bytes());
    }
    digest.finalize()
}

impl QuizResult {
    /// The result of `lesson`'s quiz, once every item has been answered at least once; `None`
    /// before, or for a lesson without a quiz.
    pub fn of(lesson: &Lesson, progress: &LessonProgress, token: ShowingToken) -> Option<QuizResult> {
        if lesson.quiz.is_empty() || lesson.quiz.len() > MAX_ITEMS {
            return None;
        }
        let first_try = lesson
            .quiz
            .iter()
            .map(|item| progress.quiz.get(&item.id).filter(|record| record.attempts > 0).map(|r| r.first_try_correct))
            .collect::<Option<Vec<bool>>>()?;
        Some(QuizResult { lesson: fingerprint(lesson), lesson_version: lesson.version, first_try, token })
    }

    /// The lesson's version the quiz was taken on.
    pub fn lesson_version(&self) -> u32 {
        self.lesson_version
    }

    /// For each quiz item, in the lesson's order: right at the first try.
    pub fn first_try(&self) -> &[bool] {
        &self.first_try
    }

    pub fn token(&self) -> ShowingToken {
        self.token
    }

    /// The code's bytes (16 for a quiz of 11 items; at most 146, for [`MAX_ITEMS`]).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = BitWriter::default();
        out.bits(u64::from(self.lesson), 32);
        out.varint(self.lesson_version);
        out.bits(u64::from(self.token.0), 32);
        for &right in &self.first_try {
            out.flag(right);
        }
        seal(Kind::Quiz, out.finish())
    }

    /// The result in a code made for `lesson`'s quiz; see [`super`] for what is refused.
    pub fn decode(lesson: &Lesson, bytes: &[u8]) -> Result<QuizResult, DecodeError> {
        let body = open_as(Kind::Quiz, bytes)?;
        let mut input = BitReader::new(body);
        let lesson_fingerprint = fingerprint(lesson);
        if input.bits(32)? != u64::from(lesson_fingerprint) || lesson.quiz.is_empty() || lesson.quiz.len() > MAX_ITEMS {
            return Err(DecodeError::OtherContent);
        }
        let lesson_version = input.varint()?;
        let token = ShowingToken(input.bits(32)? as u32);
        let mut first_try = Vec::with_capacity(lesson.quiz.len());
        for _ in &lesson.quiz {
            first_try.push(input.flag()?);
        }
        input.finish()?;
        Ok(QuizResult { lesson: lesson_fingerprint, lesson_version, first_try, token })
    }
}
