//! Classroom sessions on the teacher's device: starting one (band and language), the class's
//! view on the projector and the presenter view in a second window, both over the same session
//! (`crate::state::use_live_session`), and the summary when it ends.
//!
//! Both windows hold the whole session and take every action, so either works alone when the
//! other is closed: the class's view has the same controls behind a "Controls" disclosure, the
//! presenter view shows them openly with the guide's notes, the next screen and the teacher's own
//! clock. What a key or a swipe means is `aware_core::classroom::controls`'s; the session's
//! language is the interface's in both windows, so switching it in one switches both and keeps
//! the place (the deck names screens by id, not text).

pub mod poll;
pub mod slide;
pub mod summary;

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::band::AgeBand;
use aware_core::classroom::{
    Action, BandLesson, Command, GuideWords, PollRefused, Refused, Role, Session, SessionId, Setup, View, key_command,
    swipe_command,
};
use aware_core::content::Lesson;
use aware_core::l10n::Arg;
use aware_core::study::Locale;
use yew::prelude::*;

use crate::app::router::{Link, Route, navigate};
use crate::app::teacher::TeacherRoute;
use crate::components::blocks::{Blocks, Inlines};
use crate::components::lesson_gate::{LessonGate, use_with_guide};
use crate::components::page::{Missing, PageHeading, content_status};
use crate::deployment::LOCALES;
use crate::platform::clock::Stopwatch;
use crate::platform::{clock, fullscreen, keyboard, random, timer, touch, windows};
use crate::state::{
    L10n, LiveSession, Loadable, SessionsNotice, use_l10n, use_lesson, use_live_session, use_sessions, use_title,
};
use slide::Slide;

/// What the device store says about keeping sessions (storage blocked, full, unreadable, newer),
/// with a way to hide it; on the teacher's screens that show sessions (the shared frame carries
/// no teacher's words).
#[component]
pub fn SessionsNoticeBar() -> Html {
    let l10n = use_l10n();
    let sessions = use_sessions();
    let Some(notice) = sessions.notice else { return Html::default() };
    let message = match notice {
        SessionsNotice::Unavailable => "teacher-sessions-unavailable",
        SessionsNotice::WriteFailed => "teacher-sessions-write-failed",
        SessionsNotice::Unreadable => "teacher-sessions-unreadable",
        SessionsNotice::Newer => "teacher-sessions-newer",
    };
    let dismiss = sessions.dismiss.clone();
    html! {
        <div class="notice" role="status">
            <p>{ l10n.t(message) }</p>
            <button type="button" class="button secondary" onclick={Callback::from(move |_| dismiss.emit(()))}>
                { l10n.t("notice-dismiss") }
            </button>
        </div>
    }
}

/// The name of the presenter's window: opening it again shows the one already open.
const PRESENTER_WINDOW: &str = "aware-presenter";

/// Heartbeats a window waits for a session nobody sends before saying it is not on this device.
const WAIT_TICKS: u32 = 3;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub lesson: String,
}

/// Starting a session: the lesson as written (the band is chosen here), then band and language.
#[component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let view = Callback::from(|lesson| html! { <StartForm {lesson} /> });
    html! { <LessonGate id={props.lesson.clone()} {view} whole=true /> }
}

#[derive(Properties, PartialEq)]
struct StartFormProps {
    lesson: Rc<Lesson>,
}

