//! `aware package` as scripts/build.sh runs it: the built binary on three page folders shaped as
//! Trunk writes them, checking the offline side of the site it writes (the service worker's list,
//! the web app manifest, the pages that name them) and the single file for a USB stick.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use sha2::{Digest, Sha256};

const FAVICON: &str = include_str!("../../../assets/favicon.svg");
const CSS: &str = ":root {\n  --background: #ffffff;\n  --brand-dark: #073763;\n}\nbody { color: #111; }\n";
const GLUE: &str = "let wasm;\nasync function __wbg_init(module_or_path) { wasm = module_or_path; }\nexport { __wbg_init as default };\n";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A folder of its own under the system's temporary folder (tests run at once), removed when
/// dropped.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch() -> Scratch {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "aware-package-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// The page Trunk writes for bundle `bin`.
fn page(bin: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Aware</title>
    <link rel="icon" href="./favicon-5f0e2a9c1b3d4e6f.svg" integrity="sha384-a"/>
    <link rel="stylesheet" href="./app-0123456789abcdef.css" integrity="sha384-b"/>
    <script src="./exit-0f1e2d3c4b5a6978.js" integrity="sha384-x" type="module"></script>
    <script src="./boot-0a1b2c3d4e5f6a7b.js" integrity="sha384-c" type="module"></script>
  <link rel="modulepreload" href="./{bin}-0123456789abcde.js" crossorigin="anonymous" integrity="sha384-d"><link rel="preload" href="./{bin}-0123456789abcde_bg.wasm" crossorigin="anonymous" integrity="sha384-e" as="fetch" type="application/wasm"></head>
  <body>
    <div class="exit-bar" id="aware-exit-bar"><a id="aware-exit" class="button exit-button" href="https://exit.invalid/" role="button">Exit this page</a></div>
  </body>
</html>"#
    )
}

/// Three page folders as Trunk writes them, each with the shared files and the lessons; `lesson`
/// is the bytes of one lesson file (to make a different release).
fn trunk_pages(dir: &Path, lesson: &str) -> [PathBuf; 3] {
    ["aware-student", "aware-check", "aware-teacher"].map(|bin| {
        let pages = dir.join("pages").join(bin);
        write(&pages.join("index.html"), page(bin).as_bytes());
        write(&pages.join("favicon-5f0e2a9c1b3d4e6f.svg"), FAVICON.as_bytes());
        write(&pages.join("app-0123456789abcdef.css"), CSS.as_bytes());
        write(&pages.join("boot-0a1b2c3d4e5f6a7b.js"), b"await import('./x.js');\n");
        write(&pages.join("exit-0f1e2d3c4b5a6978.js"), b"document.title = '';\n");
        write(&pages.join(format!("{bin}-0123456789abcde.js")), GLUE.as_bytes());
        write(&pages.join(format!("{bin}-0123456789abcde_bg.wasm")), format!("\0asm {bin}").as_bytes());
        for locale in ["en", "mn"] {
            write(&pages.join(format!("content/{locale}/index.bin")), format!("index {locale}").as_bytes());
            write(&pages.join(format!("content/{locale}/what-is-trafficking.bin")), lesson.as_bytes());
        }
        write(&pages.join("content/assessment.json"), b"{}");
        pages
    })
}

/// Runs `aware package` on pages made with `lesson`, into `dir/dist` and `dir/usb/aware.html`.
fn package(dir: &Path, lesson: &str) -> PathBuf {
    let [student, check, teacher] = trunk_pages(dir, lesson);
    let dist = dir.join("dist");
    let output = Command::new(env!("CARGO_BIN_EXE_aware"))
        .arg("package")
        .args(["--deployment", "deployment.toml", "--out"])
        .arg(&dist)
        .arg("--single-file")
        .arg(dir.join("usb/aware.html"))
        .args([student, check, teacher])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    dist
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The list `sw.js` starts with: `version`, and `files` (path → integrity).
fn precache(dist: &Path) -> (String, BTreeMap<String, String>) {
    let worker = read(&dist.join("sw.js"));
    let line = worker.lines().find_map(|line| line.strip_prefix("const PRECACHE = ")).expect("the list");
    let list: serde_json::Value = serde_json::from_str(line.trim_end_matches(';')).unwrap();
    let files = list["files"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()));
    (list["version"].as_str().unwrap().to_owned(), files.collect())
}

fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes)))
}

