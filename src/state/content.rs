//! The lessons, as the app downloads them: the course index of the current language, each lesson
//! when it is first opened, and its teacher guide when the teacher's screens ask for it
//! (`aware_core::content::course`). A page that opens on a lesson asks for the index and the
//! lesson at once. Everything downloaded is kept for the visit; on a language switch the
//! old lessons stay on screen until the new ones arrive, so a student keeps their place (and a
//! half-answered question) without a blank page.

use std::collections::BTreeMap;
use std::rc::Rc;

use aware_core::content::course::{CourseIndex, GuideFile, LessonFile, guide_file, index_file, lesson_file};
use aware_core::content::{Lesson, Section};
use yew::prelude::*;

use super::use_l10n;
use crate::platform::fetch;

/// Something downloaded: still on its way, here, or failed with a way to try again.
#[derive(Clone, PartialEq)]
pub enum Loadable<T> {
    Loading,
    Ready(Rc<T>),
    Failed { reason: String, retry: Callback<()> },
}

/// What has been downloaded so far, by locale.
#[derive(Clone, PartialEq, Default)]
struct Downloads {
    indexes: BTreeMap<String, Download<CourseIndex>>,
    lessons: PerLesson<Lesson>,
    guides: PerLesson<Vec<Section>>,
}

/// What a download is of.
#[derive(Clone, PartialEq)]
enum Wanted {
    Index,
    Lesson(String),
    Guide(String),
}

#[derive(Clone, PartialEq)]
enum Download<T> {
    Pending,
    Done(Rc<T>),
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct ContentContext {
    locale: String,
    downloads: Rc<Downloads>,
    /// Asks for a download that is missing or failed, in a locale.
    request: Callback<(String, Wanted)>,
}

#[derive(Properties, PartialEq)]
pub struct ContentProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ContentProvider(props: &ContentProviderProps) -> Html {
    let locale = use_l10n().locale();
    let downloads = use_reducer(DownloadsState::default);
    let request = {
        let downloads = downloads.dispatcher();
        Callback::from(move |(locale, wanted): (String, Wanted)| {
            downloads.dispatch(Change::Start(locale.clone(), wanted.clone()));
            let downloads = downloads.clone();
            yew::platform::spawn_local(async move {
                let change = match wanted {
                    Wanted::Index => {
                        let index = fetch::bytes(&index_file(&locale))
                            .await
                            .and_then(|bytes| CourseIndex::decode(&bytes).map_err(|err| err.to_string()));
                        Change::Index(locale, index.map(Rc::new))
                    }
                    Wanted::Lesson(id) => {
                        let file = fetch::bytes(&lesson_file(&locale, &id))
                            .await
                            .and_then(|bytes| LessonFile::decode(&bytes).map_err(|err| err.to_string()));
                        Change::Lesson(locale, id, file.map(|file| Rc::new(file.lesson)))
                    }
                    Wanted::Guide(id) => {
                        let file = fetch::bytes(&guide_file(&locale, &id))
                            .await
                            .and_then(|bytes| GuideFile::decode(&bytes).map_err(|err| err.to_string()));
                        Change::Guide(locale, id, file.map(|file| Rc::new(file.guide)))
                    }
                };
                downloads.dispatch(change);
            });
        })
    };
    {
        let (request, downloads) = (request.clone(), downloads.clone());
        use_effect_with(locale.clone(), move |locale| {
            if !downloads.0.indexes.contains_key(locale) {
                request.emit((locale.clone(), Wanted::Index));
            }
        });
    }
    let context = ContentContext { locale, downloads: downloads.0.clone(), request };
    html! { <ContextProvider<ContentContext> {context}>{ props.children.clone() }</ContextProvider<ContentContext>> }
}

/// One download per (language, lesson id).
type PerLesson<T> = BTreeMap<(String, String), Download<T>>;

#[derive(Default, PartialEq)]
struct DownloadsState(Rc<Downloads>);

enum Change {
    Start(String, Wanted),
    Index(String, Result<Rc<CourseIndex>, String>),
    Lesson(String, String, Result<Rc<Lesson>, String>),
    Guide(String, String, Result<Rc<Vec<Section>>, String>),
}

impl Reducible for DownloadsState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self.0).clone();
        match change {
            Change::Start(locale, Wanted::Index) => {
                next.indexes.insert(locale, Download::Pending);
            }
            Change::Start(locale, Wanted::Lesson(id)) => {
                next.lessons.insert((locale, id), Download::Pending);
            }
            Change::Start(locale, Wanted::Guide(id)) => {
                next.guides.insert((locale, id), Download::Pending);
            }
            Change::Index(locale, result) => {
                next.indexes.insert(locale, done(result));
            }
            Change::Lesson(locale, id, result) => {
                next.lessons.insert((locale, id), done(result));
            }
            Change::Guide(locale, id, result) => {
                next.guides.insert((locale, id), done(result));
            }
        }
        Rc::new(DownloadsState(Rc::new(next)))
    }
}

