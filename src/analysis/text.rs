//! Splitting an answer into sentences and words, with byte spans into the original text.
//!
//! Answers arrive as prose, as bullet lists, with signpost labels ("Result: …"), curly quotes,
//! em dashes and emoji. Every later stage works on these units, and every finding points back
//! into the answer through their spans, so this module is the only place that decides where a
//! sentence or a word starts and ends.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation as _;

use super::rules::{LexBits, Rules};
use super::words::{as_written, classes, Class};
use super::Part;

/// A word of the answer: its span, its stem's and lowercase form's numbers and what the
/// checker's lexicons and patterns make of it. Plain numbers only (64 bytes), so a
/// sentence's words are copied and dropped without touching each one.
///
/// What the fast path keeps on a token (numbers, lexicon bits, pattern cues) is seen only
/// by this module and the lexicons; the rules read a word through its methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The stem's number ([`intern`]).
    pub(super) id: u32,
    /// The lowercase form's number ([`intern`]; typographic apostrophes made plain): word
    /// lists compare by it, with no string hashing.
    pub(super) lower_id: u32,
    /// Starts with an uppercase letter in the answer.
    capital: bool,
    /// Joined to the word before by a hyphen or slash ("partner-sourced").
    joined: bool,
    /// The bits of the rules' lexicons (one each) where this word's stem starts an entry of
    /// several words; set from `Rules::bits` when the words are split with rules.
    pub(super) multi: u64,
    /// The bits of those lexicons where this stem is a one-word entry.
    pub(super) single: u64,
    /// Where the rules keep the entries of several words that start with this stem.
    pub(super) phrases: u32,
    /// Which lexicons have this exact word (lowercase) as an entry, one bit each, plus a
    /// bit saying they were set; set from `Rules::bits` when the words are split with rules.
    pub(super) words: u64,
    /// Which metric patterns a word like this can start ([`super::metrics::word_cues`]).
    pub(super) cue: u16,
    /// The closed word classes it belongs to ([`super::words`]).
    class: Class,
    /// Its stem's row in the topic model ([`super::topic`]).
    pub(super) topic: u16,
}

// A token is one cache line at most (on 64-bit targets).
const _: () = assert!(std::mem::size_of::<Token>() <= 64);

/// A sentence (or bullet item) of the answer, with its words: [`Token`]s on the fast path,
/// plain words in the reference checker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<T = Token> {
    /// Span of the sentence text, without a leading bullet marker or signpost label.
    pub start: usize,
    pub end: usize,
    /// The part the signpost label in front of it announces ("Result:" → outcome), if any.
    pub label: Option<Part>,
    /// Came from a bullet or numbered list item.
    pub bullet: bool,
    pub tokens: Vec<T>,
    /// The lexicons with an entry in it (`Rules::hits`); all ones when not worked out.
    pub hits: u64,
}

impl Token {
    /// Where the word starts in the answer (a byte offset).
    pub fn start(&self) -> usize {
        self.start
    }

    /// Where the word ends in the answer (a byte offset, exclusive).
    pub fn end(&self) -> usize {
        self.end
    }

    /// Whether the word is in any of the word classes `class` names.
    pub fn is(&self, class: Class) -> bool {
        self.class.intersects(class)
    }

    /// Starts with an uppercase letter in the answer.
    pub fn capital(&self) -> bool {
        self.capital
    }

    /// Joined to the word before by a hyphen or slash ("partner-sourced").
    pub fn joined(&self) -> bool {
        self.joined
    }

    /// Whether the word is plain ASCII letters and digits as written, so every byte of it
    /// can be part of a metric match.
    pub(super) fn plain(&self) -> bool {
        self.class.contains(Class::PLAIN)
    }

    /// Which of the rules' lexicons have an entry starting with this word's stem: every
    /// entry is of one word or of several.
    pub(super) fn mask(&self) -> u64 {
        self.single | self.multi
    }
}

impl<T> Sentence<T> {
    pub fn text<'a>(&self, answer: &'a str) -> &'a str {
        &answer[self.start..self.end]
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

mod stem_table {
    include!(concat!(env!("OUT_DIR"), "/stem_table.rs"));
}

/// The stem of a lowercase word: looked up when the built-in banks or rules have the word
/// (`build.rs` stemmed those), else worked out.
fn stem_of(lower: &str) -> std::borrow::Cow<'_, str> {
    match stem_table::STEM_TABLE.binary_search_by(|(w, _)| (*w).cmp(lower)) {
        Ok(i) if stem_table::STEM_TABLE[i].1.is_empty() => std::borrow::Cow::Borrowed(lower),
        Ok(i) => std::borrow::Cow::Borrowed(stem_table::STEM_TABLE[i].1),
        Err(_) => stemmer().stem(lower),
    }
}

/// The stem of a word, as lexicon entries and answer words are compared (by its
/// [`intern`] number: see [`stem_id`]).
pub fn stem(word: &str) -> String {
    stem_of(&normalize(word)).into_owned()
}

/// Stems and lowercase forms numbered at most by [`intern`] for the words of answers: a
/// stream of distinct words cannot grow the table without bound. Lexicon entries are
/// always numbered.
const INTERN_CAP: usize = 1 << 20;

/// The number [`intern`] gives a word of an answer once the table is full: no lexicon entry
/// has it, so the word matches none (as a word no lexicon has would).
pub const UNKNOWN: u32 = u32::MAX;

