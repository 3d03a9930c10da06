//! A classroom session running in this window, in step with its other window on the same device
//! (the presenter's or the audience's): `aware_core::classroom::Window` over a
//! `BroadcastChannel`, with its heartbeat every two seconds, `bye` when the window goes, and the
//! session saved at each checkpoint of this window's own actions (and, so that the place is kept,
//! when the window goes).
//!
//! A window opened on a session this device keeps starts from the kept copy and takes any later
//! one the other window holds at once; a window on a session it does not have (none kept here,
//! or the teacher's sessions are locked) asks the other window and waits. Either window works
//! alone: every window holds the whole session and takes every action.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use aware_core::classroom::{
    Action, BandLesson, CHANNEL, Outcome, Peers, Refused, Role, Session, SessionId, Window, WindowId,
};
use yew::prelude::*;

use super::sessions::use_sessions;
use crate::platform::broadcast::Channel;
use crate::platform::{random, timer, windows};

/// The heartbeat (`Window::tick`): a lost message is made good within two seconds, and a closed
/// window is noticed within [`aware_core::classroom::sync::QUIET_TICKS`] of them.
const TICK_MS: i32 = 2000;

/// What a window of a session renders, and how it acts.
#[derive(Clone, PartialEq)]
pub struct LiveSession {
    /// `None` until a joining window has received the session.
    pub session: Option<Rc<Session>>,
    /// The session's other windows.
    pub peers: Peers,
    /// Why the last action taken here was refused (until the next one is taken).
    pub refused: Option<Refused>,
    /// Heartbeats spent waiting for a session nobody sent.
    pub waited: u32,
    /// Takes an action here and in the other windows (the lesson as the session's band sees it).
    pub act: Callback<(Action, Rc<BandLesson<'static>>)>,
}

#[derive(Clone, PartialEq)]
struct Snapshot {
    session: Option<Rc<Session>>,
    peers: Peers,
}

impl Snapshot {
    fn of(window: &Window) -> Snapshot {
        Snapshot { session: window.session().cloned().map(Rc::new), peers: window.peers() }
    }
}

struct Engine {
    window: Window,
    channel: Option<Channel>,
    /// The revision this window last saved (or found kept).
    saved: u64,
}

type Shared = Rc<RefCell<Option<Engine>>>;

impl Engine {
    /// Posts what `outcome` asks to send; shows the session again when it or the peers changed.
    fn deliver(&self, outcome: Outcome, show: &impl Fn(Snapshot)) {
        if let Some(channel) = &self.channel {
            for message in &outcome.send {
                channel.post(&message.encode());
            }
        }
        if outcome.session_changed || outcome.peers_changed {
            show(Snapshot::of(&self.window));
        }
    }

    /// The session, when it is later than what this window saved.
    fn unsaved(&mut self) -> Option<Session> {
        let session = self.window.session().filter(|session| session.revision() > self.saved)?.clone();
        self.saved = session.revision();
        Some(session)
    }
}

/// Runs session `id` in this window, as `role`.
#[hook]
pub fn use_live_session(id: SessionId, role: Role) -> LiveSession {
    let sessions = use_sessions();
    let engine: Shared = use_mut_ref(|| None);
    let snapshot = use_state_eq(|| Snapshot { session: None, peers: Peers::default() });
    let refused = use_state_eq(|| None::<Refused>);
    let waited = use_state_eq(|| 0u32);
    // The latest save callback, for the listeners set up once.
    let save = use_mut_ref(|| sessions.save.clone());
    *save.borrow_mut() = sessions.save.clone();

    {
        let (engine, save) = (engine.clone(), save.clone());
        let (show, waited) = (snapshot.setter(), waited.setter());
        let kept = sessions.find(id).cloned();
        use_effect_with((id, role), move |&(id, role)| {
            let me = WindowId::from_random(random::distinct_bytes());
            let saved = kept.as_ref().map_or(0, Session::revision);
            let (window, first) = match kept {
                Some(session) => Window::resume(me, role, session),
                None => Window::join(me, role, id),
            };
            let show = move |snapshot: Snapshot| show.set(snapshot);
            let channel = {
                let (engine, show) = (engine.clone(), show.clone());
                Channel::open(CHANNEL, move |text| {
                    if let Some(engine) = engine.borrow_mut().as_mut() {
                        // Anything not a message of this session (another app's, a damaged
                        // one) is refused by the decoder and changes nothing.
                        if let Ok(outcome) = engine.window.receive(&text) {
                            engine.deliver(outcome, &show);
                        }
                    }
                })
            };
            let started = Engine { window, channel, saved };
            started.deliver(first, &show);
            *engine.borrow_mut() = Some(started);
            let heartbeat = {
                let (engine, show) = (engine.clone(), show.clone());
                let quiet = Cell::new(0);
                timer::every(TICK_MS, move || {
                    if let Some(engine) = engine.borrow_mut().as_mut() {
                        let outcome = engine.window.tick();
                        engine.deliver(outcome, &show);
                        if engine.window.session().is_none() {
                            quiet.set(quiet.get() + 1);
                            waited.set(quiet.get());
                        }
                    }
                })
            };
            let leave = {
                let (engine, save) = (engine.clone(), save.clone());
                move || {
                    let unsaved = engine.borrow_mut().as_mut().and_then(|engine| {
                        if let Some(channel) = &engine.channel {
                            channel.post(&engine.window.leave().encode());
                        }
                        engine.unsaved()
                    });
                    if let Some(session) = unsaved {
                        save.borrow().emit(session);
                    }
                }
            };
            let hidden = windows::on_page_hide(leave.clone());
            move || {
                leave();
                drop((heartbeat, hidden));
                engine.borrow_mut().take();
            }
        });
    }

    let act = {
        let (engine, save) = (engine.clone(), save.clone());
        let (show, refused) = (snapshot.setter(), refused.setter());
        Callback::from(move |(action, lesson): (Action, Rc<BandLesson<'static>>)| {
            let checkpoint = {
                let mut held = engine.borrow_mut();
                let Some(engine) = held.as_mut() else { return };
                match engine.window.act(action, &lesson) {
                    Ok(outcome) => {
                        refused.set(None);
                        let checkpoint = outcome.checkpoint;
                        engine.deliver(outcome, &|snapshot| show.set(snapshot));
                        checkpoint.then(|| engine.unsaved()).flatten()
                    }
                    Err(why) => {
                        refused.set(Some(why));
                        None
                    }
                }
            };
            if let Some(session) = checkpoint {
                save.borrow().emit(session);
            }
        })
    };

    LiveSession {
        session: snapshot.session.clone(),
        peers: snapshot.peers,
        refused: (*refused).clone(),
        waited: *waited,
        act,
    }
}
