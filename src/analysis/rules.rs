//! The checker's tunable data: rule severities and messages, delivery thresholds and cue
//! lexicons, loaded from `banks/rules/checker.json` (embedded) and optionally overridden by a
//! coach's file.
//!
//! An override file has the same shape, every field optional. A lexicon given as a list
//! replaces the built-in one; given as `{"add": [...], "remove": [...]}` it edits it. A rule
//! may change `severity` or `message`, or be switched off with `"enabled": false`.

use std::collections::{BTreeMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use super::text::{normalize, tokenize, Sentence, Token};
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

/// The cue lexicons the checker reads, by name in the rules file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    FirstPerson,
    PluralPerson,
    PastIrregular,
    NotPastEd,
    Modal,
    Habitual,
    ActionVerbs,
    Attitude,
    ContextCues,
    Setting,
    PremiseOpeners,
    CareerSummary,
    OutcomeVerbs,
    OutcomeVerbsWeak,
    OutcomeMarkers,
    TargetMarkers,
    LearningStrong,
    LearningSkill,
    LearningEmpty,
    VagueClaims,
    Jargon,
    Fillers,
    Hedges,
    Criticism,
    Stakeholders,
    Clarifying,
    ActivityNouns,
    OrgNouns,
    TimeAnchors,
    GenericMarkers,
    BusinessAcronyms,
    ScenarioOpeners,
    RoleNouns,
}

impl Lex {
    /// Every lexicon, in the order of their bits in a token's mask.
    pub const ALL: [Lex; 33] = [
        Lex::FirstPerson,
        Lex::PluralPerson,
        Lex::PastIrregular,
        Lex::NotPastEd,
        Lex::Modal,
        Lex::Habitual,
        Lex::ActionVerbs,
        Lex::Attitude,
        Lex::ContextCues,
        Lex::Setting,
        Lex::PremiseOpeners,
        Lex::CareerSummary,
        Lex::OutcomeVerbs,
        Lex::OutcomeVerbsWeak,
        Lex::OutcomeMarkers,
        Lex::TargetMarkers,
        Lex::LearningStrong,
        Lex::LearningSkill,
        Lex::LearningEmpty,
        Lex::VagueClaims,
        Lex::Jargon,
        Lex::Fillers,
        Lex::Hedges,
        Lex::Criticism,
        Lex::Stakeholders,
        Lex::Clarifying,
        Lex::ActivityNouns,
        Lex::OrgNouns,
        Lex::TimeAnchors,
        Lex::GenericMarkers,
        Lex::BusinessAcronyms,
        Lex::ScenarioOpeners,
        Lex::RoleNouns,
    ];

    /// The lexicon's name in the rules file.
    pub fn name(self) -> &'static str {
        match self {
            Lex::FirstPerson => "first_person",
            Lex::PluralPerson => "plural_person",
            Lex::PastIrregular => "past_irregular",
            Lex::NotPastEd => "not_past_ed",
            Lex::Modal => "modal",
            Lex::Habitual => "habitual",
            Lex::ActionVerbs => "action_verbs",
            Lex::Attitude => "attitude",
            Lex::ContextCues => "context_cues",
            Lex::Setting => "setting",
            Lex::PremiseOpeners => "premise_openers",
            Lex::CareerSummary => "career_summary",
            Lex::OutcomeVerbs => "outcome_verbs",
            Lex::OutcomeVerbsWeak => "outcome_verbs_weak",
            Lex::OutcomeMarkers => "outcome_markers",
            Lex::TargetMarkers => "target_markers",
            Lex::LearningStrong => "learning_strong",
            Lex::LearningSkill => "learning_skill",
            Lex::LearningEmpty => "learning_empty",
            Lex::VagueClaims => "vague_claims",
            Lex::Jargon => "jargon",
            Lex::Fillers => "fillers",
            Lex::Hedges => "hedges",
            Lex::Criticism => "criticism",
            Lex::Stakeholders => "stakeholders",
            Lex::Clarifying => "clarifying",
            Lex::ActivityNouns => "activity_nouns",
            Lex::OrgNouns => "org_nouns",
            Lex::TimeAnchors => "time_anchors",
            Lex::GenericMarkers => "generic_markers",
            Lex::BusinessAcronyms => "business_acronyms",
            Lex::ScenarioOpeners => "scenario_openers",
            Lex::RoleNouns => "role_nouns",
        }
    }
}

