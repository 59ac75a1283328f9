//! The role-play scenario format: what a coach writes to stage a conversation with a
//! partner who pushes back. A scenario is data (`banks/scenarios/*.json`, or a file given
//! with `roleplay --file`), validated like a bank: every problem with its line, column and
//! field, and the nearest valid name for a typo.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::moves::{Checkable, Move};

/// One role-play: the briefing, the partner in character, the hidden concerns the
/// candidate's questions can surface, the stages the meeting goes through, and how it is
/// judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Lowercase letters, digits and hyphens; what `prepcoach roleplay ID` takes.
    pub id: String,
    pub title: String,
    /// The bank question this rehearses (its anchors are the kit's), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_id: Option<String>,
    /// The competency it exercises (as the banks name them: `negotiation`), under which the
    /// history files it.
    pub competency: String,
    /// The time box of the meeting.
    pub minutes: u32,
    /// The situation, as the candidate is briefed on it.
    pub setting: String,
    /// What the candidate must come out of the meeting with.
    pub goals: Vec<String>,
    /// What to read before the start.
    pub review: Vec<String>,
    /// How the candidate is expected to run the meeting.
    pub ground_rules: Vec<String>,
    pub partner: Partner,
    /// What the partner does not say until a question earns it.
    pub concerns: Vec<Concern>,
    /// The meeting's stages, in order.
    pub stages: Vec<Stage>,
    /// The partner's lines when a turn shows a move, by move: how the tension rises and
    /// falls in the partner's own voice.
    pub reactions: BTreeMap<Move, Vec<String>>,
    /// The partner's lines when the tension is at its highest.
    pub strained: Vec<String>,
    /// What the debrief checks, met or not, with the turns that show it.
    pub criteria: Vec<Criterion>,
    /// What loses the candidate marks, with the moves that show it.
    pub negatives: Vec<Negative>,
    pub anchors: Anchors,
}

/// The character the candidate talks to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    pub role: String,
    /// What they want from the meeting (shown in the briefing).
    pub motivation: String,
    /// Their first line, in a few versions.
    pub opening: Vec<String>,
    /// Where the tension starts (0 calm to 5 about to walk out).
    #[serde(default = "default_tension")]
    pub tension: u8,
}

fn default_tension() -> u8 {
    2
}

/// A constraint the partner keeps to itself until a question about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    pub id: String,
    /// The constraint, as the debrief names it.
    pub text: String,
    /// Words a question must touch to earn it (matched as the checker matches cues: on
    /// stems, never inside a negation; one generic word is not enough).
    pub cues: Vec<String>,
    /// The partner's lines that reveal it, in a few versions.
    pub reveal: Vec<String>,
}

/// A stage of the meeting and what moves it on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// What the partner is waiting for here (what `:hint` says).
    pub hint: String,
    /// Words of what this stage is about: a turn that moves the stage on must touch them
    /// (an empty list: any turn with the moves will do).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Moves the candidate must have made in this stage, all of them, to move on.
    pub needs: Vec<Move>,
    /// Hidden concerns that must be surfaced (in all) before this stage is done.
    #[serde(default)]
    pub concerns: usize,
    /// The partner's lines while the candidate has not done what the stage needs.
    pub waiting: Vec<String>,
    /// The partner's lines when the stage's need is met, moving on.
    pub accept: Vec<String>,
}

/// A success criterion: met when one turn makes any of `moves` and touches `cues`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub text: String,
    pub cues: Vec<String>,
    pub moves: Vec<Move>,
    /// A criterion the candidate must meet to reach meets.
    #[serde(default)]
    pub core: bool,
    /// Met only by words that carry a figure (`figure`: "milestones" alone is no milestone
    /// anyone can check) or a date or cadence (`date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkable: Option<Checkable>,
    /// Met only if the partner's tension at the end is at most this (the relationship
    /// kept), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tension: Option<u8>,
}

/// A negative indicator: shown by any turn that makes one of `moves`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Negative {
    pub id: String,
    pub text: String,
    pub moves: Vec<Move>,
}

/// What each band of the kit's scoring looks like, in its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchors {
    pub exceeds: String,
    pub meets: String,
    pub below: String,
}

/// The scenario format's JSON Schema, pretty-printed: derived from the types that load
/// scenarios, so it cannot drift from what prepcoach accepts.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Scenario);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
