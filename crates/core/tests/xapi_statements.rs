//! Every statement Aware makes from the real lessons, checked against the rules of xAPI 1.0.3
//! (adlnet/xAPI-Spec, xAPI-Data.md) and 2.0.0 (IEEE 9274.1.1) that can be checked without a
//! store, and against Aware's own privacy rules. The end-to-end test posts the same statements
//! to a real store (`e2e/tests/xapi-lrs.test.js`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use aware_core::content::compile::compile;
use aware_core::content::{Curriculum, Lesson, QuizKind};
use aware_core::deployment::{PassMark, SiteUrl};
use aware_core::quiz::{ItemRecord, Selection, Summary, check};
use aware_core::rng::SplitMix64;
use aware_core::xapi::{Attempt, Uuid};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, Copy)]
enum Version {
    V1_0_3,
    V2_0_0,
}

const VERSIONS: [Version; 2] = [Version::V1_0_3, Version::V2_0_0];

fn site() -> SiteUrl {
    SiteUrl::parse("https://aware.example.org").unwrap()
}

/// The real lessons, compiled once for all tests.
fn curricula() -> &'static [Curriculum] {
    static CURRICULA: OnceLock<Vec<Curriculum>> = OnceLock::new();
    CURRICULA.get_or_init(|| {
        compile(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")).expect("the lessons compile").curricula
    })
}

/// How a played attempt answers each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Play {
    /// A wrong answer first where there is one, then the right one.
    WrongFirst,
    /// The right answer at once: a perfect score.
    RightFirst,
}

/// Plays one attempt at `lesson`'s quiz as a student would, answering as `how` says, for a
/// deployment without a pass mark. Returns the statements as JSON.
fn play(locale: &str, lesson: &Lesson, how: Play, rng: &mut SplitMix64) -> Vec<Value> {
    play_marked(locale, lesson, how, None, rng)
}

/// [`play`], for a deployment with `pass_mark`.
fn play_marked(
    locale: &str,
    lesson: &Lesson,
    how: Play,
    pass_mark: Option<PassMark>,
    rng: &mut SplitMix64,
) -> Vec<Value> {
    let mut bytes = || {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
        bytes
    };
    let (attempt, started) = Attempt::start(&site(), locale, lesson, bytes(), bytes()).unwrap();
    let mut attempt = attempt.with_pass_mark(pass_mark);
    let mut statements = vec![started];
    let mut records = BTreeMap::new();
    for item in &lesson.quiz {
        let right: Selection = item.correct_options().map(|o| o.id.clone()).collect();
        let wrong: Option<Selection> = item
            .options
            .iter()
            .find(|o| !o.correct && how == Play::WrongFirst)
            .map(|o| Selection::from([o.id.clone()]));
        for selection in wrong.into_iter().chain([right]) {
            let record: &mut ItemRecord = records.entry(item.id.clone()).or_default();
            record.record(selection.clone(), &check(item, &selection));
            statements.extend(attempt.answered(lesson, item, &selection, bytes()));
        }
    }
    let summary = Summary::of(&lesson.quiz, &records);
    statements.extend(attempt.completed(lesson, &summary, [bytes(), bytes()]));
    statements.iter().map(|s| serde_json::from_str(&s.encode()).unwrap()).collect()
}

fn all_statements() -> Vec<(String, Value)> {
    let mut rng = SplitMix64(13);
    let mut out = Vec::new();
    for curriculum in curricula() {
        for lesson in curriculum.lessons.iter().filter(|l| !l.quiz.is_empty()) {
            for statement in [Play::WrongFirst, Play::RightFirst]
                .iter()
                .flat_map(|&how| play(&curriculum.locale, lesson, how, &mut rng))
            {
                out.push((format!("{}/{}", curriculum.locale, lesson.id), statement));
            }
        }
    }
    out
}

#[test]
fn every_statement_from_every_lesson_is_valid_under_both_versions() {
    let statements = all_statements();
    assert!(statements.len() > 100, "{} statements", statements.len());
    for (at, statement) in &statements {
        for version in VERSIONS {
            if let Err(why) = validate(statement, version) {
                panic!("{at} under {version:?}: {why}\n{statement:#}");
            }
        }
    }
}

