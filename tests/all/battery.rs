//! The hardening battery: random answers through the checker and every renderer, sessions
//! racing to set up a new data folder, sessions killed while saving, and batches streamed
//! through a closed pipe. `cargo test` runs a short version; the full one is
//! `PREPCOACH_BATTERY=100 cargo test --release --test all battery` (100 repetitions of each
//! race and kill, 100 times the fuzzed answers), and the long fuzz run is
//! `cargo run --release --example fuzz -- 1000000`.

use crate::common::{tempdir::TempHome, Run};
use crate::history::{export, ANSWER};

#[allow(dead_code)]
#[path = "../../examples/fuzz.rs"]
mod fuzz;

/// How many times the full battery repeats each case (1 in a plain `cargo test`).
fn scale() -> usize {
    std::env::var("PREPCOACH_BATTERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

#[test]
fn fuzzed_answers_never_panic_break_json_or_reach_the_terminal_raw() {
    let (failures, bytes) = fuzz::run(300 * scale(), 20_261_128).unwrap();
    assert!(
        bytes > 100_000,
        "the generator made real input ({bytes} bytes)"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `n` first sessions started together on one new data folder: every one sets the folder
/// up and saves its attempt (the set-up used to fail a third of them with "database is
/// locked").
fn race(n: usize) {
    let home = TempHome::new();
    let h = home.0.to_str().unwrap().to_string();
    let runs: Vec<_> = (0..n)
        .map(|_| {
            let h = h.clone();
            std::thread::spawn(move || {
                Run::new()
                    .env("PREPCOACH_HOME", &h)
                    .args(&["practice", "--question", "kit-02"])
                    .stdin(format!("{ANSWER}\n"))
                    .run()
            })
        })
        .collect();
    for r in runs {
        let out = r.join().unwrap();
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stdout.contains("not saved"), "{}", out.stdout);
    }
    assert_eq!(export(&home.0).len(), n);
}

#[test]
fn two_and_four_first_sessions_at_once_all_save() {
    for _ in 0..4 * scale() {
        race(2);
        race(4);
    }
}

/// A session killed (SIGKILL) after `delay` while it saves a long script of attempts:
/// every attempt whose feedback it had shown is in the history, and the history still
/// takes new attempts.
fn killed_after(delay: std::time::Duration) {
    use std::io::{Read, Write};
    let home = TempHome::new();
    let h = home.0.to_str().unwrap();
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["practice", "--question", "spm-01"])
        .stdin(format!("{ANSWER}\n---\n:retry\n---\nShort.\n"))
        .ok();
    let before = export(&home.0);
    assert_eq!(before.len(), 2);
    let script: String = (0..400)
        .map(|i| format!("{ANSWER} Take {i}.\n---\n:retry\n---\n"))
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prepcoach"))
        .args(["practice", "--question", "kit-02"])
        .env("PREPCOACH_HOME", h)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(script.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut shown = String::new();
        let _ = stdout.read_to_string(&mut shown);
        shown
    });
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = writer.join();
    // Feedback is printed after its attempt is saved: each one shown must be kept.
    let shown = reader.join().unwrap().matches("── Feedback").count();
    let after = export(&home.0);
    assert!(
        after.len() >= before.len() + shown,
        "{} kept, {} shown before the kill",
        after.len(),
        shown
    );
    assert_eq!(&after[..2], &before[..], "earlier attempts are intact");
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["practice", "--question", "spm-02"])
        .stdin(ANSWER)
        .ok();
    assert_eq!(export(&home.0).len(), after.len() + 1);
}

#[test]
fn sessions_killed_while_saving_lose_no_attempt_they_showed() {
    for i in 0..3 * scale() {
        // Spread over the session's life: before the first save, between saves, late on.
        let ms = 50 + (u64::try_from(i).unwrap() * 173) % 700;
        killed_after(std::time::Duration::from_millis(ms));
    }
}

/// A batch whose reader stops after one line (`| head -1`): the checker stops too, with
/// status 0, instead of checking the rest for nobody.
#[test]
fn a_batch_into_a_closed_pipe_stops_quietly() {
    use std::io::{BufRead, Write};
    let line = serde_json::json!({"id": 1, "answer": ANSWER}).to_string();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prepcoach"))
        .args(["check", "--input", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = format!("{line}\n").repeat(20_000);
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":1,"), "{first}");
    let status = child.wait().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// A batch line far over the answer limit is reported by line without being held, and the
/// lines around it are still read.
#[test]
fn an_overlong_batch_line_is_reported_not_held() {
    let good = serde_json::json!({"id": 1, "answer": ANSWER}).to_string();
    let huge = serde_json::json!({"id": 2, "answer": "word ".repeat(400_000)}).to_string();
    let mut input = format!("{good}\n{huge}\n{good}\n").into_bytes();
    input.extend_from_slice(b"{\"id\": 3, \"answer\": \"caf\xE9\"}\n");
    let out = Run::new()
        .args(&["check", "--input", "-", "--max-answer-bytes", "100000"])
        .stdin(input)
        .fails();
    assert!(
        out.stderr
            .contains("<stdin>:2:1: the line is 2000021 bytes, over the limit"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("<stdin>:4:25: not UTF-8 text"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "nothing is checked: {}", out.stdout);
}

/// An endless stream with no line break (`/dev/zero`) is refused once a line runs past
/// what any answer could make, instead of being copied until the disk is full.
#[test]
fn an_endless_batch_stream_is_refused_not_spooled_for_ever() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = Run::new()
        .args(&[
            "check",
            "--input",
            "/dev/zero",
            "--max-answer-bytes",
            "1000",
        ])
        .fails();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("/dev/zero:1: a line runs on past 67180400 bytes without a line break"),
        "{}",
        out.stderr
    );
}
