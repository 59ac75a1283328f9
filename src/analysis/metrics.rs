//! Finding quantified impact: percentages, money, multipliers, counts, durations, fractions
//! and before → after changes, each with its span and kind.
//!
//! The shapes are regular expressions compiled once per process (lazily, only when an
//! answer is checked); what is *not* a metric — years, list numbering, idioms with "one",
//! times of day, identifiers, hyperbole, tenure, headcount — is decided by the filters below,
//! following the definitions in the project's labelling guide.

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

/// What a metric measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    Percent,
    Money,
    Multiplier,
    Change,
    Duration,
    Fraction,
    Count,
}

/// One quantified span of the answer (byte offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metric {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MetricKind,
}

const NUM_WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a dozen|dozen|half a dozen|a couple of)";

fn num() -> String {
    format!(
        r"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{w}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?: hundred| thousand)?)",
        w = NUM_WORD
    )
}

const UNIT_TIME: &str = r"(?:business days?|working days?|days?|weeks?|months?|quarters?|years?|hours?|minutes?|sprints?)";

/// A pattern's text, compiled on first use: a run compiles only the shapes its answers
/// could contain (compiling is what a one-answer check spends most of its time on).
struct Lazy {
    source: String,
    regex: OnceLock<Regex>,
}

impl Lazy {
    fn new(source: String) -> Self {
        Lazy {
            source,
            regex: OnceLock::new(),
        }
    }

    fn get(&self) -> &Regex {
        self.regex.get_or_init(|| {
            regex::RegexBuilder::new(&self.source)
                .unicode(false)
                .build()
                .expect("metric patterns are valid")
        })
    }
}

struct Patterns {
    shapes: Vec<(MetricKind, Lazy)>,
    count: Lazy,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let n = num();
        let money_scale = r"(?:k|m|mm|b|bn|million|billion|thousand|mn)";
        let money = format!(
            r"(?:(?:\$|€|£|¥)\s?\d[\d,]*(?:\.\d+)?(?:\s?{money_scale}\b)?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv|deal|contract))?|\b\d[\d,]*(?:\.\d+)?\s?(?:{money_scale})\b(?:\s(?:dollars|euros|pounds|usd|eur|gbp))?(?:\s(?:in\s)?(?:arr|mrr|revenue|pipeline|bookings|savings|acv|tcv|gmv))?|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|euros|pounds|usd|eur|gbp)\b|\b(?:{NUM_WORD})(?:[- ]{NUM_WORD})*\s(?:million|billion|thousand)(?:\s(?:dollars|euros|pounds))?|\b(?:five|six|seven|eight|nine|ten)[- ]figures?(?:\s(?:deal|contract|partnership|renewal|revenue|pipeline|account|program|budget))?\b)"
        );
        let percent = format!(
            r"\b{n}\s?(?:%|percent\b|per cent\b|percentage points?\b|points?\b|pts\b|bps\b|basis points\b)"
        );
        let change_val = format!(r"(?:(?:\$|€|£)?\s?{n}(?:\s?%|\s?{money_scale}\b)?(?:\s{UNIT_TIME})?)");
        let change = format!(
            r"\bfrom\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}\s(?:\w+\s)?(?:to|down to|up to)\s(?:about\s|roughly\s|around\s|under\s|over\s|nearly\s|just\s)?{change_val}(?:\s[a-z]+)?"
        );
        let multiplier = format!(
            r"\b\d+(?:\.\d+)?x\b|\b(?:doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving)\b|\bcut\s(?:\w+\s){{0,2}}in\shalf\b|\b(?:twice|{n}\stimes)\s(?:as\s(?:many|much|fast|large|big|often)|more|faster|larger|bigger|higher|the)\b(?:\s[a-z]+)?|\b(?:two|three|four|five|ten)fold\b"
        );
        let duration = format!(
            r"\b(?:(?:in|within|after|over|under|inside|by|across|for|than|to|about|nearly|roughly|only|just)\s(?:the\s(?:first|next|last)\s)?)?(?:{n}|(?:in|within|inside|under)\sa|(?:in|within|inside|under)\san)[- ](?:full\s)?{UNIT_TIME}\b"
        );
        let fraction = r"\b(?:by|than|about|nearly|almost|over|roughly|under|just|only)\s(?:a|one|two|three)[- ](?:thirds?|fifths?|quarters?|tenths?)\b|\b(?:a|one|two|three)[- ](?:thirds?|fifths?|quarters?|tenths?|half)\sof\s(?:the\s|our\s|their\s|its\s|all\s)?[a-z]+|\b(?:a|one|two)[- ](?:thirds?|fifths?|tenths?)\b|\b(?:by|than)\shalf\b|\bhalf\sof\s(?:the\s|our\s|their\s|its\s)?[a-z]+";
        let count = format!(
            r"\b({n})\s((?:(?:new|more|additional|extra|joint|active|qualified|certified|strategic|key|enterprise|regional|global|paying|net-new|net|major|large|existing|top|fewer|less|signed|live|referral|partner|channel|reseller|customer|of\sour|of\sthe|of\sits|of\stheir)\s){{0,3}})([a-z][a-z'-]*)"
        );
        let compile = |p: &str| Lazy::new(p.to_string());
        Patterns {
            shapes: vec![
                (MetricKind::Change, compile(&change)),
                (MetricKind::Money, compile(&money)),
                (MetricKind::Percent, compile(&percent)),
                (MetricKind::Multiplier, compile(&multiplier)),
                (MetricKind::Fraction, compile(fraction)),
                (MetricKind::Duration, compile(&duration)),
            ],
            count: compile(&count),
        }
    })
}

