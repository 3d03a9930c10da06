//! `aware size`: what each page of the release site costs to download, held to its budget, and
//! where a bundle's wasm bytes come from.
//!
//! A page's first load is the page itself and every file it names (loader, wasm glue, wasm, style
//! sheet, icon), brotli-11 compressed as a static host sends them; a student's also counts the
//! course index and one lesson, in each language, and the largest such lesson is the one measured,
//! so the budget holds whichever lesson a student opens first. Byte counts are deterministic, so
//! the build may fail on them (times are measured by `scripts/bench.sh load`, never enforced).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use aware_core::content::course::{CourseIndex, index_file, lesson_file};

/// A page's budget, in brotli-11 bytes of its first load.
struct Budget {
    page: &'static str,
    /// Where the page must get to (issue 12: 150 KB for a student); printed with the gap.
    target: usize,
    /// What the build enforces today, a little above the last measured figure, so no change adds
    /// bytes unseen; lowered as the target is approached, never raised without a reason in review.
    ceiling: usize,
}

// Ceilings as last measured (2026-12-07, each page's store opened with only the kinds it keeps:
// student 273 KB, check 257 KB, teacher 448 KB), plus about 3 %. What is left between the
// student's 273 KB and its 150 KB target is in ARCHITECTURE.md, "Size".
const BUDGETS: [Budget; 3] = [
    Budget { page: "index.html", target: 150_000, ceiling: 282_000 },
    Budget { page: "check.html", target: 180_000, ceiling: 265_000 },
    Budget { page: "teacher.html", target: 280_000, ceiling: 460_000 },
];

/// What `aware size` found: the text to print, and whether any page is over its ceiling (the
/// build then fails).
pub struct Report {
    pub text: String,
    pub over: bool,
}

/// Measures every page of `dist`, and with `wasm_dir` the crates in each bundle; `Err` names a
/// file that could not be read.
pub fn report(dist: &Path, wasm_dir: Option<&Path>) -> Result<Report, String> {
    let mut text = String::new();
    let mut over = Vec::new();
    let _ = writeln!(text, "first load, brotli 11        bytes     target    ceiling (enforced)");
    for budget in &BUDGETS {
        let files = first_load(dist, budget.page)?;
        let total: usize = files.iter().map(|(_, size)| size).sum();
        let gap =
            if total > budget.target { format!("  {} B over target", total - budget.target) } else { String::new() };
        let _ = writeln!(text, "{:<24} {total:>9} {:>10} {:>10}{gap}", budget.page, budget.target, budget.ceiling);
        for (file, size) in &files {
            let _ = writeln!(text, "  {file:<46} {size:>9}");
        }
        if total > budget.ceiling {
            over.push(format!("{}: first load is {total} B, over its ceiling of {} B", budget.page, budget.ceiling));
        }
    }
    if let Some(dir) = wasm_dir {
        for bin in ["aware-student", "aware-check", "aware-teacher"] {
            let path = dir.join(format!("{bin}.wasm"));
            if path.exists() {
                text.push_str(&crates_report(&path)?);
            }
        }
    }
    for line in &over {
        let _ = writeln!(text, "{line}");
    }
    Ok(Report { text, over: !over.is_empty() })
}

/// Every file of `page`'s first load with its brotli-11 size.
fn first_load(dist: &Path, page: &str) -> Result<Vec<(String, usize)>, String> {
    let html = read(&dist.join(page))?;
    let mut files = vec![(page.to_owned(), brotli(&html).len())];
    for name in local_references(&String::from_utf8_lossy(&html)) {
        files.push((name.clone(), brotli(&read(&dist.join(&name))?).len()));
    }
    if page == "index.html" {
        files.extend(largest_lesson(dist)?);
    }
    Ok(files)
}

