//! The properties the fuzz targets check (`fuzz/fuzz_targets/`), shared with the seeded corpus
//! tests (`crates/core/tests/fuzz_corpus.rs`) so that stable `cargo test` checks the same thing.
//! Each function takes arbitrary bytes and panics only when a property fails: a decoder must
//! never panic, and whatever it accepts must encode and decode to the same value.

use crate::deployment::Origin;
use crate::embed::{ChildMessage, MAX_MESSAGE_BYTES, ParentLink, ParentMessage};
use crate::xapi::outbox::{self, Outbox};

/// Embed messages, both directions, and the child's introduction.
pub fn embed_message(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(message) = ChildMessage::decode(text) {
        let encoded = message.encode();
        assert!(encoded.len() <= MAX_MESSAGE_BYTES, "an accepted message encodes within the limit");
        assert_eq!(ChildMessage::decode(&encoded), Ok(message), "an accepted message survives encoding");
    }
    let parent = ParentMessage::decode(text);
    if let Ok(message) = parent {
        assert_eq!(ParentMessage::decode(&message.encode()), Ok(message));
    }
    let allowed = [Origin::parse("https://campaign.example.org").expect("a valid origin")];
    let mut link = ParentLink::new();
    let heard = link.hear("https://campaign.example.org", text, &allowed);
    assert_eq!(heard.is_ok(), parent.is_ok(), "a listed parent is heard exactly when its message is valid");
    assert_eq!(link.parent().is_some(), parent.is_ok());
    assert!(link.hear("https://campaign.example.org.evil", text, &allowed).is_err());
}

/// A stored outbox: whatever decodes stays within the bounds, encodes to a value that decodes
/// to the same outbox, and sends a batch that is a JSON array.
pub fn xapi_outbox(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(mut decoded) = Outbox::decode(text) else { return };
    assert!(decoded.len() <= outbox::CAPACITY);
    let encoded = decoded.encode();
    assert!(encoded.len() <= outbox::MAX_ENCODED_BYTES, "a stored outbox can always be read back");
    let again = Outbox::decode(&encoded).expect("an encoded outbox decodes");
    assert_eq!(again.encode(), encoded, "an encoded outbox decodes to the same outbox");
    if let Some(batch) = decoded.next_batch(0) {
        assert!((1..=outbox::BATCH).contains(&batch.len()));
        let statements: Vec<&serde_json::value::RawValue> =
            serde_json::from_str(&batch.body).expect("a batch's body is a JSON array");
        assert_eq!(statements.len(), batch.len());
    }
}
