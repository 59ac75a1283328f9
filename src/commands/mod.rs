//! One module per subcommand. Each resolves its raw arguments, calls into the library and
//! hands the result to the rendering layer; only `main.rs` exits the process.

mod bank;
mod batch_lines;
mod check;
mod drill;
mod history;
mod list;
mod output;
mod practice;
mod report;
mod roleplay;
mod shell;

pub use check::{check_batch, check_batch_from, Limits};

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::bank::{Catalog, Filter};
use crate::cli::{Cli, Command, PracticeArgs, Selection};
use crate::config::{style, user_bank_dir};
use crate::error::{Error, Result};
use crate::render::Paint;

/// Run a parsed command line; returns the process exit status.
pub fn run(cli: Cli) -> Result<i32> {
    let paint = Paint::new(style(cli.color));
    // Practice options before a command would be ignored: say so instead.
    if cli.command.is_some() && cli.practice != PracticeArgs::default_session() {
        return Err(Error::Usage(
            "practice options go after `practice` or with no command at all (`prepcoach --question spm-03`), not before another command".into(),
        ));
    }
    match cli.command.unwrap_or(Command::Practice(cli.practice)) {
        Command::Practice(args) => practice::run(&args, &paint),
        Command::Banks(args) => list::banks(&args, &paint),
        Command::Questions(args) => list::questions(&args, &paint),
        Command::Show(args) => list::show(&args, &paint),
        Command::List(args) => list::values(&args, &paint),
        Command::Bank(cmd) => bank::run(cmd, &paint),
        Command::Check(args) => check::run(&args, &paint),
        Command::Rules(args) => check::rules(&args),
        Command::Progress(args) => history::show_progress(&args, &paint),
        Command::History(cmd) => history::run(cmd),
        Command::Drill(cmd) => drill::run(cmd, &paint),
        Command::Grade(args) => drill::grade(&args, &paint),
        Command::Report(args) => report::run(&args),
        Command::Roleplay(args) => roleplay::run(&args, &paint),
        Command::Scenario(cmd) => roleplay::scenario(cmd, &paint),
        Command::Completions(args) => shell::completions(&args),
        Command::Man(args) => shell::man(&args),
    }
}

impl PracticeArgs {
    /// What `prepcoach` with no command runs: 5 mixed questions.
    pub fn default_session() -> Self {
        PracticeArgs {
            count: 5,
            ..PracticeArgs::default()
        }
    }
}

/// Whether a `--bank` value names a file or folder rather than a bank id.
fn is_path(value: &str) -> bool {
    let path = Path::new(value);
    value.contains(['/', '\\'])
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || path.exists()
}

/// Load the catalog a selection asks for and build its filter.
pub(crate) fn resolve(sel: &Selection, search: Option<String>) -> Result<(Catalog, Filter)> {
    resolve_with(sel, search, Catalog::builtin()?)
}

/// [`resolve`] onto a given set of built-in banks.
pub(crate) fn resolve_with(
    sel: &Selection,
    search: Option<String>,
    base: Catalog,
) -> Result<(Catalog, Filter)> {
    let (paths, ids): (Vec<&String>, Vec<&String>) = sel.banks.iter().partition(|v| is_path(v));
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let user = if sel.no_user_banks {
        None
    } else {
        user_bank_dir()
    };
    let catalog = Catalog::load_onto(base, &paths, user.as_deref())?;
    let kinds = sel
        .kinds
        .iter()
        .map(|k| k.parse().map_err(Error::Usage))
        .collect::<Result<Vec<_>>>()?;
    let levels = sel
        .levels
        .iter()
        .map(|l| l.parse().map_err(Error::Usage))
        .collect::<Result<Vec<_>>>()?;
    let competencies = known(&catalog, &sel.competencies, "competency", |q| {
        Some(q.competency.as_str())
    })?;
    let rounds = known(&catalog, &sel.rounds, "round", |q| q.round.as_deref())?;
    // A bank named by its file (`--bank my-bank.json`, the README's way to practise a
    // coach's bank) is selected as well as loaded, as one named by its id is.
    // Bank ids as the banks spell them, whatever case they were typed in.
    let mut banks: Vec<String> = ids
        .into_iter()
        .map(|id| catalog.bank(id).map(|b| b.bank.id.clone()))
        .collect::<Result<_>>()?;
    for b in catalog.banks() {
        if let crate::bank::Origin::File(f) = &b.origin {
            if paths.iter().any(|p| f == p || f.starts_with(p)) {
                banks.push(b.bank.id.clone());
            }
        }
    }
    let filter = Filter {
        banks,
        kinds,
        competencies,
        levels,
        rounds,
        search,
    };
    Ok((catalog, filter))
}

/// The values given for a filter, each as the loaded questions spell it (matched in any
/// case); one that no question has is a typo, said with the nearest one, not a silent "no
/// question matches". The questions are only read when a value was given.
fn known(
    catalog: &Catalog,
    given: &[String],
    what: &str,
    value: impl Fn(&crate::bank::Question) -> Option<&str>,
) -> Result<Vec<String>> {
    if given.is_empty() {
        return Ok(Vec::new());
    }
    let mut values: Vec<&str> = catalog
        .all_questions()
        .filter_map(|q| value(q.question))
        .collect();
    values.sort_unstable();
    values.dedup();
    given
        .iter()
        .map(
            |g| match values.iter().find(|v| v.eq_ignore_ascii_case(g)) {
                Some(v) => Ok((*v).to_string()),
                None => Err(Error::Usage(unknown_value(what, g, &values))),
            },
        )
        .collect()
}

/// "no round `finall`; did you mean …?", or the values there are when none is close.
fn unknown_value(what: &str, given: &str, values: &[&str]) -> String {
    if let Some(n) = crate::data::nearest(given, values.iter().copied()) {
        return format!("no {what} `{given}`; did you mean `{n}`?");
    }
    let whats = match what.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{what}s"),
    };
    format!(
        "no {what} `{given}`; the {whats} there are: {} (`prepcoach list {whats}`)",
        values.join(", ")
    )
}

/// Whether an answer with this score and band is below `bar` (`--fail-below`). The drill's
/// pass rules are judged where the drill is known; here `Pass` is never below.
pub(crate) fn below(bar: crate::cli::Bar, score: u32, band: crate::analysis::Band) -> bool {
    use crate::analysis::Band;
    use crate::cli::Bar;
    match bar {
        Bar::Score(n) => score < n,
        Bar::Meets => band == Band::Below,
        Bar::Exceeds => band != Band::Exceeds,
        Bar::Pass => false,
    }
}

/// The end of a `validate` command: the report on stdout and status 0 when no file has a
/// problem; otherwise the report with a count of errors on stderr, and status 1.
pub(crate) fn finish_validation(mut report: String, errors: usize, files: usize) -> Result<i32> {
    if errors == 0 {
        emit(&report)?;
        return Ok(0);
    }
    report.push_str(&format!(
        "{errors} error{} in {files} file{}\n",
        if errors == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" }
    ));
    eprint!("{report}");
    Ok(1)
}

/// Write to stdout; a closed pipe (`prepcoach questions | head`) is not an error.
pub(crate) fn emit(text: &str) -> Result<()> {
    emit_bytes(text.as_bytes())
}

/// [`emit`] for output already known to be UTF-8 (serde_json's), without checking it again.
pub(crate) fn emit_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Error::Output),
    }
}
