//! The practice session end to end: scripted through standard input, and interactive
//! through a real pseudo-terminal (rexpect), where output is matched by substring because
//! the terminal adds control sequences.

use crate::common::Run;

const STRONG: &str = "At a payments company, our largest reseller had missed its pipeline target by 40% two quarters in a row. I pulled their deal registrations, met their sales director and agreed a recovery plan with weekly pipeline reviews. In one review I found that two reps owned every deal, so I ran enablement for six more of their sellers. Within two quarters their pipeline grew 55% and they signed 12 new customers worth $1.4M. Since then I check rep coverage before I look at any partner's numbers.";

#[test]
fn scripted_session_shows_feedback_before_the_model_answer_and_compares_retries() {
    let script = format!("We talked to a partner.\n---\n:retry\n---\n{STRONG}\n---\n:followup\n---\nRevenue grew 30% within a year.\n---\n:hint\n---\n:next\n---\n:skip\n---\nWe signed two partners.\n");
    let out = Run::new()
        .args(&[
            "practice",
            "--question",
            "spm-03",
            "--question",
            "kit-02",
            "--question",
            "spm-05",
        ])
        .stdin(script)
        .ok();
    let s = &out.stdout;
    assert!(!s.contains('\x1b'), "piped output has no escape codes");
    let feedback = s.find("── Feedback").unwrap();
    let model = s.find("── What a strong answer looks like").unwrap();
    assert!(feedback < model);
    assert!(
        s.contains("Question 1/3 spm-03")
            && s.contains("Question 2/3 kit-02")
            && s.contains("Question 3/3 spm-05"),
        "{s}"
    );
    assert!(
        s.contains("Compared with your last try") && s.contains("Fixed: "),
        "{s}"
    );
    assert!(s.contains("Feedback on your follow-up"));
    assert!(s.contains("The interviewer listens for"));
    assert!(
        s.contains("Session summary") && s.contains("spm-03") && s.contains("2 tries"),
        "{s}"
    );
    assert!(s.contains("skipped: kit-02"), "{s}");
    assert!(s.contains("Practise next:"));
}

