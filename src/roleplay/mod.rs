//! Role-play: a deterministic, offline conversation with a partner who pushes back,
//! driven by a scenario file, and a debrief against the scenario's criteria and anchors.
//!
//! The partner is plain state ([`Conversation`]): each candidate turn is read for moves
//! ([`moves`]), which move the meeting through its stages, surface the partner's hidden
//! concerns when a question earns them, and raise or lower the tension; the partner's reply
//! is chosen from the scenario's lines, never the same line twice, reproducibly for a seed.
//! Nothing here prints: `render::roleplay` lays out the briefing and the debrief, and
//! `session::roleplay` runs the loop at a terminal or from a script.

pub mod debrief;
pub mod moves;
pub mod scenario;

use std::collections::HashSet;

use crate::analysis::coverage::CueLists;
use crate::error::{Diagnostic, Error, Result};
pub use debrief::{Band, Debrief};
pub use moves::{Found, Move, MoveReader, Reading};
pub use scenario::Scenario;

/// The built-in scenarios, as (file name, text).
const BUILTIN: &[(&str, &str)] = &[
    (
        "banks/scenarios/pipeline-alignment.json",
        include_str!("../../banks/scenarios/pipeline-alignment.json"),
    ),
    (
        "banks/scenarios/channel-conflict.json",
        include_str!("../../banks/scenarios/channel-conflict.json"),
    ),
    (
        "banks/scenarios/partner-qbr.json",
        include_str!("../../banks/scenarios/partner-qbr.json"),
    ),
];

/// The placeholder in a partner's line for the candidate's own words.
const QUOTE: &str = "{quote}";
/// The tension at which the partner is strained, and the most it goes to.
const STRAINED: u8 = 4;
const MAX_TENSION: u8 = 5;
/// Words of the candidate's turn quoted back at most.
const QUOTE_WORDS: usize = 10;
/// …and characters (one long "word" is not quoted whole).
const QUOTE_CHARS: usize = 80;
/// Stages one turn can get agreed at most.
const STAGES_A_TURN: usize = 1;
/// Turns in a row the partner does not react to before `:hint` is offered.
const QUIET_TURNS: usize = 2;

/// A seed for a meeting without one given, short enough to type back in (`--seed`).
pub fn fresh_seed() -> u64 {
    fastrand::u64(1..1_000_000)
}

/// The built-in scenarios, parsed and checked.
pub fn builtin() -> Result<Vec<Scenario>> {
    BUILTIN
        .iter()
        .map(|(name, text)| parse(name, text))
        .collect()
}

