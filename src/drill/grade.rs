//! Cohort grading: check every answer in a file against a drill's pass rules, and sum up
//! per candidate and per question.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Drill;
use crate::analysis::{Checker, QuestionContext, Rule};
use crate::bank::Catalog;
use crate::error::{Diagnostic, Error, Result};

/// One line of a cohort's answers file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLine {
    pub candidate: String,
    pub question_id: String,
    pub answer: String,
}

/// One graded answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub candidate: String,
    pub question_id: String,
    pub score: u32,
    pub band: String,
    pub passed: bool,
    /// The pass rules this answer failed.
    pub failed: Vec<String>,
    /// The parts the question asks for (by its shape) that the checker found missing.
    pub missing: Vec<String>,
    /// What fell short: each failed rule's gap, then the missing parts no rule named.
    pub gaps: Vec<String>,
}

/// Each failed rule's gap, then the missing parts no rule named ("no learning").
fn gaps(verdicts: &[super::Verdict], missing: &[String]) -> Vec<String> {
    let mut gaps: Vec<String> = verdicts.iter().filter_map(|v| v.gap.clone()).collect();
    for m in missing {
        let gap = format!("no {m}");
        if !gaps.contains(&gap) {
            gaps.push(gap);
        }
    }
    gaps
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateSummary {
    pub candidate: String,
    pub answers: usize,
    pub average: f64,
    pub passed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSummary {
    pub question_id: String,
    pub answers: usize,
    pub average: f64,
    pub passed: usize,
    /// The part missing most often in this question's answers.
    pub common_gap: Option<String>,
}

/// The whole grading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grades {
    pub drill: String,
    pub rows: Vec<Row>,
    pub candidates: Vec<CandidateSummary>,
    pub questions: Vec<QuestionSummary>,
}

/// Grade `lines` (with their line numbers in `file`) against `drill`. An answer to a
/// question outside the drill is an input error, reported with its line.
pub fn grade(
    drill: &Drill,
    catalog: &Catalog,
    checker: &Checker,
    file: &str,
    lines: &[(usize, AnswerLine)],
) -> Result<Grades> {
    let asked: Vec<String> = super::questions(drill, catalog)?
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    let bad: Vec<Diagnostic> = lines
        .iter()
        .filter(|(_, l)| !asked.contains(&l.question_id))
        .map(|(n, l)| Diagnostic {
            file: file.to_string(),
            line: *n,
            column: 1,
            field: "question_id".into(),
            message: format!(
                "`{}` is not one of the drill's questions ({})",
                l.question_id,
                asked.join(", ")
            ),
        })
        .collect();
    if !bad.is_empty() {
        return Err(Error::Invalid(bad));
    }
    let mut rows = Vec::new();
    for (_, l) in lines {
        let q = catalog.question(&l.question_id)?;
        let ctx = QuestionContext::of(q).with_budget(drill.time_budget_seconds);
        let r = checker.check(&l.answer, ctx);
        let verdicts = drill.pass.judge(&r);
        // Only the parts the question's shape asks for: a plan has no outcome to miss.
        let missing: Vec<String> = r
            .parts
            .missing()
            .into_iter()
            .filter(|&p| r.findings.iter().any(|f| f.rule == Rule::missing(p)))
            .map(|p| p.to_string())
            .collect();
        rows.push(Row {
            candidate: l.candidate.clone(),
            question_id: l.question_id.clone(),
            score: r.score,
            band: r.band.as_str().into(),
            passed: verdicts.iter().all(|v| v.passed),
            failed: verdicts
                .iter()
                .filter(|v| !v.passed)
                .map(|v| v.rule.clone())
                .collect(),
            gaps: gaps(&verdicts, &missing),
            missing,
        });
    }
    Ok(Grades {
        drill: drill.name.clone(),
        candidates: by(&rows, |r| &r.candidate)
            .into_iter()
            .map(|(c, rs)| CandidateSummary {
                candidate: c,
                answers: rs.len(),
                average: average(&rs),
                passed: rs.iter().filter(|r| r.passed).count(),
            })
            .collect(),
        questions: by(&rows, |r| &r.question_id)
            .into_iter()
            .map(|(q, rs)| QuestionSummary {
                question_id: q,
                answers: rs.len(),
                average: average(&rs),
                passed: rs.iter().filter(|r| r.passed).count(),
                common_gap: common_gap(&rs),
            })
            .collect(),
        rows,
    })
}

fn by(rows: &[Row], key: fn(&Row) -> &String) -> BTreeMap<String, Vec<&Row>> {
    let mut map: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        map.entry(key(r).clone()).or_default().push(r);
    }
    map
}

fn average(rows: &[&Row]) -> f64 {
    let sum: u32 = rows.iter().map(|r| r.score).sum();
    (f64::from(sum) / rows.len().max(1) as f64 * 10.0).round() / 10.0
}

fn common_gap(rows: &[&Row]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows {
        for m in &r.missing {
            *counts.entry(m.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(p, _)| p.to_string())
}
