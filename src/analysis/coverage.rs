//! Coverage: which of the question's areas to cover and positive indicators the answer
//! touches, and which negative indicators it shows.
//!
//! Cues are matched on word stems, with the word's sense kept: "negotiated" finds the cue
//! "negotiation", but "activation" does not find "activity" ([`super::text::same_family`]).
//! A cue inside a negated clause is a miss ("we never set up a scorecard"), and one generic
//! word ("partner", "months", "both": the rules file's `generic_cues`) proves nothing on
//! its own. A point is covered **strongly** by a phrase cue, or two different cues, in a
//! sentence where the speaker acts; any other match covers it **weakly**, shown as weak and
//! worth half.

use rustc_hash::FxHashMap;

use super::rules::{Lex, Lexicon};
use super::text::{normalize, same_family};
use super::view::{Fast, SentenceView};
use super::{Coverage, CoverageItem, Span, Strength};
use crate::bank::{Cued, Question};

/// One match of a cue list in the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueHit {
    /// The sentence it is in (index into the answer's sentences).
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Which cue matched, as its first word's stem and its length in words: two hits with
    /// different keys are two different cues.
    pub key: (u64, usize),
    /// One generic word ("partner", "revenue"): it counts only beside another cue.
    pub generic: bool,
}

impl CueHit {
    /// A phrase cue: more than one word.
    fn phrase(&self) -> bool {
        self.key.1 > 1
    }
}

/// Hits kept per cue list: enough to judge strength and show where.
pub const MAX_HITS: usize = 8;

/// Evidence shown per point.
const SHOWN: usize = 3;

/// The question's areas to cover, then its positive indicators, each with its kind: the
/// order of the hits [`QuestionCues::positive_hits`] gives.
pub fn positive_items(q: &Question) -> impl Iterator<Item = (&'static str, &Cued)> {
    q.areas
        .iter()
        .map(|a| ("area", a))
        .chain(q.indicators.positive.iter().map(|a| ("indicator", a)))
}

/// The points a follow-up question probes: the follow-up itself, cued by its own words of
/// substance (not the question words).
pub fn follow_up_items(text: &str, question_words: &[String]) -> Vec<Cued> {
    let cues: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(normalize)
        .filter(|w| w.len() > 2 && !question_words.iter().any(|q| q == w))
        .collect();
    vec![Cued {
        text: text.trim().to_string(),
        cues,
    }]
}

/// Each point (area, positive indicator or follow-up), split into those the answer
/// touches, with their strength and the words that matched, and those it misses.
/// `acting[i]` says whether the speaker acts in sentence `i`.
pub fn measure<'c>(
    items: impl Iterator<Item = (&'static str, &'c Cued)>,
    hits: Vec<Vec<CueHit>>,
    acting: &[bool],
    answer: &str,
) -> Coverage {
    let mut out = Coverage::default();
    for ((kind, cued), hits) in items.zip(hits) {
        let hits = counting(hits);
        let strength = strength(&hits, acting);
        let mut shown: Vec<&CueHit> = hits.iter().collect();
        // Evidence from sentences where the speaker acts first, then in order.
        shown.sort_by_key(|h| (!acting.get(h.sentence).copied().unwrap_or(false), h.start));
        // The same words once: "conversion" and "Conversion" are one piece of evidence.
        let mut seen: Vec<String> = Vec::new();
        let evidence: Vec<Span> = shown
            .iter()
            .filter(|h| {
                let words = answer[h.start..h.end].to_lowercase();
                let new = !seen.contains(&words);
                seen.push(words);
                new
            })
            .take(SHOWN)
            .map(|h| Span::of(answer, h.start, h.end))
            .collect();
        let item = CoverageItem {
            kind,
            text: cued.text.clone(),
            evidence,
            strength,
        };
        if item.evidence.is_empty() {
            out.missing.push(item);
        } else {
            out.covered.push(item);
        }
    }
    out
}

/// The hits that count: all of them when one is not a generic word or a sentence holds two
/// different cues; none when all there is, is generic words one at a time.
pub fn counting(hits: Vec<CueHit>) -> Vec<CueHit> {
    let pair = |h: &CueHit| {
        hits.iter()
            .any(|o| o.sentence == h.sentence && o.key != h.key)
    };
    if hits.iter().any(|h| !h.generic || pair(h)) {
        hits
    } else {
        Vec::new()
    }
}

/// How strongly hits cover a point: strongly when a sentence where the speaker acts holds a
/// phrase cue or two different cues.
fn strength(hits: &[CueHit], acting: &[bool]) -> Option<Strength> {
    if hits.is_empty() {
        return None;
    }
    let strong = hits.iter().any(|h| {
        acting.get(h.sentence).copied().unwrap_or(false)
            && (h.phrase()
                || hits
                    .iter()
                    .any(|o| o.sentence == h.sentence && o.key != h.key))
    });
    Some(if strong {
        Strength::Strong
    } else {
        Strength::Weak
    })
}

