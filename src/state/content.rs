use std::rc::Rc;

use aware_core::content::Curriculum;
use yew::prelude::*;

use super::use_l10n;
use crate::platform::fetch;

/// The lessons of the current locale, downloaded once per locale from `content/<locale>.json`.
#[derive(Clone, PartialEq)]
pub enum CurriculumState {
    Loading,
    Ready(Rc<Curriculum>),
    Failed { reason: String, retry: Callback<()> },
}

#[derive(Properties, PartialEq)]
pub struct CurriculumProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ContentProvider(props: &CurriculumProviderProps) -> Html {
    let locale = use_l10n().locale();
    let state = use_state(|| CurriculumState::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((locale, *attempt), move |(locale, _)| {
            // On a language switch the old lessons stay on screen until the new ones arrive, so
            // the student keeps their place (and a half-answered question) without a blank page.
            if !matches!(*state, CurriculumState::Ready(_)) {
                state.set(CurriculumState::Loading);
            }
            let path = format!("content/{locale}.json");
            wasm_bindgen_futures::spawn_local(async move {
                let loaded =
                    fetch::text(&path).await.and_then(|json| Curriculum::decode(&json).map_err(|err| err.to_string()));
                state.set(match loaded {
                    Ok(curriculum) => CurriculumState::Ready(Rc::new(curriculum)),
                    Err(reason) => CurriculumState::Failed { reason, retry: Callback::noop() },
                });
            });
        });
    }
    let context = match &*state {
        CurriculumState::Failed { reason, .. } => {
            let attempt = attempt.clone();
            CurriculumState::Failed {
                reason: reason.clone(),
                retry: Callback::from(move |_| attempt.set(*attempt + 1)),
            }
        }
        other => other.clone(),
    };
    html! {
        <ContextProvider<CurriculumState> {context}>{ props.children.clone() }</ContextProvider<CurriculumState>>
    }
}

#[hook]
pub fn use_curriculum() -> CurriculumState {
    use_context::<CurriculumState>().expect("use_curriculum is called inside CurriculumProvider")
}
