//! The pre/post awareness check, as a student takes it: say who you are (a study id and the code
//! on your card, never a name), answer every question with no feedback and no timer, hand in,
//! then see your knowledge answers explained and save your results file.
//!
//! The three steps are one screen's states rather than three addresses, so that nothing about an
//! attempt (the code, a half-finished test) is kept in the browser's history.

mod done;
mod start;
mod test;

use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::study::{Participant, Phase, Record};
use yew::prelude::*;

use crate::components::page::PageHeading;
use crate::state::{AssessmentState, use_assessment, use_l10n, use_title};

/// Who is taking which test: everything the test screen needs besides the assessment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sitting {
    pub participant: Participant,
    pub phase: Phase,
}

#[derive(Clone, PartialEq)]
enum Step {
    Start,
    Test(Sitting),
    Done(Rc<Record>),
}

#[component]
pub fn CheckPage() -> Html {
    let l10n = use_l10n();
    use_title(l10n.t("check-title"));
    match use_assessment() {
        AssessmentState::Ready(assessment) => html! { <CheckFlow {assessment} /> },
        AssessmentState::Loading => html! {
            <>
                <PageHeading text={l10n.t("check-title")} />
                <p class="loading" aria-busy="true">{ l10n.t("check-loading") }</p>
            </>
        },
        AssessmentState::Failed(reason) => html! {
            <>
                <PageHeading text={l10n.t("check-title")} />
                <div class="error-box" role="alert">
                    <p>{ l10n.t_with("check-failed", &[("reason", reason.as_str().into())]) }</p>
                </div>
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct CheckFlowProps {
    assessment: Rc<Assessment>,
}

#[component]
fn CheckFlow(props: &CheckFlowProps) -> Html {
    let step = use_state(|| Step::Start);
    // Each later step starts at its heading, as a new screen would; the first is the screen the
    // frame already arrived at, so the browser's own start position is right (as on every page).
    let first_step = use_mut_ref(|| true);
    use_effect_with((*step).clone(), move |_| {
        if !std::mem::replace(&mut *first_step.borrow_mut(), false) {
            crate::platform::document::focus(crate::components::page::HEADING_ID);
        }
    });
    match &*step {
        Step::Start => {
            let on_start = {
                let step = step.clone();
                Callback::from(move |sitting| step.set(Step::Test(sitting)))
            };
            html! { <start::Start {on_start} /> }
        }
        Step::Test(sitting) => {
            let on_done = {
                let step = step.clone();
                Callback::from(move |record: Record| step.set(Step::Done(Rc::new(record))))
            };
            let on_cancel = {
                let step = step.clone();
                Callback::from(move |_| step.set(Step::Start))
            };
            html! { <test::Test assessment={props.assessment.clone()} sitting={*sitting} {on_done} {on_cancel} /> }
        }
        Step::Done(record) => {
            let on_next = {
                let step = step.clone();
                Callback::from(move |_| step.set(Step::Start))
            };
            html! { <done::Done assessment={props.assessment.clone()} record={record.clone()} {on_next} /> }
        }
    }
}
