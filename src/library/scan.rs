//! Finding the postmortems in a folder and loading one.

use std::path::{Path, PathBuf};

use super::vocab::Vocab;
use super::{Entry, Summary, file_name_date};
use crate::doc::{Document, SCHEMA};
use crate::store::{self, LoadError, yaml};

/// The YAML files under `dir`, recursively and in a stable order, leaving out build output,
/// dependencies and hidden folders (`.git`), as `blameless lint` does. Symlinked folders are
/// not followed, so a link loop cannot trap the walk.
pub fn postmortem_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    postmortem_walk(dir).map(|(files, _)| files)
}

/// As [`postmortem_files`], with the folders and entries that could not be read.
pub(super) fn postmortem_walk(dir: &Path) -> Result<(Vec<PathBuf>, Vec<LoadError>), LoadError> {
    let meta = std::fs::metadata(dir).map_err(|e| LoadError::io(dir, &e))?;
    if !meta.is_dir() {
        return Err(LoadError::new(dir, "is not a folder").hint("name the folder that holds the postmortems"));
    }
    let (mut out, mut unreadable) = (Vec::new(), Vec::new());
    store::walk(dir, &["yaml", "yml"], &mut out, &mut unreadable);
    Ok((out, unreadable))
}

/// What one file turned out to be.
pub(super) enum Loaded {
    /// Not a postmortem (no top-level `schema:` key): skipped.
    Other,
    /// Looks like one but cannot be loaded, with the reason.
    Broken(Entry),
    /// A postmortem: its summary, its words' numbers in the reading thread's vocabulary, and
    /// whether the summary may be kept in the index (not when it depends on the machine
    /// reading it: a zone the document does not name).
    Postmortem(Box<Summary>, Vec<u32>, bool),
}

/// Loads one file from its `bytes` (or the reason they could not be read). A file that cannot
/// be read at all (permissions, a pipe, a device, too large, UTF-16) is reported: it may well
/// be a postmortem. Its words are numbered in `vocab`.
pub(super) fn load(path: &Path, bytes: Result<Vec<u8>, LoadError>, vocab: &mut Vocab) -> Loaded {
    let broken = |error: LoadError| {
        Loaded::Broken(Entry::Broken { path: path.to_path_buf(), date: file_name_date(path), error })
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return broken(e),
    };
    // Nearly every file is UTF-8 with no byte order mark: its bytes are its text, not copied.
    let plain = !store::is_utf16(&bytes) && !bytes.starts_with(b"\xEF\xBB\xBF");
    let text =
        if plain { String::from_utf8(bytes).map_err(std::string::FromUtf8Error::into_bytes) } else { Err(bytes) };
    let text = match text {
        Ok(text) => text,
        Err(bytes) => match store::decode(path, &bytes) {
            Ok(text) => text,
            Err(e) if store::is_utf16(&bytes) => return broken(e),
            // Another encoding: a postmortem saved in the wrong one is worth reporting,
            // anything else is not ours.
            Err(e) if store::line_of_key(&String::from_utf8_lossy(&bytes), "schema").is_some() => return broken(e),
            Err(_) => return Loaded::Other,
        },
    };
    if store::line_of_key(&text, "schema").is_none() {
        return Loaded::Other;
    }
    match parse(path, &text) {
        Ok(doc) => {
            let own_zone = doc.timezone.parse::<crate::doc::Zone>().is_ok();
            let ids = vocab.number_text(&super::summary::search_text(&doc));
            Loaded::Postmortem(Box::new(Summary::of(path, &doc)), ids, own_zone)
        }
        Err(e) => broken(e),
    }
}

/// The shortest prose block the cold read takes out before the YAML reader sees the file.
const LIFT_FROM: usize = 256;

/// The document in `text`, as `store::parse_document` reads it: a file in the current schema
/// straight into the document (no tree of values first, which took a third longer); anything
/// else (an older schema to migrate, a file that fails) goes through the store, so migrations
/// and error messages, with their line and column, are exactly the store's.
fn parse(path: &Path, text: &str) -> Result<Document, LoadError> {
    // A file in the shapes the store writes is read by our own reader (`store::quick`: half
    // the time of the YAML reader's); else the YAML reader with the prose blocks taken out
    // first (`store::lift`: the reader walks them character by character, and they are most
    // of a postmortem's bytes); anything neither can vouch for is read the ordinary way.
    let quick = store::quick::read::<Document>(text).or_else(|| store::lift::read::<Document>(text, LIFT_FROM)).map(Ok);
    if let Ok(doc) = quick.unwrap_or_else(|| yaml::from_str::<Document>(text))
        && doc.schema == SCHEMA
    {
        return Ok(doc);
    }
    store::parse_document(path, text).map(|loaded| loaded.doc)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The quick path must give the very document the store gives.
    #[test]
    fn quick_parse_reads_what_the_store_reads() {
        let checkout = include_str!("../../tests/fixtures/checkout.yaml");
        let tricky = "schema: 2\ntitle: 2026\nstatus: published\ntemplate: {name: x, version: 1}\n\
            tags: [no, 'on', 1.5]\nauthors: ~\ntimes:\n  started: 2026-11-24 14:02\n  resolved: later\n\
            actions:\n  - title: yes\n    due: 2026-12-01\n    owner: null\nx-team: {a: [1, 2]}\n\
            status_history:\n  - to: published\n    at: 2026-11-25T10:00:00Z\n    note: by hand\n";
        for text in [checkout, tricky] {
            let store = store::parse_document(Path::new("x.yaml"), text).unwrap().doc;
            assert_eq!(parse(Path::new("x.yaml"), text).unwrap(), store);
        }
        let broken = checkout.replace("kind: factors", "kind: factorz");
        let store = store::parse_document(Path::new("x.yaml"), &broken).unwrap_err();
        assert_eq!(parse(Path::new("x.yaml"), &broken).unwrap_err(), store);
        assert_eq!((store.line, store.column), (Some(43), Some(11)), "errors keep their place");
    }
}
