//! Build-time inputs of the browser app.
//!
//! - The help directory is compiled from `lessons/help.toml` into the wasm itself, so "Get help"
//!   works even when the lesson files could not be downloaded. (Lessons themselves are checked and
//!   compiled by `aware build`, in Trunk's build hook.)
//! - `deployment.toml` becomes constants (see `src/deployment.rs`).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=lessons/help.toml");
    println!("cargo:rerun-if-changed=lessons/sources.toml");
    println!("cargo:rerun-if-changed=deployment.toml");
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
    std::fs::write(Path::new(&out_dir).join("help.json"), help.encode()).expect("write help.json");

    let text = std::fs::read_to_string("deployment.toml").expect("read deployment.toml");
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|err| panic!("deployment.toml: {err}"));
    let exit_url =
        table.get("exit_url").and_then(|v| v.as_str()).expect("deployment.toml: exit_url (text) is required");
    assert!(exit_url.starts_with("https://"), "deployment.toml: exit_url must start with https://");
    std::fs::write(Path::new(&out_dir).join("deployment.rs"), format!("pub const EXIT_URL: &str = {exit_url:?};\n"))
        .expect("write deployment.rs");
}
