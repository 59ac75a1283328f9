//! `prepcoach drill validate`, `prepcoach drill run` and `prepcoach grade`.

use std::fmt::Write as _;
use std::path::Path;

use super::check::{load_rules, parse_jsonl, read_answer};
use super::practice::{practise, Setup};
use super::{emit, resolve};
use crate::bank::{read_text, Catalog};
use crate::cli::{DrillCommand, GradeArgs, GradeFormat};
use crate::drill::grade::{grade as grade_answers, AnswerLine};
use crate::drill::{parse_drill, questions, Drill};
use crate::error::{Error, Result};
use crate::render::{clean, grade as show, Paint};

fn load(file: &Path, catalog: &Catalog) -> Result<Drill> {
    parse_drill(&file.display().to_string(), &read_text(file)?, catalog)
}

pub fn run(cmd: DrillCommand, paint: &Paint) -> Result<i32> {
    match cmd {
        DrillCommand::Validate { files, selection } => {
            let (catalog, _) = resolve(&selection, None)?;
            let mut report = String::new();
            let mut errors = 0;
            for f in &files {
                match load(f, &catalog) {
                    Ok(d) => {
                        let n = questions(&d, &catalog)?.len();
                        let _ = writeln!(
                            report,
                            "{} {}: \"{}\", {n} question{}",
                            paint.good("ok"),
                            clean(&f.display().to_string()),
                            clean(&d.name),
                            if n == 1 { "" } else { "s" }
                        );
                    }
                    Err(Error::Invalid(diags)) => {
                        errors += diags.len();
                        for d in diags {
                            let _ = writeln!(report, "{}", clean(&d.to_string()));
                        }
                    }
                    Err(e) => {
                        errors += 1;
                        let _ = writeln!(report, "{}", clean(&e.to_string()));
                    }
                }
            }
            if errors > 0 {
                eprintln!(
                    "{report}{errors} error{}",
                    if errors == 1 { "" } else { "s" }
                );
                Ok(1)
            } else {
                emit(&report)?;
                Ok(0)
            }
        }
        DrillCommand::Run {
            file,
            selection,
            data,
            no_save,
            no_score,
            fail_below,
        } => {
            let (catalog, _) = resolve(&selection, None)?;
            let drill = load(&file, &catalog)?;
            let checker = crate::analysis::Checker::new(load_rules(None)?).with_models(&catalog);
            let asked = questions(&drill, &catalog)?;
            let ids: Vec<String> = asked.iter().map(|q| q.question.id.clone()).collect();
            let setup = Setup {
                no_save,
                no_score,
                data: &data,
                drill: Some(&drill),
            };
            let attempts = practise(asked, &checker, &setup, paint)?;
            emit(&drill_results(&drill, &attempts, paint))?;
            let Some(bar) = fail_below else {
                return Ok(0);
            };
            let short = ids
                .iter()
                .filter(|id| {
                    let best = attempts
                        .iter()
                        .filter(|a| !a.followup && a.question_id == **id)
                        .max_by_key(|a| a.report.score);
                    best.is_none_or(|a| fails(bar, &drill, &a.report))
                })
                .count();
            if short == 0 {
                return Ok(0);
            }
            eprintln!(
                "{short} of {} questions are below {bar} or unanswered",
                ids.len()
            );
            Ok(1)
        }
    }
}

