//! Measures the checker against the hand-labelled answers in `tests/labelled/` (labelled by
//! the definitions in the project's labelling guide), each set by itself: per-part
//! precision, recall and F1, and metric-span F1 both as any overlap and as an overlap of at
//! least half the two spans' union (a fragment of the phrase is no match). The thresholds
//! are the project's quality bar; the README states the measured figures. Set `PREPCOACH_EVAL_VERBOSE=1` to list every disagreement.

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

fn cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        out.push(serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", i + 1)));
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

#[derive(Default)]
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
    fn add(&mut self, o: &Tally) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// The figures of one set of answers: per part, and metric spans matched two ways.
#[derive(Default)]
struct Figures {
    answers: usize,
    parts: [Tally; 5],
    /// A found span counts when it overlaps a labelled one at all…
    metrics_any: Tally,
    /// …or only when the overlap is at least half of the two spans' union.
    metrics_half: Tally,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.answers += o.answers;
        for (a, b) in self.parts.iter_mut().zip(&o.parts) {
            a.add(b);
        }
        self.metrics_any.add(&o.metrics_any);
        self.metrics_half.add(&o.metrics_half);
    }

    fn print(&self, name: &str) {
        eprintln!("{name} (n = {})", self.answers);
        eprintln!("  part        precision  recall  F1");
        for (n, t) in NAMES.iter().zip(&self.parts) {
            eprintln!(
                "  {n:<10}  {:.3}      {:.3}   {:.3}",
                t.precision(),
                t.recall(),
                t.f1()
            );
        }
        for (n, t) in [("any", &self.metrics_any), ("half", &self.metrics_half)] {
            eprintln!(
                "  metrics/{n:<4} {:.3}      {:.3}   {:.3}",
                t.precision(),
                t.recall(),
                t.f1()
            );
        }
    }
}

const NAMES: [&str; 5] = ["context", "approach", "example", "outcome", "learning"];

/// Labelled spans matched with found ones: a labelled span is matched once; a found span
/// that matches none and overlaps no borderline span is a false positive.
fn match_spans(
    gold: &[(usize, usize)],
    skip: &[(usize, usize)],
    found: &[(usize, usize)],
    good: impl Fn((usize, usize), (usize, usize)) -> bool,
    mut report: impl FnMut(&str, (usize, usize)),
) -> Tally {
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut t = Tally::default();
    let mut matched = vec![false; gold.len()];
    for &p in found {
        match gold.iter().position(|g| good(*g, p)) {
            Some(g) if !matched[g] => {
                matched[g] = true;
                t.tp += 1;
            }
            Some(_) => {}
            None if gold.iter().any(|g| overlaps(*g, p)) => {
                // Overlaps a labelled span, but not enough: a wrong span, and a miss.
                t.fp += 1;
                report("metric FP (part of a span)", p);
            }
            None if skip.iter().any(|s| overlaps(*s, p)) => {}
            None => {
                t.fp += 1;
                report("metric FP", p);
            }
        }
    }
    for (g, ok) in gold.iter().zip(&matched) {
        if !ok {
            t.fn_ += 1;
            report("metric FN", *g);
        }
    }
    t
}