#[test]
fn statements_carry_nothing_that_identifies_a_student() {
    let statements = all_statements();
    let mut actors = BTreeSet::new();
    for (at, statement) in &statements {
        let object = statement.as_object().unwrap();
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        let allowed = BTreeSet::from(["id", "actor", "verb", "object", "result", "context"]);
        assert!(keys.is_subset(&allowed), "{at}: {keys:?}: no timestamp, stored, authority or version");
        assert_eq!(statement["actor"], json!({"objectType": "Agent", "account": statement["actor"]["account"]}));
        assert_eq!(statement["actor"]["account"]["homePage"], "https://aware.example.org");
        let name = statement["actor"]["account"]["name"].as_str().unwrap();
        assert!(Uuid::parse(name).is_some_and(|uuid| uuid.is_v4()), "{at}: {name}");
        actors.insert(name.to_owned());
        let context: BTreeSet<&str> = statement["context"].as_object().unwrap().keys().map(String::as_str).collect();
        assert!(context.is_subset(&BTreeSet::from(["language", "contextActivities"])), "{at}: {context:?}");
        assert!(statement["result"].get("duration").is_none(), "{at}");
    }
    let attempts = statements.iter().filter(|(_, s)| s["verb"]["id"] == VERB_ATTEMPTED).count();
    assert_eq!(actors.len(), attempts, "each attempt has its own random actor");
}

#[test]
fn answered_statements_describe_the_item_in_the_lesson_language() {
    let curricula = curricula();
    let mn = curricula.iter().find(|c| c.locale == "mn").unwrap();
    let lesson = mn.lessons.iter().find(|l| l.quiz.iter().any(|i| i.kind == QuizKind::Multiple)).unwrap();
    let statements = play("mn", lesson, Play::WrongFirst, &mut SplitMix64(1));
    let item = lesson.quiz.iter().find(|i| i.kind == QuizKind::Multiple).unwrap();
    let answered = statements.iter().find(|s| s["object"]["id"].as_str().unwrap().ends_with(&item.id)).unwrap();

    let quiz = format!("https://aware.example.org/xapi/lessons/{}/v{}/quiz", lesson.id, lesson.version);
    assert_eq!(answered["object"]["id"], format!("{quiz}/{}", item.id));
    assert_eq!(
        answered["context"],
        json!({"language": "mn", "contextActivities": {"parent": [{"objectType": "Activity", "id": quiz}]}})
    );
    let definition = &answered["object"]["definition"];
    assert_eq!(definition["type"], "http://adlnet.gov/expapi/activities/cmi.interaction");
    assert_eq!(definition["interactionType"], "choice");
    assert_eq!(definition["name"], json!({"mn": item.prompt}));
    let choices: Vec<Value> = item.options.iter().map(|o| json!({"id": o.id, "description": {"mn": o.text}})).collect();
    assert_eq!(definition["choices"], Value::Array(choices));
    let correct: Vec<&str> = item.correct_options().map(|o| o.id.as_str()).collect();
    assert_eq!(definition["correctResponsesPattern"], json!([correct.join("[,]")]));
    // The first check was the wrong answer: that is what the statement reports.
    let wrong = item.options.iter().find(|o| !o.correct).unwrap();
    assert_eq!(answered["result"], json!({"success": false, "response": wrong.id}));
}

#[test]
fn true_false_items_are_true_false_interactions() {
    let curricula = curricula();
    let en = curricula.iter().find(|c| c.locale == "en").unwrap();
    let lesson = en.lessons.iter().find(|l| l.quiz.iter().any(|i| i.kind == QuizKind::TrueFalse)).unwrap();
    let item = lesson.quiz.iter().find(|i| i.kind == QuizKind::TrueFalse).unwrap();
    let statements = play("en", lesson, Play::WrongFirst, &mut SplitMix64(2));
    let answered = statements.iter().find(|s| s["object"]["id"].as_str().unwrap().ends_with(&item.id)).unwrap();
    let answer = item.correct_options().next().unwrap().id.as_str();
    let definition = &answered["object"]["definition"];
    assert_eq!(definition["interactionType"], "true-false");
    assert!(definition.get("choices").is_none());
    assert_eq!(definition["correctResponsesPattern"], json!([answer]));
    assert_eq!(answered["result"]["success"], false, "the first check was the wrong one");
}

