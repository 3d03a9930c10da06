//! The session summary: each question's tallies before and after discussion, for the screen at
//! the end of a session, its printout, and its exports.
//!
//! **Exports** follow the study exports' conventions (`study::export`): the same CSV dialect and
//! writer (RFC 4180, formula-safe cells, CRLF; the app prepends `EXCEL_BOM` for Excel), and a
//! codebook in the same layout. The CSV has one row per question and option:
//!
//! ```text
//! session,date,lesson,lesson_version,band,language,item,kind,option,letter,key,before,after,before_answered,after_answered,revealed,after_key_shown
//! 00ff00ff00ff00ff,2026-03-02,what-is-trafficking,1,12-14,mn,three-parts,single,b,B,correct,17,22,28,27,true,false
//! ```
//!
//! `before` and `after` are the option's counts in each round (empty when the round was not
//! polled); `*_answered` the students who answered (a single-answer question's counts added up,
//! or the number a teacher entered for a multiple-answer one). The JSON (`aware-session-summary`,
//! version 1) holds the same. Neither holds a name, a card number, a time of day or a share: the
//! shares are computed from the counts, by the one rounding rule, wherever they are shown.
//!
//! **No suppression.** Unlike a study report, a poll's counts are what the whole class saw on
//! the projector while it answered, of a knowledge question, with no code or card number behind
//! any count: there is no individual record to protect, and hiding small counts would hide the
//! very misconceptions a teacher polls for.

use serde::Serialize;

use super::BandLesson;
use super::deck::Deck;
use super::poll::{Poll, Round, Tally, letter};
use super::session::{Session, Setup};
use crate::content::{QuizItem, QuizKind, QuizOption};
use crate::study::Locale;
use crate::study::export::{CodebookWriter, FixedColumn, Texts, option_key, write_row};

pub const SUMMARY_FORMAT: &str = "aware-session-summary";
pub const SUMMARY_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    pub setup: &'a Setup,
    pub class_size: Option<u16>,
    /// The lesson's questions in order, then any polled question the lesson no longer has.
    pub questions: Vec<QuestionSummary<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary<'a> {
    /// From 1.
    pub number: usize,
    pub id: &'a str,
    /// `None` for a question polled in an earlier version of the lesson and since removed.
    pub item: Option<&'a QuizItem>,
    pub kind: QuizKind,
    pub options: Vec<OptionSummary<'a>>,
    pub before: Option<RoundSummary>,
    pub after: Option<RoundSummary>,
    pub revealed: bool,
    pub after_key_shown: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OptionSummary<'a> {
    pub id: &'a str,
    pub letter: char,
    /// The option's text and explanation, when the lesson has it.
    pub option: Option<&'a QuizOption>,
    pub correct: Option<bool>,
    pub before: Option<Share>,
    pub after: Option<Share>,
}

/// A count and its share of the round's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    pub count: u32,
    /// Whole percent; `None` without a base (see [`super::poll`]).
    pub percent: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundSummary {
    /// How many answered: a single-answer question's counts added up, or the number the
    /// teacher entered for a multiple-answer one.
    pub answered: Option<u64>,
}

