//! A checker report as text (the feedback screen), as JSON, and as one-line findings for
//! editors.

use std::fmt::Write;

use super::bank::clock;
use super::{clean, flow, wrap, wrap_hanging, wrap_safe, Paint};
use crate::analysis::{Band, Report, Severity, Strength};
use crate::bank::LineIndex;

/// How much of the report to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// Hide score and band (a low-pressure session).
    pub no_score: bool,
}

fn band_paint(band: Band, paint: &Paint) -> String {
    match band {
        Band::Exceeds => paint.good(band.as_str()),
        Band::Meets => paint.warn(band.as_str()),
        Band::Below => paint.bad(band.as_str()),
    }
}

fn severity_paint(s: Severity, paint: &Paint) -> String {
    let name = format!("{:<11}", s.as_str());
    match s {
        Severity::Error => paint.bad(&name),
        Severity::Warning => paint.warn(&name),
        Severity::Suggestion => paint.dim(&name),
    }
}

/// One line of quoted answer text, cut to fit `width`.
pub fn snippet(text: &str, width: usize) -> String {
    let t = clean(text).replace(['\n', '\t'], " ");
    let max = width.max(20);
    if t.chars().count() <= max {
        format!("“{t}”")
    } else {
        let cut: String = t.chars().take(max - 1).collect();
        format!("“{}…”", cut.trim_end())
    }
}

/// Text on one line: a phrase wrapped across lines in the answer reads as one.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The feedback screen for one answer.
pub fn report_text(answer: &str, r: &Report, paint: &Paint, opts: ReportOptions) -> String {
    let w = paint.style.width;
    let mut out = String::new();
    if !opts.no_score {
        // The breakdown follows the score on its line when it fits, else on the next.
        let score = format!(
            "{} {}/100 · {}",
            paint.heading("Score"),
            r.score,
            band_paint(r.band, paint)
        );
        let parts = [
            format!("structure {}", r.breakdown.structure),
            format!("impact {}", r.breakdown.impact),
            format!("coverage {}", r.breakdown.coverage),
            format!("delivery {}", r.breakdown.delivery),
            format!("penalties −{}", r.breakdown.penalty),
        ];
        let breakdown = parts.join(" · ");
        let cols = textwrap::core::display_width;
        if cols(&score) + 3 + cols(&breakdown) <= w {
            let _ = writeln!(out, "{score}   {}", paint.dim(&breakdown));
        } else {
            let _ = writeln!(out, "{score}");
            let mut first = vec![format!("  {}", parts[0])];
            first.extend(parts[1..].iter().cloned());
            for line in flow(&first, " · ", w, "  ").lines() {
                let _ = writeln!(out, "{}", paint.dim(line));
            }
        }
        if let Some(cap) = &r.cap {
            let _ = writeln!(
                out,
                "{}",
                wrap_safe(
                    &format!(
                        "  {} {}",
                        paint.bad(&format!("{} but below:", r.score)),
                        clean(&cap.reason)
                    ),
                    w,
                    "    "
                )
            );
        }
    }
    let row: Vec<String> = r
        .parts
        .iter()
        .map(|(name, p)| {
            if p.present {
                paint.good(&format!("✓ {name}"))
            } else {
                paint.bad(&format!("✗ {name}"))
            }
        })
        .collect();
    let mut row = row;
    if let Some(first) = row.first_mut() {
        *first = format!("{} {first}", paint.heading("Parts"));
    }
    let _ = writeln!(out, "{}", flow(&row, "  ", w, "      "));
    for (name, p) in r.parts.iter() {
        if let Some(ev) = p.evidence.first() {
            let _ = writeln!(
                out,
                "  {} {}",
                // Padded before it is painted: colour codes take no columns.
                paint.dim(&format!("{:<9}", name.as_str())),
                snippet(&ev.text, w.saturating_sub(14))
            );
        }
    }
    if r.metrics.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            paint.heading("Numbers"),
            paint.bad("none — quantify the result")
        );
    } else {
        let list: Vec<String> = r
            .metrics
            .iter()
            .map(|m| {
                let borderline = if m.borderline { ", borderline" } else { "" };
                format!("{} ({}{borderline})", one_line(&m.text), kind_name(m.kind))
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("Numbers: {}", list.join(", ")), w, "")
        );
    }
    if !r.vague_claims.is_empty() {
        let list: Vec<String> = r
            .vague_claims
            .iter()
            .map(|v| format!("'{}'", clean(&v.text)))
            .collect();
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("Vague, no number: {}", list.join(", ")), w, "")
        );
    }
    coverage(&mut out, r, paint);
    findings(&mut out, answer, r, paint);
    let d = &r.delivery;
    let _ = writeln!(
        out,
        "{}",
        wrap(
            &format!(
                "Delivery: {} words · about {} to say (budget {}, {}) · {} filler{} · {} hedge{}{}",
                d.words,
                clock(d.speaking_seconds),
                clock(d.budget_seconds),
                d.pace.as_str(),
                d.fillers.len(),
                if d.fillers.len() == 1 { "" } else { "s" },
                d.hedges.len(),
                if d.hedges.len() == 1 { "" } else { "s" },
                d.longest_sentence
                    .as_ref()
                    .map(|l| format!(" · longest sentence {} words", l.words))
                    .unwrap_or_default()
            ),
            w,
            ""
        )
    );
    if !r.suggestions.is_empty() {
        let _ = writeln!(out, "{}", paint.heading("Next time"));
        for (i, s) in r.suggestions.iter().enumerate() {
            let body = wrap(s, w, "     ");
            let _ = writeln!(out, "  {}. {}", i + 1, body.trim_start());
        }
    }
    out
}

