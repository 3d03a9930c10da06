//! Compiles `assessment/` (format and rules: `assessment/README.md`) into one [`Assessment`]
//! holding every language, with the retired versions of its items.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::bias::key_is_longest;
use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{self, Table, check_id};
use super::{check_scored_sources, check_sources, phone_numbers, read_last, read_sources, review, subdirectories};
use crate::assessment::{
    ASSESSMENT_FORMAT, Assessment, KnowledgeItem, KnowledgeOption, Labels, LikertItem, Retired, Scale, Texts,
};
use crate::content::Source;
use crate::study::Form;

/// Knowledge items per form (research brief §5.1 and the issue: 12 to 16).
const KNOWLEDGE_PER_FORM: std::ops::RangeInclusive<usize> = 12..=16;
const OPTIONS_PER_ITEM: std::ops::RangeInclusive<usize> = 3..=5;
/// Statements each scale needs in each direction, so that agreeing with everything (acquiescence)
/// does not look like an attitude.
const STATEMENTS_EACH_WAY: usize = 2;

/// `<dir>/<locale>/assessment.toml`: one language's texts of the items asked now. The rules on
/// what students will read next (the glossaries, quiz prompts that repeat an assessment item)
/// check this file and never `<locale>/retired.toml`, which keeps the texts of retired versions
/// exactly as students saw them, wordings since replaced (such as «байрлуулах») included, so that
/// the answers given to them stay readable.
pub(crate) fn current_texts(dir: &Path, locale: &str) -> PathBuf {
    dir.join(locale).join("assessment.toml")
}

/// `lessons` supplies `sources.toml`: the assessment cites the same sources as the lessons. Like
/// the lessons, it names no phone number: its texts refer to the help entries ("the Child
/// Helpline, on the Get help page"), so that a number lives in help.toml alone. Review records are
/// read from `locales/<locale>/reviews.toml` next to `dir`.
pub fn compile_assessment(dir: &Path, lessons: &Path) -> Result<Assessment, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sources = read_sources(&lessons.join("sources.toml"), &mut errors);
    let mut places = Places::default();
    let structure = read_structure(&dir.join("assessment.toml"), &sources, &mut places, &mut errors);
    let retired_path = dir.join("retired.toml");
    let retired =
        if retired_path.exists() { read_retired(&retired_path, &mut places, &mut errors) } else { Retired::default() };
    let Some(Structure { version, scales, knowledge, likert }) = structure else { return Err(errors) };
    let mut assessment = Assessment {
        format: ASSESSMENT_FORMAT,
        version,
        locales: Vec::new(),
        labels: BTreeMap::new(),
        scales,
        knowledge,
        likert,
        retired,
        reviewed: BTreeMap::new(),
    };
    check_history(&assessment, &dir.join("assessment.toml"), &places, &mut errors);
    let mut reviewed_lines = BTreeMap::new();
    for locale_dir in subdirectories(dir, &mut errors) {
        let locale = locale_dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let path = current_texts(dir, &locale);
        let Some((labels, reviewed)) = read_translation(&path, &locale, &mut assessment, &mut errors) else {
            continue;
        };
        if !assessment.retired.knowledge.is_empty() || !assessment.retired.likert.is_empty() {
            read_retired_translation(&locale_dir.join("retired.toml"), &locale, &mut assessment.retired, &mut errors);
        }
        assessment.labels.insert(locale.clone(), labels);
        assessment.reviewed.insert(locale.clone(), reviewed.is_some());
        if let Some(line) = reviewed {
            reviewed_lines.insert(locale.clone(), (path, line));
        }
        assessment.locales.push(locale);
    }
    if assessment.locales.is_empty() && errors.is_empty() {
        errors.push(Diagnostic {
            path: dir.to_owned(),
            line: 1,
            message: "no language folder with an assessment.toml".into(),
        });
    }
    if errors.is_empty() {
        check_key_lengths(&assessment, dir, &mut errors);
        let locales_dir = super::locales_dir(dir);
        for (locale, (path, line)) in reviewed_lines {
            review::check_assessment(&locales_dir, &assessment, &locale, &path, line, &mut errors);
        }
    }
    if errors.is_empty() { Ok(assessment) } else { Err(errors) }
}

