//! The fuzz targets' properties (`aware_core::fuzz_checks`) over a seeded random corpus, so
//! stable `cargo test` re-checks what `fuzz/` checks with a nightly toolchain. The corpus is
//! random bytes and, mostly, mutations of valid inputs (the way a fuzzer finds its way into a
//! decoder): bytes flipped, inserted, deleted, and pieces of JSON spliced in.

use aware_core::content::ContentId;
use aware_core::embed::{ChildMessage, Height, ParentMessage};
use aware_core::fuzz_checks;
use aware_core::quiz::Score;
use aware_core::rng::SplitMix64;
use aware_core::xapi::outbox::{Outbox, Response};
use aware_core::xapi::{
    Account, Activity, ActivityType, Actor, Context, Definition, LanguageMap, ObjectType, Statement, Uuid, Verb,
};

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

fn statement(n: u64) -> Statement {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    Statement {
        id: Uuid::v4(bytes),
        actor: Actor {
            object_type: ObjectType::Agent,
            account: Account { home_page: "https://a.example.org".into(), name: Uuid::v4([1; 16]) },
        },
        verb: Verb::Answered,
        object: Activity {
            object_type: ObjectType::Activity,
            id: "https://a.example.org/xapi/lessons/l/v1/quiz/q".into(),
            definition: Definition {
                kind: ActivityType::Interaction,
                name: LanguageMap { language: "mn".into(), text: "Асуулт \"q\"".into() },
                interaction_type: None,
                correct_responses_pattern: None,
                choices: None,
            },
        },
        result: None,
        context: Context { language: "mn".into(), context_activities: None },
    }
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
    for n in 0..4 {
        outbox.push(&statement(n));
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
    let accepted = run(&seeds, 20_000, 2, fuzz_checks::xapi_outbox, |input| {
        std::str::from_utf8(input).is_ok_and(|text| Outbox::decode(text).is_ok())
    });
    assert!(accepted > 500, "{accepted} accepted");
}
