//! The order in which an item's options are shown: shuffled per attempt, so that where the right
//! answer was written gives nothing away (research brief §4; issue #9: the key was option d in 1 of
//! 25 items).
//!
//! Deterministic: the caller supplies a seed (the app draws it from `crypto.getRandomValues` and
//! keeps it with the attempt), so the same attempt shows the same order after a reload, a new
//! attempt gets a new order, and tests can replay any order. Options marked `last` ("None of
//! these") stay after the shuffled ones, in the order written. True/false items keep True, False.

use crate::assessment::{KnowledgeItem, KnowledgeOption};
use crate::content::{QuizItem, QuizKind, QuizOption};
use crate::rng::SplitMix64;

/// The display order of options, as indices into them: a uniformly random permutation
/// (Fisher–Yates) of the options not marked `last`, then those marked `last`, in their order.
/// The same `last` and `seed` always give the same order.
pub fn order(last: &[bool], seed: u64) -> Vec<usize> {
    let mut shuffled: Vec<usize> = (0..last.len()).filter(|&i| !last[i]).collect();
    SplitMix64(seed).shuffle(&mut shuffled);
    shuffled.extend((0..last.len()).filter(|&i| last[i]));
    shuffled
}

/// The seed of one item's order: from the seed of the whole attempt (a quiz or a sitting of the
/// check), the item's id and which attempt at the item this is (0 for the first). Items of one
/// attempt are shuffled independently, and trying an item again shows it in a new order.
pub fn item_seed(attempt_seed: u32, item_id: &str, attempt: u32) -> u64 {
    // FNV-1a over the id, then mixed with the seeds by a SplitMix64 step.
    let id_hash = item_id
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3));
    SplitMix64(id_hash ^ (u64::from(attempt_seed) << 32 | u64::from(attempt))).next_u64()
}

impl QuizItem {
    /// The options in the order to show them for an item seed ([`item_seed`]).
    pub fn options_in_order(&self, seed: u64) -> Vec<&QuizOption> {
        if self.kind == QuizKind::TrueFalse {
            return self.options.iter().collect();
        }
        let last: Vec<bool> = self.options.iter().map(|option| option.last).collect();
        order(&last, seed).into_iter().map(|i| &self.options[i]).collect()
    }
}

impl KnowledgeItem {
    /// The options in the order to show them for an item seed ([`item_seed`]).
    pub fn options_in_order(&self, seed: u64) -> Vec<&KnowledgeOption> {
        if self.true_false {
            return self.options.iter().collect();
        }
        let last: Vec<bool> = self.options.iter().map(|option| option.last).collect();
        order(&last, seed).into_iter().map(|i| &self.options[i]).collect()
    }
}
