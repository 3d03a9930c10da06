//! What the content defines: the only languages, items and options a record may name.
//!
//! The record types already bound every id to 64 characters of `a–z 0–9 -` and a language to a
//! plain tag, so nothing in a record can be a sentence. But a crafted results file could still
//! put a short word ("bat-dorj-8b") where an item or option id belongs, and an export would carry
//! it. Importing therefore checks every record against the vocabulary of the assessment the
//! teacher uses ([`crate::assessment::Assessment::vocabulary`]), and refuses the file otherwise.

use std::collections::{BTreeMap, BTreeSet};

use super::record::{Id, Locale, Record, RecordError};
use super::view::{AnswerRef, ResponseRef};

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
        self.check_answers(record.locale.as_str(), record.answer_refs())
    }

    /// [`Self::check`] of a record as read from a file ([`super::RecordRef`]): its language tag
    /// as written (a valid tag) and its answers.
    pub fn check_answers<'r>(
        &self,
        locale: &str,
        answers: impl IntoIterator<Item = AnswerRef<'r>>,
    ) -> Result<(), RecordError> {
        // Files are written with canonical tags: compared as they are, parsed only otherwise.
        if !self.locales.iter().any(|known| known.as_str() == locale) {
            match Locale::new(locale) {
                Some(locale) if self.locales.contains(&locale) => {}
                Some(locale) => return Err(RecordError::LocaleNotInContent { locale }),
                None => return Err(RecordError::Locale { found: super::record::shorten(locale) }),
            }
        }
        for answer in answers {
            let Some(allowed) = self.items.get(answer.item.as_str()) else {
                return Err(RecordError::ItemNotInContent { item: answer.item.to_id() });
            };
            match (answer.response, allowed) {
                (ResponseRef::Declined, _) | (ResponseRef::Likert(_), Allowed::Likert) => {}
                (ResponseRef::Chose(chosen), Allowed::Options(options)) => {
                    if let Some(unknown) = chosen.iter().find(|option| !options.contains(option.as_str())) {
                        return Err(RecordError::OptionNotInContent {
                            item: answer.item.to_id(),
                            option: unknown.as_str().to_owned(),
                        });
                    }
                }
                (ResponseRef::Chose(_), Allowed::Likert) | (ResponseRef::Likert(_), Allowed::Options(_)) => {
                    return Err(RecordError::WrongKindOfAnswer { item: answer.item.to_id() });
                }
            }
        }
        Ok(())
    }

    /// Adds options to an item that takes options (another version of it may offer others).
    pub fn allow_options(&mut self, item: Id, options: impl IntoIterator<Item = Id>) {
        match self.items.entry(item).or_insert_with(|| Allowed::Options(BTreeSet::new())) {
            Allowed::Options(allowed) => allowed.extend(options),
            Allowed::Likert => {}
        }
    }
}