impl<'a> Summary<'a> {
    pub fn of(session: &'a Session, lesson: &'a BandLesson) -> Summary<'a> {
        let deck = Deck::of(lesson);
        let mut questions: Vec<QuestionSummary<'a>> = deck
            .questions()
            .filter_map(|id| lesson.quiz_item(id))
            .map(|item| question(&item.id, Some(item), session.poll(&item.id)))
            .collect();
        for (id, poll) in session.polls() {
            if !questions.iter().any(|question| question.id == id) {
                questions.push(question(id, None, Some(poll)));
            }
        }
        for (number, question) in (1..).zip(&mut questions) {
            question.number = number;
        }
        Summary { setup: session.setup(), class_size: session.class_size(), questions }
    }

    /// The CSV described in the module documentation (without a byte-order mark).
    pub fn csv(&self) -> String {
        let mut text = String::new();
        write_row(&mut text, COLUMNS.iter().map(|column| column.name));
        let setup = self.setup;
        let (session, date, version) = (setup.id.to_string(), setup.date.to_string(), setup.lesson_version.to_string());
        for question in &self.questions {
            let answered = |round: Option<RoundSummary>| {
                round.and_then(|round| round.answered).map(|n| n.to_string()).unwrap_or_default()
            };
            let (before_answered, after_answered) = (answered(question.before), answered(question.after));
            for option in &question.options {
                let count = |share: Option<Share>| share.map(|share| share.count.to_string()).unwrap_or_default();
                let letter = option.letter.to_string();
                let row = [
                    session.as_str(),
                    &date,
                    &setup.lesson,
                    &version,
                    setup.band.as_str(),
                    setup.locale.as_str(),
                    question.id,
                    kind_name(question.kind),
                    option.id,
                    &letter,
                    option.correct.map_or("", option_key),
                    &count(option.before),
                    &count(option.after),
                    &before_answered,
                    &after_answered,
                    bool_name(question.revealed),
                    bool_name(question.after_key_shown),
                ];
                write_row(&mut text, row);
            }
        }
        text
    }

    /// The JSON export: the same as the CSV, a question per object.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Document<'a> {
            format: &'static str,
            version: u64,
            session: String,
            date: String,
            lesson: &'a str,
            lesson_version: u32,
            band: &'static str,
            language: &'a str,
            class_size: Option<u16>,
            questions: Vec<Question<'a>>,
        }
        #[derive(Serialize)]
        struct Question<'a> {
            item: &'a str,
            kind: &'static str,
            options: Vec<Option_<'a>>,
            before_answered: Option<u64>,
            after_answered: Option<u64>,
            revealed: bool,
            after_key_shown: bool,
        }
        #[derive(Serialize)]
        struct Option_<'a> {
            option: &'a str,
            letter: char,
            key: Option<&'static str>,
            before: Option<u32>,
            after: Option<u32>,
        }
        let setup = self.setup;
        let document = Document {
            format: SUMMARY_FORMAT,
            version: SUMMARY_VERSION,
            session: setup.id.to_string(),
            date: setup.date.to_string(),
            lesson: &setup.lesson,
            lesson_version: setup.lesson_version,
            band: setup.band.as_str(),
            language: setup.locale.as_str(),
            class_size: self.class_size,
            questions: self
                .questions
                .iter()
                .map(|question| Question {
                    item: question.id,
                    kind: kind_name(question.kind),
                    options: question
                        .options
                        .iter()
                        .map(|option| Option_ {
                            option: option.id,
                            letter: option.letter,
                            key: option.correct.map(option_key),
                            before: option.before.map(|share| share.count),
                            after: option.after.map(|share| share.count),
                        })
                        .collect(),
                    before_answered: question.before.and_then(|round| round.answered),
                    after_answered: question.after.and_then(|round| round.answered),
                    revealed: question.revealed,
                    after_key_shown: question.after_key_shown,
                })
                .collect(),
        };
        serde_json::to_string_pretty(&document).expect("strings and numbers always serialise")
    }
}

/// The codebook of the summary CSV: its columns, then each question of the lesson (as the
/// band sees it) and each option with its key, with texts in each language given. `lessons`
/// is the same lesson in each language (the first one's questions are listed).
pub fn codebook_csv(lessons: &[(Locale, &BandLesson)]) -> String {
    let languages: Vec<Locale> = lessons.iter().map(|(locale, _)| locale.clone()).collect();
    let mut book = CodebookWriter::new(&languages);
    book.fixed_columns(COLUMNS);
    let Some((_, first)) = lessons.first() else { return book.finish() };
    let version = first.version.to_string();
    let texts = |text: &dyn Fn(&QuizItem) -> Option<String>, id: &str| -> Texts {
        lessons
            .iter()
            .filter_map(|(locale, lesson)| Some((locale.clone(), text(lesson.quiz_item(id)?)?)))
            .filter(|(_, text)| !text.is_empty())
            .collect()
    };
    for item in &first.quiz {
        let kind = kind_name(item.kind);
        let prompt = texts(&|item| Some(item.prompt.clone()), &item.id);
        book.row(["item", &item.id, &version, kind, "correct-set", "", ""], &prompt);
        for option in &item.options {
            let text = texts(&|item| item.options.iter().find(|o| o.id == option.id).map(|o| o.text.clone()), &item.id);
            book.row(
                ["option", &item.id, &version, kind, "correct-set", &option.id, option_key(option.correct)],
                &text,
            );
        }
    }
    book.finish()
}