#[test]
fn one_attempt_makes_one_statement_per_item_and_a_score_of_first_tries() {
    let curricula = curricula();
    let lesson = curricula[0].lessons.iter().find(|l| !l.quiz.is_empty()).unwrap();
    let statements = play(&curricula[0].locale, lesson, Play::WrongFirst, &mut SplitMix64(3));
    let verbs: Vec<&str> = statements.iter().map(|s| s["verb"]["id"].as_str().unwrap()).collect();
    let mut expected = vec![VERB_ATTEMPTED];
    expected.extend(lesson.quiz.iter().map(|_| VERB_ANSWERED));
    expected.push(VERB_COMPLETED);
    assert_eq!(verbs, expected, "a second check of an item sends nothing");

    let completed = statements.last().unwrap();
    let first_try = lesson.quiz.iter().filter(|i| i.options.iter().all(|o| o.correct)).count();
    let max = lesson.quiz.len();
    assert_eq!(
        completed["result"],
        json!({"score": {"scaled": first_try as f64 / max as f64, "raw": first_try, "min": 0, "max": max}, "completion": true})
    );
    assert_eq!(completed["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/assessment");
    let ids: BTreeSet<&str> = statements.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), statements.len(), "every statement has its own id");
}

/// Every item right on the first try: `raw` equals `max`, which both versions allow ("between
/// min and max, inclusive"). LaRS 0.2.0 refused it (deploy/lars/xapi-data-score-range.patch).
#[test]
fn a_perfect_score_is_raw_equal_to_max_and_valid_under_both_versions() {
    for curriculum in curricula() {
        for lesson in curriculum.lessons.iter().filter(|l| !l.quiz.is_empty()) {
            let statements = play(&curriculum.locale, lesson, Play::RightFirst, &mut SplitMix64(5));
            let completed = statements.last().unwrap();
            let max = lesson.quiz.len();
            assert_eq!(
                completed["result"],
                json!({"score": {"scaled": 1.0, "raw": max, "min": 0, "max": max}, "completion": true}),
                "{}/{}",
                curriculum.locale,
                lesson.id
            );
            for statement in &statements {
                for version in VERSIONS {
                    validate(statement, version).unwrap_or_else(|why| panic!("{} under {version:?}: {why}", lesson.id));
                }
            }
        }
    }
}

#[test]
fn an_unfinished_quiz_is_not_completed() {
    let curricula = curricula();
    let lesson = curricula[0].lessons.iter().find(|l| l.quiz.len() > 1).unwrap();
    let (mut attempt, _) = Attempt::start(&site(), "en", lesson, [1; 16], [2; 16]).unwrap();
    let mut records = BTreeMap::new();
    let item = &lesson.quiz[0];
    let right: Selection = item.correct_options().map(|o| o.id.clone()).collect();
    records.entry(item.id.clone()).or_insert_with(ItemRecord::default).record(right.clone(), &check(item, &right));
    assert!(attempt.completed(lesson, &Summary::of(&lesson.quiz, &records), [[3; 16], [4; 16]]).is_empty());
    let other = &curricula[0].lessons.iter().find(|l| l.id != lesson.id && !l.quiz.is_empty()).unwrap();
    assert!(attempt.answered(other, &other.quiz[0], &right, [4; 16]).is_none(), "another lesson's item");
    let nonsense = Selection::from(["no-such-option".to_owned()]);
    assert!(attempt.answered(lesson, item, &nonsense, [5; 16]).is_none());
    assert!(attempt.answered(lesson, item, &Selection::new(), [5; 16]).is_none());
}

