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
//! CRLF. No byte-order mark is written: the download code prepends [`EXCEL_BOM`] when the file is
//! meant for Excel, which otherwise misreads Cyrillic.
//!
//! The codebook describes every column, in the same CSV dialect: one row per column, then one
//! row per allowed value with its key (correct/incorrect, or the Likert score after reverse
//! coding), with the texts in each requested language.
//!
//! Other exports (the classroom's session summaries) write their rows with [`write_row`] and their
//! codebooks with [`CodebookWriter`], so every CSV of Aware follows one dialect.
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
    let mut book = CodebookWriter::new(languages);
    book.fixed_columns(&fixed_columns(columns));
    let no_texts = Texts::new();
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
        book.row(base("", ""), &item.prompt);
        match &item.scale {
            Scale::Single(options) | Scale::Multiple(options) => {
                for option in options {
                    book.row(
                        [
                            &name,
                            item.id.as_str(),
                            &version,
                            kind,
                            scoring,
                            option.id.as_str(),
                            option_key(option.correct),
                        ],
                        &option.text,
                    );
                }
            }
            Scale::Likert { reversed, labels } => {
                for (value, label) in (1u8..).zip(labels) {
                    let score = if *reversed { 6 - value } else { value };
                    book.row(
                        [&name, item.id.as_str(), &version, kind, scoring, &value.to_string(), &score.to_string()],
                        label,
                    );
                }
            }
        }
        book.row(base(DECLINED, "no-score"), &no_texts);
    }
    book.finish()
}

/// Prepended to a CSV meant for Excel, which reads a file without it in a legacy code page and
/// garbles Cyrillic. Never part of the text the exports return, so tests and tools see plain CSV.
pub const EXCEL_BOM: &str = "\u{feff}";

/// A column every row of an export has, as its codebook describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedColumn {
    pub name: &'static str,
    /// What kind of value it holds (`study-id`, `date`, `integer`, …).
    pub kind: &'static str,
    /// The values it may hold, when they are few; empty otherwise.
    pub values: &'static [&'static str],
}

/// Writes a codebook in the one layout every export of Aware uses: a header `column,item,
/// version,kind,scoring,value,key,text_<language>…`, a row per fixed column and one per allowed
/// value of it, then whatever rows the export adds ([`Self::row`]).
pub struct CodebookWriter<'a> {
    text: String,
    languages: &'a [Locale],
}

impl<'a> CodebookWriter<'a> {
    pub fn new(languages: &'a [Locale]) -> CodebookWriter<'a> {
        let mut text = String::new();
        let mut header: Vec<String> =
            ["column", "item", "version", "kind", "scoring", "value", "key"].map(str::to_owned).to_vec();
        header.extend(languages.iter().map(|language| format!("text_{language}")));
        write_row(&mut text, header.iter().map(String::as_str));
        CodebookWriter { text, languages }
    }

    /// A row for each column, then one per allowed value of it.
    pub fn fixed_columns(&mut self, columns: &[FixedColumn]) {
        let no_texts = Texts::new();
        for column in columns {
            self.row([column.name, "", "", column.kind, "", "", ""], &no_texts);
            for value in column.values {
                self.row([column.name, "", "", column.kind, "", value, ""], &no_texts);
            }
        }
    }

    /// One row: the seven fixed cells, then the text in each language (empty where it lacks one).
    pub fn row(&mut self, cells: [&str; 7], texts: &Texts) {
        let translations = self.languages.iter().map(|language| texts.get(language).map_or("", String::as_str));
        write_row(&mut self.text, cells.into_iter().chain(translations));
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// A codebook's `key` for an option: whether choosing it is right.
pub fn option_key(correct: bool) -> &'static str {
    if correct { "correct" } else { "incorrect" }
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

/// Appends one CSV row: every cell through [`csv_cell`], joined by commas, ended by CRLF.
pub fn write_row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
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
