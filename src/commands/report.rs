//! `prepcoach report`: a self-contained HTML page or Markdown, of your history or of a
//! cohort's grades.

use std::path::Path;

use super::drill::compute_grades;
use super::history::{history_path, progress_of};
use super::output::write_file;
use crate::cli::ReportArgs;
use crate::error::Result;
use crate::render::share;

pub fn run(args: &ReportArgs) -> Result<i32> {
    let generated = crate::history::time::now_rfc3339();
    let (html, markdown) = if let (Some(drill), Some(answers)) = (&args.drill, &args.answers) {
        let g = compute_grades(drill, answers, args.roster.as_deref(), &args.selection)?;
        (
            share::grades_html(&g, &generated),
            share::grades_markdown(&g, &generated),
        )
    } else {
        let catalog = super::resolve(&args.selection, None)?.0;
        let (p, records) = progress_of(&catalog, &args.data)?;
        // Each question's words, so the report shows what was asked and not only its id.
        let mut texts: std::collections::BTreeMap<String, String> = catalog
            .all_questions()
            .map(|q| (q.question.id.clone(), q.question.text.clone()))
            .collect();
        texts.extend(super::roleplay::titles()?);
        (
            share::history_html(&p, &records, &texts, &generated),
            share::history_markdown(&p, &records, &texts, &generated),
        )
    };
    let history = history_path(&args.data).ok();
    let data = history.as_deref().and_then(Path::parent);
    for (path, text) in [(&args.html, html), (&args.markdown, markdown)] {
        if let Some(path) = path {
            write_file(path, text.as_bytes(), args.force, data)?;
            println!(
                "wrote {}",
                crate::render::clean(&path.display().to_string())
            );
        }
    }
    Ok(0)
}