/// The validator must refuse what the specification forbids, or the tests above prove nothing.
#[test]
fn the_validator_refuses_statements_the_specification_forbids() {
    let statements = all_statements();
    let answered = statements.iter().map(|(_, s)| s).find(|s| s["verb"]["id"] == VERB_ANSWERED).unwrap();
    let completed = statements.iter().map(|(_, s)| s).find(|s| s["verb"]["id"] == VERB_COMPLETED).unwrap();
    type Change = fn(&mut Value);
    let breakages: [(&Value, &str, Change); 20] = [
        (answered, "no actor", |s| drop(s.as_object_mut().unwrap().remove("actor"))),
        (answered, "id not a UUID", |s| s["id"] = json!("statement-1")),
        (answered, "id in braces", |s| s["id"] = json!(format!("{{{}}}", s["id"].as_str().unwrap()))),
        (answered, "two identifiers", |s| s["actor"]["mbox"] = json!("mailto:a@example.org")),
        (answered, "account without homePage", |s| {
            drop(s["actor"]["account"].as_object_mut().unwrap().remove("homePage"))
        }),
        (answered, "homePage not an IRL", |s| s["actor"]["account"]["homePage"] = json!("aware")),
        (answered, "verb id not an IRI", |s| s["verb"]["id"] = json!("answered")),
        (answered, "bad language tag", |s| s["object"]["definition"]["name"] = json!({"english!": "x"})),
        (answered, "language map of numbers", |s| s["verb"]["display"] = json!({"en-US": 1})),
        (answered, "unknown interaction type", |s| s["object"]["definition"]["interactionType"] = json!("quiz")),
        (answered, "response names no choice", |s| s["result"]["response"] = json!("zz")),
        (answered, "repeated choice ids", |s| {
            let choices = s["object"]["definition"]["choices"].as_array_mut();
            if let Some(choices) = choices {
                let first = choices[0].clone();
                choices.push(first);
            } else {
                s["object"]["definition"]["choices"] = json!([]);
            }
        }),
        (answered, "unknown property", |s| s["mood"] = json!("happy")),
        (answered, "context language not a tag", |s| s["context"]["language"] = json!("Mongolian language")),
        (answered, "parent not a list of activities", |s| {
            s["context"]["contextActivities"]["parent"] = json!([{"id": 5}])
        }),
        (completed, "scaled above 1", |s| s["result"]["score"]["scaled"] = json!(1.5)),
        (completed, "raw above max", |s| s["result"]["score"]["raw"] = json!(1000)),
        (completed, "min not below max", |s| s["result"]["score"]["min"] = s["result"]["score"]["max"].clone()),
        (completed, "success not a boolean", |s| s["result"]["success"] = json!("yes")),
        (completed, "object type not an activity", |s| s["object"]["objectType"] = json!("Lesson")),
    ];
    for (statement, what, change) in breakages {
        assert!(validate(statement, Version::V2_0_0).is_ok(), "{what}: the original is valid");
        let mut broken = statement.clone();
        change(&mut broken);
        for version in VERSIONS {
            assert!(validate(&broken, version).is_err(), "{what} under {version:?} passed:\n{broken:#}");
        }
    }
}

const VERB_ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";

