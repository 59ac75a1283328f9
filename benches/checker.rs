//! Checker speed: one 300-word answer, batch throughput over many distinct answers (the
//! analysis alone, and the whole JSONL batch mode), a 10 MB answer, and the start-up pieces
//! a one-answer `prepcoach check` pays for.
//!
//! `cargo bench` (divan). Targets: one answer under 150 µs; batch at least 20 MB/s on one
//! core (`RAYON_NUM_THREADS=1 cargo bench`); time proportional to size for huge answers.

use divan::{black_box, Bencher};
use prepcoach::analysis::{Checker, QuestionContext, Rules};
use prepcoach::cli::CheckFormat;
use prepcoach::commands::check_batch;
use prepcoach::Catalog;

/// The allocator the binary uses (`src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A checker as the binary builds one: the built-in rules, and the built-in banks' model
/// answers to find copies of.
fn checker() -> Checker {
    Checker::new(Rules::builtin().unwrap()).with_models(&Catalog::builtin().unwrap())
}

/// The labelled answers, as a realistic and varied corpus.
fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for f in [
        "tests/labelled/answers-a.jsonl",
        "tests/labelled/answers-b.jsonl",
        "tests/labelled/holdout-c.jsonl",
    ] {
        let text = std::fs::read_to_string(f).expect("labelled answers");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            out.push(v["answer"].as_str().unwrap_or_default().to_string());
        }
    }
    out
}

/// A 300-word answer built from a strong model answer.
fn three_hundred_words() -> String {
    // The labelled answers in turn, up to 300 words: a candidate's own words.
    let words: Vec<String> = corpus()
        .iter()
        .flat_map(|a| a.split_whitespace().map(String::from).collect::<Vec<_>>())
        .take(300)
        .collect();
    words.join(" ")
}

/// A bank's model answer cycled to 300 words: a copy (and a repeat), the most the copy
/// check does for one answer.
fn three_hundred_words_copied() -> String {
    let c = Catalog::builtin().unwrap();
    let text = c
        .question("spm-01")
        .unwrap()
        .question
        .model_answer
        .full_text();
    let words: Vec<&str> = text.split_whitespace().cycle().take(300).collect();
    words.join(" ")
}

#[divan::bench]
fn one_answer_300_words(b: Bencher) {
    let checker = checker();
    let answer = three_hundred_words();
    b.bench(|| {
        checker
            .check(black_box(&answer), QuestionContext::default())
            .score
    });
}

#[divan::bench]
fn one_answer_300_words_copied(b: Bencher) {
    let checker = checker();
    let answer = three_hundred_words_copied();
    b.bench(|| {
        checker
            .check(black_box(&answer), QuestionContext::default())
            .score
    });
}

#[divan::bench]
fn one_answer_300_words_with_question(b: Bencher) {
    let checker = checker();
    let catalog = Catalog::builtin().unwrap();
    let q = catalog.question("spm-01").unwrap();
    let answer = three_hundred_words();
    b.bench(|| {
        checker
            .check(black_box(&answer), QuestionContext::of(q))
            .score
    });
}

#[divan::bench]
fn batch_corpus(b: Bencher) {
    let checker = checker();
    let answers = corpus();
    let bytes: usize = answers.iter().map(String::len).sum();
    b.counter(divan::counter::BytesCount::new(bytes)).bench(|| {
        answers
            .iter()
            .map(|a| checker.check(a, QuestionContext::default()).score)
            .sum::<u32>()
    });
}

/// The batch mode whole, as `check --input FILE --format jsonl` runs it: parse the JSONL,
/// check every answer, write one JSON line each. Throughput counts answer text only.
#[divan::bench]
fn batch_jsonl_whole(b: Bencher) {
    whole_batch(b, false);
}

/// The same with a question id on every line (the built-in questions in turn), so each
/// answer is also matched against its question's areas and indicators: a coach grading a
/// cohort's answers.
#[divan::bench]
fn batch_jsonl_whole_with_questions(b: Bencher) {
    whole_batch(b, true);
}

fn whole_batch(b: Bencher, with_questions: bool) {
    let checker = checker();
    let catalog = Catalog::builtin().unwrap();
    let ids: Vec<String> = catalog
        .all_questions()
        .map(|q| q.question.id.clone())
        .collect();
    let answers = corpus();
    let bytes: usize = answers.iter().map(String::len).sum();
    let input: String = answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let line = if with_questions {
                serde_json::json!({"id": i, "answer": a, "question_id": ids[i % ids.len()]})
            } else {
                serde_json::json!({"id": i, "answer": a})
            };
            format!("{line}\n")
        })
        .collect();
    b.counter(divan::counter::BytesCount::new(bytes)).bench(|| {
        let mut written = 0;
        check_batch(
            "corpus.jsonl",
            black_box(&input),
            CheckFormat::Jsonl,
            &catalog,
            &checker,
            prepcoach::commands::Limits::default(),
            &mut |out| {
                written += out.len();
                Ok(())
            },
        )
        .unwrap();
        written
    });
}

#[divan::bench(args = [1, 10])]
fn huge_answer_mb(b: Bencher, megabytes: usize) {
    let checker = checker();
    let base = corpus().join("\n\n");
    let mut text = String::new();
    while text.len() < megabytes << 20 {
        text.push_str(&base);
        text.push_str("\n\n");
    }
    b.counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            checker
                .check(black_box(&text), QuestionContext::default())
                .score
        });
}

#[divan::bench]
fn load_builtin_banks() -> Catalog {
    Catalog::builtin().unwrap()
}

#[divan::bench]
fn load_builtin_rules() -> Rules {
    Rules::builtin().unwrap()
}

/// What a one-answer `prepcoach check` builds before it reads the answer: rules, banks and
/// the model answers' index.
#[divan::bench]
fn load_checker_with_models() -> Checker {
    checker()
}
