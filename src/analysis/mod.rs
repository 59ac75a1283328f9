//! The answer checker: structure (five parts), quantified impact, coverage of what the
//! interviewer listens for, known mistakes, delivery, and a score with suggestions.
//!
//! Analysis never prints. It returns a [`Report`] whose JSON form is the documented contract
//! of `prepcoach check --format json`; offsets are byte offsets into the answer as given.
//!
//! The rules (parts, mistakes, delivery, score) read an answer through
//! [`view::SentenceView`]. [`Checker::check`] answers its questions on the fast path
//! (numbered words, lexicon bits, patterns scanned only where their cues are); the
//! reference checker (`reference.rs`, built for tests) answers them by plain scans, and a
//! property test holds the two to the same report.

pub mod coverage;
mod delivery;
pub mod expect;
/// The metric patterns' text and cue lists, shared with `build.rs`.
mod metric_patterns;
mod metric_phrase;
pub mod metrics;
mod mistakes;
mod negation;
mod normalize;
mod part;
pub mod parts;
mod raw_grams;
#[cfg(test)]
mod reference;
mod rule;
pub mod rules;
mod score;
pub mod substance;
pub mod text;
pub mod topic;
pub mod view;
mod words;

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::bank::{Question, QuestionRef};
pub use metrics::{Metric, MetricKind};
pub use part::{Part, PartMap};
pub use rule::Rule;
pub use rules::{Lex, Rules, Severity};
pub use words::Class;

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
    /// One part's report.
    pub fn get(&self, part: Part) -> &PartReport {
        match part {
            Part::Context => &self.context,
            Part::Approach => &self.approach,
            Part::Example => &self.example,
            Part::Outcome => &self.outcome,
            Part::Learning => &self.learning,
        }
    }

    /// The parts with their reports, in speaking order.
    pub fn iter(&self) -> impl Iterator<Item = (Part, &PartReport)> {
        Part::ALL.into_iter().map(|p| (p, self.get(p)))
    }

    /// The parts that are missing, in speaking order.
    pub fn missing(&self) -> Vec<Part> {
        self.iter()
            .filter(|(_, p)| !p.present)
            .map(|(part, _)| part)
            .collect()
    }
}

/// One thing the interviewer listens for, and whether the answer touched it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageItem {
    /// `area`, `indicator` or `follow-up`.
    pub kind: &'static str,
    pub text: String,
    /// The answer's words that matched a cue.
    pub evidence: Vec<Span>,
    /// How strongly a covered point is covered; `None` for a missed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
}

/// How strongly an answer covers a point: strongly by a phrase cue, or two different cues,
/// in a sentence where the speaker acts; weakly by any other single cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    Weak,
    Strong,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Strong => "strong",
        }
    }
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
    pub rule: Rule,
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
    /// The lowest score that can reach meets (other conditions apply: see `score`).
    pub const MEETS_FROM: u32 = 55;
    /// The lowest score that can reach exceeds.
    pub const EXCEEDS_FROM: u32 = 80;

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
    /// What the substance gates measured.
    pub substance: substance::Substance,
    /// Why the band is below what the score alone would give, when a gate kept it there.
    pub cap: Option<Cap>,
}

/// A band kept below what the score would earn: the rule that kept it there and why
/// ("no action described").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cap {
    pub rule: Rule,
    pub reason: String,
}

/// What the checker knows about the question, when the answer is for a known question.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuestionContext<'a> {
    pub question: Option<QuestionRef<'a>>,
    /// A time budget that replaces the question's (a drill's).
    pub budget_override: Option<u32>,
    /// The follow-up question the answer answers, when it answers one rather than the
    /// question itself.
    pub follow_up: Option<&'a str>,
}

impl<'a> QuestionContext<'a> {
    pub fn of(q: QuestionRef<'a>) -> Self {
        QuestionContext {
            question: Some(q),
            ..QuestionContext::default()
        }
    }

