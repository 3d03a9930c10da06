//! The course as the app downloads it: a small index of every lesson, then each lesson in a file
//! of its own, fetched when a student opens it. A student's first screen needs the index and at
//! most one lesson, not the whole course (74 KB of Mongolian, brotli, before this split).
//!
//! Files are `content/<locale>/index.bin` and `content/<locale>/<lesson id>.bin`
//! ([`lesson_file`]): a page that opens on a lesson fetches the index and the lesson at once,
//! and the browser checks both with the server on a visit (the service worker keeps them
//! offline, by content hash).
//!
//! They are written in postcard's compact binary form rather than JSON: decoding JSON into the
//! lesson model was the largest single part of a student's wasm (76 KB of 612, measured with
//! twiggy), and the binary files are smaller too. The model is the same serde model the
//! compiler writes and the tools read as JSON.

use serde::{Deserialize, Serialize};

use super::{BUNDLE_FORMAT, Curriculum, DecodeError, Lesson, Section};
use crate::band::AgeBand;

/// Every lesson of one locale, as the course page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseIndex {
    pub format: u32,
    pub locale: String,
    pub lessons: Vec<LessonEntry>,
}

/// What the course page shows of a lesson, and where the lesson itself is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonEntry {
    pub id: String,
    pub version: u32,
    pub age_min: u8,
    pub age_max: u8,
    pub duration_minutes: u16,
    pub title: String,
    pub summary: String,
    pub reviewed: bool,
    /// What each band the lesson is for sees of it (sections, quiz items), for the progress line.
    pub outlines: Vec<Outline>,
}

/// The shape of a lesson as one band sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    pub band: AgeBand,
    pub sections: usize,
    pub quiz: Vec<String>,
}

/// One lesson in its own file, as students read it: without its teacher guide, which is in a
/// [`GuideFile`] of its own (a third of a lesson's bytes that a student never reads).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonFile {
    pub format: u32,
    pub locale: String,
    pub lesson: Lesson,
}

/// A lesson's teacher guide, fetched by the teacher's screens beside the lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuideFile {
    pub format: u32,
    pub locale: String,
    pub lesson: String,
    pub guide: Vec<Section>,
}

impl CourseIndex {
    /// The index of `curriculum`.
    pub fn of(curriculum: &Curriculum) -> CourseIndex {
        let lessons = curriculum
            .lessons
            .iter()
            .map(|lesson| LessonEntry {
                id: lesson.id.clone(),
                version: lesson.version,
                age_min: lesson.age_min,
                age_max: lesson.age_max,
                duration_minutes: lesson.duration_minutes,
                title: lesson.title.clone(),
                summary: lesson.summary.clone(),
                reviewed: lesson.reviewed,
                outlines: AgeBand::ALL
                    .into_iter()
                    .filter_map(|band| lesson.for_band(band))
                    .zip(AgeBand::ALL.into_iter().filter(|band| lesson.is_for(*band)))
                    .map(|(seen, band)| Outline {
                        band,
                        sections: seen.sections.len(),
                        quiz: seen.quiz.iter().map(|item| item.id.clone()).collect(),
                    })
                    .collect(),
            })
            .collect();
        CourseIndex { format: BUNDLE_FORMAT, locale: curriculum.locale.clone(), lessons }
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("the index always serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<CourseIndex, DecodeError> {
        decode_checked(bytes, |index: &CourseIndex| index.format)
    }

    pub fn lesson(&self, id: &str) -> Option<&LessonEntry> {
        self.lessons.iter().find(|lesson| lesson.id == id)
    }
}

impl LessonEntry {
    /// Whether students of `band` are shown this lesson (a lesson for 15 and over is not shown
    /// to 12–14).
    pub fn is_for(&self, band: AgeBand) -> bool {
        band.admits(self.age_min)
    }

