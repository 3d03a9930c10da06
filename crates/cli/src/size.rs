//! The bundle-size benchmark: what a student downloads, raw and as a server would compress it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

#[derive(Default, Clone, Copy)]
struct Sizes {
    files: usize,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, other: Sizes) {
        self.files += other.files;
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

pub fn report(dist: &Path) -> std::io::Result<String> {
    let mut by_kind: BTreeMap<String, Sizes> = BTreeMap::new();
    let mut stack = vec![dist.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let kind = match path.extension().and_then(|e| e.to_str()) {
                Some("wasm") => "wasm",
                Some("js") => "js",
                Some("css") => "css",
                Some("html") => "html",
                Some("json") => "content (json)",
                _ => "other",
            };
            let bytes = std::fs::read(&path)?;
            *by_kind.entry(kind.to_owned()).or_default() += measure(&bytes)?;
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "{:<16} {:>5} {:>10} {:>10} {:>10}", "kind", "files", "raw B", "gzip B", "brotli B");
    let mut app = Sizes::default();
    for (kind, sizes) in &by_kind {
        let _ =
            writeln!(out, "{kind:<16} {:>5} {:>10} {:>10} {:>10}", sizes.files, sizes.raw, sizes.gzip, sizes.brotli);
        if ["wasm", "js", "css", "html"].contains(&kind.as_str()) {
            app += *sizes;
        }
    }
    let _ =
        writeln!(out, "{:<16} {:>5} {:>10} {:>10} {:>10}", "app shell total", app.files, app.raw, app.gzip, app.brotli);
    Ok(out)
}

fn measure(bytes: &[u8]) -> std::io::Result<Sizes> {
    Ok(Sizes { files: 1, raw: bytes.len(), gzip: gzip(bytes).len(), brotli: brotli(bytes).len() })
}

/// Gzip at its highest level, as a host serving precompressed files would.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// Brotli at quality 11, the figure budgets are measured in.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing in memory cannot fail");
    out
}
