//! The module map in `src/lib.rs` is enforced: every `crate::` path in `src/` must name a
//! module its own module may use, by the "may use" table there, and that table must point
//! one way (each row uses only rows below it), so the modules have no cycles.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The "may use" table of lib.rs's module map: (module, modules it may use), top row first.
fn table(lib: &str) -> Vec<(String, Vec<String>)> {
    lib.lines()
        .filter_map(|l| l.strip_prefix("//! | `"))
        .map(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            let names = |cell: &str| -> Vec<String> {
                cell.split_whitespace()
                    .map(|n| n.trim_matches('`').to_string())
                    .collect()
            };
            (
                cells[0].trim().trim_end_matches('`').to_string(),
                names(cells[1]),
            )
        })
        .collect()
}

/// Names lib.rs re-exports at the crate root (`pub use bank::Catalog;`), with their module.
fn root_names(lib: &str) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for l in lib.lines() {
        let Some(rest) = l.strip_prefix("pub use ") else {
            continue;
        };
        let (module, items) = rest.split_once("::").unwrap();
        for item in items.trim_matches(|c| "{};".contains(c)).split(',') {
            names.insert(item.trim().to_string(), module.to_string());
        }
    }
    names
}

/// The first segment of every `crate::` path on a line of code: `crate::bank::Catalog` and
/// `crate::{bank::Catalog, error::Result}` both count.
fn crate_paths(line: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in line.match_indices("crate::") {
        let rest = &line[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group at its top-level commas.
            let (mut depth, mut start) = (0, 0);
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(group[start..j].trim_start()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(group[start..j].trim_start()));
                        start = j + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_use_only_what_the_module_map_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let table = table(&lib);
    let rank: HashMap<&str, usize> = table
        .iter()
        .enumerate()
        .map(|(i, (m, _))| (m.as_str(), i))
        .collect();

    // The table covers exactly the modules lib.rs declares, and points one way.
    let mut declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .collect();
    let mut listed: Vec<&str> = rank.keys().copied().collect();
    declared.sort_unstable();
    listed.sort_unstable();
    assert_eq!(declared, listed, "the module map lists every module once");
    for (i, (module, uses)) in table.iter().enumerate() {
        for used in uses {
            assert!(
                rank.get(used.as_str()).is_some_and(|&j| j > i),
                "module map: `{module}` may use `{used}`, which is not below it in the table"
            );
        }
    }

    // Every `crate::` path in the library keeps to it.
    let roots = root_names(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let module = first.trim_end_matches(".rs");
        if module == "lib" || module == "main" {
            continue;
        }
        let allowed = &table[rank[module]].1;
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for name in crate_paths(line) {
                let used = roots.get(&name).unwrap_or(&name);
                if used != module && !allowed.contains(used) {
                    broken.push(format!(
                        "src/{}:{}: `{module}` uses `{used}`",
                        rel.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "not allowed by the module map in src/lib.rs:\n{}",
        broken.join("\n")
    );
}

#[test]
fn crate_paths_are_read_from_single_and_grouped_imports() {
    assert_eq!(crate_paths("use crate::bank::{Catalog, Filter};"), ["bank"]);
    assert_eq!(
        crate_paths("use crate::{bank::Catalog, error::{Error, Result}};"),
        ["bank", "error"]
    );
    assert_eq!(
        crate_paths("let c = crate::Catalog::builtin(); crate::render::clean(x)"),
        ["Catalog", "render"]
    );
}
