//! Arbitrary text into the decoder of messages between a classroom session's windows. The first
//! byte chooses how: odd, the rest is the message as it is; even, the rest edits a valid `state`
//! message (pairs of position and byte), so the fuzzer also reaches deep into a session's parts.
//! The decoder must refuse or read without panicking, and whatever it reads must read back the
//! same after encoding; a window must take it without panicking.
#![no_main]

use aware_core::classroom::{Message, Role, SessionId, Window, WindowId};
use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = r#"{"aware":1,"from":"0101010101010101","role":"presenter","session":"0707070707070707","state":{"band":"15-18","blank":false,"class_size":28,"date":"2026-03-02","ended":false,"id":"0707070707070707","lesson":"myths","lesson_version":3,"locale":"en","place":{"index":6,"screen":{"id":"single","kind":"question"}},"polls":{"single":{"after":null,"after_key_shown":false,"before":{"counts":[1,3,3,4]},"history":[{"counts":[1,2,3,4]}],"kind":"single","open":"before","options":["a","b","c","d"],"revealed":false},"multiple":{"after":{"counts":[2,0,1],"answered":3},"after_key_shown":true,"before":{"counts":[1,0,1],"answered":2},"kind":"multiple","open":null,"options":["a","b","c"],"revealed":true}},"revision":8,"scenarios":{"walk":{"picked":"right","taken":["left"]}}},"type":"state","writer":"0202020202020202"}"#;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = if mode % 2 == 1 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        for edit in rest.chunks_exact(3) {
            let at = usize::from(u16::from_le_bytes([edit[0], edit[1]])) % bytes.len();
            bytes[at] = edit[2];
        }
        String::from_utf8_lossy(&bytes).into_owned()
    };
    if let Ok(message) = Message::decode(&text) {
        assert_eq!(Message::decode(&message.encode()), Ok(message));
    }
    let session = SessionId::parse("0707070707070707").expect("a session id");
    let (mut window, _) = Window::join(WindowId::from_random([9; 8]), Role::Audience, session);
    let _ = window.receive(&text);
    let _ = window.tick();
});
