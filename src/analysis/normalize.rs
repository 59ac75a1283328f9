// Shared by `build.rs` (through `include!`) and the checker, so the words the build stems
// (the stem table, the topic model) are written as the checker writes them: no crate paths.

/// Lowercase with typographic apostrophes and hyphens made plain.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}
