//! Data files a user or coach writes (banks, drills, rules overrides, answer batches):
//! reading them as UTF-8, parsing JSON with every error located by file, line, column and
//! field, and suggesting the nearest valid name for a typo. Below every module that reads
//! such a file, so none of them borrows this from another.

use std::path::Path;

pub mod locate;
pub mod shape;

use crate::error::{Error, Result};

/// The most a data file (a bank, a drill, an import, a batch of answers) or standard input
/// may hold: far beyond any real one, and a bound on what `/dev/zero` can make us read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Read a file as UTF-8 (a leading byte-order mark dropped), at most [`MAX_FILE_BYTES`];
/// a bad byte is named by line and column.
pub fn read_text(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    read_bounded(file, path)
}

/// [`read_text`] for a reader (standard input) named `name` in messages.
pub fn read_bounded(reader: impl std::io::Read, name: &Path) -> Result<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: name.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: name.to_path_buf(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Error::NotUtf8 {
            path: name.to_path_buf(),
            line,
            column,
        }
    })
}

/// Read one of `T`'s names (a rule, a lexicon, an answer shape) through a plain string, so
/// a problem inside a map keyed by these names is reported with its key in the path (serde
/// does not say which key it was reading when the key is an enum). An unknown name gets
/// serde's own "unknown variant" message, so the nearest name is suggested as usual.
pub fn by_name<'de, D, T>(d: D) -> std::result::Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: strum::VariantArray + Copy + Into<&'static str>,
{
    let name = <String as serde::Deserialize>::deserialize(d)?;
    T::VARIANTS
        .iter()
        .copied()
        .find(|v| Into::<&str>::into(*v) == name)
        .ok_or_else(|| {
            let expected: Vec<String> = T::VARIANTS
                .iter()
                .map(|v| format!("`{}`", Into::<&str>::into(*v)))
                .collect();
            serde::de::Error::custom(format!(
                "unknown variant `{name}`, expected one of {}",
                expected.join(", ")
            ))
        })
}

/// The candidate closest to `want`, if close enough to be a likely typo.
pub fn nearest<'a>(want: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::normalized_damerau_levenshtein(want, c), c))
        .filter(|(s, _)| *s >= 0.6)
        // Ties go to the first name in order, so the same typo gets the same answer every
        // run (the candidates may come from a hash map).
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c.to_string())
}

/// Parse a JSON data file into `T`, reporting every problem with file, line, column, field
/// and the nearest valid field name (for drills, rules overrides and the like).
pub fn parse_json<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T> {
    shape::parse_all(name, text).map_err(Error::Invalid)
}

/// serde's message without its " at line L column C" tail (we print those ourselves), with
/// the nearest valid name added when a field name is unknown.
pub fn explain_serde(err: &serde_json::Error) -> String {
    let full = err.to_string();
    // Only an error read from text carries the tail; one read from a value has none, and
    // " at line " may then be the user's own words.
    let msg = match full.rfind(" at line ").filter(|_| err.line() != 0) {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    if msg == "trailing characters" {
        return "text after the JSON value: one JSON value per file, or per line in JSONL".into();
    }
    // serde's syntax errors name what its parser wanted ("expected ident"): say that the
    // text is not JSON.
    if matches!(
        err.classify(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof
    ) {
        return format!("invalid JSON ({msg}): check the quotes, commas and brackets");
    }
    match nearest_field(&msg) {
        Some(best) => format!("{msg}; did you mean `{best}`?"),
        None => msg,
    }
}

/// For "unknown field `x`, expected one of `a`, `b`" (and the same for variants), the
/// expected name closest to `x`, if it is close enough to be a likely typo.
pub(crate) fn nearest_field(msg: &str) -> Option<String> {
    let rest = msg
        .strip_prefix("unknown field `")
        .or_else(|| msg.strip_prefix("unknown variant `"))?;
    let (typo, expected) = rest.split_once('`')?;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|cand| (strsim::normalized_damerau_levenshtein(typo, cand), cand))
        .filter(|(sim, _)| *sim >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, cand)| cand.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_field_suggests_close_names_only() {
        let msg = "unknown field `modle_answer`, expected one of `id`, `text`, `model_answer`";
        assert_eq!(nearest_field(msg).as_deref(), Some("model_answer"));
        let msg = "unknown field `zzzzzzzz`, expected one of `id`, `text`";
        assert_eq!(nearest_field(msg), None);
    }
}
