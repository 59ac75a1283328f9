//! Snapshot tests (insta): the whole output of every command in every format it has —
//! text without and with colour, JSON, JSON lines, one-finding lines, CSV, Markdown and
//! HTML — kept in `tests/all/snapshots/*.snap`, so any change to what a user sees shows up
//! as a reviewable diff. Also the golden batch: `check --input FILE --format jsonl` over the
//! labelled answers, the bench corpus and every model answer, byte for byte.
//!
//! Runs are made deterministic by fixing what the program reads — the terminal width
//! (`COLUMNS`, stdout is a pipe), `--seed`, relative fixture paths, a fresh temporary
//! `PREPCOACH_HOME` — and only what it cannot be told is redacted: wall-clock timestamps
//! (`[DATE]T[TIME]Z`), the temporary folder (`[TMP]`), the random session id and the
//! measured answering time in `history export`.
//!
//! In the `.snap` files a raw ESC byte written by the program is shown as `␛` (so colour
//! codes are readable and reviewable); the program's own escaped form of control characters
//! in answers stays `\u{1b}`. A `␛` in a snapshot of uncoloured output would be a bug.
//!
//! Update after an intended change with `cargo insta review` (cargo-insta), or without it:
//! `INSTA_UPDATE=always cargo test --test all snapshots`, then review `git diff`.

use std::path::Path;

use crate::common::{Output, Run};

/// The terminal width every run gets (stdout is a pipe, so prepcoach reads `COLUMNS`).
const WIDTH: &str = "100";

const DRILL: &str = "examples/drills/partner-rescue.json";
const COHORT: &str = "tests/fixtures/cohort/partner-rescue.jsonl";

const WEAK: &str = "We had a partner that was underperforming so we basically worked closely with them and had a lot of meetings. Honestly I think it went really well in the end and the relationship improved significantly. We leveraged synergies across both teams.";

const STRONG: &str = "At a payroll software company, our biggest reseller in Benelux had fallen 40% behind its pipeline plan for two quarters, and it carried 18% of our regional revenue. I pulled their deal registrations and win/loss notes, then met their sales director with our regional sales lead and finance partner. The data showed two of their nine reps owned every deal, so I proposed a joint recovery plan: I ran enablement for the other seven sellers, set up a fortnightly pipeline review and funded a co-marketing push on mid-market accounts. Within two quarters their pipeline grew 55%, they signed 12 new customers worth $1.4M, and the account moved back above plan. Since then I look at rep coverage before I look at a partner's totals.";

/// A scripted session over three questions: a weak answer, `:retry` with a better one and
/// a follow-up; `:hint` before a strong answer; a `:skip`. (After feedback, a command block
/// still belongs to the question just answered, so `:next` moves on first.)
fn session_script() -> String {
    [
        WEAK,
        ":retry",
        "At a SaaS company our reseller in Poland missed its target by 25%. I met their sales director, agreed a recovery plan and ran monthly pipeline reviews with our sales lead. Revenue from them grew from $200K to $340K within a year. Since then I agree a written plan at the first missed target.",
        ":followup",
        "I looked at their deal registrations first and saw the drop started when their top seller left.",
        ":next",
        ":hint",
        STRONG,
        ":next",
        ":skip",
    ]
    .join("\n---\n")
        + "\n"
}

/// One prepcoach run at the fixed width, remembered as the command line it is, which the
/// snapshot carries as its description.
struct Cmd {
    run: Run,
    line: String,
}

fn cmd(args: &[&str]) -> Cmd {
    Cmd {
        run: Run::new().env("COLUMNS", WIDTH).args(args),
        line: format!("COLUMNS={WIDTH} prepcoach {}", args.join(" ")),
    }
}

impl Cmd {
    /// Use this folder as PREPCOACH_HOME (history, config) instead of a fresh one.
    fn home(mut self, home: &Path) -> Cmd {
        self.run = self.run.env("PREPCOACH_HOME", home.to_str().unwrap());
        self
    }

    fn stdin(mut self, input: &str) -> Cmd {
        self.run = self.run.stdin(input);
        self.line.push_str(" < script");
        self
    }

    /// Run it, require exit status 0, and give back the output with the command line.
    fn ok(self) -> (Output, String) {
        (self.run.ok(), self.line)
    }

    /// Run it, require a failure (no panic), and give back the output with the command line.
    fn fails(self) -> (Output, String) {
        (self.run.fails(), self.line)
    }
}

