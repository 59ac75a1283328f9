//! Show, sentence by sentence, what the checker saw in an answer: the features each part
//! rule reads and which parts the sentence counts for. Useful when tuning the rules file.
//!
//! `cargo run --example explain -- answer.txt` (or pipe the answer on stdin).

use std::io::Read;

use prepcoach::analysis::{metrics, parts, Rules};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut answer = String::new();
    match std::env::args().nth(1) {
        Some(path) => answer = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut answer)?;
        }
    }
    let rules = Rules::builtin()?;
    let sentences = prepcoach::analysis::prepare(&answer, &rules);
    let found = metrics::find_metrics(&answer);
    let feats = parts::features(&answer, &sentences, &found, &rules);
    let classified = parts::classify(&feats);
    for (i, (s, f)) in sentences.iter().zip(&feats).enumerate() {
        let counts: Vec<&str> = parts::PARTS
            .iter()
            .enumerate()
            .filter(|(p, _)| classified[*p].contains(&i))
            .map(|(_, n)| *n)
            .collect();
        println!(
            "[{i}] {}\n    parts: {counts:?}\n    {f:?}\n",
            s.text(&answer)
        );
    }
    for m in &found {
        println!("metric {:?} {:?}", m.kind, m.text);
    }
    Ok(())
}
