//! "Exit this page", after GOV.UK's component: the app's part of it. The link itself is static in
//! every page (`web/exit.js` owns the exit, see `platform::exit`); this gives it the interface
//! language's words, adds the "Shift 3 times" hint beside it, and exits when Shift is pressed
//! three times.

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::l10n::Arg;
use aware_core::quick_exit::{ShiftCounter, ShiftOutcome};
use yew::prelude::*;

use crate::platform::listeners::Listeners;
use crate::platform::{clock, exit};
use crate::state::use_l10n;

#[component]
pub fn QuickExit() -> Html {
    let l10n = use_l10n();
    let status = use_state(String::new);
    {
        let label = (l10n.t("exit-this-page-hidden-prefix"), l10n.t("exit-this-page"));
        use_effect_with(label, |(prefix, label)| exit::set_label(prefix, label));
    }
    {
        let status = status.setter();
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
                    ShiftOutcome::Exit => exit::leave(),
                }
            };
            let listeners = Listeners::default().on_document_key("keydown", down).on_document_key("keyup", up);
            move || drop(listeners)
        });
    }
    let extras = html! {
        <div class="quick-exit">
            <span class="exit-hint">{ l10n.t("exit-shift-hint") }</span>
            <span class="visually-hidden" role="status">{ (*status).clone() }</span>
        </div>
    };
    // Beside the page's static link; where a page has none (component tests), in place.
    match exit::bar() {
        Some(bar) => create_portal(extras, bar),
        None => extras,
    }
}
