//! The teacher's bundle (`teacher.html`): studies, code cards, imports, class reports and
//! exports, the printable teacher guide of each lesson with its worksheets, and classroom sessions (a lesson
//! presented on a projector, its presenter view in a second window, polls, the summary, printable
//! answer cards). Students' screens do not link here.

use yew::prelude::*;

use super::Bundle;
use super::frame::{Frame, PresentFrame};
use super::router::{Route, Router, use_route};
use crate::pages::teacher;
use crate::state::{AssessmentProvider, ContentProvider, DeviceProvider, LocaleProvider};

#[derive(Debug, Clone, PartialEq)]
pub enum TeacherRoute {
    Home,
    Study {
        id: String,
    },
    CodeCards {
        id: String,
    },
    Report {
        id: String,
    },
    Guide {
        id: String,
    },
    /// A lesson's worksheet and answer key, to print (band, sheet and paper chosen there).
    Worksheets {
        lesson: String,
    },
    /// "Data on this device", with the teacher's sealed data.
    Data,
    /// Starting a classroom session of a lesson: band and language.
    Present {
        lesson: String,
    },
    /// The class's (audience) view of a session, for the projector.
    Audience {
        session: String,
    },
    /// The presenter view of a session, in a second window on the teacher's device.
    Presenter {
        session: String,
    },
    SessionSummary {
        session: String,
    },
    AnswerCards,
    NotFound,
}

impl TeacherRoute {
    /// The two present views show the lesson alone: no site navigation, "Exit this page" stays.
    pub fn is_present_view(&self) -> bool {
        matches!(self, TeacherRoute::Audience { .. } | TeacherRoute::Presenter { .. })
    }
}

impl Route for TeacherRoute {
    fn parse(path: &str) -> TeacherRoute {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let id = |text: &&str| (!text.is_empty()).then(|| (*text).to_owned());
        match parts.as_slice() {
            [""] => TeacherRoute::Home,
            ["data"] => TeacherRoute::Data,
            ["studies", study] => id(study).map_or(TeacherRoute::NotFound, |id| TeacherRoute::Study { id }),
            ["studies", study, "cards"] => {
                id(study).map_or(TeacherRoute::NotFound, |id| TeacherRoute::CodeCards { id })
            }
            ["studies", study, "report"] => id(study).map_or(TeacherRoute::NotFound, |id| TeacherRoute::Report { id }),
            ["guides", lesson] => id(lesson).map_or(TeacherRoute::NotFound, |id| TeacherRoute::Guide { id }),
            ["guides", lesson, "worksheets"] => {
                id(lesson).map_or(TeacherRoute::NotFound, |lesson| TeacherRoute::Worksheets { lesson })
            }
            ["present", lesson] => id(lesson).map_or(TeacherRoute::NotFound, |lesson| TeacherRoute::Present { lesson }),
            ["sessions", session] => {
                id(session).map_or(TeacherRoute::NotFound, |session| TeacherRoute::SessionSummary { session })
            }
            ["sessions", session, "present"] => {
                id(session).map_or(TeacherRoute::NotFound, |session| TeacherRoute::Audience { session })
            }
            ["sessions", session, "presenter"] => {
                id(session).map_or(TeacherRoute::NotFound, |session| TeacherRoute::Presenter { session })
            }
            ["answer-cards"] => TeacherRoute::AnswerCards,
            _ => TeacherRoute::NotFound,
        }
    }

    fn path(&self) -> String {
        match self {
            TeacherRoute::Home => "/".to_owned(),
            TeacherRoute::Study { id } => format!("/studies/{id}"),
            TeacherRoute::CodeCards { id } => format!("/studies/{id}/cards"),
            TeacherRoute::Report { id } => format!("/studies/{id}/report"),
            TeacherRoute::Guide { id } => format!("/guides/{id}"),
            TeacherRoute::Worksheets { lesson } => format!("/guides/{lesson}/worksheets"),
            TeacherRoute::Data => "/data".to_owned(),
            TeacherRoute::Present { lesson } => format!("/present/{lesson}"),
            TeacherRoute::Audience { session } => format!("/sessions/{session}/present"),
            TeacherRoute::Presenter { session } => format!("/sessions/{session}/presenter"),
            TeacherRoute::SessionSummary { session } => format!("/sessions/{session}"),
            TeacherRoute::AnswerCards => "/answer-cards".to_owned(),
            TeacherRoute::NotFound => "/not-found".to_owned(),
        }
    }
}

