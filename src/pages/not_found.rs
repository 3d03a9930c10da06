use yew::prelude::*;

use crate::app::use_l10n;
use crate::components::page::Missing;

#[component]
pub fn NotFoundPage() -> Html {
    let l10n = use_l10n();
    html! { <Missing message={l10n.t("not-found-title")} detail={l10n.t("not-found-body")} /> }
}
