//! Native review of translations: a language's `reviewed = true` rests on a review record.
//!
//! `aware review-sheet <locale>` prints every part (each lesson, the assessment, the interface)
//! beside the original, with a fingerprint of that part's words in both languages. When a native
//! speaker has reviewed a part, a record goes into `locales/<locale>/reviews.toml`:
//!
//! ```toml
//! [[review]]
//! part = "what-is-trafficking"    # a lesson id, "assessment" or "interface"
//! fingerprint = "3f2a9c0d51e7b846"  # as printed on the sheet
//! role = "Mongolian language teacher"  # who reviewed, by role: no name
//! date = "2026-12-03"
//! ```
//!
//! The compiler refuses `reviewed = true` for a part whose current fingerprint has no record, so
//! editing either language after a review takes the flag back until the change is reviewed.
//! The original language (English) is the reference and needs no record.

use std::path::Path;

use sha2::{Digest, Sha256};
use toml::Spanned;

use super::diagnostic::{Diagnostic, SourceFile};
use super::is_iso_date;
use super::toml_table::{self, Table, check_id};
use crate::assessment::{Assessment, Retired};
use crate::content::{Curriculum, Lesson};

/// The language the others are translated from (`lessons/README.md`, "Adding a language").
pub const ORIGINAL_LOCALE: &str = "en";
/// The part name of the assessment and of the interface (`locales/<locale>/app.ftl`) in review
/// records; a lesson's part name is its id.
pub const ASSESSMENT_PART: &str = "assessment";
pub const INTERFACE_PART: &str = "interface";

/// The first 16 hex digits of a SHA-256 of a part's words in the original and the translation:
/// short enough to copy from a printed sheet, long enough that an edit never keeps it.
pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}

/// A lesson's words in both languages: everything the compiled lessons hold except whether they
/// were reviewed and the source list (which is not translated).
pub fn lesson_fingerprint(original: &Lesson, translation: &Lesson) -> String {
    let words = |lesson: &Lesson| Lesson { reviewed: false, sources: Vec::new(), ..lesson.clone() };
    let both = serde_json::to_vec(&(words(original), words(translation))).expect("lessons always serialise");
    fingerprint(&both)
}

/// The assessment's words asked now, in the original and `locale`.
pub fn assessment_fingerprint(assessment: &Assessment, locale: &str) -> String {
    let mut words = assessment.clone();
    let keep = |texts: &mut crate::assessment::Texts| texts.retain(|l, _| l == ORIGINAL_LOCALE || l == locale);
    words.reviewed.clear();
    words.retired = Retired::default();
    words.locales.retain(|l| l == ORIGINAL_LOCALE || l == locale);
    words.labels.retain(|l, _| l == ORIGINAL_LOCALE || l == locale);
    for scale in &mut words.scales {
        keep(&mut scale.name);
    }
    for item in &mut words.knowledge {
        keep(&mut item.prompt);
        keep(&mut item.explanation);
        for option in &mut item.options {
            keep(&mut option.text);
        }
    }
    for item in &mut words.likert {
        keep(&mut item.statement);
    }
    fingerprint(&serde_json::to_vec(&words).expect("the assessment always serialises"))
}

/// The interface's messages: both `app.ftl` files as written.
pub fn interface_fingerprint(original_ftl: &str, translation_ftl: &str) -> String {
    fingerprint(format!("{original_ftl}\u{0}{translation_ftl}").as_bytes())
}

/// One record of `reviews.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    pub part: String,
    pub fingerprint: String,
    pub role: String,
    pub date: String,
}

/// The review records of `locale`; none when `locales/<locale>/reviews.toml` does not exist.
pub fn read_reviews(locales_dir: &Path, locale: &str, errors: &mut Vec<Diagnostic>) -> Vec<ReviewRecord> {
    let path = locales_dir.join(locale).join("reviews.toml");
    let mut records = Vec::new();
    if !path.exists() {
        return records;
    }
    let Some(file) = SourceFile::read(&path, errors) else { return records };
    let Some(doc) = toml_table::parse(&file, errors) else { return records };
    let mut root = Table::new(&file, &doc, "reviews.toml");
    for mut table in root.tables("review", errors) {
        let part = table.string("part", errors).filter(|part| check_id(&file, part, "part", errors));
        let fingerprint = table.string("fingerprint", errors).filter(|print| {
            let ok =
                print.get_ref().len() == 16 && print.get_ref().bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !ok {
                errors.push(file.error(
                    print.span(),
                    "`fingerprint` must be the 16 digits and letters a–f printed on the review sheet",
                ));
            }
            ok
        });
        let role = table.string("role", errors);
        let date = table.string("date", errors).filter(|date| {
            let ok = is_iso_date(date.get_ref());
            if !ok {
                errors.push(file.error(date.span(), "`date` must be a date written YYYY-MM-DD"));
            }
            ok
        });
        table.finish(errors);
        if let (Some(part), Some(fingerprint), Some(role), Some(date)) = (part, fingerprint, role, date) {
            records.push(ReviewRecord {
                part: part.into_inner(),
                fingerprint: fingerprint.into_inner(),
                role: role.into_inner(),
                date: date.into_inner(),
            });
        }
    }
    root.finish(errors);
    records
}

