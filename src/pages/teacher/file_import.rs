//! Importing students' results files: pick several at once or drop them here. Each file is
//! decoded on its own, so a bad file is named with its problem while the good ones are imported.
//!
//! Files are handled one at a time: a file over the size limit is refused unread, the others are
//! read, decoded, merged and saved before the next is read, and each outcome is shown as soon as
//! it is known. Records must name only what the assessment defines (`ResultsFile::import`), so
//! the importer waits for the assessment.

use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::l10n::Arg;
use aware_core::store::ImportFile;
use aware_core::study::StudyId;
use aware_core::study::file::{ImportError, MAX_FILE_BYTES};
use yew::prelude::*;

use crate::platform::files::{self, ReadError};
use crate::state::{AssessmentState, L10n, use_assessment, use_l10n, use_study};

/// What happened to one file.
#[derive(Clone, PartialEq)]
enum Outcome {
    Imported { added: usize, duplicates: usize, conflicts: usize, other_studies: usize },
    Refused(String),
}

#[derive(Properties, PartialEq)]
pub struct FileImportProps {
    /// The study whose page this is: records of other studies are still imported, and counted.
    #[prop_or_default]
    pub study: Option<StudyId>,
}

#[component]
pub fn FileImport(props: &FileImportProps) -> Html {
    let l10n = use_l10n();
    match use_assessment() {
        AssessmentState::Ready(assessment) => html! { <Importer {assessment} study={props.study} /> },
        AssessmentState::Loading => html! { <p class="loading">{ l10n.t("check-loading") }</p> },
        AssessmentState::Failed(reason) => html! {
            <p class="error-message">{ l10n.t_with("check-failed", &[("reason", Arg::from(reason))]) }</p>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ImporterProps {
    assessment: Rc<Assessment>,
    study: Option<StudyId>,
}

#[component]
fn Importer(props: &ImporterProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let outcomes = use_state(Vec::<(String, Outcome)>::new);
    let busy = use_state(|| false);
    let dragging = use_state(|| false);

    let import = {
        let study = study.clone();
        let outcomes = outcomes.clone();
        let busy = busy.clone();
        let l10n = l10n.clone();
        let this_study = props.study;
        let assessment = props.assessment.clone();
        Callback::from(move |picked: Vec<files::File>| {
            if picked.is_empty() {
                return;
            }
            let (study, outcomes, busy, l10n) = (study.clone(), outcomes.clone(), busy.clone(), l10n.clone());
            let vocabulary = assessment.vocabulary();
            busy.set(true);
            outcomes.set(Vec::new());
            yew::platform::spawn_local(async move {
                let mut report = Vec::new();
                for file in picked {
                    let outcome = match files::read(&file, MAX_FILE_BYTES).await {
                        Err(ReadError::TooLarge { bytes }) => {
                            Outcome::Refused(import_error(&l10n, &ImportError::TooLarge { bytes, max: MAX_FILE_BYTES }))
                        }
                        Err(ReadError::Unreadable(reason)) => {
                            Outcome::Refused(l10n.t_with("import-unreadable", &[("reason", Arg::from(reason))]))
                        }
                        Ok(bytes) => {
                            // Merged into what the device holds now and saved (or sealed) at once,
                            // so a tab closed halfway loses nothing.
                            let file = ImportFile { name: file.name(), bytes };
                            let outcome = study
                                .device()
                                .act(|store| store.import_files_checked(vec![file], this_study, Some(&vocabulary)));
                            match outcome.into_iter().next().map(|outcome| outcome.result) {
                                Some(Ok(imported)) => Outcome::Imported {
                                    added: imported.added,
                                    duplicates: imported.duplicates,
                                    conflicts: imported.conflicts,
                                    other_studies: imported.other_studies,
                                },
                                Some(Err(error)) => Outcome::Refused(import_error(&l10n, &error)),
                                None => Outcome::Refused(l10n.t("import-not-results")),
                            }
                        }
                    };
                    report.push((file.name(), outcome));
                    outcomes.set(report.clone());
                    files::yield_to_browser().await;
                }
                busy.set(false);
            });
        })
    };
    let on_pick = {
        let import = import.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            import.emit(files::list(input.files()));
            // The same file picked again later is a new import (and then a duplicate).
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            import.emit(files::list(event.data_transfer().and_then(|transfer| transfer.files())));
        })
    };

    let rows = outcomes.iter().map(|(name, outcome)| match outcome {
        Outcome::Imported { added, duplicates, conflicts, other_studies } => html! {
            <li class="import-ok">
                <strong>{ name.clone() }</strong>{ ": " }
                { l10n.t_with("import-added", &[("added", Arg::from(*added)), ("duplicates", Arg::from(*duplicates))]) }
                if *conflicts > 0 {
                    { " " }{ l10n.t_with("import-conflicts", &[("conflicts", Arg::from(*conflicts))]) }
                }
                if *other_studies > 0 {
                    { " " }{ l10n.t_with("import-other-studies", &[("count", Arg::from(*other_studies))]) }
                }
            </li>
        },
        Outcome::Refused(reason) => html! {
            <li class="import-refused">
                <strong>{ name.clone() }</strong>{ ": " }{ reason.clone() }
            </li>
        },
    });
    let refused = outcomes.iter().filter(|(_, o)| matches!(o, Outcome::Refused(_))).count();

    html! {
        <div class="file-import">
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="results-files">{ l10n.t("import-choose") }</label>
                <p class="hint" id="results-files-hint">{ l10n.t("import-hint") }</p>
                <input id="results-files" type="file" multiple=true accept=".json,application/json"
                    aria-describedby="results-files-hint" onchange={on_pick} />
            </div>
            <div role="status" aria-live="polite">
                if *busy {
                    <p>{ l10n.t("import-busy") }</p>
                } else if !outcomes.is_empty() {
                    <p class={classes!(if refused > 0 { "error-message" } else { "import-summary" })}>
                        { l10n.t_with("import-summary", &[("files", Arg::from(outcomes.len())), ("refused", Arg::from(refused))]) }
                    </p>
                }
                if !outcomes.is_empty() {
                    <ul class="import-results">{ for rows }</ul>
                }
            </div>
        </div>
    }
}

/// An import problem in the teacher's language.
fn import_error(l10n: &L10n, error: &ImportError) -> String {
    match error {
        ImportError::TooLarge { .. } => l10n.t("import-too-large"),
        ImportError::NotJson { line, column } => {
            l10n.t_with("import-not-json", &[("line", Arg::from(*line)), ("column", Arg::from(*column))])
        }
        ImportError::NotAResultsFile => l10n.t("import-not-results"),
        ImportError::UnsupportedVersion { found } => {
            l10n.t_with("import-newer-version", &[("version", Arg::from(*found as usize))])
        }
        ImportError::Malformed { detail } => l10n.t_with("import-damaged", &[("detail", Arg::from(detail.as_str()))]),
        ImportError::TooManyRecords { max, .. } => l10n.t_with("import-too-many", &[("max", Arg::from(*max))]),
        ImportError::BadRecord { record, problem } => l10n
            .t_with("import-bad-record", &[("record", Arg::from(*record)), ("detail", Arg::from(problem.to_string()))]),
        ImportError::DuplicateRecord { record, same_as } => {
            l10n.t_with("import-duplicate-record", &[("record", Arg::from(*record)), ("same", Arg::from(*same_as))])
        }
    }
}