fn kind_name(k: crate::analysis::MetricKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Covered and missing items, each after a coloured mark: the item is made safe before the
/// mark is painted, so the mark's colour codes reach the terminal and take no columns.
fn coverage(out: &mut String, r: &Report, paint: &Paint) {
    let c = &r.coverage;
    let total = c.covered.len() + c.missing.len();
    if total == 0 {
        return;
    }
    let w = paint.style.width;
    let weak = c
        .covered
        .iter()
        .filter(|i| i.strength == Some(Strength::Weak))
        .count();
    let mut words = vec![paint.heading("Coverage")];
    words.extend(
        format!(
            "{}/{} of what the interviewer listens for{}",
            c.covered.len(),
            total,
            if weak > 0 {
                format!(" ({weak} only weakly, worth half)")
            } else {
                String::new()
            }
        )
        .split(' ')
        .map(String::from),
    );
    let _ = writeln!(out, "{}", flow(&words, " ", w, "  "));
    for i in &c.covered {
        let words: Vec<String> = i
            .evidence
            .iter()
            .map(|e| format!("“{}”", clean(&e.text)))
            .collect();
        let (mark, strength) = match i.strength {
            Some(Strength::Weak) => (paint.warn("~"), "weak"),
            _ => (paint.good("✓"), "strong"),
        };
        let _ = writeln!(
            out,
            "{}",
            wrap_hanging(
                &format!(
                    "{mark} {} {}",
                    clean(&i.text),
                    paint.dim(&format!("— {strength}: {}", words.join(", ")))
                ),
                w,
                "  ",
                "    "
            )
        );
    }
    for i in &c.missing {
        let _ = writeln!(
            out,
            "{}",
            wrap_hanging(
                &format!("{} {}", paint.bad("✗"), clean(&i.text)),
                w,
                "  ",
                "    "
            )
        );
    }
}

fn findings(out: &mut String, answer: &str, r: &Report, paint: &Paint) {
    let shown: Vec<_> = r
        .findings
        .iter()
        .filter(|f| !f.rule.is_missing_part())
        .collect();
    if shown.is_empty() {
        return;
    }
    let w = paint.style.width;
    let _ = writeln!(out, "{}", paint.heading("Findings"));
    let index = LineIndex::new(answer);
    for f in shown {
        let (line, col) = index.line_col(answer, f.start);
        let _ = writeln!(
            out,
            "  {}{} {}",
            severity_paint(f.severity, paint),
            paint.accent(f.rule.as_str()),
            paint.dim(&format!("{line}:{col}"))
        );
        let _ = writeln!(out, "{}", wrap(&f.message, w, "      "));
        if f.end > f.start && f.end - f.start < answer.len() {
            let _ = writeln!(
                out,
                "      {}",
                snippet(&answer[f.start..f.end], w.saturating_sub(10))
            );
        }
    }
}

/// One finding a line: `FILE:LINE:COL: severity rule: message`.
pub fn report_lines(file: &str, answer: &str, r: &Report) -> String {
    let mut out = String::new();
    let index = LineIndex::new(answer);
    for f in &r.findings {
        let (line, col) = index.line_col(answer, f.start);
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {} {}: {}",
            clean(file),
            f.severity.as_str(),
            f.rule,
            clean(&f.message)
        );
    }
    // The evidence, as notes after the findings: the sentence each part quotes first, and
    // each metric's phrase.
    for (name, p) in r.parts.iter() {
        if let Some(ev) = p.evidence.first() {
            let (line, col) = index.line_col(answer, ev.start);
            let _ = writeln!(
                out,
                "{}:{line}:{col}: note part-{}: {}",
                clean(file),
                name.as_str(),
                snippet(&ev.text, 80)
            );
        }
    }
    for m in &r.metrics {
        let (line, col) = index.line_col(answer, m.start);
        let borderline = if m.borderline { ", borderline" } else { "" };
        let _ = writeln!(
            out,
            "{}:{line}:{col}: note metric: {} ({}{borderline})",
            clean(file),
            one_line(&m.text),
            kind_name(m.kind)
        );
    }
    out
}
