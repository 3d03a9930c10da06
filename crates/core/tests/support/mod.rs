//! Helpers for the tests that write small content trees to a temp folder and compare diagnostics
//! as an author sees them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use aware_core::content::compile::Diagnostic;

/// Writes `files` (path relative to the tree, text) to a fresh folder of its own under the temp
/// folder, named after `suite`, and returns it.
pub fn write_tree<'a>(suite: &str, files: impl IntoIterator<Item = (&'a str, &'a str)>) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("aware-core-{suite}-tests")).join(format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a file is in a folder")).expect("create test folder");
        std::fs::write(path, text).expect("write test file");
    }
    dir
}

/// Each diagnostic as `path/relative/to/dir:line: message`.
pub fn relative(dir: &Path, errors: &[Diagnostic]) -> Vec<String> {
    errors
        .iter()
        .map(|error| {
            let path = error.path.strip_prefix(dir).unwrap_or(&error.path);
            format!("{}:{}: {}", path.display(), error.line, error.message)
        })
        .collect()
}
