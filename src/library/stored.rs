//! The index as kept in the cache file: the vocabulary, then one record per file that was read
//! (a postmortem with its summary and word numbers, or another YAML file, skipped), each with
//! the key and content hash of the file it was made from; each of these a piece of its own
//! (length first), so that the file is read a piece at a time. Paths are kept relative to the
//! library's folder, so the same folder named two ways reads the same index.

use std::path::{Path, PathBuf};

use super::words::{Words, put_gaps};
use super::{Summary, record};
use crate::store::cache::{self, Dec, Enc, FileKey};

/// Names the format and the version of blameless: a cache written by any other is rebuilt.
pub fn tag() -> String {
    format!("blameless {} library index 5", env!("CARGO_PKG_VERSION"))
}

/// One file as the index knows it.
pub struct Record {
    pub path: PathBuf,
    pub key: FileKey,
    /// [`cache::hash`] of the file's bytes when it was read.
    pub content: u64,
    /// Whether the key alone is trusted (see [`FileKey::settled`]); otherwise the content is
    /// compared too.
    pub settled: bool,
    /// `None` for a YAML file that is not a postmortem.
    pub summary: Option<Box<Summary>>,
}

/// The index read from its file: records (in path order), the vocabulary, and each record's
/// word numbers, in the form [`Words`] holds them (copied, never decoded).
pub struct Stored {
    pub records: Vec<Option<Record>>,
    /// The vocabulary (no entries).
    pub words: Words,
    ids: Vec<u8>,
    /// Where record `i`'s word numbers are in `ids`.
    ids_at: Vec<std::ops::Range<usize>>,
}

impl Stored {
    /// The index of the library in `dir` from `file`, when there is a whole one written by
    /// this version. The file is read a record at a time: it is never held whole beside what
    /// it holds.
    pub fn read(file: &Path, dir: &Path) -> Option<Stored> {
        let mut body = cache::open_index(file, &tag())?;
        let mut buf = Vec::new();
        body.piece(&mut buf)?;
        let words = Words::of_vocabulary(String::from_utf8(std::mem::take(&mut buf)).ok()?)?;
        let (mut records, mut ids, mut ids_at) = (Vec::new(), Vec::new(), Vec::new());
        while !body.is_done() {
            body.piece(&mut buf)?;
            let mut input = Dec::new(&buf);
            let path = dir.join(input.str()?);
            let key = input.key()?;
            let (content, settled) = (input.u64()?, input.u8()? == 1);
            let summary = match input.u8()? {
                0 => None,
                1 => Some(Box::new(record::get(&mut input, &path)?)),
                _ => return None,
            };
            let coded = input.bytes()?;
            let mut check = Dec::new(coded);
            let mut id = 0u32;
            while !check.is_empty() {
                id = id.checked_add(check.varint()?).filter(|&id| (id as usize) < words.vocab_len())?;
            }
            if !input.is_empty() {
                return None;
            }
            ids_at.push(ids.len()..ids.len() + coded.len());
            ids.extend_from_slice(coded);
            records.push(Some(Record { path, key, content, settled, summary }));
        }
        // Written in path order; anything else is not this format.
        if !body.finish() || !records.is_sorted_by(|a, b| a.as_ref().map(|r| &r.path) < b.as_ref().map(|r| &r.path)) {
            return None;
        }
        Some(Stored { records, words, ids, ids_at })
    }

    /// The record of the file at `path`, with its place.
    pub fn find(&self, path: &Path) -> Option<(usize, &Record)> {
        let i = self.records.binary_search_by(|r| r.as_ref().map(|r| r.path.as_path()).cmp(&Some(path))).ok()?;
        Some((i, self.records[i].as_ref()?))
    }

    /// The word numbers of record `i`, coded as [`Words::coded`] (checked whole by `read`:
    /// every gap is there and every number in the vocabulary).
    pub fn coded(&self, i: usize) -> &[u8] {
        &self.ids[self.ids_at[i].clone()]
    }
}

/// What is written for one file: its record's key, and where its summary and words are.
pub struct Kept<'a> {
    pub path: &'a Path,
    pub key: FileKey,
    pub content: u64,
    pub settled: bool,
    /// The summary and the entry whose words are its words, for a postmortem.
    pub doc: Option<(&'a Summary, usize)>,
}

/// The cache file's body for `kept`, with only the words they use. Those keep their order in
/// the vocabulary, so each postmortem's numbers stay ascending; when every word is in use (a
/// library read afresh), each postmortem's numbers are written as they are held.
pub fn encode(dir: &Path, kept: &[Kept], words: &Words) -> Option<Vec<u8>> {
    let mut used = vec![false; words.vocab_len()];
    for (_, entry) in kept.iter().filter_map(|k| k.doc) {
        words.doc(entry).for_each(|w| used[w as usize] = true);
    }
    let mut new_id = Vec::with_capacity(used.len());
    let mut count = 0u32;
    for &u in &used {
        new_id.push(count);
        count += u32::from(u);
    }
    let every = count as usize == used.len();
    let mut out = Enc::default();
    if every {
        out.str(words.vocabulary());
    } else {
        let vocabulary: String =
            (0..used.len()).filter(|&w| used[w]).map(|w| words.word(w as u32)).flat_map(|w| [w, "\n"]).collect();
        out.str(&vocabulary);
    }
    let (mut piece, mut renumbered) = (Enc::default(), Vec::new());
    for k in kept {
        piece.0.clear();
        // A path that is not UTF-8 cannot be written as one: the whole index is skipped (the
        // library is read as if there were none).
        piece.str(k.path.strip_prefix(dir).ok()?.to_str()?);
        piece.key(&k.key);
        piece.u64(k.content);
        piece.u8(u8::from(k.settled));
        match k.doc {
            None => {
                piece.u8(0);
                piece.bytes(&[]);
            }
            Some((summary, entry)) => {
                piece.u8(1);
                record::put(&mut piece, summary);
                let coded = if every {
                    words.coded(entry)
                } else {
                    renumbered.clear();
                    put_gaps(&mut renumbered, words.doc(entry).map(|w| new_id[w as usize]));
                    &renumbered
                };
                piece.bytes(coded);
            }
        }
        out.bytes(&piece.0);
    }
    Some(out.0)
}
