//! The assessment as the export codebook describes it: every version of every item.

use super::Assessment;
use crate::study::export::{Codebook, CodebookError, ItemDefinition, OptionDefinition, Scale, Texts};
use crate::study::{Id, Locale};

impl Assessment {
    /// Every version of every item of both forms, knowledge first (items asked now, then retired
    /// versions), with texts in every language of the assessment, so that a results file of any
    /// version is described. Fails only if the compiled assessment breaks a rule the compiler
    /// checks (a hand-edited file).
    pub fn codebook(&self) -> Result<Codebook, CodebookError> {
        let texts = |texts: &super::Texts| -> Texts {
            texts.iter().filter_map(|(locale, text)| Some((Locale::new(locale)?, text.clone()))).collect()
        };
        let label = |pick: fn(&super::Labels) -> &String| -> Texts {
            self.labels
                .iter()
                .filter_map(|(locale, labels)| Some((Locale::new(locale)?, pick(labels).clone())))
                .collect()
        };
        let id = |text: &str| Id::new(text).ok();
        let mut items = Vec::new();
        for item in self.knowledge.iter().chain(&self.retired.knowledge) {
            let Some(item_id) = id(&item.id) else { continue };
            let options = item
                .options
                .iter()
                .filter_map(|option| {
                    let text = match option.id.as_str() {
                        "true" if item.true_false => label(|l| &l.true_),
                        "false" if item.true_false => label(|l| &l.false_),
                        _ => texts(&option.text),
                    };
                    Some(OptionDefinition { id: id(&option.id)?, correct: option.correct, text })
                })
                .collect();
            items.push(ItemDefinition {
                id: item_id,
                version: item.version,
                prompt: texts(&item.prompt),
                scale: Scale::Single(options),
            });
        }
        for item in self.likert.iter().chain(&self.retired.likert) {
            let Some(item_id) = id(&item.id) else { continue };
            let labels: [Texts; 5] = std::array::from_fn(|i| {
                self.labels
                    .iter()
                    .filter_map(|(locale, labels)| Some((Locale::new(locale)?, labels.likert[i].clone())))
                    .collect()
            });
            items.push(ItemDefinition {
                id: item_id,
                version: item.version,
                prompt: texts(&item.statement),
                scale: Scale::Likert { reversed: item.reversed, labels },
            });
        }
        Codebook::new(items)
    }
}
