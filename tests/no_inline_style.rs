//! No screen sets a `style` attribute: the Content-Security-Policy (`style-src 'self'`, no
//! `'unsafe-inline'`) would block it, and a student would see the page unstyled where it matters.
//! Classes and `styles/app.css` only (ARCHITECTURE.md).
//!
//! The release's JavaScript cannot show it (`aware package` refuses glue that sets a style, but
//! yew sets every attribute through one generic `setAttribute(name, value)`), so the app's source
//! is read here: a `style` attribute in `html!` or a `"style"` attribute name anywhere in `src/`.
//! The end-to-end tests catch any that slips through at run time, as a policy violation.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Where `source` sets a style attribute: the 1-based numbers of the lines, comments left out.
fn style_attributes(source: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or_default();
            code.contains(" style=") || code.contains("\"style\"") || code.contains("\tstyle=")
        })
        .map(|(index, _)| index + 1)
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_detector_finds_style_attributes_and_nothing_else() {
    let check = |source: &str, expected: &[usize]| assert_eq!(style_attributes(source), expected, "{source}");
    check(r#"html! { <div class="a" style="color: red">{ "x" }</div> }"#, &[1]);
    check(r#"html! { <p style={format!("width: {w}%")} /> }"#, &[1]);
    check("let a = 1;\nelement.set_attribute(\"style\", &css);", &[2]);
    check(r#"html! { <div class="stylesheet">{ "in style" }</div> }"#, &[]);
    check("// no style=\"\" attributes: the policy blocks them", &[]);
}

#[test]
fn no_screen_sets_a_style_attribute() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "the app's source is found ({} files)", files.len());
    let mut found = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        for line in style_attributes(&source) {
            found.push(format!("{}:{line}", file.strip_prefix(&src).unwrap_or(&file).display()));
        }
    }
    assert!(found.is_empty(), "style attributes (use a class in styles/app.css): {}", found.join(", "));
}
