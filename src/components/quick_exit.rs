//! "Exit this page": a button, and Shift pressed three times, after GOV.UK's component.

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::l10n::Arg;
use aware_core::quick_exit::{ShiftCounter, ShiftOutcome};
use yew::prelude::*;

use crate::deployment::EXIT_URL;
use crate::platform::listeners::Listeners;
use crate::platform::{clock, document, exit};
use crate::state::use_l10n;

#[component]
pub fn QuickExit() -> Html {
    let l10n = use_l10n();
    let status = use_state(String::new);
    let exiting = use_state(|| false);
    {
        let status = status.setter();
        let exiting_on_key = exiting.setter();
        let exiting = exiting.setter();
        let l10n = l10n.clone();
        use_effect_with((), move |_| {
            let counter = Rc::new(RefCell::new(ShiftCounter::default()));
            let down = {
                let counter = counter.clone();
                move |event: KeyboardEvent| {
                    if !event.repeat() {
                        counter.borrow_mut().key_down(&event.key());
                    }
                }
            };
            let up = move |event: KeyboardEvent| {
                let now = clock::now_ms();
                if counter.borrow_mut().expired(now) {
                    status.set(l10n.t("exit-shift-expired"));
                }
                match counter.borrow_mut().key_up(&event.key(), now) {
                    ShiftOutcome::Idle => {}
                    ShiftOutcome::Counting { remaining } => {
                        status.set(l10n.t_with("exit-shift-progress", &[("remaining", Arg::from(remaining as usize))]))
                    }
                    ShiftOutcome::Exit => {
                        exiting_on_key.set(true);
                        exit::leave(EXIT_URL);
                    }
                }
            };
            // A page restored from the back/forward cache does not start again: finish an exit
            // that stepped back to it, or else show the page again (GOV.UK resets the same way).
            let shown = move || {
                if !exit::finish_pending_exit() {
                    document::set_root_class("aware-exiting", false);
                    exiting.set(false);
                }
            };
            let listeners =
                Listeners::default().on_document_key("keydown", down).on_document_key("keyup", up).on_page_show(shown);
            move || drop(listeners)
        });
    }
    let onclick = {
        let exiting = exiting.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            exiting.set(true);
            exit::leave(EXIT_URL);
        })
    };
    // A link with role="button" must also respond to Space, as a real button does (Enter already
    // follows the link and fires `click`).
    let onkeydown = {
        let exiting = exiting.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == " " {
                event.prevent_default();
                exiting.set(true);
                exit::leave(EXIT_URL);
            }
        })
    };
    html! {
        <div class="quick-exit">
            <a href={EXIT_URL} class="button exit-button" role="button" rel="nofollow noreferrer" {onclick} {onkeydown}>
                <span class="visually-hidden">{ l10n.t("exit-this-page-hidden-prefix") }{ " " }</span>
                { l10n.t("exit-this-page") }
            </a>
            <span class="exit-hint">{ l10n.t("exit-shift-hint") }</span>
            <span class="visually-hidden" role="status">{ (*status).clone() }</span>
            if *exiting {
                <div class="exit-overlay" role="alert">{ l10n.t("exit-loading") }</div>
            }
        </div>
    }
}
