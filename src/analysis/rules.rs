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

use super::expect::{Shape, ShapeSpec};
use super::text::{normalize, Token};
use super::Rule;
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
    /// What a capped band says when this rule keeps an answer below ("no action
    /// described").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
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

/// The rules file as written: rules and lexicons are named by their serde names, so an
/// unknown name is a load error with the nearest valid one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    pub delivery: DeliverySpec,
    /// What an answer of each shape needs ([`Shape`]).
    pub shapes: BTreeMap<Shape, ShapeSpec>,
    /// The words in a question that say which shape of answer it asks for.
    pub question_wording: BTreeMap<Shape, Vec<String>>,
    pub rules: BTreeMap<Rule, RuleSpec>,
    pub lexicons: BTreeMap<Lex, Vec<String>>,
}

/// A coach's override file: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesOverride {
    #[serde(default)]
    delivery: Option<DeliveryOverride>,
    #[serde(default)]
    shapes: BTreeMap<Shape, ShapeSpec>,
    #[serde(default)]
    question_wording: BTreeMap<Shape, LexiconEdit>,
    #[serde(default)]
    rules: BTreeMap<Rule, RuleOverride>,
    #[serde(default)]
    lexicons: BTreeMap<Lex, LexiconEdit>,
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
#[serde(
    untagged,
    expecting = "expected a list of cues (replacing the lexicon) or {\"add\": [...], \"remove\": [...]}"
)]
enum LexiconEdit {
    Replace(Vec<String>),
    Edit(LexiconChange),
}

/// Cues added to and removed from a built-in lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconChange {
    #[serde(default)]
    add: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
}

/// The cue lexicons the checker reads, by their names in the rules file.
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
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumCount,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Lex {
    FirstPerson,
    PluralPerson,
    PastIrregular,
    NotPastEd,
    Modal,
    Habitual,
    ActionVerbs,
    /// Verbs that are no action taken (being, having, feeling, knowing, wanting): any
    /// other past verb right after "I" or "we" is one.
    NonActionVerbs,
    Attitude,
    ContextCues,
    Setting,
    PremiseOpeners,
    CareerSummary,
    OutcomeVerbs,
    OutcomeVerbsWeak,
    OutcomeMarkers,
    /// Results said in plain speech, in any tense, even with a negation in them ("we were
    /// able to", "had no complaints", "never had another outage", "is still in use").
    OutcomePhrases,
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
    /// The people a team is counted in ("two of their engineers"): a team's size is a
    /// borderline metric, reported but not scored.
    TeamNouns,
    OrgNouns,
    TimeAnchors,
    GenericMarkers,
    BusinessAcronyms,
    ScenarioOpeners,
    RoleNouns,
    GenericCues,
    QuestionWords,
    Counterparties,
}

impl<'de> serde::Deserialize<'de> for Lex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::data::by_name(d)
    }
}

impl Lex {
    /// Every lexicon, in the order of their bits in a token's mask.
    pub const ALL: &'static [Lex] = <Lex as strum::VariantArray>::VARIANTS;

    /// Whether its words are signal words an answer earns credit with (actions, results,
    /// lessons, stakes, hedges…), rather than information of the answer's own (who was
    /// involved, which organisation, when): an answer made of signal words alone is a
    /// list of cues.
    pub fn is_signal(self) -> bool {
        !matches!(
            self,
            Lex::Stakeholders
                | Lex::RoleNouns
                | Lex::OrgNouns
                | Lex::BusinessAcronyms
                | Lex::TimeAnchors
                | Lex::ActivityNouns
                | Lex::TeamNouns
                | Lex::GenericCues
                | Lex::Counterparties
        )
    }

    /// The lexicon's name in the rules file.
    pub fn name(self) -> &'static str {
        self.into()
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
    /// The single-word entries by their lowercase form's number, for [`Lexicon::contains`].
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
            let stems = super::text::entry_stems(e);
            if stems.is_empty() {
                continue;
            }
            if stems.len() == 1 {
                let lower = normalize(e.trim());
                lex.word_ids.insert(super::text::lower_id(&lower));
                lex.words.insert(lower);
            }
            lex.phrases.entry(stems[0]).or_default().add(stems);
        }
        lex
    }

    /// The stems its entries start with: a token whose stem is none of these starts no
    /// match.
    pub fn first_stems(&self) -> impl Iterator<Item = u32> + '_ {
        self.phrases.keys().copied()
    }

    /// The lexicon's bit in a token's mask and a sentence's hits, when it is one of the
    /// rules file's lexicons.
    pub(super) fn bit(&self) -> Option<u64> {
        self.bit.map(|b| 1u64 << b)
    }

    /// Whether a word is one of the list's one-word entries, as written (lowercased, not
    /// stemmed): a word of the answer, or a word given as text.
    pub fn contains(&self, word: impl AsWord) -> bool {
        word.found_in(self)
    }

    /// Length of the longest entry matching at token `i` (on stems).
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

    /// Token index ranges `[i, j)` where an entry matches (on stems), the longest match at
    /// each start, not overlapping. `hits` are the lexicons with an entry somewhere in the
    /// tokens (`Rules::hits`; all ones when not known): a sentence this lexicon has no
    /// entry in is passed over at once.
    pub fn matches<'t>(
        &'t self,
        tokens: &'t [Token],
        hits: u64,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        let bit = self.bit.map(|b| 1u64 << b);
        let tokens = match bit {
            Some(b) if hits & b == 0 => &[],
            _ => tokens,
        };
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
}

