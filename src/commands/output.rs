//! Writing a file the user named (`report --html`, `history export -o`): never onto a file
//! prepcoach keeps (its history database, line history), never over an existing file without
//! `--force`, never through a symlink, never half-written.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Write `contents` to `path`. A file already there is replaced only with `force`, and then
/// by writing beside it and renaming over it, so the old file stays whole until the new one
/// is, and a symlink at `path` is replaced rather than followed. One of prepcoach's own
/// files in its data folder `data` (the history database and its companions) is refused.
pub fn write_file(path: &Path, contents: &[u8], force: bool, data: Option<&Path>) -> Result<()> {
    if let Some(data) = data {
        refuse_own(path, data)?;
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(write_error(
                path,
                std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder"),
            ))
        }
        Ok(_) if !force => {
            return Err(Error::OutputExists {
                path: path.to_path_buf(),
            })
        }
        _ => {}
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".prepcoach-")
        .tempfile_in(&dir)
        .map_err(|e| write_error(path, e))?;
    file.write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| write_error(path, e))?;
    readable(file.as_file()).map_err(|e| write_error(path, e))?;
    file.persist(path).map_err(|e| write_error(path, e.error))?;
    Ok(())
}

/// A report is for sharing: readable as a file written with the user's usual umask would
/// be, not 0600 like the temporary file it was written as.
#[cfg(unix)]
fn readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The files prepcoach keeps in its data folder: the history database (and the journal
/// and WAL files SQLite keeps beside it) and the practice prompt's line history.
fn is_own_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with("history.sqlite3") || name == "history.txt"
}

/// Refuse a path that is, or whose symlink leads to, one of prepcoach's own files.
fn refuse_own(path: &Path, data: &Path) -> Result<()> {
    let Ok(data_real) = data.canonicalize() else {
        // No data folder yet: nothing of prepcoach's to overwrite.
        return Ok(());
    };
    let own = |p: &Path| {
        p.parent().is_some_and(|dir| dir == data_real) && p.file_name().is_some_and(is_own_name)
    };
    // Where the path leads, if it exists (through any symlinks)…
    if let Ok(real) = path.canonicalize() {
        if own(&real) {
            return Err(own_error(path, data));
        }
    }
    // …and where a new file by that name would go.
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let (Ok(dir), Some(name)) = (dir.canonicalize(), path.file_name()) {
        if own(&dir.join(name)) {
            return Err(own_error(path, data));
        }
    }
    Ok(())
}

fn own_error(path: &Path, data: &Path) -> Error {
    Error::OutputIsOwn {
        path: path.to_path_buf(),
        data: data.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force() {
        let d = dir();
        let path = d.path().join("report.html");
        write_file(&path, b"one", false, None).unwrap();
        let err = write_file(&path, b"two", false, None).unwrap_err();
        assert!(matches!(err, Error::OutputExists { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_file(&path, b"two", true, None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn a_file_in_the_data_folder_is_refused_even_through_a_symlink() {
        let data = dir();
        let db = data.path().join("history.sqlite3");
        std::fs::write(&db, b"db").unwrap();
        let err = write_file(&db, b"x", true, Some(data.path())).unwrap_err();
        assert!(matches!(err, Error::OutputIsOwn { .. }), "{err}");
        // A new file in the data folder too (the database's companions).
        let wal = data.path().join("history.sqlite3-wal");
        assert!(write_file(&wal, b"x", true, Some(data.path())).is_err());
        #[cfg(unix)]
        {
            let other = dir();
            let link = other.path().join("report.html");
            std::os::unix::fs::symlink(&db, &link).unwrap();
            let err = write_file(&link, b"x", true, Some(data.path())).unwrap_err();
            assert!(matches!(err, Error::OutputIsOwn { .. }), "{err}");
        }
        assert_eq!(std::fs::read(&db).unwrap(), b"db");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_replaced_not_followed() {
        let d = dir();
        let target = d.path().join("elsewhere.txt");
        std::fs::write(&target, b"keep me").unwrap();
        let link = d.path().join("out.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_file(&link, b"new", false, None).is_err());
        write_file(&link, b"new", true, None).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
        assert!(!std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
