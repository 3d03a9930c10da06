//! One study: what to tell the class, the code cards, the report, and the exports.

use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::l10n::Arg;
use aware_core::study::export::{Columns, codebook_csv, results_csv};
use aware_core::study::{Design, Locale, Phase, ResultsFile, StudyId};
use yew::prelude::*;

use super::file_import::FileImport;
use crate::app::Bundle;
use crate::app::router::Link;
use crate::app::teacher::TeacherRoute;
use crate::components::confirm::Confirm;
use crate::components::page::{Missing, PageHeading};
use crate::platform::download;
use crate::state::{AssessmentState, use_assessment, use_device, use_l10n, use_study, use_title};

/// Excel reads a CSV without a byte-order mark as a legacy code page and garbles Cyrillic.
pub(crate) const CSV_BOM: &str = "\u{feff}";

#[derive(Properties, PartialEq)]
pub struct StudyPageProps {
    pub id: String,
}

#[component]
pub fn StudyPage(props: &StudyPageProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let assessment = use_assessment();
    let id = StudyId::parse(&props.id).ok();
    use_title(match id {
        Some(id) => l10n.t_with("teacher-study-name", &[("id", Arg::from(id.to_string()))]),
        None => l10n.t("teacher-study-not-found"),
    });
    let Some(id) = id else {
        return html! { <Missing message={l10n.t("teacher-study-not-found")} /> };
    };
    let entry = study.studies.find(id);
    let records = study.results.records().filter(|r| r.study == id);
    let (pre, post) = records.fold((0, 0), |(pre, post), r| match r.phase {
        Phase::Pre => (pre + 1, post),
        Phase::Post => (pre, post + 1),
    });
    let design = Design::of(id);

    html! {
        <article class="study">
            <PageHeading text={l10n.t_with("teacher-study-name", &[("id", Arg::from(id.to_string()))])} />
            if let Some(entry) = entry {
                if !entry.label.is_empty() {
                    <p class="study-label">{ entry.label.clone() }</p>
                }
                <p class="meta">{ l10n.t_with("teacher-study-created", &[("date", Arg::from(entry.created.to_string()))]) }</p>
            }
            <p>{ l10n.t(match design {
                Design::Parallel => "teacher-design-parallel-hint",
                Design::Crossover => "teacher-design-crossover-hint",
            }) }</p>
            <section aria-labelledby="tell-class">
                <h2 id="tell-class">{ l10n.t("teacher-tell-class-title") }</h2>
                <p>{ l10n.t("teacher-tell-class") }</p>
                <p class="study-id-display">{ id.to_string() }</p>
                <div class="actions">
                    if entry.is_some_and(|entry| !entry.codes.is_empty()) {
                        <Link<TeacherRoute> to={TeacherRoute::CodeCards { id: id.compact() }} classes="button">{ l10n.t("teacher-print-cards") }</Link<TeacherRoute>>
                    }
                    <a href={Bundle::Check.href(Bundle::Teacher, "/")} class="button secondary">{ l10n.t("teacher-open-check") }</a>
                </div>
            </section>
            <section aria-labelledby="results-here">
                <h2 id="results-here">{ l10n.t("teacher-results-title") }</h2>
                <p>{ l10n.t_with("teacher-study-counts", &[("pre", Arg::from(pre)), ("post", Arg::from(post))]) }</p>
                <div class="actions">
                    <Link<TeacherRoute> to={TeacherRoute::Report { id: id.compact() }} classes="button">{ l10n.t("teacher-open-report") }</Link<TeacherRoute>>
                </div>
                <h3>{ l10n.t("teacher-import-title") }</h3>
                <FileImport study={Some(id)} />
                <DeleteResults study={id} />
            </section>
            <section aria-labelledby="exports">
                <h2 id="exports">{ l10n.t("export-title") }</h2>
                <p>{ l10n.t("export-intro") }</p>
                { match assessment {
                    AssessmentState::Ready(assessment) => html! { <Exports {assessment} study={id} /> },
                    AssessmentState::Loading => html! { <p class="loading">{ l10n.t("check-loading") }</p> },
                    AssessmentState::Failed(reason) => html! {
                        <p class="error-message">{ l10n.t_with("check-failed", &[("reason", Arg::from(reason))]) }</p>
                    },
                } }
            </section>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ExportsProps {
    assessment: Rc<Assessment>,
    study: StudyId,
}

#[derive(Clone, Copy, PartialEq)]
enum Export {
    ResultsCsv,
    ResultsJson,
    Codebook,
    Aggregate,
    StudyFile,
}

#[component]
fn Exports(props: &ExportsProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let status = use_state(|| None::<String>);
    let export = |kind: Export| {
        let (study, status, l10n) = (study.clone(), status.clone(), l10n.clone());
        let (assessment, id) = (props.assessment.clone(), props.study);
        Callback::from(move |_: MouseEvent| {
            let records: Vec<_> = study.results.records().filter(|r| r.study == id).cloned().collect();
            let file = ResultsFile::new(records).unwrap_or_default();
            let name = |suffix: &str| format!("aware-{}-{suffix}", id.compact());
            let saved = match kind {
                Export::ResultsCsv => assessment.codebook().ok().is_some_and(|codebook| {
                    let csv = results_csv(&file, &codebook, Columns::default());
                    download::save(&name("results.csv"), "text/csv", &format!("{CSV_BOM}{}", csv.text))
                }),
                Export::ResultsJson => file
                    .encode()
                    .ok()
                    .is_some_and(|json| download::save(&name("results.json"), "application/json", &json)),
                Export::Codebook => assessment.codebook().ok().is_some_and(|codebook| {
                    let languages: Vec<Locale> = assessment.locales.iter().filter_map(|l| Locale::new(l)).collect();
                    let csv = codebook_csv(&codebook, &languages, Columns::default());
                    download::save(&name("codebook.csv"), "text/csv", &format!("{CSV_BOM}{csv}"))
                }),
                Export::Aggregate => {
                    let report = super::report::class_report(&assessment, &file, study.studies.find(id), id);
                    download::save(&name("report.json"), "application/json", &report.to_json())
                }
                Export::StudyFile => study.studies.find(id).is_some_and(|entry| {
                    download::save(&name("study.json"), "application/json", &entry.definition().encode())
                }),
            };
            status.set(Some(l10n.t(if saved { "export-saved" } else { "export-failed" })));
        })
    };
    html! {
        <>
            <ul class="export-list">
                <li>
                    <button type="button" class="button secondary" onclick={export(Export::Aggregate)}>{ l10n.t("export-aggregate") }</button>
                    <p class="hint">{ l10n.t("export-aggregate-hint") }</p>
                </li>
                <li>
                    <button type="button" class="button secondary" onclick={export(Export::ResultsCsv)}>{ l10n.t("export-results-csv") }</button>
                    <p class="hint">{ l10n.t("export-results-csv-hint") }</p>
                </li>
                <li>
                    <button type="button" class="button secondary" onclick={export(Export::ResultsJson)}>{ l10n.t("export-results-json") }</button>
                    <p class="hint">{ l10n.t("export-results-json-hint") }</p>
                </li>
                <li>
                    <button type="button" class="button secondary" onclick={export(Export::Codebook)}>{ l10n.t("export-codebook") }</button>
                    <p class="hint">{ l10n.t("export-codebook-hint") }</p>
                </li>
                if study.studies.find(props.study).is_some() {
                    <li>
                        <button type="button" class="button secondary" onclick={export(Export::StudyFile)}>{ l10n.t("export-study") }</button>
                        <p class="hint">{ l10n.t("export-study-hint") }</p>
                    </li>
                }
            </ul>
            <div role="status">
                if let Some(message) = &*status {
                    <p>{ message.clone() }</p>
                }
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DeleteResultsProps {
    study: StudyId,
}

/// A programme's retention rule: this study's results leave the device (sealed ones too), after
/// a second, explicit press.
#[component]
fn DeleteResults(props: &DeleteResultsProps) -> Html {
    let l10n = use_l10n();
    let device = use_device();
    let deleted = use_state(|| None::<usize>);
    let study = props.study;
    let delete = {
        let deleted = deleted.clone();
        Callback::from(move |()| deleted.set(Some(device.act(|store| store.delete_study_results(study)))))
    };
    html! {
        <div class="delete-results screen-only">
            <h3>{ l10n.t("teacher-delete-results-title") }</h3>
            <Confirm id="delete-results" label={l10n.t("teacher-delete-results")}
                warning={l10n.t("teacher-delete-results-warning")}
                confirm={l10n.t("teacher-delete-results-confirm")} on_confirm={delete} />
            <div role="status">
                if let Some(count) = *deleted {
                    <p>{ l10n.t_with("teacher-delete-results-done", &[("count", Arg::from(count))]) }</p>
                }
            </div>
        </div>
    }
}
