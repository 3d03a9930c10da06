//! The helplines, from `lessons/help.toml` compiled into the app: shown on the help page and
//! wherever a lesson writes `{{help-contacts}}`, so a number is written down in one place only.

use aware_core::content::HelpDirectory;
use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::state::use_l10n;

const HELP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/help.bin"));

/// The helplines, decoded once. build.rs wrote them from checked content, so decoding cannot fail
/// in practice; should it, the help page still shows its other advice.
pub fn directory() -> &'static HelpDirectory {
    static DIRECTORY: std::sync::OnceLock<HelpDirectory> = std::sync::OnceLock::new();
    DIRECTORY.get_or_init(|| HelpDirectory::from_bytes(HELP).unwrap_or(HelpDirectory { contacts: Vec::new() }))
}

#[derive(Properties, PartialEq)]
pub struct HelpContactsProps {
    /// Heading level of each contact's name: 2 on the help page, 3 inside a lesson section.
    #[prop_or(2)]
    pub level: u8,
}

#[component]
pub fn HelpContacts(props: &HelpContactsProps) -> Html {
    let l10n = use_l10n();
    let help = directory();
    html! {
        <ul class="contacts">
            { for help.contacts.iter().map(|contact| {
                let name = l10n.t(&format!("help-{}-name", contact.id));
                let number = Arg::from(contact.number.as_str());
                html! {
                    <li class="contact">
                        if props.level == 2 { <h2>{ name }</h2> } else { <h3>{ name }</h3> }
                        <p class="number">
                            <a href={format!("tel:{}", contact.number.replace(' ', ""))}>{ l10n.t_with("help-call", &[("number", number)]) }</a>
                        </p>
                        <p>{ l10n.t(&format!("help-{}-description", contact.id)) }</p>
                        if let Some(date) = &contact.test_call {
                            <p class="meta">{ l10n.t_with("help-test-call", &[("date", Arg::from(date.as_str()))]) }</p>
                        }
                        <p class="meta">{ l10n.t_with("help-listed", &[
                            ("source", Arg::from(contact.listed_by.publisher.as_str())),
                            ("date", Arg::from(contact.listed_on.as_str())),
                        ]) }</p>
                    </li>
                }
            }) }
        </ul>
    }
}