/// A word list ready for matching: single words by lowercase form, phrases by stems.
///
/// A lexicon of the rules file also has a bit in every token's mask (set by
/// [`Rules::bits`]), so matching skips, without hashing, every token no entry of the
/// lexicon starts with; that keeps some thirty lexicons to one hash lookup per word.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: FxHashSet<String>,
    /// The single-word entries by their lowercase form's number, for [`Lexicon::has_token`].
    word_ids: FxHashSet<u32>,
    /// Entries by the number of their first stem: each entry is its stems' numbers, the
    /// longest first, so the first that matches is the longest match.
    phrases: FxHashMap<u32, Entries>,
    bit: Option<u8>,
}

/// The entries of a lexicon that start with one stem. Nearly all are a single word, kept
/// without an allocation; longer ones follow, longest first.
#[derive(Debug, Clone, Default)]
struct Entries {
    single: bool,
    /// Each entry's second stem and all its stems, by second stem (so the entries that can
    /// follow a word are found by a binary search), the longest first among those.
    longer: Vec<(u32, Box<[u32]>)>,
}

impl Entries {
    fn add(&mut self, stems: Vec<u32>) {
        if stems.len() == 1 {
            self.single = true;
        } else if !self.longer.iter().any(|(_, p)| **p == *stems) {
            self.longer.push((stems[1], stems.into_boxed_slice()));
            self.longer
                .sort_by_key(|(second, p)| (*second, std::cmp::Reverse(p.len())));
        }
    }

    /// Length of the longest entry matching `tokens` from its start (whose first stem is
    /// this group's).
    fn longest(&self, tokens: &[Token]) -> Option<usize> {
        let longer = match tokens.get(1) {
            Some(next) => {
                let from = self.longer.partition_point(|(s, _)| *s < next.id);
                let to = from + self.longer[from..].partition_point(|(s, _)| *s == next.id);
                &self.longer[from..to]
            }
            None => &[],
        };
        longer
            .iter()
            .find(|(_, p)| {
                p.len() <= tokens.len() && p[2..].iter().zip(&tokens[2..]).all(|(s, t)| *s == t.id)
            })
            .map(|(_, p)| p.len())
            .or(self.single.then_some(1))
    }
}

impl Lexicon {
    pub fn new(entries: &[String]) -> Lexicon {
        let mut lex = Lexicon::default();
        for e in entries {
            // Most entries are one plain word: skip word segmentation for them.
            if !e.is_empty() && e.bytes().all(|b| b.is_ascii_lowercase()) {
                let id = super::text::stem_id(e);
                lex.words.insert(e.clone());
                lex.word_ids.insert(super::text::lower_id(e));
                lex.phrases.entry(id).or_default().add(vec![id]);
                continue;
            }
            let toks = tokenize(e, 0, e.len());
            if toks.is_empty() {
                continue;
            }
            if toks.len() == 1 {
                let lower = normalize(e.trim());
                lex.word_ids.insert(super::text::lower_id(&lower));
                lex.words.insert(lower);
            }
            let stems: Vec<u32> = toks.into_iter().map(|t| t.id).collect();
            lex.phrases.entry(stems[0]).or_default().add(stems);
        }
        lex
    }