/// Which pass rules each question's best answer met.
fn drill_results(drill: &Drill, attempts: &[crate::history::Attempt], paint: &Paint) -> String {
    let mut out = format!(
        "\n{}\n",
        paint.heading(&format!("── Drill results: {}", clean(&drill.name)))
    );
    let mut ids: Vec<&str> = attempts
        .iter()
        .filter(|a| !a.followup)
        .map(|a| a.question_id.as_str())
        .collect();
    ids.dedup();
    let mut passed = 0;
    for id in &ids {
        let best = attempts
            .iter()
            .filter(|a| !a.followup && a.question_id == *id)
            .max_by_key(|a| a.report.score);
        let Some(best) = best else { continue };
        let verdicts = drill.pass.judge(&best.report);
        let ok = verdicts.iter().all(|v| v.passed);
        passed += usize::from(ok);
        let marks: Vec<String> = verdicts
            .iter()
            .map(|v| {
                if v.passed {
                    paint.good(&format!("✓ {}", v.rule))
                } else {
                    paint.bad(&format!("✗ {}", v.rule))
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:<10} {}  {}",
            clean(id),
            if ok {
                paint.good("pass")
            } else {
                paint.bad("fail")
            },
            marks.join("  ")
        );
    }
    let _ = writeln!(
        out,
        "Passed {passed} of {} answered question{}.",
        ids.len(),
        if ids.len() == 1 { "" } else { "s" }
    );
    out
}

/// Whether a report falls short of `bar` on `drill` (its pass rules for `pass`).
fn fails(bar: crate::cli::Bar, drill: &Drill, r: &crate::analysis::Report) -> bool {
    match bar {
        crate::cli::Bar::Pass => !drill.pass.judge(r).iter().all(|v| v.passed),
        _ => super::below(bar, r.score, r.band),
    }
}

pub fn grade(args: &GradeArgs, paint: &Paint) -> Result<i32> {
    let g = compute_grades(
        &args.drill,
        &args.answers,
        args.roster.as_deref(),
        &args.selection,
    )?;
    emit(&match args.format {
        GradeFormat::Text => show::text(&g, paint),
        GradeFormat::Json => show::json(&g),
        GradeFormat::Csv => show::csv(&g),
        GradeFormat::Markdown => show::markdown(&g),
    })?;
    let Some(bar) = args.fail_below else {
        return Ok(0);
    };
    let band = |b: &str| match b {
        "exceeds" => crate::analysis::Band::Exceeds,
        "meets" => crate::analysis::Band::Meets,
        _ => crate::analysis::Band::Below,
    };
    let short = g
        .rows
        .iter()
        .filter(|r| match bar {
            crate::cli::Bar::Pass => !r.passed,
            _ => super::below(bar, r.score, band(&r.band)),
        })
        .count();
    let missing: usize = g.candidates.iter().map(|c| c.not_submitted.len()).sum();
    if short + missing == 0 {
        return Ok(0);
    }
    eprintln!("{short} answers are below {bar}; {missing} not submitted");
    Ok(1)
}

/// Grade the answers in `answers` against the drill in `drill_file`.
pub fn compute_grades(
    drill_file: &Path,
    answers: &Path,
    roster: Option<&Path>,
    selection: &crate::cli::Selection,
) -> Result<crate::drill::grade::Grades> {
    let roster = roster.map(read_roster).transpose()?;
    let (catalog, _) = resolve(selection, None)?;
    let drill = load(drill_file, &catalog)?;
    let checker = crate::analysis::Checker::new(load_rules(None)?).with_models(&catalog);
    let (name, text) = read_answer(Some(answers))?;
    let lines: Vec<(usize, AnswerLine)> = parse_jsonl(&name, &text)?;
    grade_answers(&drill, &catalog, &checker, &name, &lines, roster.as_deref())
}

/// A roster file: one candidate a line; blank lines and `#` comments are skipped, and a
/// name given twice is an error (it would hide a typo).
fn read_roster(path: &Path) -> Result<Vec<String>> {
    let text = crate::data::read_text(path)?;
    let mut names: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let name = line.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        if names.iter().any(|n| n == name) {
            problems.push(crate::error::Diagnostic {
                file: path.display().to_string(),
                line: i + 1,
                column: 1,
                field: String::new(),
                message: format!("`{name}` is on the roster twice"),
            });
            continue;
        }
        names.push(name.to_string());
    }
    if !problems.is_empty() {
        return Err(crate::error::Error::Invalid(problems));
    }
    if names.is_empty() {
        return Err(crate::error::Error::Usage(format!(
            "the roster {} has no names: write one candidate a line",
            path.display()
        )));
    }
    Ok(names)
}