    /// The same, with the time budget replaced when `budget` is given.
    pub fn with_budget(self, budget: Option<u32>) -> Self {
        QuestionContext {
            budget_override: budget.or(self.budget_override),
            ..self
        }
    }

    /// The same, for an answer to the follow-up question `text`.
    pub fn with_follow_up(self, text: &'a str) -> Self {
        QuestionContext {
            follow_up: Some(text),
            ..self
        }
    }

    /// The shape of answer it asks for: a follow-up's, the question's, or a story when
    /// there is no question.
    pub fn shape(&self, rules: &Rules) -> expect::Shape {
        match (self.follow_up, self.question) {
            (Some(_), _) => expect::Shape::FollowUp,
            (None, Some(q)) => expect::shape_of(q.question, &rules.file),
            (None, None) => expect::Shape::Story,
        }
    }

    /// The time budget: a drill's, else a follow-up's, else the question's (150 s without
    /// one).
    fn budget(&self, spec: &expect::ShapeSpec) -> u32 {
        self.budget_override
            .or(spec.budget_seconds)
            .or(self.question.map(|q| q.question.time_budget_seconds))
            .unwrap_or(150)
    }
}

/// Whether a question is about alignment or partnerships across teams, where naming
/// internal stakeholders is expected, from its text and competency.
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

/// What the checker works out once from a question: its cue lists, compiled, and whether
/// it wants stakeholders named.
pub struct QuestionFacts {
    cues: coverage::QuestionCues,
    wants_stakeholders: bool,
    /// The shape of answer it asks for.
    shape: expect::Shape,
}

impl QuestionFacts {
    fn of(q: &Question, rules: &Rules) -> QuestionFacts {
        QuestionFacts {
            cues: coverage::QuestionCues::of(q),
            wants_stakeholders: wants_stakeholders(q),
            shape: expect::shape_of(q, &rules.file),
        }
    }
}

/// The checker: the rules, and what it has worked out of each question it has checked an
/// answer against, kept so that a batch or a session compiles a question's cue lists once.
///
/// A question is known by its id, as in a [`crate::Catalog`]: one checker serves questions
/// whose ids name one question each.
pub struct Checker {
    rules: Rules,
    questions: RwLock<FxHashMap<Box<str>, Arc<QuestionFacts>>>,
    /// The banks' model answers, to name an answer that copies one.
    models: Option<substance::Models>,
}

impl Checker {
    pub fn new(rules: Rules) -> Checker {
        Checker {
            rules,
            questions: RwLock::default(),
            models: None,
        }
    }

    /// The same, knowing the model answers of every question in `catalog`, so an answer
    /// copied from one is named and earns nothing for the copied part.
    pub fn with_models(mut self, catalog: &crate::Catalog) -> Checker {
        let models = catalog
            .all_questions()
            .map(|q| (q.question.id.clone(), q.question.model_answer.full_text()));
        self.models = Some(substance::Models::new(models));
        self
    }

    /// The rules it checks by.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Check one answer.
    pub fn check(&self, answer: &str, ctx: QuestionContext<'_>) -> Report {
        let facts = ctx.question.map(|q| self.facts(q.question));
        analyze_with(
            answer,
            ctx,
            &self.rules,
            facts.as_deref(),
            self.models.as_ref(),
        )
    }

    /// The question's facts, worked out on first use and kept.
    fn facts(&self, q: &Question) -> Arc<QuestionFacts> {
        let known = self
            .questions
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(facts) = known.get(q.id.as_str()) {
            return Arc::clone(facts);
        }
        drop(known);
        let facts = Arc::new(QuestionFacts::of(q, &self.rules));
        let mut known = self
            .questions
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(known.entry(Box::from(q.id.as_str())).or_insert(facts))
    }
}

/// The answer's sentences with their tokens annotated for this rules' lexicons — what the
/// part rules read.
pub fn prepare(answer: &str, rules: &Rules) -> Vec<text::Sentence> {
    text::sentences_with(answer, Some(rules))
}

