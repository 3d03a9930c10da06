//! The service worker that keeps the release on a device (`sw.js`): `web/sw.js` after the list
//! of every file it keeps, with each file's hash, and a version named by a hash of that list.
//!
//! The list is made here, after every other file of the site is written in memory, so it holds
//! exactly what is served: the pages (not the embed view, which never depends on the worker),
//! scripts, wasm, styles, icons, the web app manifest, every language's course index and lessons,
//! and the assessment. The files' hashes let the worker check what it downloads (a server that
//! is halfway through a deployment fails the install instead of mixing two versions) and reuse
//! what a newer version did not change. Packaging twice the same input writes the same worker.

use std::collections::BTreeMap;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::Site;
use super::policy::Page;

/// The worker's address, relative to the site's folder (its scope is that folder).
pub const WORKER: &str = "sw.js";

/// The worker's code, without its list.
const WORKER_SOURCE: &str = include_str!("../../../../web/sw.js");

/// What a device keeps of a site: each file by its path, with its `integrity` (`sha256-…`).
#[derive(Debug, PartialEq)]
pub struct Precache {
    pub version: String,
    pub files: BTreeMap<String, String>,
}

impl Precache {
    pub fn of(site: &Site) -> Precache {
        let pages = site.pages.iter().filter(|(page, _)| **page != Page::Embed);
        let files = pages
            .map(|(page, html)| (page.file().to_owned(), integrity(html.as_bytes())))
            .chain(site.files.iter().map(|(name, bytes)| (name.clone(), integrity(bytes))))
            .collect::<BTreeMap<_, _>>();
        let mut list = Sha256::new();
        for (path, integrity) in &files {
            list.update(path.as_bytes());
            list.update(b" ");
            list.update(integrity.as_bytes());
            list.update(b"\n");
        }
        let version = list.finalize().iter().take(8).map(|byte| format!("{byte:02x}")).collect();
        Precache { version, files }
    }

    /// `sw.js`: the list as its first line, then the worker's code.
    pub fn worker(&self) -> String {
        let list = serde_json::json!({ "version": self.version, "files": self.files });
        format!("// Written by `aware package` from web/sw.js: do not edit.\nconst PRECACHE = {list};\n{WORKER_SOURCE}")
    }
}

/// A Subresource Integrity value: `sha256-` and the base64 of the bytes' SHA-256.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Site {
        let mut site = Site::default();
        for page in Page::ALL {
            site.pages.insert(page, format!("<html>{}</html>", page.file()));
        }
        for (name, bytes) in files {
            site.files.insert((*name).to_owned(), bytes.as_bytes().to_vec());
        }
        site
    }

    #[test]
    fn every_page_but_the_embed_view_and_every_file_is_kept_with_its_hash() {
        let precache = Precache::of(&site(&[("content/en/index.bin", "lessons"), ("boot-0123456789abcdef.js", "x")]));
        let paths: Vec<&str> = precache.files.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            ["boot-0123456789abcdef.js", "check.html", "content/en/index.bin", "index.html", "teacher.html"]
        );
        // The SHA-256 of "x", as `openssl dgst -sha256 -binary | base64` prints it.
        assert_eq!(precache.files["boot-0123456789abcdef.js"], "sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=");
    }

    #[test]
    fn the_version_changes_with_any_file_and_only_then() {
        let before = Precache::of(&site(&[("content/en/a.bin", "one")]));
        assert_eq!(before, Precache::of(&site(&[("content/en/a.bin", "one")])));
        assert_ne!(before.version, Precache::of(&site(&[("content/en/a.bin", "two")])).version);
        assert_ne!(before.version, Precache::of(&site(&[("content/en/b.bin", "one")])).version);
        assert_eq!(before.version.len(), 16);
    }

    #[test]
    fn the_worker_starts_with_its_list() {
        let precache = Precache::of(&site(&[]));
        let worker = precache.worker();
        let line = worker.lines().nth(1).unwrap();
        let list: serde_json::Value =
            serde_json::from_str(line.strip_prefix("const PRECACHE = ").unwrap().trim_end_matches(';')).unwrap();
        assert_eq!(list["version"], precache.version.as_str());
        assert_eq!(list["files"]["index.html"], precache.files["index.html"].as_str());
        assert!(worker.contains("addEventListener('fetch'"));
    }
}
