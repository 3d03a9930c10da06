//! The embed view (`embed.html`, in a campaign's `<iframe>`): the same student bundle, with the
//! session that talks to the page around it. It answers a listed parent's `hello`, reports the
//! content's height, turns the embedded lesson's progress into the protocol's events
//! (`aware_core::embed::Reporter`, `Channel`) and, when the deployment sends xAPI, hands the
//! statements to the outbox (`platform::xapi`). Which lesson: `?lesson=` in the frame's address
//! (written by `embed.js`).

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::content::Lesson;
use aware_core::embed::{Channel, ChildMessage, Height, Reporter};
use aware_core::progress::LessonProgress;
use yew::prelude::*;

use crate::platform::embed::{self, EmbedSettings};
use crate::platform::{location, random, xapi};
use crate::state::{Loadable, use_for_band, use_l10n, use_lesson, use_progress};

/// Whether the running page is the embed view: no site navigation, "Exit this page" leaves the
/// whole window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Embedded(pub bool);

/// Whether the screen is shown in the embed view.
#[hook]
pub fn use_embedded() -> bool {
    use_context::<Embedded>().unwrap_or_default().0
}

struct Session {
    settings: EmbedSettings,
    channel: Channel,
    sender: Option<xapi::Sender>,
}

impl Session {
    fn start() -> Session {
        let settings = embed::settings();
        let sender = settings.xapi.clone().map(xapi::Sender::start);
        Session { settings, channel: Channel::new(), sender }
    }

    fn post(&self, messages: &[ChildMessage]) {
        if let Some(parent) = self.channel.parent() {
            for message in messages {
                embed::post_to_parent(parent, &message.encode());
            }
        }
    }

    fn send(&mut self, message: ChildMessage) {
        if let Some(message) = self.channel.send(message) {
            self.post(&[message]);
        }
    }
}

/// The same session (compared by address: there is one per page).
#[derive(Clone)]
struct SessionHandle(Rc<RefCell<Session>>);

impl PartialEq for SessionHandle {
    fn eq(&self, other: &SessionHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedSessionProps {
    #[prop_or_default]
    pub children: Html,
}

/// Around the student's screens in the embed view (inside the progress and content providers).
#[component]
pub fn EmbedSession(props: &EmbedSessionProps) -> Html {
    let session = use_mut_ref(Session::start);
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            let heard = {
                let session = session.clone();
                embed::on_parent_message(move |origin, data| {
                    let mut session = session.borrow_mut();
                    let Session { settings, channel, .. } = &mut *session;
                    if let Ok(answer) = channel.hear(&origin, &data, &settings.parents) {
                        session.post(&answer);
                    }
                })
            };
            let height = embed::on_content_height(move |pixels| {
                session.borrow_mut().send(ChildMessage::Resize { height: Height::from_measured(pixels) });
            });
            move || drop((heard, height))
        });
    }
    let watched = location::query("lesson").map(|id| {
        let session = SessionHandle(session.clone());
        html! { <WatchLesson {id} {session} /> }
    });
    html! {
        <ContextProvider<Embedded> context={Embedded(true)}>
            { props.children.clone() }
            { for watched }
        </ContextProvider<Embedded>>
    }
}

#[derive(Properties, PartialEq)]
struct WatchLessonProps {
    id: AttrValue,
    session: SessionHandle,
}

#[component]
fn WatchLesson(props: &WatchLessonProps) -> Html {
    match use_lesson(&props.id) {
        Loadable::Ready(lesson) => html! { <WatchProgress {lesson} session={props.session.clone()} /> },
        _ => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct WatchProgressProps {
    lesson: Rc<Lesson>,
    session: SessionHandle,
}

/// Reports each change of the lesson's progress (as the student's band sees the lesson).
#[component]
fn WatchProgress(props: &WatchProgressProps) -> Html {
    let progress = use_progress();
    let language = use_l10n().locale();
    let seen = use_for_band(props.lesson.clone());
    let now: Option<LessonProgress> = progress.progress.lesson(&props.lesson.id).cloned();
    let last = use_mut_ref(|| now.clone());
    let reporter = use_mut_ref(|| {
        // Without a cryptographic random source no statement id or actor could be made safely.
        let xapi = props.session.0.borrow().settings.xapi.clone();
        Reporter::new(xapi.as_ref().filter(|_| random::id_bytes().is_some()))
    });
    let session = props.session.clone();
    use_effect_with(now, move |now| {
        let before = last.replace(now.clone());
        if let Some(lesson) = seen {
            let report = reporter
                .borrow_mut()
                .changed(&lesson, &language, before.as_ref(), now.as_ref(), || random::id_bytes().unwrap_or_default());
            let mut session = session.0.borrow_mut();
            for message in report.messages {
                session.send(message);
            }
            if let Some(sender) = &session.sender {
                sender.send(&report.statements);
            }
        }
    });
    Html::default()
}