/// With a campaign's pass mark, a completed quiz is also `passed` or `failed`: the same score,
/// `success` as the mark decides, valid under both versions. Without one (every other test),
/// neither verb is ever sent.
#[test]
fn with_a_pass_mark_a_completed_quiz_is_also_passed_or_failed_with_the_same_score() {
    let mark = PassMark::new(80).unwrap();
    let mut rng = SplitMix64(21);
    for curriculum in curricula() {
        for lesson in curriculum.lessons.iter().filter(|l| !l.quiz.is_empty()) {
            for how in [Play::WrongFirst, Play::RightFirst] {
                let statements = play_marked(&curriculum.locale, lesson, how, Some(mark), &mut rng);
                let [.., completed, judged] = statements.as_slice() else {
                    panic!("{}: too few statements", lesson.id)
                };
                assert_eq!(completed["verb"]["id"], VERB_COMPLETED);
                let score = &completed["result"]["score"];
                let (raw, max) = (score["raw"].as_u64().unwrap() as u32, score["max"].as_u64().unwrap() as u32);
                let passed = mark.is_passed_by(raw, max);
                assert_eq!(passed, how == Play::RightFirst, "{}: right at once passes, wrong first fails", lesson.id);
                assert_eq!(judged["verb"]["id"], if passed { VERB_PASSED } else { VERB_FAILED });
                assert_eq!(judged["object"], completed["object"], "about the same quiz");
                assert_eq!(judged["actor"], completed["actor"], "by the same anonymous attempt");
                assert_ne!(judged["id"], completed["id"]);
                assert_eq!(judged["result"], json!({"score": score, "success": passed, "completion": true}));
                for statement in [completed, judged] {
                    for version in VERSIONS {
                        validate(statement, version)
                            .unwrap_or_else(|why| panic!("{} under {version:?}: {why}", lesson.id));
                    }
                }
            }
        }
    }
    let judged =
        all_statements().into_iter().filter(|(_, s)| s["verb"]["id"] == VERB_PASSED || s["verb"]["id"] == VERB_FAILED);
    assert_eq!(judged.count(), 0, "no pass mark, no passed or failed");
}

// The rules. References are to xAPI-Data.md (1.0.3) sections; 2.0.0 keeps each of them.

type Check = Result<(), String>;

fn fail<T>(why: impl Into<String>) -> Result<T, String> {
    Err(why.into())
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    value.as_object().ok_or_else(|| format!("{what} must be an object"))
}

fn only_keys(map: &Map<String, Value>, allowed: &[&str], what: &str) -> Check {
    match map.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => fail(format!("{what} has no property `{key}`")),
        None => Ok(()),
    }
}

fn string<'a>(value: &'a Value, what: &str) -> Result<&'a str, String> {
    value.as_str().ok_or_else(|| format!("{what} must be a string"))
}

/// §4.2 IRIs: absolute, with a scheme; no spaces.
fn iri(value: &Value, what: &str) -> Check {
    let text = string(value, what)?;
    let (scheme, rest) = text.split_once(':').ok_or(format!("{what} `{text}` is not an absolute IRI"))?;
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !scheme_ok || rest.is_empty() || text.chars().any(char::is_whitespace) {
        return fail(format!("{what} `{text}` is not an absolute IRI"));
    }
    Ok(())
}

/// An IRL: an IRI to be looked up, so http or https.
fn irl(value: &Value, what: &str) -> Check {
    iri(value, what)?;
    let text = string(value, what)?;
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return fail(format!("{what} `{text}` is not an IRL"));
    }
    Ok(())
}

/// §4.4 UUIDs in the standard string form (RFC 4122 variant).
fn uuid(value: &Value, what: &str) -> Check {
    let text = string(value, what)?;
    let groups: Vec<&str> = text.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let hex = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()));
    let variant = groups.get(3).and_then(|g| g.chars().next()).is_some_and(|c| "89abAB".contains(c));
    if lengths != [8, 4, 4, 4, 12] || !hex || !variant {
        return fail(format!("{what} `{text}` is not a UUID in standard form"));
    }
    Ok(())
}

