//! Question banks: the format, loading (built-in, files, the user's config folder),
//! validation and selection.
//!
//! Everything else in prepcoach reads questions through [`Catalog`], so a coach's bank and a
//! built-in bank behave the same once loaded.

pub mod model;
pub mod plan;
pub mod schema;
mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use crate::data::locate::{line_col, LineIndex};
pub use crate::data::{nearest, parse_json, read_text};
pub use model::*;
pub use plan::{choose, Order, Plan};
pub use validate::{clash_diagnostics, is_slug, parse_bank};

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_banks.rs"));

/// Where a bank came from, for listings and error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin(&'static str),
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Builtin(name) => write!(f, "built-in bank {name}"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A bank and where it was loaded from.
#[derive(Debug, Clone)]
pub struct LoadedBank {
    pub bank: Bank,
    pub origin: Origin,
}

/// A question together with the bank it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct QuestionRef<'a> {
    pub bank: &'a Bank,
    pub question: &'a Question,
}

/// All loaded banks, with question ids unique across them.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    banks: Vec<LoadedBank>,
    index: HashMap<String, (usize, usize)>,
}

impl Catalog {
    /// The built-in banks only.
    pub fn builtin() -> Result<Catalog> {
        let mut catalog = Catalog::default();
        for (name, text) in BUILTIN_BANKS {
            let bank = parse_bank(&format!("banks/{name}"), text).map_err(Error::Invalid)?;
            catalog.add(bank, Origin::Builtin(name))?;
        }
        Ok(catalog)
    }

    /// Only the built-in bank that holds question `id` (all of them when none obviously
    /// does): a one-answer `check --question` parses one bank instead of five. The built-in
    /// banks' ids are checked to be unique by the test suite.
    pub fn builtin_holding(id: &str) -> Result<Catalog> {
        let needle = format!("\"id\": {}", serde_json::Value::String(id.to_string()));
        let mut catalog = Catalog::default();
        for (name, text) in BUILTIN_BANKS.iter().filter(|(_, t)| t.contains(&needle)) {
            let bank = parse_bank(&format!("banks/{name}"), text).map_err(Error::Invalid)?;
            catalog.add(bank, Origin::Builtin(name))?;
        }
        if catalog.index.contains_key(id) {
            Ok(catalog)
        } else {
            Catalog::builtin()
        }
    }

    /// Built-in banks, then the user's config folder (when `user_dir` is set), then `extra`
    /// paths (files or folders of `*.json`), in that order.
    pub fn load(extra: &[PathBuf], user_dir: Option<&Path>) -> Result<Catalog> {
        Catalog::load_onto(Catalog::builtin()?, extra, user_dir)
    }

    /// [`Catalog::load`] onto a given set of built-in banks.
    pub fn load_onto(base: Catalog, extra: &[PathBuf], user_dir: Option<&Path>) -> Result<Catalog> {
        let mut catalog = base;
        let mut files = Vec::new();
        if let Some(dir) = user_dir.filter(|d| d.is_dir()) {
            files.extend(json_files(dir)?);
        }
        for p in extra {
            files.extend(bank_paths(p)?);
        }
        for file in files {
            let name = file.display().to_string();
            let text = read_text(&file)?;
            let bank = parse_bank(&name, &text).map_err(Error::Invalid)?;
            let clashes = clash_diagnostics(&catalog, &bank, &name, &text);
            if !clashes.is_empty() {
                return Err(Error::Invalid(clashes));
            }
            catalog.add(bank, Origin::File(file))?;
        }
        Ok(catalog)
    }

    /// Add a bank, refusing bank or question ids that are already taken.
    pub fn add(&mut self, bank: Bank, origin: Origin) -> Result<()> {
        if let Some(first) = self.banks.iter().find(|b| b.bank.id == bank.id) {
            return Err(Error::BankClash {
                id: bank.id,
                first: first.origin.to_string(),
                second: origin.to_string(),
            });
        }
        let bi = self.banks.len();
        for (qi, q) in bank.questions.iter().enumerate() {
            if let Some(&(b0, _)) = self.index.get(&q.id) {
                return Err(Error::QuestionClash {
                    id: q.id.clone(),
                    first: self.banks[b0].origin.to_string(),
                    second: origin.to_string(),
                });
            }
            self.index.insert(q.id.clone(), (bi, qi));
        }
        self.banks.push(LoadedBank { bank, origin });
        Ok(())
    }

    /// Where the question with this id was loaded from, if it is loaded.
    pub fn owner_of(&self, id: &str) -> Option<&Origin> {
        self.index.get(id).map(|&(b, _)| &self.banks[b].origin)
    }

    pub fn banks(&self) -> &[LoadedBank] {
        &self.banks
    }

