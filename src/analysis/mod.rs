//! The answer checker: structure (five parts), quantified impact, coverage of what the
//! interviewer listens for, known mistakes, delivery, and a score with suggestions.
//!
//! Analysis never prints. It returns a [`Report`] whose JSON form is the documented contract
//! of `prepcoach check --format json`; offsets are byte offsets into the answer as given.

mod coverage;
mod delivery;
/// The metric patterns' text, shared with `build.rs`.
mod metric_patterns;
pub mod metrics;
mod mistakes;
pub mod parts;
pub mod rules;
mod score;
pub mod text;
mod words;

use serde::Serialize;

use crate::bank::{Kind, Question, QuestionRef};
pub use metrics::{Metric, MetricKind};
pub use rules::{Rules, Severity};

/// A piece of the answer: byte offsets (end exclusive) and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Span {
    fn of(answer: &str, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            text: answer[start..end].to_string(),
        }
    }
}

/// Whether one part is present, and the sentences that made it count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartReport {
    pub present: bool,
    pub evidence: Vec<Span>,
}

/// The five parts, in speaking order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parts {
    pub context: PartReport,
    pub approach: PartReport,
    pub example: PartReport,
    pub outcome: PartReport,
    pub learning: PartReport,
}

impl Parts {
    /// The parts with their names, in speaking order.
    pub fn iter(&self) -> [(&'static str, &PartReport); 5] {
        [
            ("context", &self.context),
            ("approach", &self.approach),
            ("example", &self.example),
            ("outcome", &self.outcome),
            ("learning", &self.learning),
        ]
    }

    pub fn missing(&self) -> Vec<&'static str> {
        self.iter()
            .into_iter()
            .filter(|(_, p)| !p.present)
            .map(|(n, _)| n)
            .collect()
    }
}

/// One thing the interviewer listens for, and whether the answer touched it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageItem {
    /// `area` or `indicator`.
    pub kind: &'static str,
    pub text: String,
    /// The answer's words that matched a cue.
    pub evidence: Vec<Span>,
}

/// Areas to cover and positive indicators, split into those touched and those missed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub covered: Vec<CoverageItem>,
    pub missing: Vec<CoverageItem>,
}

/// One problem found, with the rule that found it and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Too short, about right, or too long for the time budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pace {
    TooShort,
    AboutRight,
    TooLong,
}

impl Pace {
    pub fn as_str(self) -> &'static str {
        match self {
            Pace::TooShort => "too short",
            Pace::AboutRight => "about right",
            Pace::TooLong => "too long",
        }
    }

    /// The pace as the JSON report spells it.
    pub fn as_key(self) -> &'static str {
        match self {
            Pace::TooShort => "too-short",
            Pace::AboutRight => "about-right",
            Pace::TooLong => "too-long",
        }
    }
}

/// How the answer would sound said aloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delivery {
    pub words: usize,
    pub speaking_seconds: u32,
    pub budget_seconds: u32,
    pub pace: Pace,
    pub fillers: Vec<Span>,
    pub hedges: Vec<Span>,
    pub longest_sentence: Option<LongestSentence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongestSentence {
    pub words: usize,
    pub start: usize,
    pub end: usize,
}

/// The interview bands the guides' scoring anchors use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Below,
    Meets,
    Exceeds,
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Below => "below",
            Band::Meets => "meets",
            Band::Exceeds => "exceeds",
        }
    }
}

/// Points per dimension; they add up to the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// Out of 50: ten per part present.
    pub structure: u32,
    /// Out of 20: quantified impact, less for vague claims.
    pub impact: u32,
    /// Out of 15: areas and indicators touched (structure-weighted when no question).
    pub coverage: u32,
    /// Out of 15: length against the budget, fillers, hedges.
    pub delivery: u32,
    /// Subtracted for mistakes found.
    pub penalty: u32,
}

/// Everything the checker says about one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The caller's id for the answer (batch mode), echoed back as given.
    pub id: Option<serde_json::Value>,
    pub question_id: Option<String>,
    pub words: usize,
    pub speaking_seconds: u32,
    pub score: u32,
    pub band: Band,
    pub breakdown: Breakdown,
    pub parts: Parts,
    pub metrics: Vec<Metric>,
    pub vague_claims: Vec<Span>,
    pub coverage: Coverage,
    pub findings: Vec<Finding>,
    pub delivery: Delivery,
    pub suggestions: Vec<String>,
}

/// What the checker knows about the question, when the answer is for a known question.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuestionContext<'a> {
    pub question: Option<QuestionRef<'a>>,
    /// A time budget that replaces the question's (a drill's).
    pub budget_override: Option<u32>,
}

impl<'a> QuestionContext<'a> {
    pub fn of(q: QuestionRef<'a>) -> Self {
        QuestionContext {
            question: Some(q),
            budget_override: None,
        }
    }

