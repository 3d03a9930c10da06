//! The screens of a presented lesson, in order: what "next" and "back" walk through.
//!
//! A lesson is presented as: an opening screen (title and content note, read aloud before
//! anything else), each section (a section that plays a scenario is cut at the scenario: the
//! text before it, the scenario, the text after it), each quiz question, and a closing screen
//! (key points and where to get help). A scenario is one entry here; its steps are walked by the
//! class's choices (see [`super::session`]). Parts of a section that hold nothing (for the
//! younger band, a part that was only an `:::older` box) are left out.
//!
//! Screens name what they show by index and id, never by text, so a place in the deck survives
//! a change of language: both languages of a lesson have the same sections, scenarios and items.

use super::BandLesson;
use crate::content::{Block, Lesson};

/// One screen of the deck.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The lesson's title and content note.
    Opening,
    /// Part `part` (from 0) of section `index` (from 0): the blocks before the section's first
    /// scenario, between its scenarios, or after the last one.
    Section {
        index: usize,
        part: usize,
    },
    /// A scenario, walked step by step.
    Scenario {
        id: String,
    },
    Question {
        id: String,
    },
    /// The key points and the help contacts.
    Closing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    screens: Vec<Screen>,
}

impl Deck {
    pub fn of(lesson: &BandLesson) -> Deck {
        let mut screens = vec![Screen::Opening];
        for (index, section) in lesson.sections.iter().enumerate() {
            for (part, blocks) in parts(lesson, &section.blocks).into_iter().enumerate() {
                if !blocks.blocks.is_empty() {
                    screens.push(Screen::Section { index, part });
                }
                if let Some(id) = blocks.then_scenario {
                    screens.push(Screen::Scenario { id: id.to_owned() });
                }
            }
        }
        screens.extend(lesson.quiz.iter().map(|item| Screen::Question { id: item.id.clone() }));
        screens.push(Screen::Closing);
        Deck { screens }
    }

    pub fn screens(&self) -> &[Screen] {
        &self.screens
    }

    pub fn len(&self) -> usize {
        self.screens.len()
    }

    /// Never true: a deck has at least its opening and closing screens.
    pub fn is_empty(&self) -> bool {
        self.screens.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Screen> {
        self.screens.get(index)
    }

    pub fn position(&self, screen: &Screen) -> Option<usize> {
        self.screens.iter().position(|held| held == screen)
    }

    /// The question screens' item ids, in order: "question 3 of 10" counts these.
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.screens.iter().filter_map(|screen| match screen {
            Screen::Question { id } => Some(id.as_str()),
            _ => None,
        })
    }
}

/// The blocks of part `part` of section `index`, as the section screen shows them.
pub fn section_part(lesson: &Lesson, index: usize, part: usize) -> Option<&[Block]> {
    let section = lesson.sections.get(index)?;
    parts(lesson, &section.blocks).get(part).map(|part| part.blocks)
}

struct Part<'l> {
    blocks: &'l [Block],
    /// The scenario played after these blocks, if the part ends at one.
    then_scenario: Option<&'l str>,
}

/// A section's blocks cut at each scenario the lesson has: n scenarios make n + 1 parts.
fn parts<'l>(lesson: &Lesson, blocks: &'l [Block]) -> Vec<Part<'l>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, block) in blocks.iter().enumerate() {
        if let Block::Scenario(id) = block
            && lesson.scenario(id).is_some_and(|scenario| !scenario.steps.is_empty())
        {
            parts.push(Part { blocks: &blocks[start..at], then_scenario: Some(id) });
            start = at + 1;
        }
    }
    parts.push(Part { blocks: &blocks[start..], then_scenario: None });
    parts
}
