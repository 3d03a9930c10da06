//! A button for what cannot be undone (deleting): pressed once, it says what will happen and asks
//! again; only the second, explicit press acts.

use yew::prelude::*;

use crate::state::use_l10n;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The first button's id; the confirming button's is `{id}-confirm`.
    pub id: AttrValue,
    pub label: AttrValue,
    /// What will happen, shown before the second press.
    pub warning: AttrValue,
    pub confirm: AttrValue,
    pub on_confirm: Callback<()>,
}

#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let l10n = use_l10n();
    let confirming = use_state(|| false);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let confirm = {
        let (confirming, on_confirm) = (confirming.clone(), props.on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_confirm.emit(());
        })
    };
    if !*confirming {
        return html! {
            <button type="button" class="button warning" id={props.id.clone()} onclick={ask}>{ props.label.clone() }</button>
        };
    }
    html! {
        <div class="warning-box" role="alert">
            <p>{ props.warning.clone() }</p>
            <div class="actions">
                <button type="button" class="button warning" id={format!("{}-confirm", props.id)} onclick={confirm}>{ props.confirm.clone() }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ l10n.t("data-cancel") }</button>
            </div>
        </div>
    }
}
