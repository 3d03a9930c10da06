//! The content compiler: reads `lessons/`, checks every rule, and produces one [`Curriculum`] per
//! locale plus the [`HelpDirectory`].
//!
//! Every problem becomes a [`Diagnostic`] (`path:line: message`); all are collected so an author
//! fixes a file in one pass. The rules are those of `lessons/README.md`; change both together.
//! [`compile_course`] adds the rules that reach beyond `lessons/`: quiz prompts that repeat the
//! assessment's, and the glossaries of `locales/`.

mod assessment;
mod bias;
mod deployment;
mod diagnostic;
mod duplicates;
mod glossary;
mod markdown;
mod names;
mod phone_numbers;
pub mod review;
mod scenario;
mod sources;
mod toml_table;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toml::Spanned;

pub use assessment::compile_assessment;
pub use deployment::read_deployment;
pub use diagnostic::Diagnostic;
use diagnostic::SourceFile;
use names::{HarmedPerson, Names};
use scenario::{ScenarioSpec, optional_flag};
pub(crate) use sources::{check_scored_sources, check_sources, read_sources};
use toml_table::{Table, check_id};

use crate::band::AgeBand;
use crate::content::bands::cite_ids;
use crate::content::{
    BUNDLE_FORMAT, CalloutKind, Curriculum, HelpContact, HelpDirectory, Lesson, Objective, QuizItem, QuizKind,
    QuizOption, Source,
};

/// Everything the app needs from `lessons/`.
#[derive(Debug)]
pub struct Compiled {
    pub curricula: Vec<Curriculum>,
    pub help: HelpDirectory,
    /// Problems that do not stop the build but deserve a look, such as answer keys that can be
    /// guessed from their position or length. `aware check` prints them.
    pub warnings: Vec<Diagnostic>,
}

/// The folders of a course. Only `lessons` is needed; the others add the rules that reach them.
#[derive(Debug, Clone, Copy)]
pub struct Course<'a> {
    pub lessons: &'a Path,
    /// `assessment/`: no lesson quiz item may repeat one of its prompts, and its texts follow the
    /// glossaries too.
    pub assessment: Option<&'a Path>,
    /// `locales/`: each `<locale>/glossary.toml` is enforced on the lessons, the assessment and
    /// `<locale>/app.ftl`.
    pub locales: Option<&'a Path>,
}

/// Only the helplines (`help.toml` and the sources they cite): what the app embeds at build time.
pub fn compile_help(dir: &Path) -> Result<HelpDirectory, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sources = read_sources(&dir.join("sources.toml"), &mut errors);
    let help = read_help(&dir.join("help.toml"), &sources, &mut errors);
    if errors.is_empty() { Ok(help) } else { Err(errors) }
}

/// `lessons/` alone.
pub fn compile(dir: &Path) -> Result<Compiled, Vec<Diagnostic>> {
    compile_course(&Course { lessons: dir, assessment: None, locales: None })
}

