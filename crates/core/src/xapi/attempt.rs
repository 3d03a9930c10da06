//! One student's attempt at one quiz, and the statements it produces: `attempted` when the quiz
//! starts, `answered` for the first check of each item, `completed` with the score when every
//! item is solved, and then `passed` or `failed` where the campaign has set a pass mark.
//!
//! The attempt holds the only copy of its actor's random name. The app keeps the `Attempt` in
//! memory while the quiz is on screen and drops it when the quiz ends or the page goes: the name
//! is never written anywhere but into the attempt's own statements (which wait in the outbox
//! until sent), so two attempts on one device cannot be linked.

use std::collections::BTreeSet;

use super::Uuid;
use super::activity::QuizActivity;
use super::statement::*;
use crate::content::{ContentId, Lesson, QuizItem, QuizKind};
use crate::deployment::{PassMark, SiteUrl};
use crate::quiz::{self, Score, Selection, Summary};

/// The random bytes a statement id takes.
pub type IdBytes = [u8; Uuid::RANDOM_BYTES];

/// How xAPI writes a list of choice ids in `result.response` and `correctResponsesPattern`.
pub const LIST_SEPARATOR: &str = "[,]";

#[derive(Debug, Clone)]
pub struct Attempt {
    site: SiteUrl,
    language: String,
    quiz: QuizActivity,
    actor: Uuid,
    /// Items whose first check has been sent: a later check of the same item sends nothing.
    answered: BTreeSet<ContentId>,
    completed: bool,
    /// The campaign's pass mark, if it set one (`[xapi] pass_mark`).
    pass_mark: Option<PassMark>,
}

impl Attempt {
    /// Starts an attempt at `lesson`'s quiz, shown in `language` (the content's locale). The
    /// actor's name is made from `actor_bytes`, the `attempted` statement's id from `id_bytes`:
    /// both from the browser's cryptographic random source. `None` if the lesson has no quiz.
    pub fn start(
        site: &SiteUrl,
        language: &str,
        lesson: &Lesson,
        actor_bytes: IdBytes,
        id_bytes: IdBytes,
    ) -> Option<(Attempt, Statement)> {
        if lesson.quiz.is_empty() {
            return None;
        }
        let quiz = QuizActivity { lesson: ContentId::parse(&lesson.id).ok()?, version: lesson.version, item: None };
        let attempt = Attempt {
            site: site.clone(),
            language: language.to_owned(),
            quiz,
            actor: Uuid::v4(actor_bytes),
            answered: BTreeSet::new(),
            completed: false,
            pass_mark: None,
        };
        let statement = attempt.statement(id_bytes, Verb::Attempted, attempt.quiz_activity(lesson), None, None);
        Some((attempt, statement))
    }

    /// Judges the completed quiz against the campaign's pass mark (`None`: no `passed`/`failed`).
    pub fn with_pass_mark(self, pass_mark: Option<PassMark>) -> Attempt {
        Attempt { pass_mark, ..self }
    }

    /// The `answered` statement for a checked selection, or `None` if this item was already
    /// answered in this attempt, is not in this lesson, or the selection names no option of it.
    pub fn answered(
        &mut self,
        lesson: &Lesson,
        item: &QuizItem,
        selection: &Selection,
        id_bytes: IdBytes,
    ) -> Option<Statement> {
        let item_id = ContentId::parse(&item.id).ok()?;
        let in_lesson = self.is_this_lesson(lesson) && lesson.quiz_item(&item.id) == Some(item);
        let named = !selection.is_empty() && selection.iter().all(|id| item.options.iter().any(|o| &o.id == id));
        if !in_lesson || !named || self.answered.contains(&item_id) {
            return None;
        }
        let activity = self.item_activity(item, &item_id);
        // In display order, whatever order the selection was made in.
        let response = item.options.iter().filter(|o| selection.contains(&o.id)).map(|o| o.id.as_str());
        let outcome = Outcome {
            score: None,
            success: Some(quiz::check(item, selection).correct),
            completion: None,
            response: Some(response.collect::<Vec<_>>().join(LIST_SEPARATOR)),
        };
        let parent = ContextActivities {
            parent: vec![ActivityRef { object_type: ObjectType::Activity, id: self.quiz.id(&self.site) }],
        };
        self.answered.insert(item_id);
        Some(self.statement(id_bytes, Verb::Answered, activity, Some(outcome), Some(parent)))
    }

