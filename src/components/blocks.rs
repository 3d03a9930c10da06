//! Lesson text as yew nodes. Content arrives as typed blocks, never HTML, so nothing in a lesson
//! file can become markup.

use aware_core::content::{Block, Inline, Scenario};
use aware_core::l10n::Arg;
use yew::prelude::*;

use super::help_contacts::HelpContacts;
use super::scenario::ScenarioPlayer;
use crate::state::{L10n, use_l10n};

#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    pub blocks: Vec<Block>,
    /// The lesson's source ids in list order; a citation shows its position in this list.
    pub sources: Vec<String>,
    /// The lesson's scenarios, for `{{scenario id}}` blocks.
    #[prop_or_default]
    pub scenarios: Vec<Scenario>,
}

#[component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let l10n = use_l10n();
    let ctx = Ctx { l10n: &l10n, sources: &props.sources, scenarios: &props.scenarios };
    html! { <>{ for props.blocks.iter().map(|block| ctx.block(block)) }</> }
}

#[derive(Properties, PartialEq)]
pub struct InlinesProps {
    pub inlines: Vec<Inline>,
    #[prop_or_default]
    pub sources: Vec<String>,
}

#[component]
pub fn Inlines(props: &InlinesProps) -> Html {
    let l10n = use_l10n();
    let ctx = Ctx { l10n: &l10n, sources: &props.sources, scenarios: &[] };
    ctx.inlines(&props.inlines)
}

struct Ctx<'a> {
    l10n: &'a L10n,
    sources: &'a [String],
    scenarios: &'a [Scenario],
}

impl Ctx<'_> {
    fn block(&self, block: &Block) -> Html {
        match block {
            Block::Subheading(inlines) => html! { <h3>{ self.inlines(inlines) }</h3> },
            Block::Paragraph(inlines) => html! { <p>{ self.inlines(inlines) }</p> },
            Block::List { ordered: false, items } => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ self.inlines(item) }</li> }) }</ul>
            },
            Block::List { ordered: true, items } => html! {
                <ol>{ for items.iter().map(|item| html! { <li>{ self.inlines(item) }</li> }) }</ol>
            },
            Block::Callout { kind, blocks } => {
                let label = self.l10n.t(&format!("callout-{}", kind.name()));
                html! {
                    <aside class={classes!("callout", kind.name())} aria-label={label.clone()}>
                        <p class="callout-label" aria-hidden="true">{ label }</p>
                        { for blocks.iter().map(|block| self.block(block)) }
                    </aside>
                }
            }
            Block::Scenario(id) => match self.scenarios.iter().find(|scenario| &scenario.id == id) {
                Some(scenario) => html! { <ScenarioPlayer scenario={scenario.clone()} /> },
                None => Html::default(),
            },
            Block::HelpContacts => html! { <HelpContacts level={3} /> },
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> Html {
        html! { <>{ for inlines.iter().map(|inline| self.inline(inline)) }</> }
    }

    fn inline(&self, inline: &Inline) -> Html {
        match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Strong(inner) => html! { <strong>{ self.inlines(inner) }</strong> },
            Inline::Emphasis(inner) => html! { <em>{ self.inlines(inner) }</em> },
            Inline::Cite(id) => {
                let number = self.sources.iter().position(|source| source == id).map_or(0, |i| i + 1);
                let label = self.l10n.t_with("citation-label", &[("number", Arg::from(number))]);
                html! {
                    <sup class="citation"><span aria-hidden="true">{ format!("[{number}]") }</span><span class="visually-hidden">{ label }</span></sup>
                }
            }
        }
    }
}
