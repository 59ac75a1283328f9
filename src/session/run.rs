//! The practice loop: ask, read, check, show feedback then the model answer, and handle
//! commands. It reads through an [`InputSource`] and writes through a `Write`, so the same
//! loop serves a terminal and a script.

use std::io::Write;
use std::time::Instant;

use super::input::{edit_in_editor, Input, InputSource, Prompt};
use super::{follow_up, summarize, Command, Session};
use crate::error::{Error, Result};
use crate::render::report::ReportOptions;
use crate::render::session::Summary;
use crate::render::{session as screen, Paint};

/// How the session behaves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub no_score: bool,
}

/// What the loop does after reading the answer prompt.
enum Step {
    /// Stay on this question (the string is a kept draft).
    Stay(String),
    /// Stay, with the question's clock started again (after a role-play of it).
    Restart(String),
    NextQuestion,
    /// The session already moved on (a skip): show its current question.
    Skipped,
    End,
}

/// Run the session to its end; returns its summary.
pub fn run(
    session: &mut Session<'_>,
    src: &mut dyn InputSource,
    out: &mut dyn Write,
    paint: &Paint,
    opts: Options,
) -> Result<Summary> {
    emit(
        out,
        &screen::intro(session.questions.len(), src.interactive(), paint),
    )?;
    // The questions a scenario rehearses as a role-play (`:roleplay`).
    let rehearsable: Vec<String> = crate::roleplay::builtin()
        .map(|all| all.into_iter().filter_map(|s| s.question_id).collect())
        .unwrap_or_default();
    'questions: while let Some(q) = session.current() {
        emit(
            out,
            &screen::question(session.index, session.questions.len(), &q, paint),
        )?;
        if src.interactive() && rehearsable.contains(&q.question.id) {
            emit(
                out,
                &paint
                    .dim("(this one can be rehearsed live: type :roleplay to chair the meeting)\n"),
            )?;
        }
        let mut started = Instant::now();
        let mut draft = String::new();
        loop {
            let input = src.read(Prompt::Answer, &draft)?;
            draft.clear();
            let step = match input {
                Input::Eof => Step::End,
                Input::Interrupted => {
                    emit(
                        out,
                        &paint.dim("(draft cleared — start again, or Ctrl-D to finish)\n"),
                    )?;
                    Step::Stay(String::new())
                }
                Input::BadCommand(msg, kept) => {
                    emit(out, &format!("{}\n", paint.warn(&msg)))?;
                    Step::Stay(kept)
                }
                Input::Command(Command::Edit, kept) if !src.interactive() => {
                    // A script has no terminal to run an editor in: it would wait forever.
                    emit(
                        out,
                        &format!(
                            "{}\n",
                            paint.warn(":edit needs a terminal to open your editor in; here the draft is kept as typed")
                        ),
                    )?;
                    Step::Stay(kept)
                }
                Input::Command(cmd, kept) => {
                    before_answer(session, cmd, kept, started, src, out, paint)?
                }
                Input::Text(answer) if answer.trim().is_empty() => Step::Stay(String::new()),
                Input::Text(answer) if answer.len() > MAX_ANSWER_BYTES => {
                    // Not checked and not kept: a paste of this size is not an answer, and
                    // it would swell the history for every later `progress`.
                    emit(
                        out,
                        &format!(
                            "{}\n",
                            paint.warn(&format!(
                                "that answer is {} bytes, over the limit of {MAX_ANSWER_BYTES}: a spoken answer is a few kilobytes; it was not checked or kept",
                                answer.len()
                            ))
                        ),
                    )?;
                    Step::Stay(String::new())
                }
                Input::Text(answer) => {
                    let secs = started.elapsed().as_secs_f64();
                    match after_answer(session, &answer, secs, src, out, paint, opts)? {
                        AfterAnswer::Retry => {
                            emit(
                                out,
                                &screen::question(
                                    session.index,
                                    session.questions.len(),
                                    &q,
                                    paint,
                                ),
                            )?;
                            started = Instant::now();
                            Step::Stay(String::new())
                        }
                        AfterAnswer::Next => Step::NextQuestion,
                        AfterAnswer::End => Step::End,
                    }
                }
            };
            match step {
                Step::Stay(kept) => draft = kept,
                Step::Restart(kept) => {
                    draft = kept;
                    started = Instant::now();
                }
                Step::NextQuestion => {
                    session.advance();
                    continue 'questions;
                }
                Step::Skipped => continue 'questions,
                Step::End => break 'questions,
            }
        }
    }
    let summary = summarize(&session.attempts, &session.skipped);
    emit(out, &screen::summary(&summary, opts.no_score, paint))?;
    Ok(summary)
}

