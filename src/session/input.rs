//! Where answers come from: a terminal (rustyline, multi-line, bracketed paste, history,
//! tab completion of commands) or a script on standard input (blocks separated by `---`).
//! Both give the session loop the same [`Input`] values.

use std::cell::Cell;
use std::collections::VecDeque;
use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Config, Context, Editor, Helper, Highlighter, Hinter};

use super::{Command, Commands};
use crate::error::{Error, Result};

/// Which prompt is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// A (multi-line) answer to the question.
    Answer,
    /// After feedback: Enter for the next question, or a command.
    Next,
    /// After a role-play's debrief: `:restart`, or anything else to go on (a script's
    /// next block is taken only if it is `:restart`).
    Again,
}

/// What the candidate entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    /// A command, and any draft typed above it (kept for the next prompt).
    Command(Command, String),
    BadCommand(String, String),
    /// Ctrl-C: the draft is discarded.
    Interrupted,
    /// Ctrl-D or end of input.
    Eof,
}

/// A source of input for the session loop.
pub trait InputSource {
    /// Read one entry. `initial` pre-fills the editor (a kept draft).
    fn read(&mut self, prompt: Prompt, initial: &str) -> Result<Input>;
    /// Whether a person is typing (prompts and hints are shown only then).
    fn interactive(&self) -> bool;
    /// Take `commands` from now on (a role-play started from practice takes its own).
    fn set_commands(&mut self, commands: &'static Commands);
}

/// Split a submitted buffer into a practice command on its last line and the draft above
/// it.
pub fn classify(buffer: &str) -> Input {
    classify_in(buffer, &Command::ALL)
}

/// [`classify`] among `commands`.
pub fn classify_in(buffer: &str, commands: &Commands) -> Input {
    let trimmed = buffer.trim_end();
    let (draft, last) = match trimmed.rfind('\n') {
        Some(i) => (&trimmed[..i], &trimmed[i + 1..]),
        None => ("", trimmed),
    };
    match Command::parse_in(last, commands) {
        Some(Ok(cmd)) => Input::Command(cmd, draft.to_string()),
        Some(Err(msg)) => Input::BadCommand(msg, draft.to_string()),
        None => Input::Text(trimmed.to_string()),
    }
}

/// Reads a script: blocks separated by lines holding only `---`; a block that is a command
/// runs it.
pub struct ScriptInput {
    blocks: VecDeque<String>,
    commands: &'static Commands,
}

impl ScriptInput {
    pub fn from_text(text: &str) -> Self {
        let mut blocks = VecDeque::new();
        let mut cur = String::new();
        for line in text.lines() {
            if line.trim() == "---" {
                blocks.push_back(std::mem::take(&mut cur));
            } else {
                cur.push_str(line);
                cur.push('\n');
            }
        }
        if !cur.trim().is_empty() {
            blocks.push_back(cur);
        }
        ScriptInput {
            blocks,
            commands: &Command::ALL,
        }
    }

    /// The same, taking `commands` instead of the practice ones.
    pub fn with_commands(mut self, commands: &'static Commands) -> Self {
        self.set_commands(commands);
        self
    }
}

impl InputSource for ScriptInput {
    fn read(&mut self, prompt: Prompt, _initial: &str) -> Result<Input> {
        if prompt == Prompt::Again {
            let again = self.blocks.front().map(|b| classify_in(b, self.commands));
            return Ok(match again {
                Some(restart @ Input::Command(Command::Restart, _)) => {
                    self.blocks.pop_front();
                    restart
                }
                _ => Input::Text(String::new()),
            });
        }
        if prompt == Prompt::Next {
            // After feedback a script goes on to the next question unless its next block is
            // a command for this one.
            return Ok(
                match self.blocks.front().map(|b| classify_in(b, self.commands)) {
                    Some(cmd @ Input::Command(..)) => {
                        self.blocks.pop_front();
                        cmd
                    }
                    None => Input::Eof,
                    _ => Input::Text(String::new()),
                },
            );
        }
        Ok(match self.blocks.pop_front() {
            Some(block) => classify_in(&block, self.commands),
            None => Input::Eof,
        })
    }

    fn interactive(&self) -> bool {
        false
    }

    fn set_commands(&mut self, commands: &'static Commands) {
        self.commands = commands;
    }
}

/// rustyline helper: Enter adds a line, Enter on an empty line submits; a `:command` line
/// submits at once; `:` commands complete with Tab.
#[derive(Helper, Highlighter, Hinter)]
pub struct AnswerHelper {
    mode: Cell<Prompt>,
    commands: &'static Commands,
}

impl Validator for AnswerHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if self.mode.get() != Prompt::Answer || input.trim().is_empty() {
            return Ok(ValidationResult::Valid(None));
        }
        let last = input.rsplit('\n').next().unwrap_or("");
        if last.trim_start().starts_with(':') || input.ends_with('\n') {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

impl Completer for AnswerHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let start = line[..pos].rfind('\n').map_or(0, |i| i + 1);
        let word = &line[start..pos];
        if !word.starts_with(':') {
            return Ok((pos, Vec::new()));
        }
        let pairs = self
            .commands
            .iter()
            .filter(|(_, name, _)| name.starts_with(word))
            .map(|(_, name, _)| Pair {
                display: name.to_string(),
                replacement: name.to_string(),
            })
            .collect();
        Ok((start, pairs))
    }
}

