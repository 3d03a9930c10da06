//! Every input the fuzzers kept (`fuzz/corpus/<target>/`), replayed on stable Rust through the
//! same checks the fuzz targets run ([`aware_core::fuzzing`], the card reader's
//! `aware_vision::fuzzing` and the QR reader's `aware_qr::fuzzing`), so CI re-checks them without a nightly toolchain. Inputs that once
//! crashed a decoder stay in the corpus as regressions.
//!
//! Beyond the replay, a seeded mutator (inputs cut, changed, replaced or given a token, and
//! pieces of the target's other inputs spliced in) checks a few thousand neighbours of each
//! target's corpus, so that stable `cargo test` also explores a little past what the fuzzers
//! kept, and a target whose corpus holds only its seeds is still exercised.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use aware_core::fuzzing::Target;
use aware_core::rng::SplitMix64;

/// Every target: the decoders', the card reader's and the QR reader's.
fn targets() -> impl Iterator<Item = &'static Target> {
    aware_core::fuzzing::TARGETS.iter().chain(aware_vision::fuzzing::TARGETS).chain(aware_qr::fuzzing::TARGETS)
}

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

/// The target's corpus, each input with its path.
fn corpus(target: &Target) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join("corpus").join(target.name);
    let files = files_in(&dir);
    assert!(!files.is_empty(), "{}: no inputs; a target starts from real files", dir.display());
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            (path, bytes)
        })
        .collect()
}

#[test]
fn every_corpus_input_keeps_its_decoders_properties() {
    for target in targets() {
        for (path, bytes) in corpus(target) {
            let checked = catch_unwind(|| (target.check)(&bytes));
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
    let mut registered: Vec<String> = targets().map(|target| target.name.to_owned()).collect();
    registered.sort();
    assert_eq!(
        on_disk, registered,
        "fuzz/fuzz_targets/ and the TARGETS of aware_core::fuzzing, aware_vision::fuzzing and aware_qr::fuzzing list the same targets"
    );
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for name in &registered {
        assert!(manifest.contains(&format!("name = \"{name}\"")), "fuzz/Cargo.toml has no [[bin]] {name}");
    }
}

/// How many neighbours of its corpus each target checks.
const MUTANTS_PER_TARGET: usize = 5_000;

/// `input` damaged once ([`SplitMix64::damage`], JSON's punctuation for tokens), half of the time
/// with a piece of `other` (another input of the same target) spliced in too, the way libFuzzer
/// crosses inputs over.
fn mutate(input: &[u8], other: &[u8], rng: &mut SplitMix64) -> Vec<u8> {
    let mut data = input.to_vec();
    rng.damage(&mut data, b"{}[]\",:0-9e\\");
    if rng.chance(0.5) && !other.is_empty() {
        let start = rng.below(other.len());
        let end = (start + 1 + rng.below(64)).min(other.len());
        let at = rng.below(data.len() + 1);
        data.splice(at..at, other[start..end].iter().copied());
    }
    data
}

#[test]
fn neighbours_of_every_corpus_input_keep_their_decoders_properties() {
    for target in targets() {
        let inputs = corpus(target);
        // Seeded by the name, so that adding a target leaves the others' neighbours as they were.
        let mut rng = SplitMix64(target.name.bytes().fold(0, |seed, byte| seed.wrapping_mul(31) + u64::from(byte)));
        for mutant in 0..MUTANTS_PER_TARGET {
            let (path, input) = &inputs[rng.below(inputs.len())];
            let (_, other) = &inputs[rng.below(inputs.len())];
            let data = mutate(input, other, &mut rng);
            if catch_unwind(AssertUnwindSafe(|| (target.check)(&data))).is_err() {
                let saved = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-mutant-{mutant}", target.name));
                std::fs::write(&saved, &data).expect("the failing input is saved");
                panic!(
                    "mutant {mutant} of {} breaks a property of {} (message above); it is saved as {}: \
                     add it to fuzz/corpus/{}/ as crash-<what> once the decoder is fixed",
                    path.display(),
                    target.name,
                    saved.display(),
                    target.name
                );
            }
        }
    }
}
