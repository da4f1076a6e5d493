//! What keeps a user's words safe between saves: a recovery copy of the document being edited,
//! kept in the data folder (not beside the file, so it never ends up in a team's commit), and a
//! fingerprint of the file on disk, to notice when someone else changed it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{SaveError, copy_mode, write_atomic_with_mode};

/// The folder for recovery copies: `BLAMELESS_DATA_DIR/recovery`, or the platform's data
/// folder (`~/.local/share/blameless/recovery` on Linux).
pub fn recovery_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("BLAMELESS_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => directories::ProjectDirs::from("", "", "blameless")?.data_dir().to_path_buf(),
    };
    Some(base.join("recovery"))
}

/// Where the recovery copy of `doc_path` lives in `dir`: named by the absolute path, with
/// separators replaced, so two documents never share a copy.
pub fn recovery_path(dir: &Path, doc_path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(doc_path).ok()?;
    let name: String =
        absolute.to_string_lossy().chars().map(|c| if matches!(c, '/' | '\\' | ':') { '%' } else { c }).collect();
    Some(dir.join(format!("{name}.recovery.yaml")))
}

/// Writes the recovery copy of `doc_path` (atomically, like any save).
pub fn write_recovery(dir: &Path, doc_path: &Path, text: &str) -> Result<PathBuf, SaveError> {
    let path = recovery_path(dir, doc_path).ok_or_else(|| SaveError::Io {
        path: doc_path.to_path_buf(),
        action: "naming the recovery copy",
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "the current folder is gone"),
    })?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_path_buf(),
            action: "creating the recovery folder",
            source,
        })?;
    }
    // A private document's copy is private too.
    write_atomic_with_mode(&path, text.as_bytes(), copy_mode(doc_path))?;
    Ok(path)
}

/// The recovery copy of `doc_path`, if one was left behind.
pub fn read_recovery(dir: &Path, doc_path: &Path) -> Option<(PathBuf, String)> {
    let path = recovery_path(dir, doc_path)?;
    let text = std::fs::read_to_string(&path).ok()?;
    Some((path, text))
}

/// Removes the recovery copy after a clean exit. A copy that cannot be removed is harmless.
pub fn remove_recovery(dir: &Path, doc_path: &Path) {
    if let Some(path) = recovery_path(dir, doc_path) {
        let _ = std::fs::remove_file(path);
    }
}

/// What a file on disk looked like when we last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Fingerprint {
    pub fn of_text(text: &str, modified: Option<SystemTime>) -> Fingerprint {
        let mut h = DefaultHasher::new();
        text.hash(&mut h);
        Fingerprint { len: text.len() as u64, modified, hash: h.finish() }
    }

    /// The file as it is now; `None` when it is gone or unreadable.
    pub fn of_file(path: &Path) -> Option<Fingerprint> {
        let modified = std::fs::metadata(path).ok()?.modified().ok();
        let text = std::fs::read_to_string(path).ok()?;
        Some(Fingerprint::of_text(&text, modified))
    }

    /// Whether the content is the same (a touch that changes only the time is not a change).
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}