/// The process-wide number of a stem: lexicons and answers compare stems by number, with
/// no string hashing or comparison in the matching loop. Numbers are given out under a
/// lock, but only when a thread meets a word for the first time. A lexicon's entries are
/// always numbered (`always`); an answer's word is numbered while the table has room, and
/// is [`UNKNOWN`] after that unless it was numbered before.
pub fn intern(stem: &str, always: bool) -> u32 {
    static IDS: std::sync::Mutex<Option<rustc_hash::FxHashMap<Box<str>, u32>>> =
        std::sync::Mutex::new(None);
    let mut guard = IDS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let ids = guard.get_or_insert_with(Default::default);
    if let Some(&id) = ids.get(stem) {
        return id;
    }
    if !always && ids.len() >= INTERN_CAP {
        return UNKNOWN;
    }
    let id = ids.len() as u32;
    ids.insert(Box::from(stem), id);
    id
}

/// The number of a lexicon entry's stem, as [`intern`] gives it.
pub fn stem_id(word: &str) -> u32 {
    entry_word(word).0
}

/// The number of a lexicon entry's lowercase form, as tokens carry it in `lower_id`.
pub fn lower_id(word: &str) -> u32 {
    entry_word(word).1
}

/// The numbers of a lexicon entry's word (its stem's and lowercase form's), always given
/// ([`intern`]), remembered per thread: a process builds the same lexicons more than once.
fn entry_word(word: &str) -> (u32, u32) {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(k) = memo.get_or_work_out(word, Memo::pack(word)) {
            return (k.id, k.lower_id);
        }
        let k = work_out(word, true);
        let numbers = (k.id, k.lower_id);
        if !memo.is_full() {
            memo.insert(word, k);
        }
        numbers
    })
}

/// Metric cues not worked out yet.
const NO_CUES_YET: u16 = u16::MAX;

/// What is remembered of a word: its stem's number, its lowercase form's number, its
/// metric cues ([`NO_CUES_YET`] until a word of an answer needs them: lexicon words never
/// do) and its lexicon bits (`LexBits`, laid out flat) under the rules with serial number
/// `serial` (0: none yet). All a token needs, in 48 bytes: with a short word's key, a
/// memo entry is one cache line, so looking up a word not seen lately is one trip to
/// memory.
#[derive(Clone, Copy)]
struct Known {
    multi: u64,
    single: u64,
    words: u64,
    phrases: u32,
    id: u32,
    lower_id: u32,
    class: Class,
    serial: u32,
    cue: u16,
    topic: u16,
}

// A short word's memo entry (its 16-byte key and what is known of it) fills one cache line.
const _: () = assert!(std::mem::size_of::<(u128, Known)>() <= 64);

impl Known {
    /// Whether the word and its stem have numbers ([`intern`]).
    fn numbered(&self) -> bool {
        self.id != UNKNOWN && self.lower_id != UNKNOWN
    }

    /// Its lexicon bits under `rules`, remembered.
    fn set_bits(&mut self, rules: &Rules) {
        let b = rules.bits(self.id, self.lower_id);
        (self.multi, self.single, self.words, self.phrases) =
            (b.multi, b.single, b.words, b.phrases);
        self.serial = rules.serial();
    }
}

/// What is known of words, by the word as written, kept in the tables themselves so a
/// lookup is one trip to memory. A word of up to 15 bytes (nearly all) is keyed by its
/// bytes packed in one number, so a lookup compares numbers instead of calling `memcmp`.
#[derive(Default)]
struct Memo {
    short: rustc_hash::FxHashMap<u128, Known>,
    long: rustc_hash::FxHashMap<Box<str>, Known>,
}

impl Memo {
    /// Words remembered at most: a stream of distinct words cannot grow it without bound.
    const CAP: usize = 200_000;

    /// A word of up to 15 bytes as one number: its length in the low byte, then its bytes.
    fn pack(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        if b.len() > 15 {
            return None;
        }
        let mut bytes = [0; 16];
        bytes[0] = b.len() as u8;
        bytes[1..=b.len()].copy_from_slice(b);
        Some(u128::from_le_bytes(bytes))
    }

    /// [`Memo::pack`] for the word `text[at..at + len]`, read with one 16-byte load where
    /// the text goes on that far (nearly always). Copying the word's bytes into a buffer
    /// and reading them back as one number stalls the processor (a load cannot be served
    /// from several smaller stores), and that stall was most of a lookup's time.
    fn pack_at(text: &[u8], at: usize, len: usize) -> Option<u128> {
        if len > 15 {
            return None;
        }
        match text.get(at..at + 16).map(<[u8; 16]>::try_from) {
            Some(Ok(chunk)) => {
                let word = u128::from_le_bytes(chunk) & ((1u128 << (8 * len)) - 1);
                Some(word << 8 | len as u128)
            }
            _ => Memo::pack(std::str::from_utf8(&text[at..at + len]).ok()?),
        }
    }

    fn is_full(&self) -> bool {
        self.short.len() + self.long.len() >= Memo::CAP
    }

    /// Remember what is known of `word`.
    fn insert(&mut self, word: &str, known: Known) {
        match Memo::pack(word) {
            Some(key) => {
                self.short.insert(key, known);
            }
            None => {
                self.long.insert(Box::from(word), known);
            }
        }
    }

