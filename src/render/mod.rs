//! Rendering: turning banks, questions and reports into text, JSON or one-line findings.
//! Rendering never analyses; it only lays out what it is given.
//!
//! All text from banks and answers passes through [`clean`] before it reaches a terminal, so
//! an escape sequence in a bank or an answer is shown as visible text, never executed.

pub mod bank;
pub mod grade;
pub mod report;
pub mod report_json;
pub mod session;
pub mod share;

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
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Wrap cleaned text to `width` columns, each line starting with `indent`; paragraphs and
/// line breaks in the text are kept.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let text = clean(text);
    let avail = width.saturating_sub(indent.chars().count()).max(20);
    let mut out = String::new();
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let mut col = 0;
        out.push_str(indent);
        for word in line.split_whitespace() {
            let w = unicode_segmentation::UnicodeSegmentation::graphemes(word, true).count();
            if col > 0 && col + 1 + w > avail {
                out.push('\n');
                out.push_str(indent);
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += w;
        }
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
}