const COLUMNS: &[FixedColumn] = &[
    FixedColumn { name: "session", kind: "session-id", values: &[] },
    FixedColumn { name: "date", kind: "date", values: &[] },
    FixedColumn { name: "lesson", kind: "lesson-id", values: &[] },
    FixedColumn { name: "lesson_version", kind: "integer", values: &[] },
    FixedColumn { name: "band", kind: "age-band", values: &["12-14", "15-18"] },
    FixedColumn { name: "language", kind: "language-tag", values: &[] },
    FixedColumn { name: "item", kind: "item-id", values: &[] },
    FixedColumn { name: "kind", kind: "item-kind", values: &["single", "multiple", "true-false"] },
    FixedColumn { name: "option", kind: "option-id", values: &[] },
    FixedColumn { name: "letter", kind: "letter", values: &[] },
    FixedColumn { name: "key", kind: "key", values: &["correct", "incorrect"] },
    FixedColumn { name: "before", kind: "count", values: &[] },
    FixedColumn { name: "after", kind: "count", values: &[] },
    FixedColumn { name: "before_answered", kind: "count", values: &[] },
    FixedColumn { name: "after_answered", kind: "count", values: &[] },
    FixedColumn { name: "revealed", kind: "boolean", values: &["true", "false"] },
    FixedColumn { name: "after_key_shown", kind: "boolean", values: &["true", "false"] },
];

fn question<'a>(id: &'a str, item: Option<&'a QuizItem>, poll: Option<&'a Poll>) -> QuestionSummary<'a> {
    let kind = poll.map(Poll::kind).or(item.map(|item| item.kind)).unwrap_or(QuizKind::Single);
    let ids: Vec<&'a str> = match (poll, item) {
        (Some(poll), _) => poll.options().iter().map(String::as_str).collect(),
        (None, Some(item)) => item.options.iter().map(|option| option.id.as_str()).collect(),
        (None, None) => Vec::new(),
    };
    let round = |round: Round| poll.and_then(|poll| poll.tally(round));
    let shares = |tally: Option<&Tally>, k: usize| {
        let tally = tally?;
        Some(Share { count: *tally.counts().get(k)?, percent: tally.shares(kind).get(k).copied().flatten() })
    };
    let options = ids
        .into_iter()
        .enumerate()
        .map(|(k, id)| {
            let option = item.and_then(|item| item.options.iter().find(|option| option.id == id));
            OptionSummary {
                id,
                letter: letter(k).unwrap_or('?'),
                option,
                correct: option.map(|option| option.correct),
                before: shares(round(Round::Before), k),
                after: shares(round(Round::After), k),
            }
        })
        .collect();
    let summary = |tally: Option<&Tally>| {
        tally.map(|tally| RoundSummary {
            answered: match kind {
                QuizKind::Multiple => tally.answered().map(u64::from),
                QuizKind::Single | QuizKind::TrueFalse => tally.base(kind),
            },
        })
    };
    QuestionSummary {
        number: 0,
        id,
        item,
        kind,
        options,
        before: summary(round(Round::Before)),
        after: summary(round(Round::After)),
        revealed: poll.is_some_and(Poll::is_revealed),
        after_key_shown: poll.is_some_and(Poll::after_key_shown),
    }
}

fn kind_name(kind: QuizKind) -> &'static str {
    match kind {
        QuizKind::Single => "single",
        QuizKind::Multiple => "multiple",
        QuizKind::TrueFalse => "true-false",
    }
}

fn bool_name(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}
