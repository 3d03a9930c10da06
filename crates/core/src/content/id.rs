//! Content ids: the one rule for the ids of lessons, quiz items, options, sources, scenarios and
//! steps. Ids are stable references across languages, versions, stored progress, embed messages
//! and learning records, so they are kept to a short, safe alphabet: lower-case ASCII letters,
//! digits and inner `-`. An id can therefore never carry a name, a sentence or markup.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest id (in bytes, which are characters here). Generous for a slug
/// (`largest-forced-labour-group` has 27), short enough that a message or a record stays small.
pub const MAX_LEN: usize = 48;

/// Whether `text` is a well-formed content id.
pub fn is_valid(text: &str) -> bool {
    (1..=MAX_LEN).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// A string that is a well-formed content id: the type cannot hold anything else.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentId(String);

/// Why a text is not a [`ContentId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnId;

impl ContentId {
    pub fn parse(text: &str) -> Result<ContentId, NotAnId> {
        if is_valid(text) { Ok(ContentId(text.to_owned())) } else { Err(NotAnId) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ContentId {
    type Error = NotAnId;

    fn try_from(text: String) -> Result<ContentId, NotAnId> {
        if is_valid(&text) { Ok(ContentId(text)) } else { Err(NotAnId) }
    }
}

impl From<ContentId> for String {
    fn from(id: ContentId) -> String {
        id.0
    }
}

impl fmt::Display for ContentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for NotAnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "must be 1 to {MAX_LEN} lower-case letters, digits and inner `-`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_lowercase_slugs() {
        let longest = "a".repeat(MAX_LEN);
        for ok in ["a", "how-it-starts", "q1", "2024-data", longest.as_str()] {
            assert!(is_valid(ok), "{ok}");
        }
        let too_long = "a".repeat(MAX_LEN + 1);
        for bad in ["", "-a", "a-", "A", "a b", "a_b", "a.b", "é", "a\n", too_long.as_str()] {
            assert!(!is_valid(bad), "{bad:?}");
            assert_eq!(ContentId::parse(bad), Err(NotAnId));
        }
    }

    #[test]
    fn content_ids_refuse_bad_text_when_decoded() {
        assert_eq!(serde_json::from_str::<ContentId>("\"ok-id\"").unwrap().as_str(), "ok-id");
        assert!(serde_json::from_str::<ContentId>("\"Not ok\"").is_err());
    }
}
