//! Anonymous studies (`aware_core::study`): participant codes, records, the results file, the
//! CSV export and small-cell suppression. One module per source file; each test names the
//! behaviour it protects. The check character's algebraic proof is in `study/code.rs`'s unit
//! tests; here it is exercised through `parse`, as a student meets it.

use std::collections::{BTreeMap, BTreeSet};

use aware_core::study::code::{ALPHABET, RANDOM_BYTES};
use aware_core::study::{
    Answer, Chosen, Code, Date, Form, Id, Likert, Locale, ParseError, Phase, Record, RecordError, Response, StudyId,
};

/// Deterministic test data, so every failure can be replayed.
use aware_core::rng::SplitMix64 as Rng;

fn id(text: &str) -> Id {
    Id::new(text).unwrap_or_else(|err| panic!("{text:?} is not an id: {err}"))
}

fn locale(tag: &str) -> Locale {
    Locale::new(tag).unwrap_or_else(|| panic!("{tag:?} is not a locale"))
}

fn code(text: &str) -> Code {
    Code::parse(text).unwrap_or_else(|err| panic!("{text:?} is not a code: {err}"))
}

fn study_id(text: &str) -> StudyId {
    StudyId::parse(text).unwrap_or_else(|err| panic!("{text:?} is not a study id: {err}"))
}

fn chose(options: &[&str]) -> Response {
    Response::Chose(options.iter().map(|option| id(option)).collect())
}

fn likert(value: u8) -> Response {
    Response::Likert(Likert::new(value).expect("a value on the scale"))
}

/// A record with the given answers (`item`, version, response); the rest fixed.
fn record(code_text: &str, phase: Phase, form: Form, answers: &[(&str, u32, Response)]) -> Record {
    Record {
        study: study_id("ACDEFHJKM7"),
        code: code(code_text),
        phase,
        form,
        locale: locale("mn"),
        content_version: 3,
        date: Date::new(2025, 3, 14).expect("a real day"),
        answers: answers
            .iter()
            .map(|(item, version, response)| (id(item), Answer { version: *version, response: response.clone() }))
            .collect(),
    }
}

