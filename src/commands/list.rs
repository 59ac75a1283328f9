//! `prepcoach banks`, `questions`, `show` and `list`.

use super::{emit, resolve};
use crate::cli::{BanksArgs, ListArgs, ListFormat, ListWhat, QuestionsArgs, ShowArgs};
use crate::error::Result;
use crate::render::{bank as r, Paint};

pub fn banks(args: &BanksArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, None)?;
    let banks: Vec<_> = catalog
        .banks()
        .iter()
        .filter(|b| filter.banks.is_empty() || filter.banks.contains(&b.bank.id))
        .cloned()
        .collect();
    match args.format {
        ListFormat::Text => emit(&r::banks_text(&banks, paint))?,
        ListFormat::Json => {
            let v: Vec<_> = banks.iter().map(r::bank_json).collect();
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))?;
        }
    }
    Ok(0)
}

/// `prepcoach list competencies|rounds|levels|kinds`: each value the selected questions
/// have, with how many have it, so a filter can be typed right the first time.
pub fn values(args: &ListArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, None)?;
    let list = catalog.select(&filter)?;
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for q in &list {
        let q = q.question;
        let values: Vec<String> = match args.what {
            ListWhat::Competencies => vec![q.competency.clone()],
            ListWhat::Rounds => q.round.iter().cloned().collect(),
            ListWhat::Levels => q.levels.iter().map(|l| l.as_str().to_string()).collect(),
            ListWhat::Kinds => vec![q.kind.to_string()],
        };
        for v in values {
            *counts.entry(v).or_default() += 1;
        }
    }
    let rows: Vec<(String, usize)> = counts.into_iter().collect();
    match args.format {
        ListFormat::Text => emit(&r::counts_text(&rows, paint))?,
        ListFormat::Json => {
            let v: Vec<_> = rows
                .iter()
                .map(|(name, n)| serde_json::json!({"name": name, "questions": n}))
                .collect();
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))?;
        }
    }
    Ok(0)
}

pub fn questions(args: &QuestionsArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, args.search.clone())?;
    let list = catalog.select(&filter)?;
    match args.format {
        ListFormat::Text => emit(&r::questions_text(&list, paint))?,
        ListFormat::Json => {
            let v: Vec<_> = list.iter().map(r::question_json).collect();
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            ))?;
        }
    }
    Ok(0)
}

pub fn show(args: &ShowArgs, paint: &Paint) -> Result<i32> {
    let (catalog, _) = resolve(&args.selection, None)?;
    let q = catalog.question(&args.id)?;
    match args.format {
        ListFormat::Text => emit(&r::question_detail(&q, paint))?,
        ListFormat::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&r::question_json(&q)).unwrap_or_default()
        ))?,
    }
    Ok(0)
}
