//! Substance: what an answer must carry before its shape earns a band, so that the
//! imitation of a good answer earns nothing.
//!
//! Two things are taken out before the rules read an answer: sentences that repeat an
//! earlier one (a pasted answer counts once), and sentences copied from a bank's model
//! answer (they earn no credit, and the copy is named). Then the gates: an answer reaches
//! meets only if it is on the partnership topic, is not mostly copied, repeated or denied,
//! describes an action, tells something specific, is more than a list of cues, and has a
//! real number that is not lost in a soup of numbers. A gate that fails caps the band at
//! below and says why ("68 but below: no action described").

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::raw_grams::{raw_grams, text_hash};

/// The built-in model answers' raw grams, worked out by `build.rs`.
#[allow(clippy::unreadable_literal)]
mod builtin {
    include!(concat!(env!("OUT_DIR"), "/model_grams.rs"));
}
use super::expect::{Shape, ShapeSpec};
use super::metrics::{Metric, MetricKind};
use super::parts::Features;
use super::rules::Lex;
use super::topic::Reading;
use super::view::SentenceView;
use super::words::Class;
use super::{Parts, Rule};

/// Bits of a raw gram that index the filter of model answers' grams: 2^18 bits (32 KB)
/// for some twenty thousand grams, so about one gram in thirteen that no model answer has
/// is searched for.
const FILTER_BITS: u32 = 18;
/// Model answers an answer is compared with stem by stem: those it shares the most raw
/// grams with.
const CANDIDATES: usize = 3;
/// Raw grams an answer must share with one model answer to be compared with it stem by
/// stem: every copied sentence has two runs of four words in that model answer.
const MIN_SHARED_GRAMS: usize = 2;
/// Words of a sentence's run that make one shingle, for finding copies.
const SHINGLE: usize = 4;
/// A sentence is copied when this share of its shingles is in one model answer.
const COPIED_SENTENCE: f64 = 0.5;
/// An answer is a copy when this share of its words is in copied sentences.
const COPIED_ANSWER: f64 = 0.5;
/// Sentences shorter than this are never called copies or repeats: too little to tell.
const MIN_WORDS: usize = 5;
/// Sentences shorter than this are never called copies: common openers ("In my last role
/// I was…") share runs of four words with many answers.
const MIN_COPIED: usize = 10;
/// A sentence is also copied when it shares this much of its content words (Jaccard) with
/// one sentence of the model answer, has at least `MIN_REWORDED` of them and two runs of
/// four words in common with the model answer: a model answer with its names and figures
/// swapped.
const REWORDED: f64 = 0.5;
const MIN_REWORDED: usize = 8;
/// A sentence is also copied when this share of its content words (at least
/// `MIN_REWORDED`) is in the model answer, with `MIN_RESENTENCED_RUNS` runs of four words in
/// common with it: the model answer's sentences merged, split or reordered.
const RESENTENCED: f64 = 0.75;
const MIN_RESENTENCED_RUNS: usize = 3;
/// Two sentences share this much of their words (Jaccard) when one repeats the other.
const REPEAT: f64 = 0.7;
/// Sentences up to which nearly repeated ones are looked for pair by pair (an answer a
/// person says aloud has a few dozen); past it only exact repeats are, in linear time.
const NEAR_REPEAT_SENTENCES: usize = 400;
/// An answer is a repeat when this share of its words repeats earlier sentences.
const REPEATED_ANSWER: f64 = 0.3;
/// Content words, not cues, a sentence needs to carry information of its own.
const INFORMATIVE_WORDS: usize = 3;
/// Content words of its own an answer needs per sentence, on average, to be more than a
/// list of cues.
const OWN_WORDS_PER_SENTENCE: f64 = 3.5;
/// A soup of numbers: at least this many metrics…
const SOUP_METRICS: usize = 6;
/// …with fewer words than this per metric…
const SOUP_WORDS_PER_METRIC: usize = 10;
/// …and less than this share of them in the situation or the result.
const SOUP_TIED_SHARE: f64 = 0.6;

