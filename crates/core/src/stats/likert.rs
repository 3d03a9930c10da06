//! Likert attitude items: Wilcoxon's signed-rank test on one item's paired answers, and
//! Cronbach's α for the internal consistency of a multi-item scale.
//!
//! Likert answers are ordered categories, not measurements, so a single item is tested on the
//! ranks of its changes rather than with a t-test; and a five-point scale produces many ties and
//! many students who did not change, which is why the tie and zero handling below matters.

use super::special::normal_sf;
use super::{Pair, all_finite, mean, sample_variance};

/// Wilcoxon's signed-rank test for one Likert item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WilcoxonSignedRank {
    /// Matched students, including those whose answer did not change.
    pub n: usize,
    /// Students whose answer did not change; they are left out of the ranking.
    pub zeros: usize,
    /// R⁺, the sum of the ranks of positive changes (post > pre).
    pub rank_sum_positive: f64,
    /// R⁻, the sum of the ranks of negative changes.
    pub rank_sum_negative: f64,
    /// min(R⁺, R⁻), the statistic scipy reports for the two-sided test.
    pub statistic: f64,
    /// Two-sided p-value.
    pub p: f64,
    pub method: WilcoxonMethod,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WilcoxonMethod {
    /// Nobody's answer changed: there is nothing to rank, and p = 1.
    NoNonzeroDifferences,
    /// The exact null distribution of R⁺ (no ties, no zeros, n ≤ 50).
    Exact,
    /// The exact distribution of R⁺ over all 2ⁿ sign flips of the tied ranks (ties or zeros,
    /// n ≤ 13): scipy's exhaustive permutation test.
    ExactConditional,
    /// The normal approximation with tie correction; `z` is positive when answers rose.
    Normal { z: f64 },
}

/// Cronbach's α for a multi-item scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CronbachAlpha {
    /// Items in the scale, k.
    pub items: usize,
    /// Respondents who answered every item, n.
    pub respondents: usize,
    /// Respondents left out because they missed an item.
    pub excluded: usize,
    /// α = k/(k − 1) · (1 − Σ s²ᵢ / s²_total). At most 1; negative when items disagree.
    pub alpha: f64,
}

/// Wilcoxon's signed-rank test on paired answers, matching scipy 1.17.1's
/// `scipy.stats.wilcoxon(post, pre, zero_method="wilcox", correction=False, method="auto")`
/// (Wilcoxon, F. (1945), *Individual comparisons by ranking methods*, Biometrics Bulletin 1(6),
/// 80–83).
///
/// The changes D = post − pre that are exactly zero are dropped ("wilcox"); the m others are
/// ranked by |D|, tied values getting the average of their ranks; R⁺ and R⁻ are the sums of the
/// ranks of positive and negative changes. The p-value is computed the way scipy's
/// `method="auto"` chooses (scipy/stats/_wilcoxon.py, `_wilcoxon_nd`), where n counts the zeros:
/// - n ≤ 50 without ties or zeros: [`WilcoxonMethod::Exact`], the exact distribution of R⁺ (the
///   number of subsets of 1..m with each rank sum, over 2ᵐ);
/// - n ≤ 13 with ties or zeros: [`WilcoxonMethod::ExactConditional`], the same count over the
///   tied ranks, which is what scipy's exhaustive `permutation_test` computes;
/// - otherwise [`WilcoxonMethod::Normal`]: z = (R⁺ − m(m+1)/4) / σ with
///   σ² = (m(m+1)(2m+1) − Σ(t³ − t)/2) / 24 over tie groups of size t, without continuity
///   correction (which is what scipy 1.17.1 does even between 14 and 50 when there are ties).
///
/// The exact p-values are 2·min(P(R⁺ ≤ r), P(R⁺ ≥ r)), capped at 1.
///
/// Ties and zeros are detected by exact comparison, as in scipy: pass Likert answers as the
/// integers they are, not as values that went through arithmetic.
///
/// `None` for no pairs or a non-finite answer. [`WilcoxonMethod::NoNonzeroDifferences`] with
/// p = 1 when no answer changed (scipy reports p = 1 for n ≤ 13 and NaN above).
pub fn wilcoxon_signed_rank(pairs: &[Pair]) -> Option<WilcoxonSignedRank> {
    if pairs.is_empty() || !all_finite(pairs.iter().flat_map(|pair| [pair.pre, pair.post])) {
        return None;
    }
    let mut changes: Vec<f64> = pairs.iter().map(Pair::difference).filter(|d| *d != 0.0).collect();
    let zeros = pairs.len() - changes.len();
    changes.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let mut levels: Vec<TieGroup> = Vec::new();
    let mut start = 0;
    while start < changes.len() {
        let size = changes[start..].iter().take_while(|d| d.abs() == changes[start].abs()).count();
        let positive = changes[start..start + size].iter().filter(|d| **d > 0.0).count();
        levels.push(TieGroup { positive, negative: size - positive });
        start += size;
    }
    Some(wilcoxon_from_ties(zeros, &levels))
}

