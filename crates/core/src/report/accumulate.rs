use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::*;
use crate::assessment::Assessment;
use crate::assessment::score::{AttemptScore, Scorer};
use crate::stats::{
    DifferenceSummary, GainBand, McNemarMethod, MeanPercent, PairedOutcome, TieGroup, WilcoxonMethod,
    alpha_from_variances, gain_from_means, holm, mcnemar, paired_from_summary, wilcoxon_from_ties,
};
use crate::study::suppression::{MinGroupSize, Percent, Reason, suppress_distribution};
use crate::study::{
    AnswerRef, Code, Design, Form, ImportError, IssuedCodes, Phase, Reader, Record, RecordRef, StudyId, Vocabulary,
};

/// Accumulates records into a [`Report`] (see the module documentation).
pub struct ReportBuilder<'a> {
    assessment: &'a Assessment,
    scorer: Scorer<'a>,
    /// What a file's records may name ([`Assessment::vocabulary`]): a file naming anything else is
    /// refused, as the app's import refuses it.
    vocabulary: Vocabulary,
    issued: &'a IssuedCodes,
    /// For each form, the concept index of each of its knowledge items, in form order.
    concept_of: [Vec<usize>; 2],
    /// Participants (numbered by [`IssuedCodes::participant`]) with one phase folded in so far.
    waiting: HashMap<u32, Waiting, BuildHasherDefault<NumberHasher>>,
    /// Bit n: participant n's two phases have been folded in.
    done: Vec<u64>,
    pre: u64,
    post: u64,
    not_scored: u64,
    repeated: u64,
    not_issued: u64,
    sums: Sums,
    /// The records of the file being read, reduced, until the whole file is known to be good.
    staged: Vec<Staged>,
    /// Reused for every attempt scored.
    scored: AttemptScore,
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
    likert: LikertScores,
}

/// Each Likert statement's score (1–5) or none: three bits each while they fit, so that holding
/// an attempt costs no allocation.
enum LikertScores {
    Packed(u128),
    Listed(Box<[Option<u8>]>),
}

impl LikertScores {
    const PER_WORD: usize = 128 / 3;

    fn new(scores: &[Option<u8>]) -> LikertScores {
        if scores.len() > LikertScores::PER_WORD {
            return LikertScores::Listed(scores.into());
        }
        let packed = scores
            .iter()
            .enumerate()
            .fold(0u128, |packed, (i, score)| packed | u128::from(score.map_or(0, |value| value.min(7))) << (3 * i));
        LikertScores::Packed(packed)
    }

    fn get(&self, i: usize) -> Option<u8> {
        match self {
            LikertScores::Packed(packed) => match (packed >> (3 * i)) as u8 & 7 {
                0 => None,
                value => Some(value),
            },
            LikertScores::Listed(scores) => scores.get(i).copied().flatten(),
        }
    }
}

/// What one record of a file being read comes to, applied when the file is known to be good.
enum Staged {
    NotIssued,
    NotScored,
    Attempt { participant: u32, phase: Phase, attempt: Attempt },
}

/// Participant numbers are dense and unique: they are their own hash.
#[derive(Default)]
struct NumberHasher(u64);

impl Hasher for NumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8 | u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // Spread over the high bits, which the table's index uses.
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
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
    /// Scores of 0 and of every item right, before and after (of the complete pairs).
    pre_ends: Ends,
    post_ends: Ends,
    concepts: Vec<ConceptCounts>,
    bands: [u32; 4],
    statements: Vec<LikertSums>,
    scales: Vec<ScaleSums>,
}

/// How many of a group gave the lowest and the highest possible value.
#[derive(Clone, Copy, Default)]
struct Ends {
    lowest: u64,
    highest: u64,
}

