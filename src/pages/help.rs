//! "Get help": reachable from every screen. Works without the lesson download: the contacts are
//! compiled into the app from `lessons/help.toml`.

use aware_core::content::HelpDirectory;
use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::app::{use_l10n, use_title};
use crate::components::page::PageHeading;

const HELP_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/help.json"));

#[component]
pub fn HelpPage() -> Html {
    let l10n = use_l10n();
    use_title(l10n.t("help-title"));
    // build.rs wrote this from checked content; an empty list is the impossible fallback.
    let help = HelpDirectory::decode(HELP_JSON).unwrap_or(HelpDirectory { contacts: Vec::new() });
    html! {
        <article class="help">
            <PageHeading text={l10n.t("help-title")} />
            <p class="lead">{ l10n.t("help-intro") }</p>
            <ul class="contacts">
                { for help.contacts.iter().map(|contact| {
                    let number = Arg::from(contact.number.as_str());
                    html! {
                        <li class="contact">
                            <h2>{ l10n.t(&format!("help-{}-name", contact.id)) }</h2>
                            <p class="number">
                                <a href={format!("tel:{}", contact.number.replace(' ', ""))}>{ l10n.t_with("help-call", &[("number", number)]) }</a>
                            </p>
                            <p>{ l10n.t(&format!("help-{}-description", contact.id)) }</p>
                            <p class="meta">{ l10n.t_with("help-last-checked", &[
                                ("date", Arg::from(contact.last_verified.as_str())),
                                ("source", Arg::from(contact.source.publisher.as_str())),
                            ]) }</p>
                        </li>
                    }
                }) }
            </ul>
            <p>{ l10n.t("help-trusted-adult") }</p>
            <h2>{ l10n.t("help-privacy-title") }</h2>
            <p>{ l10n.t("help-privacy") }</p>
        </article>
    }
}