/// The changes of one size |D| in a Wilcoxon ranking: how many rose and how many fell by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TieGroup {
    pub positive: usize,
    pub negative: usize,
}

/// [`wilcoxon_signed_rank`] from its sufficient statistics: the number of zero changes and the
/// tie groups of the others, ordered by increasing |D| (empty groups are skipped). This is how a
/// report accumulates a Likert item's changes without keeping them: they are whole numbers from
/// −4 to 4, so nine counters hold everything the test needs.
pub fn wilcoxon_from_ties(zeros: usize, groups: &[TieGroup]) -> WilcoxonSignedRank {
    let groups: Vec<TieGroup> = groups.iter().copied().filter(|g| g.positive + g.negative > 0).collect();
    let m: usize = groups.iter().map(|g| g.positive + g.negative).sum();
    let n = m + zeros;
    if m == 0 {
        return WilcoxonSignedRank {
            n,
            zeros,
            rank_sum_positive: 0.0,
            rank_sum_negative: 0.0,
            statistic: 0.0,
            p: 1.0,
            method: WilcoxonMethod::NoNonzeroDifferences,
        };
    }

    // Ranks are doubled so that average ranks (k + ½) stay integers: a tie group over positions
    // i..=j (1-based) has the average rank (i + j)/2, doubled i + j.
    let mut doubled_ranks: Vec<u64> = Vec::new();
    let mut doubled_positive: u64 = 0;
    let mut tie_correction = 0.0;
    let mut start = 0;
    let exact = n <= 50;
    for group in &groups {
        let size = group.positive + group.negative;
        let end = start + size;
        let doubled = (start + 1 + end) as u64;
        let t = size as f64;
        tie_correction += t * t * t - t;
        doubled_positive += doubled * group.positive as u64;
        if exact {
            doubled_ranks.extend(std::iter::repeat_n(doubled, size));
        }
        start = end;
    }
    let has_ties = tie_correction > 0.0;
    let doubled_total = (m * (m + 1)) as u64;
    let rank_sum_positive = doubled_positive as f64 / 2.0;
    let rank_sum_negative = (doubled_total - doubled_positive) as f64 / 2.0;

    let (p, method) = if n <= 50 && !has_ties && zeros == 0 {
        (exact_p(&doubled_ranks, doubled_positive), WilcoxonMethod::Exact)
    } else if n <= 13 {
        (exact_p(&doubled_ranks, doubled_positive), WilcoxonMethod::ExactConditional)
    } else {
        let m = m as f64;
        let variance = (m * (m + 1.0) * (2.0 * m + 1.0) - tie_correction / 2.0) / 24.0;
        let z = (rank_sum_positive - m * (m + 1.0) / 4.0) / variance.sqrt();
        (2.0 * normal_sf(z.abs()), WilcoxonMethod::Normal { z })
    };
    WilcoxonSignedRank {
        n,
        zeros,
        rank_sum_positive,
        rank_sum_negative,
        statistic: rank_sum_positive.min(rank_sum_negative),
        p,
        method,
    }
}

