//! Single knowledge items: McNemar's test on who changed their answer, and Holm's adjustment for
//! testing many items at once.
//!
//! A knowledge item is right or wrong, so a t-test on it would be wrong; only the students who
//! changed their answer carry information about change, and McNemar's test uses just them.

use super::special::{binomial_half_cdf, chi_square_1_sf};

/// McNemar's test for one item answered by the same students before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct McNemar {
    /// b: students right before and wrong after.
    pub right_to_wrong: u32,
    /// c: students wrong before and right after.
    pub wrong_to_right: u32,
    /// Two-sided p-value.
    pub p: f64,
    pub method: McNemarMethod,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum McNemarMethod {
    /// b + c = 0: nobody changed their answer, there is nothing to test, and p = 1.
    NoDiscordantPairs,
    /// b + c < 25: the exact binomial test.
    ExactBinomial,
    /// b + c ≥ 25: χ² with continuity correction, one degree of freedom.
    ChiSquare { statistic: f64 },
}

/// Below this many discordant pairs the exact test is used (research brief §5.4).
pub const MCNEMAR_EXACT_BELOW: u32 = 25;

/// McNemar's test from the discordant counts b (right → wrong) and c (wrong → right)
/// (McNemar, Q. (1947), *Note on the sampling error of the difference between correlated
/// proportions or percentages*, Psychometrika 12(2), 153–157).
///
/// Under no change, each of the b + c students who changed their answer was equally likely to
/// change either way, so min(b, c) ~ Binomial(b + c, ½).
/// - b + c < 25: exact, p = min(1, 2·P(X ≤ min(b, c))), as `statsmodels.stats.contingency_tables
///   .mcnemar(table, exact=True)` and `scipy.stats.binomtest(min(b, c), b + c).pvalue`.
/// - b + c ≥ 25: χ² = (|b − c| − 1)² / (b + c) against χ² with one degree of freedom, as
///   `mcnemar(table, exact=False, correction=True)` and R's `mcnemar.test`. Like them, the
///   correction is applied even when b = c, which gives χ² = 1/(b + c) and a p slightly below 1.
/// - b + c = 0: [`McNemarMethod::NoDiscordantPairs`] with p = 1.
pub fn mcnemar(right_to_wrong: u32, wrong_to_right: u32) -> McNemar {
    let (b, c) = (right_to_wrong, wrong_to_right);
    // In u64, so that no count can overflow the sum.
    let discordant = u64::from(b) + u64::from(c);
    let (p, method) = if discordant == 0 {
        (1.0, McNemarMethod::NoDiscordantPairs)
    } else if discordant < u64::from(MCNEMAR_EXACT_BELOW) {
        ((2.0 * binomial_half_cdf(b.min(c), b + c)).min(1.0), McNemarMethod::ExactBinomial)
    } else {
        let excess = f64::from(b.abs_diff(c)) - 1.0;
        let statistic = excess * excess / discordant as f64;
        (chi_square_1_sf(statistic), McNemarMethod::ChiSquare { statistic })
    };
    McNemar { right_to_wrong: b, wrong_to_right: c, p, method }
}

/// Holm's step-down adjustment of p-values for testing several items at once (Holm, S. (1979),
/// *A simple sequentially rejective multiple test procedure*, Scand. J. Statist. 6(2), 65–70),
/// as `statsmodels.stats.multitest.multipletests(p, method="holm")`.
///
/// With the m p-values sorted ascending, p₍ᵢ₎ becomes max over j ≤ i of (m − j + 1)·p₍ⱼ₎, capped
/// at 1. The running maximum keeps the adjusted values in the same order as the raw ones, and tied
/// p-values get the same adjusted value whatever order they are sorted in. Comparing each adjusted
/// value with α controls the family-wise error rate at α.
///
/// Returns the adjusted values in the order given; an empty list stays empty. `None` when a
/// p-value is not a number between 0 and 1.
pub fn holm(p_values: &[f64]) -> Option<Vec<f64>> {
    if !p_values.iter().all(|p| (0.0..=1.0).contains(p)) {
        return None;
    }
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p_values[i].total_cmp(&p_values[j]));
    let mut adjusted = vec![0.0; m];
    let mut running_max: f64 = 0.0;
    for (rank, &index) in order.iter().enumerate() {
        running_max = running_max.max((m - rank) as f64 * p_values[index]);
        adjusted[index] = running_max.min(1.0);
    }
    Some(adjusted)
}