fn done<T>(result: Result<Rc<T>, String>) -> Download<T> {
    match result {
        Ok(value) => Download::Done(value),
        Err(reason) => Download::Failed(reason),
    }
}

/// The course index of the current language (or of the last one, while a switch downloads).
#[hook]
pub fn use_course() -> Loadable<CourseIndex> {
    let context = use_context::<ContentContext>().expect("use_course is called inside ContentProvider");
    let retry = {
        let (request, locale) = (context.request.clone(), context.locale.clone());
        Callback::from(move |()| request.emit((locale.clone(), Wanted::Index)))
    };
    let current = context.downloads.indexes.get(&context.locale);
    let previous =
        || context.downloads.indexes.values().find_map(|d| if let Download::Done(v) = d { Some(v) } else { None });
    loadable(current, previous, retry)
}

/// Lesson `id` in the current language, downloading it on first use (with the index, if that is
/// still on its way: they are fetched side by side). An id the downloaded index does not list is
/// not asked for: there is no such file, and the screen says so from the index
/// (`components::lesson_gate`).
#[hook]
pub fn use_lesson(id: &str) -> Loadable<Lesson> {
    let context = use_context::<ContentContext>().expect("use_lesson is called inside ContentProvider");
    use_download(&context, id, Wanted::Lesson(id.to_owned()), |downloads| &downloads.lessons)
}

/// The teacher guide of lesson `id`, downloading it on first use.
#[hook]
pub fn use_guide(id: &str) -> Loadable<Vec<Section>> {
    let context = use_context::<ContentContext>().expect("use_guide is called inside ContentProvider");
    use_download(&context, id, Wanted::Guide(id.to_owned()), |downloads| &downloads.guides)
}

/// A per-lesson download of the current language, asked for when first missing; while a language
/// switch downloads, the other language's copy stays on screen.
#[hook]
fn use_download<T: 'static>(
    context: &ContentContext,
    id: &str,
    wanted: Wanted,
    of: fn(&Downloads) -> &PerLesson<T>,
) -> Loadable<T> {
    let key = (context.locale.clone(), id.to_owned());
    {
        let (request, downloads, wanted) = (context.request.clone(), context.downloads.clone(), wanted.clone());
        use_effect_with(key.clone(), move |(locale, id)| {
            let unlisted =
                matches!(downloads.indexes.get(locale), Some(Download::Done(index)) if index.lesson(id).is_none());
            if !unlisted && !of(&downloads).contains_key(&(locale.clone(), id.clone())) {
                request.emit((locale.clone(), wanted));
            }
        });
    }
    let retry = {
        let (request, locale) = (context.request.clone(), key.0.clone());
        Callback::from(move |()| request.emit((locale.clone(), wanted.clone())))
    };
    let all = of(&context.downloads);
    let previous = || {
        all.iter().find_map(|((_, other), d)| match d {
            Download::Done(value) if other == id => Some(value),
            _ => None,
        })
    };
    loadable(all.get(&key), previous, retry)
}

fn loadable<'a, T: 'a>(
    current: Option<&'a Download<T>>,
    previous: impl FnOnce() -> Option<&'a Rc<T>>,
    retry: Callback<()>,
) -> Loadable<T> {
    match current {
        Some(Download::Done(value)) => Loadable::Ready(value.clone()),
        Some(Download::Failed(reason)) => Loadable::Failed { reason: reason.clone(), retry },
        Some(Download::Pending) | None => previous().map_or(Loadable::Loading, |value| Loadable::Ready(value.clone())),
    }
}

/// For component tests: lessons already at hand, so nothing is downloaded.
#[derive(Properties, PartialEq)]
pub struct PreloadedContentProps {
    pub locale: AttrValue,
    pub index: Rc<CourseIndex>,
    pub lessons: Vec<Rc<Lesson>>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn PreloadedContent(props: &PreloadedContentProps) -> Html {
    let locale = props.locale.to_string();
    let downloads = Downloads {
        indexes: BTreeMap::from([(locale.clone(), Download::Done(props.index.clone()))]),
        lessons: props
            .lessons
            .iter()
            .map(|lesson| ((locale.clone(), lesson.id.clone()), Download::Done(lesson.clone())))
            .collect(),
        guides: props
            .lessons
            .iter()
            .map(|lesson| ((locale.clone(), lesson.id.clone()), Download::Done(Rc::new(lesson.teacher_guide.clone()))))
            .collect(),
    };
    let context = ContentContext { locale, downloads: Rc::new(downloads), request: Callback::noop() };
    html! { <ContextProvider<ContentContext> {context}>{ props.children.clone() }</ContextProvider<ContentContext>> }
}
