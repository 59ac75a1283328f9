//! Findings: the parts that are missing, the known mistakes the prep guides warn about, and
//! delivery problems — each with its rule id, severity and the span that caused it.

use super::coverage::CueHit;
use super::expect::ShapeSpec;
use super::metrics::within;
use super::parts::Features;
use super::rules::{Lex, Rules};
use super::view::SentenceView;
use super::words::Class;
use super::{Delivery, Finding, Metric, Pace, Part, PartMap, QuestionContext, Rule, Span};

/// Everything the mistake rules look at.
pub struct Input<'a, S> {
    pub answer: &'a str,
    pub sentences: &'a [S],
    pub feats: &'a [Features],
    pub classified: &'a PartMap<Vec<usize>>,
    /// What each sentence does first and second.
    pub roles: &'a [super::parts::Role],
    pub metrics: &'a [Metric],
    pub vague: &'a [Span],
    pub delivery: &'a Delivery,
    /// For each negative indicator of the question, the matches of its cues.
    pub negative: &'a [Vec<CueHit>],
    /// Whether the question is about work across teams, where naming internal
    /// stakeholders is expected.
    pub wants_stakeholders: bool,
    /// What the question asks for.
    pub shape: &'a ShapeSpec,
    /// Every sentence was taken out (copied or repeated) before the rules read it.
    pub nothing_left: bool,
    pub ctx: QuestionContext<'a>,
    pub rules: &'a Rules,
}

struct Out<'a> {
    rules: &'a Rules,
    list: Vec<Finding>,
}

impl Out<'_> {
    fn add(&mut self, rule: Rule, start: usize, end: usize, detail: Option<String>) {
        if let Some(spec) = self.rules.rule(rule) {
            // Joined by hand: an answer can have dozens of findings, and `format!` costs
            // several times a plain copy.
            let message = match detail {
                Some(d) => [spec.message.as_str(), " ", &d].concat(),
                None => spec.message.clone(),
            };
            self.list.push(Finding {
                rule,
                severity: spec.severity,
                message,
                start,
                end,
            });
        }
    }
}

/// A finding's detail quoting the answer: `('…')`.
fn quoted(text: &str) -> String {
    ["('", text, "')"].concat()
}

/// Vague claims: intensifiers ("significantly", "grew a lot") in sentences with no number.
pub fn vague_claims<S: SentenceView>(
    answer: &str,
    sentences: &[S],
    metrics: &[Metric],
) -> Vec<Span> {
    sentences
        .iter()
        .filter(|s| within(metrics, s.start(), s.end()).is_empty())
        .flat_map(|s| s.entries(Lex::VagueClaims).map(move |m| s.span(answer, m)))
        .collect()
}

/// Every finding for the answer.
pub fn find<S: SentenceView>(inp: &Input<'_, S>) -> Vec<Finding> {
    let mut out = Out {
        rules: inp.rules,
        list: Vec::new(),
    };
    let len = inp.answer.len();
    if inp.sentences.is_empty() {
        // An answer all of whose sentences were taken out (copies, repeats) is not empty:
        // its findings say why.
        if !inp.nothing_left {
            out.add(Rule::EmptyAnswer, 0, len, None);
        }
        return out.list;
    }
    missing_parts(inp, &mut out);
    if inp.metrics.is_empty() {
        let at = inp.classified[Part::Outcome]
            .first()
            .map_or((0, len), |&i| sent(inp, i));
        out.add(Rule::NoMetrics, at.0, at.1, None);
    }
    for v in inp.vague {
        out.add(Rule::VagueClaim, v.start, v.end, Some(quoted(&v.text)));
    }
    activity_volume(inp, &mut out);
    lexicon_findings(inp, &mut out, Lex::Criticism, Rule::Criticism, true);
    lexicon_findings(inp, &mut out, Lex::Jargon, Rule::Jargon, false);
    ownership(inp, &mut out);
    kind_rules(inp, &mut out);
    delivery(inp, &mut out);
    flow(inp, &mut out);
    negative_indicators(inp, &mut out);
    out.list
}

