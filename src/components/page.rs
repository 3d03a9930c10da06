//! Pieces every page uses: its one `<h1>`, what to show while lessons load or fail to, and a
//! short message for an address that names nothing.

use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::app::student::StudentRoute;
use crate::app::use_bundle;
use crate::platform::document;
use crate::state::{Loadable, use_l10n};

/// The id of each page's `<h1>`, which receives focus after a navigation.
pub const HEADING_ID: &str = "page-heading";

#[derive(Properties, PartialEq)]
pub struct PageHeadingProps {
    pub text: AttrValue,
}

thread_local! {
    /// Whether the student has moved to another screen in this page since it loaded.
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// After an in-app navigation (not on the first screen, where the browser's own start position is
/// right): focus goes to the new screen's heading, now if it is there, else when it appears. A
/// lesson is downloaded when first opened, so its heading replaces a "loading" one, and the
/// focus that heading had would otherwise be lost to the page's body.
pub fn focus_heading_after_navigation() {
    NAVIGATED.with(|navigated| navigated.set(true));
    document::focus(HEADING_ID);
}

#[component]
pub fn PageHeading(props: &PageHeadingProps) -> Html {
    use_effect_with((), |_| {
        if NAVIGATED.with(std::cell::Cell::get) && document::nothing_focused() {
            document::focus(HEADING_ID);
        }
    });
    html! { <h1 id={HEADING_ID} tabindex="-1">{ props.text.clone() }</h1> }
}

/// Shown instead of a page while what it shows is downloading, or could not be downloaded.
pub fn content_status<T>(state: &Loadable<T>) -> Html {
    match state {
        Loadable::Failed { reason, retry } => {
            html! { <ContentStatus failed={Some((AttrValue::from(reason.clone()), retry.clone()))} /> }
        }
        Loadable::Loading | Loadable::Ready(_) => html! { <ContentStatus /> },
    }
}

#[derive(Properties, PartialEq)]
struct ContentStatusProps {
    /// Why the download failed, and how to try again; `None` while it is on its way.
    #[prop_or_default]
    failed: Option<(AttrValue, Callback<()>)>,
}

#[component]
fn ContentStatus(props: &ContentStatusProps) -> Html {
    let l10n = use_l10n();
    match &props.failed {
        None => html! { <p class="loading" aria-busy="true">{ l10n.t("content-loading") }</p> },
        Some((reason, retry)) => {
            let retry = retry.reform(|_: MouseEvent| ());
            html! {
                <div class="error-box" role="alert">
                    <p>{ l10n.t_with("content-failed", &[("reason", Arg::from(reason.as_str()))]) }</p>
                    <button type="button" class="button" onclick={retry}>{ l10n.t("content-retry") }</button>
                </div>
            }
        }
    }
}

/// A short message with a way back, for addresses that name no lesson, section or question.
#[derive(Properties, PartialEq)]
pub struct MissingProps {
    pub message: AttrValue,
    /// A sentence under the heading, where there is more to say.
    #[prop_or_default]
    pub detail: Option<AttrValue>,
}

#[component]
pub fn Missing(props: &MissingProps) -> Html {
    let l10n = use_l10n();
    let bundle = use_bundle();
    let embedded = crate::app::embed::use_embedded();
    crate::state::use_title(props.message.to_string());
    html! {
        <>
            <PageHeading text={props.message.clone()} />
            if let Some(detail) = &props.detail {
                <p>{ detail.clone() }</p>
            }
            // The embed view shows one lesson: there are no other lessons to go back to.
            if !embedded {
                <p>
                    <a href={StudentRoute::Course.href(bundle)}>{ l10n.t("back-to-lessons") }</a>
                </p>
            }
        </>
    }
}
