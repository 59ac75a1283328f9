//! Command-line definitions (clap derive) — raw input only; resolving it is the commands'
//! job (and [`crate::config`]'s, for colour and folders). Only `commands` and `config`
//! read this module; the library below them knows nothing of clap.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::bank::Order;

/// The exit statuses, shown under `--help`.
pub const EXIT_CODES: &str =
    "Exit status: 0 done; 1 a bank or drill file has problems (validate), \
output or the history could not be written or used, an attempt was not saved, or (with \
--fail-below) an answer is below the bar in check, grade or drill run; 2 a usage or \
input error (a bad flag, an unreadable or invalid file, line or id), reported with its file, \
line, column and field.";

/// Rehearse interview answers for partnership roles, and get them checked.
///
/// With no command, starts a practice session of 5 mixed questions; the practice options
/// work without the command too (`prepcoach --question spm-03`).
#[derive(Debug, Parser)]
#[command(
    name = "prepcoach",
    version,
    about,
    long_about = None,
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// When to colour output.
    #[arg(long, value_enum, default_value_t, global = true)]
    pub color: ColorChoice,

    /// `practice`'s options, for a session started with no command.
    #[command(flatten)]
    pub practice: PracticeArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Practise questions in the terminal (the default).
    Practice(PracticeArgs),
    /// List the loaded banks with question counts per kind.
    Banks(BanksArgs),
    /// List questions, filtered.
    Questions(QuestionsArgs),
    /// Show one question with everything it carries.
    Show(ShowArgs),
    /// The competencies, rounds, levels or kinds the questions have, with how many each.
    List(ListArgs),
    /// Check a coach-written bank, or print the bank format's JSON Schema.
    #[command(subcommand)]
    Bank(BankCommand),
    /// Check an answer: structure, quantified impact, coverage, mistakes, delivery.
    Check(CheckArgs),
    /// Print the checker's rules and lexicons (the file a coach overrides).
    Rules(RulesArgs),
    /// Your progress: scores per competency and kind, trends, recurring gaps, untried questions.
    Progress(ProgressArgs),
    /// Export or import the history of attempts.
    #[command(subcommand)]
    History(HistoryCommand),
    /// Check or run a coach's drill.
    #[command(subcommand)]
    Drill(DrillCommand),
    /// Grade a cohort's answers against a drill's pass rules.
    Grade(GradeArgs),
    /// Write a shareable report of your history, or of a cohort's grades.
    Report(ReportArgs),
    /// Rehearse a role-play: chair a meeting with a partner who pushes back, then get a
    /// debrief against the scenario's criteria and anchors.
    Roleplay(RoleplayArgs),
    /// List role-play scenarios, check scenario files, or print the scenario format's JSON
    /// Schema.
    #[command(subcommand)]
    Scenario(ScenarioCommand),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct RoleplayArgs {
    /// The scenario's id (see `prepcoach scenario list`); the hiring kit's pipeline
    /// alignment meeting when none is given.
    pub scenario: Option<String>,
    /// Play a scenario file of your own instead.
    #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
    pub file: Option<PathBuf>,
    /// Choose the partner's lines with this seed: the same seed and the same turns give
    /// the same meeting (a new seed each run otherwise, shown in the debrief).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The debrief as text, or as one JSON object (from a script: the object alone).
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// Do not keep the meeting in the history.
    #[arg(long)]
    pub no_save: bool,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioCommand {
    /// The built-in scenarios.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Check scenario files; every problem is reported with file, line, column and field.
    Validate {
        /// Scenario files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `prepcoach.1` and a `prepcoach-COMMAND.1` page per command into this folder
    /// instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace pages that already exist in the folder.
    #[arg(long, requires = "dir")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write one self-contained HTML page here.
    #[arg(long, value_name = "FILE", required_unless_present = "markdown")]
    pub html: Option<PathBuf>,
    /// Write Markdown here.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Report a cohort's grades for this drill (with --answers) instead of your history.
    #[arg(long, requires = "answers")]
    pub drill: Option<PathBuf>,
    /// The cohort's answers (JSONL), with --drill.
    #[arg(long, requires = "drill")]
    pub answers: Option<PathBuf>,
    /// The cohort, one name a line, with --drill: who has not submitted is listed.
    #[arg(long, value_name = "FILE", requires = "drill")]
    pub roster: Option<PathBuf>,
    /// Replace an output file that already exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub data: DataDir,
    #[command(flatten)]
    pub selection: Selection,
}

#[derive(Debug, Subcommand)]
pub enum DrillCommand {
    /// Check drill files; every problem with file, line, column and field.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        selection: Selection,
    },
    /// Practise a drill; the end says which pass rules each answer met.
    Run {
        file: PathBuf,
        #[command(flatten)]
        selection: Selection,
        #[command(flatten)]
        data: DataDir,
        /// Practise without keeping anything.
        #[arg(long)]
        no_save: bool,
        /// Exit with status 1 when a question's best answer is below this: `pass` (the
        /// drill's rules), a score, `meets` or `exceeds`.
        #[arg(long, value_name = "BAR", value_parser = Bar::parse)]
        fail_below: Option<Bar>,
        /// Hide scores and bands.
        #[arg(long)]
        no_score: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum GradeFormat {
    #[default]
    Text,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// The drill whose pass rules apply.
    #[arg(long)]
    pub drill: PathBuf,
    /// JSONL: {"candidate": ..., "question_id": ..., "answer": ...} a line (`-` for stdin).
    #[arg(long)]
    pub answers: PathBuf,
    /// The cohort, one name a line: who has not submitted is listed, and a name not on it
    /// is an error (with the nearest name).
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Exit with status 1 when an answer is below this: `pass` (the drill's rules; a
    /// question not submitted fails too), a score, `meets` or `exceeds`.
    #[arg(long, value_name = "BAR", value_parser = Bar::parse)]
    pub fail_below: Option<Bar>,
    #[arg(long, value_enum, default_value_t)]
    pub format: GradeFormat,
    #[command(flatten)]
    pub selection: Selection,
}

/// Where questions come from and which ones to pick.
#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct Selection {
    /// A bank id to select from, or a bank file or folder to load (repeatable).
    #[arg(long = "bank", value_name = "ID|PATH")]
    pub banks: Vec<String>,
    /// Only questions of this kind (repeatable).
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Only questions testing this competency (repeatable).
    #[arg(long = "competency", value_name = "SLUG")]
    pub competencies: Vec<String>,
    /// Only questions for this level: junior, mid, senior (repeatable).
    #[arg(long = "level", value_name = "LEVEL")]
    pub levels: Vec<String>,
    /// Only questions asked in this interview round (repeatable).
    #[arg(long = "round", value_name = "ROUND")]
    pub rounds: Vec<String>,
    /// Do not load banks from the user's config folder.
    #[arg(long)]
    pub no_user_banks: bool,
}

#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct PracticeArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Practise this question (repeatable); overrides the filters.
    #[arg(long = "question", value_name = "ID")]
    pub questions: Vec<String>,
    /// How many questions in the session.
    #[arg(long, default_value_t = 5)]
    pub count: usize,
    /// Question order.
    #[arg(long, value_enum, default_value_t)]
    pub order: Order,
    /// Seed for the random order, to repeat a session.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Hide scores and bands (findings are still shown).
    #[arg(long)]
    pub no_score: bool,
    /// Practise without keeping anything (no history, no line history).
    #[arg(long)]
    pub no_save: bool,
    /// Spaced review: the questions that are due (weak answers sooner, strong ones later),
    /// then never-tried ones.
    #[arg(long, conflicts_with = "questions")]
    pub review: bool,
    #[command(flatten)]
    pub data: DataDir,
}

/// Where attempts are kept.
#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct DataDir {
    /// The folder for the history (default: $PREPCOACH_HOME, else the platform's data
    /// folder, e.g. ~/.local/share/prepcoach).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub data: DataDir,
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    #[command(flatten)]
    pub selection: Selection,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Write every attempt as JSON lines (to move a history between machines).
    Export {
        #[command(flatten)]
        data: DataDir,
        /// Only `jsonl` is supported.
        #[arg(long, default_value = "jsonl", value_parser = ["jsonl"])]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace the output file if it already exists.
        #[arg(long)]
        force: bool,
    },
    /// Add attempts from a `history export` file; attempts already there are skipped.
    Import {
        #[command(flatten)]
        data: DataDir,
        /// The JSONL file (`-` for standard input).
        file: PathBuf,
    },
}

/// `--order`: the library's [`Order`], named on the command line here so the library
/// itself does not depend on clap.
impl ValueEnum for Order {
    fn value_variants<'a>() -> &'a [Self] {
        &[Order::Random, Order::Bank]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Order::Random => "random",
            Order::Bank => "bank",
        }))
    }
}

