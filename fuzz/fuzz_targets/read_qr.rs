//! Arbitrary frames, and drawn codes with damaged modules, into the QR reader of the camera
//! worker; the check and its input layout are in `aware_qr::fuzzing`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| aware_qr::fuzzing::read_qr(data));
