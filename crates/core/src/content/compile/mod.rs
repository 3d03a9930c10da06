//! The content compiler: reads `lessons/`, checks every rule, and produces one [`Curriculum`] per
//! locale plus the [`HelpDirectory`].
//!
//! Every problem becomes a [`Diagnostic`] (`path:line: message`); all are collected so an author
//! fixes a file in one pass. The rules are those of `lessons/README.md`; change both together.

mod assessment;
mod diagnostic;
mod markdown;
mod phone_numbers;
pub mod review;
mod scenario;
mod toml_table;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toml::Spanned;

pub use assessment::compile_assessment;
pub use diagnostic::Diagnostic;
use diagnostic::SourceFile;
use scenario::ScenarioSpec;
use toml_table::{Table, check_id};

use crate::content::{
    BUNDLE_FORMAT, Confidence, Curriculum, HelpContact, HelpDirectory, Lesson, Objective, QuizItem, QuizKind,
    QuizOption, Source,
};

/// Everything the app needs from `lessons/`.
#[derive(Debug)]
pub struct Compiled {
    pub curricula: Vec<Curriculum>,
    pub help: HelpDirectory,
}

/// Only the helplines (`help.toml` and the sources they cite): what the app embeds at build time.
pub fn compile_help(dir: &Path) -> Result<HelpDirectory, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sources = read_sources(&dir.join("sources.toml"), &mut errors);
    let help = read_help(&dir.join("help.toml"), &sources, &mut errors);
    if errors.is_empty() { Ok(help) } else { Err(errors) }
}

pub fn compile(dir: &Path) -> Result<Compiled, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sources = read_sources(&dir.join("sources.toml"), &mut errors);
    let help = read_help(&dir.join("help.toml"), &sources, &mut errors);

    let mut specs = Vec::new();
    for lesson_dir in subdirectories(dir, &mut errors) {
        if let Some(spec) = read_structure(&lesson_dir, &sources, &mut errors) {
            specs.push(spec);
        }
    }
    check_orders(&specs, &mut errors);
    specs.sort_by_key(|spec| spec.order);

    let locales: BTreeSet<String> = specs.iter().flat_map(|spec| spec.locales.clone()).collect();
    let mut curricula = Vec::new();
    for locale in &locales {
        let mut lessons = Vec::new();
        for spec in &specs {
            if !spec.locales.contains(locale) {
                errors.push(Diagnostic {
                    path: spec.dir.join("lesson.toml"),
                    line: 1,
                    message: format!("missing translation: no `{locale}` folder (other lessons have one)"),
                });
                continue;
            }
            if let Some(lesson) = read_translation(spec, locale, &sources, &mut errors) {
                lessons.push(lesson);
            }
        }
        curricula.push(Curriculum { format: BUNDLE_FORMAT, locale: locale.clone(), lessons });
    }
    check_locale_parity(&curricula, &specs, &mut errors);
    if specs.is_empty() && errors.is_empty() {
        errors.push(Diagnostic { path: dir.to_owned(), line: 1, message: "no lessons found".into() });
    }
    // Only on an otherwise clean tree: a lesson that failed to parse would make its sources look unused.
    if errors.is_empty() {
        check_unused_sources(dir, &sources, &specs, &help, &mut errors);
        review::check_lessons(&locales_dir(dir), dir, &curricula, &mut errors);
    }

    if errors.is_empty() { Ok(Compiled { curricula, help }) } else { Err(errors) }
}

/// Where review records live: `locales/` next to the content folder (`lessons/`, `assessment/`).
pub fn locales_dir(content_dir: &Path) -> PathBuf {
    content_dir.parent().unwrap_or(content_dir).join("locales")
}

/// Every language must have the same sections and teacher-guide sections, so a class can follow one
/// lesson in two languages side by side and results compare across languages.
fn check_locale_parity(curricula: &[Curriculum], specs: &[LessonSpec], errors: &mut Vec<Diagnostic>) {
    let Some((first, others)) = curricula.split_first() else { return };
    for other in others {
        for lesson in &other.lessons {
            let (Some(reference), Some(spec)) = (first.lesson(&lesson.id), specs.iter().find(|s| s.id == lesson.id))
            else {
                continue;
            };
            for (file, theirs, ours) in [
                ("lesson.md", lesson.sections.len(), reference.sections.len()),
                ("teacher-guide.md", lesson.teacher_guide.len(), reference.teacher_guide.len()),
            ] {
                if theirs != ours {
                    errors.push(Diagnostic {
                        path: spec.dir.join(&other.locale).join(file),
                        line: 1,
                        message: format!("has {theirs} `##` sections, but the `{}` version has {ours}", first.locale),
                    });
                }
            }
        }
    }
}