/// Check one answer (a question's cue lists are compiled for this answer alone: to check
/// many, use a [`Checker`]).
pub fn analyze(answer: &str, ctx: QuestionContext<'_>, rules: &Rules) -> Report {
    let facts = ctx.question.map(|q| QuestionFacts::of(q.question, rules));
    analyze_with(answer, ctx, rules, facts.as_ref(), None)
}

/// A model answer's sentences' word keys, split and stemmed as an answer's are.
fn model_keys(text: &str, rules: &Rules) -> Vec<substance::SentenceKeys> {
    let sentences = prepare(text, rules);
    view::fast(text, &sentences, rules)
        .iter()
        .map(substance::keys)
        .collect()
}

/// Check one answer on the fast path, with the question's facts when it has a question.
fn analyze_with(
    answer: &str,
    ctx: QuestionContext<'_>,
    rules: &Rules,
    facts: Option<&QuestionFacts>,
    models: Option<&substance::Models>,
) -> Report {
    let sentences = prepare(answer, rules);
    let metrics = metrics::find_metrics_in(answer, &sentences);
    let all = view::fast(answer, &sentences, rules);
    let split = |text: &str| model_keys(text, rules);
    let against = models.map(|models| substance::Against {
        models,
        split: &split,
    });
    let excluded = substance::exclusions(answer, &all, against);
    let (views, metrics) = kept(all, metrics, &excluded);
    let shape = match (ctx.follow_up, facts) {
        (None, Some(f)) => f.shape,
        _ => ctx.shape(rules),
    };
    let (mut positive, negative) = match facts {
        Some(f) => (
            f.cues.positive_hits(answer, &views),
            f.cues.negative_hits(answer, &views),
        ),
        None => (Vec::new(), Vec::new()),
    };
    if let Some(text) = ctx.follow_up {
        let items = coverage::follow_up_items(text, &rules.file.lexicons[&Lex::QuestionWords]);
        positive = coverage::follow_up_hits(&items, answer, &views);
    }
    assemble(Found {
        answer,
        sentences: &views,
        metrics,
        positive,
        negative,
        wants_stakeholders: facts.is_none_or(|f| f.wants_stakeholders),
        shape: &rules.file.shapes[&shape],
        shape_kind: shape,
        excluded,
        ctx,
        rules,
    })
}

/// The sentences and metrics the rules read: those outside the excluded sentences.
fn kept<S: view::SentenceView>(
    all: Vec<S>,
    metrics: Vec<Metric>,
    excluded: &substance::Excluded,
) -> (Vec<S>, Vec<Metric>) {
    let mut spans: Vec<(usize, usize)> = excluded
        .repeated_spans
        .iter()
        .chain(&excluded.copied_spans)
        .copied()
        .collect();
    spans.sort_unstable();
    // Sentences do not overlap: a metric is inside the last span that starts before it.
    let inside = |m: &Metric| {
        let at = spans.partition_point(|&(a, _)| a <= m.start);
        at > 0 && m.end <= spans[at - 1].1
    };
    let views: Vec<S> = all
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !excluded.contains(*i))
        .map(|(_, v)| v)
        .collect();
    let metrics = metrics
        .into_iter()
        .filter(|m| !inside(m))
        .map(|mut m| {
            m.borderline = parts::is_borderline_in(&m, &views);
            m
        })
        .collect();
    (views, metrics)
}