/// The model answers of the loaded banks, for finding copies.
///
/// Splitting and stemming every model answer was over half of a one-answer check, so a
/// model answer is only indexed by its raw grams ([`raw_grams`]: runs of words as written)
/// up front. An answer is compared, stem by stem, only with the few model answers it shares
/// the most raw grams with, and those are split and stemmed the first time they are needed
/// (once, whichever thread needs them first).
pub struct Models {
    /// The question id of each model answer.
    ids: Vec<String>,
    /// Each model answer's text.
    texts: Vec<String>,
    /// Each raw gram of each model answer with the answer's index, sorted.
    grams: Vec<(u64, u32)>,
    /// A bit for each raw gram's low `FILTER_BITS` bits: most of an answer's grams are in no
    /// model answer, and a bit test tells most of those without a search.
    filter: Vec<u64>,
    /// Each model answer's word keys, worked out when first needed.
    keys: Vec<OnceLock<ModelKeys>>,
}

impl std::fmt::Debug for Models {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Models")
            .field("ids", &self.ids)
            .finish_non_exhaustive()
    }
}

/// A model answer's shingles (sorted, each once) and its sentences' content word keys (each
/// a sorted set).
#[derive(Debug)]
struct ModelKeys {
    shingles: Vec<u64>,
    sentences: Vec<Vec<u64>>,
    /// All its content word keys, sorted, each once.
    content: Vec<u64>,
}

