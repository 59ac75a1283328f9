//! Every built-in model answer must be what it teaches: all five parts, at least one
//! metric, first person, 180–350 words, and a score in the "exceeds" band.

use prepcoach::analysis::{analyze, Band, QuestionContext, Rules};
use prepcoach::Catalog;

#[test]
fn every_model_answer_has_all_parts_a_metric_and_exceeds() {
    let catalog = Catalog::builtin().unwrap();
    let rules = Rules::builtin().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for q in catalog.all_questions() {
        n += 1;
        let text = q.question.model_answer.full_text();
        let words = text.split_whitespace().count();
        let r = analyze(&text, QuestionContext::of(q), &rules);
        let missing = r.parts.missing();
        let first_person = text
            .split_whitespace()
            .any(|w| w == "I" || w.starts_with("I'") || w.starts_with("I’"));
        if !missing.is_empty()
            || r.metrics.is_empty()
            || r.band != Band::Exceeds
            || !(180..=350).contains(&words)
            || !first_person
        {
            failures.push(format!(
                "{}: missing {:?}, {} metrics, score {} {:?} {:?} {:?}, {} words, findings {:?}",
                q.question.id,
                missing,
                r.metrics.len(),
                r.score,
                r.band,
                r.breakdown,
                r.cap,
                words,
                r.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
            ));
        }
    }
    assert!(n >= 65, "only {n} questions");
    assert!(
        failures.is_empty(),
        "{} of {n} model answers fall short:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
