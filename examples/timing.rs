//! Where the time of one `prepcoach check` goes: loading banks, loading rules, the first
//! analysis (which loads the metric DFAs it needs) and a warm analysis.
//!
//! `cargo run --release --example timing -- answer.txt`

use std::time::Instant;

use prepcoach::analysis::{analyze, QuestionContext, Rules};
use prepcoach::Catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: timing ANSWER_FILE")?;
    let answer = std::fs::read_to_string(path)?;
    let t = Instant::now();
    let catalog = Catalog::builtin()?;
    let banks = t.elapsed();
    let t = Instant::now();
    let rules = Rules::builtin()?;
    let rules_t = t.elapsed();
    let q = catalog.question("spm-01")?;
    let t = Instant::now();
    prepcoach::analysis::metrics::find_metrics("warm up 40%");
    let patterns = t.elapsed();
    let t = Instant::now();
    analyze(&answer, QuestionContext::of(q), &rules);
    let first = t.elapsed();
    let t = Instant::now();
    let n = 1000;
    for _ in 0..n {
        analyze(&answer, QuestionContext::of(q), &rules);
    }
    let warm = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(prepcoach::analysis::text::sentences(&answer));
    }
    let seg = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(prepcoach::analysis::metrics::find_metrics(&answer));
    }
    let met = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(prepcoach::analysis::explain(&answer, &rules));
    }
    let feat = t.elapsed() / n;
    println!("segmentation {seg:?}  metrics {met:?}  segmentation, metrics and features {feat:?}");
    println!("banks {banks:?}  rules {rules_t:?}  metric patterns {patterns:?}  first analysis {first:?}  warm analysis {warm:?}");
    Ok(())
}
