//! The library's search form: the distinct words of each postmortem (its title, severity,
//! tags, services and the text of its sections, timeline, factors and actions), as numbers
//! into one vocabulary of the whole library, instead of all of their text.
//!
//! A query matches a postmortem when each of its words, in any case, is part of one of the
//! postmortem's words (`check time` finds "checkout ... timeout"). A word is a run of letters
//! and digits; anything else separates words, in the documents as in the query.
//!
//! A query word is looked up once in the vocabulary (one substring search over all of it),
//! then the postmortems are narrowed through their word numbers (a postmortem stops being read
//! at its first word that holds the query word). Postings (each word's postmortems) were tried
//! and left out: they cost as much memory again as the word numbers, and a search long enough
//! to want them runs off the screen's thread anyway ([`super::Finder`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The words of `text`, lowercased (the whole text first, then split, as documents are), in
/// order (with repeats).
pub fn split(text: &str) -> Vec<String> {
    split_lowercase(&text.to_lowercase()).map(str::to_string).collect()
}

/// The words of `text` (already in lowercase), in order (with repeats).
pub fn split_lowercase(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // ASCII, nearly all of a postmortem, is told a byte at a time; the rest by its char.
    let char_at =
        move |at: usize| text[at..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()));
    std::iter::from_fn(move || {
        loop {
            while at < bytes.len() && bytes[at] < 0x80 && !bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            let start = at;
            while at < bytes.len() {
                if bytes[at] < 0x80 {
                    if !bytes[at].is_ascii_alphanumeric() {
                        break;
                    }
                    at += 1;
                } else {
                    match char_at(at) {
                        (true, len) => at += len,
                        (false, _) => break,
                    }
                }
            }
            if at > start {
                return Some(&text[start..at]);
            }
            // A character that is neither ASCII nor part of a word.
            at += char_at(at).1;
        }
    })
}

/// The distinct words of `text` (already in lowercase), in no particular order.
pub fn distinct(text: &str) -> Vec<String> {
    let mut seen: std::collections::HashSet<&str, BuildHasherDefault<Fx>> =
        std::collections::HashSet::with_capacity_and_hasher(text.len() / 32, Default::default());
    split_lowercase(text).filter(|w| seen.insert(w)).map(str::to_string).collect()
}

/// The words of a query, longest first (the most selective is looked up first).
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = split(query);
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    terms.dedup();
    terms
}

/// Every postmortem's words, by number into one vocabulary.
#[derive(Debug, Default)]
pub struct Words {
    /// The vocabulary, each word once, each followed by `\n` (no word holds one).
    vocab: String,
    /// Where each word starts in `vocab`.
    starts: Vec<u32>,
    /// Where each postmortem's word numbers start in `ids` (one more than there are).
    docs: Vec<u32>,
    ids: Vec<u32>,
}

impl Words {
    pub fn new() -> Words {
        Words { docs: vec![0], ..Words::default() }
    }

    /// A new one with the vocabulary of `other` (the same numbers) and no entries.
    pub fn vocabulary_of(other: &Words) -> Words {
        Words { vocab: other.vocab.clone(), starts: other.starts.clone(), ..Words::new() }
    }

