//! Finding quantified impact: percentages, money, multipliers, counts, durations, fractions
//! and before → after changes, each with its span and kind.
//!
//! The shapes are regular expressions (`metric_patterns.rs`) that `build.rs` compiles into
//! DFAs embedded in the binary, loaded only when an answer could contain them; what is *not* a metric — years, list numbering, idioms with "one",
//! times of day, identifiers, hyperbole, tenure, headcount — is decided by the filters below,
//! following the definitions in the project's labelling guide.

use std::sync::OnceLock;

use regex_automata::dfa::{dense, regex::Regex, Automaton as _};
use regex_automata::{Anchored, Input, Match};
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
    /// Points on a scale ("NPS up 12 points"): not a percent.
    Points,
}

impl MetricKind {
    /// The kind's name, as the JSON report spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Percent => "percent",
            MetricKind::Money => "money",
            MetricKind::Multiplier => "multiplier",
            MetricKind::Change => "change",
            MetricKind::Duration => "duration",
            MetricKind::Fraction => "fraction",
            MetricKind::Count => "count",
            MetricKind::Points => "points",
        }
    }
}

/// One quantified span of the answer (byte offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metric {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MetricKind,
    /// The quantity and its noun as the patterns matched them ("60 technology"), inside
    /// the phrase ("about 60 technology partners"): what kind checks read.
    #[serde(skip)]
    pub core: (usize, usize),
    /// A count of effort or of a team's people ("40 calls", "two of their engineers"):
    /// borderline by the labelling guide, so reported as such and not scored.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub borderline: bool,
}

impl Metric {
    /// The core match's text.
    pub fn core_text(&self) -> &str {
        &self.text[self.core.0 - self.start..self.core.1 - self.start]
    }
}

use super::metric_patterns::{self, NUMBER_WORDS};
use super::text::Sentence;

/// An embedded DFA: `include_bytes!` data aligned as `DFA::from_bytes` needs.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

macro_rules! embedded {
    ($name:literal) => {{
        static FWD: &Aligned<[u8]> = &Aligned {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/metric_", $name, ".fwd")),
        };
        static REV: &Aligned<[u8]> = &Aligned {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/metric_", $name, ".rev")),
        };
        (&FWD.bytes, &REV.bytes)
    }};
}

type Dfa = dense::DFA<&'static [u32]>;

/// The metric patterns, compiled to DFAs by `build.rs`, in `metric_pattern_sources` order.
static EMBEDDED: [(&[u8], &[u8]); 8] = [
    embedded!("change"),
    embedded!("money"),
    embedded!("percent"),
    embedded!("multiplier"),
    embedded!("fraction"),
    embedded!("duration"),
    embedded!("count"),
    embedded!("number"),
];

/// One metric pattern, loaded on first use: a run loads only the shapes its answers could
/// contain.
struct Pattern {
    index: usize,
    regex: OnceLock<Regex<Dfa>>,
}

impl Pattern {
    const fn new(index: usize) -> Self {
        Pattern {
            index,
            regex: OnceLock::new(),
        }
    }

    fn get(&self) -> &Regex<Dfa> {
        self.regex.get_or_init(|| {
            let (fwd, rev) = EMBEDDED[self.index];
            match (Dfa::from_bytes(fwd), Dfa::from_bytes(rev)) {
                (Ok((f, _)), Ok((r, _))) => Regex::builder().build_from_dfas(f, r),
                _ => compile(self.index),
            }
        })
    }

    /// Matches in `hay[from..to]` (the text around it seen by `\b`), in order, not
    /// overlapping (the patterns never match the empty string; the DFAs have no quit bytes,
    /// so a search cannot fail).
    fn find_iter<'h>(
        &'static self,
        hay: &'h [u8],
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = Match> + 'h {
        let re = self.get();
        let mut at = from;
        std::iter::from_fn(move || {
            if at > to {
                return None;
            }
            let m = re.try_search(&Input::new(hay).range(at..to)).ok()??;
            at = m.end().max(at + 1);
            Some(m)
        })
    }
}