/// Snapshot `text` as `name`. Fails first if the text is empty: a snapshot of nothing would
/// pass for as long as the program printed nothing.
#[track_caller]
fn snap(name: &str, command: &str, text: &str) {
    let temp = regex::escape(std::env::temp_dir().to_str().unwrap().trim_end_matches('/'));
    let temp = format!(r"(?:/private)?{temp}/prepcoach-test-\d+-\d+");
    // The description is not filtered by insta: redact the temporary folder there too.
    let command = regex::Regex::new(&temp)
        .unwrap()
        .replace_all(command, "[TMP]");
    let mut settings = snapshot_settings(name, &command, text);
    settings.add_filter(&temp, "[TMP]");
    settings.add_filter(
        r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z",
        "[DATE]T[TIME]Z",
    );
    // The reports' dates as people read them, and the chart's day and time labels.
    settings.add_filter(
        r"\b\d{1,2} [A-Z][a-z]{2} \d{4}(?:, \d{2}:\d{2} UTC)?",
        "[WHEN]",
    );
    settings.add_filter(
        r">(?:\d{1,2} [A-Z][a-z]{2}|\d{2}:\d{2})</text>",
        ">[DAY]</text>",
    );
    settings.add_filter(r#""seconds":[-+0-9.eE]+"#, r#""seconds":"[SECONDS]""#);
    settings.add_filter(r#""session":"[0-9a-f]+""#, r#""session":"[SESSION]""#);
    let shown = text.replace('\x1b', "␛");
    settings.bind(|| insta::assert_snapshot!(name, shown));
}

/// [`snap`] with nothing redacted or replaced: the snapshot is the output, byte for byte
/// (insta forgives trailing whitespace at the end and CRLF; the caller checks those).
#[track_caller]
fn snap_exact(name: &str, command: &str, text: &str) {
    let settings = snapshot_settings(name, command, text);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Where and how snapshots are kept; refuses an empty one.
#[track_caller]
fn snapshot_settings(name: &str, command: &str, text: &str) -> insta::Settings {
    assert!(
        !text.trim().is_empty(),
        "{name}: `{command}` printed nothing to snapshot"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(command);
    settings
}

/// Snapshot a successful run's standard output (its standard error must be empty).
#[track_caller]
fn snap_stdout(name: &str, (out, command): (Output, String)) {
    assert!(
        out.stderr.is_empty(),
        "{name}: `{command}` wrote to stderr:\n{}",
        out.stderr
    );
    snap(name, &command, &out.stdout);
}

/// Snapshot both streams and the exit status (for runs that report problems).
#[track_caller]
fn snap_streams(name: &str, (out, command): (Output, String)) {
    let text = format!(
        "exit status {}\n── stdout\n{}── stderr\n{}",
        out.code, out.stdout, out.stderr
    );
    assert!(
        !out.stdout.trim().is_empty() || !out.stderr.trim().is_empty(),
        "{name}: `{command}` printed nothing"
    );
    snap(name, &command, &text);
}

/// For machine formats: `--color always` must not change a byte.
#[track_caller]
fn same_with_colour(args: &[&str], plain: &str) {
    let mut coloured = vec!["--color", "always"];
    coloured.extend_from_slice(args);
    let (out, _) = cmd(&coloured).ok();
    assert_eq!(out.stdout, plain, "--color always changed `{args:?}`");
}

/// Colour only adds SGR codes: stripped of them, coloured text is the plain text.
///
/// Not yet true of the feedback screen (`check`, `practice`, `drill run`), so those are
/// left out here: in colour its coverage marks come out as visible text
/// (`\u{1b}[32m✓\u{1b}[0m`) and the part labels lose their padding — see the `*_colour`
/// snapshots.
#[test]
fn colour_only_adds_sgr_codes() {
    let sgr = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    let history = history_home();
    let grade = ["grade", "--drill", DRILL, "--answers", COHORT];
    let cases: [&[&str]; 7] = [
        &["banks"],
        &["questions"],
        &["show", "kit-05"],
        &["progress"],
        &["drill", "validate", DRILL],
        &grade,
        &["bank", "validate", "tests/fixtures/banks/valid.json"],
    ];
    for args in cases {
        let plain = cmd(args).home(&history.0).ok().0.stdout;
        let coloured = cmd(&[args, &["--color", "always"]].concat())
            .home(&history.0)
            .ok()
            .0
            .stdout;
        assert!(coloured.contains('\x1b'), "{args:?}: no colour");
        assert_eq!(sgr.replace_all(&coloured, ""), plain, "{args:?}");
    }
}

// ── practice (scripted: standard input is not a terminal) ──────────────────────────────

/// The scripted session's command line, over three questions, with colour `color`.
fn session_args(color: &'static str) -> [&'static str; 10] {
    [
        "practice",
        "--question",
        "spm-03",
        "--question",
        "pdm-05",
        "--question",
        "kit-02",
        "--no-save",
        "--color",
        color,
    ]
}

#[test]
fn practice_scripted_text() {
    snap_stdout(
        "practice_scripted_text",
        cmd(&session_args("never")).stdin(&session_script()).ok(),
    );
}

#[test]
fn practice_scripted_text_colour() {
    snap_stdout(
        "practice_scripted_text_colour",
        cmd(&session_args("always")).stdin(&session_script()).ok(),
    );
}

/// The same session at 60 columns, in colour: snapshotted, and no line is wider than the
/// terminal once its colour codes (which take no columns) are left out — the summary, the
/// retry comparison and the coverage list included.
#[test]
fn practice_scripted_text_colour_60_columns() {
    let args = session_args("always");
    let run = Cmd {
        run: Run::new().env("COLUMNS", "60").args(&args),
        line: format!("COLUMNS=60 prepcoach {}", args.join(" ")),
    }
    .stdin(&session_script())
    .ok();
    let sgr = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    let plain = sgr.replace_all(&run.0.stdout, "");
    assert!(plain.contains("Session summary") && plain.contains("Compared with your last try"));
    for line in plain.lines() {
        let width = line.chars().count();
        assert!(width <= 60, "{width} columns: {line:?}");
    }
    assert!(!plain.contains('\x1b'), "only colour codes are sent");
    snap_stdout("practice_scripted_text_colour_60", run);
}

#[test]
fn practice_no_score() {
    snap_stdout(
        "practice_no_score",
        cmd(&[
            "practice",
            "--question",
            "spm-03",
            "--no-score",
            "--no-save",
        ])
        .stdin(WEAK)
        .ok(),
    );
}

#[test]
fn practice_seeded_selection() {
    // Three random behavioral questions, seeded; the script ends at once, so this shows the
    // seed's first question and the empty summary.
    snap_stdout(
        "practice_seeded_selection",
        cmd(&[
            "practice",
            "--kind",
            "behavioral",
            "--count",
            "3",
            "--seed",
            "42",
            "--no-save",
        ])
        .stdin("")
        .ok(),
    );
}

// ── banks, questions, show ─────────────────────────────────────────────────────────────

#[test]
fn banks_text() {
    snap_stdout("banks_text", cmd(&["banks"]).ok());
    snap_stdout(
        "banks_text_colour",
        cmd(&["banks", "--color", "always"]).ok(),
    );
}

#[test]
fn banks_json() {
    // One bank: the whole catalogue in the bank format is 390 KB.
    let args = ["banks", "--bank", "spm-role", "--format", "json"];
    let run = cmd(&args).ok();
    same_with_colour(&args, &run.0.stdout);
    snap_stdout("banks_json", run);
}

#[test]
fn questions_text() {
    snap_stdout("questions_text", cmd(&["questions"]).ok());
    snap_stdout(
        "questions_text_colour",
        cmd(&[
            "questions",
            "--kind",
            "situational",
            "--level",
            "senior",
            "--search",
            "partner",
            "--color",
            "always",
        ])
        .ok(),
    );
}

#[test]
fn questions_json() {
    let args = ["questions", "--bank", "spm-role", "--format", "json"];
    let run = cmd(&args).ok();
    same_with_colour(&args, &run.0.stdout);
    snap_stdout("questions_json", run);
}

#[test]
fn show_text() {
    snap_stdout("show_text", cmd(&["show", "kit-05"]).ok());
    snap_stdout(
        "show_text_colour",
        cmd(&["show", "kit-05", "--color", "always"]).ok(),
    );
}

#[test]
fn show_json() {
    let args = ["show", "kit-05", "--format", "json"];
    let run = cmd(&args).ok();
    same_with_colour(&args, &run.0.stdout);
    snap_stdout("show_json", run);
}

// ── bank validate, bank schema ─────────────────────────────────────────────────────────

#[test]
fn bank_validate_errors() {
    snap_streams(
        "bank_validate_errors",
        cmd(&["bank", "validate", "tests/fixtures/banks"]).fails(),
    );
    snap_streams(
        "bank_validate_errors_colour",
        cmd(&[
            "bank",
            "validate",
            "tests/fixtures/banks/typo-field.json",
            "tests/fixtures/banks/valid.json",
            "--color",
            "always",
        ])
        .fails(),
    );
}

#[test]
fn bank_validate_ok() {
    snap_stdout(
        "bank_validate_ok",
        cmd(&["bank", "validate", "tests/fixtures/banks/valid.json"]).ok(),
    );
}

#[test]
fn bank_schema_json() {
    let args = ["bank", "schema"];
    let run = cmd(&args).ok();
    same_with_colour(&args, &run.0.stdout);
    snap_stdout("bank_schema_json", run);
}

// ── check ──────────────────────────────────────────────────────────────────────────────

#[test]
fn check_text() {
    snap_stdout("check_text", cmd(&["check"]).stdin(WEAK).ok());
    snap_stdout(
        "check_text_question",
        cmd(&["check", "--question", "pdm-05"]).stdin(STRONG).ok(),
    );
    snap_stdout(
        "check_text_colour",
        cmd(&["check", "--question", "spm-03", "--color", "always"])
            .stdin(WEAK)
            .ok(),
    );
    snap_stdout(
        "check_text_no_score",
        cmd(&[
            "check",
            "tests/fixtures/answers/two-paragraphs.txt",
            "--no-score",
        ])
        .ok(),
    );
}

#[test]
fn check_json() {
    let args = ["check", "--format", "json", "--question", "spm-03"];
    let run = cmd(&args).stdin(WEAK).ok();
    let (coloured, _) = cmd(&[&["--color", "always"], &args[..]].concat())
        .stdin(WEAK)
        .ok();
    assert_eq!(coloured.stdout, run.0.stdout);
    snap_stdout("check_json", run);
}

#[test]
fn check_jsonl_one_answer() {
    snap_stdout(
        "check_jsonl_one_answer",
        cmd(&["check", "--format", "jsonl", "--question", "pdm-05"])
            .stdin(STRONG)
            .ok(),
    );
}

#[test]
fn check_line() {
    snap_stdout(
        "check_line",
        cmd(&[
            "check",
            "tests/fixtures/answers/two-paragraphs.txt",
            "--format",
            "line",
        ])
        .ok(),
    );
}

#[test]
fn check_batch_every_format() {
    let input = "tests/fixtures/answers/batch.jsonl";
    for (format, name) in [
        ("jsonl", "check_batch_jsonl"),
        ("json", "check_batch_json"),
        ("line", "check_batch_line"),
    ] {
        let args = ["check", "--input", input, "--format", format];
        let run = cmd(&args).ok();
        same_with_colour(&args, &run.0.stdout);
        snap_stdout(name, run);
    }
}

#[test]
fn check_batch_errors() {
    snap_streams(
        "check_batch_errors",
        cmd(&["check", "--input", "-", "--format", "jsonl"])
            .stdin("{\"id\": \"a\", \"answer\": \"x\"}\n{\"id\": \"b\", \"anser\": \"x\"}\n{\"id\": \"c\", \"answer\": \"x\", \"question_id\": \"spm-99\"}\n")
            .fails(),
    );
}

// ── rules ──────────────────────────────────────────────────────────────────────────────

#[test]
fn rules_json() {
    let run = cmd(&["rules"]).ok();
    same_with_colour(&["rules"], &run.0.stdout);
    snap_stdout("rules_json", run);
}

// ── progress, history export, report (history) ─────────────────────────────────────────

/// A history of six attempts (one a follow-up) over three questions, saved by two scripted
/// sessions.
fn history_home() -> crate::common::tempdir::TempHome {
    let home = crate::common::tempdir::TempHome::new();
    cmd(&["practice", "--question", "pdm-05", "--question", "spm-03"])
        .home(&home.0)
        .stdin(&format!(
            "{STRONG}\n---\n:next\n---\nWe worked <b>closely</b> & it went well.\n"
        ))
        .ok();
    cmd(&[
        "practice",
        "--question",
        "spm-03",
        "--question",
        "kit-02",
        "--question",
        "pdm-14",
    ])
    .home(&home.0)
    .stdin(&session_script())
    .ok();
    home
}

#[test]
fn progress_and_history_export() {
    let home = history_home();
    snap_stdout("progress_text", cmd(&["progress"]).home(&home.0).ok());
    snap_stdout(
        "progress_text_colour",
        cmd(&["progress", "--color", "always"]).home(&home.0).ok(),
    );
    let run = cmd(&["progress", "--format", "json"]).home(&home.0).ok();
    let (coloured, _) = cmd(&["progress", "--format", "json", "--color", "always"])
        .home(&home.0)
        .ok();
    assert_eq!(coloured.stdout, run.0.stdout);
    snap_stdout("progress_json", run);
    // The count of exported attempts goes to standard error, the attempts to standard out.
    let (out, line) = cmd(&["history", "export"]).home(&home.0).ok();
    assert_eq!(out.stdout.lines().count(), 6, "{}", out.stdout);
    snap("history_export_stderr", &line, &out.stderr);
    snap("history_export_jsonl", &line, &out.stdout);
}

#[test]
fn report_history_html_and_markdown() {
    let home = history_home();
    let html = home.0.join("me.html");
    let md = home.0.join("me.md");
    let run = cmd(&[
        "report",
        "--html",
        html.to_str().unwrap(),
        "--markdown",
        md.to_str().unwrap(),
    ])
    .home(&home.0)
    .ok();
    let line = run.1.clone();
    snap_streams("report_history_messages", run);
    snap(
        "report_history_html",
        &line,
        &std::fs::read_to_string(&html).unwrap(),
    );
    snap(
        "report_history_markdown",
        &line,
        &std::fs::read_to_string(&md).unwrap(),
    );
}

#[test]
fn progress_with_no_history() {
    snap_streams("progress_no_history", cmd(&["progress"]).run_any());
}

impl Cmd {
    /// Run it whatever its exit status (no panic).
    fn run_any(self) -> (Output, String) {
        let out = self.run.run();
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        (out, self.line)
    }
}

// ── drills ─────────────────────────────────────────────────────────────────────────────

#[test]
fn drill_validate() {
    let both = [
        "drill",
        "validate",
        "examples/drills/concepts-warmup.json",
        DRILL,
    ];
    snap_stdout("drill_validate_text", cmd(&both).ok());
    snap_stdout(
        "drill_validate_text_colour",
        cmd(&[&both[..], &["--color", "always"]].concat()).ok(),
    );
}

#[test]
fn drill_validate_errors() {
    let run = Run::new();
    let bad = run.home.0.join("bad.json");
    std::fs::write(&bad, "{\n  \"name\": \"x\",\n  \"instructions\": \"y\",\n  \"select\": {\"ids\": [\"spm-01\", \"spm-99\"], \"kinds\": [\"behavioural\"]},\n  \"pass\": {\"min_score\": 101}\n}\n").unwrap();
    snap_streams(
        "drill_validate_errors",
        cmd(&["drill", "validate", bad.to_str().unwrap(), DRILL]).fails(),
    );
}

fn drill_script() -> String {
    [
        WEAK,
        ":next",
        STRONG,
        "I would escalate to my manager and give them an ultimatum.",
    ]
    .join("\n---\n")
        + "\n"
}

#[test]
fn drill_run_text() {
    snap_stdout(
        "drill_run_text",
        cmd(&["drill", "run", DRILL]).stdin(&drill_script()).ok(),
    );
    snap_stdout(
        "drill_run_text_colour",
        cmd(&["drill", "run", DRILL, "--no-save", "--color", "always"])
            .stdin(&drill_script())
            .ok(),
    );
}

// ── grade, report (cohort) ─────────────────────────────────────────────────────────────

#[test]
fn grade_every_format() {
    let base = ["grade", "--drill", DRILL, "--answers", COHORT];
    snap_stdout("grade_text", cmd(&base).ok());
    snap_stdout(
        "grade_text_colour",
        cmd(&[&base[..], &["--color", "always"]].concat()).ok(),
    );
    for format in ["json", "csv", "markdown"] {
        let args = [&base[..], &["--format", format]].concat();
        let run = cmd(&args).ok();
        same_with_colour(&args, &run.0.stdout);
        snap_stdout(&format!("grade_{format}"), run);
    }
}

#[test]
fn report_cohort_html_and_markdown() {
    let dir = crate::common::tempdir::TempHome::new();
    let html = dir.0.join("grades.html");
    let md = dir.0.join("grades.md");
    let run = cmd(&[
        "report",
        "--drill",
        DRILL,
        "--answers",
        COHORT,
        "--html",
        html.to_str().unwrap(),
        "--markdown",
        md.to_str().unwrap(),
    ])
    .ok();
    let line = run.1.clone();
    snap_streams("report_cohort_messages", run);
    snap(
        "report_cohort_html",
        &line,
        &std::fs::read_to_string(&html).unwrap(),
    );
    snap(
        "report_cohort_markdown",
        &line,
        &std::fs::read_to_string(&md).unwrap(),
    );
}

// ── the golden batch ───────────────────────────────────────────────────────────────────

/// The `answer` of every line of the labelled files, with its id.
fn labelled() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in [
        "tests/labelled/answers-a.jsonl",
        "tests/labelled/answers-b.jsonl",
        "tests/labelled/holdout-c.jsonl",
    ] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            out.push((
                v["id"].as_str().unwrap().to_string(),
                v["answer"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// `check --input FILE --format jsonl` on a fixed corpus, whose output must stay the same
/// byte for byte through any change that is not meant to change a report: the labelled
/// answers without a question; the same answers with a question id each (the built-in
/// questions in turn, numeric ids — the bench's batch with questions); every built-in
/// model answer against its own question; and the bench's 300-word answer with and
/// without its question. One run; the output is kept in three snapshots by source.
#[test]
fn golden_batch_jsonl() {
    let (out, _) = cmd(&["questions", "--format", "json"]).ok();
    let questions: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(questions.len(), 65, "the built-in questions");
    let ids: Vec<&str> = questions
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    // A model answer as spoken: its five parts in order, as paragraphs.
    let spoken = |q: &serde_json::Value| {
        ["context", "approach", "example", "outcome", "learning"]
            .iter()
            .map(|p| q["model_answer"][p].as_str().unwrap().trim())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let labelled = labelled();
    assert_eq!(labelled.len(), 140);
    let mut sources: Vec<(&str, Vec<String>)> = vec![
        ("golden_batch_labelled", Vec::new()),
        ("golden_batch_labelled_with_questions", Vec::new()),
        ("golden_batch_model_answers", Vec::new()),
    ];
    for (id, answer) in &labelled {
        sources[0]
            .1
            .push(serde_json::json!({"id": id, "answer": answer}).to_string());
    }
    for (i, (_, answer)) in labelled.iter().enumerate() {
        sources[1].1.push(
            serde_json::json!({"id": i, "answer": answer, "question_id": ids[i % ids.len()]})
                .to_string(),
        );
    }
    for q in &questions {
        let id = q["id"].as_str().unwrap();
        sources[2].1.push(
            serde_json::json!({"id": format!("model/{id}"), "answer": spoken(q), "question_id": id})
                .to_string(),
        );
    }
    let spm01 = questions.iter().find(|q| q["id"] == "spm-01").unwrap();
    let text = spoken(spm01);
    let three_hundred = text
        .split_whitespace()
        .cycle()
        .take(300)
        .collect::<Vec<_>>()
        .join(" ");
    sources[2]
        .1
        .push(serde_json::json!({"id": "bench/300-words", "answer": three_hundred}).to_string());
    sources[2].1.push(
        serde_json::json!({"id": "bench/300-words@spm-01", "answer": three_hundred, "question_id": "spm-01"})
            .to_string(),
    );

    let run = Run::new().env("COLUMNS", WIDTH);
    let corpus = run.home.0.join("corpus.jsonl");
    let input: String = sources
        .iter()
        .flat_map(|(_, lines)| lines.iter().map(|l| format!("{l}\n")))
        .collect();
    std::fs::write(&corpus, &input).unwrap();
    let out = run
        .args(&[
            "check",
            "--input",
            corpus.to_str().unwrap(),
            "--format",
            "jsonl",
        ])
        .ok();
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    // What a snapshot comparison forgives (line endings, trailing whitespace at the end) is
    // checked here, so the comparison is byte for byte.
    assert!(!out.stdout.contains(['\r', '\x1b']));
    assert!(out.stdout.ends_with("}\n"));
    let lines: Vec<&str> = out.stdout.lines().collect();
    let total: usize = sources.iter().map(|(_, l)| l.len()).sum();
    assert_eq!(lines.len(), total);
    let mut rest = &lines[..];
    for (name, inputs) in &sources {
        let (mine, more) = rest.split_at(inputs.len());
        rest = more;
        for (line, input) in mine.iter().zip(inputs) {
            let report: serde_json::Value = serde_json::from_str(line).unwrap();
            let given: serde_json::Value = serde_json::from_str(input).unwrap();
            assert_eq!(report["id"], given["id"], "output out of order");
        }
        let text = mine.join("\n") + "\n";
        snap_exact(
            name,
            "prepcoach check --input corpus.jsonl --format jsonl",
            &text,
        );
    }
}
