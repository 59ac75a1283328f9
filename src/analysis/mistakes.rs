//! Findings: the parts that are missing, the known mistakes the prep guides warn about, and
//! delivery problems — each with its rule id, severity and the span that caused it.

use super::coverage::negative_hits;
use super::metrics::within;
use super::parts::Features;
use super::rules::{Lex, Rules};
use super::text::Sentence;
use super::{Delivery, Finding, Metric, Pace, QuestionContext, Span};

/// Everything the mistake rules look at.
pub struct Input<'a> {
    pub answer: &'a str,
    pub sentences: &'a [Sentence],
    pub feats: &'a [Features],
    pub classified: &'a [Vec<usize>; 5],
    pub metrics: &'a [Metric],
    pub vague: &'a [Span],
    pub delivery: &'a Delivery,
    pub ctx: QuestionContext<'a>,
    pub rules: &'a Rules,
}

struct Out<'a> {
    rules: &'a Rules,
    list: Vec<Finding>,
}

impl Out<'_> {
    fn add(&mut self, rule: &str, start: usize, end: usize, detail: Option<String>) {
        if let Some(spec) = self.rules.rule(rule) {
            // Joined by hand: an answer can have dozens of findings, and `format!` costs
            // several times a plain copy.
            let message = match detail {
                Some(d) => [spec.message.as_str(), " ", &d].concat(),
                None => spec.message.clone(),
            };
            self.list.push(Finding {
                rule: rule.to_string(),
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
pub fn vague_claims(
    answer: &str,
    sentences: &[Sentence],
    metrics: &[Metric],
    rules: &Rules,
) -> Vec<Span> {
    sentences
        .iter()
        .filter(|s| within(metrics, s.start, s.end).is_empty())
        .flat_map(|s| {
            rules
                .lex(Lex::VagueClaims)
                .find_in(s)
                .into_iter()
                .map(move |(i, j)| Span::of(answer, s.tokens[i].start, s.tokens[j - 1].end))
        })
        .collect()
}

/// Every finding for the answer.
pub fn find(inp: &Input<'_>) -> Vec<Finding> {
    let mut out = Out {
        rules: inp.rules,
        list: Vec::new(),
    };
    let len = inp.answer.len();
    if inp.sentences.is_empty() {
        out.add("empty-answer", 0, len, None);
        return out.list;
    }
    missing_parts(inp, &mut out);
    if inp.metrics.is_empty() {
        let at = inp.classified[3]
            .first()
            .map_or((0, len), |&i| sent(inp, i));
        out.add("no-metrics", at.0, at.1, None);
    }
    for v in inp.vague {
        out.add("vague-claim", v.start, v.end, Some(quoted(&v.text)));
    }
    activity_volume(inp, &mut out);
    lexicon_findings(inp, &mut out, Lex::Criticism, "criticism");
    lexicon_findings(inp, &mut out, Lex::Jargon, "jargon");
    ownership(inp, &mut out);
    kind_rules(inp, &mut out);
    delivery(inp, &mut out);
    flow(inp, &mut out);
    negative_indicators(inp, &mut out);
    out.list
}

fn sent(inp: &Input<'_>, i: usize) -> (usize, usize) {
    (inp.sentences[i].start, inp.sentences[i].end)
}

fn missing_parts(inp: &Input<'_>, out: &mut Out<'_>) {
    let n = inp.sentences.len();
    let first = sent(inp, 0);
    let last = sent(inp, n - 1);
    let whole = (first.0, last.1);
    let at = [first, whole, whole, last, last];
    let rule = [
        "missing-context",
        "missing-approach",
        "missing-example",
        "missing-outcome",
        "missing-learning",
    ];
    for p in 0..5 {
        if inp.classified[p].is_empty() {
            out.add(rule[p], at[p].0, at[p].1, None);
        }
    }
}

fn activity_volume(inp: &Input<'_>, out: &mut Out<'_>) {
    if !inp.classified[3].is_empty() {
        return;
    }
    let activity = inp.rules.lex(Lex::ActivityNouns);
    let hits: Vec<&Metric> = inp
        .metrics
        .iter()
        .filter(|m| {
            m.text.split_whitespace().last().is_some_and(|w| {
                activity.has_word(
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                )
            })
        })
        .collect();
    if hits.len() >= 2 || (hits.len() == 1 && inp.metrics.len() == 1) {
        let (s, e) = (hits[0].start, hits[hits.len() - 1].end);
        out.add("activity-without-outcome", s, e, None);
    }
}

fn lexicon_findings(inp: &Input<'_>, out: &mut Out<'_>, lexicon: Lex, rule: &str) {
    for s in inp.sentences {
        for (i, j) in inp.rules.lex(lexicon).find_in(s) {
            let (a, b) = (s.tokens[i].start, s.tokens[j - 1].end);
            out.add(rule, a, b, Some(quoted(&inp.answer[a..b])));
        }
    }
}

fn ownership(inp: &Input<'_>, out: &mut Out<'_>) {
    let we: Vec<(usize, usize)> = inp
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter())
        .filter(|t| inp.rules.lex(Lex::PluralPerson).has_token(t))
        .map(|t| (t.start, t.end))
        .collect();
    let owns = inp
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter())
        .any(|t| t.class & super::words::SINGULAR_SPEAKER != 0);
    if we.len() >= 3 && !owns {
        out.add("we-not-i", we[0].0, we[0].1, None);
    }
}

fn kind_rules(inp: &Input<'_>, out: &mut Out<'_>) {
    let len = inp.answer.len();
    let words = inp.delivery.words;
    if let Some(kind) = inp.ctx.kind() {
        if kind.wants_past_example() && inp.classified[2].is_empty() {
            let modal: Vec<usize> = (0..inp.feats.len())
                .filter(|&i| inp.feats[i].modal && inp.feats[i].past == 0)
                .collect();
            let past = inp.feats.iter().filter(|f| f.past > 0 && !f.modal).count();
            if modal.len() >= 2 && modal.len() > past {
                let (a, _) = sent(inp, modal[0]);
                let (_, b) = sent(inp, modal[modal.len() - 1]);
                out.add("hypothetical-answer", a, b, None);
            }
        }
        if kind.is_scenario()
            && words >= 25
            && !inp.answer.contains('?')
            && !inp
                .sentences
                .iter()
                .any(|s| inp.rules.lex(Lex::Clarifying).any_in(s))
        {
            out.add("no-clarifying-question", 0, len, None);
        }
    }
    if inp.ctx.wants_stakeholders()
        && words >= 60
        && !inp
            .sentences
            .iter()
            .any(|s| inp.rules.lex(Lex::Stakeholders).any_in(s))
    {
        out.add("no-stakeholders", 0, len, None);
    }
}

fn delivery(inp: &Input<'_>, out: &mut Out<'_>) {
    let d = inp.delivery;
    let len = inp.answer.len();
    let detail = Some(format!(
        "(about {} s to say; the budget is {} s)",
        d.speaking_seconds, d.budget_seconds
    ));
    match d.pace {
        Pace::TooShort => out.add("too-short", 0, len, detail),
        Pace::TooLong => out.add("too-long", 0, len, detail),
        Pace::AboutRight => {}
    }
    for f in &d.fillers {
        out.add("filler", f.start, f.end, Some(quoted(&f.text)));
    }
    for h in &d.hedges {
        out.add("hedge", h.start, h.end, Some(quoted(&h.text)));
    }
    let limit = inp.rules.file.delivery.long_sentence_words;
    for s in inp.sentences.iter().filter(|s| s.tokens.len() > limit) {
        out.add(
            "long-sentence",
            s.start,
            s.end,
            Some(format!("({} words)", s.tokens.len())),
        );
    }
}

fn flow(inp: &Input<'_>, out: &mut Out<'_>) {
    let c = inp.classified;
    if inp.sentences.len() >= 3 && c[4].first() == Some(&0) && c[4].len() < inp.sentences.len() {
        let (a, b) = sent(inp, 0);
        out.add("lesson-first", a, b, None);
    }
    if let (Some(&o), Some(&a)) = (c[3].first(), c[1].first()) {
        if o < a && !c[1].contains(&o) {
            let (s, e) = sent(inp, o);
            out.add("outcome-before-action", s, e, None);
        }
    }
}

fn negative_indicators(inp: &Input<'_>, out: &mut Out<'_>) {
    let Some(q) = inp.ctx.question else {
        return;
    };
    let hits = negative_hits(inp.answer, inp.sentences, q.question);
    for (ind, hits) in q.question.indicators.negative.iter().zip(hits) {
        if let Some(hit) = hits.first() {
            out.add(
                "negative-indicator",
                hit.start,
                hit.end,
                Some(["(", ind.text.as_str(), ")"].concat()),
            );
        }
    }
}
