use std::rc::Rc;

use aware_core::l10n::{Arg, Localizer};
use yew::prelude::*;

use crate::platform::document;

/// The UI messages of each locale, compiled into the app (they are small; lesson text is not).
const MESSAGES: &[(&str, &str)] = &[("en", include_str!("../../locales/en/app.ftl"))];

/// The localizer as a context value. Cheap to clone; equal while the locale is the same.
#[derive(Clone)]
pub struct L10n(Rc<Localizer>);

impl PartialEq for L10n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl L10n {
    pub fn new(locale_chain: &[&str]) -> L10n {
        let sources: Vec<(&str, &str)> =
            locale_chain.iter().filter_map(|locale| MESSAGES.iter().find(|(id, _)| id == locale).copied()).collect();
        // The .ftl files are checked by tests; should one still fail here, show ids rather than nothing.
        let localizer =
            Localizer::new(&sources).or_else(|_| Localizer::new(&[])).expect("an empty localizer always builds");
        L10n(Rc::new(localizer))
    }

    pub fn locale(&self) -> String {
        self.0.locale()
    }

    pub fn t(&self, id: &str) -> String {
        self.0.text(id)
    }

    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.0.text_with(id, args)
    }
}

#[derive(Properties, PartialEq)]
pub struct LocaleProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn LocaleProvider(props: &LocaleProviderProps) -> Html {
    let l10n = use_memo((), |_| L10n::new(&["en"]));
    let l10n = (*l10n).clone();
    {
        let locale = l10n.locale();
        use_effect_with(locale, |locale| document::set_lang(locale));
    }
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
