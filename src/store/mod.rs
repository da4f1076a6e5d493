//! Reading and writing documents on disk.
//!
//! Saves are atomic: the new text goes to a temporary file in the same folder, is flushed to
//! the disk, and then renamed over the old file, so a crash or a full disk leaves either the
//! old file or the new one, never half of each. A file that fails to load is never written to.

mod atomic;
pub mod cache;
mod codec;
mod emit;
mod error;
mod guard;
pub mod lift;
#[cfg(test)]
mod lift_tests;
mod locate;
pub mod lock;
mod migrate;
mod on_disk;
pub mod quick;
#[cfg(test)]
mod quick_tests;
mod read;
pub mod recovery;
pub mod rename;
pub mod spans;
mod swap;
mod walk;
mod write;
#[cfg(test)]
mod write_tests;
pub mod yaml;

use std::path::Path;

use crate::doc::{Document, SCHEMA};

pub use atomic::{
    copy_mode, create_new, create_new_with_mode, write_atomic, write_atomic_here, write_atomic_with_mode,
    write_quick_parts, write_quick_with_mode,
};
pub use error::{LoadError, SaveError};
pub use locate::locate;
pub use on_disk::{DiskState, Occupant, OnDisk, occupant, on_disk};
pub use read::{MAX_FILE_BYTES, decode, is_utf16, read_bytes, read_text};
pub use walk::{files_under, walk};

/// A document as loaded, with what happened on the way in.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub doc: Document,
    /// The schema the file was written in, when it was older and has been migrated in memory.
    /// The file itself changes only when the document is saved.
    pub migrated_from: Option<u32>,
}

/// Loads a postmortem document, migrating an older schema and refusing a newer one.
pub fn load_document(path: &Path) -> Result<Loaded, LoadError> {
    let src = read_text(path)?;
    parse_document(path, &src)
}

/// Parses document text; `path` is used in messages only.
pub fn parse_document(path: &Path, src: &str) -> Result<Loaded, LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::new(path, "is empty, so it is not a blameless document")
            .hint("create a document with `blameless new`"));
    }
    // The common case, a valid document of the current schema in the shapes the store
    // writes, is read by our own reader (`quick`); else, once, by the YAML reader straight
    // into the types (its long texts taken out first, `lift`); anything else takes the
    // careful path below for its message.
    let quick = quick::read::<Document>(src).or_else(|| lift::read::<Document>(src, lift::LIFT_MIN));
    if let Ok(doc) = quick.map(Ok).unwrap_or_else(|| yaml::from_str::<Document>(src))
        && doc.schema == SCHEMA
    {
        return Ok(Loaded { doc, migrated_from: None });
    }
    let value = yaml::parse_value(src).map_err(|e| LoadError::yaml(path, e))?;
    let Some(map) = value.as_mapping() else {
        return Err(LoadError::new(
            path,
            "is not a blameless document: the top level is not a set of `key: value` lines",
        )
        .at(Some(1), Some(1)));
    };
    let schema = match map.get("schema") {
        None => {
            return Err(LoadError::new(path, "has no `schema:` key, so it is not a blameless document")
                .hint("documents start with `schema: 2`; create one with `blameless new`"));
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            LoadError::new(path, "`schema:` must be a whole number such as 2").at(line_of_key(src, "schema"), None)
        })?,
    };
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA {
        return Err(LoadError::new(
            path,
            &format!(
                "was written with document schema {schema} by a newer blameless; this is blameless {} and reads schemas 1 to {SCHEMA}",
                env!("CARGO_PKG_VERSION")
            ),
        )
        .at(line_of_key(src, "schema"), None)
        .hint(&format!(
            "install a blameless newer than {} to open it; the file has not been changed",
            env!("CARGO_PKG_VERSION")
        )));
    }
    if schema == SCHEMA {
        let doc = yaml::from_str(src).map_err(|e| LoadError::yaml(path, e))?;
        return Ok(Loaded { doc, migrated_from: None });
    }
    let migrated = migrate::to_current(value, schema).map_err(|m| LoadError::new(path, &m))?;
    let doc = yaml::from_value(migrated).map_err(|e| LoadError::yaml(path, e))?;
    Ok(Loaded { doc, migrated_from: Some(schema) })
}

/// The document's YAML text, exactly as `save_document` writes it; never more than
/// [`MAX_FILE_BYTES`], so whatever is saved can be read again.
pub fn document_text(doc: &Document) -> Result<String, SaveError> {
    let text = document_text_any_size(doc)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge(text.len() as u64));
    }
    Ok(text)
}

/// The document's YAML text at whatever size: for the editor, whose recovery copy keeps the
/// words even when a document has grown past what may be saved (the save itself refuses it).
pub fn document_text_any_size(doc: &Document) -> Result<String, SaveError> {
    write::document_text(doc)
}

/// Saves a document atomically over `path`, keeping the file's permissions.
pub fn save_document(path: &Path, doc: &Document) -> Result<(), SaveError> {
    write_atomic(path, document_text(doc)?.as_bytes())
}

/// The 1-based line of the first top-level `key:` in `src`, for messages about that key.
pub fn line_of_key(src: &str, key: &str) -> Option<usize> {
    src.lines().position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':'))).map(|i| i + 1)
}

/// The folder new documents go to and the library commands read by default.
pub const LIBRARY_DIR: &str = "postmortems";

/// `postmortems/2026-11-24-checkout-api-errors.yaml`: sorts by date, says what it is.
pub fn default_path(date: chrono::NaiveDate, title: &str) -> std::path::PathBuf {
    Path::new(LIBRARY_DIR).join(format!("{}-{}.yaml", date.format("%Y-%m-%d"), slug(title)))
}

/// A file-name-safe form of a title: lowercase letters and digits joined by `-`, at most 60
/// characters, `incident` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if out.chars().count() + word.chars().count() + 1 > 60 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    let out: String = out.chars().take(60).collect();
    if out.is_empty() { "incident".to_string() } else { out }
}
