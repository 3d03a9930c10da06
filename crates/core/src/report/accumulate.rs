use std::collections::{HashMap, HashSet};

use super::model::*;
use crate::assessment::Assessment;
use crate::assessment::score::{AttemptScore, score};
use crate::stats::{
    DifferenceSummary, GainBand, McNemarMethod, MeanPercent, PairedOutcome, TieGroup, WilcoxonMethod,
    alpha_from_variances, gain_from_means, holm, mcnemar, paired_from_summary, wilcoxon_from_ties,
};
use crate::study::suppression::{MinGroupSize, Percent, Table};
use crate::study::{Code, Design, Phase, Record, StudyId};

/// Accumulates records into a [`Report`] (see the module documentation).
pub struct ReportBuilder<'a> {
    assessment: &'a Assessment,
    /// For each form, the concept index of each of its knowledge items, in form order.
    concept_of: [Vec<usize>; 2],
    waiting: HashMap<(StudyId, Code), Waiting>,
    /// Participants whose two phases have been folded in.
    done: HashSet<(StudyId, Code)>,
    pre: u64,
    post: u64,
    not_scored: u64,
    repeated: u64,
    sums: Sums,
}

#[derive(Default)]
struct Waiting {
    pre: Option<Attempt>,
    post: Option<Attempt>,
}

/// An attempt reduced to what the report needs.
struct Attempt {
    /// Knowledge items answered correctly, of [`Sums::items`] (both forms have as many).
    right: u64,
    /// Bit i: concept i answered correctly.
    concepts: u64,
    /// Bit i: concept i was asked in its current version (an attempt on an earlier version of the
    /// assessment may have seen another version of the item, which does not compare).
    measured: u64,
    /// Every concept measured: the knowledge score compares with other complete attempts'.
    complete: bool,
    likert: Vec<Option<u8>>,
}

/// Knowledge scores are kept as whole numbers of right answers, so every sum is exact and the
/// report is the same whatever order the records arrive in; they become percentages at the end.
struct Sums {
    /// Knowledge items per form.
    items: u64,
    /// Participants with both phases folded in.
    matched: u64,
    /// Of those, the ones whose attempts were both complete: the knowledge score's n.
    pairs: u64,
    /// Matched, but not both complete.
    earlier_versions: u64,
    pre: IntegerMoments,
    post: IntegerMoments,
    change: IntegerMoments,
    concepts: Vec<ConceptCounts>,
    bands: [u32; 4],
    statements: Vec<LikertSums>,
    scales: Vec<ScaleSums>,
}

/// Σx, Σx², min and max of whole numbers: exact, and independent of order.
#[derive(Clone, Copy)]
struct IntegerMoments {
    sum: i64,
    squares: i64,
    lowest: i64,
    highest: i64,
}

#[derive(Clone, Copy, Default)]
struct ConceptCounts {
    /// Participants measured on the concept both times.
    n: u64,
    pre_right: u64,
    post_right: u64,
    right_to_wrong: u32,
    wrong_to_right: u32,
}

/// One Likert statement, or one scale's summed score: changes are whole numbers, so a histogram
/// holds them exactly.
#[derive(Clone)]
struct LikertSums {
    n: u64,
    pre_total: u64,
    post_total: u64,
    /// Index `d + offset` counts changes of `d`.
    changes: Vec<usize>,
    offset: i64,
}

#[derive(Clone)]
struct ScaleSums {
    items: Vec<usize>,
    score: LikertSums,
    alpha_pre: AlphaSums,
    alpha_post: AlphaSums,
}

/// Integer sums for Cronbach's α over complete answers: exact, so the variances are too.
#[derive(Clone, Default)]
struct AlphaSums {
    n: u64,
    incomplete: u64,
    item_sum: Vec<u64>,
    item_squares: Vec<u64>,
    total_sum: u64,
    total_squares: u64,
}

