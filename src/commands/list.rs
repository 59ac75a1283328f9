//! `prepcoach banks`, `questions` and `show`.

use super::{emit, resolve};
use crate::cli::{BanksArgs, ListFormat, QuestionsArgs, ShowArgs};
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