/// The pattern compiled at run time, when the embedded DFA does not load (a target of the
/// other endianness). Compiled once per process, so the DFAs are kept for its lifetime.
fn compile(index: usize) -> Regex<Dfa> {
    let sources = super::metric_patterns::metric_pattern_sources();
    let owned = super::metric_patterns::compile_metric_pattern(&sources[index].1)
        .expect("metric patterns are valid: build.rs compiled them");
    let keep = |d: &dense::DFA<Vec<u32>>| -> Dfa { Box::leak(Box::new(d.clone())).as_ref() };
    Regex::builder().build_from_dfas(keep(owned.forward()), keep(owned.reverse()))
}

static SHAPES: [(MetricKind, Pattern); 6] = [
    (MetricKind::Change, Pattern::new(0)),
    (MetricKind::Money, Pattern::new(1)),
    (MetricKind::Percent, Pattern::new(2)),
    (MetricKind::Multiplier, Pattern::new(3)),
    (MetricKind::Fraction, Pattern::new(4)),
    (MetricKind::Duration, Pattern::new(5)),
];
static COUNT: Pattern = Pattern::new(6);
static NUMBER: Pattern = Pattern::new(7);

const TRAILING_STOP: &[&str] = &[
    "within", "in", "by", "for", "of", "and", "to", "the", "a", "an", "over", "after", "with",
    "on", "at", "from", "than", "as", "while", "when", "which", "that", "so", "but", "or", "their",
    "our", "its", "his", "her", "my", "this", "then", "into",
];

