//! Cohort grades as a text table, JSON, CSV or Markdown. The tables are built here once
//! ([`answers`], [`candidates`], [`questions`]) and written by [`super::table`]; the HTML
//! page in [`super::share`] uses the same tables.

use super::table::{self, Align, Cell, Table, TextLayout, Tone};
use super::{clean, markdown_escape, Paint};
use crate::drill::grade::Grades;

/// Every graded answer: who, which question, score, band, pass or fail, and the gaps.
pub fn answers(g: &Grades) -> Table {
    let mut t = Table::new(&[
        ("candidate", Align::Left),
        ("question", Align::Left),
        ("score", Align::Right),
        ("band", Align::Left),
        ("result", Align::Left),
        ("gaps", Align::Left),
    ]);
    for r in &g.rows {
        let verdict = if r.passed {
            Cell::new("pass").tone(Tone::Good)
        } else {
            Cell::new("fail").tone(Tone::Bad)
        };
        t.row(vec![
            Cell::new(&r.candidate),
            Cell::new(&r.question_id),
            Cell::new(r.score),
            Cell::new(&r.band),
            verdict,
            Cell::new(r.gaps.join("; ")),
        ]);
    }
    t
}

/// An average to one decimal, or a dash when there was nothing to average.
fn average(a: Option<f64>) -> String {
    a.map_or_else(|| "—".to_string(), |a| format!("{a:.1}"))
}

/// Per candidate: answers, average score, questions passed out of the drill's, and the
/// questions not answered.
pub fn candidates(g: &Grades) -> Table {
    let mut t = Table::new(&[
        ("candidate", Align::Left),
        ("answers", Align::Right),
        ("average", Align::Right),
        ("passed", Align::Right),
        ("questions", Align::Right),
        ("not submitted", Align::Left),
    ]);
    for c in &g.candidates {
        let missing = if c.answers == 0 {
            Cell::new(format!("all {} questions", c.questions)).tone(Tone::Bad)
        } else {
            Cell::new(c.not_submitted.join(", ")).tone(Tone::Bad)
        };
        t.row(vec![
            Cell::new(&c.candidate),
            Cell::new(c.answers),
            Cell::new(average(c.average)),
            Cell::new(c.passed),
            Cell::new(c.questions),
            missing,
        ]);
    }
    t
}

/// Per question: answers, average score, answers passed and the most common gap, worded
/// by `gap` (the formats word it differently: "no learning" or "learning", "none" or "—").
pub fn questions(g: &Grades, gap: fn(Option<&str>) -> String) -> Table {
    let mut t = Table::new(&[
        ("question", Align::Left),
        ("answers", Align::Right),
        ("average", Align::Right),
        ("passed", Align::Right),
        ("candidates", Align::Right),
        ("most common gap", Align::Left),
        ("not submitted", Align::Left),
    ]);
    for q in &g.questions {
        t.row(vec![
            Cell::new(&q.question_id),
            Cell::new(q.answers),
            Cell::new(average(q.average)),
            Cell::new(q.passed),
            Cell::new(q.answers + q.not_submitted.len()),
            Cell::new(gap(q.common_gap.as_deref())),
            // Names may hold commas ("Ben, Jr."): a semicolon keeps them apart.
            Cell::new(q.not_submitted.join("; ")).tone(Tone::Bad),
        ]);
    }
    t
}

/// "no learning", or `none` when no part was missing.
fn no_gap_or(none: &str, gap: Option<&str>) -> String {
    gap.map_or(none.to_string(), |g| format!("no {g}"))
}

/// The answers as columns under a header line (the verdict column has no header word).
const ANSWERS_TEXT: TextLayout = TextLayout {
    indent: "",
    header: Some(&["candidate", "question", "score", "band", "", "gaps"]),
    columns: &[
        (0, 16, ""),
        (1, 10, " "),
        (2, 5, " "),
        (3, 8, " "),
        (4, 5, " "),
        (5, 0, " "),
    ],
};

