//! The pooled report in plain English for a terminal: the numbers of `--json`, laid out and named.
//!
//! One formatting rule per kind of number: scores and shares of students in percent with one
//! decimal (or the report's own top/bottom-coded whole percent); t, ⟨g⟩, effect sizes, α and Likert
//! means with two decimals; p-values with three decimals, "< 0.001" below that, and "< 0.05" or
//! "≥ 0.05" where the report gives only that. A hidden number is never left blank: it says
//! "hidden" and why.

use std::fmt::{self, Display, Formatter};

use aware_core::report::format::{p_phrase, shown_p_phrase, shown_p_value};
use aware_core::report::{ChangeBand, Knowledge, LikertChange, Results, ScaleChange, Visible};
use aware_core::study::suppression::{Cell, Percent, Reason};

use crate::report::Pooled;

pub struct Text<'a>(pub &'a Pooled);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Pooled { report, studies, files_read, files_skipped } = self.0;
        let k = report.min_group_size;
        let counts = &report.counts;
        writeln!(
            f,
            "Aware pooled report: assessment version {}, groups smaller than {k} hidden",
            report.assessment_version
        )?;
        writeln!(f)?;
        let named = if *files_skipped > 0 { " (each named above with its problem)" } else { "" };
        writeln!(f, "Files: {files_read} read, {files_skipped} skipped{named}; {studies} studies' definitions given")?;
        if *studies == 0 {
            writeln!(
                f,
                "No study definitions were given (--studies), so no record counts: a report counts only the \
                 codes printed on a study's cards. Each teacher saves their study's file on its page in the app."
            )?;
        }
        writeln!(f)?;
        let either = counts.pre + counts.post - counts.matched;
        let rate = if either > 0 {
            format!("{:.1} % of the {either} who took either test", 100.0 * counts.matched as f64 / either as f64)
        } else {
            "no one took either test".to_owned()
        };
        writeln!(f, "Participants")?;
        writeln!(f, "  took the pre-test      {:>9}", counts.pre)?;
        writeln!(f, "  took the post-test     {:>9}", counts.post)?;
        writeln!(f, "  took both (matched)    {:>9}   {rate}", counts.matched)?;
        writeln!(
            f,
            "  records not scored     {:>9}   taken on a newer assessment version, or answering items it does not have",
            counts.not_scored
        )?;
        writeln!(f, "  records repeated       {:>9}   a second record for a phase already counted", counts.repeated)?;
        writeln!(
            f,
            "  records left out       {:>9}   codes their study did not issue, or of a study not given with --studies",
            counts.not_issued
        )?;
        writeln!(
            f,
            "  earlier versions       {:>9}   matched, but a test taken before some items changed: counted per item only",
            counts.earlier_versions
        )?;
        writeln!(f)?;
        match &report.results {
            None if counts.matched >= u64::from(k) => writeln!(
                f,
                "Fewer than {k} matched participants took both tests on the current version of every item: \
                 statistics are hidden. Only the counts above are shown."
            ),
            None => writeln!(
                f,
                "Fewer than {k} matched participants: statistics are hidden to protect students. \
                 Only the counts above are shown."
            ),
            // The chart of changes is of the pairs the knowledge score compares.
            Some(results) => write_results(f, results, counts.matched - counts.earlier_versions, k),
        }
    }
}

fn write_results(f: &mut Formatter<'_>, results: &Results, pairs: u64, k: u32) -> fmt::Result {
    match &results.knowledge {
        Visible::Shown(knowledge) => write_knowledge(f, knowledge)?,
        Visible::Hidden(reason) => writeln!(f, "Knowledge score: hidden ({})", hidden_because(*reason, k))?,
    }
    writeln!(f)?;

    writeln!(
        f,
        "Items: share of matched participants right before and after (n: those asked the item's current version both times); McNemar's test, Holm-adjusted over all items"
    )?;
    let rows: Vec<[String; 9]> = results
        .items
        .iter()
        .map(|item| {
            let share = |share: &Visible<Percent>| match share {
                Visible::Shown(percent) => percent.to_string(),
                Visible::Hidden(_) => "hidden".to_owned(),
            };
            let [p, holm, method] = match &item.test {
                Visible::Shown(test) => [
                    shown_p_value(test.p),
                    shown_p_value(test.p_holm),
                    test.method.unwrap_or("(only p's side of 0.05: exact p would tell a count)").to_owned(),
                ],
                Visible::Hidden(reason) => {
                    [format!("hidden ({})", hidden_because(*reason, k)), String::new(), String::new()]
                }
            };
            [
                item.pair.clone(),
                item.item_a.clone(),
                item.item_b.clone(),
                item.n.to_string(),
                share(&item.pre),
                share(&item.post),
                p,
                holm,
                method,
            ]
        })
        .collect();
    let header = ["concept", "form A", "form B", "n", "pre", "post", "p", "Holm p", "method"].map(str::to_owned);
    write_table(f, "  ", &header, &rows)?;
    if results
        .items
        .iter()
        .any(|item| matches!(item.pre, Visible::Hidden(_)) || matches!(item.post, Visible::Hidden(_)))
    {
        writeln!(
            f,
            "  (a hidden share: fewer than {} participants, or one of its counts, right or wrong, is 1 to {})",
            2 * k,
            k - 1
        )?;
    }
    writeln!(f)?;

    writeln!(f, "Individual changes in knowledge score (matched participants, all items at their current versions)")?;
    for (band, cell) in ChangeBand::ALL.iter().zip(&results.changes) {
        let label = match band {
            ChangeBand::Fell => "fell",
            ChangeBand::Same => "stayed the same",
            ChangeBand::RoseUpTo25 => "rose by up to 25 points",
            ChangeBand::RoseMoreThan25 => "rose by more than 25 points",
        };
        let shown = match cell {
            Cell::Shown(n) => match Percent::of(*n, pairs) {
                Some(share) => format!("{n:>9}   {share}"),
                None => format!("{n:>9}"),
            },
            Cell::Hidden(reason) => format!("hidden ({})", hidden_because(*reason, k)),
        };
        writeln!(f, "  {label:<29}{shown}")?;
    }

    if !results.scales.is_empty() {
        writeln!(f)?;
        writeln!(
            f,
            "Scales: scores 1 to 5 after reverse coding, higher is the attitude the lessons aim for; Wilcoxon's signed-rank test"
        )?;
        for scale in &results.scales {
            write_scale(f, scale, k)?;
        }
    }
    Ok(())
}

