//! Coverage: which of the question's areas to cover and positive indicators the answer
//! touches, matched on word stems so "negotiated" finds the cue "negotiation".

use rustc_hash::FxHashMap;

use super::rules::Lexicon;
use super::text::Sentence;
use super::{Coverage, CoverageItem, Span};
use crate::bank::{Cued, Question};

/// The question's areas to cover, then its positive indicators, each with its kind: the
/// order of the hits [`QuestionCues::positive_hits`] gives.
pub fn positive_items(q: &Question) -> impl Iterator<Item = (&'static str, &Cued)> {
    q.areas
        .iter()
        .map(|a| ("area", a))
        .chain(q.indicators.positive.iter().map(|a| ("indicator", a)))
}

/// Each area and positive indicator of the question, split into those the answer touches
/// (with the words that matched a cue) and those it misses.
pub fn measure(q: &Question, hits: Vec<Vec<Span>>) -> Coverage {
    let mut out = Coverage::default();
    for ((kind, cued), evidence) in positive_items(q).zip(hits) {
        let item = CoverageItem {
            kind,
            text: cued.text.clone(),
            evidence,
        };
        if item.evidence.is_empty() {
            out.missing.push(item);
        } else {
            out.covered.push(item);
        }
    }
    out
}

/// The cue lists of a question, compiled for matching: its areas and positive indicators,
/// and its negative ones.
pub struct QuestionCues {
    positive: CueGroup,
    negative: CueGroup,
}

impl QuestionCues {
    pub fn of(q: &Question) -> QuestionCues {
        QuestionCues {
            positive: CueGroup::of(positive_items(q).map(|(_, c)| c)),
            negative: CueGroup::of(q.indicators.negative.iter()),
        }
    }

    /// For each area and positive indicator, in order, the words of the answer that match
    /// its cues (at most three).
    pub fn positive_hits(&self, answer: &str, sentences: &[Sentence]) -> Vec<Vec<Span>> {
        self.positive.hits(answer, sentences)
    }

    /// For each negative indicator, in order, the words of the answer that match its cues
    /// (at most three).
    pub fn negative_hits(&self, answer: &str, sentences: &[Sentence]) -> Vec<Vec<Span>> {
        self.negative.hits(answer, sentences)
    }
}

/// Several cue lists matched in one pass over an answer's words: a word whose stem starts
/// no entry of any list (nearly all) costs one lookup, not one per list.
struct CueGroup {
    lists: Vec<Lexicon>,
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

/// Spans kept per cue list: enough to show where, not every mention.
pub const MAX_HITS: usize = 3;

impl CueGroup {
    fn of<'c>(lists: impl Iterator<Item = &'c Cued>) -> CueGroup {
        let lists: Vec<Lexicon> = lists.map(|c| Lexicon::new(&c.cues)).collect();
        let mut by_first: FxHashMap<u32, u64> = FxHashMap::default();
        let mut first_bits = [0; 4];
        for (bit, lex) in lists.iter().enumerate().take(64) {
            for stem in lex.first_stems() {
                *by_first.entry(stem).or_default() |= 1 << bit;
                let (word, b) = first_bit(stem);
                first_bits[word] |= b;
            }
        }
        CueGroup {
            lists,
            by_first,
            first_bits,
        }
    }

    /// For each list, in order, its matches in the answer (longest first at each word, not
    /// overlapping, at most [`MAX_HITS`]): what [`Lexicon::find`] gives sentence by
    /// sentence.
    fn hits(&self, answer: &str, sentences: &[Sentence]) -> Vec<Vec<Span>> {
        let n = self.lists.len();
        if n > 64 {
            return self
                .lists
                .iter()
                .map(|lex| spans(answer, sentences, lex))
                .collect();
        }
        let mut hits: Vec<Vec<Span>> = vec![Vec::new(); n];
        let mut done = 0u64;
        // Where each list may match next in the sentence (after its last match).
        let mut next = vec![0usize; n];
        for s in sentences {
            next.fill(0);
            let t = &s.tokens;
            for (i, tok) in t.iter().enumerate() {
                let (word, bit) = first_bit(tok.id);
                if self.first_bits[word] & bit == 0 {
                    continue;
                }
                let Some(&lists) = self.by_first.get(&tok.id) else {
                    continue;
                };
                let mut lists = lists & !done;
                while lists != 0 {
                    let b = lists.trailing_zeros() as usize;
                    lists &= lists - 1;
                    if i < next[b] {
                        continue;
                    }
                    if let Some(len) = self.lists[b].longest_at(t, i) {
                        hits[b].push(Span::of(answer, tok.start(), t[i + len - 1].end()));
                        next[b] = i + len;
                        if hits[b].len() == MAX_HITS {
                            done |= 1 << b;
                        }
                    }
                }
            }
        }
        hits
    }
}

/// The first [`MAX_HITS`] matches of `lex` in the answer, sentence by sentence.
fn spans(answer: &str, sentences: &[Sentence], lex: &Lexicon) -> Vec<Span> {
    sentences
        .iter()
        .flat_map(|s| {
            lex.matches(&s.tokens, u64::MAX)
                .map(move |(i, j)| Span::of(answer, s.tokens[i].start(), s.tokens[j - 1].end()))
        })
        .take(MAX_HITS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{prepare, Rules};
    use crate::Catalog;

    /// Matching a question's cue lists together finds, list by list, what matching each
    /// list alone finds: every built-in question against model answers of other questions.
    #[test]
    fn one_pass_over_all_cue_lists_finds_what_each_list_finds() {
        let catalog = Catalog::builtin().unwrap();
        let rules = Rules::builtin().unwrap();
        let questions: Vec<&Question> = catalog.all_questions().map(|q| q.question).collect();
        let answers: Vec<String> = questions
            .iter()
            .step_by(7)
            .map(|q| q.model_answer.full_text())
            .collect();
        let mut found = 0;
        for q in &questions {
            let lists: Vec<&Cued> = q.areas.iter().chain(&q.indicators.positive).collect();
            let group = CueGroup::of(lists.iter().copied());
            for a in &answers {
                let sentences = prepare(a, &rules);
                let one_pass = group.hits(a, &sentences);
                let each: Vec<Vec<Span>> = lists
                    .iter()
                    .map(|c| spans(a, &sentences, &Lexicon::new(&c.cues)))
                    .collect();
                assert_eq!(one_pass, each, "{} on {a:?}", q.id);
                found += each.iter().map(Vec::len).sum::<usize>();
            }
        }
        assert!(found > 100, "the answers touch the cues ({found} hits)");
    }
}