/// A line per candidate: `Ana   average  60.0   passed 1 of 3   not submitted: pdm-14`.
const CANDIDATES_TEXT: TextLayout = TextLayout {
    indent: "  ",
    header: None,
    columns: &[
        (0, 16, ""),
        (2, 5, " average "),
        (3, 0, "   passed "),
        (4, 0, " of "),
        (5, 0, "   not submitted: "),
    ],
};

/// A line per question, as per candidate, then the most common gap.
const QUESTIONS_TEXT: TextLayout = TextLayout {
    indent: "  ",
    header: None,
    columns: &[
        (0, 10, ""),
        (2, 5, " average "),
        (3, 0, "   passed "),
        (4, 0, " of "),
        (5, 1, "   most common gap: "),
        (6, 0, "   not submitted: "),
    ],
};

/// Answers sent more than once: `Ana answered spm-03 on lines 1 and 6; the last is graded`.
pub fn duplicates_text(g: &Grades) -> Vec<String> {
    g.duplicates
        .iter()
        .map(|d| {
            let lines: Vec<String> = d.lines.iter().map(ToString::to_string).collect();
            format!(
                "{} answered {} on lines {}; the last is graded",
                clean(&d.candidate),
                clean(&d.question_id),
                lines.join(", ")
            )
        })
        .collect()
}

/// Aligned text tables: every answer, then per candidate and per question.
pub fn text(g: &Grades, paint: &Paint) -> String {
    let questions = questions(g, |gap| no_gap_or("none", gap));
    let mut out = format!(
        "{}\n\n{}\n{}\n{}\n{}\n{}",
        paint.heading(&format!("Grades — {}", clean(&g.drill))),
        table::text(&answers(g), &ANSWERS_TEXT, paint),
        paint.heading("Per candidate"),
        table::text(&candidates(g), &CANDIDATES_TEXT, paint),
        paint.heading("Per question"),
        table::text(&questions, &QUESTIONS_TEXT, paint),
    );
    let twice = duplicates_text(g);
    if !twice.is_empty() {
        out.push_str(&format!("\n{}\n", paint.heading("Answered more than once")));
        for line in twice {
            // duplicates_text has made the names safe already.
            for l in super::wrap_hanging(&line, paint.style.width, "  ", "    ").lines() {
                out.push_str(&format!("{}\n", paint.warn(l)));
            }
        }
    }
    out
}

pub fn json(g: &Grades) -> String {
    format!("{}\n", serde_json::to_string_pretty(g).unwrap_or_default())
}

/// One row an answer, RFC 4180 quoting; failed rules and missing parts in columns of
/// their own.
pub fn csv(g: &Grades) -> String {
    let mut t = Table::new(&[
        ("candidate", Align::Left),
        ("question_id", Align::Left),
        ("score", Align::Right),
        ("band", Align::Left),
        ("result", Align::Left),
        ("gaps", Align::Left),
        ("missing_parts", Align::Left),
    ]);
    for r in &g.rows {
        t.row(vec![
            Cell::new(&r.candidate),
            Cell::new(&r.question_id),
            Cell::new(r.score),
            Cell::new(&r.band),
            Cell::new(if r.passed { "pass" } else { "fail" }),
            Cell::new(r.gaps.join("; ")),
            Cell::new(r.missing.join("; ")),
        ]);
    }
    table::csv(&t)
}

/// Markdown tables, for sharing in a message.
pub fn markdown(g: &Grades) -> String {
    let mut out = format!(
        "# Grades — {}\n\n{}\n## Per candidate\n\n{}\n## Per question\n\n{}",
        markdown_escape(&g.drill),
        table::markdown(&answers(g)),
        table::markdown(&candidates(g)),
        table::markdown(&questions(g, |gap| no_gap_or("—", gap))),
    );
    let twice = duplicates_text(g);
    if !twice.is_empty() {
        out.push_str("\n## Answered more than once\n\n");
        for line in twice {
            out.push_str(&format!("- {}\n", markdown_escape(&line)));
        }
    }
    out
}
