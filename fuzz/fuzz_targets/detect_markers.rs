#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_vision::fuzzing::detect_markers(data));
