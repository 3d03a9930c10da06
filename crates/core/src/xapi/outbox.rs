//! The outbox: statements waiting to reach the learning record store, kept across reloads and
//! going offline, sent in batches in the background.
//!
//! The app keeps one [`Outbox`] per page, stores [`Outbox::encode`] under one `localStorage`
//! key after every change, and merges what another tab stored ([`Outbox::merge`]) when the
//! `storage` event says so. Sending never blocks the quiz: the app asks for a batch
//! ([`Outbox::next_batch`]) whenever it is idle (after a push, on a timer at
//! [`Outbox::next_try`], on the browser's `online` event after [`Outbox::wake`]), posts it, and
//! reports the answer ([`Outbox::settle`]). The core has no clock and no random source: the
//! caller passes "now" (milliseconds, any monotonic or wall clock) and a random number for
//! the backoff's jitter. Neither is ever stored.
//!
//! What each answer does:
//!
//! | answer | meaning | what happens |
//! | --- | --- | --- |
//! | 2xx (200, 204) | stored | dropped from the outbox, its ids remembered as sent |
//! | 409 | an id is already stored (a resend: every id is random and made once) | one statement: it arrived, dropped; a batch: its statements go one by one |
//! | 400, 413 | the store refuses the statement | one statement: dropped and counted, never retried; a batch: one by one, so one bad statement cannot hold up the others |
//! | 408, 429, 5xx, network error | try later | exponential backoff with jitter |
//! | 401, 403, anything else | the proxy or its credential is wrong | stop sending for this page's life, keep everything |
//!
//! Bounded: at most [`CAPACITY`] statements and [`BUDGET_BYTES`] of them. When full, new
//! statements are not queued (and counted): the oldest are kept, because they complete
//! attempts already begun. Two tabs merge by statement id, and ids already sent are remembered
//! (the last [`SENT_MEMORY`]) so a merge does not bring a sent statement back. Even if one comes
//! back, a resend is harmless: the store answers 204 (identical) or 409 (already there).

use std::collections::{BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Statement, Uuid};

/// The stored value's format; raised when its shape changes.
/// The `localStorage` key the embed view keeps its outbox under (listed and deleted by "Data on
/// this device", `store::Category::Outbox`).
pub const STORAGE_KEY: &str = "aware.xapi.outbox";
pub const FORMAT: u32 = 1;
/// The most statements kept: about 20 attempts at a quiz of 12 items.
pub const CAPACITY: usize = 300;
/// The most bytes of statements kept (an `answered` statement of the real lessons is 1 to 2 KB).
pub const BUDGET_BYTES: usize = 1 << 20;
/// A statement larger than this is refused when queued (none of Aware's comes close).
pub const MAX_STATEMENT_BYTES: usize = 16 * 1024;
/// The most statements in one request.
pub const BATCH: usize = 20;
/// How many sent ids are remembered for merging.
pub const SENT_MEMORY: usize = 300;
/// The longest stored value [`Outbox::decode`] reads; longer is refused unread.
pub const MAX_ENCODED_BYTES: usize = BUDGET_BYTES + CAPACITY * 64 + SENT_MEMORY * 40 + 1024;

/// The first retry waits about this long (milliseconds), each further one twice as long…
pub const BACKOFF_BASE_MS: u64 = 2_000;
/// …up to this.
pub const BACKOFF_CAP_MS: u64 = 5 * 60_000;

#[derive(Debug, Clone, Default)]
pub struct Outbox {
    /// Oldest first.
    pending: Vec<Pending>,
    /// Most recent last.
    sent: VecDeque<Uuid>,
    /// Statements the store refused (400/413 for the statement alone): dropped.
    refused: u32,
    /// Statements not queued because the outbox was full (or the statement too large).
    overflowed: u32,
    // The rest lives only as long as the page: the next page load tries again from the start.
    in_flight: bool,
    failures: u32,
    next_try: u64,
    stopped: bool,
}