/// What a checker found in an answer before the rules read it: its sentences, metrics and
/// the question's cue hits.
struct Found<'a, S> {
    answer: &'a str,
    sentences: &'a [S],
    metrics: Vec<Metric>,
    /// For each point to cover (the question's areas and positive indicators, or the
    /// follow-up's), the matches of its cues.
    positive: Vec<Vec<coverage::CueHit>>,
    /// For each negative indicator, the matches of its cues.
    negative: Vec<Vec<coverage::CueHit>>,
    /// Whether the question wants stakeholders named (every answer without a question
    /// does, since all prepcoach questions are about partnership work).
    wants_stakeholders: bool,
    /// What the question asks for.
    shape: &'a expect::ShapeSpec,
    shape_kind: expect::Shape,
    /// Sentences taken out (repeats and copies) before the rules read the answer.
    excluded: substance::Excluded,
    ctx: QuestionContext<'a>,
    rules: &'a Rules,
}

/// The report: the part rules, delivery, coverage, mistakes and the score, read from what
/// was found.
fn assemble<S: view::SentenceView>(found: Found<'_, S>) -> Report {
    let Found {
        answer,
        sentences,
        metrics,
        positive,
        negative,
        wants_stakeholders,
        shape,
        shape_kind,
        excluded,
        ctx,
        rules,
    } = found;
    let feats = parts::features(answer, sentences, &metrics);
    // A story's small enumeration ("three specific risks") marks a concrete sentence, so the
    // parts read it, but it measures nothing: it is not reported or scored as a metric.
    let metrics: Vec<Metric> = metrics
        .into_iter()
        .filter(|m| !parts::is_story_count_in(m, sentences))
        .collect();
    let classified = parts::classify(&feats);
    let roles = parts::roles(&feats, &classified);
    let shown = parts::evidence(&classified, &roles);
    let make = |p: Part| PartReport {
        present: !classified[p].is_empty(),
        evidence: shown[p]
            .iter()
            .map(|&s| Span::of(answer, sentences[s].start(), sentences[s].end()))
            .collect(),
    };
    let parts = Parts {
        context: make(Part::Context),
        approach: make(Part::Approach),
        example: make(Part::Example),
        outcome: make(Part::Outcome),
        learning: make(Part::Learning),
    };
    let delivery = delivery::measure(answer, sentences, ctx.budget(shape), &rules.file.delivery);
    let mut cue_spans: Vec<(usize, usize)> = positive
        .iter()
        .flatten()
        .map(|h| (h.start, h.end))
        .collect();
    cue_spans.sort_unstable();
    let coverage = match ctx.question {
        Some(q) => {
            let acting: Vec<bool> = feats.iter().map(|f| f.actions > 0).collect();
            match ctx.follow_up {
                Some(text) => {
                    let words = &rules.file.lexicons[&Lex::QuestionWords];
                    let items = coverage::follow_up_items(text, words);
                    let items = items.iter().map(|c| ("follow-up", c));
                    coverage::measure(items, positive, &acting, answer)
                }
                None => coverage::measure(
                    coverage::positive_items(q.question),
                    positive,
                    &acting,
                    answer,
                ),
            }
        }
        None => Coverage::default(),
    };
    let vague_claims = mistakes::vague_claims(answer, sentences, &metrics);
    let mut findings = mistakes::find(&mistakes::Input {
        answer,
        sentences,
        feats: &feats,
        classified: &classified,
        roles: &roles,
        metrics: &metrics,
        vague: &vague_claims,
        delivery: &delivery,
        negative: &negative,
        wants_stakeholders,
        shape,
        nothing_left: sentences.is_empty() && !excluded.copied.is_empty()
            || sentences.is_empty() && !excluded.repeated.is_empty(),
        ctx,
        rules,
    });
    let gate_input = substance::GateInput {
        answer,
        sentences,
        feats: &feats,
        parts: &parts,
        metrics: &metrics,
        cue_spans: &cue_spans,
        excluded: &excluded,
        shape,
        shape_kind,
        topic: topic::Reading {
            // Counterparties named as such: "the partner's team" names one, "partnered
            // with engineering" none.
            counterparties: sentences
                .iter()
                .map(|s| {
                    s.entries(Lex::Counterparties)
                        .filter(|&(i, j)| j - i > 1 || !s.is(i, Class::ENDS_ED))
                        .count()
                })
                .sum(),
            ..topic::read(sentences.iter().flat_map(|s| {
                (0..s.len())
                    .filter(|&i| s.is(i, Class::ALPHA) && !s.is(i, Class::FUNCTION))
                    .map(|i| s.topic_row(i))
            }))
        },
    };
    let (substance, failed) = substance::gates(&gate_input);
    let soup = substance.number_soup;
    mistakes::gate_findings(&mut findings, &failed, &excluded, rules);
    findings.sort_by_key(|f| (f.start, std::cmp::Reverse(f.severity)));
    let (score, band, breakdown) = score::score(&score::Inputs {
        parts: &parts,
        metrics: &metrics,
        vague: &vague_claims,
        coverage: &coverage,
        delivery: &delivery,
        findings: &findings,
        shape,
        ctx,
        short_ratio: rules.file.delivery.too_short_ratio,
        soup,
    });
    let cap = score::cap(band, &failed, rules);
    let band = if cap.is_some() { Band::Below } else { band };
    let mut suggestions = score::suggestions(answer, &parts, &findings, &coverage, &metrics, shape);
    if let Some(cap) = &cap {
        if let Some(fix) = score::lift(cap.rule) {
            // What keeps the band down comes first, and says what a part's suggestion
            // would say again.
            suggestions.retain(|s| {
                s != fix && !(cap.rule == Rule::NoSpecifics && s.starts_with("Anchor it"))
            });
            suggestions.insert(0, fix.to_string());
            suggestions.truncate(3);
        }
    }
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
        substance,
        cap,
    }
}

