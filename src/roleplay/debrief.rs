//! The debrief: each criterion met or not with the turns that show it, the hidden concerns
//! surfaced or not, the negative moves with the turn that made them, the anchor reached in
//! the scenario's words, and the two things to change first.

use serde::Serialize;

use super::moves::Move;
use super::{Conversation, Ending};

/// The kit's three bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Exceeds,
    Meets,
    Below,
}

impl Band {
    pub fn name(self) -> &'static str {
        match self {
            Band::Exceeds => "exceeds",
            Band::Meets => "meets",
            Band::Below => "below",
        }
    }
}

/// A turn quoted as evidence (turns count from 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub turn: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    pub id: String,
    pub text: String,
    pub met: bool,
    pub evidence: Vec<Evidence>,
    /// Why a criterion with its words in the turns is still not met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConcernResult {
    pub id: String,
    pub text: String,
    pub surfaced: bool,
    pub turn: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NegativeResult {
    pub id: String,
    pub text: String,
    pub turn: usize,
    /// The words that showed it.
    pub said: String,
    /// The move they made.
    #[serde(rename = "move")]
    pub mv: Move,
}

/// The whole debrief, as `--format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub anchor: Band,
    /// The scenario's wording of the band reached.
    pub anchor_text: String,
    pub criteria: Vec<CriterionResult>,
    pub concerns: Vec<ConcernResult>,
    pub negatives: Vec<NegativeResult>,
    pub turns: usize,
    pub spoken_seconds: u32,
    pub minutes: u32,
    pub hints: usize,
    pub ending: Ending,
    pub seed: u64,
    /// The two things to change first.
    pub changes: Vec<String>,
}

/// Words of a turn quoted as evidence at most.
const EVIDENCE_CHARS: usize = 240;

/// The debrief of a conversation.
pub fn of(c: &Conversation<'_>) -> Debrief {
    let s = c.scenario;
    let offset = s.concerns.len() + s.stages.len();
    let criteria: Vec<CriterionResult> = s
        .criteria
        .iter()
        .enumerate()
        .map(|(ci, cr)| {
            let evidence: Vec<Evidence> = c
                .turns
                .iter()
                .enumerate()
                .filter_map(|(ti, t)| {
                    let (a, b) = t.reading.together(&cr.moves, offset + ci, cr.checkable)?;
                    Some(Evidence {
                        turn: ti + 1,
                        text: clip(&t.text[a..b]),
                    })
                })
                .collect();
            let strained = cr.max_tension.is_some_and(|max| c.tension > max);
            CriterionResult {
                id: cr.id.clone(),
                text: cr.text.clone(),
                met: !evidence.is_empty() && !strained,
                note: (strained && !evidence.is_empty()).then(|| {
                    "the partner's tension was too high at the end for the relationship to count as kept"
                        .to_string()
                }),
                evidence,
            }
        })
        .collect();
    let concerns: Vec<ConcernResult> = s
        .concerns
        .iter()
        .zip(&c.surfaced)
        .map(|(cn, at)| ConcernResult {
            id: cn.id.clone(),
            text: cn.text.clone(),
            surfaced: at.is_some(),
            turn: at.map(|t| t + 1),
        })
        .collect();
    let mut negatives = Vec::new();
    for (ti, t) in c.turns.iter().enumerate() {
        for n in &s.negatives {
            if let Some(f) = n.moves.iter().find_map(|m| t.reading.get(*m)) {
                negatives.push(NegativeResult {
                    id: n.id.clone(),
                    text: n.text.clone(),
                    turn: ti + 1,
                    said: sentence(&t.text, &t.reading, f.start),
                    mv: f.mv,
                });
            }
        }
    }
    let anchor = band(c, &criteria, &concerns, &negatives);
    let anchor_text = match anchor {
        Band::Exceeds => &s.anchors.exceeds,
        Band::Meets => &s.anchors.meets,
        Band::Below => &s.anchors.below,
    }
    .clone();
    let changes = changes(c, &criteria, &concerns, &negatives);
    Debrief {
        scenario: s.id.clone(),
        title: s.title.clone(),
        anchor,
        anchor_text,
        criteria,
        concerns,
        negatives,
        turns: c.turns.len(),
        spoken_seconds: c.spoken_seconds(),
        minutes: s.minutes,
        hints: c.hints,
        ending: c.ending.unwrap_or(Ending::Stopped),
        seed: c.seed,
        changes,
    }
}