#[derive(Debug, Clone)]
struct Pending {
    id: Uuid,
    json: Box<RawValue>,
    /// Sent in a batch of its own, after its batch was refused or conflicted.
    alone: bool,
}

/// What [`Outbox::push`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    Added,
    /// Already waiting or already sent: nothing to do.
    Duplicate,
    /// Full (or the statement is over [`MAX_STATEMENT_BYTES`]): not queued, counted.
    Overflowed,
}

/// One request to make: `POST` [`Batch::body`] to the statements URL with
/// `Content-Type: application/json` and the deployment's `X-Experience-API-Version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    ids: Vec<Uuid>,
    /// A JSON array of the statements.
    pub body: String,
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// The HTTP status (0 for an opaque failure, treated as a network error).
    Status(u16),
    /// No answer: offline, DNS, a timeout, a CORS refusal.
    NetworkError,
}

/// What the app may show a teacher or log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub waiting: usize,
    pub refused: u32,
    pub overflowed: u32,
    /// Sending stopped (401, 403 or another answer that retrying cannot fix).
    pub stopped: bool,
}

/// Why a stored value could not be read (the app keeps it as a backup and starts empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge,
    Malformed,
    WrongFormat { found: u32 },
}

impl Outbox {
    pub fn new() -> Outbox {
        Outbox::default()
    }

    pub fn push(&mut self, statement: &Statement) -> Queued {
        if self.contains(&statement.id) {
            return Queued::Duplicate;
        }
        let json = statement.encode();
        if json.len() > MAX_STATEMENT_BYTES
            || self.pending.len() >= CAPACITY
            || self.bytes() + json.len() > BUDGET_BYTES
        {
            self.overflowed = self.overflowed.saturating_add(1);
            return Queued::Overflowed;
        }
        let json = RawValue::from_string(json).expect("a serialised statement is JSON");
        self.pending.push(Pending { id: statement.id, json, alone: false });
        Queued::Added
    }

    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    pub fn status(&self) -> Status {
        Status {
            waiting: self.pending.len(),
            refused: self.refused,
            overflowed: self.overflowed,
            stopped: self.stopped,
        }
    }

    /// When the next batch may go (the caller's clock), if anything waits and sending has not
    /// stopped: the app sets a timer for it.
    pub fn next_try(&self) -> Option<u64> {
        (!self.pending.is_empty() && !self.stopped && !self.in_flight).then_some(self.next_try)
    }

    /// The next request to make, or `None` when nothing waits, a request is under way, the
    /// backoff has not run out, or sending stopped. The oldest statements go first; a statement
    /// marked to go alone goes alone.
    pub fn next_batch(&mut self, now: u64) -> Option<Batch> {
        if self.in_flight || self.stopped || now < self.next_try {
            return None;
        }
        let first = self.pending.first()?;
        let batch: Vec<&Pending> =
            if first.alone { vec![first] } else { self.pending.iter().take_while(|p| !p.alone).take(BATCH).collect() };
        let mut body = String::with_capacity(2 + batch.iter().map(|p| p.json.get().len() + 1).sum::<usize>());
        body.push('[');
        for (at, pending) in batch.iter().enumerate() {
            if at > 0 {
                body.push(',');
            }
            body.push_str(pending.json.get());
        }
        body.push(']');
        let ids = batch.iter().map(|p| p.id).collect();
        self.in_flight = true;
        Some(Batch { ids, body })
    }

