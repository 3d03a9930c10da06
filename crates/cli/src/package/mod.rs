//! `aware package`: puts the pages Trunk built (one folder each) together into the site a static
//! host serves, and checks what must hold of every release.
//!
//! - Each page's `index.html` gets its own name (`check.html`, `teacher.html`); the student's
//!   page is also written as `embed.html`, the view campaign sites frame. Files the pages share
//!   (the stylesheet, the loader) carry the same content hash and are written once.
//! - Each page gets its Content-Security-Policy as a `<meta>` (for hosts that send no headers) and
//!   the static "Exit this page" link its address; `_headers` (Netlify, Cloudflare Pages) and
//!   `_headers.nginx` (included by `deploy/nginx/aware.conf`) carry the full header set.
//! - A release is refused when a page has inline script or style, when a script contains `eval(`
//!   or `new Function`, or when two pages disagree about a shared file.
//! - Offline and installable (`offline.rs`, `install.rs`): the web app manifest and its icons,
//!   and the service worker `sw.js` with the list of every file it keeps; the pages (not the embed
//!   view) name them.
//! - Text files are also written precompressed (`.gz`, `.br`) for hosts that serve them as is.
//! - On request, the student's lessons as one file for a USB stick (`single_file.rs`).
//!
//! Trunk has no step after all pages are built, and its per-page `post_build` hooks see one page
//! at a time: this command is that step, run by `scripts/build.sh` after the pages' builds.

mod install;
mod offline;
pub mod policy;
mod single_file;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aware_core::deployment::Deployment;
use policy::{HASHED_CACHING, PAGE_CACHING, Page};

/// The built pages, by the folder Trunk wrote each to, and the interface's `locales/` (the app's
/// name for the manifest).
pub struct Input {
    pub student: PathBuf,
    pub check: PathBuf,
    pub teacher: PathBuf,
    pub locales: PathBuf,
}

/// The script campaign pages load (`web/embed.js`): a fixed name, so the snippet never changes.
const EMBED_SCRIPT: &str = "embed.js";

/// The most `embed.js` may weigh gzip-compressed: every campaign page's visitors download it.
const EMBED_SCRIPT_BUDGET: usize = 3 * 1024;

/// `web/embed.js`, with the comments that explain it to readers of the source left out (lines
/// that start with `//`): campaign pages download only code.
fn embed_script() -> String {
    include_str!("../../../../web/embed.js")
        .lines()
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim().is_empty())
        .map(|line| format!("{}\n", line.trim_start()))
        .collect()
}

/// What the embed view reads from its `<html>` (`src/platform/embed.rs`): the view, the parent
/// origins it may talk to and the xAPI endpoint. Every value is an origin or URL the
/// deployment's parser accepted, which has no quote, `<` or space in it.
fn embed_attributes(deployment: &Deployment) -> String {
    let parents: Vec<&str> = deployment.embed_origins.iter().map(|origin| origin.as_str()).collect();
    let mut attributes = format!("data-aware-view=\"embed\" data-aware-parents=\"{}\"", parents.join(" "));
    if let Some(xapi) = &deployment.xapi {
        let _ = write!(
            attributes,
            " data-aware-xapi=\"{}\" data-aware-xapi-version=\"{}\" data-aware-site=\"{}\"",
            xapi.statements_url,
            xapi.version.as_str(),
            xapi.site.as_str()
        );
        if let Some(mark) = xapi.pass_mark {
            let _ = write!(attributes, " data-aware-xapi-pass-mark=\"{}\"", mark.percent());
        }
    }
    attributes
}

/// Where the static "Exit this page" link in every page's HTML points: replaced with the
/// deployment's exit site, so the link works before the app has started.
const EXIT_PLACEHOLDER: &str = "https://exit.invalid/";

