//! The role-play loop: brief, let the partner open, then turn by turn read the candidate and
//! show the partner's reply, with `:hint`, `:rubric`, `:time`, `:edit`, `:restart` and
//! `:end`. It reads through an [`InputSource`] (a terminal, or a script of turns separated
//! by `---`) and writes through a `Write`.

use std::io::Write;
use std::time::Instant;

use super::input::{edit_in_editor, Input, InputSource, Prompt};
use super::run::{emit, MAX_ANSWER_BYTES};
use super::Command;
use crate::error::Result;
use crate::render::{roleplay as screen, session::help, Paint};
use crate::roleplay::{Conversation, Debrief};

/// How a run of the loop ended.
#[derive(Debug)]
pub enum Outcome {
    /// The meeting is over: its debrief.
    Done(Box<Debrief>),
    /// The candidate asked to start again: after the debrief (the meeting counts), or in
    /// the middle of it (it does not).
    Restart { debriefed: Option<Box<Debrief>> },
}

impl Outcome {
    /// The debrief of a meeting that ran to one.
    pub fn debrief(&self) -> Option<&Debrief> {
        match self {
            Outcome::Done(d) => Some(d),
            Outcome::Restart { debriefed } => debriefed.as_deref(),
        }
    }
}

/// What the loop shows.
#[derive(Debug, Clone, Copy)]
pub struct Show {
    /// The briefing, the partner's lines and the debrief as text (not with `--format json`
    /// from a script, whose output is the debrief object alone).
    pub conversation: bool,
}

/// Run the meeting to its end.
pub fn run(
    conv: &mut Conversation<'_>,
    src: &mut dyn InputSource,
    out: &mut dyn Write,
    paint: &Paint,
    show: Show,
) -> Result<Outcome> {
    let say = |out: &mut dyn Write, text: &str| -> Result<()> {
        if show.conversation {
            emit(out, text)?;
        }
        Ok(())
    };
    let name = conv.scenario.partner.name.clone();
    say(
        out,
        &screen::briefing(conv.scenario, src.interactive(), paint),
    )?;
    say(
        out,
        &screen::partner(&name, std::slice::from_ref(&conv.opening), paint),
    )?;
    let started = Instant::now();
    let mut draft = String::new();
    loop {
        let input = src.read(Prompt::Answer, &draft)?;
        draft.clear();
        let text = match input {
            Input::Eof => break,
            Input::Interrupted => {
                say(
                    out,
                    &paint.dim("(turn cleared — start again, or Ctrl-D to end)\n"),
                )?;
                continue;
            }
            Input::BadCommand(msg, kept) => {
                say(out, &format!("{}\n", paint.warn(&msg)))?;
                draft = kept;
                continue;
            }
            Input::Command(cmd, kept) => {
                draft = kept;
                match cmd {
                    Command::End => break,
                    Command::Restart => return Ok(Outcome::Restart { debriefed: None }),
                    // A script has no terminal to run an editor in: it would wait forever.
                    Command::Edit if !src.interactive() => {
                        say(out, &format!("{}\n", paint.warn(":edit needs a terminal to open your editor in; here the turn is kept as typed")))?;
                        continue;
                    }
                    Command::Edit => match edit_in_editor(&draft) {
                        Ok(text) => {
                            draft.clear();
                            text
                        }
                        Err(e) => {
                            say(out, &format!("{}\n", paint.warn(&e.to_string())))?;
                            continue;
                        }
                    },
                    other => {
                        let shown = command(conv, other, started, paint);
                        say(out, &shown)?;
                        continue;
                    }
                }
            }
            Input::Text(t) => t,
        };
        if text.trim().is_empty() {
            continue;
        }
        if text.len() > MAX_ANSWER_BYTES {
            say(
                out,
                &format!(
                    "{}\n",
                    paint.warn(&format!(
                        "that turn is {} bytes; the most one turn can be is {MAX_ANSWER_BYTES}: say it in parts",
                        text.len()
                    ))
                ),
            )?;
            continue;
        }
        let reply = conv.respond(&text);
        say(out, &screen::partner(&name, &reply.lines, paint))?;
        if reply.offer_hint && src.interactive() {
            say(out, &screen::hint_offer(&name, paint))?;
        }
        if reply.all_agreed && src.interactive() {
            say(
                out,
                &paint.dim("(everything is agreed: wrap up, or type :end for the debrief)\n"),
            )?;
        }
        if reply.finished {
            break;
        }
    }
    conv.stop();
    let d = conv.debrief();
    say(out, &screen::debrief(&d, paint))?;
    // The debrief ends with the chance to try again at once.
    if src.interactive() {
        say(
            out,
            &paint.dim("(type :restart to run the meeting again, or press Enter to finish)\n"),
        )?;
    }
    if let Input::Command(Command::Restart, _) = src.read(Prompt::Again, "")? {
        return Ok(Outcome::Restart {
            debriefed: Some(Box::new(d)),
        });
    }
    Ok(Outcome::Done(Box::new(d)))
}

/// What a command shows.
fn command(conv: &mut Conversation<'_>, cmd: Command, started: Instant, paint: &Paint) -> String {
    match cmd {
        Command::Hint => {
            let stage = conv.current_stage().name.clone();
            let hint = conv.hint();
            screen::hint(&stage, hint, paint)
        }
        Command::Rubric => screen::rubric(conv.scenario, paint),
        Command::Time => screen::time(
            started.elapsed().as_secs() as u32,
            conv.spoken_seconds(),
            conv.scenario.minutes,
            paint,
        ),
        _ => help(
            Command::ROLEPLAY
                .iter()
                .map(|(_, name, what)| (*name, *what)),
            paint,
        ),
    }
}