/// Where each item version is written, for messages about the history of items.
#[derive(Default)]
struct Places(BTreeMap<(Kind, String, u32), (PathBuf, usize)>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Knowledge,
    Likert,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Knowledge => "knowledge item",
            Kind::Likert => "Likert item",
        }
    }
}

impl Places {
    /// Records where an item version is written; reports one written twice.
    fn add(
        &mut self,
        file: &SourceFile,
        line: usize,
        kind: Kind,
        id: &str,
        version: u32,
        errors: &mut Vec<Diagnostic>,
    ) {
        let key = (kind, id.to_owned(), version);
        if let Some((path, first)) = self.0.get(&key) {
            errors.push(file.error_at_line(
                line,
                format!("{} `{id}` version {version} is also written at {}:{first}", kind.name(), path.display()),
            ));
        } else {
            self.0.insert(key, (file.path.clone(), line));
        }
    }

    fn error(&self, kind: Kind, id: &str, version: u32, message: String) -> Diagnostic {
        let (path, line) = self.0.get(&(kind, id.to_owned(), version)).cloned().unwrap_or_default();
        Diagnostic { path, line, message }
    }
}

struct Structure {
    version: u32,
    scales: Vec<Scale>,
    knowledge: Vec<KnowledgeItem>,
    likert: Vec<LikertItem>,
}

fn read_structure(
    path: &Path,
    sources: &BTreeMap<String, Source>,
    places: &mut Places,
    errors: &mut Vec<Diagnostic>,
) -> Option<Structure> {
    let file = SourceFile::read(path, errors)?;
    let doc = toml_table::parse(&file, errors)?;
    let mut root = Table::new(&file, &doc, "assessment.toml");
    phone_numbers::check(&file, errors);
    let version = root.integer("version", 1..100_000, errors).map(|v| v as u32);
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut unique = |id: &Spanned<String>, errors: &mut Vec<Diagnostic>| {
        if !ids.insert(id.get_ref().clone()) {
            errors.push(file.error(id.span(), format!("duplicate item id `{}`", id.get_ref())));
        }
    };

    let mut scales = Vec::new();
    for mut table in root.tables("scale", errors) {
        if let Some(id) = table.string("id", errors).filter(|id| check_id(&file, id, "scale id", errors)) {
            if scales.iter().any(|scale: &Scale| &scale.id == id.get_ref()) {
                errors.push(file.error(id.span(), format!("duplicate scale `{}`", id.get_ref())));
            }
            scales.push(Scale { id: id.into_inner(), name: Texts::new() });
        }
        table.finish(errors);
    }

    let mut knowledge = Vec::new();
    for mut table in root.tables("knowledge", errors) {
        let Some((id, item)) = read_knowledge(&file, &mut table, Some(sources), version, errors) else {
            table.finish(errors);
            continue;
        };
        unique(&id, errors);
        table.finish(errors);
        if let Some((item, line)) = item {
            places.add(&file, line, Kind::Knowledge, &item.id, item.version, errors);
            knowledge.push(item);
        }
    }

    let mut likert = Vec::new();
    for mut table in root.tables("likert", errors) {
        let Some((id, item)) = read_likert(&file, &mut table, false, version, errors) else {
            table.finish(errors);
            continue;
        };
        unique(&id, errors);
        if let Some(item) = &item
            && !scales.iter().any(|known| known.id == item.0.scale)
        {
            errors.push(file.error_at_line(item.1, format!("scale `{}` is not declared with [[scale]]", item.0.scale)));
        }
        table.finish(errors);
        if let Some((item, line)) = item {
            places.add(&file, line, Kind::Likert, &item.id, item.version, errors);
            likert.push(item);
        }
    }
    root.finish(errors);

    check_forms(&file, &knowledge, errors);
    for scale in &scales {
        let items: Vec<&LikertItem> = likert.iter().filter(|item| item.scale == scale.id).collect();
        let reversed = items.iter().filter(|item| item.reversed).count();
        let positive = items.len() - reversed;
        if reversed < STATEMENTS_EACH_WAY || positive < STATEMENTS_EACH_WAY {
            errors.push(file.error_at_line(
                1,
                format!(
                    "scale `{}` has {positive} positive and {reversed} reversed statements; it needs at least {STATEMENTS_EACH_WAY} of each",
                    scale.id
                ),
            ));
        }
    }
    Some(Structure { version: version?, scales, knowledge, likert })
}

