//! A classroom session: one lesson presented to a class in a chosen band and language, the
//! place in it, and a poll per question.
//!
//! A session is pure state changed only by [`Session::apply`]: the presenter and the audience
//! windows each hold one and keep them equal (see [`super::sync`]), and the device store keeps
//! it (see [`super::stored`]). Every change either happens whole or is refused with a reason
//! and changes nothing; a change raises the [`Session::revision`] by one.
//!
//! **Privacy.** A session holds the lesson, band, language, date (a day, never a time), the
//! class size the teacher typed, and counts per option. It has no place for a name, a card
//! number, a student's answer or a time of day: the presenter's elapsed-time clock lives only in
//! the presenter window and is never in a session or a message.
//!
//! **Navigation.** [`Action::Next`] and [`Action::Back`] walk the [`Deck`]. On a scenario they
//! walk its steps instead: a step with choices waits for the choice the class made
//! ([`Action::Choose`], which shows its consequence); "next" then goes to the step it leads to,
//! and "back" steps back to the choice before. At an ending, "next" leaves the scenario. Each
//! scenario remembers where it was left, so coming back to it (or jumping to it) returns there;
//! [`Action::Restart`] plays it again from the start. Leaving a question closes its open poll.
//!
//! **Checkpoints.** [`Applied::checkpoint`] says when the session is worth saving: a poll
//! closed (explicitly, by a reveal or a second poll, or by leaving its question), the language
//! or class size changed, or the session ended. Saving at checkpoints rather than at every +/−
//! keeps a teacher's device from sealing an envelope per click.

use std::collections::BTreeMap;
use std::fmt;

use super::BandLesson;
use super::deck::{Deck, Screen, section_part};
use super::poll::{Change, Counter, Poll, PollRefused};
use crate::band::AgeBand;
use crate::content::{Block, Inline, QuizItem, Scenario, ScenarioChoice, ScenarioStep};
use crate::study::{Date, Locale};

/// The largest class size a session takes.
pub const MAX_CLASS_SIZE: u16 = 999;

/// A session's id: random, made on the teacher's device, naming the session in its store and
/// on the channel between its windows. Written as 16 lower-case hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionId(u64);

impl SessionId {
    /// From the browser's `crypto.getRandomValues` (tests pass fixed bytes).
    pub fn from_random(bytes: [u8; 8]) -> SessionId {
        SessionId(u64::from_le_bytes(bytes))
    }

    /// Exactly 16 lower-case hex digits.
    pub fn parse(text: &str) -> Option<SessionId> {
        let hex = text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        hex.then(|| u64::from_str_radix(text, 16).ok()).flatten().map(SessionId)
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// What the teacher chose when the session started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub id: SessionId,
    pub lesson: String,
    /// The lesson's `version` when the session started: what its counts mean.
    pub lesson_version: u32,
    pub band: AgeBand,
    /// The language shown; the teacher may switch it during the session.
    pub locale: Locale,
    /// The day it was held.
    pub date: Date,
}

/// Where a session is: a screen of the deck. The screen names the place (it survives a change
/// of language); the index is where it was found, a hint when it is no longer in the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub index: usize,
    pub screen: Screen,
}

/// Where a scenario stands: the choices taken from its start, and the choice the class made
/// on the current step, if any (its consequence is shown).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScenarioPlace {
    pub taken: Vec<String>,
    pub picked: Option<String>,
}

/// Everything that changes a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    /// To the deck's screen at this index (from 0).
    Jump(usize),
    /// The class's choice on the current scenario step.
    Choose(String),
    /// Plays the current scenario again from its start.
    Restart,
    /// Blanks the audience's screen, or shows it again.
    Blank(bool),
    /// Opens the current question's poll (or opens its latest round again).
    OpenPoll,
    Count(Counter, Change),
    /// Sets every count of the open round at once (the camera's tally).
    Fill(Vec<u32>),
    Undo,
    ClosePoll,
    /// Polls the current question again after discussion.
    Repoll,
    /// Shows the current question's key and explanations.
    Reveal,
    Language(Locale),
    ClassSize(Option<u16>),
    End,
}

