//! Reading the library through its index: every file is looked at (its key: size, times,
//! inode), and only the ones the index does not know as they are now are read and parsed,
//! on every core. The index is rewritten when anything changed; a failure to write it is
//! not the user's problem (the next run reads the files again).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use super::scan::{Loaded, load, postmortem_walk};
use super::stored::{Kept, Stored, encode, tag};
use super::vocab::Vocab;
use super::words::{Words, put_gaps};
use super::{Entry, Filter, file_name_date};
use crate::store::cache::{self, FileKey};
use crate::store::{self, LoadError};

/// The library as read: every entry in path order, and their words for searching.
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// The words of `entries[i]` are `words.doc(i)` (none for a broken file).
    pub words: Words,
    /// How many files the index answered for without parsing them.
    pub from_index: usize,
}

impl Catalog {
    /// The entries that pass `filter` (its search included), in path order. Broken files are
    /// always there: nothing is known about them to filter on.
    pub fn matching(&self, filter: &Filter) -> Vec<&Entry> {
        let passing: Vec<usize> =
            (0..self.entries.len()).filter(|&i| self.entries[i].summary().is_none_or(|s| filter.matches(s))).collect();
        let found = match filter.search.as_deref() {
            Some(query) => {
                let broken = passing.iter().copied().filter(|&i| self.entries[i].summary().is_none());
                let mut found: Vec<usize> = self.words.matching(query, Some(&passing));
                found.extend(broken);
                found.sort_unstable();
                found.dedup();
                found
            }
            None => passing,
        };
        found.into_iter().map(|i| &self.entries[i]).collect()
    }
}

/// What the index keeps of a file besides its summary: its key, the hash of its content, and
/// whether the key alone is trusted.
type Meta = (FileKey, u64, bool);

/// An entry's word numbers: the index's (record `0`), or new ones (coded as
/// [`Words::coded`]).
enum Ids {
    Old(usize),
    New(Vec<u8>),
}

impl Ids {
    fn coded<'a>(&'a self, old: Option<&'a Stored>) -> &'a [u8] {
        match (self, old) {
            (Ids::Old(i), Some(old)) => old.coded(*i),
            (Ids::New(coded), _) => coded,
            (Ids::Old(_), None) => &[],
        }
    }
}

/// What looking at one file found.
enum Found {
    /// The index's record `0` still holds; `1`: whether its key is now settled.
    Kept(usize, bool),
    Read {
        key: FileKey,
        content: u64,
        settled: bool,
        loaded: Loaded,
    },
    /// Looked like a file when the folder was walked, unreadable or broken now.
    Broken(Entry),
}

/// The index to write, when anything changed: its file, the key of each entry that is kept
/// (by place), and the files that are not postmortems.
struct Pending {
    file: PathBuf,
    metas: Vec<Option<Meta>>,
    skipped: Vec<(PathBuf, FileKey, u64, bool)>,
}

/// Every postmortem under `dir` (recursively; see [`super::postmortem_files`]), read through
/// the index kept in the folder `cache` (none: every file is read).
pub fn read(dir: &Path, cache: Option<&Path>) -> Result<Catalog, LoadError> {
    read_then(dir, cache, |_| ()).map(|(catalog, ())| catalog)
}

/// As [`read`], then `then` with the catalog while the index (when anything changed) is
/// written on another thread: a listing is made as the index is written, not after it.
pub fn read_then<T>(
    dir: &Path,
    cache: Option<&Path>,
    then: impl FnOnce(&Catalog) -> T,
) -> Result<(Catalog, T), LoadError> {
    let (catalog, pending) = gather(dir, cache)?;
    let out = std::thread::scope(|s| {
        if let Some(p) = &pending {
            let catalog = &catalog;
            // Not written is not an error: the next run reads the files again.
            s.spawn(move || write(&p.file, dir, catalog, &p.metas, &p.skipped));
        }
        then(&catalog)
    });
    Ok((catalog, out))
}

