//! The student's lessons as one HTML file that opens from a USB stick by a double click, with no
//! server and no connection (`aware package --single-file FILE`).
//!
//! Browsers refuse `fetch` of `file://` addresses, so nothing is fetched: the stylesheet is an
//! inline `<style>`, `web/exit.js` is an inline module script (the exit works from a disk too,
//! before the wasm has started), the wasm-bindgen glue and a short loader are another one (in
//! place of `web/boot.js`, which starts the served pages' wasm and service worker), and
//! the wasm and every language's course index and lessons are base64 in data blocks
//! (`<script type="application/octet-stream" id="file:<path>">` in `<head>`, which browsers never run) that
//! the loader and `platform::fetch` read from the page. The page's Content-Security-Policy is the
//! served pages' own, with the inline script and style allowed by their SHA-256 instead of
//! `'self'`. Screens are in the address's `#`, which works on `file://` as anywhere.
//!
//! It holds the student's bundle only: the awareness check and the teacher's screens are served
//! pages (the frame leaves out the link to the check in this file: `<html data-aware-files>`).

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::Site;
use super::policy;
use aware_core::deployment::Deployment;

/// The id a data block of file `path` has; `platform::fetch` looks files up by it.
fn block_id(path: &str) -> String {
    format!("file:{path}")
}

/// The single file, from the student's page as Trunk wrote it and the site's files.
pub fn single_file(site: &Site, student_html: &str, deployment: &Deployment) -> Result<String, String> {
    let mut html = student_html.to_owned();
    let mut glue = None;
    let mut wasm = None;
    let mut css = None;
    // Every <link> goes: each names a file, and this page has no files.
    while let Some((start, end)) = find_tag(&html, "<link ") {
        let tag = &html[start..end];
        let href = attribute(tag, "href").map(|href| href.trim_start_matches("./").to_owned());
        match (attribute(tag, "rel").as_deref(), href) {
            (Some("modulepreload"), Some(href)) => glue = Some(href),
            (Some("preload"), Some(href)) if href.ends_with(".wasm") => wasm = Some(href),
            (Some("stylesheet"), Some(href)) => css = Some(href),
            _ => {}
        }
        html.replace_range(start..end, "");
    }
    let file = |name: Option<String>, what: &str| -> Result<&[u8], String> {
        let name = name.ok_or(format!("the student's page names no {what}"))?;
        site.files.get(&name).map(Vec::as_slice).ok_or(format!("{name}: not among the built files"))
    };
    let glue = String::from_utf8_lossy(file(glue, "wasm-bindgen glue (modulepreload)")?).into_owned();
    let wasm = file(wasm, "wasm (preload)")?;
    let css = String::from_utf8_lossy(file(css, "stylesheet")?).into_owned();
    if !glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no `__wbg_init`, which the single file's loader calls".into());
    }
    if css.contains("</style") {
        return Err("the stylesheet contains `</style`".into());
    }

    let script = format!("{glue}\n{LOADER}");
    // The page's scripts (exit.js, then boot.js) go; where the first was, the style, the exit
    // and the loader, in that order.
    let mut first_script = None;
    let mut exit = None;
    while let Some((start, end)) = find_tag(&html, "<script src=") {
        let close = html[end..].find("</script>").map(|at| end + at + "</script>".len()).ok_or("unclosed <script>")?;
        let src = attribute(&html[start..end], "src").unwrap_or_default();
        let name = src.trim_start_matches("./");
        if name.starts_with("exit-") {
            exit = Some(String::from_utf8_lossy(file(Some(name.to_owned()), "exit script")?).into_owned());
        } else if !name.starts_with("boot-") {
            return Err(format!("{name}: a script the single file cannot hold"));
        }
        first_script.get_or_insert(start);
        html.replace_range(start..close, "");
    }
    let at = first_script.ok_or("the student's page has no <script>")?;
    let mut scripts = Vec::new();
    let mut inline = format!("<style>{css}</style>");
    if let Some(exit) = &exit {
        if exit.contains("</script") {
            return Err("the exit script contains `</script`".into());
        }
        inline.push_str(&format!("\n    <script type=\"module\">{exit}</script>"));
        scripts.push(csp_hash(exit));
    }
    inline.push_str(&format!("\n    <script type=\"module\">{script}</script>"));
    scripts.push(csp_hash(&script));
    html.insert_str(at, &inline);

    let mut blocks = vec![data_block("wasm", wasm)];
    for (name, bytes) in &site.files {
        if name.starts_with("content/") && name.ends_with(".bin") {
            blocks.push(data_block(name, bytes));
        }
    }
    // In <head>: the app takes over <body> when it starts, and reads the blocks after that.
    let head_end = html.find("</head>").ok_or("the student's page has no </head>")?;
    html.insert_str(head_end, &format!("{}\n  ", blocks.join("\n    ")));

    let policy = policy::single_file_policy(deployment, &scripts, &[csp_hash(&css)]);
    let html = super::with_meta_policy(&html, &policy)?.replacen("<html ", "<html data-aware-files=\"inline\" ", 1);
    Ok(html.replace(super::EXIT_PLACEHOLDER, &deployment.exit_url))
}

/// Starts the wasm from the bytes in the page (appended to the glue, in the same module).
const LOADER: &str = "\
// Aware's single file: the wasm and the lessons are in this page (base64), not in files.
const inlined = (path) => {
  const text = atob(document.getElementById('file:' + path).textContent);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
};
await __wbg_init({ module_or_path: inlined('wasm') });
";

