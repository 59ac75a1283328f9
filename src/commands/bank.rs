//! `prepcoach bank validate` and `prepcoach bank schema`.

use super::emit;
use crate::bank::{
    bank_paths, clash_diagnostics, parse_bank, read_text, schema::bank_schema, Catalog, Origin,
};
use crate::cli::BankCommand;
use crate::error::{Error, Result};
use crate::render::Paint;

pub fn run(cmd: BankCommand, paint: &Paint) -> Result<i32> {
    match cmd {
        BankCommand::Schema => {
            emit(&format!("{}\n", bank_schema()))?;
            Ok(0)
        }
        BankCommand::Validate { paths } => validate(&paths, paint),
    }
}

/// Check every file; report every problem; exit 1 when any file has one. Ids are also
/// checked against the built-in banks and each other.
fn validate(paths: &[std::path::PathBuf], paint: &Paint) -> Result<i32> {
    let mut files = Vec::new();
    for p in paths {
        files.extend(bank_paths(p)?);
    }
    let mut catalog = Catalog::builtin()?;
    let mut errors = 0;
    let mut report = String::new();
    for file in &files {
        let name = file.display().to_string();
        let text = match read_text(file) {
            Ok(t) => t,
            Err(e @ (Error::NotUtf8 { .. } | Error::Read { .. })) => {
                errors += 1;
                report.push_str(&format!("{e}\n"));
                continue;
            }
            Err(e) => return Err(e),
        };
        let diags = match parse_bank(&name, &text) {
            Ok(bank) => {
                // A built-in bank's own file is not a clash with itself.
                let clashes = if is_builtin_copy(file, &text) {
                    Vec::new()
                } else {
                    clash_diagnostics(&catalog, &bank, &name, &text)
                };
                if clashes.is_empty() {
                    let n = bank.questions.len();
                    report.push_str(&format!(
                        "{} {}: {n} question{}\n",
                        paint.good("ok"),
                        crate::render::clean(&name),
                        if n == 1 { "" } else { "s" }
                    ));
                    if !is_builtin_copy(file, &text) {
                        catalog.add(bank, Origin::File(file.clone()))?;
                    }
                }
                clashes
            }
            Err(diags) => diags,
        };
        errors += diags.len();
        for d in diags {
            report.push_str(&format!("{}\n", crate::render::clean(&d.to_string())));
        }
    }
    super::finish_validation(report, errors, files.len())
}

/// Whether `file` is one of the built-in banks, unchanged.
fn is_builtin_copy(file: &std::path::Path, text: &str) -> bool {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    crate::bank::BUILTIN_BANKS
        .iter()
        .any(|(n, t)| *n == name && *t == text)
}
