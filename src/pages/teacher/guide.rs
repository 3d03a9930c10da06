//! The teacher guide of a lesson: one printable page with the plan, how to run each activity,
//! what to do if a student discloses something, and a script of each scenario to read aloud when
//! students have no devices; it links to the lesson's worksheets (`worksheet.rs`).

use std::rc::Rc;

use aware_core::content::{Lesson, Scenario};
use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::app::Bundle;
use crate::app::router::Link;
use crate::app::student::StudentRoute;
use crate::app::teacher::TeacherRoute;
use crate::components::blocks::{Blocks, Inlines};
use crate::components::lesson_gate::LessonGate;
use crate::components::page::PageHeading;
use crate::components::sources::SourceList;
use crate::platform::document;
use crate::state::{L10n, use_l10n, use_title};

#[derive(Properties, PartialEq)]
pub struct TeacherGuidePageProps {
    pub id: String,
}

#[component]
pub fn TeacherGuidePage(props: &TeacherGuidePageProps) -> Html {
    let view = Callback::from(|lesson| html! { <TeacherGuideView {lesson} /> });
    html! { <LessonGate id={props.id.clone()} {view} whole=true /> }
}

#[derive(Properties, PartialEq)]
struct TeacherGuideViewProps {
    lesson: Rc<Lesson>,
}

#[component]
fn TeacherGuideView(props: &TeacherGuideViewProps) -> Html {
    let l10n = use_l10n();
    let lesson = &props.lesson;
    let title = l10n.t_with("teacher-guide-title", &[("lesson", Arg::from(lesson.title.as_str()))]);
    use_title(title.clone());
    let source_ids: Vec<String> = lesson.sources.iter().map(|s| s.id.clone()).collect();
    let print = Callback::from(|_: MouseEvent| document::print());
    let meta = l10n.t_with(
        "lesson-meta",
        &[
            ("min", Arg::from(lesson.age_min as usize)),
            ("max", Arg::from(lesson.age_max as usize)),
            ("minutes", Arg::from(lesson.duration_minutes as usize)),
        ],
    );
    html! {
        <article class="teacher-guide">
            <PageHeading text={title} />
            <p class="meta">{ meta }</p>
            if !lesson.reviewed || !l10n.current().reviewed {
                <p class="notice review-status">
                    { l10n.t_with("translation-unreviewed", &[("language", Arg::from(l10n.current().name))]) }
                </p>
            }
            <div class="actions screen-only">
                <button type="button" class="button" onclick={print}>{ l10n.t("teacher-guide-print") }</button>
                <Link<TeacherRoute> to={TeacherRoute::Present { lesson: lesson.id.clone() }} classes="button secondary">
                    { l10n.t("teacher-present-link") }
                </Link<TeacherRoute>>
                <Link<TeacherRoute> to={TeacherRoute::Worksheets { lesson: lesson.id.clone() }} classes="button secondary">
                    { l10n.t("teacher-worksheet-link") }
                </Link<TeacherRoute>>
                <a href={StudentRoute::Section { id: lesson.id.clone(), number: 1 }.href(Bundle::Teacher)} class="button secondary">
                    { l10n.t("teacher-guide-open-lesson") }
                </a>
            </div>
            <h2>{ l10n.t("lesson-objectives") }</h2>
            <ul>{ for lesson.objectives.iter().map(|o| html! { <li>{ o.text.clone() }</li> }) }</ul>
            { for lesson.teacher_guide.iter().map(|section| html! {
                <section class="guide-section">
                    <h2><Inlines inlines={section.heading.clone()} /></h2>
                    <Blocks blocks={section.blocks.clone()} sources={source_ids.clone()} />
                </section>
            }) }
            { for lesson.scenarios.iter().map(|scenario| scenario_script(&l10n, scenario)) }
            <h2>{ l10n.t("lesson-key-points") }</h2>
            <ul>{ for lesson.key_points.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            <section class="sources">
                <h2>{ l10n.t("lesson-sources") }</h2>
                <SourceList sources={lesson.sources.clone()} />
            </section>
        </article>
    }
}

/// Every step and choice of a scenario, numbered, for reading aloud without devices.
fn scenario_script(l10n: &L10n, scenario: &Scenario) -> Html {
    let number_of = |id: &str| scenario.steps.iter().position(|s| s.id == id).map_or(0, |i| i + 1);
    html! {
        <section class="scenario-script">
            <h2>{ l10n.t_with("teacher-guide-script", &[("title", Arg::from(scenario.title.as_str()))]) }</h2>
            <p>{ scenario.intro.clone() }</p>
            <ol>
                { for scenario.steps.iter().map(|step| html! {
                    <li>
                        <p>{ step.text.clone() }</p>
                        if step.choices.is_empty() {
                            <p class="meta">{ l10n.t("teacher-guide-ending") }</p>
                        } else {
                            <ul>
                                { for step.choices.iter().map(|choice| html! {
                                    <li>
                                        <strong>{ choice.text.clone() }</strong>
                                        { " " }{ choice.consequence.clone() }{ " " }
                                        <em>{ choice.why.clone() }</em>
                                        { " " }{ l10n.t_with("teacher-guide-goes-to", &[("number", Arg::from(number_of(&choice.next)))]) }
                                    </li>
                                }) }
                            </ul>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