    /// The stems its entries start with: a token whose stem is none of these starts no
    /// match.
    pub fn first_stems(&self) -> impl Iterator<Item = u32> + '_ {
        self.phrases.keys().copied()
    }

    /// Whether this exact word (lowercase) is in the list.
    pub fn has_word(&self, lower: &str) -> bool {
        self.words.contains(lower)
    }

    /// Whether this word of the answer, as written (lowercased), is in the list: what
    /// [`Lexicon::has_word`] says of its lowercase form, by number.
    pub fn has_token(&self, t: &Token) -> bool {
        match self.bit {
            Some(bit) if t.words & ANNOTATED != 0 => t.words & (1u64 << bit) != 0,
            _ => self.word_ids.contains(&t.lower_id),
        }
    }

    /// Token index ranges `[i, j)` where an entry matches (on stems), longest match at each
    /// start, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        if !self.may_occur(tokens) {
            return Vec::new();
        }
        self.scan(tokens)
    }

    /// The matches, skipping without a lookup every token whose mask lacks this lexicon.
    fn scan(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        self.scan_iter(tokens).collect()
    }

    /// [`Lexicon::scan`] as an iterator, for callers that only count or test.
    fn scan_iter<'t>(&'t self, tokens: &'t [Token]) -> impl Iterator<Item = (usize, usize)> + 't {
        let bit = self.bit.map(|b| 1u64 << b);
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < tokens.len() {
                if bit.is_some_and(|b| tokens[i].mask() & b == 0) {
                    i += 1;
                    continue;
                }
                match self.longest_at(tokens, i) {
                    Some(len) => {
                        let m = (i, i + len);
                        i += len;
                        return Some(m);
                    }
                    None => i += 1,
                }
            }
            None
        })
    }

    /// Length of the longest entry matching at token `i`.
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let tok = &tokens[i];
        if let Some(bit) = self.bit {
            let bit = 1u64 << bit;
            if tok.mask() & bit == 0 {
                return None;
            }
            // Only one-word entries start with this stem: no lookup needed.
            if tok.multi & bit == 0 {
                return Some(1);
            }
        }
        self.phrases.get(&tok.id)?.longest(&tokens[i..])
    }

    pub fn any(&self, tokens: &[Token]) -> bool {
        self.may_occur(tokens) && (0..tokens.len()).any(|i| self.longest_at(tokens, i).is_some())
    }

    /// [`Lexicon::find`] over a prepared sentence, skipping it at once when its hits show
    /// that nothing can match.
    pub fn find_in(&self, s: &Sentence) -> Vec<(usize, usize)> {
        self.matches_in(s).collect()
    }

    /// [`Lexicon::find_in`] as an iterator, for callers that only count or test.
    pub fn matches_in<'s>(&'s self, s: &'s Sentence) -> impl Iterator<Item = (usize, usize)> + 's {
        let none = matches!((self.bit, s.hits), (Some(b), Some(hits)) if hits & (1u64 << b) == 0);
        let tokens: &[Token] = if none { &[] } else { &s.tokens };
        self.scan_iter(tokens)
    }

    /// [`Lexicon::any`] over a prepared sentence: a bit test when its hits are known.
    pub fn any_in(&self, s: &Sentence) -> bool {
        match (self.bit, s.hits) {
            (Some(b), Some(hits)) => hits & (1u64 << b) != 0,
            _ => self.any(&s.tokens),
        }
    }

    /// False when no token's mask has this lexicon's bit: a cheap scan that spares the
    /// lookups for the many lexicons a sentence does not touch.
    fn may_occur(&self, tokens: &[Token]) -> bool {
        match self.bit {
            Some(bit) => tokens.iter().fold(0u64, |m, t| m | t.mask()) & (1u64 << bit) != 0,
            None => true,
        }
    }
}

/// A word's bits under one set of rules: see the fields of the same names on `Token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexBits {
    pub multi: u64,
    pub single: u64,
    pub words: u64,
    pub phrases: u32,
}

impl Default for LexBits {
    fn default() -> Self {
        LexBits {
            multi: 0,
            single: 0,
            words: 0,
            phrases: NO_PHRASES,
        }
    }
}

