//! Glossaries: `locales/<locale>/glossary.toml` says how a language writes the terms that matter
//! (the Criminal Code's word for harbouring, one word for the code word a family agrees on, …),
//! and this module holds every text in that language to it: the lessons, the assessment's items
//! asked now (not the retired versions, kept as students saw them) and the interface strings.
//!
//! Two checks per term. A variant to avoid is refused wherever it appears. And where the English
//! text uses the term, the translation of that same text must use the approved word: texts are
//! paired by key (TOML files, Fluent messages) or by line (Markdown, translated line by line).
//! Mongolian also gets the vowel harmony of ordinal suffixes after numerals («40 дэх», «12.3
//! дугаар»), which no word list can express.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::TextIndex;
use super::assessment::current_texts;
use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{self, Table};

/// The language every glossary translates from.
const REFERENCE: &str = "en";

struct Term {
    english: String,
    mongolian: String,
    /// What every inflected form of the approved word starts with.
    stem: String,
    /// Refused where a word starts with one (or anywhere, for punctuation).
    avoid: Vec<String>,
    /// Refused as whole words.
    avoid_words: Vec<String>,
    /// Whether the approved word must appear where the English says `english`.
    required: bool,
    /// Only in what students read (lessons and the assessment), not in teachers' guides or the
    /// interface, which also speaks to teachers.
    students_only: bool,
    case_sensitive: bool,
}

/// Who reads a text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Readers {
    Students,
    Teachers,
    Everyone,
}

/// One text to check: a TOML value, a Markdown line or a Fluent message, with the line where it
/// starts and the key that pairs it with its English original.
struct Unit {
    key: String,
    text: String,
    line: usize,
}

pub(crate) fn check(locales: &Path, texts: &[TextIndex], assessment: Option<&Path>, errors: &mut Vec<Diagnostic>) {
    let Ok(entries) = std::fs::read_dir(locales) else {
        errors.push(Diagnostic { path: locales.to_owned(), line: 1, message: "cannot read the locales folder".into() });
        return;
    };
    let mut glossaries: Vec<_> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    glossaries.sort();
    for dir in glossaries {
        let path = dir.join("glossary.toml");
        if !path.is_file() {
            continue;
        }
        let locale = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(terms) = read_glossary(&path, errors) else { continue };
        let glossary = Glossary { terms, locale: &locale, path: &path };

        for text in texts.iter().filter(|text| text.locale == locale) {
            let reference = texts.iter().find(|other| other.lesson == text.lesson && other.locale == REFERENCE);
            let pair = |file: &SourceFile, reference: Option<&SourceFile>, units: fn(&SourceFile) -> Vec<Unit>| {
                (units(file), reference.map(units).unwrap_or_default())
            };
            let (ours, theirs) = pair(&text.toml, reference.map(|r| &r.toml), toml_units);
            glossary.check(&text.toml, &ours, &theirs, Readers::Students, errors);
            let (ours, theirs) = pair(&text.body, reference.map(|r| &r.body), line_units);
            glossary.check(&text.body, &ours, &theirs, Readers::Students, errors);
            let (ours, theirs) = pair(&text.guide, reference.map(|r| &r.guide), line_units);
            glossary.check(&text.guide, &ours, &theirs, Readers::Teachers, errors);
        }
        // The texts asked now ([`current_texts`]), not the retired ones kept as students saw them.
        if let Some(assessment) = assessment
            && let Some(file) = SourceFile::read(&current_texts(assessment, &locale), errors)
        {
            let theirs = SourceFile::read(&current_texts(assessment, REFERENCE), errors);
            let reference = theirs.as_ref().map(toml_units).unwrap_or_default();
            glossary.check(&file, &toml_units(&file), &reference, Readers::Students, errors);
        }
        if let Some(file) = SourceFile::read(&dir.join("app.ftl"), errors) {
            let theirs = SourceFile::read(&locales.join(REFERENCE).join("app.ftl"), errors);
            let reference = theirs.as_ref().map(ftl_units).unwrap_or_default();
            glossary.check(&file, &ftl_units(&file), &reference, Readers::Everyone, errors);
        }
    }
}

