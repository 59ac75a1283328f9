//! Rendering: turning banks, questions and reports into text, JSON or one-line findings.
//! Rendering never analyses; it only lays out what it is given.
//!
//! All text from banks and answers passes through [`clean`] before it reaches a terminal, so
//! an escape sequence in a bank or an answer is shown as visible text, never executed.

pub mod bank;
pub mod grade;
pub mod progress;
pub mod report;
pub mod report_json;
pub mod roleplay;
pub mod session;
pub mod share;
pub mod table;

use colored::Colorize;

/// How terminal output should look: colour or not, and the width to wrap to. `config`
/// decides it once from flags, environment and terminal; rendering only reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Plain text at 80 columns, for tests and files.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: 80,
        }
    }
}

/// Text made safe for a terminal: control characters (ESC, BEL, CR, …) other than newline
/// and tab become visible `\u{..}` escapes.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' || c == '\t' {
            out.push(c);
        } else if c.is_control()
            || matches!(
                c,
                '\u{061c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
            )
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text made safe inside HTML: [`clean`]ed, then `&`, `<`, `>` and quotes escaped.
pub fn html_escape(s: &str) -> String {
    clean(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Text made safe in a Markdown table cell or list item: [`clean`]ed, `|` escaped, on one
/// line.
pub fn markdown_escape(s: &str) -> String {
    // Markdown passes HTML through, so a name like "<b>Lee</b>" would render as markup.
    clean(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// Wrap text to `width` display columns (a CJK character or an emoji takes two), each line
/// starting with `indent`; paragraphs and line breaks in the text are kept, runs of white
/// space within a line become one space, and a word longer than a line is not broken. The
/// text is made safe with [`clean`] first.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_safe(&clean(text), width, indent)
}

/// Lay out `items` (which may carry colour codes: they take no columns) on lines of at
/// most `width` columns, `sep` between items on a line and later lines starting with
/// `indent`. An item is never split; one wider than a line has a line of its own.
pub fn flow(items: &[String], sep: &str, width: usize, indent: &str) -> String {
    let cols = textwrap::core::display_width;
    let mut out = String::new();
    let mut used = 0;
    for (i, item) in items.iter().enumerate() {
        let w = cols(item);
        if i == 0 {
            used = w;
        } else if used + cols(sep) + w <= width {
            out.push_str(sep);
            used += cols(sep) + w;
        } else {
            out.push('\n');
            out.push_str(indent);
            used = cols(indent) + w;
        }
        out.push_str(item);
    }
    out
}

/// [`wrap`] for text already made safe with [`clean`], to which colour may have been added
/// since: colour codes take no columns.
pub fn wrap_safe(text: &str, width: usize, indent: &str) -> String {
    wrap_hanging(text, width, indent, indent)
}

/// [`wrap_safe`] with a hanging indent: the first line of each paragraph starts with
/// `first`, the lines it wraps onto with `rest` (a list item's text under its text, not
/// under its mark).
pub fn wrap_hanging(text: &str, width: usize, first: &str, rest: &str) -> String {
    let cols = textwrap::core::display_width;
    // At least 20 columns of text on a line, however narrow the terminal.
    let width = width.max(cols(first).max(cols(rest)) + 20);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut out = String::new();
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let joined = words.join(" ");
        if joined.is_empty() {
            // An empty paragraph keeps its indent, as each line always had.
            out.push_str(first);
            continue;
        }
        out.push_str(&textwrap::wrap(&joined, &options).join("\n"));
    }
    out
}

/// Colour helpers that respect the resolved style.
pub struct Paint {
    pub style: Style,
}

impl Paint {
    pub fn new(style: Style) -> Self {
        colored::control::set_override(style.color);
        Paint { style }
    }

    pub fn heading(&self, s: &str) -> String {
        s.bold().to_string()
    }
    pub fn dim(&self, s: &str) -> String {
        s.dimmed().to_string()
    }
    pub fn good(&self, s: &str) -> String {
        s.green().to_string()
    }
    pub fn bad(&self, s: &str) -> String {
        s.red().to_string()
    }
    pub fn warn(&self, s: &str) -> String {
        s.yellow().to_string()
    }
    pub fn accent(&self, s: &str) -> String {
        s.cyan().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_makes_escapes_visible() {
        assert_eq!(clean("a\x1b[31mred\x07\nok"), "a\\u{1b}[31mred\\u{7}\nok");
    }

    #[test]
    fn wrap_respects_width_and_indent() {
        let w = wrap(
            "one two three four five six seven eight nine ten eleven twelve",
            24,
            "  ",
        );
        assert!(
            w.lines()
                .all(|l| l.chars().count() <= 24 && l.starts_with("  ")),
            "{w}"
        );
        assert!(w.lines().count() > 1);
    }

    #[test]
    fn wrap_keeps_paragraphs_and_long_words_and_folds_white_space() {
        let w = wrap(
            "a  b\tc\n\n   indented supercalifragilisticexpialidocious-and-then-some end",
            24,
            "  ",
        );
        assert_eq!(
            w,
            "  a b c\n  \n  indented\n  supercalifragilisticexpialidocious-and-then-some\n  end"
        );
    }

    #[test]
    fn wrap_measures_display_width() {
        // Ten CJK characters are twenty columns: two to a line of 24 would overflow.
        let w = wrap("東京東京東京東京東京 東京東京東京東京東京", 24, "");
        assert_eq!(w, "東京東京東京東京東京\n東京東京東京東京東京");
        // Counted as graphemes this would be 14 columns and fit a line of 20.
        let w = wrap("🚀🚀🚀🚀🚀 🚀🚀🚀🚀🚀 ab", 20, "");
        assert_eq!(w, "🚀🚀🚀🚀🚀\n🚀🚀🚀🚀🚀 ab");
    }

    #[test]
    fn colour_codes_take_no_columns_and_answer_escapes_stay_visible() {
        let tick = "\x1b[32m✓\x1b[0m"; // what paint.good("✓") writes in colour
                                       // 25 columns of text fill a line of 27 less the indent; the codes would not fit.
        let w = wrap_safe(
            &format!("{tick} {}", clean("one two three four five six")),
            27,
            "  ",
        );
        assert_eq!(w, format!("  {tick} one two three four five\n  six"));
        assert_eq!(wrap("a \x1b[31mred", 40, ""), "a \\u{1b}[31mred");
    }
}
