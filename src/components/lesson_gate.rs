//! Between an address that names a lesson and the screen that shows it: waits for the download,
//! says so when there is no such lesson or it is for ages 15 and over, and hands the screen the
//! lesson as the student's age band sees it (nothing older-only for 12–14).

use std::rc::Rc;

use aware_core::content::Lesson;
use yew::prelude::*;

use super::page::{Missing, content_status};
use crate::state::{Loadable, use_course, use_for_band, use_guide, use_l10n, use_lesson};

#[derive(Properties, PartialEq)]
pub struct LessonGateProps {
    pub id: AttrValue,
    /// The screen, given the lesson as the band sees it.
    pub view: Callback<Rc<Lesson>, Html>,
    /// The lesson as written, for every band, with its teacher guide (the teacher's screens: the
    /// guide says what each band gets).
    #[prop_or_default]
    pub whole: bool,
}

#[component]
pub fn LessonGate(props: &LessonGateProps) -> Html {
    let l10n = use_l10n();
    let course = use_course();
    let lesson = use_lesson(&props.id);
    if let Loadable::Ready(index) = &course
        && index.lesson(&props.id).is_none()
    {
        return html! { <Missing message={l10n.t("lesson-not-found")} /> };
    }
    match lesson {
        Loadable::Ready(lesson) if props.whole => html! { <WithGuide {lesson} view={props.view.clone()} /> },
        Loadable::Ready(lesson) => html! { <ForBand {lesson} view={props.view.clone()} /> },
        other => content_status(&other),
    }
}

#[derive(Properties, PartialEq)]
struct WithGuideProps {
    lesson: Rc<Lesson>,
    view: Callback<Rc<Lesson>, Html>,
}

/// The lesson with its teacher guide, which is downloaded apart (students never need it).
#[component]
fn WithGuide(props: &WithGuideProps) -> Html {
    match use_with_guide(props.lesson.clone()) {
        Ok(lesson) => props.view.emit(lesson),
        Err(status) => status,
    }
}

/// `lesson` with its teacher guide once the guide has downloaded, or the download's status.
#[hook]
pub fn use_with_guide(lesson: Rc<Lesson>) -> Result<Rc<Lesson>, Html> {
    let guide = use_guide(&lesson.id);
    let whole = use_memo((lesson, guide.clone()), |(lesson, guide)| match guide {
        Loadable::Ready(guide) => Some(Rc::new(Lesson { teacher_guide: (**guide).clone(), ..(**lesson).clone() })),
        _ => None,
    });
    match (&*whole, guide) {
        (Some(lesson), _) => Ok(lesson.clone()),
        (None, other) => Err(content_status(&other)),
    }
}

#[derive(Properties, PartialEq)]
struct ForBandProps {
    lesson: Rc<Lesson>,
    view: Callback<Rc<Lesson>, Html>,
}

#[component]
fn ForBand(props: &ForBandProps) -> Html {
    let l10n = use_l10n();
    match use_for_band(props.lesson.clone()) {
        Some(seen) => props.view.emit(seen),
        None => html! {
            <Missing message={l10n.t("lesson-for-older")} detail={Some(AttrValue::from(l10n.t("lesson-for-older-detail")))} />
        },
    }
}
