//! Every shape problem of a JSON file at once, not only serde's first.
//!
//! serde stops at the first field it cannot read. To report the rest, the text is read as a
//! plain JSON value and read again as the target type, each time with the last problem
//! repaired in the value: an unknown field is dropped, a value of the wrong type or an
//! unknown name is replaced by a stand-in of the expected type, and anything else drops the
//! innermost list item that holds it (a question, a drill id). Each problem is located in
//! the original text by its path, mapped back past the items dropped before it.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::explain_serde;
use super::locate::{locate, locate_key, path_string, LineIndex, Seg};
use crate::error::Diagnostic;

/// The most problems one file reports: enough for any real file, a bound for a hostile one.
const MAX_PROBLEMS: usize = 200;

/// `text` (from `name`) as a `T`, or every problem that keeps it from being one, each with
/// its line, column and field.
pub fn parse_all<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    // A valid file is parsed once, without the value or the paths.
    let first = match serde_json::from_str::<T>(text) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let located = |e: &serde_json::Error, field: String| Diagnostic {
        file: name.to_string(),
        line: e.line(),
        column: char_column(text, e.line(), e.column()),
        field,
        message: explain_serde(e),
    };
    // Syntax comes first: a stray comma is reported as such rather than as a field problem.
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(vec![located(&e, String::new())]),
    };
    let mut problems = Vec::new();
    let mut dropped = Dropped::default();
    // Each repair takes something out or puts a stand-in in, so reading ends; the count of
    // rounds bounds it all the same.
    for _ in 0..MAX_PROBLEMS * 4 {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        let Err(err) = serde_path_to_error::deserialize::<_, T>(&value) else {
            break;
        };
        let (path, whole) = segments(err.path());
        let inner = err.into_inner();
        let problem = (dropped.original(&path), explain_serde(&inner));
        // A path serde could not follow to its end (a map keyed by names), or a problem
        // met again, cannot be repaired: reading stops there.
        let seen = problems.contains(&problem);
        if !seen && !dropped.explains(&path, &inner.to_string()) {
            problems.push(problem);
        }
        if seen || !whole || !repair(&mut value, &path, &inner.to_string(), &mut dropped) {
            break;
        }
    }
    if problems.is_empty() {
        // Read as a value, the file was fine (a difference between the two readers): say
        // what the first reading said.
        return Err(vec![located(&first, String::new())]);
    }
    let index = LineIndex::new(text);
    let mut found: Vec<Diagnostic> = problems
        .into_iter()
        .map(|(path, message)| {
            // A field's name is the problem when it is unknown: point at the name.
            let offset = if names_key(&path, &message) {
                locate_key(text, &path)
            } else {
                locate(text, &path)
            };
            let (line, column) = index.line_col(text, offset);
            Diagnostic {
                file: name.to_string(),
                line,
                column,
                field: path_string(&path),
                message,
            }
        })
        .collect();
    found.sort_by_key(|d| (d.line, d.column));
    Err(found)
}

/// serde's column (bytes into line `line`, from 1) in characters, as every other message
/// counts them.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