impl Models {
    /// Index model answers given as (question id, model answer text).
    pub fn new(models: impl Iterator<Item = (String, String)>) -> Models {
        use builtin::{MODEL_GRAMS, MODEL_IDS};
        let (ids, texts): (Vec<String>, Vec<String>) = models.unzip();
        // A built-in model answer's grams were worked out at build time; the others' now.
        let mut slot = vec![u32::MAX; MODEL_IDS.len()];
        let mut others = Vec::new();
        let mut own = Vec::new();
        for (i, (id, text)) in ids.iter().zip(&texts).enumerate() {
            match MODEL_IDS.iter().position(|(b, _)| b == id) {
                Some(p) if slot[p] == u32::MAX && MODEL_IDS[p].1 == text_hash(text) => {
                    slot[p] = i as u32;
                }
                _ => {
                    own.clear();
                    raw_grams(text, &mut own);
                    others.extend(own.iter().map(|&g| (g, i as u32)));
                }
            }
        }
        // Sorted by gram as built, so still sorted with the built-in indices replaced.
        let mut grams: Vec<(u64, u32)> = MODEL_GRAMS
            .iter()
            .filter(|&&(_, p)| slot[usize::from(p)] != u32::MAX)
            .map(|&(g, p)| (g, slot[usize::from(p)]))
            .collect();
        if !others.is_empty() {
            grams.extend(others);
            grams.sort_unstable();
            grams.dedup();
        }
        let keys = texts.iter().map(|_| OnceLock::new()).collect();
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for &(g, _) in &grams {
            let bit = g as usize & ((1 << FILTER_BITS) - 1);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Models {
            ids,
            texts,
            grams,
            filter,
            keys,
        }
    }

    /// Whether some model answer may have raw gram `g` (no: none has it).
    fn may_have(&self, g: u64) -> bool {
        let bit = g as usize & ((1 << FILTER_BITS) - 1);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The model answers (indices, ascending) that have raw gram `g`.
    fn having(&self, g: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.grams.partition_point(|&(k, _)| k < g);
        self.grams[from..]
            .iter()
            .take_while(move |&&(k, _)| k == g)
            .map(|&(_, m)| m)
    }

    /// Model answer `m`'s word keys, split and stemmed by `split` the first time.
    fn keys(&self, m: u32, split: &dyn Fn(&str) -> Vec<SentenceKeys>) -> &ModelKeys {
        self.keys[m as usize].get_or_init(|| {
            let sentences = split(&self.texts[m as usize]);
            let mut shingles: Vec<u64> = sentences.iter().flat_map(|s| shingles(&s.all)).collect();
            shingles.sort_unstable();
            shingles.dedup();
            ModelKeys {
                shingles,
                sentences: sentences.iter().map(|s| sorted_set(&s.content)).collect(),
                content: sorted_set(
                    &sentences
                        .iter()
                        .flat_map(|s| s.content.iter().copied())
                        .collect::<Vec<_>>(),
                ),
            }
        })
    }
}

/// The model answers an answer is checked against, with how to split a text into
/// sentences' word keys the way the answer's were (the fast path's or the reference
/// checker's: one [`Models`] is only ever read one way).
#[derive(Clone, Copy)]
pub struct Against<'a> {
    pub models: &'a Models,
    pub split: &'a dyn Fn(&str) -> Vec<SentenceKeys>,
}

/// The shingles of a run of word keys: each `SHINGLE` words in a row, hashed.
fn shingles(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words.windows(SHINGLE).map(|w| {
        w.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, k| {
            (h ^ k).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

/// The word keys of a sentence (equal for two words of one stem): of all its words, in
/// order, for shingles; of its content words, for comparing what two sentences say.
#[derive(Debug, Clone, Default)]
pub struct SentenceKeys {
    pub all: Vec<u64>,
    pub content: Vec<u64>,
}

/// A sentence's [`SentenceKeys`].
pub fn keys<S: SentenceView>(s: &S) -> SentenceKeys {
    SentenceKeys {
        all: (0..s.len()).map(|i| s.key(i)).collect(),
        content: (0..s.len())
            .filter(|&i| !s.is(i, Class::FUNCTION))
            .map(|i| s.key(i))
            .collect(),
    }
}

/// Sentences taken out of an answer before the rules read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Excluded {
    /// Sentences that repeat an earlier one: (the repeat, the sentence it repeats).
    pub repeated: Vec<(usize, usize)>,
    /// Sentences copied from a model answer, and whose.
    pub copied: Vec<usize>,
    pub copied_from: Option<String>,
    /// The share of the answer's words in copied sentences.
    pub copied_share: f64,
    /// The share of the answer's words in repeated sentences.
    pub repeated_share: f64,
    /// The spans of the repeated sentences and of the copied ones.
    pub repeated_spans: Vec<(usize, usize)>,
    pub copied_spans: Vec<(usize, usize)>,
    /// For each sentence, whether it is taken out.
    taken_out: Vec<bool>,
}

impl Excluded {
    /// Whether sentence `i` is taken out.
    pub fn contains(&self, i: usize) -> bool {
        self.taken_out.get(i).copied().unwrap_or(false)
    }
}

/// The repeated and copied sentences of an answer.
pub fn exclusions<S: SentenceView>(
    answer: &str,
    sentences: &[S],
    against: Option<Against<'_>>,
) -> Excluded {
    let lens: Vec<usize> = sentences.iter().map(SentenceView::len).collect();
    let words: usize = lens.iter().sum::<usize>().max(1);
    let mut out = Excluded {
        taken_out: vec![false; sentences.len()],
        ..Excluded::default()
    };
    // Each sentence's content words as a sorted set, for comparing what two say: all of
    // them in one list, each sentence's a range of it.
    let mut flat: Vec<u64> = Vec::with_capacity(words);
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let from = flat.len();
        flat.extend(
            (0..s.len())
                .filter(|&i| !s.is(i, Class::FUNCTION))
                .map(|i| s.key(i)),
        );
        flat[from..].sort_unstable();
        let mut end = from;
        for i in from..flat.len() {
            if i == from || flat[i] != flat[end - 1] {
                flat[end] = flat[i];
                end += 1;
            }
        }
        flat.truncate(end);
        ranges.push((from, end));
    }
    let sets: Vec<&[u64]> = ranges.iter().map(|&(a, b)| &flat[a..b]).collect();
    if sentences.len() <= NEAR_REPEAT_SENTENCES {
        // Nearly the same words, compared pair by pair in an answer of a size a person
        // says aloud…
        for i in 0..sentences.len() {
            if lens[i] < MIN_WORDS {
                continue;
            }
            let earlier = (0..i).find(|&j| {
                !out.taken_out[j] && lens[j] >= MIN_WORDS && jaccard(sets[i], sets[j]) >= REPEAT
            });
            if let Some(j) = earlier {
                out.repeated.push((i, j));
                out.taken_out[i] = true;
            }
        }
    } else {
        // …and in a longer text the same words again, in time linear in its length.
        let mut seen: FxHashMap<&[u64], usize> = FxHashMap::default();
        for (i, set) in sets.iter().enumerate() {
            if lens[i] < MIN_WORDS {
                continue;
            }
            match seen.get(set) {
                Some(&j) => {
                    out.repeated.push((i, j));
                    out.taken_out[i] = true;
                }
                None => {
                    seen.insert(set, i);
                }
            }
        }
    }
    out.repeated_share =
        out.repeated.iter().map(|&(i, _)| lens[i]).sum::<usize>() as f64 / words as f64;
    if let Some(against) = against {
        let all: Vec<Vec<u64>> = sentences
            .iter()
            .map(|s| (0..s.len()).map(|i| s.key(i)).collect())
            .collect();
        copies(answer, &all, &sets, against, &mut out, words);
    }
    let span = |i: usize| (sentences[i].start(), sentences[i].end());
    out.repeated_spans = out.repeated.iter().map(|&(i, _)| span(i)).collect();
    out.copied_spans = out.copied.iter().map(|&i| span(i)).collect();
    out
}

/// Keys sorted, each once.
fn sorted_set(keys: &[u64]) -> Vec<u64> {
    let mut set = keys.to_vec();
    set.sort_unstable();
    set.dedup();
    set
}

/// How much of sorted set `a` is in sorted set `b`.
fn contained(a: &[u64], b: &[u64]) -> f64 {
    let (mut j, mut both) = (0, 0);
    for x in a {
        while j < b.len() && b[j] < *x {
            j += 1;
        }
        both += usize::from(b.get(j) == Some(x));
    }
    both as f64 / a.len().max(1) as f64
}

/// How much two sorted sets share: their intersection over their union.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both).max(1) as f64
}

/// The sentences copied from the model answer the answer shares most shingles with, among
/// the few it shares most raw grams with.
fn copies(
    answer: &str,
    keys: &[Vec<u64>],
    sets: &[&[u64]],
    against: Against<'_>,
    out: &mut Excluded,
    words: usize,
) {
    let models = against.models;
    let mut grams = Vec::new();
    raw_grams(answer, &mut grams);
    // How many raw grams it shares with each model answer, counted in place (a common run
    // of words is in many model answers, so collecting and sorting the hits cost more).
    let mut shared_grams = vec![0u32; models.ids.len()];
    for &g in grams.iter().filter(|&&g| models.may_have(g)) {
        for m in models.having(g) {
            shared_grams[m as usize] += 1;
        }
    }
    // A copied sentence shares at least two runs of four words with its model answer;
    // an answer that shares fewer with every model answer copies none (most answers: a
    // common phrase is one run).
    if shared_grams
        .iter()
        .all(|&n| (n as usize) < MIN_SHARED_GRAMS)
    {
        return;
    }
    // The few model answers that share the most raw grams with it (most first, then the
    // first loaded): any other shares too little to be the one it copies.
    let mut counted: Vec<(usize, u32)> = shared_grams
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(m, &n)| (n as usize, m as u32))
        .collect();
    counted.sort_unstable_by_key(|&(n, m)| (std::cmp::Reverse(n), m));
    let candidates: Vec<u32> = counted.iter().take(CANDIDATES).map(|&(_, m)| m).collect();
    let mut answer_shingles: Vec<u64> = keys.iter().flat_map(|k| shingles(k)).collect();
    answer_shingles.sort_unstable();
    // The answer's shingles (each time it has one) that are in model answer `m`'s: one walk
    // down the two sorted lists.
    let shared = |m: u32| {
        let own = &models.keys(m, against.split).shingles;
        let (mut j, mut n) = (0, 0);
        for s in &answer_shingles {
            while j < own.len() && own[j] < *s {
                j += 1;
            }
            n += usize::from(own.get(j) == Some(s));
        }
        n
    };
    let Some((best, _)) = candidates
        .iter()
        .map(|&m| (m, shared(m)))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(m, n)| (n, std::cmp::Reverse(m)))
    else {
        return;
    };
    let model = models.keys(best, against.split);
    for (i, k) in keys.iter().enumerate() {
        if k.len() < MIN_COPIED || out.taken_out[i] {
            continue;
        }
        let (mut all, mut inside) = (0usize, 0usize);
        for s in shingles(k) {
            all += 1;
            inside += usize::from(model.shingles.binary_search(&s).is_ok());
        }
        let reworded = sets[i].len() >= MIN_REWORDED
            && inside >= 2
            && model
                .sentences
                .iter()
                .any(|m| jaccard(sets[i], m) >= REWORDED);
        // Sentences of the model answer merged or split: nearly all its words are the model
        // answer's, with runs of them in the same order.
        let resentenced = sets[i].len() >= MIN_REWORDED
            && inside >= MIN_RESENTENCED_RUNS
            && contained(sets[i], &model.content) >= RESENTENCED;
        if inside as f64 >= COPIED_SENTENCE * all as f64 || reworded || resentenced {
            out.copied.push(i);
            out.taken_out[i] = true;
        }
    }
    if !out.copied.is_empty() {
        out.copied_from = Some(models.ids[best as usize].clone());
        out.copied_share =
            out.copied.iter().map(|&i| keys[i].len()).sum::<usize>() as f64 / words as f64;
    }
}

