use std::rc::Rc;

use aware_core::l10n::{Arg, Localizer, Messages, negotiate};
use yew::prelude::*;

use crate::deployment::{BundleMessages, DEFAULT_LOCALE, LOCALES, Locale};
use crate::platform::{document, preferences};

/// The localizer as a context value, with a way to change language. Cheap to clone; equal while
/// the language is the same.
#[derive(Clone)]
pub struct L10n {
    localizer: Rc<Localizer>,
    chain: Rc<Vec<String>>,
    set_locale: Callback<String>,
}

impl PartialEq for L10n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.localizer, &other.localizer)
    }
}

impl L10n {
    /// The messages of each locale of `chain` in order, so a message missing in the chosen
    /// language falls back to the next one instead of showing an id.
    pub fn new(chain: &[String], messages: BundleMessages, set_locale: Callback<String>) -> L10n {
        // build.rs compiled and checked them; should one still not decode, show ids rather than nothing.
        let messages = chain
            .iter()
            .filter_map(|id| messages.iter().find(|(locale, _)| locale == id))
            .filter_map(|(_, compiled)| Messages::decode(compiled).ok())
            .collect();
        let localizer = Localizer::from_messages(messages);
        L10n { localizer: Rc::new(localizer), chain: Rc::new(chain.to_vec()), set_locale }
    }

    pub fn locale(&self) -> String {
        self.chain.first().cloned().unwrap_or_else(|| DEFAULT_LOCALE.to_owned())
    }

    /// The interface language in use, with its name and review status.
    pub fn current(&self) -> Locale {
        let id = self.locale();
        LOCALES.iter().find(|locale| locale.id == id).copied().unwrap_or(LOCALES[0])
    }

    pub fn set_locale(&self, locale: &str) {
        self.set_locale.emit(locale.to_owned());
    }

    pub fn t(&self, id: &str) -> String {
        self.localizer.text(id)
    }

    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.localizer.text_with(id, args)
    }
}

#[derive(Properties, PartialEq)]
pub struct LocaleProviderProps {
    /// The running bundle's messages (`crate::deployment::*_MESSAGES`).
    pub messages: BundleMessages,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn LocaleProvider(props: &LocaleProviderProps) -> Html {
    let chain = use_state(|| {
        let available: Vec<&str> = LOCALES.iter().map(|locale| locale.id).collect();
        negotiate(&preferences::locale_requests(), &available, DEFAULT_LOCALE)
    });
    let set_locale = {
        let chain = chain.clone();
        Callback::from(move |locale: String| {
            if chain.first() == Some(&locale) || !LOCALES.iter().any(|l| l.id == locale) {
                return;
            }
            preferences::save_locale(&locale);
            let rest = chain.iter().filter(|l| **l != locale).cloned();
            chain.set(std::iter::once(locale.clone()).chain(rest).collect());
        })
    };
    let l10n = {
        let set_locale = set_locale.clone();
        let messages = props.messages;
        use_memo((*chain).clone(), move |chain| L10n::new(chain, messages, set_locale))
    };
    let l10n = (*l10n).clone();
    use_effect_with(l10n.locale(), |locale| document::set_lang(locale));
    html! {
        <ContextProvider<L10n> context={l10n}>{ props.children.clone() }</ContextProvider<L10n>>
    }
}

#[hook]
pub fn use_l10n() -> L10n {
    use_context::<L10n>().expect("use_l10n is called inside LocaleProvider")
}

/// Sets the document title to "<page> – Aware" while the calling page is shown.
#[hook]
pub fn use_title(page: String) {
    let l10n = use_l10n();
    let title = l10n.t_with("page-title", &[("page", page.into())]);
    use_effect_with(title, |title| document::set_title(title));
}
