//! Banks and questions as text and as JSON.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{json, Value};

use super::{clean, wrap, Paint};
use crate::bank::{Kind, LoadedBank, Question, QuestionRef};

/// Question counts per kind, in the standard kind order.
pub fn kind_counts(questions: &[Question]) -> BTreeMap<Kind, usize> {
    let mut counts = BTreeMap::new();
    for q in questions {
        *counts.entry(q.kind).or_insert(0) += 1;
    }
    counts
}

/// `prepcoach banks` as text.
/// Names with a count each, aligned: `prepcoach list`.
pub fn counts_text(rows: &[(String, usize)], paint: &Paint) -> String {
    let width = rows
        .iter()
        .map(|(n, _)| textwrap::core::display_width(&clean(n)))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (name, n) in rows {
        let name = clean(name);
        let pad = width - textwrap::core::display_width(&name);
        let _ = writeln!(
            out,
            "{}{}  {n} question{}",
            paint.heading(&name),
            " ".repeat(pad),
            if *n == 1 { "" } else { "s" }
        );
    }
    out
}

pub fn banks_text(banks: &[LoadedBank], paint: &Paint) -> String {
    let mut out = String::new();
    let total: usize = banks.iter().map(|b| b.bank.questions.len()).sum();
    for b in banks {
        let counts = kind_counts(&b.bank.questions)
            .into_iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "{}  {}",
            paint.heading(&clean(&b.bank.id)),
            clean(&b.bank.title)
        );
        let _ = writeln!(
            out,
            "{}",
            wrap(
                &format!("{} questions: {counts}", b.bank.questions.len()),
                paint.style.width,
                "    "
            )
        );
        let _ = writeln!(out, "    {}", paint.dim(&clean(&b.origin.to_string())));
    }
    let _ = writeln!(out, "\n{} banks, {total} questions", banks.len());
    out
}

/// A question as JSON: the bank format's object with its bank id added.
pub fn question_json(q: &QuestionRef<'_>) -> Value {
    let mut v = serde_json::to_value(q.question).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("bank".into(), Value::String(q.bank.id.clone()));
    }
    v
}

/// A bank as JSON: the bank format's object, with where it came from and counts per kind.
pub fn bank_json(b: &LoadedBank) -> Value {
    let mut v = serde_json::to_value(&b.bank).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        let counts: BTreeMap<String, usize> = kind_counts(&b.bank.questions)
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        map.insert("origin".into(), json!(b.origin.to_string()));
        map.insert("question_counts".into(), json!(counts));
        if let Some(Value::Array(qs)) = map.get_mut("questions") {
            for q in qs.iter_mut().filter_map(Value::as_object_mut) {
                q.insert("bank".into(), json!(b.bank.id));
            }
        }
    }
    v
}

/// `prepcoach questions` as text: one question a block.
pub fn questions_text(list: &[QuestionRef<'_>], paint: &Paint) -> String {
    let mut out = String::new();
    for q in list {
        let qq = q.question;
        let _ = writeln!(
            out,
            "{}  {}",
            paint.accent(&clean(&qq.id)),
            paint.dim(&meta_line(q))
        );
        let _ = writeln!(out, "{}", wrap(&qq.text, paint.style.width, "    "));
    }
    let _ = writeln!(
        out,
        "\n{} question{}",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    );
    out
}

/// "bank · kind · competency · levels · round · 2:30".
pub fn meta_line(q: &QuestionRef<'_>) -> String {
    let qq = q.question;
    let levels: Vec<&str> = qq.levels.iter().map(|l| l.as_str()).collect();
    let mut parts = vec![
        q.bank.id.clone(),
        qq.kind.to_string(),
        qq.competency.clone(),
        levels.join("/"),
    ];
    if let Some(r) = &qq.round {
        parts.push(format!("round: {r}"));
    }
    parts.push(format!("{} budget", clock(qq.time_budget_seconds)));
    clean(&parts.join(" · "))
}

/// Seconds as m:ss.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `prepcoach show` as text: everything the question carries.
pub fn question_detail(q: &QuestionRef<'_>, paint: &Paint) -> String {
    let qq = q.question;
    let w = paint.style.width;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        paint.heading(&clean(&qq.id)),
        paint.dim(&meta_line(q))
    );
    if let Some(c) = &qq.category {
        let _ = writeln!(out, "    {}", paint.dim(&format!("category: {}", clean(c))));
    }
    let _ = writeln!(out, "\n{}\n", wrap(&qq.text, w, "  "));
    section(
        &mut out,
        paint,
        "Areas to cover",
        qq.areas.iter().map(|a| with_cues(&a.text, &a.cues)),
    );
    section(
        &mut out,
        paint,
        "Follow-up questions",
        qq.follow_ups.iter().cloned(),
    );
    section(
        &mut out,
        paint,
        "Strong answers show",
        qq.indicators
            .positive
            .iter()
            .map(|a| with_cues(&a.text, &a.cues)),
    );
    section(
        &mut out,
        paint,
        "Warning signs",
        qq.indicators
            .negative
            .iter()
            .map(|a| with_cues(&a.text, &a.cues)),
    );
    model_answer(&mut out, q, paint);
    section(
        &mut out,
        paint,
        "Best practices",
        qq.best_practices.iter().cloned(),
    );
    section(&mut out, paint, "Pitfalls", qq.pitfalls.iter().cloned());
    if let Some(a) = &qq.anchors {
        section(
            &mut out,
            paint,
            "Scoring anchors",
            [
                format!("Exceeds: {}", a.exceeds),
                format!("Meets: {}", a.meets),
                format!("Below: {}", a.below),
            ]
            .into_iter(),
        );
    }
    if let Some(s) = &qq.scenario {
        let _ = writeln!(
            out,
            "{}",
            paint.heading(&format!(
                "Role-play scenario ({} minutes)",
                s.duration_minutes
            ))
        );
        let _ = writeln!(out, "{}\n", wrap(&s.setting, w, "  "));
        for r in &s.roles {
            let _ = writeln!(out, "  {}", paint.accent(&clean(&r.name)));
            let _ = writeln!(
                out,
                "{}",
                wrap(&format!("Motivation: {}", r.motivation), w, "    ")
            );
            for c in &r.constraints {
                let _ = writeln!(out, "{}", wrap(&format!("Constraint: {c}"), w, "    "));
            }
            for g in &r.guidance {
                let _ = writeln!(out, "{}", wrap(&format!("In character: {g}"), w, "    "));
            }
        }
        out.push('\n');
        section(&mut out, paint, "Tensions", s.tensions.iter().cloned());
        section(
            &mut out,
            paint,
            "Success criteria",
            s.success_criteria.iter().cloned(),
        );
    }
    out
}

/// The model answer with its five parts labelled.
pub fn model_answer(out: &mut String, q: &QuestionRef<'_>, paint: &Paint) {
    let _ = writeln!(out, "{}", paint.heading("Model answer"));
    for (name, text) in q.question.model_answer.parts() {
        let _ = writeln!(out, "  {}", paint.accent(&name.to_uppercase()));
        let _ = writeln!(out, "{}", wrap(text, paint.style.width, "    "));
    }
    out.push('\n');
}

fn with_cues(text: &str, cues: &[String]) -> String {
    format!("{text} [{}]", cues.join(", "))
}

/// A titled bullet list; nothing when the list is empty.
pub fn section(out: &mut String, paint: &Paint, title: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", paint.heading(title));
    for i in items {
        let wrapped = wrap(&i, paint.style.width, "    ");
        let _ = writeln!(out, "  •{}", &wrapped[3.min(wrapped.len())..]);
    }
    out.push('\n');
}
