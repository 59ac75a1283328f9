//! Shareable reports: one self-contained HTML page (inline CSS and SVG, nothing fetched)
//! or Markdown, for a candidate's own history or for a cohort's grades.

use std::fmt::Write;

use super::progress::groups;
use super::{grade, html_escape, markdown_escape, table};
use crate::drill::grade::Grades;
use crate::history::progress::Progress;
use crate::history::Record;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.pass{color:#176c2f}.fail{color:#a11}.att{border-top:1px solid #ddd;padding:.5rem 0}blockquote{color:#555;border-left:3px solid #ccc;margin:.5rem 0;padding-left:.8rem}";

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n{body}</body></html>\n", html_escape(title))
}

/// Scores over time as an inline SVG line chart (0–100), one point per answer.
pub fn chart(scores: &[u32]) -> String {
    let (w, h, pad) = (600.0, 160.0, 20.0);
    let n = scores.len().max(2) as f64;
    let pts: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let x = pad + i as f64 * (w - 2.0 * pad) / (n - 1.0);
            let y = h - pad - f64::from((*s).min(100)) * (h - 2.0 * pad) / 100.0;
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let mut svg = format!("<svg role=\"img\" aria-label=\"Scores over time\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">");
    for level in [0, 50, 80, 100] {
        let y = h - pad - f64::from(level) * (h - 2.0 * pad) / 100.0;
        let _ = write!(svg, "<line x1=\"{pad}\" y1=\"{y:.1}\" x2=\"{}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"0\" y=\"{:.1}\" font-size=\"10\">{level}</text>", w - pad, y + 3.0);
    }
    let _ = write!(
        svg,
        "<polyline fill=\"none\" stroke=\"#2a6fdb\" stroke-width=\"2\" points=\"{}\"/>",
        pts.join(" ")
    );
    for p in &pts {
        let (x, y) = p.split_once(',').unwrap_or(("0", "0"));
        let _ = write!(
            svg,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"#2a6fdb\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

fn suggestions(r: &Record) -> Vec<String> {
    r.report["suggestions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// A candidate's history as one HTML page.
pub fn history_html(p: &Progress, records: &[Record]) -> String {
    let mut b = String::from("<h1>Interview practice report</h1>\n");
    let _ = writeln!(b, "<p>{} answers.</p>", p.attempts);
    let scores: Vec<u32> = records
        .iter()
        .filter(|r| !r.followup)
        .map(|r| r.score)
        .collect();
    if !scores.is_empty() {
        let _ = writeln!(b, "<h2>Scores over time</h2>\n{}", chart(&scores));
    }
    b.push_str("<h2>By competency</h2>\n");
    b.push_str(&table::html(&groups("competency", &p.by_competency)));
    if !p.recurring.is_empty() {
        b.push_str("<h2>What keeps coming back</h2>\n<ul>\n");
        for r in &p.recurring {
            let what = r.label();
            let _ = writeln!(
                b,
                "<li>{} in {} of the last {} answers</li>",
                html_escape(&what),
                r.count,
                r.of_last
            );
        }
        b.push_str("</ul>\n");
    }
    b.push_str("<h2>Each answer</h2>\n");
    for r in records.iter().rev() {
        let _ = writeln!(
            b,
            "<div class=\"att\"><strong>{}</strong> — {} · score {} ({}){}<blockquote>{}</blockquote>",
            html_escape(&r.question_id),
            html_escape(&r.at),
            r.score,
            html_escape(&r.band),
            if r.missing.is_empty() { String::new() } else { format!(" · missing: {}", html_escape(&r.missing.join(", "))) },
            html_escape(&r.answer).replace('\n', "<br>")
        );
        let s = suggestions(r);
        if !s.is_empty() {
            b.push_str("<ul>");
            for x in s {
                let _ = write!(b, "<li>{}</li>", html_escape(&x));
            }
            b.push_str("</ul>");
        }
        b.push_str("</div>\n");
    }
    page("Interview practice report", &b)
}

/// A candidate's history as Markdown.
pub fn history_markdown(p: &Progress, records: &[Record]) -> String {
    let mut out = format!("# Interview practice report\n\n{} answers.\n\n", p.attempts);
    out.push_str(&table::markdown(&groups("competency", &p.by_competency)));
    if !p.recurring.is_empty() {
        out.push_str("\n## What keeps coming back\n\n");
        for r in &p.recurring {
            let what = r.label();
            let _ = writeln!(
                out,
                "- {} in {} of the last {} answers",
                markdown_escape(&what),
                r.count,
                r.of_last
            );
        }
    }
    out.push_str("\n## Each answer\n\n");
    for r in records.iter().rev() {
        let _ = writeln!(
            out,
            "- **{}** ({}): {} {}",
            markdown_escape(&r.question_id),
            markdown_escape(&r.at),
            r.score,
            markdown_escape(&r.band)
        );
        for s in suggestions(r) {
            let _ = writeln!(out, "  - {}", markdown_escape(&s));
        }
    }
    out
}

/// A cohort's grades as one HTML page: the tables of [`grade`], where the most common gap
/// is the part's name alone.
pub fn grades_html(g: &Grades) -> String {
    let gap = |gap: Option<&str>| gap.unwrap_or("—").to_string();
    let b = format!(
        "<h1>Grades — {}</h1>\n{}<h2>Per candidate</h2>\n{}<h2>Per question</h2>\n{}",
        html_escape(&g.drill),
        table::html(&grade::answers(g)),
        table::html(&grade::candidates(g)),
        table::html(&grade::questions(g, gap)),
    );
    page(&format!("Grades — {}", g.drill), &b)
}
