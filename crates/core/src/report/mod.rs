//! The class report: from attempt records to the numbers a teacher and an evaluator see.
//!
//! A [`ReportBuilder`] takes records one at a time, in any order, from any number of files, and
//! keeps only running sums: a participant's attempt is reduced to its scores as it arrives, held
//! until their other phase arrives, then folded into the sums and dropped. So the browser's class
//! report and the command line's pooled report of many schools are the same computation, and the
//! command line's memory does not grow with the number of records or files — only with the codes
//! its studies issued (a bit each, to ignore a record imported twice) and the participants still
//! waiting for their other phase.
//!
//! **Only issued codes count.** The builder is given the studies' issued codes
//! ([`crate::study::IssuedCodes`], from their definitions): a record whose code its study did not
//! print on a card is counted as not issued and left out, so made-up records cannot pad a class
//! past the minimum group size (see [`crate::study::definition`]).
//!
//! **A file counts whole or not at all.** [`ReportBuilder::add_file`] scores a results file's
//! records straight from its bytes ([`crate::study::Reader`]; no [`crate::study::Record`] is
//! built), holds what they come to until the file has been read to its end, and adds it only then;
//! [`ReportBuilder::add`] adds one record the same way.
//!
//! # What a report may show
//!
//! [`ReportBuilder::finish`] applies these rules before any screen or export sees a number; the
//! aggregate JSON keeps full precision for evaluators but holds exactly what the screen shows.
//! The principle (content facts §5.7, NCES 2011-603): **no number of students from 1 to k − 1
//! who answered one way can be worked out from a report** — not from a count, a percentage, a
//! mean or a p-value. Zero is not a person. k is the deployment's `min_group_size` (at least 5).
//!
//! 1. **Fewer than k matched participants**: counts of participation only ([`Report::results`]
//!    is `None`).
//! 2. **Results of single questions need 2k.** A knowledge question's shares and test, a
//!    statement's means and test, and Cronbach's α (built from each statement's spread) are shown
//!    only for groups of at least 2k. So a class of k and the same class with one more student
//!    (the teacher imports one more file) both show no question's results, and cannot be compared
//!    question by question: what they show is built from each student's whole-test score.
//! 3. **Counts and shares**: a count, or a share of a group, is shown only when neither it nor the
//!    rest of the group is from 1 to k − 1 ([`tells_no_few`](crate::study::MinGroupSize::tells_no_few)): "21 % of 14" would be 3
//!    students. The chart of individual changes hides such counts, and one more so that a hidden
//!    count is never the group minus the others ([`suppress_distribution`](crate::study::suppression::suppress_distribution)).
//! 4. **Means of whole-number answers** (a knowledge score, a 1–5 answer, a scale's sum) are shown
//!    only when at least k of the group are away from each end of the scale, before and after
//!    ([`away_from_ends`](crate::study::MinGroupSize::away_from_ends)): a mean of 4.9 from 10 students tells that one answered
//!    4. A group's size is shown only when those left out of it (who declined a statement, did not
//!    answer a whole scale) are none or at least k.
//! 5. **p-values** that would tell a count are coarsened to their side of 0.05 ([`PValue`]), with
//!    the test's statistic and method left out: McNemar's when the students who went from right
//!    to wrong, or wrong to right, number 1 to k − 1 (an exact p of 0.0625 means 0 and 5);
//!    Wilcoxon's when those whose answer rose, fell or stayed do; Holm's adjusted value when any
//!    p-value it is made of is coarse. The paired t-test's p and d_z are functions of the shown
//!    means and spreads, so they stay exact; so do Hake's ⟨g⟩ and its band.
//! 6. Every hidden part says why ([`Visible::Hidden`] with a [`Reason`](crate::study::suppression::Reason)).
//!
//! What this does not promise. Two reports of groups that differ by one student differ by what
//! that student's whole-test and whole-scale scores add to the means (and spreads): the student's
//! total score can be worked out, and with it their answers if they got everything right or
//! wrong. For groups of 2k and more, a question's count at the threshold can appear in one report
//! and not in the other. A threshold rule cannot prevent comparing overlapping groups; what the
//! app does is count only issued codes (no padding with made-up records) and tell teachers to
//! collect files without learning who sent which. A mean with its standard deviation can, for a
//! group bunched at two neighbouring values, tell how many gave each: rule 4 keeps that from
//! happening at the ends of a scale, not everywhere.

mod accumulate;
pub mod format;
mod model;

pub use accumulate::ReportBuilder;
pub use model::*;
