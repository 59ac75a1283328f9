//! Show, sentence by sentence, what the checker saw in an answer: the features each part
//! rule reads and which parts the sentence counts for. Useful when tuning the rules file.
//!
//! `cargo run --example explain -- answer.txt` (or pipe the answer on stdin).

use std::io::Read;

use prepcoach::analysis::{explain, metrics, Rules};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut answer = String::new();
    match std::env::args().nth(1) {
        Some(path) => answer = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut answer)?;
        }
    }
    let rules = Rules::builtin()?;
    for (i, s) in explain(&answer, &rules).iter().enumerate() {
        println!(
            "[{i}] {}\n    parts: {:?}\n    {:?}\n",
            s.span.text, s.parts, s.features
        );
    }
    for m in metrics::find_metrics(&answer) {
        println!("metric {:?} {:?}", m.kind, m.text);
    }
    Ok(())
}