#[component]
fn StartForm(props: &StartFormProps) -> Html {
    let l10n = use_l10n();
    let sessions = use_sessions();
    let lesson = props.lesson.clone();
    let title = l10n.t_with("teacher-present-title", &[("lesson", Arg::from(lesson.title.as_str()))]);
    use_title(title.clone());
    let bands: Vec<AgeBand> = AgeBand::ALL.into_iter().filter(|band| lesson.is_for(*band)).collect();
    let band = use_state(|| bands.first().copied().unwrap_or(AgeBand::Older));
    let language = use_state(|| l10n.locale());
    let problem = use_state(|| None::<String>);
    let on_submit = {
        let (band, language, problem, l10n) = (band.clone(), language.clone(), problem.clone(), l10n.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let started = random::bytes().and_then(|bytes| {
                let setup = Setup {
                    id: SessionId::from_random(bytes),
                    lesson: lesson.id.clone(),
                    lesson_version: lesson.version,
                    band: *band,
                    locale: Locale::new(&language)?,
                    date: clock::today(),
                };
                Session::start(setup, &BandLesson::new(&lesson, *band).ok()?).ok()
            });
            let Some(session) = started else {
                problem.set(Some(l10n.t("teacher-present-no-randomness")));
                return;
            };
            let id = session.id().to_string();
            sessions.save.emit(session);
            l10n.set_locale(&language);
            navigate(&TeacherRoute::Audience { session: id });
        })
    };
    let band_choice = |choice: AgeBand| {
        let band = band.clone();
        html! {
            <label class="choice">
                <input type="radio" name="band" value={choice.as_str()} checked={*band == choice}
                    onchange={Callback::from(move |_| band.set(choice))} />
                { super::band_label(&l10n, choice) }
            </label>
        }
    };
    let language_choice = |id: &'static str, name: &'static str| {
        let language = language.clone();
        html! {
            <label class="choice" lang={id}>
                <input type="radio" name="language" value={id} checked={*language == id}
                    onchange={Callback::from(move |_| language.set(id.to_owned()))} />
                { name }
            </label>
        }
    };
    html! {
        <article class="teacher present-start">
            <PageHeading text={title} />
            <p class="lead">{ l10n.t("teacher-sessions-intro") }</p>
            <form onsubmit={on_submit} novalidate=true>
                <fieldset class="field">
                    <legend>{ l10n.t("teacher-present-band") }</legend>
                    if bands.len() == 1 && bands[0] == AgeBand::Older {
                        <p class="hint">{ l10n.t("teacher-present-older-only") }</p>
                    }
                    <div class="choices">{ for bands.iter().map(|&b| band_choice(b)) }</div>
                </fieldset>
                <fieldset class="field">
                    <legend>{ l10n.t("teacher-present-language") }</legend>
                    <div class="choices">{ for LOCALES.iter().map(|l| language_choice(l.id, l.name)) }</div>
                </fieldset>
                if let Some(problem) = &*problem {
                    <p class="error-message" role="alert">{ problem.clone() }</p>
                }
                <button type="submit" class="button">{ l10n.t("teacher-present-start") }</button>
            </form>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionPageProps {
    /// The session id from the address.
    pub session: String,
    pub role: Role,
}

/// One window of a running session, as the class's view or the presenter's.
#[component]
pub fn SessionPage(props: &SessionPageProps) -> Html {
    let l10n = use_l10n();
    match SessionId::parse(&props.session) {
        Some(id) => html! { <LiveWindow {id} role={props.role} /> },
        None => html! { <Missing message={l10n.t("teacher-present-not-found")} /> },
    }
}

#[derive(Properties, PartialEq)]
struct LiveWindowProps {
    id: SessionId,
    role: Role,
}

#[component]
fn LiveWindow(props: &LiveWindowProps) -> Html {
    let l10n = use_l10n();
    let live = use_live_session(props.id, props.role);
    // The session's language is the interface's: a switch in either window reaches both.
    let locale = live.session.as_ref().map(|session| session.setup().locale.as_str().to_owned());
    {
        let l10n = l10n.clone();
        use_effect_with(locale, move |locale| {
            if let Some(locale) = locale {
                l10n.set_locale(locale);
            }
        });
    }
    let shown = match live.session.clone() {
        Some(session) => html! { <SessionLesson {live} {session} role={props.role} /> },
        None if live.waited >= WAIT_TICKS => html! { <Missing message={l10n.t("teacher-present-not-found")} /> },
        None => html! { <p class="present-waiting" role="status">{ l10n.t("teacher-present-waiting") }</p> },
    };
    html! { <><SessionsNoticeBar />{ shown }</> }
}

#[derive(Properties, PartialEq)]
struct SessionLessonProps {
    live: LiveSession,
    session: Rc<Session>,
    role: Role,
}

/// Waits for the session's lesson in the session's language.
#[component]
fn SessionLesson(props: &SessionLessonProps) -> Html {
    match use_lesson(&props.session.setup().lesson) {
        Loadable::Ready(lesson) => html! {
            <SessionGuide {lesson} live={props.live.clone()} session={props.session.clone()} role={props.role} />
        },
        other => content_status(&other),
    }
}

/// Waits for the lesson's teacher guide, downloaded apart: the presenter's notes come from it.
#[component]
fn SessionGuide(props: &PresentedProps) -> Html {
    match use_with_guide(props.lesson.clone()) {
        Ok(lesson) => html! {
            <Presented {lesson} live={props.live.clone()} session={props.session.clone()} role={props.role} />
        },
        Err(status) => status,
    }
}

#[derive(Properties, PartialEq)]
struct PresentedProps {
    lesson: Rc<Lesson>,
    live: LiveSession,
    session: Rc<Session>,
    role: Role,
}

/// What both windows share: the lesson as the session's band sees it, acting on the session,
/// and the keys and swipes.
#[derive(Clone)]
pub(crate) struct Presenting {
    pub lesson: Rc<BandLesson<'static>>,
    pub session: Rc<Session>,
    pub act: Callback<Action>,
}

impl PartialEq for Presenting {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lesson, &other.lesson) && self.session == other.session
    }
}

