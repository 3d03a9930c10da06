use yew::prelude::*;

use crate::components::page::Missing;
use crate::state::use_l10n;

#[component]
pub fn NotFoundPage() -> Html {
    let l10n = use_l10n();
    html! { <Missing message={l10n.t("not-found-title")} detail={l10n.t("not-found-body")} /> }
}
