//! What surrounds every screen of every bundle: skip link, header with "Get help", storage
//! notices, "a new version is ready", and the main landmark. Help and exit sit in the same place
//! on every screen (WCAG 3.2.6 Consistent Help): "Exit this page" is the page's static link in a
//! sticky bar above the header (`web/exit.js`), which `QuickExit` enhances.

use yew::prelude::*;

use super::embed::use_embedded;
use super::student::StudentRoute;
use super::{Bundle, use_bundle};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::page::focus_heading_after_navigation;
use crate::components::quick_exit::QuickExit;
use crate::platform::{document, fetch, update};
use aware_core::store::{Kind, Notice};

use crate::state::{Device, use_l10n};

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
    let embedded = use_embedded();
    let first_screen = use_mut_ref(|| true);
    use_effect_with(props.screen.clone(), move |_| {
        // After an in-app navigation, start keyboard and screen-reader users at the new
        // screen's heading; on the first screen the browser's own start position is right.
        if !std::mem::replace(&mut *first_screen.borrow_mut(), false) {
            focus_heading_after_navigation();
        }
    });
    // The teacher's own "Data on this device" also deletes the teacher's data.
    let data_href = match bundle {
        Bundle::Teacher => Bundle::Teacher.href(bundle, "/data"),
        _ => StudentRoute::Data.href(bundle),
    };
    let skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        document::focus("main");
    });
    let skip_link = html! { <a class="skip-link" href="#main" onclick={skip}>{ l10n.t("skip-to-content") }</a> };
    // First on the page, before the static "Exit this page" bar, where the page keeps it a place.
    let skip_link = match document::element("aware-skip") {
        Some(place) => create_portal(skip_link, place),
        None => skip_link,
    };
    html! {
        <>
            { skip_link }
            <header class="site-header">
                <div class="site-header-inner">
                    if embedded {
                        // On a campaign's page: the quiz, help and exit; no way into the rest of the site.
                        <span class="brand">{ l10n.t("app-name") }</span>
                        <nav class="site-nav" aria-label={l10n.t("app-name")}>
                            <a class="help-link" href={StudentRoute::Help.href(bundle)}>{ l10n.t("nav-get-help") }</a>
                        </nav>
                    } else {
                        <a class="brand" href={StudentRoute::Course.href(bundle)}>{ l10n.t("app-name") }</a>
                        <nav class="site-nav" aria-label={l10n.t("app-name")}>
                            <a href={StudentRoute::Course.href(bundle)}>{ l10n.t("nav-lessons") }</a>
                            // The single file holds the student's bundle only.
                            if !fetch::files_inline() {
                                <a href={Bundle::Check.href(bundle, "/")}>{ l10n.t("nav-check") }</a>
                            }
                            <a class="help-link" href={StudentRoute::Help.href(bundle)}>{ l10n.t("nav-get-help") }</a>
                        </nav>
                    }
                    <QuickExit />
                    <LanguageSwitcher />
                </div>
            </header>
            <Notices screen={props.screen.clone()} in_quiz={props.in_quiz} />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ l10n.t("footer-privacy") }</p>
                <p><a href={data_href}>{ l10n.t("data-title") }</a></p>
            </footer>
        </>
    }
}

/// Around the classroom's present views: nothing but the lesson, its controls and "Exit this
/// page" (a student may need to leave the room's screen too), and the stores' notices.
#[component]
pub fn PresentFrame(props: &FrameProps) -> Html {
    html! {
        <div class="present-frame">
            <header class="present-header">
                <QuickExit />
            </header>
            // Never reloaded into a new version by itself in front of the class: the teacher chooses.
            <Notices screen={props.screen.clone()} in_quiz=true />
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NoticesProps {
    screen: AttrValue,
    /// A new version never starts by itself here (a half-answered quiz, a class watching).
    in_quiz: bool,
}

/// What the device store has to say (storage blocked, full, unreadable, newer), each with a way
/// to hide it, and whether a new version is ready. Who reads it may be a student: nothing here
/// names a key or a teacher's data.
#[component]
fn Notices(props: &NoticesProps) -> Html {
    let l10n = use_l10n();
    let device = use_context::<Device>();
    let shown = device.iter().flat_map(|device| {
        device.state.notices.iter().filter_map(|notice| {
            let message_id = message_id(notice)?;
            let (device, hidden) = (device.clone(), notice.clone());
            let dismiss = Callback::from(move |_: MouseEvent| device.dismiss(&hidden));
            Some(html! {
                <div class="notice">
                    <p>{ l10n.t(message_id) }</p>
                    <button type="button" class="button secondary" onclick={dismiss}>{ l10n.t("notice-dismiss") }</button>
                </div>
            })
        })
    });
    html! {
        <div class="notices" role="status">
            { for shown.collect::<Vec<_>>() }
            <UpdateNotice screen={props.screen.clone()} in_quiz={props.in_quiz} />
        </div>
    }
}

/// The message for a notice; `None` for what needs no telling.
fn message_id(notice: &Notice) -> Option<&'static str> {
    // Progress, language and band are the student's; the rest is pre/post data.
    let students = |kind: &Kind| matches!(kind, Kind::Progress | Kind::Locale | Kind::Band);
    Some(match notice {
        Notice::Blocked => "storage-unavailable",
        Notice::MemoryOnly { kind } | Notice::NotKeptAside { kind } if students(kind) => "storage-unavailable",
        Notice::MemoryOnly { .. } | Notice::NotKeptAside { .. } => "study-storage-unavailable",
        Notice::KeptAside { kind, .. } if students(kind) => "storage-unreadable",
        Notice::KeptAside { .. } => "study-storage-unreadable",
        Notice::Migrated { kind: Kind::Progress, .. } => "storage-migrated",
        Notice::Migrated { .. } => return None,
        Notice::ReadOnly { .. } => "storage-read-only",
        Notice::WriteFailed { kind, .. } if students(kind) => "storage-write-failed",
        Notice::WriteFailed { .. } => "study-storage-write-failed",
        Notice::Replaced { .. } => "storage-replaced",
        Notice::BackupDropped { .. } => "storage-backup-dropped",
        Notice::DeleteFailed { .. } => "storage-delete-failed",
    })
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