#[component]
fn Presented(props: &PresentedProps) -> Html {
    let l10n = use_l10n();
    let band = props.session.setup().band;
    let lesson = use_memo((Rc::as_ptr(&props.lesson) as usize, band), {
        let lesson = props.lesson.clone();
        move |_| BandLesson::new(&lesson, band).ok().map(|seen| Rc::new(seen.into_owned()))
    });
    let Some(lesson) = (*lesson).clone() else {
        return html! { <Missing message={l10n.t("lesson-for-older")} /> };
    };
    let act = {
        let (live_act, lesson) = (props.live.act.clone(), lesson.clone());
        Callback::from(move |action: Action| live_act.emit((action, lesson.clone())))
    };
    let presenting = Presenting { lesson, session: props.session.clone(), act };
    html! { <Showing {presenting} live={props.live.clone()} role={props.role} /> }
}

#[derive(Properties, PartialEq)]
struct ShowingProps {
    presenting: Presenting,
    live: LiveSession,
    role: Role,
}

/// The session's screen in this window's role, with its keys and swipes.
#[component]
fn Showing(props: &ShowingProps) -> Html {
    let l10n = use_l10n();
    let presenting = &props.presenting;
    let leave = {
        let id = presenting.session.id().to_string();
        Callback::from(move |()| navigate(&TeacherRoute::SessionSummary { session: id.clone() }))
    };
    use_commands(presenting, leave.clone());
    let view = match presenting.session.view(&presenting.lesson) {
        Ok(view) => view,
        Err(_) => return html! { <Missing message={l10n.t("teacher-present-not-found")} /> },
    };
    match props.role {
        Role::Audience => audience(&l10n, presenting, &view, &props.live, leave),
        Role::Presenter => {
            html! { <PresenterView presenting={presenting.clone()} live={props.live.clone()} {leave} /> }
        }
    }
}

/// What a command acts on: the session shown, and how to leave it.
type Commanded = (Presenting, Callback<()>);

/// Keys (and a clicker's) and swipes, while the window shows the session.
#[hook]
fn use_commands(presenting: &Presenting, leave: Callback<()>) {
    let latest: Rc<RefCell<Option<Commanded>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some((presenting.clone(), leave));
    use_effect_with((), move |_| {
        let run = {
            let latest = latest.clone();
            move |command: Command| {
                let Some((presenting, leave)) = latest.borrow().clone() else { return };
                run_command(&presenting, &leave, command);
            }
        };
        let keys = {
            let run = run.clone();
            keyboard::on_key(move |press| key_command(press).map(&run).is_some())
        };
        let swipes = touch::on_swipe(move |dx, dy| {
            if let Some(command) = swipe_command(dx, dy) {
                run(command);
            }
        });
        move || drop((keys, swipes))
    });
}

fn run_command(presenting: &Presenting, leave: &Callback<()>, command: Command) {
    match command {
        Command::Next => presenting.act.emit(Action::Next),
        Command::Back => presenting.act.emit(Action::Back),
        Command::ToggleBlank => presenting.act.emit(Action::Blank(!presenting.session.is_blank())),
        Command::ToggleFullScreen => fullscreen::toggle(),
        Command::Leave => leave.emit(()),
    }
}

