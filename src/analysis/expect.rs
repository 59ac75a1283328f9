//! What a question asks for: the shape of a strong answer to it.
//!
//! "Tell me about a time" wants a story with all five parts; "what would you do" wants a
//! plan (the situation as understood, the steps, a clarifying question); "how do you" and
//! "what is" want a method, ideally with one real illustration; a follow-up wants the
//! thing it probes, briefly. The bank's kind gives a default and the question's wording
//! overrides it, since a question filed as behavioral may ask "how do you…". The shapes
//! and the wording that picks them are data in the rules file.

use serde::{Deserialize, Serialize};

use super::rules::RulesFile;
use super::Part;
use crate::bank::{Kind, Question};

/// The shape of answer a question asks for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    strum::Display,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Shape {
    /// A past instance told as a story ("tell me about a time").
    Story,
    /// What the candidate would do in a described situation ("what would you do").
    Plan,
    /// How the candidate does something or what something is ("how do you", "what is").
    Concept,
    /// A talk about one engagement, slide by slide.
    Presentation,
    /// How the candidate would run a role-play meeting, written as a plan: the meeting
    /// itself is longer than any one answer.
    Simulation,
    /// An answer to a follow-up question.
    FollowUp,
}

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::data::by_name(d)
    }
}

impl Shape {
    /// Every shape, in the order the rules file lists them.
    pub const ALL: &'static [Shape] = <Shape as strum::VariantArray>::VARIANTS;

    /// The shape's name, as the rules file and reports spell it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The shape a question of this kind asks for when its wording does not say.
    fn of_kind(kind: Kind) -> Shape {
        match kind {
            Kind::Behavioral | Kind::Competency | Kind::Attitude | Kind::VideoResponse => {
                Shape::Story
            }
            Kind::Situational | Kind::ProblemSolving => Shape::Plan,
            Kind::Simulation => Shape::Simulation,
            Kind::Technical | Kind::Concept => Shape::Concept,
            Kind::Presentation => Shape::Presentation,
        }
    }
}

/// What an answer of one shape needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapeSpec {
    /// The parts a strong answer of this shape has: the score's structure points and the
    /// missing-part findings are about these only.
    pub parts: Vec<Part>,
    /// It asks for a past instance: a plan instead is a hypothetical answer.
    pub past_instance: bool,
    /// It sets a scenario: a clarifying question is expected.
    pub clarify: bool,
    /// It needs a real metric (not tenure, effort or numbering) to reach meets.
    pub needs_metric: bool,
    /// A time budget of its own (a follow-up's), instead of the question's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_seconds: Option<u32>,
}

/// The shape a question asks for: its wording first (the cue that comes earliest in the
/// question's text), else its kind.
pub fn shape_of(q: &Question, file: &RulesFile) -> Shape {
    let text = q.text.to_lowercase();
    file.question_wording
        .iter()
        .flat_map(|(shape, cues)| {
            cues.iter()
                .filter_map(|cue| text.find(cue.as_str()).map(|at| (at, *shape)))
        })
        .min_by_key(|&(at, shape)| (at, shape))
        .map_or_else(|| Shape::of_kind(q.kind), |(_, shape)| shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Rules;
    use crate::Catalog;

    #[test]
    fn wording_decides_the_shape_and_kind_is_the_default() {
        let rules = Rules::builtin().unwrap();
        let catalog = Catalog::builtin().unwrap();
        let shape = |id: &str| shape_of(catalog.question(id).unwrap().question, &rules.file);
        // Filed as behavioral, asked as "how do you": a method, not a story.
        assert_eq!(shape("pdm-20"), Shape::Concept);
        assert_eq!(shape("pdm-14"), Shape::Concept);
        // Filed as technical, asked as "tell me about a time": a story.
        assert_eq!(shape("pdm-02"), Shape::Story);
        assert_eq!(shape("spm-03"), Shape::Story);
        assert_eq!(shape("pdm-05"), Shape::Plan);
        assert_eq!(shape("core-04"), Shape::Plan);
        assert_eq!(shape("kit-03"), Shape::Plan);
        assert_eq!(shape("core-06"), Shape::Concept);
        assert_eq!(shape("role-01"), Shape::Concept);
        assert_eq!(shape("kit-04"), Shape::Presentation);
        assert_eq!(shape("kit-05"), Shape::Simulation);
        for &s in Shape::ALL {
            assert!(rules.file.shapes.contains_key(&s), "{s} has a spec");
        }
    }
}
