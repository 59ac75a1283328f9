//! Growing a metric's core match into the phrase a reader would underline (the project's
//! labelling guide): the quantity with its qualifier ("about 4%"), the noun it counts ("60
//! technology partners"), what it is a share of ("40% of our churned customers"), its rate
//! ("$18K an hour", "$2M/month"), its comparison ("38 deals vs 9", "8 out of 10, up from
//! 3") and its time frame ("10 deals by month 6", "180 firms certified within 12 months").
//!
//! The patterns in `metrics.rs` find where a quantity is; this reads the words around it,
//! a small grammar of what may follow a quantity, so a span is never a fragment ("8 out",
//! "15 quality") and never runs on into the rest of the sentence.

use super::metrics::{Metric, MetricKind};

/// The metrics of `text` (sorted, not overlapping) grown into whole phrases; a metric the
/// one before it grew into is merged with it. `joined` tells whether a line break at a
/// byte offset lies inside a sentence (a hard-wrapped line), which a phrase may run across.
pub fn extend(text: &str, metrics: &[Metric], joined: &dyn Fn(usize) -> bool) -> Vec<Metric> {
    let mut out: Vec<Metric> = Vec::with_capacity(metrics.len());
    let words = Words { text, joined };
    for (i, m) in metrics.iter().enumerate() {
        let floor = out.last().map_or(0, |p| p.end);
        let start = words.lead(m.start, floor);
        let mut end = words.tail(m, metrics.get(i + 1));
        // "from roughly $4M a year to under $500K": two quantities, one change.
        if let Some(prev) = out.last_mut().filter(|p| p.end <= start) {
            let between = text[prev.end..start].to_ascii_lowercase();
            let from = words
                .before(prev.start)
                .is_some_and(|w| words.lower(w) == "from");
            if from && between.trim() == "to" && between.len() <= 5 {
                let from_start = words.before(prev.start).map_or(prev.start, |w| w.0);
                prev.start = from_start;
                prev.end = end.max(m.end);
                prev.text = text[prev.start..prev.end].to_string();
                prev.kind = MetricKind::Change;
                continue;
            }
        }
        // A phrase the previous one already reached is part of it.
        if let Some(prev) = out.last_mut() {
            if m.start < prev.end {
                if end > prev.end {
                    prev.end = end;
                    prev.text = text[prev.start..end].to_string();
                }
                continue;
            }
        }
        if let Some(next) = metrics.get(i + 1) {
            if end > next.start {
                end = end.max(next.end);
            }
        }
        let kind = kind_of(&text[m.start..m.end], m.kind);
        out.push(Metric {
            start,
            end,
            text: text[start..end].to_string(),
            kind,
            core: (m.start, m.end),
            borderline: false,
        });
    }
    out
}

/// The kind, with points told from percents ("up 12 points").
fn kind_of(core: &str, kind: MetricKind) -> MetricKind {
    let lower = core.to_ascii_lowercase();
    if kind == MetricKind::Percent && lower.contains("point") && !lower.contains("percent") {
        MetricKind::Points
    } else {
        kind
    }
}

/// Words that qualify a quantity in front of it.
const QUALIFIERS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "nearly",
    "almost",
    "over",
    "under",
    "only",
    "some",
    "top",
    "minus",
    "~",
    "circa",
    "just",
    "exactly",
    "maybe",
    "above",
    "below",
    "past",
];

/// Two-word qualifiers, as (first, second).
const QUALIFIERS2: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("up", "to"),
    ("close", "to"),
    ("north", "of"),
    ("just", "over"),
    ("just", "under"),
    ("well", "over"),
];

/// Words that open a noun phrase ("the gap", "our revenue").
const DETERMINERS: &[&str] = &[
    "the", "their", "our", "its", "his", "her", "my", "your", "all",
];

