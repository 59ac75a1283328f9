//! `prepcoach progress`, `prepcoach history export` and `prepcoach history import`.

use std::path::{Path, PathBuf};

use super::check::{parse_jsonl, read_answer};
use super::{emit, resolve};
use crate::cli::{DataDir, HistoryCommand, ListFormat, ProgressArgs, Selection};
use crate::config::data_home;
use crate::error::{Diagnostic, Error, Result};
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
    // Every line is checked, its shape and then its values, before anything is written;
    // then all of them are saved in one transaction or none.
    let records: Vec<(usize, Record)> = parse_jsonl(&name, &text)?;
    let (catalog, _) = resolve(&Selection::default(), None)?;
    let lines: Vec<&str> = text.lines().collect();
    let diags: Vec<Diagnostic> = records
        .iter()
        .flat_map(|(n, r)| {
            let line = lines.get(n - 1).copied().unwrap_or("");
            let name = name.clone();
            invalid_fields(r, &catalog)
                .into_iter()
                .map(move |(field, message)| Diagnostic {
                    file: name.clone(),
                    line: *n,
                    column: line.find(&format!("\"{field}\"")).map_or(1, |c| c + 1),
                    field: field.to_string(),
                    message,
                })
        })
        .collect();
    if !diags.is_empty() {
        return Err(Error::Invalid(diags));
    }
    let records: Vec<Record> = records.into_iter().map(|(_, r)| r).collect();
    let store = Store::open(path)?;
    let added = store.save_all(&records)?;
    println!(
        "imported {added} of {} attempts into {} ({} were already there)",
        records.len(),
        crate::render::clean(&store.path().display().to_string()),
        records.len() - added
    );
    Ok(0)
}

/// What is wrong with an imported attempt's values, field by field: a score is 0–100, a
/// band one of the three, a time an RFC 3339 instant, the question one prepcoach knows.
fn invalid_fields(r: &Record, catalog: &crate::Catalog) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if r.score > 100 {
        out.push((
            "score",
            format!("expected a score from 0 to 100, found {}", r.score),
        ));
    }
    if !matches!(r.band.as_str(), "exceeds" | "meets" | "below") {
        out.push((
            "band",
            format!("expected `exceeds`, `meets` or `below`, found `{}`", r.band),
        ));
    }
    if chrono::DateTime::parse_from_rfc3339(&r.at).is_err() {
        out.push((
            "at",
            format!(
                "expected a time such as 2026-11-21T22:13:05Z, found `{}`",
                r.at
            ),
        ));
    }
    let max = crate::session::run::MAX_ANSWER_BYTES;
    if r.answer.len() > max {
        out.push((
            "answer",
            format!(
                "expected an answer of at most {max} bytes, found {}",
                r.answer.len()
            ),
        ));
    }
    if !(r.seconds.is_finite() && r.seconds >= 0.0) {
        out.push((
            "seconds",
            format!("expected seconds of 0 or more, found {}", r.seconds),
        ));
    }
    if catalog.question(&r.question_id).is_err() {
        out.push((
            "question_id",
            format!(
                "unknown question `{}`: add its bank to prepcoach's banks folder first",
                r.question_id
            ),
        ));
    }
    let parts: Vec<&str> = crate::analysis::Part::ALL
        .iter()
        .map(|p| p.as_str())
        .collect();
    if let Some(p) = r.missing.iter().find(|p| !parts.contains(&p.as_str())) {
        out.push((
            "missing",
            format!("expected part names ({}), found `{p}`", parts.join(", ")),
        ));
    }
    out
}

/// The stored attempts and their progress summary over the loaded questions.
pub fn load_progress(data: &DataDir, selection: &Selection) -> Result<(Progress, Vec<Record>)> {
    progress_of(&resolve(selection, None)?.0, data)
}

/// [`load_progress`] over banks already loaded.
pub fn progress_of(catalog: &crate::Catalog, data: &DataDir) -> Result<(Progress, Vec<Record>)> {
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
