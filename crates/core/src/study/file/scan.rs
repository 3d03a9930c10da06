//! A JSON scanner over bytes for the results file's reader: whitespace, strings and numbers, with
//! no allocation on the way (a string with escapes is unescaped into a buffer the caller reuses).
//!
//! Errors follow serde_json's wording and say where they are as serde_json does (a line, and the
//! bytes before the offending place on that line), so a damaged file gets the message it always
//! got: the reader replaced serde for speed, not for other messages.

use std::fmt;

/// Where a string's text is: in the file as written, or, when it had escapes, unescaped in the
/// reader's buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::study) struct Text {
    pub start: u32,
    pub end: u32,
    pub unescaped: bool,
}

/// A JSON number as serde_json reads it: a whole number that fits, else a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// A problem and the byte offset serde_json would report it at. Boxed: reading passes results
/// around at every byte, and a small error keeps them in registers.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Problem(Box<(Kind, usize)>);

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Syntax(&'static str),
    InvalidType { unexpected: Unexpected, expected: &'static str },
    InvalidValue { unexpected: Unexpected, expected: &'static str },
    InvalidLength { length: usize, expected: &'static str },
    UnknownField { field: String, expected: &'static [&'static str] },
    UnknownVariant { variant: String, expected: &'static [&'static str] },
    MissingField(&'static str),
    DuplicateField(&'static str),
}

/// What was found instead of what was expected, as serde names it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Unexpected {
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    /// Cut to a length no message needs more of.
    Str(String),
    Unit,
    Seq,
    Map,
    UnitVariant,
}

pub(super) const EOF_VALUE: &str = "EOF while parsing a value";
pub(super) const EOF_STRING: &str = "EOF while parsing a string";
pub(super) const EOF_LIST: &str = "EOF while parsing a list";
pub(super) const EOF_OBJECT: &str = "EOF while parsing an object";
pub(super) const EXPECTED_COLON: &str = "expected `:`";
pub(super) const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
pub(super) const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
pub(super) const EXPECTED_IDENT: &str = "expected ident";
pub(super) const EXPECTED_VALUE: &str = "expected value";
pub(super) const INVALID_ESCAPE: &str = "invalid escape";
pub(super) const INVALID_NUMBER: &str = "invalid number";
pub(super) const NUMBER_OUT_OF_RANGE: &str = "number out of range";
pub(super) const INVALID_UNICODE: &str = "invalid unicode code point";
pub(super) const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
pub(super) const KEY_MUST_BE_A_STRING: &str = "key must be a string";
pub(super) const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
pub(super) const TRAILING_COMMA: &str = "trailing comma";
pub(super) const TRAILING_CHARACTERS: &str = "trailing characters";
pub(super) const END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";

/// 1 for the bytes a string holds as they are (printable ASCII but `"` and `\`), 0 for the rest.
pub(super) const PLAIN: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0x20;
    while byte < 0x80 {
        table[byte] = (byte != b'"' as usize && byte != b'\\' as usize) as u8;
        byte += 1;
    }
    table
};

/// Longer quoted text adds nothing to a message that is cut to 200 characters.
const QUOTE_CHARS: usize = 210;

pub(super) struct Scanner<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(bytes: &'a [u8]) -> Scanner<'a> {
        Scanner { bytes, at: 0 }
    }

    #[inline]
    pub fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace; the next byte, not consumed.
    #[inline]
    pub fn whitespace(&mut self) -> Option<u8> {
        // Files are written without whitespace: one test for the usual case.
        match self.bytes.get(self.at) {
            Some(&byte) if byte > b' ' => Some(byte),
            _ => self.whitespace_slow(),
        }
    }

    fn whitespace_slow(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(byte);
            }
            self.at += 1;
        }
        None
    }

    /// A problem at the current position (after the bytes read so far).
    #[cold]
    pub fn error(&self, kind: Kind) -> Problem {
        Problem::new(kind, self.at)
    }

    /// A problem at the byte not yet consumed (serde_json's `peek_error`).
    #[cold]
    pub fn peek_error(&self, message: &'static str) -> Problem {
        Problem::new(Kind::Syntax(message), (self.at + 1).min(self.bytes.len()))
    }

    #[cold]
    pub fn syntax(&self, message: &'static str) -> Problem {
        self.error(Kind::Syntax(message))
    }

    /// Reads a string whose opening quote was consumed, validating it as UTF-8. Text with escapes
    /// is unescaped onto the end of `buffer`.
    #[inline]
    pub fn string(&mut self, buffer: &mut Vec<u8>) -> Result<Text, Problem> {
        let start = self.at;
        // The common case: no escape, no control character, ASCII only, up to the closing quote.
        let rest = self.bytes.get(start..).unwrap_or_default();
        let length = rest.iter().position(|&byte| PLAIN[usize::from(byte)] == 0).unwrap_or(rest.len());
        let end = start + length;
        if self.bytes.get(end) == Some(&b'"') {
            self.at = end + 1;
            return Ok(Text { start: start as u32, end: end as u32, unescaped: false });
        }
        self.string_slow(start, buffer)
    }

    #[cold]
    fn string_slow(&mut self, start: usize, buffer: &mut Vec<u8>) -> Result<Text, Problem> {
        self.at = start;
        let buffer_start = buffer.len();
        let mut copied_from = start;
        let mut escaped = false;
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.syntax(EOF_STRING));
            };
            match byte {
                b'"' => {
                    let raw = if escaped {
                        buffer.extend_from_slice(&self.bytes[copied_from..self.at]);
                        &buffer[buffer_start..]
                    } else {
                        &self.bytes[start..self.at]
                    };
                    if let Err(error) = std::str::from_utf8(raw) {
                        // Pointed at the first invalid byte, counted back from after the closing
                        // quote, as serde_json does (approximately, after escapes).
                        let at = (self.at + 1).saturating_sub(raw.len() - error.valid_up_to());
                        buffer.truncate(buffer_start);
                        return Err(Problem::new(Kind::Syntax(INVALID_UNICODE), line_relative(self, at)));
                    }
                    self.at += 1;
                    return Ok(if escaped {
                        Text { start: buffer_start as u32, end: buffer.len() as u32, unescaped: true }
                    } else {
                        Text { start: start as u32, end: (self.at - 1) as u32, unescaped: false }
                    });
                }
                b'\\' => {
                    buffer.extend_from_slice(&self.bytes[copied_from..self.at]);
                    escaped = true;
                    self.at += 1;
                    self.escape(buffer)?;
                    copied_from = self.at;
                }
                0..=0x1F => {
                    self.at += 1;
                    return Err(self.syntax(CONTROL_CHARACTER));
                }
                _ => self.at += 1,
            }
        }
    }

    /// One escape after its backslash, appended to `buffer` (serde_json's `parse_escape`).
    fn escape(&mut self, buffer: &mut Vec<u8>) -> Result<(), Problem> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return Err(self.syntax(EOF_STRING));
        };
        self.at += 1;
        let plain = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => b'\x08',
            b'f' => b'\x0c',
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(buffer),
            _ => return Err(self.syntax(INVALID_ESCAPE)),
        };
        buffer.push(plain);
        Ok(())
    }

    fn unicode_escape(&mut self, buffer: &mut Vec<u8>) -> Result<(), Problem> {
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.syntax(LONE_SURROGATE));
        }
        let code = if (0xD800..=0xDBFF).contains(&first) {
            for expected in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.syntax(EOF_STRING)),
                    Some(byte) if byte == expected => self.at += 1,
                    Some(_) => {
                        self.at += 1;
                        return Err(self.syntax(END_OF_HEX_ESCAPE));
                    }
                }
            }
            let second = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return Err(self.syntax(LONE_SURROGATE));
            }
            ((u32::from(first - 0xD800) << 10) | u32::from(second - 0xDC00)) + 0x1_0000
        } else {
            u32::from(first)
        };
        let character = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut encoded = [0u8; 4];
        buffer.extend_from_slice(character.encode_utf8(&mut encoded).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, Problem> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.syntax(EOF_STRING));
        };
        self.at += 4;
        let mut value = 0u16;
        for &digit in digits {
            let nibble = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(self.syntax(INVALID_ESCAPE)),
            };
            value = value << 4 | u16::from(nibble);
        }
        Ok(value)
    }

    /// The rest of a literal whose first byte was consumed.
    pub fn ident(&mut self, rest: &[u8]) -> Result<(), Problem> {
        for &expected in rest {
            match self.peek() {
                None => return Err(self.syntax(EOF_VALUE)),
                Some(byte) => {
                    self.at += 1;
                    if byte != expected {
                        return Err(self.syntax(EXPECTED_IDENT));
                    }
                }
            }
        }
        Ok(())
    }

    /// A number starting at the current byte (a digit, or `-` already consumed when `positive` is
    /// false), as serde_json's `parse_integer` reads it.
    pub fn number(&mut self, positive: bool) -> Result<Number, Problem> {
        let start = if positive { self.at } else { self.at - 1 };
        let Some(first) = self.peek() else {
            return Err(self.syntax(EOF_VALUE));
        };
        self.at += 1;
        let mut value: u64 = match first {
            b'0' => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.syntax(INVALID_NUMBER)),
        };
        let mut whole = true;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            match value.checked_mul(10).and_then(|v| v.checked_add(u64::from(digit - b'0'))) {
                Some(next) if whole => value = next,
                _ => whole = false,
            }
            self.at += 1;
        }
        let mut float = !whole;
        if self.peek() == Some(b'.') {
            self.at += 1;
            let digits = self.digits();
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
            float = true;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            match self.peek() {
                None => return Err(self.syntax(EOF_VALUE)),
                Some(b'0'..=b'9') => {}
                Some(_) => {
                    self.at += 1;
                    return Err(self.syntax(INVALID_NUMBER));
                }
            }
            self.digits();
            float = true;
        }
        if !float {
            if positive {
                return Ok(Number::Unsigned(value));
            }
            let negative = (value as i64).wrapping_neg();
            // -0 and values below i64::MIN become floats, as in serde_json.
            return Ok(if negative >= 0 { Number::Float(-(value as f64)) } else { Number::Signed(negative) });
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
        let parsed: f64 = text.parse().unwrap_or(0.0);
        if parsed.is_infinite() {
            return Err(self.syntax(NUMBER_OUT_OF_RANGE));
        }
        Ok(Number::Float(parsed))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// What serde calls the value at the current byte, for an "invalid type" message, reading it
    /// if it is a scalar (serde_json's `peek_invalid_type`).
    #[cold]
    pub fn invalid_type(&mut self, expected: &'static str, buffer: &mut Vec<u8>) -> Problem {
        let unexpected = match self.peek().unwrap_or(0) {
            b'n' => {
                self.at += 1;
                if let Err(problem) = self.ident(b"ull") {
                    return problem;
                }
                Unexpected::Unit
            }
            b't' => {
                self.at += 1;
                if let Err(problem) = self.ident(b"rue") {
                    return problem;
                }
                Unexpected::Bool(true)
            }
            b'f' => {
                self.at += 1;
                if let Err(problem) = self.ident(b"alse") {
                    return problem;
                }
                Unexpected::Bool(false)
            }
            b'-' => {
                self.at += 1;
                match self.number(false) {
                    Ok(number) => number.unexpected(),
                    Err(problem) => return problem,
                }
            }
            b'0'..=b'9' => match self.number(true) {
                Ok(number) => number.unexpected(),
                Err(problem) => return problem,
            },
            b'"' => {
                self.at += 1;
                let mark = buffer.len();
                let text = match self.string(buffer) {
                    Ok(text) => text,
                    Err(problem) => return problem,
                };
                let quoted = quote(self.text(text, buffer));
                buffer.truncate(mark);
                Unexpected::Str(quoted)
            }
            b'[' => Unexpected::Seq,
            b'{' => Unexpected::Map,
            _ => return self.peek_error(EXPECTED_VALUE),
        };
        self.error(Kind::InvalidType { unexpected, expected })
    }

    /// The bytes of a string read by [`Self::string`].
    #[inline]
    pub fn raw<'b>(&self, text: Text, buffer: &'b [u8]) -> &'b [u8]
    where
        'a: 'b,
    {
        let bytes = if text.unescaped { buffer } else { self.bytes };
        bytes.get(text.start as usize..text.end as usize).unwrap_or_default()
    }

    /// The text of a string read by [`Self::string`] (always valid UTF-8).
    pub fn text<'b>(&self, text: Text, buffer: &'b [u8]) -> &'b str
    where
        'a: 'b,
    {
        let bytes = if text.unescaped { buffer } else { self.bytes };
        std::str::from_utf8(bytes.get(text.start as usize..text.end as usize).unwrap_or_default()).unwrap_or_default()
    }
}

