//! No quiz prompt may repeat another one word for word: not another lesson's (a student would
//! answer from memory, not from thought), and above all not an assessment item's, because a
//! post-test item the class has already practised shows a gain that is not learning.
//!
//! Prompts are compared after folding case, punctuation and spacing, in each language.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::TextIndex;
use super::assessment::current_texts;
use super::diagnostic::Diagnostic;

pub(crate) fn check(texts: &[TextIndex], assessment: Option<&Path>, errors: &mut Vec<Diagnostic>) {
    // (locale, folded prompt) → (lesson, item) of its first use, in course order.
    let mut seen: BTreeMap<(&str, String), (&str, &str)> = BTreeMap::new();
    let mut assessment_prompts: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for text in texts {
        let in_assessment = assessment_prompts
            .entry(text.locale.as_str())
            .or_insert_with(|| assessment.map(|dir| read_assessment_prompts(dir, &text.locale)).unwrap_or_default());
        for (item, prompt, line) in &text.prompts {
            let folded = fold(prompt);
            if let Some(assessment_item) = in_assessment.get(&folded) {
                errors.push(text.toml.error_at_line(
                    *line,
                    format!(
                        "the prompt of quiz item `{item}` repeats assessment item `{assessment_item}` word for word: ask it another way, so that the post-test measures learning, not practice"
                    ),
                ));
            }
            match seen.get(&(text.locale.as_str(), folded.clone())) {
                Some((lesson, other)) => {
                    let place =
                        if *lesson == text.lesson { "this lesson".to_owned() } else { format!("lesson `{lesson}`") };
                    errors.push(text.toml.error_at_line(
                        *line,
                        format!(
                            "the prompt of quiz item `{item}` repeats quiz item `{other}` of {place} word for word: ask it another way"
                        ),
                    ));
                }
                None => {
                    seen.insert((text.locale.as_str(), folded), (text.lesson.as_str(), item.as_str()));
                }
            }
        }
    }
}

/// Lower case, letters and digits only, single spaces: "Trafficking is  only about sex!" and
/// "trafficking is only about sex" are the same prompt.
pub(crate) fn fold(text: &str) -> String {
    let mapped: String =
        text.chars().flat_map(char::to_lowercase).map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded prompt → item id, of the items asked now ([`current_texts`]: retired versions are never
/// asked again). A file that is missing or broken gives none: the assessment's own compiler
/// reports it.
fn read_assessment_prompts(dir: &Path, locale: &str) -> BTreeMap<String, String> {
    let mut prompts = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(current_texts(dir, locale)) else { return prompts };
    let Ok(doc) = DeTable::parse(&text) else { return prompts };
    let Some(DeValue::Table(knowledge)) = doc.get_ref().get("knowledge").map(|v| v.get_ref()) else {
        return prompts;
    };
    for (id, item) in knowledge.iter() {
        if let DeValue::Table(item) = item.get_ref()
            && let Some(DeValue::String(prompt)) = item.get("prompt").map(|v| v.get_ref())
        {
            prompts.insert(fold(prompt), id.get_ref().to_string());
        }
    }
    prompts
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn case_punctuation_and_spacing_do_not_make_a_prompt_new() {
        assert_eq!(fold("Trafficking is  only about sex!"), fold("trafficking is only about sex"));
        assert_eq!(fold("«Хүний наймаа» гэж юу вэ?"), fold("хүний наймаа гэж юу вэ"));
        assert_ne!(fold("Trafficking is only about sex."), fold("Trafficking is not only about sex."));
    }
}
