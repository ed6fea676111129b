//! Compacts the lexicon tables for embedding: the data files under `src/lexicon/data/` carry a
//! note on every line (where the term comes from, why it maps where it does), which is for
//! reviewers, not for the binary. This keeps the first three columns of every data line and
//! drops comments and notes, roughly halving the bytes the tables add to the wasm module.
//! The loader in `src/lexicon/mod.rs` reads the compacted copies from `OUT_DIR`.
//!
//! It also lists the locale files under `src/locale/data/` (`locales.rs` in `OUT_DIR`), so that
//! adding a locale is adding a file.

use std::{env, fs, path::Path};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in [
        "en.tsv",
        "zh.tsv",
        "intl.tsv",
        "pinyin.tsv",
        "autocomplete.tsv",
    ] {
        let source = Path::new("src/lexicon/data").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text =
            fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let mut compact = String::with_capacity(text.len() / 2);
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').map(str::trim).take(3).collect();
            compact.push_str(&columns.join("\t"));
            compact.push('\n');
        }
        fs::write(Path::new(&out_dir).join(name), compact).expect("write to OUT_DIR");
    }
    locales(&out_dir);
}

/// `pub(crate) const FILES: &[(&str, &str)]`: (tag, JSON text) per `src/locale/data/<tag>.json`.
fn locales(out_dir: &str) {
    let dir = Path::new("src/locale/data");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut tags: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    tags.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for tag in &tags {
        let path = Path::new(&manifest).join(dir).join(format!("{tag}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({tag:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(Path::new(out_dir).join("locales.rs"), code).expect("write to OUT_DIR");
}
