//! xAPI (the Experience API): the statements an embedded quiz sends to a campaign's learning
//! record store, and the outbox that keeps them until they arrive.
//!
//! What a store learns, and what it cannot:
//!
//! - **Who**: nobody. The actor is an `account` on Aware's site (`[xapi] site_url`) whose name
//!   is a random UUID made for one attempt at one quiz and forgotten when it ends ([`Attempt`]).
//!   Two attempts, even on one device, cannot be linked; a study code never appears.
//! - **What**: `attempted` when a quiz starts, `answered` for the first check of each item
//!   (`cmi.interaction` of type `choice`, or `true-false`, with the choices' ids and wording in
//!   the lesson's language, the correct pattern, `result.response` and `result.success`), and
//!   `completed` with `result.score {scaled, raw, min, max}` when every item is solved. Verbs
//!   and activity types are ADL's; activity ids are built by [`QuizActivity`].
//! - **No pass mark of Aware's own**: the quiz is formative (students retry until every item is
//!   solved, with explanations), and no standard setting has ever fixed a cut score for it. A
//!   campaign may set one (`[xapi] pass_mark`, [`crate::deployment::PassMark`]): then
//!   `passed` or `failed` follows `completed`, with the same score and `result.success`.
//!   Without it, neither is sent; the score's distribution (`aware xapi-report`) tells a
//!   campaign more than a pass rate would.
//! - **When**: only what the store itself records (`stored`). Statements carry no `timestamp`:
//!   xAPI 1.0.3 and 2.0.0 both make it optional (the store then uses `stored`), and neither can
//!   express a coarser one honestly (1.0.3 wants ISO 8601 with millisecond precision kept, 2.0.0
//!   an RFC 3339 date-time), so a "day-precision" timestamp would have to invent a time of day.
//!   No `duration`, no `context.registration` (it would group a person's statements beyond
//!   one attempt), no `platform`, no user agent, no extensions.
//! - **Ids**: every statement's id is a UUID v4 from random bytes the caller supplies, made once:
//!   sending it again is harmless (the store answers 204 for an identical statement and 409 for
//!   an id it already holds).
//!
//! Every property used means the same under xAPI 1.0.3 and 2.0.0;
//! `crates/core/tests/xapi_statements.rs` checks each statement against both versions' rules.

mod activity;
mod attempt;
pub mod outbox;
mod statement;
mod uuid;

pub use activity::QuizActivity;
pub use attempt::{Attempt, IdBytes, LIST_SEPARATOR};
pub use outbox::Outbox;
pub use statement::*;
pub use uuid::Uuid;