/// Why an action changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// A window that joined has not received the session yet.
    NoState,
    /// The lesson given is not the session's (another id, or filtered for another band).
    WrongLesson,
    AtStart,
    AtEnd,
    NoSuchScreen,
    /// "Next" on a scenario step waits for the class's choice.
    ChooseFirst,
    /// Scenario actions need a scenario step on screen, poll actions a question.
    NotAScenario,
    NotAQuestion,
    NoSuchChoice,
    /// A poll action before the question's poll was opened.
    NotPolled,
    Poll(PollRefused),
    /// Above [`MAX_CLASS_SIZE`], or 0.
    BadClassSize,
    /// The action would leave the session as it is.
    Unchanged,
}

/// What an applied action means for saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// Worth saving now (see the module documentation).
    pub checkpoint: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    setup: Setup,
    class_size: Option<u16>,
    place: Place,
    scenarios: BTreeMap<String, ScenarioPlace>,
    polls: BTreeMap<String, Poll>,
    blank: bool,
    ended: bool,
    revision: u64,
}

/// What a screen shows, from the lesson as the band sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Current<'l> {
    /// The title and content note (in the lesson).
    Opening,
    Section {
        index: usize,
        part: usize,
        heading: &'l [Inline],
        blocks: &'l [Block],
    },
    ScenarioStep {
        scenario: &'l Scenario,
        step: &'l ScenarioStep,
        /// The class's choice on this step, whose consequence and "why" are shown.
        picked: Option<&'l ScenarioChoice>,
        /// Steps taken from the start (0 on the first step).
        depth: usize,
    },
    Question {
        item: &'l QuizItem,
        /// From 1.
        number: usize,
        of: usize,
    },
    /// The key points and help contacts.
    Closing,
}

/// What the windows render.
#[derive(Debug, Clone, PartialEq)]
pub struct View<'l> {
    pub current: Current<'l>,
    /// The screen's place in the deck, from 0, and the deck's length.
    pub index: usize,
    pub screens: usize,
    /// What "next" would show (for the presenter): `None` at the end, and on a scenario step
    /// until the class's choice is made.
    pub upcoming: Option<Current<'l>>,
    pub blank: bool,
}

impl Session {
    /// A new session on the opening screen.
    pub fn start(setup: Setup, lesson: &BandLesson) -> Result<Session, Refused> {
        if setup.lesson != lesson.id || setup.band != lesson.band() {
            return Err(Refused::WrongLesson);
        }
        Ok(Session {
            setup,
            class_size: None,
            place: Place { index: 0, screen: Screen::Opening },
            scenarios: BTreeMap::new(),
            polls: BTreeMap::new(),
            blank: false,
            ended: false,
            revision: 0,
        })
    }

    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    pub fn id(&self) -> SessionId {
        self.setup.id
    }

    /// Raised by one with every change: the later of two copies has the higher revision.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn class_size(&self) -> Option<u16> {
        self.class_size
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    pub fn scenario_place(&self, id: &str) -> Option<&ScenarioPlace> {
        self.scenarios.get(id)
    }

    pub fn poll(&self, item: &str) -> Option<&Poll> {
        self.polls.get(item)
    }

