//! The assessment compiler's rules (`assessment/README.md`) on small assessments written to a
//! temp folder, with diagnostics compared exactly as an author sees them (`path:line: message`);
//! scoring by item version; and the real `assessment/`.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use aware_core::assessment::Assessment;
use aware_core::assessment::score::{NotScored, score};
use aware_core::content::compile::compile_assessment;
use aware_core::content::compile::review::assessment_fingerprint;
use aware_core::study::{Answer, Chosen, Code, Date, Form, Id, Likert, Locale, Phase, Record, Response, StudyId};

const PAIRS: usize = 12;

/// A small valid tree: sources of each confidence, 12 pairs of true/false items, one scale of
/// four statements, English and Mongolian texts. Tests change files with [`Tree::edit`].
struct Tree {
    files: BTreeMap<String, String>,
}

impl Tree {
    fn new() -> Tree {
        let mut structure = String::from("version = 1\n\n[[scale]]\nid = \"attitudes\"\n");
        let mut texts = BTreeMap::new();
        for locale in ["en", "mn"] {
            texts.insert(
                locale,
                format!(
                    "likert_labels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\ndeclined = \"No\"\ntrue = \"T {locale}\"\nfalse = \"F {locale}\"\n\n[scale.attitudes]\nname = \"Attitudes\"\n"
                ),
            );
        }
        for pair in 0..PAIRS {
            for form in ["a", "b"] {
                structure.push_str(&format!(
                    "\n[[knowledge]]\nid = \"p{pair}-{form}\"\npair = \"p{pair}\"\nform = \"{}\"\nversion = 1\nsince = 1\ntype = \"true-false\"\nanswer = true\nsources = [\"firm\"]\n",
                    form.to_uppercase()
                ));
                for (locale, text) in &mut texts {
                    text.push_str(&format!(
                        "\n[knowledge.p{pair}-{form}]\nprompt = \"Claim {pair}{form} ({locale}).\"\nexplanation = \"Why.\"\n"
                    ));
                }
            }
        }
        for (id, reversed) in [("s1", true), ("s2", true), ("s3", false), ("s4", false)] {
            structure.push_str(&format!(
                "\n[[likert]]\nid = \"{id}\"\nscale = \"attitudes\"\nversion = 1\nsince = 1\nreversed = {reversed}\n"
            ));
            for text in texts.values_mut() {
                text.push_str(&format!("\n[likert.{id}]\nstatement = \"Statement {id}.\"\n"));
            }
        }
        let mut files = BTreeMap::new();
        files.insert(
            "lessons/sources.toml".to_owned(),
            [("firm", "high"), ("soft", "medium"), ("summary", "medium")]
                .iter()
                .map(|(id, confidence)| {
                    format!(
                        "[{id}]\ntitle = \"T\"\npublisher = \"P\"\nyear = 2020\nurl = \"https://example.org/{id}\"\nconfidence = \"{confidence}\"\n\n"
                    )
                })
                .collect(),
        );
        files.insert("assessment/assessment.toml".to_owned(), structure);
        for (locale, text) in texts {
            files.insert(format!("assessment/{locale}/assessment.toml"), text);
        }
        Tree { files }
    }

    /// Replaces the first `from` in `path` with `to` (which must be there: a test that edits
    /// nothing would pass for the wrong reason).
    fn edit(mut self, path: &str, from: &str, to: &str) -> Tree {
        let text = self.files.get_mut(path).unwrap_or_else(|| panic!("no file {path}"));
        assert!(text.contains(from), "{path} has no {from:?}");
        *text = text.replacen(from, to, 1);
        self
    }

    fn set(mut self, path: &str, text: &str) -> Tree {
        self.files.insert(path.to_owned(), text.to_owned());
        self
    }

    /// The line of the first line containing `needle` in `path`, 1-based.
    fn line(&self, path: &str, needle: &str) -> usize {
        self.files[path].lines().position(|line| line.contains(needle)).unwrap_or_else(|| panic!("{needle:?}")) + 1
    }

