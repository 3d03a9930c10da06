//! The course: every lesson with where the student is in it, in their age band. The band is
//! asked for once (and can be changed); a lesson for ages 15 and over is listed for 12–14 as such,
//! without a way in.

use std::rc::Rc;

use aware_core::band::AgeBand;
use aware_core::content::course::{CourseIndex, LessonEntry};
use aware_core::l10n::Arg;
use aware_core::progress::LessonStatus;
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::student::StudentRoute;
use crate::components::page::{PageHeading, content_status};
use crate::state::{L10n, Loadable, use_band, use_course, use_l10n, use_progress, use_title};

#[component]
pub fn CoursePage() -> Html {
    let l10n = use_l10n();
    use_title(l10n.t("course-title"));
    let band = use_band();
    let course = use_course();
    html! {
        <>
            <PageHeading text={l10n.t("course-title")} />
            <p class="lead">{ l10n.t("course-intro") }</p>
            <BandChoice />
            if let (Some(band), Loadable::Ready(index)) = (band.chosen, &course) {
                <LessonList index={index.clone()} {band} />
            } else if band.chosen.is_some() {
                { content_status(&course) }
            }
        </>
    }
}

/// Which age group the student is in: asked until answered, then shown with a way to change it.
#[component]
fn BandChoice() -> Html {
    let l10n = use_l10n();
    let band = use_band();
    let changing = use_state(|| false);
    let name = |band: AgeBand| match band {
        AgeBand::Younger => l10n.t("band-younger"),
        AgeBand::Older => l10n.t("band-older"),
    };
    if let (Some(chosen), false) = (band.chosen, *changing) {
        let change = {
            let changing = changing.clone();
            Callback::from(move |_: MouseEvent| changing.set(true))
        };
        return html! {
            <p class="band-current">
                { l10n.t_with("band-current", &[("band", Arg::from(name(chosen)))]) }{ " " }
                <button type="button" class="link-button" onclick={change}>{ l10n.t("band-change") }</button>
            </p>
        };
    }
    let choose = |value: AgeBand| {
        let (choose, changing) = (band.choose.clone(), changing.clone());
        Callback::from(move |_: MouseEvent| {
            choose.emit(value);
            changing.set(false);
        })
    };
    html! {
        <section class="band-choice" aria-labelledby="band-question">
            <h2 id="band-question">{ l10n.t("band-question") }</h2>
            <p class="hint">{ l10n.t("band-hint") }</p>
            <div class="actions">
                { for AgeBand::ALL.into_iter().map(|value| html! {
                    <button type="button" class="button" aria-pressed={(band.chosen == Some(value)).to_string()} onclick={choose(value)}>
                        { name(value) }
                    </button>
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LessonListProps {
    index: Rc<CourseIndex>,
    band: AgeBand,
}

#[component]
fn LessonList(props: &LessonListProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    html! {
        <ol class="lesson-list">
            { for props.index.lessons.iter().map(|lesson| {
                let meta = l10n.t_with("lesson-meta", &[
                    ("min", Arg::from(lesson.age_min as usize)),
                    ("max", Arg::from(lesson.age_max as usize)),
                    ("minutes", Arg::from(lesson.duration_minutes as usize)),
                ]);
                match lesson.outline(props.band) {
                    Some(outline) => html! {
                        <li class="lesson-card">
                            <h2>
                                <Link<StudentRoute> to={StudentRoute::Section { id: lesson.id.clone(), number: 1 }}>{ lesson.title.clone() }</Link<StudentRoute>>
                            </h2>
                            <p>{ lesson.summary.clone() }</p>
                            <p class="meta">{ meta }</p>
                            <p class="status">{ status_text(&l10n, progress.progress.status_of(&lesson.id, outline)) }</p>
                        </li>
                    },
                    None => older_only(&l10n, lesson, meta),
                }
            }) }
        </ol>
    }
}

/// A lesson for ages 15 and over, as 12–14 see it listed: named, with no way in.
fn older_only(l10n: &L10n, lesson: &LessonEntry, meta: String) -> Html {
    html! {
        <li class="lesson-card older-only">
            <h2>{ lesson.title.clone() }</h2>
            <p class="meta">{ meta }</p>
            <p class="status">{ l10n.t("course-for-older") }</p>
        </li>
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
