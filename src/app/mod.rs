//! The root component: contexts around the router, the frame around every screen.

mod curriculum;
mod l10n;
mod progress;
mod route;

use yew::prelude::*;
use yew_router::prelude::*;

pub use curriculum::{CurriculumProvider, CurriculumState, use_curriculum};
pub use l10n::{L10n, LocaleProvider, use_l10n, use_title};
pub use progress::{ProgressAction, ProgressContext, ProgressProvider, StorageNotice, use_progress};
pub use route::{Route, switch};

use crate::components::frame::Frame;

#[component]
pub fn App() -> Html {
    html! {
        <LocaleProvider>
            <ProgressProvider>
                <CurriculumProvider>
                    <BrowserRouter>
                        <Frame>
                            <Switch<Route> render={switch} />
                        </Frame>
                    </BrowserRouter>
                </CurriculumProvider>
            </ProgressProvider>
        </LocaleProvider>
    }
}
