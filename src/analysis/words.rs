//! Closed classes of words the part rules test a word against: function words, subjects,
//! determiners, auxiliaries, the words that lead a verb…, and a few shapes ("-ed" form,
//! numeral). One bit each.
//!
//! These are grammar, not cues a coach tunes, so they live here rather than in the rules
//! file. A word's classes are worked out once per distinct word and kept with it
//! ([`super::text::Token::class`]), so a test in the per-sentence rules is a bit test
//! instead of a set lookup or a string comparison.

use std::sync::OnceLock;

/// Not a word of substance: articles, pronouns, signpost labels ("result", "STAR")…
pub const FUNCTION: u32 = 1;
/// Starts a clause as its subject ("I", "they", "the team").
pub const SUBJECT: u32 = 1 << 1;
/// A determiner or a word used like one before an adjective ("the", "newly", "several").
pub const DETERMINER: u32 = 1 << 2;
/// After it, a listed action word is used as a verb ("I", "would", "then").
pub const VERB_LEAD: u32 = 1 << 3;
/// Follows a verb rather than an adjective ("moved from", "signed the").
pub const FOLLOWS_VERB: u32 = 1 << 4;
/// Before a past verb, makes it the story's own report ("had", "was", "then", "finally").
pub const PAST_LEAD: u32 = 1 << 5;
/// An auxiliary before a past participle ("has grown", "was signed", "got renewed").
pub const AUXILIARY: u32 = 1 << 6;
/// Before an "-ed" form or irregular past, a perfect ("has", "we've", "had").
pub const PERFECT_AUX: u32 = 1 << 7;
/// "I", "we".
pub const I_OR_WE: u32 = 1 << 8;
/// "would", "will", "could", "should", "might".
pub const MODAL: u32 = 1 << 9;
/// "I'd", "we'd", "I'll", "we'll".
pub const MODAL_CONTRACTION: u32 = 1 << 10;
/// The speaker as subject ("I", "we've", "myself").
pub const SPEAKER: u32 = 1 << 11;
/// Someone else as subject ("they", "she'd", "who").
pub const OTHERS: u32 = 1 << 12;
/// The speaker, singular ("I", "me", "my"): an action the candidate owned.
pub const SINGULAR_SPEAKER: u32 = 1 << 13;
/// Has a letter.
pub const ALPHA: u32 = 1 << 14;
/// Ends in "ed".
pub const ENDS_ED: u32 = 1 << 15;
/// A regular past form: longer than four letters, ends in "ed", letters and hyphens only.
pub const ED_FORM: u32 = 1 << 16;
/// Digits, with thousands commas or a decimal point.
pub const NUMERAL: u32 = 1 << 17;
/// "had": before a past verb, backstory rather than what resulted.
pub const HAD: u32 = 1 << 18;
/// Glue before a premise opener ("so", "well", "and", "generally").
pub const PREMISE_GLUE: u32 = 1 << 19;
/// "i", "i'm": the speaker stating a role ("I was channel manager").
pub const I_AS_ROLE_SUBJECT: u32 = 1 << 20;
/// "was", "am", "'m": the verb of a role statement.
pub const ROLE_BE: u32 = 1 << 21;
/// Opens a sentence on where it happened ("at", "in", "while", "when", "during").
pub const PLACE_OPENER: u32 = 1 << 22;
/// After a place opener ("a", "an", "my", "our").
pub const PLACE_DETERMINER: u32 = 1 << 23;
/// "a", "an", "the".
pub const ARTICLE: u32 = 1 << 24;
/// Points at one particular thing ("that", "this", "one").
pub const DEMONSTRATIVE: u32 = 1 << 25;
/// "of".
pub const OF: u32 = 1 << 26;
/// "i" or a contraction of it ("i'm", "i'd"): capitalised without being a name.
pub const I_FORM: u32 = 1 << 27;
/// Four digits starting "19" or "20": a year.
pub const YEAR: u32 = 1 << 28;
/// Written with ASCII letters, digits and `_` only (as the answer has it, not lowercased):
/// a metric pattern can match every byte of it ([`as_written`]).
pub const PLAIN: u32 = 1 << 29;