/// The retired item versions (`retired.toml`): the same tables as `assessment.toml`, each with
/// `until`, the first assessment version that no longer asked it, and no sources.
fn read_retired(path: &Path, places: &mut Places, errors: &mut Vec<Diagnostic>) -> Retired {
    let mut retired = Retired::default();
    let Some(file) = SourceFile::read(path, errors) else { return retired };
    let Some(doc) = toml_table::parse(&file, errors) else { return retired };
    let mut root = Table::new(&file, &doc, "retired.toml");
    phone_numbers::check(&file, errors);
    for mut table in root.tables("knowledge", errors) {
        if let Some((_, Some((item, line)))) = read_knowledge(&file, &mut table, None, None, errors) {
            places.add(&file, line, Kind::Knowledge, &item.id, item.version, errors);
            retired.knowledge.push(item);
        }
        table.finish(errors);
    }
    for mut table in root.tables("likert", errors) {
        if let Some((_, Some((item, line)))) = read_likert(&file, &mut table, true, None, errors) {
            places.add(&file, line, Kind::Likert, &item.id, item.version, errors);
            retired.likert.push(item);
        }
        table.finish(errors);
    }
    root.finish(errors);
    retired
}

/// An item table as read: its id (for the uniqueness check) and, when every field is usable, the
/// item with the line of its table.
type ReadItem<T> = Option<(Spanned<String>, Option<(T, usize)>)>;

/// One version of an item: its version, `since` and `until`.
type VersionSpan = (u32, u32, Option<u32>);

/// One `[[knowledge]]` table. `sources` is `None` for a retired item (which has `until` instead).
fn read_knowledge(
    file: &SourceFile,
    table: &mut Table,
    sources: Option<&BTreeMap<String, Source>>,
    version: Option<u32>,
    errors: &mut Vec<Diagnostic>,
) -> ReadItem<KnowledgeItem> {
    let id = item_id(file, table, Kind::Knowledge, errors)?;
    let line = table.line();
    let pair = table.string("pair", errors).filter(|pair| check_id(file, pair, "pair", errors));
    let form = table.string("form", errors).and_then(|form| {
        let parsed = Form::parse(form.get_ref());
        if parsed.is_none() {
            errors.push(file.error(form.span(), format!("form `{}` must be \"A\" or \"B\"", form.get_ref())));
        }
        parsed
    });
    let item_version = table.integer("version", 1..100_000, errors).map(|v| v as u32);
    let span = read_span(file, table, sources.is_none(), version, errors);
    let kind = table.string("type", errors);
    let options = match kind.as_ref().map(|kind| kind.get_ref().as_str()) {
        Some("true-false") => {
            table.boolean("answer", errors).map(|answer| vec![option("true", answer), option("false", !answer)])
        }
        Some("single") => read_options(file, table, errors),
        Some(other) => {
            let span = kind.as_ref().map(Spanned::span).unwrap_or(0..0);
            errors.push(file.error(span, format!("unknown type `{other}` (expected single or true-false)")));
            table.skip_rest();
            None
        }
        None => {
            table.skip_rest();
            None
        }
    };
    let cited = match sources {
        Some(sources) => {
            let cited = check_sources(file, table.string_list("sources", errors).unwrap_or_default(), sources, errors);
            if cited.is_empty() {
                errors.push(file.error_at_line(line, format!("knowledge item `{}` cites no source", id.get_ref())));
            } else {
                check_scored_sources(file, line, id.get_ref(), &cited, sources, errors);
            }
            cited
        }
        None => Vec::new(),
    };
    let item = match (pair, form, item_version, span, options) {
        (Some(pair), Some(form), Some(item_version), Some((since, until)), Some(options)) => Some((
            KnowledgeItem {
                true_false: options.iter().any(|o| o.id == "true"),
                id: id.get_ref().clone(),
                version: item_version,
                since,
                until,
                pair: pair.into_inner(),
                form,
                options,
                prompt: Texts::new(),
                explanation: Texts::new(),
                sources: cited,
            },
            line,
        )),
        _ => None,
    };
    Some((id, item))
}

