//! `prepcoach progress`, `prepcoach history export` and `prepcoach history import`.

use std::path::{Path, PathBuf};

use super::check::{parse_jsonl, read_answer};
use super::{emit, resolve};
use crate::cli::{DataDir, HistoryCommand, ListFormat, ProgressArgs, Selection};
use crate::config::data_home;
use crate::error::{Error, Result};
use crate::history::progress::{progress, Progress};
use crate::history::{default_path, Record, Store};
use crate::render::{self, Paint};

/// The history file for these flags: `--data-dir`, else `$PREPCOACH_HOME`, else the
/// platform's data folder.
pub fn history_path(data: &DataDir) -> Result<PathBuf> {
    data.data_dir
        .clone()
        .or_else(data_home)
        .map(|d| default_path(&d))
        .ok_or_else(|| Error::Usage("no data folder: set PREPCOACH_HOME or pass --data-dir".into()))
}

pub fn run(cmd: HistoryCommand) -> Result<i32> {
    match cmd {
        HistoryCommand::Export {
            data,
            output,
            force,
            ..
        } => export(&history_path(&data)?, output.as_deref(), force),
        HistoryCommand::Import { data, file } => import(&history_path(&data)?, &file),
    }
}

fn export(path: &Path, output: Option<&Path>, force: bool) -> Result<i32> {
    let records = match Store::open_existing(path)? {
        Some(store) => store.all()?,
        None => Vec::new(),
    };
    let mut text = String::new();
    for r in &records {
        text.push_str(&serde_json::to_string(r).unwrap_or_default());
        text.push('\n');
    }
    match output {
        Some(file) => super::output::write_file(file, text.as_bytes(), force, path.parent())?,
        None => emit(&text)?,
    }
    eprintln!(
        "exported {} attempt{}",
        records.len(),
        if records.len() == 1 { "" } else { "s" }
    );
    Ok(0)
}

fn import(path: &Path, file: &Path) -> Result<i32> {
    let (name, text) = read_answer(Some(file))?;
    // Every line is checked before anything is written.
    let records: Vec<(usize, Record)> = parse_jsonl(&name, &text)?;
    let store = Store::open(path)?;
    let mut added = 0;
    for (_, r) in &records {
        if store.save(r)? {
            added += 1;
        }
    }
    println!(
        "imported {added} of {} attempts into {} ({} were already there)",
        records.len(),
        crate::render::clean(&store.path().display().to_string()),
        records.len() - added
    );
    Ok(0)
}

/// The stored attempts and their progress summary over the loaded questions.
pub fn load_progress(data: &DataDir, selection: &Selection) -> Result<(Progress, Vec<Record>)> {
    let (catalog, _) = resolve(selection, None)?;
    let ids: Vec<String> = catalog
        .all_questions()
        .map(|q| q.question.id.clone())
        .collect();
    let records = match Store::open_existing(&history_path(data)?)? {
        Some(store) => store.all()?,
        None => Vec::new(),
    };
    Ok((progress(&records, &ids), records))
}

pub fn show_progress(args: &ProgressArgs, paint: &Paint) -> Result<i32> {
    let (p, _) = load_progress(&args.data, &args.selection)?;
    match args.format {
        ListFormat::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&p).unwrap_or_default()
        ))?,
        ListFormat::Text => emit(&render::progress::text(&p, paint))?,
    }
    Ok(0)
}
