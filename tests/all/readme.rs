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