pub fn compile_course(course: &Course) -> Result<Compiled, Vec<Diagnostic>> {
    let dir = course.lessons;
    let mut errors = Vec::new();
    let sources = read_sources(&dir.join("sources.toml"), &mut errors);
    let help = read_help(&dir.join("help.toml"), &sources, &mut errors);
    let names = names::read_names(&dir.join("names.toml"), &mut errors);

    let mut specs = Vec::new();
    for lesson_dir in subdirectories(dir, &mut errors) {
        if let Some(spec) = read_structure(&lesson_dir, &sources, &mut errors) {
            specs.push(spec);
        }
    }
    check_orders(&specs, &mut errors);
    specs.sort_by_key(|spec| spec.order);
    check_harmed_people(&specs, &names, &mut errors);

    let locales: BTreeSet<String> = specs.iter().flat_map(|spec| spec.locales.clone()).collect();
    let mut curricula = Vec::new();
    let mut texts = Vec::new();
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
            if let Some((lesson, text)) = read_translation(spec, locale, &sources, &names, &mut errors) {
                lessons.push(lesson);
                texts.push(text);
            }
        }
        curricula.push(Curriculum { format: BUNDLE_FORMAT, locale: locale.clone(), lessons });
    }
    check_locale_parity(&curricula, &specs, &texts, &mut errors);
    if specs.is_empty() && errors.is_empty() {
        errors.push(Diagnostic { path: dir.to_owned(), line: 1, message: "no lessons found".into() });
    }
    duplicates::check(&texts, course.assessment, &mut errors);
    if let Some(locales_dir) = course.locales {
        glossary::check(locales_dir, &texts, course.assessment, &mut errors);
    }
    // Only on an otherwise clean tree: a lesson that failed to parse would make its sources look unused.
    if errors.is_empty() {
        let used = |id: &str| {
            specs.iter().any(|spec| spec.sources.iter().any(|s| s == id))
                || help.contacts.iter().any(|c| c.listed_by.id == id)
        };
        sources::check_unused_sources(&dir.join("sources.toml"), &sources, used, &mut errors);
        review::check_lessons(&locales_dir(dir), dir, &curricula, &mut errors);
    }

    if errors.is_empty() {
        let warnings = bias::warnings(&specs, &curricula);
        Ok(Compiled { curricula, help, warnings })
    } else {
        Err(errors)
    }
}

/// Where review records live: `locales/` next to the content folder (`lessons/`, `assessment/`).
pub fn locales_dir(content_dir: &Path) -> PathBuf {
    content_dir.parent().unwrap_or(content_dir).join("locales")
}

/// Names come from the pool and play the harmed person at most once in the course.
fn check_harmed_people(specs: &[LessonSpec], names: &Names, errors: &mut Vec<Diagnostic>) {
    let mut uses = Vec::new();
    for spec in specs {
        for scenario in &spec.scenarios {
            uses.push(HarmedPerson {
                name: &scenario.harmed_person,
                declared_in: &spec.file,
                lesson: &spec.id,
                role: format!("scenario `{}`", scenario.id),
            });
        }
        for name in &spec.harmed_in_stories {
            uses.push(HarmedPerson { name, declared_in: &spec.file, lesson: &spec.id, role: "a story".to_owned() });
        }
    }
    names::check_unique(names, &uses, errors);
}

