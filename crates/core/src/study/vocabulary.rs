//! What the content defines: the only languages, items and options a record may name.
//!
//! The record types already bound every id to 64 characters of `a–z 0–9 -` and a language to a
//! plain tag, so nothing in a record can be a sentence. But a crafted results file could still
//! put a short word ("bat-dorj-8b") where an item or option id belongs, and an export would carry
//! it. Importing therefore checks every record against the vocabulary of the assessment the
//! teacher uses ([`crate::assessment::Assessment::vocabulary`]), and refuses the file otherwise.

use std::collections::{BTreeMap, BTreeSet};

use super::record::{Id, Locale, Record, RecordError, Response};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vocabulary {
    locales: BTreeSet<Locale>,
    items: BTreeMap<Id, Allowed>,
}

/// The answers an item accepts besides "prefer not to answer".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allowed {
    /// Choices among these options.
    Options(BTreeSet<Id>),
    /// A point on the agreement scale.
    Likert,
}

impl Vocabulary {
    pub fn new(locales: impl IntoIterator<Item = Locale>) -> Vocabulary {
        Vocabulary { locales: locales.into_iter().collect(), items: BTreeMap::new() }
    }

    /// Adds an item (replacing one with the same id).
    pub fn allow(&mut self, item: Id, allowed: Allowed) {
        self.items.insert(item, allowed);
    }

    /// Whether every id and the language of `record` are defined, and each answer is of its
    /// item's kind. Versions are not checked: an answer to an older version of an item is still
    /// a real answer, and reports tell it apart.
    pub fn check(&self, record: &Record) -> Result<(), RecordError> {
        if !self.locales.contains(&record.locale) {
            return Err(RecordError::LocaleNotInContent { locale: record.locale.clone() });
        }
        for (item, answer) in &record.answers {
            let Some(allowed) = self.items.get(item) else {
                return Err(RecordError::ItemNotInContent { item: item.clone() });
            };
            match (&answer.response, allowed) {
                (Response::Declined, _) | (Response::Likert(_), Allowed::Likert) => {}
                (Response::Chose(chosen), Allowed::Options(options)) => {
                    if let Some(unknown) = chosen.iter().find(|option| !options.contains(*option)) {
                        return Err(RecordError::OptionNotInContent { item: item.clone(), option: unknown.to_owned() });
                    }
                }
                (Response::Chose(_), Allowed::Likert) | (Response::Likert(_), Allowed::Options(_)) => {
                    return Err(RecordError::WrongKindOfAnswer { item: item.clone() });
                }
            }
        }
        Ok(())
    }
}
