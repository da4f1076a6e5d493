//! The index as kept in the cache file: the vocabulary, then one record per file that was read
//! (a postmortem with its summary and word numbers, or another YAML file, skipped), each with
//! the key and content hash of the file it was made from. Paths are kept relative to the
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
    pub summary: Option<Summary>,
}

/// The index read from its file: records (in path order), the vocabulary, and the
/// body itself, where each record's word numbers are copied from when they are kept (in the
/// form [`Words`] holds them: never decoded, never held twice).
pub struct Stored {
    pub records: Vec<Option<Record>>,
    /// The vocabulary (no entries).
    pub words: Words,
    body: Vec<u8>,
    /// Where record `i`'s word numbers are in `body`.
    ids_at: Vec<std::ops::Range<usize>>,
}

impl Stored {
    /// The index of the library in `dir` from `file`, when there is a whole one written by
    /// this version.
    pub fn read(file: &Path, dir: &Path) -> Option<Stored> {
        let body = cache::read_index(file, &tag())?;
        let mut input = Dec::new(&body);
        let mut words = Words::new();
        for _ in 0..input.len()? {
            words.push_word(input.str()?);
        }
        let count = input.len()?;
        let mut ids_at = Vec::with_capacity(count.min(body.len() / 32));
        let mut records = Vec::with_capacity(count.min(body.len() / 32));
        for _ in 0..count {
            let path = dir.join(input.str()?);
            let key = input.key()?;
            let (content, settled) = (input.u64()?, input.u8()? == 1);
            let summary = match input.u8()? {
                0 => None,
                1 => Some(record::get(&mut input, &path)?),
                _ => return None,
            };
            let at = body.len() - input.remaining();
            let mut ids = Dec::new(input.bytes()?);
            let mut id = 0u32;
            while !ids.is_empty() {
                id = id.checked_add(ids.varint()?).filter(|&id| (id as usize) < words.vocab_len())?;
            }
            ids_at.push(at + 4..body.len() - input.remaining());
            records.push(Some(Record { path, key, content, settled, summary }));
        }
        if !input.is_empty() {
            return None;
        }
        // Written in path order; anything else is not this format.
        if !records.is_sorted_by(|a, b| a.as_ref().map(|r| &r.path) < b.as_ref().map(|r| &r.path)) {
            return None;
        }
        Some(Stored { records, words, body, ids_at })
    }

    /// The record of the file at `path`, with its place.
    pub fn find(&self, path: &Path) -> Option<(usize, &Record)> {
        let i = self.records.binary_search_by(|r| r.as_ref().map(|r| r.path.as_path()).cmp(&Some(path))).ok()?;
        Some((i, self.records[i].as_ref()?))
    }

    /// The word numbers of record `i`, coded as [`Words::coded`] (checked whole by `read`:
    /// every gap is there and every number in the vocabulary).
    pub fn coded(&self, i: usize) -> &[u8] {
        &self.body[self.ids_at[i].clone()]
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
    out.len(count as usize);
    (0..used.len()).filter(|&w| used[w]).for_each(|w| out.str(words.word(w as u32)));
    out.len(kept.len());
    let mut renumbered = Vec::new();
    for k in kept {
        // A path that is not UTF-8 cannot be written as one: the whole index is skipped (the
        // library is read as if there were none).
        out.str(k.path.strip_prefix(dir).ok()?.to_str()?);
        out.key(&k.key);
        out.u64(k.content);
        out.u8(u8::from(k.settled));
        match k.doc {
            None => {
                out.u8(0);
                out.len(0);
            }
            Some((summary, entry)) => {
                out.u8(1);
                record::put(&mut out, summary);
                let coded = if every {
                    words.coded(entry)
                } else {
                    renumbered.clear();
                    put_gaps(&mut renumbered, words.doc(entry).map(|w| new_id[w as usize]));
                    &renumbered
                };
                out.bytes(coded);
            }
        }
    }
    Some(out.0)
}