/// The files a page names in `src` and `href` attributes on its own site (not `#` fragments or
/// other origins), in order, each once.
fn local_references(html: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for attribute in [" src=\"", " href=\""] {
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            let Some(end) = rest.find('"') else { continue };
            let name = rest[..end].trim_start_matches("./");
            let local = !name.is_empty() && !name.starts_with('#') && !name.contains(':') && !name.starts_with("//");
            if local && !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// The course index and the largest lesson of the language whose pair is largest.
fn largest_lesson(dist: &Path) -> Result<Vec<(String, usize)>, String> {
    let mut largest: Option<Vec<(String, usize)>> = None;
    let content = dist.join("content");
    let mut locales: Vec<PathBuf> = std::fs::read_dir(&content)
        .map_err(|err| format!("{}: {err}", content.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    locales.sort();
    for dir in locales {
        let locale = dir.file_name().and_then(|name| name.to_str()).unwrap_or_default().to_owned();
        let index_name = index_file(&locale);
        let index_bytes = read(&dist.join(&index_name))?;
        let index = CourseIndex::decode(&index_bytes).map_err(|err| format!("{index_name}: {err}"))?;
        let index_size = brotli(&index_bytes).len();
        for lesson in &index.lessons {
            let name = lesson_file(&locale, &lesson.id);
            let pair = vec![(index_name.clone(), index_size), (name.clone(), brotli(&read(&dist.join(&name))?).len())];
            let total = |files: &[(String, usize)]| files.iter().map(|(_, size)| size).sum::<usize>();
            if largest.as_ref().is_none_or(|known| total(&pair) > total(known)) {
                largest = Some(pair);
            }
        }
    }
    largest.ok_or_else(|| format!("{}: no lesson in any language", content.display()))
}

/// How many crates a wasm module's code comes from, and the ten that contribute most, from the
/// function names the linker leaves in the module Cargo builds (before wasm-bindgen and wasm-opt,
/// which strip them: the sizes are of unoptimised code, a guide to shares rather than final bytes).
fn crates_report(path: &Path) -> Result<String, String> {
    let bytes = read(path)?;
    let by_crate = code_by_crate(&bytes).map_err(|err| format!("{}: {err}", path.display()))?;
    let total: usize = by_crate.values().sum();
    let mut largest: Vec<(&String, &usize)> = by_crate.iter().collect();
    largest.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut text = String::new();
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    let _ =
        writeln!(text, "{name}: code from {} crates, {total} B before optimisation; the ten largest:", by_crate.len());
    for (krate, size) in largest.into_iter().take(10) {
        let _ = writeln!(text, "  {krate:<28} {size:>9} B  {:>5.1} %", *size as f64 * 100.0 / total.max(1) as f64);
    }
    Ok(text)
}

/// Code bytes per crate: each function body's size, given to the crate that opens its demangled
/// name (`<yew::html::Html as Clone>::clone` is yew's); functions without a Rust name are `(other)`.
fn code_by_crate(wasm: &[u8]) -> Result<BTreeMap<String, usize>, wasmparser::BinaryReaderError> {
    let mut imported = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload? {
            wasmparser::Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            wasmparser::Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            wasmparser::Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    for subsection in reader {
                        if let wasmparser::Name::Function(map) = subsection? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate = BTreeMap::new();
    for (position, size) in bodies.into_iter().enumerate() {
        let index = imported + position as u32;
        let krate = names.get(&index).map_or_else(|| "(other)".to_owned(), |name| crate_of(name));
        *by_crate.entry(krate).or_default() += size;
    }
    Ok(by_crate)
}

/// The crate a (mangled or plain) function name belongs to: the first path's, or for an impl on a
/// primitive (`<f64 as core::str::FromStr>::from_str`) the trait's.
fn crate_of(symbol: &str) -> String {
    let demangled = format!("{:#}", rustc_demangle::demangle(symbol));
    let mut path =
        demangled.trim_start_matches(['<', '&', '*', ' ']).trim_start_matches("mut ").trim_start_matches("dyn ");
    if let Some((own, trait_path)) = path.split_once(" as ")
        && !own.contains("::")
    {
        path = trait_path;
    }
    match path.find("::") {
        // Names as the linker writes them carry a disambiguator: `core[aefbc74d0c2c7a00]`.
        Some(end) if !path[..end].contains([' ', '<', '(']) => {
            path[..end].split('[').next().unwrap_or_default().to_owned()
        }
        _ => "(other)".to_owned(),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| format!("{}: {err}", path.display()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_counts_the_files_it_names_on_its_own_site_once() {
        let html = r##"<link rel="icon" href="./favicon-1.svg"/><link rel="stylesheet" href="./app-2.css"/>
            <script src="./boot-3.js" type="module"></script><link rel="modulepreload" href="./aware-4.js">
            <link rel="preload" href="./aware-4_bg.wasm"><a href="#/help">Help</a><a href="https://exit.invalid/">x</a>
            <script src="./boot-3.js"></script>"##;
        assert_eq!(
            local_references(html),
            ["boot-3.js", "favicon-1.svg", "app-2.css", "aware-4.js", "aware-4_bg.wasm"]
        );
    }

    #[test]
    fn functions_belong_to_the_crate_their_name_opens_with() {
        for (symbol, expected) in [
            ("_ZN3yew4html4Html5clone17h0123456789abcdefE", "yew"),
            (
                "_ZN63_$LT$aware_core..quiz..Answer$u20$as$u20$core..clone..Clone$GT$5clone17h0123456789abcdefE",
                "aware_core",
            ),
            ("memcpy", "(other)"),
            ("<f64 as core[aefbc74d0c2c7a00]::str::traits::FromStr>::from_str", "core"),
            ("yew[0123456789abcdef]::dom_bundle::reconcile", "yew"),
            ("serde_json::de::from_str", "serde_json"),
        ] {
            assert_eq!(crate_of(symbol), expected, "{symbol}");
        }
    }

    /// A site whose student page names `wasm_bytes` bytes of incompressible code.
    fn site(name: &str, wasm_bytes: usize) -> PathBuf {
        let dist = std::env::temp_dir().join(format!("aware-size-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("content/en")).unwrap();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let noise: Vec<u8> = (0..wasm_bytes)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        std::fs::write(dist.join("app_bg.wasm"), noise).unwrap();
        std::fs::write(dist.join("index.html"), r#"<link rel="preload" href="./app_bg.wasm">"#).unwrap();
        for page in ["check.html", "teacher.html"] {
            std::fs::write(dist.join(page), "<p>page</p>").unwrap();
        }
        let entry = aware_core::content::course::LessonEntry {
            id: "one".into(),
            version: 1,
            age_min: 12,
            age_max: 18,
            duration_minutes: 20,
            title: "One".into(),
            summary: "The only lesson".into(),
            reviewed: true,
            outlines: Vec::new(),
        };
        let index =
            CourseIndex { format: aware_core::content::BUNDLE_FORMAT, locale: "en".into(), lessons: vec![entry] };
        std::fs::write(dist.join(index_file("en")), index.encode()).unwrap();
        std::fs::write(dist.join(lesson_file("en", "one")), "lesson text ".repeat(50)).unwrap();
        dist
    }

    #[test]
    fn a_student_page_over_its_ceiling_fails_and_says_by_how_much() {
        let ceiling = BUDGETS.iter().find(|budget| budget.page == "index.html").expect("the student's budget").ceiling;
        let dist = site("over", ceiling + 10_000);
        let report = report(&dist, None).unwrap();
        assert!(report.over, "{}", report.text);
        assert!(report.text.contains("index.html: first load is"), "{}", report.text);
        assert!(report.text.contains(&format!("over its ceiling of {ceiling} B")), "{}", report.text);
    }

    #[test]
    fn a_student_page_within_its_ceiling_counts_the_index_and_a_lesson() {
        let dist = site("within", 1_000);
        let report = report(&dist, None).unwrap();
        assert!(!report.over, "{}", report.text);
        for file in ["app_bg.wasm", "content/en/index.bin", "content/en/one.bin"] {
            assert!(report.text.contains(file), "{file} not counted:\n{}", report.text);
        }
    }
}
