//! Step 2: every question of the student's form on one page. No feedback, no timer; any
//! question may be left out, and every statement offers "prefer not to answer".

use std::collections::BTreeMap;
use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::l10n::Arg;
use aware_core::study::{Answer, Chosen, Design, Id, Likert, Locale, Record, Response};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Sitting;
use crate::components::page::PageHeading;
use crate::state::{StudyAction, use_l10n, use_study};

#[derive(Properties, PartialEq)]
pub struct TestProps {
    pub assessment: Rc<Assessment>,
    pub sitting: Sitting,
    pub on_done: Callback<Record>,
    pub on_cancel: Callback<()>,
}

/// What the student has chosen so far: item id → option id, `1`–`5`, or `declined`.
type Choices = BTreeMap<String, String>;

const DECLINED: &str = "declined";

#[component]
pub fn Test(props: &TestProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let choices = use_state(Choices::new);
    // After a hand-in with questions left out, the student is asked once whether they meant to.
    let confirm_missing = use_state(|| false);
    let locale = l10n.locale();
    let assessment = &props.assessment;
    let Sitting { participant, phase } = props.sitting;
    let form = Design::of(participant.study).form(participant.code, phase);
    let knowledge: Vec<_> = assessment.knowledge_on(form).collect();
    let total = knowledge.len() + assessment.likert.len();
    let missing = total - choices.len();

    let on_choose = {
        let choices = choices.clone();
        let confirm_missing = confirm_missing.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*choices).clone();
            next.insert(input.name(), input.value());
            choices.set(next);
            confirm_missing.set(false);
        })
    };
    let on_submit = {
        let choices = choices.clone();
        let confirm_missing = confirm_missing.clone();
        let assessment = assessment.clone();
        let on_done = props.on_done.clone();
        let study = study.clone();
        let locale = locale.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let missing = total - choices.len();
            if (missing > 0 && !*confirm_missing) || choices.is_empty() {
                confirm_missing.set(true);
                crate::platform::document::focus("hand-in-status");
                return;
            }
            let Some(record) = build_record(&assessment, Sitting { participant, phase }, form, &locale, &choices)
            else {
                return;
            };
            study.dispatch(StudyAction::AddRecord(record.clone()));
            on_done.emit(record);
        })
    };
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());

    let radio = |item: &str, value: &str, label: String| {
        let id = format!("{item}--{value}");
        html! {
            <div class="choice">
                <input type="radio" id={id.clone()} name={item.to_owned()} value={value.to_owned()}
                    checked={choices.get(item).is_some_and(|chosen| chosen == value)} onchange={on_choose.clone()} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let labels = assessment.labels(&locale);
    let knowledge_html = knowledge.iter().enumerate().map(|(index, item)| {
        let options = item.options.iter().map(|option| {
            let text = match (item.true_false, option.id.as_str(), labels) {
                (true, "true", Some(labels)) => labels.true_.clone(),
                (true, _, Some(labels)) => labels.false_.clone(),
                _ => assessment.text(&option.text, &locale).to_owned(),
            };
            radio(&item.id, &option.id, text)
        });
        html! {
            <fieldset class="test-item">
                <legend>
                    <span class="item-number">{ l10n.t_with("check-question-number", &[("number", Arg::from(index + 1)), ("total", Arg::from(total))]) }</span>
                    <span class="prompt">{ assessment.text(&item.prompt, &locale) }</span>
                </legend>
                <div class="choices">{ for options }</div>
            </fieldset>
        }
    });
    let offset = knowledge.len();
    let likert_html = assessment.likert.iter().enumerate().map(|(index, item)| {
        let points = (1..=5u8).map(|value| {
            let label = labels.map(|labels| labels.likert[usize::from(value - 1)].clone()).unwrap_or_default();
            radio(&item.id, &value.to_string(), label)
        });
        let declined = labels.map(|labels| labels.declined.clone()).unwrap_or_default();
        html! {
            <fieldset class="test-item">
                <legend>
                    <span class="item-number">{ l10n.t_with("check-question-number", &[("number", Arg::from(offset + index + 1)), ("total", Arg::from(total))]) }</span>
                    <span class="prompt">{ assessment.text(&item.statement, &locale) }</span>
                </legend>
                <div class="choices likert">
                    { for points }
                    { radio(&item.id, DECLINED, declined) }
                </div>
            </fieldset>
        }
    });

    let heading = l10n.t(match phase {
        aware_core::study::Phase::Pre => "check-test-title-pre",
        aware_core::study::Phase::Post => "check-test-title-post",
    });
    html! {
        <article class="check-test">
            <PageHeading text={heading} />
            <p class="meta">{ l10n.t_with("check-you-are", &[("code", Arg::from(participant.code.to_string()))]) }</p>
            <p>{ l10n.t("check-test-intro") }</p>
            <form onsubmit={on_submit} novalidate=true>
                <section aria-labelledby="part-knowledge">
                    <h2 id="part-knowledge">{ l10n.t("check-part-knowledge") }</h2>
                    <p class="hint">{ l10n.t("check-part-knowledge-hint") }</p>
                    { for knowledge_html }
                </section>
                <section aria-labelledby="part-statements">
                    <h2 id="part-statements">{ l10n.t("check-part-statements") }</h2>
                    <p class="hint">{ l10n.t("check-part-statements-hint") }</p>
                    { for likert_html }
                </section>
                <div id="hand-in-status" tabindex="-1" role="status">
                    if *confirm_missing && choices.is_empty() {
                        <p class="error-message">{ l10n.t("check-nothing-answered") }</p>
                    } else if *confirm_missing {
                        <p class="notice-text">{ l10n.t_with("check-missing", &[("missing", Arg::from(missing))]) }</p>
                    }
                </div>
                <div class="actions">
                    <button type="submit" class="button">{ l10n.t(if *confirm_missing && !choices.is_empty() { "check-hand-in-anyway" } else { "check-hand-in" }) }</button>
                    <button type="button" class="button secondary" onclick={on_cancel}>{ l10n.t("check-cancel") }</button>
                </div>
            </form>
        </article>
    }
}

/// The attempt as a record: the day only, the item versions, nothing else about the student.
fn build_record(
    assessment: &Assessment,
    sitting: Sitting,
    form: aware_core::study::Form,
    locale: &str,
    choices: &Choices,
) -> Option<Record> {
    let version_of = |id: &str| {
        assessment
            .knowledge
            .iter()
            .map(|item| (&item.id, item.version))
            .chain(assessment.likert.iter().map(|item| (&item.id, item.version)))
            .find(|(item, _)| item.as_str() == id)
            .map(|(_, version)| version)
    };
    let mut answers = BTreeMap::new();
    for (item, chosen) in choices {
        let is_statement = assessment.likert.iter().any(|statement| &statement.id == item);
        let response = match (is_statement, chosen.as_str()) {
            (true, DECLINED) => Response::Declined,
            (true, value) => Response::Likert(value.parse::<u8>().ok().and_then(Likert::new)?),
            (false, option) => Response::Chose(Chosen::from([Id::new(option).ok()?])),
        };
        answers.insert(Id::new(item).ok()?, Answer { version: version_of(item)?, response });
    }
    let record = Record {
        study: sitting.participant.study,
        code: sitting.participant.code,
        phase: sitting.phase,
        form,
        locale: Locale::new(locale)?,
        content_version: assessment.version,
        date: crate::platform::clock::today(),
        answers,
    };
    record.validate().ok()?;
    Some(record)
}