    /// The bank with this id (whatever its case), or an error naming the nearest id.
    pub fn bank(&self, id: &str) -> Result<&LoadedBank> {
        let exact = self.banks.iter().find(|b| b.bank.id == id);
        let found = exact.or_else(|| {
            self.banks
                .iter()
                .find(|b| b.bank.id.eq_ignore_ascii_case(id))
        });
        found.ok_or_else(|| {
            let near = nearest(id, self.banks.iter().map(|b| b.bank.id.as_str()));
            Error::UnknownBank {
                id: id.to_string(),
                near,
            }
        })
    }

    /// The question with this id, or an error naming the nearest id.
    pub fn question(&self, id: &str) -> Result<QuestionRef<'_>> {
        // Ids are matched whatever their case ("SPM-03" is spm-03).
        let found = self.index.get(id).or_else(|| {
            self.index
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(id))
                .min_by(|a, b| a.0.cmp(b.0))
                .map(|(_, v)| v)
        });
        if let Some(&(b, q)) = found {
            Ok(QuestionRef {
                bank: &self.banks[b].bank,
                question: &self.banks[b].bank.questions[q],
            })
        } else {
            let near = nearest(id, self.index.keys().map(String::as_str));
            Err(Error::UnknownQuestion {
                id: id.to_string(),
                near,
            })
        }
    }

    /// Every question, in bank order.
    pub fn all_questions(&self) -> impl Iterator<Item = QuestionRef<'_>> {
        self.banks.iter().flat_map(|b| {
            b.bank.questions.iter().map(move |q| QuestionRef {
                bank: &b.bank,
                question: q,
            })
        })
    }

    /// The questions a filter selects, in bank order. An unknown bank id is an error, so a
    /// typo does not silently select nothing.
    pub fn select(&self, filter: &Filter) -> Result<Vec<QuestionRef<'_>>> {
        for id in &filter.banks {
            self.bank(id)?;
        }
        Ok(self.all_questions().filter(|q| filter.matches(q)).collect())
    }
}

/// Which questions to list or practise; empty fields select everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub banks: Vec<String>,
    pub kinds: Vec<Kind>,
    pub competencies: Vec<String>,
    pub levels: Vec<Level>,
    pub rounds: Vec<String>,
    pub search: Option<String>,
}

impl Filter {
    pub fn matches(&self, q: &QuestionRef<'_>) -> bool {
        let question = q.question;
        (self.banks.is_empty() || self.banks.contains(&q.bank.id))
            && (self.kinds.is_empty() || self.kinds.contains(&question.kind))
            && (self.competencies.is_empty() || self.competencies.contains(&question.competency))
            && (self.levels.is_empty() || question.levels.iter().any(|l| self.levels.contains(l)))
            && (self.rounds.is_empty()
                || question
                    .round
                    .as_ref()
                    .is_some_and(|r| self.rounds.contains(r)))
            && self.search.as_ref().is_none_or(|s| search_hit(question, s))
    }
}

/// Case-insensitive match of every word of `needle` in the question's text, id, competency
/// or areas.
fn search_hit(q: &Question, needle: &str) -> bool {
    let mut hay = format!("{} {} {} {}", q.id, q.text, q.competency, q.kind).to_lowercase();
    for a in &q.areas {
        hay.push(' ');
        hay.push_str(&a.text.to_lowercase());
    }
    needle
        .to_lowercase()
        .split_whitespace()
        .all(|w| hay.contains(w))
}

/// A path given as a bank: the file itself, or the `*.json` files of a folder.
pub fn bank_paths(path: &Path) -> Result<Vec<PathBuf>> {
    // The error says what is wrong with the path: missing, a symlink loop, no permission.
    let meta = std::fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        // A folder named as a bank must hold one (the user's own banks folder may be empty).
        let files = json_files(path)?;
        if files.is_empty() {
            return Err(Error::Usage(format!(
                "{} has no bank files (*.json)",
                path.display()
            )));
        }
        Ok(files)
    } else if meta.is_file() {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(not_a_file(path))
    }
}

/// A `.json` path that is no regular file (a FIFO, a device): reading it could wait for
/// ever, so it is refused by name.
fn not_a_file(path: &Path) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, a device or a socket)",
        ),
    }
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    // Every `*.json` entry is a bank the user meant: one that cannot be read as a file (a
    // symlink loop, a FIFO) is an error, never skipped in silence.
    for f in &files {
        match std::fs::metadata(f) {
            Ok(m) if m.is_file() => {}
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(not_a_file(f)),
            Err(source) => {
                return Err(Error::Read {
                    path: f.clone(),
                    source,
                })
            }
        }
    }
    files.retain(|f| f.is_file());
    Ok(files)
}
