//! The app's state, as provider components with a `use_*` hook each: the language and its
//! messages, the age band, the lessons, the student's progress, the studies and results kept on
//! the device, the pre/post assessment, and the classroom sessions (those kept, and the one
//! running in this window). Screens read state through the hooks and change it with actions;
//! persistence and decoding are `aware_core`'s, browser access `crate::platform`'s.

mod assessment;
mod band;
mod content;
mod l10n;
mod live_session;
mod progress;
mod sessions;
mod study;

pub use assessment::{AssessmentProvider, AssessmentState, use_assessment};
pub use band::{BandContext, BandProvider, use_band, use_for_band};
pub use content::{ContentProvider, Loadable, PreloadedContent, use_course, use_lesson};
pub use l10n::{L10n, LocaleProvider, use_l10n, use_title};
pub use live_session::{LiveSession, use_live_session};
pub use progress::{ProgressAction, ProgressContext, ProgressProvider, StorageNotice, use_progress};
pub use sessions::{SessionsContext, SessionsNotice, SessionsProvider, use_sessions};
pub use study::{StudyAction, StudyContext, StudyProvider, StudyState, use_study};
