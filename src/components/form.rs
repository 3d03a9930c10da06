//! Small pieces shared by the app's forms.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Keeps a text field's value in `state` as the user types.
pub fn text_into(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        state.set(input.value());
    })
}

/// Sets `state` from the value of the radio button the user chose.
pub fn choice_into<T: 'static>(state: &UseStateHandle<T>, parse: fn(&str) -> T) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        state.set(parse(&input.value()));
    })
}

#[derive(Properties, PartialEq)]
pub struct RadioWithHintProps {
    /// The group's name; the input's id is `<name>-<value>`.
    pub name: AttrValue,
    pub value: AttrValue,
    pub checked: bool,
    pub label: AttrValue,
    pub hint: AttrValue,
    pub onchange: Callback<Event>,
}

/// A radio button whose label carries a line of explanation.
#[component]
pub fn RadioWithHint(props: &RadioWithHintProps) -> Html {
    let id = format!("{}-{}", props.name, props.value);
    html! {
        <div class="choice">
            <input type="radio" id={id.clone()} name={props.name.clone()} value={props.value.clone()}
                checked={props.checked} onchange={props.onchange.clone()} />
            <label for={id}>{ props.label.clone() }<span class="hint block">{ props.hint.clone() }</span></label>
        </div>
    }
}