/// One `[[likert]]` table; as [`read_knowledge`].
fn read_likert(
    file: &SourceFile,
    table: &mut Table,
    retired: bool,
    version: Option<u32>,
    errors: &mut Vec<Diagnostic>,
) -> ReadItem<LikertItem> {
    let id = item_id(file, table, Kind::Likert, errors)?;
    let line = table.line();
    let scale = table.string("scale", errors);
    let item_version = table.integer("version", 1..100_000, errors).map(|v| v as u32);
    let span = read_span(file, table, retired, version, errors);
    let reversed = table.boolean("reversed", errors);
    let item = match (scale, item_version, span, reversed) {
        (Some(scale), Some(item_version), Some((since, until)), Some(reversed)) => Some((
            LikertItem {
                id: id.get_ref().clone(),
                version: item_version,
                since,
                until,
                scale: scale.into_inner(),
                reversed,
                statement: Texts::new(),
            },
            line,
        )),
        _ => None,
    };
    Some((id, item))
}

/// The table's `id`, checked, with the table named after it in messages; `None` (every other key
/// passed over) when it is unusable.
fn item_id(file: &SourceFile, table: &mut Table, kind: Kind, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
    let Some(id) = table.string("id", errors).filter(|id| check_id(file, id, "item id", errors)) else {
        table.skip_rest();
        return None;
    };
    table.rename(format!("{} `{}`", kind.name(), id.get_ref()));
    Some(id)
}

/// `since` (and, for a retired item, `until`): the assessment versions that asked the item version.
/// `version` is the assessment's, known only in `assessment.toml` (the history check compares
/// retired items with it).
fn read_span(
    file: &SourceFile,
    table: &mut Table,
    retired: bool,
    version: Option<u32>,
    errors: &mut Vec<Diagnostic>,
) -> Option<(u32, Option<u32>)> {
    let since = table.integer("since", 1..100_000, errors).map(|v| v as u32)?;
    if let Some(version) = version
        && since > version
    {
        errors.push(
            file.error_at_line(
                table.line(),
                format!("`since = {since}` is after the assessment's `version = {version}`"),
            ),
        );
    }
    if !retired {
        return Some((since, None));
    }
    let until = table.integer("until", 1..100_000, errors).map(|v| v as u32)?;
    if until <= since {
        errors.push(file.error_at_line(table.line(), format!("`until = {until}` must be after `since = {since}`")));
    }
    Some((since, Some(until)))
}

fn option(id: &str, correct: bool) -> KnowledgeOption {
    KnowledgeOption { id: id.to_owned(), correct, last: false, text: Texts::new() }
}

