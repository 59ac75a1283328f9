//! A report as one line of compact JSON, for the batch mode (`check --format jsonl`).
//!
//! The bytes are exactly what `serde_json::to_writer` makes of the derived `Serialize` (a
//! test checks it on many reports), written by hand because a batch writes about five
//! bytes of JSON per byte of answer, most of it evidence text: serde's per-byte escaping
//! and per-field calls were a fifth of the batch mode's time.

use crate::analysis::substance::Substance;
use crate::analysis::{
    Breakdown, Coverage, CoverageItem, Delivery, Finding, Metric, PartReport, Report, Span,
};

/// Append `report` as compact JSON (no newline) to `out`.
pub fn write_report(out: &mut Vec<u8>, report: &Report) {
    out.extend_from_slice(b"{\"id\":");
    match &report.id {
        None => out.extend_from_slice(b"null"),
        // Writing a `Value` into memory cannot fail.
        Some(id) => {
            let _ = serde_json::to_writer(&mut *out, id);
        }
    }
    out.extend_from_slice(b",\"question_id\":");
    match &report.question_id {
        None => out.extend_from_slice(b"null"),
        Some(q) => string(out, q),
    }
    key(out, "words");
    number(out, report.words);
    key(out, "speaking_seconds");
    number(out, report.speaking_seconds as usize);
    key(out, "score");
    number(out, report.score as usize);
    key(out, "band");
    string(out, report.band.as_str());
    key(out, "breakdown");
    breakdown(out, &report.breakdown);
    out.extend_from_slice(b",\"parts\":{");
    for (i, (name, part)) in report.parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, name.as_str());
        out.push(b':');
        part_report(out, part);
    }
    out.push(b'}');
    key(out, "metrics");
    list(out, &report.metrics, metric);
    key(out, "vague_claims");
    list(out, &report.vague_claims, span);
    key(out, "coverage");
    coverage(out, &report.coverage);
    key(out, "findings");
    list(out, &report.findings, finding);
    key(out, "delivery");
    delivery(out, &report.delivery);
    key(out, "suggestions");
    list(out, &report.suggestions, |out, s| string(out, s));
    key(out, "substance");
    substance(out, &report.substance);
    key(out, "cap");
    match &report.cap {
        None => out.extend_from_slice(b"null"),
        Some(cap) => {
            out.extend_from_slice(b"{\"rule\":");
            string(out, cap.rule.as_str());
            key(out, "reason");
            string(out, &cap.reason);
            out.push(b'}');
        }
    }
    out.push(b'}');
}

fn substance(out: &mut Vec<u8>, s: &Substance) {
    out.extend_from_slice(b"{\"specifics\":");
    number(out, s.specifics);
    for (name, n) in [
        ("informative_sentences", s.informative_sentences),
        ("sentences", s.sentences),
        ("own_words", s.own_words),
        ("real_metrics", s.real_metrics),
    ] {
        key(out, name);
        number(out, n);
    }
    key(out, "number_soup");
    boolean(out, s.number_soup);
    key(out, "negated_cues");
    number(out, s.negated_cues);
    key(out, "affirmed_cues");
    number(out, s.affirmed_cues);
    key(out, "closest_other_topic");
    string(out, s.closest_other_topic);
    key(out, "topic_margin");
    // One float: serde writes it, so its digits are serde's.
    let _ = serde_json::to_writer(&mut *out, &s.topic_margin);
    key(out, "counterparties");
    number(out, s.counterparties);
    out.push(b'}');
}