/// A word [`Lexicon::contains`] can look up: a token of the answer (by its lowercase form's
/// number, or its lexicon bits when it has them), or a word as text.
pub trait AsWord {
    fn found_in(self, lex: &Lexicon) -> bool;
}

impl AsWord for &Token {
    fn found_in(self, lex: &Lexicon) -> bool {
        match lex.bit {
            Some(bit) if self.words & ANNOTATED != 0 => self.words & (1u64 << bit) != 0,
            _ => lex.word_ids.contains(&self.lower_id),
        }
    }
}

impl AsWord for &str {
    fn found_in(self, lex: &Lexicon) -> bool {
        lex.words.contains(self)
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
const _: () = assert!(<Lex as strum::EnumCount>::COUNT < 63);

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
    /// The bits of the signal lexicons ([`Lex::is_signal`]).
    signal: u64,
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
        let over: RulesOverride = crate::data::parse_json(name, text)?;
        if let Some(d) = &over.delivery {
            let bad = delivery_problems(d, name, text);
            if !bad.is_empty() {
                return Err(Error::Invalid(bad));
            }
        }
        apply(&mut file, over);
        Rules::from_file(file)
    }

    fn from_file(file: RulesFile) -> Result<Rules> {
        let missing_rule = Rule::ALL
            .iter()
            .find(|r| !file.rules.contains_key(r))
            .map(|r| r.as_str());
        let missing_lex = Lex::ALL
            .iter()
            .find(|l| !file.lexicons.contains_key(l))
            .map(|l| l.name());
        let missing_shape = Shape::ALL
            .iter()
            .find(|s| !file.shapes.contains_key(s))
            .map(|s| s.as_str());
        if let Some(name) = missing_rule.or(missing_lex).or(missing_shape) {
            return Err(Error::Invalid(vec![Diagnostic {
                file: "rules".into(),
                line: 1,
                column: 1,
                field: name.to_string(),
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
                let mut lex = Lexicon::new(&file.lexicons[l]);
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
            signal: Lex::ALL
                .iter()
                .enumerate()
                .filter(|(_, l)| l.is_signal())
                .fold(0, |m, (bit, _)| m | 1u64 << bit),
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

    /// The bits of the signal lexicons ([`Lex::is_signal`]) in a token's mask.
    pub fn signal_bits(&self) -> u64 {
        self.signal
    }

    /// This set of rules' serial number, unique in the process.
    pub fn serial(&self) -> u32 {
        self.serial
    }

    /// A rule's settings, if it is enabled.
    pub fn rule(&self, rule: Rule) -> Option<&RuleSpec> {
        self.file.rules.get(&rule).filter(|r| r.enabled)
    }

    /// The rules as JSON, as a coach would start an override from.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file).unwrap_or_default()
    }
}

/// Delivery settings out of range ("words_per_minute": 0 made every answer last for ever),
/// each located in the override's text.
fn delivery_problems(d: &DeliveryOverride, name: &str, text: &str) -> Vec<Diagnostic> {
    let checks: [(&str, Option<f64>, f64, f64, &str); 4] = [
        (
            "words_per_minute",
            d.words_per_minute,
            60.0,
            300.0,
            "a speaking rate from 60 to 300 words a minute",
        ),
        (
            "too_short_ratio",
            d.too_short_ratio,
            0.05,
            0.95,
            "a share of the budget from 0.05 to 0.95",
        ),
        (
            "too_long_ratio",
            d.too_long_ratio,
            1.05,
            5.0,
            "a multiple of the budget from 1.05 to 5",
        ),
        (
            "long_sentence_words",
            d.long_sentence_words.map(|w| w as f64),
            10.0,
            200.0,
            "a sentence length from 10 to 200 words",
        ),
    ];
    checks
        .iter()
        .filter_map(|&(field, value, lo, hi, expected)| {
            let v = value?;
            if v.is_finite() && (lo..=hi).contains(&v) {
                return None;
            }
            let at = text.find(&format!("\"{field}\"")).unwrap_or(0);
            let (line, column) = crate::bank::line_col(text, at);
            Some(Diagnostic {
                file: name.to_string(),
                line,
                column,
                field: format!("delivery.{field}"),
                message: format!("expected {expected}, found {v}"),
            })
        })
        .collect()
}

fn parse_rules_file(name: &str, text: &str) -> Result<RulesFile> {
    crate::data::parse_json(name, text)
}

/// A coach's override applied to the rules file. Unknown rule and lexicon names were
/// refused when the override was read (with the nearest valid name).
fn apply(file: &mut RulesFile, over: RulesOverride) {
    if let Some(d) = over.delivery {
        let spec = &mut file.delivery;
        spec.words_per_minute = d.words_per_minute.unwrap_or(spec.words_per_minute);
        spec.too_short_ratio = d.too_short_ratio.unwrap_or(spec.too_short_ratio);
        spec.too_long_ratio = d.too_long_ratio.unwrap_or(spec.too_long_ratio);
        spec.long_sentence_words = d.long_sentence_words.unwrap_or(spec.long_sentence_words);
    }
    for (rule, r) in over.rules {
        // Every rule is in the file (checked when it is resolved): a missing one starts
        // from the override alone.
        let spec = file.rules.entry(rule).or_insert_with(|| RuleSpec {
            severity: Severity::Suggestion,
            message: String::new(),
            cap: None,
            enabled: true,
        });
        spec.severity = r.severity.unwrap_or(spec.severity);
        spec.enabled = r.enabled.unwrap_or(spec.enabled);
        if let Some(m) = r.message {
            spec.message = m;
        }
    }
    file.shapes.extend(over.shapes);
    for (shape, edit) in over.question_wording {
        edit.apply(file.question_wording.entry(shape).or_default());
    }
    for (lex, edit) in over.lexicons {
        edit.apply(file.lexicons.entry(lex).or_default());
    }
}

impl LexiconEdit {
    /// The edit applied to a word list: a list replaces it; `add` and `remove` edit it.
    fn apply(self, list: &mut Vec<String>) {
        match self {
            LexiconEdit::Replace(v) => *list = v,
            LexiconEdit::Edit(LexiconChange { add, remove }) => {
                let remove: HashSet<String> = remove.iter().map(|w| normalize(w)).collect();
                list.retain(|w| !remove.contains(&normalize(w)));
                list.extend(add);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_cover_every_rule() {
        let rules = Rules::builtin().unwrap();
        for &rule in Rule::ALL {
            assert!(rules.rule(rule).is_some(), "{rule}");
        }
    }

    #[test]
    fn lexicon_matches_phrases_on_stems() {
        let lex = Lexicon::new(&["as a result".into(), "negotiate".into()]);
        let text = "As a result, I negotiated terms.";
        let toks = super::super::text::tokenize(text, 0, text.len());
        assert_eq!(
            lex.matches(&toks, u64::MAX).collect::<Vec<_>>(),
            vec![(0, 3), (4, 5)]
        );
        let rules = Rules::builtin().unwrap();
        let toks = super::super::text::tokenize_with(text, 0, text.len(), Some(&rules));
        let hits = rules.hits(&toks);
        assert!(rules
            .lex(Lex::OutcomeMarkers)
            .matches(&toks, hits)
            .next()
            .is_some());
        assert!(rules.lex(Lex::Jargon).matches(&toks, hits).next().is_none());
    }

    #[test]
    fn override_edits_lexicons_and_rules() {
        let over = r#"{"rules": {"jargon": {"enabled": false}, "hedge": {"severity": "warning"}},
                       "lexicons": {"jargon": {"add": ["ideate"], "remove": ["synergy"]}}}"#;
        let rules = Rules::with_override("o.json", over).unwrap();
        assert!(rules.rule(Rule::Jargon).is_none());
        assert_eq!(rules.rule(Rule::Hedge).unwrap().severity, Severity::Warning);
        assert!(rules.lex(Lex::Jargon).contains("ideate"));
        assert!(!rules.lex(Lex::Jargon).contains("synergy"));
    }

    #[test]
    fn override_typo_names_nearest() {
        let err = Rules::with_override("o.json", r#"{"rules": {"jargonn": {}}}"#).unwrap_err();
        assert!(err.to_string().contains("did you mean `jargon`"), "{err}");
        assert!(err.to_string().contains("o.json:1:"), "{err}");
        let err =
            Rules::with_override("o.json", r#"{"lexicons": {"filers": ["um"]}}"#).unwrap_err();
        assert!(err.to_string().contains("did you mean `fillers`"), "{err}");
        let err = Rules::with_override("o.json", r#"{"rulez": {}}"#).unwrap_err();
        assert!(err.to_string().contains("o.json:1:"), "{err}");
    }

    /// The rules file itself names rules by their serde names: a misspelt one is refused
    /// with the nearest valid name, never dropped.
    #[test]
    fn a_misspelt_rule_in_the_rules_file_is_a_load_error() {
        let text = BUILTIN_RULES.replacen("\"too-long\"", "\"too-lnog\"", 1);
        let err = parse_rules_file("checker.json", &text).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("did you mean `too-long`"), "{msg}");
        assert!(msg.starts_with("checker.json:"), "{msg}");
    }
}
