//! Embeds every `banks/*.json` file in the binary, so the built-in banks work from any
//! directory and adding a bank file needs no code change.

use std::{env, fs, path::Path};

fn main() {
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
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(Path::new(&out).join("builtin_banks.rs"), code).expect("OUT_DIR is writable");
}
