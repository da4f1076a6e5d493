//! What keeps a user's words safe between saves: each editor's recovery copy of the document,
//! kept in the data folder (not beside the file, so it never ends up in a team's commit), and a
//! fingerprint of the file on disk, to notice when someone else changed it.
//!
//! A copy is named `KEY-EDITOR.recovery.yaml`: KEY is the document's file name and a hash of
//! its absolute path (fixed length, whatever the path), EDITOR the id of the editor that
//! writes it. So two editors of one file never share a copy, and an editor removes only its
//! own. A copy whose editor no longer runs (see [`super::lock::alive`]) was left behind by a
//! crash: it is offered the next time the document is opened. Its first lines say which file
//! it copies and the fingerprint of the file it was based on, so that restoring it goes
//! through the same conflict check as any save.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{SaveError, copy_mode, write_quick_parts};

/// The folder for recovery copies: `BLAMELESS_DATA_DIR/recovery`, or the platform's data
/// folder (`~/.local/share/blameless/recovery` on Linux).
pub fn recovery_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("BLAMELESS_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => directories::ProjectDirs::from("", "", "blameless")?.data_dir().to_path_buf(),
    };
    Some(base.join("recovery"))
}

/// 64-bit FNV-1a: a hash that is the same in every build, so what a copy records is still
/// understood after an upgrade (std's `DefaultHasher` promises no such thing).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// `doc` as one name for one file: absolute, its folder's `..` and links resolved (the file
/// name itself kept: a document that is a link stays one), so that `edit ../x.yaml` and
/// `edit /abs/x.yaml` are the same document, and the name still works once the folder the
/// editor started in is gone.
pub fn normal(doc: &Path) -> PathBuf {
    let absolute = std::path::absolute(doc).unwrap_or_else(|_| doc.to_path_buf());
    match (absolute.parent().map(std::fs::canonicalize), absolute.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => absolute,
    }
}

/// The name every file about `doc` in the data folder starts with: its file name (cut short,
/// for people looking in the folder) and a hash of its absolute path.
pub fn key(doc: &Path) -> Option<String> {
    let absolute = normal(doc);
    if !absolute.is_absolute() {
        return None;
    }
    let stem: String = doc
        .file_stem()
        .map(|s| {
            s.to_string_lossy().chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_')).take(40).collect()
        })
        .unwrap_or_default();
    Some(format!("{stem}-{:016x}", fnv(absolute.as_os_str().as_encoded_bytes())))
}

/// Where `editor`'s recovery copy of `doc_path` lives in `dir`.
pub fn recovery_path(dir: &Path, doc_path: &Path, editor: &str) -> Option<PathBuf> {
    Some(dir.join(format!("{}-{editor}.recovery.yaml", key(doc_path)?)))
}

const HEADER: &str = "# blameless recovery copy";

/// Writes `editor`'s recovery copy of `doc_path`: `text`, after lines naming the file and the
/// fingerprint of the file on disk the text was based on. Atomic, like any save.
pub fn write_recovery(
    dir: &Path,
    doc_path: &Path,
    editor: &str,
    base: Option<&Fingerprint>,
    text: &str,
) -> Result<PathBuf, SaveError> {
    let path = recovery_path(dir, doc_path, editor).ok_or_else(|| SaveError::Io {
        path: doc_path.to_path_buf(),
        action: "naming the recovery copy",
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "the current folder is gone"),
    })?;
    std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_path_buf(),
        action: "creating the recovery folder",
        source,
    })?;
    let of = normal(doc_path);
    let of: String = of.to_string_lossy().chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    let base = base.map_or_else(|| "none".to_string(), |b| format!("{} {:016x}", b.len, b.hash));
    let head = format!("{HEADER}\n# of: {of}\n# base: {base}\n");
    // A private document's copy is private too.
    write_quick_parts(&path, &[head.as_bytes(), text.as_bytes()], copy_mode(doc_path))?;
    Ok(path)
}

/// A recovery copy read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub path: PathBuf,
    /// The document's text, as the editor had it.
    pub text: String,
    /// The file on disk the text was based on, when the copy says.
    pub base: Option<Fingerprint>,
    pub written: Option<SystemTime>,
}

/// The copy at `path`.
pub fn read_copy(path: &Path) -> Option<Copy> {
    let raw = std::fs::read_to_string(path).ok()?;
    let written = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
    let mut base = None;
    let mut text = raw.as_str();
    if let Some(rest) = text.strip_prefix(HEADER).and_then(|r| r.strip_prefix('\n')) {
        text = rest;
        while let Some((line, rest)) = text.split_once('\n') {
            if let Some(b) = line.strip_prefix("# base: ") {
                base = b.split_once(' ').and_then(|(len, hash)| {
                    Some(Fingerprint {
                        len: len.parse().ok()?,
                        modified: None,
                        hash: u64::from_str_radix(hash, 16).ok()?,
                    })
                });
            } else if !line.starts_with("# of: ") {
                break;
            }
            text = rest;
        }
    }
    Some(Copy { path: path.to_path_buf(), text: text.to_string(), base, written })
}

/// The copies of `doc_path` left behind by editors that no longer run, newest first.
pub fn left_behind(dir: &Path, doc_path: &Path) -> Vec<Copy> {
    let Some(key) = key(doc_path) else { return Vec::new() };
    let prefix = format!("{key}-");
    let mut copies: Vec<Copy> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let editor = name.strip_prefix(&prefix)?.strip_suffix(".recovery.yaml")?.to_string();
            if super::lock::alive(dir, doc_path, &editor) {
                return None;
            }
            read_copy(&entry.path())
        })
        .collect();
    copies.sort_by_key(|c| std::cmp::Reverse(c.written));
    copies
}

/// Removes `editor`'s own recovery copy (its document is saved and closed). A copy that
/// cannot be removed is harmless.
pub fn remove_recovery(dir: &Path, doc_path: &Path, editor: &str) {
    if let Some(path) = recovery_path(dir, doc_path, editor) {
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
        Fingerprint { len: text.len() as u64, modified, hash: fnv(text.as_bytes()) }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_copy_keeps_its_base_and_text_and_names_are_fixed_length() {
        let dir = tempfile::tempdir().unwrap();
        let long = dir.path().join("d".repeat(200)).join("e".repeat(200)).join("postmortem.yaml");
        let base = Fingerprint::of_text("title: old\n", None);
        let path = write_recovery(dir.path(), &long, "ed1", Some(&base), "title: new\n").unwrap();
        assert!(path.file_name().unwrap().len() < 100, "{}", path.display());
        let copy = read_copy(&path).unwrap();
        assert_eq!(copy.text, "title: new\n");
        assert!(copy.base.unwrap().same_content(&base));
        // Its editor ("ed1") holds no lock: the copy was left behind.
        assert_eq!(left_behind(dir.path(), &long).len(), 1);
        remove_recovery(dir.path(), &long, "ed1");
        assert!(left_behind(dir.path(), &long).is_empty());
    }
}
