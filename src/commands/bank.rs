//! `prepcoach bank validate` and `prepcoach bank schema`.

use super::emit;
use crate::bank::{bank_paths, read_bank_file, schema::bank_schema, BankFileError, Catalog, Origin};
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
        match read_bank_file(file) {
            Ok(bank) => {
                let n = bank.questions.len();
                match catalog.add(bank, Origin::File(file.clone())) {
                    Ok(()) => report.push_str(&format!(
                        "{} {}: {n} questions\n",
                        paint.good("ok"),
                        file.display()
                    )),
                    Err(e) => {
                        errors += 1;
                        report.push_str(&format!("{}: {e}\n", file.display()));
                    }
                }
            }
            Err(BankFileError::Invalid(diags)) => {
                errors += diags.len();
                for d in diags {
                    report.push_str(&format!("{d}\n"));
                }
            }
            Err(BankFileError::Other(e @ (Error::NotUtf8 { .. } | Error::Read { .. }))) => {
                errors += 1;
                report.push_str(&format!("{e}\n"));
            }
            Err(BankFileError::Other(e)) => return Err(e),
        }
    }
    if errors > 0 {
        report.push_str(&format!(
            "{errors} error{} in {} file{}\n",
            if errors == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        ));
        eprint!("{report}");
        Ok(1)
    } else {
        emit(&report)?;
        Ok(0)
    }
}
