//! The bank format as Rust types.
//!
//! These types are the single definition of what a bank file may contain: loading,
//! validation, the JSON Schema (`prepcoach bank schema`) and `--format json` output all go
//! through them. Every struct rejects unknown fields so that a coach's typo in a field name
//! is reported instead of silently ignored.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A question bank: one prep guide's questions and the guidance that goes with them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Stable identifier, kebab-case; question ids must be unique across all loaded banks.
    pub id: String,
    pub title: String,
    /// The roles the bank prepares for ("Strategic Partnerships Manager", ...).
    pub roles: Vec<String>,
    /// Where the facts come from, in one or two sentences.
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_concepts: Vec<Concept>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub best_practices: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mistakes: Vec<String>,
    /// Competency ladder (junior / mid / senior), where the guide gives one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progression: Vec<ProgressionStage>,
    /// What a reviewer looks for in a resume, where the guide gives it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resume_criteria: Vec<String>,
    /// Interview rounds the guide describes, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    pub questions: Vec<Question>,
}

/// A named idea a candidate should be able to explain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub term: String,
    pub definition: String,
}

/// One competency described at each level of seniority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressionStage {
    pub competency: String,
    pub junior: String,
    pub mid: String,
    pub senior: String,
}

/// One interview round: what it is for and how long it takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: String,
    pub name: String,
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// The kinds of question the prep guides use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Behavioral,
    Situational,
    Technical,
    ProblemSolving,
    Competency,
    Attitude,
    Concept,
    VideoResponse,
    Presentation,
    Simulation,
}

impl Kind {
    /// Every kind, in the order listings show them.
    pub const ALL: [Kind; 10] = [
        Kind::Behavioral,
        Kind::Situational,
        Kind::Technical,
        Kind::ProblemSolving,
        Kind::Competency,
        Kind::Attitude,
        Kind::Concept,
        Kind::VideoResponse,
        Kind::Presentation,
        Kind::Simulation,
    ];

    /// The name used in bank files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Behavioral => "behavioral",
            Kind::Situational => "situational",
            Kind::Technical => "technical",
            Kind::ProblemSolving => "problem-solving",
            Kind::Competency => "competency",
            Kind::Attitude => "attitude",
            Kind::Concept => "concept",
            Kind::VideoResponse => "video-response",
            Kind::Presentation => "presentation",
            Kind::Simulation => "simulation",
        }
    }

    /// Whether the question asks for a past experience ("tell me about a time"), so a
    /// hypothetical answer misses the point.
    pub fn wants_past_example(self) -> bool {
        matches!(
            self,
            Kind::Behavioral | Kind::Competency | Kind::Attitude | Kind::VideoResponse
        )
    }

    /// Whether the question sets a scenario, where a clarifying question is expected.
    pub fn is_scenario(self) -> bool {
        matches!(
            self,
            Kind::Situational | Kind::ProblemSolving | Kind::Simulation
        )
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                unknown_name("kind", s, &names)
            })
    }
}

/// Seniority levels of the progression framework.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Junior,
    Mid,
    Senior,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Junior, Level::Mid, Level::Senior];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| unknown_name("level", s, &["junior", "mid", "senior"]))
    }
}

/// "unknown kind `behavorial`; did you mean `behavioral`?", or the names there are when
/// none is close.
fn unknown_name(what: &str, given: &str, names: &[&str]) -> String {
    match crate::data::nearest(&given.to_ascii_lowercase(), names.iter().copied()) {
        Some(near) => format!("unknown {what} `{given}`; did you mean `{near}`?"),
        None => format!(
            "unknown {what} `{given}`, expected one of {}",
            names.join(", ")
        ),
    }
}

/// A question with everything needed to ask it, check an answer and teach from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique across all loaded banks; attempts are stored against it.
    pub id: String,
    pub text: String,
    pub kind: Kind,
    /// The guide's own grouping, where it has one ("Technical Questions").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Kebab-case competency slug ("negotiation", "stakeholder-management", ...).
    pub competency: String,
    pub levels: Vec<Level>,
    /// Interview round id, where the guide says which round asks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// How long a spoken answer should take.
    pub time_budget_seconds: u32,
    /// What the interviewer listens for; each area carries cue words the checker matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Cued>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<String>,
    #[serde(default, skip_serializing_if = "Indicators::is_empty")]
    pub indicators: Indicators,
    pub model_answer: ModelAnswer,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub best_practices: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pitfalls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchors: Option<Anchors>,
    /// A role-play scenario, kept whole for simulation questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
}

/// A thing to listen for, with the words that show an answer touches it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cued {
    pub text: String,
    /// Words or short phrases; matched on word stems, so "negotiate" also finds
    /// "negotiation" and "negotiated".
    pub cues: Vec<String>,
}

/// Signs of a strong or a weak answer, as the guide lists them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    #[serde(default)]
    pub positive: Vec<Cued>,
    #[serde(default)]
    pub negative: Vec<Cued>,
}

impl Indicators {
    pub fn is_empty(&self) -> bool {
        self.positive.is_empty() && self.negative.is_empty()
    }
}

/// A model answer, one field per part of a strong answer, in speaking order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelAnswer {
    pub context: String,
    pub approach: String,
    pub example: String,
    pub outcome: String,
    pub learning: String,
}

impl ModelAnswer {
    /// The five parts with their names, in speaking order.
    pub fn parts(&self) -> [(&'static str, &str); 5] {
        [
            ("context", &self.context),
            ("approach", &self.approach),
            ("example", &self.example),
            ("outcome", &self.outcome),
            ("learning", &self.learning),
        ]
    }

    /// The answer as it would be spoken: the parts joined into paragraphs.
    pub fn full_text(&self) -> String {
        self.parts()
            .iter()
            .map(|(_, t)| t.trim())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Scoring anchors: what an answer that exceeds, meets or falls below the bar looks like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchors {
    pub exceeds: String,
    pub meets: String,
    pub below: String,
}

/// A role-play simulation, kept whole so a later role-play mode can run it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub setting: String,
    pub duration_minutes: u32,
    pub roles: Vec<ScenarioRole>,
    pub tensions: Vec<String>,
    pub success_criteria: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchors: Option<Anchors>,
}

/// One character in a role-play, as the interviewer plays them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRole {
    pub name: String,
    pub motivation: String,
    pub constraints: Vec<String>,
    /// How to stay in character.
    pub guidance: Vec<String>,
}
