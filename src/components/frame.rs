//! What surrounds every screen: skip link, header with "Get help" and "Exit this page",
//! storage notices, and the main landmark. Help and exit sit in the same place on every screen
//! (WCAG 3.2.6 Consistent Help).

use yew::prelude::*;
use yew_router::prelude::*;

use super::language_switcher::LanguageSwitcher;
use super::quick_exit::QuickExit;
use crate::app::{ProgressAction, Route, StudyAction, use_l10n, use_progress, use_study};
use crate::platform::{document, history};

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    let study = use_study();
    let location = use_location();
    let first_screen = use_mut_ref(|| true);
    {
        let path = location.as_ref().map(|l| l.path().to_owned());
        use_effect_with(path, move |_| {
            history::note_navigation();
            // After an in-app navigation, start keyboard and screen-reader users at the new
            // screen's heading; on the first screen the browser's own start position is right.
            if !std::mem::replace(&mut *first_screen.borrow_mut(), false) {
                document::focus(super::page::HEADING_ID);
            }
        });
    }
    let skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        document::focus("main");
    });
    let notice = |message_id: &str, dismiss: Callback<MouseEvent>| {
        html! {
            <div class="notice">
                <p>{ l10n.t(message_id) }</p>
                <button type="button" class="button secondary" onclick={dismiss}>{ l10n.t("notice-dismiss") }</button>
            </div>
        }
    };
    let progress_notice = progress.notice.map(|shown| {
        let progress = progress.clone();
        notice(shown.message_id(), Callback::from(move |_| progress.dispatch(ProgressAction::DismissNotice)))
    });
    let study_notice = study.notice.map(|shown| {
        let study = study.clone();
        notice(shown.study_message_id(), Callback::from(move |_| study.dispatch(StudyAction::DismissNotice)))
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip}>{ l10n.t("skip-to-content") }</a>
            <header class="site-header">
                <div class="site-header-inner">
                    <Link<Route> to={Route::Course} classes="brand">{ l10n.t("app-name") }</Link<Route>>
                    <nav class="site-nav" aria-label={l10n.t("app-name")}>
                        <Link<Route> to={Route::Course}>{ l10n.t("nav-lessons") }</Link<Route>>
                        <Link<Route> to={Route::Check}>{ l10n.t("nav-check") }</Link<Route>>
                        <Link<Route> to={Route::Help} classes="help-link">{ l10n.t("nav-get-help") }</Link<Route>>
                    </nav>
                    <QuickExit />
                    <LanguageSwitcher />
                </div>
            </header>
            <div class="notices" role="status">{ for progress_notice }{ for study_notice }</div>
            <main id="main" tabindex="-1">{ props.children.clone() }</main>
            // Teachers' screens are linked from the footer: a student's header stays short on a phone.
            <footer class="site-footer">
                <p>{ l10n.t("footer-privacy") }</p>
                <p><Link<Route> to={Route::Teacher}>{ l10n.t("nav-teacher") }</Link<Route>></p>
            </footer>
        </>
    }
}