struct Glossary<'a> {
    terms: Vec<Term>,
    locale: &'a str,
    path: &'a Path,
}

impl Glossary<'_> {
    fn check(
        &self,
        file: &SourceFile,
        units: &[Unit],
        reference: &[Unit],
        readers: Readers,
        errors: &mut Vec<Diagnostic>,
    ) {
        let english: BTreeMap<&str, &str> = reference.iter().map(|u| (u.key.as_str(), u.text.as_str())).collect();
        let source = format!("({})", self.path.display());
        for unit in units {
            for term in self.terms.iter().filter(|t| !t.students_only || readers == Readers::Students) {
                for (variant, at) in term.avoided(&unit.text) {
                    errors.push(file.error_at_line(
                        unit.line + unit.text[..at].matches('\n').count(),
                        format!(
                            "{} is not how this course writes \"{}\": write {} {source}",
                            quoted(&variant),
                            term.english,
                            quoted(&term.mongolian)
                        ),
                    ));
                }
                if term.required
                    && let Some(original) = english.get(unit.key.as_str())
                    && starts_word(original, &term.english, false).is_some()
                    && starts_word(&unit.text, &term.stem, term.case_sensitive).is_none()
                {
                    errors.push(file.error_at_line(
                        unit.line,
                        format!(
                            "the English says \"{}\" here, but this text does not use {} {source}",
                            term.english,
                            quoted(&term.mongolian)
                        ),
                    ));
                }
            }
            if self.locale == "mn" {
                for (found, expected, at) in mongolian_ordinals(&unit.text) {
                    errors.push(file.error_at_line(
                        unit.line + unit.text[..at].matches('\n').count(),
                        format!("«{found}»: the suffix follows the last number's vowels: write «{expected}»"),
                    ));
                }
            }
        }
    }
}

/// Mongolian text in Mongolian quotes, unless it is a quotation mark itself.
fn quoted(text: &str) -> String {
    if text.contains(['«', '»', '“', '”', '"']) { format!("`{text}`") } else { format!("«{text}»") }
}

impl Term {
    /// Each avoided variant in `text` with its byte offset.
    fn avoided(&self, text: &str) -> Vec<(String, usize)> {
        let mut found = Vec::new();
        for variant in &self.avoid {
            if let Some(at) = starts_word(text, variant, self.case_sensitive) {
                found.push((variant.clone(), at));
            }
        }
        for word in &self.avoid_words {
            if let Some(at) = whole_word(text, word, self.case_sensitive) {
                found.push((word.clone(), at));
            }
        }
        found
    }
}

/// Where `needle` first starts a word of `text` (or anywhere, when it starts with punctuation).
fn starts_word(text: &str, needle: &str, case_sensitive: bool) -> Option<usize> {
    find(text, needle, case_sensitive, |text, at, _| {
        !needle.starts_with(char::is_alphanumeric) || !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
    })
}

