//! The reference checker: the same rules as [`super::Checker`], with every question they ask
//! of an answer answered the plain way. Words are text (lowercased, stemmed on the spot),
//! lexicons are lists of entries compared word by word, every metric pattern scans the
//! whole answer, every cue list scans every sentence; nothing is remembered between
//! answers, and there are no numbers, bit masks or skipped stretches.
//!
//! It is built for tests only: the property tests below hold the fast checker to the same
//! report on random and real answers, checked in any order in one process, so a cache, a
//! mask or a skipped scan that changes a result cannot go unnoticed.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation as _;

use super::coverage::CueHit;
use super::rules::{Lex, Rules};
use super::substance::Models;
use super::text::{normalize, same_family, stem, Sentence};
use super::view::SentenceView;
use super::words::{as_written, classes, Class};
use super::{coverage, metrics, Found, Part, QuestionContext, Report};

/// A word of the answer as text.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    lower: String,
    stem: String,
    class: Class,
    capital: bool,
    joined: bool,
}

/// The words of `text[start..end]`, found by UAX #29.
fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    text[start..end]
        .unicode_word_indices()
        .map(|(i, w)| {
            let at = start + i;
            let lower = normalize(w);
            Word {
                start: at,
                end: at + w.len(),
                stem: stem(w),
                class: classes(&lower) | as_written(w),
                lower,
                capital: w.chars().next().is_some_and(char::is_uppercase),
                joined: text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, '-' | '/' | '\u{2011}')),
            }
        })
        .collect()
}

/// A word list as text: each entry's stems, and the one-word entries as written.
struct List {
    /// Entries by their first stem, each as all its stems.
    entries: HashMap<String, Vec<Vec<String>>>,
    words: Vec<String>,
}

impl List {
    fn new(entries: &[String]) -> List {
        let mut list = List {
            entries: HashMap::new(),
            words: Vec::new(),
        };
        for e in entries {
            let stems: Vec<String> = e.unicode_words().map(stem).collect();
            if stems.is_empty() {
                continue;
            }
            if stems.len() == 1 {
                list.words.push(normalize(e.trim()));
            }
            list.entries
                .entry(stems[0].clone())
                .or_default()
                .push(stems);
        }
        list
    }

    /// The longest entry whose stems are the words' from `i`.
    fn longest_at(&self, words: &[Word], i: usize) -> Option<usize> {
        self.entries
            .get(&words[i].stem)?
            .iter()
            .filter(|e| {
                e.len() <= words.len() - i && e.iter().zip(&words[i..]).all(|(s, w)| *s == w.stem)
            })
            .map(Vec::len)
            .max()
    }

    /// The longest entry at each word, not overlapping.
    fn matches(&self, words: &[Word]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i) {
                Some(len) => {
                    out.push((i, i + len));
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A sentence of words as text, with the rules' lexicons as lists.
struct Plain<'a> {
    sentence: &'a Sentence<Word>,
    lists: &'a HashMap<Lex, List>,
    negated: Vec<bool>,
}

impl SentenceView for Plain<'_> {
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
        self.sentence.tokens[i].start
    }
    fn word_end(&self, i: usize) -> usize {
        self.sentence.tokens[i].end
    }
    fn is(&self, i: usize, class: Class) -> bool {
        self.sentence.tokens[i].class.intersects(class)
    }
    fn capital(&self, i: usize) -> bool {
        self.sentence.tokens[i].capital
    }
    fn joined(&self, i: usize) -> bool {
        self.sentence.tokens[i].joined
    }
    fn is_entry(&self, i: usize, lex: Lex) -> bool {
        self.is_entry_word(&self.sentence.tokens[i].lower, lex)
    }
    fn is_entry_word(&self, word: &str, lex: Lex) -> bool {
        self.lists[&lex].words.iter().any(|w| w == word)
    }
    fn entry_at(&self, i: usize, lex: Lex) -> Option<usize> {
        self.lists[&lex].longest_at(&self.sentence.tokens, i)
    }
    fn entries(&self, lex: Lex) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.lists[&lex].matches(&self.sentence.tokens).into_iter()
    }
    fn negated(&self, i: usize) -> bool {
        self.negated[i]
    }
    fn key(&self, i: usize) -> u64 {
        key_of(&self.sentence.tokens[i].stem)
    }
    fn topic_row(&self, i: usize) -> u16 {
        super::topic::row_of(&self.sentence.tokens[i].stem)
    }
    fn is_cue(&self, i: usize) -> bool {
        let stem = &self.sentence.tokens[i].stem;
        self.lists
            .iter()
            .any(|(lex, l)| lex.is_signal() && l.entries.contains_key(stem))
    }
}

