//! "Get help": reachable from every screen. Works without the lesson download: the contacts are
//! compiled into the app.

use yew::prelude::*;

use crate::components::help_contacts::HelpContacts;
use crate::components::page::PageHeading;
use crate::state::{use_l10n, use_title};

#[component]
pub fn HelpPage() -> Html {
    let l10n = use_l10n();
    use_title(l10n.t("help-title"));
    html! {
        <article class="help">
            <PageHeading text={l10n.t("help-title")} />
            <p class="lead">{ l10n.t("help-intro") }</p>
            <HelpContacts />
            <p>{ l10n.t("help-trusted-adult") }</p>
            <h2>{ l10n.t("help-privacy-title") }</h2>
            <p>{ l10n.t("help-privacy") }</p>
        </article>
    }
}