const TRAILING_STOP: &[&str] = &[
    "within", "in", "by", "for", "of", "and", "to", "the", "a", "an", "over", "after", "with",
    "on", "at", "from", "than", "as", "while", "when", "which", "that", "so", "but", "or", "their",
    "our", "its", "his", "her", "my", "this", "then", "into",
];

/// Nouns after a number that make it something other than a measure of impact.
const NOT_COUNT_NOUNS: &[&str] = &[
    "of",
    "on",
    "or",
    "and",
    "to",
    "in",
    "at",
    "by",
    "a",
    "an",
    "the",
    "step",
    "steps",
    "phase",
    "phases",
    "stage",
    "stages",
    "thing",
    "things",
    "way",
    "ways",
    "reason",
    "reasons",
    "question",
    "questions",
    "idea",
    "ideas",
    "lesson",
    "lessons",
    "option",
    "options",
    "pillar",
    "pillars",
    "principle",
    "principles",
    "part",
    "parts",
    "point",
    "points",
    "key",
    "factor",
    "factors",
    "area",
    "areas",
    "tier",
    "tiers",
    "level",
    "levels",
    "priority",
    "priorities",
    "word",
    "words",
    "am",
    "pm",
    "o'clock",
    "people",
    "person",
    "employees",
    "employee",
    "staff",
    "headcount",
    "person-company",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "quarters",
    "quarter",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "percent",
    "times",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dozen",
    "k",
    "m",
    "x",
    "is",
    "was",
    "were",
    "are",
    "i",
    "we",
    "it",
    "he",
    "she",
    "they",
    "that",
    "this",
    "with",
    "for",
    "from",
    "as",
    "if",
    "so",
    "but",
    "then",
    "than",
    "more",
    "less",
    "criteria",
    "rounds",
    "round",
    "metrics",
    "kpis",
    "kpi",
    "approaches",
    "buckets",
    "categories",
    "dimensions",
    "types",
    "models",
    "sprints",
    "sprint",
    "hats",
    "cents",
    "pages",
    "slides",
    "sentences",
    "minutes'",
    "dollars",
    "euros",
    "pounds",
    "fold",
    "figure",
    "figures",
    "second",
    "seconds",
    "more",
    "other",
    "others",
    "each",
    "all",
    "vacation",
    "holiday",
    "break",
    "honeymoon",
    "leave",
];

/// Every metric in `text`, in order, not overlapping.
///
/// The patterns run on an ASCII-lowercased copy (same byte offsets), so they need no case
/// folding, and a pattern runs only when a cheap substring test says it could match.
pub fn find_metrics(text: &str) -> Vec<Metric> {
    let p = patterns();
    let lower = text.to_ascii_lowercase();
    let mut found = Found::new();
    for (kind, re) in &p.shapes {
        if !may_match(*kind, &lower) {
            continue;
        }
        for m in re.get().find_iter(&lower) {
            let (start, end) = trim_match(text, m.start(), m.end());
            if start < end && keep(text, *kind, start, end) {
                push_if_free(&mut found, start, end, *kind);
            }
        }
    }
    for c in p.count.get().captures_iter(&lower) {
        let (Some(whole), Some(number), Some(noun)) = (c.get(0), c.get(1), c.get(3)) else {
            continue;
        };
        if count_ok(text, number.start(), &text[number.range()], noun.as_str()) {
            push_if_free(&mut found, whole.start(), whole.end(), MetricKind::Count);
        }
    }
    found
        .into_iter()
        .map(|(start, (end, kind))| Metric {
            start,
            end,
            text: text[start..end].to_string(),
            kind,
        })
        .collect()
}