fn require_record(
    records: &[ReviewRecord],
    locale: &str,
    part: &str,
    fingerprint: &str,
    at: (&Path, usize),
    errors: &mut Vec<Diagnostic>,
) {
    if records.iter().any(|record| record.part == part && record.fingerprint == fingerprint) {
        return;
    }
    errors.push(Diagnostic {
        path: at.0.to_owned(),
        line: at.1,
        message: format!(
            "`reviewed = true`, but locales/{locale}/reviews.toml has no review of `{part}` with its current fingerprint {fingerprint}: run `aware review-sheet {locale}`, have it reviewed, then add the record"
        ),
    });
}

/// Every translated lesson that says `reviewed = true` needs a record of its current words.
pub(crate) fn check_lessons(
    locales_dir: &Path,
    lessons_dir: &Path,
    curricula: &[Curriculum],
    errors: &mut Vec<Diagnostic>,
) {
    let Some(original) = curricula.iter().find(|c| c.locale == ORIGINAL_LOCALE) else { return };
    for curriculum in curricula.iter().filter(|c| c.locale != ORIGINAL_LOCALE) {
        let reviewed: Vec<&Lesson> = curriculum.lessons.iter().filter(|lesson| lesson.reviewed).collect();
        if reviewed.is_empty() {
            continue;
        }
        let records = read_reviews(locales_dir, &curriculum.locale, errors);
        for lesson in reviewed {
            let Some(source) = original.lesson(&lesson.id) else { continue };
            let path = lessons_dir.join(&lesson.id).join(&curriculum.locale).join("lesson.toml");
            let line = reviewed_line(&path);
            let print = lesson_fingerprint(source, lesson);
            require_record(&records, &curriculum.locale, &lesson.id, &print, (&path, line), errors);
        }
    }
}

/// The assessment's `reviewed = true` in `locale` (written at `path:line`) needs a record.
pub(crate) fn check_assessment(
    locales_dir: &Path,
    assessment: &Assessment,
    locale: &str,
    path: &Path,
    line: usize,
    errors: &mut Vec<Diagnostic>,
) {
    if locale == ORIGINAL_LOCALE {
        return;
    }
    let records = read_reviews(locales_dir, locale, errors);
    let print = assessment_fingerprint(assessment, locale);
    require_record(&records, locale, ASSESSMENT_PART, &print, (path, line), errors);
}

/// `locales/locales.toml`: a translated interface that says `reviewed = true` needs a record of
/// its current `app.ftl` and the original's.
pub fn check_interface(locales_dir: &Path) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let Some(file) = SourceFile::read(&locales_dir.join("locales.toml"), &mut errors) else { return Err(errors) };
    let Some(doc) = toml_table::parse(&file, &mut errors) else { return Err(errors) };
    let original = std::fs::read_to_string(locales_dir.join(ORIGINAL_LOCALE).join("app.ftl")).unwrap_or_default();
    for (locale, value) in doc.get_ref().iter() {
        let locale: &str = locale.get_ref();
        let Some(toml::de::DeValue::Table(entry)) = Some(value.get_ref()) else { continue };
        let Some(flag) = entry.get("reviewed") else { continue };
        if locale == ORIGINAL_LOCALE || !matches!(flag.get_ref(), toml::de::DeValue::Boolean(true)) {
            continue;
        }
        let ftl = locales_dir.join(locale).join("app.ftl");
        let Some(translation) = SourceFile::read(&ftl, &mut errors) else { continue };
        let records = read_reviews(locales_dir, locale, &mut errors);
        let print = interface_fingerprint(&original, &translation.text);
        let at = (file.path.as_path(), file.line_of(Spanned::span(flag).start));
        require_record(&records, locale, INTERFACE_PART, &print, at, &mut errors);
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Whether `locales/locales.toml` says the interface in `locale` is reviewed (false when it
/// cannot be read; [`check_interface`] reports why).
pub fn interface_reviewed(locales_dir: &Path, locale: &str) -> bool {
    std::fs::read_to_string(locales_dir.join("locales.toml"))
        .ok()
        .and_then(|text| toml::from_str::<toml::Table>(&text).ok())
        .and_then(|table| table.get(locale)?.get("reviewed")?.as_bool())
        .unwrap_or(false)
}

/// The line of `reviewed = …` in a lesson's text file (1 if it cannot be found).
fn reviewed_line(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.lines().position(|line| line.trim_start().starts_with("reviewed")))
        .map_or(1, |index| index + 1)
}