    /// What is known of `word` (whose key, [`Memo::pack`], is `key`), worked out and kept
    /// on first sight (one lookup for a short word, seen or not); `None` for a new word
    /// when the memo is full or the word has no number ([`UNKNOWN`]): such a word is worked
    /// out each time, as a lexicon built later may number it.
    fn get_or_work_out(&mut self, word: &str, key: Option<u128>) -> Option<&mut Known> {
        use std::collections::hash_map::Entry;
        let full = self.is_full();
        let fresh = || Some(work_out(word, false)).filter(Known::numbered);
        if let Some(key) = key {
            match self.short.entry(key) {
                Entry::Occupied(e) => Some(e.into_mut()),
                Entry::Vacant(_) if full => None,
                Entry::Vacant(e) => Some(e.insert(fresh()?)),
            }
        } else {
            if !self.long.contains_key(word) {
                if full {
                    return None;
                }
                self.long.insert(Box::from(word), fresh()?);
            }
            self.long.get_mut(word)
        }
    }
}

thread_local! {
    /// What is known of each word, by the word as written: answers reuse a small
    /// vocabulary, and a lookup costs a fraction of lowercasing, stemming and the lexicon
    /// lookups.
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::default();
}

/// A word of an answer: what is known of it with the metric cues worked out, and its
/// lexicon bits under `rules` (when given), all remembered. Handed back by reference, so a
/// token copies only what it keeps; `spare` holds a word the memo had no room for.
fn answer_word<'m>(
    memo: &'m mut Memo,
    word: &str,
    key: Option<u128>,
    rules: Option<&Rules>,
    spare: &'m mut Option<Known>,
) -> &'m Known {
    let Some(k) = memo.get_or_work_out(word, key) else {
        return spare.insert(with_rules(word, work_out(word, false), rules));
    };
    if k.cue == NO_CUES_YET {
        k.cue = super::metrics::word_cues(&normalize(word));
    }
    if let Some(r) = rules {
        if k.serial != r.serial() {
            k.set_bits(r);
        }
    }
    k
}

/// A word the memo had no room for, with its cues and bits worked out.
fn with_rules(word: &str, mut k: Known, rules: Option<&Rules>) -> Known {
    k.cue = super::metrics::word_cues(&normalize(word));
    if let Some(r) = rules {
        k.set_bits(r);
    }
    k
}

/// What is known of a word, worked out from scratch (numbered always for a lexicon's
/// entry, while there is room for an answer's word: [`intern`]).
fn work_out(word: &str, always: bool) -> Known {
    let lower = normalize(word);
    let stemmed = stem_of(&lower);
    let id = intern(&stemmed, always);
    let lower_id = if *lower == *stemmed {
        id
    } else {
        intern(&lower, always)
    };
    let none = LexBits::default();
    Known {
        multi: none.multi,
        single: none.single,
        words: none.words,
        phrases: none.phrases,
        id,
        lower_id,
        class: classes(&lower) | as_written(word),
        serial: 0,
        cue: NO_CUES_YET,
        topic: super::topic::row_of(&stemmed),
    }
}

/// Whether two words (lowercase) of the same stem are of one word family, not two senses
/// the stemmer joins: "negotiated" and "negotiation" are, "activity" and "activation" are
/// not. One's root (the word without an inflection or a final "e" or "y") must start the
/// other's.
pub fn same_family(a: &str, b: &str) -> bool {
    let (ra, rb) = (root(a), root(b));
    ra.starts_with(rb) || rb.starts_with(ra)
}

/// A word without its inflection ("-s", "-es", "-ies", "-ed", "-ing") and final "e" or "y".
fn root(w: &str) -> &str {
    let w = if let Some(stem) = w.strip_suffix("ies") {
        stem
    } else if let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 3) {
        stem
    } else if let Some(stem) = w.strip_suffix("ed").filter(|s| s.len() >= 3) {
        stem
    } else if let Some(stem) = w
        .strip_suffix("es")
        .filter(|s| s.ends_with(['s', 'x', 'z', 'h']))
    {
        stem
    } else if let Some(stem) = w.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        stem
    } else {
        w
    };
    w.strip_suffix(['e', 'y'])
        .filter(|s| s.len() >= 3)
        .unwrap_or(w)
}

pub use super::normalize::normalize;

/// The stems' numbers of a lexicon entry's words (always numbered: [`intern`]).
pub fn entry_stems(entry: &str) -> Vec<u32> {
    entry
        .unicode_word_indices()
        .map(|(_, w)| entry_word(w).0)
        .collect()
}

/// The words of `text[start..end]`, offset into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    tokenize_with(text, start, end, None)
}

/// [`tokenize`], with each token's lexicon bits for `rules` (`Rules::bits`) set from what
/// is remembered of the word.
pub fn tokenize_with(text: &str, start: usize, end: usize, rules: Option<&Rules>) -> Vec<Token> {
    let span = &text[start..end];
    // Room for a word every four bytes (words average about six with their space), so the
    // list is not copied as it grows; a huge span starts smaller and grows.
    let room = (span.len() / 4 + 1).min(1024);
    let mut tokens = Vec::with_capacity(room);
    if is_simple(span) {
        tokens_of(text, start, simple_words(span), rules, &mut tokens);
    } else {
        tokens_of(text, start, span.unicode_word_indices(), rules, &mut tokens);
    }
    tokens
}

