//! The practice session's screens: the welcome, each question, hints, the feedback screen
//! (checker feedback first, then the model answer), retry comparisons and the summary.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::bank::{clock, meta_line, model_answer, section};
use super::report::{report_text, ReportOptions};
use super::table::{self, Align, Cell, Table, TextLayout, Tone};
use super::{clean, flow, wrap, wrap_safe, Paint};
use crate::analysis::{Band, Report};
use crate::bank::QuestionRef;

/// What the session summary says: plain data the session works out (`session::summarize`)
/// and this module lays out.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Per question asked: id, best score, band of the best attempt, number of attempts.
    pub rows: Vec<SummaryRow>,
    pub skipped: Vec<String>,
    /// The part missing most often across attempts, with how often.
    pub most_missing: Option<(String, usize, usize)>,
    /// The competency with the lowest best score.
    pub weakest: Option<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub question_id: String,
    pub competency: String,
    pub first_score: u32,
    pub best_score: u32,
    pub band: Band,
    pub attempts: usize,
}

/// The first screen: what to do and how to submit.
pub fn intro(count: usize, interactive: bool, paint: &Paint) -> String {
    let mut out = format!(
        "{}\n",
        paint.heading(&format!(
            "prepcoach — {count} question{} to practise",
            if count == 1 { "" } else { "s" }
        ))
    );
    if interactive {
        let how = "Type your answer as you would say it. Enter starts a new line; press Enter on an empty line to submit. Paste works too. Type :hint for what the interviewer listens for, :help for all commands, Ctrl-C to clear a draft, Ctrl-D to finish.";
        out.push_str(&wrap(how, paint.style.width, ""));
        out.push('\n');
    }
    out
}

/// "Question 2/5" with its bank, kind, competency, level, round and time budget.
pub fn question(i: usize, n: usize, q: &QuestionRef<'_>, paint: &Paint) -> String {
    let mut out = String::new();
    let rule = "─".repeat(paint.style.width.min(72));
    let _ = writeln!(out, "\n{}", paint.dim(&rule));
    let _ = writeln!(
        out,
        "{} {}",
        paint.heading(&format!("Question {}/{n}", i + 1)),
        paint.accent(&clean(&q.question.id))
    );
    let _ = writeln!(out, "{}", wrap(&meta_line(q), paint.style.width, ""));
    let _ = writeln!(
        out,
        "\n{}\n",
        paint.heading(&wrap(&q.question.text, paint.style.width, "  "))
    );
    out
}

/// How to answer, and the prompt's commands as (name, what it does).
pub fn help<'a>(commands: impl IntoIterator<Item = (&'a str, &'a str)>, paint: &Paint) -> String {
    let mut out = format!("{}\n", paint.heading("Answering"));
    out.push_str(
        "  Enter adds a line; Enter on an empty line submits. A pasted answer arrives whole.\n",
    );
    out.push_str("  Ctrl-C clears the draft; Ctrl-D ends the session with a summary.\n");
    out.push_str(&format!("{}\n", paint.heading("Commands (Tab completes)")));
    for (name, what) in commands {
        let _ = writeln!(out, "  {}  {what}", paint.accent(&format!("{name:<10}")));
    }
    out
}

/// What the interviewer listens for, without giving the answer away.
pub fn hint(q: &QuestionRef<'_>, paint: &Paint) -> String {
    let mut out = String::new();
    let qq = q.question;
    let areas: Vec<String> = qq.areas.iter().map(|a| a.text.clone()).collect();
    section(
        &mut out,
        paint,
        "The interviewer listens for",
        areas.into_iter(),
    );
    let pos: Vec<String> = qq
        .indicators
        .positive
        .iter()
        .map(|a| a.text.clone())
        .collect();
    section(&mut out, paint, "Strong answers show", pos.into_iter());
    if out.is_empty() {
        out.push_str("Cover the five parts: context, approach, one specific example, the outcome with a number, and what you learned.\n");
    }
    out
}

pub fn time(seconds: f64, budget: u32, paint: &Paint) -> String {
    format!(
        "{} since the question was asked; aim to say your answer in {}.\n",
        paint.heading(&clock(seconds.round() as u32)),
        clock(budget)
    )
}

