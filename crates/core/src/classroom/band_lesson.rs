//! A lesson as one age band sees it: the only way the classroom reads a lesson.
//!
//! A class of 12–14-year-olds never sees what is written for ages 15–18: [`BandLesson`] can only
//! be made through `Lesson::for_band`, and every screen, poll, summary and worksheet of the
//! classroom takes a `BandLesson`, never a bare `Lesson`.

use std::borrow::Cow;
use std::ops::Deref;

use crate::band::AgeBand;
use crate::content::Lesson;

/// A lesson filtered for a band (one copy of it: build it once per lesson and band, and keep it).
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
        let filtered = lesson.for_band(band).ok_or(NotForBand { age_min: lesson.age_min, band })?;
        Ok(BandLesson { lesson: Cow::Owned(filtered), band })
    }

    pub fn band(&self) -> AgeBand {
        self.band
    }

    /// The same lesson, owning its copy (it always does: the filter makes one), so the app can
    /// keep it beside the downloaded lesson it came from.
    pub fn into_owned(self) -> BandLesson<'static> {
        BandLesson { lesson: Cow::Owned(self.lesson.into_owned()), band: self.band }
    }
}

impl Deref for BandLesson<'_> {
    type Target = Lesson;

    fn deref(&self) -> &Lesson {
        &self.lesson
    }
}
