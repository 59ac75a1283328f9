//! `prepcoach roleplay` and `prepcoach scenario`, end to end: whole scripted meetings for a
//! strong candidate, one who gives in, a list of cue words and one who never asks about
//! capacity; the scenario files and their errors.

use crate::common::Run;

/// A transcript from `tests/fixtures/roleplay`.
fn transcript(name: &str) -> String {
    std::fs::read_to_string(crate::common::fixture(&format!("roleplay/{name}.txt"))).unwrap()
}

/// The debrief of a scripted role-play, as JSON.
fn debrief(transcript: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["roleplay", "--format", "json", "--seed", "7"];
    args.extend_from_slice(extra);
    let out = Run::new().args(&args).stdin(transcript).ok();
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

fn met(d: &serde_json::Value, id: &str) -> bool {
    d["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))["met"]
        == true
}

fn surfaced(d: &serde_json::Value, id: &str) -> bool {
    d["concerns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no concern {id}"))["surfaced"]
        == true
}

#[test]
fn a_strong_meeting_reaches_meets_or_better_with_evidence_from_its_turns() {
    let d = debrief(&transcript("strong"), &[]);
    assert!(d["anchor"] == "exceeds" || d["anchor"] == "meets", "{d}");
    assert_eq!(d["ending"], "closed");
    for id in ["crm-rules", "phased-mdf", "scope-limits", "escalation-path"] {
        assert!(met(&d, id), "{id}: {d}");
    }
    // The evidence is the turn's own sentence that shows it.
    let phased = &d["criteria"][1]["evidence"][0];
    assert_eq!(phased["turn"], 5);
    assert!(phased["text"].as_str().unwrap().contains("three tranches"));
    assert!(surfaced(&d, "capacity") && surfaced(&d, "crm-time"));
    assert_eq!(d["negatives"].as_array().unwrap().len(), 0);
    assert_eq!(d["scenario"], "pipeline-alignment");
    assert_eq!(d["turns"], 7);
    assert!(d["spoken_seconds"].as_u64().unwrap() > 60);
}

#[test]
fn giving_in_reaches_below_and_the_debrief_quotes_the_turn() {
    let d = debrief(&transcript("capitulating"), &[]);
    assert_eq!(d["anchor"], "below", "{d}");
    let negatives = d["negatives"].as_array().unwrap();
    let backs = negatives
        .iter()
        .find(|n| n["id"] == "backs-down")
        .expect("backs-down");
    assert_eq!(backs["turn"], 3);
    assert!(backs["said"]
        .as_str()
        .unwrap()
        .contains("forget the tracking"));
    assert!(negatives.iter().any(|n| n["id"] == "vague"));
    assert!(d["changes"][0]
        .as_str()
        .unwrap()
        .starts_with("Don't give the key point away"));
}

#[test]
fn every_scenario_can_be_won() {
    for id in ["channel-conflict", "partner-qbr"] {
        let d = debrief(&transcript(&format!("{id}-strong")), &[id]);
        assert_eq!(d["anchor"], "exceeds", "{id}: {d}");
        assert_eq!(d["ending"], "closed", "{id}");
    }
}

/// The cheapest imitations of a good meeting: one terse sentence of cue words per stage,
/// with nothing anyone could check; and every proposal right, with no question asked.
#[test]
fn a_skeleton_of_cue_sentences_and_a_meeting_without_questions_reach_below() {
    let d = debrief(&transcript("skeleton"), &[]);
    assert_eq!(d["anchor"], "below", "{d}");
    assert!(
        !met(&d, "phased-mdf"),
        "milestones with no figure are not checkable: {d}"
    );
    let d = debrief(&transcript("no-questions"), &[]);
    assert_eq!(d["anchor"], "below", "{d}");
    assert!(met(&d, "phased-mdf") && met(&d, "crm-rules"), "{d}");
    assert!(
        d["changes"][0]
            .as_str()
            .unwrap()
            .starts_with("Ask what stands in the way"),
        "{d}"
    );
}

/// Attacks a tester wrote without reading the code: one monologue that says everything, a
/// good sentence pasted again and again, buzzwords with figures, and the tier given away
/// "in exchange for your best effort". And a strong meeting in plain words of its own.
#[test]
fn imitations_a_tester_wrote_reach_below_and_plain_strong_words_do_not() {
    for (name, scenario) in [
        ("giant", "pipeline-alignment"),
        ("repeat", "pipeline-alignment"),
        ("buzzwords", "pipeline-alignment"),
        ("partner-qbr-gold-for-effort", "partner-qbr"),
    ] {
        let d = debrief(&transcript(name), &[scenario]);
        assert_eq!(d["anchor"], "below", "{name}: {d}");
    }
    let d = debrief(&transcript("in-own-words"), &[]);
    assert_ne!(d["anchor"], "below", "{d}");
}

#[test]
fn every_line_fits_a_narrow_terminal() {
    let out = Run::new()
        .env("COLUMNS", "50")
        .args(&["roleplay", "--seed", "7", "--no-save"])
        .stdin(transcript("strong"))
        .ok();
    for line in out.stdout.lines() {
        assert!(
            line.chars().count() <= 50,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn a_list_of_cue_words_earns_nothing() {
    let d = debrief(&transcript("cue-dump"), &[]);
    assert_eq!(d["anchor"], "below", "{d}");
    for c in d["criteria"].as_array().unwrap() {
        assert_eq!(c["met"], false, "{c}");
    }
    for c in d["concerns"].as_array().unwrap() {
        assert_eq!(c["surfaced"], false, "{c}");
    }
}

#[test]
fn a_concern_no_question_touches_stays_hidden() {
    let d = debrief(&transcript("no-capacity"), &[]);
    assert!(!surfaced(&d, "capacity"), "{d}");
    assert!(surfaced(&d, "crm-time"));
    // Everything agreed, but not the hidden constraints: meets, not exceeds.
    assert_eq!(d["anchor"], "meets", "{d}");
}

#[test]
fn the_text_debrief_shows_the_partner_the_briefing_and_the_band() {
    let out = Run::new()
        .args(&["roleplay", "--seed", "7"])
        .stdin(transcript("strong"))
        .ok();
    for want in [
        "Role-play: Pipeline alignment",
        "Your goals",
        "You are judged on",
        "Dana Reyes:",
        "Debrief:",
        "The partner's hidden concerns",
        "seed 7",
    ] {
        assert!(out.stdout.contains(want), "{want}:\n{}", out.stdout);
    }
}

#[test]
fn the_same_seed_and_turns_give_the_same_meeting() {
    let run = |seed: &str| {
        Run::new()
            .args(&["roleplay", "--seed", seed])
            .stdin(transcript("strong"))
            .ok()
            .stdout
    };
    assert_eq!(run("11"), run("11"));
    assert_ne!(run("11"), run("12"));
}

#[test]
fn commands_work_from_a_script() {
    let script = "Three things today: tracking, funding and disputes, ten minutes each.\n---\n:hint\n---\n:rubric\n---\n:time\n---\n:end\n";
    let out = Run::new()
        .args(&["roleplay", "--seed", "1"])
        .stdin(script)
        .ok();
    assert!(out.stdout.contains("Hint (Discovery):"), "{}", out.stdout);
    assert!(out.stdout.contains("Anchors"));
    assert!(out.stdout.contains("since the start"));
    assert!(out.stdout.contains("Debrief:"));
    // After the debrief, :restart runs the meeting again.
    let out = Run::new()
        .args(&["roleplay", "--seed", "1", "--no-save"])
        .stdin("Hello there, Dana.\n---\n:end\n---\n:restart\n---\n:end\n")
        .ok();
    assert!(out.stdout.contains("(starting again)"), "{}", out.stdout);
    assert_eq!(out.stdout.matches("Debrief:").count(), 2, "{}", out.stdout);
}

#[test]
fn every_built_in_scenario_validates_and_plays() {
    let out = Run::new()
        .args(&["scenario", "list", "--format", "json"])
        .ok();
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() >= 3, "{ids:?}");
    let files: Vec<String> = ids
        .iter()
        .map(|id| format!("banks/scenarios/{id}.json"))
        .collect();
    let mut args = vec!["scenario", "validate"];
    args.extend(files.iter().map(String::as_str));
    let out = Run::new().args(&args).ok();
    assert_eq!(
        out.stdout.matches("ok ").count(),
        ids.len(),
        "{}",
        out.stdout
    );
    for id in ids {
        let d = debrief(
            "Hello.\n---\nWhat is getting in the way for your team this quarter?\n",
            &[id],
        );
        assert_eq!(d["scenario"], id);
    }
}

#[test]
fn a_bad_scenario_file_gets_line_field_and_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let text = std::fs::read_to_string("banks/scenarios/pipeline-alignment.json")
        .unwrap()
        .replacen("\"ground_rules\"", "\"groundrules\"", 1)
        .replacen("\"needs\": [\"agenda\"]", "\"needs\": [\"agendas\"]", 1)
        .replacen("\"cues\": [\"crm\"", "\"cues\": [\"%\", \"crm\"", 1);
    std::fs::write(&path, text).unwrap();
    let out = Run::new()
        .args(&["scenario", "validate", path.to_str().unwrap()])
        .fails();
    assert!(out.stderr.contains("bad.json:"), "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `ground_rules`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("agendas"), "{}", out.stderr);
    // A cue of punctuation alone would never match: refused, at its place.
    let pct = std::fs::read_to_string("banks/scenarios/pipeline-alignment.json")
        .unwrap()
        .replacen("\"cues\": [\"crm\"", "\"cues\": [\"%\", \"crm\"", 1);
    std::fs::write(&path, pct).unwrap();
    let out = Run::new()
        .args(&["scenario", "validate", path.to_str().unwrap()])
        .fails();
    assert!(
        out.stderr.contains("bad.json:40:")
            && out
                .stderr
                .contains("concerns[0].cues[0]`: expected a word or phrase"),
        "{}",
        out.stderr
    );
    // A line said twice is refused: the partner never repeats itself.
    let dup = std::fs::read_to_string("banks/scenarios/pipeline-alignment.json")
        .unwrap()
        .replacen(
            "Fine, that works for me. Go ahead.",
            "OK, that's a reasonable plan. Let's see how far we get.",
            1,
        );
    std::fs::write(&path, dup).unwrap();
    let out = Run::new()
        .args(&["scenario", "validate", path.to_str().unwrap()])
        .fails();
    assert!(out.stderr.contains("stages[0].accept[1]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("never says a line twice"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(&["roleplay", "pipline-alignment"]).fails();
    assert!(
        out.stderr.contains("did you mean `pipeline-alignment`"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_schema_describes_the_format() {
    let out = Run::new().args(&["scenario", "schema"]).ok();
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    assert!(out.stdout.contains("concerns") && out.stdout.contains("capitulation"));
}

/// Precision, recall and F1 of the move reader on a labelled set of candidate turns, per
/// move and over all moves; the disagreements when `PREPCOACH_EVAL_VERBOSE` is set.
fn move_figures(file: &str) -> (f64, Vec<(String, f64, f64, f64)>) {
    use prepcoach::roleplay::{moves::compile, Move, MoveReader};
    use std::collections::BTreeMap;
    let reader = MoveReader::builtin().unwrap();
    let none = compile(&[]);
    let verbose = std::env::var_os("PREPCOACH_EVAL_VERBOSE").is_some();
    let text = std::fs::read_to_string(file).unwrap();
    // move -> (true positives, found, wanted)
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let turn = v["turn"].as_str().unwrap();
        let gold: Vec<String> = v["moves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap().to_string())
            .collect();
        let found: Vec<String> = reader
            .read(turn, &none)
            .moves
            .iter()
            .filter(|f| f.mv != Move::Dodge)
            .map(|f| f.mv.name().to_string())
            .collect();
        let mut all: Vec<&String> = gold.iter().chain(&found).collect();
        all.sort();
        all.dedup();
        for m in all {
            let (g, f) = (gold.contains(m), found.contains(m));
            let e = counts.entry(m.clone()).or_default();
            e.0 += usize::from(g && f);
            e.1 += usize::from(f);
            e.2 += usize::from(g);
            if verbose && g != f {
                eprintln!("{} {m}: want {g} got {f}: {turn}", v["id"]);
            }
        }
    }
    let f1 = |tp: usize, found: usize, wanted: usize| {
        let p = if found == 0 {
            1.0
        } else {
            tp as f64 / found as f64
        };
        let r = if wanted == 0 {
            1.0
        } else {
            tp as f64 / wanted as f64
        };
        (
            p,
            r,
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            },
        )
    };
    let (tp, found, wanted) = counts
        .values()
        .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let rows = counts
        .iter()
        .map(|(m, &(t, f, w))| {
            let (p, r, f1) = f1(t, f, w);
            (m.clone(), p, r, f1)
        })
        .collect();
    (f1(tp, found, wanted).2, rows)
}

/// The move reader on 170 labelled candidate turns (`tests/labelled/roleplay-turns-*`,
/// written and labelled from the moves' definitions without the reader's code): the dev
/// set was tuned on, the holdout never; the floors are the figures measured, less a margin.
#[test]
fn the_move_reader_holds_its_accuracy_on_labelled_turns() {
    for (file, floor) in [
        ("tests/labelled/roleplay-turns-dev.jsonl", 0.85),
        ("tests/labelled/roleplay-turns-holdout.jsonl", 0.68),
    ] {
        let (micro, rows) = move_figures(file);
        eprintln!("{file}: micro F1 {micro:.3}");
        for (m, p, r, f) in &rows {
            eprintln!("  {m:<13} precision {p:.3} recall {r:.3} F1 {f:.3}");
        }
        assert!(micro >= floor, "{file}: {micro:.3} < {floor}");
    }
}

#[test]
fn a_meeting_is_kept_in_the_history_and_shown_in_progress_and_the_report() {
    let home = crate::common::tempdir::TempHome::new();
    let h = home.0.to_str().unwrap();
    for name in ["strong", "capitulating"] {
        Run::new()
            .env("PREPCOACH_HOME", h)
            .args(&["roleplay", "--seed", "7"])
            .stdin(transcript(name))
            .ok();
    }
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["roleplay", "--seed", "7", "--no-save"])
        .stdin(transcript("strong"))
        .ok();
    let records = crate::history::export(&home.0);
    assert_eq!(records.len(), 2, "{records:?}");
    let (strong, weak) = (&records[0], &records[1]);
    assert_eq!(strong["question_id"], "roleplay:pipeline-alignment");
    assert_eq!(strong["kind"], "role-play");
    assert_eq!(strong["competency"], "negotiation");
    assert_eq!(strong["score"], 100);
    assert_eq!(weak["band"], "below");
    assert!(weak["answer"]
        .as_str()
        .unwrap()
        .contains("forget the tracking"));
    assert_eq!(weak["report"]["negatives"][0]["id"], "backs-down");
    let progress = Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["progress", "--format", "json"])
        .ok();
    let p: serde_json::Value = serde_json::from_str(&progress.stdout).unwrap();
    let kind = p["by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "role-play")
        .expect("role-play in progress");
    assert_eq!(kind["attempts"], 2);
    let page = home.0.join("report.md");
    Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["report", "--markdown", page.to_str().unwrap()])
        .ok();
    let md = std::fs::read_to_string(page).unwrap();
    assert!(md.contains("Role-play: Pipeline alignment"), "{md}");
    assert!(md.contains("(role-play)"), "{md}");
    assert!(md.contains("Don't give the key point away"), "{md}");
}

#[test]
fn roleplay_from_practice_plays_the_question_and_keeps_both() {
    let home = crate::common::tempdir::TempHome::new();
    let h = home.0.to_str().unwrap();
    let script = ":roleplay\n---\nThree things today: tracking, the MDF ask and disputes, ten minutes each.\n---\n:rubric\n---\n:end\n---\nI ran a pilot with two resellers and grew their pipeline 40% in a quarter.\n";
    let out = Run::new()
        .env("PREPCOACH_HOME", h)
        .args(&["practice", "--question", "kit-05"])
        .stdin(script)
        .ok();
    assert!(out.stdout.contains("Dana Reyes:"), "{}", out.stdout);
    assert!(out.stdout.contains("Anchors"), "{}", out.stdout);
    assert!(
        out.stdout.contains("back to the question"),
        "{}",
        out.stdout
    );
    let records = crate::history::export(&home.0);
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["role-play", "simulation"]);
    // A question with no scenario says so.
    let out = Run::new()
        .args(&["practice", "--question", "spm-01", "--no-save"])
        .stdin(":roleplay\n")
        .ok();
    assert!(
        out.stdout.contains("no role-play for this question"),
        "{}",
        out.stdout
    );
}

/// A few turns in a real terminal: the briefing, the partner's opening, a turn, `:hint`,
/// Tab completing a role-play command, `:end` and the debrief.
#[test]
fn a_role_play_in_a_pseudo_terminal() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;
    let home = crate::common::tempdir::TempHome::new();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_prepcoach"));
    cmd.args(["roleplay", "--seed", "3"])
        .env("PREPCOACH_HOME", &home.0)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "90");
    let mut p = spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(15_000))
            .strip_ansi_escape_codes(true),
    )
    .expect("spawn prepcoach in a pty");
    let prompt = |p: &mut rexpect::session::PtySession| {
        p.exp_string("\u{e2}\u{80}\u{ba} ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    p.exp_string("You are judged on").unwrap();
    p.exp_string("Dana Reyes:").unwrap();
    prompt(&mut p);
    p.send_line("Three things today: tracking, the MDF ask and disputes, ten minutes each.")
        .unwrap();
    p.exp_string("each.").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Dana Reyes:").unwrap();
    prompt(&mut p);
    p.send_line(":hint").unwrap();
    p.exp_string("Hint (Discovery):").unwrap();
    prompt(&mut p);
    // Tab completes the role-play's own commands.
    p.send(":rub\t").unwrap();
    p.flush().unwrap();
    p.exp_string(":rubric").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Anchors").unwrap();
    prompt(&mut p);
    p.send_line(":end").unwrap();
    p.exp_string("Debrief:").unwrap();
    p.exp_string("The partner's hidden concerns").unwrap();
    // The debrief offers :restart; Enter finishes.
    p.exp_string("to run the meeting again").unwrap();
    p.exp_string("next ").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_line("").unwrap();
    p.exp_eof().unwrap();
}
