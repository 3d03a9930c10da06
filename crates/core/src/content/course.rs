//! The course as the app downloads it: a small index of every lesson, then each lesson in a file
//! of its own, fetched when a student opens it. A student's first screen needs the index and at
//! most one lesson, not the whole course (74 KB of Mongolian, brotli, before this split).
//!
//! Files are `content/<locale>/index.json` and `content/<locale>/<lesson id>.json`
//! ([`lesson_file`]): a page that opens on a lesson fetches the index and the lesson at once,
//! and the browser checks both with the server on a visit (the service worker keeps them
//! offline, by content hash).

use serde::{Deserialize, Serialize};

use super::{BUNDLE_FORMAT, Curriculum, DecodeError, Lesson};
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

/// One lesson in its own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonFile {
    pub format: u32,
    pub locale: String,
    pub lesson: Lesson,
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

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("the index always serialises")
    }

    pub fn decode(json: &str) -> Result<CourseIndex, DecodeError> {
        decode_checked(json, |index: &CourseIndex| index.format)
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
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a lesson always serialises")
    }

    pub fn decode(json: &str) -> Result<LessonFile, DecodeError> {
        decode_checked(json, |file: &LessonFile| file.format)
    }
}

/// Where a locale's index is, relative to the app's folder.
pub fn index_file(locale: &str) -> String {
    format!("content/{locale}/index.json")
}

/// Where a lesson is, relative to the app's folder.
pub fn lesson_file(locale: &str, lesson: &str) -> String {
    format!("content/{locale}/{lesson}.json")
}

/// Decodes, then refuses another format version. A file of another format that still decodes
/// is refused by its number; one that does not is reported damaged.
fn decode_checked<T: serde::de::DeserializeOwned>(json: &str, format: impl Fn(&T) -> u32) -> Result<T, DecodeError> {
    #[derive(Deserialize)]
    struct Header {
        format: u32,
    }
    match serde_json::from_str::<T>(json) {
        Ok(value) if format(&value) == BUNDLE_FORMAT => Ok(value),
        Ok(value) => Err(DecodeError::WrongFormat { found: format(&value) }),
        Err(err) => match serde_json::from_str::<Header>(json) {
            Ok(header) if header.format != BUNDLE_FORMAT => Err(DecodeError::WrongFormat { found: header.format }),
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
        let file = LessonFile {
            format: BUNDLE_FORMAT,
            locale: curriculum.locale.clone(),
            lesson: curriculum.lessons[0].clone(),
        };
        assert_eq!(LessonFile::decode(&file.encode()), Ok(file.clone()));
        let older = file.encode().replacen(&format!("\"format\":{BUNDLE_FORMAT}"), "\"format\":1", 1);
        assert_eq!(LessonFile::decode(&older), Err(DecodeError::WrongFormat { found: 1 }));
        assert!(matches!(LessonFile::decode("{\"format\":3"), Err(DecodeError::Malformed(_))));
        assert!(matches!(CourseIndex::decode("[]"), Err(DecodeError::Malformed(_))));
    }
}
