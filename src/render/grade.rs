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

/// Per candidate: answers, average score, answers passed.
pub fn candidates(g: &Grades) -> Table {
    let mut t = Table::new(&[
        ("candidate", Align::Left),
        ("answers", Align::Right),
        ("average", Align::Right),
        ("passed", Align::Right),
    ]);
    for c in &g.candidates {
        t.row(vec![
            Cell::new(&c.candidate),
            Cell::new(c.answers),
            Cell::new(format!("{:.1}", c.average)),
            Cell::new(c.passed),
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
        ("most common gap", Align::Left),
    ]);
    for q in &g.questions {
        t.row(vec![
            Cell::new(&q.question_id),
            Cell::new(q.answers),
            Cell::new(format!("{:.1}", q.average)),
            Cell::new(q.passed),
            Cell::new(gap(q.common_gap.as_deref())),
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

/// A line per candidate: `Ana              average  60.0   passed 1 of 2`.
const CANDIDATES_TEXT: TextLayout = TextLayout {
    indent: "  ",
    header: None,
    columns: &[
        (0, 16, ""),
        (2, 5, " average "),
        (3, 0, "   passed "),
        (1, 0, " of "),
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
        (1, 0, " of "),
        (4, 0, "   most common gap: "),
    ],
};

/// Aligned text tables: every answer, then per candidate and per question.
pub fn text(g: &Grades, paint: &Paint) -> String {
    let questions = questions(g, |gap| no_gap_or("none", gap));
    format!(
        "{}\n\n{}\n{}\n{}\n{}\n{}",
        paint.heading(&format!("Grades — {}", clean(&g.drill))),
        table::text(&answers(g), &ANSWERS_TEXT, paint),
        paint.heading("Per candidate"),
        table::text(&candidates(g), &CANDIDATES_TEXT, paint),
        paint.heading("Per question"),
        table::text(&questions, &QUESTIONS_TEXT, paint),
    )
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
        ("failed_rules", Align::Left),
        ("missing_parts", Align::Left),
    ]);
    for r in &g.rows {
        t.row(vec![
            Cell::new(&r.candidate),
            Cell::new(&r.question_id),
            Cell::new(r.score),
            Cell::new(&r.band),
            Cell::new(if r.passed { "pass" } else { "fail" }),
            Cell::new(r.failed.join("; ")),
            Cell::new(r.missing.join("; ")),
        ]);
    }
    table::csv(&t)
}

/// Markdown tables, for sharing in a message.
pub fn markdown(g: &Grades) -> String {
    format!(
        "# Grades — {}\n\n{}\n## Per candidate\n\n{}\n## Per question\n\n{}",
        markdown_escape(&g.drill),
        table::markdown(&answers(g)),
        table::markdown(&candidates(g)),
        table::markdown(&questions(g, |gap| no_gap_or("—", gap))),
    )
}