fn write_knowledge(f: &mut Formatter<'_>, knowledge: &Knowledge) -> fmt::Result {
    writeln!(
        f,
        "Knowledge score: percent correct, {} matched participants asked every item in its current version",
        knowledge.n
    )?;
    writeln!(f, "  pre-test       {:>5.1} %   (sd {:.1})", knowledge.pre_mean, knowledge.pre_sd)?;
    writeln!(f, "  post-test      {:>5.1} %   (sd {:.1})", knowledge.post_mean, knowledge.post_sd)?;
    writeln!(f, "  mean change    {:+.1} percentage points", knowledge.mean_change)?;
    match (knowledge.gain, knowledge.gain_band) {
        (Some(gain), Some(band)) => writeln!(f, "  Hake's ⟨g⟩     {gain:.2} ({band})")?,
        _ => writeln!(f, "  Hake's ⟨g⟩     none: the pre-test mean is already 100 %")?,
    }
    match &knowledge.paired {
        Some(paired) => {
            writeln!(f, "  paired t-test  t({}) = {:.2}, {}", paired.df, paired.t, p_phrase(paired.p))?;
            writeln!(
                f,
                "  effect size    d_z = {:.2} (95 % CI {:.2} to {:.2}, exact), Hedges' g_z = {:.2}, sd of changes {:.1}",
                paired.d_z, paired.d_z_ci_lower, paired.d_z_ci_upper, paired.g_z, paired.sd_change
            )
        }
        None => writeln!(f, "  paired t-test  none: every participant's score changed by the same amount"),
    }
}

fn write_scale(f: &mut Formatter<'_>, scale: &ScaleChange, k: u32) -> fmt::Result {
    writeln!(f, "  {}", scale.id)?;
    match &scale.score {
        Visible::Shown(score) => writeln!(
            f,
            "    scale score    {:.2} → {:.2}, {} answering every statement both times, Wilcoxon {}{}",
            score.pre_mean,
            score.post_mean,
            score.n,
            shown_p_phrase(score.p),
            score.method.map_or_else(String::new, |method| format!(" ({method})"))
        )?,
        Visible::Hidden(reason) => writeln!(f, "    scale score    hidden ({})", hidden_because(*reason, k))?,
    }
    let alpha = |alpha: &Visible<Option<f64>>| match alpha {
        Visible::Shown(Some(alpha)) => format!("{alpha:.2}"),
        Visible::Shown(None) => "n/a (the answers do not vary)".to_owned(),
        Visible::Hidden(reason) => format!("hidden ({})", hidden_because(*reason, k)),
    };
    writeln!(f, "    Cronbach's α   pre {}, post {}", alpha(&scale.alpha_pre), alpha(&scale.alpha_post))?;
    let rows: Vec<[String; 6]> = scale
        .statements
        .iter()
        .map(|statement| {
            let id = if statement.reversed { format!("{} (reversed)", statement.id) } else { statement.id.clone() };
            match &statement.change {
                Visible::Shown(LikertChange { n, pre_mean, post_mean, p, method, .. }) => [
                    id,
                    n.to_string(),
                    format!("{pre_mean:.2}"),
                    format!("{post_mean:.2}"),
                    shown_p_value(*p),
                    method.unwrap_or("(p's side of 0.05 only)").to_owned(),
                ],
                Visible::Hidden(reason) => [
                    id,
                    format!("hidden ({})", hidden_because(*reason, k)),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            }
        })
        .collect();
    let header = ["statement", "n", "pre", "post", "p", "method"].map(str::to_owned);
    write_table(f, "    ", &header, &rows)
}

/// Columns as wide as their widest cell, left-aligned, two spaces apart. A "hidden (…)" note does
/// not widen its column: it runs on over the empty cells after it.
fn write_table<const N: usize>(
    f: &mut Formatter<'_>,
    indent: &str,
    header: &[String; N],
    rows: &[[String; N]],
) -> fmt::Result {
    let mut widths = header.each_ref().map(|cell| cell.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row).filter(|(_, cell)| !cell.starts_with("hidden (")) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in [header].into_iter().chain(rows) {
        let mut line = String::from(indent);
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', width.saturating_sub(cell.chars().count())));
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}

pub(crate) fn hidden_because(reason: Reason, k: u32) -> String {
    match reason {
        Reason::TableTooSmall => format!("fewer than {k} in all"),
        Reason::GroupTooSmall => format!("too few: {k} for a whole test or scale, {} for a single question", 2 * k),
        Reason::SmallCount => format!("it would tell how 1 to {} students answered", k - 1),
        Reason::Complementary => "so that another hidden count cannot be worked out from the totals".to_owned(),
    }
}
