//! Embeds every `banks/*.json` file in the binary, so the built-in banks work from any
//! directory and adding a bank file needs no code change; and compiles the metric patterns
//! (`src/analysis/metric_patterns.rs`) into DFAs, so a one-answer check does not spend
//! milliseconds compiling regular expressions.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

include!("src/analysis/metric_patterns.rs");

fn main() {
    embed_banks();
    compile_metric_patterns();
}

/// Each pattern's forward and reverse DFA, little-endian, as `OUT_DIR/metric_NAME.fwd|rev`.
fn compile_metric_patterns() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/analysis/metric_patterns.rs");
    for (name, pattern) in metric_pattern_sources() {
        let re = compile_metric_pattern(&pattern)
            .unwrap_or_else(|e| panic!("metric pattern {name} does not compile: {e}"));
        let (fwd, pad) = re.forward().to_bytes_little_endian();
        fs::write(
            Path::new(&out).join(format!("metric_{name}.fwd")),
            &fwd[pad..],
        )
        .expect("OUT_DIR is writable");
        let (rev, pad) = re.reverse().to_bytes_little_endian();
        fs::write(
            Path::new(&out).join(format!("metric_{name}.rev")),
            &rev[pad..],
        )
        .expect("OUT_DIR is writable");
    }
}

fn embed_banks() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=banks");
    let mut files: Vec<_> = fs::read_dir(Path::new(&root).join("banks"))
        .expect("banks/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut code = String::from("/// Built-in banks: (file name, JSON text).\npub static BUILTIN_BANKS: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("builtin_banks.rs"), code).expect("OUT_DIR is writable");
}