/// Nouns after a number that make it something other than a measure of impact.
const NOT_COUNT_NOUNS: &[&str] = &[
    "who",
    "which",
    "that",
    "where",
    "when",
    "whom",
    "i'd",
    "i'll",
    "we'd",
    "line",
    "signals",
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
/// folding.
pub fn find_metrics(text: &str) -> Vec<Metric> {
    find(text, &[(0, text.len(), u16::MAX)])
}

/// [`find_metrics`] for an answer already split into sentences: each pattern scans only the
/// stretches of text whose words could start one of its matches, and gives the same
/// metrics.
///
/// A stretch ends at a character no pattern can match (`!`, `?`, `(`, `:`, a `.` not
/// before a digit, an em dash…), so no match crosses one; a stretch whose words carry none
/// of a pattern's cues ([`word_cues`]) cannot hold a match of it.
pub fn find_metrics_in(text: &str, sentences: &[Sentence]) -> Vec<Metric> {
    find(text, &stretches(text, sentences))
}

// Cue bits of a word ([`word_cues`]) or of a stretch's bytes, by what a pattern needs.
/// A digit, or a number word at the start of one of the word's regex words.
const CUE_NUMBER: u16 = 1;
const CUE_FROM: u16 = 1 << 1;
const CUE_UNIT: u16 = 1 << 2;
const CUE_FRACTION: u16 = 1 << 3;
const CUE_TIMES: u16 = 1 << 4;
/// "million", "thousand", "five-figure".
const CUE_AMOUNT: u16 = 1 << 5;
/// A percent sign (in the stretch) or a word for one ("percent", "points", "bps").
const CUE_PERCENT: u16 = 1 << 6;
/// A currency word ("dollars", "usd") or a scale after digits ("5k", "2.4m", "m").
const CUE_MONEY_UNIT: u16 = 1 << 7;
/// Digits with an "x" ("3x").
const CUE_DIGIT_X: u16 = 1 << 8;
/// A currency sign in the stretch (or a byte that starts one).
const CUE_CURRENCY: u16 = 1 << 9;

/// A group any stretch with a cue meets: a shape with one group of cues.
const ANY_CUE: u16 = u16::MAX;

/// For each shape (by `SHAPES` index, then `COUNT`), what a stretch must hold for a match to
/// be possible: one of the cues of each group. Every match of the shape holds them all;
/// the proptest in `analysis` checks the scan against a scan of the whole answer.
const NEEDS: [[u16; 2]; 7] = [
    // change: "from" … a number.
    [CUE_FROM, CUE_NUMBER],
    // money: a number, and a currency sign, scale or currency word.
    [CUE_NUMBER, CUE_CURRENCY | CUE_AMOUNT | CUE_MONEY_UNIT],
    // percent: a number and a percent sign or word.
    [CUE_NUMBER, CUE_PERCENT],
    // multiplier: "3x", "doubled", "twice", "in half", "tenfold".
    [CUE_TIMES | CUE_DIGIT_X, ANY_CUE],
    [CUE_FRACTION, ANY_CUE],
    // duration: a unit of time.
    [CUE_UNIT, ANY_CUE],
    // count: a number.
    [CUE_NUMBER, ANY_CUE],
];

/// Whether a stretch with these cues could hold a match of shape `i`.
fn could_hold(cues: u16, i: usize) -> bool {
    NEEDS[i].iter().all(|group| cues & group != 0)
}

/// Which pattern cues a word carries, from the cue lists the patterns are built from
/// (`metric_patterns.rs`): a digit or a number word; "from"; a unit of time; a fraction; a
/// multiplier word; an amount word; a percent word; a currency name or a scale; digits with
/// an "x". Number words are looked for at the start of each of the word's regex words (runs
/// of ASCII letters, digits and `_`: where the patterns' `\b` and separators let one begin),
/// the rest anywhere in it, so a word the patterns see differently ("x.ten", "tenpercent")
/// still counts.
pub fn word_cues(lower: &str) -> u16 {
    let bytes = lower.as_bytes();
    let digit = bytes.iter().any(u8::is_ascii_digit);
    let mut parts = lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    let starts_number = parts
        .clone()
        .any(|part| number_words().starting(part.as_bytes()) != 0);
    // "5k", "2.4m", or a scale alone ("k"), in any of the word's regex words ("1k𐖕").
    let scale = parts.any(|part| {
        metric_patterns::SCALES.contains(&part)
            || (part.bytes().any(|b| b.is_ascii_digit())
                && part.ends_with(|c: char| c.is_ascii_alphabetic()))
    });
    let mut cues = cues_held(bytes);
    if digit || starts_number {
        cues |= CUE_NUMBER;
    }
    if scale {
        cues |= CUE_MONEY_UNIT;
    }
    if digit && bytes.contains(&b'x') {
        cues |= CUE_DIGIT_X;
    }
    cues
}

/// The cues of every cue list key `word` holds anywhere in it.
fn cues_held(word: &[u8]) -> u16 {
    let keys = cue_keys();
    (0..word.len()).fold(0, |cues, i| cues | keys.starting(&word[i..]))
}

/// Short keys, each with its cues, sorted, and for each byte where the run of keys
/// starting with it begins (the run of byte `b` is `runs[b]..runs[b + 1]`): the keys a
/// word can start with are one run, so a word costs its length times a few comparisons,
/// not the whole list (this runs for every distinct word of an answer, and for the banks'
/// model answers when a checker is built).
struct Prefixes {
    keys: Vec<(&'static str, u16)>,
    runs: [u32; 257],
}

impl Prefixes {
    fn new(mut keys: Vec<(&'static str, u16)>) -> Prefixes {
        keys.retain(|(key, _)| !key.is_empty());
        keys.sort_unstable();
        keys.dedup();
        let mut runs = [0u32; 257];
        for (b, run) in runs.iter_mut().enumerate() {
            *run = keys.partition_point(|(key, _)| usize::from(key.as_bytes()[0]) < b) as u32;
        }
        Prefixes { keys, runs }
    }

    /// The cues of the keys `text` starts with.
    fn starting(&self, text: &[u8]) -> u16 {
        let Some(&b) = text.first() else { return 0 };
        let run =
            &self.keys[self.runs[usize::from(b)] as usize..self.runs[usize::from(b) + 1] as usize];
        run.iter()
            .filter(|(key, _)| text.starts_with(key.as_bytes()))
            .fold(0, |cues, (_, cue)| cues | cue)
    }
}

/// The keys of the cue lists ([`metric_patterns::cue_key`]), each with its cue, worked
/// out once.
fn cue_keys() -> &'static Prefixes {
    use metric_patterns::{
        cue_key, AMOUNTS, CURRENCIES, FRACTIONS, MULTIPLIERS, PERCENT_WORDS, TIME_UNITS,
    };
    static KEYS: OnceLock<Prefixes> = OnceLock::new();
    KEYS.get_or_init(|| {
        let lists: [(&[&'static str], u16); 7] = [
            (&["from"], CUE_FROM),
            (TIME_UNITS, CUE_UNIT),
            (FRACTIONS, CUE_FRACTION),
            (MULTIPLIERS, CUE_TIMES),
            (AMOUNTS, CUE_AMOUNT),
            (PERCENT_WORDS, CUE_PERCENT),
            (CURRENCIES, CUE_MONEY_UNIT),
        ];
        Prefixes::new(
            lists
                .iter()
                .flat_map(|(list, cue)| list.iter().map(move |e| (cue_key(e), *cue)))
                .collect(),
        )
    })
}

/// The words the number words are made of, for [`word_cues`]: all but the short glue words
/// ("a", "of"), which would cue nearly every word; every number word holds one.
fn number_words() -> &'static Prefixes {
    static WORDS: OnceLock<Prefixes> = OnceLock::new();
    WORDS.get_or_init(|| {
        Prefixes::new(
            NUMBER_WORDS
                .iter()
                .flat_map(|a| a.split(' '))
                .filter(|w| w.len() >= 3)
                .map(|w| (w, CUE_NUMBER))
                .collect(),
        )
    })
}

/// Whether a byte can be part of a metric match: what the patterns are made of (lowercase
/// letters, digits, white space, `-,.%$'_`, and the bytes of `€ £ ¥`); a `.` only
/// before a digit.
fn in_match(bytes: &[u8], i: usize) -> bool {
    const TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    b' ' | b'\t'
                        | b'\n'
                        | b'\x0b'
                        | b'\x0c'
                        | b'\r'
                        | b'-'
                        | b','
                        | b'%'
                        | b'+'
                        | b'$'
                        | b'\''
                        | b'_'
                        | 0xE2
                        | 0x82
                        | 0xAC
                        | 0xC2
                        | 0xA3
                        | 0xA5
                );
            b += 1;
        }
        t
    };
    match bytes[i] {
        b'.' => bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
        b => TABLE[b as usize],
    }
}

