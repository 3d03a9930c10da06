//! Printable answer cards for a class without devices: one A4 page per student with large
//! letters A to D, to hold up in answer to a question the teacher polls; the teacher counts each
//! letter. A card carries no name and no number (anyone may use any card), so a tally says
//! nothing about who answered what.
//!
//! **The camera's hook.** The camera issue adds a machine-readable marker to each card, so a
//! photo of the raised cards fills in the counts; it goes in [`marker`], which prints nothing
//! until then. The cards' layout (a page each, the letters at the page's edges) stays.

use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::components::form::text_into;
use crate::components::page::PageHeading;
use crate::platform::document;
use crate::state::{use_l10n, use_title};

/// Enough cards for the largest class, and a few spare.
const DEFAULT_CARDS: usize = 35;
/// More than any class; a bound on the pages the browser lays out.
const MAX_CARDS: usize = 60;
/// The letters on a card: the most options a lesson's question has.
const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

#[component]
pub fn AnswerCardsPage() -> Html {
    let l10n = use_l10n();
    let title = l10n.t("teacher-answer-cards-title");
    use_title(title.clone());
    let count = use_state(|| DEFAULT_CARDS.to_string());
    let on_count = text_into(&count);
    let cards = count.trim().parse::<usize>().ok().filter(|n| (1..=MAX_CARDS).contains(n));
    let print = Callback::from(|_: MouseEvent| document::print());
    html! {
        <article class="teacher answer-cards">
            <div class="screen-only">
                <PageHeading text={title} />
                <p class="lead">{ l10n.t("teacher-answer-cards-intro") }</p>
                <div class="field">
                    <label for="answer-cards">{ l10n.t("teacher-answer-cards-count") }</label>
                    if cards.is_none() {
                        <p class="error-message" id="answer-cards-error" role="alert">
                            { l10n.t_with("teacher-answer-cards-invalid", &[("max", Arg::from(MAX_CARDS))]) }
                        </p>
                    }
                    <input id="answer-cards" class="number-input" type="number" min="1" max={MAX_CARDS.to_string()}
                        inputmode="numeric" value={(*count).clone()} oninput={on_count}
                        aria-describedby={cards.is_none().then_some("answer-cards-error")} />
                </div>
                <button type="button" class="button" onclick={print} disabled={cards.is_none()}>
                    { l10n.t("teacher-answer-cards-print") }
                </button>
            </div>
            <div class="answer-card-sheets" aria-hidden="true">
                { for (0..cards.unwrap_or(0)).map(|card| html! {
                    <section class="answer-card">
                        { for LETTERS.iter().map(|letter| html! { <span class="answer-letter">{ letter.to_string() }</span> }) }
                        { marker(card) }
                    </section>
                }) }
            </div>
        </article>
    }
}

/// The camera's marker for card `card` (from 0): nothing yet (see the module documentation).
fn marker(_card: usize) -> Html {
    Html::default()
}
