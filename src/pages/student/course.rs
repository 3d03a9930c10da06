use std::rc::Rc;

use aware_core::content::Curriculum;
use aware_core::l10n::Arg;
use aware_core::progress::LessonStatus;
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::student::StudentRoute;
use crate::components::page::{ContentStatus, PageHeading};
use crate::state::{CurriculumState, L10n, use_curriculum, use_l10n, use_progress, use_title};

#[component]
pub fn CoursePage() -> Html {
    let l10n = use_l10n();
    use_title(l10n.t("course-title"));
    let state = use_curriculum();
    html! {
        <>
            <PageHeading text={l10n.t("course-title")} />
            <p class="lead">{ l10n.t("course-intro") }</p>
            if let CurriculumState::Ready(curriculum) = &state {
                <LessonList curriculum={curriculum.clone()} />
            } else {
                <ContentStatus {state} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LessonListProps {
    curriculum: Rc<Curriculum>,
}

#[component]
fn LessonList(props: &LessonListProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    html! {
        <ol class="lesson-list">
            { for props.curriculum.lessons.iter().map(|lesson| {
                let status = status_text(&l10n, progress.progress.status(lesson));
                let meta = l10n.t_with("lesson-meta", &[
                    ("min", Arg::from(lesson.age_min as usize)),
                    ("max", Arg::from(lesson.age_max as usize)),
                    ("minutes", Arg::from(lesson.duration_minutes as usize)),
                ]);
                html! {
                    <li class="lesson-card">
                        <h2>
                            <Link<StudentRoute> to={StudentRoute::Section { id: lesson.id.clone(), number: 1 }}>{ lesson.title.clone() }</Link<StudentRoute>>
                        </h2>
                        <p>{ lesson.summary.clone() }</p>
                        <p class="meta">{ meta }</p>
                        <p class="status">{ status }</p>
                    </li>
                }
            }) }
        </ol>
    }
}

fn status_text(l10n: &L10n, status: LessonStatus) -> String {
    match status {
        LessonStatus::NotStarted => l10n.t("status-not-started"),
        LessonStatus::Reading { read, total } => {
            l10n.t_with("status-reading", &[("read", read.into()), ("total", total.into())])
        }
        LessonStatus::Quiz(summary) => {
            l10n.t_with("status-quiz", &[("answered", summary.answered.into()), ("total", summary.total.into())])
        }
        LessonStatus::Completed(summary) => l10n.t_with(
            "status-completed",
            &[("right", summary.first_try_correct.into()), ("total", summary.total.into())],
        ),
    }
}