/// Writes the site into `out`, and the single file into `single_file` when given.
pub fn package(input: &Input, deployment: &Deployment, out: &Path, single_file: Option<&Path>) -> Result<(), String> {
    let mut site = Site::default();
    for (page, dir) in [(Page::Student, &input.student), (Page::Check, &input.check), (Page::Teacher, &input.teacher)] {
        site.add_folder(page, dir)?;
    }
    let student = site.pages.get(&Page::Student).cloned().ok_or("the student page was not built")?;
    site.pages.insert(Page::Embed, student.replacen("<html ", &format!("<html {} ", embed_attributes(deployment)), 1));
    let script = embed_script();
    let gzipped = crate::size::gzip(script.as_bytes()).len();
    if gzipped > EMBED_SCRIPT_BUDGET {
        return Err(format!("{EMBED_SCRIPT}: {gzipped} bytes gzip, over its budget of {EMBED_SCRIPT_BUDGET}"));
    }
    site.files.insert(EMBED_SCRIPT.to_owned(), script.into_bytes());

    let (_, css) = install::hashed_file(&site.files, "app", ".css")?;
    let theme = install::Theme::from_css(&String::from_utf8_lossy(css))?;
    let (favicon_name, favicon) = install::hashed_file(&site.files, "favicon", ".svg")?;
    let favicon_name = favicon_name.to_owned();
    let icons = install::icons(&String::from_utf8_lossy(favicon), &theme)?;
    let name = install::app_name(&input.locales, &deployment.default_locale)?;
    let manifest = install::manifest(&name, &deployment.default_locale, &theme, &favicon_name, &icons);
    site.files.insert(install::MANIFEST.to_owned(), manifest.into_bytes());
    for icon in icons {
        site.files.insert(icon.name, icon.png);
    }

    for (page, html) in site.pages.iter_mut() {
        check_page(*page, html)?;
        *html = with_exit_site(
            *page,
            &with_meta_policy(html, &policy::content_security_policy(*page, deployment, true))?,
            &deployment.exit_url,
        )?;
        // The embed view lives in a campaign's frame: not installable, never kept offline.
        if *page != Page::Embed {
            *html = install::with_install_links(html, &theme, offline::WORKER)?;
        }
    }
    let worker = offline::Precache::of(&site).worker();
    site.files.insert(offline::WORKER.to_owned(), worker.into_bytes());
    for (name, bytes) in &site.files {
        if name.ends_with(".js") {
            check_script(name, bytes)?;
        }
    }

    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|err| format!("{}: {err}", out.display()))?;
    }
    for (page, html) in &site.pages {
        write(&out.join(page.file()), html.as_bytes())?;
    }
    for (name, bytes) in &site.files {
        write(&out.join(name), bytes)?;
    }
    write(&out.join("_headers"), netlify_headers(&site, deployment).as_bytes())?;
    write(&out.join("_headers.nginx"), nginx_headers(&site, deployment).as_bytes())?;
    precompress(out)?;
    if let Some(path) = single_file {
        write(path, single_file::single_file(&site, &student, deployment)?.as_bytes())?;
    }
    Ok(())
}

#[derive(Default)]
struct Site {
    pages: BTreeMap<Page, String>,
    /// Every other file, by its path relative to the site's folder.
    files: BTreeMap<String, Vec<u8>>,
}

impl Ord for Page {
    fn cmp(&self, other: &Page) -> std::cmp::Ordering {
        self.file().cmp(other.file())
    }
}

impl PartialOrd for Page {
    fn partial_cmp(&self, other: &Page) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Site {
    fn add_folder(&mut self, page: Page, dir: &Path) -> Result<(), String> {
        let html =
            std::fs::read_to_string(dir.join("index.html")).map_err(|err| format!("{}: {err}", dir.display()))?;
        self.pages.insert(page, html);
        for path in files_under(dir)? {
            let name = path.strip_prefix(dir).expect("found under dir").to_string_lossy().replace('\\', "/");
            if name == "index.html" {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
            match self.files.get(&name) {
                Some(existing) if *existing != bytes => {
                    return Err(format!("{name}: the pages were built with different versions of this file"));
                }
                Some(_) => {}
                None => {
                    self.files.insert(name, bytes);
                }
            }
        }
        Ok(())
    }
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|err| format!("{}: {err}", dir.display()))?.path();
            if path.is_dir() { stack.push(path) } else { found.push(path) }
        }
    }
    found.sort();
    Ok(found)
}

