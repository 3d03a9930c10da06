//! A poll of the class on one question: counts per option that the teacher enters (or the
//! camera fills), before and after discussion, and the reveal of the key.
//!
//! **What is counted.** One count per option, in the order the options are shown (option `k` is
//! letter `A + k`, and panel `k` of a printed answer card). A "select all that apply" question
//! counts each option on its own, so its counts add up to more than the class; the teacher
//! also enters how many students answered ([`Counter::Answered`]), the base of its shares. No
//! count is linked to a student: there is no place here for a name, a card number or a time.
//!
//! **Rounds.** The first poll is [`Round::Before`] discussion. After discussion the teacher may
//! poll again once ([`Poll::repoll`]): [`Round::After`], kept beside the first (peer
//! instruction). Whether the key had been revealed before the second poll is kept with it, since
//! it changes what the second tally means.
//!
//! **Shares** are whole percentages by [`Percent::whole`]: exact integer arithmetic, halves
//! rounded up, so equal counts always show equal shares (the shares of a single-answer question
//! may therefore add up to 99 or 101). A single-answer question's base is the sum of its counts;
//! a multiple-answer question's is the number who answered, and it shows no shares while that
//! number is missing or smaller than a count.
//!
//! **Undo** takes back the count changes made since the round was opened, one at a time, up to
//! [`MAX_UNDO`] of them.

use crate::content::{QuizItem, QuizKind};
use crate::study::suppression::Percent;

/// The largest count a poll takes: more than any class or school hall.
pub const MAX_COUNT: u32 = 9_999;
/// Count changes that can be undone in a round.
pub const MAX_UNDO: usize = 100;
/// Options a polled question may have: letters A to Z.
pub const MAX_OPTIONS: usize = 26;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Round {
    Before,
    After,
}

impl Round {
    pub fn as_str(self) -> &'static str {
        match self {
            Round::Before => "before",
            Round::After => "after",
        }
    }

    pub fn parse(text: &str) -> Option<Round> {
        [Round::Before, Round::After].into_iter().find(|round| round.as_str() == text)
    }
}

/// What a count change applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    /// The option shown `k`-th (from 0).
    Option(usize),
    /// How many students answered a multiple-answer question.
    Answered,
}

/// A count change: the +/− buttons, or a typed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Up,
    Down,
    Set(u32),
}

/// The counts of one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    counts: Vec<u32>,
    /// Multiple-answer questions only: how many answered, once entered.
    answered: Option<u32>,
}

/// Why a poll did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollRefused {
    /// Counts change only while a round is open.
    NotOpen,
    AlreadyOpen,
    /// No such option, or "answered" on a single-answer question.
    NoSuchCounter,
    /// Above [`MAX_COUNT`].
    TooLarge,
    /// A count cannot go below 0.
    AtZero,
    /// The change leaves the count as it was.
    Unchanged,
    /// A fill with another number of counts than options.
    WrongLength,
    NothingToUndo,
    /// A second poll needs a first, closed or open, and is taken only once.
    NoFirstRound,
    AlreadyRepolled,
    AlreadyRevealed,
}

/// The poll of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    kind: QuizKind,
    options: Vec<String>,
    before: Option<Tally>,
    after: Option<Tally>,
    open: Option<Round>,
    revealed: bool,
    after_key_shown: bool,
    /// The open round's earlier tallies, latest last.
    history: Vec<Tally>,
}

impl Tally {
    fn zero(options: usize) -> Tally {
        Tally { counts: vec![0; options], answered: None }
    }

    /// One count per option, in the order shown.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// The number who answered, as entered (multiple-answer questions only).
    pub fn answered(&self) -> Option<u32> {
        self.answered
    }

