//! The student's bundle (`index.html`): the course, lessons, quizzes, scenarios and "Get help".

use yew::prelude::*;

use super::Bundle;
use super::embed::EmbedSession;
use super::frame::Frame;
use super::router::{Route, Router, use_route};
use crate::pages::student;
use crate::platform::embed;
use crate::state::{BandProvider, ContentProvider, DeviceProvider, LocaleProvider};

/// The student's screens. Numbers in addresses count from 1, as students do.
#[derive(Debug, Clone, PartialEq)]
pub enum StudentRoute {
    Course,
    Section {
        id: String,
        number: usize,
    },
    Question {
        id: String,
        number: usize,
    },
    Result {
        id: String,
    },
    Help,
    /// "Data on this device": what Aware keeps here, and deleting it.
    Data,
    NotFound,
}

impl Route for StudentRoute {
    fn parse(path: &str) -> StudentRoute {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let number = |text: &str| text.parse::<usize>().ok().filter(|n| *n >= 1);
        let id = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        match parts.as_slice() {
            [""] => StudentRoute::Course,
            ["help"] => StudentRoute::Help,
            ["data"] => StudentRoute::Data,
            ["lessons", lesson, "section", n] => match (id(lesson), number(n)) {
                (Some(id), Some(number)) => StudentRoute::Section { id, number },
                _ => StudentRoute::NotFound,
            },
            ["lessons", lesson, "quiz", n] => match (id(lesson), number(n)) {
                (Some(id), Some(number)) => StudentRoute::Question { id, number },
                _ => StudentRoute::NotFound,
            },
            ["lessons", lesson, "result"] => {
                id(lesson).map_or(StudentRoute::NotFound, |id| StudentRoute::Result { id })
            }
            _ => StudentRoute::NotFound,
        }
    }

    fn path(&self) -> String {
        match self {
            StudentRoute::Course => "/".to_owned(),
            StudentRoute::Section { id, number } => format!("/lessons/{id}/section/{number}"),
            StudentRoute::Question { id, number } => format!("/lessons/{id}/quiz/{number}"),
            StudentRoute::Result { id } => format!("/lessons/{id}/result"),
            StudentRoute::Help => "/help".to_owned(),
            StudentRoute::Data => "/data".to_owned(),
            StudentRoute::NotFound => "/not-found".to_owned(),
        }
    }
}

impl StudentRoute {
    /// This screen's address as a link from a screen of `from`.
    pub fn href(&self, from: Bundle) -> String {
        Bundle::Student.href(from, &self.path())
    }
}

pub fn switch(route: StudentRoute) -> Html {
    match route {
        StudentRoute::Course => html! { <student::course::CoursePage /> },
        StudentRoute::Section { id, number } => {
            let key = format!("{id}/{number}");
            html! { <student::section::SectionPage {key} {id} {number} /> }
        }
        StudentRoute::Question { id, number } => {
            let key = format!("{id}/{number}");
            html! { <student::question::QuestionPage {key} {id} {number} /> }
        }
        StudentRoute::Result { id } => html! { <student::result::ResultPage {id} /> },
        StudentRoute::Help => html! { <student::help::HelpPage /> },
        StudentRoute::Data => html! { <crate::components::device_data::DeviceDataPage /> },
        StudentRoute::NotFound => html! { <student::not_found::NotFoundPage /> },
    }
}

/// The student bundle's root: its state around its router, the frame around every screen. As
/// the embed view (`embed.html`) the screens run inside the session that talks to the campaign's
/// page.
#[component]
pub fn StudentApp() -> Html {
    html! {
        <ContextProvider<Bundle> context={Bundle::Student}>
            <LocaleProvider messages={crate::deployment::STUDENT_MESSAGES}>
                // No sealer: the lessons never store a teacher's data, so this bundle links no cryptography.
                <DeviceProvider scope={aware_core::store::Scope::LESSONS}>
                    <BandProvider>
                        <ContentProvider>
                            if embed::is_embed_view() {
                                <EmbedSession>
                                    <Router<StudentRoute>>
                                        <StudentScreen />
                                    </Router<StudentRoute>>
                                </EmbedSession>
                            } else {
                                <Router<StudentRoute>>
                                    <StudentScreen />
                                </Router<StudentRoute>>
                            }
                        </ContentProvider>
                    </BandProvider>
                </DeviceProvider>
            </LocaleProvider>
        </ContextProvider<Bundle>>
    }
}

/// The screen the address names, in its frame (the root and the component tests mount this).
#[component]
pub fn StudentScreen() -> Html {
    let route = use_route::<StudentRoute>();
    let in_quiz = matches!(route, StudentRoute::Question { .. } | StudentRoute::Result { .. });
    html! {
        <Frame screen={route.path()} {in_quiz}>
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
            StudentRoute::Course,
            StudentRoute::Section { id: "what-is-trafficking".into(), number: 2 },
            StudentRoute::Question { id: "getting-help".into(), number: 10 },
            StudentRoute::Result { id: "getting-help".into() },
            StudentRoute::Help,
            StudentRoute::Data,
        ] {
            assert_eq!(StudentRoute::parse(&route.path()), route);
        }
    }

    #[test]
    fn malformed_addresses_are_not_found() {
        for path in ["/lessons", "/lessons/x/section/0", "/lessons/x/section/two", "/lessons//quiz/1", "/teacher", "x"]
        {
            assert_eq!(StudentRoute::parse(path), StudentRoute::NotFound, "{path}");
        }
        assert_eq!(StudentRoute::parse(""), StudentRoute::Course);
    }
}
