//! Delivery: how long the answer takes to say against the question's time budget, filler
//! words, hedges and the longest sentence.

use super::rules::{DeliverySpec, Lex};
use super::view::SentenceView;
use super::{Delivery, LongestSentence, Pace, Span};

/// Measure an answer's delivery.
pub fn measure<S: SentenceView>(
    answer: &str,
    sentences: &[S],
    budget: u32,
    spec: &DeliverySpec,
) -> Delivery {
    let words: usize = sentences.iter().map(super::view::SentenceView::len).sum();
    let speaking_seconds = (words as f64 * 60.0 / spec.words_per_minute.max(1.0)).round() as u32;
    let ratio = f64::from(speaking_seconds) / f64::from(budget.max(1));
    let pace = if ratio < spec.too_short_ratio {
        Pace::TooShort
    } else if ratio > spec.too_long_ratio {
        Pace::TooLong
    } else {
        Pace::AboutRight
    };
    let spans_of = |lex: Lex| -> Vec<Span> {
        sentences
            .iter()
            .flat_map(|s| s.entries(lex).map(move |m| s.span(answer, m)))
            .collect()
    };
    let longest_sentence = sentences
        .iter()
        .max_by_key(|s| s.len())
        .map(|s| LongestSentence {
            words: s.len(),
            start: s.start(),
            end: s.end(),
        });
    Delivery {
        words,
        speaking_seconds,
        budget_seconds: budget,
        pace,
        fillers: spans_of(Lex::Fillers),
        hedges: spans_of(Lex::Hedges),
        longest_sentence,
    }
}
