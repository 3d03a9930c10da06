//! Build-time inputs of the browser app.
//!
//! - The help directory is compiled from `lessons/help.toml` into the wasm itself, so "Get help"
//!   works even when the lesson files could not be downloaded. (Lessons themselves are checked and
//!   compiled by `aware build`, in Trunk's build hook.)
//! - `assessment/` is checked here too, and its compiled form left in OUT_DIR for the component
//!   tests (the app downloads its own copy, written by `aware build`).
//! - `deployment.toml` and `locales/locales.toml` become constants (see `src/deployment.rs`); each
//!   locale's `app.ftl` is compiled (`aware_core::l10n::compile`) into one table per bundle
//!   (`locales/bundles.toml` says which messages each carries) and embedded: interface text is
//!   small, lesson text is downloaded per locale.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // A deployment other than the default (the end-to-end tests build with their own).
    println!("cargo:rerun-if-env-changed=AWARE_DEPLOYMENT");
    let deployment_file = std::env::var("AWARE_DEPLOYMENT").unwrap_or_else(|_| "deployment.toml".to_owned());
    for path in ["lessons/help.toml", "lessons/sources.toml", deployment_file.as_str(), "locales", "assessment"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let help = match aware_core::content::compile::compile_help(Path::new("lessons")) {
        Ok(help) => help,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            panic!("{} problem(s) in lessons/help.toml or lessons/sources.toml (listed above)", diagnostics.len());
        }
    };
    std::fs::write(Path::new(&out_dir).join("help.bin"), help.to_bytes()).expect("write help.bin");

    // Not embedded in the app (it downloads content/assessment.json when a screen needs it): the
    // component tests include this copy, so they exercise the real assessment.
    match aware_core::content::compile::compile_assessment(Path::new("assessment"), Path::new("lessons")) {
        Ok(assessment) => std::fs::write(Path::new(&out_dir).join("assessment.json"), assessment.encode())
            .expect("write assessment.json"),
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            panic!("{} problem(s) in assessment/ (listed above)", diagnostics.len());
        }
    }

    let deployment = match aware_core::content::compile::read_deployment(Path::new(&deployment_file)) {
        Ok(deployment) => deployment,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            panic!("{} problem(s) in deployment.toml (listed above)", diagnostics.len());
        }
    };
    let exit_url = &deployment.exit_url;
    let default_locale = deployment.default_locale.as_str();
    let min_group_size = deployment.min_group_size.get();

    let locales = read_table("locales/locales.toml");
    let bundles = read_table("locales/bundles.toml");
    let mut entries = String::new();
    let mut tables: Vec<(String, String)> = bundles.keys().map(|bundle| (bundle.clone(), String::new())).collect();
    for (id, info) in &locales {
        let name =
            info.get("name").and_then(|v| v.as_str()).unwrap_or_else(|| panic!("locales.toml: [{id}] needs `name`"));
        let reviewed = info
            .get("reviewed")
            .and_then(|v| v.as_bool())
            .unwrap_or_else(|| panic!("locales.toml: [{id}] needs `reviewed`"));
        let ftl = format!("locales/{id}/app.ftl");
        let source = std::fs::read_to_string(&ftl)
            .unwrap_or_else(|err| panic!("locales.toml lists `{id}`, but {ftl} cannot be read: {err}"));
        for (bundle, table) in &mut tables {
            let leave_out: Vec<&str> = bundles[bundle.as_str()]
                .get("leave_out")
                .and_then(|v| v.as_array())
                .unwrap_or_else(|| panic!("bundles.toml: [{bundle}] needs `leave_out`"))
                .iter()
                .filter_map(|v| v.as_str())
                .collect();
            let keep = |message: &str| !leave_out.iter().any(|prefix| message.starts_with(prefix));
            let compiled = aware_core::l10n::compile::compile_ftl_only(id, &[&source], keep).unwrap_or_else(|errors| {
                for error in &errors {
                    eprintln!("{ftl}: {}", error.message);
                }
                panic!("{} problem(s) in {ftl} (listed above)", errors.len())
            });
            let compiled_file = format!("messages-{bundle}-{id}.txt");
            std::fs::write(Path::new(&out_dir).join(&compiled_file), compiled).expect("write compiled messages");
            let _ = writeln!(table, "    ({id:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{compiled_file}\"))),");
        }
        let _ = writeln!(entries, "    Locale {{ id: {id:?}, name: {name:?}, reviewed: {reviewed} }},");
    }
    assert!(
        locales.contains_key(default_locale),
        "deployment.toml: default_locale `{default_locale}` is not in locales/locales.toml"
    );

    let mut code = format!(
        "pub const EXIT_URL: &str = {exit_url:?};\npub const DEFAULT_LOCALE: &str = {default_locale:?};\npub const MIN_GROUP_SIZE: u32 = {min_group_size};\npub const LOCALES: &[Locale] = &[\n{entries}];\n"
    );
    for (bundle, table) in &tables {
        let _ = writeln!(code, "pub const {}_MESSAGES: BundleMessages = &[\n{table}];", bundle.to_uppercase());
    }
    std::fs::write(Path::new(&out_dir).join("deployment.rs"), code).expect("write deployment.rs");
}

fn read_table(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{path}: {err}"));
    toml::from_str(&text).unwrap_or_else(|err| panic!("{path}: {err}"))
}