/// The cues a byte carries by itself: signs are not words, and a list number ("1.") is
/// no word of a sentence, so a stretch takes their cues from its bytes.
const SIGN_CUES: [u16; 256] = {
    let mut t = [0; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = CUE_NUMBER;
        b += 1;
    }
    t[b'%' as usize] = CUE_PERCENT;
    // `$`, and the first bytes of `£ ¥` (0xC2) and `€` (0xE2).
    t[b'$' as usize] = CUE_CURRENCY;
    t[0xC2] = CUE_CURRENCY;
    t[0xE2] = CUE_CURRENCY;
    t
};

/// The stretches of `text` between characters no match can hold, each with the cues of the
/// words that overlap it.
///
/// One walk through the text in order: the bytes between words, and the bytes of words
/// that are not plain letters and digits, are looked at one by one; a plain word
/// ([`super::words::PLAIN`]) is all match characters, its digits are in its cues, so it
/// extends the stretch it is in at once. Most of an answer is plain words.
fn stretches(text: &str, sentences: &[Sentence]) -> Vec<(usize, usize, u16)> {
    let mut walk = Walk {
        bytes: text.as_bytes(),
        out: Vec::with_capacity(text.len() / 64 + 4),
        open: false,
    };
    let mut covered = 0;
    for t in sentences.iter().flat_map(|s| &s.tokens) {
        walk.bytes_of(covered, t.start, true);
        if t.plain() {
            walk.plain(t.start, t.end);
        } else {
            walk.bytes_of(t.start, t.end, false);
        }
        walk.cue_from(t.start, t.cue);
        covered = t.end;
    }
    walk.bytes_of(covered, text.len(), true);
    let mut out = walk.out;
    out.retain(|r| r.2 != 0);
    out
}

/// [`stretches`] under way: the stretches so far, the last one `open` while the walk is
/// still in it.
struct Walk<'a> {
    bytes: &'a [u8],
    out: Vec<(usize, usize, u16)>,
    open: bool,
}