fn measure(cases: &[Case], rules: &Rules, verbose: bool) -> Figures {
    let mut fig = Figures {
        answers: cases.len(),
        ..Figures::default()
    };
    for c in cases {
        let r = analyze(&c.answer, QuestionContext::default(), rules);
        for (i, (name, got)) in r.parts.iter().enumerate() {
            let want = c.parts[name.as_str()];
            let t = &mut fig.parts[i];
            match (want, got.present) {
                (true, true) => t.tp += 1,
                (false, true) => t.fp += 1,
                (true, false) => t.fn_ += 1,
                _ => {}
            }
            if verbose && want != got.present {
                let ev: Vec<&str> = got.evidence.iter().map(|e| e.text.as_str()).collect();
                eprintln!("{} {name}: want {want} got {} {:?}", c.id, got.present, ev);
            }
        }
        let gold = spans(&c.answer, &c.metrics);
        let skip = spans(&c.answer, &borderline(&c.note));
        let found: Vec<(usize, usize)> = r.metrics.iter().map(|m| (m.start, m.end)).collect();
        let any = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let half = |a: (usize, usize), b: (usize, usize)| {
            let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
            let union = a.1.max(b.1) - a.0.min(b.0);
            2 * inter >= union
        };
        fig.metrics_any = {
            let mut t = std::mem::take(&mut fig.metrics_any);
            t.add(&match_spans(&gold, &skip, &found, any, |_, _| {}));
            t
        };
        let show = |what: &str, (a, b): (usize, usize)| {
            if verbose {
                eprintln!("{} {what}: {:?}", c.id, &c.answer[a..b]);
            }
        };
        fig.metrics_half
            .add(&match_spans(&gold, &skip, &found, half, show));
    }
    fig
}

/// The labelled sets: each file by itself, with the bar it is held to.
fn sets() -> Vec<(String, Bar)> {
    match std::env::var("PREPCOACH_EVAL_FILES") {
        Ok(list) => list.split(',').map(|f| (f.to_string(), FLOOR)).collect(),
        Err(_) => SETS.iter().map(|(f, bar)| (f.to_string(), *bar)).collect(),
    }
}

/// The least F1 a set may show: per part, metric spans by any overlap, and by half.
#[derive(Clone, Copy)]
struct Bar {
    part: f64,
    metric_any: f64,
    metric_half: f64,
}

/// The target for every set (parts 0.90, metrics 0.92 and 0.85); the sets that
/// reach it are held to it.
const TARGET: Bar = Bar {
    part: 0.90,
    metric_any: 0.92,
    metric_half: 0.85,
};

/// Where the newest sets stand (D and F tuned on, E held out): held there until they reach
/// the target, so a change that loses ground on them fails.
const FLOOR: Bar = Bar {
    part: 0.75,
    metric_any: 0.85,
    metric_half: 0.70,
};

const SETS: [(&str, Bar); 6] = [
    ("tests/labelled/answers-a.jsonl", TARGET),
    ("tests/labelled/answers-b.jsonl", TARGET),
    ("tests/labelled/holdout-c.jsonl", TARGET),
    ("tests/labelled/answers-d.jsonl", FLOOR),
    ("tests/labelled/holdout-e.jsonl", FLOOR),
    ("tests/labelled/answers-f.jsonl", FLOOR),
];

#[test]
fn checker_meets_the_accuracy_bar_on_the_labelled_set() {
    let rules = Rules::builtin().unwrap();
    let full = std::env::var_os("PREPCOACH_EVAL_FILES").is_none();
    let verbose = std::env::var_os("PREPCOACH_EVAL_VERBOSE").is_some();
    let mut all = Figures::default();
    let mut each = Vec::new();
    for (file, bar) in sets() {
        let cases = cases(&file);
        let fig = measure(&cases, &rules, verbose);
        fig.print(&file);
        all.add(&fig);
        each.push((file, bar, fig));
    }
    all.print("all");
    if !full {
        return;
    }
    assert!(
        all.answers >= 200,
        "the labelled set has {} answers",
        all.answers
    );
    for (file, bar, fig) in &each {
        for (n, t) in NAMES.iter().zip(&fig.parts) {
            assert!(
                t.f1() >= bar.part,
                "{file}: {n}: F1 {:.3} (precision {:.3} recall {:.3})",
                t.f1(),
                t.precision(),
                t.recall()
            );
        }
        assert!(
            fig.metrics_any.f1() >= bar.metric_any && fig.metrics_half.f1() >= bar.metric_half,
            "{file}: metric F1 {:.3} (any overlap), {:.3} (half)",
            fig.metrics_any.f1(),
            fig.metrics_half.f1()
        );
    }
}
