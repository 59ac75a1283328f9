//! One table model, written four ways: aligned text columns for the terminal, a Markdown
//! pipe table, an HTML `<table>` and CSV. A report builds each of its tables once (headers,
//! alignment, rows of cells) and hands it to the writer for its format, so a column is added
//! or renamed in one place.
//!
//! The terminal's forms came first and differ from the Markdown and HTML ones (other header
//! words, words between cells, another column order); a [`TextLayout`] says how a table is
//! set as text, so the terminal output stays what it was.

use super::{clean, html_escape, markdown_escape, Paint};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// How a cell is marked: coloured in the terminal; in HTML, `Good` and `Bad` cells carry
/// the page's `pass` and `fail` classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Accent,
    Dim,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// As given: each writer makes it safe for its format.
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    #[allow(clippy::needless_pass_by_value)] // numbers and strings alike
    pub fn new(text: impl ToString) -> Cell {
        Cell {
            text: text.to_string(),
            tone: Tone::Plain,
        }
    }

    pub fn tone(mut self, tone: Tone) -> Cell {
        self.tone = tone;
        self
    }
}

/// Headers with their alignment, and rows of cells (one per column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<(&'static str, Align)>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: &[(&'static str, Align)]) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push(cells);
    }
}

/// How a table is set as text columns.
#[derive(Debug, Clone, Copy)]
pub struct TextLayout<'a> {
    /// Put at the start of every line.
    pub indent: &'a str,
    /// The header line's words, one per column shown; `None` for no header line.
    pub header: Option<&'a [&'a str]>,
    /// The columns shown, in order, as (column, width, what stands before it). A cell is
    /// padded to the width, or to the widest cell of its column when that is wider (by
    /// display width), on the side its alignment says; a column of width 0 is not padded
    /// (the last one, usually).
    pub columns: &'a [(usize, usize, &'a str)],
}

/// The table as text columns, one line per row. Colour goes around a cell's text, never
/// around its padding.
pub fn text(t: &Table, layout: &TextLayout<'_>, paint: &Paint) -> String {
    let rows: Vec<Vec<Cell>> = t
        .rows
        .iter()
        .map(|row| {
            layout
                .columns
                .iter()
                .map(|&(c, _, _)| Cell {
                    text: clean(&row[c].text),
                    tone: row[c].tone,
                })
                .collect()
        })
        .collect();
    // A padded column is as wide as its widest cell, so a long name does not push the rest
    // of its line out of line.
    let widths: Vec<usize> = layout
        .columns
        .iter()
        .enumerate()
        .map(|(i, &(_, width, _))| {
            let widest = rows
                .iter()
                .map(|r| display_width(&r[i].text))
                .chain(
                    layout
                        .header
                        .and_then(|h| h.get(i))
                        .map(|h| display_width(h)),
                )
                .max()
                .unwrap_or(0);
            if width == 0 {
                0
            } else {
                width.max(widest)
            }
        })
        .collect();
    let mut out = String::new();
    if let Some(header) = layout.header {
        let cells = header.iter().map(Cell::new);
        text_line(&mut out, t, layout, &widths, cells, paint);
    }
    for row in rows {
        text_line(&mut out, t, layout, &widths, row.into_iter(), paint);
    }
    out
}

/// Columns a text takes in a terminal (a CJK character or an emoji takes two).
fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// Go on with a row on a new line, a little in from the table's edge, after the column's
/// lead-in (`before`, without its leading spaces); returns the column reached.
fn new_row_line(out: &mut String, layout: &TextLayout<'_>, before: &str) -> usize {
    while out.ends_with(' ') {
        out.pop();
    }
    let lead = " ".repeat(display_width(layout.indent) + 4);
    let lead_in = before.trim_start();
    out.push('\n');
    out.push_str(&lead);
    out.push_str(lead_in);
    display_width(&lead) + display_width(lead_in)
}

/// The display column the text written since `line_start` has reached on its last line.
fn column_now(out: &str, line_start: usize) -> usize {
    let from = out[line_start..]
        .rfind('\n')
        .map_or(line_start, |n| line_start + n + 1);
    display_width(&out[from..])
}

