//! The stored xAPI outbox, as read back from localStorage.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_core::fuzz_checks::xapi_outbox(data));
