//! The rules the checker can fire, as a type. The rules file configures each by its serde
//! name (`missing-context`, `vague-claim`…); a name that is not a rule is a load error that
//! names the nearest one, so a misspelt id can never be silently dropped.

use serde::Serialize;

use super::Part;

/// A rule of the checker: what a finding says was found.
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
    strum::EnumString,
    strum::VariantArray,
    strum::EnumCount,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Rule {
    EmptyAnswer,
    MissingContext,
    MissingApproach,
    MissingExample,
    MissingOutcome,
    MissingLearning,
    NoMetrics,
    VagueClaim,
    ActivityWithoutOutcome,
    Criticism,
    NoStakeholders,
    HypotheticalAnswer,
    WeNotI,
    Jargon,
    NoClarifyingQuestion,
    Filler,
    Hedge,
    TooShort,
    TooLong,
    LongSentence,
    LessonFirst,
    OutcomeBeforeAction,
    NegativeIndicator,
    OffTopic,
    CopiedModelAnswer,
    Repeated,
    Denial,
    NoSpecifics,
    CueList,
    NumberSoup,
    NoRealMetric,
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::data::by_name(d)
    }
}

impl Rule {
    /// Every rule, in the order the rules file lists them.
    pub const ALL: &'static [Rule] = <Rule as strum::VariantArray>::VARIANTS;

    /// The rule's id, as findings and the rules file spell it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The rule that says `part` is missing.
    pub fn missing(part: Part) -> Rule {
        match part {
            Part::Context => Rule::MissingContext,
            Part::Approach => Rule::MissingApproach,
            Part::Example => Rule::MissingExample,
            Part::Outcome => Rule::MissingOutcome,
            Part::Learning => Rule::MissingLearning,
        }
    }

    /// Whether the rule says a part is missing (reports list those with the parts, not
    /// with the mistakes).
    pub fn is_missing_part(self) -> bool {
        Part::ALL.iter().any(|&p| Rule::missing(p) == self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde_and_strum() {
        for &r in Rule::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            assert_eq!(r.as_str().parse::<Rule>().ok(), Some(r));
        }
        assert_eq!(Rule::WeNotI.as_str(), "we-not-i");
        assert!(Rule::MissingOutcome.is_missing_part());
        assert!(!Rule::NoMetrics.is_missing_part());
    }
}