/// Tokens for the words of `text[start..]` that `words` finds (offsets into that slice).
fn tokens_of<'a>(
    text: &'a str,
    start: usize,
    words: impl Iterator<Item = (usize, &'a str)>,
    rules: Option<&Rules>,
    out: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    let mut spare = None;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        out.extend(words.map(|(i, w)| {
            let at = start + i;
            let key = Memo::pack_at(bytes, at, w.len());
            let k = answer_word(&mut memo, w, key, rules, &mut spare);
            // Without rules a token has no lexicon bits, whatever the memo holds.
            let bits = match rules {
                Some(_) => LexBits {
                    multi: k.multi,
                    single: k.single,
                    words: k.words,
                    phrases: k.phrases,
                },
                None => LexBits::default(),
            };
            Token {
                start: at,
                end: at + w.len(),
                id: k.id,
                lower_id: k.lower_id,
                capital: match bytes[at] {
                    b if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => w.chars().next().is_some_and(char::is_uppercase),
                },
                // U+2011 (non-breaking hyphen) ends in 0x91.
                joined: at > 0
                    && (matches!(bytes[at - 1], b'-' | b'/')
                        || (bytes[at - 1] == 0x91 && text[..at].ends_with('\u{2011}'))),
                multi: bits.multi,
                single: bits.single,
                phrases: bits.phrases,
                words: bits.words,
                cue: k.cue,
                class: k.class,
                topic: k.topic,
            }
        }));
    });
}

/// Characters beyond ASCII that [`simple_words`] knows the word-boundary class of: the
/// typographic punctuation answers are full of. Curly apostrophes join words ("it’s"); the
/// rest separate them.
const SIMPLE: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{2022}',
    '\u{a0}', '\u{a3}', '\u{a5}', '\u{20ac}',
];

/// Whether [`simple_words`] segments this text exactly as UAX #29 does.
fn is_simple(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || SIMPLE.contains(&c))
}

/// The words of a text of ASCII and [`SIMPLE`] characters exactly as UAX #29
/// (`unicode_word_indices`) finds them, without its table lookups: most answers are plain
/// text, and word segmentation is the first cost every answer pays.
///
/// For these characters the rules come down to: letters, digits and `_` run together; a
/// letter joins a letter across one `:`, `.`, `'`, `‘` or `’` (WB6/7); a digit joins a digit
/// across one `,`, `;`, `.`, `'`, `‘` or `’` (WB11/12); a run is a word if it has a letter
/// or digit.
pub fn simple_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if !is_word_byte(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            loop {
                if i < b.len() && is_word_byte(b[i]) {
                    i += 1;
                    continue;
                }
                let Some((mid_len, after_letter, after_digit)) = mid(&b[i..]) else {
                    break;
                };
                let (last, next) = (b[i - 1], b.get(i + mid_len).copied().unwrap_or(b' '));
                let joins =
                    (after_letter && last.is_ascii_alphabetic() && next.is_ascii_alphabetic())
                        || (after_digit && last.is_ascii_digit() && next.is_ascii_digit());
                if !joins {
                    break;
                }
                i += mid_len;
            }
            let word = &text[start..i];
            if word.bytes().any(|c| c.is_ascii_alphanumeric()) {
                return Some((start, word));
            }
        }
        None
    })
}

/// A mid-word character at the start of `rest`: its length, and whether it joins letters
/// (MidLetter, MidNumLet) and digits (MidNum, MidNumLet).
fn mid(rest: &[u8]) -> Option<(usize, bool, bool)> {
    match rest {
        [b':', ..] => Some((1, true, false)),
        [b'.' | b'\'', ..] => Some((1, true, true)),
        [b',' | b';', ..] => Some((1, false, true)),
        [0xE2, 0x80, 0x98 | 0x99, ..] => Some((3, true, true)),
        _ => None,
    }
}

fn is_word_byte(c: u8) -> bool {
    /// ASCII letters, digits and `_`, by byte: one lookup in the loop every byte of an
    /// answer goes through.
    const WORD: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
            b += 1;
        }
        t
    };
    WORD[usize::from(c)]
}

/// Signpost labels and the part of a strong answer each one announces.
pub const LABELS: &[(&str, Part)] = &[
    ("situation", Part::Context),
    ("context", Part::Context),
    ("background", Part::Context),
    ("problem", Part::Context),
    ("challenge", Part::Context),
    ("task", Part::Context),
    ("goal", Part::Context),
    ("action", Part::Approach),
    ("actions", Part::Approach),
    ("approach", Part::Approach),
    ("what i did", Part::Approach),
    ("steps", Part::Approach),
    ("example", Part::Example),
    ("result", Part::Outcome),
    ("results", Part::Outcome),
    ("outcome", Part::Outcome),
    ("impact", Part::Outcome),
    ("learning", Part::Learning),
    ("learnings", Part::Learning),
    ("lesson", Part::Learning),
    ("lessons", Part::Learning),
    ("lesson learned", Part::Learning),
    ("lessons learned", Part::Learning),
    ("reflection", Part::Learning),
    ("takeaway", Part::Learning),
    ("takeaways", Part::Learning),
    ("key takeaway", Part::Learning),
    ("key takeaways", Part::Learning),
    ("key learning", Part::Learning),
    ("key learnings", Part::Learning),
    ("lesson learnt", Part::Learning),
    ("lessons learnt", Part::Learning),
    ("what i learned", Part::Learning),
    ("what i learnt", Part::Learning),
    ("reflections", Part::Learning),
    ("action taken", Part::Approach),
    ("actions taken", Part::Approach),
    ("solution", Part::Approach),
];