    pub fn outline(&self, band: AgeBand) -> Option<&Outline> {
        self.outlines.iter().find(|outline| outline.band == band)
    }
}

impl LessonFile {
    /// The files of `lesson`: the lesson without its guide, and the guide.
    pub fn split(locale: &str, lesson: &Lesson) -> (LessonFile, GuideFile) {
        let mut without_guide = lesson.clone();
        let guide = std::mem::take(&mut without_guide.teacher_guide);
        let locale = locale.to_owned();
        let guide = GuideFile { format: BUNDLE_FORMAT, locale: locale.clone(), lesson: lesson.id.clone(), guide };
        (LessonFile { format: BUNDLE_FORMAT, locale, lesson: without_guide }, guide)
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a lesson always serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<LessonFile, DecodeError> {
        decode_checked(bytes, |file: &LessonFile| file.format)
    }
}

impl GuideFile {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a guide always serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<GuideFile, DecodeError> {
        decode_checked(bytes, |file: &GuideFile| file.format)
    }
}

/// Where a locale's index is, relative to the app's folder.
pub fn index_file(locale: &str) -> String {
    format!("content/{locale}/index.bin")
}

/// Where a lesson is, relative to the app's folder.
pub fn lesson_file(locale: &str, lesson: &str) -> String {
    format!("content/{locale}/{lesson}.bin")
}

/// Where a lesson's teacher guide is.
pub fn guide_file(locale: &str, lesson: &str) -> String {
    format!("content/{locale}/{lesson}.guide.bin")
}

/// Decodes, then refuses another format version: the format is the first thing in the file, so
/// a file of another format is named as such even when the rest no longer decodes.
fn decode_checked<T: serde::de::DeserializeOwned>(bytes: &[u8], format: impl Fn(&T) -> u32) -> Result<T, DecodeError> {
    match postcard::from_bytes::<T>(bytes) {
        Ok(value) if format(&value) == BUNDLE_FORMAT => Ok(value),
        Ok(value) => Err(DecodeError::WrongFormat { found: format(&value) }),
        Err(err) => match postcard::take_from_bytes::<u32>(bytes) {
            Ok((found, _)) if found != BUNDLE_FORMAT => Err(DecodeError::WrongFormat { found }),
            _ => Err(DecodeError::Malformed(err.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real_curricula() -> Vec<Curriculum> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        crate::content::compile::compile(&dir).expect("the real lessons compile").curricula
    }

    #[test]
    fn the_index_outlines_what_each_band_sees() {
        for curriculum in real_curricula() {
            let index = CourseIndex::of(&curriculum);
            assert_eq!(CourseIndex::decode(&index.encode()), Ok(index.clone()));
            for (entry, lesson) in index.lessons.iter().zip(&curriculum.lessons) {
                for band in AgeBand::ALL {
                    match lesson.for_band(band) {
                        Some(seen) => {
                            let outline = entry.outline(band).expect("an outline for every band the lesson is for");
                            assert_eq!(outline.sections, seen.sections.len());
                            assert_eq!(outline.quiz.len(), seen.quiz.len());
                            assert!(entry.is_for(band));
                        }
                        None => assert!(entry.outline(band).is_none() && !entry.is_for(band)),
                    }
                }
            }
        }
    }

    #[test]
    fn a_lesson_file_round_trips_and_another_format_is_refused() {
        let curriculum = &real_curricula()[0];
        let lesson = &curriculum.lessons[0];
        let (file, guide) = LessonFile::split(&curriculum.locale, lesson);
        assert_eq!(LessonFile::decode(&file.encode()), Ok(file.clone()));
        assert_eq!(GuideFile::decode(&guide.encode()), Ok(guide.clone()));
        assert!(file.lesson.teacher_guide.is_empty() && !guide.guide.is_empty());
        assert_eq!(Lesson { teacher_guide: guide.guide, ..file.lesson.clone() }, *lesson);
        let mut older = file.encode();
        older[0] = 1;
        assert_eq!(LessonFile::decode(&older), Err(DecodeError::WrongFormat { found: 1 }));
        let cut = &file.encode()[..40];
        assert!(matches!(LessonFile::decode(cut), Err(DecodeError::Malformed(_))));
        assert!(matches!(CourseIndex::decode(&[]), Err(DecodeError::Malformed(_))));
    }
}