/// Everything shown after an answer: feedback first, then what a strong answer looks like.
pub fn feedback(
    answer: &str,
    r: &Report,
    q: &QuestionRef<'_>,
    seconds: f64,
    follow_up: &str,
    opts: ReportOptions,
    paint: &Paint,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", paint.heading("── Feedback"));
    out.push_str(&report_text(answer, r, paint, opts));
    let took = format!(
        "You took {} to answer; said aloud this is about {} (budget {}).",
        clock(seconds.round() as u32),
        clock(r.delivery.speaking_seconds),
        clock(r.delivery.budget_seconds)
    );
    let words: Vec<String> = took.split(' ').map(String::from).collect();
    for line in flow(&words, " ", paint.style.width, "").lines() {
        let _ = writeln!(out, "{}", paint.dim(line));
    }
    let _ = writeln!(
        out,
        "\n{}",
        paint.heading("── What a strong answer looks like")
    );
    model_answer(&mut out, q, paint);
    section(
        &mut out,
        paint,
        "Best practices",
        q.question.best_practices.iter().cloned(),
    );
    section(
        &mut out,
        paint,
        "Pitfalls",
        q.question.pitfalls.iter().cloned(),
    );
    let _ = writeln!(out, "{}", paint.heading("Follow-up question"));
    let _ = writeln!(out, "{}\n", wrap(follow_up, paint.style.width, "  "));
    out
}

/// Feedback on a follow-up answer: the checker's view only.
pub fn followup_feedback(answer: &str, r: &Report, opts: ReportOptions, paint: &Paint) -> String {
    format!(
        "\n{}\n{}",
        paint.heading("── Feedback on your follow-up"),
        report_text(answer, r, paint, opts)
    )
}

/// What changed between two tries at the same question.
pub fn retry_diff(before: &Report, after: &Report, no_score: bool, paint: &Paint) -> String {
    let mut out = format!("\n{}\n", paint.heading("── Compared with your last try"));
    if !no_score {
        let delta = i64::from(after.score) - i64::from(before.score);
        let sign = if delta >= 0 { "+" } else { "" };
        let _ = writeln!(
            out,
            "  Score {} → {} ({sign}{delta}), {} → {}",
            before.score,
            after.score,
            before.band.as_str(),
            after.band.as_str()
        );
    }
    let rules = |r: &Report| -> BTreeSet<String> {
        r.findings
            .iter()
            .map(|f| f.rule.as_str().to_string())
            .collect()
    };
    let (b, a) = (rules(before), rules(after));
    let fixed: Vec<&String> = b.difference(&a).collect();
    let new: Vec<&String> = a.difference(&b).collect();
    let list = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    // Wrapped to the terminal between words: a long list cut by the terminal breaks
    // words ("learnin|g").
    let w = paint.style.width;
    if fixed.is_empty() {
        let _ = writeln!(out, "  Fixed: nothing yet");
    } else {
        let line = format!("{} {}", paint.good("Fixed:"), clean(&list(&fixed)));
        let _ = writeln!(out, "{}", wrap_safe(&line, w, "  "));
    }
    if !new.is_empty() {
        let line = format!("{} {}", paint.warn("New:"), clean(&list(&new)));
        let _ = writeln!(out, "{}", wrap_safe(&line, w, "  "));
    }
    out
}

/// What to do after feedback.
pub fn next_options(is_last: bool, paint: &Paint) -> String {
    let next = if is_last {
        "Enter to finish"
    } else {
        "Enter for the next question"
    };
    format!(
        "{}\n",
        paint.dim(&format!(
            "{next} · :retry to answer again · :followup to answer the follow-up · :quit"
        ))
    )
}

/// Each question asked: its best score and band, the competency, and the tries when more
/// than one.
fn summary_table(s: &Summary) -> Table {
    let mut t = Table::new(&[
        ("question", Align::Left),
        ("best", Align::Right),
        ("band", Align::Left),
        ("competency", Align::Left),
        ("tries", Align::Left),
    ]);
    for r in &s.rows {
        let tries = if r.attempts > 1 {
            format!(" ({} tries, first {})", r.attempts, r.first_score)
        } else {
            String::new()
        };
        t.row(vec![
            Cell::new(&r.question_id),
            Cell::new(r.best_score),
            Cell::new(r.band.as_str()),
            Cell::new(&r.competency).tone(Tone::Dim),
            Cell::new(tries),
        ]);
    }
    t
}

