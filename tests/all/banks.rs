//! The built-in banks hold what the prep guides give, every bank validates, broken banks fail
//! with the expected message, and the bank commands work end to end.

use crate::common::{fixture, Run};
use prepcoach::bank::{Catalog, Kind};

fn bank<'a>(c: &'a Catalog, id: &str) -> &'a prepcoach::bank::Bank {
    &c.bank(id).unwrap().bank
}

#[test]
fn guide_000_has_15_behavioral_questions_with_8_areas_and_4_follow_ups() {
    let c = Catalog::builtin().unwrap();
    let b = bank(&c, "spm-behavioral");
    assert_eq!(b.questions.len(), 15);
    for q in &b.questions {
        assert_eq!(q.kind, Kind::Behavioral, "{}", q.id);
        assert_eq!(q.areas.len(), 8, "{}", q.id);
        assert_eq!(q.follow_ups.len(), 4, "{}", q.id);
        assert!(q.areas.iter().all(|a| !a.cues.is_empty()), "{}", q.id);
        assert!(
            !q.indicators.positive.is_empty() && !q.indicators.negative.is_empty(),
            "{}",
            q.id
        );
    }
}

#[test]
fn guide_001_has_20_questions_in_five_categories() {
    let c = Catalog::builtin().unwrap();
    let b = bank(&c, "pdm-enterprise");
    assert_eq!(b.questions.len(), 20);
    let mut cats: Vec<&str> = b
        .questions
        .iter()
        .filter_map(|q| q.category.as_deref())
        .collect();
    cats.dedup();
    assert_eq!(
        cats,
        [
            "Technical",
            "Behavioral",
            "Situational",
            "Problem-solving",
            "Additional"
        ]
    );
    for q in &b.questions {
        assert!(
            !q.best_practices.is_empty() && !q.pitfalls.is_empty(),
            "{}",
            q.id
        );
        assert!(q.areas.len() >= 4, "{}", q.id);
    }
}

#[test]
fn guide_002_has_10_questions_two_scenarios_and_its_guidance() {
    let c = Catalog::builtin().unwrap();
    let b = bank(&c, "partnerships-core");
    assert_eq!(b.questions.len(), 12);
    let situational = b
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Situational)
        .count();
    assert_eq!(situational, 2);
    assert_eq!(b.key_concepts.len(), 5);
    assert_eq!(b.best_practices.len(), 5);
    assert_eq!(b.mistakes.len(), 5);
}

#[test]
fn guide_003_has_at_least_8_concept_questions() {
    let c = Catalog::builtin().unwrap();
    let b = bank(&c, "spm-role");
    assert!(
        b.questions
            .iter()
            .filter(|q| q.kind == Kind::Concept)
            .count()
            >= 8
    );
    assert!(b.key_concepts.len() >= 10);
}

#[test]
fn guide_004_keeps_its_kit_as_data() {
    let c = Catalog::builtin().unwrap();
    let b = bank(&c, "alliance-kit");
    let of = |k: Kind| {
        b.questions
            .iter()
            .find(|q| q.kind == k)
            .unwrap_or_else(|| panic!("no {k}"))
    };
    let comp = of(Kind::Competency);
    assert_eq!(
        (
            comp.indicators.positive.len(),
            comp.indicators.negative.len()
        ),
        (5, 5)
    );
    let att = of(Kind::Attitude);
    assert_eq!(
        (att.indicators.positive.len(), att.indicators.negative.len()),
        (3, 3)
    );
    assert_eq!(of(Kind::VideoResponse).time_budget_seconds, 120);
    let pres = of(Kind::Presentation);
    assert_eq!(pres.time_budget_seconds, 1200);
    assert!(pres.anchors.is_some());
    let sim = of(Kind::Simulation);
    let scenario = sim.scenario.as_ref().expect("the role-play is kept whole");
    assert_eq!(scenario.duration_minutes, 40);
    assert!(
        !scenario.roles.is_empty()
            && !scenario.tensions.is_empty()
            && !scenario.success_criteria.is_empty()
    );
    assert!(scenario
        .roles
        .iter()
        .all(|r| !r.constraints.is_empty() && !r.guidance.is_empty()));
    assert_eq!(b.progression.len(), 7);
    assert!(!b.resume_criteria.is_empty());
    let rounds: Vec<&str> = b.rounds.iter().map(|r| r.id.as_str()).collect();
    assert!(b
        .questions
        .iter()
        .all(|q| q.round.as_deref().is_some_and(|r| rounds.contains(&r))));
}