/// Words a noun phrase after a quantity does not run on into (sorted: searched by halves).
const STOP: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "ago", "ahead", "all", "also",
    "an", "and", "are", "around", "as", "at", "be", "because", "been", "before", "behind", "being",
    "below", "between", "both", "but", "by", "came", "can", "compared", "could", "day", "days",
    "did", "do", "does", "down", "during", "each", "earlier", "even", "every", "fewer", "for",
    "from", "get", "got", "had", "has", "have", "he", "her", "here", "his", "hour", "hours", "i",
    "if", "in", "instead", "into", "is", "it", "its", "just", "last", "later", "less", "like",
    "month", "months", "more", "my", "next", "no", "nor", "not", "of", "off", "on", "only", "onto",
    "or", "our", "out", "over", "per", "quarter", "quarters", "she", "short", "since", "so",
    "still", "than", "that", "the", "their", "then", "there", "these", "they", "this", "those",
    "through", "to", "under", "until", "up", "versus", "vs", "was", "we", "week", "weeks", "went",
    "were", "when", "which", "while", "who", "whom", "whose", "will", "with", "within", "without",
    "worth", "would", "year", "years", "you", "your",
];

/// Units a rate is per ("$18K an hour", "30+ referrals a month").
const RATE_UNITS: &[&str] = &[
    "year",
    "month",
    "hour",
    "week",
    "day",
    "quarter",
    "shipment",
    "user",
    "seat",
    "head",
    "deal",
    "partner",
    "customer",
    "run",
    "transaction",
    "order",
    "rep",
    "account",
    "call",
    "ticket",
    "lead",
    "license",
    "licence",
    "unit",
    "annum",
    "yr",
    "mo",
];

/// Words that may stand between a time frame's preposition and its time word ("by the end
/// of Q2", "in the first 12 months"), besides numbers.
const FRAME_FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "first",
    "next",
    "following",
    "end",
    "of",
    "its",
    "our",
    "their",
    "same",
    "single",
    "just",
    "about",
    "roughly",
    "under",
    "over",
];

/// Time words a time frame ends on.
const TIME_WORDS: &[&str] = &[
    "year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "day", "days",
    "hours", "hour", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "launch", "renewal", "go-live",
];

/// Reading words around an offset of one text.
struct Words<'a> {
    text: &'a str,
    joined: &'a dyn Fn(usize) -> bool,
}

