//! Closed classes of words the part rules test a word against: function words, subjects,
//! determiners, auxiliaries, the words that lead a verb…, and a few shapes ("-ed" form,
//! numeral). One bit each.
//!
//! These are grammar, not cues a coach tunes, so they live here rather than in the rules
//! file. A word's classes are worked out once per distinct word and kept with its tokens,
//! so a test in the per-sentence rules ([`super::text::Token::is`]) is a bit test instead
//! of a set lookup or a string comparison.

use std::sync::OnceLock;

bitflags::bitflags! {
    /// The closed word classes and shapes a word belongs to; a word may be in several.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Class: u32 {
        /// Not a word of substance: articles, pronouns, signpost labels ("result", "STAR")…
        const FUNCTION = 1;
        /// Starts a clause as its subject ("I", "they", "the team").
        const SUBJECT = 1 << 1;
        /// A determiner or a word used like one before an adjective ("the", "newly", "several").
        const DETERMINER = 1 << 2;
        /// After it, a listed action word is used as a verb ("I", "would", "then").
        const VERB_LEAD = 1 << 3;
        /// Follows a verb rather than an adjective ("moved from", "signed the").
        const FOLLOWS_VERB = 1 << 4;
        /// Before a past verb, makes it the story's own report ("had", "was", "then", "finally").
        const PAST_LEAD = 1 << 5;
        /// An auxiliary before a past participle ("has grown", "was signed", "got renewed").
        const AUXILIARY = 1 << 6;
        /// Before an "-ed" form or irregular past, a perfect ("has", "we've", "had").
        const PERFECT_AUX = 1 << 7;
        /// "I", "we".
        const I_OR_WE = 1 << 8;
        /// "would", "will", "could", "should", "might".
        const MODAL = 1 << 9;
        /// "I'd", "we'd", "I'll", "we'll".
        const MODAL_CONTRACTION = 1 << 10;
        /// The speaker as subject ("I", "we've", "myself").
        const SPEAKER = 1 << 11;
        /// Someone else as subject ("they", "she'd", "who").
        const OTHERS = 1 << 12;
        /// The speaker, singular ("I", "me", "my"): an action the candidate owned.
        const SINGULAR_SPEAKER = 1 << 13;
        /// Has a letter.
        const ALPHA = 1 << 14;
        /// Ends in "ed".
        const ENDS_ED = 1 << 15;
        /// A regular past form: longer than four letters, ends in "ed", letters and hyphens only.
        const ED_FORM = 1 << 16;
        /// Digits, with thousands commas or a decimal point.
        const NUMERAL = 1 << 17;
        /// "had": before a past verb, backstory rather than what resulted.
        const HAD = 1 << 18;
        /// Glue before a premise opener ("so", "well", "and", "generally").
        const PREMISE_GLUE = 1 << 19;
        /// "i", "i'm": the speaker stating a role ("I was channel manager").
        const I_AS_ROLE_SUBJECT = 1 << 20;
        /// "was", "am", "'m": the verb of a role statement.
        const ROLE_BE = 1 << 21;
        /// Opens a sentence on where it happened ("at", "in", "while", "when", "during").
        const PLACE_OPENER = 1 << 22;
        /// After a place opener ("a", "an", "my", "our").
        const PLACE_DETERMINER = 1 << 23;
        /// "a", "an", "the".
        const ARTICLE = 1 << 24;
        /// Points at one particular thing ("that", "this", "one").
        const DEMONSTRATIVE = 1 << 25;
        /// "of".
        const OF = 1 << 26;
        /// "i" or a contraction of it ("i'm", "i'd"): capitalised without being a name.
        const I_FORM = 1 << 27;
        /// Four digits starting "19" or "20": a year.
        const YEAR = 1 << 28;
        /// Written with ASCII letters, digits and `_` only (as the answer has it, not lowercased):
        /// a metric pattern can match every byte of it ([`as_written`]).
        const PLAIN = 1 << 29;
        /// Negates what follows it in its clause ("never", "no", "didn't", "without"; and
        /// "rather" and "instead" before "than" and "of").
        const NEGATOR = 1 << 30;
        /// Opens a new clause, so a negation before it does not reach past it ("but",
        /// "because", "so", "which").
        const CLAUSE_BREAK = 1 << 31;
    }
}

