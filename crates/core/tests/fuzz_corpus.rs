//! The fuzz targets' properties (`aware_core::fuzz_checks`) over a seeded random corpus, so
//! stable `cargo test` re-checks what `fuzz/` checks with a nightly toolchain. The corpus is
//! random bytes and, mostly, mutations of valid inputs (the way a fuzzer finds its way into a
//! decoder): bytes flipped, inserted, deleted, and pieces of JSON spliced in.

use std::path::Path;

use aware_core::content::ContentId;
use aware_core::content::compile::compile;
use aware_core::deployment::SiteUrl;
use aware_core::embed::{ChildMessage, Height, ParentMessage};
use aware_core::fuzz_checks;
use aware_core::quiz::{Score, Selection};
use aware_core::rng::SplitMix64;
use aware_core::xapi::outbox::{Outbox, Response};
use aware_core::xapi::{Attempt, Statement};

/// Pieces of the formats, spliced in by the mutator.
const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "null",
    "true",
    "false",
    "0",
    "1",
    "-1",
    "1e400",
    "4294967296",
    "\"aware\"",
    "\"type\"",
    "\"hello\"",
    "\"ready\"",
    "\"resize\"",
    "\"started\"",
    "\"answered\"",
    "\"completed\"",
    "\"height\"",
    "\"lesson\"",
    "\"item\"",
    "\"correct\"",
    "\"score\"",
    "\"max\"",
    "\"format\"",
    "\"statements\"",
    "\"sent\"",
    "\"refused\"",
    "\"overflowed\"",
    "\"id\"",
    "\"00000000-0000-4000-8000-000000000000\"",
];

/// One mutation of `seed`, or random bytes.
fn mutate(seed: &[u8], rng: &mut SplitMix64) -> Vec<u8> {
    if rng.chance(0.05) {
        return (0..rng.below(64)).map(|_| rng.next_u64() as u8).collect();
    }
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 if !data.is_empty() => {
                let at = at.min(data.len() - 1);
                data[at] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next_u64() as u8),
            2 if at < data.len() => {
                let end = (at + 1 + rng.below(8)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let piece = rng.pick(DICTIONARY).as_bytes();
                data.splice(at..at, piece.iter().copied());
            }
            _ => data.truncate(at),
        }
    }
    data
}

fn id(text: &str) -> ContentId {
    ContentId::parse(text).unwrap()
}

/// Statements of one attempt at a real lesson's quiz (Mongolian text included).
fn statements() -> Vec<Statement> {
    let curricula = compile(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")).unwrap().curricula;
    let curriculum = curricula.iter().find(|c| c.locale == "mn").unwrap_or(&curricula[0]);
    let lesson = curriculum.lessons.iter().find(|l| !l.quiz.is_empty()).unwrap();
    let site = SiteUrl::parse("https://aware.example.org").unwrap();
    let (mut attempt, started) = Attempt::start(&site, &curriculum.locale, lesson, [1; 16], [2; 16]).unwrap();
    let mut out = vec![started];
    for (n, item) in lesson.quiz.iter().enumerate() {
        let selection = Selection::from([item.options[0].id.clone()]);
        out.extend(attempt.answered(lesson, item, &selection, [3 + n as u8; 16]));
    }
    out
}

/// Runs `check` over `count` inputs mutated from `seeds`; returns how many of them `accepts`.
fn run(seeds: &[Vec<u8>], count: usize, seed: u64, check: fn(&[u8]), accepts: impl Fn(&[u8]) -> bool) -> usize {
    let mut rng = SplitMix64(seed);
    let mut accepted = 0;
    for _ in 0..count {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(seed, &mut rng);
        check(&input);
        accepted += usize::from(accepts(&input));
    }
    accepted
}

#[test]
fn embed_message_decoding_holds_over_a_seeded_corpus() {
    let seeds: Vec<Vec<u8>> = [
        ParentMessage::Hello.encode(),
        ChildMessage::Ready.encode(),
        ChildMessage::Resize { height: Height::new(480).unwrap() }.encode(),
        ChildMessage::Started { lesson: id("myths-and-facts") }.encode(),
        ChildMessage::Answered { lesson: id("myths-and-facts"), item: id("q1"), correct: true }.encode(),
        ChildMessage::Completed { lesson: id("l"), score: Score::new(3, 9).unwrap() }.encode(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    for seed in &seeds {
        fuzz_checks::embed_message(seed);
    }
    let accepted = run(&seeds, 50_000, 1, fuzz_checks::embed_message, |input| {
        std::str::from_utf8(input).is_ok_and(|text| ChildMessage::decode(text).is_ok())
    });
    // The corpus reaches past the parser: a share of mutants are still valid messages.
    assert!(accepted > 200, "{accepted} accepted");
}

#[test]
fn outbox_decoding_holds_over_a_seeded_corpus() {
    let mut outbox = Outbox::new();
    let mut seeds = vec![outbox.encode().into_bytes()];
    for statement in statements().iter().take(4) {
        outbox.push(statement);
        seeds.push(outbox.encode().into_bytes());
    }
    let batch = outbox.next_batch(0).unwrap();
    outbox.settle(batch, Response::Status(400), 0, 0);
    let batch = outbox.next_batch(0).unwrap();
    outbox.settle(batch, Response::Status(200), 0, 0);
    seeds.push(outbox.encode().into_bytes());
    for seed in &seeds {
        fuzz_checks::xapi_outbox(seed);
    }
    let accepted = run(&seeds, 8_000, 2, fuzz_checks::xapi_outbox, |input| {
        std::str::from_utf8(input).is_ok_and(|text| Outbox::decode(text).is_ok())
    });
    assert!(accepted > 200, "{accepted} accepted");
}