/// No entries of several words start with this stem.
pub const NO_PHRASES: u32 = u32::MAX;

/// Serial numbers of `Rules`, so what is remembered of a word under one set is not used
/// under another.
static SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// Set in a token's `words` with its lexicon bits ([`Rules::bits`]): they can be trusted.
const ANNOTATED: u64 = 1 << 63;
// Every lexicon has a bit of its own below it.
const _: () = assert!(Lex::ALL.len() < 63);

/// The rules, resolved and compiled for matching.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RulesFile,
    /// Indexed by `Lex as usize`.
    lexicons: Vec<Lexicon>,
    /// For each stem that starts an entry of some lexicon: the bits of the lexicons where it
    /// starts an entry of more than one word, of those where it is a one-word entry, and
    /// where its group of longer entries is in `phrases`.
    masks: FxHashMap<u32, (u64, u64, u32)>,
    /// For each lowercase word that is a one-word entry of some lexicon, the lexicons' bits.
    word_masks: FxHashMap<u32, u64>,
    /// Entries of several words, grouped by first stem (a group's index is in `masks`):
    /// each with its lexicon's bit, its second stem and all its stems.
    phrases: Vec<PhraseGroup>,
    serial: u32,
}

/// The entries of several words that start with one stem, in every lexicon: each with its
/// lexicon's bit, its second stem and all its stems, in order of second stem.
type PhraseGroup = Vec<(u8, u32, Box<[u32]>)>;

impl Rules {
    /// The built-in rules.
    pub fn builtin() -> Result<Rules> {
        Rules::from_file(parse_rules_file("banks/rules/checker.json", BUILTIN_RULES)?)
    }

    /// The built-in rules with a coach's override file applied.
    pub fn with_override(name: &str, text: &str) -> Result<Rules> {
        let mut file = parse_rules_file("banks/rules/checker.json", BUILTIN_RULES)?;
        let over: RulesOverride = crate::bank::parse_json(name, text)?;
        apply(&mut file, over, name)?;
        Rules::from_file(file)
    }