impl<'a> ReportBuilder<'a> {
    pub fn new(assessment: &'a Assessment) -> ReportBuilder<'a> {
        let pairs = assessment.pairs();
        let concept_of = crate::study::Form::ALL.map(|form| {
            assessment
                .knowledge_on(form)
                .map(|item| pairs.iter().position(|pair| *pair == item.pair).unwrap_or(0))
                .collect::<Vec<usize>>()
        });
        let scale_of: Vec<usize> = assessment
            .likert
            .iter()
            .map(|item| assessment.scales.iter().position(|scale| scale.id == item.scale).unwrap_or(0))
            .collect();
        let scales = (0..assessment.scales.len())
            .map(|scale| {
                let items: Vec<usize> = (0..scale_of.len()).filter(|&i| scale_of[i] == scale).collect();
                let m = items.len();
                ScaleSums {
                    score: LikertSums::new(4 * m as i64),
                    alpha_pre: AlphaSums::new(m),
                    alpha_post: AlphaSums::new(m),
                    items,
                }
            })
            .collect();
        ReportBuilder {
            assessment,
            concept_of,
            waiting: HashMap::new(),
            done: HashSet::new(),
            pre: 0,
            post: 0,
            not_scored: 0,
            repeated: 0,
            sums: Sums {
                items: assessment.knowledge_on(crate::study::Form::A).count() as u64,
                matched: 0,
                pairs: 0,
                earlier_versions: 0,
                pre: IntegerMoments::new(),
                post: IntegerMoments::new(),
                change: IntegerMoments::new(),
                concepts: vec![ConceptCounts::default(); pairs.len()],
                bands: [0; 4],
                statements: vec![LikertSums::new(4); assessment.likert.len()],
                scales,
            },
        }
    }

    pub fn add(&mut self, record: &Record) {
        let key = (record.study, record.code);
        // Whether a record can be scored depends on the record alone, so it is decided first:
        // the counts then do not depend on the order records arrive in.
        let scored = match score(self.assessment, record) {
            Ok(scored) if Design::of(record.study).form(record.code, record.phase) == record.form => scored,
            _ => {
                self.not_scored += 1;
                return;
            }
        };
        if self.done.contains(&key) {
            self.repeated += 1;
            return;
        }
        let attempt = self.reduce(&scored);
        let waiting = self.waiting.entry(key).or_default();
        let slot = match record.phase {
            Phase::Pre => &mut waiting.pre,
            Phase::Post => &mut waiting.post,
        };
        if slot.is_some() {
            self.repeated += 1;
            return;
        }
        *slot = Some(attempt);
        match record.phase {
            Phase::Pre => self.pre += 1,
            Phase::Post => self.post += 1,
        }
        if waiting.pre.is_some() && waiting.post.is_some() {
            let Waiting { pre: Some(pre), post: Some(post) } = self.waiting.remove(&key).unwrap_or_default() else {
                return;
            };
            self.done.insert(key);
            self.sums.fold(&pre, &post);
        }
    }

    fn reduce(&self, scored: &AttemptScore) -> Attempt {
        let form = match scored.form {
            crate::study::Form::A => 0,
            crate::study::Form::B => 1,
        };
        let bits = |keep: fn(&Option<bool>) -> bool| {
            scored
                .correct
                .iter()
                .zip(&self.concept_of[form])
                .filter(|(correct, _)| keep(correct))
                .fold(0u64, |bits, (_, &concept)| bits | 1 << concept)
        };
        Attempt {
            right: scored.right() as u64,
            concepts: bits(|correct| *correct == Some(true)),
            measured: bits(Option::is_some),
            complete: scored.complete(),
            likert: scored.likert.clone(),
        }
    }

    pub fn finish(self, k: MinGroupSize) -> Report {
        let sums = self.sums;
        let counts = Counts {
            pre: self.pre,
            post: self.post,
            matched: sums.matched,
            not_scored: self.not_scored,
            repeated: self.repeated,
            earlier_versions: sums.earlier_versions,
        };
        // The knowledge score is the report's core: without k comparable pairs nothing is shown.
        let results = (k.allows(counts.matched) && k.allows(sums.pairs)).then(|| sums.results(self.assessment, k));
        Report {
            format: REPORT_FORMAT,
            assessment_version: self.assessment.version,
            min_group_size: k.get(),
            counts,
            results,
        }
    }
}

impl Sums {
    /// Answers are pooled only with answers to the same item version: the knowledge score only
    /// for pairs of complete attempts, each concept only for pairs measured on it both times, each
    /// statement only when answered both times in its current version (`score` gives `None`
    /// otherwise).
    fn fold(&mut self, pre: &Attempt, post: &Attempt) {
        self.matched += 1;
        if pre.complete && post.complete {
            self.pairs += 1;
            let change = post.right as i64 - pre.right as i64;
            self.pre.push(pre.right as i64);
            self.post.push(post.right as i64);
            self.change.push(change);
            let band = ChangeBand::of_items(change, self.items);
            self.bands[ChangeBand::ALL.iter().position(|b| *b == band).unwrap_or(0)] += 1;
        } else {
            self.earlier_versions += 1;
        }
        for (i, counts) in self.concepts.iter_mut().enumerate() {
            if (pre.measured & post.measured) >> i & 1 == 0 {
                continue;
            }
            let (before, after) = (pre.concepts >> i & 1 == 1, post.concepts >> i & 1 == 1);
            counts.n += 1;
            counts.pre_right += u64::from(before);
            counts.post_right += u64::from(after);
            match (before, after) {
                (true, false) => counts.right_to_wrong += 1,
                (false, true) => counts.wrong_to_right += 1,
                _ => {}
            }
        }
        for (i, statement) in self.statements.iter_mut().enumerate() {
            if let (Some(before), Some(after)) = (pre.likert[i], post.likert[i]) {
                statement.push(u64::from(before), u64::from(after));
            }
        }
        for scale in &mut self.scales {
            let before = scale.alpha_pre.push(&scale.items, &pre.likert);
            let after = scale.alpha_post.push(&scale.items, &post.likert);
            if let (Some(before), Some(after)) = (before, after) {
                scale.score.push(before, after);
            }
        }
    }

