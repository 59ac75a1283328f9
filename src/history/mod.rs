//! Attempts that last: every checked answer is stored in a SQLite file in the user's data
//! folder, the way Anki keeps its review log — WAL mode and a busy timeout so two sessions
//! can save at once, one transaction per attempt, versioned schema migrations.
//!
//! Earlier attempts are never rewritten or deleted. A file that is not a prepcoach history,
//! is damaged, or has a newer schema than this build knows gets a clear error and is left
//! exactly as it was.

pub mod progress;
pub mod review;
pub mod time;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::analysis::Report;
use crate::error::{Error, Result};
pub use time::{now_rfc3339, unix_to_rfc3339};

/// The schema this build writes; each entry of [`MIGRATIONS`] raises it by one.
pub const SCHEMA_VERSION: i64 = 3;

/// Migrations, in order: `MIGRATIONS[i]` takes a history from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    "
    CREATE TABLE attempts (
        id          INTEGER PRIMARY KEY,
        at          TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        bank_id     TEXT    NOT NULL,
        competency  TEXT    NOT NULL,
        kind        TEXT    NOT NULL,
        answer      TEXT    NOT NULL,
        score       INTEGER NOT NULL,
        band        TEXT    NOT NULL,
        missing     TEXT    NOT NULL,
        report      TEXT    NOT NULL,
        seconds     REAL    NOT NULL,
        hint_seen   INTEGER NOT NULL,
        model_seen  INTEGER NOT NULL,
        retry       INTEGER NOT NULL,
        followup    INTEGER NOT NULL,
        drill       TEXT,
        session     TEXT    NOT NULL DEFAULT '',
        UNIQUE (at, question_id, answer, session)
    );
    CREATE INDEX attempts_question ON attempts (question_id, at);
",
    "
    CREATE TABLE reviews (
        id          INTEGER PRIMARY KEY,
        attempt_id  INTEGER NOT NULL REFERENCES attempts (id),
        at          TEXT    NOT NULL,
        question_id TEXT    NOT NULL,
        rating      INTEGER NOT NULL,
        due         TEXT    NOT NULL,
        card        TEXT    NOT NULL
    );
    CREATE INDEX reviews_question ON reviews (question_id, id);
",
    "
    ALTER TABLE attempts ADD COLUMN follow_up_question TEXT;
",
];

/// The kind a role-play is kept under: its record's `answer` is the candidate's turns, its
/// `report` the debrief, its score the share of the criteria met and its band the anchor.
pub const ROLE_PLAY: &str = "role-play";

/// One checked answer, as a practice session makes it; [`Record`] is how it is kept.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub question_id: String,
    pub bank_id: String,
    pub competency: String,
    pub kind: String,
    pub answer: String,
    pub report: Report,
    /// Seconds from the question being shown to the answer being submitted.
    pub seconds: f64,
    pub hint_seen: bool,
    pub model_seen: bool,
    /// A second (or later) try at the same question.
    pub retry: bool,
    /// An answer to the follow-up question rather than the question itself.
    pub followup: bool,
    /// The follow-up question it answers, when it answers one.
    pub follow_up_question: Option<String>,
}

/// One stored attempt, as `history export` writes it and `history import` reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub at: String,
    pub question_id: String,
    pub bank_id: String,
    pub competency: String,
    pub kind: String,
    pub answer: String,
    pub score: u32,
    pub band: String,
    /// The parts the checker found missing.
    pub missing: Vec<String>,
    /// The full checker report (the `prepcoach check --format json` object).
    pub report: serde_json::Value,
    pub seconds: f64,
    pub hint_seen: bool,
    pub model_seen: bool,
    pub retry: bool,
    pub followup: bool,
    /// The follow-up question a follow-up answer answers (kept with its parent question's
    /// id); histories from before it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drill: Option<String>,
    /// Which practice run made it (random per process): two sessions that save the same
    /// answer in the same millisecond keep two records, while re-importing an export
    /// adds nothing twice.
    #[serde(default)]
    pub session: String,
}