/// `  spm-03      98  exceeds  partner-enablement (2 tries, first 40)`.
const SUMMARY: TextLayout = TextLayout {
    indent: "  ",
    header: None,
    columns: &[
        (0, 10, ""),
        (1, 3, " "),
        (2, 8, "  "),
        (3, 0, " "),
        (4, 0, ""),
    ],
};

/// With scores hidden: the question and its competency.
const SUMMARY_NO_SCORE: TextLayout = TextLayout {
    indent: "  ",
    header: None,
    columns: &[(0, 10, ""), (3, 0, " ")],
};

/// The end-of-session summary.
pub fn summary(s: &Summary, no_score: bool, paint: &Paint) -> String {
    let mut out = format!("\n{}\n", paint.heading("── Session summary"));
    if s.rows.is_empty() {
        out.push_str("No answers this time. Run `prepcoach` again when you are ready.\n");
        return out;
    }
    let layout = if no_score {
        &SUMMARY_NO_SCORE
    } else {
        &SUMMARY
    };
    out.push_str(&table::text(&summary_table(s), layout, paint));
    let w = paint.style.width;
    if !s.skipped.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("skipped: {}", s.skipped.join(", ")), w, "  ")
        );
    }
    if let Some((part, n, total)) = &s.most_missing {
        let line = format!(
            "Most often missing: {} ({n} of {total} answers).",
            paint.bad(&clean(part))
        );
        let _ = writeln!(out, "\n{}", wrap_safe(&line, w, ""));
    }
    if let Some((comp, _)) = &s.weakest {
        let advice = match s.most_missing.as_ref().map(|m| m.0.as_str()) {
            Some("outcome") => "close every story with the result and its number",
            Some("learning") => "end every story with what you do differently since",
            Some("example") => "anchor each answer in one named partner or deal",
            Some("context") => "open with the situation and what was at stake",
            Some("approach") => "say the concrete steps you took, in the first person",
            _ => "keep the five-part shape and add one more number",
        };
        let line = format!(
            "Practise next: {comp} questions — {advice}. Try `prepcoach practice --competency {comp}`."
        );
        let _ = writeln!(out, "{}", wrap(&line, w, ""));
    } else if !no_score {
        let line = format!(
            "Every question you answered reached {} or more. Practise next: questions you have not tried yet, with `prepcoach practice --review`.",
            crate::analysis::Band::EXCEEDS_FROM
        );
        let _ = writeln!(out, "{}", wrap(&line, w, ""));
    }
    out
}

/// What a review session asks, told before it starts: which questions are due (and since
/// when), which are new, and when the next one not asked now comes due.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewPlan {
    /// Due questions with the day they came due, most overdue first.
    pub due: Vec<(String, String)>,
    /// Questions never tried.
    pub new: Vec<String>,
    /// The next question to come due among those not asked now, and its day.
    pub next: Option<(String, String)>,
}

/// "Review: 1 due (spm-03, due since 28 Nov 2026); 2 new (spm-06, spm-07)."
pub fn review_plan(plan: &ReviewPlan, paint: &Paint) -> String {
    let mut parts = Vec::new();
    if !plan.due.is_empty() {
        let list: Vec<String> = plan
            .due
            .iter()
            .map(|(id, day)| format!("{} since {}", clean(id), clean(day)))
            .collect();
        parts.push(format!("{} due ({})", plan.due.len(), list.join(", ")));
    }
    if !plan.new.is_empty() {
        let list: Vec<String> = plan.new.iter().map(|id| clean(id)).collect();
        parts.push(format!(
            "{} new, never tried ({})",
            plan.new.len(),
            list.join(", ")
        ));
    }
    let mut text = format!("{} {}.", paint.heading("Review:"), parts.join("; "));
    if plan.due.is_empty() {
        text.push_str(" Nothing is due yet.");
    }
    if let Some((id, day)) = &plan.next {
        text.push_str(&format!(" Next due: {} on {}.", clean(id), clean(day)));
    }
    format!("{}\n", wrap_safe(&text, paint.style.width, ""))
}