/// For each cue list, its matches in the answer that count (not negated, not one generic
/// word, a one-word cue only in its word family), sentence by sentence, at most
/// [`coverage::MAX_HITS`].
fn cue_hits<'c>(
    sentences: &[Plain<'_>],
    lists: impl Iterator<Item = &'c crate::bank::Cued>,
) -> Vec<Vec<CueHit>> {
    lists
        .map(|cued| {
            let list = List::new(&cued.cues);
            let mut hits = Vec::new();
            for (si, s) in sentences.iter().enumerate() {
                let words = &s.sentence.tokens;
                for (i, j) in list.matches(words) {
                    let one = j - i == 1;
                    let family = cued.cues.iter().any(|c| {
                        let cue = normalize(c.trim());
                        stem(&cue) == words[i].stem
                            && cue.unicode_words().count() == 1
                            && same_family(&words[i].lower, &cue)
                    });
                    let counts = !s.negated(i) && (!one || family);
                    if counts && hits.len() < coverage::MAX_HITS {
                        hits.push(CueHit {
                            sentence: si,
                            start: words[i].start,
                            end: words[j - 1].end,
                            key: (key_of(&words[i].stem), j - i),
                            generic: one && s.entry_at(i, Lex::GenericCues).is_some(),
                        });
                    }
                }
            }
            hits
        })
        .collect()
}

/// A number for a stem, the same for the same stem.
fn key_of(stem: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    stem.hash(&mut h);
    h.finish()
}

/// A model answer's sentences' word keys, split and stemmed the plain way.
fn model_keys(text: &str, lists: &HashMap<Lex, List>) -> Vec<super::substance::SentenceKeys> {
    let sentences = super::text::split(text, |start, end| words(text, start, end));
    views(text, &sentences, lists)
        .iter()
        .map(super::substance::keys)
        .collect()
}

/// The model answers, for the plain way (each is split and stemmed the plain way when an
/// answer is first compared with it).
pub fn models(texts: &[(String, String)]) -> Models {
    Models::new(texts.iter().cloned())
}

/// The rules' lexicons as lists.
fn lists(rules: &Rules) -> HashMap<Lex, List> {
    Lex::ALL
        .iter()
        .map(|&lex| (lex, List::new(&rules.file.lexicons[&lex])))
        .collect()
}

/// Views of the sentences, with their negations.
fn views<'a>(
    answer: &str,
    sentences: &'a [Sentence<Word>],
    lists: &'a HashMap<Lex, List>,
) -> Vec<Plain<'a>> {
    sentences
        .iter()
        .map(|sentence| {
            let mut view = Plain {
                sentence,
                lists,
                negated: Vec::new(),
            };
            view.negated = super::negation::mask(answer, &view);
            view
        })
        .collect()
}

