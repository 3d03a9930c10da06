use super::*;
use crate::xapi::{Account, Activity, ActivityType, Actor, Context, Definition, LanguageMap, ObjectType, Verb};

/// A small statement with id number `n`.
fn statement(n: u32) -> Statement {
    let mut bytes = [0u8; 16];
    bytes[..4].copy_from_slice(&n.to_be_bytes());
    Statement {
        id: Uuid::v4(bytes),
        actor: Actor {
            object_type: ObjectType::Agent,
            account: Account { home_page: "https://aware.example.org".into(), name: Uuid::v4([7; 16]) },
        },
        verb: Verb::Attempted,
        object: Activity {
            object_type: ObjectType::Activity,
            id: "https://aware.example.org/xapi/lessons/l/v1/quiz".into(),
            definition: Definition {
                kind: ActivityType::Assessment,
                name: LanguageMap { language: "en".into(), text: "Quiz".into() },
                interaction_type: None,
                correct_responses_pattern: None,
                choices: None,
            },
        },
        result: None,
        context: Context { language: "en".into(), context_activities: None },
    }
}

fn outbox_of(ns: impl IntoIterator<Item = u32>) -> Outbox {
    let mut outbox = Outbox::new();
    for n in ns {
        assert_eq!(outbox.push(&statement(n)), Queued::Added);
    }
    outbox
}

fn ids(ns: impl IntoIterator<Item = u32>) -> Vec<Uuid> {
    ns.into_iter().map(|n| statement(n).id).collect()
}

fn waiting(outbox: &Outbox) -> Vec<Uuid> {
    outbox.pending.iter().map(|p| p.id).collect()
}

/// Sends one batch at time `now` and answers it with `response`; returns the batch's ids.
fn exchange(outbox: &mut Outbox, now: u64, response: Response) -> Vec<Uuid> {
    let batch = outbox.next_batch(now).expect("a batch is due");
    let sent = batch.ids().to_vec();
    outbox.settle(batch, response, now, 0);
    sent
}

#[test]
fn statements_go_oldest_first_in_batches() {
    let mut outbox = outbox_of(0..45);
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids(0..20));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(204)), ids(20..40));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids(40..45));
    assert!(outbox.is_empty());
    assert_eq!(outbox.next_batch(0), None);
}

#[test]
fn a_batch_body_is_a_json_array_of_the_statements() {
    let mut outbox = outbox_of(0..3);
    let batch = outbox.next_batch(0).unwrap();
    let expected = format!("[{},{},{}]", statement(0).encode(), statement(1).encode(), statement(2).encode());
    assert_eq!(batch.body, expected);
    assert_eq!(batch.len(), 3);
}

#[test]
fn only_one_request_is_under_way_at_a_time() {
    let mut outbox = outbox_of(0..30);
    let first = outbox.next_batch(0).unwrap();
    assert_eq!(outbox.next_batch(0), None);
    assert_eq!(outbox.next_try(), None);
    outbox.settle(first, Response::Status(200), 0, 0);
    assert_eq!(outbox.next_batch(0).map(|b| b.ids().to_vec()), Some(ids(20..30)));
}

#[test]
fn statements_pushed_during_a_request_wait_for_the_next() {
    let mut outbox = outbox_of(0..2);
    let batch = outbox.next_batch(0).unwrap();
    outbox.push(&statement(2));
    outbox.settle(batch, Response::Status(200), 0, 0);
    assert_eq!(waiting(&outbox), ids([2]));
}

#[test]
fn a_statement_is_queued_once() {
    let mut outbox = outbox_of([1]);
    assert_eq!(outbox.push(&statement(1)), Queued::Duplicate);
    exchange(&mut outbox, 0, Response::Status(200));
    assert_eq!(outbox.push(&statement(1)), Queued::Duplicate, "a sent statement is not queued again");
    assert!(outbox.is_empty());
}

#[test]
fn a_conflict_for_one_statement_means_it_arrived() {
    let mut outbox = outbox_of([1]);
    exchange(&mut outbox, 0, Response::Status(409));
    assert!(outbox.is_empty());
    assert_eq!(outbox.status().refused, 0);
}

