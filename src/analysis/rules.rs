//! The checker's tunable data: rule severities and messages, delivery thresholds and cue
//! lexicons, loaded from `banks/rules/checker.json` (embedded) and optionally overridden by a
//! coach's file.
//!
//! An override file has the same shape, every field optional. A lexicon given as a list
//! replaces the built-in one; given as `{"add": [...], "remove": [...]}` it edits it. A rule
//! may change `severity` or `message`, or be switched off with `"enabled": false`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::text::{normalize, stem, tokenize, Token};
use crate::bank::explain_serde;
use crate::error::{Diagnostic, Error, Result};

/// The built-in rules file.
pub const BUILTIN_RULES: &str = include_str!("../../banks/rules/checker.json");

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One rule's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub severity: Severity,
    pub message: String,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Delivery thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliverySpec {
    /// Speaking rate used to estimate how long an answer takes to say.
    pub words_per_minute: f64,
    /// Below this share of the time budget an answer is too short.
    pub too_short_ratio: f64,
    /// Above this share of the time budget an answer is too long.
    pub too_long_ratio: f64,
    /// Sentences longer than this many words get a suggestion.
    pub long_sentence_words: usize,
}

/// The rules file as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub delivery: DeliverySpec,
    pub rules: BTreeMap<String, RuleSpec>,
    pub lexicons: BTreeMap<String, Vec<String>>,
}

/// A coach's override file: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesOverride {
    #[serde(default)]
    delivery: Option<DeliveryOverride>,
    #[serde(default)]
    rules: BTreeMap<String, RuleOverride>,
    #[serde(default)]
    lexicons: BTreeMap<String, LexiconEdit>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveryOverride {
    words_per_minute: Option<f64>,
    too_short_ratio: Option<f64>,
    too_long_ratio: Option<f64>,
    long_sentence_words: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleOverride {
    severity: Option<Severity>,
    message: Option<String>,
    enabled: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum LexiconEdit {
    Replace(Vec<String>),
    Edit {
        #[serde(default)]
        add: Vec<String>,
        #[serde(default)]
        remove: Vec<String>,
    },
}

/// Every rule id the checker can emit; a rules file must configure each one.
pub const RULE_IDS: &[&str] = &[
    "empty-answer",
    "missing-context",
    "missing-approach",
    "missing-example",
    "missing-outcome",
    "missing-learning",
    "no-metrics",
    "vague-claim",
    "activity-without-outcome",
    "criticism",
    "no-stakeholders",
    "hypothetical-answer",
    "we-not-i",
    "jargon",
    "no-clarifying-question",
    "filler",
    "hedge",
    "too-short",
    "too-long",
    "long-sentence",
    "lesson-first",
    "outcome-before-action",
    "negative-indicator",
];

/// Every lexicon the checker reads.
pub const LEXICON_NAMES: &[&str] = &[
    "first_person",
    "plural_person",
    "past_irregular",
    "not_past_ed",
    "modal",
    "habitual",
    "action_verbs",
    "attitude",
    "context_cues",
    "setting",
    "premise_openers",
    "career_summary",
    "outcome_verbs",
    "outcome_verbs_weak",
    "outcome_markers",
    "target_markers",
    "learning_strong",
    "learning_skill",
    "learning_empty",
    "vague_claims",
    "jargon",
    "fillers",
    "hedges",
    "criticism",
    "stakeholders",
    "clarifying",
    "activity_nouns",
    "org_nouns",
    "time_anchors",
    "generic_markers",
    "business_acronyms",
    "scenario_openers",
    "role_nouns",
];

/// A word list ready for matching: single words by lowercase form, phrases by stems.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashSet<String>,
    phrases: HashMap<String, Vec<Vec<String>>>,
}

impl Lexicon {
    pub fn new(entries: &[String]) -> Lexicon {
        let mut lex = Lexicon::default();
        for e in entries {
            let toks = tokenize(e, 0, e.len());
            if toks.is_empty() {
                continue;
            }
            if toks.len() == 1 {
                lex.words.insert(normalize(e.trim()));
            }
            let stems: Vec<String> = toks.into_iter().map(|t| t.stem).collect();
            lex.phrases.entry(stems[0].clone()).or_default().push(stems);
        }
        lex
    }

    /// Whether this exact word (lowercase) is in the list.
    pub fn has_word(&self, lower: &str) -> bool {
        self.words.contains(lower)
    }

    /// Token index ranges `[i, j)` where an entry matches (on stems), longest match at each
    /// start, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let best = self.longest_at(tokens, i);
            match best {
                Some(len) => {
                    out.push((i, i + len));
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Length of the longest entry matching at token `i`.
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let cands = self.phrases.get(&tokens[i].stem)?;
        cands
            .iter()
            .filter(|p| {
                p.len() <= tokens.len() - i && p.iter().zip(&tokens[i..]).all(|(s, t)| *s == t.stem)
            })
            .map(Vec::len)
            .max()
    }

    pub fn any(&self, tokens: &[Token]) -> bool {
        (0..tokens.len()).any(|i| self.longest_at(tokens, i).is_some())
    }
}

/// The rules, resolved and compiled for matching.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RulesFile,
    lexicons: HashMap<String, Lexicon>,
}

impl Rules {
    /// The built-in rules.
    pub fn builtin() -> Result<Rules> {
        Rules::from_file(parse_rules_file("banks/rules/checker.json", BUILTIN_RULES)?)
    }

    /// The built-in rules with a coach's override file applied.
    pub fn with_override(name: &str, text: &str) -> Result<Rules> {
        let mut file = parse_rules_file("banks/rules/checker.json", BUILTIN_RULES)?;
        let over: RulesOverride = parse_json(name, text)?;
        apply(&mut file, over, name)?;
        Rules::from_file(file)
    }

    fn from_file(file: RulesFile) -> Result<Rules> {
        let missing_rule = RULE_IDS.iter().find(|id| !file.rules.contains_key(**id));
        let missing_lex = LEXICON_NAMES
            .iter()
            .find(|n| !file.lexicons.contains_key(**n));
        if let Some(id) = missing_rule.or(missing_lex) {
            return Err(Error::Invalid(vec![Diagnostic {
                file: "rules".into(),
                line: 1,
                column: 1,
                field: id.to_string(),
                message: "missing from the rules file".into(),
            }]));
        }
        let lexicons = file
            .lexicons
            .iter()
            .map(|(k, v)| (k.clone(), Lexicon::new(v)))
            .collect();
        Ok(Rules { file, lexicons })
    }

    /// A lexicon by name (an empty one for a name the file does not have).
    pub fn lex(&self, name: &str) -> &Lexicon {
        static EMPTY: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        self.lexicons
            .get(name)
            .unwrap_or_else(|| EMPTY.get_or_init(Lexicon::default))
    }

    /// A rule's settings, if it is enabled.
    pub fn rule(&self, id: &str) -> Option<&RuleSpec> {
        self.file.rules.get(id).filter(|r| r.enabled)
    }

    /// The rules as JSON, as a coach would start an override from.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file).unwrap_or_default()
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let field = err.path().to_string();
        let inner = err.into_inner();
        Error::Invalid(vec![Diagnostic {
            file: name.to_string(),
            line: inner.line(),
            column: inner.column(),
            field: if field == "." { String::new() } else { field },
            message: explain_serde(&inner),
        }])
    })
}

