//! What surrounds every screen of every bundle: skip link, header with "Get help" and "Exit this
//! page", storage notices, and the main landmark. Help and exit sit in the same place on every
//! screen (WCAG 3.2.6 Consistent Help).

use yew::prelude::*;

use super::student::StudentRoute;
use super::{Bundle, use_bundle};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::page::focus_heading_after_navigation;
use crate::components::quick_exit::QuickExit;
use crate::platform::{document, history};
use crate::state::{ProgressAction, ProgressContext, StudyAction, StudyContext, use_l10n};

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The address of the screen shown: when it changes, focus moves to the new screen's heading.
    pub screen: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let l10n = use_l10n();
    let bundle = use_bundle();
    let first_screen = use_mut_ref(|| true);
    use_effect_with(props.screen.clone(), move |_| {
        history::note_navigation();
        // After an in-app navigation, start keyboard and screen-reader users at the new
        // screen's heading; on the first screen the browser's own start position is right.
        if !std::mem::replace(&mut *first_screen.borrow_mut(), false) {
            focus_heading_after_navigation();
        }
    });
    let skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        document::focus("main");
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip}>{ l10n.t("skip-to-content") }</a>
            <header class="site-header">
                <div class="site-header-inner">
                    <a class="brand" href={StudentRoute::Course.href(bundle)}>{ l10n.t("app-name") }</a>
                    <nav class="site-nav" aria-label={l10n.t("app-name")}>
                        <a href={StudentRoute::Course.href(bundle)}>{ l10n.t("nav-lessons") }</a>
                        <a href={Bundle::Check.href(bundle, "/")}>{ l10n.t("nav-check") }</a>
                        <a class="help-link" href={StudentRoute::Help.href(bundle)}>{ l10n.t("nav-get-help") }</a>
                    </nav>
                    <QuickExit />
                    <LanguageSwitcher />
                </div>
            </header>
            <Notices />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ l10n.t("footer-privacy") }</p>
            </footer>
        </>
    }
}

/// What the bundle's stores have to say (storage blocked, full, unreadable), each with a way to
/// hide it. A bundle without progress or studies has no notices of theirs.
#[component]
fn Notices() -> Html {
    let l10n = use_l10n();
    let progress = use_context::<ProgressContext>();
    let study = use_context::<StudyContext>();
    let notice = |message_id: &str, dismiss: Callback<MouseEvent>| {
        html! {
            <div class="notice">
                <p>{ l10n.t(message_id) }</p>
                <button type="button" class="button secondary" onclick={dismiss}>{ l10n.t("notice-dismiss") }</button>
            </div>
        }
    };
    let progress_notice = progress.as_ref().and_then(|progress| {
        let shown = progress.notice?;
        let progress = progress.clone();
        Some(notice(shown.message_id(), Callback::from(move |_| progress.dispatch(ProgressAction::DismissNotice))))
    });
    let study_notice = study.as_ref().and_then(|study| {
        let shown = study.notice?;
        let study = study.clone();
        Some(notice(shown.study_message_id(), Callback::from(move |_| study.dispatch(StudyAction::DismissNotice))))
    });
    html! { <div class="notices" role="status">{ for progress_notice }{ for study_notice }</div> }
}
