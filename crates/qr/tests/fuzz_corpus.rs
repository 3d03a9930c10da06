//! Every input of `fuzz/corpus/read_qr/`, replayed on stable Rust through the check the fuzz
//! target runs (`aware_qr::fuzzing::read_qr`), so CI re-checks what fuzzing found.

use std::path::Path;

#[test]
fn every_fuzz_corpus_input_keeps_the_readers_properties() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/read_qr");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 3, "{}: the target starts from real codes", dir.display());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let checked = std::panic::catch_unwind(|| aware_qr::fuzzing::read_qr(&bytes));
        assert!(checked.is_ok(), "{} breaks a property (message above)", path.display());
    }
}
