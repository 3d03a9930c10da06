use serde::{Deserialize, Serialize};

use crate::json;

/// A lesson bundle is about half a megabyte; a larger download is not one.
pub const MAX_BUNDLE_BYTES: usize = 4 * 1024 * 1024;
/// The longest text in a bundle (a paragraph is a few hundred bytes; see [`json::check_tokens`]).
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// The help directory is compiled into the app and holds a few contacts.
const MAX_HELP_BYTES: usize = 256 * 1024;

/// Bumped whenever the compiled bundle changes shape, so an app never misreads a stale bundle
/// left in a cache by an older deployment.
/// 3: age bands (`older` marks, `older_key_points`), `last` options, source confidence.
/// 4: enums tagged by their variant's name, every field always written (the app reads a course in
///    postcard's binary form, which has neither tags nor optional fields: see `course`).
pub const BUNDLE_FORMAT: u32 = 4;

/// All lessons in one locale, ordered as on the course page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Curriculum {
    pub format: u32,
    pub locale: String,
    pub lessons: Vec<Lesson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: String,
    pub version: u32,
    /// 12 when the lesson is for both age bands, 15 when it is for ages 15–18 only (see
    /// [`Lesson::is_for`]); always the first age of a band.
    pub age_min: u8,
    pub age_max: u8,
    pub duration_minutes: u16,
    pub title: String,
    pub summary: String,
    /// Whether a native speaker has checked this language's text (false until someone has).
    pub reviewed: bool,
    /// A short, neutral note of what the lesson covers, shown with the help link before it starts.
    pub content_note: String,
    pub objectives: Vec<Objective>,
    pub sections: Vec<Section>,
    /// Shown to every band the lesson is for.
    pub key_points: Vec<String>,
    /// Shown after `key_points` to ages 15–18 only; [`Lesson::for_band`] merges or drops them.
    #[serde(default)]
    pub older_key_points: Vec<String>,
    pub quiz: Vec<QuizItem>,
    pub scenarios: Vec<Scenario>,
    pub teacher_guide: Vec<Section>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    pub text: String,
    /// For ages 15–18 only.
    #[serde(default)]
    pub older: bool,
}

/// One screen of lesson text: a `##` heading and what follows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Vec<Inline>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Subheading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Callout {
        kind: CalloutKind,
        blocks: Vec<Block>,
    },
    /// Where the lesson's scenario with this id is played.
    Scenario(String),
    /// The helplines from `help.toml`, so no lesson ever writes a phone number itself.
    HelpContacts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalloutKind {
    Note,
    Example,
    Discuss,
    /// A part for ages 15–18 only.
    Older,
}

impl CalloutKind {
    pub const ALL: [CalloutKind; 4] =
        [CalloutKind::Note, CalloutKind::Example, CalloutKind::Discuss, CalloutKind::Older];

    /// The name authors write after `:::`, also used as a CSS class and a message id suffix.
    pub fn name(self) -> &'static str {
        match self {
            CalloutKind::Note => "note",
            CalloutKind::Example => "example",
            CalloutKind::Discuss => "discuss",
            CalloutKind::Older => "older",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// A citation of a source by id; the app renders it as a link to the lesson's source list.
    Cite(String),
}

impl Inline {
    /// The words without emphasis or citations: for document titles and messages.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(text) => out.push_str(text),
                Inline::Strong(inner) | Inline::Emphasis(inner) => out.push_str(&Inline::plain_text(inner)),
                Inline::Cite(_) => {}
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizItem {
    pub id: String,
    pub kind: QuizKind,
    pub prompt: String,
    pub options: Vec<QuizOption>,
    pub sources: Vec<String>,
    /// For ages 15–18 only.
    #[serde(default)]
    pub older: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizKind {
    /// Exactly one option is correct.
    Single,
    /// "Select all that apply": one or more options are correct.
    Multiple,
    /// "Myth or fact": the options are `true` and `false`, worded by the app.
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizOption {
    pub id: String,
    /// Empty for true/false options, whose words come from the app's messages.
    pub text: String,
    pub explanation: String,
    pub correct: bool,
    /// Stays in the last place when options are shuffled ("none of these").
    #[serde(default)]
    pub last: bool,
}

/// A branching "what would you do?" story. Steps form a tree-like graph without loops: the first
/// step is the start, a step without choices is an ending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    /// Says that the story and its people are made up.
    pub intro: String,
    pub steps: Vec<ScenarioStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioStep {
    pub id: String,
    pub text: String,
    pub choices: Vec<ScenarioChoice>,
    /// For ages 15–18 only; so is every choice that leads here.
    #[serde(default)]
    pub older: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioChoice {
    pub id: String,
    pub text: String,
    /// What happens because of the choice.
    pub consequence: String,
    /// Why: what the choice teaches.
    pub why: String,
    /// The id of the step this choice leads to.
    pub next: String,
    /// For ages 15–18 only.
    #[serde(default)]
    pub older: bool,
}

impl Scenario {
    /// Every text of the story: title, introduction, steps and choices.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [self.title.as_str(), self.intro.as_str()].into_iter().chain(self.steps.iter().flat_map(|step| {
            std::iter::once(step.text.as_str())
                .chain(step.choices.iter().flat_map(|c| [c.text.as_str(), c.consequence.as_str(), c.why.as_str()]))
        }))
    }

