//! Screens by address, for any of the app's pages: a route type says how its screens are written
//! in the address, [`Router`] follows the address, [`Link`] and [`navigate`] change it.
//!
//! Written for Aware rather than taken from yew-router: that crate cost 34 KB of a student's
//! download (brotli, measured in the release build) for path matching Aware does not need.

use yew::prelude::*;

use crate::platform::location;

/// The screens of one page of the app, and how each is written after the `#`.
pub trait Route: Clone + PartialEq + 'static {
    /// The screen an address names; an unknown address is a "not found" screen, never an error.
    fn parse(path: &str) -> Self;
    /// The address of this screen, starting with `/`.
    fn path(&self) -> String;
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    #[prop_or_default]
    pub children: Html,
}

/// Provides the current route of type `R` to everything inside it.
#[component]
pub fn Router<R: Route>(props: &RouterProps) -> Html {
    let route = use_state(|| R::parse(&location::screen()));
    {
        let route = route.setter();
        use_effect_with((), move |_| {
            let listener = location::on_screen_change(move || route.set(R::parse(&location::screen())));
            move || drop(listener)
        });
    }
    html! { <ContextProvider<R> context={(*route).clone()}>{ props.children.clone() }</ContextProvider<R>> }
}

/// The screen being shown.
#[hook]
pub fn use_route<R: Route>() -> R {
    use_context::<R>().expect("use_route is called inside a Router of the same route type")
}

/// Shows `to` with a new history entry (as a link would).
pub fn navigate<R: Route>(to: &R) {
    location::push(&to.path());
}

#[derive(Properties, PartialEq)]
pub struct LinkProps<R: Route> {
    pub to: R,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A plain link to a screen of the same page: it works with every browser feature a link has
/// (open in a new tab, copy address, keyboard) because it is one.
#[component]
pub fn Link<R: Route>(props: &LinkProps<R>) -> Html {
    html! { <a href={format!("#{}", props.to.path())} class={props.classes.clone()}>{ props.children.clone() }</a> }
}
