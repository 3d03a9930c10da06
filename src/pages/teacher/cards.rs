//! The code cards of a study, laid out for printing and cutting. A card carries the study id and
//! one code: no number, no name, nothing that ties it to a seat.

use aware_core::l10n::Arg;
use aware_core::study::StudyId;
use yew::prelude::*;

use crate::app::router::Link;
use crate::app::teacher::TeacherRoute;
use crate::components::page::{Missing, PageHeading};
use crate::state::{use_l10n, use_study, use_title};

#[derive(Properties, PartialEq)]
pub struct CodeCardsPageProps {
    pub id: String,
}

#[component]
pub fn CodeCardsPage(props: &CodeCardsPageProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let entry = StudyId::parse(&props.id).ok().and_then(|id| study.studies.find(id).cloned());
    use_title(l10n.t("cards-title"));
    let Some(entry) = entry else {
        return html! { <Missing message={l10n.t("teacher-study-not-found")} detail={Some(AttrValue::from(l10n.t("cards-not-here")))} /> };
    };
    let print = Callback::from(|_: MouseEvent| crate::platform::document::print());
    let cards = entry.codes.iter().map(|code| {
        html! {
            <li class="code-card">
                <p class="card-title">{ l10n.t("cards-card-title") }</p>
                <p class="card-field">{ l10n.t("check-study-id") }<span class="card-value">{ entry.id.to_string() }</span></p>
                <p class="card-field">{ l10n.t("check-code") }<span class="card-value code">{ code.to_string() }</span></p>
                <p class="card-note">{ l10n.t("cards-card-note") }</p>
            </li>
        }
    });
    html! {
        <article class="code-cards">
            <div class="screen-only">
                <PageHeading text={l10n.t("cards-title")} />
                <p>{ l10n.t_with("cards-intro", &[("count", Arg::from(entry.codes.len()))]) }</p>
                <p>{ l10n.t("cards-collect") }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={print}>{ l10n.t("cards-print") }</button>
                    <Link<TeacherRoute> to={TeacherRoute::Study { id: entry.id.compact() }} classes="button secondary">{ l10n.t("cards-back") }</Link<TeacherRoute>>
                </div>
            </div>
            <ul class="card-grid">{ for cards }</ul>
        </article>
    }
}