/// A valid record of arbitrary content, for round trips and merges.
fn random_record(rng: &mut Rng) -> Record {
    let locales = ["mn", "en", "ru", "mn-Cyrl-MN", "kk"];
    let mut answers = BTreeMap::new();
    for _ in 0..=rng.below(30) {
        let item = id(&format!("item-{}", rng.below(60)));
        let response = match rng.below(3) {
            0 => {
                let options: Chosen = (0..=rng.below(4))
                    .map(|_| id(rng.pick::<&str>(&["a", "b", "c", "d", "e", "true", "false"])))
                    .collect();
                Response::Chose(options)
            }
            1 => Response::Likert(Likert::new(1 + rng.below(5) as u8).expect("1 to 5")),
            _ => Response::Declined,
        };
        answers.insert(item, Answer { version: rng.below(5) as u32, response });
    }
    Record {
        study: StudyId::generate(&rng.bytes()),
        code: Code::generate(&rng.bytes()),
        phase: *rng.pick(&Phase::ALL),
        form: *rng.pick(&Form::ALL),
        locale: locale(rng.pick::<&str>(&locales)),
        content_version: rng.next_u64() as u32,
        date: Date::new(2000 + rng.below(100) as u16, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
            .expect("days 1-28 exist in every month"),
        answers,
    }
}

mod code {
    use aware_core::study::code::{Sheet, SheetError};

    use super::*;

    /// The check character computed independently of the library: weights n..1 from the left,
    /// total divisible by 23.
    fn with_check(payload: &str, len: usize) -> String {
        let value = |c: char| ALPHABET.iter().position(|&a| char::from(a) == c).expect("payload uses the alphabet");
        let sum: usize = payload.chars().zip((2..=len).rev()).map(|(c, weight)| weight * value(c)).sum();
        let check = (23 - sum % 23) % 23;
        format!("{payload}{}", char::from(ALPHABET[check]))
    }

    fn check_parse(input: &str, expected: Result<&str, ParseError>) {
        let parsed = Code::parse(input).map(|code| code.compact());
        assert_eq!(parsed, expected.map(str::to_owned), "parsing {input:?}");
    }

    #[test]
    fn alphabet_leaves_out_every_confusable_character() {
        let alphabet: String = ALPHABET.iter().map(|&c| char::from(c)).collect();
        assert_eq!(alphabet, "346789ACDEFHJKMNPRTVWXY");
        for confusable in "0O1IL5S2Z".chars() {
            assert!(!alphabet.contains(confusable), "{confusable} is in the alphabet");
        }
    }

    #[test]
    fn known_codes_have_the_check_character_of_the_published_scheme() {
        // Worked by hand: K7M4P → 6·13 + 5·3 + 4·14 + 3·1 + 2·16 = 184 = 8·23, check value 0 = '3'.
        assert_eq!(with_check("K7M4P", 6), "K7M4P3");
        assert_eq!(with_check("X9TRW", 6), "X9TRWD");
        assert_eq!(with_check("ACDEFHJKM", 10), "ACDEFHJKM7");
        check_parse("K7M4P3", Ok("K7M4P3"));
        check_parse("X9TRWD", Ok("X9TRWD"));
        assert_eq!(StudyId::parse("ACDEFHJKM7").map(|study| study.compact()), Ok("ACDEFHJKM7".to_owned()));
    }

    #[test]
    fn codes_are_read_whatever_the_case_spaces_and_dashes() {
        check_parse("k7m4p3", Ok("K7M4P3"));
        check_parse("K7M-4P3", Ok("K7M4P3"));
        check_parse("  k7m 4p3 ", Ok("K7M4P3"));
        check_parse("K-7-M-4-P-3", Ok("K7M4P3"));
        check_parse("K7M\t4P3\n", Ok("K7M4P3"));
        check_parse("K7M–4P3", Ok("K7M4P3")); // en dash, as phones autocorrect
        check_parse("K7M\u{2011}4P3", Ok("K7M4P3")); // non-breaking hyphen
    }

    #[test]
    fn lookalikes_are_read_as_the_character_they_look_like() {
        // Cyrillic capitals from a Mongolian keyboard: К, М, Р.
        check_parse("К7М4Р3", Ok("K7M4P3"));
        check_parse("к7м4р3", Ok("K7M4P3"));
        // З looks like 3; Х like X; Т like T; В and B like 8; G like 6; U like V.
        check_parse("K7M4PЗ", Ok("K7M4P3"));
        check_parse("Х9ТRWD", Ok("X9TRWD"));
        let with_eight = with_check("8ACDE", 6);
        check_parse(&with_eight.replacen('8', "B", 1), Ok(&with_eight));
        check_parse(&with_eight.replacen('8', "В", 1), Ok(&with_eight));
        let with_six_and_v = with_check("6VACD", 6);
        check_parse(&with_six_and_v.replacen('6', "g", 1).replacen('V', "U", 1), Ok(&with_six_and_v));
    }

    #[test]
    fn parse_errors_say_what_is_wrong_and_where() {
        check_parse("", Err(ParseError::Empty));
        check_parse(" - ", Err(ParseError::Empty));
        check_parse("K7M4P", Err(ParseError::WrongLength { expected: 6, found: 5 }));
        check_parse("K7M-4P3-3", Err(ParseError::WrongLength { expected: 6, found: 7 }));
        // Positions count code characters from 1, not the dash.
        check_parse("K7M-0P3", Err(ParseError::NotInAlphabet { position: 4, found: '0' }));
        check_parse("O7M4P3", Err(ParseError::NotInAlphabet { position: 1, found: 'O' }));
        check_parse("K7M4P35S", Err(ParseError::NotInAlphabet { position: 7, found: '5' }));
        check_parse("K7M4P😀", Err(ParseError::NotInAlphabet { position: 6, found: '😀' }));
        check_parse("K7M4P4", Err(ParseError::CheckFailed));
        assert_eq!(Code::parse("K7M-0P3").unwrap_err().to_string(), "character 4 ('0') is never used in codes");
    }

    #[test]
    fn code_is_shown_in_two_groups_and_study_id_in_two_groups_of_five() {
        assert_eq!(code("k7m4p3").to_string(), "K7M-4P3");
        assert_eq!(study_id("acdefhjkm7").to_string(), "ACDEF-HJKM7");
        assert_eq!(format!("{:?}", code("K7M4P3")), "Code(K7M4P3)");
    }

    #[test]
    fn generated_codes_depend_only_on_the_random_bytes() {
        // x = 1: values 1,0,0,0,0 → sum 6·1 → check value 17 = 'R'.
        assert_eq!(Code::generate(&[1, 0, 0, 0, 0, 0, 0, 0]).compact(), "43333R");
        assert_eq!(Code::generate(&[0; 8]).compact(), "333333");
        assert_eq!(StudyId::generate(&[0; 8]).compact(), "3333333333");
        let mut rng = Rng(7);
        let bytes = rng.bytes();
        assert_eq!(Code::generate(&bytes), Code::generate(&bytes));
    }

    #[test]
    fn generated_codes_read_back_as_printed() {
        let mut rng = Rng(1);
        for _ in 0..2000 {
            let generated = Code::generate(&rng.bytes());
            assert_eq!(Code::parse(&generated.to_string()), Ok(generated));
            assert_eq!(Code::parse(&generated.compact().to_lowercase()), Ok(generated));
            let study = StudyId::generate(&rng.bytes());
            assert_eq!(StudyId::parse(&study.to_string()), Ok(study));
        }
    }

    /// Every string one substitution or one swap of two characters away from `valid`.
    fn one_typo_away(valid: &str) -> Vec<String> {
        let chars: Vec<char> = valid.chars().collect();
        let mut typos = Vec::new();
        for position in 0..chars.len() {
            for &replacement in ALPHABET {
                let replacement = char::from(replacement);
                if replacement != chars[position] {
                    let mut typo = chars.clone();
                    typo[position] = replacement;
                    typos.push(typo.into_iter().collect());
                }
            }
            for other in position + 1..chars.len() {
                if chars[position] != chars[other] {
                    let mut typo = chars.clone();
                    typo.swap(position, other);
                    typos.push(typo.into_iter().collect());
                }
            }
        }
        typos
    }

    #[test]
    fn every_single_typo_and_every_swap_is_caught_in_a_sample_of_codes() {
        let mut rng = Rng(2);
        let mut checked = 0;
        for _ in 0..500 {
            let valid = Code::generate(&rng.bytes()).compact();
            for typo in one_typo_away(&valid) {
                assert_eq!(Code::parse(&typo), Err(ParseError::CheckFailed), "{valid} → {typo} was not caught");
                checked += 1;
            }
            let study = StudyId::generate(&rng.bytes()).compact();
            for typo in one_typo_away(&study) {
                assert_eq!(StudyId::parse(&typo), Err(ParseError::CheckFailed), "{study} → {typo} was not caught");
                checked += 1;
            }
        }
        // 6·22 substitutions + up to 15 swaps per code; 10·22 + up to 45 per study id.
        assert!(checked > 500 * (6 * 22 + 10 * 22), "only {checked} typos checked");
    }

    #[test]
    fn every_adjacent_swap_is_caught_even_through_separators() {
        let mut rng = Rng(3);
        for _ in 0..500 {
            let valid = Code::generate(&rng.bytes()).compact();
            let chars: Vec<char> = valid.chars().collect();
            for i in 0..chars.len() - 1 {
                if chars[i] != chars[i + 1] {
                    let mut swapped = chars.clone();
                    swapped.swap(i, i + 1);
                    let typed: String = swapped[..3].iter().chain(['-'].iter()).chain(&swapped[3..]).collect();
                    assert_eq!(Code::parse(&typed), Err(ParseError::CheckFailed), "{valid} → {typed}");
                }
            }
        }
    }

    #[test]
    fn a_sheet_holds_the_requested_number_of_distinct_codes() {
        let mut rng = Rng(4);
        let study = StudyId::generate(&rng.bytes());
        let sheet = Sheet::generate(study, 300, &mut || rng.bytes()).expect("a working random source");
        assert_eq!(sheet.study(), study);
        assert_eq!(sheet.codes().len(), 300);
        let distinct: BTreeSet<Code> = sheet.codes().iter().copied().collect();
        assert_eq!(distinct.len(), 300);
    }

    #[test]
    fn a_sheet_skips_a_repeated_draw() {
        let draws = [[1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0, 0, 0]];
        let mut next = draws.into_iter();
        let sheet = Sheet::generate(study_id("ACDEFHJKM7"), 2, &mut || next.next().expect("enough draws"))
            .expect("two distinct codes");
        let codes: Vec<String> = sheet.codes().iter().map(Code::compact).collect();
        assert_eq!(codes, [Code::generate(&draws[0]).compact(), Code::generate(&draws[2]).compact()]);
    }

    #[test]
    fn a_sheet_refuses_impossible_requests_and_broken_randomness() {
        let study = study_id("ACDEFHJKM7");
        let mut rng = Rng(5);
        assert_eq!(Sheet::generate(study, 0, &mut || rng.bytes()), Err(SheetError::NoCodes));
        assert_eq!(
            Sheet::generate(study, Sheet::MAX_CODES + 1, &mut || rng.bytes()),
            Err(SheetError::TooMany { requested: Sheet::MAX_CODES + 1, max: Sheet::MAX_CODES })
        );
        let mut calls = 0;
        let stuck = Sheet::generate(study, 2, &mut || {
            calls += 1;
            [9; RANDOM_BYTES]
        });
        assert_eq!(stuck, Err(SheetError::RandomnessRepeats));
        assert!(calls < 100, "a stuck random source was called {calls} times");
    }
}

mod record {
    use aware_core::study::record::IdError;

    use super::*;

    fn check_date(text: &str, expected: Option<(u16, u8, u8)>) {
        let parsed = Date::parse(text);
        assert_eq!(parsed.map(|date| (date.year(), date.month(), date.day())), expected, "parsing {text:?}");
        if let Some(date) = parsed {
            assert_eq!(date.to_string(), text, "a parsed date prints as it was written");
        }
    }

    #[test]
    fn dates_are_calendar_days_only() {
        check_date("2025-03-14", Some((2025, 3, 14)));
        check_date("2024-02-29", Some((2024, 2, 29)));
        check_date("2000-02-29", Some((2000, 2, 29)));
        check_date("2025-12-31", Some((2025, 12, 31)));
        check_date("1970-01-01", Some((1970, 1, 1)));
        check_date("2025-02-29", None);
        check_date("1900-02-29", None);
        check_date("2025-04-31", None);
        check_date("2025-13-01", None);
        check_date("2025-00-10", None);
        check_date("2025-01-00", None);
        check_date("2025-3-14", None);
        check_date("2025/03/14", None);
        check_date("20250314", None);
        check_date("0999-01-01", None);
        // A time of day cannot ride along.
        check_date("2025-03-14T09:41", None);
        check_date("2025-03-14 09:41:00", None);
        check_date("2025-03-14Z", None);
        check_date(" 2025-03-14", None);
        check_date("２０２５-03-14", None);
        check_date("", None);
    }

    #[test]
    fn likert_values_are_one_to_five() {
        let accepted: Vec<u8> = (0..=255).filter(|&value| Likert::new(value).is_some()).collect();
        assert_eq!(accepted, [1, 2, 3, 4, 5]);
    }

    fn check_id(text: &str, expected: Result<(), IdError>) {
        assert_eq!(Id::new(text).map(|_| ()), expected, "id {text:?}");
    }

    #[test]
    fn ids_use_the_content_id_syntax() {
        check_id("three-parts", Ok(()));
        check_id("q1", Ok(()));
        check_id("a", Ok(()));
        check_id(&"x".repeat(64), Ok(()));
        check_id("", Err(IdError::Empty));
        check_id(&"x".repeat(65), Err(IdError::TooLong { max: 64 }));
        check_id("Three-parts", Err(IdError::Syntax));
        check_id("-a", Err(IdError::Syntax));
        check_id("a-", Err(IdError::Syntax));
        check_id("a b", Err(IdError::Syntax));
        check_id("a_b", Err(IdError::Syntax));
        check_id("a,b", Err(IdError::Syntax));
        check_id("=1+1", Err(IdError::Syntax));
        check_id("ä", Err(IdError::Syntax));
    }

    #[test]
    fn locales_are_language_tags_in_canonical_form() {
        let check = |tag: &str, expected: Option<&str>| {
            assert_eq!(Locale::new(tag).as_ref().map(Locale::as_str), expected, "locale {tag:?}");
        };
        check("mn", Some("mn"));
        check("en-us", Some("en-US"));
        check("mn-cyrl-mn", Some("mn-Cyrl-MN"));
        check("", None);
        check("not a tag", None);
        check("en-", None);
        check(&format!("en-{}", "a".repeat(40)), None);
        // A variant is a free word: "mn-boldbaat" could name a student.
        check("mn-boldbaat", None);
        check("en-US-posix", None);
    }

    fn check_validate(answers: &[(&str, u32, Response)], expected: Result<(), RecordError>) {
        let record = record("K7M4P3", Phase::Pre, Form::A, answers);
        assert_eq!(record.validate(), expected, "answers {answers:?}");
    }

    #[test]
    fn records_need_answers_within_limits() {
        check_validate(&[("q1", 1, chose(&["a"]))], Ok(()));
        check_validate(&[("q1", 1, likert(3)), ("q2", 1, Response::Declined)], Ok(()));
        check_validate(&[], Err(RecordError::NoAnswers));
        check_validate(&[("q1", 1, chose(&[]))], Err(RecordError::NothingChosen { item: id("q1") }));
        let options: Vec<String> = (0..17).map(|n| format!("o{n}")).collect();
        let options: Vec<&str> = options.iter().map(String::as_str).collect();
        check_validate(
            &[("q1", 1, chose(&options))],
            Err(RecordError::TooManyOptions { item: id("q1"), count: 17, max: Record::MAX_CHOSEN }),
        );
        let items: Vec<String> = (0..=Record::MAX_ANSWERS).map(|n| format!("q{n}")).collect();
        let many: Vec<(&str, u32, Response)> = items.iter().map(|item| (item.as_str(), 1, likert(1))).collect();
        check_validate(&many[..Record::MAX_ANSWERS], Ok(()));
        check_validate(&many, Err(RecordError::TooManyAnswers { count: 101, max: 100 }));
    }

    #[test]
    fn the_key_is_study_code_phase_and_form() {
        let pre = record("K7M4P3", Phase::Pre, Form::A, &[("q1", 1, likert(3))]);
        let post = record("K7M4P3", Phase::Post, Form::A, &[("q1", 1, likert(3))]);
        let other_answers = record("K7M4P3", Phase::Pre, Form::A, &[("q1", 1, likert(5))]);
        assert_ne!(pre.key(), post.key());
        assert_eq!(pre.key(), other_answers.key());
        assert!(pre.key() < post.key(), "pre sorts before post");
    }
}

mod file {
    use aware_core::study::ImportError;
    use aware_core::study::ResultsFile;
    use aware_core::study::file::{MAX_FILE_BYTES, MergeReport};
    use aware_core::study::record::IdError;
    use aware_core::study::{Allowed, Vocabulary};

    use super::*;

    /// The version 1 document written by the first release; it must keep loading forever.
    const V1_FIXTURE: &str = r#"{"format":"aware-results","version":1,"records":[{"study":"ACDEFHJKM7","code":"K7M4P3","phase":"pre","form":"A","locale":"mn","content_version":3,"date":"2025-03-14","answers":[{"item":"feel-safe","version":1,"response":{"likert":4}},{"item":"red-flags","version":1,"response":{"chose":["a","c"]}},{"item":"three-parts","version":2,"response":"declined"}]}]}"#;

    fn fixture_record() -> Record {
        record(
            "K7M4P3",
            Phase::Pre,
            Form::A,
            &[
                ("three-parts", 2, Response::Declined),
                ("feel-safe", 1, likert(4)),
                ("red-flags", 1, chose(&["c", "a"])),
            ],
        )
    }

    fn file(records: Vec<Record>) -> ResultsFile {
        ResultsFile::new(records).unwrap_or_else(|err| panic!("not a valid file: {err}"))
    }

    fn check_import(json: &str, expected: ImportError) {
        assert_eq!(ResultsFile::decode(json.as_bytes()), Err(expected), "importing {json}");
    }

    /// The fixture with `from` replaced by `to` (which must occur).
    fn fixture_with(from: &str, to: &str) -> String {
        assert!(V1_FIXTURE.contains(from), "{from} is not in the fixture");
        V1_FIXTURE.replacen(from, to, 1)
    }

    fn bad_record(record: usize, problem: RecordError) -> ImportError {
        ImportError::BadRecord { record, problem }
    }

    #[test]
    fn version_1_document_is_read() {
        assert_eq!(ResultsFile::decode(V1_FIXTURE.as_bytes()), Ok(file(vec![fixture_record()])));
    }

    #[test]
    fn encoding_writes_the_version_1_document() {
        assert_eq!(file(vec![fixture_record()]).encode().as_deref(), Ok(V1_FIXTURE));
    }

    #[test]
    fn encoded_files_decode_unchanged() {
        let mut rng = Rng(10);
        for size in 0..40 {
            let records: Vec<Record> = (0..size).map(|_| random_record(&mut rng)).collect();
            let original = file(records);
            let json = original.encode().expect("small files encode");
            assert_eq!(ResultsFile::decode(json.as_bytes()), Ok(original), "round trip of {json}");
        }
    }

    #[test]
    fn records_are_kept_in_key_order_not_arrival_order() {
        let late = record("K7M4P3", Phase::Post, Form::B, &[("q", 1, likert(2))]);
        let early = record("K7M4P3", Phase::Pre, Form::A, &[("q", 1, likert(2))]);
        let other = record("X9TRWD", Phase::Pre, Form::A, &[("q", 1, likert(2))]);
        let held = file(vec![other.clone(), late.clone(), early.clone()]);
        let order: Vec<&Record> = held.records().collect();
        assert_eq!(order, [&early, &late, &other]);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), V1_FIXTURE.as_bytes()].concat();
        assert_eq!(ResultsFile::decode(&with_bom), Ok(file(vec![fixture_record()])));
    }

    #[test]
    fn other_files_are_recognised_as_not_results() {
        check_import("", ImportError::NotJson { line: 1, column: 0 });
        check_import("hello", ImportError::NotJson { line: 1, column: 1 });
        check_import("{\n\"format\":", ImportError::NotJson { line: 2, column: 9 });
        check_import("[]", ImportError::NotAResultsFile);
        check_import("42", ImportError::NotAResultsFile);
        check_import("null", ImportError::NotAResultsFile);
        check_import(r#"{"schema":2,"lessons":{}}"#, ImportError::NotAResultsFile);
        check_import(r#"{"format":2,"locale":"mn","lessons":[]}"#, ImportError::NotAResultsFile);
        check_import(r#"{"format":"aware-progress","version":1}"#, ImportError::NotAResultsFile);
        let truncated = &V1_FIXTURE[..V1_FIXTURE.len() / 2];
        assert!(matches!(ResultsFile::decode(truncated.as_bytes()), Err(ImportError::NotJson { .. })));
    }

    #[test]
    fn files_from_other_versions_are_refused_with_the_version() {
        check_import(
            r#"{"format":"aware-results","version":2,"records":[]}"#,
            ImportError::UnsupportedVersion { found: 2 },
        );
        check_import(
            r#"{"format":"aware-results","version":0,"records":[]}"#,
            ImportError::UnsupportedVersion { found: 0 },
        );
        check_import(
            r#"{"format":"aware-results","records":[]}"#,
            ImportError::Malformed { detail: "the version is missing".to_owned() },
        );
        check_import(
            r#"{"format":"aware-results","version":"1","records":[]}"#,
            ImportError::Malformed { detail: "the version is not a whole number".to_owned() },
        );
        assert_eq!(
            ResultsFile::decode(br#"{"format":"aware-results","version":2}"#).unwrap_err().to_string(),
            "the file was made by a newer version of Aware (format 2); update the app"
        );
    }

    #[test]
    fn a_damaged_outer_structure_is_named() {
        let check_detail = |json: &str, expected: &str| match ResultsFile::decode(json.as_bytes()) {
            Err(ImportError::Malformed { detail }) => assert!(detail.contains(expected), "{detail:?} for {json}"),
            other => panic!("{json} gave {other:?}"),
        };
        check_detail(r#"{"format":"aware-results","version":1}"#, "missing field `records`");
        check_detail(r#"{"format":"aware-results","version":1,"records":{}}"#, "invalid type: map");
        check_detail(
            r#"{"format":"aware-results","version":1,"records":[],"school":"No. 5"}"#,
            "unknown field `school`",
        );
    }

    #[test]
    fn a_bad_record_is_reported_with_its_number_and_problem() {
        let two_records = |second: &str| {
            let first = &V1_FIXTURE[V1_FIXTURE.find("[{").unwrap() + 1..V1_FIXTURE.rfind("]}").unwrap()];
            format!(r#"{{"format":"aware-results","version":1,"records":[{first},{second}]}}"#)
        };
        let second = fixture_with(r#""code":"K7M4P3""#, r#""code":"K7M-0P3""#);
        let second = &second[second.find("[{").unwrap() + 1..second.rfind("]}").unwrap()];
        check_import(
            &two_records(second),
            bad_record(2, RecordError::Code(ParseError::NotInAlphabet { position: 4, found: '0' })),
        );
        assert_eq!(
            ResultsFile::decode(two_records(second).as_bytes()).unwrap_err().to_string(),
            "result 2: the participant code is not valid: character 4 ('0') is never used in codes"
        );

        check_import(
            &fixture_with(r#""study":"ACDEFHJKM7""#, r#""study":"ACDEFHJKM8""#),
            bad_record(1, RecordError::StudyId(ParseError::CheckFailed)),
        );
        check_import(
            &fixture_with(r#""phase":"pre""#, r#""phase":"before""#),
            bad_record(1, RecordError::Phase { found: "before".to_owned() }),
        );
        check_import(
            &fixture_with(r#""form":"A""#, r#""form":"a""#),
            bad_record(1, RecordError::Form { found: "a".to_owned() }),
        );
        check_import(
            &fixture_with(r#""locale":"mn""#, r#""locale":"not a tag""#),
            bad_record(1, RecordError::Locale { found: "not a tag".to_owned() }),
        );
        check_import(
            &fixture_with(r#""date":"2025-03-14""#, r#""date":"2025-03-14T09:41:07Z""#),
            bad_record(1, RecordError::Date { found: "2025-03-14T09:41:07Z".to_owned() }),
        );
        check_import(
            &fixture_with(r#""likert":4"#, r#""likert":6"#),
            bad_record(1, RecordError::Likert { item: id("feel-safe"), found: 6 }),
        );
        check_import(
            &fixture_with(r#""likert":4"#, r#""likert":-300"#),
            bad_record(1, RecordError::Likert { item: id("feel-safe"), found: -300 }),
        );
        check_import(
            &fixture_with(r#""item":"feel-safe""#, r#""item":"Feel safe""#),
            bad_record(1, RecordError::ItemId { found: "Feel safe".to_owned(), problem: IdError::Syntax }),
        );
        check_import(
            &fixture_with(r#"["a","c"]"#, r#"["a","=cmd|' /C calc'!A0"]"#),
            bad_record(
                1,
                RecordError::OptionId {
                    item: id("red-flags"),
                    found: "=cmd|' /C calc'!A0".to_owned(),
                    problem: IdError::Syntax,
                },
            ),
        );
        check_import(
            &fixture_with(r#"["a","c"]"#, r#"["a","a"]"#),
            bad_record(1, RecordError::OptionChosenTwice { item: id("red-flags"), option: id("a") }),
        );
        check_import(
            &fixture_with(r#"["a","c"]"#, "[]"),
            bad_record(1, RecordError::NothingChosen { item: id("red-flags") }),
        );
        check_import(
            &fixture_with(r#""item":"three-parts""#, r#""item":"feel-safe""#),
            bad_record(1, RecordError::ItemAnsweredTwice { item: id("feel-safe") }),
        );
        let answers = &V1_FIXTURE[V1_FIXTURE.find(r#""answers":["#).unwrap()..V1_FIXTURE.rfind("]}]}").unwrap() + 1];
        check_import(&fixture_with(answers, r#""answers":[]"#), bad_record(1, RecordError::NoAnswers));
    }

    /// The app writes files compactly, which the reader reads by their bytes; any other way of
    /// writing the same JSON (spaces, escapes, a record as the list of its fields, as serde
    /// accepted) reads to the same records.
    #[test]
    fn the_same_records_written_any_way_json_allows_read_the_same() {
        let mut rng = Rng(14);
        let file = file((0..6).map(|_| random_record(&mut rng)).collect());
        let compact = file.encode().unwrap();
        let value: serde_json::Value = serde_json::from_str(&compact).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let escaped = compact.replace("\"study\"", "\"st\\u0075dy\"").replace("\"item-", "\"\\u0069tem-");
        let mut as_lists = value.clone();
        for record in as_lists["records"].as_array_mut().unwrap() {
            let fields = ["study", "code", "phase", "form", "locale", "content_version", "date", "answers"];
            *record = serde_json::Value::Array(fields.iter().map(|field| record[*field].clone()).collect());
        }
        let as_lists = serde_json::to_string(&as_lists).unwrap();
        for text in [&compact, &pretty, &escaped, &as_lists] {
            assert_eq!(ResultsFile::decode(text.as_bytes()), Ok(file.clone()), "{text}");
        }
    }

    #[test]
    fn the_reader_gives_each_record_once_in_file_order() {
        let mut rng = Rng(15);
        let records: Vec<Record> = (0..5).map(|_| random_record(&mut rng)).collect();
        let json = file(records.clone()).encode().unwrap();
        let mut seen = Vec::new();
        let count = aware_core::study::Reader::new().read(json.as_bytes(), |record| {
            seen.push(record.to_record()?);
            Ok(())
        });
        assert_eq!(count, Ok(5));
        assert_eq!(seen, file(records).records().cloned().collect::<Vec<_>>(), "in the order written (key order)");
    }

    #[test]
    fn answers_beyond_the_limit_are_counted_not_kept() {
        let answers: Vec<String> =
            (0..150).map(|n| format!(r#"{{"item":"q{n}","version":1,"response":"declined"}}"#)).collect();
        let json = fixture_with(
            &V1_FIXTURE[V1_FIXTURE.find(r#""answers":["#).unwrap()..V1_FIXTURE.rfind("]}]}").unwrap() + 1],
            &format!(r#""answers":[{}]"#, answers.join(",")),
        );
        check_import(&json, bad_record(1, RecordError::TooManyAnswers { count: 150, max: Record::MAX_ANSWERS }));
    }

    #[test]
    fn long_text_in_a_bad_record_is_quoted_shortened() {
        let long = "x".repeat(100);
        let json = fixture_with(r#""phase":"pre""#, &format!(r#""phase":"{long}""#));
        let expected = format!("{}…", "x".repeat(40));
        check_import(&json, bad_record(1, RecordError::Phase { found: expected }));
    }

    #[test]
    fn a_text_longer_than_any_id_is_refused_before_parsing_and_not_quoted() {
        let long = "x".repeat(10_000);
        let json = fixture_with(r#""phase":"pre""#, &format!(r#""phase":"{long}""#));
        let detail = "a text or number longer than 128 bytes at line 1 column 96".to_owned();
        check_import(&json, ImportError::Malformed { detail });
        let number = fixture_with(r#""likert":4"#, &format!(r#""likert":{}"#, "9".repeat(200)));
        assert!(matches!(ResultsFile::decode(number.as_bytes()), Err(ImportError::Malformed { .. })));
        // Outside an object it is simply not a results file.
        check_import(&format!("\"{long}\""), ImportError::NotAResultsFile);
    }

    #[test]
    fn fields_outside_the_format_are_refused_so_no_time_or_name_rides_along() {
        let check_unknown = |json: &str, field: &str| match ResultsFile::decode(json.as_bytes()) {
            Err(ImportError::BadRecord { record: 1, problem: RecordError::Malformed { detail } }) => {
                assert!(detail.contains(&format!("unknown field `{field}`")), "{detail}");
            }
            other => panic!("{json} gave {other:?}"),
        };
        check_unknown(&fixture_with(r#""date":"2025-03-14""#, r#""date":"2025-03-14","time":"09:41""#), "time");
        check_unknown(&fixture_with(r#""code":"K7M4P3""#, r#""code":"K7M4P3","name":"Bat""#), "name");
        check_unknown(&fixture_with(r#""version":2,"#, r#""version":2,"seconds":41,"#), "seconds");
        check_import(
            &fixture_with(r#""response":"declined""#, r#""response":{"declined":true}"#),
            bad_record(
                1,
                RecordError::Malformed {
                    detail: "invalid type: boolean `true`, expected unit at line 1 column 359".to_owned(),
                },
            ),
        );
    }

    /// What the fixture's assessment defines: its three items, their options, two languages.
    fn fixture_vocabulary() -> Vocabulary {
        let mut vocabulary = Vocabulary::new([locale("mn"), locale("en")]);
        vocabulary.allow(id("feel-safe"), Allowed::Likert);
        vocabulary.allow(id("red-flags"), Allowed::Options(["a", "b", "c", "d"].map(id).into()));
        vocabulary.allow(id("three-parts"), Allowed::Options(["a", "b"].map(id).into()));
        vocabulary
    }

    fn check_imported(json: &str, expected: Result<(), RecordError>) {
        let imported = ResultsFile::import(json.as_bytes(), &fixture_vocabulary());
        let expected = expected
            .map(|()| ResultsFile::decode(json.as_bytes()).expect("structurally valid"))
            .map_err(|problem| bad_record(1, problem));
        assert_eq!(imported, expected, "importing {json}");
    }

    #[test]
    fn an_import_accepts_only_the_languages_items_and_options_the_assessment_defines() {
        check_imported(V1_FIXTURE, Ok(()));
        check_imported(
            &fixture_with(r#""item":"three-parts""#, r#""item":"bat-dorj-8b""#),
            Err(RecordError::ItemNotInContent { item: id("bat-dorj-8b") }),
        );
        check_imported(
            &fixture_with(r#"["a","c"]"#, r#"["a","boldbaatar"]"#),
            Err(RecordError::OptionNotInContent { item: id("red-flags"), option: "boldbaatar".to_owned() }),
        );
        check_imported(
            &fixture_with(r#""locale":"mn""#, r#""locale":"ru""#),
            Err(RecordError::LocaleNotInContent { locale: locale("ru") }),
        );
        check_imported(
            &fixture_with(r#"{"chose":["a","c"]}"#, r#"{"likert":2}"#),
            Err(RecordError::WrongKindOfAnswer { item: id("red-flags") }),
        );
        check_imported(
            &fixture_with(r#"{"likert":4}"#, r#"{"chose":["a"]}"#),
            Err(RecordError::WrongKindOfAnswer { item: id("feel-safe") }),
        );
        // Refused by the decoder already, with or without the content.
        check_import(
            &fixture_with(r#""locale":"mn""#, r#""locale":"mn-boldbaat""#),
            bad_record(1, RecordError::Locale { found: "mn-boldbaat".to_owned() }),
        );
    }

    #[test]
    fn the_real_assessment_accepts_the_files_drawn_for_it() {
        let assessment = aware_core::content::compile::compile_assessment(
            std::path::Path::new("../../assessment"),
            std::path::Path::new("../../lessons"),
        )
        .unwrap_or_else(|problems| panic!("assessment/ does not compile: {problems:?}"));
        let json = include_str!("fixtures/report/class-30.results.json");
        let imported = ResultsFile::import(json.as_bytes(), &assessment.vocabulary());
        assert_eq!(imported, ResultsFile::decode(json.as_bytes()));
        assert!(imported.is_ok_and(|file| file.len() > 30));
        let foreign = json.replacen(r#""item": "consent-a""#, r#""item": "consent-z""#, 1);
        assert!(matches!(
            ResultsFile::import(foreign.as_bytes(), &assessment.vocabulary()),
            Err(ImportError::BadRecord { problem: RecordError::ItemNotInContent { .. }, .. })
        ));
    }

    #[test]
    fn the_same_record_twice_in_one_file_is_refused() {
        let duplicated = V1_FIXTURE.replacen("[{", "[{X},{", 1);
        let record_text = &V1_FIXTURE[V1_FIXTURE.find("[{").unwrap() + 2..V1_FIXTURE.rfind("}]").unwrap()];
        let duplicated = duplicated.replacen('X', record_text, 1);
        check_import(&duplicated, ImportError::DuplicateRecord { record: 2, same_as: 1 });
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let huge = vec![b' '; MAX_FILE_BYTES + 1];
        check_import(
            std::str::from_utf8(&huge).unwrap(),
            ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES },
        );
    }

    #[test]
    fn too_many_records_are_refused() {
        let mut rng = Rng(14);
        let mut records = BTreeMap::new();
        while records.len() <= ResultsFile::MAX_RECORDS {
            let record = random_record(&mut rng);
            records.insert(record.key(), record);
        }
        let held = file(records.into_values().take(ResultsFile::MAX_RECORDS).collect());
        let json = held.encode().expect("within the size limit");
        let one_more = json.replacen(r#""records":[{"#, r#""records":[{"study":"ACDEFHJKM7","code":"K7M4P3","phase":"pre","form":"A","locale":"mn","content_version":3,"date":"2025-03-14","answers":[{"item":"q","version":1,"response":"declined"}]},{"#, 1);
        check_import(&one_more, ImportError::TooManyRecords { found: ResultsFile::MAX_RECORDS + 1, max: 5000 });
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        for depth in [200, 100_000] {
            let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            // At the top, an array is refused at its first byte. Inside a record, no field takes
            // nested values, so the reader stops at the first bracket.
            check_import(&deep, ImportError::NotAResultsFile);
            let inside = fixture_with(r#""likert":4"#, &format!(r#""likert":{deep}"#));
            let detail = "invalid type: sequence, expected i64 at line 1 column 230".to_owned();
            check_import(&inside, bad_record(1, RecordError::Malformed { detail }));
            let in_an_unknown_field = fixture_with(r#""form":"A","#, &format!(r#""form":"A","extra":{deep},"#));
            let refused = ResultsFile::decode(in_an_unknown_field.as_bytes());
            assert!(matches!(refused, Err(ImportError::BadRecord { record: 1, .. })), "{refused:?}");
        }
    }

    /// Decoding must return, never panic; anything it accepts must survive a round trip.
    fn check_never_panics(bytes: &[u8]) {
        if let Ok(decoded) = ResultsFile::decode(bytes) {
            let json = decoded.encode().expect("a decoded file encodes");
            assert_eq!(
                ResultsFile::decode(json.as_bytes()),
                Ok(decoded),
                "accepted {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn garbled_bytes_never_panic() {
        let mut rng = Rng(11);
        const JSONISH: &[u8] = b"{}[]\":,0123456789-+.eE truefalsnul\\u\xC3\xA9\xFF";
        for _ in 0..20_000 {
            let len = rng.below(300);
            let random: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
            check_never_panics(&random);
            let jsonish: Vec<u8> = (0..len).map(|_| *rng.pick(JSONISH)).collect();
            check_never_panics(&jsonish);
        }
    }

    #[test]
    fn damaged_results_files_never_panic() {
        let mut rng = Rng(12);
        let valid = file((0..3).map(|_| random_record(&mut rng)).collect()).encode().unwrap().into_bytes();
        const TOKENS: &[&[u8]] = &[
            b"null",
            b"-1",
            b"1e999",
            b"18446744073709551616",
            b"\"\"",
            b"[]",
            b"{}",
            b"\"\\ud800\"",
            b"true",
            b",",
            b"\"",
            b"0",
            b"6",
            b"\"declined\"",
            b"{\"likert\":3}",
            b"\"2024-02-30\"",
            b"\xFF",
        ];
        let mut accepted = 0;
        for _ in 0..6000 {
            let mut bytes = valid.clone();
            for _ in 0..=rng.below(3) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(4) {
                    0 if at < bytes.len() => bytes[at] = rng.next_u64() as u8,
                    1 => bytes.truncate(at),
                    2 => {
                        let end = (at + rng.below(20)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    _ => {
                        let token = *rng.pick(TOKENS);
                        bytes.splice(at..at, token.iter().copied());
                    }
                }
            }
            if ResultsFile::decode(&bytes).is_ok() {
                accepted += 1;
            }
            check_never_panics(&bytes);
        }
        // Some mutations are harmless (a changed digit in a version number); most are not.
        assert!(accepted > 0 && accepted < 6000, "{accepted} of 6000 damaged files accepted");
    }

    #[test]
    fn merging_adds_new_records_and_skips_exact_duplicates() {
        let a = record("K7M4P3", Phase::Pre, Form::A, &[("q", 1, likert(2))]);
        let b = record("K7M4P3", Phase::Post, Form::A, &[("q", 1, likert(4))]);
        let c = record("X9TRWD", Phase::Pre, Form::A, &[("q", 1, likert(5))]);
        let mut held = file(vec![a.clone(), b.clone()]);
        let report = held.merge(file(vec![b.clone(), c.clone(), a.clone()])).expect("within limits");
        assert_eq!(report, MergeReport { added: 1, duplicates_skipped: 2, conflicts: vec![] });
        assert_eq!(held, file(vec![a.clone(), b.clone(), c.clone()]));
        // Importing the same file again changes nothing.
        let again = held.merge(file(vec![c])).expect("within limits");
        assert_eq!(again, MergeReport { added: 0, duplicates_skipped: 1, conflicts: vec![] });
    }

    #[test]
    fn merging_keeps_the_first_of_two_different_records_with_one_key_and_reports_it() {
        let first = record("K7M4P3", Phase::Pre, Form::A, &[("q", 1, likert(2))]);
        let retake = record("K7M4P3", Phase::Pre, Form::A, &[("q", 1, likert(5))]);
        let other_form = record("K7M4P3", Phase::Pre, Form::B, &[("q", 1, likert(5))]);
        let mut held = file(vec![first.clone()]);
        let report = held.merge(file(vec![retake.clone(), other_form.clone()])).expect("within limits");
        assert_eq!(report, MergeReport { added: 1, duplicates_skipped: 0, conflicts: vec![retake.key()] });
        assert_eq!(held, file(vec![first, other_form]));
    }

    #[test]
    fn merging_past_the_limit_changes_nothing() {
        let mut rng = Rng(13);
        let mut records = BTreeMap::new();
        while records.len() < ResultsFile::MAX_RECORDS {
            let record = random_record(&mut rng);
            records.insert(record.key(), record);
        }
        let mut held = file(records.into_values().collect());
        let before = held.clone();
        let extra = random_record(&mut rng);
        assert_eq!(
            held.merge(file(vec![extra])),
            Err(ImportError::TooManyRecords { found: ResultsFile::MAX_RECORDS + 1, max: ResultsFile::MAX_RECORDS })
        );
        assert_eq!(held, before);
    }

    #[test]
    fn a_full_file_of_realistic_records_fits_the_import_limit() {
        // A 30-item test with long ids: every record of a full file costs the same bytes.
        let mut record = record("K7M4P3", Phase::Post, Form::B, &[]);
        record.locale = locale("mn-Cyrl-MN");
        record.content_version = 1_000_000;
        record.answers = (0..30)
            .map(|n| (id(&format!("what-is-trafficking-{n:02}")), Answer { version: 12, response: chose(&["a", "c"]) }))
            .collect();
        let empty = file(vec![]).encode().unwrap().len();
        let one = file(vec![record]).encode().unwrap().len();
        let full = empty + ResultsFile::MAX_RECORDS * (one - empty + 1);
        assert!(full < MAX_FILE_BYTES, "{full} bytes for {} records", ResultsFile::MAX_RECORDS);
    }
}

mod export {
    use aware_core::study::ResultsFile;
    use aware_core::study::export::{
        Codebook, CodebookError, Columns, ItemDefinition, OptionDefinition, Scale, Texts, codebook_csv, csv_cell,
        results_csv,
    };

    use super::*;

    fn check_cell(text: &str, expected: &str) {
        assert_eq!(csv_cell(text), expected, "cell {text:?}");
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_get_a_leading_apostrophe() {
        check_cell("=1+1", "'=1+1");
        check_cell("+1", "'+1");
        check_cell("-1", "'-1");
        check_cell("@SUM(A1)", "'@SUM(A1)");
        check_cell("\tx", "'\tx");
        check_cell("\0x", "'\0x");
        check_cell("＝1+1", "'＝1+1");
        check_cell("\rx", "\"'\rx\"");
        check_cell("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        check_cell("1-1", "1-1");
        check_cell("a=b", "a=b");
        check_cell(" =1", " =1");
        check_cell("'=1", "'=1");
    }

    #[test]
    fn cells_are_quoted_as_rfc_4180_says() {
        check_cell("", "");
        check_cell("plain", "plain");
        check_cell("a,b", "\"a,b\"");
        check_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
        check_cell("two\nlines", "\"two\nlines\"");
        check_cell("two\r\nlines", "\"two\r\nlines\"");
        check_cell("Монгол хэл", "Монгол хэл");
    }

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        pairs.iter().map(|(tag, text)| (locale(tag), (*text).to_owned())).collect()
    }

    fn option(option_id: &str, correct: bool, text: &[(&str, &str)]) -> OptionDefinition {
        OptionDefinition { id: id(option_id), correct, text: texts(text) }
    }

    fn codebook() -> Codebook {
        Codebook::new(vec![
            ItemDefinition {
                id: id("three-parts"),
                version: 2,
                prompt: texts(&[("en", "Which three parts, together, make trafficking?"), ("mn", "Аль гурван хэсэг?")]),
                scale: Scale::Single(vec![
                    option("a", false, &[("en", "Travel, work, money")]),
                    option("b", true, &[("en", "Act, means, purpose")]),
                ]),
            },
            ItemDefinition {
                id: id("feel-safe"),
                version: 1,
                prompt: texts(&[("en", "=I would go with a stranger who offers a job")]),
                scale: Scale::Likert {
                    reversed: true,
                    labels: [
                        texts(&[("en", "Strongly disagree")]),
                        Texts::new(),
                        Texts::new(),
                        Texts::new(),
                        texts(&[("en", "Strongly agree")]),
                    ],
                },
            },
            ItemDefinition {
                id: id("red-flags"),
                version: 1,
                prompt: Texts::new(),
                scale: Scale::Multiple(vec![option("a", true, &[]), option("b", false, &[]), option("c", true, &[])]),
            },
        ])
        .expect("a valid codebook")
    }

    fn results() -> ResultsFile {
        ResultsFile::new(vec![
            record(
                "X9TRWD",
                Phase::Pre,
                Form::A,
                &[("three-parts", 2, chose(&["a"])), ("old-item", 1, chose(&["x"])), ("feel-safe", 2, likert(3))],
            ),
            record(
                "K7M4P3",
                Phase::Post,
                Form::B,
                &[("three-parts", 2, Response::Declined), ("feel-safe", 1, likert(5))],
            ),
            record(
                "K7M4P3",
                Phase::Pre,
                Form::A,
                &[("three-parts", 2, chose(&["b"])), ("feel-safe", 1, likert(4)), ("red-flags", 1, chose(&["c", "a"]))],
            ),
        ])
        .expect("a valid file")
    }

    fn lines(text: &str) -> Vec<&str> {
        assert!(text.ends_with("\r\n"), "CSV ends with CRLF");
        text.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    #[test]
    fn results_have_one_row_per_participant_and_phase_in_code_order() {
        let csv = results_csv(&results(), &codebook(), Columns::default());
        assert_eq!(
            lines(&csv.text),
            [
                "study,code,phase,form,content_version,three-parts.v2,feel-safe.v1,red-flags.v1",
                "ACDEFHJKM7,K7M4P3,pre,A,3,b,4,a;c",
                "ACDEFHJKM7,K7M4P3,post,B,3,declined,5,",
                "ACDEFHJKM7,X9TRWD,pre,A,3,a,,",
            ]
        );
    }

    #[test]
    fn answers_without_a_codebook_column_are_reported_not_dropped_silently() {
        let csv = results_csv(&results(), &codebook(), Columns::default());
        let expected: BTreeSet<(Id, u32)> = [(id("feel-safe"), 2), (id("old-item"), 1)].into_iter().collect();
        assert_eq!(csv.not_in_codebook, expected);
    }

    #[test]
    fn language_and_date_columns_appear_only_when_asked_for() {
        let csv = results_csv(&results(), &codebook(), Columns { locale: true, date: true });
        let lines = lines(&csv.text);
        assert_eq!(
            lines[0],
            "study,code,phase,form,content_version,locale,date,three-parts.v2,feel-safe.v1,red-flags.v1"
        );
        assert_eq!(lines[1], "ACDEFHJKM7,K7M4P3,pre,A,3,mn,2025-03-14,b,4,a;c");
        let only_date = results_csv(&results(), &codebook(), Columns { locale: false, date: true });
        assert!(only_date.text.starts_with("study,code,phase,form,content_version,date,three-parts.v2"));
    }

    #[test]
    fn codebook_describes_every_column_value_and_score() {
        let csv = codebook_csv(&codebook(), &[locale("en"), locale("mn")], Columns::default());
        assert_eq!(
            lines(&csv),
            [
                "column,item,version,kind,scoring,value,key,text_en,text_mn",
                "study,,,study-id,,,,,",
                "code,,,participant-code,,,,,",
                "phase,,,phase,,,,,",
                "phase,,,phase,,pre,,,",
                "phase,,,phase,,post,,,",
                "form,,,form,,,,,",
                "form,,,form,,A,,,",
                "form,,,form,,B,,,",
                "content_version,,,integer,,,,,",
                "three-parts.v2,three-parts,2,single,correct-set,,,\"Which three parts, together, make trafficking?\",Аль гурван хэсэг?",
                "three-parts.v2,three-parts,2,single,correct-set,a,incorrect,\"Travel, work, money\",",
                "three-parts.v2,three-parts,2,single,correct-set,b,correct,\"Act, means, purpose\",",
                "three-parts.v2,three-parts,2,single,correct-set,declined,no-score,,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,,,'=I would go with a stranger who offers a job,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,1,5,Strongly disagree,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,2,4,,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,3,3,,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,4,2,,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,5,1,Strongly agree,",
                "feel-safe.v1,feel-safe,1,likert,likert-reversed,declined,no-score,,",
                "red-flags.v1,red-flags,1,multiple,correct-set,,,,",
                "red-flags.v1,red-flags,1,multiple,correct-set,a,correct,,",
                "red-flags.v1,red-flags,1,multiple,correct-set,b,incorrect,,",
                "red-flags.v1,red-flags,1,multiple,correct-set,c,correct,,",
                "red-flags.v1,red-flags,1,multiple,correct-set,declined,no-score,,",
            ]
        );
    }

    #[test]
    fn codebook_lists_the_optional_columns_it_describes() {
        let csv = codebook_csv(&codebook(), &[], Columns { locale: true, date: true });
        let lines = lines(&csv);
        assert_eq!(lines[0], "column,item,version,kind,scoring,value,key");
        assert!(lines.contains(&"locale,,,language-tag,,,"), "{lines:?}");
        assert!(lines.contains(&"date,,,date,,,"), "{lines:?}");
    }

    fn check_codebook_error(items: Vec<ItemDefinition>, expected: CodebookError) {
        assert_eq!(Codebook::new(items), Err(expected));
    }

    fn single(item: &str, version: u32, options: Vec<OptionDefinition>) -> ItemDefinition {
        ItemDefinition { id: id(item), version, prompt: Texts::new(), scale: Scale::Single(options) }
    }

    #[test]
    fn a_codebook_must_describe_each_column_without_ambiguity() {
        let ok = || vec![option("a", true, &[]), option("b", false, &[])];
        assert!(
            Codebook::new(vec![single("q", 1, ok()), single("q", 2, ok())]).is_ok(),
            "versions are separate columns"
        );
        check_codebook_error(
            vec![single("q", 1, ok()), single("q", 1, ok())],
            CodebookError::DuplicateItem { item: id("q"), version: 1 },
        );
        check_codebook_error(vec![single("q", 1, vec![])], CodebookError::NoOptions { item: id("q") });
        check_codebook_error(
            vec![single("q", 1, vec![option("a", true, &[]), option("a", false, &[])])],
            CodebookError::DuplicateOption { item: id("q"), option: id("a") },
        );
        check_codebook_error(
            vec![single("q", 1, vec![option("a", true, &[]), option("b", true, &[])])],
            CodebookError::WrongNumberCorrect { item: id("q"), correct: 2 },
        );
        check_codebook_error(
            vec![ItemDefinition {
                id: id("m"),
                version: 1,
                prompt: Texts::new(),
                scale: Scale::Multiple(vec![option("a", false, &[])]),
            }],
            CodebookError::WrongNumberCorrect { item: id("m"), correct: 0 },
        );
    }

    /// A strict RFC 4180 reader, independent of the writer: fields, quotes doubled, CRLF rows.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => {
                    assert!(!matches!(c, '"' | '\r' | '\n'), "bare {c:?} outside quotes in {text:?}");
                    field.push(c);
                }
            }
        }
        assert!(!quoted && field.is_empty() && row.is_empty(), "CSV ends inside a row: {text:?}");
        rows
    }

    #[test]
    fn hostile_texts_come_back_as_inert_cells_in_a_rectangular_table() {
        let hostile = [
            "=cmd|' /C calc'!A0",
            "+1",
            "-2+3",
            "@SUM(1)",
            "\t=1",
            "\r=1",
            "a,b",
            "\"quoted\"",
            "line\r\nbreak",
            "＝1",
            "plain",
            "",
        ];
        let mut rng = Rng(20);
        for _ in 0..200 {
            let mut prompt = Texts::new();
            for language in ["en", "mn", "ru"] {
                let text: String = (0..=rng.below(3)).map(|_| *rng.pick(&hostile)).collect();
                prompt.insert(locale(language), text);
            }
            let book = Codebook::new(vec![
                single("q", 1, vec![option("a", true, &[])]),
                ItemDefinition {
                    id: id("p"),
                    version: 1,
                    prompt: prompt.clone(),
                    scale: Scale::Likert { reversed: false, labels: Default::default() },
                },
            ])
            .unwrap();
            let languages = [locale("en"), locale("mn"), locale("ru")];
            let rows = read_csv(&codebook_csv(&book, &languages, Columns::default()));
            assert!(rows.iter().all(|row| row.len() == 10), "ragged codebook: {rows:?}");
            let prompt_row = rows.iter().find(|row| row[1] == "p" && row[5].is_empty()).expect("the prompt row");
            for (cell, language) in prompt_row[7..].iter().zip(&languages) {
                let original = &prompt[language];
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝']), "{cell:?} would run as a formula");
                let restored = cell.strip_prefix('\'').filter(|_| cell != original).unwrap_or(cell);
                assert_eq!(restored, original, "the text is kept, only prefixed");
            }
        }
    }
}

mod suppression {
    use aware_core::study::suppression::{BelowFloor, Cell, MinGroupSize, Percent, Reason, Table, TableError};

    /// The table as a report would print it, margins included: `S` a small count, `G` a group
    /// too small, `C` complementary, `T` a table too small; `|` before row totals; the last line
    /// holds the column totals and the grand total.
    fn render(rows: &[&[u32]], k: u32) -> String {
        let table = Table::new(rows.iter().map(|row| row.to_vec()).collect()).expect("a rectangular table");
        let shown = table.suppress(MinGroupSize::new(k).expect("k ≥ 5"));
        let cell = |cell: Cell| match cell {
            Cell::Shown(value) => value.to_string(),
            Cell::Hidden(Reason::SmallCount) => "S".to_owned(),
            Cell::Hidden(Reason::GroupTooSmall) => "G".to_owned(),
            Cell::Hidden(Reason::Complementary) => "C".to_owned(),
            Cell::Hidden(Reason::TableTooSmall) => "T".to_owned(),
        };
        let mut lines = Vec::new();
        for r in 0..shown.rows() {
            let cells: Vec<String> = (0..shown.columns()).map(|c| cell(shown.cell(r, c))).collect();
            lines.push(format!("{} | {}", cells.join(" "), cell(shown.row_total(r))));
        }
        let totals: Vec<String> = (0..shown.columns()).map(|c| cell(shown.column_total(c))).collect();
        lines.push(format!("{} | {}", totals.join(" "), cell(shown.total())));
        lines.join("\n")
    }

    fn check(rows: &[&[u32]], k: u32, expected: &str) {
        let expected: Vec<&str> = expected.trim().lines().map(str::trim).collect();
        assert_eq!(render(rows, k), expected.join("\n"), "table {rows:?}, k = {k}");
    }

    #[test]
    fn minimum_group_size_is_ten_by_default_and_never_below_five() {
        assert_eq!(MinGroupSize::default().get(), 10);
        assert_eq!(MinGroupSize::new(5).map(MinGroupSize::get), Ok(5));
        assert_eq!(MinGroupSize::new(30).map(MinGroupSize::get), Ok(30));
        assert_eq!(MinGroupSize::new(4), Err(BelowFloor { requested: 4 }));
        assert_eq!(MinGroupSize::new(0), Err(BelowFloor { requested: 0 }));
        assert!(MinGroupSize::default().allows(10));
        assert!(!MinGroupSize::default().allows(9));
    }

    #[test]
    fn tables_must_be_rectangular_and_non_empty() {
        assert_eq!(Table::new(vec![]), Err(TableError::Empty));
        assert_eq!(Table::new(vec![vec![]]), Err(TableError::Empty));
        assert_eq!(Table::new(vec![vec![1, 2], vec![3]]), Err(TableError::Ragged { row: 1 }));
    }

    #[test]
    fn large_counts_are_all_shown() {
        check(
            &[&[12, 15], &[20, 11]],
            10,
            "
            12 15 | 27
            20 11 | 31
            32 26 | 58",
        );
    }

    #[test]
    fn zero_is_shown_because_it_is_nobody() {
        check(
            &[&[0, 25], &[12, 10]],
            10,
            "
            0 25 | 25
            12 10 | 22
            12 35 | 47",
        );
    }

    #[test]
    fn a_small_count_hides_a_rectangle_of_the_table_but_keeps_the_totals() {
        // 3 alone would be 15 − 12; hiding its row and column partners keeps every total.
        check(
            &[&[12, 3], &[15, 20]],
            10,
            "
            C S | 15
            C C | 35
            27 23 | 50",
        );
    }

    #[test]
    fn zeros_are_never_used_to_hide_a_small_count() {
        // A hidden 0 could not move down, so it would pin its partners; a total is hidden instead.
        check(
            &[&[0, 25], &[12, 3]],
            10,
            "
            0 25 | 25
            C S | 15
            C C | 40",
        );
    }

    #[test]
    fn a_group_smaller_than_k_is_hidden_with_enough_of_the_others() {
        // The small group's row would be the column totals minus the other row, so that row goes too.
        check(
            &[&[3, 4], &[20, 15]],
            10,
            "
            S S | G
            C C | C
            23 19 | 42",
        );
    }

    #[test]
    fn in_a_single_row_a_small_count_hides_its_partner_and_column_totals() {
        check(
            &[&[12, 3]],
            10,
            "
            C S | 15
            C S | 15",
        );
    }

    #[test]
    fn a_table_smaller_than_k_shows_nothing() {
        check(
            &[&[2, 3], &[1, 0]],
            10,
            "
            T T | T
            T T | T
            T T | T",
        );
    }

    #[test]
    fn a_larger_k_hides_more() {
        check(
            &[&[12, 15], &[20, 11]],
            5,
            "
            12 15 | 27
            20 11 | 31
            32 26 | 58",
        );
        check(
            &[&[12, 15], &[20, 11]],
            13,
            "
            S C | 27
            C S | 31
            32 26 | 58",
        );
    }

    #[test]
    fn two_small_counts_in_one_row_protect_each_other_only_if_the_columns_allow() {
        check(
            &[&[3, 4, 20], &[15, 12, 30]],
            10,
            "
            S S 20 | 27
            C C 30 | 57
            18 16 50 | 84",
        );
    }

    fn check_percent(part: u64, whole: u64, expected: Option<Percent>) {
        assert_eq!(Percent::of(part, whole), expected, "{part} of {whole}");
    }

    #[test]
    fn extreme_percentages_are_shown_as_bands() {
        check_percent(0, 20, Some(Percent::AtMost5));
        check_percent(1, 20, Some(Percent::AtMost5)); // 5 %
        check_percent(1, 18, Some(Percent::Exact(6))); // 5.6 %
        check_percent(21, 200, Some(Percent::Exact(11))); // 10.5 % rounds half up
        check_percent(1, 19, Some(Percent::AtMost5)); // 5.3 % rounds to 5
        check_percent(17, 18, Some(Percent::Exact(94))); // 94.4 %
        check_percent(18, 19, Some(Percent::AtLeast95)); // 94.7 % rounds to 95
        check_percent(20, 20, Some(Percent::AtLeast95));
        check_percent(0, 0, None);
        check_percent(3, 2, None);
        assert_eq!(Percent::AtLeast95.to_string(), "≥ 95 %");
        assert_eq!(Percent::AtMost5.to_string(), "≤ 5 %");
        assert_eq!(Percent::Exact(42).to_string(), "42 %");
    }

    #[test]
    fn a_share_is_given_only_when_the_cell_and_its_row_total_are_shown() {
        let table = Table::new(vec![vec![12, 3], vec![15, 20], vec![0, 40]]).unwrap();
        let shown = table.suppress(MinGroupSize::default());
        assert_eq!(shown.share_of_row(0, 0), None, "hidden cell");
        assert_eq!(shown.share_of_row(2, 1), Some(Percent::AtLeast95));
        assert_eq!(shown.share_of_row(2, 0), Some(Percent::AtMost5));
    }

    /// Whether hidden cell `target` is fixed by the published numbers, by linear algebra alone
    /// (independent of the cycle argument the library uses): the cell is determined exactly when
    /// its unit vector lies in the row space of the equations restricted to hidden cells.
    fn determined(hidden: &[(usize, usize)], height: usize, width: usize, target: usize) -> bool {
        let mut equations: Vec<Vec<f64>> = Vec::new();
        for r in 0..height {
            equations.push(
                hidden
                    .iter()
                    .map(|&(i, j)| {
                        if i != r {
                            0.0
                        } else if j == width - 1 {
                            -1.0
                        } else {
                            1.0
                        }
                    })
                    .collect(),
            );
        }
        for c in 0..width {
            equations.push(
                hidden
                    .iter()
                    .map(|&(i, j)| {
                        if j != c {
                            0.0
                        } else if i == height - 1 {
                            -1.0
                        } else {
                            1.0
                        }
                    })
                    .collect(),
            );
        }
        let rank = |mut rows: Vec<Vec<f64>>| {
            let mut rank = 0;
            for column in 0..hidden.len() {
                let Some(pivot) = (rank..rows.len()).find(|&r| rows[r][column].abs() > 1e-9) else { continue };
                rows.swap(rank, pivot);
                let pivot_row = rows[rank].clone();
                for (r, row) in rows.iter_mut().enumerate() {
                    if r != rank {
                        let factor = row[column] / pivot_row[column];
                        for (value, pivot_value) in row.iter_mut().zip(&pivot_row) {
                            *value -= factor * pivot_value;
                        }
                    }
                }
                rank += 1;
            }
            rank
        };
        let mut with_target = equations.clone();
        with_target.push((0..hidden.len()).map(|i| if i == target { 1.0 } else { 0.0 }).collect());
        rank(equations) == rank(with_target)
    }

    #[test]
    fn no_hidden_count_can_be_worked_out_from_what_is_shown() {
        let mut rng = super::Rng(30);
        let mut hidden_tables = 0;
        for _ in 0..1500 {
            let height = 1 + rng.below(4);
            let width = 1 + rng.below(4);
            let rows: Vec<Vec<u32>> = (0..height)
                .map(|_| {
                    (0..width)
                        .map(|_| match rng.below(4) {
                            0 => 0,
                            1 => rng.below(10) as u32,
                            _ => rng.below(40) as u32,
                        })
                        .collect()
                })
                .collect();
            let k = MinGroupSize::new(*rng.pick(&[5, 10, 15])).unwrap();
            let table = Table::new(rows.clone()).unwrap();
            let shown = table.suppress(k);

            let mut grid: Vec<Vec<u64>> = rows.iter().map(|row| row.iter().map(|&v| u64::from(v)).collect()).collect();
            for row in &mut grid {
                row.push(row.iter().sum());
            }
            grid.push((0..=width).map(|c| grid.iter().map(|row| row[c]).sum()).collect());
            let cell_at = |r: usize, c: usize| match (r == height, c == width) {
                (false, false) => shown.cell(r, c),
                (false, true) => shown.row_total(r),
                (true, false) => shown.column_total(c),
                (true, true) => shown.total(),
            };
            let mut hidden = Vec::new();
            for (r, row) in grid.iter().enumerate() {
                for (c, &value) in row.iter().enumerate() {
                    match cell_at(r, c) {
                        Cell::Shown(v) => {
                            assert_eq!(v, value, "a shown number is the true number");
                            assert!(v == 0 || k.allows(v), "{rows:?}: {v} shown with k = {}", k.get());
                        }
                        Cell::Hidden(Reason::TableTooSmall) => assert!(!k.allows(grid[height][width])),
                        Cell::Hidden(_) => {
                            assert!(value >= 1, "{rows:?}: a hidden zero pins its partners");
                            hidden.push((r, c));
                        }
                    }
                }
            }
            if !hidden.is_empty() {
                hidden_tables += 1;
            }
            for target in 0..hidden.len() {
                assert!(
                    !determined(&hidden, height + 1, width + 1, target),
                    "{rows:?} with k = {}: hidden cell {:?} can be worked out\n{}",
                    k.get(),
                    hidden[target],
                    render(&rows.iter().map(Vec::as_slice).collect::<Vec<_>>(), k.get()),
                );
            }
        }
        assert!(hidden_tables > 300, "only {hidden_tables} tables needed suppression");
    }
}

mod distribution {
    use aware_core::study::suppression::{Cell, MinGroupSize, Reason, suppress_distribution};

    fn k(value: u32) -> MinGroupSize {
        MinGroupSize::new(value).unwrap()
    }

    #[track_caller]
    fn check(counts: &[u64], expected: &[Cell]) {
        assert_eq!(suppress_distribution(counts, k(10)), expected, "{counts:?}");
    }

    const SMALL: Cell = Cell::Hidden(Reason::SmallCount);
    const MORE: Cell = Cell::Hidden(Reason::Complementary);

    #[test]
    fn a_count_or_its_rest_from_1_to_k_minus_1_is_hidden_and_never_alone() {
        // Nothing tells a few: all shown, zeros too.
        check(&[0, 12, 13, 0], &[Cell::Shown(0), Cell::Shown(12), Cell::Shown(13), Cell::Shown(0)]);
        // 3 and 2 are few; 20 leaves 5 others, a few too.
        check(&[0, 3, 20, 2], &[Cell::Shown(0), SMALL, SMALL, SMALL]);
        // One count hidden would be the class minus the others: the smallest shown goes with it.
        check(&[4, 12, 14, 10], &[SMALL, Cell::Shown(12), Cell::Shown(14), MORE]);
        check(&[4, 0, 16, 20], &[SMALL, MORE, Cell::Shown(16), Cell::Shown(20)]);
        // Everyone in one place: that count is the class, and the rest are nobody.
        check(&[0, 0, 11, 0], &[Cell::Shown(0), Cell::Shown(0), Cell::Shown(11), Cell::Shown(0)]);
    }

    /// Whatever the counts, no hidden count can be worked out from the shown ones and the total.
    #[test]
    fn no_hidden_count_follows_from_the_others() {
        let mut rng = super::Rng(21);
        for _ in 0..5000 {
            let counts: Vec<u64> = (0..2 + rng.below(4)).map(|_| rng.below(25) as u64).collect();
            let cells = suppress_distribution(&counts, k(5 + rng.below(6) as u32));
            let hidden: Vec<usize> = (0..cells.len()).filter(|&i| matches!(cells[i], Cell::Hidden(_))).collect();
            let unknown: u64 = hidden.iter().map(|&i| counts[i]).sum();
            // One hidden count alone is known; two or more with a sum above 0 can each be 0 to the sum.
            assert!(hidden.len() != 1 || unknown == 0, "{counts:?} -> {cells:?}");
            for (i, cell) in cells.iter().enumerate() {
                if let Cell::Shown(n) = cell {
                    assert_eq!(*n, counts[i]);
                }
            }
        }
    }

    #[test]
    fn a_mean_needs_k_away_from_each_end() {
        let k = k(10);
        assert!(k.away_from_ends(0, 0, 10));
        assert!(k.away_from_ends(2, 10, 20));
        assert!(!k.away_from_ends(11, 0, 20), "only 9 away from the lowest");
        assert!(!k.away_from_ends(0, 1, 10), "4.9 of 5 from 10 tells one at 4");
        assert!(k.tells_no_few(0, 30) && k.tells_no_few(30, 30) && k.tells_no_few(10, 20));
        assert!(!k.tells_no_few(3, 30) && !k.tells_no_few(25, 30));
        assert!(!k.allows_questions(19) && k.allows_questions(20));
    }
}

mod definition {
    use aware_core::study::definition::{DefinitionError, MAX_DEFINITION_BYTES};
    use aware_core::study::{Design, IssuedCodes, Sheet, StudyDefinition, StudySecret};

    use super::*;

    fn counter(seed: u64) -> impl FnMut() -> [u8; RANDOM_BYTES] {
        let mut rng = Rng(seed);
        move || rng.next_u64().to_le_bytes()
    }

    fn study(seed: u64, cards: usize) -> StudyDefinition {
        StudyDefinition::create(Design::Crossover, cards, &mut counter(seed)).expect("a working random source")
    }

    #[test]
    fn a_new_study_derives_as_many_distinct_codes_as_cards_again_and_again() {
        for (seed, cards) in [(1, 1), (2, 35), (3, Sheet::MAX_CODES)] {
            let definition = study(seed, cards);
            let codes = definition.codes();
            assert_eq!((codes.len(), definition.cards()), (cards, cards));
            assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), cards, "distinct");
            assert_eq!(definition.codes(), codes, "the same cards when printed again");
            assert_eq!(Design::of(definition.id()), Design::Crossover);
        }
        // Another secret for the same study id gives other codes.
        let first = study(4, 30);
        let other = StudyDefinition::derived(first.id(), StudySecret::new([9; 16]), 30).unwrap();
        let shared = first.codes().iter().filter(|code| other.codes().contains(code)).count();
        assert!(shared <= 1, "{shared} codes in common");
    }

    #[test]
    fn the_definition_file_round_trips_and_holds_no_code() {
        let definition = study(5, 35);
        let text = definition.encode();
        assert_eq!(StudyDefinition::decode(text.as_bytes()), Ok(definition.clone()));
        assert!(text.contains(&definition.secret().unwrap().to_hex()), "{text}");
        for code in definition.codes() {
            assert!(!text.contains(&code.compact()), "{text} lists {code}");
        }
        // The secret never reaches debug output (logs, panics).
        assert!(!format!("{definition:?}").contains(&definition.secret().unwrap().to_hex()));
    }

    #[test]
    fn a_study_made_before_secrets_lists_its_codes() {
        let codes: Vec<Code> = (0..12u64).map(|n| Code::generate(&n.to_le_bytes())).collect();
        let listed = StudyDefinition::listed(study_id("ACDEFHJKM7"), codes.clone());
        assert_eq!((listed.codes(), listed.secret()), (codes, None));
        assert_eq!(StudyDefinition::decode(listed.encode().as_bytes()), Ok(listed));
    }

    #[test]
    fn damaged_or_foreign_definitions_are_refused_with_a_reason() {
        let good = study(6, 10).encode();
        let malformed = |text: &str| match StudyDefinition::decode(text.as_bytes()) {
            Err(DefinitionError::Malformed { detail }) => detail,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(StudyDefinition::decode(b"{"), Err(DefinitionError::NotADefinition));
        assert_eq!(
            StudyDefinition::decode(br#"{"format":"aware-results","version":1,"records":[]}"#),
            Err(DefinitionError::NotADefinition)
        );
        assert_eq!(
            StudyDefinition::decode(good.replace("\"version\":1", "\"version\":2").as_bytes()),
            Err(DefinitionError::UnsupportedVersion { found: 2 })
        );
        let secret = &good[good.find("\"secret\":\"").unwrap() + 10..][..32];
        assert!(malformed(&good.replace(secret, &secret.to_uppercase())).contains("hexadecimal"));
        assert!(malformed(&good.replace("\"cards\":10", "\"cards\":0")).contains("cards"));
        assert!(malformed(&good.replace("\"cards\":10", "\"cards\":1001")).contains("cards"));
        assert!(malformed(&good.replace("\"cards\":10", "\"cards\":10,\"codes\":[\"K7M4P3\"]")).contains("either"));
        assert!(malformed(&good.replace("\"cards\":10", "\"cards\":10,\"label\":\"8B\"")).contains("unknown field"));
        let listed = r#"{"format":"aware-study","version":1,"study":"ACDEFHJKM7","codes":["K7M4P3","K7M-4P3"]}"#;
        assert!(malformed(listed).contains("listed twice"));
        assert!(malformed(&listed.replace("K7M4P3", "K7M4P4")).contains("a code"));
        let huge = vec![b' '; MAX_DEFINITION_BYTES + 1];
        assert_eq!(
            StudyDefinition::decode(&huge),
            Err(DefinitionError::TooLarge { bytes: MAX_DEFINITION_BYTES + 1, max: MAX_DEFINITION_BYTES })
        );
    }

    #[test]
    fn issued_codes_number_each_participant_once_and_refuse_any_other_code() {
        let (a, b) = (study(7, 30), study(8, 5));
        let mut issued = IssuedCodes::new();
        assert!(issued.add(&a) && issued.add(&b));
        assert!(!issued.add(&a), "a study given twice counts once");
        assert_eq!((issued.studies(), issued.participants()), (2, 35));
        let mut numbers = BTreeSet::new();
        for definition in [&a, &b] {
            for code in definition.codes() {
                let number = issued.participant(definition.id(), code).expect("issued");
                assert!(number < 35 && numbers.insert(number), "{number}");
            }
        }
        // A valid code (its check character holds) that the study did not print counts for nothing,
        // nor does a code of another study, nor a study not given.
        let forged =
            (0..).map(|n: u64| Code::generate(&n.to_le_bytes())).find(|code| !a.codes().contains(code)).unwrap();
        assert_eq!(issued.participant(a.id(), forged), None);
        assert_eq!(issued.participant(a.id(), b.codes()[0]), None);
        assert_eq!(issued.participant(study(9, 3).id(), a.codes()[0]), None);
    }
}