/// A script has no terminal for an editor: `:edit` says so and the session goes on (it used
/// to start the editor on a pipe and wait for ever).
#[test]
fn edit_without_a_terminal_is_refused_not_hung() {
    let out = Run::new()
        .env("EDITOR", "sleep 600")
        .env("VISUAL", "sleep 600")
        .args(&["practice", "--question", "spm-03", "--no-save"])
        .stdin(format!(":edit\n---\n{STRONG}\n"))
        .ok();
    assert!(
        out.stdout.contains(":edit needs a terminal"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("── Feedback"), "the session went on");
}

/// An answer over 1 MB (a paste gone wrong) is neither checked nor kept.
#[test]
fn an_answer_over_a_megabyte_is_not_checked_or_kept() {
    let home = crate::common::tempdir::TempHome::new();
    let out = Run::new()
        .env("PREPCOACH_HOME", home.0.to_str().unwrap())
        .args(&["practice", "--question", "spm-03"])
        .stdin(format!("{}\n", "word ".repeat(250_000)))
        .ok();
    assert!(
        out.stdout.contains("over the limit of 1000000"),
        "{}",
        &out.stdout[..300.min(out.stdout.len())]
    );
    assert!(!out.stdout.contains("── Feedback"));
    let export = Run::new()
        .env("PREPCOACH_HOME", home.0.to_str().unwrap())
        .args(&["history", "export"])
        .ok();
    assert!(export.stdout.trim().is_empty(), "nothing kept");
}

/// `practice --bank my-bank.json` practises that bank's questions (it loaded the file and
/// then asked five random questions from every bank).
#[test]
fn a_bank_named_by_its_file_is_the_one_practised() {
    let out = Run::new()
        .args(&[
            "practice",
            "--bank",
            &crate::common::fixture("banks/valid.json"),
            "--no-save",
        ])
        .stdin(format!("{STRONG}\n"))
        .ok();
    assert!(out.stdout.contains("Question 1/1 cc-01"), "{}", out.stdout);
}

#[test]
fn default_session_starts_with_five_mixed_questions_and_explains_how_to_submit() {
    let out = Run::new().stdin("").ok();
    assert!(
        out.stdout.contains("5 questions to practise"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Question 1/5"));
    assert!(out.stdout.contains("No answers this time"));
}

#[test]
fn no_score_hides_numbers_and_bands_but_keeps_findings() {
    let out = Run::new()
        .args(&["practice", "--question", "spm-01", "--no-score"])
        .stdin("We basically did a lot of calls.\n")
        .ok();
    assert!(!out.stdout.contains("Score "), "{}", out.stdout);
    assert!(out.stdout.contains("Findings") && out.stdout.contains("filler"));
}

#[test]
fn same_seed_same_questions_and_filters_are_checked() {
    let ids = |seed: &str| {
        let out = Run::new()
            .args(&[
                "practice",
                "--count",
                "3",
                "--seed",
                seed,
                "--kind",
                "behavioral",
            ])
            .stdin("")
            .ok();
        out.stdout
            .lines()
            .filter(|l| l.starts_with("Question"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("42"), ids("42"));
    let out = Run::new()
        .args(&["practice", "--kind", "concept", "--bank", "spm-behavioral"])
        .stdin("")
        .fails();
    assert!(out.stderr.contains("no question matches"), "{}", out.stderr);
}

#[test]
fn answers_with_escape_sequences_are_shown_safely() {
    let out = Run::new()
        .args(&["practice", "--question", "spm-01"])
        .stdin("I \x1b[2Jsigned 3 partners \x07and grew 20%.\n")
        .ok();
    assert!(!out.stdout.contains('\x1b') && !out.stdout.contains('\x07'));
    // Not vacuous: the answer is quoted in the feedback, its control characters escaped.
    assert!(out.stdout.contains("── Feedback"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("I \\u{1b}[2Jsigned 3 partners \\u{7}and grew 20%."),
        "{}",
        out.stdout
    );
}

mod pty {
    use rexpect::reader::Options;
    use rexpect::session::{spawn_with_options, PtySession};
    use std::process::Command;

    fn start(args: &[&str], home: &std::path::Path) -> PtySession {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_prepcoach"));
        cmd.args(args)
            .env("PREPCOACH_HOME", home)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100");
        spawn_with_options(
            cmd,
            Options::new()
                .timeout_ms(Some(15_000))
                .strip_ansi_escape_codes(true),
        )
        .expect("spawn prepcoach in a pty")
    }

    /// Wait for the answer prompt "› " (rexpect reads bytes as Latin-1, so match the UTF-8
    /// bytes of "›"), then a moment: the line editor probes the terminal after drawing the
    /// prompt and discards what arrives during the probe, which only a program types fast
    /// enough to hit.
    fn prompt(p: &mut PtySession) {
        p.exp_string("\u{e2}\u{80}\u{ba} ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
    }

    #[test]
    fn interactive_session_through_a_pseudo_terminal() {
        let home = crate::common::tempdir::TempHome::new();
        let mut p = start(
            &["practice", "--question", "spm-01", "--question", "kit-02"],
            &home.0,
        );
        p.exp_string("press Enter on an empty line").unwrap();
        p.exp_string("Question 1/2").unwrap();
        prompt(&mut p);
        // :hint shows what the interviewer listens for.
        p.send_line(":hint").unwrap();
        p.exp_string("The interviewer listens for").unwrap();
        prompt(&mut p);
        // Ctrl-C on a draft discards it and keeps the session.
        p.send("a half-written draft").unwrap();
        p.flush().unwrap();
        p.exp_string("draft").unwrap();
        p.send_control('c').unwrap();
        p.exp_string("draft cleared").unwrap();
        prompt(&mut p);
        // A pasted multi-paragraph answer arrives whole: one Enter submits it.
        let pasted = "At a fintech, our biggest bank partner had stalled at 2% of new revenue.\n\nI mapped their branches, ran joint training and agreed a co-sell plan. Within two quarters referrals doubled and we signed 14 new accounts worth $900K.\n\nSince then I start with the partner's sellers, not their executives.\n";
        p.send(&format!("\x1b[200~{pasted}\x1b[201~")).unwrap();
        p.flush().unwrap();
        p.exp_string("executives.").unwrap();
        p.send("\r").unwrap();
        p.flush().unwrap();
        p.exp_string("Feedback").unwrap();
        p.exp_string("$900K (money)").unwrap();
        p.exp_string("What a strong answer looks like").unwrap();
        p.exp_string("next ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        // :retry asks again and compares.
        p.send_line(":retry").unwrap();
        p.exp_string("Question 1/2").unwrap();
        prompt(&mut p);
        p.send_line("I set up a meeting with the partner.").unwrap();
        p.exp_string("partner.").unwrap();
        p.send_line("").unwrap();
        p.exp_string("Compared with your last try").unwrap();
        p.exp_string("next ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_line("").unwrap();
        p.exp_string("Question 2/2").unwrap();
        prompt(&mut p);
        // Ctrl-D ends the session with its summary.
        p.send_control('d').unwrap();
        p.exp_string("Session summary").unwrap();
        p.exp_string("spm-01").unwrap();
        p.exp_eof().unwrap();
        assert!(
            home.0.join("history.txt").exists(),
            "line history is kept between sessions"
        );
    }

    /// With colour on in a real terminal, the whole session — question, coverage list,
    /// findings, model answer, summary — carries colour as escape codes and never as the
    /// literal text of one (`\u{1b}[32m✓`, which once showed in every coverage line).
    #[test]
    fn a_coloured_session_shows_colours_and_never_escape_text() {
        let home = crate::common::tempdir::TempHome::new();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_prepcoach"));
        cmd.args(["practice", "--question", "spm-03", "--color", "always"])
            .env("PREPCOACH_HOME", &home.0)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env("COLUMNS", "60");
        let mut p = spawn_with_options(
            cmd,
            Options::new()
                .timeout_ms(Some(15_000))
                .strip_ansi_escape_codes(false),
        )
        .expect("spawn prepcoach in a pty");
        let mut seen = p.exp_string("Question 1/1").unwrap();
        seen += &p.exp_string("\u{e2}\u{80}\u{ba} ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let answer = "At a SaaS company our reseller in Poland missed its target by 25%. I met their sales director, agreed a recovery plan and ran weekly pipeline reviews with their team. Within two quarters they were at 110% of target. Since then I agree joint targets in the first month.";
        p.send(&format!("\x1b[200~{answer}\n\x1b[201~")).unwrap();
        p.flush().unwrap();
        seen += &p.exp_string("first month.").unwrap();
        p.send("\r").unwrap();
        p.flush().unwrap();
        seen += &p.exp_string("What a strong answer looks like").unwrap();
        seen += &p.exp_string("next ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('d').unwrap();
        seen += &p.exp_eof().unwrap();
        assert!(seen.contains("Coverage"), "{seen}");
        assert!(seen.contains('\x1b'), "colour is on: escape codes are sent");
        assert!(
            !seen.contains("\\u{1b}") && !seen.contains("\\x1b") && !seen.contains("\\e["),
            "escape codes shown as text:\n{seen}"
        );
    }
}

/// A typed name is matched whatever its case, and a typo is said with the nearest name,
/// the same one every run (`--competency negotation` found "no question" before; `show
/// SPM-03` found nothing).
#[test]
fn names_are_matched_in_any_case_and_typos_get_the_nearest() {
    let out = Run::new()
        .args(&["practice", "--competency", "negotation", "--no-save"])
        .stdin("x\n")
        .fails();
    assert!(
        out.stderr
            .contains("no competency `negotation`; did you mean `negotiation`?"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(&["show", "SPM-03"]).ok();
    assert!(out.stdout.starts_with("spm-03"), "{}", out.stdout);
    let first = Run::new().args(&["show", "spm-3"]).fails().stderr;
    for _ in 0..3 {
        assert_eq!(Run::new().args(&["show", "spm-3"]).fails().stderr, first);
    }
    // Kinds, levels, rounds and banks: any case, the nearest name, or the list there is.
    for (args, want) in [
        (&["--kind", "behavorial"][..], "unknown kind `behavorial`; did you mean `behavioral`?"),
        (&["--level", "seniour"][..], "unknown level `seniour`; did you mean `senior`?"),
        (&["--bank", "spm-behavior"][..], "did you mean `spm-behavioral`?"),
        (
            &["--round", "finall"][..],
            "no round `finall`; the rounds there are: deep-dive, presentation, resume, role-play, screen, video (`prepcoach list rounds`)",
        ),
    ] {
        let out = Run::new().args(&[&["questions"][..], args].concat()).fails();
        assert!(out.stderr.contains(want), "{want}: {}", out.stderr);
    }
    let out = Run::new()
        .args(&["questions", "--kind", "SITUATIONAL", "--level", "Senior"])
        .ok();
    assert!(out.stdout.contains("situational"), "{}", out.stdout);
    let out = Run::new()
        .args(&[
            "questions",
            "--bank",
            "SPM-Behavioral",
            "--kind",
            "BEHAVIORAL",
        ])
        .ok();
    assert!(out.stdout.starts_with("spm-01"), "{}", out.stdout);
    Run::new().args(&["list", "Competencies"]).ok();
}

/// With no command the practice options work as they do after `practice`
/// (`prepcoach --question spm-03` was rejected); before another command they are an error,
/// not silently ignored.
#[test]
fn practice_options_work_without_the_command() {
    let out = Run::new()
        .args(&["--question", "spm-03", "--no-save"])
        .stdin(format!("{STRONG}\n"))
        .ok();
    assert!(out.stdout.contains("Question 1/1 spm-03"), "{}", out.stdout);
    let out = Run::new().args(&["--question", "spm-03", "banks"]).fails();
    assert!(
        out.stderr.contains("practice options go after"),
        "{}",
        out.stderr
    );
}

/// A session whose every answer reached the exceeds level is not told to practise the
/// competency it just did well in, but to go on to questions not tried yet.
#[test]
fn a_strong_session_is_sent_onward_not_back() {
    let strong = "At a payroll software company, our biggest reseller in Benelux had fallen 40% behind its pipeline plan for two quarters, and it carried 18% of our regional revenue. I pulled their deal registrations and win/loss notes, then met their sales director with our regional sales lead and finance partner. The data showed two of their nine reps owned every deal, so I proposed a joint recovery plan: I ran enablement for the other seven sellers, set up a fortnightly pipeline review and funded a co-marketing push on mid-market accounts. Within two quarters their pipeline grew 55%, they signed 12 new customers worth $1.4M, and the account moved back above plan. Since then I look at rep coverage before I look at a partner's totals.";
    let out = Run::new()
        .args(&["practice", "--question", "pdm-05", "--no-save"])
        .stdin(format!("{strong}\n"))
        .ok();
    let s = out.stdout.replace('\n', " ");
    assert!(s.contains("pdm-05      88  exceeds"), "{}", out.stdout);
    assert!(
        !s.contains("Practise next: partner-enablement"),
        "{}",
        out.stdout
    );
    assert!(
        s.contains("Every question you answered reached 80 or more."),
        "{}",
        out.stdout
    );
}
