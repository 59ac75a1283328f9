//! Reading a JSONL batch one line at a time, so a batch of any size is checked in bounded
//! memory: a line is held only while it is parsed, a line over the limit is skipped
//! without being kept, and a bad byte is named by its line and column.

use std::io::BufRead;

use crate::error::Diagnostic;

/// One physical line of a batch, numbered from 1.
pub(crate) enum Line<'a> {
    /// The line's text, without its line ending (or the byte-order mark on line 1).
    Text(usize, &'a str),
    /// A line that could not be read as text: too long, or not UTF-8.
    Bad(Diagnostic),
}

/// The lines of `reader`, each at most `max_line` bytes besides its line ending, for
/// messages naming `name`.
pub(crate) struct Lines<R> {
    reader: R,
    name: String,
    max_line: usize,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(reader: R, name: &str, max_line: usize) -> Lines<R> {
        Lines {
            reader,
            name: name.to_string(),
            max_line,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line, `None` at the end of the input; a read error is the reader's.
    pub(crate) fn next_line(&mut self) -> std::io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let limit = u64::try_from(self.max_line)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let read = <&mut R as std::io::Read>::take(&mut self.reader, limit)
            .read_until(b'\n', &mut self.buf)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        let ended = self.buf.last() == Some(&b'\n');
        if !ended && self.buf.len() > self.max_line {
            let skipped = self.skip_rest()?;
            return Ok(Some(Line::Bad(self.diagnostic(
                1,
                format!(
                    "the line is {} bytes, over the limit of {} for one answer written as JSON: a spoken answer is a few kilobytes (raise it with --max-answer-bytes)",
                    self.buf.len() + skipped,
                    self.max_line
                ),
            ))));
        }
        let mut bytes = &self.buf[..];
        if self.number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(Line::Text(self.number, text))),
            Err(e) => {
                // Columns count characters, as every other message's do.
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let column = valid.chars().count() + 1;
                Ok(Some(Line::Bad(self.diagnostic(
                    column,
                    "not UTF-8 text: save the file as UTF-8".into(),
                ))))
            }
        }
    }

    /// Read past the rest of an overlong line without keeping it; returns the bytes skipped.
    fn skip_rest(&mut self) -> std::io::Result<usize> {
        let mut skipped = 0;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(skipped);
            }
            if let Some(i) = memchr::memchr(b'\n', chunk) {
                self.reader.consume(i + 1);
                return Ok(skipped + i + 1);
            }
            let n = chunk.len();
            self.reader.consume(n);
            skipped += n;
        }
    }

    fn diagnostic(&self, column: usize, message: String) -> Diagnostic {
        Diagnostic {
            file: self.name.clone(),
            line: self.number,
            column,
            field: String::new(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize) -> Vec<String> {
        let mut lines = Lines::new(input, "in", max);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(match line {
                Line::Text(n, t) => format!("{n}:{t}"),
                Line::Bad(d) => format!("bad {}:{}", d.line, d.column),
            });
        }
        out
    }

    #[test]
    fn lines_are_numbered_without_endings_or_bom() {
        assert_eq!(
            all(b"\xEF\xBB\xBFa\r\n\nb", 10),
            ["1:a", "2:", "3:b"].map(String::from)
        );
    }

    #[test]
    fn an_overlong_line_is_skipped_and_the_next_one_read() {
        assert_eq!(
            all(b"short\n0123456789abc\nnext\n", 8),
            ["1:short", "bad 2:1", "3:next"].map(String::from)
        );
        // A line of exactly the limit (ending included) is read.
        assert_eq!(all(b"1234567\n", 8), ["1:1234567"].map(String::from));
    }

    #[test]
    fn a_bad_byte_is_located() {
        assert_eq!(
            all(b"ok\nab\xFFc\n", 10),
            ["1:ok", "bad 2:3"].map(String::from)
        );
    }
}