    pub fn step(&self, id: &str) -> Option<&ScenarioStep> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// Every path from the start to an ending, as the choice ids taken; used to play them all.
    pub fn paths(&self) -> Vec<Vec<String>> {
        fn walk(scenario: &Scenario, step: &ScenarioStep, taken: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
            if step.choices.is_empty() {
                out.push(taken.clone());
                return;
            }
            for choice in &step.choices {
                if let Some(next) = scenario.step(&choice.next) {
                    taken.push(choice.id.clone());
                    walk(scenario, next, taken, out);
                    taken.pop();
                }
            }
        }
        let mut out = Vec::new();
        if let Some(start) = self.steps.first() {
            walk(self, start, &mut Vec::new(), &mut out);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub year: u16,
    pub url: String,
    /// How sure the research brief is of the facts taken from this source. Only what rests on a
    /// `High` source may be scored in a quiz or an assessment.
    #[serde(default)]
    pub confidence: Confidence,
}

/// The research brief's confidence in a source's facts (`content-facts.md`: [HIGH], [MED]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// A primary or official source seen directly, or several independent sources that agree.
    High,
    /// One credible secondary source, or a primary source seen only in part: usable in lesson
    /// text with a hedge ("a summary of the report says…"), never scored. The default, so that
    /// nothing counts as verified unless someone said so.
    #[default]
    Medium,
}

impl Confidence {
    /// As written in `sources.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
        }
    }
}

/// Why a downloaded bundle could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    Malformed(String),
    WrongFormat { found: u32 },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Malformed(why) => write!(f, "the lesson file is damaged ({why})"),
            DecodeError::WrongFormat { found } => {
                write!(f, "the lesson file has format {found}, this app reads format {BUNDLE_FORMAT}")
            }
        }
    }
}

/// The rules of `json.rs` for content: a size limit and no text longer than [`MAX_TEXT_BYTES`].
pub(crate) fn check_size(text: &str, max: usize) -> Result<(), DecodeError> {
    if text.len() > max {
        return Err(DecodeError::Malformed(format!("larger than {max} bytes")));
    }
    json::check_tokens(text.as_bytes(), MAX_TEXT_BYTES).map_err(|too_long| DecodeError::Malformed(too_long.to_string()))
}

impl Curriculum {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("the content model always serialises")
    }

    pub fn decode(text: &str) -> Result<Curriculum, DecodeError> {
        check_size(text, MAX_BUNDLE_BYTES)?;
        #[derive(Deserialize)]
        struct Header {
            format: u32,
        }
        let header: Header = serde_json::from_str(text).map_err(|e| DecodeError::Malformed(json::message(&e)))?;
        if header.format != BUNDLE_FORMAT {
            return Err(DecodeError::WrongFormat { found: header.format });
        }
        serde_json::from_str(text).map_err(|e| DecodeError::Malformed(json::message(&e)))
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| lesson.id == id)
    }
}

impl Lesson {
    pub fn quiz_item(&self, id: &str) -> Option<&QuizItem> {
        self.quiz.iter().find(|item| item.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|scenario| scenario.id == id)
    }
}

impl QuizItem {
    pub fn correct_options(&self) -> impl Iterator<Item = &QuizOption> {
        self.options.iter().filter(|option| option.correct)
    }
}

/// The helplines on the help page. Kept out of lessons so a phone number lives in exactly one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelpDirectory {
    pub contacts: Vec<HelpContact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelpContact {
    /// Also names the contact's messages in the UI's Fluent files (`help-<id>-name`, …).
    pub id: String,
    pub number: String,
    /// The source that lists the number.
    pub listed_by: Source,
    /// ISO date (YYYY-MM-DD) on which someone saw the number listed there: a desk check, which
    /// shows that the number was published, not that it works.
    pub listed_on: String,
    /// ISO date of the last test call that got through, or `None` while nobody has called: the
    /// only check that shows the number works.
    pub test_call: Option<String>,
}

impl HelpDirectory {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("the help directory always serialises")
    }

    pub fn decode(text: &str) -> Result<HelpDirectory, DecodeError> {
        check_size(text, MAX_HELP_BYTES)?;
        serde_json::from_str(text).map_err(|e| DecodeError::Malformed(json::message(&e)))
    }

    /// The form the app embeds: postcard's binary, like the lesson files (the app then needs
    /// no JSON decoder for content at all).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("the help directory always serialises")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<HelpDirectory, DecodeError> {
        postcard::from_bytes(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))
    }
}
