//! `prepcoach roleplay` and `prepcoach scenario list|validate|schema`.

use std::io::IsTerminal;
use std::path::Path;

use super::emit;
use super::history::history_path;
use crate::cli::{ListFormat, RoleplayArgs, ScenarioCommand};
use crate::error::{Error, Result};
use crate::history::{Record, Store, ROLE_PLAY};
use crate::render::{clean, Paint};
use crate::roleplay::{self, Conversation, Debrief, MoveReader, Scenario};
use crate::session::input::{InputSource, ScriptInput, TtyInput};
use crate::session::roleplay::{Outcome, Show};
use crate::session::Command;

/// The scenario played when none is named.
const DEFAULT_SCENARIO: &str = "pipeline-alignment";

pub fn run(args: &RoleplayArgs, paint: &Paint) -> Result<i32> {
    let scenario = match &args.file {
        Some(path) => load_file(path)?,
        None => pick(args.scenario.as_deref().unwrap_or(DEFAULT_SCENARIO))?,
    };
    let reader = MoveReader::builtin()?;
    // Open the history first, so a problem with it shows before the meeting.
    let store = if args.no_save {
        None
    } else {
        Some(Store::open(&history_path(&args.data)?)?)
    };
    let interactive = std::io::stdin().is_terminal();
    let mut source: Box<dyn InputSource> = if interactive {
        Box::new(TtyInput::new(None)?.with_commands(&Command::ROLEPLAY))
    } else {
        let script = crate::data::read_bounded(std::io::stdin(), Path::new("<stdin>"))?;
        Box::new(ScriptInput::from_text(&script).with_commands(&Command::ROLEPLAY))
    };
    let json = args.format == ListFormat::Json;
    let show = Show {
        conversation: interactive || !json,
    };
    let mut seed = args.seed.unwrap_or_else(roleplay::fresh_seed);
    let mut out = std::io::stdout();
    loop {
        let mut conv = Conversation::new(&scenario, &reader, seed);
        let started = std::time::Instant::now();
        let outcome =
            crate::session::roleplay::run(&mut conv, source.as_mut(), &mut out, paint, show)?;
        // A meeting is kept once it has had its debrief, not when restarted half-way.
        if let (Some(store), Some(d)) = (&store, outcome.debrief()) {
            if !conv.turns.is_empty() {
                store.save(&record_of(&conv, d, started.elapsed().as_secs_f64()))?;
            }
        }
        match outcome {
            Outcome::Restart { .. } => {
                seed = seed.wrapping_add(1);
                if show.conversation {
                    emit(&paint.dim("(starting again)\n"))?;
                }
            }
            Outcome::Done(d) => {
                if json {
                    let text = serde_json::to_string_pretty(&d)
                        .map_err(|e| Error::Usage(format!("cannot write the debrief: {e}")))?;
                    emit(&format!("{text}\n"))?;
                }
                return Ok(0);
            }
        }
    }
}

/// The history's record of a meeting: its turns as the answer, the debrief as the report
/// (with its two changes as the suggestions reports show), the share of the criteria met
/// as the score and the anchor as the band.
pub(crate) fn record_of(conv: &Conversation<'_>, d: &Debrief, seconds: f64) -> Record {
    let met = d.criteria.iter().filter(|c| c.met).count();
    let score = (100 * met).checked_div(d.criteria.len()).unwrap_or(0) as u32;
    let mut report = serde_json::to_value(d).unwrap_or(serde_json::Value::Null);
    report["suggestions"] = serde_json::json!(d.changes);
    let transcript: Vec<&str> = conv.turns.iter().map(|t| t.text.trim()).collect();
    Record {
        at: crate::history::now_rfc3339(),
        question_id: scenario_key(&d.scenario),
        bank_id: "roleplay".into(),
        competency: conv.scenario.competency.clone(),
        kind: ROLE_PLAY.into(),
        answer: transcript.join("\n---\n"),
        score,
        band: d.anchor.name().into(),
        missing: Vec::new(),
        report,
        seconds,
        hint_seen: d.hints > 0,
        model_seen: false,
        retry: false,
        followup: false,
        follow_up_question: None,
        drill: None,
        session: crate::history::session_id().to_string(),
    }
}