/// What the gates measured, reported so a user can see why a band was capped.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Substance {
    /// Marks of a particular instance: names, places, time anchors, particular
    /// organisations, before → after figures.
    pub specifics: usize,
    /// Sentences that carry information beyond cue words, of all sentences read.
    pub informative_sentences: usize,
    pub sentences: usize,
    /// Content words that are no cue words, in all.
    pub own_words: usize,
    /// Metrics that measure something (not counts of activity, not lost in a soup).
    pub real_metrics: usize,
    /// The numbers are a soup: many, few words, mostly neither stakes nor result.
    pub number_soup: bool,
    /// Cues (actions, results, lessons, points to cover) that a negation reaches, and
    /// those it does not.
    pub negated_cues: usize,
    pub affirmed_cues: usize,
    /// The topic other than partnerships the answer's words come closest to, and by how
    /// much more likely it makes them per word (above zero: more like that topic).
    pub closest_other_topic: &'static str,
    pub topic_margin: f64,
    /// How often it names a counterparty (a partner, reseller, alliance…).
    pub counterparties: usize,
}

/// Everything the gates read.
pub struct GateInput<'a, S> {
    pub answer: &'a str,
    pub sentences: &'a [S],
    pub feats: &'a [Features],
    pub parts: &'a Parts,
    pub metrics: &'a [Metric],
    /// Spans of the question's cues found in the answer.
    pub cue_spans: &'a [(usize, usize)],
    pub excluded: &'a Excluded,
    pub shape: &'a ShapeSpec,
    pub shape_kind: Shape,
    /// What the answer's words read as.
    pub topic: Reading,
}