/// Split an answer into sentences: lines first (so bullets and labels are units), then
/// sentence boundaries inside each line.
pub fn sentences(text: &str) -> Vec<Sentence> {
    sentences_with(text, None)
}

/// [`sentences`], with every token's lexicon bits for `rules` set and each sentence's
/// unions of them.
pub fn sentences_with(text: &str, rules: Option<&Rules>) -> Vec<Sentence> {
    let mut out = split(text, |start, end| tokenize_with(text, start, end, rules));
    if let Some(rules) = rules {
        for s in &mut out {
            s.hits = rules.hits(&s.tokens);
        }
    }
    out
}

/// The sentences of an answer with the words `words` finds in each span: lines first (so
/// bullets and labels are units), then sentence boundaries inside each line; a piece with
/// no word is dropped, and pieces cut after an abbreviation are joined again. A line break
/// inside a sentence (hard-wrapped notes) does not end it: see [`lines`].
pub fn split<T>(text: &str, mut words: impl FnMut(usize, usize) -> Vec<T>) -> Vec<Sentence<T>> {
    let mut out = Vec::new();
    let mut pending_label: Option<Part> = None;
    for line in lines(text) {
        let Line {
            body: body_start,
            end: offset,
            bullet,
            label,
            ..
        } = line;
        let mut label = label.or_else(|| pending_label.take());
        // A span has a word exactly when it has a letter or digit.
        if !text[body_start..offset].chars().any(char::is_alphanumeric) {
            // A label alone on its line announces the next line.
            if label.is_some() {
                pending_label = label;
            }
            continue;
        }
        for (i, s) in split_sentences(&text[body_start..offset]) {
            let (s_start, s_end) = trim_span(text, body_start + i, body_start + i + s.len());
            if s_start >= s_end {
                continue;
            }
            let tokens = words(s_start, s_end);
            if tokens.is_empty() {
                continue;
            }
            out.push(Sentence {
                start: s_start,
                end: s_end,
                label: label.take(),
                bullet,
                tokens,
                hits: u64::MAX,
            });
        }
    }
    merge_fragments(text, out)
}

/// A line as a speaker means it: one or more physical lines, with the bullet marker and
/// signpost label its first one opens with.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Line {
    /// Where its first physical line starts, where its text after a bullet and label
    /// starts, and where its last physical line ends.
    start: usize,
    body: usize,
    end: usize,
    bullet: bool,
    label: Option<Part>,
}

/// The lines of an answer, a hard-wrapped line joined to the one it continues: a physical
/// line continues the one before when that one ends with no sentence end (`.`, `:`…), is no
/// heading or label alone, and either is as wide as the text is wrapped at, ends on a comma
/// or a word that cannot end a sentence ("the", "to", "and"), or is followed by a line that
/// starts in lowercase. A line that opens a bullet, a label or a heading, or a blank line,
/// always starts anew.
fn lines(text: &str) -> Vec<Line> {
    // The width the text is wrapped at, worked out only for a text with more than one line.
    let wrap = std::cell::OnceCell::new();
    let wrap = || {
        *wrap.get_or_init(|| {
            text.split('\n')
                .map(|l| l.trim_end().chars().count())
                .max()
                .unwrap_or(0)
        })
    };
    let mut out: Vec<Line> = Vec::new();
    let mut offset = 0;
    for physical in text.split_inclusive('\n') {
        let start = offset;
        offset += physical.len();
        let (body, bullet) = skip_bullet(text, start, offset);
        let (body, label) = match take_label(text, body, offset) {
            Some((after, label)) => (after, Some(label)),
            None => (body, None),
        };
        let opens = bullet || label.is_some() || physical.trim_start().starts_with(['#', '|']);
        match out.last_mut() {
            Some(prev) if !opens && continues(text, prev, physical, wrap) => {
                prev.end = offset;
            }
            _ => out.push(Line {
                start,
                body,
                end: offset,
                bullet,
                label,
            }),
        }
    }
    out
}

/// The offsets of the line breaks that lie inside a line as a speaker means it (a
/// hard-wrapped sentence), sorted.
pub fn breaks_inside_lines(text: &str) -> Vec<usize> {
    lines(text)
        .iter()
        .flat_map(|l| {
            // The break that ends the line is not inside it.
            let inner = text[l.start..l.end]
                .strip_suffix('\n')
                .unwrap_or(&text[l.start..l.end]);
            inner.match_indices('\n').map(move |(i, _)| l.start + i)
        })
        .collect()
}

/// Whether physical line `next` continues `prev` (see [`lines`]).
fn continues(text: &str, prev: &Line, next: &str, wrap: impl Fn() -> usize) -> bool {
    let next = next.trim();
    let Some(first) = next.chars().next() else {
        return false;
    };
    // A label or bullet marker alone on its line announces the next one.
    if !text[prev.body..prev.end].chars().any(char::is_alphanumeric) {
        return false;
    }
    let last_line = text[prev.start..prev.end]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let ended = last_line.trim_end_matches(['*', '_', '"', '\'', ')', '”', '’', ' ']);
    if ended.is_empty()
        || ended.ends_with(['.', '!', '?', '…', ':', ';'])
        || last_line.trim_start().starts_with(['#', '|'])
    {
        return false;
    }
    if !(first.is_alphanumeric() || matches!(first, '$' | '£' | '€' | '(' | '"' | '“' | '‘'))
    {
        return false;
    }
    let last_word = ended
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let width = last_line.trim().chars().count();
    first.is_lowercase()
        || ended.ends_with([',', '-', '–', '—', '/', '&', '('])
        || OPEN_ENDED.contains(&last_word.as_str())
        || (width >= 40 && width * 4 >= wrap() * 3)
}