fn text_line(
    out: &mut String,
    t: &Table,
    layout: &TextLayout<'_>,
    widths: &[usize],
    cells: impl Iterator<Item = Cell>,
    paint: &Paint,
) {
    let line_start = out.len();
    out.push_str(layout.indent);
    let last = layout.columns.len().saturating_sub(1);
    for (i, ((&(column, _, before), &width), cell)) in
        layout.columns.iter().zip(widths).zip(cells).enumerate()
    {
        // A free column left empty prints nothing, not even its lead-in ("   gaps: ").
        if width == 0 && cell.text.is_empty() {
            continue;
        }
        let pad = " ".repeat(width.saturating_sub(display_width(&cell.text)));
        let tone = |text: &str| match cell.tone {
            Tone::Plain => text.to_string(),
            Tone::Good => paint.good(text),
            Tone::Bad => paint.bad(text),
            Tone::Accent => paint.accent(text),
            Tone::Dim => paint.dim(text),
        };
        // The last, free column wraps between words to the terminal's width, its later
        // lines starting under its first; when even its first word does not fit, it goes
        // on the next line, under the column before it.
        if i == last && width == 0 {
            let mut at = column_now(out, line_start) + display_width(before);
            let mut text = cell.text.as_str();
            let room = paint.style.width.saturating_sub(at);
            // Too little room left to wrap into: the text goes on the next line, a little
            // in from the table's edge.
            if i > 0 && display_width(text) > room && room < 24 {
                at = new_row_line(out, layout, before);
                text = text.trim_start();
            } else {
                // Leading spaces in the text are a lead-in, like `before`.
                let trimmed = text.trim_start();
                out.push_str(before);
                out.push_str(&text[..text.len() - trimmed.len()]);
                at += display_width(&text[..text.len() - trimmed.len()]);
                text = trimmed;
            }
            let avail = paint.style.width.saturating_sub(at).max(10);
            let lines = textwrap::wrap(text, textwrap::Options::new(avail).break_words(false));
            let joiner = format!("\n{}", " ".repeat(at));
            let shown: Vec<String> = lines.iter().map(|l| tone(l)).collect();
            out.push_str(&shown.join(&joiner));
            continue;
        }
        // A column that would run past the terminal's edge starts a new line, a little in
        // from the table's edge.
        let needed = display_width(before) + display_width(&cell.text).max(width);
        if i > 0 && column_now(out, line_start) + needed > paint.style.width {
            new_row_line(out, layout, before);
        } else {
            out.push_str(before);
        }
        let shown = tone(&cell.text);
        match t.columns[column].1 {
            Align::Left => {
                out.push_str(&shown);
                out.push_str(&pad);
            }
            Align::Right => {
                out.push_str(&pad);
                out.push_str(&shown);
            }
        }
    }
    out.push('\n');
}

/// A Markdown pipe table; right-aligned columns are marked `---:`.
pub fn markdown(t: &Table) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(t.columns.iter().map(|(h, _)| h.to_string()).collect());
    for (_, align) in &t.columns {
        out.push_str(match align {
            Align::Left => "|---",
            Align::Right => "|---:",
        });
    }
    out.push_str("|\n");
    for row in &t.rows {
        out.push_str(&line(
            row.iter().map(|c| markdown_escape(&c.text)).collect(),
        ));
    }
    out
}

/// An HTML `<table>`, one `<tr>` a line; the page's stylesheet aligns every cell left.
pub fn html(t: &Table) -> String {
    let mut out = String::from("<table><tr>");
    for (h, _) in &t.columns {
        out.push_str(&format!("<th>{}</th>", html_escape(h)));
    }
    out.push_str("</tr>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for c in row {
            let class = match c.tone {
                Tone::Good => " class=\"pass\"",
                Tone::Bad => " class=\"fail\"",
                _ => "",
            };
            out.push_str(&format!("<td{class}>{}</td>", html_escape(&c.text)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// CSV with RFC 4180 quoting, control characters made visible.
pub fn csv(t: &Table) -> String {
    // Control characters made visible ([`clean`]): a CSV is often printed to a terminal.
    let field = |s: &str| {
        let s = clean(s);
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let line = |cells: Vec<String>| cells.join(",") + "\n";
    let mut out = line(t.columns.iter().map(|(h, _)| field(h)).collect());
    for row in &t.rows {
        out.push_str(&line(row.iter().map(|c| field(&c.text)).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Style;

    fn sample() -> Table {
        let mut t = Table::new(&[("name", Align::Left), ("score", Align::Right)]);
        t.row(vec![Cell::new("Ana | B"), Cell::new(7).tone(Tone::Good)]);
        t.row(vec![Cell::new("<Ben>, \"BJ\""), Cell::new(42)]);
        t
    }

    #[test]
    fn one_table_four_formats() {
        let t = sample();
        let paint = Paint::new(Style::plain());
        let layout = TextLayout {
            indent: "  ",
            header: Some(&["", "score"]),
            columns: &[(0, 14, ""), (1, 5, " ")],
        };
        assert_eq!(
            text(&t, &layout, &paint),
            "                 score\n  Ana | B            7\n  <Ben>, \"BJ\"       42\n"
        );
        assert_eq!(
            markdown(&t),
            "| name | score |\n|---|---:|\n| Ana \\| B | 7 |\n| &lt;Ben&gt;, \"BJ\" | 42 |\n"
        );
        assert_eq!(
            html(&t),
            "<table><tr><th>name</th><th>score</th></tr>\n<tr><td>Ana | B</td><td class=\"pass\">7</td></tr>\n<tr><td>&lt;Ben&gt;, &quot;BJ&quot;</td><td>42</td></tr>\n</table>\n"
        );
        assert_eq!(csv(&t), "name,score\nAna | B,7\n\"<Ben>, \"\"BJ\"\"\",42\n");
        let mut raw = Table::new(&[("name", Align::Left)]);
        raw.row(vec![Cell::new("Dee \u{1b}[31mRed")]);
        assert_eq!(csv(&raw), "name\nDee \\u{1b}[31mRed\n");
    }

    #[test]
    fn text_layout_reorders_and_labels_columns() {
        let t = sample();
        let paint = Paint::new(Style::plain());
        let layout = TextLayout {
            indent: "",
            header: None,
            columns: &[(1, 3, "score "), (0, 0, " by ")],
        };
        assert_eq!(
            text(&t, &layout, &paint),
            "score   7 by Ana | B\nscore  42 by <Ben>, \"BJ\"\n"
        );
    }
}
