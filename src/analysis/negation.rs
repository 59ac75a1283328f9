//! Which words of a sentence sit inside a negated clause: "I never ran a root cause
//! analysis", "no scorecard was set up", "rather than blaming them". A cue there is a miss:
//! the answer says the thing did not happen.
//!
//! A negation ("never", "no", "not", "didn't", "without", "rather than", "instead of")
//! reaches the words after it up to the end of its clause: a comma, semicolon, colon,
//! dash or bracket between two words, a word that opens a new clause ("but", "because",
//! "which"…), "and" before a new subject ("… and we signed"), or eight words on. The
//! negating word itself is not negated, so a cue that is itself a negation ("didn't
//! care", "never listened") still matches.

use super::view::SentenceView;
use super::words::Class;

/// How far a negation reaches at most, in words.
const REACH: usize = 8;

/// For each word of the sentence, whether a negation before it in its clause reaches it.
pub fn mask<S: SentenceView + ?Sized>(answer: &str, s: &S) -> Vec<bool> {
    let mut left: usize = 0;
    (0..s.len())
        .map(|i| {
            if i > 0 && left > 0 && ends_clause(answer, s, i) {
                left = 0;
            }
            let negated = left > 0;
            left = left.saturating_sub(1);
            if s.is(i, Class::NEGATOR) && negates(answer, s, i) {
                left = REACH;
            }
            negated
        })
        .collect()
}

/// Whether the negator at `i` negates: "rather" and "instead" only before "than" and "of".
fn negates<S: SentenceView + ?Sized>(answer: &str, s: &S, i: usize) -> bool {
    let word = |k: usize| answer[s.word_start(k)..s.word_end(k)].to_ascii_lowercase();
    match word(i).as_str() {
        "rather" => i + 1 < s.len() && word(i + 1) == "than",
        "instead" => i + 1 < s.len() && word(i + 1) == "of",
        _ => true,
    }
}

/// Whether a new clause starts at word `i`: punctuation that ends a clause between it and
/// the word before, a word that opens a clause, or "and" before a subject.
fn ends_clause<S: SentenceView + ?Sized>(answer: &str, s: &S, i: usize) -> bool {
    let between = &answer[s.word_end(i - 1)..s.word_start(i)];
    between.contains([',', ';', ':', '—', '–', '(', ')', '.', '!', '?'])
        || (s.is(i, Class::CLAUSE_BREAK) && !s.is(i, Class::NEGATOR))
        || (i + 1 < s.len()
            && answer[s.word_start(i)..s.word_end(i)].eq_ignore_ascii_case("and")
            && s.is(i + 1, Class::SUBJECT))
}