/// The screens behind the teacher's passphrase: everything that shows, imports, exports or
/// deletes what the device keeps of a class (results, studies, session summaries). A lesson's
/// teacher guide and a running session's screens open without it.
pub fn switch(route: TeacherRoute) -> Html {
    match route {
        TeacherRoute::Guide { id } => html! { <teacher::guide::TeacherGuidePage {id} /> },
        // The quiz on paper, like the guide, holds no student's data.
        TeacherRoute::Worksheets { lesson } => html! { <teacher::worksheet::WorksheetPage {lesson} /> },
        // A running session shows the class its own counts of raised cards, never a student's
        // answer or code: the projector's window opens without the passphrase typed in front of
        // the class. What is kept of it afterwards is sealed, and its summary is gated.
        TeacherRoute::Present { lesson } => html! { <teacher::present::StartPage {lesson} /> },
        TeacherRoute::Audience { session } => {
            html! { <teacher::present::SessionPage {session} role={aware_core::classroom::Role::Audience} /> }
        }
        TeacherRoute::Presenter { session } => {
            html! { <teacher::present::SessionPage {session} role={aware_core::classroom::Role::Presenter} /> }
        }
        TeacherRoute::AnswerCards => html! { <teacher::answer_cards::AnswerCardsPage /> },
        TeacherRoute::NotFound => html! { <crate::pages::student::not_found::NotFoundPage /> },
        route => html! { <teacher::gate::TeacherGate>{ gated(route) }</teacher::gate::TeacherGate> },
    }
}

fn gated(route: TeacherRoute) -> Html {
    match route {
        TeacherRoute::Home => html! { <teacher::TeacherPage /> },
        TeacherRoute::Study { id } => html! { <teacher::study::StudyPage {id} /> },
        TeacherRoute::CodeCards { id } => html! { <teacher::cards::CodeCardsPage {id} /> },
        TeacherRoute::Report { id } => html! { <teacher::report::ReportPage {id} /> },
        TeacherRoute::Data => html! { <crate::components::device_data::DeviceDataPage teacher=true /> },
        TeacherRoute::SessionSummary { session } => html! { <teacher::present::summary::SummaryPage {session} /> },
        // Not behind the passphrase (see `switch`).
        TeacherRoute::Guide { .. }
        | TeacherRoute::Worksheets { .. }
        | TeacherRoute::Present { .. }
        | TeacherRoute::Audience { .. }
        | TeacherRoute::Presenter { .. }
        | TeacherRoute::AnswerCards
        | TeacherRoute::NotFound => Html::default(),
    }
}

#[component]
pub fn TeacherApp() -> Html {
    html! {
        <ContextProvider<Bundle> context={Bundle::Teacher}>
            <LocaleProvider messages={crate::deployment::TEACHER_MESSAGES}>
                <DeviceProvider scope={aware_core::store::Scope::ALL} sealer={Some(crate::state::seal as crate::state::Sealer)}>
                    <ContentProvider>
                        <AssessmentProvider>
                            <Router<TeacherRoute>>
                                <TeacherScreen />
                            </Router<TeacherRoute>>
                        </AssessmentProvider>
                    </ContentProvider>
                </DeviceProvider>
            </LocaleProvider>
        </ContextProvider<Bundle>>
    }
}

/// The screen the address names, in its frame.
#[component]
pub fn TeacherScreen() -> Html {
    let route = use_route::<TeacherRoute>();
    if route.is_present_view() {
        return html! { <PresentFrame screen={route.path()}>{ switch(route) }</PresentFrame> };
    }
    html! {
        <Frame screen={route.path()}>
            { switch(route) }
        </Frame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_reads_back_from_its_address() {
        for route in [
            TeacherRoute::Home,
            TeacherRoute::Study { id: "K7QP".into() },
            TeacherRoute::CodeCards { id: "K7QP".into() },
            TeacherRoute::Report { id: "K7QP".into() },
            TeacherRoute::Guide { id: "getting-help".into() },
            TeacherRoute::Worksheets { lesson: "getting-help".into() },
            TeacherRoute::Data,
            TeacherRoute::Present { lesson: "getting-help".into() },
            TeacherRoute::Audience { session: "00ff00ff00ff00ff".into() },
            TeacherRoute::Presenter { session: "00ff00ff00ff00ff".into() },
            TeacherRoute::SessionSummary { session: "00ff00ff00ff00ff".into() },
            TeacherRoute::AnswerCards,
        ] {
            assert_eq!(TeacherRoute::parse(&route.path()), route);
        }
        assert_eq!(TeacherRoute::parse("/studies//cards"), TeacherRoute::NotFound);
    }
}