/// Where `word` first stands as a whole word in `text`.
fn whole_word(text: &str, word: &str, case_sensitive: bool) -> Option<usize> {
    find(text, word, case_sensitive, |text, at, len| {
        !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
            && !text[at + len..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// The first match of `needle` in `text` that `accept(text, offset, length)` takes. Case folding
/// keeps byte offsets only where lower and upper case have the same length, which holds for the
/// Latin and Cyrillic letters glossaries use; elsewhere a match is simply not found.
fn find(text: &str, needle: &str, case_sensitive: bool, accept: impl Fn(&str, usize, usize) -> bool) -> Option<usize> {
    let (haystack, needle) = if case_sensitive {
        (text.to_owned(), needle.to_owned())
    } else {
        (text.to_lowercase(), needle.to_lowercase())
    };
    if haystack.len() != text.len() {
        return None;
    }
    haystack.match_indices(&needle).map(|(at, _)| at).find(|&at| accept(text, at, needle.len()))
}

fn read_glossary(path: &Path, errors: &mut Vec<Diagnostic>) -> Option<Vec<Term>> {
    let file = SourceFile::read(path, errors)?;
    let doc = toml_table::parse(&file, errors)?;
    let mut root = Table::new(&file, &doc, "glossary.toml");
    let mut terms = Vec::new();
    for mut table in root.tables("term", errors) {
        let english = table.string("english", errors);
        if let Some(english) = &english {
            table.rename(format!("term \"{}\"", english.get_ref()));
        }
        let mongolian = table.string("mongolian", errors);
        let stem = if table.get("stem").is_some() { table.string("stem", errors) } else { mongolian.clone() };
        let list = |table: &mut Table, key: &str, errors: &mut Vec<Diagnostic>| -> Vec<String> {
            table.string_list(key, errors).unwrap_or_default().into_iter().map(|s| s.into_inner()).collect()
        };
        let avoid = list(&mut table, "avoid", errors);
        let avoid_words = list(&mut table, "avoid_words", errors);
        let flag = |table: &mut Table, key: &str, default: bool, errors: &mut Vec<Diagnostic>| {
            if table.get(key).is_some() { table.boolean(key, errors).unwrap_or(default) } else { default }
        };
        let required = flag(&mut table, "required", true, errors);
        let case_sensitive = flag(&mut table, "case_sensitive", false, errors);
        let students_only = match table.get("readers").is_some() {
            false => false,
            true => match table.string("readers", errors) {
                Some(readers) if readers.get_ref() == "students" => true,
                Some(readers) if readers.get_ref() == "everyone" => false,
                Some(readers) => {
                    errors.push(file.error(readers.span(), "`readers` must be \"students\" or \"everyone\""));
                    false
                }
                None => false,
            },
        };
        // Read but not used: it explains the choice to translators and reviewers.
        if table.get("note").is_some() {
            table.string("note", errors);
        }
        table.finish(errors);
        if let (Some(english), Some(mongolian), Some(stem)) = (english, mongolian, stem) {
            terms.push(Term {
                english: english.into_inner(),
                mongolian: mongolian.into_inner(),
                stem: stem.into_inner(),
                avoid,
                avoid_words,
                required,
                students_only,
                case_sensitive,
            });
        }
    }
    root.finish(errors);
    Some(terms)
}

/// Every string value of a TOML file, keyed by its path (`quiz.acts.a.text`, `key_points.2`).
fn toml_units(file: &SourceFile) -> Vec<Unit> {
    fn walk(file: &SourceFile, prefix: &str, table: &DeTable, out: &mut Vec<Unit>) {
        for (key, value) in table.iter() {
            let path =
                if prefix.is_empty() { key.get_ref().to_string() } else { format!("{prefix}.{}", key.get_ref()) };
            value_units(file, &path, value, out);
        }
    }
    fn value_units(file: &SourceFile, path: &str, value: &toml::Spanned<DeValue>, out: &mut Vec<Unit>) {
        match value.get_ref() {
            DeValue::String(text) => {
                out.push(Unit { key: path.to_owned(), text: text.to_string(), line: file.line_of(value.span().start) })
            }
            DeValue::Table(table) => walk(file, path, table, out),
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    value_units(file, &format!("{path}.{index}"), item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(doc) = DeTable::parse(&file.text) {
        walk(file, "", doc.get_ref(), &mut out);
    }
    out
}

/// Every line of a Markdown file, keyed by its number.
fn line_units(file: &SourceFile) -> Vec<Unit> {
    file.text
        .lines()
        .enumerate()
        .map(|(index, text)| Unit { key: (index + 1).to_string(), text: text.to_owned(), line: index + 1 })
        .collect()
}

/// Every message of a Fluent file, keyed by its id: `id = text` and its indented lines.
fn ftl_units(file: &SourceFile) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut open = false;
    for (index, line) in file.text.lines().enumerate() {
        let starts_message = line.starts_with(|c: char| c.is_ascii_alphabetic()) && line.contains(" =");
        if starts_message {
            let (id, text) = line.split_once('=').unwrap_or((line, ""));
            out.push(Unit { key: id.trim().to_owned(), text: text.trim().to_owned(), line: index + 1 });
            open = true;
        } else if open && line.starts_with(char::is_whitespace) && !line.trim().is_empty() {
            if let Some(unit) = out.last_mut() {
                unit.text.push('\n');
                unit.text.push_str(line.trim());
            }
        } else {
            open = false;
        }
    }
    out
}

/// Ordinal suffixes after numerals that break vowel harmony, as (found, expected, byte offset):
/// «40 дахь» must be «40 дэх» because forty is «дөч»; «12.3 дүгээр» must be «12.3 дугаар».
fn mongolian_ordinals(text: &str) -> Vec<(String, String, usize)> {
    const SUFFIXES: [(&str, &str); 2] = [("дахь", "дэх"), ("дугаар", "дүгээр")];
    let mut found = Vec::new();
    for (back, front) in SUFFIXES {
        for suffix in [back, front] {
            for (at, _) in text.match_indices(&format!(" {suffix}")) {
                let after = at + 1 + suffix.len();
                if text[after..].chars().next().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let number: String = text[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let Some(front_vowels) = spoken_front(&number) else { continue };
                let expected = if front_vowels { front } else { back };
                if suffix != expected {
                    found.push((format!("{number} {suffix}"), format!("{number} {expected}"), at));
                }
            }
        }
    }
    found.sort_by_key(|(_, _, at)| *at);
    found
}

/// Whether the last word of `number` read aloud in Mongolian has front vowels (нэг, дөрөв, ес,
/// дөч, ер); `None` when it is not a number. A decimal ends with the part after its point.
fn spoken_front(number: &str) -> Option<bool> {
    let last = number.trim_matches('.').rsplit('.').next()?;
    let n: u64 = last.parse().ok()?;
    const UNITS: [bool; 10] = [true, true, false, false, true, false, false, false, false, true];
    const TENS: [bool; 10] = [false, false, false, false, true, false, false, false, false, true];
    Some(if n == 0 {
        true // тэг
    } else if !n.is_multiple_of(10) {
        UNITS[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS[((n / 10) % 10) as usize]
    } else {
        false // зуу, мянга, сая
    })
}

#[cfg(test)]
mod tests {
    use super::{mongolian_ordinals, starts_word, whole_word};

    fn check(text: &str, expected: &[&str]) {
        let found: Vec<String> = mongolian_ordinals(text).into_iter().map(|(_, expected, _)| expected).collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn ordinal_suffixes_follow_the_last_spoken_number() {
        check("38–40 дэх минут, 6–11 дэх минут, 16–27 дахь минут", &[]);
        check("38–40 дахь минут", &["40 дэх"]);
        check("6–11 дахь минут", &["11 дэх"]);
        check("13.1 дүгээр зүйл, 12.3 дугаар зүйл, 4 дүгээр, 10 дугаар", &[]);
        check("12.3 дүгээр зүйл", &["12.3 дугаар"]);
        check("9 дахь, 90 дахь, 100 дэх", &["9 дэх", "90 дэх", "100 дахь"]);
        check("гурав дахь удаа, 2-р алхам", &[]);
    }

    #[test]
    fn variants_match_at_word_starts_and_whole_words_only_whole() {
        assert_eq!(starts_word("хоргосон байна", "хоргос", false), Some(0));
        assert_eq!(starts_word("нэг хоргодох байр", "хоргох", false), None);
        assert_eq!(starts_word("Tickets and a ticket", "ticket", false), Some(0));
        assert_eq!(starts_word("the “quote”", "“", false), Some(4));
        assert_eq!(whole_word("Таны нэр, тайлан", "таны", false), Some(0));
        assert_eq!(whole_word("тайлан, тав", "та", false), None);
        assert_eq!(starts_word("КОВИД-19", "Ковид", true), None);
    }
}
