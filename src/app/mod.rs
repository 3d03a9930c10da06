//! The app itself: a root per bundle, each bundle's screens and addresses, the frame around every
//! screen, and the router. State (language, lessons, progress, studies) lives in `crate::state`;
//! screens in `crate::pages`.
//!
//! Aware is three bundles, each its own HTML page and wasm module, so that a student never
//! downloads what only a teacher uses: `index.html` (the student's lessons and quizzes, also
//! shown as `embed.html` on campaign sites), `check.html` (the pre/post awareness check) and
//! `teacher.html` (studies, reports, teacher guides).

pub mod check;
pub mod embed;
pub mod frame;
pub mod router;
pub mod student;
pub mod teacher;

use yew::prelude::*;

/// One of Aware's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    Student,
    Check,
    Teacher,
}

impl Bundle {
    /// The page's file, relative to the app's folder.
    pub fn file(self) -> &'static str {
        match self {
            Bundle::Student => "index.html",
            Bundle::Check => "check.html",
            Bundle::Teacher => "teacher.html",
        }
    }

    /// The address of screen `path` of this bundle, as a link on a screen of bundle `from`: the
    /// fragment alone within the same page (no reload), the page's file and fragment otherwise.
    pub fn href(self, from: Bundle, path: &str) -> String {
        if self == from { format!("#{path}") } else { format!("{}#{path}", self.file()) }
    }
}

/// The bundle that is running, for links that may lead to another.
#[hook]
pub fn use_bundle() -> Bundle {
    use_context::<Bundle>().unwrap_or(Bundle::Student)
}