/// The class's view: the screen, large, and the controls out of the way.
fn audience(l10n: &L10n, presenting: &Presenting, view: &View, live: &LiveSession, leave: Callback<()>) -> Html {
    let blank = presenting.session.is_blank();
    html! {
        <div class={classes!("present", "audience", blank.then_some("is-blank"))}>
            if blank {
                <div class="present-blank">
                    <h1 id="page-heading" class="visually-hidden" tabindex="-1">
                        { l10n.t("teacher-present-blanked") }
                    </h1>
                </div>
            } else {
                <Slide presenting={presenting.clone()} level={1} controls=false />
            }
            <details class="present-controls">
                <summary>{ l10n.t("teacher-present-controls") }</summary>
                <Controls presenting={presenting.clone()} refused={live.refused.clone()} {leave} presenter_link=true />
                if let Some(poll) = poll::panel(presenting, &view.current) {
                    { poll }
                }
                <p class="hint">{ l10n.t("teacher-present-keys") }</p>
            </details>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ControlsProps {
    presenting: Presenting,
    refused: Option<Refused>,
    leave: Callback<()>,
    /// Offer to open the presenter view (in the class's view).
    #[prop_or_default]
    presenter_link: bool,
}

/// Back, next, blank, full screen, leave; why the last action did nothing.
#[component]
fn Controls(props: &ControlsProps) -> Html {
    let l10n = use_l10n();
    let popup_blocked = use_state_eq(|| false);
    let presenting = &props.presenting;
    let blank = presenting.session.is_blank();
    let act = |action: Action| {
        let act = presenting.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(action.clone()))
    };
    let fullscreen = Callback::from(|_: MouseEvent| fullscreen::toggle());
    let leave = {
        let leave = props.leave.clone();
        Callback::from(move |_: MouseEvent| leave.emit(()))
    };
    let open_presenter = {
        let (blocked, id) = (popup_blocked.clone(), presenting.session.id().to_string());
        Callback::from(move |_: MouseEvent| {
            let address = format!("#{}", TeacherRoute::Presenter { session: id.clone() }.path());
            blocked.set(!windows::open(&address, PRESENTER_WINDOW));
        })
    };
    html! {
        <div class="present-buttons">
            <button type="button" class="button secondary" onclick={act(Action::Back)}>{ l10n.t("teacher-present-back") }</button>
            <button type="button" class="button" onclick={act(Action::Next)}>{ l10n.t("teacher-present-next") }</button>
            <button type="button" class="button secondary" aria-pressed={blank.to_string()} onclick={act(Action::Blank(!blank))}>
                { l10n.t(if blank { "teacher-present-unblank" } else { "teacher-present-blank" }) }
            </button>
            <button type="button" class="button secondary" onclick={fullscreen}>{ l10n.t("teacher-present-fullscreen") }</button>
            if props.presenter_link {
                <button type="button" class="button secondary" onclick={open_presenter}>{ l10n.t("teacher-present-open-presenter") }</button>
            }
            <button type="button" class="button secondary" onclick={leave}>{ l10n.t("teacher-present-leave") }</button>
            <p class="present-refused" role="status">
                if *popup_blocked { { l10n.t("teacher-present-popup-blocked") } }
                if let Some(why) = props.refused.as_ref().and_then(refused_message) { { why_text(&l10n, why) } }
            </p>
        </div>
    }
}

/// What to say about a refused action; nothing for one that would have changed nothing.
fn refused_message(refused: &Refused) -> Option<&'static str> {
    Some(match refused {
        Refused::Unchanged | Refused::Poll(PollRefused::Unchanged) => return None,
        Refused::AtEnd => "teacher-present-at-end",
        Refused::AtStart => "teacher-present-at-start",
        Refused::ChooseFirst => "teacher-present-choose-first",
        Refused::Poll(PollRefused::TooLarge) => "teacher-poll-too-large",
        Refused::Poll(PollRefused::AtZero) => "teacher-poll-at-zero",
        Refused::Poll(PollRefused::NotOpen) | Refused::NotPolled => "teacher-poll-not-open",
        _ => "teacher-present-refused",
    })
}

fn why_text(l10n: &L10n, id: &str) -> String {
    if id.starts_with("teacher-poll-") {
        l10n.t_with("teacher-poll-refused", &[("reason", Arg::from(l10n.t(id)))])
    } else {
        l10n.t(id)
    }
}

#[derive(Properties, PartialEq)]
struct PresenterViewProps {
    presenting: Presenting,
    live: LiveSession,
    leave: Callback<()>,
}

