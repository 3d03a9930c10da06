//! The class report: a plain-language summary for the teacher, details for evaluators, charts,
//! and a print layout. All numbers come from `aware_core::report`; this screen only words them,
//! and says why anything is hidden.

use std::rc::Rc;

use aware_core::assessment::Assessment;
use aware_core::l10n::Arg;
use aware_core::report::format::{effect_words, fixed, p_phrase, percent, shown_p_value};
use aware_core::report::{
    ChangeBand, Knowledge, LikertChange, Report, ReportBuilder, Results, SIGNIFICANCE, ScaleChange, Visible,
};
use aware_core::study::suppression::{Cell, Reason};
use aware_core::study::{IssuedCodes, ResultsFile, StudyEntry, StudyId};
use yew::prelude::*;

use super::charts::{Bar, BarChart, PairedBars, PairedRow};
use crate::app::router::Link;
use crate::app::teacher::TeacherRoute;
use crate::components::page::{Missing, PageHeading};
use crate::deployment::min_group_size;
use crate::state::{AssessmentState, L10n, use_assessment, use_l10n, use_study, use_title};

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub id: String,
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let l10n = use_l10n();
    let assessment = use_assessment();
    let id = StudyId::parse(&props.id).ok();
    use_title(l10n.t("report-title"));
    let Some(id) = id else {
        return html! { <Missing message={l10n.t("teacher-study-not-found")} /> };
    };
    match assessment {
        AssessmentState::Ready(assessment) => html! { <ReportView {assessment} study={id} /> },
        AssessmentState::Loading => html! {
            <><PageHeading text={l10n.t("report-title")} /><p class="loading" aria-busy="true">{ l10n.t("check-loading") }</p></>
        },
        AssessmentState::Failed(reason) => html! {
            <>
                <PageHeading text={l10n.t("report-title")} />
                <p class="error-message">{ l10n.t_with("check-failed", &[("reason", Arg::from(reason))]) }</p>
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ReportViewProps {
    assessment: Rc<Assessment>,
    study: StudyId,
}

#[component]
fn ReportView(props: &ReportViewProps) -> Html {
    let l10n = use_l10n();
    let study = use_study();
    let id = props.study;
    let entry = study.studies.find(id).cloned();
    let created_here = entry.is_some();
    let report = {
        let results = study.results.clone();
        let assessment = props.assessment.clone();
        use_memo((results, entry, id), move |(results, entry, id)| {
            class_report(&assessment, results, entry.as_ref(), *id)
        })
    };
    let counts = &report.counts;
    let participants = counts.pre + counts.post - counts.matched;
    let match_rate = (participants > 0).then(|| 100.0 * counts.matched as f64 / participants as f64);
    let print = Callback::from(|_: MouseEvent| crate::platform::document::print());

    html! {
        <article class="report">
            <PageHeading text={l10n.t("report-title")} />
            <p class="meta">{ l10n.t_with("teacher-study-name", &[("id", Arg::from(id.to_string()))]) }</p>
            <div class="actions screen-only">
                <button type="button" class="button" onclick={print}>{ l10n.t("report-print") }</button>
                <Link<TeacherRoute> to={TeacherRoute::Study { id: id.compact() }} classes="button secondary">{ l10n.t("cards-back") }</Link<TeacherRoute>>
            </div>
            <section aria-labelledby="counts">
                <h2 id="counts">{ l10n.t("report-counts-title") }</h2>
                <dl class="counts">
                    <div><dt>{ l10n.t("report-count-pre") }</dt><dd>{ counts.pre }</dd></div>
                    <div><dt>{ l10n.t("report-count-post") }</dt><dd>{ counts.post }</dd></div>
                    <div><dt>{ l10n.t("report-count-matched") }</dt><dd>{ counts.matched }</dd></div>
                    <div><dt>{ l10n.t("report-match-rate") }</dt><dd>{ match_rate.map_or_else(|| "–".to_owned(), percent) }</dd></div>
                </dl>
                if counts.not_scored > 0 || counts.repeated > 0 {
                    <p class="hint">{ l10n.t_with("report-ignored", &[("other", Arg::from(counts.not_scored as usize)), ("repeated", Arg::from(counts.repeated as usize))]) }</p>
                }
                if !created_here {
                    <p class="hint warning">{ l10n.t("report-not-created-here") }</p>
                } else if counts.not_issued > 0 {
                    <p class="hint">{ l10n.t_with("report-not-issued", &[("count", Arg::from(counts.not_issued as usize))]) }</p>
                }
            </section>
            { match &report.results {
                None => html! {
                    <div class="suppressed-notice" role="note">
                        <h2>{ l10n.t("report-hidden-title") }</h2>
                        <p>{ l10n.t_with("report-hidden", &[("matched", Arg::from(counts.matched as usize)), ("k", Arg::from(report.min_group_size as usize))]) }</p>
                        <p>{ l10n.t("report-hidden-why") }</p>
                    </div>
                },
                Some(results) => html! { <ResultsView assessment={props.assessment.clone()} report={report.clone()} results={Rc::new(results.clone())} /> },
            } }
        </article>
    }
}

/// The report of one study from this device's results, with the deployment's minimum group size:
/// what the screen shows and the aggregate export saves. Only the codes on the study's cards count;
/// a study not created on this device (`entry` is `None`) has no known cards, so nothing counts.
pub fn class_report(
    assessment: &Assessment,
    results: &ResultsFile,
    entry: Option<&StudyEntry>,
    study: StudyId,
) -> Report {
    let mut issued = IssuedCodes::new();
    if let Some(entry) = entry {
        issued.add(&entry.definition());
    }
    let mut builder = ReportBuilder::new(assessment, &issued);
    results.records().filter(|record| record.study == study).for_each(|record| builder.add(record));
    builder.finish(min_group_size())
}

#[derive(Properties, PartialEq)]
struct ResultsViewProps {
    assessment: Rc<Assessment>,
    report: Rc<Report>,
    results: Rc<Results>,
}

#[component]
fn ResultsView(props: &ResultsViewProps) -> Html {
    let l10n = use_l10n();
    let locale = l10n.locale();
    let assessment = &props.assessment;
    let results = &props.results;
    let k = props.report.min_group_size as usize;
    let knowledge = results.knowledge.shown();
    let hidden = |reason: Reason| hidden_text(&l10n, reason, k);

    // The chart shows the questions whose shares are both shown; the table says why others are not.
    let item_rows: Vec<PairedRow> = results
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match (&item.pre, &item.post) {
            (Visible::Shown(before), Visible::Shown(after)) => {
                Some(PairedRow { label: format!("{}", index + 1), before: *before, after: *after })
            }
            _ => None,
        })
        .collect();
    let share = |share: &Visible<aware_core::study::suppression::Percent>| match share {
        Visible::Shown(percent) => html! { <td class="num">{ percent.to_string() }</td> },
        Visible::Hidden(reason) => html! { <td class="hidden-cell">{ hidden(*reason) }</td> },
    };
    let band_bars: Vec<Bar> = ChangeBand::ALL
        .iter()
        .zip(&results.changes)
        .map(|(band, cell)| Bar { label: l10n.t(&format!("report-band-{}", band.as_str())), cell: *cell })
        .collect();
    let prompt_of = |id: &str| {
        assessment
            .knowledge
            .iter()
            .find(|item| item.id == id)
            .map(|item| assessment.text(&item.prompt, &locale).to_owned())
            .unwrap_or_default()
    };
    let hidden_cells = results.changes.iter().any(|cell| matches!(cell, Cell::Hidden(_)));

    html! {
        <>
            <section aria-labelledby="summary" class="summary">
                <h2 id="summary">{ l10n.t("report-summary-title") }</h2>
                { for summary(&l10n, knowledge, &results.scales, assessment, &locale).into_iter().map(|line| html! { <p>{ line }</p> }) }
            </section>

            <section aria-labelledby="knowledge">
                <h2 id="knowledge">{ l10n.t("report-knowledge-title") }</h2>
                if let Some(knowledge) = knowledge {
                    <KnowledgeTable knowledge={knowledge.clone()} />
                } else {
                    <p class="hint">{ l10n.t_with("report-knowledge-hidden", &[("k", Arg::from(k))]) }</p>
                }
            </section>

            <section aria-labelledby="items">
                <h2 id="items">{ l10n.t("report-items-title") }</h2>
                <p class="hint">{ l10n.t("report-items-hint") }</p>
                if !item_rows.is_empty() {
                    <PairedBars rows={item_rows} title={l10n.t("report-items-chart")} before={l10n.t("report-before")} after={l10n.t("report-after")} />
                }
                <table class="data-table">
                    <caption class="visually-hidden">{ l10n.t("report-items-title") }</caption>
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        <th scope="col">{ l10n.t("report-col-question") }</th>
                        <th scope="col">{ l10n.t("report-before") }</th>
                        <th scope="col">{ l10n.t("report-after") }</th>
                        <th scope="col">{ l10n.t("report-col-p") }</th>
                        <th scope="col">{ l10n.t("report-col-p-holm") }</th>
                    </tr></thead>
                    <tbody>
                        { for results.items.iter().enumerate().map(|(index, item)| html! {
                            <tr>
                                <th scope="row">{ index + 1 }</th>
                                <td>{ prompt_of(&item.item_a) }</td>
                                { share(&item.pre) }
                                { share(&item.post) }
                                { match &item.test {
                                    Visible::Shown(test) => html! {
                                        <>
                                            <td class="num">{ shown_p_value(test.p) }</td>
                                            <td class="num">{ shown_p_value(test.p_holm) }</td>
                                        </>
                                    },
                                    Visible::Hidden(reason) => html! { <td colspan="2" class="hidden-cell">{ hidden(*reason) }</td> },
                                } }
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="hint">{ l10n.t("report-items-method") }</p>
            </section>

            <section aria-labelledby="changes">
                <h2 id="changes">{ l10n.t("report-changes-title") }</h2>
                <BarChart bars={band_bars} title={l10n.t("report-changes-chart")} hidden_label={l10n.t("report-cell-hidden")} />
                if hidden_cells {
                    <p class="hint">{ l10n.t_with("report-cells-hidden", &[("k", Arg::from(k))]) }</p>
                }
            </section>

            <section aria-labelledby="attitudes">
                <h2 id="attitudes">{ l10n.t("report-scales-title") }</h2>
                <p class="hint">{ l10n.t("report-scales-hint") }</p>
                { for results.scales.iter().map(|scale| html! { <ScaleTable assessment={assessment.clone()} scale={scale.clone()} {k} /> }) }
            </section>

            <section aria-labelledby="privacy">
                <h2 id="privacy">{ l10n.t("report-privacy-title") }</h2>
                <p>{ l10n.t_with("report-privacy", &[("k", Arg::from(k))]) }</p>
            </section>
        </>
    }
}

/// The teacher's summary, a sentence per finding, in the order a teacher asks: did they learn,
/// how much, could it be chance, and did attitudes change.
fn summary(
    l10n: &L10n,
    knowledge: Option<&Knowledge>,
    scales: &[ScaleChange],
    assessment: &Assessment,
    locale: &str,
) -> Vec<String> {
    let mut lines = match knowledge {
        Some(knowledge) => knowledge_summary(l10n, knowledge),
        None => Vec::new(),
    };
    for scale in scales {
        let name = assessment
            .scales
            .iter()
            .find(|s| s.id == scale.id)
            .map(|s| assessment.text(&s.name, locale))
            .unwrap_or_default();
        match &scale.score {
            Visible::Shown(score) => lines.push(l10n.t_with(
                "report-summary-scale",
                &[
                    ("scale", Arg::from(name)),
                    ("pre", Arg::from(fixed(score.pre_mean, 2))),
                    ("post", Arg::from(fixed(score.post_mean, 2))),
                    ("chance", Arg::from(if score.p.significant() { "unlikely" } else { "possible" })),
                ],
            )),
            Visible::Hidden(_) => lines.push(l10n.t_with("report-summary-scale-hidden", &[("scale", Arg::from(name))])),
        }
    }
    lines
}

/// Did they learn, how much, could it be chance.
fn knowledge_summary(l10n: &L10n, knowledge: &Knowledge) -> Vec<String> {
    let direction = if knowledge.mean_change > 0.0 {
        "rose"
    } else if knowledge.mean_change < 0.0 {
        "fell"
    } else {
        "same"
    };
    let mut lines = vec![l10n.t_with(
        "report-summary-knowledge",
        &[
            ("direction", Arg::from(direction)),
            ("pre", Arg::from(percent(knowledge.pre_mean))),
            ("post", Arg::from(percent(knowledge.post_mean))),
            ("n", Arg::from(knowledge.n as usize)),
        ],
    )];
    if let (Some(gain), Some(band)) = (knowledge.gain, knowledge.gain_band) {
        lines.push(l10n.t_with(
            "report-summary-gain",
            &[("gain", Arg::from(fixed(gain, 2))), ("band", Arg::from(l10n.t(&format!("report-band-gain-{band}"))))],
        ));
    }
    match &knowledge.paired {
        Some(paired) => {
            let chance = if paired.p < SIGNIFICANCE { "unlikely" } else { "possible" };
            lines.push(l10n.t_with(
                "report-summary-chance",
                &[("chance", Arg::from(chance)), ("p", Arg::from(p_phrase(paired.p)))],
            ));
            lines.push(l10n.t_with(
                "report-summary-effect",
                &[
                    ("g", Arg::from(fixed(paired.g_z, 2))),
                    ("size", Arg::from(l10n.t(&format!("report-effect-{}", effect_words(paired.g_z))))),
                ],
            ));
        }
        None => lines.push(l10n.t("report-summary-no-variation")),
    }
    lines
}

/// Why a part of the report is hidden, in words.
fn hidden_text(l10n: &L10n, reason: Reason, k: usize) -> String {
    let reason = match reason {
        Reason::TableTooSmall | Reason::GroupTooSmall => "group",
        Reason::SmallCount => "few",
        Reason::Complementary => "complementary",
    };
    l10n.t_with(
        "report-hidden-part",
        &[("reason", Arg::from(reason)), ("k", Arg::from(k)), ("kk", Arg::from(2 * k)), ("few", Arg::from(k - 1))],
    )
}

#[derive(Properties, PartialEq)]
struct KnowledgeTableProps {
    knowledge: Knowledge,
}

#[component]
fn KnowledgeTable(props: &KnowledgeTableProps) -> Html {
    let l10n = use_l10n();
    let k = &props.knowledge;
    let row = |label: &str, value: String| html! { <tr><th scope="row">{ l10n.t(label) }</th><td class="num">{ value }</td></tr> };
    html! {
        <table class="data-table details">
            <caption class="visually-hidden">{ l10n.t("report-knowledge-title") }</caption>
            <tbody>
                { row("report-k-n", k.n.to_string()) }
                { row("report-k-pre", format!("{} (SD {})", percent(k.pre_mean), fixed(k.pre_sd, 1))) }
                { row("report-k-post", format!("{} (SD {})", percent(k.post_mean), fixed(k.post_sd, 1))) }
                { row("report-k-change", fixed(k.mean_change, 1)) }
                { row("report-k-gain", k.gain.map_or_else(|| l10n.t("report-not-defined"), |g| fixed(g, 2))) }
                if let Some(p) = &k.paired {
                    { row("report-k-t", format!("t({}) = {}, {}", p.df, fixed(p.t, 2), p_phrase(p.p))) }
                    { row("report-k-dz", fixed(p.d_z, 2)) }
                    { row("report-k-gz", fixed(p.g_z, 2)) }
                    { row("report-k-dz-ci", format!("[{}; {}]", fixed(p.d_z_ci_lower, 2), fixed(p.d_z_ci_upper, 2))) }
                } else {
                    { row("report-k-t", l10n.t("report-summary-no-variation")) }
                }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct ScaleTableProps {
    assessment: Rc<Assessment>,
    scale: ScaleChange,
    k: usize,
}

#[component]
fn ScaleTable(props: &ScaleTableProps) -> Html {
    let l10n = use_l10n();
    let locale = l10n.locale();
    let assessment = &props.assessment;
    let scale = &props.scale;
    let name = assessment
        .scales
        .iter()
        .find(|s| s.id == scale.id)
        .map(|s| assessment.text(&s.name, &locale).to_owned())
        .unwrap_or_default();
    let cells = |change: &Visible<LikertChange>| match change {
        Visible::Shown(c) => html! {
            <>
                <td class="num">{ fixed(c.pre_mean, 2) }</td>
                <td class="num">{ fixed(c.post_mean, 2) }</td>
                <td class="num">{ shown_p_value(c.p) }</td>
                <td class="num">{ c.n }</td>
            </>
        },
        Visible::Hidden(reason) => {
            html! { <td colspan="4" class="hidden-cell">{ hidden_text(&l10n, *reason, props.k) }</td> }
        }
    };
    let alpha = |value: &Visible<Option<f64>>| match value {
        Visible::Shown(Some(a)) => fixed(*a, 2),
        Visible::Shown(None) => l10n.t("report-not-defined"),
        Visible::Hidden(reason) => hidden_text(&l10n, *reason, props.k),
    };
    html! {
        <div class="scale">
            <h3>{ name.clone() }</h3>
            <table class="data-table">
                <caption class="visually-hidden">{ name }</caption>
                <thead><tr>
                    <th scope="col">{ l10n.t("report-col-statement") }</th>
                    <th scope="col">{ l10n.t("report-before") }</th>
                    <th scope="col">{ l10n.t("report-after") }</th>
                    <th scope="col">{ l10n.t("report-col-p") }</th>
                    <th scope="col">{ l10n.t("report-col-n") }</th>
                </tr></thead>
                <tbody>
                    { for scale.statements.iter().map(|statement| {
                        let text = assessment.likert.iter().find(|i| i.id == statement.id).map(|i| assessment.text(&i.statement, &locale).to_owned()).unwrap_or_default();
                        html! {
                            <tr>
                                <th scope="row">{ text }if statement.reversed { <span class="hint block">{ l10n.t("report-reversed") }</span> }</th>
                                { cells(&statement.change) }
                            </tr>
                        }
                    }) }
                    <tr class="scale-score">
                        <th scope="row">{ l10n.t("report-scale-score") }</th>
                        { cells(&scale.score) }
                    </tr>
                </tbody>
            </table>
            <p class="hint">{ l10n.t_with("report-alpha", &[("pre", Arg::from(alpha(&scale.alpha_pre))), ("post", Arg::from(alpha(&scale.alpha_post)))]) }</p>
        </div>
    }
}