/// A source nobody cites is either a leftover or a citation someone forgot: both need a person.
fn check_unused_sources(
    dir: &Path,
    sources: &BTreeMap<String, Source>,
    specs: &[LessonSpec],
    help: &HelpDirectory,
    errors: &mut Vec<Diagnostic>,
) {
    let path = dir.join("sources.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for id in sources.keys() {
        let used =
            specs.iter().any(|spec| spec.sources.contains(id)) || help.contacts.iter().any(|c| &c.source.id == id);
        if !used {
            let header = format!("[{id}]");
            let line = text.lines().position(|l| l.trim() == header).map_or(1, |i| i + 1);
            errors.push(Diagnostic {
                path: path.clone(),
                line,
                message: format!("source `{id}` is not used by any lesson or helpline"),
            });
        }
    }
}

fn subdirectories(dir: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            errors.push(Diagnostic { path: dir.to_owned(), line: 1, message: format!("cannot read folder: {err}") });
            return Vec::new();
        }
    };
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.is_dir()).collect();
    dirs.sort();
    dirs
}

fn read_sources(path: &Path, errors: &mut Vec<Diagnostic>) -> BTreeMap<String, Source> {
    let mut sources = BTreeMap::new();
    let Some(file) = SourceFile::read(path, errors) else { return sources };
    let Some(doc) = toml_table::parse(&file, errors) else { return sources };
    let mut root = Table::new(&file, &doc, "sources.toml");
    for (id, value) in root.entries() {
        let id_owned = Spanned::new(id.span(), id.get_ref().to_string());
        if !check_id(&file, &id_owned, "source id", errors) {
            continue;
        }
        let Some(mut table) = Table::from_value(&file, value, format!("source `{}`", id.get_ref()), errors) else {
            continue;
        };
        let title = table.string("title", errors);
        let publisher = table.string("publisher", errors);
        let year = table.integer("year", 1900..2101, errors);
        let url = table.string("url", errors);
        if let Some(url) = &url
            && !url.get_ref().starts_with("https://")
        {
            errors.push(file.error(url.span(), "source `url` must start with https://"));
        }
        let confidence = read_confidence(&file, &mut table, errors);
        table.finish(errors);
        if let (Some(title), Some(publisher), Some(year), Some(url)) = (title, publisher, year, url) {
            sources.insert(
                id_owned.into_inner(),
                Source {
                    id: id.get_ref().to_string(),
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

/// `confidence = "high"` or `"medium"`: how the research brief rates the source's facts. Absent
/// counts as medium, so that nothing is taken as verified unless someone said so.
fn read_confidence(file: &SourceFile, table: &mut Table, errors: &mut Vec<Diagnostic>) -> Confidence {
    if table.get("confidence").is_none() {
        return Confidence::Medium;
    }
    let Some(text) = table.string("confidence", errors) else { return Confidence::Medium };
    match text.get_ref().as_str() {
        "high" => Confidence::High,
        "medium" => Confidence::Medium,
        other => {
            errors.push(file.error(
                text.span(),
                format!(
                    "`confidence` must be \"high\" or \"medium\" (as content-facts.md rates the source), not `{other}`"
                ),
            ));
            Confidence::Medium
        }
    }
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

fn read_help(path: &Path, sources: &BTreeMap<String, Source>, errors: &mut Vec<Diagnostic>) -> HelpDirectory {
    let mut contacts = Vec::new();
    let Some(file) = SourceFile::read(path, errors) else { return HelpDirectory { contacts } };
    let Some(doc) = toml_table::parse(&file, errors) else { return HelpDirectory { contacts } };
    let mut root = Table::new(&file, &doc, "help.toml");
    for mut table in root.tables("contact", errors) {
        let id = table.string("id", errors);
        if let Some(id) = &id {
            check_id(&file, id, "contact id", errors);
            table.rename(format!("contact `{}`", id.get_ref()));
        }
        let number = table.string("number", errors);
        if let Some(number) = &number
            && !number.get_ref().bytes().all(|b| b.is_ascii_digit() || b == b'+' || b == b' ')
        {
            errors.push(file.error(number.span(), "`number` may contain only digits, spaces and +"));
        }
        let source = table.string("source", errors).and_then(|id| match sources.get(id.get_ref()) {
            Some(source) => Some(source.clone()),
            None => {
                errors.push(file.error(id.span(), format!("unknown source `{}` (not in sources.toml)", id.get_ref())));
                None
            }
        });
        let last_verified = table.string("last_verified", errors);
        if let Some(date) = &last_verified
            && !is_iso_date(date.get_ref())
        {
            errors.push(file.error(date.span(), "`last_verified` must be a date written YYYY-MM-DD"));
        }
        table.finish(errors);
        if let (Some(id), Some(number), Some(source), Some(last_verified)) = (id, number, source, last_verified) {
            if contacts.iter().any(|c: &HelpContact| &c.id == id.get_ref()) {
                errors.push(file.error(id.span(), format!("duplicate contact id `{}`", id.get_ref())));
            }
            contacts.push(HelpContact {
                id: id.into_inner(),
                number: number.into_inner(),
                source,
                last_verified: last_verified.into_inner(),
            });
        }
    }
    root.finish(errors);
    if contacts.is_empty() {
        errors.push(file.error_at_line(1, "help.toml lists no `[[contact]]`"));
    }
    HelpDirectory { contacts }
}

pub(crate) fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)))
}

/// A lesson's language-independent structure (`<lesson>/lesson.toml`).
struct LessonSpec {
    dir: PathBuf,
    id: String,
    version: u32,
    order: u32,
    order_line: usize,
    age_min: u8,
    age_max: u8,
    duration_minutes: u16,
    objectives: Vec<String>,
    sources: Vec<String>,
    quiz: Vec<ItemSpec>,
    scenarios: Vec<ScenarioSpec>,
    locales: Vec<String>,
}

struct ItemSpec {
    id: String,
    kind: QuizKind,
    /// Option ids in display order with whether each is correct.
    options: Vec<(String, bool)>,
    sources: Vec<String>,
}

fn read_structure(dir: &Path, sources: &BTreeMap<String, Source>, errors: &mut Vec<Diagnostic>) -> Option<LessonSpec> {
    let file = SourceFile::read(&dir.join("lesson.toml"), errors)?;
    let doc = toml_table::parse(&file, errors)?;
    let before = errors.len();
    let mut root = Table::new(&file, &doc, "lesson.toml");
    let folder = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();

    let id = root.string("id", errors);
    if let Some(id) = &id
        && check_id(&file, id, "lesson id", errors)
        && id.get_ref() != &folder
    {
        errors
            .push(file.error(id.span(), format!("lesson id `{}` must equal its folder name `{folder}`", id.get_ref())));
    }
    let version = root.integer("version", 1..100_000, errors);
    let order_line = root.get("order").map(|v| file.line_of(v.span().start)).unwrap_or(1);
    let order = root.integer("order", 1..1000, errors);
    let age_min = root.integer("age_min", 5..100, errors);
    let age_max = root.integer("age_max", 5..100, errors);
    if let (Some(min), Some(max)) = (age_min, age_max)
        && min > max
    {
        errors.push(file.error_at_line(root.line(), "`age_min` is greater than `age_max`"));
    }
    let duration = root.integer("duration_minutes", 1..600, errors);
    let objectives = unique_ids(&file, root.string_list("objectives", errors), "objective", &root, errors);
    let lesson_sources = check_sources(&file, root.string_list("sources", errors).unwrap_or_default(), sources, errors);

    let mut quiz = Vec::new();
    let item_tables = root.tables("quiz", errors);
    let has_quiz = !item_tables.is_empty();
    for mut table in item_tables {
        if let Some(item) = read_item(&file, &mut table, sources, &lesson_sources, errors) {
            if quiz.iter().any(|other: &ItemSpec| other.id == item.id) {
                errors.push(file.error_at_line(table.line(), format!("duplicate quiz item id `{}`", item.id)));
            }
            quiz.push(item);
        }
        table.finish(errors);
    }
    if !has_quiz {
        errors.push(file.error_at_line(1, "the lesson has no quiz: add `[[quiz]]` items"));
    }
    let mut scenarios: Vec<ScenarioSpec> = Vec::new();
    for mut table in root.tables("scenario", errors) {
        if let Some(scenario) = scenario::read_structure(&file, &mut table, errors) {
            if scenarios.iter().any(|other| other.id == scenario.id) {
                errors.push(file.error_at_line(scenario.line, format!("duplicate scenario id `{}`", scenario.id)));
            }
            scenarios.push(scenario);
        }
        table.finish(errors);
    }
    root.finish(errors);

    let locales: Vec<String> = subdirectories(dir, errors)
        .iter()
        .filter_map(|path| path.file_name().map(|name| name.to_string_lossy().into_owned()))
        .collect();
    if locales.is_empty() {
        errors.push(file.error_at_line(1, "the lesson has no language folder such as `en/`"));
    }
    if errors.len() > before {
        return None;
    }
    Some(LessonSpec {
        dir: dir.to_owned(),
        id: id?.into_inner(),
        version: version? as u32,
        order: order? as u32,
        order_line,
        age_min: age_min? as u8,
        age_max: age_max? as u8,
        duration_minutes: duration? as u16,
        objectives,
        sources: lesson_sources,
        quiz,
        scenarios,
        locales,
    })
}

fn unique_ids(
    file: &SourceFile,
    list: Option<Vec<Spanned<String>>>,
    what: &str,
    table: &Table,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(list) = list else {
        errors.push(file.error_at_line(table.line(), format!("lesson.toml is missing `{what}s`")));
        return Vec::new();
    };
    let mut ids: Vec<String> = Vec::new();
    for id in list {
        if !check_id(file, &id, what, errors) {
            continue;
        }
        if ids.contains(id.get_ref()) {
            errors.push(file.error(id.span(), format!("duplicate {what} id `{}`", id.get_ref())));
        } else {
            ids.push(id.into_inner());
        }
    }
    ids
}

fn check_sources(
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

fn read_item(
    file: &SourceFile,
    table: &mut Table,
    known_sources: &BTreeMap<String, Source>,
    lesson_sources: &[String],
    errors: &mut Vec<Diagnostic>,
) -> Option<ItemSpec> {
    let Some(id) = table.string("id", errors).filter(|id| check_id(file, id, "quiz item id", errors)) else {
        table.skip_rest();
        return None;
    };
    table.rename(format!("quiz item `{}`", id.get_ref()));
    let Some(kind_text) = table.string("type", errors) else {
        table.skip_rest();
        return None;
    };
    let kind = match kind_text.get_ref().as_str() {
        "single" => QuizKind::Single,
        "multiple" => QuizKind::Multiple,
        "true-false" => QuizKind::TrueFalse,
        other => {
            errors.push(file.error(
                kind_text.span(),
                format!("unknown question type `{other}` (expected single, multiple or true-false)"),
            ));
            table.skip_rest();
            return None;
        }
    };
    let sources = check_sources(file, table.string_list("sources", errors).unwrap_or_default(), known_sources, errors);
    for source in &sources {
        if !lesson_sources.contains(source) {
            errors.push(file.error_at_line(
                table.line(),
                format!("quiz item `{}` cites `{source}`, which is not in the lesson's `sources`", id.get_ref()),
            ));
        }
    }

    let options = if kind == QuizKind::TrueFalse {
        let answer = table.boolean("answer", errors)?;
        vec![("true".to_owned(), answer), ("false".to_owned(), !answer)]
    } else {
        let option_ids = unique_ids(file, table.string_list("options", errors), "option", table, errors);
        let correct = table.string_list("correct", errors).unwrap_or_default();
        for answer in &correct {
            if !option_ids.contains(answer.get_ref()) {
                errors.push(
                    file.error(
                        answer.span(),
                        format!("correct answer `{}` is not one of the options", answer.get_ref()),
                    ),
                );
            }
        }
        let count = correct.len();
        if option_ids.len() < 2 {
            errors.push(
                file.error_at_line(table.line(), format!("quiz item `{}` needs at least two options", id.get_ref())),
            );
        }
        if count == 0 {
            errors
                .push(file.error_at_line(table.line(), format!("quiz item `{}` has no correct answer", id.get_ref())));
        } else if kind == QuizKind::Single && count > 1 {
            errors.push(file.error_at_line(
                table.line(),
                format!("single-choice item `{}` has {count} correct answers; use type = \"multiple\"", id.get_ref()),
            ));
        }
        option_ids
            .into_iter()
            .map(|option| {
                let is_correct = correct.iter().any(|c| c.get_ref() == &option);
                (option, is_correct)
            })
            .collect()
    };
    Some(ItemSpec { id: id.into_inner(), kind, options, sources })
}

fn check_orders(specs: &[LessonSpec], errors: &mut Vec<Diagnostic>) {
    for (index, spec) in specs.iter().enumerate() {
        if let Some(first) = specs[..index].iter().find(|other| other.order == spec.order) {
            errors.push(Diagnostic {
                path: spec.dir.join("lesson.toml"),
                line: spec.order_line,
                message: format!("`order = {}` is already used by lesson `{}`", spec.order, first.id),
            });
        }
    }
}

/// Reads one language's text for a lesson and joins it with the structure.
fn read_translation(
    spec: &LessonSpec,
    locale: &str,
    sources: &BTreeMap<String, Source>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Lesson> {
    let dir = spec.dir.join(locale);
    let before = errors.len();
    let file = SourceFile::read(&dir.join("lesson.toml"), errors)?;
    let doc = toml_table::parse(&file, errors)?;
    let mut root = Table::new(&file, &doc, format!("the `{locale}` text"));
    phone_numbers::check(&file, errors);
    let title = root.string("title", errors);
    let summary = root.string("summary", errors);
    let content_note = root.string("content_note", errors);
    // Absent means not reviewed: a translation is unchecked until someone says otherwise.
    let reviewed =
        if root.get("reviewed").is_some() { root.boolean("reviewed", errors).unwrap_or(false) } else { false };
    let key_points = match root.string_list("key_points", errors) {
        Some(list) if !list.is_empty() => list.into_iter().map(Spanned::into_inner).collect(),
        _ => {
            errors.push(file.error_at_line(1, "missing translation key `key_points` (a list of texts)"));
            Vec::new()
        }
    };

    let mut objectives = Vec::new();
    let objective_table = root.get("objectives");
    match objective_table.and_then(|value| Table::from_value(&file, value, "[objectives]", errors)) {
        Some(mut table) => {
            for id in &spec.objectives {
                match table.get(id) {
                    Some(_) => {
                        if let Some(text) = table.string(id, errors) {
                            objectives.push(Objective { id: id.clone(), text: text.into_inner() });
                        }
                    }
                    None => errors
                        .push(file.error_at_line(table.line(), format!("missing translation key `objectives.{id}`"))),
                }
            }
            for (key, line) in extra_keys(&mut table, &spec.objectives) {
                errors.push(file.error_at_line(line, format!("`objectives.{key}` is not an objective in lesson.toml")));
            }
        }
        None if objective_table.is_none() => errors.push(file.error_at_line(1, "missing translation key `objectives`")),
        None => {}
    }

    let mut quiz = Vec::new();
    let quiz_value = root.get("quiz");
    match quiz_value.and_then(|value| Table::from_value(&file, value, "[quiz]", errors)) {
        Some(mut quiz_table) => {
            let ids: Vec<String> = spec.quiz.iter().map(|item| item.id.clone()).collect();
            for item in &spec.quiz {
                let Some(value) = quiz_table.get(&item.id) else {
                    errors.push(file.error_at_line(1, format!("missing translation key `quiz.{}`", item.id)));
                    continue;
                };
                let Some(mut table) = Table::from_value(&file, value, format!("`quiz.{}`", item.id), errors) else {
                    continue;
                };
                if let Some(item) = read_item_text(&file, item, &mut table, errors) {
                    quiz.push(item);
                }
                table.finish(errors);
            }
            for (key, line) in extra_keys(&mut quiz_table, &ids) {
                errors.push(file.error_at_line(line, format!("`quiz.{key}` is not a quiz item in lesson.toml")));
            }
        }
        None if quiz_value.is_none() => errors.push(file.error_at_line(1, "missing translation key `quiz`")),
        None => {}
    }

    let mut scenarios = Vec::new();
    if !spec.scenarios.is_empty() {
        let scenario_value = root.get("scenario");
        match scenario_value.and_then(|value| Table::from_value(&file, value, "[scenario]", errors)) {
            Some(mut scenario_table) => {
                let ids: Vec<String> = spec.scenarios.iter().map(|s| s.id.clone()).collect();
                for scenario_spec in &spec.scenarios {
                    let key = format!("scenario.{}", scenario_spec.id);
                    let Some(value) = scenario_table.get(&scenario_spec.id) else {
                        errors.push(
                            file.error_at_line(scenario_table.line(), format!("missing translation key `{key}`")),
                        );
                        continue;
                    };
                    let Some(table) = Table::from_value(&file, value, format!("`{key}`"), errors) else { continue };
                    scenarios.extend(scenario::read_text(&file, scenario_spec, table, errors));
                }
                for (key, line) in extra_keys(&mut scenario_table, &ids) {
                    errors.push(file.error_at_line(line, format!("`scenario.{key}` is not a scenario in lesson.toml")));
                }
            }
            None if scenario_value.is_none() => {
                errors.push(file.error_at_line(1, "missing translation key `scenario`"))
            }
            None => {}
        }
    }
    root.finish(errors);

    let body_file = SourceFile::read(&dir.join("lesson.md"), errors)?;
    let body = markdown::compile_body(&body_file, errors);
    phone_numbers::check(&body_file, errors);
    check_citations(&body_file, &body.citations, spec, sources, errors);
    for scenario in &spec.scenarios {
        match body.scenarios.iter().filter(|(id, _)| id == &scenario.id).count() {
            0 => errors.push(body_file.error_at_line(
                1,
                format!(
                    "scenario `{}` is never played: add a line {{{{scenario {}}}}} where the class plays it",
                    scenario.id, scenario.id
                ),
            )),
            1 => {}
            _ => {
                errors.push(body_file.error_at_line(1, format!("scenario `{}` is placed more than once", scenario.id)))
            }
        }
    }
    for (id, line) in &body.scenarios {
        if !spec.scenarios.iter().any(|s| &s.id == id) {
            errors.push(body_file.error_at_line(*line, format!("unknown scenario `{id}` (not in lesson.toml)")));
        }
    }

    let guide_file = SourceFile::read(&dir.join("teacher-guide.md"), errors)?;
    let guide = markdown::compile_body(&guide_file, errors);
    phone_numbers::check(&guide_file, errors);
    check_citations(&guide_file, &guide.citations, spec, sources, errors);
    for (_, line) in &guide.scenarios {
        errors.push(guide_file.error_at_line(*line, "scenarios are played in lesson.md, not in the teacher guide"));
    }

    if errors.len() > before {
        return None;
    }
    Some(Lesson {
        id: spec.id.clone(),
        version: spec.version,
        age_min: spec.age_min,
        age_max: spec.age_max,
        duration_minutes: spec.duration_minutes,
        title: title?.into_inner(),
        summary: summary?.into_inner(),
        content_note: content_note?.into_inner(),
        reviewed,
        objectives,
        sections: body.sections,
        key_points,
        quiz,
        scenarios,
        teacher_guide: guide.sections,
        sources: spec.sources.iter().filter_map(|id| sources.get(id).cloned()).collect(),
    })
}

fn check_citations(
    file: &SourceFile,
    citations: &[(String, usize)],
    spec: &LessonSpec,
    sources: &BTreeMap<String, Source>,
    errors: &mut Vec<Diagnostic>,
) {
    for (id, line) in citations {
        if !sources.contains_key(id) {
            errors.push(file.error_at_line(*line, format!("unknown source reference `[@{id}]` (not in sources.toml)")));
        } else if !spec.sources.contains(id) {
            errors.push(
                file.error_at_line(*line, format!("source `{id}` is cited but not listed in lesson.toml `sources`")),
            );
        }
    }
}

fn read_item_text(
    file: &SourceFile,
    spec: &ItemSpec,
    table: &mut Table,
    errors: &mut Vec<Diagnostic>,
) -> Option<QuizItem> {
    let prompt = table.string("prompt", errors);
    let mut options = Vec::new();
    for (option_id, correct) in &spec.options {
        let key = format!("quiz.{}.{option_id}", spec.id);
        let Some(value) = table.get(option_id) else {
            errors.push(file.error_at_line(table.line(), format!("missing translation key `{key}`")));
            continue;
        };
        let Some(mut option) = Table::from_value(file, value, format!("`{key}`"), errors) else { continue };
        let text = if spec.kind == QuizKind::TrueFalse {
            Some(String::new())
        } else {
            option.string("text", errors).map(Spanned::into_inner)
        };
        let explanation = option.string("explanation", errors);
        option.finish(errors);
        if let (Some(text), Some(explanation)) = (text, explanation) {
            options.push(QuizOption {
                id: option_id.clone(),
                text,
                explanation: explanation.into_inner(),
                correct: *correct,
                last: false,
            });
        }
    }
    Some(QuizItem {
        id: spec.id.clone(),
        kind: spec.kind,
        prompt: prompt?.into_inner(),
        options,
        sources: spec.sources.clone(),
    })
}

/// Keys of `table` that are not in `known`, each with the line where it is written.
fn extra_keys(table: &mut Table, known: &[String]) -> Vec<(String, usize)> {
    let file = table.file;
    table
        .entries()
        .into_iter()
        .filter(|(key, _)| !known.iter().any(|known| known == key.get_ref()))
        .map(|(key, _)| (key.get_ref().to_string(), file.line_of(key.span().start)))
        .collect()
}