/// The band: below when the candidate gave in, missed a core criterion, never set a next
/// step, lost the partner or never asked the partner a real question (the ground rules
/// ask before proposing); exceeds when every criterion is met with no negative move,
/// two thirds of the hidden concerns surfaced and no hint asked for; meets otherwise.
fn band(
    c: &Conversation<'_>,
    criteria: &[CriterionResult],
    concerns: &[ConcernResult],
    negatives: &[NegativeResult],
) -> Band {
    let s = c.scenario;
    let gave_in = c.turns.iter().any(|t| t.reading.has(Move::Capitulation));
    let core_missed = s
        .criteria
        .iter()
        .zip(criteria)
        .any(|(cr, r)| cr.core && !r.met);
    let no_next_step = !c.turns.iter().any(|t| t.reading.has(Move::NextStep));
    let surfaced = concerns.iter().filter(|x| x.surfaced).count();
    // The ground rules ask before proposing: a meeting with no real question is below
    // (surfacing what the partner hides is for exceeds).
    let never_asked = !c.turns.iter().any(|t| t.reading.has(Move::Question));
    if gave_in
        || core_missed
        || no_next_step
        || never_asked
        || stopped_short(c).is_some()
        || c.ending == Some(Ending::WalkedOut)
    {
        return Band::Below;
    }
    if criteria.iter().all(|r| r.met)
        && negatives.is_empty()
        && surfaced * 3 >= concerns.len() * 2
        && c.hints == 0
    {
        Band::Exceeds
    } else {
        Band::Meets
    }
}

/// The first stage where something is to be agreed that the partner never agreed: what it
/// is for was never settled, however well it was described (one long monologue, a sentence
/// said again and again).
fn stopped_short<'s>(c: &Conversation<'s>) -> Option<&'s str> {
    // The stages where something is agreed (an offer, a trade, a next step): the agenda and
    // the questions are judged by their own criteria.
    let agreeing = |m: &Move| matches!(m, Move::Proposal | Move::Tradeoff | Move::NextStep);
    c.scenario
        .stages
        .iter()
        .zip(&c.done)
        .find(|(st, done)| !**done && st.needs.iter().any(agreeing))
        .map(|(st, _)| st.name.as_str())
}

/// The two things to change first: giving in, a core criterion missed, losing the
/// partner, a concern never surfaced, the other negative moves, the other criteria.
fn changes(
    c: &Conversation<'_>,
    criteria: &[CriterionResult],
    concerns: &[ConcernResult],
    negatives: &[NegativeResult],
) -> Vec<String> {
    let s = c.scenario;
    let advice = |m: Move| {
        c.reader_advice(m)
            .unwrap_or("Keep the conversation moving.")
            .to_string()
    };
    let mut out: Vec<String> = Vec::new();
    let said = |n: &NegativeResult| format!("{} (turn {}: \"{}\")", advice(n.mv), n.turn, n.said);
    if let Some(n) = negatives.iter().find(|n| n.mv == Move::Capitulation) {
        out.push(said(n));
    }
    if let Some(stage) = stopped_short(c) {
        out.push(format!(
            "Take the meeting a step at a time: the partner never agreed the {} part; settle each part with the partner before you move on.",
            lower_first(stage)
        ));
    }
    let unmet = |core: bool| {
        s.criteria
            .iter()
            .zip(criteria)
            .filter(move |(cr, r)| cr.core == core && !r.met)
            .map(|(_, r)| format!("Before you close, make sure that {}", lower_first(&r.text)))
    };
    out.extend(unmet(true));
    if c.ending == Some(Ending::WalkedOut) {
        out.push(advice(Move::Acknowledge));
    }
    if let Some(x) = concerns.iter().find(|x| !x.surfaced) {
        out.push(format!(
            "Ask what stands in the way before you propose: you never learned that {}",
            lower_first(&x.text)
        ));
    }
    out.extend(
        negatives
            .iter()
            .filter(|n| n.mv != Move::Capitulation)
            .map(said),
    );
    out.extend(unmet(false));
    if c.hints > 0 {
        out.push("Run it again without :hint, reading the partner's cues yourself.".into());
    }
    let mut seen = Vec::new();
    out.retain(|x| {
        let head = x.split(" (turn ").next().unwrap_or(x).to_string();
        let new = !seen.contains(&head);
        seen.push(head);
        new
    });
    out.truncate(2);
    out
}

/// The sentence of `text` around byte `at`, trimmed to [`EVIDENCE_CHARS`] characters.
fn sentence(text: &str, r: &super::Reading, at: usize) -> String {
    let (a, b) = r.sentence_at(at).unwrap_or((0, text.len()));
    clip(&text[a..b])
}

/// Words quoted as evidence, at most [`EVIDENCE_CHARS`] characters.
fn clip(s: &str) -> String {
    crate::analysis::text::shorten(s, EVIDENCE_CHARS)
}

/// The text with its first letter lowercase, to go on from a sentence ("…make sure that
/// the partner commits…"); an acronym ("MDF is…") stays as it is.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    if chars.clone().nth(1).is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    match chars.next() {
        Some(f) => f.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
