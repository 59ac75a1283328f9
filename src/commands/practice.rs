//! `prepcoach practice` (and `prepcoach` with no command): a session in the terminal, or
//! scripted from standard input when it is not a terminal.

use std::io::IsTerminal;

use super::{check::load_rules, history::history_path, resolve};
use crate::cli::PracticeArgs;
use crate::config::data_home;
use crate::error::Result;
use crate::history::{Record, Store};
use crate::render::Paint;
use crate::session::input::{InputSource, ScriptInput, TtyInput};
use crate::session::plan::{choose, Plan};
use crate::session::run::{run as run_session, Options};
use crate::session::Session;

pub fn run(args: &PracticeArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, None)?;
    let rules = load_rules(None)?;
    let plan = Plan {
        ids: args.questions.clone(),
        filter,
        count: args.count,
        order: args.order,
        seed: args.seed,
    };
    let questions = choose(&catalog, &plan)?;
    // Open the history before the first question, so a problem shows before any answer.
    let store = if args.no_save {
        None
    } else {
        Some(Store::open(&history_path(&args.data)?)?)
    };
    let mut session = Session::new(questions, &rules);
    if let Some(store) = &store {
        session.keep_attempts_with(move |a| store.save(&Record::from_attempt(a, None)).map(|_| ()));
    }
    let mut source: Box<dyn InputSource> = if std::io::stdin().is_terminal() {
        let lines = match (&args.no_save, args.data.data_dir.clone().or_else(data_home)) {
            (false, Some(d)) => Some(d.join("history.txt")),
            _ => None,
        };
        Box::new(TtyInput::new(lines)?)
    } else {
        Box::new(ScriptInput::from_stdin()?)
    };
    let mut out = std::io::stdout();
    run_session(
        &mut session,
        source.as_mut(),
        &mut out,
        paint,
        Options {
            no_score: args.no_score,
        },
    )?;
    Ok(0)
}
