//! What each age band sees of a lesson.
//!
//! A lesson is written once for ages 12–18; what only 15–18-year-olds may read is marked older
//! (`:::older` parts, quiz items, objectives, scenario steps and choices, older key points), and a
//! lesson whose core is for 15–18 says so with `age_min = 15`. [`Lesson::for_band`] is the one place
//! that turns a compiled lesson into what a band is shown; the compiler has already checked that
//! what remains for the younger band is a whole lesson (stories that still end two ways, a quiz
//! long enough), so the app never repairs anything.

use std::collections::BTreeSet;

use super::{Block, CalloutKind, Inline, Lesson, Scenario, Section};
use crate::band::AgeBand;

impl Lesson {
    /// Whether the lesson is shown to `band` at all: a lesson for ages 15 and over is not shown to
    /// ages 12–14 (the course page says "for ages 15 and over" instead).
    pub fn is_for(&self, band: AgeBand) -> bool {
        band.admits(self.age_min)
    }

    /// The lesson as `band` sees it, or `None` when it is not for that band. Ages 15–18 see
    /// everything (older parts keep their mark, so the app can label them) with the older key
    /// points after the others; ages 12–14 see nothing marked older, no section left empty by
    /// that, and only the sources that what remains cites. Teachers' guides are unchanged: they
    /// say what each band gets.
    pub fn for_band(&self, band: AgeBand) -> Option<Lesson> {
        if !self.is_for(band) {
            return None;
        }
        let mut lesson = self.clone();
        if band == AgeBand::Older {
            lesson.key_points.append(&mut lesson.older_key_points);
            return Some(lesson);
        }
        lesson.older_key_points.clear();
        lesson.objectives.retain(|objective| !objective.older);
        lesson.quiz.retain(|item| !item.older);
        lesson.scenarios = lesson.scenarios.iter().map(Scenario::younger).collect();
        lesson.sections = lesson
            .sections
            .into_iter()
            .filter_map(|section| {
                let blocks: Vec<Block> = section.blocks.into_iter().filter(|block| !block.is_older()).collect();
                (!blocks.is_empty()).then_some(Section { heading: section.heading, blocks })
            })
            .collect();
        let mut cited = BTreeSet::new();
        for section in lesson.sections.iter().chain(&lesson.teacher_guide) {
            cite_ids_in(&section.heading, &mut cited);
            cite_ids(&section.blocks, &mut cited);
        }
        cited.extend(lesson.quiz.iter().flat_map(|item| item.sources.iter().map(String::as_str)));
        let cited: BTreeSet<String> = cited.into_iter().map(str::to_owned).collect();
        lesson.sources.retain(|source| cited.contains(&source.id));
        Some(lesson)
    }
}

impl Scenario {
    /// The story for ages 12–14: without older steps, older choices, and choices that lead to an
    /// older step.
    fn younger(&self) -> Scenario {
        let older_steps: BTreeSet<&str> =
            self.steps.iter().filter(|step| step.older).map(|step| step.id.as_str()).collect();
        let mut scenario = self.clone();
        scenario.steps.retain(|step| !step.older);
        for step in &mut scenario.steps {
            step.choices.retain(|choice| !choice.older && !older_steps.contains(choice.next.as_str()));
        }
        scenario
    }
}

impl Block {
    /// A part for ages 15–18 only.
    pub fn is_older(&self) -> bool {
        matches!(self, Block::Callout { kind: CalloutKind::Older, .. })
    }
}

/// The ids of the sources that `blocks` cite, callouts included.
pub(crate) fn cite_ids<'a>(blocks: &'a [Block], out: &mut BTreeSet<&'a str>) {
    for block in blocks {
        match block {
            Block::Subheading(inlines) | Block::Paragraph(inlines) => cite_ids_in(inlines, out),
            Block::List { items, .. } => items.iter().for_each(|item| cite_ids_in(item, out)),
            Block::Callout { blocks, .. } => cite_ids(blocks, out),
            Block::Scenario(_) | Block::HelpContacts => {}
        }
    }
}

fn cite_ids_in<'a>(inlines: &'a [Inline], out: &mut BTreeSet<&'a str>) {
    for inline in inlines {
        match inline {
            Inline::Cite(id) => {
                out.insert(id);
            }
            Inline::Strong(inner) | Inline::Emphasis(inner) => cite_ids_in(inner, out),
            Inline::Text(_) => {}
        }
    }
}