    /// The base of the shares: the sum of the counts for a single-answer question, the number
    /// who answered for a multiple-answer one (when entered and at least every count).
    pub fn base(&self, kind: QuizKind) -> Option<u64> {
        match kind {
            QuizKind::Multiple => {
                let answered = self.answered?;
                self.counts.iter().all(|&count| count <= answered).then_some(u64::from(answered))
            }
            QuizKind::Single | QuizKind::TrueFalse => Some(self.counts.iter().map(|&c| u64::from(c)).sum()),
        }
    }

    /// Each option's share of [`Self::base`] in whole percent; `None` without a base (or a base of 0).
    pub fn shares(&self, kind: QuizKind) -> Vec<Option<u8>> {
        let base = self.base(kind);
        self.counts.iter().map(|&count| base.and_then(|base| Percent::whole(u64::from(count), base))).collect()
    }

    pub(super) fn from_parts(counts: Vec<u32>, answered: Option<u32>) -> Tally {
        Tally { counts, answered }
    }
}

impl Poll {
    /// A question not yet polled; its options in the order the lesson shows them.
    pub fn new(item: &QuizItem) -> Poll {
        Poll {
            kind: item.kind,
            options: item.options.iter().map(|option| option.id.clone()).collect(),
            before: None,
            after: None,
            open: None,
            revealed: false,
            after_key_shown: false,
            history: Vec::new(),
        }
    }

    pub fn kind(&self) -> QuizKind {
        self.kind
    }

    /// The option ids in the order shown (letter A first).
    pub fn options(&self) -> &[String] {
        &self.options
    }

    pub fn tally(&self, round: Round) -> Option<&Tally> {
        match round {
            Round::Before => self.before.as_ref(),
            Round::After => self.after.as_ref(),
        }
    }

    /// The round taking counts now, if any.
    pub fn open_round(&self) -> Option<Round> {
        self.open
    }

    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    /// Whether the key had been revealed when the second poll was opened.
    pub fn after_key_shown(&self) -> bool {
        self.after_key_shown
    }

    pub fn can_undo(&self) -> bool {
        self.open.is_some() && !self.history.is_empty()
    }

    /// Opens the first round, or opens again the latest round after it was closed.
    pub fn open(&mut self) -> Result<(), PollRefused> {
        if self.open.is_some() {
            return Err(PollRefused::AlreadyOpen);
        }
        self.open = Some(match (&self.before, &self.after) {
            (None, _) => {
                self.before = Some(Tally::zero(self.options.len()));
                Round::Before
            }
            (Some(_), None) => Round::Before,
            (Some(_), Some(_)) => Round::After,
        });
        Ok(())
    }

    pub fn close(&mut self) -> Result<(), PollRefused> {
        self.open.take().ok_or(PollRefused::NotOpen)?;
        self.history.clear();
        Ok(())
    }

    /// Polls again after discussion; the first round is closed and kept.
    pub fn repoll(&mut self) -> Result<(), PollRefused> {
        if self.before.is_none() {
            return Err(PollRefused::NoFirstRound);
        }
        if self.after.is_some() {
            return Err(PollRefused::AlreadyRepolled);
        }
        self.history.clear();
        self.after = Some(Tally::zero(self.options.len()));
        self.after_key_shown = self.revealed;
        self.open = Some(Round::After);
        Ok(())
    }

    /// Shows the key and the explanations; an open round is closed first.
    pub fn reveal(&mut self) -> Result<(), PollRefused> {
        if self.revealed {
            return Err(PollRefused::AlreadyRevealed);
        }
        let _ = self.close();
        self.revealed = true;
        Ok(())
    }