/// The metrics (sorted by start) that lie inside `[start, end)`.
pub fn within(metrics: &[Metric], start: usize, end: usize) -> &[Metric] {
    let from = metrics.partition_point(|m| m.start < start);
    let to = from + metrics[from..].partition_point(|m| m.end <= end);
    &metrics[from..to]
}

/// Whether a pattern of this kind could match the lowercased text at all.
fn may_match(kind: MetricKind, lower: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    match kind {
        MetricKind::Change => lower.contains("from "),
        MetricKind::Percent => has(&["%", "percent", "per cent", "point", "pts", "bps"]),
        MetricKind::Money => {
            has(&[
                "$", "€", "£", "¥", "illion", "thousand", "figure", "dollar", "euro", "pound",
                "usd", "eur", "gbp",
            ]) || lower.bytes().any(|b| b.is_ascii_digit())
        }
        MetricKind::Multiplier => {
            has(&[
                "doubl", "tripl", "trebl", "quadrupl", "halv", "half", "twice", "times", "fold",
            ]) || lower
                .as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'x')
        }
        MetricKind::Fraction => has(&["third", "fifth", "quarter", "tenth", "half"]),
        MetricKind::Duration => has(&[
            "day", "week", "month", "quarter", "year", "hour", "minute", "sprint",
        ]),
        MetricKind::Count => true,
    }
}

/// Metrics found so far, by start offset, so an overlap check is a lookup, not a scan.
type Found = std::collections::BTreeMap<usize, (usize, MetricKind)>;

fn push_if_free(found: &mut Found, start: usize, end: usize, kind: MetricKind) {
    let before = found.range(..end).next_back();
    if before.is_some_and(|(_, (e, _))| *e > start) {
        return;
    }
    found.insert(start, (end, kind));
}

