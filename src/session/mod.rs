//! The practice session: which question is being asked, the attempts made, and what to ask
//! next — as plain state with no terminal I/O, so the same session runs under a terminal
//! (rustyline) or a script on standard input, and can be tested directly.
//!
//! The loop that reads input and prints lives in [`run`]; input sources in [`input`].

pub mod input;
pub mod roleplay;
pub mod run;

use std::collections::BTreeMap;

use crate::analysis::{Checker, Part, QuestionContext, Report};
use crate::bank::QuestionRef;
use crate::history::Attempt;
use crate::render::session::{Summary, SummaryRow};

/// A command typed at the prompt (a line starting with `:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Help,
    Hint,
    Skip,
    Model,
    Retry,
    Followup,
    Time,
    Edit,
    Next,
    Quit,
    /// Role-play: the rubric the meeting is judged on.
    Rubric,
    /// Role-play: end the meeting and show the debrief.
    End,
    /// Role-play: start the meeting again.
    Restart,
    /// Practice: rehearse a simulation question as a role-play.
    Roleplay,
}

/// A set of commands with their help lines: what one prompt accepts.
pub type Commands = [(Command, &'static str, &'static str)];

impl Command {
    /// Every command with its one-line help, in the order `:help` lists them.
    pub const ALL: [(Command, &'static str, &'static str); 11] = [
        (Command::Help, ":help", "show this help"),
        (
            Command::Hint,
            ":hint",
            "show what the interviewer listens for (not the model answer)",
        ),
        (
            Command::Edit,
            ":edit",
            "write the answer in $VISUAL / $EDITOR",
        ),
        (
            Command::Time,
            ":time",
            "time since the question was asked, against its budget",
        ),
        (Command::Skip, ":skip", "skip this question"),
        (
            Command::Model,
            ":model",
            "show the model answer (noted if before you answer)",
        ),
        (
            Command::Retry,
            ":retry",
            "answer the same question again and compare",
        ),
        (
            Command::Followup,
            ":followup",
            "answer the follow-up question",
        ),
        (Command::Next, ":next", "go on to the next question"),
        (
            Command::Roleplay,
            ":roleplay",
            "rehearse this question as a live role-play (simulation questions)",
        ),
        (
            Command::Quit,
            ":quit",
            "end the session and show the summary",
        ),
    ];

    /// The role-play's commands, in the order `:help` lists them.
    pub const ROLEPLAY: [(Command, &'static str, &'static str); 7] = [
        (Command::Help, ":help", "show this help"),
        (
            Command::Hint,
            ":hint",
            "what the partner is waiting for at this stage",
        ),
        (
            Command::Rubric,
            ":rubric",
            "the criteria and anchors the meeting is judged on",
        ),
        (
            Command::Time,
            ":time",
            "time since the start, and the estimated spoken time, against the time box",
        ),
        (
            Command::Edit,
            ":edit",
            "write the turn in $VISUAL / $EDITOR",
        ),
        (Command::Restart, ":restart", "start the meeting again"),
        (Command::End, ":end", "end the meeting and show the debrief"),
    ];

    /// Parse `:name` among the practice commands (a unique prefix is enough: `:h` is
    /// ambiguous, `:hi` is `:hint`).
    pub fn parse(line: &str) -> Option<Result<Command, String>> {
        Command::parse_in(line, &Command::ALL)
    }

    /// Parse `:name` among `commands`.
    pub fn parse_in(line: &str, commands: &Commands) -> Option<Result<Command, String>> {
        let word = line.trim();
        let name = word.strip_prefix(':')?;
        let name = name.to_ascii_lowercase();
        let hits: Vec<Command> = commands
            .iter()
            .filter(|(_, n, _)| n[1..].starts_with(&name) && !name.is_empty())
            .map(|(c, _, _)| *c)
            .collect();
        let exact = commands
            .iter()
            .find(|(_, n, _)| n[1..] == name)
            .map(|(c, _, _)| *c);
        Some(match (exact, hits.as_slice()) {
            (Some(c), _) | (None, &[c]) => Ok(c),
            _ => Err(format!(
                "unknown command `{}`: type :help for the list",
                crate::render::clean(word)
            )),
        })
    }
}

/// What the candidate has looked at before answering the current question.
#[derive(Debug, Clone, Copy, Default)]
pub struct Peeks {
    pub hint: bool,
    pub model: bool,
}

/// Where a session hands each checked attempt (the history store).
type AttemptSink<'a> = Box<dyn FnMut(&Attempt) -> crate::error::Result<()> + 'a>;

/// Where a session hands each role-play rehearsed from it, with its length in seconds.
type RoleplaySink<'a> = Box<
    dyn FnMut(
            &crate::roleplay::Conversation<'_>,
            &crate::roleplay::Debrief,
            f64,
        ) -> crate::error::Result<()>
        + 'a,