/// A gate that failed: its rule, the span it points at, and a detail for its message.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub rule: Rule,
    pub span: (usize, usize),
    pub detail: Option<String>,
}

/// What the gates measured, and those that failed, most important first.
pub fn gates<S: SentenceView>(inp: &GateInput<'_, S>) -> (Substance, Vec<Failed>) {
    let soup = is_soup(inp);
    let substance = measure(inp, soup);
    let whole = (0, inp.answer.len());
    let mut failed = Vec::new();
    let mut fail = |rule: Rule, span: (usize, usize), detail: Option<String>| {
        failed.push(Failed { rule, span, detail });
    };
    if let Some(topic) = inp.topic.off_topic() {
        fail(
            Rule::OffTopic,
            whole,
            Some(format!(
                "(this reads as an answer about {topic}, not partnerships)"
            )),
        );
    }
    let ex = inp.excluded;
    let nothing_left = inp.sentences.is_empty();
    if ex.copied_share >= COPIED_ANSWER {
        let id = ex.copied_from.as_deref().unwrap_or("a bank question");
        fail(
            Rule::CopiedModelAnswer,
            whole,
            Some(format!("(close to the model answer of {id})")),
        );
    }
    if ex.repeated_share >= REPEATED_ANSWER {
        fail(Rule::Repeated, whole, None);
    }
    if nothing_left {
        return (substance, failed);
    }
    if substance.negated_cues >= 3 && substance.negated_cues >= substance.affirmed_cues {
        fail(Rule::Denial, whole, None);
    }
    if !inp.parts.approach.present {
        fail(Rule::MissingApproach, whole, None);
    }
    let actions: usize = inp.feats.iter().map(|f| f.actions).sum();
    let sequence = !matches!(inp.shape_kind, Shape::Story | Shape::Presentation) && actions >= 3;
    if substance.specifics == 0 && !sequence {
        fail(Rule::NoSpecifics, whole, None);
    }
    if (substance.own_words as f64) < OWN_WORDS_PER_SENTENCE * substance.sentences as f64 {
        fail(
            Rule::CueList,
            whole,
            Some(format!(
                "({} of {} sentences say something beyond the cue words)",
                substance.informative_sentences, substance.sentences
            )),
        );
    }
    if soup {
        let span = (inp.metrics[0].start, inp.metrics[inp.metrics.len() - 1].end);
        fail(Rule::NumberSoup, span, None);
    }
    if inp.shape.needs_metric && substance.real_metrics == 0 && !soup {
        fail(Rule::NoRealMetric, whole, None);
    }
    (substance, failed)
}

