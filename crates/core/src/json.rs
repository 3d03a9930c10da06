//! The rules every decoder of untrusted JSON follows before serde sees a byte.
//!
//! serde_json is safe against panics and deep nesting, but two things it does would let a crafted
//! file take far more memory than its own size (wasm memory never shrinks, and a failed
//! allocation aborts the app):
//!
//! - its error messages quote the offending value in full (`invalid type: string "…"`, `unknown
//!   field "…"`), Debug-escaped, which can triple a long string;
//! - a long run of digits is collected into a buffer before it is found to be out of range.
//!
//! [`check_tokens`] refuses, in one pass without allocating, any string, key or bare token (a
//! number, `true`, garbage) longer than the decoder's limit, so every later message and buffer
//! is small. What remains is each decoder's job: skip unknown values with `IgnoredAny` (never a
//! `serde_json::Value`), stop reading a list at its limit (`at_most`), and build compact types.
//! The memory test (`crates/core/tests/memory.rs`) holds the decoders of results files and stored
//! data to twice their input plus a constant, whatever the input.

use std::collections::BTreeMap;
use std::fmt;

/// A token longer than the decoder allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenTooLong {
    /// Where it starts, counting lines and columns from 1 as serde_json does.
    pub line: usize,
    pub column: usize,
    pub max: usize,
}

impl fmt::Display for TokenTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a text or number longer than {} bytes at line {} column {}", self.max, self.line, self.column)
    }
}

impl std::error::Error for TokenTooLong {}

/// Checks that no string (counted as written, escapes included) and no bare token is longer
/// than `max` bytes. It does not check the JSON is valid: serde does that next; an unclosed
/// string simply runs to the end and is measured like any other.
pub fn check_tokens(bytes: &[u8], max: usize) -> Result<(), TokenTooLong> {
    let (mut line, mut line_start) = (1, 0);
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let start = index;
        match byte {
            b'\n' => {
                line += 1;
                line_start = index + 1;
                index += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'{' | b'}' | b'[' | b']' | b',' | b':' => {
                index += 1;
                continue;
            }
            b'"' => {
                index += 1;
                while index < bytes.len() && bytes[index] != b'"' {
                    // A backslash escapes the next byte (`\"`, `\\`); longer escapes need no care.
                    index += if bytes[index] == b'\\' { 2 } else { 1 };
                }
                index = (index + 1).min(bytes.len());
                // The quotes are not part of the text.
                if index - start > max + 2 {
                    return Err(TokenTooLong { line, column: start - line_start + 1, max });
                }
            }
            _ => {
                while index < bytes.len()
                    && !matches!(
                        bytes[index],
                        b' ' | b'\t' | b'\r' | b'\n' | b'{' | b'}' | b'[' | b']' | b',' | b':' | b'"'
                    )
                {
                    index += 1;
                }
                if index - start > max {
                    return Err(TokenTooLong { line, column: start - line_start + 1, max });
                }
            }
        }
    }
    Ok(())
}

/// A list of at most `MAX` elements, refused at its `MAX + 1`th element, before that element
/// is built. For `#[serde(deserialize_with = "json::at_most::<_, _, MAX>")]`.
pub(crate) fn at_most<'de, D, T, const MAX: usize>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    use serde::de::{Error, SeqAccess, Visitor};

    struct AtMost<T, const MAX: usize>(std::marker::PhantomData<T>);

    impl<'de, T: serde::Deserialize<'de>, const MAX: usize> Visitor<'de> for AtMost<T, MAX> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {MAX} elements")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.len() == MAX {
                    return Err(A::Error::custom(format_args!("a list of more than {MAX} elements")));
                }
                items.push(item);
            }
            // Growth by doubling may have left up to half of the capacity unused.
            items.shrink_to_fit();
            Ok(items)
        }
    }

    deserializer.deserialize_seq(AtMost::<T, MAX>(std::marker::PhantomData))
}

/// A map of at most `MAX` entries, refused at its `MAX + 1`th key, before that entry is built.
/// For `#[serde(deserialize_with = "json::map_at_most::<_, _, _, MAX>")]`.
pub(crate) fn map_at_most<'de, D, K, V, const MAX: usize>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    use serde::de::{Error, MapAccess, Visitor};

    struct AtMost<K, V, const MAX: usize>(std::marker::PhantomData<(K, V)>);

    impl<'de, K, V, const MAX: usize> Visitor<'de> for AtMost<K, V, MAX>
    where
        K: serde::Deserialize<'de> + Ord,
        V: serde::Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a map of at most {MAX} entries")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BTreeMap<K, V>, A::Error> {
            let mut entries = BTreeMap::new();
            while let Some(key) = map.next_key()? {
                if entries.len() == MAX {
                    return Err(A::Error::custom(format_args!("a map of more than {MAX} entries")));
                }
                let value = map.next_value()?;
                entries.insert(key, value);
            }
            Ok(entries)
        }
    }

    deserializer.deserialize_map(AtMost::<K, V, MAX>(std::marker::PhantomData))
}

/// A reader's message, cut to a length that fits in a sentence: serde_json quotes what it found.
pub(crate) fn message(error: &serde_json::Error) -> String {
    const MAX_CHARS: usize = 200;
    let message = error.to_string();
    match message.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, max: usize, expected: Result<(), (usize, usize)>) {
        let found = check_tokens(json.as_bytes(), max).map_err(|err| (err.line, err.column));
        assert_eq!(found, expected, "{json:?} with at most {max}");
    }

    #[test]
    fn strings_and_bare_tokens_up_to_the_limit_pass() {
        check(r#"{"abcd":[1234,true,"a\"d"]}"#, 4, Ok(()));
        check(r#""""#, 0, Ok(()));
        check("", 0, Ok(()));
    }

    #[test]
    fn the_first_long_token_is_located() {
        check(r#"{"abcde":1}"#, 4, Err((1, 2)));
        check("[1,\n 12345]", 4, Err((2, 2)));
        check("[true, false]", 4, Err((1, 8)));
        check(r#"["ab\\\"cd"]"#, 4, Err((1, 2)));
        check("\"unclosed and long", 4, Err((1, 1)));
        check("garbage-without-spaces", 4, Err((1, 1)));
    }

    #[test]
    fn an_escaped_quote_does_not_end_a_string() {
        check(r#"["\"\"\""]"#, 6, Ok(()));
        check(r#"["\"\"\""]"#, 5, Err((1, 2)));
    }
}
