//! A session as JSON: one shape for the device store and for the messages between windows.
//!
//! Everything read is untrusted (another tab, another window, a damaged store), so decoding
//! checks every part against the limits below and refuses, never guesses: ids have the content's
//! syntax, every tally has one count per option and none above [`MAX_COUNT`], a second round
//! has a first, an open round has its tally. What passes can be shown and changed without a
//! panic. The undo history travels between windows but is not stored.
//!
//! Version 1 of a session (inside `aware-sessions` and the `state` message):
//!
//! ```json
//! {"id":"00ff00ff00ff00ff","lesson":"what-is-trafficking","lesson_version":1,"band":"12-14",
//!  "locale":"mn","date":"2026-03-02","class_size":28,"revision":17,"ended":false,"blank":false,
//!  "place":{"index":12,"screen":{"kind":"question","id":"three-parts"}},
//!  "scenarios":{"new-girl-at-the-shop":{"taken":["say-hello"],"picked":null}},
//!  "polls":{"three-parts":{"kind":"single","options":["a","b","c","d"],
//!           "before":{"counts":[3,17,5,3]},"after":null,"open":null,"revealed":true,
//!           "after_key_shown":false}}}
//! ```
//!
//! `screen` is `{"kind":"opening"}`, `{"kind":"section","index":I,"part":P}`,
//! `{"kind":"scenario","id":ID}`, `{"kind":"question","id":ID}` or `{"kind":"closing"}`; a
//! multiple-answer tally adds `"answered":N` once entered; an open poll may carry `"history"`,
//! its earlier tallies.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::deck::Screen;
use super::poll::{MAX_COUNT, MAX_OPTIONS, MAX_UNDO, Poll, PollParts, Round, Tally};
use super::session::{MAX_CLASS_SIZE, Place, ScenarioPlace, Session, SessionId, SessionParts, Setup};
use crate::band::AgeBand;
use crate::content::QuizKind;
use crate::study::{Date, Id, Locale};