/// Every file of `dist`, relative to it.
fn files(dist: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dist.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dist).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_worker_keeps_every_file_a_student_or_teacher_opens_with_the_hash_of_what_is_served() {
    let dir = scratch();
    let dist = package(&dir, "lesson one");
    let (_, listed) = precache(&dist);
    // What a device never needs from the worker: itself, the host's headers, the precompressed
    // copies (the same files, encoded on the wire) and the embed view (a campaign's frame).
    let served: Vec<String> = files(&dist)
        .into_iter()
        .filter(|name| !(name == "sw.js" || name.starts_with("_headers") || name == "embed.html"))
        .filter(|name| !(name.ends_with(".br") || name.ends_with(".gz")))
        .collect();
    assert_eq!(listed.keys().cloned().collect::<Vec<_>>(), served);
    for (name, hash) in &listed {
        assert_eq!(*hash, integrity(&std::fs::read(dist.join(name)).unwrap()), "{name}");
    }
    for kept in ["index.html", "check.html", "teacher.html", "manifest.webmanifest", "icon-192.png"] {
        assert!(listed.contains_key(kept), "{kept}");
    }
    for locale in ["en", "mn"] {
        assert!(listed.contains_key(&format!("content/{locale}/what-is-trafficking.bin")), "{locale}");
    }
}

#[test]
fn the_same_release_is_the_same_worker_and_any_change_a_new_one() {
    let (first, again, changed) = (scratch(), scratch(), scratch());
    let worker = read(&package(&first, "lesson one").join("sw.js"));
    assert_eq!(worker, read(&package(&again, "lesson one").join("sw.js")), "packaging is reproducible");
    let (version, _) = precache(&first.join("dist"));
    let (changed, _) = precache(&package(&changed, "lesson one, corrected"));
    assert_ne!(version, changed, "a changed lesson is a new version the browser installs");
}

#[test]
fn served_pages_name_the_worker_and_the_manifest_and_the_embed_view_neither() {
    let dir = scratch();
    let dist = package(&dir, "lesson one");
    for page in ["index.html", "check.html", "teacher.html"] {
        let html = read(&dist.join(page));
        assert!(html.contains("<html data-aware-worker=\"sw.js\" "), "{page}");
        assert!(html.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\" />"), "{page}");
        let policy = html.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).unwrap();
        assert!(policy.contains("worker-src 'self'") && policy.contains("manifest-src 'self'"), "{page}");
    }
    let embed = read(&dist.join("embed.html"));
    assert!(!embed.contains("data-aware-worker") && !embed.contains("rel=\"manifest\""));
}

#[test]
fn the_manifest_installs_the_student_s_page_with_icons_that_exist() {
    let dir = scratch();
    let dist = package(&dir, "lesson one");
    let manifest: serde_json::Value = serde_json::from_str(&read(&dist.join("manifest.webmanifest"))).unwrap();
    assert_eq!(manifest["name"], "Aware");
    assert_eq!(manifest["start_url"], "./index.html");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], "#073763");
    let icons = manifest["icons"].as_array().unwrap();
    assert!(icons.iter().any(|icon| icon["purpose"] == "maskable" && icon["sizes"] == "512x512"));
    for icon in icons {
        assert!(dist.join(icon["src"].as_str().unwrap()).is_file(), "{icon}");
    }
}

#[test]
fn the_single_file_needs_no_other_file_and_its_policy_allows_only_its_own_inline_code() {
    let dir = scratch();
    package(&dir, "lesson one");
    let html = read(&dir.join("usb/aware.html"));
    for reference in [" src=", "<link ", "./", "boot-"] {
        assert!(!html.contains(reference), "`{reference}` in the single file");
    }
    let between = |open: &str, close: &str| {
        let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
        html[start..start + html[start..].find(close).unwrap()].to_owned()
    };
    let policy = between("<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    // exit.js first (it must work before the app starts), then the glue and its loader.
    let scripts: Vec<&str> =
        html.split("<script type=\"module\">").skip(1).map(|rest| &rest[..rest.find("</script>").unwrap()]).collect();
    assert_eq!(scripts.len(), 2, "{scripts:?}");
    assert_eq!(scripts[0], "document.title = '';\n");
    let style = between("<style>", "</style>");
    let hash =
        |text: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text)));
    let allowed = format!("script-src {} {} 'wasm-unsafe-eval';", hash(scripts[0]), hash(scripts[1]));
    assert!(policy.contains(&allowed), "{policy}");
    assert!(policy.contains(&format!("style-src {};", hash(&style))), "{policy}");
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'self' 'wasm"), "{policy}");
    // The wasm and both languages' lessons are in the page; the exit link goes to the deployment's site.
    let block = |path: &str, bytes: &[u8]| {
        format!("id=\"file:{path}\">{}</script>", base64::engine::general_purpose::STANDARD.encode(bytes))
    };
    assert!(html.contains(&block("wasm", b"\0asm aware-student")));
    assert!(html.contains(&block("content/mn/what-is-trafficking.bin", b"lesson one")));
    assert!(html.contains(&block("content/en/index.bin", b"index en")));
    assert!(!html.contains("exit.invalid"));
}

#[test]
fn a_missing_value_or_unknown_option_is_a_usage_error() {
    for args in [&["package", "--out"][..], &["package", "--offline", "x", "--deployment", "deployment.toml"]] {
        let output = Command::new(env!("CARGO_BIN_EXE_aware")).args(args).current_dir(root()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}
