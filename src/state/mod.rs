//! The app's state, as provider components with a `use_*` hook each: the language and its
//! messages, the age band, the lessons, everything kept on the device (one provider over
//! `aware_core::store::DeviceStore`: progress, results, studies, the remembered code, the
//! teacher's sealed data), the pre/post assessment, and the classroom sessions (those kept, and
//! the one running in this window). Screens read state through the hooks and
//! change it with the store's verbs; persistence and decoding are `aware_core`'s, browser access
//! `crate::platform`'s.

mod assessment;
mod band;
mod content;
mod device;
mod l10n;
mod live_session;
mod sealing;
mod sessions;

pub use assessment::{AssessmentProvider, AssessmentState, use_assessment};
pub use band::{BandContext, BandProvider, use_band, use_for_band};
pub use content::{ContentProvider, Loadable, PreloadedContent, use_course, use_guide, use_lesson};
pub use device::{
    Device, DeviceProvider, ProgressAction, ProgressContext, Sealer, StudyAction, StudyContext, use_device,
    use_progress, use_study,
};
pub use l10n::{L10n, LocaleProvider, use_l10n, use_title};
pub use live_session::{LiveSession, use_live_session};
pub use sealing::{refresh as refresh_teacher, seal, set_up as set_up_teacher, unlock as unlock_teacher};
pub use sessions::{SessionsContext, SessionsNotice, use_sessions};
