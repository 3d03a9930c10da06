//! What a campaign hears of the embedded lesson's quiz, read from the student's progress: each
//! change of it (the quiz shown with a new order, an answer checked, the quiz started afresh)
//! becomes events for the page around the quiz and, when the deployment sends xAPI, statements
//! for its learning record store. Both say the same: started, answered (the first check of each
//! item), completed with the score.
//!
//! An attempt, as a campaign hears of it, begins in this page when the quiz is shown with a new
//! option order (a first visit, or "Take the quiz again"), or at the first check of a quiz begun
//! on an earlier visit; it ends when every item is solved, when the quiz starts afresh, or when
//! the page goes. The xAPI actor's random name lives in the [`Attempt`] this type holds for that
//! time only, so a reload in the middle of a quiz goes on under a new name (nothing that could
//! link the two is kept). A change of language mid-quiz also starts a new [`Attempt`], so each
//! statement's words and `context.language` agree.

use std::collections::BTreeMap;

use super::ChildMessage;
use crate::content::Lesson;
use crate::deployment::{PassMark, SiteUrl, XapiEndpoint};
use crate::progress::LessonProgress;
use crate::quiz::{ItemRecord, Summary};
use crate::xapi::{Attempt, IdBytes, Statement};

/// Follows one lesson's quiz in one page.
#[derive(Debug, Clone)]
pub struct Reporter {
    /// Where statements say Aware is (`[xapi] site_url`); `None`: no statements.
    site: Option<SiteUrl>,
    /// The campaign's pass mark (`[xapi] pass_mark`), if it set one.
    pass_mark: Option<PassMark>,
    ongoing: bool,
    /// The attempt's statements' maker, with the language it was started in.
    xapi: Option<(String, Attempt)>,
}

/// What one change of progress tells the campaign.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub messages: Vec<ChildMessage>,
    pub statements: Vec<Statement>,
}

impl Reporter {
    /// A reporter sending statements as `xapi` says (`None`: messages to the page only).
    pub fn new(xapi: Option<&XapiEndpoint>) -> Reporter {
        Reporter {
            site: xapi.map(|xapi| xapi.site.clone()),
            pass_mark: xapi.and_then(|xapi| xapi.pass_mark),
            ongoing: false,
            xapi: None,
        }
    }

    /// The student's progress in `lesson` (as their band sees it, in `language`, the content's
    /// locale) went from `before` to `after`. `random` gives fresh bytes from a cryptographic
    /// source for each statement id and actor name.
    pub fn changed(
        &mut self,
        lesson: &Lesson,
        language: &str,
        before: Option<&LessonProgress>,
        after: Option<&LessonProgress>,
        mut random: impl FnMut() -> IdBytes,
    ) -> Report {
        let mut report = Report::default();
        let seed = |progress: Option<&LessonProgress>| progress.and_then(|p| p.quiz_seed);
        if seed(before).is_some() && seed(after).is_none() {
            self.end();
        }
        if seed(before).is_none() && seed(after).is_some() {
            self.begin(lesson, language, &mut random, &mut report);
        }
        for item in &lesson.quiz {
            let record = |progress| record_of(progress, &item.id);
            let first_check = match (record(before), record(after)) {
                (None, Some(now)) => now.attempts > 0,
                (Some(was), Some(now)) => was.attempts == 0 && now.attempts > 0,
                (_, None) => false,
            };
            let Some(now) = record(after).filter(|_| first_check) else { continue };
            if !self.ongoing {
                self.begin(lesson, language, &mut random, &mut report);
            }
            report.messages.extend(ChildMessage::answered(lesson, item, now.first_try_correct));
            if let Some(attempt) = self.attempt(lesson, language, &mut random, &mut report) {
                report.statements.extend(attempt.answered(lesson, item, &now.selection, random()));
            }
        }
        let none = BTreeMap::new();
        let summary =
            |progress: Option<&LessonProgress>| Summary::of(&lesson.quiz, progress.map_or(&none, |p| &p.quiz));
        let (was, now) = (summary(before), summary(after));
        if self.ongoing && !was.is_complete() && now.is_complete() {
            report.messages.extend(ChildMessage::completed(lesson, &now));
            if let Some(attempt) = self.attempt(lesson, language, &mut random, &mut report) {
                report.statements.extend(attempt.completed(lesson, &now, [random(), random()]));
            }
            self.end();
        }
        report
    }

    fn begin(&mut self, lesson: &Lesson, language: &str, random: &mut impl FnMut() -> IdBytes, report: &mut Report) {
        self.end();
        self.ongoing = true;
        report.messages.extend(ChildMessage::started(lesson));
        self.attempt(lesson, language, random, report);
    }

    /// Forgets the attempt, and with it the actor's name.
    fn end(&mut self) {
        self.ongoing = false;
        self.xapi = None;
    }

    /// The ongoing attempt's statement maker in `language`, started (with its `attempted`
    /// statement) if there is none in that language; `None` without xAPI.
    fn attempt(
        &mut self,
        lesson: &Lesson,
        language: &str,
        random: &mut impl FnMut() -> IdBytes,
        report: &mut Report,
    ) -> Option<&mut Attempt> {
        let site = self.site.as_ref()?;
        if self.xapi.as_ref().is_none_or(|(started_in, _)| started_in != language) {
            let (attempt, attempted) = Attempt::start(site, language, lesson, random(), random())?;
            let attempt = attempt.with_pass_mark(self.pass_mark);
            report.statements.push(attempted);
            self.xapi = Some((language.to_owned(), attempt));
        }
        self.xapi.as_mut().map(|(_, attempt)| attempt)
    }
}

fn record_of<'a>(progress: Option<&'a LessonProgress>, item: &str) -> Option<&'a ItemRecord> {
    progress.and_then(|p| p.quiz.get(item))
}