/// The `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct BanksArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// What `prepcoach list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    Competencies,
    Rounds,
    Levels,
    Kinds,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list.
    #[arg(value_enum, ignore_case = true)]
    pub what: ListWhat,
    #[command(flatten)]
    pub selection: Selection,
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Only questions whose text, id, competency or areas contain every word.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The question id (see `prepcoach questions`).
    pub id: String,
    #[command(flatten)]
    pub selection: Selection,
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Check bank files; every problem is reported with file, line, column and field.
    Validate {
        /// Bank files or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the bank format.
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CheckFormat {
    #[default]
    Text,
    Json,
    /// One finding a line: FILE:LINE:COL: severity rule: message.
    Line,
    /// One JSON report a line (with --input).
    Jsonl,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The answer file; `-` or nothing reads standard input.
    pub file: Option<PathBuf>,
    /// The question the answer responds to, for coverage and kind-specific checks.
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// The answer responds to one of the question's follow-ups: its number (0 for the
    /// first `show` lists) or its text. It is judged against the follow-up: its budget and
    /// the gap it probes.
    #[arg(
        long,
        value_name = "N|TEXT",
        requires = "question",
        conflicts_with = "input"
    )]
    pub follow_up: Option<String>,
    /// Batch mode: a JSONL file of {"id", "answer", "question_id"?, "follow_up"?} lines
    /// (`-` for stdin).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub input: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
    /// A rules file that extends or overrides the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Hide the score and band.
    #[arg(long)]
    pub no_score: bool,
    /// The longest answer checked, in bytes (a spoken answer is a few kilobytes).
    #[arg(long, value_name = "BYTES", default_value_t = 1_000_000)]
    pub max_answer_bytes: usize,
    /// Exit with status 1 when an answer is below this: a score (0-100), `meets` or
    /// `exceeds` (for scripts and CI).
    #[arg(long, value_name = "BAR", value_parser = Bar::parse)]
    pub fail_below: Option<Bar>,
    #[command(flatten)]
    pub selection: Selection,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print the rules after applying this override file.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// The bar `--fail-below` sets: a score, a band, or (for drills) the drill's pass rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    Score(u32),
    Meets,
    Exceeds,
    Pass,
}

impl Bar {
    /// `--fail-below`'s value: 0 to 100, `meets`, `exceeds` or `pass`.
    pub fn parse(s: &str) -> Result<Bar, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "meets" => Ok(Bar::Meets),
            "exceeds" => Ok(Bar::Exceeds),
            "pass" => Ok(Bar::Pass),
            other => match other.parse::<u32>() {
                Ok(n) if n <= 100 => Ok(Bar::Score(n)),
                _ => Err(format!(
                    "expected a score from 0 to 100, `meets`, `exceeds` or `pass`, found `{s}`"
                )),
            },
        }
    }
}

impl std::fmt::Display for Bar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bar::Score(n) => write!(f, "a score of {n}"),
            Bar::Meets => f.write_str("meets"),
            Bar::Exceeds => f.write_str("exceeds"),
            Bar::Pass => f.write_str("the drill's pass rules"),
        }
    }
}
