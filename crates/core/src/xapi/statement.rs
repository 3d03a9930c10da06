//! The statements Aware sends, as types: only the properties Aware fills in exist, so nothing
//! else (a timestamp, a registration, a user agent, a name, an e-mail) can be added by mistake.
//! Serialised with serde to the JSON of xAPI 1.0.3 and 2.0.0 (IEEE 9274.1.1), which agree on
//! every property used here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Made by the client, so that sending the statement again is harmless.
    pub id: Uuid,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    pub context: Context,
}

/// An anonymous agent: an account on Aware's site whose name is random and lives for one
/// attempt at one quiz.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    pub object_type: ObjectType,
    pub account: Account,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ObjectType {
    Agent,
    Activity,
}

/// Verbs of ADL's vocabulary (`http://adlnet.gov/expapi/verbs/…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verb {
    /// A student started a quiz.
    Attempted,
    /// A student checked an item for the first time in an attempt.
    Answered,
    /// A student finished a quiz, with its score.
    Completed,
    /// The score reached the campaign's pass mark (only where one is set).
    Passed,
    /// The score fell short of the campaign's pass mark (only where one is set).
    Failed,
}

impl Verb {
    pub const ALL: [Verb; 5] = [Verb::Attempted, Verb::Answered, Verb::Completed, Verb::Passed, Verb::Failed];

    /// The verb's IRI.
    pub fn id(self) -> &'static str {
        match self {
            Verb::Attempted => "http://adlnet.gov/expapi/verbs/attempted",
            Verb::Answered => "http://adlnet.gov/expapi/verbs/answered",
            Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
            Verb::Passed => "http://adlnet.gov/expapi/verbs/passed",
            Verb::Failed => "http://adlnet.gov/expapi/verbs/failed",
        }
    }

    /// ADL's display word (`en-US`), for people reading the store.
    fn word(self) -> &'static str {
        self.id().rsplit('/').next().unwrap_or_default()
    }
}

impl Serialize for Verb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            id: &'static str,
            display: Display,
        }
        #[derive(Serialize)]
        struct Display {
            #[serde(rename = "en-US")]
            en_us: &'static str,
        }
        Wire { id: self.id(), display: Display { en_us: self.word() } }.serialize(serializer)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: ObjectType,
    pub id: String,
    pub definition: Definition,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Definition {
    #[serde(rename = "type")]
    pub kind: ActivityType,
    pub name: LanguageMap,
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<InteractionType>,
    #[serde(rename = "correctResponsesPattern", skip_serializing_if = "Option::is_none")]
    pub correct_responses_pattern: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Choice>>,
}

/// Activity types of ADL's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ActivityType {
    /// A lesson's quiz.
    #[serde(rename = "http://adlnet.gov/expapi/activities/assessment")]
    Assessment,
    /// One quiz item.
    #[serde(rename = "http://adlnet.gov/expapi/activities/cmi.interaction")]
    Interaction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InteractionType {
    Choice,
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub id: String,
    pub description: LanguageMap,
}

/// A language map with the one language the statement is in (`{"mn": "…"}`).
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageMap {
    pub language: String,
    pub text: String,
}

impl Serialize for LanguageMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(&self.language, &self.text)?;
        map.end()
    }
}

/// The statement's `result`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

/// `result.score`: `raw` items right on the first try out of `max`; `scaled` is `raw / max`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreResult {
    pub scaled: f64,
    pub raw: u32,
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    /// The language the student used (an RFC 5646 tag: the content's locale).
    pub language: String,
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextActivities {
    pub parent: Vec<ActivityRef>,
}

/// An activity named by its id only (in `contextActivities`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityRef {
    #[serde(rename = "objectType")]
    pub object_type: ObjectType,
    pub id: String,
}

impl Statement {
    /// The statement as JSON text, as it is queued and sent.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("statements of strings, numbers and booleans always serialise")
    }
}
