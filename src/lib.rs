//! prepcoach: an offline interview-practice coach for partnership roles.
//!
//! The library does all the work and the `prepcoach` binary only parses arguments and calls
//! [`run`]. Modules own one concern each:
//! - [`bank`]: the question-bank format, loading, validation and selection;
//! - [`analysis`]: the answer checker (never prints);
//! - [`render`]: text and JSON output (never analyses);
//! - [`commands`]: one module per subcommand, tying the others together;
//! - [`history`]: attempts kept in a SQLite file, and what they say about progress;
//! - [`config`]: settings resolved once from flags and environment.

pub mod analysis;
pub mod bank;
pub mod cli;
pub mod commands;
pub mod config;
pub mod drill;
pub mod error;
pub mod history;
pub mod render;
pub mod session;

pub use analysis::{analyze, QuestionContext, Report, Rules};
pub use bank::Catalog;
pub use error::{Error, Result};

/// Run the command line; returns the exit status.
pub fn run(cli: cli::Cli) -> Result<i32> {
    commands::run(cli)
}
