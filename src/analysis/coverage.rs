//! Coverage: which of the question's areas to cover and positive indicators the answer
//! touches, matched on word stems so "negotiated" finds the cue "negotiation".

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHasher};

use super::rules::Lexicon;
use super::text::Sentence;
use super::{Coverage, CoverageItem, QuestionContext, Span};
use crate::bank::Cued;

/// Match each area and positive indicator of the question against the answer.
pub fn measure(answer: &str, sentences: &[Sentence], ctx: QuestionContext<'_>) -> Coverage {
    let mut out = Coverage::default();
    let Some(q) = ctx.question else {
        return out;
    };
    let items = q.question.areas.iter().map(|a| ("area", a)).chain(
        q.question
            .indicators
            .positive
            .iter()
            .map(|a| ("indicator", a)),
    );
    for (kind, cued) in items {
        let evidence = cue_hits(answer, sentences, cued);
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

/// Cue lists that share a hash, each with its compiled matcher.
type CueSlot = Vec<(Vec<String>, Rc<Lexicon>)>;

/// The compiled matcher for a cue list, built once per thread and list: a batch checks
/// many answers against the same questions.
fn cue_lexicon(cues: &[String]) -> Rc<Lexicon> {
    thread_local! {
        static CACHE: RefCell<FxHashMap<u64, CueSlot>> = Default::default();
    }
    let mut h = FxHasher::default();
    cues.hash(&mut h);
    let key = h.finish();
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slot = cache.entry(key).or_default();
        if let Some((_, lex)) = slot.iter().find(|(c, _)| c.as_slice() == cues) {
            return lex.clone();
        }
        let lex = Rc::new(Lexicon::new(cues));
        slot.push((cues.to_vec(), lex.clone()));
        lex
    })
}

/// The answer's words that match any of the item's cues.
pub fn cue_hits(answer: &str, sentences: &[Sentence], cued: &Cued) -> Vec<Span> {
    let lex = cue_lexicon(&cued.cues);
    sentences
        .iter()
        .flat_map(|s| {
            lex.find(&s.tokens)
                .into_iter()
                .map(move |(i, j)| Span::of(answer, s.tokens[i].start, s.tokens[j - 1].end))
        })
        .take(3)
        .collect()
}