/// Cronbach's α of a scale from its items × respondents matrix (`items[i][j]` is respondent j's
/// answer to item i; `None` for a missing answer), using complete cases only (Cronbach, L. J.
/// (1951), *Coefficient alpha and the internal structure of tests*, Psychometrika 16(3), 297–334).
///
/// α = k/(k − 1) · (1 − Σ s²ᵢ / s²_total), with s²ᵢ the sample variance of item i and s²_total that
/// of the respondents' total scores (the divisor cancels). Reverse-scored items must be reversed
/// before they get here.
///
/// `None` when there are fewer than two items or fewer than two complete respondents, when the
/// rows are not all the same length, when an answer is not finite, or when the total scores do not
/// vary (s²_total = 0, or at most 1e-12·Σ s²ᵢ, which is rounding noise): then α would divide by
/// zero.
pub fn cronbach_alpha(items: &[Vec<Option<f64>>]) -> Option<CronbachAlpha> {
    let k = items.len();
    let respondents = items.first()?.len();
    if k < 2 || items.iter().any(|item| item.len() != respondents) {
        return None;
    }
    if !all_finite(items.iter().flatten().flatten().copied()) {
        return None;
    }
    let complete: Vec<usize> = (0..respondents).filter(|&j| items.iter().all(|item| item[j].is_some())).collect();
    let n = complete.len();
    if n < 2 {
        return None;
    }
    let variance = |values: &[f64]| mean(values).map_or(0.0, |mean| sample_variance(values, mean));
    let item_variances: f64 =
        items.iter().map(|item| variance(&complete.iter().filter_map(|&j| item[j]).collect::<Vec<f64>>())).sum();
    let totals: Vec<f64> = complete.iter().map(|&j| items.iter().filter_map(|item| item[j]).sum()).collect();
    let total_variance = variance(&totals);
    alpha_from_variances(k, n, respondents - n, item_variances, total_variance)
}

/// Cronbach's α from the complete cases' variances: Σ s²ᵢ over the `items` items and s²_total
/// (any common divisor). `None` under the same conditions as [`cronbach_alpha`].
pub fn alpha_from_variances(
    items: usize,
    respondents: usize,
    excluded: usize,
    item_variances: f64,
    total_variance: f64,
) -> Option<CronbachAlpha> {
    if items < 2 || respondents < 2 || !item_variances.is_finite() || !total_variance.is_finite() {
        return None;
    }
    if total_variance <= 1e-12 * item_variances || total_variance <= 0.0 {
        return None;
    }
    let k = items as f64;
    Some(CronbachAlpha { items, respondents, excluded, alpha: k / (k - 1.0) * (1.0 - item_variances / total_variance) })
}

/// 2·min(P(R⁺ ≤ r), P(R⁺ ≥ r)), capped at 1, for R⁺ the sum of a random subset of the (doubled)
/// ranks, each included with probability ½. Counting subsets by sum is exact in u64: at most 2⁵⁰.
fn exact_p(doubled_ranks: &[u64], doubled_observed: u64) -> f64 {
    let total: u64 = doubled_ranks.iter().sum();
    let mut counts = vec![0u64; total as usize + 1];
    counts[0] = 1;
    let mut reached = 0;
    for &rank in doubled_ranks {
        let rank = rank as usize;
        for sum in (0..=reached).rev() {
            counts[sum + rank] += counts[sum];
        }
        reached += rank;
    }
    let observed = doubled_observed as usize;
    let at_most: u64 = counts[..=observed].iter().sum();
    let at_least: u64 = counts[observed..].iter().sum();
    let subsets = (1u64 << doubled_ranks.len()) as f64;
    (2.0 * at_most.min(at_least) as f64 / subsets).min(1.0)
}
