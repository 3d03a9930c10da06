//! Which form of the assessment a student sits, decided without asking anyone.
//!
//! A teacher chooses a design when creating a study: **parallel** (everyone sits form A before
//! the lessons and form B after) or **crossover** (half the class sits A then B, the other half B
//! then A, so a difference in difficulty between the forms cancels out instead of looking like
//! learning). Students type only the study id and their code, so both facts are read from those:
//!
//! - the design is the parity of the study id's first character, and a new study id is drawn
//!   until its parity is the chosen design ([`Design::new_study`]);
//! - in a crossover, the half a student is in is the parity of their code's first character.
//!
//! Both characters are uniformly random, so the halves are random and the study id still carries
//! 9 random characters. Nothing a student types or sees lets them choose their form.

use super::code::{Code, RANDOM_BYTES, StudyId};
use super::record::{Form, Phase};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Design {
    Parallel,
    Crossover,
}

impl Design {
    pub const ALL: [Design; 2] = [Design::Parallel, Design::Crossover];

    pub fn of(study: StudyId) -> Design {
        if study.first_value().is_multiple_of(2) { Design::Parallel } else { Design::Crossover }
    }

    /// A new study id with this design. Half of all ids fit, so this draws twice on average;
    /// `None` only if 64 draws in a row missed, which means the random source is broken.
    pub fn new_study(self, random: &mut dyn FnMut() -> [u8; RANDOM_BYTES]) -> Option<StudyId> {
        (0..64).map(|_| StudyId::generate(&random())).find(|&study| Design::of(study) == self)
    }

    pub fn form(self, code: Code, phase: Phase) -> Form {
        let first = match self {
            Design::Parallel => Form::A,
            Design::Crossover if code.first_value().is_multiple_of(2) => Form::A,
            Design::Crossover => Form::B,
        };
        match (phase, first) {
            (Phase::Pre, form) => form,
            (Phase::Post, Form::A) => Form::B,
            (Phase::Post, Form::B) => Form::A,
        }
    }

    /// The name in exports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Design::Parallel => "parallel",
            Design::Crossover => "crossover",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> impl FnMut() -> [u8; RANDOM_BYTES] {
        let mut n = 0u64;
        move || {
            n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            n.to_le_bytes()
        }
    }

    #[test]
    fn a_new_study_has_the_design_asked_for() {
        let mut random = counter();
        for design in Design::ALL {
            for _ in 0..20 {
                let study = design.new_study(&mut random).unwrap();
                assert_eq!(Design::of(study), design);
            }
        }
    }

    #[test]
    fn a_broken_random_source_gives_no_study() {
        let fixed = [0u8; RANDOM_BYTES];
        let design = Design::of(StudyId::generate(&fixed));
        let other = if design == Design::Parallel { Design::Crossover } else { Design::Parallel };
        assert_eq!(other.new_study(&mut || fixed), None);
    }

    #[test]
    fn every_student_sits_both_forms_and_a_crossover_splits_the_class() {
        let mut random = counter();
        let codes: Vec<Code> = (0..400).map(|_| Code::generate(&random())).collect();
        for design in Design::ALL {
            for &code in &codes {
                assert_ne!(design.form(code, Phase::Pre), design.form(code, Phase::Post));
            }
        }
        assert!(codes.iter().all(|&code| Design::Parallel.form(code, Phase::Pre) == Form::A));
        let a_first = codes.iter().filter(|&&code| Design::Crossover.form(code, Phase::Pre) == Form::A).count();
        assert!((150..=250).contains(&a_first), "{a_first} of 400 sit form A first");
    }
}
