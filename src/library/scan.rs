//! Finding the postmortems in a folder and loading them on every core.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{Entry, Summary, file_name_date};
use crate::doc::{Document, SCHEMA};
use crate::store::{self, LoadError, yaml};

/// Loads every postmortem under `dir` (recursively) and sends each as soon as it is loaded,
/// in no particular order. YAML files without a top-level `schema:` key are not postmortems
/// and are skipped; files that have one but cannot be loaded, and files and folders that
/// cannot be read at all, are sent as [`Entry::Broken`].
/// Returns when every file has been sent, or early when the receiver is gone.
///
/// Blocks: run it on a thread of its own to show entries as they arrive (see [`background`]).
pub fn scan(dir: &Path, sender: &Sender<Entry>) -> Result<(), LoadError> {
    let (files, unreadable) = postmortem_walk(dir)?;
    // A folder that cannot be read may hold postmortems: it is listed, with the reason.
    for error in unreadable {
        let path = error.path.clone();
        if sender.send(Entry::Broken { date: file_name_date(&path), path, error }).is_err() {
            return Ok(());
        }
    }
    let next = AtomicUsize::new(0);
    // Set when the receiver hangs up (the start screen closed), so the workers stop early.
    let stop = AtomicBool::new(false);
    let workers = std::thread::available_parallelism().map_or(2, usize::from).min(files.len()).max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (files, next, stop) = (&files, &next, &stop);
            // Each worker takes the next file in turn rather than a fixed chunk, so one slow
            // (large) file does not leave the other cores idle at the end.
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                    if let Some(entry) = load(path)
                        && sender.send(entry).is_err()
                    {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    Ok(())
}

/// Every postmortem under `dir`, in path order (sort them with
/// [`super::sort_newest_first`] to list them).
pub fn scan_all(dir: &Path) -> Result<Vec<Entry>, LoadError> {
    let (sender, receiver) = channel();
    scan(dir, &sender)?;
    drop(sender);
    let mut entries: Vec<Entry> = receiver.into_iter().collect();
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(entries)
}

/// Starts [`scan`] on a thread of its own and returns the receiving end; the channel closes
/// when the scan is done. A folder that cannot be read gives an empty, closed channel.
pub fn background(dir: PathBuf) -> Receiver<Entry> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let _ = scan(&dir, &sender);
    });
    receiver
}

/// The YAML files under `dir`, recursively and in a stable order, leaving out build output,
/// dependencies and hidden folders (`.git`), as `blameless lint` does. Symlinked folders are
/// not followed, so a link loop cannot trap the walk.
pub fn postmortem_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    postmortem_walk(dir).map(|(files, _)| files)
}

/// As [`postmortem_files`], with the folders and entries that could not be read.
fn postmortem_walk(dir: &Path) -> Result<(Vec<PathBuf>, Vec<LoadError>), LoadError> {
    let meta = std::fs::metadata(dir).map_err(|e| LoadError::io(dir, &e))?;
    if !meta.is_dir() {
        return Err(LoadError::new(dir, "is not a folder").hint("name the folder that holds the postmortems"));
    }
    let (mut out, mut unreadable) = (Vec::new(), Vec::new());
    store::walk(dir, &["yaml", "yml"], &mut out, &mut unreadable);
    Ok((out, unreadable))
}

/// Loads one file: `None` when it is not a postmortem. A file that cannot be read at all
/// (permissions, a pipe, a device, too large, UTF-16) is reported: it may well be one.
fn load(path: &Path) -> Option<Entry> {
    let broken = |error: LoadError| Some(Entry::Broken { path: path.to_path_buf(), date: file_name_date(path), error });
    let bytes = match store::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => return broken(e),
    };
    let text = match store::decode(path, &bytes) {
        Ok(text) => text,
        Err(e) if store::is_utf16(&bytes) => return broken(e),
        // Another encoding: a postmortem saved in the wrong one is worth reporting, anything
        // else is not ours.
        Err(e) => {
            store::line_of_key(&String::from_utf8_lossy(&bytes), "schema")?;
            return broken(e);
        }
    };
    drop(bytes);
    store::line_of_key(&text, "schema")?;
    match parse(path, &text) {
        Ok(doc) => Some(Entry::Postmortem(Box::new(Summary::of(path, &doc)))),
        Err(e) => broken(e),
    }
}

/// The document in `text`, as `store::parse_document` reads it. That function reads the YAML
/// twice (once to look at `schema:`, once into the document), which is half the time of a
/// large library; a file in the current schema is read once here and its tree converted.
/// Anything else (an older schema to migrate, a file that fails) goes through the store, so
/// migrations and error messages, with their line and column, are exactly the store's.
fn parse(path: &Path, text: &str) -> Result<Document, LoadError> {
    if let Ok(value) = yaml::parse_value(text)
        && value.get("schema").and_then(yaml::Value::as_u64) == Some(u64::from(SCHEMA))
        && let Ok(doc) = yaml::from_value::<Document>(value)
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