/// Parse and check a scenario file (`name` is used in messages).
pub fn parse(name: &str, text: &str) -> Result<Scenario> {
    let s: Scenario = crate::data::parse_json(name, text)?;
    let problems = check(name, text, &s);
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// What serde cannot check: ids, non-empty lists, lines said once, placeholders where they
/// can be filled.
fn check(name: &str, text: &str, s: &Scenario) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut bad = |field: String, message: String| {
        let (line, column) = crate::data::locate::field_position(text, &field);
        out.push(Diagnostic {
            file: name.to_string(),
            line,
            column,
            field,
            message,
        });
    };
    let id_ok = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if !id_ok(&s.id) {
        bad(
            "id".into(),
            "expected lowercase letters, digits and hyphens".into(),
        );
    }
    if s.minutes == 0 {
        bad(
            "minutes".into(),
            "expected a number of minutes above 0".into(),
        );
    }
    if s.partner.tension > MAX_TENSION {
        bad(
            "partner.tension".into(),
            format!("expected 0 to {MAX_TENSION}"),
        );
    }
    if s.stages.is_empty() {
        bad("stages".into(), "expected at least one stage".into());
    }
    // Cue lists may repeat words; spoken lines may not.
    let mut cues: Vec<(String, &Vec<String>)> = Vec::new();
    // Lists of cues that may be empty (a stage about anything).
    let mut optional: Vec<(String, &Vec<String>)> = Vec::new();
    let mut lists: Vec<(String, &Vec<String>)> =
        vec![("partner.opening".into(), &s.partner.opening)];
    lists.push(("strained".into(), &s.strained));
    for (i, c) in s.concerns.iter().enumerate() {
        lists.push((format!("concerns[{i}].reveal"), &c.reveal));
        cues.push((format!("concerns[{i}].cues"), &c.cues));
    }
    for (i, st) in s.stages.iter().enumerate() {
        lists.push((format!("stages[{i}].waiting"), &st.waiting));
        lists.push((format!("stages[{i}].accept"), &st.accept));
        optional.push((format!("stages[{i}].cues"), &st.cues));
        if st.needs.is_empty() {
            bad(
                format!("stages[{i}].needs"),
                "expected at least one move the stage needs".into(),
            );
        }
    }
    for (mv, lines) in &s.reactions {
        lists.push((format!("reactions.{}", mv.name()), lines));
    }
    if s.criteria.is_empty() {
        bad(
            "criteria".into(),
            "expected at least one criterion: without one, every meeting scores nothing".into(),
        );
    }
    for (i, c) in s.criteria.iter().enumerate() {
        cues.push((format!("criteria[{i}].cues"), &c.cues));
        if c.moves.is_empty() {
            bad(
                format!("criteria[{i}].moves"),
                "expected at least one move".into(),
            );
        }
        if c.max_tension.is_some_and(|t| t > MAX_TENSION) {
            bad(
                format!("criteria[{i}].max_tension"),
                format!("expected 0 to {MAX_TENSION}"),
            );
        }
    }
    for (i, n) in s.negatives.iter().enumerate() {
        if n.moves.is_empty() {
            bad(
                format!("negatives[{i}].moves"),
                "expected at least one move (a negative no move shows never fires)".into(),
            );
        }
    }
    for (field, list) in cues.iter().chain(&optional) {
        for (j, cue) in list.iter().enumerate() {
            if !cue.chars().any(char::is_alphanumeric) {
                bad(
                    format!("{field}[{j}]"),
                    "expected a word or phrase: a cue of punctuation alone matches nothing".into(),
                );
            }
        }
    }
    for (field, list) in lists.iter().chain(&cues) {
        if list.iter().all(|l| l.trim().is_empty()) {
            bad(
                field.clone(),
                "expected at least one non-empty entry".into(),
            );
        }
    }
    let mut seen = HashSet::new();
    for (field, list) in &lists {
        for (j, line) in list.iter().enumerate() {
            if !seen.insert(line.trim()) {
                bad(
                    format!("{field}[{j}]"),
                    "this line is already in the scenario: the partner never says a line twice"
                        .into(),
                );
            }
            // The candidate's words are quoted from the move that costs trust: only a
            // reaction to one of those can fill the placeholder.
            let quotable = s
                .reactions
                .keys()
                .any(|m| m.is_negative() && *field == format!("reactions.{}", m.name()));
            if line.contains(QUOTE) && !quotable {
                bad(
                    format!("{field}[{j}]"),
                    format!("`{QUOTE}` can only be filled in a reaction to a move that costs trust (mandate, blame, overpromise, vague, capitulation)"),
                );
            }
        }
    }
    let id_lists: [(&str, Vec<&str>); 4] = [
        (
            "concerns",
            s.concerns.iter().map(|c| c.id.as_str()).collect(),
        ),
        ("stages", s.stages.iter().map(|c| c.id.as_str()).collect()),
        (
            "criteria",
            s.criteria.iter().map(|c| c.id.as_str()).collect(),
        ),
        (
            "negatives",
            s.negatives.iter().map(|c| c.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in id_lists {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) || !id_ok(id) {
                bad(
                    format!("{list}[{i}].id"),
                    "expected a unique id of lowercase letters, digits and hyphens".into(),
                );
            }
        }
    }
    for (i, c) in s.stages.iter().enumerate() {
        if c.concerns > s.concerns.len() {
            bad(
                format!("stages[{i}].concerns"),
                format!(
                    "expected at most {} (the scenario's concerns)",
                    s.concerns.len()
                ),
            );
        }
    }
    out
}

/// A candidate's turn and the partner's reply to it.
#[derive(Debug, Clone)]
pub struct Turn {
    pub text: String,
    pub reading: Reading,
    /// The stage the turn was said in.
    pub stage: usize,
    pub reply: Vec<String>,
    /// The partner's tension after it.
    pub tension: u8,
}

/// What the partner says back to a turn.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    /// The partner's lines (one or two).
    pub lines: Vec<String>,
    /// The stage the meeting moved on to, if it did.
    pub moved_to: Option<usize>,
    /// The concern the turn surfaced, if any.
    pub surfaced: Option<usize>,
    /// The partner has not reacted to two turns: offer `:hint`.
    pub offer_hint: bool,
    /// The partner ended the meeting (the tension stayed at its highest).
    pub finished: bool,
    /// This turn got the last part agreed: the candidate can close (`:end`).
    pub all_agreed: bool,
}

