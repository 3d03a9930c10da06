//! Compiles `assessment/` (format and rules: `assessment/README.md`) into one [`Assessment`]
//! holding every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use toml::Spanned;

use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{self, Table, check_id};
use super::{check_sources, phone_numbers, read_sources, subdirectories};
use crate::assessment::{
    ASSESSMENT_FORMAT, Assessment, KnowledgeItem, KnowledgeOption, Labels, LikertItem, Scale, Texts,
};
use crate::study::Form;

/// Knowledge items per form (research brief §5.1 and the issue: 12 to 16).
const KNOWLEDGE_PER_FORM: std::ops::RangeInclusive<usize> = 12..=16;
const OPTIONS_PER_ITEM: std::ops::RangeInclusive<usize> = 3..=5;

/// `lessons` supplies `sources.toml`: the assessment cites the same sources. Like the lessons, it
/// names no phone number: its texts refer to the help entries ("the Child Helpline, on the Get
/// help page"), so that a number lives in help.toml alone.
pub fn compile_assessment(dir: &Path, lessons: &Path) -> Result<Assessment, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sources = read_sources(&lessons.join("sources.toml"), &mut errors);
    let structure = read_structure(&dir.join("assessment.toml"), &sources, &mut errors);
    let mut locales = Vec::new();
    let mut labels = BTreeMap::new();
    let mut assessment = structure.map(|(version, scales, knowledge, likert)| Assessment {
        format: ASSESSMENT_FORMAT,
        version,
        locales: Vec::new(),
        labels: BTreeMap::new(),
        scales,
        knowledge,
        likert,
    });
    for locale_dir in subdirectories(dir, &mut errors) {
        let locale = locale_dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(assessment) = &mut assessment
            && let Some(locale_labels) =
                read_translation(&locale_dir.join("assessment.toml"), &locale, assessment, &mut errors)
        {
            labels.insert(locale.clone(), locale_labels);
            locales.push(locale);
        }
    }
    let Some(mut assessment) = assessment else { return Err(errors) };
    if locales.is_empty() && errors.is_empty() {
        errors.push(Diagnostic {
            path: dir.to_owned(),
            line: 1,
            message: "no language folder with an assessment.toml".into(),
        });
    }
    assessment.locales = locales;
    assessment.labels = labels;
    if errors.is_empty() { Ok(assessment) } else { Err(errors) }
}

type Structure = (u32, Vec<Scale>, Vec<KnowledgeItem>, Vec<LikertItem>);

