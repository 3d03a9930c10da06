//! One locale's interface messages in their compiled form, and how a message is formatted.
//!
//! The `.ftl` files are compiled at build time ([`super::compile`]) into a flat text that this
//! module reads in one pass; formatting then needs no Fluent parser, no plural-rule tables and no
//! locale data in the browser (fluent-bundle cost about 48 KB of a student's 150 KB download).
//! What the compiled form can express is what Aware's `.ftl` files use: text, variables, terms
//! and message references (inlined when compiling), and selections on a variable by number, by
//! plural category or by name.
//!
//! # The compiled text
//! - Messages are separated by `RS` (U+001E); in each, the id and its pattern by `US` (U+001F).
//! - A pattern is text with placeables: a variable is `SOH name STX` (U+0001, U+0002); a
//!   selection is `ETX name` (U+0003), then per variant `GS` (U+001D), `ENQ` (U+0005) if it is
//!   the default, its key, `FS` (U+001C) and its pattern; then `EOT` (U+0004).
//! - A key is a plural category (`one`, `other`), a name (`rose`) or a whole number (`0`).
//!
//! The first message is `locale` with the locale's tag as its text.

use std::fmt;

use super::Arg;

const RS: char = '\u{1E}';
const US: char = '\u{1F}';
const VAR: char = '\u{01}';
const VAR_END: char = '\u{02}';
const SELECT: char = '\u{03}';
const SELECT_END: char = '\u{04}';
const VARIANT: char = '\u{1D}';
const DEFAULT: char = '\u{05}';
const KEY_END: char = '\u{1C}';

/// The characters with a meaning in the compiled text; message text never contains them.
pub(crate) const RESERVED: [char; 9] = [RS, US, VAR, VAR_END, SELECT, SELECT_END, VARIANT, DEFAULT, KEY_END];

/// A locale's messages, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Messages {
    locale: String,
    entries: Vec<(String, Vec<Piece>)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Var(String),
    Select { var: String, variants: Vec<Variant>, default: usize },
}

#[derive(Debug, Clone, PartialEq)]
struct Variant {
    key: String,
    pattern: Vec<Piece>,
}

/// Compiled text that this version cannot read (a build problem, never a user's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "compiled messages: {}", self.0)
    }
}

/// Why a message could not be formatted (the localizer then tries the next locale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MissingArg;

impl Messages {
    /// Reads compiled text; several compiled texts of one locale may be joined with `RS`.
    pub fn decode(compiled: &str) -> Result<Messages, Malformed> {
        let mut locale = None;
        let mut entries = Vec::new();
        for record in compiled.split(RS).filter(|record| !record.is_empty()) {
            let (id, pattern) = record.split_once(US).ok_or(Malformed("a message without its separator"))?;
            let mut chars = pattern.chars().peekable();
            let pattern = parse_pattern(&mut chars, false)?;
            if chars.next().is_some() {
                return Err(Malformed("text after the end of a pattern"));
            }
            if id == "locale" {
                let [Piece::Text(tag)] = pattern.as_slice() else { return Err(Malformed("a locale that is not text")) };
                match &locale {
                    Some(known) if known != tag => return Err(Malformed("two locales in one table")),
                    _ => locale = Some(tag.clone()),
                }
                continue;
            }
            entries.push((id.to_owned(), pattern));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        if entries.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            return Err(Malformed("a message defined twice"));
        }
        Ok(Messages { locale: locale.ok_or(Malformed("no locale"))?, entries })
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }

    pub fn has(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// Every message id, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(id, _)| id.as_str())
    }

    /// The message with its variables filled in; `None` if there is no such message, `Err` if a
    /// variable it needs was not given.
    pub(crate) fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<Result<String, MissingArg>> {
        let pattern = self.find(id)?;
        let mut out = String::new();
        Some(write_pattern(pattern, args, &mut out).map(|()| out))
    }