/// A page may load scripts and styles only from files: the policy allows nothing inline.
fn check_page(page: Page, html: &str) -> Result<(), String> {
    let file = page.file();
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(start) = rest.find("<script") {
        let tag_end = rest[start..].find('>').map(|i| start + i).ok_or(format!("{file}: unclosed <script>"))?;
        let tag = &rest[start..tag_end];
        if !tag.contains(" src=") {
            return Err(format!("{file}: inline <script> (the Content-Security-Policy allows none)"));
        }
        rest = &rest[tag_end..];
    }
    for inline in ["<style", " style=", " onclick=", " onload=", " onerror=", "javascript:"] {
        if lower.contains(inline) {
            return Err(format!(
                "{file}: inline code or style `{}` (the Content-Security-Policy allows none)",
                inline.trim()
            ));
        }
    }
    Ok(())
}

/// No script may build code from text: the policy does not allow it, and nothing in Aware needs it.
fn check_script(name: &str, bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    for forbidden in ["eval(", "new Function"] {
        if text.contains(forbidden) {
            return Err(format!("{name}: contains `{forbidden}`, which the Content-Security-Policy forbids"));
        }
    }
    // yew sets attributes with setAttribute; a `style` attribute set from Rust would be blocked.
    if text.contains("setAttribute(\"style\"") || text.contains(".style.cssText") {
        return Err(format!("{name}: sets a style attribute from script"));
    }
    Ok(())
}

/// Every page has the static "Exit this page" link (`id="aware-exit"`, pointing at the
/// placeholder) and loads `exit.js`, which takes it over: the exit must work before the app has
/// loaded, on every page. The link gets the deployment's exit site.
fn with_exit_site(page: Page, html: &str, exit_url: &str) -> Result<String, String> {
    let file = page.file();
    let link = format!("id=\"aware-exit\" class=\"button exit-button\" href=\"{EXIT_PLACEHOLDER}\"");
    if html.matches(&link).count() != 1 || html.matches(EXIT_PLACEHOLDER).count() != 1 {
        return Err(format!(
            "{file}: needs exactly one static \"Exit this page\" link (<a {link}>, see web/index.html)"
        ));
    }
    if !html.contains("src=\"./exit-") {
        return Err(format!("{file}: does not load exit.js, which makes \"Exit this page\" leave nothing behind"));
    }
    Ok(html.replace(EXIT_PLACEHOLDER, exit_url))
}

/// The policy as the first thing in `<head>` after the character set, so it covers every link.
fn with_meta_policy(html: &str, policy: &str) -> Result<String, String> {
    let anchor = "<meta charset=\"utf-8\" />";
    let at = html.find(anchor).ok_or("a page lacks <meta charset=\"utf-8\" /> to put its policy after")?;
    let at = at + anchor.len();
    Ok(format!(
        "{}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />{}",
        &html[..at],
        &html[at..]
    ))
}

