use std::rc::Rc;

use aware_core::content::{Inline, Lesson};
use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::student::StudentRoute;
use crate::components::blocks::{Blocks, Inlines};
use crate::components::lesson_gate::LessonGate;
use crate::components::page::{Missing, PageHeading};
use crate::components::sources::SourceList;
use crate::state::{ProgressAction, use_l10n, use_progress, use_title};

#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub id: String,
    /// 1-based, as in the address.
    pub number: usize,
}

#[component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    let number = props.number;
    let view = Callback::from(move |lesson| html! { <SectionView {lesson} {number} /> });
    html! { <LessonGate id={props.id.clone()} {view} /> }
}

#[derive(Properties, PartialEq)]
struct SectionViewProps {
    lesson: Rc<Lesson>,
    number: usize,
}

#[component]
fn SectionView(props: &SectionViewProps) -> Html {
    let l10n = use_l10n();
    let progress = use_progress();
    let lesson = &props.lesson;
    let index = props.number.checked_sub(1);
    let section = index.and_then(|index| lesson.sections.get(index));
    let title = match section {
        Some(section) => format!("{}: {}", lesson.title, Inline::plain_text(&section.heading)),
        None => l10n.t_with("section-not-found", &[("number", Arg::from(props.number))]),
    };
    use_title(title);
    {
        let progress = progress.clone();
        let found = section.is_some();
        use_effect_with((props.lesson.id.clone(), index), {
            let lesson = props.lesson.clone();
            move |(_, index)| {
                if let (true, Some(index)) = (found, *index) {
                    progress.dispatch(ProgressAction::ReadSection { lesson, index });
                }
            }
        });
    }
    let (Some(index), Some(section)) = (index, section) else {
        return html! { <Missing message={l10n.t_with("section-not-found", &[("number", Arg::from(props.number))])} /> };
    };
    let total = lesson.sections.len();
    let source_ids: Vec<String> = lesson.sources.iter().map(|s| s.id.clone()).collect();
    let is_first = index == 0;
    let is_last = index + 1 == total;
    html! {
        <article class="lesson">
            <PageHeading text={lesson.title.clone()} />
            <p class="section-count">
                { l10n.t_with("lesson-section-count", &[("current", Arg::from(index + 1)), ("total", Arg::from(total))]) }
            </p>
            if is_first {
                <div class="content-note">
                    <p>{ lesson.content_note.clone() }</p>
                    <p><Link<StudentRoute> to={StudentRoute::Help}>{ l10n.t("nav-get-help") }</Link<StudentRoute>></p>
                </div>
                <h2>{ l10n.t("lesson-objectives") }</h2>
                <ul class="objectives">
                    { for lesson.objectives.iter().map(|o| html! { <li>{ o.text.clone() }</li> }) }
                </ul>
            }
            <section class="lesson-section" aria-labelledby="section-heading">
                <h2 id="section-heading"><Inlines inlines={section.heading.clone()} /></h2>
                <Blocks blocks={section.blocks.clone()} sources={source_ids} scenarios={lesson.scenarios.clone()} />
            </section>
            if is_last {
                <section class="key-points" aria-labelledby="key-points-heading">
                    <h2 id="key-points-heading">{ l10n.t("lesson-key-points") }</h2>
                    <ul>{ for lesson.key_points.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                </section>
                <section class="sources" aria-labelledby="sources-heading">
                    <h2 id="sources-heading">{ l10n.t("lesson-sources") }</h2>
                    <SourceList sources={lesson.sources.clone()} />
                </section>
            }
            <nav class="pager" aria-label={l10n.t("lesson-pager")}>
                if !is_first {
                    <Link<StudentRoute> to={StudentRoute::Section { id: lesson.id.clone(), number: index }} classes="button secondary">
                        { l10n.t("lesson-previous") }
                    </Link<StudentRoute>>
                }
                if is_last {
                    <Link<StudentRoute> to={StudentRoute::Question { id: lesson.id.clone(), number: 1 }} classes="button">
                        { l10n.t("lesson-start-quiz") }
                    </Link<StudentRoute>>
                } else {
                    <Link<StudentRoute> to={StudentRoute::Section { id: lesson.id.clone(), number: index + 2 }} classes="button">
                        { l10n.t("lesson-next") }
                    </Link<StudentRoute>>
                }
            </nav>
        </article>
    }
}
