//! Parsing and checking one bank file, with errors a coach can act on.
//!
//! Three layers, each reported with file, line, column and field: JSON syntax (serde_json),
//! shape (serde with `deny_unknown_fields`, the field path from serde_path_to_error and the
//! nearest valid field name for a typo), and content rules no type can express (unique ids,
//! non-empty texts, sane time budgets). Every shape error is reported (`data::shape`); the
//! content rules run once the shape is right, and report every problem too.

use std::collections::HashSet;

use super::model::{Bank, Cued, Question};
use crate::data::locate::{diagnostics, Seg};
use crate::error::Diagnostic;

/// Parse and check a bank. `file` is only used in diagnostics.
pub fn parse_bank(file: &str, text: &str) -> Result<Bank, Vec<Diagnostic>> {
    let bank = parse_shape(file, text)?;
    let problems = check_content(&bank);
    if problems.is_empty() {
        Ok(bank)
    } else {
        Err(diagnostics(file, text, problems))
    }
}

fn parse_shape(file: &str, text: &str) -> Result<Bank, Vec<Diagnostic>> {
    crate::data::shape::parse_all(file, text)
}

type Problem = (Vec<Seg>, String);

/// Diagnostics for ids in `bank` that already belong to a loaded bank, pointing at the id.
pub fn clash_diagnostics(
    catalog: &super::Catalog,
    bank: &Bank,
    file: &str,
    text: &str,
) -> Vec<Diagnostic> {
    let mut problems: Vec<Problem> = Vec::new();
    if let Ok(other) = catalog.bank(&bank.id) {
        problems.push((
            vec![key("id")],
            format!("bank id `{}` is already used by {}", bank.id, other.origin),
        ));
    }
    for (i, q) in bank.questions.iter().enumerate() {
        if let Some(owner) = catalog.owner_of(&q.id) {
            problems.push((
                vec![key("questions"), Seg::Index(i), key("id")],
                format!("question id `{}` is already used by {owner}", q.id),
            ));
        }
    }
    diagnostics(file, text, problems)
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// Whether `s` is a kebab-case identifier (ids and competency slugs).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !s.starts_with('-')
}

fn check_content(bank: &Bank) -> Vec<Problem> {
    let mut out = Vec::new();
    if !is_slug(&bank.id) {
        out.push((
            vec![key("id")],
            format!(
                "expected a kebab-case id (a-z, 0-9, -), found {:?}",
                bank.id
            ),
        ));
    }
    non_empty(&mut out, vec![key("title")], &bank.title);
    non_empty(&mut out, vec![key("source")], &bank.source);
    if bank.roles.is_empty() {
        out.push((vec![key("roles")], "expected at least one role".into()));
    }
    each_non_empty(&mut out, "roles", &bank.roles);
    each_non_empty(&mut out, "best_practices", &bank.best_practices);
    each_non_empty(&mut out, "mistakes", &bank.mistakes);
    each_non_empty(&mut out, "resume_criteria", &bank.resume_criteria);
    for (i, c) in bank.key_concepts.iter().enumerate() {
        let at = |f| vec![key("key_concepts"), Seg::Index(i), key(f)];
        non_empty(&mut out, at("term"), &c.term);
        non_empty(&mut out, at("definition"), &c.definition);
    }
    if bank.questions.is_empty() {
        out.push((
            vec![key("questions")],
            "expected at least one question".into(),
        ));
    }
    let rounds: HashSet<&str> = bank.rounds.iter().map(|r| r.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, q) in bank.questions.iter().enumerate() {
        let base = vec![key("questions"), Seg::Index(i)];
        if !seen.insert(q.id.as_str()) {
            out.push((
                with(&base, &[key("id")]),
                format!("duplicate question id `{}` in this bank", q.id),
            ));
        }
        check_question(&mut out, &base, q, &rounds);
    }
    out
}

fn check_question(out: &mut Vec<Problem>, base: &[Seg], q: &Question, rounds: &HashSet<&str>) {
    let at = |f: &str| with(base, &[key(f)]);
    if !is_slug(&q.id) {
        out.push((
            at("id"),
            format!("expected a kebab-case id (a-z, 0-9, -), found {:?}", q.id),
        ));
    }
    non_empty(out, at("text"), &q.text);
    if !is_slug(&q.competency) {
        out.push((
            at("competency"),
            format!(
                "expected a kebab-case competency slug, found {:?}",
                q.competency
            ),
        ));
    }
    if q.levels.is_empty() {
        out.push((
            at("levels"),
            "expected at least one of junior, mid, senior".into(),
        ));
    }
    if !(10..=3600).contains(&q.time_budget_seconds) {
        out.push((
            at("time_budget_seconds"),
            format!(
                "expected 10 to 3600 seconds, found {}",
                q.time_budget_seconds
            ),
        ));
    }
    if let Some(r) = &q.round {
        if !rounds.is_empty() && !rounds.contains(r.as_str()) {
            let mut known: Vec<_> = rounds.iter().copied().collect();
            known.sort_unstable();
            out.push((
                at("round"),
                format!(
                    "unknown round `{r}`, this bank's rounds are {}",
                    known.join(", ")
                ),
            ));
        }
    }
    check_cued(out, &at("areas"), &q.areas);
    check_cued(
        out,
        &with(base, &[key("indicators"), key("positive")]),
        &q.indicators.positive,
    );
    check_cued(
        out,
        &with(base, &[key("indicators"), key("negative")]),
        &q.indicators.negative,
    );
    for (part, text) in q.model_answer.parts() {
        non_empty(out, with(base, &[key("model_answer"), key(part)]), text);
    }
    for (field, list) in [
        ("follow_ups", &q.follow_ups),
        ("best_practices", &q.best_practices),
        ("pitfalls", &q.pitfalls),
    ] {
        for (j, s) in list.iter().enumerate() {
            non_empty(out, with(base, &[key(field), Seg::Index(j)]), s);
        }
    }
    if let Some(s) = &q.scenario {
        if s.roles.is_empty() {
            out.push((
                with(base, &[key("scenario"), key("roles")]),
                "expected at least one role in the scenario".into(),
            ));
        }
    }
}

fn check_cued(out: &mut Vec<Problem>, base: &[Seg], list: &[Cued]) {
    // Paths are built only for a problem: a bank has thousands of cues.
    let here = |i: usize, more: &[Seg]| with(&with(base, &[Seg::Index(i)]), more);
    for (i, c) in list.iter().enumerate() {
        if c.text.trim().is_empty() {
            non_empty(out, here(i, &[key("text")]), &c.text);
        }
        if c.cues.is_empty() {
            out.push((
                here(i, &[key("cues")]),
                "expected at least one cue word the checker can match".into(),
            ));
        }
        for (j, cue) in c.cues.iter().enumerate() {
            if cue.trim().is_empty() {
                non_empty(out, here(i, &[key("cues"), Seg::Index(j)]), cue);
            }
        }
    }
}

fn with(base: &[Seg], more: &[Seg]) -> Vec<Seg> {
    base.iter().chain(more).cloned().collect()
}

fn non_empty(out: &mut Vec<Problem>, path: Vec<Seg>, text: &str) {
    if text.trim().is_empty() {
        out.push((path, "expected non-empty text".into()));
    }
}

fn each_non_empty(out: &mut Vec<Problem>, field: &str, list: &[String]) {
    for (i, s) in list.iter().enumerate() {
        non_empty(out, vec![key(field), Seg::Index(i)], s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("spm-01"));
        assert!(!is_slug("Spm 01"));
        assert!(!is_slug(""));
    }
}
