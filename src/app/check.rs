//! The awareness check's bundle (`check.html`): one screen whose steps (start, test, done) are
//! states rather than addresses, so no code or attempt is ever in the history.

use yew::prelude::*;

use super::Bundle;
use super::frame::Frame;
use crate::pages::check::CheckPage;
use crate::state::{AssessmentProvider, DeviceProvider, LocaleProvider};

#[component]
pub fn CheckApp() -> Html {
    html! {
        <ContextProvider<Bundle> context={Bundle::Check}>
            <LocaleProvider messages={crate::deployment::CHECK_MESSAGES}>
                // A hand-in on a teacher's device is sealed to the teacher's key as it is made.
                <DeviceProvider scope={aware_core::store::Scope::CHECK} sealer={Some(crate::state::seal as crate::state::Sealer)}>
                    <AssessmentProvider>
                        <CheckScreen />
                    </AssessmentProvider>
                </DeviceProvider>
            </LocaleProvider>
        </ContextProvider<Bundle>>
    }
}

/// The check in its frame.
#[component]
pub fn CheckScreen() -> Html {
    html! {
        // The check's steps are states of one screen: a new version waits for the student's choice.
        <Frame screen="/" in_quiz=true>
            <CheckPage />
        </Frame>
    }
}
