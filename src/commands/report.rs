//! `prepcoach report`: a self-contained HTML page or Markdown, of your history or of a
//! cohort's grades.

use std::path::Path;

use super::drill::compute_grades;
use super::history::load_progress;
use crate::cli::ReportArgs;
use crate::error::{Error, Result};
use crate::render::{grade, share};

pub fn run(args: &ReportArgs) -> Result<i32> {
    let (html, markdown) = if let (Some(drill), Some(answers)) = (&args.drill, &args.answers) {
        let g = compute_grades(drill, answers, &args.selection)?;
        (share::grades_html(&g), grade::markdown(&g))
    } else {
        let (p, records) = load_progress(&args.data, &args.selection)?;
        (
            share::history_html(&p, &records),
            share::history_markdown(&p, &records),
        )
    };
    for (path, text) in [(&args.html, html), (&args.markdown, markdown)] {
        if let Some(path) = path {
            write(path, &text)?;
            println!("wrote {}", path.display());
        }
    }
    Ok(0)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}
