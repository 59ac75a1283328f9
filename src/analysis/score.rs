//! The score (0–100), its band, and the three most useful suggestions.
//!
//! Points: structure 50 (shared by the parts the question's shape expects: ten a part for a
//! story), impact 20, coverage 15, delivery 15, less penalties for mistakes. "Exceeds" also
//! needs every expected part and a number, so a long answer cannot reach it on volume
//! alone; a keyword salad earns no parts and stays "below".

use super::expect::ShapeSpec;
use super::{
    Band, Breakdown, Coverage, Delivery, Finding, Metric, Pace, Part, Parts, QuestionContext, Rule,
    Span, Strength,
};

/// What the score is computed from.
pub struct Inputs<'a> {
    pub parts: &'a Parts,
    pub metrics: &'a [Metric],
    pub vague: &'a [Span],
    pub coverage: &'a Coverage,
    pub delivery: &'a Delivery,
    pub findings: &'a [Finding],
    pub shape: &'a ShapeSpec,
    pub ctx: QuestionContext<'a>,
    /// The rules' too-short ratio, below which delivery points shrink.
    pub short_ratio: f64,
    /// The metrics are a soup of numbers: no metric credit.
    pub soup: bool,
}

/// Score an answer from its analysis.
pub fn score(inp: &Inputs<'_>) -> (u32, Band, Breakdown) {
    let Inputs {
        parts,
        metrics,
        vague,
        coverage,
        delivery,
        findings,
        shape,
        ctx,
        short_ratio,
        soup,
    } = *inp;
    let expected = shape.parts.len().max(1) as u32;
    let present = shape
        .parts
        .iter()
        .filter(|&&p| parts.get(p).present)
        .count() as u32;
    // Shared out among the expected parts, rounded: ten a part for a story's five.
    let share = |points: u32| (points * present + expected / 2) / expected;
    let structure = share(50);
    // Borderline counts (effort, a team's size) are reported, not scored.
    let scored = metrics.iter().filter(|m| !m.borderline).count();
    let impact = match if soup { 0 } else { scored } {
        0 => 0u32,
        1 => 12,
        2 => 16,
        _ => 20,
    }
    .saturating_sub(3 * vague.len() as u32);
    let impact = if parts.outcome.present || !shape.parts.contains(&Part::Outcome) {
        impact
    } else {
        impact.min(8)
    };
    let coverage_pts = if ctx.question.is_some() {
        let total = coverage.covered.len() + coverage.missing.len();
        if total == 0 {
            share(15)
        } else {
            // A weakly covered point is worth half a strongly covered one.
            let earned: u32 = coverage
                .covered
                .iter()
                .map(|c| match c.strength {
                    Some(Strength::Strong) => 2,
                    _ => 1,
                })
                .sum();
            (15 * earned).div_ceil(2 * total as u32).min(15)
        }
    } else {
        share(15)
    };
    let delivery_pts = delivery_points(delivery, short_ratio);
    let penalty = penalty(findings);
    let raw = structure + impact + coverage_pts + delivery_pts;
    let total = raw.saturating_sub(penalty).min(100);
    let numbers = !shape.needs_metric || !metrics.is_empty();
    // Exceeds also needs the time to tell it: a 20-second answer to a 150-second question
    // is thin, however neat.
    let band = if total >= Band::EXCEEDS_FROM
        && present == expected
        && numbers
        && delivery.pace != Pace::TooShort
    {
        Band::Exceeds
    } else if total >= Band::MEETS_FROM && present * 5 >= expected * 3 && parts.approach.present {
        Band::Meets
    } else {
        Band::Below
    };
    let breakdown = Breakdown {
        structure,
        impact,
        coverage: coverage_pts,
        delivery: delivery_pts,
        penalty,
    };
    (total, band, breakdown)
}

/// What to do about the gate that keeps an answer below.
pub fn lift(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::OffTopic => "Answer this question: tell a story about work with a partner, reseller or alliance.",
        Rule::CopiedModelAnswer => "Tell your own story: the model answer is there to learn from, not to repeat.",
        Rule::Repeated => "Say each thing once: a repeated sentence counts once and makes the answer sound padded.",
        Rule::Denial => "Say what you did and what came of it, not what did not happen.",
        Rule::MissingApproach => "Say what you did, as concrete steps in the first person ('I pulled…', 'I set up…').",
        Rule::NoSpecifics => "Make it one real instance: name the partner or the kind of partner, where and when, and the figure before and after.",
        Rule::CueList => "Tell what happened in your own words (who, what you found, what you changed) instead of naming the steps interviewers listen for.",
        Rule::NumberSoup => "Keep two or three numbers: the stakes and the result, not every count along the way.",
        Rule::NoRealMetric => "Put a number on the impact: the result, the stakes or the target (%, money, partners, time).",
        _ => return None,
    })
}