/// The cue lists of a question, compiled for matching: its areas and positive indicators,
/// and its negative ones.
pub struct QuestionCues {
    positive: Vec<CueGroup>,
    negative: Vec<CueGroup>,
}

impl QuestionCues {
    pub fn of(q: &Question) -> QuestionCues {
        let positive: Vec<&Cued> = positive_items(q).map(|(_, c)| c).collect();
        let negative: Vec<&Cued> = q.indicators.negative.iter().collect();
        QuestionCues {
            positive: groups(&positive),
            negative: groups(&negative),
        }
    }

    /// For each area and positive indicator, in order, its cues' matches in the answer.
    pub fn positive_hits(&self, answer: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
        all_hits(&self.positive, answer, sentences)
    }

    /// For each negative indicator, in order, its cues' matches in the answer.
    pub fn negative_hits(&self, answer: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
        all_hits(&self.negative, answer, sentences)
    }
}

/// A follow-up's cue list, compiled for this answer.
pub fn follow_up_hits(items: &[Cued], answer: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
    let lists: Vec<&Cued> = items.iter().collect();
    all_hits(&groups(&lists), answer, sentences)
}

/// Cue lists compiled once, for any reader of text that asks which of several cue lists
/// a text touches, matched as a question's coverage is (stems, word sense, negation,
/// generic words): the role-play reads a candidate's turns for moves and concerns with it.
pub struct CueLists(Vec<CueGroup>);

impl CueLists {
    pub fn new(lists: &[&Cued]) -> CueLists {
        CueLists(groups(lists))
    }

    /// For each list, in order, its matches in the text.
    pub fn hits(&self, text: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
        all_hits(&self.0, text, sentences)
    }
}

/// Cue lists in groups of at most 64 (a group marks its lists by bits of one number).
fn groups(lists: &[&Cued]) -> Vec<CueGroup> {
    lists
        .chunks(64)
        .map(|chunk| CueGroup::of(chunk.iter().copied()))
        .collect()
}

/// Every group's hits, list by list in order.
fn all_hits(groups: &[CueGroup], answer: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
    groups
        .iter()
        .flat_map(|g| g.hits(answer, sentences))
        .collect()
}

/// Several cue lists matched in one pass over an answer's words: a word whose stem starts
/// no entry of any list (nearly all) costs one lookup, not one per list.
struct CueGroup {
    lists: Vec<Lexicon>,
    /// For each list, its one-word cues by stem, as written (lowercase): a one-word match
    /// must be of the same word family ([`same_family`]).
    words: Vec<FxHashMap<u32, Vec<String>>>,
    /// For each stem an entry starts with, the lists (bits) that have one.
    by_first: FxHashMap<u32, u64>,
    /// Those stems' numbers modulo 256, one bit each: most words are ruled out by a bit
    /// test before the lookup.
    first_bits: [u64; 4],
}

/// A stem's bit in `CueGroup::first_bits`: its word and the bit in it.
fn first_bit(stem: u32) -> (usize, u64) {
    ((stem as usize >> 6) & 3, 1 << (stem & 63))
}

impl CueGroup {
    fn of<'c>(lists: impl Iterator<Item = &'c Cued>) -> CueGroup {
        let mut words = Vec::new();
        let lists: Vec<Lexicon> = lists
            .map(|c| {
                let mut by_stem: FxHashMap<u32, Vec<String>> = FxHashMap::default();
                for cue in &c.cues {
                    let stems = super::text::entry_stems(cue);
                    if let [stem] = stems[..] {
                        by_stem.entry(stem).or_default().push(normalize(cue.trim()));
                    }
                }
                words.push(by_stem);
                Lexicon::new(&c.cues)
            })
            .collect();
        let mut by_first: FxHashMap<u32, u64> = FxHashMap::default();
        let mut first_bits = [0; 4];
        for (bit, lex) in lists.iter().enumerate() {
            for stem in lex.first_stems() {
                *by_first.entry(stem).or_default() |= 1 << bit;
                let (word, b) = first_bit(stem);
                first_bits[word] |= b;
            }
        }
        CueGroup {
            lists,
            words,
            by_first,
            first_bits,
        }
    }

    /// Whether the match of list `b` at word `i` of `s`, `len` words long, counts (not
    /// negated, and a one-word match of the cue's word family), and if so whether it is one
    /// generic word.
    fn counts(&self, b: usize, answer: &str, s: &Fast<'_>, i: usize, len: usize) -> Option<bool> {
        if s.negated(i) {
            return None;
        }
        if len > 1 {
            return Some(false);
        }
        let t = &s.sentence.tokens[i];
        let word = normalize(&answer[t.start()..t.end()]);
        let family = self.words[b]
            .get(&t.id)
            .is_some_and(|cues| cues.iter().any(|c| same_family(&word, c)));
        family.then(|| s.entry_at(i, Lex::GenericCues).is_some())
    }

    /// For each list, in order, its matches in the answer (longest first at each word, not
    /// overlapping, at most [`MAX_HITS`]).
    fn hits(&self, answer: &str, sentences: &[Fast<'_>]) -> Vec<Vec<CueHit>> {
        let n = self.lists.len();
        let mut found = Found {
            hits: vec![Vec::new(); n],
            next: vec![0; n],
            done: 0,
        };
        for (si, s) in sentences.iter().enumerate() {
            found.next.fill(0);
            let t = &s.sentence.tokens;
            for (i, tok) in t.iter().enumerate() {
                let (word, bit) = first_bit(tok.id);
                if self.first_bits[word] & bit == 0 {
                    continue;
                }
                let Some(&lists) = self.by_first.get(&tok.id) else {
                    continue;
                };
                let lists = lists & !found.done;
                self.hits_at(answer, s, si, i, lists, &mut found);
            }
        }
        found.hits
    }

    /// The matches at word `i` of the lists in `lists` (bits).
    fn hits_at(
        &self,
        answer: &str,
        s: &Fast<'_>,
        si: usize,
        i: usize,
        mut lists: u64,
        found: &mut Found,
    ) {
        let Found { hits, next, done } = found;
        let t = &s.sentence.tokens;
        while lists != 0 {
            let b = lists.trailing_zeros() as usize;
            lists &= lists - 1;
            if i < next[b] {
                continue;
            }
            let Some(len) = self.lists[b].longest_at(t, i) else {
                continue;
            };
            // The longest match claims its words, whether it counts or not.
            next[b] = i + len;
            let Some(generic) = self.counts(b, answer, s, i, len) else {
                continue;
            };
            hits[b].push(CueHit {
                sentence: si,
                start: t[i].start(),
                end: t[i + len - 1].end(),
                key: (u64::from(t[i].id), len),
                generic,
            });
            if hits[b].len() == MAX_HITS {
                *done |= 1 << b;
            }
        }
    }
}