impl Ends {
    fn push(&mut self, value: u64, lowest: u64, highest: u64) {
        self.lowest += u64::from(value == lowest);
        self.highest += u64::from(value == highest);
    }
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
    /// The lowest and highest value a score can take (1 and 5 for a statement, m and 5m for the
    /// sum of a scale's m statements), and how many had them before and after.
    range: (u64, u64),
    pre_ends: Ends,
    post_ends: Ends,
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
    /// A report of the records whose codes `issued` holds; any other record is counted as not
    /// issued and left out.
    pub fn new(assessment: &'a Assessment, issued: &'a IssuedCodes) -> ReportBuilder<'a> {
        let pairs = assessment.pairs();
        let concept_of = Form::ALL.map(|form| {
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
                    score: LikertSums::new(m as u64),
                    alpha_pre: AlphaSums::new(m),
                    alpha_post: AlphaSums::new(m),
                    items,
                }
            })
            .collect();
        ReportBuilder {
            assessment,
            scorer: Scorer::new(assessment),
            vocabulary: assessment.vocabulary(),
            issued,
            concept_of,
            waiting: HashMap::default(),
            done: vec![0; (issued.participants() as usize).div_ceil(64)],
            pre: 0,
            post: 0,
            not_scored: 0,
            repeated: 0,
            not_issued: 0,
            sums: Sums {
                items: assessment.knowledge_on(Form::A).count() as u64,
                matched: 0,
                pairs: 0,
                earlier_versions: 0,
                pre: IntegerMoments::new(),
                post: IntegerMoments::new(),
                change: IntegerMoments::new(),
                pre_ends: Ends::default(),
                post_ends: Ends::default(),
                concepts: vec![ConceptCounts::default(); pairs.len()],
                bands: [0; 4],
                statements: vec![LikertSums::new(1); assessment.likert.len()],
                scales,
            },
            staged: Vec::new(),
            scored: AttemptScore::empty(),
        }
    }

    pub fn add(&mut self, record: &Record) {
        self.staged.clear();
        self.stage(record.study, record.code, record.phase, record.form, record.content_version, record.answer_refs());
        self.commit();
    }

    /// Adds every record of a results file, or, when the file cannot be read, none: a file is
    /// taken whole or not at all, as the app's import takes it, with the same checks (every
    /// record names only what the assessment defines: [`ResultsFile::import`](crate::study::ResultsFile::import)).
    /// Nothing of the file is kept but what [`Self::add`] would keep.
    pub fn add_file(&mut self, reader: &mut Reader, bytes: &[u8]) -> Result<usize, ImportError> {
        self.staged.clear();
        let read = reader.read(bytes, |record: &RecordRef<'_>| {
            self.vocabulary.check_answers(record.locale(), record.answers())?;
            self.stage(record.study, record.code, record.phase, record.form, record.content_version, record.answers());
            Ok(())
        });
        if read.is_ok() {
            self.commit();
        }
        self.staged.clear();
        read
    }

    /// Reduces one record to what the report keeps. Whether a record counts depends on the record
    /// alone (its code, its version, its form), so that is decided here: the counts then do not
    /// depend on the order records arrive in.
    fn stage<'r>(
        &mut self,
        study: StudyId,
        code: Code,
        phase: Phase,
        form: Form,
        content_version: u32,
        answers: impl IntoIterator<Item = AnswerRef<'r>>,
    ) {
        let Some(participant) = self.issued.participant(study, code) else {
            self.staged.push(Staged::NotIssued);
            return;
        };
        let scored = self.scorer.score_into(content_version, form, answers, &mut self.scored);
        if scored.is_err() || Design::of(study).form(code, phase) != form {
            self.staged.push(Staged::NotScored);
            return;
        }
        let attempt = self.reduce();
        self.staged.push(Staged::Attempt { participant, phase, attempt });
    }

    fn commit(&mut self) {
        for staged in std::mem::take(&mut self.staged) {
            match staged {
                Staged::NotIssued => self.not_issued += 1,
                Staged::NotScored => self.not_scored += 1,
                Staged::Attempt { participant, phase, attempt } => self.place(participant, phase, attempt),
            }
        }
    }

    fn place(&mut self, participant: u32, phase: Phase, attempt: Attempt) {
        let (word, bit) = (participant as usize / 64, 1u64 << (participant % 64));
        if self.done.get(word).is_some_and(|bits| bits & bit != 0) {
            self.repeated += 1;
            return;
        }
        let waiting = self.waiting.entry(participant).or_default();
        let slot = match phase {
            Phase::Pre => &mut waiting.pre,
            Phase::Post => &mut waiting.post,
        };
        if slot.is_some() {
            self.repeated += 1;
            return;
        }
        *slot = Some(attempt);
        match phase {
            Phase::Pre => self.pre += 1,
            Phase::Post => self.post += 1,
        }
        if waiting.pre.is_some() && waiting.post.is_some() {
            let Some(Waiting { pre: Some(pre), post: Some(post) }) = self.waiting.remove(&participant) else {
                return;
            };
            if let Some(bits) = self.done.get_mut(word) {
                *bits |= bit;
            }
            self.sums.fold(&pre, &post);
        }
    }

    fn reduce(&self) -> Attempt {
        let scored = &self.scored;
        let bits = |keep: fn(&Option<bool>) -> bool| {
            scored
                .correct
                .iter()
                .zip(&self.concept_of[scored.form as usize])
                .filter(|(correct, _)| keep(correct))
                .fold(0u64, |bits, (_, &concept)| bits | 1u64.checked_shl(concept as u32).unwrap_or(0))
        };
        Attempt {
            right: scored.right() as u64,
            concepts: bits(|correct| *correct == Some(true)),
            measured: bits(Option::is_some),
            complete: scored.complete(),
            likert: LikertScores::new(&scored.likert),
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
            not_issued: self.not_issued,
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
            self.pre_ends.push(pre.right, 0, self.items);
            self.post_ends.push(post.right, 0, self.items);
            let band = ChangeBand::of_items(change, self.items);
            self.bands[ChangeBand::ALL.iter().position(|b| *b == band).unwrap_or(0)] += 1;
        } else {
            self.earlier_versions += 1;
        }
        for (i, counts) in self.concepts.iter_mut().enumerate() {
            if !bit(pre.measured & post.measured, i) {
                continue;
            }
            let (before, after) = (bit(pre.concepts, i), bit(post.concepts, i));
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
            if let (Some(before), Some(after)) = (pre.likert.get(i), post.likert.get(i)) {
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

    /// The results with every rule of the module documentation applied: nothing leaves here that
    /// a screen or an export may not show.
    fn results(&self, assessment: &Assessment, k: MinGroupSize) -> Results {
        // The knowledge score's group: the pairs of complete attempts.
        let n = self.pairs;
        let knowledge = if k.away_from_ends(self.pre_ends.lowest, self.pre_ends.highest, n)
            && k.away_from_ends(self.post_ends.lowest, self.post_ends.highest, n)
        {
            Visible::Shown(self.knowledge())
        } else {
            Visible::Hidden(Reason::SmallCount)
        };

        let tests: Vec<_> = self.concepts.iter().map(|c| mcnemar(c.right_to_wrong, c.wrong_to_right)).collect();
        let raw: Vec<f64> = tests.iter().map(|test| test.p).collect();
        let adjusted = holm(&raw).unwrap_or_else(|| vec![1.0; raw.len()]);
        // A concept's group: the participants asked its items in their current versions both times.
        let shares: Vec<[Visible<Percent>; 2]> = self
            .concepts
            .iter()
            .map(|concept| {
                [concept.pre_right, concept.post_right].map(|right| {
                    if !k.allows_questions(concept.n) {
                        Visible::Hidden(Reason::GroupTooSmall)
                    } else if k.tells_no_few(right, concept.n) {
                        Visible::Shown(percent(right, concept.n))
                    } else {
                        Visible::Hidden(Reason::SmallCount)
                    }
                })
            })
            .collect();
        // An exact p tells b and c (and, with the shares, everything else about the concept).
        let exact: Vec<bool> = self
            .concepts
            .iter()
            .zip(&shares)
            .map(|(concept, [pre, post])| {
                pre.shown().is_some()
                    && post.shown().is_some()
                    && k.tells_no_few(u64::from(concept.right_to_wrong), concept.n)
                    && k.tells_no_few(u64::from(concept.wrong_to_right), concept.n)
            })
            .collect();
        let form_a: Vec<&str> = assessment.knowledge_on(Form::A).map(|i| i.id.as_str()).collect();
        let items = assessment
            .pairs()
            .iter()
            .enumerate()
            .map(|(i, pair)| ItemChange {
                pair: (*pair).to_owned(),
                item_a: form_a.get(i).copied().unwrap_or_default().to_owned(),
                item_b: assessment
                    .knowledge_on(Form::B)
                    .find(|item| item.pair == *pair)
                    .map_or_else(String::new, |item| item.id.clone()),
                n: self.concepts[i].n,
                pre: shares[i][0],
                post: shares[i][1],
                test: if k.allows_questions(self.concepts[i].n) {
                    // Holm's value for this item is made of the raw p-values no larger than its own.
                    let holm_exact = (0..raw.len()).filter(|&j| raw[j] <= raw[i]).all(|j| exact[j]);
                    Visible::Shown(ItemTest {
                        p: PValue::of(tests[i].p, exact[i]),
                        method: exact[i].then_some(match tests[i].method {
                            McNemarMethod::NoDiscordantPairs => "no-change",
                            McNemarMethod::ExactBinomial => "exact-binomial",
                            McNemarMethod::ChiSquare { .. } => "chi-square-corrected",
                        }),
                        p_holm: PValue::of(adjusted[i], holm_exact),
                    })
                } else {
                    Visible::Hidden(Reason::GroupTooSmall)
                },
            })
            .collect();

        let changes = suppress_distribution(&self.bands.map(u64::from), k);

        // Statements and scales: of all matched participants, those who declined or were asked
        // another version are left out, and are a count too.
        let matched = self.matched;
        let scales = assessment
            .scales
            .iter()
            .zip(&self.scales)
            .map(|(scale, sums)| {
                let m = sums.items.len() as f64;
                ScaleChange {
                    id: scale.id.clone(),
                    score: sums.score.change(k, matched, m, false),
                    alpha_pre: sums.alpha_pre.alpha(k, matched),
                    alpha_post: sums.alpha_post.alpha(k, matched),
                    statements: sums
                        .items
                        .iter()
                        .map(|&i| StatementChange {
                            id: assessment.likert[i].id.clone(),
                            reversed: assessment.likert[i].reversed,
                            change: self.statements[i].change(k, matched, 1.0, true),
                        })
                        .collect(),
                }
            })
            .collect();
        Results { knowledge, items, changes, scales }
    }

    /// Knowledge scores (whole numbers of right answers until here) as percentages.
    fn knowledge(&self) -> Knowledge {
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
        Knowledge {
            n,
            pre_mean: pre.mean,
            pre_sd: pre.sd.unwrap_or(0.0),
            post_mean: post.mean,
            post_sd: post.sd.unwrap_or(0.0),
            mean_change: self.change.mean(n) * unit,
            gain,
            gain_band: gain.map(|gain| GainBand::of(gain).as_str()),
            paired,
        }
    }
}

/// Bit `i` of `bits`; false beyond 64 concepts, which the report's bits cannot hold.
fn bit(bits: u64, i: usize) -> bool {
    bits.checked_shr(i as u32).is_some_and(|bits| bits & 1 == 1)
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
    /// The score of `statements` statements of 1–5 each: changes range over ±4 per statement.
    fn new(statements: u64) -> LikertSums {
        let span = 4 * statements as i64;
        LikertSums {
            n: 0,
            pre_total: 0,
            post_total: 0,
            changes: vec![0; 2 * span as usize + 1],
            offset: span,
            range: (statements, 5 * statements),
            pre_ends: Ends::default(),
            post_ends: Ends::default(),
        }
    }

    fn push(&mut self, pre: u64, post: u64) {
        self.n += 1;
        self.pre_total += pre;
        self.post_total += post;
        self.pre_ends.push(pre, self.range.0, self.range.1);
        self.post_ends.push(post, self.range.0, self.range.1);
        let index = (post as i64 - pre as i64 + self.offset) as usize;
        self.changes[index] += 1;
    }

    /// The change of the `n` answers given both times by `matched` participants; `per_score`:
    /// how many statement scores one value sums (a scale's score is their mean). A `question`'s
    /// results need 2k answers; a scale's score, k.
    fn change(&self, k: MinGroupSize, matched: u64, per_score: f64, question: bool) -> Visible<LikertChange> {
        let enough = if question { k.allows_questions(self.n) } else { k.allows(self.n) };
        if !enough {
            return Visible::Hidden(Reason::GroupTooSmall);
        }
        let away = k.away_from_ends(self.pre_ends.lowest, self.pre_ends.highest, self.n)
            && k.away_from_ends(self.post_ends.lowest, self.post_ends.highest, self.n);
        // The participants left out (who declined or skipped a statement) are a count too.
        if !away || !k.tells_no_few(self.n, matched) {
            return Visible::Hidden(Reason::SmallCount);
        }
        let zeros = self.changes[self.offset as usize];
        let groups: Vec<TieGroup> = (1..=self.offset as usize)
            .map(|d| TieGroup {
                positive: self.changes[self.offset as usize + d],
                negative: self.changes[self.offset as usize - d],
            })
            .collect();
        let rose: usize = groups.iter().map(|group| group.positive).sum();
        let fell: usize = groups.iter().map(|group| group.negative).sum();
        let exact = [rose, fell, zeros].iter().all(|&count| k.tells_no_few(count as u64, self.n));
        let test = wilcoxon_from_ties(zeros, &groups);
        let n = self.n as f64;
        Visible::Shown(LikertChange {
            n: self.n,
            pre_mean: self.pre_total as f64 / n / per_score,
            post_mean: self.post_total as f64 / n / per_score,
            statistic: exact.then_some(test.statistic),
            p: PValue::of(test.p, exact),
            method: exact.then_some(match test.method {
                WilcoxonMethod::NoNonzeroDifferences => "no-change",
                WilcoxonMethod::Exact => "exact",
                WilcoxonMethod::ExactConditional => "exact-conditional",
                WilcoxonMethod::Normal { .. } => "normal",
            }),
        })
    }
}

impl AlphaSums {
    fn new(items: usize) -> AlphaSums {
        AlphaSums { item_sum: vec![0; items], item_squares: vec![0; items], ..AlphaSums::default() }
    }

    /// Adds one participant's answers to the scale's statements; returns their summed score when
    /// every statement was answered.
    fn push(&mut self, items: &[usize], likert: &LikertScores) -> Option<u64> {
        if items.iter().any(|&i| likert.get(i).is_none()) {
            self.incomplete += 1;
            return None;
        }
        self.n += 1;
        let mut total = 0;
        for (j, &i) in items.iter().enumerate() {
            let value = u64::from(likert.get(i).unwrap_or(0));
            self.item_sum[j] += value;
            self.item_squares[j] += value * value;
            total += value;
        }
        self.total_sum += total;
        self.total_squares += total * total;
        Some(total)
    }

    /// n(n − 1)·s² is exact in integers: n·Σx² − (Σx)². Built from each statement's spread, so
    /// shown as a statement's results are: for 2k complete answers of `matched` participants.
    fn alpha(&self, k: MinGroupSize, matched: u64) -> Visible<Option<f64>> {
        if !k.allows_questions(self.n) {
            return Visible::Hidden(Reason::GroupTooSmall);
        }
        if !k.tells_no_few(self.n, matched) {
            return Visible::Hidden(Reason::SmallCount);
        }
        Visible::Shown(self.value())
    }

    fn value(&self) -> Option<f64> {
        let n = i128::from(self.n);
        let scaled = |sum: u64, squares: u64| (n * i128::from(squares) - i128::from(sum) * i128::from(sum)) as f64;
        let items: f64 = self.item_sum.iter().zip(&self.item_squares).map(|(&s, &q)| scaled(s, q)).sum();
        let total = scaled(self.total_sum, self.total_squares);
        alpha_from_variances(self.item_sum.len(), self.n as usize, self.incomplete as usize, items, total)
            .map(|alpha| alpha.alpha)
    }
}
