//! The summary of a classroom session: each question's tallies (first poll and after
//! discussion), printable, and exported as CSV or JSON with a codebook, in the formats of
//! `aware_core::classroom::summary` (no names, no times of day). The session can be continued
//! or deleted from the device here.

use std::rc::Rc;

use aware_core::classroom::{BandLesson, Session, SessionId, Summary, summary::codebook_csv};
use aware_core::content::Lesson;
use aware_core::l10n::Arg;
use yew::prelude::*;

use super::poll::TallyTable;
use crate::app::router::{Link, navigate};
use crate::app::teacher::TeacherRoute;
use crate::components::page::{Missing, PageHeading, content_status};
use crate::deployment::LOCALES;
use crate::pages::student::question::option_text;
use crate::pages::teacher::study::CSV_BOM;
use crate::platform::{document, download};
use crate::state::{Loadable, use_l10n, use_lesson, use_sessions, use_title};

#[derive(Properties, PartialEq)]
pub struct SummaryPageProps {
    pub session: String,
}

#[component]
pub fn SummaryPage(props: &SummaryPageProps) -> Html {
    let l10n = use_l10n();
    let sessions = use_sessions();
    let kept = SessionId::parse(&props.session).and_then(|id| sessions.find(id).cloned());
    match kept {
        Some(session) => html! { <SummaryLesson session={Rc::new(session)} /> },
        None => html! { <Missing message={l10n.t("teacher-present-not-found")} /> },
    }
}

#[derive(Properties, PartialEq)]
struct SummaryLessonProps {
    session: Rc<Session>,
}

#[component]
fn SummaryLesson(props: &SummaryLessonProps) -> Html {
    match use_lesson(&props.session.setup().lesson) {
        Loadable::Ready(lesson) => html! { <SummaryView {lesson} session={props.session.clone()} /> },
        other => content_status(&other),
    }
}

#[derive(Properties, PartialEq)]
struct SummaryViewProps {
    lesson: Rc<Lesson>,
    session: Rc<Session>,
}

#[component]
fn SummaryView(props: &SummaryViewProps) -> Html {
    let l10n = use_l10n();
    let sessions = use_sessions();
    let status = use_state(|| None::<String>);
    let session = &props.session;
    let setup = session.setup();
    let title = l10n.t_with("teacher-session-summary-title", &[("lesson", Arg::from(props.lesson.title.as_str()))]);
    use_title(title.clone());
    let Ok(lesson) = BandLesson::new(&props.lesson, setup.band) else {
        return html! { <Missing message={l10n.t("lesson-for-older")} /> };
    };
    let summary = Summary::of(session, &lesson);
    let band = crate::pages::teacher::band_label(&l10n, setup.band);
    let language = LOCALES.iter().find(|l| l.id == setup.locale.as_str()).map_or(setup.locale.as_str(), |l| l.name);
    let meta = l10n.t_with(
        "teacher-session-meta",
        &[("date", Arg::from(setup.date.to_string())), ("band", Arg::from(band)), ("language", Arg::from(language))],
    );
    let export = |kind: &'static str| {
        let (status, l10n, session, lesson) = (status.clone(), l10n.clone(), session.clone(), props.lesson.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(seen) = BandLesson::new(&lesson, session.setup().band) else { return };
            let summary = Summary::of(&session, &seen);
            let name = |suffix: &str| format!("aware-session-{}-{suffix}", session.id());
            let saved = match kind {
                "csv" => download::save(&name("summary.csv"), "text/csv", &format!("{CSV_BOM}{}", summary.csv())),
                "json" => download::save(&name("summary.json"), "application/json", &summary.json()),
                _ => {
                    let codebook = codebook_csv(&[(session.setup().locale.clone(), &seen)]);
                    download::save(&name("codebook.csv"), "text/csv", &format!("{CSV_BOM}{codebook}"))
                }
            };
            status.set((!saved).then(|| l10n.t("teacher-session-export-failed")));
        })
    };
    let delete = {
        let (delete, id) = (sessions.delete.clone(), session.id());
        Callback::from(move |_: MouseEvent| {
            delete.emit(id);
            navigate(&TeacherRoute::Home);
        })
    };
    let print = Callback::from(|_: MouseEvent| document::print());
    let polled: Vec<_> = summary.questions.iter().filter(|q| q.before.is_some() || q.after.is_some()).collect();
    html! {
        <article class="teacher session-summary">
            <PageHeading text={title} />
            <super::SessionsNoticeBar />
            <p class="meta">{ meta }</p>
            <div class="actions screen-only">
                <button type="button" class="button" onclick={print}>{ l10n.t("teacher-session-print") }</button>
                <button type="button" class="button secondary" onclick={export("csv")}>{ l10n.t("teacher-session-csv") }</button>
                <button type="button" class="button secondary" onclick={export("json")}>{ l10n.t("teacher-session-json") }</button>
                <button type="button" class="button secondary" onclick={export("codebook")}>{ l10n.t("teacher-session-codebook") }</button>
                <Link<TeacherRoute> to={TeacherRoute::Audience { session: session.id().to_string() }} classes="button secondary">
                    { l10n.t("teacher-session-continue") }
                </Link<TeacherRoute>>
            </div>
            <p role="status">{ (*status).clone().unwrap_or_default() }</p>
            if polled.is_empty() {
                <p>{ l10n.t("teacher-session-no-polls") }</p>
            }
            { for polled.iter().map(|question| {
                let item = question.item;
                let prompt = item.map_or_else(|| question.id.to_owned(), |item| item.prompt.clone());
                html! {
                    <section class="summary-question">
                        <h2>{ l10n.t_with("teacher-present-question", &[("number", Arg::from(question.number)), ("total", Arg::from(summary.questions.len()))]) }{ ": " }{ prompt }</h2>
                        if let Some(item) = item {
                            <ol class="summary-options" type="A">
                                { for item.options.iter().map(|option| html! {
                                    <li>
                                        { option_text(&l10n, item.kind, &option.id, &option.text) }
                                        if option.correct { <strong>{ " — " }{ l10n.t("teacher-poll-correct") }</strong> }
                                    </li>
                                }) }
                            </ol>
                        }
                        if let Some(poll) = session.poll(question.id) {
                            <TallyTable poll={poll.clone()} />
                        }
                    </section>
                }
            }) }
            <p class="screen-only">
                <button type="button" class="button secondary" onclick={delete}>{ l10n.t("teacher-session-delete") }</button>
            </p>
        </article>
    }
}