/// What [`CueGroup::hits`] has found so far: each list's matches, where each list may
/// match next in the sentence (after its last match), and the lists that have all they
/// keep (bits).
struct Found {
    hits: Vec<Vec<CueHit>>,
    next: Vec<usize>,
    done: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, QuestionContext, Rule, Rules};
    use crate::Catalog;
    use std::collections::HashSet;
    use unicode_segmentation::UnicodeSegmentation as _;

    /// A one-word cue found in at least this share of the banks' model answers says
    /// nothing about one question: it must be in the rules' `generic_cues`, which a single
    /// word of cannot prove a point.
    const GENERIC_SHARE: f64 = 0.25;

    /// The bank cue lists are measured, not trusted: every one-word cue common across the
    /// model answers is a generic cue.
    #[test]
    fn no_single_common_word_proves_a_point() {
        let catalog = Catalog::builtin().unwrap();
        let rules = Rules::builtin().unwrap();
        let stem = crate::analysis::text::stem;
        let answers: Vec<HashSet<String>> = catalog
            .all_questions()
            .map(|q| {
                q.question
                    .model_answer
                    .full_text()
                    .unicode_words()
                    .map(stem)
                    .collect()
            })
            .collect();
        let generic: HashSet<String> = rules.file.lexicons[&Lex::GenericCues]
            .iter()
            .map(|w| stem(w))
            .collect();
        let mut common = Vec::new();
        for q in catalog.all_questions() {
            let q = q.question;
            let lists = q
                .areas
                .iter()
                .chain(&q.indicators.positive)
                .chain(&q.indicators.negative);
            for cue in lists.flat_map(|c| &c.cues) {
                let words: Vec<&str> = cue.unicode_words().collect();
                let [word] = words[..] else { continue };
                let s = stem(word);
                let share =
                    answers.iter().filter(|a| a.contains(&s)).count() as f64 / answers.len() as f64;
                if share >= GENERIC_SHARE && !generic.contains(&s) {
                    common.push(format!("{} {cue:?} ({:.0}%)", q.id, share * 100.0));
                }
            }
        }
        common.sort();
        common.dedup();
        assert!(
            common.is_empty(),
            "common one-word cues not in generic_cues:\n{}",
            common.join("\n")
        );
    }

    /// A question's model answer shows none of the warning signs the question lists.
    #[test]
    fn no_model_answer_shows_its_own_warning_signs() {
        let catalog = Catalog::builtin().unwrap();
        let rules = Rules::builtin().unwrap();
        let mut shown = Vec::new();
        for q in catalog.all_questions() {
            let r = analyze(
                &q.question.model_answer.full_text(),
                QuestionContext::of(q),
                &rules,
            );
            for f in r
                .findings
                .iter()
                .filter(|f| f.rule == Rule::NegativeIndicator)
            {
                let text = q.question.model_answer.full_text();
                shown.push(format!(
                    "{}: {} [{}]",
                    q.question.id,
                    f.message,
                    &text[f.start..f.end]
                ));
            }
        }
        assert!(shown.is_empty(), "{}", shown.join("\n"));
    }
}
