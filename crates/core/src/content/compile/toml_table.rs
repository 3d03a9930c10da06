//! Typed, line-aware reading of TOML tables.
//!
//! Serde would reject a bad file at its first error; authors fixing a lesson want every problem
//! at once, each with its line, so fields are read one by one and problems are collected.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, SourceFile};

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

pub(crate) fn parse<'i>(file: &'i SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Spanned<DeTable<'i>>> {
    match DeTable::parse(&file.text) {
        Ok(table) => Some(table),
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim().to_owned();
            errors.push(file.error(span, format!("invalid TOML: {message}")));
            None
        }
    }
}

/// One TOML table being read, remembering which keys were used so that leftovers (typos,
/// keys from an old format) are reported instead of silently ignored.
pub(crate) struct Table<'t, 'i> {
    pub file: &'t SourceFile,
    pub span: Range<usize>,
    table: &'t DeTable<'i>,
    /// How this table is named in messages, e.g. "quiz item `border-needed`".
    what: String,
    used: Vec<String>,
}

impl<'t, 'i> Table<'t, 'i> {
    pub fn new(file: &'t SourceFile, table: &'t Spanned<DeTable<'i>>, what: impl Into<String>) -> Self {
        Table { file, span: table.span(), table: table.get_ref(), what: what.into(), used: Vec::new() }
    }

    pub fn from_value(
        file: &'t SourceFile,
        value: &'t Value<'i>,
        what: impl Into<String>,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        let what = what.into();
        match value.get_ref() {
            DeValue::Table(table) => Some(Table { file, span: value.span(), table, what, used: Vec::new() }),
            _ => {
                errors.push(file.error(value.span(), format!("{what} must be a table")));
                None
            }
        }
    }

    pub fn line(&self) -> usize {
        self.file.line_of(self.span.start)
    }

    /// The keys of this table in file order, with their spans; marks them all as used.
    pub fn entries(&mut self) -> Vec<(Spanned<&'t str>, &'t Value<'i>)> {
        let mut entries: Vec<_> =
            self.table.iter().map(|(key, value)| (Spanned::new(key.span(), key.get_ref().as_ref()), value)).collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        self.used.extend(entries.iter().map(|(key, _)| key.get_ref().to_string()));
        entries
    }

    pub fn get(&mut self, key: &str) -> Option<&'t Value<'i>> {
        self.used.push(key.to_owned());
        self.table.get(key)
    }

    fn missing(&self, key: &str) -> Diagnostic {
        self.file.error_at_line(self.line(), format!("{} is missing `{key}`", self.what))
    }

    fn wrong_type(&self, key: &str, value: &Value<'i>, expected: &str) -> Diagnostic {
        self.file.error(value.span(), format!("`{key}` in {} must be {expected}", self.what))
    }

    pub fn string(&mut self, key: &str, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
        let Some(value) = self.get(key) else {
            errors.push(self.missing(key));
            return None;
        };
        match value.get_ref() {
            DeValue::String(text) if !text.trim().is_empty() => {
                Some(Spanned::new(value.span(), text.trim().to_owned()))
            }
            DeValue::String(_) => {
                errors.push(self.file.error(value.span(), format!("`{key}` in {} is empty", self.what)));
                None
            }
            _ => {
                errors.push(self.wrong_type(key, value, "text in quotes"));
                None
            }
        }
    }