    fn results(&self, assessment: &Assessment, k: MinGroupSize) -> Results {
        let n = self.pairs;
        // Percentage points per right answer.
        let unit = 100.0 / self.items.max(1) as f64;
        let pre = MeanPercent { n: n as usize, mean: self.pre.mean(n) * unit, sd: self.pre.sd(n).map(|sd| sd * unit) };
        let post =
            MeanPercent { n: n as usize, mean: self.post.mean(n) * unit, sd: self.post.sd(n).map(|sd| sd * unit) };
        let gain = gain_from_means(pre, post).map(|gain| gain.gain);
        let paired = match paired_from_summary(DifferenceSummary {
            n: n as usize,
            mean: self.change.mean(n) * unit,
            sd: self.change.sd(n).unwrap_or(0.0) * unit,
            lowest: self.change.lowest as f64 * unit,
            highest: self.change.highest as f64 * unit,
            scale: self.pre.highest.max(self.post.highest) as f64 * unit,
        })
        .outcome
        {
            PairedOutcome::Varied(s) => Some(Paired {
                sd_change: s.sd_difference,
                t: s.t,
                df: s.df as u64,
                p: s.p,
                d_z: s.d_z,
                hedges_j: s.hedges_j,
                g_z: s.g_z,
                d_z_ci_lower: s.d_z_ci.lower,
                d_z_ci_upper: s.d_z_ci.upper,
            }),
            PairedOutcome::NoVariation => None,
        };
        let knowledge = Knowledge {
            n,
            pre_mean: pre.mean,
            pre_sd: pre.sd.unwrap_or(0.0),
            post_mean: post.mean,
            post_sd: post.sd.unwrap_or(0.0),
            mean_change: self.change.mean(n) * unit,
            gain,
            gain_band: gain.map(|gain| GainBand::of(gain).as_str()),
            paired,
        };

        let tests: Vec<_> = self.concepts.iter().map(|c| mcnemar(c.right_to_wrong, c.wrong_to_right)).collect();
        let raw: Vec<f64> = tests.iter().map(|test| test.p).collect();
        let adjusted = holm(&raw).unwrap_or_else(|| vec![1.0; raw.len()]);
        let form_a: Vec<&str> = assessment.knowledge_on(crate::study::Form::A).map(|i| i.id.as_str()).collect();
        let items = assessment
            .pairs()
            .iter()
            .enumerate()
            .map(|(i, pair)| ItemChange {
                pair: (*pair).to_owned(),
                item_a: form_a.get(i).copied().unwrap_or_default().to_owned(),
                item_b: assessment
                    .knowledge_on(crate::study::Form::B)
                    .find(|item| item.pair == *pair)
                    .map_or_else(String::new, |item| item.id.clone()),
                n: self.concepts[i].n,
                pre: percent(self.concepts[i].pre_right, self.concepts[i].n),
                post: percent(self.concepts[i].post_right, self.concepts[i].n),
                p: tests[i].p,
                method: match tests[i].method {
                    McNemarMethod::NoDiscordantPairs => "no-change",
                    McNemarMethod::ExactBinomial => "exact-binomial",
                    McNemarMethod::ChiSquare { .. } => "chi-square-corrected",
                },
                p_holm: adjusted[i],
            })
            .collect();

        let bands = Table::new(vec![self.bands.to_vec()]).map(|table| table.suppress(k));
        let changes = match bands {
            Ok(table) => (0..ChangeBand::ALL.len()).map(|c| table.cell(0, c)).collect(),
            Err(_) => Vec::new(),
        };

        let scales = assessment
            .scales
            .iter()
            .zip(&self.scales)
            .map(|(scale, sums)| {
                let m = sums.items.len() as f64;
                ScaleChange {
                    id: scale.id.clone(),
                    score: sums.score.change(k, m),
                    alpha_pre: sums.alpha_pre.alpha(k),
                    alpha_post: sums.alpha_post.alpha(k),
                    statements: sums
                        .items
                        .iter()
                        .map(|&i| StatementChange {
                            id: assessment.likert[i].id.clone(),
                            reversed: assessment.likert[i].reversed,
                            change: self.statements[i].change(k, 1.0),
                        })
                        .collect(),
                }
            })
            .collect();
        Results { knowledge, items, changes, scales }
    }
}

fn percent(part: u64, whole: u64) -> Percent {
    Percent::of(part, whole).unwrap_or(Percent::AtMost5)
}

impl IntegerMoments {
    fn new() -> IntegerMoments {
        IntegerMoments { sum: 0, squares: 0, lowest: i64::MAX, highest: i64::MIN }
    }

