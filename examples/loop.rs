//! Analyse one answer many times, for profiling (`perf record`).
//!
//! `cargo run --release --example loop -- answer.txt 2000`

use prepcoach::analysis::{analyze, QuestionContext, Rules};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let answer = std::fs::read_to_string(args.next().ok_or("usage: loop ANSWER [N]")?)?;
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let rules = Rules::builtin()?;
    let mut total = 0;
    for _ in 0..n {
        total += analyze(&answer, QuestionContext::default(), &rules).score;
    }
    println!("{total}");
    Ok(())
}