/// Every language must have the same sections, the same `:::older` parts in each, the same
/// number of key points, and Markdown translated line by line, so that a class can follow one
/// lesson in two languages side by side, both bands get the same lesson in every language, and a
/// reviewer (or the glossary check) can compare the texts line by line.
fn check_locale_parity(
    curricula: &[Curriculum],
    specs: &[LessonSpec],
    texts: &[TextIndex],
    errors: &mut Vec<Diagnostic>,
) {
    let Some((first, others)) = curricula.split_first() else { return };
    for other in others {
        for lesson in &other.lessons {
            let (Some(reference), Some(spec)) = (first.lesson(&lesson.id), specs.iter().find(|s| s.id == lesson.id))
            else {
                continue;
            };
            let toml_path = spec.dir.join(&other.locale).join("lesson.toml");
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
            let older = |lesson: &Lesson| -> Vec<usize> {
                lesson.sections.iter().map(|s| s.blocks.iter().filter(|b| b.is_older()).count()).collect()
            };
            if lesson.sections.len() == reference.sections.len() && older(lesson) != older(reference) {
                errors.push(Diagnostic {
                    path: spec.dir.join(&other.locale).join("lesson.md"),
                    line: 1,
                    message: format!(
                        "its `:::older` parts per section are {:?}, but the `{}` version has {:?}: both bands must get the same lesson in every language",
                        older(lesson),
                        first.locale,
                        older(reference)
                    ),
                });
            }
            for (key, theirs, ours) in [
                ("key_points", lesson.key_points.len(), reference.key_points.len()),
                ("older_key_points", lesson.older_key_points.len(), reference.older_key_points.len()),
            ] {
                if theirs != ours {
                    errors.push(Diagnostic {
                        path: toml_path.clone(),
                        line: 1,
                        message: format!("has {theirs} `{key}`, but the `{}` version has {ours}", first.locale),
                    });
                }
            }
            let text_of = |locale: &str| texts.iter().find(|t| t.lesson == lesson.id && t.locale == locale);
            if let (Some(theirs), Some(ours)) = (text_of(&other.locale), text_of(&first.locale)) {
                for (theirs, ours) in [(&theirs.body, &ours.body), (&theirs.guide, &ours.guide)] {
                    let (n, m) = (theirs.text.lines().count(), ours.text.lines().count());
                    if n != m {
                        errors.push(theirs.error_at_line(
                            1,
                            format!(
                                "has {n} lines, but the `{}` version has {m}: translate line by line, so that reviewers and the glossary check can compare them",
                                first.locale
                            ),
                        ));
                    }
                }
            }
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

/// `help.toml`: each number with where it was listed (a source and the day someone saw it there)
/// and its last test call (a day, or "none"), kept apart so the help page never presents a desk
/// check as proof that a number works.
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
        let listed_by = table.string("listed_by", errors).and_then(|id| match sources.get(id.get_ref()) {
            Some(source) => Some(source.clone()),
            None => {
                errors.push(file.error(id.span(), format!("unknown source `{}` (not in sources.toml)", id.get_ref())));
                None
            }
        });
        let listed_on = table.string("listed_on", errors);
        if let Some(date) = &listed_on
            && !is_iso_date(date.get_ref())
        {
            errors.push(file.error(date.span(), "`listed_on` must be a date written YYYY-MM-DD"));
        }
        let test_call = table.string("test_call", errors).map(|date| match date.get_ref().as_str() {
            "none" => None,
            text if is_iso_date(text) => Some(date.into_inner()),
            _ => {
                errors.push(file.error(
                    date.span(),
                    "`test_call` must be the date of the last call that got through (YYYY-MM-DD), or \"none\"",
                ));
                None
            }
        });
        table.finish(errors);
        if let (Some(id), Some(number), Some(listed_by), Some(listed_on), Some(test_call)) =
            (id, number, listed_by, listed_on, test_call)
        {
            if contacts.iter().any(|c: &HelpContact| &c.id == id.get_ref()) {
                errors.push(file.error(id.span(), format!("duplicate contact id `{}`", id.get_ref())));
            }
            contacts.push(HelpContact {
                id: id.into_inner(),
                number: number.into_inner(),
                listed_by,
                listed_on: listed_on.into_inner(),
                test_call,
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
    /// The structure file, to point at what it declares.
    file: SourceFile,
    id: String,
    version: u32,
    order: u32,
    order_line: usize,
    age_min: u8,
    age_max: u8,
    duration_minutes: u16,
    objectives: Vec<String>,
    older_objectives: Vec<String>,
    sources: Vec<String>,
    quiz: Vec<ItemSpec>,
    scenarios: Vec<ScenarioSpec>,
    /// Name ids of the people harmed in the lesson's stories (not its scenarios).
    harmed_in_stories: Vec<Spanned<String>>,
    locales: Vec<String>,
}

impl LessonSpec {
    fn is_for(&self, band: AgeBand) -> bool {
        band.admits(self.age_min)
    }
}

struct ItemSpec {
    id: String,
    line: usize,
    kind: QuizKind,
    /// Option ids in display order with whether each is correct.
    options: Vec<(String, bool)>,
    /// The option that stays last when options are shuffled.
    last: Option<String>,
    sources: Vec<String>,
    older: bool,
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
    let (age_min, age_max) = read_ages(&file, &mut root, errors);
    let duration = root.integer("duration_minutes", 1..600, errors);
    let objectives = unique_ids(&file, root.string_list("objectives", errors), "objective", &root, errors);
    let mut older_objectives = Vec::new();
    for objective in root.string_list("older_objectives", errors).unwrap_or_default() {
        if objectives.contains(objective.get_ref()) {
            older_objectives.push(objective.into_inner());
        } else {
            errors.push(
                file.error(
                    objective.span(),
                    format!("older objective `{}` is not in `objectives`", objective.get_ref()),
                ),
            );
        }
    }
    if !objectives.is_empty() && older_objectives.len() == objectives.len() {
        errors.push(file.error_at_line(root.line(), "every objective is marked older: ages 12–14 need at least one"));
    }
    let lesson_sources = check_sources(&file, root.string_list("sources", errors).unwrap_or_default(), sources, errors);
    let harmed_in_stories: Vec<Spanned<String>> = root
        .string_list("harmed_in_stories", errors)
        .unwrap_or_default()
        .into_iter()
        .filter(|name| check_id(&file, name, "name id", errors))
        .collect();

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
    if let Some(age_min) = age_min {
        check_band_marks(&file, age_min, &older_objectives, &quiz, &scenarios, errors);
    }

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
        file: file.clone(),
        id: id?.into_inner(),
        version: version? as u32,
        order: order? as u32,
        order_line,
        age_min: age_min?,
        age_max: age_max?,
        duration_minutes: duration? as u16,
        objectives,
        older_objectives,
        sources: lesson_sources,
        quiz,
        scenarios,
        harmed_in_stories,
        locales,
    })
}

/// `age_min` and `age_max` are where age bands start and end: a lesson is for both bands
/// (12–18) or for ages 15–18 only.
fn read_ages(file: &SourceFile, root: &mut Table, errors: &mut Vec<Diagnostic>) -> (Option<u8>, Option<u8>) {
    let starts: Vec<String> = AgeBand::ALL.iter().map(|band| band.min_age().to_string()).collect();
    let ends: Vec<String> = AgeBand::ALL.iter().map(|band| band.max_age().to_string()).collect();
    let mut read = |key: &str, allowed: &[String], what: &str| {
        let line = root.get(key).map(|v| file.line_of(v.span().start)).unwrap_or(1);
        let age = root.integer(key, 5..100, errors).map(|age| age as u8)?;
        if allowed.contains(&age.to_string()) {
            Some(age)
        } else {
            errors.push(
                file.error_at_line(line, format!("`{key}` must be where an age band {what}: {}", allowed.join(" or "))),
            );
            None
        }
    };
    let age_min = read("age_min", &starts, "starts");
    let age_max = read("age_max", &ends, "ends");
    if let (Some(min), Some(max)) = (age_min, age_max)
        && min > max
    {
        errors.push(file.error_at_line(root.line(), "`age_min` is greater than `age_max`"));
    }
    (age_min, age_max)
}

/// What is marked older must leave a whole lesson for ages 12–14, and a lesson for ages 15 and
/// over has nothing to mark.
fn check_band_marks(
    file: &SourceFile,
    age_min: u8,
    older_objectives: &[String],
    quiz: &[ItemSpec],
    scenarios: &[ScenarioSpec],
    errors: &mut Vec<Diagnostic>,
) {
    if !AgeBand::Younger.admits(age_min) {
        let marked = !older_objectives.is_empty()
            || quiz.iter().any(|item| item.older)
            || scenarios.iter().any(ScenarioSpec::has_older);
        if marked {
            errors.push(file.error_at_line(
                1,
                format!(
                    "the lesson is for ages {age_min} and over (`age_min = {age_min}`), so `older` marks nothing: remove the marks"
                ),
            ));
        }
        return;
    }
    let younger = quiz.iter().filter(|item| !item.older).count();
    if younger * 2 < quiz.len() {
        errors.push(file.error_at_line(
            1,
            format!(
                "only {younger} of {} quiz items are for ages 12–14: at least half must be, so that they still have a quiz",
                quiz.len()
            ),
        ));
    }
    for scenario in scenarios {
        scenario::check_younger(file, scenario, errors);
    }
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
    let line = table.line();
    let older = optional_flag(table, "older", errors);
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
    let unknown_before = errors.len();
    let sources = check_sources(file, table.string_list("sources", errors).unwrap_or_default(), known_sources, errors);
    let all_known = errors.len() == unknown_before;
    for source in &sources {
        if !lesson_sources.contains(source) {
            errors.push(file.error_at_line(
                table.line(),
                format!("quiz item `{}` cites `{source}`, which is not in the lesson's `sources`", id.get_ref()),
            ));
        }
    }
    // A misspelt source is reported above; "cites no source" would only mislead.
    if all_known {
        check_scored_sources(file, line, id.get_ref(), &sources, known_sources, errors);
    }

    let mut last = None;
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
        last = read_last(file, table, option_ids.last().map(String::as_str), errors);
        option_ids
            .into_iter()
            .map(|option| {
                let is_correct = correct.iter().any(|c| c.get_ref() == &option);
                (option, is_correct)
            })
            .collect()
    };
    Some(ItemSpec { id: id.into_inner(), line, kind, options, last, sources, older })
}

/// `last = "<option>"`, in a lesson quiz item and an assessment item alike: the option ("none of
/// these") that stays last when options are shuffled. It must be the one written last
/// (`last_written`), so that the written order is the order without shuffling. Returns it when
/// it is.
pub(crate) fn read_last(
    file: &SourceFile,
    table: &mut Table,
    last_written: Option<&str>,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    table.get("last")?;
    let option = table.string("last", errors)?;
    if last_written == Some(option.get_ref().as_str()) {
        return Some(option.into_inner());
    }
    errors.push(file.error(
        option.span(),
        format!(
            "`last = \"{}\"` must name the last of `options`: the option that stays last when options are shuffled",
            option.get_ref()
        ),
    ));
    None
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

/// One language's files of one lesson, kept for the rules that compare lessons, languages and
/// the assessment after every lesson is read.
pub(crate) struct TextIndex {
    pub lesson: String,
    pub locale: String,
    /// `<lesson>/<locale>/lesson.toml`.
    pub toml: SourceFile,
    pub body: SourceFile,
    pub guide: SourceFile,
    /// Each quiz item's id, its prompt and the line of the prompt in `toml`.
    pub prompts: Vec<(String, String, usize)>,
}

/// Reads one language's text for a lesson and joins it with the structure.
fn read_translation(
    spec: &LessonSpec,
    locale: &str,
    sources: &BTreeMap<String, Source>,
    names: &Names,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Lesson, TextIndex)> {
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
    let older_key_points: Vec<String> =
        root.string_list("older_key_points", errors).unwrap_or_default().into_iter().map(Spanned::into_inner).collect();
    if !older_key_points.is_empty() && !spec.is_for(AgeBand::Younger) {
        errors.push(file.error_at_line(
            1,
            "`older_key_points` marks nothing in a lesson for ages 15 and over: make them `key_points`",
        ));
    }

    let mut objectives = Vec::new();
    let objective_table = root.get("objectives");
    match objective_table.and_then(|value| Table::from_value(&file, value, "[objectives]", errors)) {
        Some(mut table) => {
            for id in &spec.objectives {
                match table.get(id) {
                    Some(_) => {
                        if let Some(text) = table.string(id, errors) {
                            let older = spec.older_objectives.contains(id);
                            objectives.push(Objective { id: id.clone(), text: text.into_inner(), older });
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
    let mut prompts = Vec::new();
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
                if let Some((item, line)) = read_item_text(&file, item, &mut table, errors) {
                    prompts.push((item.id.clone(), item.prompt.clone(), line));
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
                    let line = table.line();
                    let Some(scenario) = scenario::read_text(&file, scenario_spec, table, errors) else { continue };
                    let harmed = scenario_spec.harmed_person.get_ref();
                    if let Some(name) = names.form(harmed, locale, errors)
                        && !scenario.texts().any(|text| names::mentions(text, name))
                    {
                        errors.push(file.error_at_line(
                            line,
                            format!(
                                "scenario `{}` harms `{harmed}` (`harmed_person`), but its `{locale}` text never names {name}",
                                scenario_spec.id
                            ),
                        ));
                    }
                    scenarios.push(scenario);
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
    if !spec.is_for(AgeBand::Younger) {
        for (_, line) in body.callouts.iter().filter(|(kind, _)| *kind == CalloutKind::Older) {
            errors.push(body_file.error_at_line(
                *line,
                format!(
                    "`:::older` marks nothing in a lesson for ages {} and over: make it a `:::note` or plain text",
                    spec.age_min
                ),
            ));
        }
    }

    let guide_file = SourceFile::read(&dir.join("teacher-guide.md"), errors)?;
    let guide = markdown::compile_body(&guide_file, errors);
    phone_numbers::check(&guide_file, errors);
    check_citations(&guide_file, &guide.citations, spec, sources, errors);
    for (_, line) in &guide.scenarios {
        errors.push(guide_file.error_at_line(*line, "scenarios are played in lesson.md, not in the teacher guide"));
    }
    for harmed in &spec.harmed_in_stories {
        if let Some(name) = names.form(harmed.get_ref(), locale, errors)
            && ![&body_file, &guide_file, &file].iter().any(|f| names::mentions(&f.text, name))
        {
            errors.push(body_file.error_at_line(
                1,
                format!(
                    "`{}` is harmed in a story of this lesson (`harmed_in_stories`), but the `{locale}` text never names {name}",
                    harmed.get_ref()
                ),
            ));
        }
    }

    if errors.len() > before {
        return None;
    }
    let lesson = Lesson {
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
        older_key_points,
        quiz,
        scenarios,
        teacher_guide: guide.sections,
        sources: spec.sources.iter().filter_map(|id| sources.get(id).cloned()).collect(),
    };
    check_younger_citations(spec, &lesson, locale, errors);
    let text = TextIndex {
        lesson: spec.id.clone(),
        locale: locale.to_owned(),
        toml: file.clone(),
        body: body_file,
        guide: guide_file,
        prompts,
    };
    Some((lesson, text))
}

/// A quiz item that ages 12–14 answer must rest on a source that the part of the lesson they read
/// cites: otherwise they are asked about something only the older band was taught.
fn check_younger_citations(spec: &LessonSpec, lesson: &Lesson, locale: &str, errors: &mut Vec<Diagnostic>) {
    let Some(younger) = lesson.for_band(AgeBand::Younger) else { return };
    let (mut taught, mut anywhere) = (BTreeSet::new(), BTreeSet::new());
    for section in &younger.sections {
        cite_ids(&section.blocks, &mut taught);
    }
    for section in &lesson.sections {
        cite_ids(&section.blocks, &mut anywhere);
    }
    for item in spec.quiz.iter().filter(|item| !item.older) {
        let only_older = item.sources.iter().any(|source| anywhere.contains(source.as_str()))
            && !item.sources.iter().any(|source| taught.contains(source.as_str()));
        if only_older {
            errors.push(spec.file.error_at_line(
                item.line,
                format!(
                    "quiz item `{}` is for ages 12–14 too, but the `{locale}` lesson cites its sources ({}) only in parts for ages 15–18: cite the fact where younger students read it, or mark the item `older = true`",
                    item.id,
                    item.sources.join(", ")
                ),
            ));
        }
    }
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

/// The item's text in one language, and the line of its prompt.
fn read_item_text(
    file: &SourceFile,
    spec: &ItemSpec,
    table: &mut Table,
    errors: &mut Vec<Diagnostic>,
) -> Option<(QuizItem, usize)> {
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
                last: spec.last.as_ref() == Some(option_id),
            });
        }
    }
    let prompt = prompt?;
    let line = file.line_of(prompt.span().start);
    let item = QuizItem {
        id: spec.id.clone(),
        kind: spec.kind,
        prompt: prompt.into_inner(),
        options,
        sources: spec.sources.clone(),
        older: spec.older,
    };
    Some((item, line))
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
