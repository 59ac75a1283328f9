//! Drills for coaches: validation errors, running one, grading a cohort in every format.

use crate::common::Run;

const STRONG: &str = "At a payroll software company, our biggest reseller had fallen 40% behind plan for two quarters. I pulled their deal registrations, met their sales director with our sales lead and ran enablement for seven of their sellers. Within two quarters their pipeline grew 55% and they signed 12 new customers worth $1.4M. Since then I look at rep coverage before a partner's totals.";

fn cohort(home: &std::path::Path) -> String {
    let lines = [
        serde_json::json!({"candidate": "Ana", "question_id": "pdm-05", "answer": STRONG}),
        serde_json::json!({"candidate": "Ana", "question_id": "spm-03", "answer": "We worked closely with them and it went well."}),
        serde_json::json!({"candidate": "Ben, \"BJ\" Jr.", "question_id": "pdm-05", "answer": "I set up weekly reviews and their pipeline grew 30% in a quarter."}),
    ];
    let path = home.join("cohort.jsonl");
    std::fs::write(
        &path,
        lines
            .iter()
            .map(std::string::ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn drill_validate_accepts_the_samples_and_points_at_errors() {
    let out = Run::new()
        .args(&[
            "drill",
            "validate",
            "examples/drills/partner-rescue.json",
            "examples/drills/concepts-warmup.json",
        ])
        .ok();
    assert_eq!(out.stdout.matches("ok ").count(), 2, "{}", out.stdout);
    let run = Run::new();
    let bad = run.home.0.join("bad.json");
    std::fs::write(&bad, "{\n  \"name\": \"x\",\n  \"instructions\": \"y\",\n  \"select\": {\"ids\": [\"spm-99\"], \"kinds\": [\"behavioural\"]},\n  \"pass\": {}\n}\n").unwrap();
    let out = run
        .args(&["drill", "validate", bad.to_str().unwrap()])
        .fails();
    assert!(
        out.stderr.contains("bad.json:4:") && out.stderr.contains("did you mean `behavioral`"),
        "{}",
        out.stderr
    );
    let run = Run::new();
    let bad = run.home.0.join("bad2.json");
    std::fs::write(&bad, "{\n  \"name\": \"x\",\n  \"instructions\": \"y\",\n  \"select\": {\"ids\": [\"spm-01\", \"spm-99\"]},\n  \"pass\": {\"min_score\": 101}\n}\n").unwrap();
    let out = run
        .args(&["drill", "validate", bad.to_str().unwrap()])
        .fails();
    assert!(
        out.stderr.contains("bad2.json:4:")
            && out
                .stderr
                .contains("field `select.ids[1]`: no question with id `spm-99`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("field `pass.min_score`: expected 0 to 100"),
        "{}",
        out.stderr
    );
}

#[test]
fn drill_run_says_which_rules_passed_and_keeps_the_drill_name() {
    let run = Run::new();
    let home = run.home.0.clone();
    let out = run
        .args(&["drill", "run", "examples/drills/partner-rescue.json"])
        .stdin(format!("We did stuff.\n---\n:next\n---\n{STRONG}\n"))
        .ok();
    assert!(out.stdout.contains("Drill: Week 1"), "{}", out.stdout);
    assert!(out.stdout.contains("Drill results"));
    assert!(
        out.stdout.contains("spm-03     fail") && out.stdout.contains("pdm-05     pass"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Passed 1 of 2"));
    let export = Run::new()
        .env("PREPCOACH_HOME", home.to_str().unwrap())
        .args(&["history", "export"])
        .ok();
    assert!(
        export
            .stdout
            .lines()
            .all(|l| l.contains("\"drill\":\"Week 1")),
        "{}",
        export.stdout
    );
}

#[test]
fn grading_in_every_format() {
    let run = Run::new();
    let answers = cohort(&run.home.0);
    let drill = "examples/drills/partner-rescue.json";
    let json = Run::new()
        .args(&[
            "grade",
            "--drill",
            drill,
            "--answers",
            &answers,
            "--format",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
    assert_eq!(v["rows"][0]["passed"], true);
    assert_eq!(v["rows"][1]["passed"], false);
    let ana = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["candidate"] == "Ana")
        .unwrap();
    assert_eq!(ana["passed"], 1);
    let csv = Run::new()
        .args(&[
            "grade",
            "--drill",
            drill,
            "--answers",
            &answers,
            "--format",
            "csv",
        ])
        .ok();
    let mut lines = csv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("candidate,question_id,score,band,result,gaps,missing_parts")
    );
    assert!(
        csv.stdout.contains("\"Ben, \"\"BJ\"\" Jr.\",pdm-05,"),
        "{}",
        csv.stdout
    );
    let md = Run::new()
        .args(&[
            "grade",
            "--drill",
            drill,
            "--answers",
            &answers,
            "--format",
            "markdown",
        ])
        .ok();
    assert!(
        md.stdout.contains("| candidate | question | score |")
            && md.stdout.contains("## Per question")
    );
    let text = Run::new()
        .args(&["grade", "--drill", drill, "--answers", &answers])
        .ok();
    assert!(text.stdout.contains("Per candidate") && text.stdout.contains("most common gap"));
}

/// A roster makes non-submitters visible ("passed 0 of 3", "not submitted: nothing"), a
/// second answer to one question replaces the first instead of being averaged in, and
/// empty names, empty answers and names not on the roster are errors with their lines.
#[test]
fn grading_counts_non_submitters_and_duplicates_and_refuses_empty_lines() {
    let run = Run::new();
    let line = |c: &str, q: &str, a: &str| {
        format!(
            "{}\n",
            serde_json::json!({"candidate": c, "question_id": q, "answer": a})
        )
    };
    let strong = "At a payroll software company our biggest reseller had fallen 40% behind plan. I met their sales director, rebuilt the joint plan and ran weekly pipeline reviews. Within two quarters they were back at 105% of plan. Since then I set joint targets in the first month.";
    let answers = run.home.0.join("cohort.jsonl");
    std::fs::write(
        &answers,
        [
            line("Ana", "pdm-05", "We worked closely with them."),
            line("Ben", "spm-03", strong),
            line("Ana", "pdm-05", strong),
        ]
        .concat(),
    )
    .unwrap();
    let roster = run.home.0.join("roster.txt");
    std::fs::write(&roster, "# week 1\nAna\nBen\n\nEve\n").unwrap();
    let drill = "examples/drills/partner-rescue.json";
    let (a, r) = (answers.to_str().unwrap(), roster.to_str().unwrap());
    let args = ["grade", "--drill", drill, "--answers", a, "--roster", r];
    let json = Run::new()
        .args(&[&args[..], &["--format", "json"]].concat())
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["rows"].as_array().unwrap().len(),
        2,
        "the duplicate is graded once"
    );
    let ana = &v["candidates"][0];
    assert_eq!(ana["answers"], 1);
    assert!(
        ana["average"].as_f64().unwrap() > 50.0,
        "the later answer counts: {ana}"
    );
    assert_eq!(v["duplicates"][0]["lines"], serde_json::json!([1, 3]));
    let eve = &v["candidates"][2];
    assert_eq!(
        (eve["answers"].clone(), eve["average"].clone()),
        (0.into(), serde_json::Value::Null)
    );
    assert_eq!(eve["not_submitted"].as_array().unwrap().len(), 3);
    let text = Run::new().env("COLUMNS", "100").args(&args).ok().stdout;
    // At 60 columns nothing runs past the edge: columns that do not fit start a new line.
    let narrow = Run::new().env("COLUMNS", "60").args(&args).ok().stdout;
    for line in narrow.lines() {
        assert!(line.chars().count() <= 60, "{line:?}\n{narrow}");
    }
    assert!(
        narrow.contains("\n      not submitted: all 3 questions\n"),
        "{narrow}"
    );
    for want in [
        "Eve              average     —   passed 0 of 3   not submitted: all 3 questions",
        "passed 0 of 3   not submitted: spm-03, pdm-14",
        "Ana answered pdm-05 on lines 1, 3; the last is graded",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    std::fs::write(
        &answers,
        [
            line("", "pdm-05", strong),
            line("Bne", "pdm-05", strong),
            line("Ana", "pdm-05", " "),
        ]
        .concat(),
    )
    .unwrap();
    let out = Run::new().args(&args).fails();
    for want in [
        ":1:1: field `candidate`: the candidate's name is empty",
        ":2:1: field `candidate`: `Bne` is not on the roster; did you mean `Ben`?",
        ":3:1: field `answer`: the answer is empty",
    ] {
        assert!(out.stderr.contains(want), "{want}: {}", out.stderr);
    }
}

#[test]
fn grading_rejects_answers_outside_the_drill_with_their_line() {
    let run = Run::new();
    let path = run.home.0.join("x.jsonl");
    std::fs::write(&path, "{\"candidate\": \"A\", \"question_id\": \"pdm-05\", \"answer\": \"x\"}\n{\"candidate\": \"A\", \"question_id\": \"kit-01\", \"answer\": \"x\"}\n").unwrap();
    let out = run
        .args(&[
            "grade",
            "--drill",
            "examples/drills/partner-rescue.json",
            "--answers",
            path.to_str().unwrap(),
        ])
        .fails();
    assert!(
        out.stderr.contains(
            "x.jsonl:2:1: field `question_id`: `kit-01` is not one of the drill's questions"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn reports_are_self_contained_html_and_markdown() {
    let dir = crate::common::tempdir::TempHome::new();
    let home = dir.0.clone();
    let h = home.to_str().unwrap();
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["practice", "--question", "pdm-05", "--question", "spm-03"])
        .stdin(format!(
            "{STRONG}\n---\n:next\n---\n:hint\n---\nWe worked <b>closely</b> & it went well.\n"
        ))
        .ok();
    let html = home.join("me.html");
    let md = home.join("me.md");
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&[
            "report",
            "--html",
            html.to_str().unwrap(),
            "--markdown",
            md.to_str().unwrap(),
        ])
        .ok();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("<svg") && page.contains("<polyline")
    );
    assert!(page.contains("pdm-05") && page.contains("&lt;b&gt;closely&lt;/b&gt; &amp;"));
    // Coach-ready: when it was made, what was asked in words, the bands' real cut-offs on
    // the chart, a peek marked, and a print stylesheet.
    for want in [
        "<p class=\"meta\">Made ",
        "2 answers to 2 questions",
        "Suppose a partner keeps falling short of the performance metrics you agreed.",
        ">meets 55+</text>",
        ">exceeds 80+</text>",
        "<span class=\"tag peek\">hint seen first</span>",
        "@media print",
    ] {
        assert!(page.contains(want), "{want}");
    }
    for external in [
        "http:", "https:", "<script", "<link", "src=", "@import", "url(",
    ] {
        assert!(!page.contains(external), "external reference {external}");
    }
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Interview practice report") && text.contains("| competency |"));
    let answers = cohort(&home);
    let grades = home.join("grades.html");
    Run::new()
        .args(&[
            "report",
            "--drill",
            "examples/drills/partner-rescue.json",
            "--answers",
            &answers,
            "--html",
            grades.to_str().unwrap(),
        ])
        .ok();
    let page = std::fs::read_to_string(&grades).unwrap();
    assert!(page.contains("Per candidate") && page.contains("Ben, &quot;BJ&quot; Jr."));
    assert!(!page.contains("http") && !page.contains("<script"));
    // Per candidate, each question in words with the answer, the band and what to
    // practise; the pass rules in words; who has not submitted.
    for want in [
        "<li>a score of at least 60</li>",
        "<li>a clear learning</li>",
        "<h3>Ben, &quot;BJ&quot; Jr.</h3>",
        "Give me an example of a strategic partnership that was falling short",
        "<span class=\"fail\">not submitted</span>",
        "<h4>What to practise</h4>",
        "<blockquote>",
    ] {
        assert!(page.contains(want), "{want}");
    }
}

#[test]
fn an_answer_held_below_for_want_of_substance_never_passes_a_drill() {
    // A strong, quantified story about software delivery, given to a partnership question:
    // its score clears the drill's 60, its parts and numbers are there, and it is off-topic.
    let adversarial = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/adversarial/dev.jsonl"
    ))
    .unwrap();
    let off_topic: serde_json::Value = adversarial
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == "adv-dev-021")
        .unwrap();
    assert_eq!(off_topic["question_id"], "spm-03");
    let run = Run::new();
    let path = run.home.0.join("cohort.jsonl");
    let line = serde_json::json!({"candidate": "Cy", "question_id": "spm-03", "answer": off_topic["answer"]});
    std::fs::write(&path, line.to_string()).unwrap();
    let json = Run::new()
        .args(&[
            "grade",
            "--drill",
            "examples/drills/partner-rescue.json",
            "--answers",
            &path.display().to_string(),
            "--format",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let row = &v["rows"][0];
    assert!(row["score"].as_u64().unwrap() >= 60, "{row}");
    assert_eq!(row["band"], "below");
    assert_eq!(row["passed"], false);
    assert!(
        row["gaps"][0]
            .as_str()
            .unwrap()
            .starts_with("held below: off-topic (this reads as an answer about"),
        "{row}"
    );
    assert_eq!(row["failed"][0], "passes the substance gates");
}
