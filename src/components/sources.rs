//! A lesson's sources, as listed at the end of the lesson and in its teacher guide. Citations in
//! the text show each source's position in this list.

use aware_core::content::Source;
use aware_core::l10n::Arg;
use yew::prelude::*;

use crate::state::use_l10n;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub sources: Vec<Source>,
}

#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let l10n = use_l10n();
    html! {
        <ol>
            { for props.sources.iter().map(|source| html! {
                <li id={format!("source-{}", source.id)}>
                    { l10n.t_with("lesson-source-entry", &[
                        ("publisher", Arg::from(source.publisher.as_str())),
                        ("year", Arg::from(source.year as usize)),
                        ("title", Arg::from(source.title.as_str())),
                    ]) }
                    { " " }<span class="source-url">{ source.url.clone() }</span>
                </li>
            }) }
        </ol>
    }
}
