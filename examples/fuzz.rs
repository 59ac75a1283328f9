//! The long fuzz run: random answers, from plain noise to near-real answers cut and spliced
//! with hostile text, through the checker and every renderer. It fails (exit 1) on a panic,
//! on JSON output that does not parse, on offsets outside the answer, or on a control
//! character reaching terminal text.
//!
//! `cargo run --release --example fuzz -- [ANSWERS] [SEED]` (default 100000 answers, seed 1).
//! `cargo test` runs a short version of the same generator (`tests/all/battery.rs`).

use std::panic::{catch_unwind, AssertUnwindSafe};

use prepcoach::analysis::{Checker, QuestionContext, Rules};
use prepcoach::bank::Catalog;
use prepcoach::render::report::{report_lines, report_text, ReportOptions};
use prepcoach::render::{Paint, Style};

/// A small, fast, reproducible generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Text that has broken checkers before, or could: numbers in every shape, labels,
/// bullets, negations, control and bidi characters, combining marks, emoji, long runs.
const HOSTILE: &[&str] = &[
    "$2M",
    "2.5x",
    "35%",
    "-12%",
    "from 12% to 31%",
    "1K𐖕",
    "₹1.2 crore",
    "3 of their 14 reps",
    "Q3",
    "FY24",
    "10-15",
    "½",
    "٣٤٪",
    "1e9",
    "99999999999999999999",
    "0.",
    ".5",
    "$",
    "%",
    "Result:",
    "**S** -",
    "## Outcome",
    "Action(s):",
    "- ",
    "• ",
    "1. ",
    "> ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "I never",
    "we didn't",
    "not a single",
    "I'd",
    "we'd've",
    "I learned",
    "\u{1b}[31m",
    "\u{7}",
    "\u{0}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{61c}",
    "\u{2028}",
    "\u{feff}",
    "e\u{301}",
    "\u{200d}",
    "👍",
    "👩‍💻",
    "🇳🇴",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "‐",
    "—",
    "…",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "/",
    "\\",
    ":",
    ";",
    ",",
    ".",
    "!",
    "?",
];

/// One random answer: spliced pieces of real model answers, hostile fragments, random
/// characters and long repeats.
fn answer(rng: &mut Rng, corpus: &[&str]) -> String {
    let mut out = String::new();
    for _ in 0..=rng.below(24) {
        match rng.below(6) {
            0 | 1 => {
                let text = *rng.pick(corpus);
                let words: Vec<&str> = text.split(' ').collect();
                let start = rng.below(words.len());
                let len = rng.below(40) + 1;
                out.push_str(&words[start..(start + len).min(words.len())].join(" "));
            }
            2 | 3 => out.push_str(rng.pick::<&str>(HOSTILE)),
            4 => {
                for _ in 0..rng.below(12) {
                    let c = u32::try_from(rng.below(0x3_0000)).unwrap_or(0);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                }
            }
            _ => {
                let piece = *rng.pick(HOSTILE);
                out.push_str(&piece.repeat(rng.below(200)));
            }
        }
        out.push_str(if rng.below(3) == 0 { "" } else { " " });
    }
    out
}

/// What is wrong with the checker's handling of `answer`, if anything.
fn trouble(
    checker: &Checker,
    answer: &str,
    ctx: QuestionContext<'_>,
    paint: &Paint,
) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let report = checker.check(answer, ctx);
        let mut json = Vec::new();
        prepcoach::render::report_json::write_report(&mut json, &report);
        let text = report_text(answer, &report, paint, ReportOptions::default());
        let lines = report_lines("answer", answer, &report);
        (report, json, text, lines)
    }));
    let Ok((report, json, text, lines)) = result else {
        return Some("panicked".into());
    };
    if serde_json::from_slice::<serde_json::Value>(&json).is_err() {
        return Some("JSON output does not parse".into());
    }
    let spans = report.metrics.iter().map(|m| (m.start, m.end));
    for (start, end) in spans {
        if start > end
            || end > answer.len()
            || !answer.is_char_boundary(start)
            || !answer.is_char_boundary(end)
        {
            return Some(format!("metric span {start}..{end} outside the answer"));
        }
    }
    for out in [&text, &lines] {
        if let Some(c) = out.chars().find(|&c| unsafe_char(c)) {
            return Some(format!("terminal output carries U+{:04X}", u32::from(c)));
        }
    }
    None
}

/// A character that must never reach a terminal raw.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Check `count` random answers from `seed`; returns the failures, each with the answer
/// that caused it, and the bytes checked.
pub fn run(count: usize, seed: u64) -> Result<(Vec<String>, usize), prepcoach::Error> {
    let catalog = Catalog::builtin()?;
    let checker = Checker::new(Rules::builtin()?).with_models(&catalog);
    let questions: Vec<_> = catalog.all_questions().collect();
    let corpus: Vec<&str> = questions
        .iter()
        .flat_map(|q| q.question.model_answer.parts().map(|(_, text)| text))
        .collect();
    let paint = Paint::new(Style::plain());
    // Quiet: a panic is counted and reported here, not printed by the default hook.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.max(1));
    let (mut failures, mut bytes) = (Vec::new(), 0usize);
    for i in 0..count {
        let text = answer(&mut rng, &corpus);
        bytes += text.len();
        let ctx = match rng.below(3) {
            0 => QuestionContext::default(),
            _ => QuestionContext::of(*rng.pick(&questions)),
        };
        if let Some(why) = trouble(&checker, &text, ctx, &paint) {
            failures.push(format!("answer {i} (seed {seed}): {why}: {text:?}"));
        }
    }
    std::panic::set_hook(hook);
    Ok((failures, bytes))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let (failures, bytes) = run(count, seed)?;
    for f in &failures {
        eprintln!("{f}");
    }
    println!(
        "{count} answers ({bytes} bytes), seed {seed}: {} failures",
        failures.len()
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
