use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::DecodeError;
use crate::json;
use crate::study::{Allowed, Form, Id, Locale, Vocabulary};

/// Bumped whenever `assessment.json` changes shape (not when its content changes: that is
/// [`Assessment::version`]). 2: item spans (`since`, `until`), retired items, pinned options,
/// review status.
pub const ASSESSMENT_FORMAT: u32 = 2;

/// The compiled assessment is about 40 KB.
pub const MAX_ASSESSMENT_BYTES: usize = 1024 * 1024;

/// Texts of one thing, by locale tag.
pub type Texts = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub format: u32,
    /// The content version recorded with every attempt; reports only compare attempts at the
    /// version they score.
    pub version: u32,
    /// In the order the compiler found them; every text below exists in each.
    pub locales: Vec<String>,
    /// Wording shared by all items, per locale.
    pub labels: BTreeMap<String, Labels>,
    pub scales: Vec<Scale>,
    /// The knowledge items asked now, at [`Self::version`].
    pub knowledge: Vec<KnowledgeItem>,
    /// The Likert statements asked now.
    pub likert: Vec<LikertItem>,
    /// Earlier versions of items, no longer asked: kept so that attempts taken with them are
    /// still read, scored on what they share with the items asked now, and described in the
    /// codebook. Never shown to students.
    #[serde(default)]
    pub retired: Retired,
    /// Per locale: whether a native speaker has reviewed that language's text against the
    /// original, as a review record confirms (`locales/<locale>/reviews.toml`).
    #[serde(default)]
    pub reviewed: BTreeMap<String, bool>,
}

/// Item versions that are no longer asked (`assessment/retired.toml`): each has an `until`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Retired {
    pub knowledge: Vec<KnowledgeItem>,
    pub likert: Vec<LikertItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// Strongly disagree … strongly agree, for answers 1 to 5.
    pub likert: [String; 5],
    pub declined: String,
    #[serde(rename = "true")]
    pub true_: String,
    #[serde(rename = "false")]
    pub false_: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub id: String,
    pub name: Texts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeItem {
    pub id: String,
    pub version: u32,
    /// The assessment versions that asked this item version: from `since` up to, but not
    /// including, `until` (`None`: it is still asked).
    pub since: u32,
    pub until: Option<u32>,
    /// The concept this item tests; its twin on the other form has the same pair.
    pub pair: String,
    pub form: Form,
    pub true_false: bool,
    /// For true/false items, `true` and `false`, whose texts are the [`Labels`].
    pub options: Vec<KnowledgeOption>,
    pub prompt: Texts,
    /// Shown once the student has handed in.
    pub explanation: Texts,
    /// Empty for retired items, which are no longer scored as knowledge on their own.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeOption {
    pub id: String,
    pub correct: bool,
    /// Shown after the shuffled options, in the order written (see [`crate::shuffle`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub last: bool,
    /// Empty for true/false items (see [`Labels`]).
    pub text: Texts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LikertItem {
    pub id: String,
    pub version: u32,
    /// As for [`KnowledgeItem::since`] and [`KnowledgeItem::until`].
    pub since: u32,
    pub until: Option<u32>,
    pub scale: String,
    /// Agreeing is the attitude the lessons argue against, so the score is `6 − answer`.
    pub reversed: bool,
    pub statement: Texts,
}

/// Why `assessment.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentDecodeError {
    Malformed(String),
    WrongFormat { found: u32 },
}

impl std::fmt::Display for AssessmentDecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssessmentDecodeError::Malformed(detail) => write!(f, "the assessment file is damaged: {detail}"),
            AssessmentDecodeError::WrongFormat { found } => {
                write!(f, "the assessment file has format {found}, this app reads format {ASSESSMENT_FORMAT}")
            }
        }
    }
}

