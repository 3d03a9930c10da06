//! Scenarios: the branching "what would you do?" stories.
//!
//! The structure (steps, choices, where each choice leads) is checked so that every story can be
//! played to an end: every `next` names a step, every step can be reached from the first, and no
//! path loops. Steps and choices marked `older` are left out for ages 12–14, and the story that
//! remains is checked the same way. The text of each step and choice comes from each language's
//! `lesson.toml`.

use std::collections::BTreeSet;

use toml::Spanned;

use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{Table, check_id};
use crate::content::{Scenario, ScenarioChoice, ScenarioStep};

pub(crate) struct ScenarioSpec {
    pub id: String,
    pub line: usize,
    /// The made-up name (an id in `names.toml`) of the person the story harms.
    pub harmed_person: Spanned<String>,
    pub steps: Vec<StepSpec>,
}

pub(crate) struct StepSpec {
    pub id: String,
    pub older: bool,
    pub choices: Vec<ChoiceSpec>,
}

pub(crate) struct ChoiceSpec {
    pub id: String,
    pub next: String,
    pub older: bool,
}

impl ScenarioSpec {
    /// Whether anything in the story is for ages 15–18 only.
    pub fn has_older(&self) -> bool {
        self.steps.iter().any(|step| step.older || step.choices.iter().any(|choice| choice.older))
    }
}

/// Keys of `[scenario.<id>]` in a text file that are not step ids.
const TEXT_KEYS: [&str; 2] = ["title", "intro"];

pub(crate) fn read_structure(
    file: &SourceFile,
    table: &mut Table,
    errors: &mut Vec<Diagnostic>,
) -> Option<ScenarioSpec> {
    let id = table.string("id", errors)?;
    if !check_id(file, &id, "scenario id", errors) {
        table.skip_rest();
        return None;
    }
    let id = id.into_inner();
    table.rename(format!("scenario `{id}`"));
    let line = table.line();
    let before = errors.len();
    let harmed_person = table.string("harmed_person", errors);
    let mut steps: Vec<StepSpec> = Vec::new();
    for mut step_table in table.tables("step", errors) {
        let Some(step_id) = step_table.string("id", errors) else {
            step_table.skip_rest();
            continue;
        };
        if !check_id(file, &step_id, "step id", errors) {
            step_table.skip_rest();
            continue;
        }
        if TEXT_KEYS.contains(&step_id.get_ref().as_str()) || steps.iter().any(|s| &s.id == step_id.get_ref()) {
            errors
                .push(file.error(step_id.span(), format!("step id `{}` is used twice or reserved", step_id.get_ref())));
        }
        step_table.rename(format!("step `{}` of scenario `{id}`", step_id.get_ref()));
        let step_older = optional_flag(&mut step_table, "older", errors);
        let mut choices: Vec<ChoiceSpec> = Vec::new();
        for mut choice_table in step_table.tables("choice", errors) {
            let choice = choice_table.string("id", errors);
            let next = choice_table.string("next", errors);
            let older = optional_flag(&mut choice_table, "older", errors);
            choice_table.finish(errors);
            let (Some(choice), Some(next)) = (choice, next) else { continue };
            if check_id(file, &choice, "choice id", errors) {
                if choices.iter().any(|c| &c.id == choice.get_ref()) {
                    errors.push(file.error(choice.span(), format!("duplicate choice id `{}`", choice.get_ref())));
                }
                choices.push(ChoiceSpec { id: choice.into_inner(), next: next.into_inner(), older });
            }
        }
        if choices.len() == 1 {
            errors.push(file.error_at_line(
                step_table.line(),
                format!(
                    "step `{}` of scenario `{id}` has one choice: give two or more, or none for an ending",
                    step_id.get_ref()
                ),
            ));
        }
        step_table.finish(errors);
        steps.push(StepSpec { id: step_id.into_inner(), older: step_older, choices });
    }
    if errors.len() > before {
        return None;
    }
    let harmed_person = harmed_person?;
    check_graph(file, &id, line, &steps, errors).then_some(ScenarioSpec { id, line, harmed_person, steps })
}

/// `key = true` marks something; absent means false.
pub(crate) fn optional_flag(table: &mut Table, key: &str, errors: &mut Vec<Diagnostic>) -> bool {
    if table.get(key).is_some() { table.boolean(key, errors).unwrap_or(false) } else { false }
}

