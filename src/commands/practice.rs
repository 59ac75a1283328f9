//! `prepcoach practice` (and `prepcoach` with no command): a session in the terminal, or
//! scripted from standard input when it is not a terminal.

use std::io::IsTerminal;

use super::{check::load_rules, history::history_path, resolve};
use crate::analysis::Checker;
use crate::bank::{choose, Catalog, Plan, QuestionRef};
use crate::cli::{DataDir, PracticeArgs};
use crate::config::data_home;
use crate::drill::Drill;
use crate::error::Result;
use crate::history::{review, Attempt, Record, Store};
use crate::render::Paint;
use crate::session::input::{InputSource, ScriptInput, TtyInput};
use crate::session::run::{run as run_session, Options};
use crate::session::Session;

pub fn run(args: &PracticeArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, None)?;
    let checker = Checker::new(load_rules(None)?).with_models(&catalog);
    let plan = Plan {
        ids: args.questions.clone(),
        filter,
        count: args.count,
        order: args.order,
        seed: args.seed,
    };
    let questions = if args.review {
        let (questions, plan) = review_questions(&catalog, plan, &args.data)?;
        super::emit(&crate::render::session::review_plan(&plan, paint))?;
        questions
    } else {
        choose(&catalog, &plan)?
    };
    let setup = Setup {
        no_save: args.no_save,
        no_score: args.no_score,
        data: &args.data,
        drill: None,
    };
    practise(questions, &checker, &setup, paint)?;
    Ok(0)
}

/// The questions a review session asks: due ones, most overdue first, then never-tried
/// ones, from those the filters select; and which is which, to tell the user.
fn review_questions<'a>(
    catalog: &'a Catalog,
    plan: Plan,
    data: &DataDir,
) -> Result<(Vec<QuestionRef<'a>>, crate::render::session::ReviewPlan)> {
    let count = plan.count;
    let all = choose(catalog, &Plan { count: 0, ..plan })?;
    let ids: Vec<String> = all.iter().map(|q| q.question.id.clone()).collect();
    let due = match Store::open_existing(&history_path(data)?)? {
        Some(store) => store.due_dates()?,
        None => Vec::new(),
    };
    // PREPCOACH_NOW (RFC 3339) sets the clock, so a schedule can be checked at a later date.
    let now = std::env::var("PREPCOACH_NOW")
        .ok()
        .map_or_else(chrono::Utc::now, |t| review::when(&t));
    let picked = review::pick(&ids, &due, now, count.max(1));
    if picked.is_empty() {
        return Err(crate::error::Error::Usage(
            "nothing is due for review and every question has been tried; come back later".into(),
        ));
    }
    let due_at = |id: &str| due.iter().find(|(q, _)| q == id).map(|(_, d)| *d);
    let (mut due_now, mut new) = (Vec::new(), Vec::new());
    for id in &picked {
        match due_at(id) {
            Some(d) => due_now.push((id.clone(), review::human_day(d))),
            None => new.push(id.clone()),
        }
    }
    // The next question to come due among those not asked now, so an empty-handed user
    // knows when to come back.
    let next = due
        .iter()
        .filter(|(q, d)| *d > now && ids.contains(q) && !picked.contains(q))
        .min_by_key(|(_, d)| *d)
        .map(|(q, d)| (q.clone(), review::human_day(*d)));
    let questions = picked
        .iter()
        .map(|id| catalog.question(id))
        .collect::<Result<Vec<_>>>()?;
    Ok((
        questions,
        crate::render::session::ReviewPlan {
            due: due_now,
            new,
            next,
        },
    ))
}

/// How a session is kept and shown.
pub struct Setup<'a> {
    pub no_save: bool,
    pub no_score: bool,
    pub data: &'a DataDir,
    pub drill: Option<&'a Drill>,
}

/// Run a practice session on `questions` in the terminal (or a script on standard input),
/// keeping every attempt unless told not to; returns the attempts made.
pub fn practise(
    questions: Vec<QuestionRef<'_>>,
    checker: &Checker,
    setup: &Setup<'_>,
    paint: &Paint,
) -> Result<Vec<Attempt>> {
    // Open the history before the first question, so a problem shows before any answer.
    let store = if setup.no_save {
        None
    } else {
        Some(Store::open(&history_path(setup.data)?)?)
    };
    let mut session = Session::new(questions, checker);
    session.budget_override = setup.drill.and_then(|d| d.time_budget_seconds);
    let drill_name = setup.drill.map(|d| d.name.clone());
    if let Some(store) = &store {
        session.keep_attempts_with(move |a| {
            store
                .save(&Record::from_attempt(a, drill_name.as_deref()))
                .map(|_| ())
        });
        session.keep_roleplays_with(move |conv, debrief, seconds| {
            store
                .save(&super::roleplay::record_of(conv, debrief, seconds))
                .map(|_| ())
        });
    }
    let mut source: Box<dyn InputSource> = if std::io::stdin().is_terminal() {
        let lines = match (
            setup.no_save,
            setup.data.data_dir.clone().or_else(data_home),
        ) {
            (false, Some(d)) => Some(d.join("history.txt")),
            _ => None,
        };
        Box::new(TtyInput::new(lines)?)
    } else {
        let script = crate::data::read_bounded(std::io::stdin(), std::path::Path::new("<stdin>"))?;
        Box::new(ScriptInput::from_text(&script))
    };
    let mut out = std::io::stdout();
    if let Some(d) = setup.drill {
        let intro = format!(
            "{}\n{}\n",
            paint.heading(&format!("Drill: {}", crate::render::clean(&d.name))),
            crate::render::wrap(&d.instructions, paint.style.width, "")
        );
        super::emit(&intro)?;
    }
    run_session(
        &mut session,
        source.as_mut(),
        &mut out,
        paint,
        Options {
            no_score: setup.no_score,
        },
    )?;
    if session.unsaved > 0 {
        return Err(crate::error::Error::History(format!(
            "{} of {} attempts of this session were not saved (see the messages above)",
            session.unsaved,
            session.attempts.len()
        )));
    }
    Ok(session.attempts)
}