impl Number {
    pub fn unexpected(self) -> Unexpected {
        match self {
            Number::Unsigned(value) => Unexpected::Unsigned(value),
            Number::Signed(value) => Unexpected::Signed(value),
            Number::Float(value) => Unexpected::Float(value),
        }
    }
}

/// Text for a message, cut where no message needs more.
pub(super) fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => text[..end].to_owned(),
        None => text.to_owned(),
    }
}

/// serde_json points at an invalid byte in a string by its offset on the closing quote's line.
fn line_relative(scanner: &Scanner, at: usize) -> usize {
    let line_start = scanner.bytes[..scanner.at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    at.max(line_start)
}

impl Problem {
    #[cold]
    pub fn new(kind: Kind, at: usize) -> Problem {
        Problem(Box::new((kind, at)))
    }

    /// A problem whose place its caller decides, as serde's errors without a position.
    #[cold]
    pub fn unplaced(kind: Kind) -> Problem {
        Problem::new(kind, usize::MAX)
    }

    pub fn is_unplaced(&self) -> bool {
        self.0.1 == usize::MAX
    }

    pub fn into_kind(self) -> Kind {
        self.0.0
    }

    /// The message serde_json would give, with its line and column.
    pub fn message(&self, bytes: &[u8]) -> String {
        let (line, column) = position(bytes, self.0.1);
        format!("{} at line {line} column {column}", self.0.0)
    }
}

/// serde_json's position of a byte offset: the line from 1, and the bytes before it on its line.
pub(super) fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start)
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Syntax(message) => f.write_str(message),
            Kind::InvalidType { unexpected, expected } => write!(f, "invalid type: {unexpected}, expected {expected}"),
            Kind::InvalidValue { unexpected, expected } => {
                write!(f, "invalid value: {unexpected}, expected {expected}")
            }
            Kind::InvalidLength { length, expected } => write!(f, "invalid length {length}, expected {expected}"),
            Kind::UnknownField { field, expected } => {
                write!(f, "unknown field `{field}`, expected {}", OneOf(expected))
            }
            Kind::UnknownVariant { variant, expected } => {
                write!(f, "unknown variant `{variant}`, expected {}", OneOf(expected))
            }
            Kind::MissingField(field) => write!(f, "missing field `{field}`"),
            Kind::DuplicateField(field) => write!(f, "duplicate field `{field}`"),
        }
    }
}

