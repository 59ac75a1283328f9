//! The score (0–100), its band, and the three most useful suggestions.
//!
//! Points: structure 50 (ten a part), impact 20, coverage 15, delivery 15, less penalties for
//! mistakes. "Exceeds" also needs all five parts and a number, so a long answer cannot reach
//! it on volume alone; a keyword salad earns no parts and stays "below".

use super::{
    Band, Breakdown, Coverage, Delivery, Finding, Metric, Pace, Parts, QuestionContext, Rule, Span,
};

/// What the score is computed from.
pub struct Inputs<'a> {
    pub parts: &'a Parts,
    pub metrics: &'a [Metric],
    pub vague: &'a [Span],
    pub coverage: &'a Coverage,
    pub delivery: &'a Delivery,
    pub findings: &'a [Finding],
    pub ctx: QuestionContext<'a>,
    /// The rules' too-short ratio, below which delivery points shrink.
    pub short_ratio: f64,
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
        ctx,
        short_ratio,
    } = *inp;
    let present = 5 - parts.missing().len() as u32;
    let structure = present * 10;
    let impact = match metrics.len() {
        0 => 0u32,
        1 => 12,
        2 => 16,
        _ => 20,
    }
    .saturating_sub(3 * vague.len() as u32);
    let impact = if parts.outcome.present {
        impact
    } else {
        impact.min(8)
    };
    let coverage_pts = if ctx.question.is_some() {
        let total = coverage.covered.len() + coverage.missing.len();
        if total == 0 {
            present * 3
        } else {
            (15 * coverage.covered.len() as u32)
                .div_ceil(total as u32)
                .min(15)
        }
    } else {
        present * 3
    };
    let delivery_pts = delivery_points(delivery, short_ratio);
    let penalty = penalty(findings);
    let raw = structure + impact + coverage_pts + delivery_pts;
    let total = raw.saturating_sub(penalty).min(100);
    let band = if total >= 80 && present == 5 && !metrics.is_empty() {
        Band::Exceeds
    } else if total >= 55 && present >= 3 && parts.approach.present {
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
) -> Vec<String> {
    let has = |rule: Rule| findings.iter().find(|f| f.rule == rule);
    let mut out: Vec<String> = Vec::new();
    if !parts.outcome.present {
        out.push(match parts.approach.evidence.last() {
            Some(s) => format!(
                "Say what came of it and by how much: after '{}', add the result with a number (revenue, %, partners, time).",
                quote(&s.text)
            ),
            None => "Say what came of it and by how much: add the result with a number.".into(),
        });
    } else if metrics.is_empty() {
        let s = &parts.outcome.evidence[0];
        out.push(format!(
            "Put a number on the result: your outcome sentence '{}' has no number.",
            quote(&s.text)
        ));
    }
    if let Some(f) = has(Rule::HypotheticalAnswer) {
        out.push(format!(
            "Tell a real time you did this instead of a plan: '{}' is hypothetical.",
            quote(&answer[f.start..f.end])
        ));
    }
    if !parts.approach.present {
        out.push(
            "Say what you did, as concrete steps in the first person ('I pulled…', 'I set up…')."
                .into(),
        );
    }
    if !parts.example.present {
        out.push("Anchor it in one real instance: name the partner, the deal or the quarter it happened.".into());
    }
    if let Some(v) = findings.iter().find(|f| f.rule == Rule::VagueClaim) {
        out.push(format!(
            "Replace '{}' with the figure it stands for.",
            &answer[v.start..v.end]
        ));
    }
    if !parts.context.present {
        out.push("Open with the situation: what was going on, what was at stake, with a baseline number.".into());
    }
    if !parts.learning.present {
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
    let s = s.trim();
    if s.chars().count() <= 70 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(67).collect();
        format!("{}…", cut.trim_end())
    }
}
