//! Measures the checker against the hand-labelled answers in `tests/labelled/` (labelled by
//! the definitions in the project's labelling guide): per-part precision and recall, and
//! metric-span F1. The thresholds are the project's quality bar; the README states the
//! measured figures. Set `PREPCOACH_EVAL_VERBOSE=1` to list every disagreement.

use prepcoach::analysis::{analyze, QuestionContext, Rules};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    id: String,
    answer: String,
    parts: std::collections::BTreeMap<String, bool>,
    metrics: Vec<String>,
    #[serde(default)]
    note: String,
}

fn cases() -> Vec<Case> {
    let files: Vec<String> = match std::env::var("PREPCOACH_EVAL_FILES") {
        Ok(list) => list.split(',').map(String::from).collect(),
        Err(_) => vec![
            "tests/labelled/answers-a.jsonl".into(),
            "tests/labelled/answers-b.jsonl".into(),
            "tests/labelled/holdout-c.jsonl".into(),
        ],
    };
    let mut out = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            out.push(
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1)),
            );
        }
    }
    out
}

/// Byte spans of `needles` in `hay`, each found after the previous occurrence of the same text.
fn spans(hay: &str, needles: &[String]) -> Vec<(usize, usize)> {
    let mut used: Vec<(usize, usize)> = Vec::new();
    for n in needles {
        let mut from = 0;
        while let Some(i) = hay[from..].find(n.as_str()) {
            let s = (from + i, from + i + n.len());
            if !used.contains(&s) {
                used.push(s);
                break;
            }
            from += i + 1;
        }
    }
    used
}

fn borderline(note: &str) -> Vec<String> {
    let Some(rest) = note.strip_prefix("borderline:") else {
        return Vec::new();
    };
    let rest = rest.split(" — ").next().unwrap_or("");
    rest.split(';')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

struct Tally {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Tally {
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[test]
fn checker_meets_the_accuracy_bar_on_the_labelled_set() {
    let rules = Rules::builtin().unwrap();
    let cases = cases();
    let full = std::env::var_os("PREPCOACH_EVAL_FILES").is_none();
    assert!(
        !full || cases.len() >= 80,
        "the labelled set has {} answers",
        cases.len()
    );
    let verbose = std::env::var_os("PREPCOACH_EVAL_VERBOSE").is_some();
    let names = ["context", "approach", "example", "outcome", "learning"];
    let mut parts: Vec<Tally> = names
        .iter()
        .map(|_| Tally {
            tp: 0,
            fp: 0,
            fn_: 0,
        })
        .collect();
    let mut metrics = Tally {
        tp: 0,
        fp: 0,
        fn_: 0,
    };
    for c in &cases {
        let r = analyze(&c.answer, QuestionContext::default(), &rules);
        for (i, (name, got)) in r.parts.iter().enumerate() {
            let want = c.parts[name.as_str()];
            match (want, got.present) {
                (true, true) => parts[i].tp += 1,
                (false, true) => parts[i].fp += 1,
                (true, false) => parts[i].fn_ += 1,
                _ => {}
            }
            if verbose && want != got.present {
                let ev: Vec<&str> = got.evidence.iter().map(|e| e.text.as_str()).collect();
                eprintln!("{} {name}: want {want} got {} {:?}", c.id, got.present, ev);
            }
        }
        let gold = spans(&c.answer, &c.metrics);
        let skip = spans(&c.answer, &borderline(&c.note));
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut matched = vec![false; gold.len()];
        for m in &r.metrics {
            let p = (m.start, m.end);
            match gold.iter().position(|g| overlaps(*g, p)) {
                Some(g) if !matched[g] => {
                    matched[g] = true;
                    metrics.tp += 1;
                }
                Some(_) => {}
                None if skip.iter().any(|s| overlaps(*s, p)) => {}
                None => {
                    metrics.fp += 1;
                    if verbose {
                        eprintln!("{} metric FP: {:?}", c.id, m.text);
                    }
                }
            }
        }
        for (g, ok) in gold.iter().zip(&matched) {
            if !ok {
                metrics.fn_ += 1;
                if verbose {
                    eprintln!("{} metric FN: {:?}", c.id, &c.answer[g.0..g.1]);
                }
            }
        }
    }
    eprintln!("part        precision  recall   (n = {})", cases.len());
    for (n, t) in names.iter().zip(&parts) {
        eprintln!("{n:<10}  {:.3}      {:.3}", t.precision(), t.recall());
    }
    eprintln!(
        "metrics     {:.3}      {:.3}    F1 {:.3}",
        metrics.precision(),
        metrics.recall(),
        metrics.f1()
    );
    if !full {
        return;
    }
    for (n, t) in names.iter().zip(&parts) {
        assert!(
            t.precision() >= 0.85 && t.recall() >= 0.85,
            "{n}: precision {:.3} recall {:.3}",
            t.precision(),
            t.recall()
        );
    }
    assert!(metrics.f1() >= 0.90, "metric F1 {:.3}", metrics.f1());
}