impl Words<'_> {
    /// The word after `at` (its span), across spaces and a line break inside a sentence;
    /// none across punctuation or a sentence's end.
    fn after(&self, at: usize) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let mut i = at;
        let mut newline = false;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            if b[i] == b'\n' {
                if newline || !(self.joined)(i) {
                    return None;
                }
                newline = true;
            }
            i += 1;
        }
        let start = i;
        while i < b.len() && is_word_byte(b, i) {
            i += 1;
        }
        (i > start).then_some((start, i))
    }

    /// The word before `at` (its span), as [`Words::after`] reads forwards.
    fn before(&self, at: usize) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let mut i = at;
        let mut newline = false;
        while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
            if b[i - 1] == b'\n' {
                if newline || !(self.joined)(i - 1) {
                    return None;
                }
                newline = true;
            }
            i -= 1;
        }
        let end = i;
        while i > 0 && is_word_byte(b, i - 1) {
            i -= 1;
        }
        (i < end).then_some((i, end))
    }

    fn lower(&self, (a, b): (usize, usize)) -> String {
        self.text[a..b].to_lowercase()
    }

    /// Where the phrase starts: a qualifier in front ("about", "more than", "top"), or the
    /// part a count is of ("5 of their 12 reps"); never before `floor`.
    fn lead(&self, start: usize, floor: usize) -> usize {
        let mut s = start;
        if let Some(w1) = self.before(s).filter(|w| w.0 >= floor) {
            let l1 = self.lower(w1);
            if QUALIFIERS.contains(&l1.as_str()) {
                s = w1.0;
            } else if let Some(w2) = self.before(w1.0).filter(|w| w.0 >= floor) {
                let l2 = self.lower(w2);
                if QUALIFIERS2.contains(&(l2.as_str(), l1.as_str())) {
                    s = w2.0;
                } else {
                    // "5 of their 12 reps", "7 of the 9 P1s", "3 of 14 partners".
                    let (of, num) = if l1 == "of" {
                        (Some(w1), Some(w2))
                    } else if matches!(
                        l1.as_str(),
                        "the" | "their" | "our" | "its" | "his" | "her" | "my"
                    ) && l2 == "of"
                    {
                        (Some(w2), self.before(w2.0).filter(|w| w.0 >= floor))
                    } else {
                        (None, None)
                    };
                    if let (Some(_), Some(num)) = (of, num) {
                        if is_number(&self.lower(num)) {
                            s = num.0;
                        }
                    }
                }
            }
        }
        s
    }

    /// Where the phrase ends: the core's end, grown by what may follow a quantity, in
    /// order — "out of N", a unit after a slash, the noun counted, what it is a share of, a
    /// rate, a comparison, a time frame — each only when it is there whole.
    fn tail(&self, m: &Metric, next: Option<&Metric>) -> usize {
        let core = self.text[m.start..m.end].to_lowercase();
        let mut e = m.end;
        // "8 out" → "8 out of 10".
        if core.ends_with(" out") {
            if let Some(end) = self.seq(e, &["of"]).and_then(|at| self.number_at(at)) {
                e = end;
            }
        }
        e = self.slash_unit(e);
        let last = core.rsplit(' ').next().unwrap_or("");
        match m.kind {
            MetricKind::Count if !is_plural(last) => e = self.noun_phrase(e, 2),
            // "a 30% margin", "$5M tier", "5x pipeline", "a 15% higher commitment".
            MetricKind::Money
            | MetricKind::Percent
            | MetricKind::Multiplier
            | MetricKind::Points => {
                e = self.noun_phrase(e, 3);
            }
            _ => {}
        }
        if matches!(
            m.kind,
            MetricKind::Percent | MetricKind::Fraction | MetricKind::Money | MetricKind::Change
        ) {
            e = self.share_of(e, core.ends_with(" of"));
        }
        if m.kind == MetricKind::Fraction && e == m.end {
            // "half the gap".
            e = self.determined(e);
        }
        if matches!(m.kind, MetricKind::Money | MetricKind::Change) && e == m.end {
            // "$1.8M in new ARR", "from $2M to $2.8M in processed volume", not "$2M in Q3"
            // (a time frame, read below).
            e = self.money_in(e);
        }
        if core.contains(" as ") || core.ends_with("as many") || core.ends_with("as much") {
            // "twice as many seats as our original proposal".
            e = self.noun_phrase(e, 2);
            if let Some(at) = self.seq(e, &["as"]) {
                e = self.determined(at).max(e);
            }
        }
        if ["doubled", "tripled", "quadrupled", "halved"]
            .iter()
            .any(|v| core.ends_with(v))
        {
            // "roughly tripled our cold-chain revenue".
            e = self.determined(e);
        }
        e = self.rate(e);
        if m.kind == MetricKind::Duration {
            e = self.lateness(e);
        }
        e = self.against(e);
        e = self.comparison(e);
        e = self.time_frame(e, next);
        e
    }

    /// A determiner and the noun phrase after it ("the gap", "our revenue"), if there.
    fn determined(&self, e: usize) -> usize {
        match self.after(e) {
            Some(w) if DETERMINERS.contains(&self.lower(w).as_str()) => {
                let end = self.noun_phrase(w.1, 4);
                if end == w.1 {
                    e
                } else {
                    end
                }
            }
            _ => e,
        }
    }

    /// "in new ARR", "in sourced pipeline": what a sum is in, when no time word follows.
    fn money_in(&self, e: usize) -> usize {
        let Some(at) = self.seq(e, &["in"]) else {
            return e;
        };
        if self.frame_at(e).is_some() || self.after(at).is_some_and(|w| self.lower(w) == "total") {
            return e;
        }
        let end = self.noun_phrase(at, 3).max(self.determined(at));
        if end == at {
            e
        } else {
            end
        }
    }

    /// "two weeks late", "a month later than the original date": how late or early.
    fn lateness(&self, e: usize) -> usize {
        let Some(w) = self.after(e) else { return e };
        match self.lower(w).as_str() {
            "late" | "early" | "ahead" => w.1,
            "later" | "earlier" | "sooner" => match self.seq(w.1, &["than"]) {
                Some(at) => self.determined(at).max(self.noun_phrase(at, 3)).max(w.1),
                None => w.1,
            },
            _ => e,
        }
    }

    /// "behind its annual target", "above our target price", "ahead of plan", "15% behind".
    fn against(&self, e: usize) -> usize {
        let Some(w) = self.after(e) else { return e };
        let l = self.lower(w);
        let at = match l.as_str() {
            "behind" | "above" | "below" | "under" | "over" => w.1,
            "ahead" | "short" => match self.seq(w.1, &["of"]) {
                Some(at) => at,
                None => return e,
            },
            _ => return e,
        };
        let det = self.determined(at);
        if det > at {
            return det;
        }
        let np = self.noun_phrase(at, 2);
        if np > at {
            np
        } else if l == "behind" {
            w.1
        } else {
            e
        }
    }

    /// After a words sequence `seq` (lowercase) starting at `at`: where it ends.
    fn seq(&self, at: usize, seq: &[&str]) -> Option<usize> {
        let mut e = at;
        for s in seq {
            let w = self.after(e)?;
            if self.lower(w) != *s {
                return None;
            }
            e = w.1;
        }
        Some(e)
    }

    /// A number word or figure after `at`: where it ends.
    fn number_at(&self, at: usize) -> Option<usize> {
        let w = self.after(at)?;
        is_number(&self.lower(w)).then_some(w.1)
    }

    /// "/month", "/yr" right after the quantity.
    fn slash_unit(&self, e: usize) -> usize {
        let rest = &self.text[e..];
        if let Some(unit) = rest.strip_prefix('/') {
            let n = unit.bytes().take_while(u8::is_ascii_alphabetic).count();
            if n > 0 && RATE_UNITS.contains(&unit[..n].to_ascii_lowercase().as_str()) {
                return e + 1 + n;
            }
        }
        e
    }

    /// Up to `max` words of a noun phrase after `e`, ending on the first plural.
    fn noun_phrase(&self, e: usize, max: usize) -> usize {
        let mut end = e;
        for _ in 0..max {
            let Some(w) = self.after(end) else { break };
            let l = self.lower(w);
            if !is_np_word(&l) {
                break;
            }
            end = w.1;
            if is_plural(&l) {
                break;
            }
        }
        end
    }

    /// "of their target", "of our churned SMB customers": what a share is of, when a noun
    /// follows; `open` when the core already ends on "of".
    fn share_of(&self, e: usize, open: bool) -> usize {
        let mut at = e;
        if !open {
            match self.seq(at, &["of"]) {
                Some(after) => at = after,
                None => return e,
            }
        }
        if let Some(w) = self.after(at) {
            if matches!(
                self.lower(w).as_str(),
                "the" | "their" | "our" | "its" | "his" | "her" | "my" | "all" | "your"
            ) {
                at = w.1;
            }
        }
        let end = self.noun_phrase(at, 4);
        if end == at {
            e
        } else {
            end
        }
    }

    /// "a year", "an hour", "per shipment", "each month".
    fn rate(&self, e: usize) -> usize {
        let Some(w) = self.after(e) else { return e };
        let l = self.lower(w);
        if !matches!(l.as_str(), "a" | "an" | "per" | "each" | "every") {
            return e;
        }
        match self.after(w.1) {
            Some(u) if l == "per" && is_np_word(&self.lower(u)) => u.1,
            Some(u) if RATE_UNITS.contains(&self.lower(u).as_str()) => u.1,
            _ => e,
        }
    }

    /// "vs 9", "instead of three", ", up from 3", "from £2.6M", "compared with 40".
    fn comparison(&self, e: usize) -> usize {
        let comma = self.text[e..].starts_with(',');
        let at = if comma { e + 1 } else { e };
        let Some(w) = self.after(at) else { return e };
        let l = self.lower(w);
        let after_marker = match l.as_str() {
            "vs" | "vs." | "versus" | "against" | "from" if !comma => Some(w.1),
            "instead" if !comma => self.seq(w.1, &["of"]),
            "compared" if !comma => self.seq(w.1, &["to"]).or_else(|| self.seq(w.1, &["with"])),
            "up" | "down" => self.seq(w.1, &["from"]),
            _ => None,
        };
        let Some(num_end) = after_marker.and_then(|at| self.number_at(at)) else {
            return e;
        };
        // The number's own unit word ("from 45 days"), if it has one.
        match self.after(num_end) {
            Some(u) if is_unit_word(&self.lower(u)) => u.1,
            _ => num_end,
        }
    }

    /// "by month 6", "within 12 months", "in year one", "by the end of Q2"; also a time
    /// frame found as a metric of its own a word or two on ("180 firms certified within 12
    /// months").
    fn time_frame(&self, e: usize, next: Option<&Metric>) -> usize {
        if let Some(end) = self.frame_at(e) {
            return end;
        }
        // A duration metric starting within two words after.
        let Some(next) = next else { return e };
        let lower = next.text.to_ascii_lowercase();
        if next.kind != MetricKind::Duration
            || !["within ", "in ", "by ", "over "]
                .iter()
                .any(|p| lower.starts_with(p))
        {
            return e;
        }
        let mut at = e;
        for _ in 0..2 {
            match self.after(at) {
                Some(w) if w.0 == next.start => return next.end,
                Some(w) if is_np_word(&self.lower(w)) || self.lower(w).ends_with("ed") => {
                    at = w.1;
                }
                _ => return e,
            }
        }
        match self.after(at) {
            Some(w) if w.0 == next.start => next.end,
            _ => e,
        }
    }

    /// A time frame starting right after `e`: where it ends.
    fn frame_at(&self, e: usize) -> Option<usize> {
        let w = self.after(e)?;
        if !matches!(
            self.lower(w).as_str(),
            "by" | "in" | "within" | "over" | "inside"
        ) {
            return None;
        }
        let mut at = w.1;
        let mut timed = None;
        for _ in 0..5 {
            let Some(w) = self.after(at) else { break };
            let l = self.lower(w);
            if TIME_WORDS.contains(&l.as_str()) || is_quarter(&l) {
                at = w.1;
                timed = Some(at);
                // "month 6", "year one".
                if let Some(n) = self.number_at(at) {
                    at = n;
                    timed = Some(at);
                }
                break;
            }
            if FRAME_FILLERS.contains(&l.as_str()) || is_number(&l) {
                at = w.1;
            } else {
                break;
            }
        }
        timed
    }
}