>;

/// The session's state.
pub struct Session<'a> {
    pub questions: Vec<QuestionRef<'a>>,
    pub index: usize,
    pub attempts: Vec<Attempt>,
    pub skipped: Vec<String>,
    pub peeks: Peeks,
    /// Problems keeping attempts (a history that could not be written), for the loop to
    /// show; the session goes on.
    pub warnings: Vec<String>,
    /// How many attempts the sink could not keep (a full disk, a read-only folder).
    pub unsaved: usize,
    /// A time budget that replaces each question's (a drill's).
    pub budget_override: Option<u32>,
    checker: &'a Checker,
    sink: Option<AttemptSink<'a>>,
    roleplay_sink: Option<RoleplaySink<'a>>,
}

impl<'a> Session<'a> {
    pub fn new(questions: Vec<QuestionRef<'a>>, checker: &'a Checker) -> Self {
        Session {
            questions,
            index: 0,
            attempts: Vec::new(),
            skipped: Vec::new(),
            peeks: Peeks::default(),
            warnings: Vec::new(),
            unsaved: 0,
            budget_override: None,
            checker,
            sink: None,
            roleplay_sink: None,
        }
    }

    /// Keep every attempt as soon as it is checked (the history store).
    pub fn keep_attempts_with(
        &mut self,
        sink: impl FnMut(&Attempt) -> crate::error::Result<()> + 'a,
    ) {
        self.sink = Some(Box::new(sink));
    }

    /// Keep every role-play rehearsed from the session (the history store).
    pub fn keep_roleplays_with(
        &mut self,
        sink: impl FnMut(
                &crate::roleplay::Conversation<'_>,
                &crate::roleplay::Debrief,
                f64,
            ) -> crate::error::Result<()>
            + 'a,
    ) {
        self.roleplay_sink = Some(Box::new(sink));
    }

    /// Hand a finished role-play to the sink; a failure is a warning, as for attempts.
    pub fn keep_roleplay(
        &mut self,
        conv: &crate::roleplay::Conversation<'_>,
        debrief: &crate::roleplay::Debrief,
        seconds: f64,
    ) {
        if let Some(sink) = self.roleplay_sink.as_mut() {
            if let Err(e) = sink(conv, debrief, seconds) {
                self.unsaved += 1;
                self.warnings
                    .push(format!("this role-play was not saved: {e}"));
            }
        }
    }

    pub fn current(&self) -> Option<QuestionRef<'a>> {
        self.questions.get(self.index).copied()
    }

    pub fn is_done(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// Move on to the next question, forgetting what was peeked at.
    pub fn advance(&mut self) {
        self.index += 1;
        self.peeks = Peeks::default();
    }

    pub fn skip(&mut self) {
        if let Some(q) = self.current() {
            self.skipped.push(q.question.id.clone());
        }
        self.advance();
    }

    /// The latest attempt at the current question (not counting follow-ups).
    pub fn last_attempt(&self) -> Option<&Attempt> {
        let id = &self.current()?.question.id;
        self.attempts
            .iter()
            .rev()
            .find(|a| &a.question_id == id && !a.followup)
    }

    /// Check an answer to the current question and record it.
    /// `followup` is the follow-up question when the answer answers it, not the question.
    pub fn submit(
        &mut self,
        answer: &str,
        seconds: f64,
        followup: Option<&str>,
    ) -> Option<&Attempt> {
        let q = self.current()?;
        let ctx = QuestionContext::of(q).with_budget(self.budget_override);
        let ctx = match followup {
            Some(text) => ctx.with_follow_up(text),
            None => ctx,
        };
        let report = self.checker.check(answer, ctx);
        let retry = followup.is_none() && self.last_attempt().is_some();
        self.attempts.push(Attempt {
            question_id: q.question.id.clone(),
            bank_id: q.bank.id.clone(),
            competency: q.question.competency.clone(),
            kind: q.question.kind.to_string(),
            answer: answer.to_string(),
            report,
            seconds,
            hint_seen: self.peeks.hint,
            model_seen: self.peeks.model,
            retry,
            followup: followup.is_some(),
            follow_up_question: followup.map(String::from),
        });
        if let (Some(sink), Some(a)) = (self.sink.as_mut(), self.attempts.last()) {
            if let Err(e) = sink(a) {
                self.unsaved += 1;
                self.warnings
                    .push(format!("this attempt was not saved: {e}"));
            }
        }
        self.attempts.last()
    }
}

