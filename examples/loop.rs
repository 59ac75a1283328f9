//! Analyse answers many times, for profiling (`perf record`, `perf stat`).
//!
//! `cargo run --release --example loop -- answer.txt 2000` analyses one answer 2000 times;
//! a `.jsonl` file (lines with an `answer` field, as `check --input` takes) analyses each of
//! its answers in turn, as batch mode does. A third argument `whole` runs the whole batch
//! mode instead (parse each line, check it, write its JSON report), as
//! `check --input FILE --format jsonl` does.

use prepcoach::analysis::{Checker, QuestionContext, Rules};
use prepcoach::cli::CheckFormat;
use prepcoach::commands::check_batch;
use prepcoach::Catalog;

/// The allocator the binary uses (`src/main.rs`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: loop ANSWER|ANSWERS.jsonl [N] [whole]")?;
    let text = std::fs::read_to_string(&path)?;
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    // As the binary builds it: with the built-in model answers to find copies of.
    let catalog = Catalog::builtin()?;
    let checker = Checker::new(Rules::builtin()?).with_models(&catalog);
    if args.next().as_deref() == Some("whole") {
        let mut written = 0;
        for _ in 0..n {
            check_batch(
                path.as_str(),
                &text,
                CheckFormat::Jsonl,
                &catalog,
                &checker,
                prepcoach::commands::Limits::default(),
                &mut |out| {
                    written += out.len();
                    Ok(())
                },
            )?;
        }
        println!("{written}");
        return Ok(());
    }
    let answers: Vec<String> = if std::path::Path::new(&path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
    {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l)?;
                Ok(v["answer"].as_str().unwrap_or_default().to_string())
            })
            .collect::<Result<_, serde_json::Error>>()?
    } else {
        vec![text]
    };
    let mut total = 0;
    for _ in 0..n {
        for a in &answers {
            total += checker.check(a, QuestionContext::default()).score;
        }
    }
    println!("{total}");
    Ok(())
}