/// A serde path as our path segments, up to the first step serde could not name; whether
/// it got to the end.
fn segments(path: &serde_path_to_error::Path) -> (Vec<Seg>, bool) {
    let mut out = Vec::new();
    for s in path {
        match s {
            serde_path_to_error::Segment::Seq { index } => out.push(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => out.push(Seg::Key(key.clone())),
            serde_path_to_error::Segment::Enum { .. } => {}
            serde_path_to_error::Segment::Unknown => return (out, false),
        }
    }
    (out, true)
}

/// What was taken out of the value so far, every path as it is in the original text (a
/// later drop shifts the repaired value's list indices, never these): list items, by their
/// list, so a path in the repaired value can be mapped back; fields already reported, by
/// their object.
#[derive(Default)]
struct Dropped {
    /// List items taken out, by their list's path.
    items: BTreeMap<Vec<Seg>, Vec<usize>>,
    /// Fields taken out after their problem was reported: (object path, field name).
    fields: Vec<(Vec<Seg>, String)>,
    /// Fields read under the name they were meant to have: (object path, the new name,
    /// the name in the text).
    renamed: Vec<(Vec<Seg>, String, String)>,
}

impl Dropped {
    /// Whether the problem is only the echo of a field taken out after its own problem
    /// was reported ("missing field `x`" for the `x` that was wrong).
    fn explains(&self, path: &[Seg], message: &str) -> bool {
        message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .is_some_and(|field| {
                let object_path = self.original(path);
                self.fields
                    .iter()
                    .any(|(object, key)| *object == object_path && key == field)
            })
    }

    /// `path` (in the repaired value) as a path in the original text.
    fn original(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out = Vec::with_capacity(path.len());
        for seg in path {
            let seg = match seg {
                Seg::Index(i) => Seg::Index(self.original_index(&out, *i)),
                Seg::Key(k) => Seg::Key(
                    self.renamed
                        .iter()
                        .find(|(object, new, _)| *object == out && new == k)
                        .map_or_else(|| k.clone(), |(_, _, old)| old.clone()),
                ),
            };
            out.push(seg);
        }
        out
    }

    /// Item `i` of the list at original path `list`, counting the items dropped from it.
    fn original_index(&self, list: &[Seg], i: usize) -> usize {
        let mut index = i;
        if let Some(gone) = self.items.get(list) {
            // `gone` is sorted: each dropped item at or before the index shifts it on.
            for &g in gone {
                if g <= index {
                    index += 1;
                }
            }
        }
        index
    }

    fn record(&mut self, list: Vec<Seg>, index: usize) {
        let gone = self.items.entry(list).or_default();
        let at = gone.partition_point(|&g| g < index);
        gone.insert(at, index);
    }
}

/// Change `value` so the problem at `path` (serde's message `message`) is not met again;
/// false when nothing can be changed, and reading stops.
fn repair(value: &mut Value, path: &[Seg], message: &str, dropped: &mut Dropped) -> bool {
    // An unknown field, or a map key that is not one of the names it may be (a rule or
    // lexicon name): the key is what is wrong.
    if names_key(path, message) {
        if let Some((Seg::Key(key), parent)) = path.split_last() {
            if let Some(Value::Object(map)) = value.pointer_mut(&pointer(parent)) {
                let Some(v) = map.remove(key) else {
                    return false;
                };
                // A misspelt field is read under the name it was meant to have, so it is
                // not reported missing as well, and its value is still checked.
                if let Some(meant) = super::nearest_field(message) {
                    if !map.contains_key(&meant) {
                        map.insert(meant.clone(), v);
                        let object = dropped.original(parent);
                        dropped.renamed.push((object, meant, key.clone()));
                    }
                }
                return true;
            }
        }
    }
    if let Some(stand_in) = stand_in(message) {
        if !path.is_empty() {
            if let Some(slot) = value.pointer_mut(&pointer(path)) {
                if *slot != stand_in {
                    *slot = stand_in;
                    return true;
                }
            }
        }
    }
    // A field whose value has no stand-in (a list or an object of the wrong form) is taken
    // out, and a "missing field" for it later is not reported again.
    if let Some((Seg::Key(key), parent)) = path.split_last() {
        if let Some(Value::Object(map)) = value.pointer_mut(&pointer(parent)) {
            if map.remove(key).is_some() {
                let object = dropped.original(parent);
                dropped.fields.push((object, key.clone()));
                return true;
            }
        }
    }
    drop_item(value, path, dropped)
}

/// Whether the problem is with the name of the field at `path` rather than its value: an
/// unknown field, or a map key that is not one of the names it may be (a rule, a lexicon).
fn names_key(path: &[Seg], message: &str) -> bool {
    match path.last() {
        Some(Seg::Key(key)) => {
            message.starts_with("unknown field")
                || message.starts_with(&format!("unknown variant `{key}`"))
        }
        _ => false,
    }
}

/// A value of the type serde expected, from its message ("invalid type: string \"ninety\",
/// expected u32"; "unknown variant `guru`, expected one of `junior`, `mid`").
fn stand_in(message: &str) -> Option<Value> {
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let variant = rest.split('`').nth(2)?;
        return Some(Value::String(variant.to_string()));
    }
    if !(message.starts_with("invalid type") || message.starts_with("invalid value")) {
        return None;
    }
    let expected = message.rsplit(", expected ").next()?;
    // Whole words: "struct Question" is no "str".
    let words: Vec<&str> = expected
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let says = |names: &[&str]| words.iter().any(|w| names.contains(w));
    if says(&["struct", "map", "enum", "variant"]) {
        return None;
    }
    Some(
        if says(&[
            "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "integer",
        ]) {
            Value::from(1)
        } else if says(&["f32", "f64", "number"]) {
            Value::from(1.0)
        } else if says(&["sequence", "list"]) {
            Value::Array(Vec::new())
        } else if says(&["bool", "boolean"]) {
            Value::Bool(false)
        } else if says(&["string", "str", "char"]) {
            Value::String("x".into())
        } else {
            return None;
        },
    )
}