    /// The same, with the time budget replaced when `budget` is given.
    pub fn with_budget(self, budget: Option<u32>) -> Self {
        QuestionContext {
            budget_override: budget.or(self.budget_override),
            ..self
        }
    }

    fn kind(&self) -> Option<Kind> {
        self.question.map(|q| q.question.kind)
    }

    fn budget(&self) -> u32 {
        self.question
            .map_or(150, |q| q.question.time_budget_seconds)
    }

    /// Whether the question is about alignment or partnerships across teams, where naming
    /// internal stakeholders is expected. Without a question, every answer is, since all
    /// prepcoach questions are about partnership work.
    fn wants_stakeholders(&self) -> bool {
        self.question
            .is_none_or(|q| with_facts(q.question, |f| f.wants_stakeholders))
    }
}

/// Whether a question is about alignment or partnerships across teams
/// ([`QuestionContext::wants_stakeholders`]), from its text and competency.
fn wants_stakeholders(q: &Question) -> bool {
    let t = format!("{} {}", q.text, q.competency).to_lowercase();
    [
        "align",
        "stakeholder",
        "internal",
        "cross-functional",
        "partner",
        "alliance",
        "co-sell",
        "launch",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// What the checker works out once from a question and keeps with it
/// (`Question::compiled`): a batch checks many answers against the same questions.
struct QuestionFacts {
    cues: coverage::QuestionCues,
    wants_stakeholders: bool,
}

impl QuestionFacts {
    fn of(q: &Question) -> QuestionFacts {
        QuestionFacts {
            cues: coverage::QuestionCues::of(q),
            wants_stakeholders: wants_stakeholders(q),
        }
    }
}

/// `f` of a question's [`QuestionFacts`], worked out on first use and kept with it (worked
/// out on the spot should its slot hold something else).
fn with_facts<T>(q: &Question, f: impl FnOnce(&QuestionFacts) -> T) -> T {
    match q.compiled.get_or_init(|| QuestionFacts::of(q)) {
        Some(facts) => f(facts),
        None => f(&QuestionFacts::of(q)),
    }
}

/// The answer's sentences with their tokens annotated for this rules' lexicons — what the
/// part rules read.
pub fn prepare(answer: &str, rules: &Rules) -> Vec<text::Sentence> {
    text::sentences_with(answer, Some(rules))
}

/// Check one answer.
pub fn analyze(answer: &str, ctx: QuestionContext<'_>, rules: &Rules) -> Report {
    let sentences = prepare(answer, rules);
    let metrics = metrics::find_metrics_in(answer, &sentences);
    let feats = parts::features(answer, &sentences, &metrics, rules);
    let classified = parts::classify(&feats);
    let make = |i: usize| PartReport {
        present: !classified[i].is_empty(),
        evidence: classified[i]
            .iter()
            .map(|&s| Span::of(answer, sentences[s].start, sentences[s].end))
            .collect(),
    };
    let parts = Parts {
        context: make(0),
        approach: make(1),
        example: make(2),
        outcome: make(3),
        learning: make(4),
    };
    let delivery = delivery::measure(answer, &sentences, ctx.budget(), rules);
    let coverage = coverage::measure(answer, &sentences, ctx);
    let vague_claims = mistakes::vague_claims(answer, &sentences, &metrics, rules);
    let mut findings = mistakes::find(&mistakes::Input {
        answer,
        sentences: &sentences,
        feats: &feats,
        classified: &classified,
        metrics: &metrics,
        vague: &vague_claims,
        delivery: &delivery,
        ctx,
        rules,
    });
    findings.sort_by_key(|f| (f.start, std::cmp::Reverse(f.severity)));
    let (score, band, breakdown) = score::score(&score::Inputs {
        parts: &parts,
        metrics: &metrics,
        vague: &vague_claims,
        coverage: &coverage,
        delivery: &delivery,
        findings: &findings,
        ctx,
        short_ratio: rules.file.delivery.too_short_ratio,
    });
    let suggestions = score::suggestions(answer, &parts, &findings, &coverage, &metrics);
    Report {
        id: None,
        question_id: ctx.question.map(|q| q.question.id.clone()),
        words: delivery.words,
        speaking_seconds: delivery.speaking_seconds,
        score,
        band,
        breakdown,
        parts,
        metrics,
        vague_claims,
        coverage,
        findings,
        delivery,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> Report {
        analyze(text, QuestionContext::default(), &Rules::builtin().unwrap())
    }

    /// Every span in the report must be a valid slice of the answer.
    fn spans_valid(text: &str, r: &Report) {
        let ok = |s: usize, e: usize| {
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        for (_, p) in r.parts.iter() {
            for ev in &p.evidence {
                assert!(ok(ev.start, ev.end));
                assert_eq!(&text[ev.start..ev.end], ev.text);
            }
        }
        for m in &r.metrics {
            assert!(ok(m.start, m.end));
        }
        for f in &r.findings {
            assert!(ok(f.start, f.end), "{f:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_on_random_unicode(text in any::<String>()) {
            let r = check(&text);
            spans_valid(&text, &r);
            prop_assert!(r.score <= 100);
        }

        /// Scanning only the stretches whose words cue a pattern finds exactly what a scan
        /// of the whole answer finds.
        #[test]
        fn stretch_scan_finds_what_a_full_scan_finds(
            parts in proptest::collection::vec((proptest::sample::select(METRICISH), proptest::sample::select(&[" ", "", "\n", ", ", ". ", " - "][..])), 0..40)
        ) {
            let text: String = parts.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            let rules = Rules::builtin().unwrap();
            let whole = metrics::find_metrics(&text);
            let by_stretch = metrics::find_metrics_in(&text, &prepare(&text, &rules));
            prop_assert_eq!(whole, by_stretch);
        }

        /// The per-sentence lexicon hits worked out while splitting agree with a scan of
        /// the sentence's words, for every lexicon.
        #[test]
        fn sentence_hits_agree_with_a_scan(
            words in proptest::collection::vec(proptest::sample::select(LEXICAL), 0..30)
        ) {
            let text = words.join(" ");
            let rules = Rules::builtin().unwrap();
            for s in prepare(&text, &rules) {
                for lex in rules::Lex::ALL {
                    let l = rules.lex(lex);
                    prop_assert_eq!(l.any_in(&s), l.any(&s.tokens), "{:?} in {:?}", lex, s.text(&text));
                    prop_assert_eq!(l.find_in(&s), l.find(&s.tokens), "{:?} in {:?}", lex, s.text(&text));
                }
            }
        }

        #[test]
        fn never_panics_on_answer_like_noise(text in r"([A-Za-z’“”—–•\-\*0-9$%., \n:;!?🚀é]{0,12}( |\n)){0,40}") {
            let r = check(&text);
            spans_valid(&text, &r);
        }
    }

    /// Words and marks metrics are made of, and the characters that end a stretch.
    const METRICISH: &[&str] = &[
        "from",
        "45",
        "to",
        "20",
        "days",
        "$2.4M",
        "€5k",
        "£3",
        "40%",
        "x.ten%",
        "tenpercent",
        "twenty-five",
        "new",
        "partners",
        "3x",
        "doubled",
        "a third of the",
        "within six",
        "months",
        "1,000",
        "2.5",
        "e.g.",
        "Result:",
        "- ",
        "1. ",
        "(",
        ")",
        "!",
        "?",
        "“",
        "’",
        "—",
        "…",
        "half",
        "twice",
        "times",
        "five-figure",
        "deal",
        "million",
        "a dozen",
        "resellers",
        "Q3",
        "2019",
        "week",
        "in",
        "a",
        "I",
        "signed",
        "per cent",
        "points",
        "5 m",
        "k",
        "bn",
        "2.5x",
        "x3",
        "dollars",
        "USD",
        "bps",
        "pts",
        "tenfold",
        "halved",
        "cut it in half",
        "often",
        "money",
        "network",
        "$",
        "%",
        "5,000k",
        "¥8",
        "tenpoints",
        "a hundred",
        "half a dozen",
        "a couple of",
        "percentage",
    ];

    /// Words that start lexicon entries of one and of several words, and sentence ends.
    const LEXICAL: &[&str] = &[
        "I", "learned", "that", "we", "would", "usually", "as", "a", "result", "in", "the", "end",
        "every", "week", "my", "role", "was", "partner", "manager", "e.g.", "revenue", "grew",
        "next", "time", "I'd", "realized", "synergy", "leverage", "circle", "back", "when", "if",
        "last", "quarter", "so", ".", "!", "\n", "-", "Result:",
    ];

    #[test]
    fn empty_and_one_word_answers_score_near_zero() {
        let r = check("");
        assert_eq!(r.score, 0);
        assert_eq!(r.findings[0].rule, "empty-answer");
        assert!(check("fine").score <= 5);
    }

    #[test]
    fn signposts_are_not_needed_and_not_enough() {
        let plain = "Our reseller in Lyon had missed plan by 30% for two quarters. I rebuilt their enablement and ran weekly pipeline reviews with their lead. In March they closed the Carrefour deal, and pipeline grew 45% within two quarters. Since then I start every partner rescue with a rep-level review.";
        let r = check(plain);
        assert!(r.parts.missing().is_empty(), "{:?}", r.parts.missing());
        let salad = "Situation: task. Action: result. Learning: I learned a lot. Result: 50%.";
        assert!(check(salad).parts.missing().len() >= 4);
    }
}