/// The listed classes. A word may be in several.
const LISTS: &[(Class, &[&str])] = &[
    (
        Class::FUNCTION,
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
        Class::SUBJECT,
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
        Class::DETERMINER,
        &[
            "a", "an", "the", "our", "their", "its", "my", "his", "her", "your", "this", "that",
            "these", "those", "more", "most", "fully", "well", "newly", "highly", "any", "every",
            "each", "some", "no", "all", "few", "many", "several", "both",
        ],
    ),
    (
        Class::VERB_LEAD,
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
        Class::FOLLOWS_VERB,
        &[
            "the", "a", "an", "from", "to", "by", "in", "on", "at", "with", "into", "for", "up",
            "down", "out", "over", "our", "their", "its", "his", "her", "them", "us", "me", "it",
            "and", "that", "this", "back", "off", "as", "after", "before", "within", "again",
        ],
    ),
    (
        Class::PAST_LEAD,
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
        Class::AUXILIARY,
        &[
            "has", "have", "had", "was", "were", "been", "got", "i've", "we've", "it's", "they've",
        ],
    ),
    (
        Class::PERFECT_AUX,
        &["has", "have", "i've", "we've", "it's", "had"],
    ),
    (Class::I_OR_WE, &["i", "we"]),
    (Class::MODAL, &["would", "will", "could", "should", "might"]),
    (Class::MODAL_CONTRACTION, &["i'd", "we'd", "i'll", "we'll"]),
    (
        Class::SPEAKER,
        &[
            "i", "we", "i'd", "we'd", "i'll", "we'll", "i've", "we've", "i'm", "we're", "myself",
        ],
    ),
    (
        Class::OTHERS,
        &[
            "they", "he", "she", "it", "they'd", "they've", "they're", "he'd", "she'd", "who",
        ],
    ),
    (
        Class::SINGULAR_SPEAKER,
        &["i", "i'd", "i've", "i'll", "i'm", "me", "my", "myself"],
    ),
    (Class::HAD, &["had"]),
    (Class::PREMISE_GLUE, &["so", "well", "and", "generally"]),
    (Class::I_AS_ROLE_SUBJECT, &["i", "i'm"]),
    (Class::ROLE_BE, &["was", "am", "'m"]),
    (
        Class::PLACE_OPENER,
        &["at", "in", "while", "when", "during"],
    ),
    (Class::PLACE_DETERMINER, &["a", "an", "my", "our"]),
    (Class::ARTICLE, &["a", "an", "the"]),
    (Class::DEMONSTRATIVE, &["that", "this", "one"]),
    (Class::OF, &["of"]),
    (
        Class::NEGATOR,
        &[
            "no", "not", "never", "without", "nor", "neither", "none", "nobody", "nothing",
            "cannot", "hardly", "rather", "instead",
        ],
    ),
    (
        Class::CLAUSE_BREAK,
        &[
            "but", "however", "although", "though", "yet", "so", "because", "which", "while",
            "whereas", "until", "then", "instead", "after", "before", "when", "once",
        ],
    ),
];

/// The classes of a word, given in lowercase with plain apostrophes (as tokens keep it).
pub fn classes(lower: &str) -> Class {
    static BY_WORD: OnceLock<rustc_hash::FxHashMap<&'static str, Class>> = OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(class, words) in LISTS {
            for &w in words {
                *map.entry(w).or_insert(Class::empty()) |= class;
            }
        }
        map
    });
    let mut class = by_word.get(lower).copied().unwrap_or_default();
    class.set(Class::ALPHA, lower.chars().any(char::is_alphabetic));
    if lower.ends_with("ed") {
        class |= Class::ENDS_ED;
        class.set(
            Class::ED_FORM,
            lower.len() > 4 && lower.chars().all(|c| c.is_alphabetic() || c == '-'),
        );
    }
    class.set(
        Class::NUMERAL,
        lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.'),
    );
    class.set(Class::I_FORM, lower == "i" || lower.starts_with("i'"));
    if lower.ends_with("n't") {
        class |= Class::NEGATOR;
    }
    class.set(
        Class::YEAR,
        lower.len() == 4
            && (lower.starts_with("19") || lower.starts_with("20"))
            && lower.bytes().all(|b| b.is_ascii_digit()),
    );
    class
}

/// The shapes of a word as the answer writes it: [`Class::PLAIN`].
pub fn as_written(word: &str) -> Class {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Class::PLAIN
    } else {
        Class::empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_their_listed_classes_and_shapes() {
        let has = |w: &str, c: Class| classes(w).contains(c);
        assert!(has("i", Class::SUBJECT | Class::SPEAKER | Class::I_OR_WE));
        assert!(has("had", Class::PAST_LEAD | Class::AUXILIARY));
        assert!(has("partner", Class::SUBJECT) && !has("partner", Class::FUNCTION));
        assert!(has("signed", Class::ED_FORM));
        assert!(!has("need", Class::ED_FORM), "too short to be a past form");
        assert!(has("need", Class::ENDS_ED));
        assert!(has("co-led", Class::ED_FORM));
        assert!(!has("x2ed", Class::ED_FORM));
        assert!(has("1,200.5", Class::NUMERAL) && !has("1,200.5", Class::ALPHA));
        assert!(!has("q3", Class::NUMERAL));
        assert!(
            has("Signed", Class::ED_FORM),
            "shapes do not need lowercase"
        );
        assert!(!has("I", Class::SUBJECT), "lists are matched in lowercase");
        assert!(has("i'm", Class::I_FORM) && !has("it", Class::I_FORM));
        assert!(has("2019", Class::YEAR));
        assert!(!has("2019s", Class::YEAR) && !has("3019", Class::YEAR));
        assert_eq!(as_written("Q3_2024"), Class::PLAIN);
        assert_eq!(as_written("it's"), Class::empty());
        assert_eq!(
            as_written("\u{212a}pi"),
            Class::empty(),
            "a Kelvin sign lowercases to ASCII, but is not"
        );
    }
}
