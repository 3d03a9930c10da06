//! Classroom sessions: a teacher presents a lesson on a projector from their own device, polls
//! the class on each question, reveals the key, and keeps a summary. Everything beneath the
//! present, presenter, poll and summary screens, pure and tested natively.
//!
//! - [`band_lesson`]: the lesson as the chosen age band sees it, the only way this module reads
//!   a lesson ([`BandLesson`]).
//! - [`deck`]: the screens in order (opening, sections cut at their scenarios, scenarios,
//!   questions, closing).
//! - [`poll`]: counts per option entered by the teacher (or filled by the camera), before and
//!   after discussion, undo, reveal, and exact shares.
//! - [`session`]: a session's state and the one function that changes it, [`Session::apply`].
//! - [`protocol`] and [`sync`]: the versioned messages between the presenter's and the
//!   audience's windows and the state machine each runs, so either can close and the other goes
//!   on.
//! - [`codec`] and [`stored`]: a session as JSON, and the sessions a device keeps.
//! - [`summary`]: the session summary and its CSV, JSON and codebook.
//! - [`controls`]: what a key, a clicker's key or a swipe means in the present views.
//! - [`notes`]: the part of the teacher guide the presenter view shows for each screen.
//!
//! **Invariant:** nothing here holds a name, a card number, a student's answer, a rank or a time
//! of day; a session has a date. The camera's per-card answers stay in the camera's collector
//! (`aware_vision::poll`), which hands over counts only.

pub mod band_lesson;
pub mod codec;
pub mod controls;
pub mod deck;
pub mod notes;
pub mod poll;
pub mod protocol;
pub mod session;
pub mod stored;
pub mod summary;
pub mod sync;

pub use band_lesson::{BandLesson, NotForBand};
pub use controls::{Command, Focus, KeyPress, key_command, swipe_command};
pub use deck::{Deck, Screen, section_part};
pub use notes::{GuideWords, Notes};
pub use poll::{Change, Counter, Poll, PollRefused, Round, Tally, letter};
pub use protocol::{Body, CHANNEL, Message, MessageError, Role, WindowId};
pub use session::{Action, Applied, Current, Place, Refused, ScenarioPlace, Session, SessionId, Setup, View};
pub use stored::{ClassSessions, Kept, SessionsDecodeError};
pub use summary::Summary;
pub use sync::{Outcome, Peers, Window};
