//! prepcoach: an offline interview-practice coach for partnership roles.
//!
//! The library does all the work and the `prepcoach` binary only parses arguments and calls
//! [`run`].
//!
//! # Module map
//!
//! What each module owns:
//! - [`commands`]: one module per subcommand; resolves its raw arguments, calls the library
//!   and hands the result to `render`. The only module that ties the others together.
//! - [`config`]: settings resolved once from flags and environment: colour and width (a
//!   `render::Style`), the config and data folders.
//! - [`cli`]: the clap definitions, raw input only.
//! - [`session`]: the practice loop as plain state; rustyline or a script only at its edge.
//! - [`render`]: text, HTML, Markdown, CSV and JSON output, and the plain data its screens
//!   lay out; never analyses.
//! - [`drill`]: a coach's drill files (which questions, what passes) and cohort grading.
//! - [`roleplay`]: the role-play scenario format, the partner in character and the debrief;
//!   never prints.
//! - [`history`]: checked attempts kept in a SQLite file, progress, spaced review.
//! - [`analysis`]: the answer checker; never prints.
//! - [`bank`]: the question-bank format, loading, validation, and choosing questions.
//! - [`data`]: reading the data files users write, JSON errors located and explained.
//! - [`error`]: the error types.
//!
//! Who may use whom: dependencies point one way, down this table. A module may use only
//! the modules in its row, and each of those stands lower in the table, so there are no
//! cycles; and only `commands` and `config` read the raw command line. The test
//! `tests/all/layering.rs` reads this table and fails on any `crate::` path in `src/`
//! that breaks it.
//!
//! | module     | may use                                                                   |
//! |------------|---------------------------------------------------------------------------|
//! | `commands` | `config` `cli` `session` `render` `drill` `history` `roleplay` `analysis` `bank` `data` `error` |
//! | `config`   | `cli` `render`                                                            |
//! | `cli`      | `bank`                                                                    |
//! | `session`  | `render` `history` `roleplay` `analysis` `bank` `error`                   |
//! | `render`   | `drill` `history` `roleplay` `analysis` `bank` `error`                    |
//! | `drill`    | `analysis` `bank` `data` `error`                                          |
//! | `history`  | `analysis` `error`                                                        |
//! | `roleplay` | `analysis` `bank` `data` `error`                                          |
//! | `analysis` | `bank` `data` `error`                                                     |
//! | `bank`     | `data` `error`                                                            |
//! | `data`     | `error`                                                                   |
//! | `error`    |                                                                           |

pub mod analysis;
pub mod bank;
pub mod cli;
pub mod commands;
pub mod config;
pub mod data;
pub mod drill;
pub mod error;
pub mod history;
pub mod render;
pub mod roleplay;
pub mod session;

pub use analysis::{analyze, QuestionContext, Report, Rules};
pub use bank::Catalog;
pub use error::{Error, Result};

/// Run the command line; returns the exit status.
pub fn run(cli: cli::Cli) -> Result<i32> {
    commands::run(cli)
}