/// Reads from the terminal with rustyline; keeps line history in a file between sessions.
pub struct TtyInput {
    editor: Editor<AnswerHelper, FileHistory>,
    history: Option<PathBuf>,
    commands: &'static Commands,
}

impl TtyInput {
    /// The same, taking `commands` (and completing them) instead of the practice ones.
    pub fn with_commands(mut self, commands: &'static Commands) -> Self {
        self.set_commands(commands);
        self
    }

    pub fn new(history: Option<PathBuf>) -> Result<Self> {
        let config = Config::builder()
            .auto_add_history(true)
            .bracketed_paste(true)
            .history_ignore_dups(true)
            .map_err(|e| Error::Terminal(e.to_string()))?
            .completion_type(rustyline::CompletionType::List)
            .build();
        let mut editor: Editor<AnswerHelper, FileHistory> =
            Editor::with_config(config).map_err(|e| Error::Terminal(e.to_string()))?;
        editor.set_helper(Some(AnswerHelper {
            mode: Cell::new(Prompt::Answer),
            commands: &Command::ALL,
        }));
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Ok(TtyInput {
            editor,
            history,
            commands: &Command::ALL,
        })
    }
}

impl InputSource for TtyInput {
    fn read(&mut self, prompt: Prompt, initial: &str) -> Result<Input> {
        if let Some(h) = self.editor.helper() {
            h.mode.set(prompt);
        }
        let shown = match prompt {
            Prompt::Answer => "› ",
            Prompt::Next | Prompt::Again => "next › ",
        };
        let result = if initial.is_empty() {
            self.editor.readline(shown)
        } else {
            self.editor.readline_with_initial(shown, (initial, ""))
        };
        let input = match result {
            Ok(line) => {
                if let Some(path) = &self.history {
                    if let Some(dir) = path.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let _ = self.editor.save_history(path);
                }
                classify_in(&line, self.commands)
            }
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(ReadlineError::Eof) => Input::Eof,
            Err(e) => return Err(Error::Terminal(e.to_string())),
        };
        Ok(input)
    }

    fn interactive(&self) -> bool {
        true
    }

    fn set_commands(&mut self, commands: &'static Commands) {
        self.commands = commands;
        if let Some(h) = self.editor.helper_mut() {
            h.commands = commands;
        }
    }
}

/// Open `$VISUAL` / `$EDITOR` (else `vi`) on `draft` and return what was saved.
pub fn edit_in_editor(draft: &str) -> Result<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".into());
    // A new file of its own (0600, a name no one can guess or plant a symlink at), removed
    // when `path` is dropped.
    let path = tempfile::Builder::new()
        .prefix("prepcoach-answer-")
        .suffix(".md")
        .tempfile()
        .and_then(|mut file| {
            use std::io::Write as _;
            file.write_all(draft.as_bytes())?;
            file.flush()?;
            Ok(file.into_temp_path())
        })
        .map_err(|source| Error::Write {
            path: std::env::temp_dir().join("prepcoach-answer-*.md"),
            source,
        })?;
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(&path)
        .status()
        .map_err(|e| Error::Terminal(format!("cannot start editor `{editor}`: {e}")))?;
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    });
    if !status.success() {
        return Err(Error::Terminal(format!(
            "editor `{editor}` exited with {status}; the draft is kept"
        )));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draft goes to a new private file (0600, a fresh name each time) that is gone
    /// afterwards, and what the editor saved comes back.
    #[cfg(unix)]
    #[test]
    fn the_editor_gets_a_private_file_of_its_own() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        let script = dir.path().join("editor.sh");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nstat -c '%a %n' \"$1\" > '{}'\necho ' and more' >> \"$1\"\n",
                seen.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::env::set_var("VISUAL", &script);
        let text = edit_in_editor("my draft").unwrap();
        std::env::remove_var("VISUAL");
        assert_eq!(text, "my draft and more\n");
        let seen = std::fs::read_to_string(&seen).unwrap();
        let (mode, path) = seen.trim().split_once(' ').unwrap();
        assert_eq!(mode, "600");
        assert!(path.contains("prepcoach-answer-"), "{path}");
        assert!(!std::path::Path::new(path).exists(), "removed afterwards");
    }

    #[test]
    fn command_on_last_line_keeps_the_draft() {
        assert_eq!(
            classify("my draft\nsecond line\n:hint\n"),
            Input::Command(Command::Hint, "my draft\nsecond line".into())
        );
        assert_eq!(
            classify("just an answer\n\n"),
            Input::Text("just an answer".into())
        );
    }

    #[test]
    fn script_blocks_split_on_dashes_and_commands_wait_for_next() {
        let mut s =
            ScriptInput::from_text("first answer\nline two\n---\n:retry\n---\nsecond answer\n");
        assert_eq!(
            s.read(Prompt::Answer, "").unwrap(),
            Input::Text("first answer\nline two".into())
        );
        assert_eq!(
            s.read(Prompt::Next, "").unwrap(),
            Input::Command(Command::Retry, String::new())
        );
        assert_eq!(
            s.read(Prompt::Answer, "").unwrap(),
            Input::Text("second answer".into())
        );
        assert_eq!(s.read(Prompt::Next, "").unwrap(), Input::Eof);
    }
}