impl fmt::Display for Unexpected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unexpected::Bool(value) => write!(f, "boolean `{value}`"),
            Unexpected::Unsigned(value) => write!(f, "integer `{value}`"),
            Unexpected::Signed(value) => write!(f, "integer `{value}`"),
            Unexpected::Float(value) => write!(f, "floating point `{}`", float_text(*value)),
            Unexpected::Str(text) => write!(f, "string {text:?}"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
        }
    }
}

/// A float as serde_json writes it in a message: the shortest digits that read back as the same
/// number, plainly from 10⁻⁵ to below 10¹⁶ (`1.5`, `100.0`, `0.0001`), otherwise with an exponent
/// (`3.9223372036854776e+19`, `1e-07`).
fn float_text(value: f64) -> String {
    if value == 0.0 {
        return if value.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    if !value.is_finite() {
        return value.to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    // Display writes the shortest digits, never with an exponent: find them and where the point is
    // (without `{:e}`, whose formatting code would be one more thing in the browser's download).
    let plain = value.abs().to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let all = format!("{whole}{fraction}");
    let leading = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all[leading..].trim_end_matches('0');
    let exponent = whole.len() as i32 - 1 - leading as i32;
    let length = digits.len() as i32;
    if (-5..=15).contains(&exponent) {
        if length - 1 <= exponent {
            let zeros = "0".repeat((exponent + 1 - length) as usize);
            format!("{sign}{digits}{zeros}.0")
        } else if exponent >= 0 {
            let (whole, fraction) = digits.split_at(exponent as usize + 1);
            format!("{sign}{whole}.{fraction}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exponent - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() { first.to_owned() } else { format!("{first}.{rest}") };
        format!("{sign}{mantissa}e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs())
    }
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
struct OneOf(&'static [&'static str]);

impl fmt::Display for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [] => f.write_str("there are no fields"),
            [only] => write!(f, "`{only}`"),
            [first, second] => write!(f, "`{first}` or `{second}`"),
            names => {
                f.write_str("one of ")?;
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{name}`")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::float_text;

    /// As serde_json writes floats in its messages (checked against it when this reader replaced
    /// the serde decoder).
    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        for (value, text) in [
            (1.5, "1.5"),
            (100.0, "100.0"),
            (0.0001, "0.0001"),
            (0.00001, "0.00001"),
            (0.000001, "1e-06"),
            (1e-7, "1e-07"),
            (3.9223372036854776e19, "3.9223372036854776e+19"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-2.5, "-2.5"),
            (-0.0, "-0.0"),
            (4294967296.5, "4294967296.5"),
        ] {
            assert_eq!(float_text(value), text, "{value:e}");
        }
    }
}
