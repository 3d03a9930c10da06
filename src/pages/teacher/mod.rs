//! The teacher's screens for pre/post studies: create a study and print code cards, import the
//! students' results files, see the class report, export anonymised data.
//!
//! Everything happens on the teacher's device. The study id and the codes are the only link
//! between attempts; nothing here asks for or shows a name.

pub mod answer_cards;
pub mod cards;
pub mod charts;
pub mod file_import;
pub mod gate;
pub mod guide;
pub mod present;
pub mod report;
pub mod study;
pub mod worksheet;

use std::collections::BTreeSet;

use aware_core::l10n::Arg;
use aware_core::study::{Design, Phase, ResultsFile, Sheet, StudyDefinition, StudyEntry, StudyId};
use yew::prelude::*;

use crate::app::router::{Link, navigate};
use crate::app::teacher::TeacherRoute;
use crate::components::form::{RadioWithHint, choice_into, text_into};
use crate::components::page::PageHeading;
use crate::components::page::content_status;
use crate::platform::{clock, random};
use crate::state::{Loadable, StudyAction, use_course, use_l10n, use_sessions, use_study, use_title};
use file_import::FileImport;

/// Enough cards for the largest class, and a few spare for mistakes.
const DEFAULT_CARDS: usize = 35;

#[component]
pub fn TeacherPage() -> Html {
    let l10n = use_l10n();
    let study = use_study();
    use_title(l10n.t("teacher-title"));
    let ids = known_studies(&study.studies.studies, &study.results);
    let list = ids.iter().map(|&id| {
        let entry = study.studies.find(id);
        let count = |phase| study.results.records().filter(|r| r.study == id && r.phase == phase).count();
        html! {
            <li class="study-card">
                <h3><Link<TeacherRoute> to={TeacherRoute::Study { id: id.compact() }}>{ l10n.t_with("teacher-study-name", &[("id", Arg::from(id.to_string()))]) }</Link<TeacherRoute>></h3>
                if let Some(entry) = entry {
                    if !entry.label.is_empty() {
                        <p class="study-label">{ entry.label.clone() }</p>
                    }
                } else {
                    <p class="hint">{ l10n.t("teacher-study-imported") }</p>
                }
                <p class="meta">{ l10n.t_with("teacher-study-counts", &[("pre", Arg::from(count(Phase::Pre))), ("post", Arg::from(count(Phase::Post)))]) }</p>
            </li>
        }
    });
    html! {
        <article class="teacher">
            <PageHeading text={l10n.t("teacher-title")} />
            <p class="lead">{ l10n.t("teacher-intro") }</p>
            <ol class="steps">
                <li>{ l10n.t("teacher-step-create") }</li>
                <li>{ l10n.t("teacher-step-pre") }</li>
                <li>{ l10n.t("teacher-step-teach") }</li>
                <li>{ l10n.t("teacher-step-post") }</li>
                <li>{ l10n.t("teacher-step-report") }</li>
            </ol>
            <Classroom />
            <section aria-labelledby="create-study">
                <h2 id="create-study">{ l10n.t("teacher-create-title") }</h2>
                <CreateStudy />
            </section>
            <section aria-labelledby="import">
                <h2 id="import">{ l10n.t("teacher-import-title") }</h2>
                <p>{ l10n.t("teacher-import-intro") }</p>
                <FileImport />
            </section>
            <section aria-labelledby="studies">
                <h2 id="studies">{ l10n.t("teacher-studies-title") }</h2>
                if ids.is_empty() {
                    <p>{ l10n.t("teacher-no-studies") }</p>
                } else {
                    <ul class="study-list">{ for list }</ul>
                }
            </section>
        </article>
    }
}