/// Many numbers, few words, and most of them neither the stakes nor the result: numbers
/// for their own sake.
pub fn is_soup<S>(inp: &GateInput<'_, S>) -> bool {
    let words: usize = inp.feats.iter().map(|f| f.words).sum();
    let n = inp.metrics.len();
    let parts = inp.parts;
    let tied = inp
        .metrics
        .iter()
        .filter(|m| {
            parts
                .context
                .evidence
                .iter()
                .chain(&parts.outcome.evidence)
                .any(|e| e.start <= m.start && m.end <= e.end)
        })
        .count();
    n >= SOUP_METRICS
        && words < SOUP_WORDS_PER_METRIC * n
        && (tied as f64) < SOUP_TIED_SHARE * n as f64
}

fn measure<S: SentenceView>(inp: &GateInput<'_, S>, soup: bool) -> Substance {
    // A before → after figure: a change ("from 45 to 20 days"), or a number in the
    // situation and another in the result.
    let in_part = |evidence: &[super::Span]| {
        inp.metrics.iter().any(|m| {
            evidence
                .iter()
                .any(|e| e.start <= m.start && m.end <= e.end)
        })
    };
    let changes = inp
        .metrics
        .iter()
        .filter(|m| m.kind == MetricKind::Change)
        .count()
        + usize::from(in_part(&inp.parts.context.evidence) && in_part(&inp.parts.outcome.evidence));
    let real = if soup {
        0
    } else {
        inp.metrics.iter().filter(|m| !m.borderline).count()
    };
    let own: Vec<usize> = inp
        .sentences
        .iter()
        .map(|s| novel_words(s, inp.cue_spans))
        .collect();
    let (mut negated, mut affirmed) = (0, 0);
    for s in inp.sentences {
        for lex in [Lex::ActionVerbs, Lex::OutcomeMarkers, Lex::LearningStrong] {
            for (i, _) in s.entries(lex) {
                if s.negated(i) {
                    negated += 1;
                } else {
                    affirmed += 1;
                }
            }
        }
    }
    Substance {
        specifics: inp.feats.iter().map(|f| f.specific).sum::<usize>() + changes,
        informative_sentences: own.iter().filter(|&&n| n >= INFORMATIVE_WORDS).count(),
        sentences: inp.sentences.len(),
        // A figure is information of the answer's own, as much as a word of its own.
        own_words: own.iter().sum::<usize>() + inp.metrics.len(),
        number_soup: soup,
        real_metrics: real,
        negated_cues: negated,
        affirmed_cues: affirmed,
        closest_other_topic: inp.topic.other,
        // Two decimals: enough to read, and the same whichever way it was summed.
        topic_margin: (f64::from(inp.topic.margin) * 100.0).round() / 100.0,
        counterparties: inp.topic.counterparties,
    }
}