    /// The line of the `[[…]]` header of the table that holds `needle`.
    fn table_line(&self, path: &str, needle: &str) -> usize {
        let at = self.line(path, needle);
        let lines: Vec<&str> = self.files[path].lines().collect();
        (0..at).rev().find(|&i| lines[i].starts_with("[[")).expect("a table header") + 1
    }

    fn compile(&self) -> Result<Assessment, Vec<String>> {
        let dir = support::write_tree("assessment", self.files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
        let result = compile_assessment(&dir.join("assessment"), &dir.join("lessons"))
            .map_err(|errors| support::relative(&dir, &errors));
        let _ = std::fs::remove_dir_all(&dir);
        result
    }
}

/// Compiles `tree` and expects exactly `expected`, in order.
#[track_caller]
fn check(tree: &Tree, expected: &[String]) {
    let actual = match tree.compile() {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    assert_eq!(actual, expected, "\nactual diagnostics:\n{}\n", actual.join("\n"));
}

const STRUCTURE: &str = "assessment/assessment.toml";
const EN: &str = "assessment/en/assessment.toml";

#[test]
fn the_small_tree_compiles() {
    let assessment = Tree::new().compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    assert_eq!(assessment.knowledge.len(), 2 * PAIRS);
    assert_eq!(assessment.locales, ["en", "mn"]);
    assert_eq!(assessment.reviewed, BTreeMap::from([("en".to_owned(), false), ("mn".to_owned(), false)]));
    assert!(assessment.retired.knowledge.is_empty());
}

// --- Only verified facts are scored ----------------------------------------------------------------

#[test]
fn a_knowledge_item_needs_a_high_confidence_source() {
    let tree = Tree::new().edit(STRUCTURE, "sources = [\"firm\"]", "sources = [\"soft\"]");
    let line = tree.table_line(STRUCTURE, "id = \"p0-a\"");
    check(
        &tree,
        &[format!(
            "{STRUCTURE}:{line}: item `p0-a` is scored but rests on medium-confidence source `soft`: test a skill that a high-confidence source supports, or move the fact into the lesson text with its hedge"
        )],
    );
    // Two medium-confidence sources do not make a high one.
    let tree = Tree::new().edit(STRUCTURE, "sources = [\"firm\"]", "sources = [\"summary\", \"soft\"]");
    check(
        &tree,
        &[format!(
            "{STRUCTURE}:{line}: item `p0-a` is scored but rests on medium-confidence sources `summary` and `soft`: test a skill that a high-confidence source supports, or move the fact into the lesson text with its hedge"
        )],
    );
}

#[test]
fn one_high_confidence_source_is_enough() {
    let tree = Tree::new().edit(STRUCTURE, "sources = [\"firm\"]", "sources = [\"soft\", \"firm\"]");
    check(&tree, &[]);
}

#[test]
fn a_source_confidence_is_high_or_medium() {
    let tree = Tree::new().edit("lessons/sources.toml", "confidence = \"medium\"", "confidence = \"med\"");
    let line = tree.line("lessons/sources.toml", "confidence = \"med\"");
    check(
        &tree,
        &[format!(
            "lessons/sources.toml:{line}: `confidence` must be \"high\" or \"medium\" (as content-facts.md rates the source), not `med`"
        )],
    );
}

// --- Phone numbers --------------------------------------------------------------------------------

#[test]
fn no_phone_number_in_any_assessment_text_not_even_a_listed_helpline() {
    for number in ["108", "102", "1903", "104", "+976 7011 1234"] {
        let tree = Tree::new().edit(EN, "explanation = \"Why.\"", &format!("explanation = \"Call {number}.\""));
        let line = tree.line(EN, "Call");
        check(
            &tree,
            &[format!(
                "{EN}:{line}: `{number}` looks like a phone number: numbers belong only in help.toml (write {{{{help-contacts}}}} or \"the Get help page\")"
            )],
        );
    }
}

// --- Likert scales --------------------------------------------------------------------------------

#[test]
fn a_scale_needs_two_reversed_and_two_positive_statements() {
    let tree = Tree::new().edit(STRUCTURE, "reversed = true", "reversed = false");
    check(
        &tree,
        &[format!(
            "{STRUCTURE}:1: scale `attitudes` has 3 positive and 1 reversed statements; it needs at least 2 of each"
        )],
    );
    let tree = Tree::new().edit(
        STRUCTURE,
        "id = \"s3\"\nscale = \"attitudes\"\nversion = 1\nsince = 1\nreversed = false",
        "id = \"s3\"\nscale = \"attitudes\"\nversion = 1\nsince = 1\nreversed = true",
    );
    check(
        &tree,
        &[format!(
            "{STRUCTURE}:1: scale `attitudes` has 1 positive and 3 reversed statements; it needs at least 2 of each"
        )],
    );
}

// --- Options: pinned last, and the key's length ---------------------------------------------------

/// Turns pair p0 into single-choice items with options a–d (key `key`), texts of the given lengths.
fn single_choice(tree: Tree, key: &str, last: &str, lengths: [usize; 4]) -> Tree {
    let mut tree = tree;
    for form in ["a", "b"] {
        tree = tree.edit(
            STRUCTURE,
            &format!("id = \"p0-{form}\"\npair = \"p0\"\nform = \"{}\"\nversion = 1\nsince = 1\ntype = \"true-false\"\nanswer = true", form.to_uppercase()),
            &format!(
                "id = \"p0-{form}\"\npair = \"p0\"\nform = \"{}\"\nversion = 1\nsince = 1\ntype = \"single\"\noptions = [\"a\", \"b\", \"c\", \"d\"]\ncorrect = \"{key}\"{last}",
                form.to_uppercase()
            ),
        );
        for path in [EN, "assessment/mn/assessment.toml"] {
            let texts: String = ["a", "b", "c", "d"]
                .iter()
                .zip(lengths)
                .map(|(o, n)| format!("{o} = \"{}\"\n", "x".repeat(n)))
                .collect();
            tree = tree.edit(path, &format!("[knowledge.p0-{form}]\n"), &format!("[knowledge.p0-{form}]\n{texts}"));
        }
    }
    tree
}

#[test]
fn the_option_pinned_last_is_the_one_written_last() {
    let tree = single_choice(Tree::new(), "a", "\nlast = \"d\"", [5, 5, 5, 5]);
    let assessment = tree.compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let pinned: Vec<bool> = assessment.knowledge[0].options.iter().map(|o| o.last).collect();
    assert_eq!(pinned, [false, false, false, true]);

    for other in ["b", "e"] {
        let tree = single_choice(Tree::new(), "a", &format!("\nlast = \"{other}\""), [5, 5, 5, 5]);
        let lines: Vec<usize> =
            ["p0-a", "p0-b"].iter().map(|id| tree.table_line(STRUCTURE, &format!("id = \"{id}\"")) + 9).collect();
        check(
            &tree,
            &lines
                .iter()
                .map(|line| {
                    format!(
                        "{STRUCTURE}:{line}: `last = \"{other}\"` must name the last of `options`: the option that stays last when options are shuffled"
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
}

#[test]
fn the_key_may_be_the_longest_option_no_more_often_than_chance() {
    // Two single-choice items of four options: chance makes the key the longest in half an item,
    // so never; one more character is not "longer".
    check(&single_choice(Tree::new(), "a", "", [6, 5, 5, 5]), &[]);
    let tree = single_choice(Tree::new(), "a", "", [9, 5, 5, 5]);
    check(
        &tree,
        &["en", "mn"]
            .map(|locale| {
                format!(
                    "assessment/{locale}/assessment.toml:1: the correct option is the longest in 2 of 2 single-choice items (p0-a, p0-b); chance would make it at most 0"
                )
            }),
    );
}

// --- Versions: retired items ----------------------------------------------------------------------

/// Version 2 of the tree: p0-a changed (version 2 from assessment version 2), its version 1 retired.
fn changed_item() -> Tree {
    Tree::new()
        .edit(STRUCTURE, "version = 1\n", "version = 2\n")
        .edit(STRUCTURE, "id = \"p0-a\"\npair = \"p0\"\nform = \"A\"\nversion = 1\nsince = 1", "id = \"p0-a\"\npair = \"p0\"\nform = \"A\"\nversion = 2\nsince = 2")
        .set(
            "assessment/retired.toml",
            "[[knowledge]]\nid = \"p0-a\"\npair = \"p0\"\nform = \"A\"\nversion = 1\nsince = 1\nuntil = 2\ntype = \"true-false\"\nanswer = false\n",
        )
        .set("assessment/en/retired.toml", "[knowledge.p0-a.v1]\nprompt = \"The old claim.\"\n")
        .set("assessment/mn/retired.toml", "[knowledge.p0-a.v1]\nprompt = \"Хуучин.\"\n")
}

#[test]
fn a_changed_item_keeps_its_earlier_version_retired() {
    let assessment = changed_item().compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let old = &assessment.retired.knowledge[0];
    assert_eq!((old.id.as_str(), old.version, old.since, old.until), ("p0-a", 1, 1, Some(2)));
    assert_eq!(old.prompt["mn"], "Хуучин.");
    let asked: Vec<(&str, u32)> =
        assessment.knowledge_asked_at(Form::A, 1).map(|item| (item.id.as_str(), item.version)).take(2).collect();
    assert_eq!(asked, [("p1-a", 1), ("p2-a", 1)], "the retired version is kept after the items asked now");
    assert!(assessment.knowledge_asked_at(Form::A, 1).any(|item| item.id == "p0-a" && item.version == 1));
    assert!(assessment.knowledge_asked_at(Form::A, 2).any(|item| item.id == "p0-a" && item.version == 2));
    // The codebook describes both versions.
    let codebook = assessment.codebook().expect("a valid codebook");
    let p0a: Vec<u32> =
        codebook.items().iter().filter(|item| item.id.as_str() == "p0-a").map(|item| item.version).collect();
    assert_eq!(p0a, [2, 1]);
}

#[test]
fn a_new_item_version_without_its_retired_predecessor_is_refused() {
    let tree = changed_item()
        .set("assessment/retired.toml", "")
        .set("assessment/en/retired.toml", "")
        .set("assessment/mn/retired.toml", "");
    let line = tree.table_line(STRUCTURE, "id = \"p0-a\"");
    check(
        &tree,
        &[
            format!(
                "{STRUCTURE}:{line}: knowledge item `p0-a` has version 2 but no version 1: keep every earlier version in retired.toml"
            ),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p0` had 0 items on form A; it needs exactly one"),
        ],
    );
}

#[test]
fn retiring_an_item_means_raising_the_assessment_version() {
    let tree = changed_item().edit(STRUCTURE, "version = 2\n\n", "version = 1\n\n");
    let line = tree.table_line(STRUCTURE, "id = \"p0-a\"");
    check(
        &tree,
        &[
            format!("{STRUCTURE}:{line}: `since = 2` is after the assessment's `version = 1`"),
            "assessment/retired.toml:1: knowledge item `p0-a` version 1 has `until = 2`, after the assessment's version 1: raise `version` in assessment.toml".to_owned(),
        ],
    );
}

#[test]
fn item_versions_follow_one_another_without_gaps() {
    let tree = changed_item().edit(STRUCTURE, "version = 2\nsince = 2", "version = 2\nsince = 1");
    let line = tree.table_line(STRUCTURE, "id = \"p0-a\"");
    check(
        &tree,
        &[
            format!(
                "{STRUCTURE}:{line}: knowledge item `p0-a` version 2 has `since = 1`; it must start where version 1 ended, at 2"
            ),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p0` had 2 items on form A; it needs exactly one"),
        ],
    );
    let tree = changed_item().edit("assessment/retired.toml", "until = 2", "until = 1");
    check(
        &tree,
        &[
            "assessment/retired.toml:1: `until = 1` must be after `since = 1`".to_owned(),
            format!(
                "{STRUCTURE}:{line}: knowledge item `p0-a` version 2 has `since = 2`; it must start where version 1 ended, at 1"
            ),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p0` had 0 items on form A; it needs exactly one"),
        ],
    );
}

#[test]
fn a_retired_item_keeps_its_pair_and_form_and_needs_its_texts() {
    let tree = changed_item().edit("assessment/retired.toml", "pair = \"p0\"", "pair = \"p1\"");
    check(
        &tree,
        &[
            "assessment/retired.toml:1: knowledge item `p0-a` keeps its pair and form in every version".to_owned(),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p0` had 0 items on form A; it needs exactly one"),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p1` had 2 items on form A; it needs exactly one"),
        ],
    );
    let tree = changed_item().set("assessment/mn/retired.toml", "[knowledge.p0-a.v2]\nprompt = \"Хуучин.\"\n");
    check(
        &tree,
        &[
            "assessment/mn/retired.toml:1: missing text for knowledge item `p0-a` v1".to_owned(),
            "assessment/mn/retired.toml:1: unknown key `v2` in [knowledge.p0-a]".to_owned(),
        ],
    );
}

#[test]
fn a_dropped_pair_stays_retired_on_both_forms() {
    // Pair p11 dropped in version 2: both its items retired.
    let mut tree = Tree::new().edit(STRUCTURE, "version = 1\n", "version = 2\n");
    let mut retired = String::new();
    for form in ["a", "b"] {
        let item = format!(
            "\n[[knowledge]]\nid = \"p11-{form}\"\npair = \"p11\"\nform = \"{}\"\nversion = 1\nsince = 1\ntype = \"true-false\"\nanswer = true\nsources = [\"firm\"]\n",
            form.to_uppercase()
        );
        tree = tree.edit(STRUCTURE, &item, "");
        retired.push_str(&item.replace("sources = [\"firm\"]\n", "").replace("since = 1\n", "since = 1\nuntil = 2\n"));
        for path in [EN, "assessment/mn/assessment.toml"] {
            let text = format!(
                "\n[knowledge.p11-{form}]\nprompt = \"Claim 11{form} ({}).\"\nexplanation = \"Why.\"\n",
                if path == EN { "en" } else { "mn" }
            );
            tree = tree.edit(path, &text, "");
        }
    }
    let texts = |locale: &str| {
        ["a", "b"].map(|form| format!("[knowledge.p11-{form}.v1]\nprompt = \"Claim 11{form} ({locale}).\"\n")).concat()
    };
    let tree = tree
        .set("assessment/retired.toml", &retired)
        .set("assessment/en/retired.toml", &texts("en"))
        .set("assessment/mn/retired.toml", &texts("mn"));
    // Twelve pairs are the least a form may have: a new pair takes its place in version 2.
    let new_pair: String = ["A", "B"]
        .map(|form| {
            format!(
                "[[knowledge]]\nid = \"n-{}\"\npair = \"n\"\nform = \"{form}\"\nversion = 1\nsince = 2\ntype = \"true-false\"\nanswer = false\nsources = [\"firm\"]\n\n",
                form.to_lowercase()
            )
        })
        .concat();
    let new_texts = |words: &str| {
        ["a", "b"]
            .map(|form| format!("[knowledge.n-{form}]\nprompt = \"{words} {form}.\"\nexplanation = \"{words}.\"\n\n"))
            .concat()
    };
    let tree = tree
        .edit(STRUCTURE, "[[likert]]", &format!("{new_pair}[[likert]]"))
        .edit(EN, "[likert.s1]", &format!("{}[likert.s1]", new_texts("New")))
        .edit("assessment/mn/assessment.toml", "[likert.s1]", &format!("{}[likert.s1]", new_texts("Шинэ")));
    let assessment = tree.compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    assert!(assessment.knowledge_asked_at(Form::B, 1).any(|item| item.id == "p11-b"));
    assert!(!assessment.knowledge_asked_at(Form::B, 1).any(|item| item.id == "n-b"));
    assert!(!assessment.knowledge_asked_at(Form::B, 2).any(|item| item.id == "p11-b"));
    // A retired item that does not fit the form it was on is caught at the version that asked it.
    let tree = tree.edit("assessment/retired.toml", "id = \"p11-b\"\npair = \"p11\"", "id = \"p11-b\"\npair = \"p10\"");
    check(
        &tree,
        &[
            format!("{STRUCTURE}:1: at assessment version 1, pair `p10` had 2 items on form B; it needs exactly one"),
            format!("{STRUCTURE}:1: at assessment version 1, pair `p11` had 0 items on form B; it needs exactly one"),
        ],
    );
}

#[test]
fn an_id_keeps_its_kind() {
    let tree = changed_item()
        .edit("assessment/retired.toml", "id = \"p0-a\"", "id = \"s1\"")
        .set("assessment/en/retired.toml", "[knowledge.s1.v1]\nprompt = \"Old.\"\n");
    let diagnostics = tree.compile().expect_err("s1 is a statement");
    assert!(
        diagnostics.contains(
            &"assessment/retired.toml:1: `s1` names both a knowledge item and a Likert item; an id keeps its kind"
                .to_owned()
        ),
        "{diagnostics:?}"
    );
}

// --- Scoring by item version ------------------------------------------------------------------------

/// A form-A record taken on `version` of the assessment.
fn record(version: u32, answers: &[(&str, u32, Response)]) -> Record {
    let study = StudyId::generate(&[1, 2, 3, 4, 5, 6, 7, 8]);
    let code = Code::generate(&[8, 7, 6, 5, 4, 3, 2, 1]);
    Record {
        study,
        code,
        phase: Phase::Pre,
        form: Form::A,
        locale: Locale::new("en").expect("a tag"),
        content_version: version,
        date: Date::new(2026, 11, 2).expect("a day"),
        answers: answers
            .iter()
            .map(|(id, version, response)| {
                (Id::new(id).expect("an id"), Answer { version: *version, response: response.clone() })
            })
            .collect(),
    }
}

fn chose(option: &str) -> Response {
    Response::Chose(Chosen::from([Id::new(option).expect("an id")]))
}

#[test]
fn an_attempt_on_an_earlier_version_is_scored_only_where_it_saw_the_current_item() {
    let assessment = changed_item().compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    // Version 1: p0-a v1 (answer false), p1-a right, p2-a wrong, the rest left out; s1 agreed (4).
    let old = record(
        1,
        &[
            ("p0-a", 1, chose("false")),
            ("p1-a", 1, chose("true")),
            ("p2-a", 1, chose("false")),
            ("s1", 1, Response::Likert(Likert::new(4).expect("1-5"))),
        ],
    );
    let scored = score(&assessment, &old).expect("an earlier version is scored");
    assert_eq!(scored.taken_on, 1);
    assert_eq!(scored.correct[0], None, "p0-a v1 is another measurement than p0-a v2");
    assert_eq!(&scored.correct[1..4], [Some(true), Some(false), Some(false)]);
    assert_eq!((scored.right(), scored.complete(), scored.percent), (1, false, None));
    assert_eq!(scored.likert, [Some(2), None, None, None], "s1 is reversed: 6 − 4");

    // The current version: complete.
    let new = record(2, &[("p0-a", 2, chose("true")), ("p1-a", 1, chose("true"))]);
    let scored = score(&assessment, &new).expect("scored");
    assert_eq!((scored.right(), scored.complete()), (2, true));
    assert_eq!(scored.percent, Some(200.0 / PAIRS as f64));
}

#[test]
fn an_answer_the_records_version_did_not_ask_is_not_scored() {
    let assessment = changed_item().compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let check = |version: u32, item: &str, item_version: u32, expected: NotScored| {
        let r = record(version, &[(item, item_version, chose("true"))]);
        assert_eq!(score(&assessment, &r), Err(expected), "{item} v{item_version} at version {version}");
    };
    let id = |text: &str| Id::new(text).expect("an id");
    // p0-a version 2 was not asked at assessment version 1, nor version 1 at 2.
    check(1, "p0-a", 2, NotScored::UnknownItem { item: id("p0-a"), version: 2 });
    check(2, "p0-a", 1, NotScored::UnknownItem { item: id("p0-a"), version: 1 });
    // An item of the other form.
    check(2, "p1-b", 1, NotScored::UnknownItem { item: id("p1-b"), version: 1 });
    // A version of the assessment this one does not know.
    check(3, "p1-a", 1, NotScored::OtherVersion { found: 3 });
    check(0, "p1-a", 1, NotScored::OtherVersion { found: 0 });
}

// --- Review of the translation -------------------------------------------------------------------------

#[test]
fn a_reviewed_translation_needs_a_record_of_its_current_fingerprint() {
    let unreviewed = Tree::new().compile().expect("compiles");
    let print = assessment_fingerprint(&unreviewed, "mn");
    let tree = Tree::new().edit("assessment/mn/assessment.toml", "likert_labels", "reviewed = true\nlikert_labels");
    check(
        &tree,
        &[format!(
            "assessment/mn/assessment.toml:1: `reviewed = true`, but locales/mn/reviews.toml has no review of `assessment` with its current fingerprint {print}: run `aware review-sheet mn`, have it reviewed, then add the record"
        )],
    );
    let record = format!(
        "[[review]]\npart = \"assessment\"\nfingerprint = \"{print}\"\nrole = \"Mongolian teacher\"\ndate = \"2026-12-03\"\n"
    );
    let reviewed = tree.set("locales/mn/reviews.toml", &record);
    let assessment = reviewed.compile().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    assert!(assessment.reviewed["mn"]);
    // Any change to either language afterwards needs a new review.
    let edited = reviewed.edit(EN, "Claim 0a (en).", "Claim 0a, edited (en).");
    let errors = edited.compile().expect_err("the English changed after the review");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("has no review of `assessment` with its current fingerprint"), "{errors:?}");
}

#[test]
fn review_records_are_checked() {
    let tree = Tree::new().set(
        "locales/mn/reviews.toml",
        "[[review]]\npart = \"assessment\"\nfingerprint = \"XYZ\"\nrole = \"Teacher\"\ndate = \"3 Dec\"\nname = \"A person\"\n",
    )
    .edit("assessment/mn/assessment.toml", "likert_labels", "reviewed = true\nlikert_labels");
    let errors = tree.compile().expect_err("bad records");
    assert_eq!(
        errors[..3],
        [
            "locales/mn/reviews.toml:3: `fingerprint` must be the 16 digits and letters a–f printed on the review sheet".to_owned(),
            "locales/mn/reviews.toml:5: `date` must be a date written YYYY-MM-DD".to_owned(),
            "locales/mn/reviews.toml:6: unknown key `name` in `review` entry 1".to_owned(),
        ]
    );
}

// --- The real assessment ------------------------------------------------------------------------------

fn real() -> Assessment {
    compile_assessment(Path::new("../../assessment"), Path::new("../../lessons"))
        .unwrap_or_else(|problems| panic!("assessment/ does not compile: {problems:?}"))
}

#[test]
fn the_real_assessment_compiles_with_its_history() {
    let assessment = real();
    assert!(assessment.version >= 2);
    // Every earlier version of the assessment had parallel forms of the same length.
    for version in 1..=assessment.version {
        let a = assessment.knowledge_asked_at(Form::A, version).count();
        let b = assessment.knowledge_asked_at(Form::B, version).count();
        assert_eq!(a, b, "version {version}");
        assert!(a >= 12, "version {version}");
    }
}

/// Assessment items that copy a lesson quiz item measure memory of the quiz, not learning: no
/// prompt of the assessment may repeat a lesson's quiz prompt word for word, in any language.
#[test]
fn no_assessment_prompt_repeats_a_lesson_quiz_prompt() {
    let assessment = real();
    let compiled = aware_core::content::compile::compile(Path::new("../../lessons")).expect("lessons compile");
    for curriculum in &compiled.curricula {
        let quiz: BTreeSet<&str> =
            curriculum.lessons.iter().flat_map(|lesson| &lesson.quiz).map(|item| item.prompt.as_str()).collect();
        for item in &assessment.knowledge {
            let prompt = assessment.text(&item.prompt, &curriculum.locale);
            assert!(!quiz.contains(prompt), "{} ({}) repeats a lesson quiz item", item.id, curriculum.locale);
        }
    }
}

/// The translation's review status rests on the review records (none yet for the assessment).
#[test]
fn the_real_mongolian_assessment_is_not_marked_reviewed_without_a_review() {
    let assessment = real();
    assert_eq!(assessment.reviewed.get("mn"), Some(&false));
}