    fn find(&self, id: &str) -> Option<&[Piece]> {
        let index = self.entries.binary_search_by(|(known, _)| known.as_str().cmp(id)).ok()?;
        Some(&self.entries[index].1)
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Reads pieces up to the end of the text (or, in a variant, up to the next variant or the end
/// of the selection, which are left for the caller).
fn parse_pattern(chars: &mut Chars, in_variant: bool) -> Result<Vec<Piece>, Malformed> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    while let Some(&c) = chars.peek() {
        match c {
            VARIANT | SELECT_END if in_variant => break,
            VAR => {
                chars.next();
                flush(&mut text, &mut pieces);
                pieces.push(Piece::Var(read_until(chars, VAR_END)?));
            }
            SELECT => {
                chars.next();
                flush(&mut text, &mut pieces);
                pieces.push(parse_select(chars)?);
            }
            c if RESERVED.contains(&c) => return Err(Malformed("a stray control character")),
            c => {
                chars.next();
                text.push(c);
            }
        }
    }
    flush(&mut text, &mut pieces);
    Ok(pieces)
}

fn parse_select(chars: &mut Chars) -> Result<Piece, Malformed> {
    let mut var = String::new();
    while let Some(&c) = chars.peek() {
        if c == VARIANT {
            break;
        }
        if RESERVED.contains(&c) {
            return Err(Malformed("a selection without variants"));
        }
        var.push(c);
        chars.next();
    }
    let mut variants = Vec::new();
    let mut default = None;
    loop {
        match chars.next() {
            Some(VARIANT) => {
                if chars.peek() == Some(&DEFAULT) {
                    chars.next();
                    default = Some(variants.len());
                }
                let key = read_until(chars, KEY_END)?;
                let pattern = parse_pattern(chars, true)?;
                variants.push(Variant { key, pattern });
            }
            Some(SELECT_END) => break,
            _ => return Err(Malformed("an unfinished selection")),
        }
    }
    let default = default.ok_or(Malformed("a selection without a default variant"))?;
    Ok(Piece::Select { var, variants, default })
}

fn read_until(chars: &mut Chars, end: char) -> Result<String, Malformed> {
    let mut name = String::new();
    for c in chars.by_ref() {
        if c == end {
            return Ok(name);
        }
        if RESERVED.contains(&c) {
            return Err(Malformed("a name broken by a control character"));
        }
        name.push(c);
    }
    Err(Malformed("an unfinished name"))
}

fn flush(text: &mut String, pieces: &mut Vec<Piece>) {
    if !text.is_empty() {
        pieces.push(Piece::Text(std::mem::take(text)));
    }
}

fn write_pattern(pattern: &[Piece], args: &[(&str, Arg)], out: &mut String) -> Result<(), MissingArg> {
    for piece in pattern {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => match arg(args, name)? {
                Arg::Text(text) => out.push_str(text),
                Arg::Number(n) => write_number(*n, out),
            },
            Piece::Select { var, variants, default } => {
                let chosen = select(arg(args, var)?, variants).unwrap_or(*default);
                write_pattern(&variants[chosen].pattern, args, out)?;
            }
        }
    }
    Ok(())
}

fn arg<'a>(args: &'a [(&str, Arg)], name: &str) -> Result<&'a Arg, MissingArg> {
    args.iter().find(|(known, _)| *known == name).map(|(_, value)| value).ok_or(MissingArg)
}

/// Which variant a value selects, as Fluent chooses: an exact number first, then the number's
/// plural category, and for text the variant of that name.
fn select(value: &Arg, variants: &[Variant]) -> Option<usize> {
    match value {
        Arg::Text(text) => variants.iter().position(|variant| variant.key == *text),
        Arg::Number(n) => variants
            .iter()
            .position(|variant| variant.key.parse::<f64>().is_ok_and(|key| key == *n))
            .or_else(|| variants.iter().position(|variant| variant.key == plural_category(*n))),
    }
}

/// The cardinal plural category of `n` in Aware's languages. English and Mongolian share the rule
/// "one for exactly 1, other otherwise" for the whole numbers Aware counts with; the compiler
/// checks every locale it compiles against the CLDR rules (`super::compile`), so a language with
/// other rules is refused at build time rather than shown wrong.
fn plural_category(n: f64) -> &'static str {
    if n == 1.0 { "one" } else { "other" }
}

/// Numbers as Fluent writes them without options: whole numbers without a decimal point.
fn write_number(n: f64, out: &mut String) {
    use std::fmt::Write as _;
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let _ = write!(out, "{}", n as i64);
    } else {
        let _ = write!(out, "{n}");
    }
}
