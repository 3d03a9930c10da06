//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
//!
//! Screens are mounted under the app's real providers, with a small curriculum built in the test
//! (so nothing is downloaded) and an in-memory router. One binary, one browser session; a module
//! per area.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod harness;

/// Classroom sessions: starting one, the keys, polls with undo, reveal and re-poll, the two
/// windows kept in step over BroadcastChannel, the answer cards.
mod classroom;
/// A shared computer: "Next student", the teacher's passphrase, sealed hand-ins, WebCrypto, and
/// "Data on this device".
mod device;
/// Lesson text and citations render as elements, never as HTML strings.
mod lesson_text;
/// Answering a question: feedback, explanations, trying again, saving.
mod question;
/// The quick-exit control's keyboard shortcut.
mod quick_exit;
/// Scenarios played step by step, and the teacher guide with its read-aloud script.
mod scenario;
/// Where progress is kept: saving, and unreadable data kept aside.
mod storage;
/// The awareness check and the teacher's study screens: codes, handing in, results kept on the
/// device, the class report, importing results files.
mod study;
