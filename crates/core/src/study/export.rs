//! The anonymised CSV of results and its codebook.
//!
//! The results CSV has one row per record — per participant and phase, since a participant
//! takes one form per phase — and one column per item version in the codebook:
//!
//! ```text
//! study,code,phase,form,content_version,three-parts.v2,feel-safe.v1
//! ACDEF6HJKM,K7M4PX,pre,A,3,b,4
//! ```
//!
//! Cells: chosen option ids joined by `;` (`a;c`), a Likert value `1`–`5`, `declined` for
//! "prefer not to answer", and empty when the item was not answered. Rows are in the order of
//! the codes, which are random, so the order says nothing about who finished first. The
//! language and the date are left out unless asked for ([`Columns`]): in a class where one
//! student took the test in another language, or on another day, they would single that student
//! out.
//!
//! Every cell, not only free text, goes through [`csv_cell`]: RFC 4180 quoting, and a leading `'`
//! before anything a spreadsheet would run as a formula (OWASP; ASVS 5.0 1.2.10). Lines end in
//! CRLF. No byte-order mark is written: the download code adds one when the file is meant for
//! Excel, which otherwise misreads Cyrillic.
//!
//! The codebook describes every column, in the same CSV dialect: one row per column, then one
//! row per allowed value with its key (correct/incorrect, or the Likert score after reverse
//! coding), with the texts in each requested language.
//!
//! Deliberately minimal: an [`ItemDefinition`] is what the codebook needs, not the content model.
//! The report layer adds: building definitions from the content of each language; scores per
//! item and per participant; pre/post matching and the statistics of change; and small-cell
//! suppression ([`super::suppression`]) on everything it aggregates.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::file::ResultsFile;
use super::record::{Id, Locale, Response};

/// Texts of one thing in each language that has it.
pub type Texts = BTreeMap<Locale, String>;

