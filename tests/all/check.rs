//! `prepcoach check` end to end: formats, the JSON contract, batch mode, bad input.

use crate::common::{fixture, Run};

/// A strong answer in the candidate's own words (not the fixture bank's model answer, which
/// would be read as a copy).
const STRONG: &str = "At a payroll software company, our biggest reseller in Benelux had fallen 40% behind its pipeline plan for two quarters, and it carried 18% of our regional revenue. I went through their deal registrations and win/loss notes, then sat down with their sales director, our regional sales lead and our finance partner. The data showed two of their nine reps owned every deal, so I agreed a recovery plan with their director: I ran enablement for the other seven sellers and set up a fortnightly pipeline review. By the end of the second quarter their pipeline was up 55%, twelve new customers had signed for $1.4M in total, and the account was back above plan. The lesson I took is that a partner's totals hide its reps: I now check how many of their sellers are active before anything else.";

fn json_of(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn json_report_follows_the_contract_and_offsets_are_byte_offsets() {
    let out = Run::new()
        .args(&[
            "check",
            "--format",
            "json",
            "--question",
            "cc-01",
            "--bank",
            &fixture("banks/valid.json"),
        ])
        .stdin(STRONG)
        .ok();
    let v = json_of(&out.stdout);
    for key in [
        "id",
        "question_id",
        "words",
        "speaking_seconds",
        "score",
        "band",
        "parts",
        "metrics",
        "coverage",
        "findings",
        "suggestions",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["question_id"], "cc-01");
    assert_eq!(v["band"], "exceeds", "{}", out.stdout);
    for part in ["context", "approach", "example", "outcome", "learning"] {
        assert_eq!(v["parts"][part]["present"], true, "{part}");
        for ev in v["parts"][part]["evidence"].as_array().unwrap() {
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&STRONG[s..e], ev["text"].as_str().unwrap());
        }
    }
    let metrics: Vec<&str> = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    for want in [
        "40% behind its pipeline plan",
        "18% of our regional revenue",
        "55%",
        "twelve new customers",
        "$1.4M",
    ] {
        assert!(metrics.contains(&want), "{want} not in {metrics:?}");
    }
    assert!(!v["coverage"]["covered"].as_array().unwrap().is_empty());
    for key in ["substance", "cap"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["cap"].is_null(), "a strong answer is not capped");
    assert_eq!(v["coverage"]["covered"][0]["strength"], "strong");
}

#[test]
fn text_report_is_plain_when_piped_and_coloured_when_asked() {
    let out = Run::new().args(&["check"]).stdin(STRONG).ok();
    assert!(out.stdout.contains("Score") && out.stdout.contains("✓ outcome"));
    assert!(!out.stdout.contains('\x1b'));
    let out = Run::new()
        .args(&["check", "--color", "always"])
        .stdin(STRONG)
        .ok();
    assert!(out.stdout.contains('\x1b'));
    let out = Run::new()
        .args(&["check", "--color", "always", "--no-score"])
        .stdin(STRONG)
        .ok();
    assert!(!out.stdout.contains("Score"));
}

#[test]
fn line_format_is_file_line_col_severity_rule_message() {
    let dir = Run::new();
    let path = dir.home.0.join("answer.txt");
    std::fs::write(
        &path,
        "We did a lot of calls.\nWe basically synergized with 40 meetings.\n",
    )
    .unwrap();
    let p = path.display().to_string();
    let out = Run::new().args(&["check", &p, "--format", "line"]).ok();
    let re =
        regex::Regex::new(r"^(.+):(\d+):(\d+): (error|warning|suggestion|note) ([a-z-]+): .+$")
            .unwrap();
    assert!(!out.stdout.is_empty());
    for line in out.stdout.lines() {
        let c = re
            .captures(line)
            .unwrap_or_else(|| panic!("bad line: {line}"));
        assert_eq!(&c[1], p);
    }
    assert!(
        out.stdout.contains(":2:4: suggestion filler:"),
        "{}",
        out.stdout
    );
    // The evidence follows the findings as notes: each part's sentence and each metric,
    // a borderline one marked.
    assert!(
        out.stdout
            .contains(":2:30: note metric: 40 meetings (count, borderline)"),
        "{}",
        out.stdout
    );
    let notes = out.stdout.lines().skip_while(|l| !l.contains(": note "));
    assert!(
        notes.clone().all(|l| l.contains(": note ")),
        "{}",
        out.stdout
    );
}

