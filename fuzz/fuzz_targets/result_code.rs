//! Arbitrary bytes, and arbitrary bodies under a correct checksum, into the result-code
//! decoders and scan sessions; the check and its input layout are in
//! `aware_core::result_code::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_core::result_code::fuzzing::result_code(data));
