//! The teacher guide's notes for the screen on the projector, shown in the presenter view.
//!
//! A guide is not written screen by screen; it has the same four sections in every lesson and
//! language, in this order (`lessons/README.md`): timing and preparation, running the activities,
//! what to do if a student tells you something, and going further with ages 15–18. So the notes
//! follow the lesson's course through them:
//!
//! | screen | notes |
//! |---|---|
//! | opening | "Timing and preparation": the minute-by-minute plan |
//! | a section | "Running the activities" |
//! | a scenario step | its part about the scenario (how to play it with or without devices) |
//! | a question (and its reveal) | its part about the quiz (how the class answers, what to say about the explanations) |
//! | closing | "If a student tells you something" |
//!
//! The part about the scenario or the quiz is the `###` subsection of "Running the activities"
//! whose heading names it, in the guide's own language: the caller passes the word each
//! language's guides use ([`GuideWords`], from the interface's messages
//! `teacher-present-guide-scenario` and `-quiz`: «Сорил» in Mongolian, whose discussion
//! questions are «асуулт»), and a test checks that every guide in every language has both parts.
//! A guide without one of them shows its whole section instead. "If a student tells you something" is also reachable from every screen
//! ([`disclosure`]), whatever the notes show.

use super::session::Current;
use crate::content::{Block, Inline, Lesson, Section};

/// The guide sections by their place (`lessons/README.md`).
const PREPARATION: usize = 0;
const ACTIVITIES: usize = 1;
const DISCLOSURE: usize = 2;

/// The words that name the scenario and the quiz in the headings of a guide's "Running the
/// activities", in the guide's language ("scenario", "quiz"). Matched ignoring case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideWords<'a> {
    pub scenario: &'a str,
    pub quiz: &'a str,
}

/// Notes to show: a heading and what follows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Notes<'l> {
    pub heading: &'l [Inline],
    pub blocks: &'l [Block],
}

/// The notes for what the screen shows; `None` for a lesson without a guide.
pub fn notes<'l>(lesson: &'l Lesson, current: &Current, words: GuideWords) -> Option<Notes<'l>> {
    let guide = &lesson.teacher_guide;
    let section = |index: usize| guide.get(index).or_else(|| guide.first()).map(whole);
    let activity = |word: &str| guide.get(ACTIVITIES).and_then(|section| subsection(section, word));
    match current {
        Current::Opening => section(PREPARATION),
        Current::Section { .. } => section(ACTIVITIES),
        Current::ScenarioStep { .. } => activity(words.scenario).or_else(|| section(ACTIVITIES)),
        Current::Question { .. } => activity(words.quiz).or_else(|| section(ACTIVITIES)),
        Current::Closing => section(DISCLOSURE),
    }
}

/// "If a student tells you something", for the presenter to open from any screen.
pub fn disclosure(lesson: &Lesson) -> Option<Notes<'_>> {
    lesson.teacher_guide.get(DISCLOSURE).map(whole)
}

fn whole(section: &Section) -> Notes<'_> {
    Notes { heading: &section.heading, blocks: &section.blocks }
}

/// The first `###` part of `section` whose heading contains `word` (ignoring case): its heading
/// and the blocks up to the next `###`.
fn subsection<'l>(section: &'l Section, word: &str) -> Option<Notes<'l>> {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return None;
    }
    let blocks = &section.blocks;
    let start = blocks.iter().position(|block| {
        matches!(block, Block::Subheading(heading) if Inline::plain_text(heading).to_lowercase().contains(&word))
    })?;
    let Block::Subheading(heading) = &blocks[start] else { return None };
    let rest = &blocks[start + 1..];
    let end = rest.iter().position(|block| matches!(block, Block::Subheading(_))).unwrap_or(rest.len());
    Some(Notes { heading, blocks: &rest[..end] })
}