/// The longest answer a session checks and keeps, as `check` (1 MB).
pub const MAX_ANSWER_BYTES: usize = 1_000_000;

/// A command typed before the answer is submitted.
fn before_answer(
    session: &mut Session<'_>,
    cmd: Command,
    kept: String,
    started: Instant,
    src: &mut dyn InputSource,
    out: &mut dyn Write,
    paint: &Paint,
) -> Result<Step> {
    let Some(q) = session.current() else {
        return Ok(Step::End);
    };
    Ok(match cmd {
        Command::Help => {
            emit(out, &help(paint))?;
            Step::Stay(kept)
        }
        Command::Roleplay => {
            roleplay_for(session, q.question, src, out, paint)?;
            Step::Restart(kept)
        }
        Command::Hint => {
            session.peeks.hint = true;
            emit(out, &screen::hint(&q, paint))?;
            Step::Stay(kept)
        }
        Command::Model => {
            session.peeks.model = true;
            let mut text = String::new();
            crate::render::bank::model_answer(&mut text, &q, paint);
            emit(out, &text)?;
            emit(
                out,
                &paint.dim("(noted: model answer seen before answering)\n"),
            )?;
            Step::Stay(kept)
        }
        Command::Time => {
            emit(
                out,
                &screen::time(
                    started.elapsed().as_secs_f64(),
                    q.question.time_budget_seconds,
                    paint,
                ),
            )?;
            Step::Stay(kept)
        }
        Command::Edit => match edit_in_editor(&kept) {
            Ok(text) => {
                emit(out, &paint.dim("(draft loaded from the editor — review it, then Enter on an empty line to submit)\n"))?;
                Step::Stay(text.trim_end().to_string() + "\n")
            }
            Err(e) => {
                emit(out, &format!("{}\n", paint.warn(&e.to_string())))?;
                Step::Stay(kept)
            }
        },
        Command::Skip | Command::Next => {
            session.skip();
            Step::Skipped
        }
        Command::Retry | Command::Followup => {
            emit(out, &paint.dim("(answer the question first)\n"))?;
            Step::Stay(kept)
        }
        Command::Quit => Step::End,
        // Role-play commands: not in the practice table.
        Command::Rubric | Command::End | Command::Restart => Step::Stay(kept),
    })
}

enum AfterAnswer {
    Retry,
    Next,
    End,
}