impl Record {
    /// The record for an attempt made now.
    pub fn from_attempt(a: &Attempt, drill: Option<&str>) -> Record {
        Record {
            at: now_rfc3339(),
            question_id: a.question_id.clone(),
            bank_id: a.bank_id.clone(),
            competency: a.competency.clone(),
            kind: a.kind.clone(),
            answer: a.answer.clone(),
            score: a.report.score,
            band: a.report.band.as_str().to_string(),
            missing: a
                .report
                .parts
                .missing()
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            report: serde_json::to_value(&a.report).unwrap_or(serde_json::Value::Null),
            seconds: a.seconds,
            hint_seen: a.hint_seen,
            model_seen: a.model_seen,
            retry: a.retry,
            followup: a.followup,
            follow_up_question: a.follow_up_question.clone(),
            drill: drill.map(String::from),
            session: session_id().to_string(),
        }
    }
}

/// This process's session id.
pub fn session_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| format!("{:016x}", fastrand::u64(..)))
}

/// The history file, open.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Where the history lives: `history.sqlite3` in the data folder.
pub fn default_path(data_dir: &Path) -> PathBuf {
    data_dir.join("history.sqlite3")
}

impl Store {
    /// Open (creating it and its folder if needed) and migrate the history at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| damaged(path, &e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.check_and_migrate()?;
        Ok(store)
    }

    /// Open an existing history for reading only (progress, export): never creates one. A
    /// history that cannot be looked at (a folder without permission) is an error, not an
    /// empty history.
    pub fn open_existing(path: &Path) -> Result<Option<Store>> {
        match std::fs::metadata(path) {
            Ok(_) => Store::open(path).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_and_migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| damaged(&path, &e);
        let refuse = |why: String| {
            Error::History(format!("{} {why}; it was left untouched", path.display()))
        };
        self.conn.busy_timeout(BUSY).map_err(err)?;
        // Reading the schema first proves the file is a database before anything is written;
        // the version and the tables in one statement, so both come from one moment (another
        // session may be creating the history right now).
        let (version, tables): (i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(refuse(format!(
                "was written by a newer prepcoach (schema {version}, this build knows {SCHEMA_VERSION}): upgrade prepcoach to use it"
            )));
        }
        // A SQLite file of something else is looked at, never changed (not even switched to
        // WAL).
        if version == 0 && tables > 0 {
            return Err(refuse(
                "is a SQLite file but not a prepcoach history".into(),
            ));
        }
        let ok: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(err)?;
        if ok != "ok" {
            return Err(refuse(format!("is damaged ({ok})")));
        }
        // WAL lets one session read while another writes; it is a property of the file, set
        // once. Switching needs a moment with no other connection writing, and SQLite does
        // not wait for it, so it is retried within the busy timeout.
        self.wal().map_err(err)?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        // Decide and migrate under the write lock, reading the version again: another
        // session may have created or migrated the file while this one waited.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if version == 0 {
            let tables: i64 = tx
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(err)?;
            if tables > 0 {
                return Err(refuse(
                    "is a SQLite file but not a prepcoach history".into(),
                ));
            }
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(())
    }

    /// Switch the file to WAL if it is not already, retrying while another session holds it.
    fn wal(&self) -> rusqlite::Result<()> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        let deadline = std::time::Instant::now() + BUSY;
        loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0))
            {
                Ok(_) => return Ok(()),
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Store one attempt, in its own transaction. Returns false when an identical record
    /// (same time, question and answer) is already there.
    pub fn save(&self, r: &Record) -> Result<bool> {
        Ok(self.save_all(std::slice::from_ref(r))? == 1)
    }

    /// Save many attempts in one transaction, all or none (an import); returns how many
    /// were new.
    pub fn save_all(&self, records: &[Record]) -> Result<usize> {
        let err = |e: rusqlite::Error| {
            Error::History(format!("cannot save to {}: {e}", self.path.display()))
        };
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let mut added = 0;
        for r in records {
            added += usize::from(insert(&tx, r).map_err(err)?);
        }
        tx.commit().map_err(err)?;
        Ok(added)
    }

    /// Every attempt, oldest first.
    pub fn all(&self) -> Result<Vec<Record>> {
        let err = |e: rusqlite::Error| damaged(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT at, question_id, bank_id, competency, kind, answer, score, band, missing, report, seconds, hint_seen, model_seen, retry, followup, drill, session, follow_up_question
                 FROM attempts ORDER BY at, id",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |row| {
                let missing: String = row.get(8)?;
                let report: String = row.get(9)?;
                Ok(Record {
                    at: row.get(0)?,
                    question_id: row.get(1)?,
                    bank_id: row.get(2)?,
                    competency: row.get(3)?,
                    kind: row.get(4)?,
                    answer: row.get(5)?,
                    score: row.get(6)?,
                    band: row.get(7)?,
                    missing: serde_json::from_str(&missing).unwrap_or_default(),
                    report: serde_json::from_str(&report).unwrap_or(serde_json::Value::Null),
                    seconds: row.get(10)?,
                    hint_seen: row.get(11)?,
                    model_seen: row.get(12)?,
                    retry: row.get(13)?,
                    followup: row.get(14)?,
                    drill: row.get(15)?,
                    session: row.get(16)?,
                    follow_up_question: row.get(17)?,
                })
            })
            .map_err(err)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(err)
    }

    /// Each reviewed question with when it is next due.
    pub fn due_dates(&self) -> Result<Vec<(String, chrono::DateTime<chrono::Utc>)>> {
        let err = |e: rusqlite::Error| damaged(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT question_id, due FROM reviews r
                 WHERE id = (SELECT max(id) FROM reviews WHERE question_id = r.question_id)",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (q, due) = row.map_err(err)?;
            out.push((q, review::when(&due)));
        }
        Ok(out)
    }

    /// How many attempts are stored.
    pub fn count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM attempts", [], |r| r.get::<_, i64>(0))
            .optional()
            .map(|n| n.unwrap_or(0) as usize)
            .map_err(|e| damaged(&self.path, &e))
    }
}