/// How the meeting ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Every stage done.
    Closed,
    /// The candidate ended it (`:end`, end of input).
    Stopped,
    /// The partner ended it: the tension stayed at its highest.
    WalkedOut,
}

/// The role-play in progress.
pub struct Conversation<'s> {
    pub scenario: &'s Scenario,
    reader: &'s MoveReader,
    /// The scenario's cue lists, compiled: each concern's, then each stage's, then each
    /// criterion's.
    lists: CueLists,
    pub seed: u64,
    rng: fastrand::Rng,
    pub stage: usize,
    /// Moves made in the current stage, and whether a turn in it touched its topic.
    stage_moves: Vec<Vec<Move>>,
    stage_touched: Vec<bool>,
    /// Which stages the partner has agreed (in any order: a candidate may settle the
    /// money before the plan).
    pub done: Vec<bool>,
    pub tension: u8,
    /// For each concern, the turn that surfaced it.
    pub surfaced: Vec<Option<usize>>,
    used: HashSet<String>,
    pub turns: Vec<Turn>,
    pub opening: String,
    quiet: usize,
    pub hints: usize,
    strained_turns: usize,
    pub ending: Option<Ending>,
}

impl std::fmt::Debug for Conversation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conversation")
            .field("scenario", &self.scenario.id)
            .field("stage", &self.stage)
            .field("tension", &self.tension)
            .finish_non_exhaustive()
    }
}