impl Walk<'_> {
    /// Take `bytes[from..to]` one byte at a time. Outside words (`unseen`), a letter or
    /// digit is text no sentence has as a word (a list number, a label): its cues are not
    /// known, so its stretch gets every cue and any pattern may match there.
    fn bytes_of(&mut self, from: usize, to: usize, unseen: bool) {
        for i in from..to {
            if !in_match(self.bytes, i) {
                self.open = false;
                continue;
            }
            let b = self.bytes[i];
            let cues = if unseen && b.is_ascii_alphanumeric() {
                u16::MAX
            } else {
                SIGN_CUES[usize::from(b)]
            };
            self.extend(i, i + 1, cues);
        }
    }

    /// A plain word at `[from, to)`: match characters only.
    fn plain(&mut self, from: usize, to: usize) {
        self.extend(from, to, 0);
    }

    /// Add `[from, to)`, all match characters, to the open stretch (or open one there).
    fn extend(&mut self, from: usize, to: usize, cues: u16) {
        match self.out.last_mut() {
            Some(last) if self.open => {
                last.1 = to;
                last.2 |= cues;
            }
            _ => {
                self.out.push((from, to, cues));
                self.open = true;
            }
        }
    }

    /// Give `cue` to every stretch a word starting at `start` overlaps: those from the one
    /// holding its first byte (or the first after it) to the last.
    fn cue_from(&mut self, start: usize, cue: u16) {
        for r in self.out.iter_mut().rev() {
            if r.1 <= start {
                break;
            }
            r.2 |= cue;
        }
    }
}

/// The ranges shape `shape` scans: the stretches that could hold one of its matches, with
/// those close together joined into one range. No match holds the characters between
/// stretches, and the stretches in between cannot hold one of its matches, so a joined
/// range gives the same matches with fewer searches (each has a fixed cost of several
/// bytes' scanning).
fn scan_ranges(
    stretches: &[(usize, usize, u16)],
    shape: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    /// Bytes between two stretches up to which one search covers both.
    const JOIN_GAP: usize = 48;
    let mut holding = stretches
        .iter()
        .filter(move |r| could_hold(r.2, shape))
        .peekable();
    std::iter::from_fn(move || {
        let &(start, mut end, _) = holding.next()?;
        while let Some(&&(next_start, next_end, _)) = holding.peek() {
            if next_start - end > JOIN_GAP {
                break;
            }
            end = next_end;
            holding.next();
        }
        Some((start, end))
    })
}

fn find(text: &str, stretches: &[(usize, usize, u16)]) -> Vec<Metric> {
    let lower = text.to_ascii_lowercase();
    let hay = lower.as_bytes();
    let mut found = Found::new();
    for (i, (kind, re)) in SHAPES.iter().enumerate() {
        for (a, b) in scan_ranges(stretches, i) {
            for m in re.find_iter(hay, a, b) {
                let (start, end) = trim_match(text, m.start(), m.end());
                if start < end && keep(text, *kind, start, end) {
                    push_if_free(&mut found, start, end, *kind);
                }
            }
        }
    }
    for (a, b) in scan_ranges(stretches, 6) {
        for m in COUNT.find_iter(hay, a, b) {
            let (number, noun) = count_parts(&lower, m);
            if count_ok(text, number.start, &text[number.clone()], &lower[noun]) {
                push_if_free(&mut found, m.start(), m.end(), MetricKind::Count);
            }
        }
    }
    let found = found
        .into_iter()
        .map(|(start, end_kind)| (start, end_kind.0, end_kind.1))
        .filter(|(start, end, _)| text.is_char_boundary(*start) && text.is_char_boundary(*end))
        .map(|(start, end, kind)| Metric {
            start,
            end,
            text: text[start..end].to_string(),
            kind,
            core: (start, end),
            borderline: false,
        })
        .collect::<Vec<_>>();
    if found.is_empty() {
        return found;
    }
    // A line break inside a sentence (a hard-wrapped line) is one a phrase may run across.
    let breaks = std::cell::OnceCell::new();
    let joined = |i: usize| {
        breaks
            .get_or_init(|| super::text::breaks_inside_lines(text))
            .binary_search(&i)
            .is_ok()
    };
    super::metric_phrase::extend(text, &found, &joined)
}