#[test]
fn a_conflicting_batch_is_sent_again_one_by_one() {
    let mut outbox = outbox_of(0..3);
    assert_eq!(exchange(&mut outbox, 0, Response::Status(409)), ids(0..3));
    assert_eq!(waiting(&outbox), ids(0..3), "nothing is dropped on a batch's conflict");
    assert_eq!(exchange(&mut outbox, 0, Response::Status(409)), ids([0]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([1]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([2]));
    assert!(outbox.is_empty());
}

#[test]
fn a_refused_statement_is_dropped_and_counted_and_the_others_still_go() {
    let mut outbox = outbox_of(0..3);
    outbox.push(&statement(3));
    exchange(&mut outbox, 0, Response::Status(400));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([0]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(400)), ids([1]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(413)), ids([2]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([3]));
    assert!(outbox.is_empty());
    assert_eq!(outbox.status().refused, 2);
    // Refused statements are never retried: they are gone, and not remembered as sent.
    assert_eq!(outbox.push(&statement(1)), Queued::Added);
}

#[test]
fn statements_queued_after_a_refused_batch_still_go_in_batches() {
    let mut outbox = outbox_of(0..2);
    exchange(&mut outbox, 0, Response::Status(400));
    for n in 2..5 {
        outbox.push(&statement(n));
    }
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([0]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids([1]));
    assert_eq!(exchange(&mut outbox, 0, Response::Status(200)), ids(2..5));
}

#[test]
fn a_refused_credential_stops_sending_and_keeps_everything() {
    for status in [401, 403, 404, 405, 302] {
        let mut outbox = outbox_of(0..3);
        exchange(&mut outbox, 0, Response::Status(status));
        assert_eq!(outbox.next_batch(u64::MAX), None, "{status}");
        assert_eq!(outbox.next_try(), None);
        assert_eq!(outbox.status(), Status { waiting: 3, refused: 0, overflowed: 0, stopped: true });
        outbox.wake();
        assert_eq!(outbox.next_batch(u64::MAX), None, "going online does not undo a stop");
        // The next page load tries again.
        let reloaded = Outbox::decode(&outbox.encode()).unwrap();
        assert!(!reloaded.status().stopped);
        assert_eq!(waiting(&reloaded), ids(0..3));
    }
}

#[test]
fn failures_back_off_exponentially_with_jitter_up_to_a_cap() {
    for (status, random) in
        [(Response::NetworkError, 0), (Response::Status(503), u32::MAX), (Response::Status(429), 12345)]
    {
        let mut outbox = outbox_of(0..3);
        let mut now = 1_000;
        for failure in 1..=12u32 {
            let batch = outbox.next_batch(now).unwrap();
            outbox.settle(batch, status, now, random);
            let wait = outbox.next_try().unwrap() - now;
            let full = (BACKOFF_BASE_MS << (failure - 1)).min(BACKOFF_CAP_MS);
            assert!((full / 2..=full).contains(&wait), "failure {failure}: waits {wait}, full {full}");
            assert_eq!(outbox.next_batch(now + wait - 1), None, "not before the wait is over");
            now += wait;
        }
        assert_eq!(outbox.len(), 3, "nothing is lost while offline");
        exchange(&mut outbox, now, Response::Status(200));
        assert_eq!(outbox.next_try(), None);
    }
}

#[test]
fn jitter_spreads_retries() {
    let waits: BTreeSet<u64> = (0..50u32).map(|r| backoff(4, r.wrapping_mul(2_654_435_761))).collect();
    assert!(waits.len() > 40, "{waits:?}");
}

#[test]
fn coming_back_online_retries_at_once() {
    let mut outbox = outbox_of(0..3);
    exchange(&mut outbox, 0, Response::NetworkError);
    assert_eq!(outbox.next_batch(0), None);
    outbox.wake();
    assert_eq!(outbox.next_try(), Some(0));
    assert!(outbox.next_batch(0).is_some());
}

#[test]
fn a_full_outbox_keeps_the_oldest_and_counts_the_rest() {
    let mut outbox = outbox_of(0..CAPACITY as u32);
    assert_eq!(outbox.push(&statement(9999)), Queued::Overflowed);
    assert_eq!(outbox.status().overflowed, 1);
    assert_eq!(waiting(&outbox), ids(0..CAPACITY as u32));
    exchange(&mut outbox, 0, Response::Status(200));
    assert_eq!(outbox.push(&statement(9999)), Queued::Added, "room again once some are sent");
}

#[test]
fn the_byte_budget_bounds_large_statements() {
    let mut big = statement(0);
    big.object.definition.name.text = "x".repeat(MAX_STATEMENT_BYTES);
    let mut outbox = Outbox::new();
    assert_eq!(outbox.push(&big), Queued::Overflowed);
    let mut large = statement(0);
    large.object.definition.name.text = "x".repeat(MAX_STATEMENT_BYTES - 1024);
    let mut added = 0;
    for n in 0..200 {
        large.id = statement(n).id;
        if outbox.push(&large) == Queued::Added {
            added += 1;
        }
    }
    assert_eq!(added, BUDGET_BYTES / large.encode().len());
    assert!(outbox.bytes() <= BUDGET_BYTES);
}

#[test]
fn the_outbox_survives_a_reload_with_a_request_under_way() {
    let mut outbox = outbox_of(0..30);
    exchange(&mut outbox, 0, Response::Status(200));
    exchange(&mut outbox, 0, Response::Status(400));
    let _lost_with_the_page = outbox.next_batch(0).unwrap();
    let stored = outbox.encode();
    let reloaded = Outbox::decode(&stored).unwrap();
    assert_eq!(waiting(&reloaded), ids(20..30));
    assert_eq!(reloaded.encode(), stored);
    assert!(reloaded.clone().next_batch(0).is_some(), "the reloaded page sends");
    assert_eq!(reloaded.sent.len(), 20);
}

#[test]
fn the_stored_value_has_a_format_number_and_no_time() {
    let mut outbox = outbox_of([1]);
    exchange(&mut outbox, 5_000_000, Response::NetworkError);
    let stored = outbox.encode();
    assert!(stored.starts_with(r#"{"format":1,"statements":[{"id":"#), "{stored}");
    assert!(!stored.contains("5000"), "the retry time is not stored: {stored}");
}

#[test]
fn damaged_values_are_refused_as_a_whole() {
    let check = |text: &str, expected: DecodeError| assert_eq!(Outbox::decode(text).unwrap_err(), expected, "{text}");
    check("", DecodeError::Malformed);
    check("[]", DecodeError::Malformed);
    check(r#"{"format":"1"}"#, DecodeError::Malformed);
    check(
        r#"{"format":2,"statements":[],"sent":[],"refused":0,"overflowed":0}"#,
        DecodeError::WrongFormat { found: 2 },
    );
    check(r#"{"format":1,"statements":[],"sent":[],"refused":0}"#, DecodeError::Malformed);
    check(r#"{"format":1,"statements":[],"sent":[],"refused":0,"overflowed":0,"x":1}"#, DecodeError::Malformed);
    check(r#"{"format":1,"statements":{},"sent":[],"refused":0,"overflowed":0}"#, DecodeError::Malformed);
    check(r#"{"format":1,"statements":[],"sent":["nope"],"refused":0,"overflowed":0}"#, DecodeError::Malformed);
    check(r#"{"format":1,"statements":[],"sent":[],"refused":-1,"overflowed":0}"#, DecodeError::Malformed);
    check(&" ".repeat(MAX_ENCODED_BYTES + 1), DecodeError::TooLarge);
}

#[test]
fn damaged_statements_are_dropped_and_the_rest_kept() {
    let good = statement(1).encode();
    let text = format!(
        r#"{{"format":1,"statements":[{good},{{"id":"x"}},7,"s",{{}},{good},{other}],"sent":[],"refused":1,"overflowed":0}}"#,
        other = statement(2).encode()
    );
    let outbox = Outbox::decode(&text).unwrap();
    assert_eq!(waiting(&outbox), ids([1, 2]), "the repeated statement is kept once");
    assert_eq!(outbox.status().refused, 5);
}

#[test]
fn stored_values_over_the_bounds_keep_the_oldest() {
    let statements: Vec<String> = (0..CAPACITY as u32 + 10).map(|n| statement(n).encode()).collect();
    let sent: Vec<String> = (0..SENT_MEMORY as u32 + 5).map(|n| format!("\"{}\"", statement(100_000 + n).id)).collect();
    let text = format!(
        r#"{{"format":1,"statements":[{}],"sent":[{}],"refused":0,"overflowed":0}}"#,
        statements.join(","),
        sent.join(",")
    );
    let outbox = Outbox::decode(&text).unwrap();
    assert_eq!(waiting(&outbox), ids(0..CAPACITY as u32));
    assert_eq!(outbox.status().overflowed, 10);
    assert_eq!(outbox.sent.len(), SENT_MEMORY);
    assert_eq!(outbox.sent.back(), Some(&statement(100_000 + SENT_MEMORY as u32 + 4).id), "the latest are remembered");
}

#[test]
fn two_tabs_merge_by_statement_id() {
    // Both tabs loaded the same stored outbox, then each queued and sent on its own.
    let shared = outbox_of(0..3);
    let (mut a, mut b) = (shared.clone(), shared);
    a.push(&statement(10));
    b.push(&statement(20));
    exchange(&mut a, 0, Response::Status(200)); // a sent 0, 1, 2 and 10

    let mut b_merged = b.clone();
    b_merged.merge(Outbox::decode(&a.encode()).unwrap());
    assert_eq!(waiting(&b_merged), ids([20]), "what a sent is not sent again by b");

    a.merge(Outbox::decode(&b.encode()).unwrap());
    assert_eq!(waiting(&a), ids([20]), "what b queued is sent by a, if a goes first");

    b_merged.merge(Outbox::decode(&a.encode()).unwrap());
    assert_eq!(waiting(&b_merged), waiting(&a), "merging again changes nothing");
}

#[test]
fn merging_keeps_the_bounds() {
    let mut a = outbox_of(0..CAPACITY as u32 - 5);
    let b = outbox_of(1000..1010);
    a.merge(b);
    assert_eq!(a.len(), CAPACITY);
    assert_eq!(a.status().overflowed, 5);
}