impl<'s> Conversation<'s> {
    /// Start the meeting: the partner's opening line is chosen for `seed`.
    pub fn new(scenario: &'s Scenario, reader: &'s MoveReader, seed: u64) -> Conversation<'s> {
        let mut lists: Vec<Vec<String>> =
            scenario.concerns.iter().map(|c| c.cues.clone()).collect();
        lists.extend(scenario.stages.iter().map(|s| s.cues.clone()));
        lists.extend(scenario.criteria.iter().map(|c| c.cues.clone()));
        let mut c = Conversation {
            scenario,
            reader,
            lists: moves::compile(&lists),
            seed,
            rng: fastrand::Rng::with_seed(seed),
            stage: 0,
            stage_moves: vec![Vec::new(); scenario.stages.len()],
            stage_touched: vec![false; scenario.stages.len()],
            done: vec![false; scenario.stages.len()],
            tension: scenario.partner.tension.min(MAX_TENSION),
            surfaced: vec![None; scenario.concerns.len()],
            used: HashSet::new(),
            turns: Vec::new(),
            opening: String::new(),
            quiet: 0,
            hints: 0,
            strained_turns: 0,
            ending: None,
        };
        c.opening = c.pick(&scenario.partner.opening, None).unwrap_or_default();
        c
    }

    /// The stage the meeting is in (the last one once it is over).
    pub fn current_stage(&self) -> &'s scenario::Stage {
        let stages = &self.scenario.stages;
        &stages[self.stage.min(stages.len() - 1)]
    }

    /// What the partner is waiting for: the `:hint`.
    pub fn hint(&mut self) -> &'s str {
        self.hints += 1;
        &self.current_stage().hint
    }

    /// Words the candidate and the partner have said, as minutes spoken at a steady pace.
    pub fn spoken_seconds(&self) -> u32 {
        let words = |s: &str| s.split_whitespace().count();
        let partner: usize = words(&self.opening)
            + self
                .turns
                .iter()
                .flat_map(|t| &t.reply)
                .map(|l| words(l))
                .sum::<usize>();
        let candidate: usize = self.turns.iter().map(|t| t.reading.words).sum();
        ((candidate + partner) as f64 / self.reader.words_per_minute() * 60.0).round() as u32
    }

    /// The candidate's turn, and the partner's reply.
    pub fn respond(&mut self, text: &str) -> Reply {
        let mut reading = self.reader.read(text, &self.lists);
        // A turn said again earns nothing the second time: the partner heard it.
        if self.turns.iter().any(|t| same_turn(&t.text, text)) {
            reading.moves = vec![Found {
                mv: Move::Dodge,
                start: 0,
                end: text.len(),
            }];
            reading.in_sentences.clear();
            reading.touched_in.iter_mut().for_each(Vec::clear);
        }
        let index = self.turns.len();
        let stage = self.stage;
        let before = self.tension;
        // Small talk before anything else is no dodge.
        let opening_words = index == 0
            && reading.has(Move::Dodge)
            && !reading.moves.iter().any(|f| f.mv.is_negative());
        if !opening_words {
            self.tension = next_tension(self.tension, &reading);
        }
        let mut reply = Reply::default();
        let quote = quote_of(text, &reading);
        let mut lines: Vec<String> = Vec::new();
        if self.tension >= STRAINED {
            if self.tension >= MAX_TENSION {
                self.strained_turns += 1;
            } else {
                self.strained_turns = 0;
            }
            if let Some(l) = self.pick(&self.scenario.strained, None) {
                lines.push(l);
            }
        } else {
            self.strained_turns = 0;
            if let Some(f) = reading.moves.iter().find(|f| f.mv.is_negative()) {
                if let Some(l) = self.react(f.mv, quote.as_deref()) {
                    lines.push(l);
                }
            }
        }
        if reading.has(Move::Question) {
            reply.surfaced = self.surface(&reading, index);
            if let Some(c) = reply.surfaced {
                let pool = &self.scenario.concerns[c].reveal;
                if let Some(l) = self.pick(pool, None) {
                    lines.push(l);
                }
            }
        }
        if self.stage < self.scenario.stages.len() {
            let agreed = self.note_stages(&reading);
            if let Some(&last) = agreed.last() {
                for &i in &agreed {
                    self.done[i] = true;
                }
                // The partner says yes to the last part agreed.
                let pool = &self.scenario.stages[last].accept;
                if let Some(l) = self.pick(pool, None) {
                    lines.push(l);
                }
                let n = self.scenario.stages.len();
                self.stage = (0..n).find(|&i| !self.done[i]).unwrap_or(n);
                reply.moved_to = Some(self.stage);
            } else if reply.surfaced.is_none() {
                if lines.is_empty() {
                    let positive = [
                        Move::Tradeoff,
                        Move::Limit,
                        Move::Acknowledge,
                        Move::Question,
                        Move::Dodge,
                    ];
                    if let Some(mv) = positive.into_iter().find(|m| reading.has(*m)) {
                        if let Some(l) = self.react(mv, quote.as_deref()) {
                            lines.push(l);
                        }
                    }
                }
                let waiting = &self.scenario.stages[self.stage].waiting;
                if let Some(l) = self.pick(waiting, None) {
                    lines.push(l);
                }
            }
        }
        let reacted =
            reply.moved_to.is_some() || reply.surfaced.is_some() || self.tension != before;
        self.quiet = if reacted { 0 } else { self.quiet + 1 };
        if self.quiet >= QUIET_TURNS {
            reply.offer_hint = true;
            self.quiet = 0;
        }
        if self.stage >= self.scenario.stages.len() {
            self.ending = Some(Ending::Closed);
        } else if self.strained_turns >= 2 {
            self.ending = Some(Ending::WalkedOut);
        }
        // Everything agreed, the candidate may still wrap up: only a partner who walks out
        // ends the meeting by itself.
        reply.finished = self.ending == Some(Ending::WalkedOut);
        reply.all_agreed = reply.moved_to == Some(self.scenario.stages.len());
        reply.lines.clone_from(&lines);
        self.turns.push(Turn {
            text: text.to_string(),
            reading,
            stage,
            reply: lines,
            tension: self.tension,
        });
        reply
    }

    /// End the meeting now.
    pub fn stop(&mut self) {
        self.ending.get_or_insert(Ending::Stopped);
    }

    /// The first concern the turn's question touches that is still hidden.
    fn surface(&mut self, reading: &Reading, turn: usize) -> Option<usize> {
        let c = (0..self.scenario.concerns.len())
            .find(|&c| self.surfaced[c].is_none() && reading.asks_about(c))?;
        self.surfaced[c] = Some(turn);
        Some(c)
    }

    /// Record the turn's moves in every stage not yet agreed (a stage about a topic only
    /// from turns that touch it); the stage the turn gets agreed, if any. Giving in ends
    /// a stage too: the partner takes what is given.
    fn note_stages(&mut self, reading: &Reading) -> Vec<usize> {
        let surfaced = self.surfaced.iter().flatten().count();
        let mut agreed = Vec::new();
        for (i, st) in self.scenario.stages.iter().enumerate() {
            if self.done[i] {
                continue;
            }
            let touched_at = self.scenario.concerns.len() + i;
            let touches = st.cues.is_empty() || reading.touches(touched_at);
            if touches {
                self.stage_touched[i] = true;
                for f in &reading.moves {
                    if !self.stage_moves[i].contains(&f.mv) {
                        self.stage_moves[i].push(f.mv);
                    }
                }
            }
            let given_in = touches && reading.has(Move::Capitulation) && !st.cues.is_empty();
            let met = self.stage_touched[i]
                && st
                    .needs
                    .iter()
                    .all(|&need| self.stage_moves[i].iter().any(|&m| need.met_by(m)))
                && surfaced >= st.concerns;
            // At most `STAGES_A_TURN` stages agreed a turn, the first in order: a monologue
            // that covers every topic at once does not settle them all (two a turn let a
            // question followed by a list of concessions through).
            if agreed.len() < STAGES_A_TURN && (given_in || met) {
                agreed.push(i);
            }
        }
        agreed
    }

    /// A reaction to a move, in the scenario's words, with the candidate's words quoted
    /// where a line asks for them.
    fn react(&mut self, mv: Move, quote: Option<&str>) -> Option<String> {
        let pool = self.scenario.reactions.get(&mv)?;
        self.pick(pool, quote)
    }

    /// A line from `pool` the partner has not said yet, chosen for the seed; a line that
    /// quotes the candidate only when there are words to quote.
    fn pick(&mut self, pool: &[String], quote: Option<&str>) -> Option<String> {
        let mut order: Vec<usize> = (0..pool.len()).collect();
        self.rng.shuffle(&mut order);
        for i in order {
            let line = &pool[i];
            let filled = match (line.contains(QUOTE), quote) {
                (false, _) => line.clone(),
                (true, Some(q)) => line.replace(QUOTE, q),
                (true, None) => continue,
            };
            if line.trim().is_empty() || self.used.contains(line) || self.used.contains(&filled) {
                continue;
            }
            self.used.insert(line.clone());
            self.used.insert(filled.clone());
            return Some(filled);
        }
        None
    }

    /// The advice the moves file gives for a move.
    fn reader_advice(&self, mv: Move) -> Option<&str> {
        self.reader.spec(mv).map(|s| s.advice.as_str())
    }

    /// The debrief of the meeting so far.
    pub fn debrief(&self) -> Debrief {
        debrief::of(self)
    }
}