/// RFC 5646 language tags, as far as their shape goes: a 2–3 letter language, then subtags
/// of 1–8 letters or digits.
fn language_tag(tag: &str, what: &str) -> Check {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let language_ok = (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !language_ok || !rest_ok {
        return fail(format!("{what}: `{tag}` is not an RFC 5646 language tag"));
    }
    Ok(())
}

/// §5.2 language maps: tags to strings.
fn language_map(value: &Value, what: &str) -> Check {
    for (tag, text) in object(value, what)? {
        language_tag(tag, what)?;
        string(text, what)?;
    }
    Ok(())
}

fn validate(statement: &Value, version: Version) -> Check {
    let statement = object(statement, "a statement")?;
    // §2.4 Statement properties.
    only_keys(
        statement,
        &[
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        ],
        "a statement",
    )?;
    for required in ["actor", "verb", "object"] {
        if !statement.contains_key(required) {
            return fail(format!("a statement needs `{required}`"));
        }
    }
    if let Some(id) = statement.get("id") {
        uuid(id, "id")?;
    }
    agent(&statement["actor"])?;
    let verb = object(&statement["verb"], "verb")?;
    only_keys(verb, &["id", "display"], "verb")?;
    iri(verb.get("id").unwrap_or(&Value::Null), "verb.id")?;
    if let Some(display) = verb.get("display") {
        language_map(display, "verb.display")?;
    }
    let definition = activity(&statement["object"], "object")?;
    if let Some(result) = statement.get("result") {
        validate_result(result, definition)?;
    }
    if let Some(context) = statement.get("context") {
        validate_context(context, version)?;
    }
    Ok(())
}

/// §2.4.2.1 Agent: an optional objectType, an optional name, exactly one identifier.
fn agent(value: &Value) -> Check {
    let actor = object(value, "actor")?;
    only_keys(actor, &["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"], "an agent")?;
    if actor.get("objectType").is_some_and(|t| t != "Agent") {
        return fail("actor.objectType must be Agent");
    }
    let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].iter().filter(|k| actor.contains_key(**k)).count();
    if identifiers != 1 {
        return fail(format!("an agent needs exactly one identifier, has {identifiers}"));
    }
    if let Some(account) = actor.get("account") {
        let account = object(account, "account")?;
        only_keys(account, &["homePage", "name"], "an account")?;
        irl(account.get("homePage").unwrap_or(&Value::Null), "account.homePage")?;
        string(account.get("name").unwrap_or(&Value::Null), "account.name")?;
    }
    Ok(())
}

/// §2.4.4.1 Activity; returns its definition.
fn activity<'a>(value: &'a Value, what: &str) -> Result<Option<&'a Map<String, Value>>, String> {
    let activity = object(value, what)?;
    only_keys(activity, &["objectType", "id", "definition"], what)?;
    if activity.get("objectType").is_some_and(|t| t != "Activity") {
        return fail(format!("{what}.objectType must be Activity"));
    }
    iri(activity.get("id").unwrap_or(&Value::Null), &format!("{what}.id"))?;
    let Some(definition) = activity.get("definition") else { return Ok(None) };
    let definition = object(definition, "definition")?;
    only_keys(
        definition,
        &[
            "name",
            "description",
            "type",
            "moreInfo",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps",
            "extensions",
        ],
        "a definition",
    )?;
    for map in ["name", "description"] {
        if let Some(value) = definition.get(map) {
            language_map(value, map)?;
        }
    }
    if let Some(kind) = definition.get("type") {
        iri(kind, "definition.type")?;
    }
    interaction(definition)?;
    Ok(Some(definition))
}

/// §2.4.4.1 Interaction activities.
fn interaction(definition: &Map<String, Value>) -> Check {
    const TYPES: [&str; 10] = [
        "true-false",
        "choice",
        "fill-in",
        "long-fill-in",
        "matching",
        "performance",
        "sequencing",
        "likert",
        "numeric",
        "other",
    ];
    let Some(kind) = definition.get("interactionType") else {
        if definition.contains_key("correctResponsesPattern") || definition.contains_key("choices") {
            return fail("interaction properties without an interactionType");
        }
        return Ok(());
    };
    let kind = string(kind, "interactionType")?;
    if !TYPES.contains(&kind) {
        return fail(format!("`{kind}` is not an interaction type"));
    }
    let choices = choice_ids(definition)?;
    if choices.is_some() && !matches!(kind, "choice" | "sequencing") {
        return fail(format!("a {kind} interaction has no choices"));
    }
    if let Some(patterns) = definition.get("correctResponsesPattern") {
        let patterns = patterns.as_array().ok_or("correctResponsesPattern must be an array")?;
        for pattern in patterns {
            response(string(pattern, "a correct response pattern")?, kind, choices.as_ref())?;
        }
    }
    Ok(())
}