/// What the checker saw in one sentence, for tuning the rules file
/// (`examples/explain.rs`): its span, the features the part rules read, and the parts it
/// counts for.
#[derive(Debug, Clone)]
pub struct SentenceExplanation {
    pub span: Span,
    pub features: parts::Features,
    pub parts: Vec<Part>,
}

/// Each sentence of an answer as the part rules saw it.
pub fn explain(answer: &str, rules: &Rules) -> Vec<SentenceExplanation> {
    let sentences = prepare(answer, rules);
    let views = view::fast(answer, &sentences, rules);
    let metrics = metrics::find_metrics_in(answer, &sentences);
    let feats = parts::features(answer, &views, &metrics);
    let classified = parts::classify(&feats);
    sentences
        .iter()
        .zip(feats)
        .enumerate()
        .map(|(i, (s, features))| SentenceExplanation {
            span: Span::of(answer, s.start, s.end),
            features,
            parts: classified
                .iter()
                .filter(|(_, list)| list.contains(&i))
                .map(|(p, _)| p)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> Report {
        analyze(text, QuestionContext::default(), &Rules::builtin().unwrap())
    }

    #[test]
    fn each_part_quotes_the_sentence_that_shows_it_best() {
        // A story told in order whose opening states the stakes with a number: the opening
        // is the context, not the result, and no "result before action" fires.
        let story = "At a payroll software company, our biggest reseller had missed its target by 35% for two quarters. I pulled their deal registrations and ran enablement for seven of their sellers. Within two quarters their pipeline grew 55% and they signed 12 new customers. Since then I look at rep coverage before a partner's totals.";
        let r = check(story);
        let first = |p: Part| r.parts.get(p).evidence.first().map(|e| e.text.clone());
        let sentence = |k: usize| {
            text::sentences(story)
                .get(k)
                .map(|s| story[s.start..s.end].to_string())
        };
        assert_eq!(first(Part::Context), sentence(0));
        assert_eq!(first(Part::Approach), sentence(1));
        assert_eq!(first(Part::Outcome), sentence(2));
        assert_eq!(first(Part::Learning), sentence(3));
        assert!(
            !r.findings
                .iter()
                .any(|f| f.rule == Rule::OutcomeBeforeAction),
            "{:?}",
            r.findings
        );
        // Told result first, it still fires.
        let result_first = "Their pipeline grew 55% and they signed 12 new customers within two quarters. Our biggest reseller had missed its target. I pulled their deal registrations and ran enablement for seven of their sellers.";
        assert!(check(result_first)
            .findings
            .iter()
            .any(|f| f.rule == Rule::OutcomeBeforeAction));
    }

    #[test]
    fn borderline_counts_are_reported_not_scored() {
        let r = check("I made over 200 partner calls and two of their engineers joined the pilot. We signed 12 new partners.");
        let m: Vec<(&str, bool)> = r
            .metrics
            .iter()
            .map(|m| (m.text.as_str(), m.borderline))
            .collect();
        assert_eq!(
            m,
            [
                ("over 200 partner calls", true),
                ("two of their engineers", true),
                ("12 new partners", false)
            ]
        );
        assert_eq!(r.substance.real_metrics, 1);
        // A plan's target and backstory in the past perfect are no outcome.
        for text in [
            "I'd spend the first month with their sellers. By day 90 I'd want to present a plan that doubles partner-sourced pipeline within a year.",
            "We had two resellers claiming the same prospect, and both had registered it within days of each other.",
        ] {
            assert!(!check(text).parts.outcome.present, "{text}");
        }
        // What the speaker does whenever something happens is a method, not the situation.
        let r = check("When a reseller's customers churn more than the rest of the channel, I look at what they sell and to whom. Then I call their sales lead.");
        assert!(!r.parts.context.present, "{:?}", r.parts.context);
        // "40+ partners": a count with its plus.
        let r = check("We now have 40+ partners and 30+ referrals a month.");
        let texts: Vec<&str> = r.metrics.iter().map(|m| m.text.as_str()).collect();
        assert!(
            texts.contains(&"40+ partners") && texts.contains(&"30+ referrals a month"),
            "{texts:?}"
        );
        // A story's small enumeration measures nothing; a gain, a share, a party or digits do.
        let r = check("I split the rollout into two smaller chunks and listed three specific risks. We signed four more banks, two of the consultancies came back, and 3 risks closed.");
        let texts: Vec<&str> = r.metrics.iter().map(|m| m.text.as_str()).collect();
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("chunks") || t.contains("specific risks")),
            "{texts:?}"
        );
        for kept in ["four more banks", "two of the consultancies", "3 risks"] {
            assert!(texts.iter().any(|t| t.contains(kept)), "{kept}: {texts:?}");
        }
        // Tenure and effort are no metric at all.
        let r = check("I have run partner programs for the past four years, and I spent a couple of hours on each plan.");
        assert!(r.metrics.is_empty(), "{:?}", r.metrics);
    }

    #[test]
    fn results_said_plainly_are_outcomes() {
        for text in [
            "I rebuilt their incentive plan with the partner. Their win rate got better, from 12% to 31%.",
            "I wrote the fix and rolled it out to the partner's stores. We were able to get failures back under 0.1% in about three hours.",
            "I rewrote their onboarding guide with the partner's IT lead. They had no complaints about the performance after that.",
            "I sat down with their CTO and walked her through the roadmap. She became one of our biggest advocates inside the partner.",
            "I rebuilt the sync with the partner's engineers. We never had another outage on that integration.",
            "I met their sales manager and we agreed to co-fund a hire. They were back on target two quarters later.",
            "I ran two trainings with their sales lead. Their registrations recovered to 26 a quarter.",
        ] {
            assert!(check(text).parts.outcome.present, "{text}");
        }
        // A bad result is a result; a term agreed is a metric.
        let r = check("Their import kept failing before go-live, so I stayed late every night to help. In the end they didn't renew the following year.");
        assert!(r.parts.outcome.present);
        let r = check("I rebuilt the onboarding for the partner, and the account renewed for 3 years at a 10% uplift.");
        assert!(
            r.metrics.iter().any(|m| m.text.ends_with("3 years")),
            "{:?}",
            r.metrics
        );
        // "up to" before a number is a quantity, not a career ("worked my way up to" is).
        let r = check("Tessa said the contract promised unlimited use. I proposed free use up to three times their current volume, priced above that. They signed within a month and usage grew 60 percent.");
        assert!(r.parts.approach.present, "{:?}", r.parts.approach);
        // A habit drawn from the story is a lesson.
        let r = check("I ran a pilot with the carrier in one region. It added 3,200 users, so I always pilot small first.");
        assert!(r.parts.learning.present);
        // A habit of having something is no lesson.
        let r = check("On Fridays I would have a call with each of their partner managers to go over registrations.");
        assert!(!r.parts.learning.present);
    }

    #[test]
    fn any_verb_the_speaker_did_is_an_action() {
        for text in [
            "Our biggest reseller had stalled. I trimmed the partner list to twelve accounts.",
            "Our biggest reseller had stalled.\n- Brainstormed options with their sales lead\n- Trimmed the partner list to twelve",
        ] {
            assert!(check(text).parts.approach.present, "{text}");
        }
        // Being, knowing and studying are no action taken.
        for text in [
            "Before all of that I studied economics at a large university.",
            "I felt the partner was unhappy and I knew their sales lead well.",
        ] {
            assert!(!check(text).parts.approach.present, "{text}");
        }
    }

    #[test]
    fn a_scene_set_in_any_form_is_context() {
        for text in [
            "So it's late November, and our co-sell plan with a big cloud provider is 40% behind the sourced-pipeline target. I mapped their top accounts against ours.",
            "New reseller partner, onboarded in February, zero registered deals after 90 days. I spent a day with their four sellers and built them a pitch.",
            "One that stands out: a data-warehouse vendor we'd integrated with had a big field team, and only 3 of their 60 sellers had ever registered a deal. I rewrote our battlecard.",
        ] {
            assert!(check(text).parts.context.present, "{text}");
        }
        // Backstory in the past perfect is no result.
        let r = check("Our biggest reseller had fallen 40% behind its pipeline plan for two quarters. I pulled their deal registrations.");
        assert!(!r.parts.outcome.present);
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
            parts in proptest::collection::vec((proptest::sample::select(metricish()), proptest::sample::select(&[" ", "", "\n", ", ", ". ", " - "][..])), 0..40)
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
                let fast = view::Fast::new(&text, &s, &rules);
                for &lex in rules::Lex::ALL {
                    let l = rules.lex(lex);
                    let scan: Vec<_> = l.matches(&s.tokens, u64::MAX).collect();
                    let with_hits: Vec<_> = l.matches(&s.tokens, s.hits).collect();
                    prop_assert_eq!(&with_hits, &scan, "{:?} in {:?}", lex, s.text(&text));
                    prop_assert_eq!(view::SentenceView::has_entry(&fast, lex), !scan.is_empty());
                }
            }
        }

        #[test]
        fn never_panics_on_answer_like_noise(text in r"([A-Za-z’“”—–•\-\*0-9$%., \n:;!?🚀é]{0,12}( |\n)){0,40}") {
            let r = check(&text);
            spans_valid(&text, &r);
        }
    }

    /// [`METRICISH`] and every entry of the metric patterns' cue lists (and its plural):
    /// a word added to a list is in the property test's vocabulary at once.
    fn metricish() -> Vec<&'static str> {
        use metric_patterns::*;
        let lists = [
            NUMBER_WORDS,
            TIME_UNITS,
            FRACTIONS,
            MULTIPLIERS,
            AMOUNTS,
            PERCENT_WORDS,
            CURRENCIES,
            SCALES,
        ];
        let mut out: Vec<&'static str> = METRICISH.to_vec();
        for entry in lists.into_iter().flatten() {
            out.push(entry);
            out.push(Box::leak(format!("{entry}s").into_boxed_str()));
        }
        out
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
        assert_eq!(r.findings[0].rule, Rule::EmptyAnswer);
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
