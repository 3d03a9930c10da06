//! `aware package`, run as scripts/build.sh runs it: the built binary on pages laid out as Trunk
//! writes them (a folder per page). A release whose scripts could build code from text or set a
//! style attribute, or whose pages carry inline code, is refused, and nothing is written; a clean
//! one gets its policy, its header files and its precompressed copies.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Aware</title>
    <link rel="icon" href="./favicon-5f0e2a9c1b3d4e6f.svg" />
    <link rel="stylesheet" href="./app-0123456789abcdef.css" />
    <script type="module" src="./exit-0f1e2d3c4b5a6978.js"></script>
    <script type="module" src="./boot-0123456789abcdef.js"></script>
  </head>
  <body>
    <div class="exit-bar" id="aware-exit-bar"><a id="aware-exit" class="button exit-button" href="https://exit.invalid/" role="button">Exit this page</a></div>
  </body>
</html>
"#;

/// What `aware package` draws the app's icons and colours from (as in the real `styles/app.css`).
const FAVICON: &str = include_str!("../../../assets/favicon.svg");
const CSS: &str = ":root {\n  --background: #ffffff;\n  --brand-dark: #073763;\n}\nbody { margin: 0 }\n";

const GLUE: &str = "export function start() { document.body.setAttribute(name, value); }\n";

/// A temporary folder with three pages as Trunk builds them; `script` is the student's glue.
struct Pages {
    dir: PathBuf,
}

impl Pages {
    fn new(page: &str, script: &str) -> Pages {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("aware-package-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, bundle) in [("index", "student"), ("check", "check"), ("teacher", "teacher")] {
            let folder = dir.join("pages").join(name);
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("index.html"), if name == "index" { page } else { PAGE }).unwrap();
            std::fs::write(folder.join("app-0123456789abcdef.css"), CSS).unwrap();
            std::fs::write(folder.join("favicon-5f0e2a9c1b3d4e6f.svg"), FAVICON).unwrap();
            std::fs::write(folder.join("exit-0f1e2d3c4b5a6978.js"), "document.title = '';\n").unwrap();
            std::fs::write(folder.join("boot-0123456789abcdef.js"), "await import('./x.js');\n").unwrap();
            let glue = if name == "index" { script } else { GLUE };
            std::fs::write(folder.join(format!("aware-{bundle}-fedcba9876543210.js")), glue).unwrap();
        }
        Pages { dir }
    }

    /// Runs `aware package` into `dist/` (which holds an older release's file); exit code and stderr.
    fn package(&self) -> (Option<i32>, String) {
        let dist = self.dist();
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("older-release.txt"), "kept until a release replaces it").unwrap();
        let pages = self.dir.join("pages");
        let output = Command::new(env!("CARGO_BIN_EXE_aware"))
            .args(["package", "--deployment", "deployment.toml", "--out"])
            .arg(&dist)
            .args([pages.join("index"), pages.join("check"), pages.join("teacher")])
            .current_dir(root())
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stderr).unwrap())
    }

    fn dist(&self) -> PathBuf {
        self.dir.join("dist")
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dist().join(name)).unwrap_or_else(|err| panic!("dist/{name}: {err}"))
    }
}

impl Drop for Pages {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Packages a release whose student glue is `script` (and whose student page is `page`), and
/// expects it refused with `problem` in the message, leaving the older release in place.
fn check_refused(page: &str, script: &str, problem: &str) {
    let pages = Pages::new(page, script);
    let (code, stderr) = pages.package();
    assert_eq!(code, Some(1), "refused: {script}{page}");
    assert!(stderr.contains(problem), "the message names the problem `{problem}`: {stderr}");
    assert!(pages.dist().join("older-release.txt").exists(), "nothing of a refused release is written");
    assert!(!pages.dist().join("index.html").exists());
}

#[test]
fn scripts_that_build_code_from_text_are_refused() {
    let glue = "aware-student-fedcba9876543210.js";
    check_refused(PAGE, "const f = eval(text);\n", &format!("{glue}: contains `eval(`"));
    check_refused(PAGE, "const f = new Function('a', text);\n", &format!("{glue}: contains `new Function`"));
}

#[test]
fn scripts_that_set_a_style_attribute_are_refused() {
    let glue = "aware-student-fedcba9876543210.js";
    check_refused(PAGE, "el.setAttribute(\"style\", css);\n", &format!("{glue}: sets a style attribute"));
    check_refused(PAGE, "el.style.cssText = css;\n", &format!("{glue}: sets a style attribute"));
}

#[test]
fn pages_with_inline_code_or_style_are_refused() {
    for (inline, problem) in [
        ("<script>start()</script>", ".html: inline <script>"),
        ("<style>p { color: red }</style>", ".html: inline code or style `<style`"),
        ("<p style=\"color: red\">", ".html: inline code or style `style=`"),
        ("<button onclick=\"go()\">", ".html: inline code or style `onclick=`"),
    ] {
        // Named on the student's page or on the embed view made from it, whichever is checked first.
        check_refused(&PAGE.replace("  </body>", &format!("{inline}</body>")), GLUE, problem);
    }
}

#[test]
fn a_clean_release_gets_its_policy_headers_and_compressed_copies() {
    let pages = Pages::new(PAGE, GLUE);
    let (code, stderr) = pages.package();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!pages.dist().join("older-release.txt").exists(), "the older release is replaced");
    for page in ["index.html", "embed.html", "check.html", "teacher.html"] {
        let html = pages.read(page);
        assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "{page}");
        assert!(!html.contains("frame-ancestors"), "{page}: browsers ignore frame-ancestors in a <meta> policy");
        for compressed in ["gz", "br"] {
            assert!(pages.dist().join(format!("{page}.{compressed}")).exists(), "{page}.{compressed}");
        }
    }
    let embed = pages.read("embed.html");
    let root = &embed[embed.find("<html ").unwrap()..];
    assert!(root[..root.find('>').unwrap()].contains("data-aware-view=\"embed\""), "{embed}");
    let headers = pages.read("_headers");
    for path in ["/\n", "/index.html\n", "/embed.html\n", "/check.html\n", "/teacher.html\n"] {
        assert!(headers.contains(&format!("\n{path}  X-Content-Type-Options: nosniff\n")), "{path:?} in _headers");
    }
    assert!(headers.contains(
        "\n/boot-0123456789abcdef.js\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  Cache-Control: public, max-age=31536000, immutable\n"
    ));
    let nginx = pages.read("_headers.nginx");
    assert!(nginx.contains("location = /teacher.html {"), "{nginx}");
}