    /// Every poll taken, by item id.
    pub fn polls(&self) -> impl Iterator<Item = (&str, &Poll)> {
        self.polls.iter().map(|(id, poll)| (id.as_str(), poll))
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// Applies `action` whole, or refuses it and changes nothing.
    pub fn apply(&mut self, action: Action, lesson: &BandLesson) -> Result<Applied, Refused> {
        self.check(lesson)?;
        let deck = Deck::of(lesson);
        let mut next = self.clone();
        let checkpoint = next.change(action, lesson, &deck)?;
        next.revision = self.revision.saturating_add(1);
        *self = next;
        Ok(Applied { checkpoint })
    }

    /// What the screens show now.
    pub fn view<'l>(&self, lesson: &'l BandLesson) -> Result<View<'l>, Refused> {
        self.check(lesson)?;
        let deck = Deck::of(lesson);
        let mut here = self.clone();
        let index = here.resolve(&deck);
        let current = here.current(lesson, &deck, index);
        let upcoming = match here.change(Action::Next, lesson, &deck) {
            Ok(_) => {
                let index = here.resolve(&deck);
                Some(here.current(lesson, &deck, index))
            }
            Err(_) => None,
        };
        Ok(View { current, index, screens: deck.len(), upcoming, blank: self.blank })
    }

    fn check(&self, lesson: &BandLesson) -> Result<(), Refused> {
        if self.setup.lesson != lesson.id || self.setup.band != lesson.band() {
            return Err(Refused::WrongLesson);
        }
        Ok(())
    }

    /// The place's index in `deck`, found again if the deck changed (another language, a new
    /// lesson version), and the place updated to it.
    fn resolve(&mut self, deck: &Deck) -> usize {
        let index = if deck.get(self.place.index) == Some(&self.place.screen) {
            self.place.index
        } else {
            deck.position(&self.place.screen).unwrap_or(self.place.index.min(deck.len().saturating_sub(1)))
        };
        if let Some(screen) = deck.get(index) {
            self.place = Place { index, screen: screen.clone() };
        }
        index
    }

    fn current<'l>(&self, lesson: &'l BandLesson, deck: &Deck, index: usize) -> Current<'l> {
        match deck.get(index) {
            Some(Screen::Section { index, part }) => Current::Section {
                index: *index,
                part: *part,
                heading: lesson.sections.get(*index).map_or(&[][..], |section| &section.heading),
                blocks: section_part(lesson, *index, *part).unwrap_or(&[]),
            },
            Some(Screen::Scenario { id }) => match self.walk(lesson, id) {
                Some(walk) => Current::ScenarioStep {
                    scenario: walk.scenario,
                    step: walk.step,
                    picked: walk.picked,
                    depth: walk.taken,
                },
                None => Current::Closing,
            },
            Some(Screen::Question { id }) => match lesson.quiz_item(id) {
                Some(item) => Current::Question {
                    item,
                    number: deck.questions().position(|q| q == id).map_or(0, |n| n + 1),
                    of: deck.questions().count(),
                },
                None => Current::Closing,
            },
            Some(Screen::Opening) => Current::Opening,
            Some(Screen::Closing) | None => Current::Closing,
        }
    }

    /// Changes this copy; returns whether the change is a checkpoint.
    fn change(&mut self, action: Action, lesson: &BandLesson, deck: &Deck) -> Result<bool, Refused> {
        let at = self.resolve(deck);
        match action {
            Action::Next => self.next(lesson, deck, at),
            Action::Back => self.back(lesson, deck, at),
            Action::Jump(to) if to >= deck.len() => Err(Refused::NoSuchScreen),
            Action::Jump(to) if to == at => Err(Refused::Unchanged),
            Action::Jump(to) => Ok(self.go(deck, to)),
            Action::Choose(choice) => {
                let walk = self.walk(lesson, self.scenario_here()?).ok_or(Refused::NotAScenario)?;
                if !walk.step.choices.iter().any(|c| c.id == choice) {
                    return Err(Refused::NoSuchChoice);
                }
                if walk.picked.is_some_and(|c| c.id == choice) {
                    return Err(Refused::Unchanged);
                }
                let place = self.normalised_scenario(lesson)?;
                place.picked = Some(choice);
                Ok(false)
            }
            Action::Restart => {
                let id = self.scenario_here()?.to_owned();
                let place = self.scenarios.remove(&id).unwrap_or_default();
                if place == ScenarioPlace::default() {
                    return Err(Refused::Unchanged);
                }
                Ok(false)
            }
            Action::Blank(blank) if blank == self.blank => Err(Refused::Unchanged),
            Action::Blank(blank) => {
                self.blank = blank;
                Ok(false)
            }
            Action::OpenPoll => {
                let item = self.question_here(lesson)?;
                let poll = self.polls.entry(item.id.clone()).or_insert_with(|| Poll::new(item));
                poll.open().map_err(Refused::Poll)?;
                Ok(false)
            }
            Action::Count(counter, change) => self.with_poll(lesson, |poll| poll.count(counter, change)).map(|_| false),
            Action::Fill(counts) => self.with_poll(lesson, |poll| poll.fill(&counts)).map(|_| false),
            Action::Undo => self.with_poll(lesson, Poll::undo).map(|_| false),
            Action::ClosePoll => self.with_poll(lesson, Poll::close).map(|_| true),
            Action::Repoll => self.with_poll(lesson, |poll| {
                let was_open = poll.open_round().is_some();
                poll.repoll().map(|_| was_open)
            }),
            Action::Reveal => self.with_poll_or_new(lesson, Poll::reveal).map(|_| true),
            Action::Language(locale) if locale == self.setup.locale => Err(Refused::Unchanged),
            Action::Language(locale) => {
                self.setup.locale = locale;
                Ok(true)
            }
            Action::ClassSize(size) if size.is_some_and(|n| n == 0 || n > MAX_CLASS_SIZE) => Err(Refused::BadClassSize),
            Action::ClassSize(size) if size == self.class_size => Err(Refused::Unchanged),
            Action::ClassSize(size) => {
                self.class_size = size;
                Ok(true)
            }
            Action::End => {
                let closed = self.close_open_poll();
                if self.ended && !closed {
                    return Err(Refused::Unchanged);
                }
                self.ended = true;
                Ok(true)
            }
        }
    }

    fn next(&mut self, lesson: &BandLesson, deck: &Deck, at: usize) -> Result<bool, Refused> {
        if let Ok(id) = self.scenario_here() {
            let walk = self.walk(lesson, id).ok_or(Refused::NotAScenario)?;
            if !walk.step.choices.is_empty() {
                let choice = walk.picked.ok_or(Refused::ChooseFirst)?;
                // A choice leading nowhere (a damaged bundle) ends the scenario rather than the walk.
                if walk.scenario.step(&choice.next).is_some() {
                    let choice = choice.id.clone();
                    let place = self.normalised_scenario(lesson)?;
                    place.taken.push(choice);
                    place.picked = None;
                    return Ok(false);
                }
            }
        }
        if at + 1 >= deck.len() {
            return Err(Refused::AtEnd);
        }
        Ok(self.go(deck, at + 1))
    }

    fn back(&mut self, lesson: &BandLesson, deck: &Deck, at: usize) -> Result<bool, Refused> {
        if self.scenario_here().is_ok() {
            let place = self.normalised_scenario(lesson)?;
            if let Some(choice) = place.taken.pop() {
                place.picked = Some(choice);
                return Ok(false);
            }
        }
        if at == 0 {
            return Err(Refused::AtStart);
        }
        Ok(self.go(deck, at - 1))
    }

    /// Moves to another screen, closing the poll of the one left. Returns whether a poll closed.
    fn go(&mut self, deck: &Deck, to: usize) -> bool {
        let closed = self.close_open_poll();
        if let Some(screen) = deck.get(to) {
            self.place = Place { index: to, screen: screen.clone() };
        }
        closed
    }

    fn close_open_poll(&mut self) -> bool {
        let Screen::Question { id } = &self.place.screen else { return false };
        self.polls.get_mut(id).is_some_and(|poll| poll.close().is_ok())
    }

    fn scenario_here(&self) -> Result<&str, Refused> {
        match &self.place.screen {
            Screen::Scenario { id } => Ok(id),
            _ => Err(Refused::NotAScenario),
        }
    }

    fn question_here<'l>(&self, lesson: &'l BandLesson) -> Result<&'l QuizItem, Refused> {
        match &self.place.screen {
            Screen::Question { id } => lesson.quiz_item(id).ok_or(Refused::NotAQuestion),
            _ => Err(Refused::NotAQuestion),
        }
    }

    fn with_poll<T>(
        &mut self,
        lesson: &BandLesson,
        change: impl FnOnce(&mut Poll) -> Result<T, PollRefused>,
    ) -> Result<T, Refused> {
        let item = self.question_here(lesson)?;
        let poll = self.polls.get_mut(&item.id).ok_or(Refused::NotPolled)?;
        change(poll).map_err(Refused::Poll)
    }

    /// Like [`Self::with_poll`], making the poll first: a key can be revealed without a poll.
    fn with_poll_or_new<T>(
        &mut self,
        lesson: &BandLesson,
        change: impl FnOnce(&mut Poll) -> Result<T, PollRefused>,
    ) -> Result<T, Refused> {
        let item = self.question_here(lesson)?;
        let poll = self.polls.entry(item.id.clone()).or_insert_with(|| Poll::new(item));
        change(poll).map_err(Refused::Poll)
    }

    /// The current scenario's place, cut back to what is valid in `lesson`.
    fn normalised_scenario(&mut self, lesson: &BandLesson) -> Result<&mut ScenarioPlace, Refused> {
        let id = self.scenario_here()?.to_owned();
        let walk = self.walk(lesson, &id).ok_or(Refused::NotAScenario)?;
        let (taken, picked) = (walk.taken, walk.picked.map(|c| c.id.clone()));
        let place = self.scenarios.entry(id).or_default();
        place.taken.truncate(taken);
        place.picked = picked;
        Ok(place)
    }

    /// Follows a scenario's remembered choices from its start, as far as they are valid.
    fn walk<'l>(&self, lesson: &'l BandLesson, id: &str) -> Option<Walk<'l>> {
        let scenario = lesson.scenario(id)?;
        let mut step = scenario.steps.first()?;
        let empty = ScenarioPlace::default();
        let place = self.scenarios.get(id).unwrap_or(&empty);
        let mut taken = 0;
        for choice in &place.taken {
            let Some(next) = step.choices.iter().find(|c| &c.id == choice).and_then(|c| scenario.step(&c.next)) else {
                break;
            };
            step = next;
            taken += 1;
        }
        let picked = if taken == place.taken.len() {
            place.picked.as_ref().and_then(|picked| step.choices.iter().find(|c| &c.id == picked))
        } else {
            None
        };
        Some(Walk { scenario, step, taken, picked })
    }
}