/// Whether byte `i` continues a word: letters, digits and the signs a figure is written
/// with ("$1.2M", "10-15", "30+", "1,200", "~40%"); a `.` or `,` only between digits.
fn is_word_byte(b: &[u8], i: usize) -> bool {
    let c = b[i];
    if c.is_ascii_alphanumeric() || c >= 0x80 {
        return true;
    }
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    match c {
        b'$' | b'%' | b'+' | b'~' | b'\'' | b'-' | b'/' => true,
        b'.' | b',' => i > 0 && digit_at(i - 1) && digit_at(i + 1),
        _ => false,
    }
}

/// A word of a noun phrase: letters (and hyphens), no stop word.
fn is_np_word(l: &str) -> bool {
    !l.is_empty()
        && l.chars().next().is_some_and(char::is_alphabetic)
        && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        && STOP.binary_search(&l).is_err()
        && !l.ends_with("ly")
        // "-ing" words are verbs here ("30% depending on"), but for nouns of the trade.
        && (!l.ends_with("ing") || ING_NOUNS.contains(&l))
}

/// Nouns that end in "-ing".
const ING_NOUNS: &[&str] = &[
    "marketing",
    "pricing",
    "funding",
    "onboarding",
    "licensing",
    "billing",
    "spending",
    "booking",
    "bookings",
    "training",
    "consulting",
    "engineering",
    "hiring",
    "staffing",
    "financing",
    "sourcing",
    "ticketing",
    "listing",
    "listings",
    "meeting",
    "meetings",
    "offering",
    "offerings",
    "opening",
    "openings",
    "pipeline-building",
    "recurring",
];