/// The follow-up question to ask after an answer: aimed at its biggest gap, else the bank's
/// next follow-up.
pub fn follow_up(report: &Report, q: &QuestionRef<'_>, asked: usize) -> String {
    let p = &report.parts;
    if !p.outcome.present {
        return "What was the result? Tell me what changed and by how much — give me the number."
            .into();
    }
    if report.metrics.is_empty() {
        return "How did you measure that result? Put a number on it: revenue, %, partners, time."
            .into();
    }
    if !p.example.present {
        return "Can you give me one specific time this happened — which partner, which deal, when?".into();
    }
    if !p.learning.present {
        return "Looking back, what would you do differently, and what do you do differently since?".into();
    }
    let list = &q.question.follow_ups;
    if list.is_empty() {
        "What was the hardest part of that, and how did you handle it?".into()
    } else {
        list[asked % list.len()].clone()
    }
}

/// Summarise a session's attempts.
pub fn summarize(attempts: &[Attempt], skipped: &[String]) -> Summary {
    let mut rows: Vec<SummaryRow> = Vec::new();
    for a in attempts.iter().filter(|a| !a.followup) {
        match rows.iter_mut().find(|r| r.question_id == a.question_id) {
            Some(r) => {
                r.attempts += 1;
                if a.report.score > r.best_score {
                    r.best_score = a.report.score;
                    r.band = a.report.band;
                }
            }
            None => rows.push(SummaryRow {
                question_id: a.question_id.clone(),
                competency: a.competency.clone(),
                first_score: a.report.score,
                best_score: a.report.score,
                band: a.report.band,
                attempts: 1,
            }),
        }
    }
    let mut missing: BTreeMap<Part, usize> = BTreeMap::new();
    let mut total = 0;
    for a in attempts.iter().filter(|a| !a.followup) {
        total += 1;
        for part in a.report.parts.missing() {
            *missing.entry(part).or_default() += 1;
        }
    }
    let most_missing = Part::ALL
        .iter()
        .filter_map(|p| missing.get(p).map(|n| (*p, *n)))
        .max_by_key(|(_, n)| *n)
        .map(|(p, n)| (p.to_string(), n, total));
    // A competency already answered at the exceeds level is not the one to practise next.
    let weakest = rows
        .iter()
        .filter(|r| r.best_score < crate::analysis::Band::EXCEEDS_FROM)
        .min_by_key(|r| r.best_score)
        .map(|r| (r.competency.clone(), r.best_score));
    Summary {
        rows,
        skipped: skipped.to_vec(),
        most_missing,
        weakest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Rules};
    use crate::bank::Catalog;

    #[test]
    fn commands_parse_with_unique_prefixes() {
        assert_eq!(Command::parse(":hint"), Some(Ok(Command::Hint)));
        assert_eq!(Command::parse(" :RETRY "), Some(Ok(Command::Retry)));
        assert_eq!(Command::parse(":q"), Some(Ok(Command::Quit)));
        assert!(matches!(Command::parse(":zzz"), Some(Err(_))));
        assert_eq!(Command::parse("an answer"), None);
    }

    #[test]
    fn follow_up_targets_the_biggest_gap() {
        let c = Catalog::builtin().unwrap();
        let rules = Rules::builtin().unwrap();
        let q = c.question("spm-01").unwrap();
        let weak = analyze(
            "I reached out to a partner and set up a meeting.",
            QuestionContext::of(q),
            &rules,
        );
        assert!(follow_up(&weak, &q, 0).contains("by how much"));
        let strong = analyze(
            &q.question.model_answer.full_text(),
            QuestionContext::of(q),
            &rules,
        );
        assert_eq!(follow_up(&strong, &q, 1), q.question.follow_ups[1]);
    }

    #[test]
    fn session_records_retries_peeks_and_summarises() {
        let c = Catalog::builtin().unwrap();
        let checker = Checker::new(Rules::builtin().unwrap());
        let qs = vec![c.question("spm-01").unwrap(), c.question("kit-02").unwrap()];
        let mut s = Session::new(qs, &checker);
        s.peeks.hint = true;
        s.submit("We did some stuff.", 12.0, None);
        let model = s.current().unwrap().question.model_answer.full_text();
        s.submit(&model, 30.0, None);
        assert!(s.attempts[0].hint_seen && !s.attempts[0].retry);
        assert!(s.attempts[1].retry);
        s.advance();
        s.skip();
        assert!(s.is_done());
        let sum = summarize(&s.attempts, &s.skipped);
        assert_eq!(sum.rows.len(), 1);
        assert_eq!(sum.rows[0].attempts, 2);
        assert!(sum.rows[0].best_score > sum.rows[0].first_score);
        assert_eq!(sum.skipped, ["kit-02"]);
        assert!(sum.most_missing.is_some());
    }
}
