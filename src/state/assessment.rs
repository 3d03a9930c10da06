//! The pre/post assessment, downloaded once from `content/assessment.json` when a screen first
//! needs it (students who only read lessons never download it).

use std::rc::Rc;

use aware_core::assessment::Assessment;
use yew::prelude::*;

use crate::platform::fetch;

#[derive(Clone, PartialEq)]
pub enum AssessmentState {
    Loading,
    Ready(Rc<Assessment>),
    Failed(String),
}

/// Shared across screens so that moving between the teacher's pages does not download it again.
#[derive(Clone, PartialEq)]
pub struct AssessmentCache(UseStateHandle<AssessmentState>);

#[derive(Properties, PartialEq)]
pub struct AssessmentProviderProps {
    #[prop_or_default]
    pub children: Html,
    /// An assessment already at hand (component tests), so nothing is downloaded.
    #[prop_or_default]
    pub preloaded: Option<Rc<Assessment>>,
}

#[component]
pub fn AssessmentProvider(props: &AssessmentProviderProps) -> Html {
    let state = use_state(|| match &props.preloaded {
        Some(assessment) => AssessmentState::Ready(assessment.clone()),
        None => AssessmentState::Loading,
    });
    html! {
        <ContextProvider<AssessmentCache> context={AssessmentCache(state)}>
            { props.children.clone() }
        </ContextProvider<AssessmentCache>>
    }
}

/// The assessment, starting its download on first use.
#[hook]
pub fn use_assessment() -> AssessmentState {
    let cache = use_context::<AssessmentCache>().expect("use_assessment is called inside AssessmentProvider");
    let state = cache.0.clone();
    let started = use_mut_ref(|| false);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state, AssessmentState::Loading) && !std::mem::replace(&mut *started.borrow_mut(), true) {
                yew::platform::spawn_local(async move {
                    let loaded = fetch::text("content/assessment.json")
                        .await
                        .and_then(|json| Assessment::decode(&json).map_err(|err| err.to_string()));
                    state.set(match loaded {
                        Ok(assessment) => AssessmentState::Ready(Rc::new(assessment)),
                        Err(reason) => AssessmentState::Failed(reason),
                    });
                });
            }
        });
    }
    (*state).clone()
}