/// Whether a file's name carries a hash of its content (Trunk's `name-0123abcd….ext`). Trunk
/// writes a 64-bit hash in hex without leading zeros, so one name in 16 has 15 digits, one in
/// 256 has 14; twelve or more is a hash (a one-in-65,536 chance of fewer).
fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn netlify_headers(site: &Site, deployment: &Deployment) -> String {
    let mut out = String::from("# Written by `aware package` from deployment.toml: do not edit.\n");
    let common = |out: &mut String| {
        for (name, value) in policy::COMMON_HEADERS {
            let _ = writeln!(out, "  {name}: {value}");
        }
    };
    // Each page is listed by its own path (never with a wildcard), so no host merges two policies.
    for page in Page::ALL {
        let paths: &[&str] = if page == Page::Student { &["/", "/index.html"] } else { &[page.file()] };
        for path in paths {
            let path = if path.starts_with('/') { (*path).to_owned() } else { format!("/{path}") };
            let _ = writeln!(out, "{path}");
            for (name, value) in policy::page_headers(page, deployment) {
                let _ = writeln!(out, "  {name}: {value}");
            }
        }
    }
    for name in site.files.keys() {
        let _ = writeln!(out, "/{name}");
        common(&mut out);
        let _ = writeln!(out, "  Cache-Control: {}", if is_hashed(name) { HASHED_CACHING } else { PAGE_CACHING });
    }
    out
}

/// The same headers as `_headers`, for nginx: included in the `server` block (see
/// `deploy/nginx/aware.conf`). nginx gives a `location` with `add_header`s of its own none of the
/// server's, so every location below lists its whole set; everything else (content files, names
/// without a hash) gets the server's: the common headers and revalidation.
fn nginx_headers(site: &Site, deployment: &Deployment) -> String {
    let mut out = String::from(
        "# Written by `aware package` from deployment.toml: do not edit. Included by deploy/nginx/aware.conf.\n",
    );
    let quote = |value: &str| value.replace('"', "\\\"");
    let _ = writeln!(out, "# Every response that no location below names.");
    for (header, value) in policy::COMMON_HEADERS {
        let _ = writeln!(out, "add_header {header} \"{value}\" always;");
    }
    let _ = writeln!(out, "add_header Cache-Control \"{PAGE_CACHING}\" always;");
    for page in Page::ALL {
        let _ = writeln!(out, "location = /{} {{", page.file());
        for (name, value) in policy::page_headers(page, deployment) {
            let _ = writeln!(out, "    add_header {name} \"{}\" always;", quote(&value));
        }
        let _ = writeln!(out, "}}");
    }
    let hashed: Vec<&String> = site.files.keys().filter(|name| is_hashed(name)).collect();
    let _ = writeln!(out, "# Files whose names carry their content's hash never change.");
    for name in hashed {
        let _ = writeln!(out, "location = /{name} {{");
        for (header, value) in policy::COMMON_HEADERS {
            let _ = writeln!(out, "    add_header {header} \"{value}\" always;");
        }
        let _ = writeln!(out, "    add_header Cache-Control \"{HASHED_CACHING}\" always;");
        let _ = writeln!(out, "}}");
    }
    out
}

