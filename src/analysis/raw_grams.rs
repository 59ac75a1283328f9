// Shared by `build.rs` (through `include!`) and the checker, so the built-in model answers'
// grams worked out at build time are the ones the checker would work out: no crate paths.

/// Words in a row that make one raw gram.
pub const RAW_GRAM: usize = 4;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// The raw grams of a text, appended to `out`: each `RAW_GRAM` words in a row, hashed,
/// where a word is a run of letters and digits, lowercased. A copied answer shares runs of
/// words with its model answer as written, before any stemming, so these find the model
/// answers worth comparing an answer with without splitting and stemming every one.
pub fn raw_grams(text: &str, out: &mut Vec<u64>) {
    let mut grams = Grams {
        window: [0; RAW_GRAM],
        words: 0,
        word: OFFSET,
        in_word: false,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class != 0 && class != NON_ASCII {
            // The same as the char below, a byte at a time: most text is ASCII.
            grams.word = (grams.word ^ u64::from(class)).wrapping_mul(PRIME);
            grams.in_word = true;
            i += 1;
        } else if class == 0 {
            grams.next(false, 0, out);
            i += 1;
        } else if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    grams.next(true, l.into(), out);
                }
            } else {
                grams.next(false, 0, out);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    grams.next(false, 0, out);
}

/// What a byte is to [`raw_grams`]: an ASCII letter or digit as its lowercase, any other
/// ASCII byte 0, the start or rest of a non-ASCII character `NON_ASCII`. One table load a
/// byte, where the tests it stands for took several.
const BYTE_CLASS: [u8; 256] = byte_classes();

/// The class of a byte that is part of a non-ASCII character.
const NON_ASCII: u8 = 0x80;

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    table
}

/// The running state of [`raw_grams`].
struct Grams {
    window: [u64; RAW_GRAM],
    words: usize,
    word: u64,
    in_word: bool,
}

impl Grams {
    /// One more character: part of a word (lowercase, as a number) or not.
    #[inline]
    fn next(&mut self, word_char: bool, lower: u32, out: &mut Vec<u64>) {
        if word_char {
            self.word = (self.word ^ u64::from(lower)).wrapping_mul(PRIME);
            self.in_word = true;
            return;
        }
        if !self.in_word {
            return;
        }
        // The last words, oldest first.
        self.window.rotate_left(1);
        self.window[RAW_GRAM - 1] = self.word;
        self.words += 1;
        self.word = OFFSET;
        self.in_word = false;
        if self.words >= RAW_GRAM {
            let gram = self
                .window
                .iter()
                .fold(OFFSET, |h, w| (h ^ w).wrapping_mul(PRIME));
            out.push(gram);
        }
    }
}

/// A hash of a text, to tell that a model answer is the built-in one its grams were worked
/// out for at build time.
pub fn text_hash(text: &str) -> u64 {
    text.bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}