/// Words a sentence does not end on: a line that ends on one runs on to the next.
const OPEN_ENDED: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "to", "of", "for", "with", "in", "on", "at", "by",
    "from", "into", "as", "that", "which", "who", "whose", "our", "their", "my", "his", "her",
    "its", "your", "this", "these", "those", "was", "were", "is", "are", "be", "been", "had",
    "has", "have", "would", "could", "will", "so", "than", "then", "because", "while", "when",
    "about", "over", "under", "after", "before", "between", "up", "across", "we", "i", "they",
];

/// Join pieces that sentence segmentation cut wrongly ("e.g. a reseller", "approx. 40%"): a
/// piece that starts lowercase continues the one before it on the same line when that one
/// ends in an abbreviation.
fn merge_fragments<T>(text: &str, list: Vec<Sentence<T>>) -> Vec<Sentence<T>> {
    let mut out: Vec<Sentence<T>> = Vec::with_capacity(list.len());
    for s in list {
        let starts_lower = text[s.start..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(prev)
                if starts_lower
                    && ends_in_abbreviation(&text[prev.start..prev.end])
                    && s.label.is_none()
                    && !s.bullet
                    && !text[prev.end..s.start].contains('\n') =>
            {
                prev.end = s.end;
                prev.tokens.extend(s.tokens);
            }
            _ => out.push(s),
        }
    }
    out
}

/// Sentence pieces of one line: a piece ends after `.`, `!`, `?` or `…` (and any closing
/// quotes or brackets) followed by white space. Decimals ("2.4") and abbreviations inside a
/// word ("e.g.") do not end a piece; [`merge_fragments`] rejoins pieces cut after one.
fn split_sentences(line: &str) -> Vec<(usize, &str)> {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut ellipsis = memchr::memmem::find(bytes, ELLIPSIS);
    let mut emoji = next_emoji(line, 0);
    while i < bytes.len() {
        // Jump to the next terminator (`.`, `!`, `?` or `…`): the bytes between are
        // skipped by `memchr`'s vector search, not one at a time.
        if ellipsis.is_some_and(|e| e < i) {
            ellipsis = memchr::memmem::find(&bytes[i..], ELLIPSIS).map(|e| e + i);
        }
        if emoji.is_some_and(|e| e < i) {
            emoji = next_emoji(line, i);
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|t| t + i);
        let Some(next) = [ascii, ellipsis, emoji].into_iter().flatten().min() else {
            break;
        };
        let mut j = next
            + match bytes[next] {
                0xF0 => 4,
                b if b >= 0x80 => ELLIPSIS.len(),
                _ => 1,
            };
        // Runs of terminators, then closing quotes and brackets.
        loop {
            let rest = &line[j..];
            let next = rest.chars().next();
            match next {
                Some('.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '”' | '’' | '»') => {
                    j += next.map_or(1, char::len_utf8);
                }
                _ => break,
            }
        }
        if j >= bytes.len() || line[j..].starts_with(char::is_whitespace) {
            out.push((start, &line[start..j]));
            start = j;
        }
        i = j;
    }
    if start < line.len() {
        out.push((start, &line[start..]));
    }
    out
}

/// The next emoji at or after `from` (a four-byte character in the pictograph blocks):
/// people end a sentence with one instead of a full stop ("…$400K in new ARR 🙂 What I
/// learned: …").
fn next_emoji(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = from;
    while let Some(k) = memchr::memchr(0xF0, &bytes[at..]) {
        let p = at + k;
        if let Some(c) = line.get(p..).and_then(|r| r.chars().next()) {
            if ('\u{1F300}'..='\u{1FAFF}').contains(&c) {
                return Some(p);
            }
        }
        at = p + 1;
    }
    None
}

fn ends_in_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.trim_end().strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    last.contains('.')
        || (last.len() <= 2 && last.chars().all(char::is_alphabetic))
        || matches!(
            last.to_lowercase().as_str(),
            "approx"
                | "vs"
                | "etc"
                | "inc"
                | "corp"
                | "ltd"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "no"
                | "est"
                | "co"
                | "dept"
        )
}

fn trim_span(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let s = &text[start..end];
    start += s.len() - s.trim_start().len();
    end -= s.len() - s.trim_end().len();
    (start, end.max(start))
}

/// Skip a bullet or list marker ("-", "*", "•", "1.", "2)", "a)") at the start of a line.
fn skip_bullet(text: &str, start: usize, end: usize) -> (usize, bool) {
    let line = &text[start..end];
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let Some((_, first)) = chars.next() else {
        return (start, false);
    };
    let marker_len = if matches!(
        first,
        '-' | '*' | '•' | '◦' | '▪' | '‣' | '–' | '—' | '·' | '►' | '✓' | '✅'
    ) {
        first.len_utf8()
    } else if first.is_ascii_digit() || first.is_ascii_lowercase() {
        let digits: usize = trimmed
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
            .max(usize::from(first.is_ascii_lowercase()));
        match trimmed[digits..].chars().next() {
            Some('.' | ')') if digits <= 2 && trimmed[digits + 1..].starts_with(' ') => digits + 1,
            _ => return (start, false),
        }
    } else {
        return (start, false);
    };
    let rest = &trimmed[marker_len..];
    if !rest.starts_with(char::is_whitespace) {
        return (start, false);
    }
    (start + lead + marker_len, true)
}