/// `.gz` and `.br` beside every file a browser downloads as text or wasm, at the highest levels
/// (compressed once here, served many times).
fn precompress(out: &Path) -> Result<(), String> {
    for path in files_under(out)? {
        let compressible = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("html" | "js" | "css" | "wasm" | "json" | "bin" | "svg" | "webmanifest")
        );
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        write(&PathBuf::from(format!("{}.gz", path.display())), &crate::size::gzip(&bytes))?;
        write(&PathBuf::from(format!("{}.br", path.display())), &crate::size::brotli(&bytes))?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|err| format!("{}: {err}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|err| format!("{}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_js_stays_within_its_gzip_budget() {
        let script = embed_script();
        let gzipped = crate::size::gzip(script.as_bytes()).len();
        assert!(gzipped <= EMBED_SCRIPT_BUDGET, "embed.js is {gzipped} bytes gzip, over {EMBED_SCRIPT_BUDGET}");
        assert!(!script.contains("'*'"), "embed.js never posts to any origin");
        assert_eq!(check_script(EMBED_SCRIPT, script.as_bytes()), Ok(()));
    }

    #[test]
    fn the_embed_view_learns_its_parents_and_store_from_its_html() {
        use aware_core::deployment::{Origin, SiteUrl, XapiEndpoint};
        let mut deployment = policy::tests::deployment(&[], None);
        assert_eq!(embed_attributes(&deployment), r#"data-aware-view="embed" data-aware-parents="""#);
        deployment.embed_origins =
            ["https://a.example.org", "http://127.0.0.1:8081"].map(|o| Origin::parse(o).unwrap()).to_vec();
        let site = SiteUrl::parse("https://aware.example.org").unwrap();
        deployment.xapi = Some(XapiEndpoint::parse("https://lrs.example.org/xapi/statements", "2.0.0", site).unwrap());
        assert_eq!(
            embed_attributes(&deployment),
            concat!(
                r#"data-aware-view="embed" data-aware-parents="https://a.example.org http://127.0.0.1:8081" "#,
                r#"data-aware-xapi="https://lrs.example.org/xapi/statements" data-aware-xapi-version="2.0.0" "#,
                r#"data-aware-site="https://aware.example.org""#
            )
        );
    }

    #[test]
    fn pages_with_inline_code_or_style_are_refused() {
        let ok = r#"<html><head><script type="module" src="./boot-1.js"></script></head><body></body></html>"#;
        assert_eq!(check_page(Page::Student, ok), Ok(()));
        for bad in [
            r#"<script>alert(1)</script>"#,
            r#"<script type="module">import x from './a.js'</script>"#,
            r#"<div style="color: red">"#,
            r#"<style>p {}</style>"#,
            r#"<button onclick="go()">"#,
            r#"<a href="javascript:go()">"#,
        ] {
            assert!(check_page(Page::Check, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_page_needs_the_static_exit_link_and_exit_js() {
        let link = r#"<a id="aware-exit" class="button exit-button" href="https://exit.invalid/" role="button">"#;
        let script = r#"<script src="./exit-0123456789abcdef.js" type="module"></script>"#;
        let page = format!("<head>{script}</head><body>{link}Exit</a></body>");
        let packaged = with_exit_site(Page::Check, &page, "https://example.org/weather").unwrap();
        assert!(packaged.contains(r#"href="https://example.org/weather" role="button""#));
        assert!(!packaged.contains(EXIT_PLACEHOLDER));

        let no_link = format!("<head>{script}</head><body></body>");
        let no_script = format!("<head></head><body>{link}Exit</a></body>");
        let two_links = format!("<head>{script}</head><body>{link}Exit</a>{link}Exit</a></body>");
        for refused in [no_link, no_script, two_links] {
            let error = with_exit_site(Page::Check, &refused, "https://example.org/").unwrap_err();
            assert!(error.starts_with("check.html: "), "{error}");
        }
    }

    #[test]
    fn scripts_that_build_code_from_text_are_refused() {
        assert!(check_script("a.js", b"const f = new Function('return 1')").is_err());
        assert!(check_script("a.js", b"eval(x)").is_err());
        assert!(check_script("a.js", b"el.setAttribute(\"style\", s)").is_err());
        assert!(check_script("a.js", b"export function evaluate(x) { return x }").is_ok());
    }

    #[test]
    fn the_policy_goes_before_every_link() {
        let html = "<head>\n    <meta charset=\"utf-8\" />\n    <link rel=\"stylesheet\" href=\"a.css\" />";
        let with = with_meta_policy(html, "default-src 'none'").unwrap();
        assert!(with.find("Content-Security-Policy").unwrap() < with.find("<link").unwrap());
    }

    #[test]
    fn hashed_names_are_recognised() {
        // Trunk's names, 16 hex digits or fewer (a hash with leading zeros).
        for hashed in [
            "aware-student-8f3a2b1c9d0e4f5a_bg.wasm",
            "app-0123456789abcdef.css",
            "aware-check-5cd4f97ac5d4330.js",
            "aware-check-5cd4f97ac5d4330_bg.wasm",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "sw.js",
            "content/en/index.bin",
            "favicon.svg",
            "aware-student.js",
            "icon-maskable-512.png",
            "a-cafe.js",
            "x-0123456789abcdef0.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
