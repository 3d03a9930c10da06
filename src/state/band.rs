//! The age band a student or a class learns in (12–14 or 15–18): chosen once on the course
//! screen, kept on the device, or set by a teacher's link (`?band=12-14`). Until it is chosen,
//! lessons show what ages 12–14 may see: a younger student never meets older-only content.

use std::rc::Rc;

use aware_core::band::AgeBand;
use aware_core::content::Lesson;
use yew::prelude::*;

use crate::platform::{location, preferences};

#[derive(Clone, PartialEq)]
pub struct BandContext {
    /// `None` until chosen on this device (or by a link).
    pub chosen: Option<AgeBand>,
    pub choose: Callback<AgeBand>,
}

impl BandContext {
    /// The band whose content to show: the chosen one, else the younger.
    pub fn shown(&self) -> AgeBand {
        self.chosen.unwrap_or(AgeBand::Younger)
    }
}

#[derive(Properties, PartialEq)]
pub struct BandProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn BandProvider(props: &BandProviderProps) -> Html {
    let chosen = use_state(|| {
        // A teacher's link wins, and is remembered like a choice.
        let linked = location::query("band").and_then(|text| text.parse::<AgeBand>().ok());
        if let Some(band) = linked {
            preferences::save_band(band);
        }
        linked.or_else(preferences::band)
    });
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |band: AgeBand| {
            preferences::save_band(band);
            chosen.set(Some(band));
        })
    };
    let context = BandContext { chosen: *chosen, choose };
    html! { <ContextProvider<BandContext> {context}>{ props.children.clone() }</ContextProvider<BandContext>> }
}

#[hook]
pub fn use_band() -> BandContext {
    use_context::<BandContext>().unwrap_or(BandContext { chosen: Some(AgeBand::Younger), choose: Callback::noop() })
}

/// `lesson` as the band in use sees it: `None` when it is for older students only. Filtered once
/// per lesson and band, not on every render.
#[hook]
pub fn use_for_band(lesson: Rc<Lesson>) -> Option<Rc<Lesson>> {
    let band = use_band().shown();
    let seen = use_memo((SameLesson(lesson), band), |(SameLesson(lesson), band)| lesson.for_band(*band).map(Rc::new));
    (*seen).clone()
}

/// The same downloaded lesson (compared by address: lessons are never changed once downloaded).
struct SameLesson(Rc<Lesson>);

impl PartialEq for SameLesson {
    fn eq(&self, other: &SameLesson) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