#[test]
fn every_builtin_bank_validates_and_ids_are_unique_across_banks() {
    let out = Run::new().args(&["bank", "validate", "banks"]).ok();
    assert_eq!(out.stdout.matches("ok ").count(), 5, "{}", out.stdout);
    // Catalog::builtin refuses duplicate ids, so loading proves uniqueness.
    let c = Catalog::builtin().unwrap();
    let mut ids: Vec<&str> = c.all_questions().map(|q| q.question.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn broken_banks_fail_with_the_expected_messages() {
    let cases = [
        (
            "typo-field.json",
            "23:7: field `questions[0].modle_answer`: unknown field `modle_answer`",
            "did you mean `model_answer`?",
        ),
        (
            "bad-kind.json",
            "field `questions[0].kind`: unknown variant `behavioural`",
            "did you mean `behavioral`?",
        ),
        (
            "bad-level.json",
            "field `questions[0].levels[1]`: unknown variant `expert`",
            "junior",
        ),
        (
            "syntax-error.json",
            "12:35: invalid JSON",
            "key must be a string",
        ),
        (
            "missing-field.json",
            "field `questions[0]`: missing field `text`",
            "",
        ),
        (
            "duplicate-id.json",
            "field `questions[1].id`: duplicate question id `cc-01`",
            "",
        ),
        (
            "empty-texts.json",
            "field `title`: expected non-empty text",
            "field `questions[0].model_answer.outcome`: expected non-empty text",
        ),
        (
            "clash-builtin.json",
            "10:13: field `questions[0].id`: question id `spm-01` is already used by built-in bank",
            "",
        ),
        ("not-utf8.json", "not valid UTF-8", "not-utf8.json:"),
    ];
    for (file, want, also) in cases {
        let out = Run::new()
            .args(&["bank", "validate", &fixture(&format!("banks/{file}"))])
            .fails();
        assert_eq!(out.code, 1, "{file}");
        assert!(out.stderr.contains(want), "{file}: {}", out.stderr);
        assert!(out.stderr.contains(also), "{file}: {}", out.stderr);
    }
    let empty = Run::new()
        .args(&["bank", "validate", &fixture("banks/empty-texts.json")])
        .fails();
    assert!(
        empty.stderr.contains("3 errors in 1 file"),
        "{}",
        empty.stderr
    );
}

#[test]
fn valid_coach_bank_validates_and_loads_with_bank_flag() {
    let out = Run::new()
        .args(&["bank", "validate", &fixture("banks/valid.json")])
        .ok();
    assert!(out.stdout.contains("1 question"));
    let out = Run::new()
        .args(&[
            "questions",
            "--bank",
            &fixture("banks/valid.json"),
            "--bank",
            "coach-channel",
            "--format",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], "cc-01");
    assert_eq!(v[0]["bank"], "coach-channel");
}

#[test]
fn user_config_folder_banks_load_and_clashes_are_errors() {
    let run = Run::new();
    let dir = run.home.0.join("banks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("banks/valid.json"), dir.join("mine.json")).unwrap();
    let out = run.args(&["show", "cc-01"]).ok();
    assert!(out.stdout.contains("missed its pipeline target"));
    let run = Run::new();
    let dir = run.home.0.join("banks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("banks/clash-builtin.json"), dir.join("clash.json")).unwrap();
    let out = run.args(&["banks"]).fails();
    assert!(
        out.stderr.contains("already used by built-in bank"),
        "{}",
        out.stderr
    );
}

#[test]
fn banks_lists_counts_per_kind_as_text_and_json() {
    let out = Run::new().args(&["banks"]).ok();
    assert!(out.stdout.contains("spm-behavioral") && out.stdout.contains("15 behavioral"));
    assert!(
        out.stdout.contains("5 banks, 65 questions"),
        "{}",
        out.stdout
    );
    let out = Run::new().args(&["banks", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let core = v
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "partnerships-core")
        .unwrap();
    assert_eq!(core["question_counts"]["situational"], 2);
    assert_eq!(core["questions"][0]["bank"], "partnerships-core");
}

#[test]
fn questions_filter_by_kind_level_competency_and_search() {
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut a = vec!["questions", "--format", "json"];
        a.extend_from_slice(args);
        serde_json::from_str::<serde_json::Value>(&Run::new().args(&a).ok().stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let sims = json(&["--kind", "simulation"]);
    assert_eq!(sims.len(), 1);
    assert!(json(&["--kind", "concept"])
        .iter()
        .all(|q| q["kind"] == "concept"));
    assert!(json(&["--level", "junior"])
        .iter()
        .all(|q| q["levels"].as_array().unwrap().contains(&"junior".into())));
    assert!(json(&["--competency", "negotiation"])
        .iter()
        .all(|q| q["competency"] == "negotiation"));
    let found = json(&["--search", "cultural differences"]);
    assert!(found.iter().any(|q| q["id"] == "pdm-15"), "{found:?}");
    assert!(json(&["--search", "zebra unicorn"]).is_empty());
    let bad = Run::new()
        .args(&["questions", "--kind", "behavioural"])
        .fails();
    assert!(
        bad.stderr.contains("unknown kind `behavioural`"),
        "{}",
        bad.stderr
    );
    let bad = Run::new()
        .args(&["questions", "--bank", "spm-behavorial"])
        .fails();
    assert!(
        bad.stderr.contains("did you mean `spm-behavioral`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn show_prints_everything_and_json_round_trips_to_the_bank_format() {
    let out = Run::new().args(&["show", "kit-05"]).ok();
    for want in [
        "Role-play scenario",
        "Success criteria",
        "Model answer",
        "CONTEXT",
        "LEARNING",
    ] {
        assert!(out.stdout.contains(want), "missing {want}");
    }
    let out = Run::new()
        .args(&["show", "spm-01", "--format", "json"])
        .ok();
    let mut v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["bank"], "spm-behavioral");
    v.as_object_mut().unwrap().remove("bank");
    let q: prepcoach::bank::Question = serde_json::from_value(v).unwrap();
    assert_eq!(q.id, "spm-01");
    let bad = Run::new().args(&["show", "spm-1"]).fails();
    assert!(
        bad.stderr
            .contains("no question with id `spm-1`; did you mean"),
        "{}",
        bad.stderr
    );
}

#[test]
fn schema_is_json_schema_for_the_bank_format() {
    let out = Run::new().args(&["bank", "schema"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v["$schema"].as_str().unwrap().contains("json-schema"));
    assert!(v["properties"]["questions"].is_object());
}

/// `prepcoach list competencies|rounds|levels|kinds`: what a filter can be, with counts,
/// and the filter then finds exactly that many questions.
#[test]
fn list_shows_what_filters_can_be_with_counts() {
    let out = Run::new()
        .args(&["list", "competencies", "--format", "json"])
        .ok();
    let v: Vec<serde_json::Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(v.len() >= 5, "{}", out.stdout);
    let first = &v[0];
    let name = first["name"].as_str().unwrap();
    let n = first["questions"].as_u64().unwrap() as usize;
    let qs = Run::new()
        .args(&["questions", "--competency", name, "--format", "json"])
        .ok();
    let qs: Vec<serde_json::Value> = serde_json::from_str(&qs.stdout).unwrap();
    assert_eq!(qs.len(), n);
    for what in ["rounds", "levels", "kinds"] {
        let out = Run::new().args(&["list", what]).ok();
        assert!(out.stdout.contains(" question"), "{what}: {}", out.stdout);
    }
}

/// A bank with a problem of every kind in four questions: every one is reported, each at
/// its own line, in one run (serde alone stops at the first).
#[test]
fn bank_validate_reports_every_shape_problem_at_once() {
    let text = std::fs::read_to_string("banks/spm-role.json").unwrap();
    let mut bank: serde_json::Value = serde_json::from_str(&text).unwrap();
    bank["id"] = "my-bank".into();
    for q in bank["questions"].as_array_mut().unwrap() {
        q["id"] = format!("my-{}", q["id"].as_str().unwrap()).into();
    }
    let qs = bank["questions"].as_array_mut().unwrap();
    let kind = qs[0].as_object_mut().unwrap().remove("kind").unwrap();
    qs[0]["kindd"] = kind;
    qs[2]["time_budget_seconds"] = "ninety".into();
    qs[3]["levels"] = serde_json::json!(["guru"]);
    qs[4]["model_answer"]
        .as_object_mut()
        .unwrap()
        .remove("learning");
    let dir = crate::common::tempdir::TempHome::new();
    let file = dir.0.join("my-bank.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bank).unwrap()).unwrap();
    let out = Run::new()
        .args(&["bank", "validate", file.to_str().unwrap()])
        .fails();
    let lines: Vec<&str> = out.stderr.lines().collect();
    for want in [
        "field `questions[0].kindd`: unknown field `kindd`",
        "field `questions[2].time_budget_seconds`: invalid type: string \"ninety\", expected u32",
        "field `questions[3].levels[0]`: unknown variant `guru`",
        "field `questions[4].model_answer`: missing field `learning`",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(want)),
            "{want}: {}",
            out.stderr
        );
    }
    // The misspelt field is not also reported missing, and nothing else is invented.
    assert!(
        !out.stderr.contains("missing field `kind`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("4 errors in 1 file"), "{}", out.stderr);
}

/// A drill and a JSONL line with several problems each report them all.
#[test]
fn drills_and_jsonl_lines_report_every_problem() {
    let dir = crate::common::tempdir::TempHome::new();
    let drill = dir.0.join("d.json");
    std::fs::write(
        &drill,
        r#"{"name": "x", "instructions": "y", "selct": {"ids": ["spm-01"]},
  "count": "three", "pass": {"min_score": 60, "required_parts": ["lesson"]}}"#,
    )
    .unwrap();
    let out = Run::new()
        .args(&["drill", "validate", drill.to_str().unwrap()])
        .fails();
    for want in [
        ":1:36: field `selct`: unknown field `selct`",
        ":2:12: field `count`: invalid type: string \"three\"",
        ":2:66: field `pass.required_parts[0]`: unknown variant `lesson`",
        "3 errors",
    ] {
        assert!(out.stderr.contains(want), "{want}: {}", out.stderr);
    }
    let out = Run::new()
        .args(&["check", "--input", "-"])
        .stdin("{\"id\": 1, \"answr\": \"x\", \"follow_up\": true, \"extra\": 2}\n")
        .fails();
    for want in [
        "<stdin>:1:11: field `answr`",
        "<stdin>:1:38: field `follow_up`: expected a follow-up's number in the question (from 0) or its text",
        "<stdin>:1:44: field `extra`",
    ] {
        assert!(out.stderr.contains(want), "{want}: {}", out.stderr);
    }
}

/// A rules override with problems in two lexicons and in a misspelt rule reports all five,
/// each at its own column, the misspelt rule's own fields included.
#[test]
fn a_rules_override_reports_every_problem() {
    let dir = crate::common::tempdir::TempHome::new();
    let file = dir.0.join("rules.json");
    std::fs::write(
        &file,
        r#"{"lexicons": {"hedges": 5, "fillers": {"ad": ["x"]}}, "rules": {"no-metric": {"severty": "error", "enabled": "yes"}}}"#,
    )
    .unwrap();
    let out = Run::new()
        .args(&["rules", "--rules", file.to_str().unwrap()])
        .fails();
    for want in [
        ":1:25: field `lexicons.hedges`: expected a list of cues",
        ":1:39: field `lexicons.fillers`: expected a list of cues",
        ":1:65: field `rules.no-metric`: unknown variant `no-metric`",
        "did you mean `no-metrics`?",
        ":1:79: field `rules.no-metric.severty`: unknown field `severty`",
        ":1:110: field `rules.no-metric.enabled`: invalid type: string \"yes\"",
        "5 errors",
    ] {
        assert!(out.stderr.contains(want), "{want}: {}", out.stderr);
    }
}