struct Walk<'l> {
    scenario: &'l Scenario,
    step: &'l ScenarioStep,
    /// How many of the remembered choices were valid.
    taken: usize,
    picked: Option<&'l ScenarioChoice>,
}

/// The parts of a session, for the codec, which checks them before a session is made.
pub(super) struct SessionParts {
    pub setup: Setup,
    pub class_size: Option<u16>,
    pub place: Place,
    pub scenarios: BTreeMap<String, ScenarioPlace>,
    pub polls: BTreeMap<String, Poll>,
    pub blank: bool,
    pub ended: bool,
    pub revision: u64,
}

impl Session {
    pub(super) fn parts(&self) -> SessionParts {
        let Session { setup, class_size, place, scenarios, polls, blank, ended, revision } = self.clone();
        SessionParts { setup, class_size, place, scenarios, polls, blank, ended, revision }
    }

    /// The same session without the polls' undo histories (what is stored).
    pub(super) fn without_history(&self) -> Session {
        let mut session = self.clone();
        session.polls.values_mut().for_each(Poll::forget_history);
        session
    }

    pub(super) fn from_parts(parts: SessionParts) -> Session {
        let SessionParts { setup, class_size, place, scenarios, polls, blank, ended, revision } = parts;
        Session { setup, class_size, place, scenarios, polls, blank, ended, revision }
    }
}