/// Up to `n` bytes of `text` before `at`, starting on a character boundary: the context a
/// filter needs, without scanning back through a huge answer.
fn window_before(text: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Up to `n` bytes of `text` after `at`, ending on a character boundary.
fn window_after(text: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// Drop trailing words that a loose pattern picked up but that carry no unit.
fn trim_match(text: &str, start: usize, mut end: usize) -> (usize, usize) {
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut s =
        text[start..end].trim_end_matches(|c: char| c.is_whitespace() || c == '-' || c == ',');
    // A loose trailing word that is only a preposition or article is not part of the metric.
    while let Some((head, last)) = s.rsplit_once(' ') {
        if TRAILING_STOP.contains(&last.to_lowercase().as_str()) {
            s = head.trim_end();
        } else {
            break;
        }
    }
    (start, start + s.len())
}

fn keep(text: &str, kind: MetricKind, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let before = window_before(text, start, 24).to_lowercase();
    let before = before.trim_end();
    let lower = span.to_lowercase();
    match kind {
        MetricKind::Percent => {
            // Hyperbole and effort splits are not impact.
            let hyperbole =
                (lower.starts_with("110") || lower.starts_with("120") || lower.starts_with("200"))
                    && (before.ends_with("give")
                        || before.ends_with("gave")
                        || before.ends_with("giving")
                        || before.ends_with("my")
                        || before.ends_with("a"));
            let effort =
                lower.starts_with("100") && (before.ends_with("give") || before.ends_with("gave"));
            let points_needs_number = lower.contains("point")
                && !lower.contains("percentage")
                && !span.chars().next().is_some_and(|c| c.is_ascii_digit());
            !hyperbole && !effort && !points_needs_number && !after_identifier(text, start)
        }
        MetricKind::Duration => {
            !is_tenure(text, start, end)
                && !is_story_duration(text, end)
                && !before_is_calendar(before)
        }
        _ => !after_identifier(text, start),
    }
}

/// "ISO 27001", "SOC 2", "Q3", "24/7", "1:1", "50/50", "9:30".
fn after_identifier(text: &str, start: usize) -> bool {
    let before = window_before(text, start, 32);
    let prev_char = before.chars().last();
    if matches!(prev_char, Some('/' | ':' | '#')) {
        return true;
    }
    let prev_word: String = before
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let after = text[start..].chars().find(|c| !c.is_ascii_digit());
    matches!(
        prev_word.to_lowercase().as_str(),
        "iso"
            | "soc"
            | "step"
            | "phase"
            | "stage"
            | "tier"
            | "level"
            | "version"
            | "v"
            | "gdpr"
            | "pci"
            | "hipaa"
            | "article"
            | "section"
            | "no"
            | "number"
    ) || matches!(after, Some('/' | ':'))
}

/// "for eight years" of the candidate's own career.
fn is_tenure(text: &str, start: usize, end: usize) -> bool {
    let span = text[start..end].to_lowercase();
    if !(span.contains("year") || span.contains("decade")) {
        return false;
    }
    let back = window_before(text, start, 400);
    let sentence_start = back
        .rfind(['.', '!', '?', '\n'])
        .map_or(start - back.len(), |i| start - back.len() + i + 1);
    let ahead = window_after(text, end, 400);
    let sentence_end = ahead
        .find(['.', '!', '?', '\n'])
        .map_or(end + ahead.len(), |i| end + i);
    let sentence = text[sentence_start..sentence_end].to_lowercase();
    let after = text[end..sentence_end].to_lowercase();
    after.trim_start().starts_with("of experience")
        || after.trim_start().starts_with("in partnerships")
        || after.trim_start().starts_with("in the industry")
        || [
            "i've been",
            "i have been",
            "i've worked",
            "i have worked",
            "i spent",
            "i've spent",
            "career",
            "experience",
            "tenure",
            "i was there",
            "i've led",
            "i have led",
        ]
        .iter()
        .any(|k| sentence.contains(k))
            && span.starts_with("for")
}

/// "a two-week vacation": a quantity that sets the story, not a result.
fn is_story_duration(text: &str, end: usize) -> bool {
    let next: String = text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        next.as_str(),
        "vacation"
            | "holiday"
            | "break"
            | "honeymoon"
            | "leave"
            | "sabbatical"
            | "course"
            | "bootcamp"
            | "old"
            | "ago"
    )
}

fn before_is_calendar(before: &str) -> bool {
    before.ends_with("every") || before.ends_with("each") || before.ends_with("per")
}

/// "two of their nine": the second number is not the thing counted.
fn is_number_word(w: &str) -> bool {
    NUM_WORD
        .trim_start_matches("(?:")
        .trim_end_matches(')')
        .split('|')
        .any(|n| n == w)
        || w.chars().all(|c| c.is_ascii_digit())
}

fn count_ok(text: &str, num_start: usize, number: &str, noun: &str) -> bool {
    let number_l = number.to_lowercase();
    let noun_l = noun.to_lowercase();
    if NOT_COUNT_NOUNS.contains(&noun_l.as_str()) || is_number_word(&noun_l) {
        return false;
    }
    if number_l == "one" || number_l == "a couple of" || number_l.starts_with("one ") {
        return false;
    }
    // Years (2019, 1998) and list numbering ("1. Ran a review").
    if number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) {
        return false;
    }
    let back = window_before(text, num_start, 64);
    let line_head = match back.rfind('\n') {
        Some(i) => &back[i + 1..],
        None if back.len() == num_start => back,
        None => "-",
    };
    if line_head.trim().is_empty() && text[num_start + number.len()..].starts_with(['.', ')']) {
        return false;
    }
    // Hyphenated compounds such as "a 500-person company" or "two-week".
    let after_num = &text[num_start + number.len()..];
    if after_num.starts_with('-') {
        return false;
    }
    !after_identifier(text, num_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        find_metrics(text).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn finds_each_kind() {
        let t = "Revenue grew 40% to $2.4M, a 3x lift; we doubled referrals, signed three new partners and a dozen resellers, cut onboarding from 45 to 20 days within six months, and trimmed costs by a third.";
        let got = spans(t);
        for want in [
            "40%",
            "$2.4M",
            "3x",
            "doubled",
            "three new partners",
            "a dozen resellers",
            "from 45 to 20 days",
            "within six months",
            "by a third",
        ] {
            assert!(got.iter().any(|g| g == want), "missing {want}: {got:?}");
        }
    }

    #[test]
    fn skips_non_metrics() {
        let t = "In 2019, one of my partners met me one-on-one at 9:30 for Step 2 of our ISO 27001 work; I gave 110% and split it 50/50 in Q3, 24/7.\n1. Ran a review";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn tenure_is_not_a_metric() {
        assert!(spans("I've been in partnerships for eight years.").is_empty());
        assert_eq!(spans("The launch slipped two weeks."), ["two weeks"]);
    }

    #[test]
    fn money_words() {
        assert_eq!(
            spans("It became a seven-figure deal."),
            ["seven-figure deal"]
        );
        assert_eq!(
            spans("We saved 1.2 million dollars."),
            ["1.2 million dollars"]
        );
    }
}