fn sent<S: SentenceView>(inp: &Input<'_, S>, i: usize) -> (usize, usize) {
    (inp.sentences[i].start(), inp.sentences[i].end())
}

fn missing_parts<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let n = inp.sentences.len();
    let first = sent(inp, 0);
    let last = sent(inp, n - 1);
    let whole = (first.0, last.1);
    for &part in &inp.shape.parts {
        let at = match part {
            Part::Context => first,
            Part::Approach | Part::Example => whole,
            Part::Outcome | Part::Learning => last,
        };
        if inp.classified[part].is_empty() {
            out.add(Rule::missing(part), at.0, at.1, None);
        }
    }
}

fn activity_volume<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    if !inp.classified[Part::Outcome].is_empty() {
        return;
    }
    let activity = inp.rules.lex(Lex::ActivityNouns);
    let hits: Vec<&Metric> = inp
        .metrics
        .iter()
        .filter(|m| {
            m.core_text().split_whitespace().last().is_some_and(|w| {
                activity.contains(
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                )
            })
        })
        .collect();
    if hits.len() >= 2 || (hits.len() == 1 && inp.metrics.len() == 1) {
        let (s, e) = (hits[0].start, hits[hits.len() - 1].end);
        out.add(Rule::ActivityWithoutOutcome, s, e, None);
    }
}

/// A finding for each entry of the lexicon in the answer; with `affirmed`, not where a
/// negation reaches it ("they were not lazy").
fn lexicon_findings<S: SentenceView>(
    inp: &Input<'_, S>,
    out: &mut Out<'_>,
    lexicon: Lex,
    rule: Rule,
    affirmed: bool,
) {
    for s in inp.sentences {
        for m in s
            .entries(lexicon)
            .filter(|&(i, _)| !affirmed || !s.negated(i))
        {
            let (a, b) = (s.word_start(m.0), s.word_end(m.1 - 1));
            out.add(rule, a, b, Some(quoted(&inp.answer[a..b])));
        }
    }
}

fn ownership<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let we: Vec<(usize, usize)> = inp
        .sentences
        .iter()
        .flat_map(|s| {
            (0..s.len())
                .filter(|&i| s.is_entry(i, Lex::PluralPerson))
                .map(|i| (s.word_start(i), s.word_end(i)))
        })
        .collect();
    // "I think" or "I mean" is no action the speaker owned.
    let owns = inp.sentences.iter().any(|s| {
        let hedged: Vec<(usize, usize)> = s
            .entries(Lex::Hedges)
            .chain(s.entries(Lex::Fillers))
            .collect();
        (0..s.len()).any(|i| {
            s.is(i, Class::SINGULAR_SPEAKER) && !hedged.iter().any(|&(a, b)| a <= i && i < b)
        })
    });
    if we.len() >= 3 && !owns {
        out.add(Rule::WeNotI, we[0].0, we[0].1, None);
    }
}

fn kind_rules<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let len = inp.answer.len();
    let words = inp.delivery.words;
    if inp.ctx.question.is_some() {
        if inp.shape.past_instance && inp.classified[Part::Example].is_empty() {
            let modal: Vec<usize> = (0..inp.feats.len())
                .filter(|&i| inp.feats[i].modal && inp.feats[i].past == 0)
                .collect();
            let past = inp.feats.iter().filter(|f| f.past > 0 && !f.modal).count();
            if modal.len() >= 2 && modal.len() > past {
                let (a, _) = sent(inp, modal[0]);
                let (_, b) = sent(inp, modal[modal.len() - 1]);
                out.add(Rule::HypotheticalAnswer, a, b, None);
            }
        }
        if inp.shape.clarify
            && words >= 25
            && !inp.answer.contains('?')
            && !inp
                .sentences
                .iter()
                .any(|s| s.has_affirmed(Lex::Clarifying))
        {
            out.add(Rule::NoClarifyingQuestion, 0, len, None);
        }
    }
    if inp.wants_stakeholders
        && words >= 60
        && !inp
            .sentences
            .iter()
            .any(|s| s.has_affirmed(Lex::Stakeholders))
    {
        out.add(Rule::NoStakeholders, 0, len, None);
    }
}

