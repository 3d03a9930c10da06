//! Scenarios: the branching "what would you do?" stories.
//!
//! The structure (steps, choices, where each choice leads) is checked so that every story can be
//! played to an end: every `next` names a step, every step can be reached from the first, and no
//! path loops. The text of each step and choice comes from each language's `lesson.toml`.

use std::collections::BTreeSet;

use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{Table, check_id};
use crate::content::{Scenario, ScenarioChoice, ScenarioStep};

pub(crate) struct ScenarioSpec {
    pub id: String,
    pub line: usize,
    pub steps: Vec<StepSpec>,
}

pub(crate) struct StepSpec {
    pub id: String,
    pub choices: Vec<(String, String)>, // (choice id, next step id)
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
        let mut choices: Vec<(String, String)> = Vec::new();
        for mut choice_table in step_table.tables("choice", errors) {
            let choice = choice_table.string("id", errors);
            let next = choice_table.string("next", errors);
            choice_table.finish(errors);
            let (Some(choice), Some(next)) = (choice, next) else { continue };
            if check_id(file, &choice, "choice id", errors) {
                if choices.iter().any(|(c, _)| c == choice.get_ref()) {
                    errors.push(file.error(choice.span(), format!("duplicate choice id `{}`", choice.get_ref())));
                }
                choices.push((choice.into_inner(), next.into_inner()));
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
        steps.push(StepSpec { id: step_id.into_inner(), choices });
    }
    if errors.len() > before {
        return None;
    }
    check_graph(file, &id, line, &steps, errors).then_some(ScenarioSpec { id, line, steps })
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
        for (choice, next) in &step.choices {
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
        for (_, next) in &step.choices {
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
        for (choice_id, next) in &step.choices {
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
                });
            }
        }
        step_table.finish(errors);
        if let Some(text) = text {
            steps.push(ScenarioStep { id: step.id.clone(), text: text.into_inner(), choices });
        }
    }
    table.finish(errors);
    Some(Scenario { id: spec.id.clone(), title: title?.into_inner(), intro: intro?.into_inner(), steps })
}