fn read_options(file: &SourceFile, table: &mut Table, errors: &mut Vec<Diagnostic>) -> Option<Vec<KnowledgeOption>> {
    let line = table.line();
    let ids = table.string_list("options", errors).unwrap_or_default();
    let correct = table.string("correct", errors)?;
    let mut options: Vec<KnowledgeOption> = Vec::new();
    for id in ids {
        if !check_id(file, &id, "option id", errors) || id.get_ref() == "true" || id.get_ref() == "false" {
            continue;
        }
        if options.iter().any(|o| &o.id == id.get_ref()) {
            errors.push(file.error(id.span(), format!("duplicate option `{}`", id.get_ref())));
            continue;
        }
        options.push(option(id.get_ref(), id.get_ref() == correct.get_ref()));
    }
    // `last = "d"`: as in lessons.
    let pinned = read_last(file, table, options.last().map(|option| option.id.as_str()), errors).is_some();
    if let Some(option) = options.last_mut() {
        option.last = pinned;
    }
    if !OPTIONS_PER_ITEM.contains(&options.len()) {
        errors.push(file.error_at_line(
            line,
            format!("a single-choice item needs {} to {} options", OPTIONS_PER_ITEM.start(), OPTIONS_PER_ITEM.end()),
        ));
        return None;
    }
    if !options.iter().any(|o| o.correct) {
        errors.push(
            file.error(correct.span(), format!("correct answer `{}` is not one of the options", correct.get_ref())),
        );
        return None;
    }
    Some(options)
}

/// Each form has 12–16 items and every pair has one item on each form.
fn check_forms(file: &SourceFile, knowledge: &[KnowledgeItem], errors: &mut Vec<Diagnostic>) {
    for form in Form::ALL {
        let count = knowledge.iter().filter(|item| item.form == form).count();
        if !KNOWLEDGE_PER_FORM.contains(&count) {
            errors.push(file.error_at_line(
                1,
                format!(
                    "form {} has {count} knowledge items; each form needs {} to {}",
                    form.as_str(),
                    KNOWLEDGE_PER_FORM.start(),
                    KNOWLEDGE_PER_FORM.end()
                ),
            ));
        }
    }
    let pairs: BTreeSet<&str> = knowledge.iter().map(|item| item.pair.as_str()).collect();
    for pair in pairs {
        for form in Form::ALL {
            let count = knowledge.iter().filter(|item| item.pair == pair && item.form == form).count();
            if count != 1 {
                errors.push(file.error_at_line(
                    1,
                    format!("pair `{pair}` has {count} items on form {}; it needs exactly one", form.as_str()),
                ));
            }
        }
    }
}

