//! `prepcoach progress`, `prepcoach history export` and `prepcoach history import`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::check::{parse_jsonl, read_answer};
use super::{emit, resolve};
use crate::cli::{DataDir, HistoryCommand, ListFormat, ProgressArgs, Selection};
use crate::config::data_home;
use crate::error::{Error, Result};
use crate::history::progress::{progress, sparkline, Progress};
use crate::history::{default_path, Record, Store};
use crate::render::{clean, Paint};

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
        HistoryCommand::Export { data, output, .. } => {
            export(&history_path(&data)?, output.as_deref())
        }
        HistoryCommand::Import { data, file } => import(&history_path(&data)?, &file),
    }
}

fn export(path: &Path, output: Option<&Path>) -> Result<i32> {
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
        Some(file) => std::fs::write(file, text).map_err(|source| Error::Write {
            path: file.to_path_buf(),
            source,
        })?,
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
        store.path().display(),
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
        ListFormat::Text => emit(&progress_text(&p, paint))?,
    }
    Ok(0)
}

fn progress_text(p: &Progress, paint: &Paint) -> String {
    let mut out = String::new();
    if p.attempts == 0 {
        out.push_str("No attempts yet. Run `prepcoach` to practise; every answer is kept here.\n");
        return out;
    }
    let _ = writeln!(out, "{} {} answers", paint.heading("Progress:"), p.attempts);
    for (title, groups) in [("By competency", &p.by_competency), ("By kind", &p.by_kind)] {
        let _ = writeln!(out, "\n{}", paint.heading(title));
        let _ = writeln!(
            out,
            "  {:<24} {:>5} {:>7} {:>5}  trend",
            "", "tries", "average", "best"
        );
        for g in groups {
            let _ = writeln!(
                out,
                "  {:<24} {:>5} {:>7.1} {:>5}  {}",
                clean(&g.name),
                g.attempts,
                g.average,
                g.best,
                paint.accent(&sparkline(&g.trend))
            );
        }
    }
    if !p.recurring.is_empty() {
        let _ = writeln!(out, "\n{}", paint.heading("What keeps coming back"));
        for r in &p.recurring {
            let what = r.label();
            let _ = writeln!(
                out,
                "  {} in {} of your last {} answers",
                paint.warn(&what),
                r.count,
                r.of_last
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} {} question{} not tried yet{}",
        paint.heading("Next:"),
        p.untried.len(),
        if p.untried.len() == 1 { "" } else { "s" },
        p.untried
            .first()
            .map(|q| format!(", e.g. `prepcoach practice --question {}`", clean(q)))
            .unwrap_or_default()
    );
    out
}