/// A plural noun: ends in "s", not in "ss", "us" or "is".
fn is_plural(l: &str) -> bool {
    l.len() > 2
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
}

/// A figure or a number word ("9", "£2.6M", "three", "10-15", "30+").
fn is_number(l: &str) -> bool {
    l.trim_start_matches(['$', '£', '€', '~'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
        || super::metric_patterns::NUMBER_WORDS.contains(&l)
}

/// A unit a compared number may carry ("from 45 days").
fn is_unit_word(l: &str) -> bool {
    TIME_WORDS.contains(&l)
        || matches!(
            l,
            "percent" | "points" | "partners" | "deals" | "customers" | "accounts" | "reps"
        )
}

/// "q2", "h1", "fy24".
fn is_quarter(l: &str) -> bool {
    let b = l.as_bytes();
    (b.len() == 2 && matches!(b[0], b'q' | b'h') && b[1].is_ascii_digit())
        || (l.starts_with("fy") && l[2..].bytes().all(|c| c.is_ascii_digit()) && l.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::super::metrics::find_metrics;

    fn spans(text: &str) -> Vec<String> {
        find_metrics(text).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn a_metric_is_the_whole_phrase() {
        let cases: &[(&str, &[&str])] = &[
            ("We hit 91% of their target.", &["91% of their target"]),
            ("It cost roughly $18K an hour.", &["roughly $18K an hour"]),
            (
                "We now work with about 60 technology partners.",
                &["about 60 technology partners"],
            ),
            (
                "We closed 38 co-sold deals vs 9 the year before.",
                &["38 co-sold deals vs 9"],
            ),
            (
                "Reps said 8 out of 10, up from 3.",
                &["8 out of 10, up from 3"],
            ),
            (
                "The goal was 10 marketplace deals by month 6.",
                &["10 marketplace deals by month 6"],
            ),
            (
                "Win rate went from 3% to 19% of new SMB bookings.",
                &["from 3% to 19% of new SMB bookings"],
            ),
            ("We moved $2M/month through them.", &["$2M/month"]),
            (
                "Savings came to £1.4M a year from £2.6M.",
                &["£1.4M a year from £2.6M"],
            ),
            (
                "We got 180 firms certified within 12 months.",
                &["180 firms certified within 12 months"],
            ),
            (
                "Only 5 of their 12 reps had sold it.",
                &["5 of their 12 reps"],
            ),
            ("NPS rose 12 points.", &["12 points"]),
            (
                "Costs fell from roughly $4M a year to under $500K.",
                &["from roughly $4M a year to under $500K"],
            ),
            (
                "Only 3 out of 10 who started finished it.",
                &["Only 3 out of 10"],
            ),
            (
                "It shipped two weeks later than the original date.",
                &["two weeks later than the original date"],
            ),
            (
                "Volume went from $2M to $2.8M in processed volume.",
                &["from $2M to $2.8M in processed volume"],
            ),
            (
                "Sales went past $1M in the region.",
                &["past $1M in the region"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(spans(text), *want, "{text}");
        }
    }

    #[test]
    fn a_phrase_stops_where_the_quantity_does() {
        let cases: &[(&str, &[&str])] = &[
            ("We signed 12 partners last quarter.", &["12 partners"]),
            ("I closed 3 deals worth $2M in total.", &["3 deals", "$2M"]),
            ("Revenue grew 20% and churn fell.", &["20%"]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(text), *want, "{text}");
        }
    }

    #[test]
    fn the_stop_words_are_sorted() {
        assert!(super::STOP.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn points_are_not_percents() {
        let m = find_metrics("NPS went up 12 points.");
        assert_eq!(m[0].kind, super::MetricKind::Points);
    }
}
