use serde::Serialize;

use crate::study::suppression::{Cell, Percent};

/// Bumped when the report's JSON (the aggregate export, the command line's `--json`) changes shape.
pub const REPORT_FORMAT: u32 = 1;

/// Everything a class report shows. Serialised, it is the aggregate-only export: no record, no
/// code, no answer of any one participant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: u32,
    pub assessment_version: u32,
    /// k: the smallest group whose results are shown.
    pub min_group_size: u32,
    pub counts: Counts,
    /// `None` (with [`Counts::matched`] below k) when there are too few matched participants for
    /// any result to be shown.
    pub results: Option<Results>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Participants who took the pre-test.
    pub pre: u64,
    /// Participants who took the post-test.
    pub post: u64,
    /// Participants who took both: the only ones whose change can be measured.
    pub matched: u64,
    /// Records ignored because they were taken on another version of the assessment or answer
    /// items it does not have.
    pub not_scored: u64,
    /// Records ignored because the participant already had a record for that phase.
    pub repeated: u64,
    /// Records left out because their study did not issue their code: not on its cards, or a
    /// study whose definition the report was not given (see [`crate::study::definition`]).
    pub not_issued: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub knowledge: Knowledge,
    /// One row per concept (a pair of parallel items), in the order of form A.
    pub items: Vec<ItemChange>,
    /// How individual scores changed, in [`ChangeBand`] order; small counts hidden.
    pub changes: Vec<Cell>,
    pub scales: Vec<ScaleChange>,
}

/// Knowledge scores (percent correct) of the matched participants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Knowledge {
    pub n: u64,
    pub pre_mean: f64,
    pub pre_sd: f64,
    pub post_mean: f64,
    pub post_sd: f64,
    /// Mean of post − pre, in percentage points.
    pub mean_change: f64,
    /// Hake's class normalised gain ⟨g⟩; `None` when the pre-test mean is 100 %.
    pub gain: Option<f64>,
    pub gain_band: Option<&'static str>,
    /// `None` when every participant changed by the same amount.
    pub paired: Option<Paired>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Paired {
    pub sd_change: f64,
    pub t: f64,
    pub df: u64,
    pub p: f64,
    pub d_z: f64,
    /// Hedges' correction J and g_z = J·d_z.
    pub hedges_j: f64,
    pub g_z: f64,
    pub d_z_ci_lower: f64,
    pub d_z_ci_upper: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub pair: String,
    /// The item ids on form A and form B.
    pub item_a: String,
    pub item_b: String,
    /// Share of matched participants right before and after, top/bottom coded.
    pub pre: Percent,
    pub post: Percent,
    pub p: f64,
    pub method: &'static str,
    /// Holm-adjusted over all items of the report.
    pub p_holm: f64,
}

/// Bands of one participant's change in knowledge score, for the chart of individual changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeBand {
    Fell,
    Same,
    RoseUpTo25,
    RoseMoreThan25,
}

impl ChangeBand {
    pub const ALL: [ChangeBand; 4] =
        [ChangeBand::Fell, ChangeBand::Same, ChangeBand::RoseUpTo25, ChangeBand::RoseMoreThan25];

    /// The band of a change of `change` right answers on forms of `items` items, decided in whole
    /// numbers: 25 points is a quarter of the items, and 3 of 12 is exactly that, not a rounding
    /// error above it.
    pub fn of_items(change: i64, items: u64) -> ChangeBand {
        let items = items as i64;
        if change < 0 {
            ChangeBand::Fell
        } else if change == 0 {
            ChangeBand::Same
        } else if 4 * change <= items {
            ChangeBand::RoseUpTo25
        } else {
            ChangeBand::RoseMoreThan25
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeBand::Fell => "fell",
            ChangeBand::Same => "same",
            ChangeBand::RoseUpTo25 => "rose-up-to-25",
            ChangeBand::RoseMoreThan25 => "rose-more-than-25",
        }
    }
}

/// A Likert scale: its statements and the scale score (mean of its statement scores).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleChange {
    pub id: String,
    /// The scale score's change, over participants who answered every statement both times;
    /// `None` when fewer than k did.
    pub score: Option<LikertChange>,
    /// Cronbach's α over the matched participants' complete answers, before and after; `None`
    /// when it does not exist or fewer than k answered every statement.
    pub alpha_pre: Option<f64>,
    pub alpha_post: Option<f64>,
    pub statements: Vec<StatementChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementChange {
    pub id: String,
    pub reversed: bool,
    /// `None` when fewer than k participants answered it both times.
    pub change: Option<LikertChange>,
}

/// Scores after reverse coding, 1–5: higher is the attitude the lessons aim for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LikertChange {
    pub n: u64,
    pub pre_mean: f64,
    pub post_mean: f64,
    /// Wilcoxon's signed-rank test on the changes.
    pub statistic: f64,
    pub p: f64,
    pub method: &'static str,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
