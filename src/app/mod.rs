//! The root component: contexts around the router, the frame around every screen.

mod assessment;
mod curriculum;
mod l10n;
mod progress;
mod route;
mod study;

use yew::prelude::*;
use yew_router::prelude::*;

pub use assessment::{AssessmentProvider, AssessmentState, use_assessment};
pub use curriculum::{CurriculumProvider, CurriculumState, use_curriculum};
pub use l10n::{L10n, LocaleProvider, use_l10n, use_title};
pub use progress::{ProgressAction, ProgressContext, ProgressProvider, StorageNotice, use_progress};
pub use route::{Route, switch};
pub use study::{StudyAction, StudyContext, StudyProvider, StudyState, use_study};

use crate::components::frame::Frame;

#[component]
pub fn App() -> Html {
    html! {
        <LocaleProvider>
            <ProgressProvider>
                <StudyProvider>
                    <CurriculumProvider>
                        <AssessmentProvider>
                            <BrowserRouter>
                                <Frame>
                                    <Switch<Route> render={switch} />
                                </Frame>
                            </BrowserRouter>
                        </AssessmentProvider>
                    </CurriculumProvider>
                </StudyProvider>
            </ProgressProvider>
        </LocaleProvider>
    }
}