/// Check one answer the plain way.
pub fn analyze(
    answer: &str,
    ctx: QuestionContext<'_>,
    rules: &Rules,
    models: Option<&Models>,
) -> Report {
    let lists = lists(rules);
    let sentences = super::text::split(answer, |start, end| words(answer, start, end));
    let all = views(answer, &sentences, &lists);
    let split = |text: &str| model_keys(text, &lists);
    let against = models.map(|models| super::substance::Against {
        models,
        split: &split,
    });
    let excluded = super::substance::exclusions(answer, &all, against);
    let (views, metrics) = super::kept(all, metrics::find_metrics(answer), &excluded);
    let (mut positive, negative) = match ctx.question {
        Some(q) => (
            cue_hits(&views, coverage::positive_items(q.question).map(|(_, c)| c)),
            cue_hits(&views, q.question.indicators.negative.iter()),
        ),
        None => (Vec::new(), Vec::new()),
    };
    if let Some(text) = ctx.follow_up {
        let items = coverage::follow_up_items(text, &rules.file.lexicons[&Lex::QuestionWords]);
        positive = cue_hits(&views, items.iter());
    }
    super::assemble(Found {
        answer,
        sentences: &views,
        metrics,
        positive,
        negative,
        wants_stakeholders: ctx
            .question
            .is_none_or(|q| super::wants_stakeholders(q.question)),
        shape: &rules.file.shapes[&ctx.shape(rules)],
        shape_kind: ctx.shape(rules),
        excluded,
        ctx,
        rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Checker;
    use crate::Catalog;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn catalog() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::builtin().unwrap())
    }

    /// One checker for the whole process, so answers are checked in whatever order the
    /// tests run them, after whatever came before.
    fn checker() -> &'static Checker {
        static CHECKER: OnceLock<Checker> = OnceLock::new();
        CHECKER.get_or_init(|| Checker::new(Rules::builtin().unwrap()).with_models(catalog()))
    }

    fn plain_models() -> &'static Models {
        static MODELS: OnceLock<Models> = OnceLock::new();
        MODELS.get_or_init(|| {
            let texts: Vec<(String, String)> = catalog()
                .all_questions()
                .map(|q| (q.question.id.clone(), q.question.model_answer.full_text()))
                .collect();
            models(&texts)
        })
    }

    fn question(i: usize) -> QuestionContext<'static> {
        let all: Vec<_> = catalog().all_questions().collect();
        match i % (all.len() + 1) {
            0 => QuestionContext::default(),
            k => QuestionContext::of(all[k - 1]),
        }
    }

    fn same_report(answer: &str, ctx: QuestionContext<'_>) {
        let fast = checker().check(answer, ctx);
        let plain = analyze(answer, ctx, checker().rules(), Some(plain_models()));
        assert_eq!(fast, plain, "answer {answer:?}");
    }

    /// Words that start lexicon entries, metric words, labels, bullets and marks.
    fn vocabulary() -> Vec<String> {
        let rules = checker().rules();
        let mut out: Vec<String> = [
            "I",
            "we",
            "They",
            "the",
            "a",
            "Result:",
            "Situation:",
            "Lesson learned:",
            "S:",
            "-",
            "•",
            "1.",
            "\n",
            ".",
            "!",
            "?",
            ",",
            "—",
            "’",
            "“",
            "e.g.",
            "2019",
            "Q3",
            "$2.4M",
            "40%",
            "from",
            "45",
            "to",
            "20",
            "days",
            "within",
            "six",
            "months",
            "doubled",
            "three",
            "new",
            "partners",
            "a third of the",
            "Acme",
            "Lyon",
            "had",
            "was",
            "signed",
            "grew",
            "reseller",
            "never",
            "didn't",
            "would",
            "next time",
            "since then",
        ]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
        for &lex in Lex::ALL {
            let list = &rules.file.lexicons[&lex];
            out.extend(list.iter().step_by(7).cloned());
        }
        for q in catalog().all_questions().step_by(5) {
            for c in q
                .question
                .areas
                .iter()
                .chain(&q.question.indicators.negative)
            {
                out.extend(c.cues.iter().cloned());
            }
        }
        out
    }

    fn answer_strategy() -> impl Strategy<Value = (String, usize)> {
        let vocab = vocabulary();
        let seps = [" ", " ", " ", ", ", ". ", "\n", "\n- ", "; "];
        (
            proptest::collection::vec(
                (
                    proptest::sample::select(vocab),
                    proptest::sample::select(seps.to_vec()),
                ),
                0..60,
            ),
            0usize..1000,
        )
            .prop_map(|(words, q)| {
                let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
                (text, q)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Random answers made of the words the rules look for.
        #[test]
        fn fast_and_plain_checkers_agree_on_random_answers((answer, q) in answer_strategy()) {
            same_report(&answer, question(q));
        }

        #[test]
        fn fast_and_plain_checkers_agree_on_unicode_noise(answer in any::<String>(), q in 0usize..1000) {
            same_report(&answer, question(q));
        }
    }

    /// Real-looking answers: the labelled answers and every model answer, each against no
    /// question and against questions of every bank, checked forwards and then backwards.
    #[test]
    fn fast_and_plain_checkers_agree_on_real_answers() {
        let mut answers: Vec<String> = Vec::new();
        for file in ["answers-a", "answers-b", "holdout-c"] {
            let text = std::fs::read_to_string(format!("tests/labelled/{file}.jsonl")).unwrap();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                answers.push(v["answer"].as_str().unwrap().to_string());
            }
        }
        answers.extend(
            catalog()
                .all_questions()
                .map(|q| q.question.model_answer.full_text()),
        );
        let cases: Vec<(usize, usize)> = (0..answers.len()).map(|i| (i, i * 7)).collect();
        for &(a, q) in cases.iter().chain(cases.iter().rev()) {
            same_report(&answers[a], question(q));
        }
    }
}
