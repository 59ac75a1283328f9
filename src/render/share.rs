//! Shareable reports: one self-contained HTML page (inline CSS and SVG, nothing fetched,
//! a print stylesheet) or Markdown, for a candidate's own history or for a cohort's grades.
//! A report is meant to be sent: it says when it was made and over what period, shows each
//! question's words and not only its id, and marks what the reader needs to weigh a score
//! (a hint or the model answer seen first, a retry, a follow-up).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::progress::groups;
use super::{grade, html_escape, markdown_escape, table};
use crate::analysis::Band;
use crate::drill::grade::{Grades, Row};
use crate::history::progress::Progress;
use crate::history::time::{day, human, time_of_day};
use crate::history::Record;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}\
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}\
.pass,.exceeds{color:#176c2f}.fail,.below{color:#a11}.meets{color:#8a5a00}\
.att{border-top:1px solid #ddd;padding:.6rem 0}.q{font-style:italic;margin:.3rem 0}\
.tag{display:inline-block;border:1px solid #bbb;border-radius:3px;padding:0 .35rem;margin-left:.3rem;font-size:.85em;color:#555}\
.tag.peek{border-color:#c98a00;color:#8a5a00}\
blockquote{color:#444;border-left:3px solid #ccc;margin:.5rem 0;padding-left:.8rem;white-space:pre-wrap}\
.cand{margin-top:2rem}h4{margin:.6rem 0 .2rem;font-size:.95em}\
@media print{body{max-width:none;margin:0;font-size:10.5pt}.att{break-inside:avoid}h2,h3,h4{break-after:avoid}.cand{break-before:page}svg{max-width:100%}}";

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n{body}</body></html>\n", html_escape(title))
}

/// "1 answer", "3 answers".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One point of the scores chart: the score, when, and on which question.
pub struct Point<'a> {
    pub score: u32,
    pub at: &'a str,
    pub question: &'a str,
}

/// Scores over time as an inline SVG chart (0–100), one point per answer: the meets and
/// exceeds bands shaded and labelled at their real cut-offs, dates along the bottom, and
/// each point's question, date and score in its tooltip.
pub fn chart(points: &[Point<'_>]) -> String {
    let (w, h) = (640.0, 210.0);
    let (left, right, top, bottom) = (30.0, 92.0, 10.0, 30.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let y = |score: u32| top + plot_h - f64::from(score.min(100)) * plot_h / 100.0;
    let n = points.len().max(2) as f64;
    let x = |i: usize| left + i as f64 * plot_w / (n - 1.0);
    let mut svg = format!("<svg role=\"img\" aria-label=\"Scores over time, with the meets band from {} and the exceeds band from {}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-size=\"10\">", Band::MEETS_FROM, Band::EXCEEDS_FROM);
    // The bands, shaded, each labelled on the right with where it starts.
    for (from, to, fill, label) in [
        (Band::EXCEEDS_FROM, 100, "#e5f3e8", "exceeds"),
        (Band::MEETS_FROM, Band::EXCEEDS_FROM, "#fbf1dc", "meets"),
    ] {
        let _ = write!(
            svg,
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"{plot_w}\" height=\"{:.1}\" fill=\"{fill}\"/><text x=\"{:.1}\" y=\"{:.1}\">{label} {from}+</text>",
            y(to),
            y(from) - y(to),
            left + plot_w + 6.0,
            y(from) - 3.0
        );
    }
    for level in [0, Band::MEETS_FROM, Band::EXCEEDS_FROM, 100] {
        let _ = write!(svg, "<line x1=\"{left}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ccc\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{level}</text>", y(level), left + plot_w, y(level), left - 4.0, y(level) + 3.0);
    }
    // Dates under at most six evenly spread points, the first and last always; times of
    // day when every answer was on one day.
    let one_day = points.iter().all(|p| day(p.at) == day(points[0].at));
    let step = points.len().div_ceil(6).max(1);
    for (i, p) in points.iter().enumerate() {
        if i % step == 0 || i + 1 == points.len() {
            let label = if one_day {
                time_of_day(p.at)
            } else {
                day(p.at)
            };
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x(i),
                h - 10.0,
                html_escape(&label)
            );
        }
    }
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.score)))
        .collect();
    let _ = write!(
        svg,
        "<polyline fill=\"none\" stroke=\"#2a6fdb\" stroke-width=\"2\" points=\"{}\"/>",
        line.join(" ")
    );
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#2a6fdb\"><title>{} · {} · {}</title></circle>",
            x(i),
            y(p.score),
            html_escape(p.question),
            html_escape(&human(p.at)),
            p.score
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Why the checker kept the band below what the score would earn, when it did.
fn held_below(r: &Record) -> Option<&str> {
    r.report["cap"]["reason"].as_str()
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

/// What a reader should know about how an answer was made: retry, follow-up, and what the
/// candidate looked at before answering.
fn tags(r: &Record) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if r.kind == crate::history::ROLE_PLAY {
        out.push(("tag", "role-play"));
    }
    if r.followup {
        out.push(("tag", "follow-up"));
    }
    if r.retry {
        out.push(("tag", "retry"));
    }
    if r.hint_seen {
        out.push(("tag peek", "hint seen first"));
    }
    if r.model_seen {
        out.push(("tag peek", "model answer seen first"));
    }
    if r.drill.is_some() {
        out.push(("tag", "drill"));
    }
    out
}

/// The question an attempt answered, in words: the follow-up's own text for a follow-up.
fn asked<'a>(r: &'a Record, texts: &'a BTreeMap<String, String>) -> Option<&'a str> {
    if r.followup {
        if let Some(f) = &r.follow_up_question {
            return Some(f);
        }
    }
    texts.get(&r.question_id).map(String::as_str)
}

/// "3 answers to 2 questions, 21 Nov 2026 – 28 Nov 2026".
fn span(records: &[Record]) -> String {
    let mut questions: Vec<&str> = records.iter().map(|r| r.question_id.as_str()).collect();
    questions.sort_unstable();
    questions.dedup();
    let mut out = format!(
        "{} to {}",
        count(records.len(), "answer", "answers"),
        count(questions.len(), "question", "questions")
    );
    if let (Some(first), Some(last)) = (
        records.iter().map(|r| r.at.as_str()).min(),
        records.iter().map(|r| r.at.as_str()).max(),
    ) {
        let (first, last) = (human(first), human(last));
        let day_of = |t: &str| t.split(',').next().unwrap_or_default().to_string();
        if day_of(&first) == day_of(&last) {
            let _ = write!(out, ", on {}", day_of(&first));
        } else {
            let _ = write!(out, ", {} – {}", day_of(&first), day_of(&last));
        }
    }
    out
}

/// A candidate's history as one HTML page. `texts` gives each question's words by id;
/// `generated` is when the report was made (RFC 3339).
pub fn history_html(
    p: &Progress,
    records: &[Record],
    texts: &BTreeMap<String, String>,
    generated: &str,
) -> String {
    let mut b = String::from("<h1>Interview practice report</h1>\n");
    let _ = writeln!(
        b,
        "<p class=\"meta\">Made {} · {}</p>",
        html_escape(&human(generated)),
        html_escape(&span(records))
    );
    let mut ordered: Vec<&Record> = records.iter().filter(|r| !r.followup).collect();
    ordered.sort_by(|a, b| a.at.cmp(&b.at));
    let points: Vec<Point<'_>> = ordered
        .iter()
        .map(|r| Point {
            score: r.score,
            at: &r.at,
            question: &r.question_id,
        })
        .collect();
    if !points.is_empty() {
        let _ = writeln!(
            b,
            "<h2>Scores over time</h2>\n{}\n<p class=\"meta\">Meets starts at {} and exceeds at {}, when the answer also has the parts and numbers the band asks for.</p>",
            chart(&points),
            Band::MEETS_FROM,
            Band::EXCEEDS_FROM
        );
    }
    if !p.by_competency.is_empty() {
        b.push_str("<h2>By competency</h2>\n");
        b.push_str(&table::html(&groups("competency", &p.by_competency)));
    }
    if !p.recurring.is_empty() {
        b.push_str("<h2>What keeps coming back</h2>\n<ul>\n");
        for r in &p.recurring {
            let _ = writeln!(
                b,
                "<li>{} in {} of the last {} answers</li>",
                html_escape(&r.label()),
                r.count,
                r.of_last
            );
        }
        b.push_str("</ul>\n");
    }
    b.push_str("<h2>Each answer, newest first</h2>\n");
    let mut newest: Vec<&Record> = records.iter().collect();
    newest.sort_by(|a, b| b.at.cmp(&a.at));
    for r in newest {
        attempt_html(&mut b, r, texts);
    }
    page("Interview practice report", &b)
}

fn attempt_html(b: &mut String, r: &Record, texts: &BTreeMap<String, String>) {
    let tags: String = tags(r)
        .iter()
        .map(|(class, t)| format!("<span class=\"{class}\">{t}</span>"))
        .collect();
    let _ = writeln!(
        b,
        "<div class=\"att\"><strong>{}</strong> · {} · <span class=\"{}\">{} {}</span>{tags}",
        html_escape(&r.question_id),
        html_escape(&human(&r.at)),
        band_class(&r.band),
        r.score,
        html_escape(&r.band),
    );
    if let Some(q) = asked(r, texts) {
        let _ = writeln!(b, "<p class=\"q\">{}</p>", html_escape(q));
    }
    let _ = writeln!(b, "<blockquote>{}</blockquote>", html_escape(&r.answer));
    if !r.missing.is_empty() {
        let _ = writeln!(b, "<p>Missing: {}</p>", html_escape(&r.missing.join(", ")));
    }
    if let Some(why) = held_below(r) {
        let _ = writeln!(b, "<p class=\"below\">Held below: {}</p>", html_escape(why));
    }
    let s = suggestions(r);
    if !s.is_empty() {
        b.push_str("<h4>What to practise</h4><ul>");
        for x in s {
            let _ = write!(b, "<li>{}</li>", html_escape(&x));
        }
        b.push_str("</ul>");
    }
    b.push_str("</div>\n");
}

/// The CSS class of a band's name (one of three; anything else gets none).
fn band_class(band: &str) -> &'static str {
    match band {
        "exceeds" => "exceeds",
        "meets" => "meets",
        "below" => "below",
        _ => "",
    }
}

/// A candidate's history as Markdown.
pub fn history_markdown(
    p: &Progress,
    records: &[Record],
    texts: &BTreeMap<String, String>,
    generated: &str,
) -> String {
    let mut out = format!(
        "# Interview practice report\n\nMade {} · {}.\n\n",
        markdown_escape(&human(generated)),
        markdown_escape(&span(records))
    );
    if !p.by_competency.is_empty() {
        out.push_str("## By competency\n\n");
        out.push_str(&table::markdown(&groups("competency", &p.by_competency)));
    }
    if !p.recurring.is_empty() {
        out.push_str("\n## What keeps coming back\n\n");
        for r in &p.recurring {
            let _ = writeln!(
                out,
                "- {} in {} of the last {} answers",
                markdown_escape(&r.label()),
                r.count,
                r.of_last
            );
        }
    }
    out.push_str("\n## Each answer, newest first\n");
    let mut newest: Vec<&Record> = records.iter().collect();
    newest.sort_by(|a, b| b.at.cmp(&a.at));
    for r in newest {
        let tags: Vec<&str> = tags(r).iter().map(|(_, t)| *t).collect();
        let _ = writeln!(
            out,
            "\n### {} · {} · {} {}{}\n",
            markdown_escape(&r.question_id),
            markdown_escape(&human(&r.at)),
            r.score,
            markdown_escape(&r.band),
            if tags.is_empty() {
                String::new()
            } else {
                format!(" ({})", tags.join(", "))
            }
        );
        if let Some(q) = asked(r, texts) {
            let _ = writeln!(out, "*{}*\n", markdown_escape(q));
        }
        let _ = writeln!(out, "> {}\n", markdown_escape(&r.answer));
        if !r.missing.is_empty() {
            let _ = writeln!(out, "Missing: {}\n", markdown_escape(&r.missing.join(", ")));
        }
        if let Some(why) = held_below(r) {
            let _ = writeln!(out, "Held below: {}\n", markdown_escape(why));
        }
        for s in suggestions(r) {
            let _ = writeln!(out, "- {}", markdown_escape(&s));
        }
    }
    out
}

/// "Made 28 Nov 2026, 00:52 UTC · 5 candidates · 3 questions · 7 answers graded".
fn made(g: &Grades, generated: &str) -> String {
    format!(
        "Made {} · {} · {} · {}",
        human(generated),
        count(g.candidates.len(), "candidate", "candidates"),
        count(g.questions_asked.len(), "question", "questions"),
        count(g.rows.len(), "answer graded", "answers graded"),
    )
}

/// A cohort's grades as one HTML page, ready to send: when it was made, the drill's
/// instructions and pass rules in words, the questions in full, the summary tables, who
/// has not submitted, and per candidate each question with the answer, the band, the
/// gaps, the findings and what to practise.
pub fn grades_html(g: &Grades, generated: &str) -> String {
    let gap = |gap: Option<&str>| gap.unwrap_or("—").to_string();
    let mut b = format!(
        "<h1>Grades — {}</h1>\n<p class=\"meta\">{}</p>\n",
        html_escape(&g.drill),
        html_escape(&made(g, generated)),
    );
    if !g.instructions.is_empty() {
        let _ = writeln!(b, "<p>{}</p>", html_escape(&g.instructions));
    }
    b.push_str("<h2>What passes</h2>\n<p>An answer passes when it has:</p>\n<ul>\n");
    for rule in &g.pass_rules {
        let _ = writeln!(b, "<li>{}</li>", html_escape(rule));
    }
    b.push_str("</ul>\n<h2>The questions</h2>\n<ol>\n");
    for q in &g.questions {
        let _ = writeln!(
            b,
            "<li><strong>{}</strong> — {}</li>",
            html_escape(&q.question_id),
            html_escape(&q.text)
        );
    }
    b.push_str("</ol>\n");
    let _ = write!(
        b,
        "<h2>Per candidate</h2>\n{}<h2>Per question</h2>\n{}",
        table::html(&grade::candidates(g)),
        table::html(&grade::questions(g, gap)),
    );
    if !g.duplicates.is_empty() {
        b.push_str("<h2>Answered more than once</h2>\n<ul>\n");
        for line in grade::duplicates_text(g) {
            let _ = writeln!(b, "<li>{}</li>", html_escape(&line));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("<h2>Each candidate</h2>\n");
    for c in &g.candidates {
        let _ = writeln!(
            b,
            "<section class=\"cand\"><h3>{}</h3><p class=\"meta\">Passed {} of {}{}</p>",
            html_escape(&c.candidate),
            c.passed,
            count(c.questions, "question", "questions"),
            c.average
                .map(|a| format!(" · average {a:.1}"))
                .unwrap_or_default()
        );
        for q in &g.questions {
            let row = g.row(&c.candidate, &q.question_id);
            candidate_answer_html(&mut b, &q.question_id, &q.text, row);
        }
        b.push_str("</section>\n");
    }
    page(&format!("Grades — {}", g.drill), &b)
}

fn candidate_answer_html(b: &mut String, id: &str, text: &str, row: Option<&Row>) {
    let _ = write!(b, "<div class=\"att\"><strong>{}</strong>", html_escape(id));
    let Some(r) = row else {
        let _ = writeln!(
            b,
            " · <span class=\"fail\">not submitted</span><p class=\"q\">{}</p></div>",
            html_escape(text)
        );
        return;
    };
    let _ = writeln!(
        b,
        " · <span class=\"{}\">{} {}</span> · <span class=\"{}\">{}</span><p class=\"q\">{}</p><blockquote>{}</blockquote>",
        band_class(&r.band),
        r.score,
        html_escape(&r.band),
        if r.passed { "pass" } else { "fail" },
        if r.passed { "pass" } else { "fail" },
        html_escape(text),
        html_escape(&r.answer)
    );
    for (title, items) in [
        ("What fell short", &r.gaps),
        ("What the checker found", &r.findings),
        ("What to practise", &r.suggestions),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = write!(b, "<h4>{title}</h4><ul>");
        for x in items {
            let _ = write!(b, "<li>{}</li>", html_escape(x));
        }
        b.push_str("</ul>");
    }
    b.push_str("</div>\n");
}

/// A cohort's grades as Markdown: the same as the page, for a message or a document.
pub fn grades_markdown(g: &Grades, generated: &str) -> String {
    let mut out = format!(
        "# Grades — {}\n\n{}.\n\n",
        markdown_escape(&g.drill),
        markdown_escape(&made(g, generated)),
    );
    if !g.instructions.is_empty() {
        let _ = writeln!(out, "{}\n", markdown_escape(&g.instructions));
    }
    out.push_str("## What passes\n\nAn answer passes when it has:\n\n");
    for rule in &g.pass_rules {
        let _ = writeln!(out, "- {}", markdown_escape(rule));
    }
    out.push_str("\n## The questions\n\n");
    for (i, q) in g.questions.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** — {}",
            i + 1,
            markdown_escape(&q.question_id),
            markdown_escape(&q.text)
        );
    }
    out.push('\n');
    out.push_str(&grade::markdown(g).replacen("# Grades", "## Summary: grades", 1));
    out.push_str("\n## Each candidate\n");
    for c in &g.candidates {
        let _ = writeln!(
            out,
            "\n### {}\n\nPassed {} of {}.\n",
            markdown_escape(&c.candidate),
            c.passed,
            count(c.questions, "question", "questions")
        );
        for q in &g.questions {
            let row = g.row(&c.candidate, &q.question_id);
            let Some(r) = row else {
                let _ = writeln!(
                    out,
                    "- **{}**: not submitted",
                    markdown_escape(&q.question_id)
                );
                continue;
            };
            let _ = writeln!(
                out,
                "- **{}**: {} {}, {}{}",
                markdown_escape(&q.question_id),
                r.score,
                markdown_escape(&r.band),
                if r.passed { "pass" } else { "fail" },
                if r.gaps.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", markdown_escape(&r.gaps.join("; ")))
                }
            );
            let _ = writeln!(out, "  > {}", markdown_escape(&r.answer));
            for f in &r.findings {
                let _ = writeln!(out, "  - found: {}", markdown_escape(f));
            }
            for s in &r.suggestions {
                let _ = writeln!(out, "  - practise: {}", markdown_escape(s));
            }
        }
    }
    out
}
