use serde::Serialize;

use crate::study::suppression::{Cell, Percent, Reason};

/// Bumped when the report's JSON (the aggregate export, the command line's `--json`) changes shape.
/// 2: parts hidden with a reason (`Visible`), p-values coarse where exact ones would tell a count,
/// the records left out because their code was not issued, the matched participants taken on an
/// earlier version (`earlier_versions`), and each concept's own `n`.
pub const REPORT_FORMAT: u32 = 2;

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
    /// Matched participants left out of the knowledge score because one of their attempts was
    /// taken on an earlier version of the assessment, when some of its form's items read
    /// differently; their answers still count for each item and statement asked in the same
    /// version both times.
    pub earlier_versions: u64,
    /// Records left out because their study did not issue their code: not on its cards, or a
    /// study whose definition the report was not given (see [`crate::study::definition`]).
    pub not_issued: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Hidden when fewer than k scored above the lowest or below the highest possible score.
    pub knowledge: Visible<Knowledge>,
    /// One row per concept (a pair of parallel items), in the order of form A.
    pub items: Vec<ItemChange>,
    /// How individual scores changed, in [`ChangeBand`] order; small counts hidden.
    pub changes: Vec<Cell>,
    pub scales: Vec<ScaleChange>,
}

/// A part of a report as it may be shown, or why it is hidden. In JSON `{"shown": …}` or
/// `{"hidden": "small_count"}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visible<T> {
    Shown(T),
    Hidden(Reason),
}

impl<T> Visible<T> {
    pub fn shown(&self) -> Option<&T> {
        match self {
            Visible::Shown(value) => Some(value),
            Visible::Hidden(_) => None,
        }
    }
}

/// Below this p-value a change is called unlikely to be chance (the usual 5 % level): the only
/// thing a coarse p-value says.
pub const SIGNIFICANCE: f64 = 0.05;

/// A p-value as a report may show it. Where the exact value would tell how few students changed
/// (an exact test on 0 and 5 students gives 0.0625), only which side of [`SIGNIFICANCE`] it is on
/// is shown. In JSON `{"exact": 0.031}`, `"below_0.05"` or `"not_below_0.05"`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum PValue {
    #[serde(rename = "exact")]
    Exact(f64),
    #[serde(rename = "below_0.05")]
    Below,
    #[serde(rename = "not_below_0.05")]
    NotBelow,
}

impl PValue {
    /// The exact value when `exact`, otherwise only its side of [`SIGNIFICANCE`].
    pub fn of(p: f64, exact: bool) -> PValue {
        match (exact, p < SIGNIFICANCE) {
            (true, _) => PValue::Exact(p),
            (false, true) => PValue::Below,
            (false, false) => PValue::NotBelow,
        }
    }

    pub fn significant(self) -> bool {
        match self {
            PValue::Exact(p) => p < SIGNIFICANCE,
            PValue::Below => true,
            PValue::NotBelow => false,
        }
    }

    pub fn exact(self) -> Option<f64> {
        match self {
            PValue::Exact(p) => Some(p),
            PValue::Below | PValue::NotBelow => None,
        }
    }
}

/// Knowledge scores (percent correct) of the matched participants whose attempts were both asked
/// every item of their form in its current version.
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
    /// Matched participants who were asked this concept's items in their current versions both
    /// times: the base of the shares and of the test.
    pub n: u64,
    /// Share of those `n` right before and after, top/bottom coded; hidden where the number right
    /// or wrong is from 1 to k − 1, and for an `n` below 2k.
    pub pre: Visible<Percent>,
    pub post: Visible<Percent>,
    /// McNemar's test; hidden for an `n` below 2k.
    pub test: Visible<ItemTest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ItemTest {
    /// Exact only when both shares are shown and neither the students who went from right to
    /// wrong nor those from wrong to right number 1 to k − 1.
    pub p: PValue,
    /// How the exact p was computed; `None` with a coarse p (the method tells how many changed).
    pub method: Option<&'static str>,
    /// Holm-adjusted over all items of the report; exact only when every p it is made of is.
    pub p_holm: PValue,
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
    /// hidden when fewer than k did, when the few who did not would be told, or when fewer than
    /// k scored away from either end of the scale.
    pub score: Visible<LikertChange>,
    /// Cronbach's α over the matched participants' complete answers, before and after (`None`:
    /// it does not exist, the answers do not vary); built from each statement's answers, so
    /// hidden as a statement's results are, for fewer than 2k complete answers.
    pub alpha_pre: Visible<Option<f64>>,
    pub alpha_post: Visible<Option<f64>>,
    pub statements: Vec<StatementChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementChange {
    pub id: String,
    pub reversed: bool,
    /// Hidden when fewer than 2k participants answered it both times, or when it would tell how
    /// few declined it or gave an end of the scale.
    pub change: Visible<LikertChange>,
}

/// Scores after reverse coding, 1–5: higher is the attitude the lessons aim for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LikertChange {
    pub n: u64,
    pub pre_mean: f64,
    pub post_mean: f64,
    /// Wilcoxon's signed-rank test on the changes. The statistic and an exact p are shown only
    /// when the students whose answer rose, fell and stayed are each none or at least k (the
    /// ranks tell how many changed); otherwise only the p-value's side of 0.05.
    pub statistic: Option<f64>,
    pub p: PValue,
    /// `None` with a coarse p.
    pub method: Option<&'static str>,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
