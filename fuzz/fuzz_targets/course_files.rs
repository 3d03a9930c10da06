#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_core::fuzzing::course_files(data));
