//! Knowledge scores of a whole class: the mean percentage correct and Hake's normalised gain.
//!
//! ⟨g⟩ is defined on class averages. Which students make up the class is the caller's choice: the
//! class report uses the matched students only, so that the gain, the paired t-test and d_z all
//! describe the same group (an unmatched student's score would move one mean but not the other).

use super::{mean, sample_variance};

/// A class's mean score on one test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeanPercent {
    /// Students who took the test.
    pub n: usize,
    /// The mean of the students' percentages correct, 0–100.
    pub mean: f64,
    /// The sample standard deviation (divisor n − 1), `None` for a single student.
    pub sd: Option<f64>,
}

/// Hake's class-average normalised gain ⟨g⟩: the share of the possible improvement the class made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormalisedGain {
    pub pre: MeanPercent,
    pub post: MeanPercent,
    /// ⟨g⟩ = (%post − %pre) / (100 − %pre). Negative when the class lost ground; at most 1.
    pub gain: f64,
}

/// The mean of per-student percentages correct (each 0–100; each student counts once, however
/// many items they answered), with its sample standard deviation (`numpy.mean`,
/// `numpy.std(ddof=1)`).
///
/// `None` when there are no scores, or when a score is not a finite number between 0 and 100.
pub fn mean_percent_correct(scores: &[f64]) -> Option<MeanPercent> {
    if !scores.iter().all(|score| (0.0..=100.0).contains(score)) {
        return None;
    }
    let mean = mean(scores)?;
    let sd = (scores.len() >= 2).then(|| sample_variance(scores, mean).sqrt());
    Some(MeanPercent { n: scores.len(), mean, sd })
}

/// The class normalised gain ⟨g⟩ = (%post − %pre) / (100 − %pre), from the class means of the
/// pre-test and post-test percentages (Hake, R. R. (1998), *Interactive-engagement versus
/// traditional methods*, Am. J. Phys. 66(1), 64–74).
///
/// This is the gain of the class averages, not the average of each student's gain; the two differ,
/// and the pre and post groups need not be the same students. Hake's high/medium/low bands are
/// left to the report.
///
/// `None` when either test has no valid scores (see [`mean_percent_correct`]) or when the pre-test
/// mean is 100 %: a class that already knew everything has no room to gain, and ⟨g⟩ is undefined.
pub fn normalised_gain(pre_scores: &[f64], post_scores: &[f64]) -> Option<NormalisedGain> {
    gain_from_means(mean_percent_correct(pre_scores)?, mean_percent_correct(post_scores)?)
}

/// [`normalised_gain`] from the two class means; `None` when the pre-test mean is 100 %.
pub fn gain_from_means(pre: MeanPercent, post: MeanPercent) -> Option<NormalisedGain> {
    if pre.mean >= 100.0 || !(0.0..=100.0).contains(&post.mean) || pre.mean < 0.0 {
        return None;
    }
    Some(NormalisedGain { pre, post, gain: (post.mean - pre.mean) / (100.0 - pre.mean) })
}

/// Hake's bands for a class's ⟨g⟩, as Hake (1998) defines them: high ⟨g⟩ ≥ 0.7, medium
/// 0.3 ≤ ⟨g⟩ < 0.7, low below 0.3. (The research brief writes the boundaries the other way round,
/// g > 0.7 and 0.3 < g; the paper is the source, so its boundaries are used.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GainBand {
    Low,
    Medium,
    High,
}

impl GainBand {
    pub fn of(gain: f64) -> GainBand {
        if gain >= 0.7 {
            GainBand::High
        } else if gain >= 0.3 {
            GainBand::Medium
        } else {
            GainBand::Low
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GainBand::Low => "low",
            GainBand::Medium => "medium",
            GainBand::High => "high",
        }
    }
}
