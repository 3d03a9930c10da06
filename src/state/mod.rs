//! The app's state, as provider components with a `use_*` hook each: the language and its
//! messages, the age band, the lessons, the student's progress, the studies and results kept on the device,
//! and the pre/post assessment. Screens read state through the hooks and change it with
//! actions; persistence and decoding are `aware_core`'s, browser access `crate::platform`'s.

mod assessment;
mod band;
mod content;
mod l10n;
mod progress;
mod study;

pub use assessment::{AssessmentProvider, AssessmentState, use_assessment};
pub use band::{BandContext, BandProvider, use_band, use_for_band};
pub use content::{ContentProvider, Loadable, PreloadedContent, use_course, use_guide, use_lesson};
pub use l10n::{L10n, LocaleProvider, use_l10n, use_title};
pub use progress::{ProgressAction, ProgressContext, ProgressProvider, StorageNotice, use_progress};
pub use study::{StudyAction, StudyContext, StudyProvider, StudyState, use_study};
