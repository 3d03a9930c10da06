//! Every input the fuzzers kept (`fuzz/corpus/<target>/`), replayed on stable Rust through the
//! same checks the fuzz targets run ([`aware_core::fuzzing`]), so CI re-checks them without a
//! nightly toolchain. Inputs that once crashed a decoder stay in the corpus as regressions.

use std::path::{Path, PathBuf};

use aware_core::fuzzing::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_input_keeps_its_decoders_properties() {
    for target in TARGETS {
        let dir = fuzz_dir().join("corpus").join(target.name);
        let files = files_in(&dir);
        assert!(!files.is_empty(), "{}: no inputs; a target starts from real files", dir.display());
        for path in files {
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            let checked = std::panic::catch_unwind(|| (target.check)(&bytes));
            assert!(checked.is_ok(), "{} breaks a property of {} (message above)", path.display(), target.name);
        }
    }
}

#[test]
fn every_fuzz_target_is_replayed_here_and_every_check_has_a_target() {
    let mut on_disk: Vec<String> = files_in(&fuzz_dir().join("fuzz_targets"))
        .iter()
        .filter_map(|path| path.file_stem()?.to_str().map(str::to_owned))
        .collect();
    on_disk.sort();
    let mut registered: Vec<String> = TARGETS.iter().map(|target| target.name.to_owned()).collect();
    registered.sort();
    assert_eq!(on_disk, registered, "fuzz/fuzz_targets/ and aware_core::fuzzing::TARGETS list the same targets");
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for name in &registered {
        assert!(manifest.contains(&format!("name = \"{name}\"")), "fuzz/Cargo.toml has no [[bin]] {name}");
    }
}
