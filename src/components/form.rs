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
