//! What surrounds every screen of every bundle: skip link, header with "Get help" and "Exit this
//! page", storage notices, "a new version is ready", and the main landmark. Help and exit sit in the same place on every
//! screen (WCAG 3.2.6 Consistent Help).

use yew::prelude::*;

use super::student::StudentRoute;
use super::{Bundle, use_bundle};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::page::HEADING_ID;
use crate::components::quick_exit::QuickExit;
use crate::platform::{document, fetch, history, update};
use crate::state::{ProgressAction, ProgressContext, StudyAction, StudyContext, use_l10n};

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The address of the screen shown: when it changes, focus moves to the new screen's heading.
    pub screen: AttrValue,
    /// Whether the screen is part of a quiz (a question or its result): a new version of the app
    /// never starts by itself there, so a half-answered quiz is never reloaded under a student.
    #[prop_or_default]
    pub in_quiz: bool,
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
            document::focus(HEADING_ID);
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
                        // The single file holds the student's bundle only.
                        if !fetch::files_inline() {
                            <a href={Bundle::Check.href(bundle, "/")}>{ l10n.t("nav-check") }</a>
                        }
                        <a class="help-link" href={StudentRoute::Help.href(bundle)}>{ l10n.t("nav-get-help") }</a>
                    </nav>
                    <QuickExit />
                    <LanguageSwitcher />
                </div>
            </header>
            <Notices screen={props.screen.clone()} in_quiz={props.in_quiz} />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ l10n.t("footer-privacy") }</p>
            </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NoticesProps {
    screen: AttrValue,
    in_quiz: bool,
}

/// What the bundle's stores have to say (storage blocked, full, unreadable), each with a way to
/// hide it, and whether a new version is ready. A bundle without progress or studies has no
/// notices of theirs.
#[component]
fn Notices(props: &NoticesProps) -> Html {
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
    html! {
        <div class="notices" role="status">
            { for progress_notice }{ for study_notice }
            <UpdateNotice screen={props.screen.clone()} in_quiz={props.in_quiz} />
        </div>
    }
}

/// "A new version is ready" (found by the service worker, see `platform::update`), quietly: the
/// new version starts when the student moves to a screen outside a quiz, or at once if they
/// choose.
#[component]
fn UpdateNotice(props: &NoticesProps) -> Html {
    let l10n = use_l10n();
    let ready = use_state(update::is_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = update::on_ready(move || ready.set(true));
            move || drop(listener)
        });
    }
    let shown_on = use_mut_ref(|| props.screen.clone());
    {
        let ready = *ready;
        use_effect_with((props.screen.clone(), props.in_quiz, ready), move |(screen, in_quiz, ready)| {
            let moved = *shown_on.borrow() != *screen;
            if *ready && moved && !*in_quiz {
                update::apply();
            }
            if !*ready {
                *shown_on.borrow_mut() = screen.clone();
            }
        });
    }
    if !*ready {
        return html! {};
    }
    html! {
        <div class="notice update-notice">
            <p>{ l10n.t("update-ready") }</p>
            <button type="button" class="button secondary" onclick={Callback::from(|_| update::apply())}>
                { l10n.t("update-apply") }
            </button>
        </div>
    }
}