/// The listed classes. A word may be in several.
const LISTS: &[(u32, &[&str])] = &[
    (
        FUNCTION,
        &[
            "a",
            "an",
            "the",
            "and",
            "or",
            "but",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "by",
            "it",
            "is",
            "was",
            "i",
            "we",
            "my",
            "our",
            "that",
            "this",
            "so",
            "lot",
            "very",
            "situation",
            "task",
            "action",
            "result",
            "results",
            "outcome",
            "learning",
            "lesson",
            "context",
            "approach",
            "example",
            "learned",
            "star",
            "car",
            "then",
            "also",
        ],
    ),
    (
        SUBJECT,
        &[
            "i",
            "we",
            "they",
            "he",
            "she",
            "it",
            "who",
            "which",
            "that",
            "partner",
            "partners",
            "revenue",
            "pipeline",
            "customers",
            "deal",
            "team",
        ],
    ),
    (
        DETERMINER,
        &[
            "a", "an", "the", "our", "their", "its", "my", "his", "her", "your", "this", "that",
            "these", "those", "more", "most", "fully", "well", "newly", "highly", "any", "every",
            "each", "some", "no", "all", "few", "many", "several", "both",
        ],
    ),
    (
        VERB_LEAD,
        &[
            "i",
            "we",
            "i'd",
            "we'd",
            "i'll",
            "we'll",
            "would",
            "will",
            "could",
            "should",
            "to",
            "then",
            "first",
            "also",
            "and",
            "personally",
            "immediately",
            "quickly",
            "jointly",
            "later",
            "finally",
            "next",
            "i've",
            "we've",
            "have",
            "has",
            "had",
            "they",
            "she",
            "he",
            "did",
            "didn't",
            "can",
            "must",
            "let's",
            "always",
            "usually",
            "typically",
            "so",
            "i'm",
            "we're",
            "by",
            "started",
            "began",
            "myself",
            "directly",
            "together",
            "instead",
            "actually",
            "eventually",
            "second",
            "third",
            "often",
            "never",
            "just",
            "still",
            "who",
            "mostly",
        ],
    ),
    (
        FOLLOWS_VERB,
        &[
            "the", "a", "an", "from", "to", "by", "in", "on", "at", "with", "into", "for", "up",
            "down", "out", "over", "our", "their", "its", "his", "her", "them", "us", "me", "it",
            "and", "that", "this", "back", "off", "as", "after", "before", "within", "again",
        ],
    ),
    (
        PAST_LEAD,
        &[
            "had",
            "was",
            "were",
            "then",
            "also",
            "finally",
            "eventually",
            "quickly",
        ],
    ),
    (
        AUXILIARY,
        &[
            "has", "have", "had", "was", "were", "been", "got", "i've", "we've", "it's", "they've",
        ],
    ),
    (
        PERFECT_AUX,
        &["has", "have", "i've", "we've", "it's", "had"],
    ),
    (I_OR_WE, &["i", "we"]),
    (MODAL, &["would", "will", "could", "should", "might"]),
    (MODAL_CONTRACTION, &["i'd", "we'd", "i'll", "we'll"]),
    (
        SPEAKER,
        &[
            "i", "we", "i'd", "we'd", "i'll", "we'll", "i've", "we've", "i'm", "we're", "myself",
        ],
    ),
    (
        OTHERS,
        &[
            "they", "he", "she", "it", "they'd", "they've", "they're", "he'd", "she'd", "who",
        ],
    ),
    (
        SINGULAR_SPEAKER,
        &["i", "i'd", "i've", "i'll", "i'm", "me", "my", "myself"],
    ),
    (HAD, &["had"]),
    (PREMISE_GLUE, &["so", "well", "and", "generally"]),
    (I_AS_ROLE_SUBJECT, &["i", "i'm"]),
    (ROLE_BE, &["was", "am", "'m"]),
    (PLACE_OPENER, &["at", "in", "while", "when", "during"]),
    (PLACE_DETERMINER, &["a", "an", "my", "our"]),
    (ARTICLE, &["a", "an", "the"]),
    (DEMONSTRATIVE, &["that", "this", "one"]),
    (OF, &["of"]),
];

/// The classes of a word, given in lowercase with plain apostrophes (as tokens keep it).
pub fn classes(lower: &str) -> u32 {
    static BY_WORD: OnceLock<rustc_hash::FxHashMap<&'static str, u32>> = OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(bit, words) in LISTS {
            for &w in words {
                *map.entry(w).or_insert(0) |= bit;
            }
        }
        map
    });
    let mut class = by_word.get(lower).copied().unwrap_or(0);
    if lower.chars().any(char::is_alphabetic) {
        class |= ALPHA;
    }
    if lower.ends_with("ed") {
        class |= ENDS_ED;
        if lower.len() > 4 && lower.chars().all(|c| c.is_alphabetic() || c == '-') {
            class |= ED_FORM;
        }
    }
    if lower
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        class |= NUMERAL;
    }
    if lower == "i" || lower.starts_with("i'") {
        class |= I_FORM;
    }
    if lower.len() == 4
        && (lower.starts_with("19") || lower.starts_with("20"))
        && lower.bytes().all(|b| b.is_ascii_digit())
    {
        class |= YEAR;
    }
    class
}

/// The shapes of a word as the answer writes it: [`PLAIN`].
pub fn as_written(word: &str) -> u32 {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        PLAIN
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_their_listed_classes_and_shapes() {
        assert_eq!(
            classes("i") & (SUBJECT | SPEAKER | I_OR_WE),
            SUBJECT | SPEAKER | I_OR_WE
        );
        assert_eq!(
            classes("had") & (PAST_LEAD | AUXILIARY),
            PAST_LEAD | AUXILIARY
        );
        assert_eq!(classes("partner") & (SUBJECT | FUNCTION), SUBJECT);
        assert_ne!(classes("signed") & ED_FORM, 0);
        assert_eq!(classes("need") & ED_FORM, 0, "too short to be a past form");
        assert_ne!(classes("need") & ENDS_ED, 0);
        assert_eq!(classes("co-led") & ED_FORM, ED_FORM);
        assert_eq!(classes("x2ed") & ED_FORM, 0);
        assert_ne!(classes("1,200.5") & NUMERAL, 0);
        assert_eq!(classes("1,200.5") & ALPHA, 0);
        assert_eq!(classes("q3") & NUMERAL, 0);
        assert_eq!(
            classes("Signed") & ED_FORM,
            ED_FORM,
            "shapes do not need lowercase"
        );
        assert_eq!(classes("I") & SUBJECT, 0, "lists are matched in lowercase");
        assert_eq!(classes("i'm") & I_FORM, I_FORM);
        assert_eq!(classes("it") & I_FORM, 0);
        assert_eq!(classes("2019") & YEAR, YEAR);
        assert_eq!(classes("2019s") & YEAR, 0);
        assert_eq!(classes("3019") & YEAR, 0);
        assert_eq!(as_written("Q3_2024"), PLAIN);
        assert_eq!(as_written("it's"), 0);
        assert_eq!(
            as_written("\u{212a}pi"),
            0,
            "a Kelvin sign lowercases to ASCII, but is not"
        );
    }
}