/// `,"name":` — every key but an object's first.
fn key(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

fn list<T>(out: &mut Vec<u8>, items: &[T], each: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

fn breakdown(out: &mut Vec<u8>, b: &Breakdown) {
    out.extend_from_slice(b"{\"structure\":");
    number(out, b.structure as usize);
    key(out, "impact");
    number(out, b.impact as usize);
    key(out, "coverage");
    number(out, b.coverage as usize);
    key(out, "delivery");
    number(out, b.delivery as usize);
    key(out, "penalty");
    number(out, b.penalty as usize);
    out.push(b'}');
}

fn part_report(out: &mut Vec<u8>, p: &PartReport) {
    out.extend_from_slice(b"{\"present\":");
    boolean(out, p.present);
    key(out, "evidence");
    list(out, &p.evidence, span);
    out.push(b'}');
}

/// `"start":N,"end":N` — the span fields every located item begins with.
fn start_end(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b"\"start\":");
    number(out, start);
    key(out, "end");
    number(out, end);
}

fn span(out: &mut Vec<u8>, s: &Span) {
    out.push(b'{');
    start_end(out, s.start, s.end);
    key(out, "text");
    string(out, &s.text);
    out.push(b'}');
}

fn metric(out: &mut Vec<u8>, m: &Metric) {
    out.push(b'{');
    start_end(out, m.start, m.end);
    key(out, "text");
    string(out, &m.text);
    key(out, "kind");
    string(out, m.kind.as_str());
    if m.borderline {
        key(out, "borderline");
        out.extend_from_slice(b"true");
    }
    out.push(b'}');
}

fn coverage(out: &mut Vec<u8>, c: &Coverage) {
    out.extend_from_slice(b"{\"covered\":");
    list(out, &c.covered, coverage_item);
    key(out, "missing");
    list(out, &c.missing, coverage_item);
    out.push(b'}');
}

fn coverage_item(out: &mut Vec<u8>, c: &CoverageItem) {
    out.extend_from_slice(b"{\"kind\":");
    string(out, c.kind);
    key(out, "text");
    string(out, &c.text);
    key(out, "evidence");
    list(out, &c.evidence, span);
    if let Some(strength) = c.strength {
        key(out, "strength");
        string(out, strength.as_str());
    }
    out.push(b'}');
}

fn finding(out: &mut Vec<u8>, f: &Finding) {
    out.extend_from_slice(b"{\"rule\":");
    string(out, f.rule.as_str());
    key(out, "severity");
    string(out, f.severity.as_str());
    key(out, "message");
    string(out, &f.message);
    key(out, "start");
    number(out, f.start);
    key(out, "end");
    number(out, f.end);
    out.push(b'}');
}

fn delivery(out: &mut Vec<u8>, d: &Delivery) {
    out.extend_from_slice(b"{\"words\":");
    number(out, d.words);
    key(out, "speaking_seconds");
    number(out, d.speaking_seconds as usize);
    key(out, "budget_seconds");
    number(out, d.budget_seconds as usize);
    key(out, "pace");
    string(out, d.pace.as_key());
    key(out, "fillers");
    list(out, &d.fillers, span);
    key(out, "hedges");
    list(out, &d.hedges, span);
    key(out, "longest_sentence");
    match &d.longest_sentence {
        None => out.extend_from_slice(b"null"),
        Some(l) => {
            out.extend_from_slice(b"{\"words\":");
            number(out, l.words);
            key(out, "start");
            number(out, l.start);
            key(out, "end");
            number(out, l.end);
            out.push(b'}');
        }
    }
    out.push(b'}');
}

/// A JSON string, escaped as serde_json escapes it: `"` and `\` with a backslash, control
/// characters as `\n`-style or `\u00XX` escapes, everything else as is.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    // Eight bytes at a time, tested and copied in one pass: a chunk with nothing to escape
    // (nearly all of them) costs a few arithmetic operations and one store.
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        if needs_escape(u64::from_le_bytes(bytes)) {
            for &c in &bytes {
                byte(out, c);
            }
        } else {
            out.extend_from_slice(&bytes);
        }
    }
    chunks.remainder().iter().for_each(|&c| byte(out, c));
    out.push(b'"');
}

/// One byte of a JSON string, escaped if it must be.
fn byte(out: &mut Vec<u8>, c: u8) {
    match escape(c) {
        Some(esc) => esc.write(out),
        None => out.push(c),
    }
}

/// Whether any of eight bytes is a control character, `"` or `\` (exact: the classic
/// "has a byte less than n" and "has a zero byte" tests).
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    (control | zero_in(w ^ (ONES * u64::from(b'"'))) | zero_in(w ^ (ONES * u64::from(b'\\')))) != 0
}

/// How one byte is escaped in a JSON string, if it is.
enum Escape {
    Short(u8),
    Unicode(u8),
}

impl Escape {
    fn write(self, out: &mut Vec<u8>) {
        match self {
            Escape::Short(c) => out.extend_from_slice(&[b'\\', c]),
            Escape::Unicode(c) => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xf)],
                ]);
            }
        }
    }
}

fn escape(c: u8) -> Option<Escape> {
    match c {
        b'"' => Some(Escape::Short(b'"')),
        b'\\' => Some(Escape::Short(b'\\')),
        0x08 => Some(Escape::Short(b'b')),
        0x0c => Some(Escape::Short(b'f')),
        b'\n' => Some(Escape::Short(b'n')),
        b'\r' => Some(Escape::Short(b'r')),
        b'\t' => Some(Escape::Short(b't')),
        0..=0x1f => Some(Escape::Unicode(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, QuestionContext, Rules};
    use proptest::prelude::*;

    fn same_as_serde(answer: &str, ctx: QuestionContext, rules: &Rules) {
        let mut report = analyze(answer, ctx, rules);
        report.id = Some(serde_json::json!({"n": 1, "s": "a\"b"}));
        let mut ours = Vec::new();
        write_report(&mut ours, &report);
        let theirs = serde_json::to_vec(&report).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn labelled_answers_with_and_without_questions_match_serde() {
        let rules = Rules::builtin().unwrap();
        let catalog = crate::Catalog::builtin().unwrap();
        let q = catalog.question("spm-01").unwrap();
        for file in ["answers-a", "answers-b", "holdout-c"] {
            let path = format!("{}/tests/labelled/{file}.jsonl", env!("CARGO_MANIFEST_DIR"));
            for line in std::fs::read_to_string(path).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let answer = v["answer"].as_str().unwrap();
                same_as_serde(answer, QuestionContext::default(), &rules);
                same_as_serde(answer, QuestionContext::of(q), &rules);
            }
        }
    }

    #[test]
    fn every_control_character_quote_and_backslash_escapes_as_serde_does() {
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "é—“”😀";
        for s in [all.as_str(), "\"", "\\", "abcdefgh\u{1b}", "abcdefg\"h\\"] {
            let mut ours = Vec::new();
            string(&mut ours, s);
            assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn random_text_escapes_as_serde_does(s in "\\PC*|[\\x00-\\x7f]*") {
            let mut ours = Vec::new();
            string(&mut ours, &s);
            prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        }

        #[test]
        fn reports_on_random_answers_match_serde(
            s in "([A-Za-z]{1,9}|[0-9]{1,4}|[ .,%$\"\\n\\t\\x1b-]|from|to|I|we|led|signed|grew){0,60}"
        ) {
            same_as_serde(&s, QuestionContext::default(), &Rules::builtin().unwrap());
        }
    }
}