fn choice_ids(definition: &Map<String, Value>) -> Result<Option<BTreeSet<String>>, String> {
    let Some(choices) = definition.get("choices") else { return Ok(None) };
    let choices = choices.as_array().ok_or("choices must be an array")?;
    let mut ids = BTreeSet::new();
    for choice in choices {
        let choice = object(choice, "a choice")?;
        only_keys(choice, &["id", "description"], "an interaction component")?;
        let id = string(choice.get("id").unwrap_or(&Value::Null), "a choice id")?;
        if id.is_empty() || id.contains(char::is_whitespace) || !ids.insert(id.to_owned()) {
            return fail(format!("choice id `{id}` is empty, has spaces or repeats"));
        }
        if let Some(description) = choice.get("description") {
            language_map(description, "a choice's description")?;
        }
    }
    Ok(Some(ids))
}

/// The response formats of §2.4.4.1 for the interaction types Aware uses.
fn response(text: &str, kind: &str, choices: Option<&BTreeSet<String>>) -> Check {
    match kind {
        "true-false" if text == "true" || text == "false" => Ok(()),
        "true-false" => fail(format!("a true-false response is true or false, not `{text}`")),
        "choice" => {
            let choices = choices.ok_or("a choice interaction lists its choices")?;
            match text.split("[,]").find(|id| !choices.contains(*id)) {
                Some(id) => fail(format!("response `{id}` is not a choice")),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// §2.4.5 Result.
fn validate_result(value: &Value, definition: Option<&Map<String, Value>>) -> Check {
    let result = object(value, "result")?;
    only_keys(result, &["score", "success", "completion", "response", "duration", "extensions"], "result")?;
    for flag in ["success", "completion"] {
        if result.get(flag).is_some_and(|v| !v.is_boolean()) {
            return fail(format!("result.{flag} must be a boolean"));
        }
    }
    if let Some(text) = result.get("response") {
        let text = string(text, "result.response")?;
        if let Some(definition) = definition
            && let Some(kind) = definition.get("interactionType").and_then(Value::as_str)
        {
            response(text, kind, choice_ids(definition)?.as_ref())?;
        }
    }
    if let Some(score) = result.get("score") {
        let score = object(score, "score")?;
        only_keys(score, &["scaled", "raw", "min", "max"], "score")?;
        let number = |key: &str| -> Result<Option<f64>, String> {
            score.get(key).map(|v| v.as_f64().ok_or(format!("score.{key} must be a number"))).transpose()
        };
        let (scaled, raw, min, max) = (number("scaled")?, number("raw")?, number("min")?, number("max")?);
        if scaled.is_some_and(|s| !(-1.0..=1.0).contains(&s)) {
            return fail("score.scaled must lie in [-1, 1]");
        }
        if let (Some(min), Some(max)) = (min, max)
            && min >= max
        {
            return fail("score.max must be greater than score.min");
        }
        if raw.is_some_and(|raw| min.is_some_and(|min| raw < min) || max.is_some_and(|max| raw > max)) {
            return fail("score.raw must lie between min and max");
        }
    }
    Ok(())
}

/// §2.4.6 Context.
fn validate_context(value: &Value, version: Version) -> Check {
    let context = object(value, "context")?;
    let mut allowed = vec![
        "registration",
        "instructor",
        "team",
        "contextActivities",
        "revision",
        "platform",
        "language",
        "statement",
        "extensions",
    ];
    if let Version::V2_0_0 = version {
        allowed.extend(["contextAgents", "contextGroups"]);
    }
    only_keys(context, &allowed, "context")?;
    if let Some(registration) = context.get("registration") {
        uuid(registration, "context.registration")?;
    }
    if let Some(language) = context.get("language") {
        language_tag(string(language, "context.language")?, "context.language")?;
    }
    if let Some(activities) = context.get("contextActivities") {
        let activities = object(activities, "contextActivities")?;
        only_keys(activities, &["parent", "grouping", "category", "other"], "contextActivities")?;
        for (key, list) in activities {
            // 1.0.3 also accepts a single activity; 2.0.0 and every store's answers use arrays.
            let list = list.as_array().ok_or(format!("contextActivities.{key} must be an array"))?;
            for activity_value in list {
                activity(activity_value, &format!("contextActivities.{key}[]"))?;
            }
        }
    }
    Ok(())
}