/// The tension after a turn: a mandate, blame, giving in (a partner stops trusting terms
/// that fold at the first push) or a dodge raise it a step, and an acknowledgement, a
/// question or a trade said out loud lower it a step.
fn next_tension(t: u8, r: &Reading) -> u8 {
    let up = r.has(Move::Mandate)
        || r.has(Move::Blame)
        || r.has(Move::Capitulation)
        || r.has(Move::Dodge);
    let down = r.has(Move::Acknowledge) || r.has(Move::Question) || r.has(Move::Tradeoff);
    match (up, down) {
        (true, false) => (t + 1).min(MAX_TENSION),
        (false, true) => t.saturating_sub(1),
        _ => t,
    }
}

/// Whether two turns say the same thing: nearly all their words in common (a turn pasted
/// again, or retyped with a word changed).
fn same_turn(a: &str, b: &str) -> bool {
    let words = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.len() < 4 || b.len() < 4 {
        return false;
    }
    let both = a.intersection(&b).count();
    both as f64 >= SAME_TURN * a.union(&b).count() as f64
}

/// Share of words two turns have in common when one repeats the other.
const SAME_TURN: f64 = 0.8;

/// A few of the candidate's words to quote back: from the sentence of the turn's first
/// negative move, at most [`QUOTE_WORDS`] words.
fn quote_of(text: &str, r: &Reading) -> Option<String> {
    let f = r.moves.iter().find(|f| f.mv.is_negative())?;
    let (a, b) = r.sentence_at(f.start)?;
    let words: Vec<&str> = text[a..b]
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .split_whitespace()
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words[..words.len().min(QUOTE_WORDS)].join(" ");
    if words.len() > QUOTE_WORDS || q.chars().count() > QUOTE_CHARS {
        q = q
            .chars()
            .take(QUOTE_CHARS)
            .collect::<String>()
            .trim_end()
            .to_string();
        q.push('…');
    }
    Some(q.replace('"', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Turns of every kind, then many that dodge: the partner runs through its lines.
    const TURNS: &[&str] = &[
        "Hello.",
        "Policy says every deal must be logged. Those are the rules.",
        "Your reps never log anything.",
        "I hear you, that makes sense.",
        "What makes registering deals hard for your team right now?",
        "How much capacity does your team have this quarter?",
        "In exchange for the first tranche up front, I need ten registered opportunities by March.",
        "No problem, I guarantee finance will approve it.",
        "Let's just do our best and figure out the details later.",
        "Three things today: tracking, funding and disputes, ten minutes each.",
    ];

    #[test]
    fn the_partner_never_says_a_line_twice() {
        let reader = MoveReader::builtin().unwrap();
        for s in builtin().unwrap() {
            for seed in 0..20 {
                let mut c = Conversation::new(&s, &reader, seed);
                let mut said: Vec<String> = vec![c.opening.clone()];
                let dodges = std::iter::repeat_n("Sure.", 30);
                for t in TURNS.iter().copied().chain(dodges) {
                    said.extend(c.respond(t).lines);
                }
                let mut seen = HashSet::new();
                for l in &said {
                    assert!(
                        seen.insert(l.clone()),
                        "{} seed {seed}: said twice: {l}",
                        s.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_question_that_touches_a_concern_surfaces_it_once() {
        let reader = MoveReader::builtin().unwrap();
        let s = builtin().unwrap().remove(0);
        let mut c = Conversation::new(&s, &reader, 1);
        let r = c.respond("How much capacity does your team have for new processes this quarter?");
        let cap = s.concerns.iter().position(|x| x.id == "capacity").unwrap();
        assert_eq!(r.surfaced, Some(cap));
        assert!(r.lines.iter().any(|l| s.concerns[cap].reveal.contains(l)));
        let again = c.respond("And what about capacity for the campaign?");
        assert_ne!(again.surfaced, Some(cap));
        // Saying it is not asking it: no question, no concern.
        let mut c = Conversation::new(&s, &reader, 1);
        assert_eq!(
            c.respond("Your capacity is tight this quarter.").surfaced,
            None
        );
    }

    #[test]
    fn tension_rises_on_mandates_and_falls_on_acknowledgement() {
        let reader = MoveReader::builtin().unwrap();
        let s = builtin().unwrap().remove(0);
        let mut c = Conversation::new(&s, &reader, 1);
        let start = c.tension;
        c.respond("Policy says every deal must be logged. Those are the rules.");
        assert_eq!(c.tension, start + 1);
        c.respond("I hear you, and I understand why that grates.");
        assert_eq!(c.tension, start);
    }
}
