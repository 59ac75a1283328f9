//! `prepcoach progress` and `report --html` over a history of 200 attempts: loading the
//! records from SQLite, summarising them, rendering the page.

use divan::Bencher;
use prepcoach::analysis::{analyze, QuestionContext, Rules};
use prepcoach::history::progress::progress;
use prepcoach::history::{Record, Store};
use prepcoach::render::share::history_html;
use prepcoach::Catalog;

fn main() {
    divan::main();
}

/// A history of 200 real checked attempts over the built-in questions.
fn history() -> (std::path::PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!("prepcoach-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("history.sqlite3");
    let store = Store::open(&path).unwrap();
    let catalog = Catalog::builtin().unwrap();
    let rules = Rules::builtin().unwrap();
    let qs: Vec<_> = catalog.all_questions().collect();
    for i in 0..200 {
        let q = qs[i % qs.len()];
        let text = q.question.model_answer.full_text();
        let answer: String = text
            .split_whitespace()
            .take(40 + (i * 7) % 200)
            .collect::<Vec<_>>()
            .join(" ");
        let report = analyze(&answer, QuestionContext::of(q), &rules);
        store
            .save(&Record {
                at: prepcoach::history::unix_to_rfc3339(1_790_000_000 + i as i64 * 3600),
                question_id: q.question.id.clone(),
                bank_id: q.bank.id.clone(),
                competency: q.question.competency.clone(),
                kind: q.question.kind.to_string(),
                answer,
                score: report.score,
                band: report.band.as_str().into(),
                missing: report
                    .parts
                    .missing()
                    .iter()
                    .map(std::string::ToString::to_string)
                    .collect(),
                report: serde_json::to_value(&report).unwrap(),
                seconds: 90.0,
                hint_seen: false,
                model_seen: false,
                retry: false,
                followup: false,
                drill: None,
                session: String::new(),
                follow_up_question: None,
            })
            .unwrap();
    }
    (path, qs.iter().map(|q| q.question.id.clone()).collect())
}

#[divan::bench]
fn progress_of_200_attempts(b: Bencher) {
    let (path, ids) = history();
    b.bench(|| {
        let store = Store::open(&path).unwrap();
        progress(&store.all().unwrap(), &ids).attempts
    });
}

#[divan::bench]
fn html_report_of_200_attempts(b: Bencher) {
    let (path, ids) = history();
    b.bench(|| {
        let store = Store::open(&path).unwrap();
        let records = store.all().unwrap();
        let texts = std::collections::BTreeMap::new();
        history_html(
            &progress(&records, &ids),
            &records,
            &texts,
            "2026-11-28T00:00:00Z",
        )
        .len()
    });
}