/// The versions of an item tell which assessment versions asked what, so that an attempt of any
/// version is scored only where it compares. An item's versions are numbered 1, 2, 3 … in the
/// order they were asked, each starting where the one before ended; only the last may still be
/// asked; an id keeps its kind, pair, form and scale; and at every assessment version each form
/// had exactly one item of each pair then asked.
fn check_history(assessment: &Assessment, structure: &Path, places: &Places, errors: &mut Vec<Diagnostic>) {
    let knowledge = assessment.knowledge.iter().chain(&assessment.retired.knowledge);
    let likert = assessment.likert.iter().chain(&assessment.retired.likert);
    let mut spans: BTreeMap<(Kind, &str), Vec<VersionSpan>> = BTreeMap::new();
    for item in knowledge.clone() {
        spans.entry((Kind::Knowledge, &item.id)).or_default().push((item.version, item.since, item.until));
    }
    for item in likert.clone() {
        spans.entry((Kind::Likert, &item.id)).or_default().push((item.version, item.since, item.until));
    }
    let version = assessment.version;
    let likert_ids: BTreeSet<&str> = likert.clone().map(|item| item.id.as_str()).collect();
    for item in knowledge.clone().filter(|item| likert_ids.contains(item.id.as_str())) {
        errors.push(places.error(
            Kind::Knowledge,
            &item.id,
            item.version,
            format!("`{}` names both a knowledge item and a Likert item; an id keeps its kind", item.id),
        ));
    }
    for ((kind, id), versions) in &mut spans {
        versions.sort();
        let mut expected_since = None;
        for (index, &(item_version, since, until)) in versions.iter().enumerate() {
            let at = |message: String| places.error(*kind, id, item_version, message);
            if item_version != index as u32 + 1 {
                errors.push(at(format!(
                    "{} `{id}` has version {item_version} but no version {}: keep every earlier version in retired.toml",
                    kind.name(),
                    index + 1
                )));
                break;
            }
            if let Some(expected) = expected_since
                && since != expected
            {
                errors.push(at(format!(
                    "{} `{id}` version {item_version} has `since = {since}`; it must start where version {} ended, at {expected}",
                    kind.name(),
                    item_version - 1
                )));
            }
            match until {
                Some(until) if until > version => errors.push(at(format!(
                    "{} `{id}` version {item_version} has `until = {until}`, after the assessment's version {version}: raise `version` in assessment.toml",
                    kind.name()
                ))),
                None if index + 1 != versions.len() => errors.push(at(format!(
                    "{} `{id}` version {item_version} is still asked, but version {} is newer",
                    kind.name(),
                    item_version + 1
                ))),
                _ => {}
            }
            expected_since = until;
        }
    }
    for item in assessment.retired.knowledge.iter() {
        let Some(first) = assessment.knowledge.iter().chain(&assessment.retired.knowledge).find(|o| o.id == item.id)
        else {
            continue;
        };
        if first.pair != item.pair || first.form != item.form {
            errors.push(places.error(
                Kind::Knowledge,
                &item.id,
                item.version,
                format!("knowledge item `{}` keeps its pair and form in every version", item.id),
            ));
        }
    }
    for item in assessment.retired.likert.iter() {
        let scale = assessment.likert.iter().chain(&assessment.retired.likert).find(|o| o.id == item.id);
        if scale.is_some_and(|first| first.scale != item.scale) {
            errors.push(places.error(
                Kind::Likert,
                &item.id,
                item.version,
                format!("Likert item `{}` keeps its scale in every version", item.id),
            ));
        }
    }
    for asked_at in 1..version {
        for form in Form::ALL {
            let items: Vec<&KnowledgeItem> = assessment.knowledge_asked_at(form, asked_at).collect();
            let pairs: BTreeSet<&str> = assessment
                .knowledge
                .iter()
                .chain(&assessment.retired.knowledge)
                .filter(|item| item.asked_at(asked_at))
                .map(|item| item.pair.as_str())
                .collect();
            for pair in pairs {
                let count = items.iter().filter(|item| item.pair == pair).count();
                if count != 1 {
                    errors.push(Diagnostic {
                        path: structure.to_owned(),
                        line: 1,
                        message: format!(
                            "at assessment version {asked_at}, pair `{pair}` had {count} items on form {}; it needs exactly one",
                            form.as_str()
                        ),
                    });
                }
            }
        }
    }
}

/// A test-wise student picks the longest option: in each language, the correct option may be the
/// longest (by more than a character) of no more single-choice items than chance would make it.
fn check_key_lengths(assessment: &Assessment, dir: &Path, errors: &mut Vec<Diagnostic>) {
    let single: Vec<&KnowledgeItem> = assessment.knowledge.iter().filter(|item| !item.true_false).collect();
    let chance: f64 = single.iter().map(|item| 1.0 / item.options.len() as f64).sum();
    for locale in &assessment.locales {
        let length = |option: &KnowledgeOption| option.text.get(locale).map_or(0, |text| text.chars().count());
        let longest: Vec<&str> = single
            .iter()
            .filter(|item| key_is_longest(item.options.iter().map(|o| (length(o), o.correct))))
            .map(|item| item.id.as_str())
            .collect();
        if longest.len() as f64 > chance.floor() {
            errors.push(Diagnostic {
                path: current_texts(dir, locale),
                line: 1,
                message: format!(
                    "the correct option is the longest in {} of {} single-choice items ({}); chance would make it at most {}",
                    longest.len(),
                    single.len(),
                    longest.join(", "),
                    chance.floor()
                ),
            });
        }
    }
}

