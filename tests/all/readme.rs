//! The README's feedback screens are the program's real output, so they cannot drift.
//!
//! Each example is a question id in backticks, an answer quoted after "answered:" with
//! `> `, and a ```text block. The block is what a scripted practice session prints for that
//! answer at 88 columns, from "── Feedback" to the "You took …" line (the time taken is
//! 0:00 because a script answers at once); without those two lines it is also exactly what
//! `prepcoach check --question ID` prints.

use crate::common::Run;

/// The terminal width the README's examples were made at.
const README_WIDTH: &str = "88";

struct Example {
    question: String,
    answer: String,
    block: String,
}

/// The feedback examples: every ```text block that follows an "answered:" paragraph and a
/// `> ` quoted answer, with the question id named in backticks in that paragraph.
fn examples(readme: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut rest = readme;
    while let Some(at) = rest.find("answered:\n") {
        let intro_start = rest[..at].rfind("\n\n").map_or(0, |i| i + 2);
        let intro = &rest[intro_start..at];
        let question = intro
            .split('`')
            .nth(1)
            .unwrap_or_else(|| panic!("no `question id` before answered: in {intro:?}"))
            .to_string();
        let after = &rest[at + "answered:\n".len()..];
        let after = after.trim_start_matches('\n');
        let quote_end = after.find("\n\n").expect("a blank line after the answer");
        let answer = after[..quote_end]
            .lines()
            .map(|l| l.strip_prefix("> ").expect("a quoted answer line"))
            .collect::<Vec<_>>()
            .join("\n");
        let after = &after[quote_end..];
        let open = after
            .find("```text\n")
            .expect("a ```text block after the answer")
            + 8;
        let close = open + after[open..].find("\n```").expect("the block closes");
        out.push(Example {
            question,
            answer,
            block: after[open..=close].to_string(),
        });
        rest = &after[close..];
    }
    out
}

fn trim_lines(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
        + "\n"
}

#[test]
fn readme_feedback_examples_are_the_programs_output() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let examples = examples(&readme);
    let ids: Vec<&str> = examples.iter().map(|e| e.question.as_str()).collect();
    assert_eq!(
        ids,
        ["spm-03", "pdm-05", "spm-01"],
        "the README's feedback examples"
    );
    for ex in &examples {
        assert!(ex.answer.split_whitespace().count() > 20, "{}", ex.answer);
        assert!(
            ex.block.starts_with("── Feedback\n") && ex.block.contains("\nYou took 0:00"),
            "{}",
            ex.block
        );
        // What the practice loop prints for this answer, from the feedback heading to the
        // time taken.
        let out = Run::new()
            .env("COLUMNS", README_WIDTH)
            .args(&["practice", "--question", &ex.question, "--no-save"])
            .stdin(format!("{}\n", ex.answer))
            .ok();
        let start = out
            .stdout
            .find("── Feedback\n")
            .unwrap_or_else(|| panic!("no feedback in:\n{}", out.stdout));
        let took = start + out.stdout[start..].find("\nYou took ").unwrap() + 1;
        let end = took + out.stdout[took..].find('\n').unwrap() + 1;
        let shown = &out.stdout[start..end];
        assert_eq!(
            trim_lines(&ex.block),
            trim_lines(shown),
            "README.md's example for {} differs from `practice` at {README_WIDTH} columns",
            ex.question
        );
        // And `check --question` prints the same screen without its heading and time line.
        let out = Run::new()
            .env("COLUMNS", README_WIDTH)
            .args(&["check", "--question", &ex.question])
            .stdin(ex.answer.as_str())
            .ok();
        let body: Vec<&str> = ex.block.lines().collect();
        let body = body[1..body.len() - 1].join("\n");
        assert_eq!(
            trim_lines(&body),
            trim_lines(&out.stdout),
            "README.md's example for {} differs from `check` at {README_WIDTH} columns",
            ex.question
        );
    }
}

/// Every `prepcoach` command the README shows — in its shell blocks and in its prose — run
/// as written (through `sh`, with its pipes and redirections) in a folder holding the files
/// it names, and each must succeed. Commands with a placeholder (`completions SHELL`) are
/// skipped, and so is a pipe into a tool this machine does not have (`man`).
#[test]
fn readme_commands_run_as_written() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let commands = readme_commands(&readme);
    assert!(commands.len() > 40, "{} commands found", commands.len());
    let dir = crate::common::tempdir::TempHome::new();
    let cwd = dir.0.join("work");
    let home = dir.0.join("home");
    for sub in [
        "work",
        "home/.local/share/bash-completion/completions",
        "home/.zfunc",
        "home/.config/fish/completions",
        "prepcoach",
    ] {
        std::fs::create_dir_all(dir.0.join(sub)).unwrap();
    }
    let answer = "At a payroll software company our biggest reseller had fallen 40% behind plan. I met their sales director, rebuilt the joint plan and ran weekly pipeline reviews. Within two quarters they were back at 105% of plan. Since then I set joint targets in the first month.";
    for (name, from) in [
        ("answers.jsonl", "tests/fixtures/answers/batch.jsonl"),
        ("my-bank.json", "tests/fixtures/banks/valid.json"),
        ("week1.json", "examples/drills/partner-rescue.json"),
        (
            "cohort.jsonl",
            "examples/drills/partner-rescue.cohort.jsonl",
        ),
        ("cohort.txt", "examples/drills/partner-rescue.roster.txt"),
    ] {
        std::fs::copy(root.join(from), cwd.join(name)).unwrap();
    }
    std::fs::write(cwd.join("answer.txt"), answer).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_prepcoach"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let has = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let mut ran = 0;
    for command in &commands {
        let missing_tool = command
            .split('|')
            .skip(1)
            .filter_map(|stage| stage.split_whitespace().next())
            .find(|tool| *tool != "prepcoach" && !has(tool));
        if missing_tool.is_some() {
            continue;
        }
        let out = std::process::Command::new("sh")
            .args(["-c", command])
            .current_dir(&cwd)
            .env("PATH", &path)
            .env("HOME", &home)
            .env("PREPCOACH_HOME", dir.0.join("prepcoach"))
            .env("PROFILE", home.join("profile.ps1"))
            .env("NO_COLOR", "1")
            .env("MANPAGER", "cat")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README command failed ({}): {command}\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran + 2 >= commands.len(), "ran {ran} of {}", commands.len());
    // What the commands wrote is there.
    for made in ["mine.jsonl", "grades.html", "me.html", "me.md"] {
        assert!(cwd.join(made).is_file(), "{made}");
    }
    assert!(home.join(".local/share/man/man1/prepcoach.1").is_file());
}

/// The README's `prepcoach` commands: each line of a ```sh block that runs prepcoach (with
/// its continuation lines, without its comment), then each inline `prepcoach …` span
/// without a placeholder in capitals.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in readme.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = t == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let code = t.split("  #").next().unwrap_or_default().trim();
        if let Some(head) = code.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        let full = std::mem::take(&mut pending) + code;
        if full.contains("prepcoach ") && !full.starts_with("cargo ") {
            out.push(full);
        }
    }
    let mut rest = readme;
    while let Some(at) = rest.find("`prepcoach ") {
        let span = &rest[at + 1..];
        let Some(end) = span.find('`') else { break };
        let command = span[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        let placeholder = command
            .split_whitespace()
            .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
        if !placeholder && !out.contains(&command) {
            out.push(command);
        }
        rest = &span[end + 1..];
    }
    out
}