    fn from_file(file: RulesFile) -> Result<Rules> {
        let missing_rule = RULE_IDS
            .iter()
            .copied()
            .find(|id| !file.rules.contains_key(*id));
        let missing_lex = Lex::ALL
            .iter()
            .map(|l| l.name())
            .find(|n| !file.lexicons.contains_key(*n));
        if let Some(id) = missing_rule.or(missing_lex) {
            return Err(Error::Invalid(vec![Diagnostic {
                file: "rules".into(),
                line: 1,
                column: 1,
                field: id.to_string(),
                message: "missing from the rules file".into(),
            }]));
        }
        let mut masks: FxHashMap<u32, (u64, u64, u32)> = FxHashMap::default();
        let mut phrases: Vec<PhraseGroup> = Vec::new();
        let mut word_masks: FxHashMap<u32, u64> = FxHashMap::default();
        let lexicons = Lex::ALL
            .iter()
            .enumerate()
            .map(|(bit, l)| {
                let mut lex = Lexicon::new(&file.lexicons[l.name()]);
                lex.bit = Some(bit as u8);
                for (first, entries) in &lex.phrases {
                    let m = masks.entry(*first).or_insert((0, 0, NO_PHRASES));
                    if entries.single {
                        m.1 |= 1u64 << bit;
                    }
                    if entries.longer.is_empty() {
                        continue;
                    }
                    m.0 |= 1u64 << bit;
                    if m.2 == NO_PHRASES {
                        m.2 = phrases.len() as u32;
                        phrases.push(Vec::new());
                    }
                    let group = &mut phrases[m.2 as usize];
                    for (second, stems) in &entries.longer {
                        group.push((bit as u8, *second, stems.clone()));
                    }
                }
                for w in &lex.word_ids {
                    *word_masks.entry(*w).or_default() |= 1u64 << bit;
                }
                lex
            })
            .collect();
        // By second stem, so `hits` finds the entries that can follow a word by a binary
        // search: "i" alone starts some sixty entries.
        for group in &mut phrases {
            group.sort_by_key(|&(_, second, _)| second);
        }
        Ok(Rules {
            file,
            lexicons,
            masks,
            word_masks,
            phrases,
            serial: SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// A lexicon of the rules file.
    pub fn lex(&self, which: Lex) -> &Lexicon {
        &self.lexicons[which as usize]
    }

    /// The lexicon bits of a word with stem number `id` and lowercase-form number
    /// `lower_id`.
    pub fn bits(&self, id: u32, lower_id: u32) -> LexBits {
        let (multi, single, phrases) = self.masks.get(&id).copied().unwrap_or((0, 0, NO_PHRASES));
        let words = ANNOTATED | self.word_masks.get(&lower_id).copied().unwrap_or(0);
        LexBits {
            multi,
            single,
            words,
            phrases,
        }
    }

    /// The lexicons (bits) with an entry anywhere in `tokens`, which carry this rules' bits:
    /// one pass for all of them, so `Lexicon::any_in` is a bit test.
    pub fn hits(&self, tokens: &[Token]) -> u64 {
        let mut hits = 0;
        for (i, t) in tokens.iter().enumerate() {
            hits |= t.single;
            if t.multi & !hits == 0 {
                continue;
            }
            // Every entry of a group has a second word.
            let (Some(group), Some(next)) =
                (self.phrases.get(t.phrases as usize), tokens.get(i + 1))
            else {
                continue;
            };
            let from = group.partition_point(|&(_, s2, _)| s2 < next.id);
            let followers = group[from..]
                .iter()
                .take_while(|&&(_, s2, _)| s2 == next.id);
            for (bit, _, stems) in followers {
                if hits & (1 << bit) == 0
                    && stems.len() <= tokens.len() - i
                    && stems[2..]
                        .iter()
                        .zip(&tokens[i + 2..])
                        .all(|(s, t)| *s == t.id)
                {
                    hits |= 1 << bit;
                }
            }
        }
        hits
    }

    /// This set of rules' serial number, unique in the process.
    pub fn serial(&self) -> u32 {
        self.serial
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

fn parse_rules_file(name: &str, text: &str) -> Result<RulesFile> {
    crate::bank::parse_json(name, text)
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
                Lex::ALL.iter().map(|l| l.name()).collect(),
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
        let rules = Rules::builtin().unwrap();
        let toks = super::super::text::tokenize_with(text, 0, text.len(), Some(&rules));
        assert!(rules.lex(Lex::OutcomeMarkers).any(&toks));
        assert!(!rules.lex(Lex::Jargon).any(&toks));
    }

    #[test]
    fn override_edits_lexicons_and_rules() {
        let over = r#"{"rules": {"jargon": {"enabled": false}, "hedge": {"severity": "warning"}},
                       "lexicons": {"jargon": {"add": ["ideate"], "remove": ["synergy"]}}}"#;
        let rules = Rules::with_override("o.json", over).unwrap();
        assert!(rules.rule("jargon").is_none());
        assert_eq!(rules.rule("hedge").unwrap().severity, Severity::Warning);
        assert!(rules.lex(Lex::Jargon).has_word("ideate"));
        assert!(!rules.lex(Lex::Jargon).has_word("synergy"));
    }

    #[test]
    fn override_typo_names_nearest() {
        let err = Rules::with_override("o.json", r#"{"rules": {"jargonn": {}}}"#).unwrap_err();
        assert!(err.to_string().contains("did you mean `jargon`"), "{err}");
        let err = Rules::with_override("o.json", r#"{"rulez": {}}"#).unwrap_err();
        assert!(err.to_string().contains("o.json:1:"), "{err}");
    }
}