fn gather(dir: &Path, cache: Option<&Path>) -> Result<(Catalog, Option<Pending>), LoadError> {
    let (files, unreadable) = postmortem_walk(dir)?;
    let index_file = cache.map(|c| cache::index_path(c, dir));
    let mut stored = index_file.as_deref().and_then(|f| Stored::read(f, dir));
    let read_at = cache::now_ns();
    let vocabulary = stored.as_mut().map(|s| std::mem::take(&mut s.words)).unwrap_or_default();
    let (found, mut words) = look_at_all(&files, stored.as_ref(), vocabulary, read_at);

    let mut changed = stored.is_none();
    let mut records = stored.as_mut().map(|s| std::mem::take(&mut s.records)).unwrap_or_default();
    let mut rows: Vec<(Entry, Ids, Option<Meta>)> = Vec::with_capacity(files.len());
    let mut skipped: Vec<(PathBuf, FileKey, u64, bool)> = Vec::new();
    let mut from_index = 0;
    for (path, found) in files.iter().zip(found) {
        match found {
            Found::Kept(i, settled) => {
                let Some(record) = records.get_mut(i).and_then(Option::take) else { continue };
                from_index += 1;
                changed |= settled != record.settled;
                let meta = (record.key, record.content, settled);
                match record.summary {
                    Some(summary) => {
                        rows.push((Entry::Postmortem(summary), Ids::Old(i), Some(meta)));
                    }
                    None => skipped.push((record.path, meta.0, meta.1, meta.2)),
                }
            }
            Found::Read { key, content, settled, loaded } => {
                // A broken file is not kept: it changes nothing in the index.
                changed |= !matches!(loaded, Loaded::Broken(_));
                match loaded {
                    Loaded::Other => skipped.push((path.clone(), key, content, settled)),
                    Loaded::Broken(entry) => rows.push((entry, Ids::New(Vec::new()), None)),
                    Loaded::Postmortem(summary, ids, keep) => {
                        let mut coded = Vec::with_capacity(ids.len() + ids.len() / 2);
                        put_gaps(&mut coded, ids);
                        let keep = super::record::keepable(&summary, keep);
                        let meta = keep.then_some((key, content, settled));
                        rows.push((Entry::Postmortem(summary), Ids::New(coded), meta));
                    }
                }
            }
            Found::Broken(entry) => rows.push((entry, Ids::New(Vec::new()), None)),
        }
    }
    // A record left is a file that is gone.
    changed |= records.iter().any(Option::is_some);
    drop(records);
    for error in unreadable {
        let path = error.path.clone();
        rows.push((Entry::Broken { date: file_name_date(&path), path, error }, Ids::New(Vec::new()), None));
    }
    // The walk gives the files in path order; a folder that could not be read goes among them.
    if !rows.is_sorted_by(|a, b| a.0.path() <= b.0.path()) {
        rows.sort_by(|a, b| a.0.path().cmp(b.0.path()));
    }
    let mut entries = Vec::with_capacity(rows.len());
    let mut metas = Vec::with_capacity(rows.len());
    // The words kept are copied from the index's straight into their place: never a third copy.
    let old = stored.as_ref();
    words.reserve(rows.iter().map(|(_, ids, _)| ids.coded(old).len()).sum(), rows.len());
    for (entry, ids, meta) in rows {
        words.push_coded(ids.coded(old));
        entries.push(entry);
        metas.push(meta);
    }
    drop(stored);
    let pending = index_file.filter(|_| changed).map(|file| Pending { file, metas, skipped });
    Ok((Catalog { entries, words, from_index }, pending))
}

/// Writes the index of `catalog` (the entries with a key in `metas`) and the `skipped` files.
/// One that cannot be written is left as it was.
fn write(
    file: &Path,
    dir: &Path,
    catalog: &Catalog,
    metas: &[Option<Meta>],
    skipped: &[(PathBuf, FileKey, u64, bool)],
) {
    let mut kept: Vec<Kept> = skipped
        .iter()
        .map(|(path, key, content, settled)| Kept { path, key: *key, content: *content, settled: *settled, doc: None })
        .collect();
    for (i, (entry, meta)) in catalog.entries.iter().zip(metas).enumerate() {
        if let (Some(summary), Some((key, content, settled))) = (entry.summary(), meta) {
            let doc = Some((summary, i));
            kept.push(Kept { path: &summary.path, key: *key, content: *content, settled: *settled, doc });
        }
    }
    // In path order, so that a file's record is found by halving.
    kept.sort_by(|a, b| a.path.cmp(b.path));
    if let Some(body) = encode(dir, &kept, &catalog.words) {
        let _ = store::cache::write_index(file, &tag(), &body);
    }
}