/// Presenting a lesson to a class: links per lesson (present it, print its worksheets), the
/// answer cards, and the sessions kept.
#[component]
fn Classroom() -> Html {
    let l10n = use_l10n();
    let sessions = use_sessions();
    let course = use_course();
    let lessons = match &course {
        Loadable::Ready(index) => html! {
            <ul class="present-lessons">
                { for index.lessons.iter().map(|entry| html! {
                    <li>
                        <Link<TeacherRoute> to={TeacherRoute::Present { lesson: entry.id.clone() }}>
                            { l10n.t("teacher-present-link") }{ ": " }{ entry.title.clone() }
                        </Link<TeacherRoute>>
                        { " · " }
                        <Link<TeacherRoute> to={TeacherRoute::Worksheets { lesson: entry.id.clone() }}>
                            { l10n.t_with("teacher-worksheet-link-for", &[("lesson", Arg::from(entry.title.as_str()))]) }
                        </Link<TeacherRoute>>
                    </li>
                }) }
            </ul>
        },
        other => content_status(other),
    };
    let title = |id: &str| match &course {
        Loadable::Ready(index) => index.lesson(id).map_or_else(|| id.to_owned(), |entry| entry.title.clone()),
        _ => id.to_owned(),
    };
    html! {
        <section aria-labelledby="classroom">
            <h2 id="classroom">{ l10n.t("teacher-sessions-title") }</h2>
            <present::SessionsNoticeBar />
            <p>{ l10n.t("teacher-sessions-intro") }</p>
            <h3>{ l10n.t("teacher-sessions-lessons") }</h3>
            { lessons }
            <p><Link<TeacherRoute> to={TeacherRoute::AnswerCards}>{ l10n.t("teacher-answer-cards-link") }</Link<TeacherRoute>></p>
            <h3>{ l10n.t("teacher-sessions-kept") }</h3>
            if sessions.sessions.is_empty() {
                <p>{ l10n.t("teacher-sessions-none") }</p>
            } else {
                <ul class="session-list">
                    { for sessions.sessions.sessions().iter().map(|session| {
                        let setup = session.setup();
                        let text = l10n.t_with("teacher-sessions-entry", &[("lesson", Arg::from(title(&setup.lesson))), ("date", Arg::from(setup.date.to_string()))]);
                        html! {
                            <li><Link<TeacherRoute> to={TeacherRoute::SessionSummary { session: session.id().to_string() }}>{ text }</Link<TeacherRoute>></li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// Studies created here first (newest first), then any others found in imported results.
fn known_studies(created: &[StudyEntry], results: &ResultsFile) -> Vec<StudyId> {
    let mut ids: Vec<StudyId> = created.iter().map(|entry| entry.id).collect();
    let imported: BTreeSet<StudyId> = results.records().map(|r| r.study).collect();
    ids.extend(imported.into_iter().filter(|id| !created.iter().any(|entry| entry.id == *id)));
    ids
}

#[component]
fn CreateStudy() -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let label = use_state(String::new);
    let design = use_state(|| Design::Crossover);
    let cards = use_state(|| DEFAULT_CARDS.to_string());
    let problem = use_state(|| None::<String>);

    let on_label = text_into(&label);
    let on_cards = text_into(&cards);
    let on_design =
        choice_into(&design, |value| if value == "parallel" { Design::Parallel } else { Design::Crossover });
    let on_submit = {
        let (label, design, cards, problem) = (label.clone(), design.clone(), cards.clone(), problem.clone());
        let l10n = l10n.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let count = cards.trim().parse::<usize>().ok().filter(|n| (1..=Sheet::MAX_CODES).contains(n));
            let Some(count) = count else {
                problem.set(Some(l10n.t_with("teacher-cards-invalid", &[("max", Arg::from(Sheet::MAX_CODES))])));
                crate::platform::document::focus("cards");
                return;
            };
            let mut broken = false;
            let mut draw = || {
                random::bytes().unwrap_or_else(|| {
                    broken = true;
                    [0; 8]
                })
            };
            let created = StudyDefinition::create(*design, count, &mut draw).ok();
            let (Some(definition), false) = (created, broken) else {
                problem.set(Some(l10n.t("teacher-no-randomness")));
                return;
            };
            let entry = StudyEntry::new(&definition, &label, clock::today());
            let id = entry.id.compact();
            study.dispatch(StudyAction::CreateStudy(entry));
            navigate(&TeacherRoute::Study { id });
        })
    };
    let design_radio = |value: Design, label_id: &str, hint_id: &str| {
        html! {
            <RadioWithHint name="design" value={value.as_str()} checked={*design == value}
                label={l10n.t(label_id)} hint={l10n.t(hint_id)} onchange={on_design.clone()} />
        }
    };
    html! {
        <form onsubmit={on_submit} novalidate=true>
            <div class="field">
                <label for="study-label">{ l10n.t("teacher-label") }</label>
                <p class="hint warning" id="study-label-hint">{ l10n.t("teacher-label-hint") }</p>
                <input id="study-label" type="text" maxlength={StudyEntry::MAX_LABEL_CHARS.to_string()} autocomplete="off"
                    value={(*label).clone()} oninput={on_label} aria-describedby="study-label-hint" />
            </div>
            <fieldset class="field">
                <legend>{ l10n.t("teacher-design") }</legend>
                <div class="choices">
                    { design_radio(Design::Crossover, "teacher-design-crossover", "teacher-design-crossover-hint") }
                    { design_radio(Design::Parallel, "teacher-design-parallel", "teacher-design-parallel-hint") }
                </div>
            </fieldset>
            <div class="field">
                <label for="cards">{ l10n.t("teacher-cards") }</label>
                <p class="hint" id="cards-hint">{ l10n.t("teacher-cards-hint") }</p>
                if let Some(problem) = &*problem {
                    <p class="error-message" id="cards-error" role="alert">{ problem.clone() }</p>
                }
                <input id="cards" class="number-input" type="number" min="1" max={Sheet::MAX_CODES.to_string()} inputmode="numeric"
                    value={(*cards).clone()} oninput={on_cards}
                    aria-describedby={if problem.is_some() { "cards-hint cards-error" } else { "cards-hint" }} />
            </div>
            <button type="submit" class="button">{ l10n.t("teacher-create") }</button>
        </form>
    }
}

/// An age band as the teacher's screens name it ("Ages 12–14"): choosing a session's or a
/// worksheet's band, and the session summary.
pub fn band_label(l10n: &crate::state::L10n, band: aware_core::band::AgeBand) -> String {
    l10n.t(match band {
        aware_core::band::AgeBand::Younger => "teacher-present-band-younger",
        aware_core::band::AgeBand::Older => "teacher-present-band-older",
    })
}