fn read_structure(
    path: &Path,
    sources: &BTreeMap<String, crate::content::Source>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Structure> {
    let file = SourceFile::read(path, errors)?;
    let doc = toml_table::parse(&file, errors)?;
    let mut root = Table::new(&file, &doc, "assessment.toml");
    phone_numbers::check(&file, errors);
    let version = root.integer("version", 1..100_000, errors);
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut unique = |id: &Spanned<String>, errors: &mut Vec<Diagnostic>| {
        let fresh = ids.insert(id.get_ref().clone());
        if !fresh {
            errors.push(file.error(id.span(), format!("duplicate item id `{}`", id.get_ref())));
        }
        fresh
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
        let Some(id) = table.string("id", errors).filter(|id| check_id(&file, id, "item id", errors)) else {
            table.skip_rest();
            continue;
        };
        unique(&id, errors);
        table.rename(format!("knowledge item `{}`", id.get_ref()));
        let line = table.line();
        let pair = table.string("pair", errors).filter(|pair| check_id(&file, pair, "pair", errors));
        let form = table.string("form", errors).and_then(|form| {
            let parsed = Form::parse(form.get_ref());
            if parsed.is_none() {
                errors.push(file.error(form.span(), format!("form `{}` must be \"A\" or \"B\"", form.get_ref())));
            }
            parsed
        });
        let item_version = table.integer("version", 1..100_000, errors);
        let kind = table.string("type", errors);
        let options = match kind.as_ref().map(|kind| kind.get_ref().as_str()) {
            Some("true-false") => {
                table.boolean("answer", errors).map(|answer| vec![option("true", answer), option("false", !answer)])
            }
            Some("single") => read_options(&file, &mut table, errors),
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
        let cited = check_sources(&file, table.string_list("sources", errors).unwrap_or_default(), sources, errors);
        if cited.is_empty() {
            errors.push(file.error_at_line(line, format!("knowledge item `{}` cites no source", id.get_ref())));
        }
        table.finish(errors);
        if let (Some(pair), Some(form), Some(item_version), Some(options)) = (pair, form, item_version, options) {
            knowledge.push(KnowledgeItem {
                true_false: options.iter().any(|o| o.id == "true"),
                id: id.into_inner(),
                version: item_version as u32,
                pair: pair.into_inner(),
                form,
                options,
                prompt: Texts::new(),
                explanation: Texts::new(),
                sources: cited,
            });
        }
    }

    let mut likert = Vec::new();
    for mut table in root.tables("likert", errors) {
        let Some(id) = table.string("id", errors).filter(|id| check_id(&file, id, "item id", errors)) else {
            table.skip_rest();
            continue;
        };
        unique(&id, errors);
        table.rename(format!("Likert item `{}`", id.get_ref()));
        let scale = table.string("scale", errors);
        if let Some(scale) = &scale
            && !scales.iter().any(|known| &known.id == scale.get_ref())
        {
            errors
                .push(file.error(scale.span(), format!("scale `{}` is not declared with [[scale]]", scale.get_ref())));
        }
        let item_version = table.integer("version", 1..100_000, errors);
        let reversed = table.boolean("reversed", errors);
        table.finish(errors);
        if let (Some(scale), Some(item_version), Some(reversed)) = (scale, item_version, reversed) {
            likert.push(LikertItem {
                id: id.into_inner(),
                version: item_version as u32,
                scale: scale.into_inner(),
                reversed,
                statement: Texts::new(),
            });
        }
    }
    root.finish(errors);

    check_forms(&file, &knowledge, errors);
    for scale in &scales {
        let items: Vec<&LikertItem> = likert.iter().filter(|item| item.scale == scale.id).collect();
        if items.len() < 2 {
            errors.push(file.error_at_line(1, format!("scale `{}` needs at least two statements", scale.id)));
        } else if items.iter().all(|item| item.reversed) {
            errors.push(file.error_at_line(1, format!("scale `{}` needs a statement that is not reversed", scale.id)));
        }
    }
    Some((version? as u32, scales, knowledge, likert))
}

fn option(id: &str, correct: bool) -> KnowledgeOption {
    KnowledgeOption { id: id.to_owned(), correct, text: Texts::new() }
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

/// Reads one language's texts into `assessment` and returns its labels.
fn read_translation(
    path: &Path,
    locale: &str,
    assessment: &mut Assessment,
    errors: &mut Vec<Diagnostic>,
) -> Option<Labels> {
    let before = errors.len();
    let file = SourceFile::read(path, errors)?;
    let doc = toml_table::parse(&file, errors)?;
    phone_numbers::check(&file, errors);
    let mut root = Table::new(&file, &doc, format!("the `{locale}` assessment"));
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
        if let Some(prompt) = table.string("prompt", errors) {
            item.prompt.insert(locale.to_owned(), prompt.into_inner());
        }
        if let Some(explanation) = table.string("explanation", errors) {
            item.explanation.insert(locale.to_owned(), explanation.into_inner());
        }
        if !item.true_false {
            for option in &mut item.options {
                if let Some(text) = table.string(&option.id, errors) {
                    option.text.insert(locale.to_owned(), text.into_inner());
                }
            }
        }
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
        if let Some(statement) = table.string("statement", errors) {
            item.statement.insert(locale.to_owned(), statement.into_inner());
        }
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
    Some(Labels { likert, declined: declined?.into_inner(), true_: true_?.into_inner(), false_: false_?.into_inner() })
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