/// Looks at every file on every core (each worker takes the next file, so a large one does
/// not leave the other cores idle), in the order of `files`. Each worker numbers the words of
/// the files it reads in a vocabulary of its own; these are then merged into `vocabulary` (the
/// index's), and the words of what was read renumbered into it, which is returned.
fn look_at_all(files: &[PathBuf], stored: Option<&Stored>, vocabulary: Words, read_at: i64) -> (Vec<Found>, Words) {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, usize::from).min(files.len()).max(1);
    let done: Vec<(Vec<(usize, Found)>, Vocab)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let (mut mine, mut vocab) = (Vec::new(), Vocab::default());
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        mine.push((i, look_at(path, stored, &mut vocab, read_at)));
                    }
                    (mine, vocab)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut base = Some(vocabulary);
    let mut merged: Option<Vocab> = None;
    let mut found = Vec::with_capacity(files.len());
    for (mut mine, vocab) in done {
        if vocab.words.vocab_len() > 0 {
            if merged.is_none() && base.as_ref().is_some_and(|b| b.vocab_len() == 0) {
                // Nothing to merge into: this worker's numbers are the library's.
                merged = Some(vocab);
            } else {
                let into = merged.get_or_insert_with(|| Vocab::of(base.take().unwrap_or_default()));
                let table = into.merge(&vocab.words);
                for (_, f) in &mut mine {
                    if let Found::Read { loaded: Loaded::Postmortem(_, ids, _), .. } = f {
                        ids.iter_mut().for_each(|id| *id = table[*id as usize]);
                        ids.sort_unstable();
                    }
                }
            }
        }
        found.append(&mut mine);
    }
    found.sort_unstable_by_key(|(i, _)| *i);
    let words = merged.map_or_else(|| base.unwrap_or_default(), |v| v.words);
    (found.into_iter().map(|(_, f)| f).collect(), words)
}

fn look_at(path: &Path, stored: Option<&Stored>, vocab: &mut Vocab, read_at: i64) -> Found {
    let key = match std::fs::metadata(path) {
        Ok(meta) => FileKey::of(&meta),
        Err(e) => {
            return Found::Broken(Entry::Broken {
                path: path.to_path_buf(),
                date: file_name_date(path),
                error: LoadError::io(path, &e),
            });
        }
    };
    let record = stored.and_then(|s| s.find(path));
    if let Some((i, record)) = record
        && record.key == key
        && record.settled
    {
        return Found::Kept(i, true);
    }
    let bytes = store::read_bytes(path);
    let content = bytes.as_deref().map_or(0, cache::hash);
    if let (Some((i, record)), Ok(_)) = (record, &bytes)
        && record.key == key
        && record.content == content
    {
        return Found::Kept(i, key.settled(read_at));
    }
    // Bytes that could not be read always load as a broken entry.
    match load(path, bytes, vocab) {
        Loaded::Broken(entry) => Found::Broken(entry),
        loaded => Found::Read { key, content, settled: key.settled(read_at), loaded },
    }
}

/// Every postmortem under `dir`, in path order, reading every file (no index).
pub fn scan_all(dir: &Path) -> Result<Vec<Entry>, LoadError> {
    read(dir, None).map(|c| c.entries)
}

/// Starts [`read`] on a thread of its own; the catalog arrives on the channel when it is
/// read. A folder that cannot be read gives a closed channel.
pub fn background(dir: PathBuf, cache: Option<PathBuf>) -> Receiver<Catalog> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        if let Ok(catalog) = read(&dir, cache.as_deref()) {
            let _ = sender.send(catalog);
        }
    });
    receiver
}