fn parse_rules_file(name: &str, text: &str) -> Result<RulesFile> {
    parse_json(name, text)
}

fn apply(file: &mut RulesFile, over: RulesOverride, name: &str) -> Result<()> {
    let unknown = |field: String, what: &str, known: Vec<&str>| {
        let near = crate::bank::nearest(field.rsplit('.').next().unwrap_or(""), known.into_iter());
        Error::Invalid(vec![Diagnostic {
            file: name.to_string(),
            line: 1,
            column: 1,
            message: format!(
                "unknown {what}{}",
                near.map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default()
            ),
            field,
        }])
    };
    if let Some(d) = over.delivery {
        let spec = &mut file.delivery;
        spec.words_per_minute = d.words_per_minute.unwrap_or(spec.words_per_minute);
        spec.too_short_ratio = d.too_short_ratio.unwrap_or(spec.too_short_ratio);
        spec.too_long_ratio = d.too_long_ratio.unwrap_or(spec.too_long_ratio);
        spec.long_sentence_words = d.long_sentence_words.unwrap_or(spec.long_sentence_words);
    }
    for (id, r) in over.rules {
        let Some(spec) = file.rules.get_mut(&id) else {
            return Err(unknown(format!("rules.{id}"), "rule", RULE_IDS.to_vec()));
        };
        spec.severity = r.severity.unwrap_or(spec.severity);
        spec.enabled = r.enabled.unwrap_or(spec.enabled);
        if let Some(m) = r.message {
            spec.message = m;
        }
    }
    for (lex, edit) in over.lexicons {
        let Some(list) = file.lexicons.get_mut(&lex) else {
            return Err(unknown(
                format!("lexicons.{lex}"),
                "lexicon",
                LEXICON_NAMES.to_vec(),
            ));
        };
        match edit {
            LexiconEdit::Replace(v) => *list = v,
            LexiconEdit::Edit { add, remove } => {
                let remove: HashSet<String> = remove.iter().map(|w| normalize(w)).collect();
                list.retain(|w| !remove.contains(&normalize(w)));
                list.extend(add);
            }
        }
    }
    Ok(())
}

/// The stem of a single cue word, for callers matching bank cues.
pub fn cue_stems(cue: &str) -> Vec<String> {
    tokenize(cue, 0, cue.len())
        .into_iter()
        .map(|t| t.stem)
        .collect()
}

/// Stem of a word; re-exported for modules that match bank cues.
pub fn stem_word(w: &str) -> String {
    stem(&normalize(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_cover_every_rule() {
        let rules = Rules::builtin().unwrap();
        for id in RULE_IDS {
            assert!(rules.rule(id).is_some(), "{id}");
        }
    }

    #[test]
    fn lexicon_matches_phrases_on_stems() {
        let lex = Lexicon::new(&["as a result".into(), "negotiate".into()]);
        let text = "As a result, I negotiated terms.";
        let toks = tokenize(text, 0, text.len());
        assert_eq!(lex.find(&toks), vec![(0, 3), (4, 5)]);
    }

    #[test]
    fn override_edits_lexicons_and_rules() {
        let over = r#"{"rules": {"jargon": {"enabled": false}, "hedge": {"severity": "warning"}},
                       "lexicons": {"jargon": {"add": ["ideate"], "remove": ["synergy"]}}}"#;
        let rules = Rules::with_override("o.json", over).unwrap();
        assert!(rules.rule("jargon").is_none());
        assert_eq!(rules.rule("hedge").unwrap().severity, Severity::Warning);
        assert!(rules.lex("jargon").has_word("ideate"));
        assert!(!rules.lex("jargon").has_word("synergy"));
    }

    #[test]
    fn override_typo_names_nearest() {
        let err = Rules::with_override("o.json", r#"{"rules": {"jargonn": {}}}"#).unwrap_err();
        assert!(err.to_string().contains("did you mean `jargon`"), "{err}");
        let err = Rules::with_override("o.json", r#"{"rulez": {}}"#).unwrap_err();
        assert!(err.to_string().contains("o.json:1:"), "{err}");
    }
}
