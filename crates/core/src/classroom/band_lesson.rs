//! A lesson as one age band sees it: the only way the classroom reads a lesson.
//!
//! A class of 12–14-year-olds never sees what is written for ages 15–18. Today the content model
//! marks that only with `:::older` callouts; issue 9 (branch `truth`) adds `Lesson::for_band`,
//! which also drops quiz items and scenario steps marked older. Until it merges, [`for_band`]
//! below is the stand-in, and the one place to swap: its body becomes `lesson.for_band(band)`.
//! Nothing else changes, because every screen, poll, summary and worksheet of the classroom
//! takes a [`BandLesson`], never a bare `Lesson`, and a `BandLesson` can only be made filtered.

use std::borrow::Cow;
use std::ops::Deref;

use crate::band::AgeBand;
use crate::content::{Block, CalloutKind, Lesson};

/// A lesson filtered for a band. Cheap for the older band (borrowed), one copy for the younger.
#[derive(Debug, Clone, PartialEq)]
pub struct BandLesson<'a> {
    lesson: Cow<'a, Lesson>,
    band: AgeBand,
}

/// The lesson is for older students only (`age_min` above the band's oldest age).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotForBand {
    pub age_min: u8,
    pub band: AgeBand,
}

impl<'a> BandLesson<'a> {
    pub fn new(lesson: &'a Lesson, band: AgeBand) -> Result<BandLesson<'a>, NotForBand> {
        if !band.admits(lesson.age_min) {
            return Err(NotForBand { age_min: lesson.age_min, band });
        }
        Ok(BandLesson { lesson: for_band(lesson, band), band })
    }

    pub fn band(&self) -> AgeBand {
        self.band
    }
}

impl Deref for BandLesson<'_> {
    type Target = Lesson;

    fn deref(&self) -> &Lesson {
        &self.lesson
    }
}

/// The stand-in for `Lesson::for_band` (see the module documentation): the younger band loses
/// the `:::older` callouts of the lesson's sections. The teacher guide is the teacher's and is
/// kept whole.
fn for_band(lesson: &Lesson, band: AgeBand) -> Cow<'_, Lesson> {
    let older = |block: &Block| matches!(block, Block::Callout { kind: CalloutKind::Older, .. });
    let has_older = lesson.sections.iter().any(|section| section.blocks.iter().any(older));
    if band == AgeBand::Older || !has_older {
        return Cow::Borrowed(lesson);
    }
    let mut filtered = lesson.clone();
    for section in &mut filtered.sections {
        section.blocks.retain(|block| !older(block));
    }
    Cow::Owned(filtered)
}