#[test]
fn batch_jsonl_keeps_order_and_ids() {
    let input = [
        r#"{"id": "a", "answer": "fine"}"#.to_string(),
        serde_json::json!({"id": 7, "answer": STRONG, "question_id": "spm-03"}).to_string(),
        r#"{"id": "c", "answer": "We grew."}"#.to_string(),
    ]
    .join("\n");
    let out = Run::new()
        .args(&["check", "--input", "-", "--format", "jsonl"])
        .stdin(input)
        .ok();
    let lines: Vec<serde_json::Value> = out.stdout.lines().map(json_of).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["question_id"], "spm-03");
    assert_eq!(lines[2]["id"], "c");
}

/// An empty or overlong answer is an input error in batch mode as in single mode, named by
/// line and field before anything is checked; a file or standard input over 64 MB is
/// refused without reading it all, and a byte-order mark is no error.
#[test]
fn batch_answers_are_bounded_and_never_empty() {
    let input = format!(
        "{}\n{}\n",
        r#"{"id": "a", "answer": "  "}"#,
        serde_json::json!({"id": "b", "answer": "word ".repeat(300)})
    );
    let out = Run::new()
        .args(&["check", "--input", "-", "--max-answer-bytes", "1000"])
        .stdin(input)
        .fails();
    assert!(
        out.stderr
            .contains("<stdin>:1:1: field `answer`: the answer is empty"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "<stdin>:2:1: field `answer`: the answer is 1500 bytes, over the limit of 1000"
        ),
        "{}",
        out.stderr
    );
    let out = Run::new()
        .args(&["check", "--max-answer-bytes", "10"])
        .stdin("We signed twelve partners.")
        .fails();
    assert!(
        out.stderr.contains("over the limit of 10"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(&["drill", "validate", "/dev/zero"]).fails();
    assert!(out.stderr.contains("larger than 64 MB"), "{}", out.stderr);
    let out = Run::new()
        .args(&["check", "--format", "json"])
        .stdin("\u{feff}We signed twelve partners and grew revenue 20%.")
        .ok();
    assert!(out.stdout.contains("\"score\""));
}

#[test]
fn batch_errors_name_file_line_and_field() {
    let input = "{\"id\": \"a\", \"answer\": \"x\"}\n{\"id\": \"b\", \"anser\": \"x\"}\n{\"id\": \"c\", \"answer\": \"x\", \"question_id\": \"spm-99\"}\n";
    let out = Run::new()
        .args(&["check", "--input", "-", "--format", "jsonl"])
        .stdin(input)
        .fails();
    assert!(out.stderr.contains("<stdin>:2:"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `answer`"),
        "{}",
        out.stderr
    );
    // Every problem at once: the unknown question on a later line too.
    assert!(
        out.stderr
            .contains("<stdin>:3:1: field `question_id`: no question with id `spm-99`"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
    // A line that is not JSON says so.
    let out = Run::new()
        .args(&["check", "--input", "-"])
        .stdin("not json here\n")
        .fails();
    assert!(
        out.stderr.contains("<stdin>:1:2: invalid JSON"),
        "{}",
        out.stderr
    );
    // Two objects on one line: the second is not silently dropped.
    let out = Run::new()
        .args(&["check", "--input", "-"])
        .stdin("{\"id\": 1, \"answer\": \"x\"} {\"id\": 2, \"answer\": \"y\"}\n")
        .fails();
    assert!(
        out.stderr
            .contains("<stdin>:1:26: text after the JSON value"),
        "{}",
        out.stderr
    );
    let out = Run::new()
        .args(&["check", "--input", "-"])
        .stdin("{\"id\": \"c\", \"answer\": \"x\", \"question_id\": \"spm-99\"}\n")
        .fails();
    assert!(
        out.stderr
            .contains("<stdin>:1:1: field `question_id`: no question with id `spm-99`"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_input_gets_clear_errors() {
    let out = Run::new().args(&["check"]).stdin("  \n").fails();
    assert!(out.stderr.contains("is empty"), "{}", out.stderr);
    let out = Run::new()
        .args(&["check"])
        .stdin(vec![b'o', b'k', 0xff, 0xfe])
        .fails();
    assert!(
        out.stderr.contains("<stdin>:1:3: not valid UTF-8"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(&["check", "/no/such/answer.txt"]).fails();
    assert!(
        out.stderr.contains("cannot read /no/such/answer.txt"),
        "{}",
        out.stderr
    );
    let out = Run::new()
        .args(&["check", "--question", "spm-1"])
        .stdin("x")
        .fails();
    assert!(out.stderr.contains("did you mean"), "{}", out.stderr);
}

#[test]
fn escape_sequences_in_answers_are_never_echoed_raw() {
    // The vague claims quote the text around an ESC and a BEL, so the one-line format shows
    // them too (its findings quote the answer nowhere else).
    let answer = "I \x1b[2J\x1b]0;pwned\x07signed 3 partners and revenue grew 20%. We basically won. It went really\x1b well and grew a\x07 lot.";
    for format in ["text", "line"] {
        let out = Run::new()
            .args(&["check", "--format", format])
            .stdin(answer)
            .ok();
        assert!(
            !out.stdout.contains('\x1b') && !out.stdout.contains('\x07'),
            "{format}: {:?}",
            out.stdout
        );
        // Not vacuous: the answer's control characters are there, shown escaped.
        assert!(
            out.stdout.contains("really\\u{1b} well") && out.stdout.contains("grew a\\u{7} lot"),
            "{format}: {:?}",
            out.stdout
        );
    }
    let out = Run::new().args(&["check"]).stdin(answer).ok();
    assert!(
        out.stdout
            .contains("I \\u{1b}[2J\\u{1b}]0;pwned\\u{7}signed"),
        "{:?}",
        out.stdout
    );
}

#[test]
fn honest_scores_for_weak_and_gamed_answers() {
    let score = |a: &str, q: Option<&str>| {
        let mut args = vec!["check", "--format", "json"];
        if let Some(q) = q {
            args.extend(["--question", q]);
        }
        json_of(&Run::new().args(&args).stdin(a).ok().stdout)
    };
    let v = score("fine", None);
    assert!(v["score"].as_u64().unwrap() <= 5, "{v}");
    let v = score("Situation task action result, I learned a lot, 50%", None);
    assert_eq!(v["band"], "below");
    assert!(
        v["parts"]
            .as_object()
            .unwrap()
            .values()
            .all(|p| p["present"] == false),
        "{v}"
    );
    let v = score(
        "I would first pull the registration data and then I would meet their sales leader. I would agree a plan with a target of 20% growth and I would review it every week with them.",
        Some("spm-03"),
    );
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"hypothetical-answer"), "{rules:?}");
    assert_ne!(v["band"], "exceeds");
}

#[test]
fn rules_override_switches_a_rule_off_and_extends_a_lexicon() {
    let run = Run::new();
    let rules = run.home.0.join("rules.json");
    std::fs::write(
        &rules,
        r#"{"rules": {"filler": {"enabled": false}}, "lexicons": {"jargon": {"add": ["ideate"]}}}"#,
    )
    .unwrap();
    let out = run
        .args(&["check", "--format", "line"])
        .stdin("We basically had to ideate with 3 partners.")
        .ok();
    assert!(!out.stdout.contains(" filler:"), "{}", out.stdout);
    assert!(
        out.stdout.contains("jargon: ") && out.stdout.contains("ideate"),
        "{}",
        out.stdout
    );
    let out = Run::new().args(&["rules"]).ok();
    assert!(json_of(&out.stdout)["lexicons"]["jargon"].is_array());
}

#[test]
fn a_follow_up_answer_is_judged_against_the_follow_up() {
    // pdm-02's second follow-up asks how the work was split with the partner's engineers.
    let answer = "I split it by system: our two engineers owned the connector and the sync \
        jobs, the partner's three owned their API changes, and I ran a weekly joint stand-up. \
        Shared tickets went on one board, so the 14 handoffs were visible to both sides.";
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--question", "pdm-02"];
        args.extend_from_slice(extra);
        json_of(&Run::new().args(&args).stdin(answer).ok().stdout)
    };
    let main = check(&[]);
    let by_number = check(&["--follow-up", "1"]);
    let by_text = check(&[
        "--follow-up",
        "How did you split the work with the partner's engineers?",
    ]);
    // The follow-up's own budget (a minute), not the main question's.
    assert_eq!(by_number["delivery"]["budget_seconds"], 60);
    assert_ne!(main["delivery"]["budget_seconds"], 60);
    // Its coverage is the follow-up, not the main question's areas.
    let items = |v: &serde_json::Value| {
        v["coverage"]["covered"].as_array().unwrap().len()
            + v["coverage"]["missing"].as_array().unwrap().len()
    };
    assert_eq!(items(&by_number), 1);
    assert!(items(&main) > 3);
    assert!(
        by_number["score"].as_u64() > main["score"].as_u64(),
        "{by_number}"
    );
    assert_eq!(by_text["delivery"]["budget_seconds"], 60);

    let bad = Run::new()
        .args(&["check", "--question", "pdm-02", "--follow-up", "7"])
        .stdin(answer)
        .fails();
    assert!(
        bad.stderr
            .contains("`pdm-02` has 2 follow-up questions, numbered from 0; there is no 7"),
        "{}",
        bad.stderr
    );
    let orphan = Run::new()
        .args(&["check", "--follow-up", "1"])
        .stdin(answer)
        .fails();
    assert!(orphan.stderr.contains("--question"), "{}", orphan.stderr);
}

/// Notes written as people publish them (a heading, labels in their common forms, bullets,
/// sentences hard-wrapped mid-phrase): every part is read, each quotes its own sentence,
/// and a metric wrapped across two lines is shown as one phrase on one line.
#[test]
fn hard_wrapped_notes_read_as_sentences() {
    let out = Run::new()
        .args(&[
            "check",
            "--format",
            "json",
            &fixture("answers/hard-wrapped-notes.md"),
        ])
        .ok();
    let v = json_of(&out.stdout);
    let first = |part: &str| {
        v["parts"][part]["evidence"][0]["text"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        first("context").starts_with("Our biggest reseller"),
        "{}",
        first("context")
    );
    assert!(
        first("context").contains("35% for\ntwo quarters"),
        "one sentence across the break"
    );
    assert_eq!(
        first("approach"),
        "Pulled their deal registrations and win/loss notes"
    );
    assert!(
        first("outcome").starts_with("pipeline went from"),
        "{}",
        first("outcome")
    );
    assert!(
        first("learning").starts_with("I now check"),
        "{}",
        first("learning")
    );
    let metrics: Vec<&str> = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(metrics.contains(&"5 of their 12 reps"), "{metrics:?}");
    assert!(
        metrics.contains(&"from $400K to $1.1M within two\nquarters"),
        "{metrics:?}"
    );
    assert!(!metrics.iter().any(|m| m.starts_with("for")), "{metrics:?}");
    // In the text report the phrase is one line of words, wrapped only where the
    // terminal is: never at the answer's own line break.
    let text = Run::new()
        .args(&["check", &fixture("answers/hard-wrapped-notes.md")])
        .ok();
    let numbers = text.stdout.split("Numbers: ").nth(1).unwrap_or("");
    let numbers = numbers.split("Findings").next().unwrap_or("");
    assert!(
        numbers
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("from $400K to $1.1M within two quarters (change)"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("for\ntwo"), "{}", text.stdout);
}

/// Errors quote what the user gave — file names, ids, JSON — and that text never reaches
/// the terminal raw: escape sequences and bidirectional controls (U+061C too) are shown
/// as visible escapes on every path, the error messages included.
#[test]
fn errors_never_send_raw_control_characters_to_the_terminal() {
    let dir = crate::common::tempdir::TempHome::new();
    let evil = dir.0.join("a\u{1b}]52;c;aGk=\u{7}b.json");
    std::fs::write(&evil, "{\"id\": \"\u{1b}[2J\"").unwrap();
    let bad_jsonl = dir.0.join("in\u{1b}[31m.jsonl");
    std::fs::write(&bad_jsonl, "not json \u{1b}[2J\n").unwrap();
    let bidi = dir.0.join("bidi.txt");
    std::fs::write(
        &bidi,
        "We signed \u{61c}\u{202e}12 partners and revenue grew 20%.",
    )
    .unwrap();
    let runs = [
        vec!["bank", "validate", dir.0.to_str().unwrap()],
        vec!["drill", "validate", evil.to_str().unwrap()],
        vec!["check", "--input", bad_jsonl.to_str().unwrap()],
        vec!["check", bidi.to_str().unwrap()],
        vec!["check", "--format", "line", bidi.to_str().unwrap()],
    ];
    for args in runs {
        let out = Run::new().args(&args).run();
        let all = format!("{}{}", out.stdout, out.stderr);
        for bad in ['\u{1b}', '\u{7}', '\u{61c}', '\u{202e}'] {
            assert!(!all.contains(bad), "{args:?} printed {bad:?} raw:\n{all}");
        }
        assert!(!all.is_empty(), "{args:?} printed nothing");
    }
}

/// Small things that were wrong: a numeric id comes back as given, a rules override with a
/// speaking rate of 0 is refused with its line, and a folder of `*.json` that are no files
/// (a symlink loop, a FIFO) or none at all is an error, not a silent success.
#[test]
fn ids_rules_and_bank_folders_are_taken_as_given() {
    let out = Run::new()
        .args(&["check", "--input", "-", "--format", "jsonl"])
        .stdin("{\"id\": 18446744073709551617, \"answer\": \"We signed 3 partners.\"}\n")
        .ok();
    assert!(
        out.stdout.starts_with("{\"id\":18446744073709551617,"),
        "{}",
        out.stdout
    );
    let dir = crate::common::tempdir::TempHome::new();
    let rules = dir.0.join("rules.json");
    std::fs::write(&rules, "{\"delivery\": {\n  \"words_per_minute\": 0}}").unwrap();
    let out = Run::new()
        .args(&["check", "--rules", rules.to_str().unwrap()])
        .stdin("We signed three partners.")
        .fails();
    assert!(
        out.stderr.contains("rules.json:2:3: field `delivery.words_per_minute`: expected a speaking rate from 60 to 300"),
        "{}",
        out.stderr
    );
    let banks = dir.0.join("banks");
    std::fs::create_dir(&banks).unwrap();
    let out = Run::new()
        .args(&["bank", "validate", banks.to_str().unwrap()])
        .fails();
    assert!(out.stderr.contains("has no bank files"), "{}", out.stderr);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(banks.join("b.json"), banks.join("a.json")).unwrap();
        std::os::unix::fs::symlink(banks.join("a.json"), banks.join("b.json")).unwrap();
        let out = Run::new()
            .args(&["bank", "validate", banks.to_str().unwrap()])
            .fails();
        assert!(out.stderr.contains("symbolic links"), "{}", out.stderr);
    }
}

/// The exit statuses are documented where a user looks for them, and hold: 2 for an input
/// error, 1 for a bank file with problems, 0 for a check done.
#[test]
fn exit_statuses_are_documented_and_kept() {
    let help = Run::new().args(&["--help"]).ok().stdout;
    assert!(
        help.contains("Exit status: 0 done; 1 a bank or drill file"),
        "{help}"
    );
    assert_eq!(Run::new().args(&["check", "--nope"]).run().code, 2);
    assert_eq!(
        Run::new()
            .args(&["bank", "validate", &fixture("banks/syntax-error.json")])
            .run()
            .code,
        1
    );
    assert_eq!(
        Run::new()
            .args(&["check"])
            .stdin("We signed twelve partners.")
            .run()
            .code,
        0
    );
    assert!(
        help.contains("--fail-below) an answer is below the bar"),
        "{help}"
    );
}

/// `--fail-below` turns a verdict into an exit status for scripts and CI: 1 when an answer
/// (any answer of a batch, any graded answer or missing one) is below the bar, 0 when none
/// is; the output is written in full either way.
#[test]
fn fail_below_sets_the_exit_status() {
    let weak = "We worked closely with the partner and it went really well.";
    let out = Run::new()
        .args(&["check", "--fail-below", "meets"])
        .stdin(weak)
        .run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("Score"), "the report is still shown");
    assert!(
        out.stderr.contains("the answer is below meets (score"),
        "{}",
        out.stderr
    );
    let out = Run::new()
        .args(&["check", "--fail-below", "0"])
        .stdin(weak)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let batch = format!(
        "{}\n{}\n",
        serde_json::json!({"id": 1, "answer": weak}),
        serde_json::json!({"id": 2, "answer": weak})
    );
    let out = Run::new()
        .args(&["check", "--input", "-", "--fail-below", "40"])
        .stdin(batch)
        .run();
    assert_eq!(
        (out.code, out.stdout.lines().count()),
        (1, 2),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("2 answers are below a score of 40"),
        "{}",
        out.stderr
    );
    for bad in ["pass", "101", "good"] {
        let out = Run::new()
            .args(&["check", "--fail-below", bad])
            .stdin(weak)
            .run();
        assert_eq!(out.code, 2, "{bad}: {}", out.stderr);
    }
    let grade = [
        "grade",
        "--drill",
        "examples/drills/partner-rescue.json",
        "--answers",
        "examples/drills/partner-rescue.cohort.jsonl",
        "--fail-below",
        "pass",
    ];
    let out = Run::new().args(&grade).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("answers are below the drill's pass rules; "),
        "{}",
        out.stderr
    );
    let out = Run::new()
        .args(&[
            "drill",
            "run",
            "examples/drills/partner-rescue.json",
            "--no-save",
            "--fail-below",
            "pass",
        ])
        .stdin(format!("{weak}\n"))
        .run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("3 of 3 questions are below the drill's pass rules or unanswered"),
        "{}",
        out.stderr
    );
}