/// The story as ages 12–14 play it must still be a whole story: it starts with a step for them,
/// every step left for them can be reached through choices left for them, no step is left with
/// one choice or none, and two or more endings remain. Returns whether it is.
pub(crate) fn check_younger(file: &SourceFile, spec: &ScenarioSpec, errors: &mut Vec<Diagnostic>) -> bool {
    let before = errors.len();
    let id = &spec.id;
    let older_steps: BTreeSet<&str> = spec.steps.iter().filter(|s| s.older).map(|s| s.id.as_str()).collect();
    let younger: Vec<(&StepSpec, Vec<&ChoiceSpec>)> = spec
        .steps
        .iter()
        .filter(|step| !step.older)
        .map(|step| {
            let kept = step.choices.iter().filter(|c| !c.older && !older_steps.contains(c.next.as_str())).collect();
            (step, kept)
        })
        .collect();
    if spec.steps.first().is_some_and(|first| first.older) {
        errors.push(file.error_at_line(
            spec.line,
            format!("scenario `{id}` starts with a step for ages 15–18: its first step must be for ages 12–14 too"),
        ));
        return false;
    }
    for (step, kept) in &younger {
        let had = step.choices.len();
        if had > 0 && kept.len() < 2 {
            let left = if kept.is_empty() { "no choice" } else { "one choice" };
            errors.push(file.error_at_line(
                spec.line,
                format!(
                    "scenario `{id}`: step `{}` has {left} left for ages 12–14: keep two or more choices for them, or mark the step `older = true`",
                    step.id
                ),
            ));
        }
    }
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut stack: Vec<&str> = younger.first().map(|(step, _)| step.id.as_str()).into_iter().collect();
    while let Some(step_id) = stack.pop() {
        if !reached.insert(step_id) {
            continue;
        }
        if let Some((_, kept)) = younger.iter().find(|(step, _)| step.id == step_id) {
            stack.extend(kept.iter().map(|choice| choice.next.as_str()));
        }
    }
    for (step, _) in younger.iter().filter(|(step, _)| !reached.contains(step.id.as_str())) {
        errors.push(file.error_at_line(
            spec.line,
            format!(
                "scenario `{id}`: step `{}` can be reached only through choices for ages 15–18: mark it `older = true`",
                step.id
            ),
        ));
    }
    let endings = younger.iter().filter(|(step, _)| step.choices.is_empty()).count();
    if endings < 2 {
        errors.push(file.error_at_line(
            spec.line,
            format!("scenario `{id}` needs at least two different endings for ages 12–14 (it has {endings})"),
        ));
    }
    errors.len() == before
}

/// Every `next` exists, every step is reachable from the first, no loops, and the story branches.
fn check_graph(file: &SourceFile, id: &str, line: usize, steps: &[StepSpec], errors: &mut Vec<Diagnostic>) -> bool {
    let before = errors.len();
    let Some(first) = steps.first() else {
        errors.push(file.error_at_line(line, format!("scenario `{id}` has no `[[scenario.step]]`")));
        return false;
    };
    if first.choices.is_empty() {
        errors.push(file.error_at_line(line, format!("scenario `{id}` must start with a step that has choices")));
    }
    for step in steps {
        for ChoiceSpec { id: choice, next, .. } in &step.choices {
            if !steps.iter().any(|s| &s.id == next) {
                errors.push(file.error_at_line(
                    line,
                    format!("scenario `{id}`: choice `{choice}` of step `{}` leads to unknown step `{next}`", step.id),
                ));
            }
        }
    }
    if errors.len() > before {
        return false;
    }
    // Depth-first walk from the first step; a step met again on the current path is a loop.
    let mut reached = BTreeSet::new();
    let mut stack = vec![(first.id.as_str(), vec![first.id.as_str()])];
    while let Some((step_id, path)) = stack.pop() {
        reached.insert(step_id);
        let step = steps.iter().find(|s| s.id == step_id).expect("checked above");
        for ChoiceSpec { next, .. } in &step.choices {
            if path.contains(&next.as_str()) {
                errors.push(file.error_at_line(
                    line,
                    format!("scenario `{id}` loops: {} → {next}; every path must reach an ending", path.join(" → ")),
                ));
                return false;
            }
            let mut longer = path.clone();
            longer.push(next);
            stack.push((next, longer));
        }
    }
    for step in steps.iter().filter(|s| !reached.contains(s.id.as_str())) {
        errors.push(
            file.error_at_line(
                line,
                format!("scenario `{id}`: step `{}` cannot be reached from the first step", step.id),
            ),
        );
    }
    if steps.iter().filter(|s| s.choices.is_empty()).count() < 2 {
        errors.push(file.error_at_line(line, format!("scenario `{id}` needs at least two different endings")));
    }
    errors.len() == before
}

/// Joins one language's `[scenario.<id>]` text with the structure.
pub(crate) fn read_text(
    file: &SourceFile,
    spec: &ScenarioSpec,
    mut table: Table,
    errors: &mut Vec<Diagnostic>,
) -> Option<Scenario> {
    let title = table.string("title", errors);
    let intro = table.string("intro", errors);
    let mut steps = Vec::new();
    for step in &spec.steps {
        let key = format!("scenario.{}.{}", spec.id, step.id);
        let Some(value) = table.get(&step.id) else {
            errors.push(file.error_at_line(table.line(), format!("missing translation key `{key}`")));
            continue;
        };
        let Some(mut step_table) = Table::from_value(file, value, format!("`{key}`"), errors) else { continue };
        let text = step_table.string("text", errors);
        let mut choices = Vec::new();
        for ChoiceSpec { id: choice_id, next, older } in &step.choices {
            let choice_key = format!("{key}.{choice_id}");
            let Some(value) = step_table.get(choice_id) else {
                errors.push(file.error_at_line(step_table.line(), format!("missing translation key `{choice_key}`")));
                continue;
            };
            let Some(mut choice_table) = Table::from_value(file, value, format!("`{choice_key}`"), errors) else {
                continue;
            };
            let choice_text = choice_table.string("text", errors);
            let consequence = choice_table.string("consequence", errors);
            let why = choice_table.string("why", errors);
            choice_table.finish(errors);
            if let (Some(text), Some(consequence), Some(why)) = (choice_text, consequence, why) {
                choices.push(ScenarioChoice {
                    id: choice_id.clone(),
                    text: text.into_inner(),
                    consequence: consequence.into_inner(),
                    why: why.into_inner(),
                    next: next.clone(),
                    older: *older,
                });
            }
        }
        step_table.finish(errors);
        if let Some(text) = text {
            steps.push(ScenarioStep { id: step.id.clone(), text: text.into_inner(), choices, older: step.older });
        }
    }
    table.finish(errors);
    Some(Scenario { id: spec.id.clone(), title: title?.into_inner(), intro: intro?.into_inner(), steps })
}
