//! `prepcoach practice` (and `prepcoach` with no command).

use super::{emit, resolve};
use crate::cli::PracticeArgs;
use crate::error::Result;
use crate::render::{bank as r, Paint};

pub fn run(args: &PracticeArgs, paint: &Paint) -> Result<i32> {
    let (catalog, filter) = resolve(&args.selection, None)?;
    let list = catalog.select(&filter)?;
    emit(&r::questions_text(&list, paint))?;
    Ok(0)
}
