//! The state machine each window of a session runs, so the presenter's and the audience's
//! windows stay in step, and either keeps working when the other closes.
//!
//! **Whole state, latest wins.** A window that changes the session (any [`Action`], from either
//! window) sends the whole session in a `state` message. A window takes a received state when it
//! is later than its own: a higher revision, or the same revision from a higher writer id (so
//! two windows that changed the session at the same moment settle on the same copy; the other
//! change is lost, which only a click in both windows at once can cause). States are small, and
//! whole states cannot drift apart the way replayed actions can when two windows act at once.
//!
//! **Joining and leaving.** A window opens with `hello`; any window holding the session answers
//! with its state, so an audience window opened (or reloaded) mid-lesson catches up at once.
//! The app calls [`Window::tick`] every couple of seconds: it sends `alive` with the revision
//! held, which a window holding a later state answers with that state (nothing is lost when a
//! message was), and forgets a peer not heard for [`QUIET_TICKS`] ticks. A window closing sends
//! `bye`. Every window holds the whole session and takes every action, so when one closes, or
//! is never opened, the other simply goes on: it can take over the controls ([`Window::peers`]
//! says who is there).
//!
//! **Saving.** Only the window whose action made a checkpoint saves ([`Outcome::checkpoint`]);
//! a received state is never saved again by the receiver.

use std::collections::BTreeMap;

use super::BandLesson;
use super::protocol::{Body, Message, MessageError, Role, WindowId};
use super::session::{Action, Refused, Session, SessionId};

/// Ticks without a message after which a peer counts as gone.
pub const QUIET_TICKS: u8 = 3;

/// One window's side of the session.
#[derive(Debug, Clone)]
pub struct Window {
    me: WindowId,
    role: Role,
    session_id: SessionId,
    /// The session and the window whose change made it.
    held: Option<(Session, WindowId)>,
    peers: BTreeMap<WindowId, Peer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Peer {
    role: Role,
    quiet: u8,
}

/// Who else is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Peers {
    pub presenters: usize,
    pub audiences: usize,
}

/// What a call did: messages to post, and what to render or save again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    pub send: Vec<Message>,
    /// The session changed: render again.
    pub session_changed: bool,
    /// A window came or went.
    pub peers_changed: bool,
    /// This window's action made a checkpoint: save the session.
    pub checkpoint: bool,
}

impl Window {
    /// The window that starts a session (usually the presenter's): it has the state.
    pub fn start(me: WindowId, role: Role, session: Session) -> (Window, Outcome) {
        let window = Window { me, role, session_id: session.id(), held: Some((session, me)), peers: BTreeMap::new() };
        let mut send = vec![window.hello()];
        send.extend(window.state());
        (window, Outcome { send, session_changed: true, ..Outcome::default() })
    }

    /// A window that joins a running session (the audience's, opened by the presenter, or a
    /// reload): it waits for the state.
    pub fn join(me: WindowId, role: Role, session_id: SessionId) -> (Window, Outcome) {
        let window = Window { me, role, session_id, held: None, peers: BTreeMap::new() };
        let send = vec![window.hello()];
        (window, Outcome { send, ..Outcome::default() })
    }

    /// A window that resumes a session kept on the device (after both windows were closed).
    pub fn resume(me: WindowId, role: Role, session: Session) -> (Window, Outcome) {
        Window::start(me, role, session)
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn session_id(&self) -> SessionId {
        self.session_id
    }

    /// `None` until a joining window has received the state.
    pub fn session(&self) -> Option<&Session> {
        self.held.as_ref().map(|(session, _)| session)
    }

    pub fn peers(&self) -> Peers {
        let mut peers = Peers::default();
        for peer in self.peers.values() {
            match peer.role {
                Role::Presenter => peers.presenters += 1,
                Role::Audience => peers.audiences += 1,
            }
        }
        peers
    }

    /// Applies an action taken in this window and tells the others.
    pub fn act(&mut self, action: Action, lesson: &BandLesson) -> Result<Outcome, Refused> {
        let Some((session, writer)) = &mut self.held else { return Err(Refused::NoState) };
        let applied = session.apply(action, lesson)?;
        *writer = self.me;
        let send = self.state().into_iter().collect();
        Ok(Outcome { send, session_changed: true, checkpoint: applied.checkpoint, ..Outcome::default() })
    }

    /// A message from the channel. Messages of other sessions and this window's own are ignored.
    pub fn receive(&mut self, text: &str) -> Result<Outcome, MessageError> {
        let Message { session, from, body } = Message::decode(text)?;
        let mut outcome = Outcome::default();
        if session != self.session_id || from == self.me {
            return Ok(outcome);
        }
        match body {
            Body::Bye => {
                outcome.peers_changed = self.peers.remove(&from).is_some();
                return Ok(outcome);
            }
            Body::Hello { role } => {
                outcome.peers_changed = self.heard(from, role);
                outcome.send.extend(self.state());
            }
            Body::Alive { role, revision } => {
                outcome.peers_changed = self.heard(from, role);
                match self.session() {
                    Some(session) if session.revision() > revision => outcome.send.extend(self.state()),
                    Some(_) => {}
                    None => outcome.send.push(self.hello()),
                }
            }
            Body::State { role, writer, state } => {
                outcome.peers_changed = self.heard(from, role);
                if self.is_later(&state, writer) {
                    let fits = self.session().is_none_or(|ours| {
                        let (a, b) = (ours.setup(), state.setup());
                        a.lesson == b.lesson && a.band == b.band
                    });
                    if !fits {
                        return Err(MessageError::Malformed("another lesson or band".into()));
                    }
                    self.held = Some((*state, writer));
                    outcome.session_changed = true;
                } else if self.session().is_some_and(|ours| ours.revision() > state.revision()) {
                    // The sender is behind (it missed a message): catch it up.
                    outcome.send.extend(self.state());
                }
            }
        }
        Ok(outcome)
    }

    /// Every couple of seconds: a heartbeat (or, without a state yet, another `hello`), and
    /// peers not heard for [`QUIET_TICKS`] ticks are forgotten.
    pub fn tick(&mut self) -> Outcome {
        let before = self.peers.len();
        for peer in self.peers.values_mut() {
            peer.quiet = peer.quiet.saturating_add(1);
        }
        self.peers.retain(|_, peer| peer.quiet <= QUIET_TICKS);
        let send = match self.session() {
            Some(session) => vec![self.message(Body::Alive { role: self.role, revision: session.revision() })],
            None => vec![self.hello()],
        };
        Outcome { send, peers_changed: self.peers.len() != before, ..Outcome::default() }
    }

    /// The message to send when the window closes (`pagehide`).
    pub fn leave(&self) -> Message {
        self.message(Body::Bye)
    }

    fn message(&self, body: Body) -> Message {
        Message { session: self.session_id, from: self.me, body }
    }

    fn hello(&self) -> Message {
        self.message(Body::Hello { role: self.role })
    }

    fn state(&self) -> Option<Message> {
        let (session, writer) = self.held.as_ref()?;
        Some(self.message(Body::State { role: self.role, writer: *writer, state: Box::new(session.clone()) }))
    }

    /// Whether a received state is later than the one held.
    fn is_later(&self, state: &Session, writer: WindowId) -> bool {
        match &self.held {
            None => true,
            Some((ours, our_writer)) => (state.revision(), writer) > (ours.revision(), *our_writer),
        }
    }

    /// Notes a peer heard from; returns whether it is new.
    fn heard(&mut self, from: WindowId, role: Role) -> bool {
        self.peers.insert(from, Peer { role, quiet: 0 }).is_none_or(|was| was.role != role)
    }
}
