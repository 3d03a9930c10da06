//! Step 3: handed in. The knowledge answers explained, the student's results file, and a fresh
//! start for the next student on a shared device.

use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::assessment::score::is_correct;
use aware_core::l10n::Arg;
use aware_core::study::{Record, ResultsFile};
use yew::prelude::*;

use crate::app::Bundle;
use crate::app::student::StudentRoute;
use crate::components::page::PageHeading;
use crate::platform::download;
use crate::state::{StudyAction, use_l10n, use_study};

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub assessment: Rc<Assessment>,
    pub record: Rc<Record>,
    pub on_next: Callback<()>,
}

#[component]
pub fn Done(props: &DoneProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let saved = use_state(|| None::<bool>);
    let locale = l10n.locale();
    let assessment = &props.assessment;
    let record = &props.record;
    let items: Vec<_> = assessment.knowledge_on(record.form).collect();
    let response = |id: &str| record.answers.get(id).map(|answer| &answer.response);
    let right = items.iter().filter(|item| is_correct(item, response(&item.id))).count();
    let labels = assessment.labels(&locale);
    let option_text = |item: &aware_core::assessment::KnowledgeItem, id: &str| -> String {
        match (item.true_false, id, labels) {
            (true, "true", Some(labels)) => labels.true_.clone(),
            (true, _, Some(labels)) => labels.false_.clone(),
            _ => item
                .options
                .iter()
                .find(|o| o.id == id)
                .map(|o| assessment.text(&o.text, &locale).to_owned())
                .unwrap_or_default(),
        }
    };

    // The student's own file holds only their records (both phases, when this device shows both;
    // on a teacher's device the results are sealed, so it holds this attempt).
    let on_save = {
        let study = study.clone();
        let record = record.clone();
        let saved = saved.clone();
        Callback::from(move |_: MouseEvent| {
            let mut own: Vec<Record> =
                study.results.records().filter(|r| r.study == record.study && r.code == record.code).cloned().collect();
            if !own.contains(&*record) {
                own.retain(|r| r.key() != record.key());
                own.push((*record).clone());
            }
            let encoded = ResultsFile::new(own).ok().and_then(|file| file.encode().ok());
            // Named by the study only: a file passed on by name must not say whose code it holds.
            let name = format!("aware-results-{}.json", record.study.compact());
            saved.set(Some(encoded.is_some_and(|json| download::save(&name, "application/json", &json))));
        })
    };
    // The next student on a shared device starts with an empty form: nothing of this one stays.
    let on_next = {
        let study = study.clone();
        let on_next = props.on_next.clone();
        Callback::from(move |_: MouseEvent| {
            study.dispatch(StudyAction::NextStudent);
            on_next.emit(());
        })
    };

    let review = items.iter().enumerate().map(|(index, item)| {
        let chosen = match response(&item.id) {
            Some(aware_core::study::Response::Chose(options)) => {
                options.iter().map(|o| option_text(item, o)).collect::<Vec<_>>().join(", ")
            }
            _ => String::new(),
        };
        let correct = item.options.iter().find(|o| o.correct).map(|o| option_text(item, &o.id)).unwrap_or_default();
        let right = is_correct(item, response(&item.id));
        html! {
            <li class={classes!("review-item", if right { "correct" } else { "incorrect" })}>
                <p class="prompt"><span class="visually-hidden">{ format!("{}. ", index + 1) }</span>{ assessment.text(&item.prompt, &locale) }</p>
                <p class="verdict">{ l10n.t(if right { "check-review-right" } else { "check-review-not-right" }) }</p>
                if chosen.is_empty() {
                    <p>{ l10n.t("check-review-no-answer") }</p>
                } else {
                    <p>{ l10n.t_with("check-review-your-answer", &[("answer", Arg::from(chosen))]) }</p>
                }
                if !right {
                    <p>{ l10n.t_with("check-review-right-answer", &[("answer", Arg::from(correct))]) }</p>
                }
                <p>{ assessment.text(&item.explanation, &locale) }</p>
            </li>
        }
    });

    html! {
        <article class="check-done">
            <PageHeading text={l10n.t("check-done-title")} />
            <p class="lead">{ l10n.t("check-done-saved") }</p>
            <p class="score">{ l10n.t_with("check-done-score", &[("right", Arg::from(right)), ("total", Arg::from(items.len()))]) }</p>
            <section aria-labelledby="hand-in-file">
                <h2 id="hand-in-file">{ l10n.t("check-file-title") }</h2>
                <p>{ l10n.t("check-file-intro") }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={on_save}>{ l10n.t("check-file-save") }</button>
                    <button type="button" class="button secondary" onclick={on_next}>{ l10n.t("check-next-student") }</button>
                </div>
                <div role="status">
                    if *saved == Some(true) {
                        <p>{ l10n.t("check-file-saved") }</p>
                    } else if *saved == Some(false) {
                        <p class="error-message">{ l10n.t("check-file-failed") }</p>
                    }
                </div>
            </section>
            <section aria-labelledby="review">
                <h2 id="review">{ l10n.t("check-review-title") }</h2>
                <ol class="review-list">{ for review }</ol>
            </section>
            <p><a href={StudentRoute::Course.href(Bundle::Check)}>{ l10n.t("back-to-lessons") }</a></p>
        </article>
    }
}
