//! The language choice, on every screen. Each language is named in itself ("Монгол", "English")
//! and marked with its `lang`, so a screen reader pronounces it right whatever the page language.

use yew::prelude::*;

use crate::deployment::LOCALES;
use crate::state::use_l10n;

#[component]
pub fn LanguageSwitcher() -> Html {
    let l10n = use_l10n();
    if LOCALES.len() < 2 {
        return Html::default();
    }
    let current = l10n.locale();
    html! {
        <div class="language-switcher" role="group" aria-label={l10n.t("language-switcher")}>
            { for LOCALES.iter().map(|locale| {
                let pressed = locale.id == current;
                let choose = {
                    let l10n = l10n.clone();
                    let id = locale.id;
                    Callback::from(move |_: MouseEvent| l10n.set_locale(id))
                };
                html! {
                    <button type="button" class="language" lang={locale.id} aria-pressed={pressed.to_string()} onclick={choose}>
                        { locale.name }
                    </button>
                }
            }) }
        </div>
    }
}