/// Reads one language's texts into `assessment`; returns its labels and, when the file says
/// `reviewed = true`, that line.
fn read_translation(
    path: &Path,
    locale: &str,
    assessment: &mut Assessment,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Labels, Option<usize>)> {
    let before = errors.len();
    let file = SourceFile::read(path, errors)?;
    let doc = toml_table::parse(&file, errors)?;
    phone_numbers::check(&file, errors);
    let mut root = Table::new(&file, &doc, format!("the `{locale}` assessment"));
    // Absent means not reviewed, as in lessons.
    let reviewed_line = root.get("reviewed").map(|value| file.line_of(value.span().start));
    let reviewed = reviewed_line.and_then(|line| root.boolean("reviewed", errors).filter(|&r| r).map(|_| line));
    let likert_labels = root.string_list("likert_labels", errors).unwrap_or_default();
    if likert_labels.len() != 5 {
        errors.push(file.error_at_line(root.line(), "`likert_labels` must list five labels, strongly disagree first"));
    }
    let declined = root.string("declined", errors);
    let true_ = root.string("true", errors);
    let false_ = root.string("false", errors);

    let mut scales = section(&mut root, "scale", errors);
    for scale in &mut assessment.scales {
        let text =
            scales.as_mut().and_then(|table| sub_table(table, &scale.id, "scale", errors)).and_then(|mut table| {
                let name = table.string("name", errors);
                table.finish(errors);
                name
            });
        match text {
            Some(name) => {
                scale.name.insert(locale.to_owned(), name.into_inner());
            }
            None => errors.push(file.error_at_line(1, format!("missing text for scale `{}`", scale.id))),
        }
    }
    if let Some(table) = scales {
        table.finish(errors);
    }

    let mut knowledge = section(&mut root, "knowledge", errors);
    for item in &mut assessment.knowledge {
        let Some(mut table) = knowledge.as_mut().and_then(|table| sub_table(table, &item.id, "knowledge", errors))
        else {
            errors.push(file.error_at_line(1, format!("missing text for knowledge item `{}`", item.id)));
            continue;
        };
        read_knowledge_text(&mut table, item, locale, true, errors);
        table.finish(errors);
    }
    if let Some(table) = knowledge {
        table.finish(errors);
    }

    let mut likert = section(&mut root, "likert", errors);
    for item in &mut assessment.likert {
        let Some(mut table) = likert.as_mut().and_then(|table| sub_table(table, &item.id, "likert", errors)) else {
            errors.push(file.error_at_line(1, format!("missing text for Likert item `{}`", item.id)));
            continue;
        };
        read_likert_text(&mut table, item, locale, errors);
        table.finish(errors);
    }
    if let Some(table) = likert {
        table.finish(errors);
    }
    root.finish(errors);

    let likert: [String; 5] = likert_labels.into_iter().map(Spanned::into_inner).collect::<Vec<_>>().try_into().ok()?;
    if errors.len() > before {
        return None;
    }
    let labels =
        Labels { likert, declined: declined?.into_inner(), true_: true_?.into_inner(), false_: false_?.into_inner() };
    Some((labels, reviewed))
}