    pub fn integer(&mut self, key: &str, range: Range<u64>, errors: &mut Vec<Diagnostic>) -> Option<u64> {
        let Some(value) = self.get(key) else {
            errors.push(self.missing(key));
            return None;
        };
        let number = match value.get_ref() {
            DeValue::Integer(int) => int.as_str().replace('_', "").parse::<u64>().ok(),
            _ => None,
        };
        match number {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                let expected = format!("a whole number from {} to {}", range.start, range.end - 1);
                errors.push(self.wrong_type(key, value, &expected));
                None
            }
        }
    }

    /// Like [`Table::integer`], for a key that may be left out (then `None`, and no error).
    pub fn optional_integer(&mut self, key: &str, range: Range<u64>, errors: &mut Vec<Diagnostic>) -> Option<u64> {
        self.get(key)?;
        self.integer(key, range, errors)
    }

    pub fn boolean(&mut self, key: &str, errors: &mut Vec<Diagnostic>) -> Option<bool> {
        let Some(value) = self.get(key) else {
            errors.push(self.missing(key));
            return None;
        };
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                errors.push(self.wrong_type(key, value, "true or false"));
                None
            }
        }
    }

    /// A list of strings; `None` when the key is absent (the caller decides whether that is an error).
    pub fn string_list(&mut self, key: &str, errors: &mut Vec<Diagnostic>) -> Option<Vec<Spanned<String>>> {
        let value = self.get(key)?;
        let DeValue::Array(array) = value.get_ref() else {
            errors.push(self.wrong_type(key, value, "a list like [\"a\", \"b\"]"));
            return Some(Vec::new());
        };
        let mut list = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => {
                    list.push(Spanned::new(item.span(), text.trim().to_owned()))
                }
                _ => errors.push(self.wrong_type(key, item, "a list of non-empty texts")),
            }
        }
        Some(list)
    }

    /// An array of tables (`[[name]]`); empty when absent.
    pub fn tables(&mut self, key: &str, errors: &mut Vec<Diagnostic>) -> Vec<Table<'t, 'i>> {
        let Some(value) = self.get(key) else { return Vec::new() };
        let DeValue::Array(array) = value.get_ref() else {
            errors.push(self.wrong_type(key, value, &format!("a list of tables written [[{key}]]")));
            return Vec::new();
        };
        array
            .iter()
            .enumerate()
            .filter_map(|(i, item)| Table::from_value(self.file, item, format!("`{key}` entry {}", i + 1), errors))
            .collect()
    }

    /// A table of tables keyed by id (`[palermo-protocol]`, `[nomin]`): each valid id with its
    /// table, which `what` names in messages. Invalid ids and non-tables are reported.
    pub fn id_tables(&mut self, what: &str, errors: &mut Vec<Diagnostic>) -> Vec<(Spanned<String>, Table<'t, 'i>)> {
        let file = self.file;
        let mut tables = Vec::new();
        for (id, value) in self.entries() {
            let id = Spanned::new(id.span(), id.get_ref().to_string());
            if !check_id(file, &id, &format!("{what} id"), errors) {
                continue;
            }
            if let Some(table) = Table::from_value(file, value, format!("{what} `{}`", id.get_ref()), errors) {
                tables.push((id, table));
            }
        }
        tables
    }

    /// Marks every key as used: when the table's `id` or `type` is unusable, which other keys
    /// belong in it cannot be known, and reporting them as unknown would only mislead.
    pub fn skip_rest(&mut self) {
        self.entries();
    }

    pub fn rename(&mut self, what: impl Into<String>) {
        self.what = what.into();
    }

    /// Reports keys that were never read.
    pub fn finish(self, errors: &mut Vec<Diagnostic>) {
        for (key, _) in self.table.iter() {
            if !self.used.iter().any(|used| used == key.get_ref().as_ref()) {
                errors.push(self.file.error(key.span(), format!("unknown key `{}` in {}", key.get_ref(), self.what)));
            }
        }
    }
}

/// Ids follow the one rule of [`crate::content::id`].
pub(crate) fn check_id(file: &SourceFile, id: &Spanned<String>, what: &str, errors: &mut Vec<Diagnostic>) -> bool {
    let text = id.get_ref();
    let ok = crate::content::id::is_valid(text);
    if !ok {
        errors.push(file.error(id.span(), format!("{what} `{text}` {}", crate::content::id::NotAnId)));
    }
    ok
}