/// The teacher's window: the screen the class sees, its notes, what comes next, the clock and
/// every control.
#[component]
fn PresenterView(props: &PresenterViewProps) -> Html {
    let l10n = use_l10n();
    let presenting = &props.presenting;
    let lesson = &presenting.lesson;
    let title = l10n.t_with("teacher-present-presenter-title", &[("lesson", Arg::from(lesson.title.as_str()))]);
    use_title(title.clone());
    let elapsed = use_elapsed_seconds();
    let Ok(view) = presenting.session.view(lesson) else { return Html::default() };
    let (scenario, quiz) = (l10n.t("teacher-present-guide-scenario"), l10n.t("teacher-present-guide-quiz"));
    let words = GuideWords { scenario: &scenario, quiz: &quiz };
    let sources: Vec<String> = lesson.sources.iter().map(|s| s.id.clone()).collect();
    let notes = aware_core::classroom::notes::notes(lesson, &view.current, words);
    let disclosure = aware_core::classroom::notes::disclosure(lesson);
    let language = |locale: &'static crate::deployment::Locale| {
        let act = presenting.act.clone();
        let current = presenting.session.setup().locale.as_str() == locale.id;
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(tag) = Locale::new(locale.id) {
                act.emit(Action::Language(tag));
            }
        });
        html! {
            <button type="button" class="button secondary" lang={locale.id} aria-pressed={current.to_string()} {onclick}>
                { locale.name }
            </button>
        }
    };
    let end = {
        let (act, leave) = (presenting.act.clone(), props.leave.clone());
        Callback::from(move |_: MouseEvent| {
            act.emit(Action::End);
            leave.emit(());
        })
    };
    let audience_open = props.live.peers.audiences > 0;
    html! {
        <div class="present presenter">
            <PageHeading text={title} />
            <p class="present-meta">
                { l10n.t_with("teacher-present-elapsed", &[("minutes", Arg::from((elapsed / 60) as usize)), ("seconds", Arg::from((elapsed % 60) as usize))]) }
                { " · " }
                { l10n.t(if audience_open { "teacher-present-class-screen-open" } else { "teacher-present-class-screen-closed" }) }
                if presenting.session.is_blank() { { " · " }{ l10n.t("teacher-present-blanked") } }
            </p>
            <Controls presenting={presenting.clone()} refused={props.live.refused.clone()} leave={props.leave.clone()} />
            <div class="present-languages" role="group" aria-label={l10n.t("teacher-present-language")}>
                { for LOCALES.iter().map(language) }
            </div>
            <div class="presenter-columns">
                <section class="presenter-current" aria-label={l10n.t_with("teacher-present-screen", &[("number", Arg::from(view.index + 1)), ("total", Arg::from(view.screens))])}>
                    <Slide presenting={presenting.clone()} level={2} controls=true />
                    if let Some(poll) = poll::panel(presenting, &view.current) {
                        { poll }
                    }
                </section>
                <aside class="presenter-side">
                    <section aria-labelledby="presenter-notes">
                        <h2 id="presenter-notes">{ l10n.t("teacher-present-notes") }</h2>
                        if let Some(notes) = notes {
                            <h3><Inlines inlines={notes.heading.to_vec()} /></h3>
                            <Blocks blocks={notes.blocks.to_vec()} sources={sources.clone()} />
                        } else {
                            <p>{ l10n.t("teacher-present-no-notes") }</p>
                        }
                    </section>
                    <section aria-labelledby="presenter-next">
                        <h2 id="presenter-next">{ l10n.t("teacher-present-up-next") }</h2>
                        <p>{ slide::describe(&l10n, view.upcoming.as_ref(), &view.current) }</p>
                    </section>
                    if let Some(disclosure) = disclosure {
                        <details>
                            <summary>{ l10n.t("teacher-present-disclosure") }</summary>
                            <Blocks blocks={disclosure.blocks.to_vec()} sources={sources} />
                        </details>
                    }
                </aside>
            </div>
            <p class="hint">{ l10n.t("teacher-present-keys") }</p>
            <p>
                <button type="button" class="button" onclick={end}>{ l10n.t("teacher-present-end") }</button>
                { " " }
                <Link<TeacherRoute> to={TeacherRoute::Home}>{ l10n.t("teacher-title") }</Link<TeacherRoute>>
            </p>
        </div>
    }
}

/// Whole seconds since this presenter view opened, for the teacher's eyes only: never stored,
/// sent or shown to the class.
#[hook]
fn use_elapsed_seconds() -> u64 {
    let seconds = use_state_eq(|| 0u64);
    {
        let seconds = seconds.setter();
        use_effect_with((), move |_| {
            let watch = Stopwatch::start();
            let interval = timer::every(1000, move || seconds.set(watch.elapsed_seconds()));
            move || drop(interval)
        });
    }
    *seconds
}