    /// How many postmortems (and other entries: theirs are empty) there are.
    pub fn len(&self) -> usize {
        self.docs.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn vocab_len(&self) -> usize {
        self.starts.len()
    }

    pub fn word(&self, id: u32) -> &str {
        let start = self.starts[id as usize] as usize;
        let end = self.vocab[start..].find('\n').map_or(self.vocab.len(), |n| start + n);
        &self.vocab[start..end]
    }

    /// Adds a word to the vocabulary (the caller makes sure it is new) and returns its number.
    pub fn push_word(&mut self, word: &str) -> u32 {
        let id = self.starts.len() as u32;
        self.starts.push(self.vocab.len() as u32);
        self.vocab.push_str(word);
        self.vocab.push('\n');
        id
    }

    /// Makes room for `ids` more word numbers over `docs` more entries.
    pub fn reserve(&mut self, ids: usize, docs: usize) {
        self.ids.reserve_exact(ids);
        self.docs.reserve_exact(docs);
    }

    /// Adds the next entry's word numbers.
    pub fn push_doc(&mut self, ids: impl IntoIterator<Item = u32>) {
        self.ids.extend(ids);
        self.docs.push(self.ids.len() as u32);
    }

    /// The word numbers of entry `i`.
    pub fn doc(&self, i: usize) -> &[u32] {
        &self.ids[self.docs[i] as usize..self.docs[i + 1] as usize]
    }

    /// The entries (of `within`, else of all) that hold every word of `query`, in order.
    pub fn matching(&self, query: &str, within: Option<&[usize]>) -> Vec<usize> {
        let mut found: Vec<usize> = within.map_or_else(|| (0..self.len()).collect(), <[usize]>::to_vec);
        for term in terms(query) {
            if found.is_empty() {
                break;
            }
            found = self.narrow(&term, found);
        }
        found
    }

    /// How much a search of `query` within `within` would read at most: for deciding whether
    /// to run it off the screen's thread.
    pub fn cost(&self, within: Option<&[usize]>) -> usize {
        within.map_or(self.ids.len(), |w| w.iter().map(|&i| self.doc(i).len()).sum())
    }

    /// The numbers of the words that hold `term`.
    fn holding(&self, term: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        for at in memchr::memmem::find_iter(self.vocab.as_bytes(), term.as_bytes()) {
            let id = self.starts.partition_point(|&s| s as usize <= at) as u32 - 1;
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
        ids
    }

    fn narrow(&self, term: &str, within: Vec<usize>) -> Vec<usize> {
        let hits = self.holding(term);
        if hits.is_empty() {
            return Vec::new();
        }
        let mut wanted = vec![false; self.vocab_len()];
        hits.iter().for_each(|&w| wanted[w as usize] = true);
        within.into_iter().filter(|&i| self.doc(i).iter().any(|&w| wanted[w as usize])).collect()
    }
}

/// Numbers words into a [`Words`], adding the ones it does not hold yet.
pub struct Interner<'w> {
    words: &'w mut Words,
    /// The vocabulary's numbers by word, made when first needed.
    known: Option<HashMap<String, u32, BuildHasherDefault<Fx>>>,
}

impl<'w> Interner<'w> {
    pub fn new(words: &'w mut Words) -> Interner<'w> {
        Interner { words, known: None }
    }

    /// The numbers of `words`, each once, in order of first appearance.
    pub fn number<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        let vocab = &*self.words;
        let known = self
            .known
            .get_or_insert_with(|| (0..vocab.vocab_len() as u32).map(|id| (vocab.word(id).to_string(), id)).collect());
        let mut out = Vec::new();
        for word in words {
            let id = match known.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.words.push_word(word);
                    known.insert(word.to_string(), id);
                    id
                }
            };
            out.push(id);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn words(&mut self) -> &mut Words {
        self.words
    }
}

/// FxHash (rustc's): a word is hashed in a few instructions, where SipHash took most of the
/// time of numbering a library's words. Nothing here needs resistance to chosen collisions: a
/// library's words are its own.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_word_must_be_part_of_a_word_of_the_document() {
        let mut words = Words::new();
        let mut interner = Interner::new(&mut words);
        let docs = ["Checkout timeout after deploy", "Replica lag; pool-exhausted", "", "checkout lag"];
        let ids: Vec<Vec<u32>> = docs.iter().map(|d| interner.number(split(d).iter().map(String::as_str))).collect();
        for doc in ids {
            interner.words().push_doc(doc);
        }
        assert_eq!(words.matching("CHECK", None), [0, 3]);
        assert_eq!(words.matching("check time", None), [0]);
        assert_eq!(words.matching("lag", Some(&[1, 2])), [1]);
        assert_eq!(words.matching("pool-exh", None), [1], "punctuation separates words");
        assert_eq!(words.matching("  ", None), [0, 1, 2, 3], "no word: everything");
        assert_eq!(words.matching("out lag", None), [3]);
        assert!(words.matching("zebra", None).is_empty());
        assert_eq!(words.matching("a", None), [0, 1, 3]);
    }
}