/// Why the band is kept below what the score earns: the first failed gate whose rule is
/// on, when the score alone would reach meets.
pub fn cap(
    band: Band,
    failed: &[super::substance::Failed],
    rules: &super::Rules,
) -> Option<super::Cap> {
    if band == Band::Below {
        return None;
    }
    failed.iter().find_map(|f| {
        let spec = rules.rule(f.rule)?;
        let reason = spec
            .cap
            .clone()
            .unwrap_or_else(|| f.rule.as_str().to_string());
        Some(super::Cap {
            rule: f.rule,
            reason: match &f.detail {
                Some(d) => format!("{reason} {d}"),
                None => reason,
            },
        })
    })
}

fn delivery_points(d: &Delivery, short_ratio: f64) -> u32 {
    if d.words == 0 {
        return 0;
    }
    let base: f64 = match d.pace {
        Pace::AboutRight => 15.0,
        Pace::TooLong => 8.0,
        Pace::TooShort => {
            let ratio = f64::from(d.speaking_seconds) / f64::from(d.budget_seconds.max(1));
            (ratio / short_ratio.max(0.01) * 10.0).min(10.0)
        }
    };
    let noise = (d.fillers.len() + d.hedges.len()).min(5) as f64;
    (base - noise).max(0.0).round() as u32
}

fn penalty(findings: &[Finding]) -> u32 {
    let count = |rule: Rule| findings.iter().filter(|f| f.rule == rule).count() as u32;
    (count(Rule::Criticism) * 8).min(16)
        + count(Rule::WeNotI) * 5
        + count(Rule::HypotheticalAnswer) * 10
        + count(Rule::ActivityWithoutOutcome) * 5
        + (count(Rule::Jargon) * 2).min(6)
        + (count(Rule::NegativeIndicator) * 4).min(12)
}

/// Up to three suggestions, most useful first, each quoting the words it is about.
pub fn suggestions(
    answer: &str,
    parts: &Parts,
    findings: &[Finding],
    coverage: &Coverage,
    metrics: &[Metric],
    shape: &ShapeSpec,
) -> Vec<String> {
    let has = |rule: Rule| findings.iter().find(|f| f.rule == rule);
    let missing = |part: Part| shape.parts.contains(&part) && !parts.get(part).present;
    let mut out: Vec<String> = Vec::new();
    if missing(Part::Outcome) {
        out.push(match parts.approach.evidence.last() {
            Some(s) => format!(
                "Say what came of it and by how much: after '{}', add the result with a number (revenue, %, partners, time).",
                quote(&s.text)
            ),
            None => "Say what came of it and by how much: add the result with a number.".into(),
        });
    } else if let (true, Some(s)) = (metrics.is_empty(), parts.outcome.evidence.first()) {
        out.push(format!(
            "Put a number on the result: your outcome sentence '{}' has no number.",
            quote(&s.text)
        ));
    } else if metrics.is_empty() && shape.needs_metric {
        out.push(
            "Put a number on it: the stakes, a target or a result (%, money, counts, time).".into(),
        );
    }
    if let Some(f) = has(Rule::HypotheticalAnswer) {
        out.push(format!(
            "Tell a real time you did this instead of a plan: '{}' is hypothetical.",
            quote(&answer[f.start..f.end])
        ));
    }
    if missing(Part::Approach) {
        out.push(
            "Say what you did, as concrete steps in the first person ('I pulled…', 'I set up…')."
                .into(),
        );
    }
    if missing(Part::Example) {
        out.push("Anchor it in one real instance: name the partner, the deal or the quarter it happened.".into());
    }
    if let Some(v) = findings.iter().find(|f| f.rule == Rule::VagueClaim) {
        out.push(format!(
            "Replace '{}' with the figure it stands for.",
            &answer[v.start..v.end]
        ));
    }
    if missing(Part::Context) {
        out.push("Open with the situation: what was going on, what was at stake, with a baseline number.".into());
    }
    if missing(Part::Learning) {
        out.push("Close with the lesson: what you do differently since ('Since then I…', 'Next time I would…').".into());
    }
    if let Some(f) = has(Rule::Criticism) {
        out.push(format!(
            "Describe the problem, not the people: drop '{}'.",
            &answer[f.start..f.end]
        ));
    }
    if has(Rule::WeNotI).is_some() {
        out.push("Say which actions were yours: change the key 'we' sentences to 'I'.".into());
    }
    if let Some(m) = coverage.missing.first() {
        out.push(format!(
            "The interviewer listens for: {}. Touch on it.",
            m.text.trim_end_matches('.')
        ));
    }
    if has(Rule::TooLong).is_some() {
        out.push("Cut it down: keep one example and the result; drop the background.".into());
    }
    if has(Rule::NoStakeholders).is_some() {
        out.push("Name who you aligned with inside (sales, product, legal, finance).".into());
    }
    out.dedup();
    out.truncate(3);
    out
}

/// A sentence shortened for quoting in a suggestion.
fn quote(s: &str) -> String {
    super::text::shorten(s, 70)
}