/// One language's texts of the retired item versions: `[knowledge.<id>.v<version>]` and
/// `[likert.<id>.v<version>]`, as they were when asked.
fn read_retired_translation(path: &Path, locale: &str, retired: &mut Retired, errors: &mut Vec<Diagnostic>) {
    let Some(file) = SourceFile::read(path, errors) else { return };
    let Some(doc) = toml_table::parse(&file, errors) else { return };
    phone_numbers::check(&file, errors);
    let mut root = Table::new(&file, &doc, format!("the `{locale}` retired items"));
    let versions: Vec<(String, u32)> = retired.knowledge.iter().map(|item| (item.id.clone(), item.version)).collect();
    read_versioned(&mut root, Kind::Knowledge, &versions, errors, |index, table, errors| {
        read_knowledge_text(table, &mut retired.knowledge[index], locale, false, errors);
    });
    let versions: Vec<(String, u32)> = retired.likert.iter().map(|item| (item.id.clone(), item.version)).collect();
    read_versioned(&mut root, Kind::Likert, &versions, errors, |index, table, errors| {
        read_likert_text(table, &mut retired.likert[index], locale, errors);
    });
    root.finish(errors);
}

/// Calls `read` with the index and the table `[<kind>.<id>.v<version>]` of each of `versions`,
/// and reports missing and unknown ones.
fn read_versioned(
    root: &mut Table,
    kind: Kind,
    versions: &[(String, u32)],
    errors: &mut Vec<Diagnostic>,
    mut read: impl FnMut(usize, &mut Table, &mut Vec<Diagnostic>),
) {
    let file = root.file;
    let key = match kind {
        Kind::Knowledge => "knowledge",
        Kind::Likert => "likert",
    };
    let mut section = section(root, key, errors);
    let mut by_id: BTreeMap<&str, Table> = BTreeMap::new();
    for (id, _) in versions {
        if !by_id.contains_key(id.as_str())
            && let Some(table) = section.as_mut().and_then(|table| sub_table(table, id, key, errors))
        {
            by_id.insert(id, table);
        }
    }
    for (index, (id, version)) in versions.iter().enumerate() {
        let name = format!("v{version}");
        match by_id.get_mut(id.as_str()).and_then(|table| sub_table(table, &name, id, errors)) {
            Some(mut table) => {
                read(index, &mut table, errors);
                table.finish(errors);
            }
            None => errors.push(file.error_at_line(1, format!("missing text for {} `{id}` {name}", kind.name()))),
        }
    }
    for (_, table) in by_id {
        table.finish(errors);
    }
    if let Some(table) = section {
        table.finish(errors);
    }
}

/// The prompt, the options' texts and, for an item asked now, the explanation shown after hand-in
/// (a retired item's explanation is never shown again, and the codebook does not list it).
fn read_knowledge_text(
    table: &mut Table,
    item: &mut KnowledgeItem,
    locale: &str,
    explained: bool,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(prompt) = table.string("prompt", errors) {
        item.prompt.insert(locale.to_owned(), prompt.into_inner());
    }
    if explained && let Some(explanation) = table.string("explanation", errors) {
        item.explanation.insert(locale.to_owned(), explanation.into_inner());
    }
    if !item.true_false {
        for option in &mut item.options {
            if let Some(text) = table.string(&option.id, errors) {
                option.text.insert(locale.to_owned(), text.into_inner());
            }
        }
    }
}

fn read_likert_text(table: &mut Table, item: &mut LikertItem, locale: &str, errors: &mut Vec<Diagnostic>) {
    if let Some(statement) = table.string("statement", errors) {
        item.statement.insert(locale.to_owned(), statement.into_inner());
    }
}

/// `[section.id]`, marked as used in `section`; unknown ids in a section are reported by its `finish`.
fn sub_table<'t, 'i>(
    section: &mut Table<'t, 'i>,
    id: &str,
    key: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Table<'t, 'i>> {
    let value = section.get(id)?;
    Table::from_value(section.file, value, format!("[{key}.{id}]"), errors)
}

fn section<'t, 'i>(root: &mut Table<'t, 'i>, key: &str, errors: &mut Vec<Diagnostic>) -> Option<Table<'t, 'i>> {
    let value = root.get(key)?;
    Table::from_value(root.file, value, format!("[{key}]"), errors)
}
