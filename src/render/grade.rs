//! Cohort grades as a text table, JSON, CSV or Markdown.

use std::fmt::Write;

use super::{clean, Paint};
use crate::drill::grade::Grades;

fn pass(p: bool) -> &'static str {
    if p {
        "pass"
    } else {
        "fail"
    }
}

/// Aligned text tables: every answer, then per candidate and per question.
pub fn text(g: &Grades, paint: &Paint) -> String {
    let mut out = format!(
        "{}\n\n",
        paint.heading(&format!("Grades — {}", clean(&g.drill)))
    );
    let _ = writeln!(
        out,
        "{:<16} {:<10} {:>5} {:<8} {:<5} gaps",
        "candidate", "question", "score", "band", ""
    );
    for r in &g.rows {
        let gaps = r.gaps();
        let verdict = if r.passed {
            paint.good("pass")
        } else {
            paint.bad("fail")
        };
        let _ = writeln!(
            out,
            "{:<16} {:<10} {:>5} {:<8} {}  {}",
            clean(&r.candidate),
            clean(&r.question_id),
            r.score,
            r.band,
            verdict,
            clean(&gaps.join("; "))
        );
    }
    let _ = writeln!(out, "\n{}", paint.heading("Per candidate"));
    for c in &g.candidates {
        let _ = writeln!(
            out,
            "  {:<16} average {:>5.1}   passed {} of {}",
            clean(&c.candidate),
            c.average,
            c.passed,
            c.answers
        );
    }
    let _ = writeln!(out, "\n{}", paint.heading("Per question"));
    for q in &g.questions {
        let _ = writeln!(
            out,
            "  {:<10} average {:>5.1}   passed {} of {}   most common gap: {}",
            clean(&q.question_id),
            q.average,
            q.passed,
            q.answers,
            q.common_gap
                .as_deref()
                .map_or("none".to_string(), |g| format!("no {g}"))
        );
    }
    out
}

pub fn json(g: &Grades) -> String {
    format!("{}\n", serde_json::to_string_pretty(g).unwrap_or_default())
}

/// One row an answer, RFC 4180 quoting.
pub fn csv(g: &Grades) -> String {
    let q = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out =
        String::from("candidate,question_id,score,band,result,failed_rules,missing_parts\n");
    for r in &g.rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            q(&r.candidate),
            q(&r.question_id),
            r.score,
            r.band,
            pass(r.passed),
            q(&r.failed.join("; ")),
            q(&r.missing.join("; "))
        );
    }
    out
}

/// Markdown tables, for sharing in a message.
pub fn markdown(g: &Grades) -> String {
    let cell = |s: &str| clean(s).replace('|', "\\|").replace('\n', " ");
    let mut out = format!("# Grades — {}\n\n", cell(&g.drill));
    out.push_str(
        "| candidate | question | score | band | result | gaps |\n|---|---|---:|---|---|---|\n",
    );
    for r in &g.rows {
        let gaps = r.gaps();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&r.candidate),
            cell(&r.question_id),
            r.score,
            r.band,
            pass(r.passed),
            cell(&gaps.join("; "))
        );
    }
    out.push_str(
        "\n## Per candidate\n\n| candidate | answers | average | passed |\n|---|---:|---:|---:|\n",
    );
    for c in &g.candidates {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {} |",
            cell(&c.candidate),
            c.answers,
            c.average,
            c.passed
        );
    }
    out.push_str("\n## Per question\n\n| question | answers | average | passed | most common gap |\n|---|---:|---:|---:|---|\n");
    for q in &g.questions {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {} | {} |",
            cell(&q.question_id),
            q.answers,
            q.average,
            q.passed,
            q.common_gap
                .as_deref()
                .map_or("—".to_string(), |g| format!("no {g}"))
        );
    }
    out
}
