//! What is at a path just before something is written there: a save must know whether the
//! file it is about to replace is still the one it read, and an export whether it is about
//! to destroy something. Only "nothing there at all" is taken as free; a file that cannot be
//! read or decoded is someone's file, never a deleted one.

use std::io::ErrorKind;
use std::path::Path;

use super::recovery::Fingerprint;
use super::{LoadError, decode, parse_document, read_bytes};

/// A document's path as a save finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDisk {
    /// The path is a symbolic link (to a file, or to nothing).
    pub link: bool,
    pub state: DiskState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// Nothing there: the file was deleted or moved away (or the link leads nowhere).
    Missing,
    /// A file of text, as it is now.
    Text(Fingerprint),
    /// Something is there that does not read as text — not UTF-8, over the size limit, a
    /// folder or a pipe, or unreadable for its permissions: why, as words that follow the
    /// file's name (`is not UTF-8 text (...)`).
    Unreadable(String),
}

/// Looks at `path` the way a save needs to, without ever blocking on a pipe.
pub fn on_disk(path: &Path) -> OnDisk {
    let link = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta.file_type().is_symlink(),
        Err(e) if e.kind() == ErrorKind::NotFound => return OnDisk { link: false, state: DiskState::Missing },
        Err(e) => return OnDisk { link: false, state: DiskState::Unreadable(LoadError::io(path, &e).message) },
    };
    let state = match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => DiskState::Missing,
        _ => match read_bytes(path).and_then(|bytes| decode(path, &bytes)) {
            Ok(text) => {
                let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
                DiskState::Text(Fingerprint::of_text(&text, modified))
            }
            Err(e) => DiskState::Unreadable(e.message),
        },
    };
    OnDisk { link, state }
}

/// What is at the path an export (or another new file) is about to be written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Occupant {
    /// Nothing: the file will be new.
    Nothing,
    /// A symbolic link, to anything or to nothing.
    Link,
    /// A folder, a device, a pipe or a socket.
    Special,
    /// A regular file: its text when it reads as UTF-8 within the size limit, and whether
    /// that text is a blameless document.
    File { text: Option<String>, postmortem: bool },
}

/// Looks at `path` before writing a new file there; an error when even that fails (a folder
/// that cannot be read).
pub fn occupant(path: &Path) -> Result<Occupant, LoadError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Occupant::Nothing),
        Err(e) => return Err(LoadError::io(path, &e)),
    };
    if meta.file_type().is_symlink() {
        return Ok(Occupant::Link);
    }
    if !meta.is_file() {
        return Ok(Occupant::Special);
    }
    let text = read_bytes(path).and_then(|bytes| decode(path, &bytes)).ok();
    let postmortem = text.as_deref().is_some_and(|t| parse_document(path, t).is_ok());
    Ok(Occupant::File { text, postmortem })
}
