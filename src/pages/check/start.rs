//! Step 1: the study id and the participant code, and which test this is.

use aware_core::l10n::Arg;
use aware_core::study::{Code, ParseError, Participant, Phase, StudyId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Sitting;
use crate::components::form::{RadioWithHint, choice_into, text_into};
use crate::components::page::PageHeading;
use crate::state::{L10n, StudyAction, use_l10n, use_study};

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub on_start: Callback<Sitting>,
}

#[derive(Clone, PartialEq)]
enum Problem {
    Study(ParseError),
    Code(ParseError),
    AlreadyTaken(Phase),
}

#[component]
pub fn Start(props: &StartProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let remembered = study.participant;
    let study_text = use_state(|| remembered.map(|p| p.study.to_string()).unwrap_or_default());
    let code_text = use_state(|| remembered.map(|p| p.code.to_string()).unwrap_or_default());
    // Off unless the student ticks it (or did, last time, on their own device): a shared computer
    // must not hand this code to the next student.
    let remember = use_state(|| remembered.is_some());
    // Before the lessons, unless this device already holds this participant's pre-test.
    let taken = |participant: Option<Participant>, phase: Phase| {
        participant.is_some_and(|p| {
            study.results.records().any(|r| r.study == p.study && r.code == p.code && r.phase == phase)
        })
    };
    let phase = use_state(|| if taken(remembered, Phase::Pre) { Phase::Post } else { Phase::Pre });
    let problems = use_state(Vec::<Problem>::new);

    let on_phase = choice_into(&phase, |value| if value == "post" { Phase::Post } else { Phase::Pre });
    let on_remember = {
        let remember = remember.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            remember.set(input.checked());
        })
    };
    let on_submit = {
        let (study_text, code_text, phase, remember, problems) =
            (study_text.clone(), code_text.clone(), phase.clone(), remember.clone(), problems.clone());
        let study = study.clone();
        let on_start = props.on_start.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let parsed_study = StudyId::parse(&study_text);
            let parsed_code = Code::parse(&code_text);
            let mut found = Vec::new();
            if let Err(problem) = &parsed_study {
                found.push(Problem::Study(problem.clone()));
            }
            if let Err(problem) = &parsed_code {
                found.push(Problem::Code(problem.clone()));
            }
            if let (Ok(study_id), Ok(code)) = (parsed_study, parsed_code) {
                let participant = Participant { study: study_id, code };
                let already =
                    study.results.records().any(|r| r.study == study_id && r.code == code && r.phase == *phase);
                if already {
                    found.push(Problem::AlreadyTaken(*phase));
                } else {
                    study.dispatch(StudyAction::Remember(remember.then_some(participant)));
                    on_start.emit(Sitting { participant, phase: *phase });
                    return;
                }
            }
            problems.set(found);
            crate::platform::document::focus("start-errors");
        })
    };

    let study_problem = problems.iter().find_map(|p| match p {
        Problem::Study(e) => Some(e.clone()),
        _ => None,
    });
    let code_problem = problems.iter().find_map(|p| match p {
        Problem::Code(e) => Some(e.clone()),
        _ => None,
    });
    let already = problems.iter().find_map(|p| match p {
        Problem::AlreadyTaken(phase) => Some(*phase),
        _ => None,
    });
    // The summary's links move focus to their field without following the fragment: the page has
    // a `<base href>`, so "#code" would lead away from this screen (and add a history entry).
    let focus_link = |target: String| {
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            crate::platform::document::focus(&target);
        })
    };
    let phase_radio = |value: Phase, label: &str, hint: &str| {
        html! {
            <RadioWithHint name="phase" value={value.as_str()} checked={*phase == value}
                label={l10n.t(label)} hint={l10n.t(hint)} onchange={on_phase.clone()} />
        }
    };
    // The study id and the code are typed the same way and checked the same way.
    let code_field =
        |id: &'static str, label: &str, hint: &str, text: &UseStateHandle<String>, problem: &Option<ParseError>| {
            let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
            let described_by = if problem.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
            html! {
                <div class="field">
                    <label for={id}>{ l10n.t(label) }</label>
                    <p class="hint" id={hint_id}>{ l10n.t(hint) }</p>
                    if let Some(problem) = problem {
                        <p class="error-message" id={error_id}>{ parse_message(&l10n, label, problem) }</p>
                    }
                    <input {id} class="code-input" type="text" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" value={(**text).clone()} oninput={text_into(text)}
                        aria-invalid={problem.is_some().then_some("true")} aria-describedby={described_by} />
                </div>
            }
        };

    html! {
        <article class="check-start">
            <PageHeading text={l10n.t("check-title")} />
            <p class="lead">{ l10n.t("check-intro") }</p>
            <ul class="plain-list">
                <li>{ l10n.t("check-promise-no-names") }</li>
                <li>{ l10n.t("check-promise-no-timer") }</li>
                <li>{ l10n.t("check-promise-skip") }</li>
            </ul>
            <form onsubmit={on_submit} novalidate=true>
                <div id="start-errors" tabindex="-1">
                    if !problems.is_empty() {
                        <div class="error-summary" role="alert">
                            <h2>{ l10n.t("check-error-summary") }</h2>
                            <ul>
                                if let Some(problem) = &study_problem {
                                    <li><a href="#study-id" onclick={focus_link("study-id".to_owned())}>{ parse_message(&l10n, "check-study-id", problem) }</a></li>
                                }
                                if let Some(problem) = &code_problem {
                                    <li><a href="#code" onclick={focus_link("code".to_owned())}>{ parse_message(&l10n, "check-code", problem) }</a></li>
                                }
                                if let Some(phase) = already {
                                    <li><a href={format!("#phase-{}", phase.as_str())} onclick={focus_link(format!("phase-{}", phase.as_str()))}>{ l10n.t(match phase {
                                        Phase::Pre => "check-error-pre-taken",
                                        Phase::Post => "check-error-post-taken",
                                    }) }</a></li>
                                }
                            </ul>
                        </div>
                    }
                </div>
                { code_field("study-id", "check-study-id", "check-study-id-hint", &study_text, &study_problem) }
                { code_field("code", "check-code", "check-code-hint", &code_text, &code_problem) }
                <fieldset class="field">
                    <legend>{ l10n.t("check-which") }</legend>
                    <div class="choices">
                        { phase_radio(Phase::Pre, "check-phase-pre", "check-phase-pre-hint") }
                        { phase_radio(Phase::Post, "check-phase-post", "check-phase-post-hint") }
                    </div>
                </fieldset>
                <div class="choice field">
                    <input type="checkbox" id="remember" checked={*remember} onchange={on_remember} />
                    <label for="remember">{ l10n.t("check-remember") }<span class="hint block">{ l10n.t("check-remember-hint") }</span></label>
                </div>
                <button type="submit" class="button">{ l10n.t("check-begin") }</button>
            </form>
        </article>
    }
}

/// `field` is the message id of the field's label, used in the message.
fn parse_message(l10n: &L10n, field: &str, problem: &ParseError) -> String {
    let field = l10n.t(field);
    match problem {
        ParseError::Empty => l10n.t_with("check-error-empty", &[("field", Arg::from(field.as_str()))]),
        ParseError::WrongLength { expected, found } => l10n.t_with(
            "check-error-length",
            &[("field", Arg::from(field.as_str())), ("expected", Arg::from(*expected)), ("found", Arg::from(*found))],
        ),
        ParseError::NotInAlphabet { position, found } => l10n.t_with(
            "check-error-character",
            &[
                ("field", Arg::from(field.as_str())),
                ("position", Arg::from(*position)),
                ("character", Arg::from(found.to_string().as_str())),
            ],
        ),
        ParseError::CheckFailed => l10n.t_with("check-error-typo", &[("field", Arg::from(field.as_str()))]),
    }
}