    /// Takes the answer to `batch`. `random` (any value, e.g. from `crypto.getRandomValues`)
    /// spreads retries so that many students' devices coming back online do not retry at once.
    pub fn settle(&mut self, batch: Batch, response: Response, now: u64, random: u32) {
        self.in_flight = false;
        let status = match response {
            Response::Status(status) => status,
            Response::NetworkError => 0,
        };
        match status {
            200..=299 => {
                self.failures = 0;
                self.next_try = 0;
                self.remove(&batch.ids, true);
            }
            409 | 400 | 413 if batch.ids.len() > 1 => {
                for pending in self.pending.iter_mut().filter(|p| batch.ids.contains(&p.id)) {
                    pending.alone = true;
                }
            }
            409 => self.remove(&batch.ids, true),
            400 | 413 => {
                let before = self.pending.len();
                self.remove(&batch.ids, false);
                let dropped = u32::try_from(before - self.pending.len()).unwrap_or(u32::MAX);
                self.refused = self.refused.saturating_add(dropped);
            }
            0 | 408 | 429 | 500..=599 => {
                self.failures = self.failures.saturating_add(1);
                self.next_try = now.saturating_add(backoff(self.failures, random));
            }
            _ => self.stopped = true,
        }
    }

    /// The browser is back online: the next batch may go now rather than after the backoff.
    pub fn wake(&mut self) {
        self.failures = 0;
        self.next_try = 0;
    }

    /// Takes in what another tab stored. Afterwards this outbox holds every statement either
    /// holds, oldest first, except those either has sent; the bounds still hold (statements
    /// over them are counted as overflowed).
    pub fn merge(&mut self, other: Outbox) {
        for id in other.sent {
            self.remember_sent(id);
        }
        let sent: BTreeSet<Uuid> = self.sent.iter().copied().collect();
        self.pending.retain(|p| !sent.contains(&p.id));
        let mut waiting: BTreeSet<Uuid> = self.pending.iter().map(|p| p.id).collect();
        let mut bytes = self.bytes();
        for pending in other.pending {
            if sent.contains(&pending.id) || !waiting.insert(pending.id) {
                continue;
            }
            let size = pending.json.get().len();
            if self.pending.len() >= CAPACITY || bytes + size > BUDGET_BYTES {
                self.overflowed = self.overflowed.saturating_add(1);
                continue;
            }
            bytes += size;
            self.pending.push(Pending { alone: false, ..pending });
        }
        // Both tabs counted their own refusals and overflows, and each stored the other's after
        // a merge: the larger count is the better estimate, a sum would count twice.
        self.refused = self.refused.max(other.refused);
        self.overflowed = self.overflowed.max(other.overflowed);
    }

    /// The value to store.
    pub fn encode(&self) -> String {
        let stored = Stored {
            format: FORMAT,
            statements: self.pending.iter().map(|p| p.json.as_ref()).collect(),
            sent: self.sent.iter().copied().collect(),
            refused: self.refused,
            overflowed: self.overflowed,
        };
        serde_json::to_string(&stored).expect("an outbox of JSON values always serialises")
    }

    /// Reads a stored value. Statements without a UUID `id` are dropped (counted as refused:
    /// the store would refuse them too), repeated ones kept once, and the bounds applied with
    /// the oldest kept. Never panics; reads nothing longer than [`MAX_ENCODED_BYTES`], and
    /// holds no more than it keeps while reading.
    pub fn decode(text: &str) -> Result<Outbox, DecodeError> {
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        if text.len() > MAX_ENCODED_BYTES {
            return Err(DecodeError::TooLarge);
        }
        let format: Format = serde_json::from_str(text).map_err(|_| DecodeError::Malformed)?;
        if format.format != FORMAT {
            return Err(DecodeError::WrongFormat { found: format.format });
        }
        let stored: StoredIn = serde_json::from_str(text).map_err(|_| DecodeError::Malformed)?;
        let mut outbox = Outbox {
            refused: stored.refused.saturating_add(stored.statements.damaged),
            overflowed: stored.overflowed.saturating_add(stored.statements.over),
            sent: stored.sent.0,
            ..Outbox::default()
        };
        for (id, raw) in stored.statements.kept {
            if !outbox.sent.contains(&id) {
                outbox.pending.push(Pending { id, json: raw.to_owned(), alone: false });
            }
        }
        Ok(outbox)
    }

