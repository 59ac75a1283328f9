//! The library's error types.
//!
//! Every error a user can cause carries what they need to fix it: the file, and for data
//! files the line, column and field. The binary prints an error once, at the top.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a data file (a bank, a drill, a rules file, an answers file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Path to the field, `questions[3].kind`; empty when the problem is the whole file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "field `{}`: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// Everything that can go wrong in prepcoach.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} already exists: pass --force to replace it", path.display())]
    OutputExists { path: PathBuf },
    #[error("{} is prepcoach's own file (in its data folder {}): write the output somewhere else", path.display(), data.display())]
    OutputIsOwn { path: PathBuf, data: PathBuf },
    #[error("{}:{line}:{column}: not valid UTF-8 text (save it as UTF-8)", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{} is larger than {} MB, more than any answer, bank or history file needs", path.display(), limit >> 20)]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}", join_diagnostics(.0))]
    Invalid(Vec<Diagnostic>),
    #[error("bank id `{id}` from {second} is already used by {first}")]
    BankClash {
        id: String,
        first: String,
        second: String,
    },
    #[error("question id `{id}` in {second} is already used by {first}")]
    QuestionClash {
        id: String,
        first: String,
        second: String,
    },
    #[error("no question with id `{id}`{}", suggest(.near))]
    UnknownQuestion { id: String, near: Option<String> },
    #[error("no bank with id `{id}`{}", suggest(.near))]
    UnknownBank { id: String, near: Option<String> },
    #[error("{0}")]
    Usage(String),
    #[error("history: {0}")]
    History(String),
    #[error("terminal: {0}")]
    Terminal(String),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

fn join_diagnostics(list: &[Diagnostic]) -> String {
    let lines: Vec<String> = list.iter().map(std::string::ToString::to_string).collect();
    let n = list.len();
    format!(
        "{}\n{n} error{}",
        lines.join("\n"),
        if n == 1 { "" } else { "s" }
    )
}

#[allow(clippy::ref_option)] // thiserror's format arguments pass the field by reference
fn suggest(near: &Option<String>) -> String {
    near.as_ref()
        .map(|n| format!("; did you mean `{n}`?"))
        .unwrap_or_default()
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The process exit status for this error: 2 for usage and input mistakes, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Output(_) | Error::Write { .. } | Error::Terminal(_) | Error::History(_) => 1,
            _ => 2,
        }
    }
}
