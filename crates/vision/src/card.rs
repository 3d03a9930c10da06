//! What a marker means on a printed answer card: which card (one per student, numbered) and which
//! option (A to D). The option is the marker's identity, never the way the card is held.

use std::fmt;

/// The most cards in a class set: 60 cards × 4 options use 240 markers of the family.
pub const MAX_CARDS: u16 = 60;

/// A card's number, 1 to `MAX_CARDS`, printed on the card. Never linked to a name in Aware.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CardNumber(u16);

impl CardNumber {
    pub fn new(number: u16) -> Option<Self> {
        (1..=MAX_CARDS).contains(&number).then_some(CardNumber(number))
    }

    pub fn get(self) -> u16 {
        self.0
    }

    pub fn all() -> impl Iterator<Item = CardNumber> {
        (1..=MAX_CARDS).map(CardNumber)
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One of the four answers a card can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnswerOption {
    A,
    B,
    C,
    D,
}

impl AnswerOption {
    pub const ALL: [AnswerOption; 4] = [AnswerOption::A, AnswerOption::B, AnswerOption::C, AnswerOption::D];

    /// 0 for A to 3 for D.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The big letter printed on the panel.
    pub fn letter(self) -> char {
        ['A', 'B', 'C', 'D'][self.index()]
    }
}

/// A card's panel: the marker the camera reads for one card and one option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Panel {
    pub card: CardNumber,
    pub option: AnswerOption,
}

impl Panel {
    /// The marker's index in the family: card 1 takes 0 to 3 (A to D), card 2 takes 4 to 7, …
    pub fn marker_id(self) -> usize {
        (usize::from(self.card.get()) - 1) * 4 + self.option.index()
    }

    /// The panel a marker stands for, if the marker belongs to a card.
    pub fn from_marker_id(id: usize) -> Option<Panel> {
        let card = CardNumber::new(u16::try_from(id / 4 + 1).ok()?)?;
        Some(Panel { card, option: AnswerOption::ALL[id % 4] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_card_and_option_has_its_own_marker_and_maps_back() {
        let mut seen = std::collections::HashSet::new();
        for card in CardNumber::all() {
            for option in AnswerOption::ALL {
                let panel = Panel { card, option };
                assert!(seen.insert(panel.marker_id()));
                assert_eq!(Panel::from_marker_id(panel.marker_id()), Some(panel));
            }
        }
        assert_eq!(seen.len(), 240);
        assert!(seen.iter().all(|&id| id < crate::family::CARD_FAMILY.len()));
    }

    #[test]
    fn markers_beyond_the_class_set_are_no_card() {
        assert_eq!(Panel::from_marker_id(240), None);
        assert_eq!(Panel::from_marker_id(usize::MAX), None);
    }

    #[test]
    fn card_numbers_run_from_one_to_sixty() {
        assert_eq!(CardNumber::new(0), None);
        assert_eq!(CardNumber::new(1).map(CardNumber::get), Some(1));
        assert_eq!(CardNumber::new(60).map(CardNumber::get), Some(60));
        assert_eq!(CardNumber::new(61), None);
    }
}
