use super::*;
use crate::quiz::Score;

fn id(text: &str) -> ContentId {
    ContentId::parse(text).unwrap()
}

fn origins(list: &[&str]) -> Vec<Origin> {
    list.iter().map(|text| Origin::parse(text).unwrap()).collect()
}

fn check_child(text: &str, expected: Result<ChildMessage, Refusal>) {
    assert_eq!(ChildMessage::decode(text), expected, "{text}");
}

#[test]
fn every_child_message_survives_encoding() {
    let messages = [
        ChildMessage::Ready,
        ChildMessage::Resize { height: Height::new(640).unwrap() },
        ChildMessage::Started { lesson: id("myths-and-facts") },
        ChildMessage::Answered { lesson: id("myths-and-facts"), item: id("how-it-starts"), correct: false },
        ChildMessage::Completed { lesson: id("myths-and-facts"), score: Score::new(7, 10).unwrap() },
    ];
    for message in messages {
        let text = message.encode();
        assert!(text.len() <= MAX_MESSAGE_BYTES, "{text}");
        assert_eq!(ChildMessage::decode(&text), Ok(message), "{text}");
    }
    assert_eq!(ParentMessage::decode(&ParentMessage::Hello.encode()), Ok(ParentMessage::Hello));
}

#[test]
fn messages_have_the_documented_wire_form() {
    assert_eq!(ParentMessage::Hello.encode(), r#"{"aware":1,"type":"hello"}"#);
    assert_eq!(ChildMessage::Ready.encode(), r#"{"aware":1,"type":"ready"}"#);
    assert_eq!(
        ChildMessage::Resize { height: Height::new(480).unwrap() }.encode(),
        r#"{"aware":1,"type":"resize","height":480}"#
    );
    assert_eq!(
        ChildMessage::Answered { lesson: id("l"), item: id("q1"), correct: true }.encode(),
        r#"{"aware":1,"type":"answered","lesson":"l","item":"q1","correct":true}"#
    );
    assert_eq!(
        ChildMessage::Completed { lesson: id("l"), score: Score::new(3, 4).unwrap() }.encode(),
        r#"{"aware":1,"type":"completed","lesson":"l","score":3,"max":4}"#
    );
}

#[test]
fn the_longest_valid_message_fits_the_limit() {
    let longest = "a".repeat(crate::content::id::MAX_LEN);
    let message = ChildMessage::Answered { lesson: id(&longest), item: id(&longest), correct: false };
    assert!(message.encode().len() <= MAX_MESSAGE_BYTES);
}

#[test]
fn field_order_and_spacing_do_not_matter() {
    check_child(
        r#" { "type" : "started", "lesson": "l", "aware": 1 } "#,
        Ok(ChildMessage::Started { lesson: id("l") }),
    );
}

#[test]
fn malformed_messages_are_refused() {
    use Refusal::*;
    let too_long = format!(r#"{{"aware":1,"type":"ready","pad":"{}"}}"#, "x".repeat(MAX_MESSAGE_BYTES));
    for (text, refusal) in [
        ("", Malformed),
        ("null", Malformed),
        ("[]", Malformed),
        ("\"ready\"", Malformed),
        ("{", Malformed),
        (too_long.as_str(), TooLong),
        // The namespace and version.
        (r#"{"type":"ready"}"#, WrongVersion),
        (r#"{"aware":2,"type":"ready"}"#, WrongVersion),
        (r#"{"aware":0,"type":"ready"}"#, WrongVersion),
        (r#"{"aware":null,"type":"ready"}"#, WrongVersion),
        (r#"{"aware":"1","type":"ready"}"#, Malformed),
        (r#"{"aware":1.0,"type":"ready"}"#, Malformed),
        (r#"{"aware":true,"type":"ready"}"#, Malformed),
        (r#"{"aware":1,"aware":1,"type":"ready"}"#, Malformed),
        (r#"{"aware":-1,"type":"ready"}"#, Malformed),
        // Types.
        (r#"{"aware":1}"#, Malformed),
        (r#"{"aware":1,"type":"Ready"}"#, Malformed),
        (r#"{"aware":1,"type":"xapi"}"#, Malformed),
        (r#"{"aware":1,"type":"hello"}"#, WrongDirection),
        // Fields no message has: nothing can carry an identifier, a time or text.
        (r#"{"aware":1,"type":"ready","user":"k7m-4px"}"#, Malformed),
        (r#"{"aware":1,"type":"answered","lesson":"l","item":"q","correct":true,"time":1718000000}"#, Malformed),
        (r#"{"aware":1,"type":"started","lesson":"l","text":"hi"}"#, Malformed),
        // Fields of another type, missing fields, repeated fields.
        (r#"{"aware":1,"type":"ready","height":400}"#, WrongFields),
        (r#"{"aware":1,"type":"resize"}"#, WrongFields),
        (r#"{"aware":1,"type":"started"}"#, WrongFields),
        (r#"{"aware":1,"type":"answered","lesson":"l","item":"q"}"#, WrongFields),
        (r#"{"aware":1,"type":"completed","lesson":"l","score":1}"#, WrongFields),
        (r#"{"aware":1,"type":"started","lesson":"l","lesson":"m"}"#, Malformed),
        // Ids outside the content alphabet or too long.
        (r#"{"aware":1,"type":"started","lesson":"Name Surname"}"#, Malformed),
        (r#"{"aware":1,"type":"started","lesson":""}"#, Malformed),
        (r#"{"aware":1,"type":"started","lesson":"<script>"}"#, Malformed),
        (r#"{"aware":1,"type":"started","lesson":7}"#, Malformed),
        (r#"{"aware":1,"type":"started","lesson":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#, Malformed),
        // Numbers out of range or of the wrong kind.
        (r#"{"aware":1,"type":"resize","height":0}"#, OutOfRange),
        (r#"{"aware":1,"type":"resize","height":99}"#, OutOfRange),
        (r#"{"aware":1,"type":"resize","height":20001}"#, OutOfRange),
        (r#"{"aware":1,"type":"resize","height":4294967296}"#, Malformed),
        (r#"{"aware":1,"type":"resize","height":-5}"#, Malformed),
        (r#"{"aware":1,"type":"resize","height":480.5}"#, Malformed),
        (r#"{"aware":1,"type":"resize","height":"480"}"#, Malformed),
        (r#"{"aware":1,"type":"completed","lesson":"l","score":5,"max":4}"#, OutOfRange),
        (r#"{"aware":1,"type":"completed","lesson":"l","score":0,"max":0}"#, OutOfRange),
        (r#"{"aware":1,"type":"completed","lesson":"l","score":1,"max":70000}"#, OutOfRange),
        (r#"{"aware":1,"type":"answered","lesson":"l","item":"q","correct":"yes"}"#, Malformed),
    ] {
        check_child(text, Err(refusal));
    }
}

#[test]
fn the_parent_may_only_say_hello() {
    assert_eq!(ParentMessage::decode(r#"{"aware":1,"type":"ready"}"#), Err(Refusal::WrongDirection));
    assert_eq!(ParentMessage::decode(r#"{"aware":1,"type":"hello","height":300}"#), Err(Refusal::WrongFields));
    assert_eq!(ParentMessage::decode(r#"{"aware":1,"type":"hello","from":"x"}"#), Err(Refusal::Malformed));
}

#[test]
fn heights_are_bounded_and_measured_heights_rounded_up() {
    assert_eq!(Height::new(99), None);
    assert_eq!(Height::new(100).map(Height::pixels), Some(100));
    assert_eq!(Height::new(20_000).map(Height::pixels), Some(20_000));
    assert_eq!(Height::new(20_001), None);
    for (measured, pixels) in
        [(480.2, 481), (480.0, 480), (-3.0, 100), (0.0, 100), (1e9, 20_000), (f64::NAN, 100), (f64::INFINITY, 20_000)]
    {
        assert_eq!(Height::from_measured(measured).pixels(), pixels, "{measured}");
    }
}

#[test]
fn a_score_comes_only_from_a_finished_quiz() {
    let summary = |solved, first_try_correct| Summary { total: 4, answered: 4, first_try_correct, solved };
    assert_eq!(Score::of(&summary(4, 3)), Score::new(3, 4));
    assert_eq!(Score::of(&summary(3, 3)), None);
    assert_eq!(Score::new(0, 0), None);
    assert_eq!(Score::new(2, 1), None);
}

#[test]
fn origins_are_compared_exactly() {
    let allowed = origins(&["https://campaign.example.org", "http://127.0.0.1:8080"]);
    assert!(is_allowed("https://campaign.example.org", &allowed));
    assert!(is_allowed("http://127.0.0.1:8080", &allowed));
    for other in [
        "https://campaign.example.org.evil.example",
        "https://evil-campaign.example.org",
        "https://sub.campaign.example.org",
        "http://campaign.example.org",
        "https://campaign.example.org:8443",
        "https://campaign.example.org/",
        "https://CAMPAIGN.example.org",
        "http://127.0.0.1:8081",
        "null",
        "",
        "*",
    ] {
        assert!(!is_allowed(other, &allowed), "{other}");
    }
    assert!(!is_allowed("https://campaign.example.org", &[]));
}

#[test]
fn the_child_talks_only_after_a_listed_parent_said_hello() {
    let allowed = origins(&["https://a.example.org", "https://b.example.org"]);
    let hello = ParentMessage::Hello.encode();
    let mut link = ParentLink::new();
    assert_eq!(link.parent(), None);

    assert_eq!(link.hear("https://evil.example", &hello, &allowed), Err(Refusal::Origin));
    assert_eq!(
        link.hear("https://a.example.org", r#"{"aware":1,"type":"ready"}"#, &allowed),
        Err(Refusal::WrongDirection)
    );
    assert_eq!(link.hear("https://a.example.org", "not json", &allowed), Err(Refusal::Malformed));
    assert_eq!(link.parent(), None, "nothing but a hello introduces a parent");

    assert_eq!(link.hear("https://a.example.org", &hello, &allowed), Ok(ParentMessage::Hello));
    assert_eq!(link.parent().map(Origin::as_str), Some("https://a.example.org"));
    // A repeated hello is answered again; another listed origin cannot take the link over.
    assert_eq!(link.hear("https://a.example.org", &hello, &allowed), Ok(ParentMessage::Hello));
    assert_eq!(link.hear("https://b.example.org", &hello, &allowed), Err(Refusal::Origin));
    assert_eq!(link.parent().map(Origin::as_str), Some("https://a.example.org"));
}

#[test]
fn nobody_is_a_parent_when_no_site_may_embed() {
    let mut link = ParentLink::new();
    assert_eq!(link.hear("https://a.example.org", &ParentMessage::Hello.encode(), &[]), Err(Refusal::Origin));
    assert_eq!(link.parent(), None);
}

const PARENT: &str = "https://campaign.example.org";

fn hello() -> String {
    ParentMessage::Hello.encode()
}

fn height(pixels: u32) -> ChildMessage {
    ChildMessage::Resize { height: Height::new(pixels).unwrap() }
}

fn started() -> ChildMessage {
    ChildMessage::Started { lesson: id("myths-and-facts") }
}

fn answered(item: &str) -> ChildMessage {
    ChildMessage::Answered { lesson: id("myths-and-facts"), item: id(item), correct: true }
}

#[test]
fn the_channel_sends_nothing_until_a_listed_parent_says_hello_then_what_waited_in_order() {
    let allowed = origins(&[PARENT]);
    let mut channel = Channel::new();
    assert_eq!(channel.send(height(500)), None);
    assert_eq!(channel.send(started()), None);
    assert_eq!(channel.send(height(640)), None);
    assert_eq!(channel.send(answered("q1")), None);
    assert_eq!(channel.hear("https://campaign.example.org.evil.example", &hello(), &allowed), Err(Refusal::Origin));
    assert_eq!(channel.hear(PARENT, r#"{"aware":1,"type":"ready"}"#, &allowed), Err(Refusal::WrongDirection));
    assert_eq!(channel.parent(), None);
    assert_eq!(
        channel.hear(PARENT, &hello(), &allowed),
        Ok(vec![ChildMessage::Ready, height(640), started(), answered("q1")])
    );
    assert_eq!(channel.parent().map(Origin::as_str), Some(PARENT));
    assert_eq!(channel.send(answered("q2")), Some(answered("q2")));
}

#[test]
fn a_repeated_hello_gets_ready_and_the_height_again_but_no_event_twice() {
    let allowed = origins(&[PARENT]);
    let mut channel = Channel::new();
    channel.send(started());
    channel.send(height(480));
    assert_eq!(channel.hear(PARENT, &hello(), &allowed), Ok(vec![ChildMessage::Ready, height(480), started()]));
    assert_eq!(channel.hear(PARENT, &hello(), &allowed), Ok(vec![ChildMessage::Ready, height(480)]));
    assert_eq!(
        channel.hear("https://other.example.org", &hello(), &origins(&[PARENT, "https://other.example.org"])),
        Err(Refusal::Origin)
    );
}

#[test]
fn a_height_is_sent_when_it_changes_only() {
    let mut channel = Channel::new();
    channel.hear(PARENT, &hello(), &origins(&[PARENT])).unwrap();
    assert_eq!(channel.send(height(480)), Some(height(480)));
    assert_eq!(channel.send(height(480)), None);
    assert_eq!(channel.send(height(481)), Some(height(481)));
}

#[test]
fn events_waiting_for_a_parent_are_bounded_and_the_first_are_kept() {
    let mut channel = Channel::new();
    let events: Vec<ChildMessage> = (0..WAITING + 5).map(|n| answered(&format!("q{n}"))).collect();
    for event in &events {
        assert_eq!(channel.send(event.clone()), None);
    }
    let answer = channel.hear(PARENT, &hello(), &origins(&[PARENT])).unwrap();
    assert_eq!(answer[0], ChildMessage::Ready);
    assert_eq!(answer[1..], events[..WAITING]);
}