/// Check the answer, show feedback, then handle the after-feedback prompt.
fn after_answer(
    session: &mut Session<'_>,
    answer: &str,
    secs: f64,
    src: &mut dyn InputSource,
    out: &mut dyn Write,
    paint: &Paint,
    opts: Options,
) -> Result<AfterAnswer> {
    let q = session
        .current()
        .ok_or_else(|| Error::Usage("no question".into()))?;
    let previous = session.last_attempt().map(|a| a.report.clone());
    let followups_asked = session
        .attempts
        .iter()
        .filter(|a| a.question_id == q.question.id)
        .count();
    let attempt = session
        .submit(answer, secs, None)
        .ok_or_else(|| Error::Usage("no question".into()))?
        .clone();
    let report_opts = ReportOptions {
        no_score: opts.no_score,
    };
    // A problem keeping the attempt is an error: it goes to standard error, where a script
    // or a user piping the output sees it.
    for w in std::mem::take(&mut session.warnings) {
        eprintln!("{}", paint.warn(&crate::render::clean(&w)));
    }
    let follow = follow_up(&attempt.report, &q, followups_asked);
    emit(
        out,
        &screen::feedback(
            answer,
            &attempt.report,
            &q,
            secs,
            &follow,
            report_opts,
            paint,
        ),
    )?;
    if let Some(before) = previous {
        emit(
            out,
            &screen::retry_diff(&before, &attempt.report, opts.no_score, paint),
        )?;
    }
    loop {
        let is_last = session.index + 1 >= session.questions.len();
        if src.interactive() {
            emit(out, &screen::next_options(is_last, paint))?;
        }
        match src.read(Prompt::Next, "")? {
            Input::Eof => return Ok(AfterAnswer::End),
            Input::Interrupted => {}
            Input::Text(t) if t.trim().is_empty() => return Ok(AfterAnswer::Next),
            Input::Text(_) => {
                emit(
                    out,
                    &paint.dim(
                        "(press Enter for the next question, or type a command such as :retry)\n",
                    ),
                )?;
            }
            Input::BadCommand(msg, _) => emit(out, &format!("{}\n", paint.warn(&msg)))?,
            Input::Command(cmd, _) => match cmd {
                Command::Retry => return Ok(AfterAnswer::Retry),
                Command::Next | Command::Skip => return Ok(AfterAnswer::Next),
                Command::Quit => return Ok(AfterAnswer::End),
                Command::Help => emit(out, &help(paint))?,
                Command::Hint => emit(out, &screen::hint(&q, paint))?,
                Command::Model => {
                    let mut text = String::new();
                    crate::render::bank::model_answer(&mut text, &q, paint);
                    emit(out, &text)?;
                }
                Command::Roleplay => roleplay_for(session, q.question, src, out, paint)?,
                // Nothing to time or edit once answered; the role-play's own commands are
                // not in the practice table.
                Command::Time
                | Command::Edit
                | Command::Rubric
                | Command::End
                | Command::Restart => {}
                Command::Followup => {
                    emit(
                        out,
                        &format!(
                            "{}\n{}\n",
                            paint.heading("Follow-up"),
                            crate::render::wrap(&follow, paint.style.width, "  ")
                        ),
                    )?;
                    let started = Instant::now();
                    match src.read(Prompt::Answer, "")? {
                        Input::Text(t) if !t.trim().is_empty() => {
                            let secs = started.elapsed().as_secs_f64();
                            if let Some(a) = session.submit(&t, secs, Some(&follow)) {
                                emit(
                                    out,
                                    &screen::followup_feedback(&t, &a.report, report_opts, paint),
                                )?;
                            }
                        }
                        Input::Eof => return Ok(AfterAnswer::End),
                        _ => emit(out, &paint.dim("(no follow-up answer)\n"))?,
                    }
                }
            },
        }
    }
}

/// `:roleplay`: the question's scenario played as a role-play, kept like an attempt, then
/// back to the question.
fn roleplay_for(
    session: &mut Session<'_>,
    q: &crate::bank::Question,
    src: &mut dyn InputSource,
    out: &mut dyn Write,
    paint: &Paint,
) -> Result<()> {
    use crate::roleplay::{Conversation, MoveReader};
    use crate::session::roleplay::{run as play, Outcome, Show};
    let scenarios = crate::roleplay::builtin()?;
    let Some(scenario) = scenarios
        .iter()
        .find(|s| s.question_id.as_deref() == Some(q.id.as_str()))
    else {
        return emit(
            out,
            &paint.dim("(no role-play for this question: `prepcoach scenario list` shows the ones there are)\n"),
        );
    };
    let reader = MoveReader::builtin()?;
    let mut seed = crate::roleplay::fresh_seed();
    src.set_commands(&Command::ROLEPLAY);
    loop {
        let mut conv = Conversation::new(scenario, &reader, seed);
        let started = Instant::now();
        let played = play(&mut conv, src, out, paint, Show { conversation: true });
        let outcome = match played {
            Ok(o) => o,
            Err(e) => {
                src.set_commands(&Command::ALL);
                return Err(e);
            }
        };
        if let (Some(d), false) = (outcome.debrief(), conv.turns.is_empty()) {
            session.keep_roleplay(&conv, d, started.elapsed().as_secs_f64());
        }
        match outcome {
            Outcome::Restart { .. } => seed = seed.wrapping_add(1),
            Outcome::Done(_) => break,
        }
    }
    src.set_commands(&Command::ALL);
    // As for an attempt: a problem keeping it goes to standard error.
    for w in std::mem::take(&mut session.warnings) {
        eprintln!("{}", paint.warn(&crate::render::clean(&w)));
    }
    emit(
        out,
        &paint.dim("(back to the question: answer it, or :next / :skip to go on)\n"),
    )
}

/// The `:help` screen, with every command.
fn help(paint: &Paint) -> String {
    screen::help(
        Command::ALL.iter().map(|(_, name, what)| (*name, *what)),
        paint,
    )
}

/// Write a screen; a closed pipe is not an error.
pub(super) fn emit(out: &mut dyn Write, text: &str) -> Result<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Error::Output),
    }
}
