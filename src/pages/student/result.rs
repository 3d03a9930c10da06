use std::rc::Rc;

use aware_core::content::Lesson;
use aware_core::l10n::Arg;
use aware_core::quiz::Summary;
use yew::prelude::*;

use crate::app::embed::use_embedded;
use crate::app::router::{Link, navigate};
use crate::app::student::StudentRoute;
use crate::components::lesson_gate::LessonGate;
use crate::components::page::PageHeading;
use crate::state::{ProgressAction, use_l10n, use_progress, use_title};

#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    pub id: String,
}

#[component]
pub fn ResultPage(props: &ResultPageProps) -> Html {
    let view = Callback::from(|lesson| html! { <ResultView {lesson} /> });
    html! { <LessonGate id={props.id.clone()} {view} /> }
}

#[derive(Properties, PartialEq)]
struct ResultViewProps {
    lesson: Rc<Lesson>,
}

#[component]
fn ResultView(props: &ResultViewProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    let embedded = use_embedded();
    let lesson = &props.lesson;
    use_title(format!("{}: {}", l10n.t("result-title"), lesson.title));
    let records = progress.progress.lesson(&lesson.id).map(|p| p.quiz.clone()).unwrap_or_default();
    let summary = Summary::of(&lesson.quiz, &records);
    let first_unsolved = lesson.quiz.iter().position(|item| !records.get(&item.id).is_some_and(|r| r.solved));
    let unanswered = summary.total - summary.solved;

    let retake = {
        let progress = progress.clone();
        let lesson = props.lesson.clone();
        Callback::from(move |_: MouseEvent| {
            progress.dispatch(ProgressAction::RestartQuiz { lesson: lesson.clone() });
            navigate(&StudentRoute::Question { id: lesson.id.clone(), number: 1 });
        })
    };

    html! {
        <article class="result">
            <PageHeading text={l10n.t("result-title")} />
            <p class="lead">{ lesson.title.clone() }</p>
            <p class="score">{ l10n.t_with("result-first-try", &[("right", Arg::from(summary.first_try_correct)), ("total", Arg::from(summary.total))]) }</p>
            if summary.is_complete() {
                <p>{ l10n.t("result-all-solved") }</p>
            } else {
                <p>{ l10n.t_with("result-unanswered", &[("count", Arg::from(unanswered))]) }</p>
                if let Some(index) = first_unsolved {
                    <p>
                        <Link<StudentRoute> to={StudentRoute::Question { id: lesson.id.clone(), number: index + 1 }} classes="button">
                            { l10n.t("result-continue") }
                        </Link<StudentRoute>>
                    </p>
                }
            }
            <section class="key-points" aria-labelledby="result-key-points">
                <h2 id="result-key-points">{ l10n.t("result-key-points") }</h2>
                <ul>{ for lesson.key_points.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            </section>
            <div class="actions">
                // The embed view shows one lesson: there are no other lessons to go back to.
                if !embedded {
                    <Link<StudentRoute> to={StudentRoute::Course} classes="button">{ l10n.t("back-to-lessons") }</Link<StudentRoute>>
                }
                <button type="button" class="button secondary" onclick={retake}>{ l10n.t("result-retake") }</button>
            </div>
        </article>
    }
}
