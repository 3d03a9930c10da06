//! The teacher's bundle (`teacher.html`): studies, code cards, imports, class reports and
//! exports, and the printable teacher guide of each lesson. Students' screens do not link here.

use yew::prelude::*;

use super::Bundle;
use super::frame::Frame;
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
    /// "Data on this device", with the teacher's sealed data.
    Data,
    NotFound,
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
            TeacherRoute::Data => "/data".to_owned(),
            TeacherRoute::NotFound => "/not-found".to_owned(),
        }
    }
}

/// The screens behind the teacher's passphrase: everything that shows, imports, exports or
/// deletes results. A lesson's teacher guide holds no data and opens without it.
pub fn switch(route: TeacherRoute) -> Html {
    match route {
        TeacherRoute::Guide { id } => html! { <teacher::guide::TeacherGuidePage {id} /> },
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
        TeacherRoute::Guide { .. } | TeacherRoute::NotFound => Html::default(),
    }
}

#[component]
pub fn TeacherApp() -> Html {
    html! {
        <ContextProvider<Bundle> context={Bundle::Teacher}>
            <LocaleProvider messages={crate::deployment::TEACHER_MESSAGES}>
                <DeviceProvider sealer={Some(crate::state::seal as crate::state::Sealer)}>
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
            TeacherRoute::Data,
        ] {
            assert_eq!(TeacherRoute::parse(&route.path()), route);
        }
        assert_eq!(TeacherRoute::parse("/studies//cards"), TeacherRoute::NotFound);
    }
}