    pub fn count(&mut self, counter: Counter, change: Change) -> Result<(), PollRefused> {
        let kind = self.kind;
        let option_count = self.options.len();
        let tally = self.open_tally()?;
        let value = match counter {
            Counter::Option(k) if k < option_count => tally.counts[k],
            Counter::Answered if kind == QuizKind::Multiple => tally.answered.unwrap_or(0),
            _ => return Err(PollRefused::NoSuchCounter),
        };
        let next = match change {
            Change::Up if value >= MAX_COUNT => return Err(PollRefused::TooLarge),
            Change::Up => value + 1,
            Change::Down => value.checked_sub(1).ok_or(PollRefused::AtZero)?,
            Change::Set(n) if n > MAX_COUNT => return Err(PollRefused::TooLarge),
            Change::Set(n) => n,
        };
        let unchanged = match counter {
            Counter::Option(_) => next == value,
            Counter::Answered => tally.answered == Some(next),
        };
        if unchanged {
            return Err(PollRefused::Unchanged);
        }
        let mut changed = tally.clone();
        match counter {
            Counter::Option(k) => changed.counts[k] = next,
            Counter::Answered => changed.answered = Some(next),
        }
        self.replace_open(changed);
        Ok(())
    }

    /// Sets every option's count at once (the camera's tally), as one step to undo.
    pub fn fill(&mut self, counts: &[u32]) -> Result<(), PollRefused> {
        let option_count = self.options.len();
        let tally = self.open_tally()?;
        if counts.len() != option_count {
            return Err(PollRefused::WrongLength);
        }
        if counts.iter().any(|&count| count > MAX_COUNT) {
            return Err(PollRefused::TooLarge);
        }
        if tally.counts == counts {
            return Err(PollRefused::Unchanged);
        }
        let changed = Tally { counts: counts.to_vec(), answered: tally.answered };
        self.replace_open(changed);
        Ok(())
    }

    pub fn undo(&mut self) -> Result<(), PollRefused> {
        let round = self.open.ok_or(PollRefused::NotOpen)?;
        let previous = self.history.pop().ok_or(PollRefused::NothingToUndo)?;
        *self.slot(round) = Some(previous);
        Ok(())
    }

    fn open_tally(&self) -> Result<&Tally, PollRefused> {
        let round = self.open.ok_or(PollRefused::NotOpen)?;
        self.tally(round).ok_or(PollRefused::NotOpen)
    }

    fn slot(&mut self, round: Round) -> &mut Option<Tally> {
        match round {
            Round::Before => &mut self.before,
            Round::After => &mut self.after,
        }
    }

    /// Replaces the open round's tally (which [`Self::open_tally`] has found), keeping the old
    /// one to undo.
    fn replace_open(&mut self, changed: Tally) {
        let Some(round) = self.open else { return };
        let Some(previous) = self.slot(round).replace(changed) else { return };
        if self.history.len() == MAX_UNDO {
            self.history.remove(0);
        }
        self.history.push(previous);
    }
}

/// The parts of a poll, for the codec; checked there before a poll is made.
pub(super) struct PollParts {
    pub kind: QuizKind,
    pub options: Vec<String>,
    pub before: Option<Tally>,
    pub after: Option<Tally>,
    pub open: Option<Round>,
    pub revealed: bool,
    pub after_key_shown: bool,
    pub history: Vec<Tally>,
}

impl Poll {
    pub(super) fn into_parts(self) -> PollParts {
        let Poll { kind, options, before, after, open, revealed, after_key_shown, history } = self;
        PollParts { kind, options, before, after, open, revealed, after_key_shown, history }
    }

    /// A poll from parts the codec has checked: every tally has one count per option, an open
    /// round has its tally, a second round has a first.
    pub(super) fn from_parts(parts: PollParts) -> Poll {
        let PollParts { kind, options, before, after, open, revealed, after_key_shown, history } = parts;
        Poll { kind, options, before, after, open, revealed, after_key_shown, history }
    }
}

impl Poll {
    /// Drops the undo history: it is for this visit, not for storage.
    pub(super) fn forget_history(&mut self) {
        self.history.clear();
    }
}

/// The letter of the option shown `index`-th (from 0): `A`, `B`, … `Z`.
pub fn letter(index: usize) -> Option<char> {
    u8::try_from(index).ok().filter(|&i| usize::from(i) < MAX_OPTIONS).map(|i| char::from(b'A' + i))
}