    fn contains(&self, id: &Uuid) -> bool {
        self.pending.iter().any(|p| &p.id == id) || self.sent.contains(id)
    }

    fn bytes(&self) -> usize {
        self.pending.iter().map(|p| p.json.get().len()).sum()
    }

    fn remove(&mut self, ids: &[Uuid], arrived: bool) {
        self.pending.retain(|p| !ids.contains(&p.id));
        if arrived {
            for &id in ids {
                self.remember_sent(id);
            }
        }
    }

    fn remember_sent(&mut self, id: Uuid) {
        if self.sent.contains(&id) {
            return;
        }
        if self.sent.len() == SENT_MEMORY {
            self.sent.pop_front();
        }
        self.sent.push_back(id);
    }
}

impl Batch {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> &[Uuid] {
        &self.ids
    }
}

/// The stored value's shape, as written.
#[derive(Serialize)]
struct Stored<'a> {
    format: u32,
    statements: Vec<&'a RawValue>,
    sent: Vec<Uuid>,
    refused: u32,
    overflowed: u32,
}

/// The stored value's shape, as read: lists are bounded while they are read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredIn<'a> {
    #[serde(rename = "format")]
    _format: u32,
    #[serde(borrow)]
    statements: KeptStatements<'a>,
    sent: KeptSent,
    refused: u32,
    overflowed: u32,
}

/// The statements kept from a stored list: the first that fit the bounds, each once.
struct KeptStatements<'a> {
    kept: Vec<(Uuid, &'a RawValue)>,
    /// Not an object with a UUID `id`.
    damaged: u32,
    /// Over a bound.
    over: u32,
}

/// The last [`SENT_MEMORY`] ids of a stored list.
struct KeptSent(VecDeque<Uuid>);

impl<'de: 'a, 'a> Deserialize<'de> for KeptStatements<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
            type Value = KeptStatements<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of statements")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                /// Only the id of each statement is read; the rest is kept as it was written.
                #[derive(Deserialize)]
                struct Id {
                    id: Uuid,
                }
                let mut out = KeptStatements { kept: Vec::new(), damaged: 0, over: 0 };
                let mut seen = BTreeSet::new();
                let mut bytes = 0;
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    let Ok(Id { id }) = serde_json::from_str::<Id>(raw.get()) else {
                        out.damaged = out.damaged.saturating_add(1);
                        continue;
                    };
                    let size = raw.get().len();
                    if !seen.insert(id) {
                        continue;
                    }
                    if out.kept.len() >= CAPACITY || size > MAX_STATEMENT_BYTES || bytes + size > BUDGET_BYTES {
                        out.over = out.over.saturating_add(1);
                        continue;
                    }
                    bytes += size;
                    out.kept.push((id, raw));
                }
                Ok(out)
            }
        }
        deserializer.deserialize_seq(Visitor(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for KeptSent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeptSent;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of statement ids")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut kept = VecDeque::new();
                while let Some(id) = seq.next_element::<Uuid>()? {
                    if kept.contains(&id) {
                        continue;
                    }
                    if kept.len() == SENT_MEMORY {
                        kept.pop_front();
                    }
                    kept.push_back(id);
                }
                Ok(KeptSent(kept))
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

/// The wait before retry number `failures` (from 1): `BASE · 2^(failures−1)`, at most `CAP`,
/// then "equal jitter": half of it fixed, the other half random, so retries spread out but
/// never come sooner than half the exponential wait.
fn backoff(failures: u32, random: u32) -> u64 {
    let exponential = BACKOFF_BASE_MS.saturating_mul(1u64 << failures.saturating_sub(1).min(20)).min(BACKOFF_CAP_MS);
    let half = exponential / 2;
    half + u64::from(random) % (half + 1)
}

#[cfg(test)]
mod tests;
