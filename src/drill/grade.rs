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
    /// The answer as sent.
    pub answer: String,
    /// The checker's findings, as messages.
    pub findings: Vec<String>,
    /// What to practise, most useful first.
    pub suggestions: Vec<String>,
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
    /// Answers graded (one per question at most).
    pub answers: usize,
    /// The average score of the answers graded; none when nothing was submitted.
    pub average: Option<f64>,
    pub passed: usize,
    /// How many questions the drill asks: what `passed` counts out of.
    pub questions: usize,
    /// The drill's questions this candidate sent no answer to.
    pub not_submitted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSummary {
    pub question_id: String,
    /// The question as asked.
    pub text: String,
    pub answers: usize,
    /// The average score of its answers; none when nobody answered it.
    pub average: Option<f64>,
    pub passed: usize,
    /// The candidates who sent no answer to it.
    pub not_submitted: Vec<String>,
    /// The part missing most often in this question's answers.
    pub common_gap: Option<String>,
}

/// A candidate who answered one question more than once: the last answer is graded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub candidate: String,
    pub question_id: String,
    /// The lines of the answers file holding the answers, the graded one last.
    pub lines: Vec<usize>,
}

/// The whole grading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grades {
    pub drill: String,
    /// The drill's instructions to the candidates.
    pub instructions: String,
    /// What an answer must show to pass, in words.
    pub pass_rules: Vec<String>,
    /// The drill's questions, in its order.
    pub questions_asked: Vec<String>,
    pub rows: Vec<Row>,
    pub candidates: Vec<CandidateSummary>,
    pub questions: Vec<QuestionSummary>,
    /// Answers sent more than once, of which only the last was graded.
    pub duplicates: Vec<Duplicate>,
}

/// Grade `lines` (with their line numbers in `file`) against `drill`. Every line that
/// cannot be graded (an empty name or answer, a question outside the drill, a name not on
/// the `roster` when one is given) is an input error, all reported with their lines. A
/// candidate's later answer to the same question replaces the earlier one (listed in
/// `duplicates`); the roster's candidates (else everyone who sent something) who left a
/// question unanswered are listed per candidate and per question.
pub fn grade(
    drill: &Drill,
    catalog: &Catalog,
    checker: &Checker,
    file: &str,
    lines: &[(usize, AnswerLine)],
    roster: Option<&[String]>,
) -> Result<Grades> {
    let drill_questions = super::questions(drill, catalog)?;
    let asked: Vec<String> = drill_questions
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    let bad: Vec<Diagnostic> = lines
        .iter()
        .flat_map(|(n, l)| {
            line_problems(l, &asked, roster)
                .into_iter()
                .map(move |p| (n, p))
        })
        .map(|(n, (field, message))| Diagnostic {
            file: file.to_string(),
            line: *n,
            column: 1,
            field: field.into(),
            message,
        })
        .collect();
    if !bad.is_empty() {
        return Err(Error::Invalid(bad));
    }
    let (kept, duplicates) = last_answers(lines);
    let mut rows = Vec::new();
    for l in kept {
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
            answer: l.answer.clone(),
            findings: r.findings.iter().map(|f| f.message.clone()).collect(),
            suggestions: r.suggestions.clone(),
        });
    }
    let people: Vec<String> = match roster {
        Some(names) => names.to_vec(),
        None => by(&rows, |r| &r.candidate).into_keys().collect(),
    };
    let submitted: std::collections::HashSet<(&str, &str)> = rows
        .iter()
        .map(|r| (r.candidate.as_str(), r.question_id.as_str()))
        .collect();
    let answered = |c: &str, q: &str| submitted.contains(&(c, q));
    let by_candidate = by(&rows, |r| &r.candidate);
    let by_question = by(&rows, |r| &r.question_id);
    Ok(Grades {
        drill: drill.name.clone(),
        instructions: drill.instructions.clone(),
        pass_rules: drill.pass.describe(),
        candidates: people
            .iter()
            .map(|c| {
                let rs = by_candidate.get(c).map_or(&[][..], Vec::as_slice);
                CandidateSummary {
                    candidate: c.clone(),
                    answers: rs.len(),
                    average: average(rs),
                    passed: rs.iter().filter(|r| r.passed).count(),
                    questions: asked.len(),
                    not_submitted: asked.iter().filter(|q| !answered(c, q)).cloned().collect(),
                }
            })
            .collect(),
        questions: asked
            .iter()
            .map(|q| {
                let rs = by_question.get(q).map_or(&[][..], Vec::as_slice);
                QuestionSummary {
                    question_id: q.clone(),
                    text: drill_questions
                        .iter()
                        .find(|d| d.question.id == *q)
                        .map(|d| d.question.text.clone())
                        .unwrap_or_default(),
                    answers: rs.len(),
                    average: average(rs),
                    passed: rs.iter().filter(|r| r.passed).count(),
                    not_submitted: people.iter().filter(|c| !answered(c, q)).cloned().collect(),
                    common_gap: common_gap(rs),
                }
            })
            .collect(),
        questions_asked: asked,
        rows,
        duplicates,
    })
}

/// What is wrong with one answers line, as (field, message).
fn line_problems(
    l: &AnswerLine,
    asked: &[String],
    roster: Option<&[String]>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if l.candidate.trim().is_empty() {
        out.push(("candidate", "the candidate's name is empty".to_string()));
    } else if let Some(names) = roster {
        if !names.contains(&l.candidate) {
            let near = crate::data::nearest(&l.candidate, names.iter().map(String::as_str));
            out.push((
                "candidate",
                format!(
                    "`{}` is not on the roster{}",
                    l.candidate,
                    near.map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default()
                ),
            ));
        }
    }
    if l.answer.trim().is_empty() {
        out.push(("answer", "the answer is empty".to_string()));
    }
    if !asked.contains(&l.question_id) {
        out.push((
            "question_id",
            format!(
                "`{}` is not one of the drill's questions ({})",
                l.question_id,
                asked.join(", ")
            ),
        ));
    }
    out
}

/// Each candidate's last answer to each question, in file order, and the answers sent
/// more than once.
fn last_answers(lines: &[(usize, AnswerLine)]) -> (Vec<&AnswerLine>, Vec<Duplicate>) {
    let mut at: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, (_, l)) in lines.iter().enumerate() {
        at.entry((&l.candidate, &l.question_id))
            .or_default()
            .push(i);
    }
    let last: std::collections::BTreeSet<usize> =
        at.values().filter_map(|v| v.last().copied()).collect();
    let mut duplicates: Vec<Duplicate> = at
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|((c, q), v)| Duplicate {
            candidate: (*c).to_string(),
            question_id: (*q).to_string(),
            lines: v.iter().map(|&i| lines[i].0).collect(),
        })
        .collect();
    duplicates.sort_by_key(|d| d.lines[0]);
    let kept = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| last.contains(i))
        .map(|(_, (_, l))| l)
        .collect();
    (kept, duplicates)
}

impl Grades {
    /// The graded answer of `candidate` to `question`, if one was sent.
    pub fn row(&self, candidate: &str, question: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.candidate == candidate && r.question_id == question)
    }
}

fn by(rows: &[Row], key: fn(&Row) -> &String) -> BTreeMap<String, Vec<&Row>> {
    let mut map: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        map.entry(key(r).clone()).or_default().push(r);
    }
    map
}

fn average(rows: &[&Row]) -> Option<f64> {
    if rows.is_empty() {
        return None;
    }
    let sum: u32 = rows.iter().map(|r| r.score).sum();
    Some((f64::from(sum) / rows.len() as f64 * 10.0).round() / 10.0)
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