/// Content words of a sentence that are no cue: not a function word, not the start of any
/// lexicon's entry, not inside a match of the question's cues.
/// `cue_spans` are sorted and do not overlap within a list; a word is inside one when the
/// last span starting at or before it reaches its end.
fn novel_words<S: SentenceView>(s: &S, cue_spans: &[(usize, usize)]) -> usize {
    let in_cue = |i: usize| {
        let (start, end) = (s.word_start(i), s.word_end(i));
        let at = cue_spans.partition_point(|&(a, _)| a <= start);
        cue_spans[..at].iter().rev().take(4).any(|&(_, b)| end <= b)
    };
    (0..s.len())
        .filter(|&i| {
            s.is(i, Class::ALPHA) && !s.is(i, Class::FUNCTION) && !s.is_cue(i) && !in_cue(i)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_model_grams_are_the_ones_worked_out_at_run_time() {
        let catalog = crate::Catalog::builtin().unwrap();
        let mut seen = 0;
        for q in catalog.all_questions() {
            let text = q.question.model_answer.full_text();
            let p = builtin::MODEL_IDS
                .iter()
                .position(|(id, _)| *id == q.question.id)
                .expect("every built-in question is in the table");
            assert_eq!(
                builtin::MODEL_IDS[p].1,
                text_hash(&text),
                "{}",
                q.question.id
            );
            let mut own = Vec::new();
            raw_grams(&text, &mut own);
            own.sort_unstable();
            own.dedup();
            let mut built: Vec<u64> = builtin::MODEL_GRAMS
                .iter()
                .filter(|&&(_, i)| usize::from(i) == p)
                .map(|&(g, _)| g)
                .collect();
            built.sort_unstable();
            assert_eq!(own, built, "{}", q.question.id);
            seen += 1;
        }
        assert_eq!(seen, builtin::MODEL_IDS.len());
    }

    #[test]
    fn a_model_answer_the_build_did_not_see_is_indexed_when_loaded() {
        // A coach's bank reusing a built-in id with its own text, and one with a new id.
        let text = "At a logistics firm I rebuilt the reseller program with nine partners.";
        let models = Models::new(
            [("spm-01", text), ("coach-1", text)]
                .into_iter()
                .map(|(id, t)| (id.to_string(), t.to_string())),
        );
        let mut grams = Vec::new();
        raw_grams(text, &mut grams);
        assert_eq!(grams.len(), 12 - 3);
        for g in grams {
            assert_eq!(models.having(g).collect::<Vec<_>>(), [0, 1]);
        }
    }

    #[test]
    fn raw_grams_read_words_as_written_whatever_the_case_and_punctuation() {
        let grams = |t: &str| {
            let mut out = Vec::new();
            raw_grams(t, &mut out);
            out
        };
        assert_eq!(
            grams("Café ÜBER straße, Partner-led — 40% growth"),
            grams("café über straße partner led 40 growth")
        );
        assert_ne!(grams("one two three four"), grams("one two three fours"));
        assert!(grams("one two three").is_empty());
        assert_eq!(grams("one two three four five").len(), 2);
    }
}