/// Drop the innermost list item on `path`; false when the path is in no list.
fn drop_item(value: &mut Value, path: &[Seg], dropped: &mut Dropped) -> bool {
    let Some(at) = path.iter().rposition(|s| matches!(s, Seg::Index(_))) else {
        return false;
    };
    let Seg::Index(index) = path[at] else {
        return false;
    };
    let list = &path[..at];
    let Some(Value::Array(items)) = value.pointer_mut(&pointer(list)) else {
        return false;
    };
    if index >= items.len() {
        return false;
    }
    items.remove(index);
    let original_list = dropped.original(list);
    let original_index = dropped.original_index(&original_list, index);
    dropped.record(original_list, original_index);
    true
}

/// A JSON pointer (RFC 6901) for a path.
fn pointer(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Seg::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        n: u32,
        #[serde(default)]
        level: Option<Level>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Level {
        Junior,
        Senior,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        name: String,
        items: Vec<Item>,
    }

    fn problems(text: &str) -> Vec<String> {
        parse_all::<File>("f", text)
            .unwrap_err()
            .iter()
            .map(|d| format!("{}:{} {} {}", d.line, d.column, d.field, d.message))
            .collect()
    }

    #[test]
    fn every_problem_is_reported_where_it_is() {
        let text = r#"{"name": "x", "items": [
  {"id": "a", "n": "two"},
  {"n": 3},
  {"id": "c", "n": 4, "lvl": "junior"},
  {"id": "d", "n": 5, "level": "guru"}
]}"#;
        let got = problems(text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(
            got[0].starts_with("2:20 items[0].n invalid type"),
            "{}",
            got[0]
        );
        assert!(
            got[1].starts_with("3:3 items[1] missing field `id`"),
            "{}",
            got[1]
        );
        // After item 1 was dropped, later items keep their own numbers.
        assert!(
            got[2].starts_with("4:23 items[2].lvl unknown field `lvl`"),
            "{}",
            got[2]
        );
        assert!(got[2].ends_with("did you mean `level`?"), "{}", got[2]);
        assert!(
            got[3].starts_with("5:32 items[3].level unknown variant `guru`"),
            "{}",
            got[3]
        );
    }

    /// A list item of the wrong type is reported once, with what the user wrote.
    #[test]
    fn a_wrong_typed_item_is_reported_once() {
        let got = problems(r#"{"name": "x", "items": ["oops", 5]}"#);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].contains(r#"string "oops", expected struct Item"#),
            "{got:#?}"
        );
        assert!(
            got[1].contains("invalid type: number, expected struct Item"),
            "{got:#?}"
        );
    }

    /// Problems after a dropped item keep their own place and none is hidden: records of
    /// renamed and dropped fields are kept by their place in the text.
    #[test]
    fn a_dropped_item_does_not_move_later_problems() {
        let text = r#"{"name": "x", "items": [
  {"idd": "a"},
  {"id": 5, "n": 1},
  {"n": 2}
]}"#;
        let got = problems(text);
        assert!(
            got.iter()
                .any(|g| g.starts_with("2:4 items[0].idd unknown field")),
            "{got:#?}"
        );
        assert!(
            got.iter()
                .any(|g| g.starts_with("3:10 items[1].id invalid type")),
            "{got:#?}"
        );
        assert!(
            got.iter()
                .any(|g| g.starts_with("4:3 items[2] missing field `id`")),
            "{got:#?}"
        );
        assert!(!got.iter().any(|g| g.contains("items[1].idd")), "{got:#?}");
    }

    #[test]
    fn syntax_errors_stop_at_the_first_and_valid_files_parse() {
        let got = problems(r#"{"name": "x", "items": [,]}"#);
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("invalid JSON"), "{}", got[0]);
        assert!(parse_all::<File>("f", r#"{"name": "x", "items": []}"#).is_ok());
    }

    #[test]
    fn two_problems_in_one_item_are_both_reported_and_a_typo_once() {
        let got = problems(r#"{"name": "x", "items": [{"idd": "a", "n": "two"}]}"#);
        // `idd` is read as the `id` it was meant to be: not reported missing as well.
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].contains("unknown field `idd`"), "{got:#?}");
        assert!(got[1].contains("invalid type"), "{got:#?}");
    }
}
