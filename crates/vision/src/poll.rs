//! The camera's side of a classroom poll: the cards read while the teacher sweeps the room,
//! turned into what the poll needs.
//!
//! Each read is a card number and the option its marker shows. A student may change their mind
//! until the poll closes, so the last option seen for a card is its answer; each card counts
//! once however often it is seen. What comes out is the count of cards read (against the class
//! size, so the teacher sees who is still to be read) and one count per option, which the app
//! hands to the poll as one fill (`aware_core::classroom::Action::Fill`).
//!
//! Which card showed what stays here, in memory, for the ticks over the cards while the camera
//! runs; it is never stored, sent or put in a session, and is dropped with the collector when
//! the poll closes. Card numbers are linked to no name anywhere in Aware.
//!
//! Reads that are no answer are told apart and left out: a card beyond the class size (another
//! class's set), a letter beyond the question's options (C on a true/false question), and a
//! card showing two different panels in one frame (held up together: no answer yet).

use std::collections::BTreeMap;

use crate::card::{AnswerOption, CardNumber, MAX_CARDS};

/// The answers collected so far in one poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardPoll {
    class_size: u16,
    options: usize,
    answers: BTreeMap<CardNumber, AnswerOption>,
}

/// What one read did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// The card's first answer.
    New,
    /// The card showed another option than before: this one counts now.
    Changed { from: AnswerOption },
    /// The same answer again.
    Same,
    /// A card number above the class size.
    NotInClass,
    /// A letter the question does not have.
    NotAnOption,
    /// The card showed two different options in the same frame.
    Ambiguous,
}

impl CardPoll {
    /// A poll of a class of `class_size` cards (at most [`MAX_CARDS`]) on a question with
    /// `options` options (the cards have four: A to D).
    pub fn new(class_size: u16, options: usize) -> CardPoll {
        CardPoll {
            class_size: class_size.min(MAX_CARDS),
            options: options.min(AnswerOption::ALL.len()),
            answers: BTreeMap::new(),
        }
    }

    /// One card read.
    pub fn read(&mut self, card: CardNumber, option: AnswerOption) -> Seen {
        if card.get() > self.class_size {
            return Seen::NotInClass;
        }
        if option.index() >= self.options {
            return Seen::NotAnOption;
        }
        match self.answers.insert(card, option) {
            None => Seen::New,
            Some(from) if from == option => Seen::Same,
            Some(from) => Seen::Changed { from },
        }
    }

    /// The reads of one frame, in the order given; a card read with two different options in
    /// the frame counts for neither.
    pub fn read_frame(&mut self, reads: &[(CardNumber, AnswerOption)]) -> Vec<Seen> {
        let ambiguous = |card: CardNumber, option: AnswerOption| {
            reads.iter().any(|&(other, shown)| other == card && shown != option)
        };
        reads
            .iter()
            .map(|&(card, option)| if ambiguous(card, option) { Seen::Ambiguous } else { self.read(card, option) })
            .collect()
    }

    /// The card's answer so far (for its tick).
    pub fn answer(&self, card: CardNumber) -> Option<AnswerOption> {
        self.answers.get(&card).copied()
    }

    /// Cards with an answer.
    pub fn cards_read(&self) -> usize {
        self.answers.len()
    }

    pub fn class_size(&self) -> u16 {
        self.class_size
    }

    /// One count per option (A first), each card counted once, by its last answer.
    pub fn tally(&self) -> Vec<u32> {
        let mut counts = vec![0; self.options];
        for option in self.answers.values() {
            counts[option.index()] += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(n: u16) -> CardNumber {
        CardNumber::new(n).unwrap()
    }

    /// Feeds frames of `(card, letter)` reads to a poll of `class` cards and `options` options;
    /// compares the tally and the number of cards read.
    fn check(class: u16, options: usize, frames: &[&[(u16, char)]], tally: &[u32], read: usize) {
        let mut poll = CardPoll::new(class, options);
        for frame in frames {
            let reads: Vec<_> =
                frame.iter().map(|&(n, letter)| (card(n), AnswerOption::ALL[(letter as u8 - b'A') as usize])).collect();
            poll.read_frame(&reads);
        }
        assert_eq!((poll.tally().as_slice(), poll.cards_read()), (tally, read), "{frames:?}");
    }

    #[test]
    fn each_card_counts_once_by_the_last_answer_seen() {
        check(30, 4, &[], &[0, 0, 0, 0], 0);
        check(30, 4, &[&[(1, 'A'), (2, 'B'), (3, 'B')]], &[1, 2, 0, 0], 3);
        // Seen again and again: still one.
        check(30, 4, &[&[(1, 'A')], &[(1, 'A')], &[(1, 'A'), (2, 'D')]], &[1, 0, 0, 1], 2);
        // A change of mind: the last answer counts.
        check(30, 4, &[&[(1, 'A'), (2, 'C')], &[(1, 'B')], &[(1, 'D')]], &[0, 0, 1, 1], 2);
        check(30, 4, &[&[(1, 'A')], &[(1, 'B')], &[(1, 'A')]], &[1, 0, 0, 0], 1);
    }

    #[test]
    fn reads_that_are_no_answer_are_left_out() {
        // Card 31 is not in a class of 30; C and D are not options of a true/false question.
        check(30, 4, &[&[(31, 'A'), (30, 'A')]], &[1, 0, 0, 0], 1);
        check(30, 2, &[&[(1, 'A'), (2, 'C'), (3, 'D'), (4, 'B')]], &[1, 1], 2);
        // Two panels of one card in one frame: no answer yet, and an earlier answer stands.
        check(30, 4, &[&[(1, 'B')], &[(1, 'A'), (1, 'C'), (2, 'D')]], &[0, 1, 0, 1], 2);
        check(30, 4, &[&[(1, 'A'), (1, 'A')]], &[1, 0, 0, 0], 1);
    }

    #[test]
    fn each_read_says_what_it_did() {
        let mut poll = CardPoll::new(10, 3);
        assert_eq!(poll.read(card(4), AnswerOption::A), Seen::New);
        assert_eq!(poll.read(card(4), AnswerOption::A), Seen::Same);
        assert_eq!(poll.read(card(4), AnswerOption::C), Seen::Changed { from: AnswerOption::A });
        assert_eq!(poll.read(card(11), AnswerOption::A), Seen::NotInClass);
        assert_eq!(poll.read(card(4), AnswerOption::D), Seen::NotAnOption);
        assert_eq!(poll.read_frame(&[(card(5), AnswerOption::A), (card(5), AnswerOption::B)]), [Seen::Ambiguous; 2]);
        assert_eq!(poll.answer(card(4)), Some(AnswerOption::C));
        assert_eq!(poll.answer(card(5)), None);
        assert_eq!((poll.cards_read(), poll.class_size()), (1, 10));
        // A class larger than a card set is a full set.
        assert_eq!(CardPoll::new(500, 4).class_size(), MAX_CARDS);
    }
}