/// The number and the counted noun of a count match ("three new partners"): the noun is its
/// last word; the number is the longest number at its start that leaves the noun whole
/// ("two hundred" alone counts "hundred" after "two").
fn count_parts(lower: &str, m: Match) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let span = &lower[m.range()];
    let noun_start = m.start()
        + span
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
    let first_word_end = m.start()
        + span
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(span.len());
    let input = Input::new(lower.as_bytes())
        .range(m.start()..noun_start)
        .anchored(Anchored::Yes);
    let number_end = match NUMBER.get().forward().try_search_fwd(&input) {
        Ok(Some(h)) if h.offset() < noun_start => h.offset(),
        _ => first_word_end,
    };
    (m.start()..number_end, noun_start..m.end())
}

/// The metrics (sorted by start) that lie inside `[start, end)`.
pub fn within(metrics: &[Metric], start: usize, end: usize) -> &[Metric] {
    let from = metrics.partition_point(|m| m.start < start);
    let to = from + metrics[from..].partition_point(|m| m.end <= end);
    &metrics[from..to]
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
                        || before.ends_with('a'));
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
                && (lower.split_whitespace().next() != Some("for") || is_term(before))
                && !is_duration_adjective(text, &lower, end)
                && !is_tenure_or_effort(before)
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

/// The word (letters, lowercased) after `end`, past any spaces.
fn next_word(text: &str, end: usize) -> String {
    text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// "a 15-minute check-in", "a two-week sprint": a length that describes a thing, not a
/// result, unless the thing is a delay or a saving ("a two-week slip").
fn is_duration_adjective(text: &str, lower: &str, end: usize) -> bool {
    if !lower.contains('-') {
        return false;
    }
    let next = next_word(text, end);
    !next.is_empty()
        && !matches!(
            next.as_str(),
            "delay" | "slip" | "slippage" | "extension" | "reduction" | "saving" | "head" | "lead"
        )
}

/// "renewed for 3 years", "signed for two years": a term agreed, which is a result.
fn is_term(before: &str) -> bool {
    before.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "renewed" | "signed" | "extended" | "committed" | "locked" | "contracted" | "booked"
        )
    })
}

/// "for the past four years" (tenure), "spent a couple of hours" (effort): the words
/// before a duration that make it no result.
fn is_tenure_or_effort(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let tenure = matches!(
        words.as_slice(),
        ["past" | "last", "the", "for" | "over", ..] | ["past" | "last", "for", ..]
    );
    let effort = words
        .iter()
        .any(|w| matches!(*w, "spent" | "spend" | "spending" | "spends"));
    tenure || effort
}

/// "a two-week vacation": a quantity that sets the story, not a result.
fn is_story_duration(text: &str, end: usize) -> bool {
    let next = next_word(text, end);
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
    NUMBER_WORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit())
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
            "3x lift",
            "doubled referrals",
            "three new partners",
            "a dozen resellers",
            // The time frame is part of the change it bounds.
            "from 45 to 20 days within six months",
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
    fn embedded_dfas_match_the_run_time_fallback() {
        let text = "from 45 to 20 days, $2.4m in arr, 40% and 3 points, 3x, doubled, a third of \
                    the deals, within six months, twenty-five new partners and a dozen resellers"
            .as_bytes();
        let all = SHAPES.iter().map(|(_, p)| p).chain([&COUNT, &NUMBER]);
        for (i, p) in all.enumerate() {
            let fallback = compile(i);
            let want: Vec<_> = p
                .find_iter(text, 0, text.len())
                .map(|m| m.range())
                .collect();
            let got: Vec<_> = fallback.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(got, want, "pattern {i}");
            assert!(!want.is_empty(), "pattern {i} finds nothing in the sample");
        }
    }

    #[test]
    fn count_parts_split_number_and_noun() {
        for (text, number, noun) in [
            ("we signed a dozen resellers", "a dozen", "resellers"),
            ("twenty-five new partners", "twenty-five", "partners"),
            ("about two hundred.", "two", "hundred"),
            ("1,200 active accounts", "1,200", "accounts"),
        ] {
            let m = COUNT
                .find_iter(text.as_bytes(), 0, text.len())
                .next()
                .expect(text);
            let (a, b) = count_parts(text, m);
            assert_eq!((&text[a], &text[b]), (number, noun), "{text}");
        }
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
