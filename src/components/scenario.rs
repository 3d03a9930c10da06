//! A "what would you do?" story, played step by step: choose, see what happens and why, go on,
//! and start again to try another path. Nothing is scored and nothing is saved: it is for
//! thinking and talking, not for marks.

use aware_core::content::Scenario;
use aware_core::l10n::Arg;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::use_l10n;

#[derive(Properties, PartialEq)]
pub struct ScenarioPlayerProps {
    pub scenario: Scenario,
}

#[derive(Clone, PartialEq)]
struct Position {
    step: usize,
    /// The choice made at this step, whose consequence is being shown.
    chosen: Option<usize>,
}

#[component]
pub fn ScenarioPlayer(props: &ScenarioPlayerProps) -> Html {
    let l10n = use_l10n();
    let position = use_state(|| Position { step: 0, chosen: None });
    let moved = use_mut_ref(|| false);
    let focus_target = use_node_ref();
    {
        // After each move (not on first render) start the reader at the new text.
        let focus_target = focus_target.clone();
        use_effect_with((*position).clone(), move |_| {
            if std::mem::replace(&mut *moved.borrow_mut(), true)
                && let Some(element) = focus_target.cast::<HtmlElement>()
            {
                let _ = element.focus();
            }
        });
    }
    let scenario = &props.scenario;
    let Some(step) = scenario.steps.get(position.step) else { return Html::default() };
    let heading_id = format!("scenario-{}", scenario.id);

    let body = match position.chosen.and_then(|index| step.choices.get(index)) {
        Some(choice) => {
            let next = scenario.steps.iter().position(|s| s.id == choice.next).unwrap_or(0);
            let go_on = {
                let position = position.clone();
                Callback::from(move |_: MouseEvent| position.set(Position { step: next, chosen: None }))
            };
            html! {
                <>
                    <div class="scenario-outcome" tabindex="-1" ref={focus_target.clone()}>
                        <p class="chosen">{ l10n.t_with("scenario-you-chose", &[("choice", Arg::from(choice.text.as_str()))]) }</p>
                        <p>{ choice.consequence.clone() }</p>
                        <p><strong>{ l10n.t("scenario-why") }</strong>{ " " }{ choice.why.clone() }</p>
                    </div>
                    <button type="button" class="button" onclick={go_on}>{ l10n.t("scenario-continue") }</button>
                </>
            }
        }
        None if step.choices.is_empty() => {
            let restart = {
                let position = position.clone();
                Callback::from(move |_: MouseEvent| position.set(Position { step: 0, chosen: None }))
            };
            html! {
                <>
                    <div class="scenario-step" tabindex="-1" ref={focus_target.clone()}>
                        <p>{ step.text.clone() }</p>
                        <p class="scenario-ending">{ l10n.t("scenario-ending") }</p>
                    </div>
                    <button type="button" class="button secondary" onclick={restart}>{ l10n.t("scenario-restart") }</button>
                </>
            }
        }
        None => html! {
            <>
                <div class="scenario-step" tabindex="-1" ref={focus_target.clone()}>
                    <p>{ step.text.clone() }</p>
                </div>
                <p class="scenario-question">{ l10n.t("scenario-choices") }</p>
                <ul class="scenario-choices">
                    { for step.choices.iter().enumerate().map(|(index, choice)| {
                        let position = position.clone();
                        let step_index = position.step;
                        let choose = Callback::from(move |_: MouseEvent| position.set(Position { step: step_index, chosen: Some(index) }));
                        html! { <li><button type="button" class="button choice-button" onclick={choose}>{ choice.text.clone() }</button></li> }
                    }) }
                </ul>
            </>
        },
    };
    html! {
        <section class="scenario" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ scenario.title.clone() }</h3>
            <p class="scenario-intro">{ scenario.intro.clone() }</p>
            { body }
        </section>
    }
}