    fn push(&mut self, x: i64) {
        self.sum += x;
        self.squares += x * x;
        self.lowest = self.lowest.min(x);
        self.highest = self.highest.max(x);
    }

    fn mean(&self, n: u64) -> f64 {
        if n == 0 { 0.0 } else { self.sum as f64 / n as f64 }
    }

    /// The sample standard deviation, from n(n − 1)·s² = n·Σx² − (Σx)², exact in integers.
    fn sd(&self, n: u64) -> Option<f64> {
        let n = i128::from(n);
        (n >= 2).then(|| {
            let scaled = n * i128::from(self.squares) - i128::from(self.sum) * i128::from(self.sum);
            (scaled.max(0) as f64 / (n * (n - 1)) as f64).sqrt()
        })
    }
}

impl LikertSums {
    /// Changes range over `-span..=span`.
    fn new(span: i64) -> LikertSums {
        LikertSums { n: 0, pre_total: 0, post_total: 0, changes: vec![0; 2 * span as usize + 1], offset: span }
    }

    fn push(&mut self, pre: u64, post: u64) {
        self.n += 1;
        self.pre_total += pre;
        self.post_total += post;
        let index = (post as i64 - pre as i64 + self.offset) as usize;
        self.changes[index] += 1;
    }

    /// `per_score`: how many statement scores one value sums (a scale's score is their mean).
    fn change(&self, k: MinGroupSize, per_score: f64) -> Option<LikertChange> {
        if !k.allows(self.n) {
            return None;
        }
        let zeros = self.changes[self.offset as usize];
        let groups: Vec<TieGroup> = (1..=self.offset as usize)
            .map(|d| TieGroup {
                positive: self.changes[self.offset as usize + d],
                negative: self.changes[self.offset as usize - d],
            })
            .collect();
        let test = wilcoxon_from_ties(zeros, &groups);
        let n = self.n as f64;
        Some(LikertChange {
            n: self.n,
            pre_mean: self.pre_total as f64 / n / per_score,
            post_mean: self.post_total as f64 / n / per_score,
            statistic: test.statistic,
            p: test.p,
            method: match test.method {
                WilcoxonMethod::NoNonzeroDifferences => "no-change",
                WilcoxonMethod::Exact => "exact",
                WilcoxonMethod::ExactConditional => "exact-conditional",
                WilcoxonMethod::Normal { .. } => "normal",
            },
        })
    }
}

impl AlphaSums {
    fn new(items: usize) -> AlphaSums {
        AlphaSums { item_sum: vec![0; items], item_squares: vec![0; items], ..AlphaSums::default() }
    }

    /// Adds one participant's answers to the scale's statements; returns their summed score when
    /// every statement was answered.
    fn push(&mut self, items: &[usize], likert: &[Option<u8>]) -> Option<u64> {
        let values: Option<Vec<u64>> = items.iter().map(|&i| likert[i].map(u64::from)).collect();
        let Some(values) = values else {
            self.incomplete += 1;
            return None;
        };
        self.n += 1;
        for (j, value) in values.iter().enumerate() {
            self.item_sum[j] += value;
            self.item_squares[j] += value * value;
        }
        let total: u64 = values.iter().sum();
        self.total_sum += total;
        self.total_squares += total * total;
        Some(total)
    }

    /// n(n − 1)·s² is exact in integers: n·Σx² − (Σx)².
    fn alpha(&self, k: MinGroupSize) -> Option<f64> {
        if !k.allows(self.n) {
            return None;
        }
        let n = i128::from(self.n);
        let scaled = |sum: u64, squares: u64| (n * i128::from(squares) - i128::from(sum) * i128::from(sum)) as f64;
        let items: f64 = self.item_sum.iter().zip(&self.item_squares).map(|(&s, &q)| scaled(s, q)).sum();
        let total = scaled(self.total_sum, self.total_squares);
        alpha_from_variances(self.item_sum.len(), self.n as usize, self.incomplete as usize, items, total)
            .map(|alpha| alpha.alpha)
    }
}