/// Recognise a signpost label at `start` in its common forms: "Result:", "**Action** —",
/// "Lesson learned:", "S:", "Situation/Task:", "Result (20-30 seconds):", "Action(s) -",
/// and a heading or line that is a label and nothing else ("## Outcome", "**Situation**",
/// "Lessons learned"). Returns the offset after it (the line's end for a label alone) and
/// the part it announces (the first one's, for "Situation/Task").
fn take_label(text: &str, start: usize, end: usize) -> Option<(usize, Part)> {
    let line = &text[start..end];
    let body = line.trim_start_matches(['#', '*', '_', ' ', '\t', '>']);
    // Every label starts with a letter: most lines are told from it at once.
    if !body.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let body_at = end - body.len();
    let (head, after) = match separator(body) {
        Some((at, len)) => (&body[..at], Some(at + len)),
        // A label alone on its line: nothing but label words (and markup) up to its end.
        None if body.trim_end().len() <= MAX_LABEL => (body.trim_end(), None),
        None => return None,
    };
    let part = label_part(head, after.is_some())?;
    let Some(after) = after else {
        return Some((end, part));
    };
    let rest = &body[after..];
    let markup = rest.len() - rest.trim_start_matches(['*', '_', ' ', '\t']).len();
    Some((body_at + after + markup, part))
}

/// The longest a label's head runs before its separator, in bytes.
const MAX_LABEL: usize = 48;

/// Where the separator after a label's head is, and its length: `:`, `|`, a dash, or a
/// hyphen with a space beside it, outside brackets, before any sentence end and within
/// [`MAX_LABEL`] bytes.
fn separator(body: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut prev = ' ';
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i > MAX_LABEL {
            return None;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ':' | '|' | '—' | '–' => return Some((i, c.len_utf8())),
            '-' if prev == ' ' || chars.peek().is_some_and(|&(_, n)| n == ' ') => {
                return Some((i, 1))
            }
            '.' | '?' | '!' | ',' | ';' => return None,
            _ => {}
        }
        prev = c;
    }
    None
}

/// The part a label's head announces, when every piece of it ("Situation/Task",
/// "Situation & Task", "Action(s)", "Result (20-30 seconds)") is a label; single letters
/// ("S", "A") only before a separator.
fn label_part(head: &str, separated: bool) -> Option<Part> {
    let mut plain = String::with_capacity(head.len());
    let mut depth = 0usize;
    for c in head.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '*' | '_' | '#' | '`' => {}
            _ if depth == 0 => plain.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let mut part = None;
    for piece in plain.split(['/', '&', '+']).flat_map(|p| p.split(" and ")) {
        let piece = piece.trim().trim_end_matches(':');
        let this = match piece {
            "s" | "t" if separated => Part::Context,
            "a" if separated => Part::Approach,
            "r" if separated => Part::Outcome,
            "l" if separated => Part::Learning,
            _ => LABELS.iter().find(|(l, _)| *l == piece)?.1,
        };
        part.get_or_insert(this);
    }
    part
}