/// A scenario's `question_id` must name a question of the banks: `:roleplay` is offered
/// on that question.
fn linked_question(s: &Scenario, catalog: &crate::Catalog, name: &str, text: &str) -> Result<()> {
    let Some(id) = &s.question_id else {
        return Ok(());
    };
    if catalog.question(id).is_ok() {
        return Ok(());
    }
    let near = crate::data::nearest(id, catalog.all_questions().map(|q| q.question.id.as_str()));
    let (line, column) = crate::data::locate::field_position(text, "question_id");
    Err(Error::Invalid(vec![crate::error::Diagnostic {
        file: name.to_string(),
        line,
        column,
        field: "question_id".into(),
        message: format!(
            "no question `{id}` in the banks{}",
            near.map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default()
        ),
    }]))
}

/// The id a scenario's meetings are kept under in the history.
fn scenario_key(id: &str) -> String {
    format!("roleplay:{id}")
}

/// Each built-in scenario's title by its history id, for reports.
pub fn titles() -> Result<Vec<(String, String)>> {
    Ok(roleplay::builtin()?
        .into_iter()
        .map(|s| (scenario_key(&s.id), format!("Role-play: {}", s.title)))
        .collect())
}

/// A built-in scenario by id (case does not matter).
fn pick(id: &str) -> Result<Scenario> {
    let all = roleplay::builtin()?;
    let want = id.trim().to_ascii_lowercase();
    let near = crate::data::nearest(&want, all.iter().map(|s| s.id.as_str()));
    all.into_iter().find(|s| s.id == want).ok_or_else(|| {
        Error::Usage(format!(
            "no scenario `{}`{}: `prepcoach scenario list` shows them",
            clean(id),
            near.map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default()
        ))
    })
}

fn load_file(path: &Path) -> Result<Scenario> {
    let text = crate::data::read_text(path)?;
    let name = path.display().to_string();
    let s = roleplay::parse(&name, &text)?;
    linked_question(&s, &crate::Catalog::builtin()?, &name, &text)?;
    Ok(s)
}

pub fn scenario(cmd: ScenarioCommand, paint: &Paint) -> Result<i32> {
    match cmd {
        ScenarioCommand::Schema => {
            emit(&format!("{}\n", roleplay::scenario::schema()))?;
            Ok(0)
        }
        ScenarioCommand::List { format } => {
            let all = roleplay::builtin()?;
            let text = match format {
                ListFormat::Json => {
                    let rows: Vec<serde_json::Value> = all
                        .iter()
                        .map(|s| {
                            serde_json::json!({
                                "id": s.id, "title": s.title, "minutes": s.minutes,
                                "partner": s.partner.name, "question_id": s.question_id,
                            })
                        })
                        .collect();
                    format!("{}\n", serde_json::Value::Array(rows))
                }
                ListFormat::Text => all
                    .iter()
                    .map(|s| {
                        format!(
                            "{}  {} ({} min, with {})\n",
                            paint.accent(&format!("{:<20}", clean(&s.id))),
                            clean(&s.title),
                            s.minutes,
                            clean(&s.partner.name)
                        )
                    })
                    .collect(),
            };
            emit(&text)?;
            Ok(0)
        }
        ScenarioCommand::Validate { paths } => validate(&paths, paint),
    }
}

/// Check every file and report every problem; exit 1 when any file has one.
fn validate(paths: &[std::path::PathBuf], paint: &Paint) -> Result<i32> {
    let mut errors = 0;
    let mut report = String::new();
    let catalog = crate::Catalog::builtin()?;
    for path in paths {
        let name = path.display().to_string();
        let result = crate::data::read_text(path).and_then(|t| {
            let s = roleplay::parse(&name, &t)?;
            linked_question(&s, &catalog, &name, &t)?;
            Ok(s)
        });
        match result {
            Ok(s) => report.push_str(&format!(
                "{} {}: {} stages, {} hidden concerns, {} criteria\n",
                paint.good("ok"),
                clean(&name),
                s.stages.len(),
                s.concerns.len(),
                s.criteria.len()
            )),
            Err(Error::Invalid(diags)) => {
                errors += diags.len();
                for d in diags {
                    report.push_str(&format!("{}\n", clean(&d.to_string())));
                }
            }
            Err(e) => {
                errors += 1;
                report.push_str(&format!("{}\n", clean(&e.to_string())));
            }
        }
    }
    super::finish_validation(report, errors, paths.len())
}
