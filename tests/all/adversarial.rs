//! The score refuses to reward the imitation of a good answer. `tests/data/adversarial/`
//! holds answers written for the purpose, each labelled with the band a strict interviewer
//! would give: gamed ones (skeletons, cue lists, empty STAR labels, off-topic stories,
//! copies of model answers, repeats, denials, number soup, plans for "tell me about a
//! time", keyword salad), excellent ones of every shape, and honest weak ones.
//!
//! `dev.jsonl` was used while tuning the checker, and this test holds it exactly: every
//! gamed and weak answer below, every excellent one at meets or above, so every excellent
//! answer ranks above every gamed one. `holdout.jsonl`, `holdout2.jsonl` and
//! `holdout3.jsonl` were written later by people who had not seen the rules and measured
//! before anything was changed for them (the README gives those first figures); they are
//! held to a floor, and their figures are printed
//! (`cargo test --test all adversarial -- --nocapture`).

use prepcoach::analysis::{Band, Checker, QuestionContext, Report, Rules};
use prepcoach::Catalog;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    id: String,
    question_id: String,
    follow_up: Option<usize>,
    category: String,
    class: String,
    band: String,
    answer: String,
}

fn cases(file: &str) -> Vec<Case> {
    let path = format!(
        "{}/tests/data/adversarial/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1)))
        .collect()
}

/// Each case with the checker's report.
fn checked(file: &str) -> Vec<(Case, Report)> {
    let catalog = Catalog::builtin().unwrap();
    let checker = Checker::new(Rules::builtin().unwrap()).with_models(&catalog);
    cases(file)
        .into_iter()
        .map(|c| {
            let q = catalog.question(&c.question_id).unwrap();
            let mut ctx = QuestionContext::of(q);
            if let Some(i) = c.follow_up {
                ctx = ctx.with_follow_up(&q.question.follow_ups[i]);
            }
            let r = checker.check(&c.answer, ctx);
            (c, r)
        })
        .collect()
}

/// Whether the checker's band is on the right side: below for gamed and weak answers,
/// meets or above for excellent ones.
fn right_side(c: &Case, r: &Report) -> bool {
    match c.class.as_str() {
        "excellent" => r.band >= Band::Meets,
        _ => r.band == Band::Below,
    }
}

/// The share on the right side, per class, printed; the cases on the wrong side.
fn figures(name: &str, all: &[(Case, Report)]) -> (f64, Vec<String>) {
    let mut wrong = Vec::new();
    for class in ["gamed", "excellent", "honest-weak"] {
        let of: Vec<_> = all.iter().filter(|(c, _)| c.class == class).collect();
        let ok = of.iter().filter(|(c, r)| right_side(c, r)).count();
        eprintln!("{name}: {class} on the right side {ok} of {}", of.len());
    }
    let exact = all
        .iter()
        .filter(|(c, r)| r.band.as_str() == c.band)
        .count();
    eprintln!("{name}: same band as the label {exact} of {}", all.len());
    for (c, r) in all.iter().filter(|(c, r)| !right_side(c, r)) {
        wrong.push(format!(
            "{} {} ({}): labelled {}, got {} {}{}",
            c.id,
            c.category,
            c.question_id,
            c.band,
            r.score,
            r.band.as_str(),
            r.cap
                .as_ref()
                .map(|cap| format!(" ({})", cap.reason))
                .unwrap_or_default()
        ));
    }
    let share = 1.0 - wrong.len() as f64 / all.len().max(1) as f64;
    (share, wrong)
}

#[test]
fn gamed_answers_stay_below_and_excellent_ones_reach_meets() {
    let dev = checked("dev.jsonl");
    assert!(dev.len() >= 80, "the tuning set has {} answers", dev.len());
    let (_, wrong) = figures("dev", &dev);
    assert!(wrong.is_empty(), "on the wrong side:\n{}", wrong.join("\n"));
    // So every excellent answer ranks above every gamed one (band first, then score).
    let rank = |r: &Report| (r.band, r.score);
    let worst_excellent = dev
        .iter()
        .filter(|(c, _)| c.class == "excellent")
        .map(|(_, r)| rank(r))
        .min()
        .unwrap();
    let best_gamed = dev
        .iter()
        .filter(|(c, _)| c.class == "gamed")
        .map(|(_, r)| rank(r))
        .max()
        .unwrap();
    assert!(
        worst_excellent > best_gamed,
        "{worst_excellent:?} vs {best_gamed:?}"
    );
}

#[test]
fn held_out_answers_land_on_the_right_side() {
    for (file, size) in [
        ("holdout.jsonl", 40),
        ("holdout2.jsonl", 60),
        ("holdout3.jsonl", 70),
    ] {
        let all = checked(file);
        assert!(all.len() >= size, "{file} has {} answers", all.len());
        let (share, wrong) = figures(file, &all);
        for w in &wrong {
            eprintln!("  {w}");
        }
        assert!(
            share >= 0.85,
            "{file}: {:.0}% on the right side:\n{}",
            share * 100.0,
            wrong.join("\n")
        );
    }
}
