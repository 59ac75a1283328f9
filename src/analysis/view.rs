//! One sentence as the checker's rules read it: its words' spans, word classes and the
//! lexicon entries in it, through a few questions.
//!
//! The rules (parts, mistakes, delivery) are written once against [`SentenceView`]. The
//! checker answers those questions on its fast path ([`Fast`]: numbered words, lexicon bits
//! and per-sentence hits), and the reference checker (`reference.rs`, in tests) answers them
//! by plain scans of words as text; a property test holds the two to the same report.

use super::rules::{Lex, Rules};
use super::text::Sentence;
use super::words::Class;
use super::{Part, Span};

/// A sentence of the answer and its words, as the rules read them.
pub trait SentenceView {
    /// The sentence's span in the answer (byte offsets, end exclusive).
    fn start(&self) -> usize;
    fn end(&self) -> usize;
    /// The part its signpost label announces ("Result:" → outcome), if it has one.
    fn label(&self) -> Option<Part>;
    /// Whether it came from a bullet or numbered list item.
    fn bullet(&self) -> bool;
    /// How many words it has.
    fn len(&self) -> usize;
    /// Word `i`'s span in the answer.
    fn word_start(&self, i: usize) -> usize;
    fn word_end(&self, i: usize) -> usize;
    /// Whether word `i` is in any of the word classes `class` names.
    fn is(&self, i: usize, class: Class) -> bool;
    /// Whether word `i` starts with an uppercase letter.
    fn capital(&self, i: usize) -> bool;
    /// Whether word `i` is joined to the one before by a hyphen or slash.
    fn joined(&self, i: usize) -> bool;
    /// Whether word `i`, as written (lowercased), is one of the lexicon's one-word entries.
    fn is_entry(&self, i: usize, lex: Lex) -> bool;
    /// Whether a word given as text (lowercase) is one of the lexicon's one-word entries.
    fn is_entry_word(&self, word: &str, lex: Lex) -> bool;
    /// How many words the lexicon's longest entry starting at word `i` has (on stems).
    fn entry_at(&self, i: usize, lex: Lex) -> Option<usize>;
    /// The lexicon's entries in the sentence as word ranges `[i, j)`: the longest at each
    /// word, not overlapping.
    fn entries(&self, lex: Lex) -> impl Iterator<Item = (usize, usize)> + '_;

    /// Whether word `i` sits inside a negated clause ([`super::negation`]).
    fn negated(&self, i: usize) -> bool;
    /// A number for word `i`'s stem: two words have the same key when they have the same
    /// stem (for finding repeats and copies).
    fn key(&self, i: usize) -> u64;
    /// Whether a signal lexicon ([`Lex::is_signal`]) has an entry that starts with word
    /// `i`'s stem: a cue word, not information of the answer's own.
    fn is_cue(&self, i: usize) -> bool;
    /// Word `i`'s stem's row in the topic model ([`super::topic`]).
    fn topic_row(&self, i: usize) -> u16;

    /// The lexicon's entries that no negation reaches: cues of what happened, where a
    /// negated one says it did not ("I never ran a review").
    fn affirmed(&self, lex: Lex) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.entries(lex).filter(|&(i, _)| !self.negated(i))
    }

    /// Whether the lexicon has an entry no negation reaches.
    fn has_affirmed(&self, lex: Lex) -> bool {
        self.has_entry(lex) && self.affirmed(lex).next().is_some()
    }

    /// Whether it has no words (a prepared sentence always has one).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the lexicon has an entry anywhere in the sentence.
    fn has_entry(&self, lex: Lex) -> bool {
        self.entries(lex).next().is_some()
    }

    /// The span of the words `[i, j)`.
    fn span(&self, answer: &str, (i, j): (usize, usize)) -> Span {
        Span::of(answer, self.word_start(i), self.word_end(j - 1))
    }
}

/// The fast path's view of a prepared sentence under the rules it was prepared with.
#[derive(Clone)]
pub struct Fast<'a> {
    pub sentence: &'a Sentence,
    pub rules: &'a Rules,
    /// Which words a negation reaches.
    negated: Vec<bool>,
}

impl<'a> Fast<'a> {
    pub fn new(answer: &str, sentence: &'a Sentence, rules: &'a Rules) -> Fast<'a> {
        let mut view = Fast {
            sentence,
            rules,
            negated: Vec::new(),
        };
        // Most sentences negate nothing: no mask to work out or keep.
        if sentence.tokens.iter().any(|t| t.is(Class::NEGATOR)) {
            view.negated = super::negation::mask(answer, &view);
        }
        view
    }
}

impl SentenceView for Fast<'_> {
    fn start(&self) -> usize {
        self.sentence.start
    }
    fn end(&self) -> usize {
        self.sentence.end
    }
    fn label(&self) -> Option<Part> {
        self.sentence.label
    }
    fn bullet(&self) -> bool {
        self.sentence.bullet
    }
    fn len(&self) -> usize {
        self.sentence.tokens.len()
    }
    fn word_start(&self, i: usize) -> usize {
        self.sentence.tokens[i].start()
    }
    fn word_end(&self, i: usize) -> usize {
        self.sentence.tokens[i].end()
    }
    fn is(&self, i: usize, class: Class) -> bool {
        self.sentence.tokens[i].is(class)
    }
    fn capital(&self, i: usize) -> bool {
        self.sentence.tokens[i].capital()
    }
    fn joined(&self, i: usize) -> bool {
        self.sentence.tokens[i].joined()
    }
    fn is_entry(&self, i: usize, lex: Lex) -> bool {
        self.rules.lex(lex).contains(&self.sentence.tokens[i])
    }
    fn is_entry_word(&self, word: &str, lex: Lex) -> bool {
        self.rules.lex(lex).contains(word)
    }
    fn entry_at(&self, i: usize, lex: Lex) -> Option<usize> {
        self.rules.lex(lex).longest_at(&self.sentence.tokens, i)
    }
    fn entries(&self, lex: Lex) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.rules
            .lex(lex)
            .matches(&self.sentence.tokens, self.sentence.hits)
    }
    fn negated(&self, i: usize) -> bool {
        self.negated.get(i).copied().unwrap_or(false)
    }
    fn key(&self, i: usize) -> u64 {
        u64::from(self.sentence.tokens[i].id)
    }
    fn is_cue(&self, i: usize) -> bool {
        self.sentence.tokens[i].mask() & self.rules.signal_bits() != 0
    }
    fn topic_row(&self, i: usize) -> u16 {
        self.sentence.tokens[i].topic
    }
    /// A bit test: the sentence's hits say which lexicons have an entry in it.
    fn has_entry(&self, lex: Lex) -> bool {
        match self.rules.lex(lex).bit() {
            Some(bit) if self.sentence.hits != u64::MAX => self.sentence.hits & bit != 0,
            _ => self.entries(lex).next().is_some(),
        }
    }
}

/// The fast path's views of prepared sentences.
pub fn fast<'a>(answer: &str, sentences: &'a [Sentence], rules: &'a Rules) -> Vec<Fast<'a>> {
    sentences
        .iter()
        .map(|sentence| Fast::new(answer, sentence, rules))
        .collect()
}