impl Assessment {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("the assessment model always serialises")
    }

    pub fn decode(text: &str) -> Result<Assessment, AssessmentDecodeError> {
        crate::content::check_size(text, MAX_ASSESSMENT_BYTES).map_err(|problem| match problem {
            DecodeError::Malformed(detail) => AssessmentDecodeError::Malformed(detail),
            DecodeError::WrongFormat { found } => AssessmentDecodeError::WrongFormat { found },
        })?;
        #[derive(Deserialize)]
        struct Header {
            format: u32,
        }
        let malformed = |e: serde_json::Error| AssessmentDecodeError::Malformed(json::message(&e));
        let header: Header = serde_json::from_str(text).map_err(malformed)?;
        if header.format != ASSESSMENT_FORMAT {
            return Err(AssessmentDecodeError::WrongFormat { found: header.format });
        }
        serde_json::from_str(text).map_err(malformed)
    }

    /// The languages, items and options a record of this assessment may name: those of the items
    /// asked now and of their retired versions (attempts taken with those are still read). Ids the
    /// compiler would refuse are left out (so a record cannot name them either).
    pub fn vocabulary(&self) -> Vocabulary {
        let mut vocabulary = Vocabulary::new(self.locales.iter().filter_map(|locale| Locale::new(locale)));
        for item in self.knowledge.iter().chain(&self.retired.knowledge) {
            if let Ok(id) = Id::new(&item.id) {
                vocabulary.allow_options(id, item.options.iter().filter_map(|option| Id::new(&option.id).ok()));
            }
        }
        for item in self.likert.iter().chain(&self.retired.likert) {
            if let Ok(id) = Id::new(&item.id) {
                vocabulary.allow(id, Allowed::Likert);
            }
        }
        vocabulary
    }

    /// The knowledge items of one form, in the order students see them.
    pub fn knowledge_on(&self, form: Form) -> impl Iterator<Item = &KnowledgeItem> {
        self.knowledge.iter().filter(move |item| item.form == form)
    }

    /// The knowledge items of one form as version `version` of the assessment asked them
    /// (current and retired item versions), in the order they are kept.
    pub fn knowledge_asked_at(&self, form: Form, version: u32) -> impl Iterator<Item = &KnowledgeItem> {
        self.knowledge
            .iter()
            .chain(&self.retired.knowledge)
            .filter(move |item| item.form == form && asked_at(item.since, item.until, version))
    }

    /// The Likert statements version `version` of the assessment asked.
    pub fn likert_asked_at(&self, version: u32) -> impl Iterator<Item = &LikertItem> {
        self.likert.iter().chain(&self.retired.likert).filter(move |item| asked_at(item.since, item.until, version))
    }

    /// Concepts in the order of form A: the rows of the report's per-item table.
    pub fn pairs(&self) -> Vec<&str> {
        self.knowledge_on(Form::A).map(|item| item.pair.as_str()).collect()
    }

    pub fn likert_in<'a>(&'a self, scale: &'a str) -> impl Iterator<Item = &'a LikertItem> {
        self.likert.iter().filter(move |item| item.scale == scale)
    }

    /// The text in `locale`, or in the first locale that has it (the compiler guarantees every
    /// locale has every text, so the fallback only guards a hand-edited file).
    pub fn text<'a>(&self, texts: &'a Texts, locale: &str) -> &'a str {
        texts.get(locale).or_else(|| self.locales.iter().find_map(|l| texts.get(l))).map_or("", String::as_str)
    }

    pub fn labels(&self, locale: &str) -> Option<&Labels> {
        self.labels.get(locale).or_else(|| self.locales.first().and_then(|l| self.labels.get(l)))
    }
}

impl KnowledgeItem {
    /// Whether version `version` of the assessment asked this version of the item.
    pub fn asked_at(&self, version: u32) -> bool {
        asked_at(self.since, self.until, version)
    }
}

impl LikertItem {
    /// Whether version `version` of the assessment asked this version of the statement.
    pub fn asked_at(&self, version: u32) -> bool {
        asked_at(self.since, self.until, version)
    }
}

fn asked_at(since: u32, until: Option<u32>, version: u32) -> bool {
    since <= version && until.is_none_or(|until| version < until)
}
