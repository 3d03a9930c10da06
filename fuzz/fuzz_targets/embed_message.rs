//! Messages from another window (both directions of the embed protocol).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_core::fuzz_checks::embed_message(data));