/// How long a session waits for another to finish writing.
const BUSY: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether SQLite reports the file busy or locked by another connection.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// An error opening or setting up the history, said as what it is: another session busy
/// with it, no permission, a full disk, or a file that is no history at all (only then is
/// moving it aside the advice).
fn damaged(path: &Path, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let p = path.display();
    Error::History(match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => format!(
            "{p} is busy: another prepcoach kept it locked for over {} seconds; try again",
            BUSY.as_secs()
        ),
        Some(C::ReadOnly | C::PermissionDenied | C::CannotOpen | C::AuthorizationForStatementDenied) => {
            format!("cannot write {p} ({e}): check that you may write to it and to its folder")
        }
        Some(C::DiskFull) => format!("cannot write {p}: the disk is full"),
        Some(C::SystemIoFailure) => format!("cannot write {p}: input/output error ({e})"),
        _ => format!(
            "cannot use {p} as a prepcoach history ({e}); it was left untouched — move it aside to start a new one"
        ),
    })
}

/// The most items of any list a stored report keeps (metrics, findings, evidence).
const MAX_ITEMS: usize = 20;

/// The most characters of any text a stored report keeps (evidence quotes, suggestions).
const MAX_CHARS: usize = 400;

/// A report as the history keeps it: every list cut to [`MAX_ITEMS`] and every text to
/// [`MAX_CHARS`], so a long answer's report stays a few kilobytes instead of growing with
/// the answer (the answer itself is kept whole, and can be checked again). A cut report
/// says so with `"compacted": true`.
pub fn compact(report: &serde_json::Value) -> serde_json::Value {
    fn walk(v: &serde_json::Value, cut: &mut bool) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Array(items) => {
                *cut |= items.len() > MAX_ITEMS;
                Value::Array(items.iter().take(MAX_ITEMS).map(|i| walk(i, cut)).collect())
            }
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), walk(v, cut))).collect())
            }
            Value::String(s) => match s.char_indices().nth(MAX_CHARS) {
                Some((end, _)) => {
                    *cut = true;
                    Value::String(format!("{}…", &s[..end]))
                }
                None => v.clone(),
            },
            other => other.clone(),
        }
    }
    let mut cut = false;
    let mut out = walk(report, &mut cut);
    if cut {
        if let serde_json::Value::Object(map) = &mut out {
            map.insert("compacted".into(), serde_json::Value::Bool(true));
        }
    }
    out
}

