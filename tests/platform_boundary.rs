//! Only `src/platform/` touches browser APIs (window, document, storage, history, timers, the
//! clock, listeners on window or document, WebCrypto): everything else is components and state
//! that could be tested without a browser's globals. A component may still read the element a DOM
//! event came from, as yew does (`event.target_unchecked_into::<HtmlInputElement>()`): those few
//! element types are the only `web_sys` names allowed outside `platform/`.

use std::path::{Path, PathBuf};

/// `web_sys` types a component may name: the element an event or a node ref points at.
const ELEMENT_TYPES: [&str; 3] = ["HtmlInputElement", "HtmlElement", "HtmlSelectElement"];

/// What only `platform/` may write, with why.
const FORBIDDEN: [(&str, &str); 12] = [
    ("js_sys", "JavaScript globals (the clock, Reflect, arrays)"),
    ("gloo", "browser wrappers"),
    ("wasm_bindgen", "bindings, closures and futures (spawn with yew::platform::spawn_local)"),
    ("Closure", "a JavaScript callback, for a listener"),
    ("add_event_listener", "a listener on window or document"),
    ("local_storage", "storage"),
    ("session_storage", "storage"),
    (".history()", "history"),
    ("set_timeout", "timers"),
    ("query_selector", "querying the DOM"),
    ("get_element_by_id", "querying the DOM"),
    (".document()", "the document"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every use of a browser API in `text`, as `line: what`.
fn browser_uses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for (token, what) in FORBIDDEN {
            if code.contains(token) {
                found.push(format!("{}: {token} ({what})", number + 1));
            }
        }
        let mut rest = code;
        while let Some(at) = rest.find("web_sys::") {
            rest = &rest[at + "web_sys::".len()..];
            let names: Vec<String> = if let Some(list) = rest.strip_prefix('{') {
                let end = list.find('}').unwrap_or(list.len());
                list[..end].split(',').map(|name| name.trim().to_owned()).filter(|name| !name.is_empty()).collect()
            } else {
                vec![rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()]
            };
            for name in names.into_iter().filter(|name| !ELEMENT_TYPES.contains(&name.as_str())) {
                found.push(format!("{}: web_sys::{name} (only event targets: {ELEMENT_TYPES:?})", number + 1));
            }
        }
    }
    found
}

#[test]
fn only_the_platform_module_touches_browser_apis() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let platform = src.join("platform");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut offences = Vec::new();
    for file in files.iter().filter(|file| !file.starts_with(&platform)) {
        let text = std::fs::read_to_string(file).expect("a source file");
        for found in browser_uses(&text) {
            offences
                .push(format!("{}:{found}", file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(file).display()));
        }
    }
    assert!(files.len() > 40, "found only {} source files; is the scan broken?", files.len());
    assert!(offences.is_empty(), "browser APIs outside src/platform/:\n{}", offences.join("\n"));
}

#[test]
fn the_scan_finds_each_kind_of_browser_use_and_allows_event_targets() {
    let check = |code: &str, expected: usize| assert_eq!(browser_uses(code).len(), expected, "{code}");
    check("let now = js_sys::Date::now();", 1);
    check("let w = web_sys::window();", 1);
    check("use web_sys::{HtmlInputElement, Storage};", 1);
    check("use web_sys::{HtmlInputElement, HtmlElement};", 0);
    check("let input: web_sys::HtmlInputElement = event.target_unchecked_into();", 0);
    check("document.add_event_listener_with_callback(\"keyup\", f)", 1);
    check("wasm_bindgen_futures::spawn_local(task)", 1);
    check("yew::platform::spawn_local(task)", 0);
    check("// web_sys::window() in a comment", 0);
    check("let d = window.document();", 1);
}