fn delivery<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let d = inp.delivery;
    let len = inp.answer.len();
    let detail = Some(format!(
        "(about {} s to say; the budget is {} s)",
        d.speaking_seconds, d.budget_seconds
    ));
    match d.pace {
        Pace::TooShort => out.add(Rule::TooShort, 0, len, detail),
        Pace::TooLong => out.add(Rule::TooLong, 0, len, detail),
        Pace::AboutRight => {}
    }
    for f in &d.fillers {
        out.add(Rule::Filler, f.start, f.end, Some(quoted(&f.text)));
    }
    for h in &d.hedges {
        out.add(Rule::Hedge, h.start, h.end, Some(quoted(&h.text)));
    }
    let limit = inp.rules.file.delivery.long_sentence_words;
    for s in inp.sentences.iter().filter(|s| s.len() > limit) {
        out.add(
            Rule::LongSentence,
            s.start(),
            s.end(),
            Some(format!("({} words)", s.len())),
        );
    }
}

fn flow<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let c = inp.classified;
    let learning = &c[Part::Learning];
    if inp.sentences.len() >= 3
        && learning.first() == Some(&0)
        && inp.roles.first().and_then(|r| r.primary) == Some(Part::Learning)
        && learning.len() < inp.sentences.len()
    {
        let (a, b) = sent(inp, 0);
        out.add(Rule::LessonFirst, a, b, None);
    }
    // The order a story is told in: what each sentence does first.
    let first_doing = |p: Part| inp.roles.iter().position(|r| r.primary == Some(p));
    if let (Some(o), Some(a)) = (first_doing(Part::Outcome), first_doing(Part::Approach)) {
        if o < a && !c[Part::Approach].contains(&o) {
            let (s, e) = sent(inp, o);
            out.add(Rule::OutcomeBeforeAction, s, e, None);
        }
    }
}

fn negative_indicators<S: SentenceView>(inp: &Input<'_, S>, out: &mut Out<'_>) {
    let Some(q) = inp.ctx.question else {
        return;
    };
    for (ind, hits) in q.question.indicators.negative.iter().zip(inp.negative) {
        if let Some(hit) = super::coverage::counting(hits.clone()).first() {
            out.add(
                Rule::NegativeIndicator,
                hit.start,
                hit.end,
                Some(["(", ind.text.as_str(), ")"].concat()),
            );
        }
    }
}

/// The findings for sentences taken out (each repeat; the first copied sentence, naming the
/// model answer) and for the substance gates that failed.
pub fn gate_findings(
    findings: &mut Vec<Finding>,
    failed: &[super::substance::Failed],
    excluded: &super::substance::Excluded,
    rules: &Rules,
) {
    let mut out = Out {
        rules,
        list: std::mem::take(findings),
    };
    for &(a, b) in &excluded.repeated_spans {
        out.add(Rule::Repeated, a, b, None);
    }
    if let (Some(&(a, b)), Some(id)) = (excluded.copied_spans.first(), &excluded.copied_from) {
        let n = excluded.copied_spans.len();
        let detail = format!(
            "(close to the model answer of {id}: {n} sentence{})",
            if n == 1 { "" } else { "s" }
        );
        out.add(Rule::CopiedModelAnswer, a, b, Some(detail));
    }
    for f in failed {
        if !matches!(
            f.rule,
            Rule::Repeated | Rule::CopiedModelAnswer | Rule::MissingApproach
        ) {
            out.add(f.rule, f.span.0, f.span.1, f.detail.clone());
        }
    }
    *findings = out.list;
}