/// Insert one attempt and its review step in transaction `tx`; whether it was new (an
/// attempt already there, the same in every field that tells two apart, is skipped).
fn insert(tx: &rusqlite::Transaction<'_>, r: &Record) -> rusqlite::Result<bool> {
    let n = tx
            .execute(
                "INSERT OR IGNORE INTO attempts (at, question_id, bank_id, competency, kind, answer, score, band, missing, report, seconds, hint_seen, model_seen, retry, followup, drill, session, follow_up_question)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                params![
                    r.at,
                    r.question_id,
                    r.bank_id,
                    r.competency,
                    r.kind,
                    r.answer,
                    r.score,
                    r.band,
                    serde_json::to_string(&r.missing).unwrap_or_default(),
                    compact(&r.report).to_string(),
                    r.seconds,
                    r.hint_seen,
                    r.model_seen,
                    r.retry,
                    r.followup,
                    r.drill,
                    r.session,
                    r.follow_up_question,
                ],
            )
            ?;
    if n == 1 && !r.followup {
        // The review step, in the same transaction: replaying these rows replays the
        // schedule.
        let attempt_id = tx.last_insert_rowid();
        let previous: Option<String> = tx
            .query_row(
                "SELECT card FROM reviews WHERE question_id = ?1 ORDER BY id DESC LIMIT 1",
                [&r.question_id],
                |row| row.get(0),
            )
            .optional()?;
        let previous = previous.and_then(|c| serde_json::from_str(&c).ok());
        let card = review::next_card(previous, r);
        tx.execute(
                "INSERT INTO reviews (attempt_id, at, question_id, rating, due, card) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    attempt_id,
                    r.at,
                    r.question_id,
                    review::rating(r) as i64,
                    card.due.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    serde_json::to_string(&card).unwrap_or_default(),
                ],
            )
            ?;
    }
    Ok(n == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_report_is_bounded_whatever_the_answer() {
        let long = "ab".repeat(1000);
        let report = serde_json::json!({
            "score": 70,
            "metrics": (0..500).map(|i| serde_json::json!({"text": i})).collect::<Vec<_>>(),
            "suggestions": [long],
        });
        let kept = compact(&report);
        assert_eq!(kept["metrics"].as_array().unwrap().len(), MAX_ITEMS);
        assert_eq!(
            kept["suggestions"][0].as_str().unwrap().chars().count(),
            MAX_CHARS + 1
        );
        assert_eq!(kept["compacted"], true);
        assert_eq!(kept["score"], 70);
        // A report within the bounds is kept as it is.
        let small = serde_json::json!({"score": 70, "findings": [{"rule": "no-metric"}]});
        assert_eq!(compact(&small), small);
    }

    fn record(n: u32) -> Record {
        Record {
            at: format!("2026-11-21T10:00:{n:02}Z"),
            question_id: "spm-01".into(),
            bank_id: "spm-behavioral".into(),
            competency: "partner-sourcing".into(),
            kind: "behavioral".into(),
            answer: format!("answer {n}"),
            score: 40 + n,
            band: "below".into(),
            missing: vec!["learning".into()],
            report: serde_json::json!({"score": 40 + n}),
            seconds: 12.5,
            hint_seen: n % 2 == 0,
            model_seen: false,
            retry: false,
            followup: false,
            follow_up_question: None,
            drill: None,
            session: "s".into(),
        }
    }

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("prepcoach-history-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("history.sqlite3")
    }

    #[test]
    fn saves_and_reads_back_and_ignores_exact_duplicates() {
        let path = temp("roundtrip");
        let store = Store::open(&path).unwrap();
        assert!(store.save(&record(1)).unwrap());
        assert!(store.save(&record(2)).unwrap());
        assert!(!store.save(&record(1)).unwrap());
        let all = store.all().unwrap();
        assert_eq!(all, vec![record(1), record(2)]);
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(again.count().unwrap(), 2);
    }

    #[test]
    fn damaged_or_foreign_or_newer_files_are_refused_and_untouched() {
        let path = temp("damaged");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"this is not a database at all, just some text").unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(err.to_string().contains("left untouched"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);

        let path = temp("newer");
        let store = Store::open(&path).unwrap();
        store.conn.pragma_update(None, "user_version", 99).unwrap();
        drop(store);
        let err = Store::open(&path).err().expect("refused");
        assert!(err.to_string().contains("newer prepcoach"), "{err}");

        let path = temp("foreign");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE other (x INTEGER);").unwrap();
        drop(c);
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(err.to_string().contains("not a prepcoach history"), "{err}");
        // Untouched: not even switched to WAL.
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!path.with_extension("sqlite3-wal").exists());
    }
}