/// More questions than a lesson has.
pub const MAX_POLLS: usize = 64;
/// More scenarios than a lesson has.
pub const MAX_SCENARIOS: usize = 32;
/// Longer than any path through a scenario.
pub const MAX_STEPS: usize = 64;
/// Larger than any deck, section or part index.
const MAX_INDEX: usize = 10_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SessionV1 {
    id: String,
    lesson: String,
    lesson_version: u32,
    band: String,
    locale: String,
    date: String,
    #[serde(default)]
    class_size: Option<u16>,
    revision: u64,
    ended: bool,
    blank: bool,
    place: PlaceV1,
    scenarios: BTreeMap<String, ScenarioPlaceV1>,
    polls: BTreeMap<String, PollV1>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceV1 {
    index: usize,
    screen: ScreenV1,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
enum ScreenV1 {
    Opening,
    Section { index: usize, part: usize },
    Scenario { id: String },
    Question { id: String },
    Closing,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioPlaceV1 {
    taken: Vec<String>,
    #[serde(default)]
    picked: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PollV1 {
    kind: QuizKind,
    options: Vec<String>,
    #[serde(default)]
    before: Option<TallyV1>,
    #[serde(default)]
    after: Option<TallyV1>,
    #[serde(default)]
    open: Option<String>,
    revealed: bool,
    after_key_shown: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<TallyV1>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TallyV1 {
    counts: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered: Option<u32>,
}

impl SessionV1 {
    /// `history`: whether the open polls' undo history goes too (between windows, not to storage).
    pub fn of(session: &Session, history: bool) -> SessionV1 {
        let SessionParts { setup, class_size, place, scenarios, polls, blank, ended, revision } = session.parts();
        SessionV1 {
            id: setup.id.to_string(),
            lesson: setup.lesson,
            lesson_version: setup.lesson_version,
            band: setup.band.as_str().to_owned(),
            locale: setup.locale.as_str().to_owned(),
            date: setup.date.to_string(),
            class_size,
            revision,
            ended,
            blank,
            place: PlaceV1 {
                index: place.index,
                screen: match place.screen {
                    Screen::Opening => ScreenV1::Opening,
                    Screen::Section { index, part } => ScreenV1::Section { index, part },
                    Screen::Scenario { id } => ScreenV1::Scenario { id },
                    Screen::Question { id } => ScreenV1::Question { id },
                    Screen::Closing => ScreenV1::Closing,
                },
            },
            scenarios: scenarios
                .into_iter()
                .map(|(id, place)| (id, ScenarioPlaceV1 { taken: place.taken, picked: place.picked }))
                .collect(),
            polls: polls
                .into_iter()
                .map(|(id, poll)| {
                    let parts = poll.into_parts();
                    let tally = |tally: Tally| TallyV1 { counts: tally.counts().to_vec(), answered: tally.answered() };
                    let poll = PollV1 {
                        kind: parts.kind,
                        options: parts.options,
                        before: parts.before.map(tally),
                        after: parts.after.map(tally),
                        open: parts.open.map(|round| round.as_str().to_owned()),
                        revealed: parts.revealed,
                        after_key_shown: parts.after_key_shown,
                        history: if history { parts.history.into_iter().map(tally).collect() } else { Vec::new() },
                    };
                    (id, poll)
                })
                .collect(),
        }
    }

    /// The session, if every part is within its limits; otherwise what is wrong.
    pub fn into_session(self) -> Result<Session, String> {
        let id = SessionId::parse(&self.id).ok_or("session id")?;
        let lesson = id_text(&self.lesson, "lesson id")?;
        let band = self.band.parse::<AgeBand>().map_err(|_| "band")?;
        let locale = Locale::new(&self.locale).ok_or("locale")?;
        let date = Date::parse(&self.date).ok_or("date")?;
        if self.class_size.is_some_and(|n| n == 0 || n > MAX_CLASS_SIZE) {
            return Err("class size".into());
        }
        let screen = match self.place.screen {
            ScreenV1::Opening => Screen::Opening,
            ScreenV1::Section { index, part } if index <= MAX_INDEX && part <= MAX_INDEX => {
                Screen::Section { index, part }
            }
            ScreenV1::Section { .. } => return Err("section".into()),
            ScreenV1::Scenario { id } => Screen::Scenario { id: id_text(&id, "scenario id")? },
            ScreenV1::Question { id } => Screen::Question { id: id_text(&id, "question id")? },
            ScreenV1::Closing => Screen::Closing,
        };
        if self.place.index > MAX_INDEX {
            return Err("place".into());
        }
        if self.scenarios.len() > MAX_SCENARIOS {
            return Err("too many scenarios".into());
        }
        let mut scenarios = BTreeMap::new();
        for (id, place) in self.scenarios {
            if place.taken.len() > MAX_STEPS {
                return Err(format!("scenario {}: too many steps", short(&id)));
            }
            let taken = place.taken.iter().map(|c| id_text(c, "choice id")).collect::<Result<Vec<_>, _>>()?;
            let picked = place.picked.as_deref().map(|c| id_text(c, "choice id")).transpose()?;
            scenarios.insert(id_text(&id, "scenario id")?, ScenarioPlace { taken, picked });
        }
        if self.polls.len() > MAX_POLLS {
            return Err("too many polls".into());
        }
        let mut polls = BTreeMap::new();
        for (id, poll) in self.polls {
            let item = id_text(&id, "question id")?;
            let poll = poll_of(poll).map_err(|why| format!("poll {}: {why}", short(&item)))?;
            polls.insert(item, poll);
        }
        Ok(Session::from_parts(SessionParts {
            setup: Setup { id, lesson, lesson_version: self.lesson_version, band, locale, date },
            class_size: self.class_size,
            place: Place { index: self.place.index, screen },
            scenarios,
            polls,
            blank: self.blank,
            ended: self.ended,
            revision: self.revision,
        }))
    }

    pub fn id(&self) -> &str {
        &self.id
    }
}

fn poll_of(poll: PollV1) -> Result<Poll, String> {
    let options = poll.options.iter().map(|o| id_text(o, "option id")).collect::<Result<Vec<_>, _>>()?;
    if !(2..=MAX_OPTIONS).contains(&options.len()) || options.iter().collect::<BTreeSet<_>>().len() != options.len() {
        return Err("options".into());
    }
    let multiple = poll.kind == QuizKind::Multiple;
    let tally = |tally: TallyV1| -> Result<Tally, String> {
        let fits = tally.counts.len() == options.len()
            && tally.counts.iter().all(|&count| count <= MAX_COUNT)
            && tally.answered.is_none_or(|answered| multiple && answered <= MAX_COUNT);
        if fits { Ok(Tally::from_parts(tally.counts, tally.answered)) } else { Err("tally".into()) }
    };
    let before = poll.before.map(tally).transpose()?;
    let after = poll.after.map(tally).transpose()?;
    let open = poll.open.as_deref().map(|round| Round::parse(round).ok_or("open round")).transpose()?;
    let consistent = match (open, &before, &after) {
        (_, None, Some(_)) => false,
        (Some(Round::Before), Some(_), None) | (Some(Round::After), _, Some(_)) | (None, _, _) => true,
        _ => false,
    };
    if !consistent || (poll.after_key_shown && after.is_none()) {
        return Err("rounds".into());
    }
    if poll.history.len() > MAX_UNDO || (open.is_none() && !poll.history.is_empty()) {
        return Err("history".into());
    }
    let history = poll.history.into_iter().map(tally).collect::<Result<Vec<_>, _>>()?;
    Ok(Poll::from_parts(PollParts {
        kind: poll.kind,
        options,
        before,
        after,
        open,
        revealed: poll.revealed,
        after_key_shown: poll.after_key_shown,
        history,
    }))
}

fn id_text(text: &str, what: &str) -> Result<String, String> {
    Id::new(text).map(|id| id.as_str().to_owned()).map_err(|_| what.to_owned())
}

/// Text from input, quoted shortened in a message.
fn short(text: &str) -> String {
    text.chars().take(40).collect()
}
