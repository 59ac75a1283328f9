//! Finding where a value sits in a JSON text.
//!
//! serde reports line and column for syntax and type errors, but checks made after parsing
//! (duplicate ids, empty texts) only know the field's path. This small scanner walks the
//! already-valid JSON text along that path so those errors point at a line and column too.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Render a path the way error messages show it: `questions[3].model_answer.context`.
pub fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Problems found after parsing, as (path, message), turned into diagnostics that point at
/// the line and column of each field in `text`.
pub fn diagnostics(
    file: &str,
    text: &str,
    problems: Vec<(Vec<Seg>, String)>,
) -> Vec<crate::error::Diagnostic> {
    problems
        .into_iter()
        .map(|(path, message)| {
            let (line, column) = line_col(text, locate(text, &path));
            crate::error::Diagnostic {
                file: file.to_string(),
                line,
                column,
                field: path_string(&path),
                message,
            }
        })
        .collect()
}

/// Line starts of a text, for turning many offsets into line and column without rescanning
/// the text each time (a huge answer can have thousands of findings).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of a byte offset, as [`line_col`] gives.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// Byte offset of the value at `path`, or of the deepest ancestor that exists.
pub fn locate(text: &str, path: &[Seg]) -> usize {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for seg in path {
        match find_child(bytes, pos, seg) {
            Some(child) => pos = child,
            None => break,
        }
    }
    pos
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Offset of the child value named by `seg` inside the container starting at `start`.
fn find_child(b: &[u8], start: usize, seg: &Seg) -> Option<usize> {
    find_entry(b, start, seg).map(|(_, value)| value)
}

/// Byte offset of the key of the field at `path` (its opening quote), for problems with
/// the field's name rather than its value; the value's offset when the path ends in a list
/// item, or [`locate`]'s answer when a step is missing.
pub fn locate_key(text: &str, path: &[Seg]) -> usize {
    let bytes = text.as_bytes();
    let Some((last, parent)) = path.split_last() else {
        return locate(text, path);
    };
    let mut pos = skip_ws(bytes, 0);
    for seg in parent {
        match find_child(bytes, pos, seg) {
            Some(child) => pos = child,
            None => return locate(text, path),
        }
    }
    find_entry(bytes, pos, last).map_or_else(|| locate(text, path), |(key, _)| key)
}

/// The entry named by `seg` inside the container starting at `start`: the offset of its
/// key (of the item, in a list) and of its value.
fn find_entry(b: &[u8], start: usize, seg: &Seg) -> Option<(usize, usize)> {
    match (b.get(start)?, seg) {
        (b'{', Seg::Key(want)) => {
            let mut i = skip_ws(b, start + 1);
            while b.get(i) == Some(&b'"') {
                let key_start = i;
                let key_end = skip_string(b, i)?;
                let key: String = serde_json::from_slice(&b[i..key_end]).ok()?;
                i = skip_ws(b, key_end);
                i = skip_ws(b, i + 1); // the colon
                if key == *want {
                    return Some((key_start, i));
                }
                i = skip_ws(b, skip_value(b, i)?);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
            None
        }
        (b'[', Seg::Index(want)) => {
            let mut i = skip_ws(b, start + 1);
            let mut n = 0;
            while i < b.len() && b[i] != b']' {
                if n == *want {
                    return Some((i, i));
                }
                i = skip_ws(b, skip_value(b, i)?);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
                n += 1;
            }
            None
        }
        _ => None,
    }
}

/// End offset (exclusive) of the string starting at `i` (which holds the opening quote).
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// End offset (exclusive) of the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        open @ (b'{' | b'[') => {
            let close = if open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    c if c == open => depth += 1,
                    c if c == close => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Line and column (1-based, in characters) of the value at a path written as messages show
/// it (`stages[2].waiting[0]`), or of its deepest ancestor that exists.
pub fn field_position(text: &str, field: &str) -> (usize, usize) {
    let mut path = Vec::new();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            path.push(Seg::Key(rest[..i].to_string()));
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse() {
                    path.push(Seg::Index(n));
                }
                rest = &rest[end + 1..];
            }
        } else {
            path.push(Seg::Key(rest.to_string()));
        }
    }
    line_col(text, locate(text, &path))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": [1, {\"b\": \"x,]}\"}, {\"c\": 3}],\n  \"d\": {\"e\": true}\n}";

    #[test]
    fn finds_nested_values() {
        let at = locate(
            DOC,
            &[Seg::Key("a".into()), Seg::Index(2), Seg::Key("c".into())],
        );
        assert_eq!(&DOC[at..=at], "3");
        assert_eq!(line_col(DOC, at), (2, 33));
        let at = locate(DOC, &[Seg::Key("d".into()), Seg::Key("e".into())]);
        assert_eq!(&DOC[at..at + 4], "true");
        assert_eq!(line_col(DOC, at).0, 3);
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\ncdé\n\nf";
        let idx = LineIndex::new(text);
        for off in (0..=text.len()).filter(|o| text.is_char_boundary(*o)) {
            assert_eq!(idx.line_col(text, off), line_col(text, off), "{off}");
        }
    }

    #[test]
    fn missing_path_stops_at_deepest_ancestor() {
        let at = locate(DOC, &[Seg::Key("d".into()), Seg::Key("zzz".into())]);
        assert_eq!(&DOC[at..=at], "{");
        assert_eq!(
            path_string(&[Seg::Key("q".into()), Seg::Index(1), Seg::Key("id".into())]),
            "q[1].id"
        );
    }
}
