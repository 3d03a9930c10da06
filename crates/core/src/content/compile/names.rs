//! The made-up names of the people in stories (`lessons/names.toml`), and the rule that each name
//! plays the person who is harmed at most once in the whole course.
//!
//! A student who meets "Nomin" exploited in four lessons at four ages learns that Nomin is the
//! name of a victim; a real Nomin in the class hears it four times. So every scenario names the
//! person it harms (`harmed_person`), every lesson lists the people harmed in its other stories
//! (`harmed_in_stories`), and the compiler checks that the names come from the pool, appear in
//! the text of every language, and never play that part twice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{self, Table};

/// Name id → locale → the name as written in that language.
pub(crate) struct Names {
    path: PathBuf,
    forms: BTreeMap<String, BTreeMap<String, String>>,
}

/// The pool; a course without one has no names (and any story that names a harmed person fails).
pub(crate) fn read_names(path: &Path, errors: &mut Vec<Diagnostic>) -> Names {
    let mut names = Names { path: path.to_owned(), forms: BTreeMap::new() };
    if !path.exists() {
        return names;
    }
    let Some(file) = SourceFile::read(path, errors) else { return names };
    let Some(doc) = toml_table::parse(&file, errors) else { return names };
    let mut root = Table::new(&file, &doc, "names.toml");
    for (id, mut table) in root.id_tables("name", errors) {
        let mut forms = BTreeMap::new();
        for (locale, _) in table.entries() {
            let locale = locale.get_ref().to_string();
            if let Some(form) = table.string(&locale, errors) {
                forms.insert(locale, form.into_inner());
            }
        }
        table.finish(errors);
        names.forms.insert(id.into_inner(), forms);
    }
    root.finish(errors);
    names
}

/// One use of a name as the person harmed, in course order.
pub(crate) struct HarmedPerson<'a> {
    pub name: &'a Spanned<String>,
    /// The lesson's structure file, where the name is declared.
    pub declared_in: &'a SourceFile,
    pub lesson: &'a str,
    /// "scenario `x`" or "a story".
    pub role: String,
}

/// Each name known, and harmed at most once across the course.
pub(crate) fn check_unique(names: &Names, uses: &[HarmedPerson], errors: &mut Vec<Diagnostic>) {
    for (index, person) in uses.iter().enumerate() {
        let id = person.name.get_ref();
        if !names.forms.contains_key(id) {
            errors.push(person.declared_in.error(
                person.name.span(),
                format!("`{id}` is not a name in lessons/names.toml: people in stories take their names from its pool"),
            ));
        } else if let Some(first) = uses[..index].iter().find(|other| other.name.get_ref() == id) {
            errors.push(person.declared_in.error(
                person.name.span(),
                format!(
                    "`{id}` is already the person harmed in {} of lesson `{}`: choose another name from lessons/names.toml, so that no name is harmed twice in the course",
                    first.role, first.lesson
                ),
            ));
        }
    }
}

impl Names {
    /// How `id` is written in `locale`; reports a missing form once per call site.
    pub fn form(&self, id: &str, locale: &str, errors: &mut Vec<Diagnostic>) -> Option<&str> {
        let forms = self.forms.get(id)?;
        let form = forms.get(locale).map(String::as_str);
        if form.is_none() {
            errors.push(Diagnostic {
                path: self.path.clone(),
                line: 1,
                message: format!("name `{id}` has no `{locale}` form, but a `{locale}` story uses it"),
            });
        }
        form
    }
}

/// Whether `name` starts a word in `text` (suffixes may follow: "Nomin's", «Номинд»).
pub(crate) fn mentions(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric))
}
