use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages;

/// Every screen has its own address, so Back, Forward, reload and bookmarks work.
/// Numbers in addresses count from 1, as students do.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Course,
    #[at("/lessons/:id/section/:number")]
    Section { id: String, number: usize },
    #[at("/lessons/:id/quiz/:number")]
    Question { id: String, number: usize },
    #[at("/lessons/:id/result")]
    Result { id: String },
    #[at("/lessons/:id/teacher-guide")]
    TeacherGuide { id: String },
    #[at("/help")]
    Help,
    /// The pre/post awareness check, as students take it.
    #[at("/check")]
    Check,
    #[at("/teacher")]
    Teacher,
    #[at("/teacher/studies/:id")]
    Study { id: String },
    #[at("/teacher/studies/:id/cards")]
    CodeCards { id: String },
    #[at("/teacher/studies/:id/report")]
    Report { id: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Course => html! { <pages::course::CoursePage /> },
        Route::Section { id, number } => {
            let key = format!("{id}/{number}");
            html! { <pages::section::SectionPage {key} {id} {number} /> }
        }
        Route::Question { id, number } => {
            let key = format!("{id}/{number}");
            html! { <pages::question::QuestionPage {key} {id} {number} /> }
        }
        Route::Result { id } => html! { <pages::result::ResultPage {id} /> },
        Route::TeacherGuide { id } => html! { <pages::teacher_guide::TeacherGuidePage {id} /> },
        Route::Help => html! { <pages::help::HelpPage /> },
        Route::Check => html! { <pages::check::CheckPage /> },
        Route::Teacher => html! { <pages::teacher::TeacherPage /> },
        Route::Study { id } => html! { <pages::teacher::study::StudyPage {id} /> },
        Route::CodeCards { id } => html! { <pages::teacher::cards::CodeCardsPage {id} /> },
        Route::Report { id } => html! { <pages::teacher::report::ReportPage {id} /> },
        Route::NotFound => html! { <pages::not_found::NotFoundPage /> },
    }
}
