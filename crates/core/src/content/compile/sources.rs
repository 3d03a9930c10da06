//! `sources.toml`: every source the course cites, with the confidence the research brief gives
//! its facts, and the rule that only what rests on a high-confidence source may be scored.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;

use super::diagnostic::{Diagnostic, SourceFile};
use super::phone_numbers;
use super::toml_table::{self, Table};
use crate::content::{Confidence, Source};

pub(crate) fn read_sources(path: &Path, errors: &mut Vec<Diagnostic>) -> BTreeMap<String, Source> {
    let mut sources = BTreeMap::new();
    let Some(file) = SourceFile::read(path, errors) else { return sources };
    let Some(doc) = toml_table::parse(&file, errors) else { return sources };
    let mut root = Table::new(&file, &doc, "sources.toml");
    for (id, mut table) in root.id_tables("source", errors) {
        let title = table.string("title", errors);
        let publisher = table.string("publisher", errors);
        // Students read titles and publishers in the source list: a number there would escape the
        // one file where numbers are kept and checked.
        for text in [&title, &publisher].into_iter().flatten() {
            phone_numbers::check_text(&file, file.line_of(text.span().start), text.get_ref(), errors);
        }
        let year = table.integer("year", 1900..2101, errors);
        let url = table.string("url", errors);
        if let Some(url) = &url
            && !url.get_ref().starts_with("https://")
        {
            errors.push(file.error(url.span(), "source `url` must start with https://"));
        }
        let confidence = table.string("confidence", errors).and_then(|text| match text.get_ref().as_str() {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            other => {
                errors.push(file.error(
                    text.span(),
                    format!("`confidence` must be \"high\" or \"medium\" (as content-facts.md rates the source), not `{other}`"),
                ));
                None
            }
        });
        table.finish(errors);
        if let (Some(title), Some(publisher), Some(year), Some(url), Some(confidence)) =
            (title, publisher, year, url, confidence)
        {
            sources.insert(
                id.get_ref().clone(),
                Source {
                    id: id.into_inner(),
                    title: title.into_inner(),
                    publisher: publisher.into_inner(),
                    year: year as u16,
                    url: url.into_inner(),
                    confidence,
                },
            );
        }
    }
    root.finish(errors);
    sources
}

/// The ids of `list` that name known sources, once each; unknown ones are reported.
pub(crate) fn check_sources(
    file: &SourceFile,
    list: Vec<Spanned<String>>,
    known: &BTreeMap<String, Source>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut ids = Vec::new();
    for id in list {
        if !known.contains_key(id.get_ref()) {
            errors.push(file.error(id.span(), format!("unknown source `{}` (not in sources.toml)", id.get_ref())));
        } else if !ids.contains(id.get_ref()) {
            ids.push(id.into_inner());
        }
    }
    ids
}

/// A scored item (a lesson quiz item, an assessment knowledge item) must rest on at least one
/// high-confidence source: a fact the brief rates [MED] may be told, hedged, but never marked
/// right or wrong. `cited` are known source ids (unknown ones are reported elsewhere).
pub(crate) fn check_scored_sources(
    file: &SourceFile,
    line: usize,
    item: &str,
    cited: &[String],
    known: &BTreeMap<String, Source>,
    errors: &mut Vec<Diagnostic>,
) {
    let confidences: Vec<(&str, Confidence)> =
        cited.iter().filter_map(|id| known.get(id).map(|source| (id.as_str(), source.confidence))).collect();
    if confidences.iter().any(|(_, confidence)| *confidence == Confidence::High) {
        return;
    }
    let message = if confidences.is_empty() {
        format!("item `{item}` is scored but cites no source: cite the high-confidence source its answer rests on")
    } else {
        let names: Vec<String> = confidences.iter().map(|(id, _)| format!("`{id}`")).collect();
        let noun = if names.len() == 1 { "source" } else { "sources" };
        format!(
            "item `{item}` is scored but rests on medium-confidence {noun} {}: test a skill that a high-confidence source supports, or move the fact into the lesson text with its hedge",
            names.join(" and ")
        )
    };
    errors.push(file.error_at_line(line, message));
}

/// A source nobody cites is either a leftover or a citation someone forgot: both need a person.
pub(crate) fn check_unused_sources(
    path: &Path,
    sources: &BTreeMap<String, Source>,
    used: impl Fn(&str) -> bool,
    errors: &mut Vec<Diagnostic>,
) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for id in sources.keys().filter(|id| !used(id)) {
        let header = format!("[{id}]");
        let line = text.lines().position(|l| l.trim() == header).map_or(1, |i| i + 1);
        errors.push(Diagnostic {
            path: path.to_owned(),
            line,
            message: format!("source `{id}` is not used by any lesson or helpline"),
        });
    }
}