/// Words quoted back to the user, trimmed, at most `max` characters: a longer text is cut
/// a little before and ends with "…".
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(3)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_stem_table_gives_what_the_stemmer_gives() {
        assert!(stem_table::STEM_TABLE.len() > 1000);
        assert!(stem_table::STEM_TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        for (word, _) in stem_table::STEM_TABLE {
            assert_eq!(stem_of(word), stemmer().stem(word), "{word}");
        }
        // A word the banks do not have is stemmed as it comes.
        assert_eq!(stem_of("zzyzxqing"), stemmer().stem("zzyzxqing"));
    }

    fn texts(answer: &str) -> Vec<&str> {
        sentences(answer).iter().map(|s| s.text(answer)).collect()
    }

    #[test]
    fn splits_prose_and_keeps_abbreviations_whole() {
        let a = "We had a problem. I met e.g. the CFO first! Then it worked.";
        assert_eq!(
            texts(a),
            [
                "We had a problem.",
                "I met e.g. the CFO first!",
                "Then it worked."
            ]
        );
    }

    #[test]
    fn a_line_break_inside_a_sentence_does_not_end_it() {
        // Hard-wrapped notes: the wrapped lines are one sentence each.
        let a = "At my last company our biggest reseller had stopped registering deals and\nthe region missed its target by 35% that quarter. We extended the\ntimeline to 8 months and I rebuilt the incentive plan with their\nsales director, who signed it the same week.";
        assert_eq!(
            texts(a),
            [
                "At my last company our biggest reseller had stopped registering deals and\nthe region missed its target by 35% that quarter.",
                "We extended the\ntimeline to 8 months and I rebuilt the incentive plan with their\nsales director, who signed it the same week.",
            ]
        );
        // A wrapped bullet item runs on; the next bullet, a blank line and a line after a
        // full stop start anew; short lines with no end and a capital are kept apart.
        let b = "- Ran a root cause analysis on\n  the churned partners\n- Built a training plan\n\nResults were mixed.\nTwo partners left\nThree stayed";
        assert_eq!(
            texts(b),
            [
                "Ran a root cause analysis on\n  the churned partners",
                "Built a training plan",
                "Results were mixed.",
                "Two partners left",
                "Three stayed",
            ]
        );
    }

    #[test]
    fn an_emoji_can_end_a_sentence() {
        assert_eq!(
            texts("The integration added $400K in new ARR 🙂 What I learned: ask early."),
            [
                "The integration added $400K in new ARR 🙂",
                "What I learned: ask early."
            ]
        );
    }

    #[test]
    fn labels_in_their_common_forms() {
        let cases = [
            (
                "Result (20-30 seconds): we signed 4 partners.",
                Part::Outcome,
                "we signed 4 partners.",
            ),
            (
                "**Outcome** – churn fell by half.",
                Part::Outcome,
                "churn fell by half.",
            ),
            (
                "Situation/Task: the alliance had stalled.",
                Part::Context,
                "the alliance had stalled.",
            ),
            (
                "Situation & Task - the alliance had stalled.",
                Part::Context,
                "the alliance had stalled.",
            ),
            (
                "Action(s): I rebuilt the plan.",
                Part::Approach,
                "I rebuilt the plan.",
            ),
            (
                "**S** - our reseller stalled.",
                Part::Context,
                "our reseller stalled.",
            ),
            ("Lessons learnt | ask early.", Part::Learning, "ask early."),
        ];
        for (text, part, rest) in cases {
            let s = sentences(text);
            assert_eq!((s[0].label, s[0].text(text)), (Some(part), rest), "{text}");
        }
        // A heading or a label alone on its line announces the next line.
        for text in [
            "## Result\nWe signed 4 partners.",
            "**Outcome**\nWe signed 4 partners.",
            "Lessons learned\nAsk early.",
        ] {
            let s = sentences(text);
            assert_eq!(s.len(), 1, "{text}");
            assert!(s[0].label.is_some(), "{text}");
        }
        // Words that only start like a label are none.
        for text in [
            "Problem-solving is what I do best.",
            "Results were mixed: two partners left.",
            "Actionable plans - that is my strength.",
            "A partner called me.",
        ] {
            assert_eq!(sentences(text)[0].label, None, "{text}");
        }
    }

    #[test]
    fn bullets_and_labels() {
        let a = "Situation: our reseller stalled.\n- Ran a pipeline review\n• Added 3 partners\n1. Result — revenue grew 20%.\n**Lesson learned:**\nAsk early.";
        let s = sentences(a);
        assert_eq!(s[0].label, Some(Part::Context));
        assert_eq!(s[0].text(a), "our reseller stalled.");
        assert!(s[1].bullet && s[2].bullet && s[3].bullet);
        assert_eq!(s[1].text(a), "Ran a pipeline review");
        assert_eq!(s[3].label, Some(Part::Outcome));
        assert_eq!(s[3].text(a), "revenue grew 20%.");
        assert_eq!(s[4].label, Some(Part::Learning));
        assert_eq!(s[4].text(a), "Ask early.");
    }

    #[test]
    fn a_word_key_read_in_place_is_the_packed_word() {
        let text = "I signed 3 new resellers in Q3, a partnership-sourced pipeline – “wow”.";
        for (at, w) in text.unicode_word_indices() {
            assert_eq!(
                Memo::pack_at(text.as_bytes(), at, w.len()),
                Memo::pack(w),
                "{w:?} at {at}"
            );
        }
    }

    #[test]
    fn unicode_punctuation_and_curly_apostrophes() {
        let a = "I’d never seen it — “wow” 🚀. It’s done.";
        let s = sentences(a);
        assert_eq!(s.len(), 2);
        assert_eq!(&a[s[0].tokens[0].start..s[0].tokens[0].end], "I’d");
        assert_eq!(
            s[0].tokens[0].lower_id,
            lower_id("i'd"),
            "apostrophes made plain"
        );
        assert!(s
            .iter()
            .all(|s| a.is_char_boundary(s.start) && a.is_char_boundary(s.end)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The ASCII fast path finds exactly the words UAX #29 finds.
        #[test]
        fn simple_words_agree_with_uax29(s in "[a-zA-Z0-9_ .,;:'!?()\\-\n\"$%/‘’“”–—…•\u{a0}£¥€]{0,60}") {
            proptest::prop_assert!(is_simple(&s));
            let fast: Vec<_> = simple_words(&s).collect();
            let slow: Vec<_> = s.unicode_word_indices().collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn simple_words_on_tricky_shapes() {
        let s = "e.g. 1,000.50 don't it’s 3’4 ‘quoted’ “hi” a—b 3x Q3 a:b x.5 _a__ 4'5 end.";
        assert!(is_simple(s));
        let fast: Vec<_> = simple_words(s).collect();
        let slow: Vec<_> = s.unicode_word_indices().collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn word_families_keep_the_sense() {
        for (a, b) in [
            ("negotiated", "negotiation"),
            ("partners", "partner"),
            ("organize", "organization"),
            ("activities", "activity"),
            ("measured", "measurement"),
            ("months", "month"),
        ] {
            assert!(same_family(a, b), "{a} {b}");
        }
        assert!(!same_family("activation", "activity"));
        assert!(!same_family("activity", "activation"));
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(stem("negotiated"), stem("negotiation"));
        assert_eq!(stem("partners"), stem("partner"));
    }
}