    /// The `completed` statement with the score (items right on the first try), once every
    /// item is solved, then (with a pass mark) `passed` or `failed` with the same score and its
    /// `success`: one id from `ids` each. Nothing before, or once they were made.
    pub fn completed(&mut self, lesson: &Lesson, summary: &Summary, ids: [IdBytes; 2]) -> Vec<Statement> {
        if !self.is_this_lesson(lesson) || self.completed || summary.total != lesson.quiz.len() {
            return Vec::new();
        }
        let Some(score) = Score::of(summary) else { return Vec::new() };
        let (raw, max) = (u32::from(score.correct()), u32::from(score.max()));
        let score = ScoreResult { scaled: f64::from(raw) / f64::from(max), raw, min: 0, max };
        let outcome = |success| Outcome { score: Some(score.clone()), success, completion: Some(true), response: None };
        self.completed = true;
        let [completed_id, judged_id] = ids;
        let mut statements =
            vec![self.statement(completed_id, Verb::Completed, self.quiz_activity(lesson), Some(outcome(None)), None)];
        if let Some(mark) = self.pass_mark {
            let passed = mark.is_passed_by(raw, max);
            let verb = if passed { Verb::Passed } else { Verb::Failed };
            statements.push(self.statement(
                judged_id,
                verb,
                self.quiz_activity(lesson),
                Some(outcome(Some(passed))),
                None,
            ));
        }
        statements
    }

    fn is_this_lesson(&self, lesson: &Lesson) -> bool {
        lesson.id == self.quiz.lesson.as_str() && lesson.version == self.quiz.version
    }

    fn text(&self, text: &str) -> LanguageMap {
        LanguageMap { language: self.language.clone(), text: text.to_owned() }
    }

    fn quiz_activity(&self, lesson: &Lesson) -> Activity {
        Activity {
            object_type: ObjectType::Activity,
            id: self.quiz.id(&self.site),
            definition: Definition {
                kind: ActivityType::Assessment,
                name: self.text(&lesson.title),
                interaction_type: None,
                correct_responses_pattern: None,
                choices: None,
            },
        }
    }

    fn item_activity(&self, item: &QuizItem, item_id: &ContentId) -> Activity {
        let correct = item.correct_options().map(|o| o.id.as_str()).collect::<Vec<_>>().join(LIST_SEPARATOR);
        let (interaction_type, choices) = match item.kind {
            // True/false items have no choices: the response is `true` or `false`, which are
            // also their options' ids.
            QuizKind::TrueFalse => (InteractionType::TrueFalse, None),
            QuizKind::Single | QuizKind::Multiple => (
                InteractionType::Choice,
                Some(
                    item.options.iter().map(|o| Choice { id: o.id.clone(), description: self.text(&o.text) }).collect(),
                ),
            ),
        };
        let activity = QuizActivity { item: Some(item_id.clone()), ..self.quiz.clone() };
        Activity {
            object_type: ObjectType::Activity,
            id: activity.id(&self.site),
            definition: Definition {
                kind: ActivityType::Interaction,
                name: self.text(&item.prompt),
                interaction_type: Some(interaction_type),
                correct_responses_pattern: Some(vec![correct]),
                choices,
            },
        }
    }

    fn statement(
        &self,
        id_bytes: IdBytes,
        verb: Verb,
        object: Activity,
        result: Option<Outcome>,
        context_activities: Option<ContextActivities>,
    ) -> Statement {
        Statement {
            id: Uuid::v4(id_bytes),
            actor: Actor {
                object_type: ObjectType::Agent,
                account: Account { home_page: self.site.as_str().to_owned(), name: self.actor },
            },
            verb,
            object,
            result,
            context: Context { language: self.language.clone(), context_activities },
        }
    }
}
