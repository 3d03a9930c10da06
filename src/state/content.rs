//! The lessons, as the app downloads them: the course index of the current language, and each
//! lesson when it is first opened (`aware_core::content::course`). A page that opens on a lesson
//! asks for both at once. Everything downloaded is kept for the visit; on a language switch the
//! old lessons stay on screen until the new ones arrive, so a student keeps their place (and a
//! half-answered question) without a blank page.

use std::collections::BTreeMap;
use std::rc::Rc;

use aware_core::content::course::{CourseIndex, LessonFile, index_file, lesson_file};
use aware_core::content::{DecodeError, Lesson};
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
    lessons: BTreeMap<(String, String), Download<Lesson>>,
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
    /// Asks for a download that is missing or failed: (locale, lesson id or `None` for the index).
    request: Callback<(String, Option<String>)>,
}

#[derive(Properties, PartialEq)]
pub struct ContentProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ContentProvider(props: &ContentProviderProps) -> Html {
    let locale = use_l10n().locale();
    let downloads = use_reducer(|| DownloadsState::default());
    let request = {
        let downloads = downloads.dispatcher();
        Callback::from(move |(locale, lesson): (String, Option<String>)| {
            downloads.dispatch(Change::Start(locale.clone(), lesson.clone()));
            let downloads = downloads.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let change = match lesson {
                    None => {
                        let index = fetch::bytes(&index_file(&locale))
                            .await
                            .and_then(|bytes| CourseIndex::decode(&bytes).map_err(|err| err.to_string()));
                        Change::Index(locale, index.map(Rc::new))
                    }
                    Some(id) => {
                        let file = fetch::bytes(&lesson_file(&locale, &id))
                            .await
                            .and_then(|bytes| LessonFile::decode(&bytes).map_err(|err: DecodeError| err.to_string()));
                        Change::Lesson(locale, id, file.map(|file| Rc::new(file.lesson)))
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
                request.emit((locale.clone(), None));
            }
        });
    }
    let context = ContentContext { locale, downloads: downloads.0.clone(), request };
    html! { <ContextProvider<ContentContext> {context}>{ props.children.clone() }</ContextProvider<ContentContext>> }
}

#[derive(Default, PartialEq)]
struct DownloadsState(Rc<Downloads>);

enum Change {
    Start(String, Option<String>),
    Index(String, Result<Rc<CourseIndex>, String>),
    Lesson(String, String, Result<Rc<Lesson>, String>),
}

impl Reducible for DownloadsState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self.0).clone();
        match change {
            Change::Start(locale, None) => {
                next.indexes.insert(locale, Download::Pending);
            }
            Change::Start(locale, Some(id)) => {
                next.lessons.insert((locale, id), Download::Pending);
            }
            Change::Index(locale, result) => {
                next.indexes.insert(locale, done(result));
            }
            Change::Lesson(locale, id, result) => {
                next.lessons.insert((locale, id), done(result));
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
        Callback::from(move |()| request.emit((locale.clone(), None)))
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
    let key = (context.locale.clone(), id.to_owned());
    {
        let (request, downloads) = (context.request.clone(), context.downloads.clone());
        use_effect_with(key.clone(), move |(locale, id)| {
            let unlisted =
                matches!(downloads.indexes.get(locale), Some(Download::Done(index)) if index.lesson(id).is_none());
            if !unlisted && !downloads.lessons.contains_key(&(locale.clone(), id.clone())) {
                request.emit((locale.clone(), Some(id.clone())));
            }
        });
    }
    let retry = {
        let (request, key) = (context.request.clone(), key.clone());
        Callback::from(move |()| request.emit((key.0.clone(), Some(key.1.clone()))))
    };
    let current = context.downloads.lessons.get(&key);
    let previous = || {
        context.downloads.lessons.iter().find_map(|((_, other), d)| match d {
            Download::Done(lesson) if other == id => Some(lesson),
            _ => None,
        })
    };
    loadable(current, previous, retry)
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
    };
    let context = ContentContext { locale, downloads: Rc::new(downloads), request: Callback::noop() };
    html! { <ContextProvider<ContentContext> {context}>{ props.children.clone() }</ContextProvider<ContentContext>> }
}