/// One item as the codebook describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDefinition {
    pub id: Id,
    pub version: u32,
    pub prompt: Texts,
    pub scale: Scale,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scale {
    /// One option (true/false items too): scores 1 when it is the correct one.
    Single(Vec<OptionDefinition>),
    /// "Select all that apply": scores 1 when exactly the correct options are chosen, as the quiz
    /// engine checks them.
    Multiple(Vec<OptionDefinition>),
    /// Agreement 1–5. A reversed item scores `6 − value`, so that a high score always means the
    /// attitude the lesson aims for.
    Likert { reversed: bool, labels: [Texts; 5] },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDefinition {
    pub id: Id,
    pub correct: bool,
    pub text: Texts,
}

/// The items of a study, checked to describe columns without ambiguity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codebook {
    items: Vec<ItemDefinition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodebookError {
    DuplicateItem {
        item: Id,
        version: u32,
    },
    NoOptions {
        item: Id,
    },
    DuplicateOption {
        item: Id,
        option: Id,
    },
    /// A single-choice item needs exactly one correct option, a multiple-choice item at least one.
    WrongNumberCorrect {
        item: Id,
        correct: usize,
    },
}

/// Optional columns of the results CSV. Both are off by default (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Columns {
    pub locale: bool,
    pub date: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsCsv {
    pub text: String,
    /// Item versions answered in the records but missing from the codebook: their answers have
    /// no column. The screen says so rather than dropping them silently.
    pub not_in_codebook: BTreeSet<(Id, u32)>,
}

impl Codebook {
    pub fn new(items: Vec<ItemDefinition>) -> Result<Codebook, CodebookError> {
        let mut seen = BTreeSet::new();
        for item in &items {
            if !seen.insert((&item.id, item.version)) {
                return Err(CodebookError::DuplicateItem { item: item.id.clone(), version: item.version });
            }
            let (options, single) = match &item.scale {
                Scale::Single(options) => (options, true),
                Scale::Multiple(options) => (options, false),
                Scale::Likert { .. } => continue,
            };
            if options.is_empty() {
                return Err(CodebookError::NoOptions { item: item.id.clone() });
            }
            let mut ids = BTreeSet::new();
            for option in options {
                if !ids.insert(&option.id) {
                    return Err(CodebookError::DuplicateOption { item: item.id.clone(), option: option.id.clone() });
                }
            }
            let correct = options.iter().filter(|option| option.correct).count();
            if correct == 0 || (single && correct != 1) {
                return Err(CodebookError::WrongNumberCorrect { item: item.id.clone(), correct });
            }
        }
        Ok(Codebook { items })
    }

    pub fn items(&self) -> &[ItemDefinition] {
        &self.items
    }
}

impl ItemDefinition {
    /// The results CSV's column: the id and the version, since an edited item is a new measure.
    pub fn column(&self) -> String {
        format!("{}.v{}", self.id, self.version)
    }
}

pub fn results_csv(file: &ResultsFile, codebook: &Codebook, columns: Columns) -> ResultsCsv {
    let mut text = String::new();
    let mut header: Vec<String> = fixed_columns(columns).iter().map(|column| column.name.to_owned()).collect();
    header.extend(codebook.items.iter().map(ItemDefinition::column));
    write_row(&mut text, header.iter().map(String::as_str));

    let mut not_in_codebook = BTreeSet::new();
    for record in file.records() {
        let mut row = vec![
            record.study.compact(),
            record.code.compact(),
            record.phase.as_str().to_owned(),
            record.form.as_str().to_owned(),
            record.content_version.to_string(),
        ];
        if columns.locale {
            row.push(record.locale.to_string());
        }
        if columns.date {
            row.push(record.date.to_string());
        }
        for item in &codebook.items {
            let answer = record.answers.get(&item.id).filter(|answer| answer.version == item.version);
            row.push(answer.map(|answer| response_cell(&answer.response)).unwrap_or_default());
        }
        for (id, answer) in &record.answers {
            if !codebook.items.iter().any(|item| item.id == *id && item.version == answer.version) {
                not_in_codebook.insert((id.clone(), answer.version));
            }
        }
        write_row(&mut text, row.iter().map(String::as_str));
    }
    ResultsCsv { text, not_in_codebook }
}

/// The codebook as CSV: `column,item,version,kind,scoring,value,key`, then `text_<language>`
/// for each of `languages`. Texts a language lacks are left empty.
pub fn codebook_csv(codebook: &Codebook, languages: &[Locale], columns: Columns) -> String {
    let mut text = String::new();
    let mut header: Vec<String> =
        ["column", "item", "version", "kind", "scoring", "value", "key"].map(str::to_owned).to_vec();
    header.extend(languages.iter().map(|language| format!("text_{language}")));
    write_row(&mut text, header.iter().map(String::as_str));

    let no_texts = Texts::new();
    let mut row = |cells: [&str; 7], texts: &Texts| {
        let translations = languages.iter().map(|language| texts.get(language).map_or("", String::as_str));
        write_row(&mut text, cells.into_iter().chain(translations));
    };
    for column in fixed_columns(columns) {
        row([column.name, "", "", column.kind, "", "", ""], &no_texts);
        for value in column.values {
            row([column.name, "", "", column.kind, "", value, ""], &no_texts);
        }
    }
    for item in &codebook.items {
        let name = item.column();
        let version = item.version.to_string();
        let (kind, scoring) = match &item.scale {
            Scale::Single(_) => ("single", "correct-set"),
            Scale::Multiple(_) => ("multiple", "correct-set"),
            Scale::Likert { reversed: false, .. } => ("likert", "likert"),
            Scale::Likert { reversed: true, .. } => ("likert", "likert-reversed"),
        };
        let base = |value: &'static str, key: &'static str| {
            [name.as_str(), item.id.as_str(), &version, kind, scoring, value, key]
        };
        row(base("", ""), &item.prompt);
        match &item.scale {
            Scale::Single(options) | Scale::Multiple(options) => {
                for option in options {
                    let key = if option.correct { "correct" } else { "incorrect" };
                    row([&name, item.id.as_str(), &version, kind, scoring, option.id.as_str(), key], &option.text);
                }
            }
            Scale::Likert { reversed, labels } => {
                for (value, label) in (1u8..).zip(labels) {
                    let score = if *reversed { 6 - value } else { value };
                    row(
                        [&name, item.id.as_str(), &version, kind, scoring, &value.to_string(), &score.to_string()],
                        label,
                    );
                }
            }
        }
        row(base(DECLINED, "no-score"), &no_texts);
    }
    text
}

/// One CSV cell, ready to join with commas: defused against formula injection, then quoted
/// per RFC 4180 when it holds a comma, a quote or a line break.
///
/// A cell starting with `=`, `+`, `-`, `@`, tab, CR or NUL (or the full-width `＝＋－＠`, which
/// some spreadsheets in East Asian locales also read as formulas) gets a leading `'`.
pub fn csv_cell(text: &str) -> String {
    let dangerous = text.starts_with(['=', '+', '-', '@', '\t', '\r', '\0', '＝', '＋', '－', '＠']);
    let defused = if dangerous { format!("'{text}") } else { text.to_owned() };
    if defused.contains([',', '"', '\r', '\n']) { format!("\"{}\"", defused.replace('"', "\"\"")) } else { defused }
}

const DECLINED: &str = "declined";

struct FixedColumn {
    name: &'static str,
    kind: &'static str,
    values: &'static [&'static str],
}

fn fixed_columns(columns: Columns) -> Vec<FixedColumn> {
    let mut fixed = vec![
        FixedColumn { name: "study", kind: "study-id", values: &[] },
        FixedColumn { name: "code", kind: "participant-code", values: &[] },
        FixedColumn { name: "phase", kind: "phase", values: &["pre", "post"] },
        FixedColumn { name: "form", kind: "form", values: &["A", "B"] },
        FixedColumn { name: "content_version", kind: "integer", values: &[] },
    ];
    if columns.locale {
        fixed.push(FixedColumn { name: "locale", kind: "language-tag", values: &[] });
    }
    if columns.date {
        fixed.push(FixedColumn { name: "date", kind: "date", values: &[] });
    }
    fixed
}

fn response_cell(response: &Response) -> String {
    match response {
        Response::Chose(options) => options.iter().collect::<Vec<_>>().join(";"),
        Response::Likert(value) => value.get().to_string(),
        Response::Declined => DECLINED.to_owned(),
    }
}

fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

impl fmt::Display for CodebookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodebookError::DuplicateItem { item, version } => {
                write!(f, "item {item} version {version} is listed twice")
            }
            CodebookError::NoOptions { item } => write!(f, "item {item} has no options"),
            CodebookError::DuplicateOption { item, option } => {
                write!(f, "item {item}: option {option} is listed twice")
            }
            CodebookError::WrongNumberCorrect { item, correct } => {
                write!(f, "item {item} has {correct} correct options")
            }
        }
    }
}

impl std::error::Error for CodebookError {}