fn data_block(path: &str, bytes: &[u8]) -> String {
    let base64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("<script type=\"application/octet-stream\" id=\"{}\">{base64}</script>", block_id(path))
}

/// A Content-Security-Policy source allowing the inline element whose text is `text`.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The first tag starting with `opening` (lower-case, as Trunk writes them): its start and end
/// (after its `>`).
fn find_tag(html: &str, opening: &str) -> Option<(usize, usize)> {
    let start = html.find(opening)?;
    let end = html[start..].find('>')? + start + 1;
    Some((start, end))
}

/// An attribute's value in a tag, written `name="value"`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[at..].split('"').next()?.to_owned())
}

#[cfg(test)]
mod tests {
    use aware_core::study::MinGroupSize;

    use super::*;

    const STUDENT: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Aware</title>
    <link rel="icon" href="./favicon-0123456789abcdef.svg" integrity="sha384-a"/>
    <link rel="stylesheet" href="./app-0123456789abcdef.css" integrity="sha384-b"/>
    <script src="./exit-0123456789abcdef.js" integrity="sha384-f" type="module"></script>
    <script src="./boot-0123456789abcdef.js" integrity="sha384-c" type="module"></script>
  <link rel="modulepreload" href="./aware-student-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-d"><link rel="preload" href="./aware-student-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-e" as="fetch" type="application/wasm"></head>
  <body>
    <noscript>Aware needs JavaScript and WebAssembly to run.</noscript>
  </body>
</html>"#;

    fn site() -> Site {
        let mut site = Site::default();
        for (name, bytes) in [
            ("app-0123456789abcdef.css", "body { color: red }"),
            (
                "aware-student-0123456789abcdef.js",
                "let wasm;\nasync function __wbg_init(module_or_path) {}\nexport { __wbg_init as default };",
            ),
            ("aware-student-0123456789abcdef_bg.wasm", "\0asm"),
            ("boot-0123456789abcdef.js", "never inlined"),
            ("exit-0123456789abcdef.js", "export const exit = 1;"),
            ("content/en/index.bin", "index"),
            ("content/mn/a-lesson.bin", "lesson"),
            ("content/assessment.json", "{}"),
        ] {
            site.files.insert(name.to_owned(), bytes.as_bytes().to_vec());
        }
        site
    }

    fn deployment() -> Deployment {
        Deployment {
            exit_url: "https://www.bbc.co.uk/weather".into(),
            default_locale: "mn".into(),
            min_group_size: MinGroupSize::DEFAULT,
            embed_origins: Vec::new(),
            xapi: None,
        }
    }

    #[test]
    fn the_file_names_no_other_file() {
        let html = single_file(&site(), STUDENT, &deployment()).unwrap();
        for reference in ["<link", " src=", " href=", "boot-", "never inlined"] {
            assert!(!html.contains(reference), "{reference} in {html}");
        }
    }

    #[test]
    fn the_wasm_and_every_lesson_are_in_the_page() {
        let html = single_file(&site(), STUDENT, &deployment()).unwrap();
        for (id, bytes) in [("wasm", "\0asm"), ("content/en/index.bin", "index"), ("content/mn/a-lesson.bin", "lesson")]
        {
            let block = format!(
                "<script type=\"application/octet-stream\" id=\"file:{id}\">{}</script>",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            );
            assert!(html.contains(&block), "{block}");
        }
        assert!(!html.contains("assessment"), "the student's bundle never reads the assessment");
        // Not in <body>, which the app replaces when it starts.
        assert!(html.find("id=\"file:wasm\"").unwrap() < html.find("</head>").unwrap());
    }

    #[test]
    fn inline_code_and_style_are_allowed_by_their_hash_and_nothing_else_is() {
        let html = single_file(&site(), STUDENT, &deployment()).unwrap();
        let text_of = |open: &str, close: &str| {
            let start = html.find(open).unwrap() + open.len();
            html[start..start + html[start..].find(close).unwrap()].to_owned()
        };
        let exit = text_of("<script type=\"module\">", "</script>");
        let loader_at = html.find("<script type=\"module\">let wasm;").unwrap();
        let script = html[loader_at + "<script type=\"module\">".len()..].split("</script>").next().unwrap().to_owned();
        let style = text_of("<style>", "</style>");
        // The exit first, as the served pages load it before anything else.
        assert_eq!(exit, "export const exit = 1;");
        assert!(script.contains("await __wbg_init({ module_or_path: inlined('wasm') })"));
        assert_eq!(style, "body { color: red }");
        let policy = text_of("<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
        assert!(policy.starts_with(&format!(
            "default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src {};",
            csp_hash(&exit),
            csp_hash(&script),
            csp_hash(&style)
        )));
        assert!(!policy.contains("'self' 'wasm") && !policy.contains("unsafe-inline"), "{policy}");
        assert!(html.contains("<html data-aware-files=\"inline\" lang=\"en\">"));
    }

    #[test]
    fn a_page_without_its_glue_or_wasm_is_refused() {
        let without_wasm = STUDENT.replace("rel=\"preload\"", "rel=\"prefetch\"");
        assert!(single_file(&site(), &without_wasm, &deployment()).unwrap_err().contains("wasm"));
        let mut other_glue = site();
        other_glue
            .files
            .insert("aware-student-0123456789abcdef.js".into(), b"export default function init() {}".to_vec());
        assert!(single_file(&other_glue, STUDENT, &deployment()).unwrap_err().contains("__wbg_init"));
    }

    #[test]
    fn the_policy_s_hash_is_the_one_browsers_compute() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(csp_hash("alert(1)"), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    }
}
