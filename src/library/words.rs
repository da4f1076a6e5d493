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

/// The words of a query, longest first (the most selective is looked up first).
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = split(query);
    terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    terms.dedup();
    terms
}

/// Every postmortem's words, by number into one vocabulary.
#[derive(Debug)]
pub struct Words {
    /// The vocabulary, each word once, each followed by `\n` (no word holds one).
    vocab: String,
    /// Where each word starts in `vocab`.
    starts: Vec<u32>,
    /// Where each postmortem's word numbers start in `ids` (one more than there are).
    docs: Vec<u32>,
    /// Each postmortem's word numbers, ascending, each written as the gap from the one before
    /// in as few bytes as it needs (seven bits a byte; most take one): a quarter of the memory
    /// of `u32`s, and the very bytes the index keeps, so they are copied, not decoded.
    ids: Vec<u8>,
}

impl Default for Words {
    fn default() -> Words {
        Words::new()
    }
}

impl Words {
    pub fn new() -> Words {
        Words { vocab: String::new(), starts: Vec::new(), docs: vec![0], ids: Vec::new() }
    }

    /// The vocabulary written as [`Words::vocabulary`] gives it, with no entries.
    pub fn of_vocabulary(vocab: String) -> Option<Words> {
        if !vocab.is_empty() && !vocab.ends_with('\n') {
            return None;
        }
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', vocab.as_bytes()).map(|at| at as u32 + 1));
        starts.pop();
        Some(Words { vocab, starts, ..Words::new() })
    }

    /// The vocabulary: each word followed by `\n`.
    pub fn vocabulary(&self) -> &str {
        &self.vocab
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

    /// Whether word `id` is `word`.
    pub fn is(&self, id: u32, word: &str) -> bool {
        let start = self.starts[id as usize] as usize;
        // Byte by byte: words are short, and a call to `memcmp` costs more than most take.
        self.vocab
            .as_bytes()
            .get(start..=start + word.len())
            .is_some_and(|w| w[word.len()] == b'\n' && w.iter().zip(word.as_bytes()).all(|(a, b)| a == b))
    }

    /// Adds a word to the vocabulary (the caller makes sure it is new) and returns its number.
    pub fn push_word(&mut self, word: &str) -> u32 {
        let id = self.starts.len() as u32;
        self.starts.push(self.vocab.len() as u32);
        self.vocab.push_str(word);
        self.vocab.push('\n');
        id
    }

    /// Makes room for `bytes` more bytes of word numbers over `docs` more entries.
    pub fn reserve(&mut self, bytes: usize, docs: usize) {
        self.ids.reserve_exact(bytes);
        self.docs.reserve_exact(docs);
    }

    /// Adds the next entry's word numbers, which must be ascending.
    pub fn push_doc(&mut self, ids: impl IntoIterator<Item = u32>) {
        put_gaps(&mut self.ids, ids);
        self.docs.push(self.ids.len() as u32);
    }

    /// Adds the next entry's word numbers as [`Words::coded`] gives them (the index's form).
    pub fn push_coded(&mut self, coded: &[u8]) {
        self.ids.extend_from_slice(coded);
        self.docs.push(self.ids.len() as u32);
    }

    /// The word numbers of entry `i`, ascending.
    pub fn doc(&self, i: usize) -> Gaps<'_> {
        Gaps::new(self.coded(i))
    }

    /// The word numbers of entry `i` in their coded form: each the gap from the one before.
    pub fn coded(&self, i: usize) -> &[u8] {
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

    /// How much a search of `query` within `within` would read at most (bytes of word
    /// numbers): for deciding whether to run it off the screen's thread.
    pub fn cost(&self, within: Option<&[usize]>) -> usize {
        within.map_or(self.ids.len(), |w| w.iter().map(|&i| self.coded(i).len()).sum())
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
        // One bit a word: the whole vocabulary's in a few kilobytes, close at hand.
        let mut wanted = vec![0u64; self.vocab_len().div_ceil(64)];
        hits.iter().for_each(|&w| wanted[w as usize / 64] |= 1 << (w % 64));
        let last = hits.last().copied().unwrap_or(0);
        within.into_iter().filter(|&i| holds(self.coded(i), &wanted, last)).collect()
    }
}

/// Whether the ascending numbers `coded` as gaps hold one that is `wanted`: read a byte at a
/// time (the search's inner loop), and no further than `last`, the last number wanted.
fn holds(coded: &[u8], wanted: &[u64], last: u32) -> bool {
    let (mut id, mut gap, mut shift) = (0u32, 0u32, 0u32);
    for &b in coded {
        gap |= u32::from(b & 0x7f).wrapping_shl(shift);
        if b >= 0x80 {
            shift += 7;
            continue;
        }
        id = id.wrapping_add(gap);
        if id > last {
            return false;
        }
        if wanted[id as usize / 64] >> (id % 64) & 1 == 1 {
            return true;
        }
        (gap, shift) = (0, 0);
    }
    false
}

/// Writes ascending `ids` as gaps, seven bits a byte (the high bit saying more follow).
pub fn put_gaps(out: &mut Vec<u8>, ids: impl IntoIterator<Item = u32>) {
    let mut before = 0;
    for id in ids {
        let mut gap = id - before;
        before = id;
        while gap >= 0x80 {
            out.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
    }
}

/// Ascending word numbers read back from their gaps ([`put_gaps`]). Bytes cut short end it.
pub struct Gaps<'a> {
    bytes: &'a [u8],
    id: u32,
}

impl<'a> Gaps<'a> {
    pub fn new(bytes: &'a [u8]) -> Gaps<'a> {
        Gaps { bytes, id: 0 }
    }
}

impl Iterator for Gaps<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        let mut gap = u32::from(first & 0x7f);
        if first >= 0x80 {
            let mut shift = 7;
            loop {
                let (&b, rest) = self.bytes.split_first()?;
                self.bytes = rest;
                gap |= u32::from(b & 0x7f).checked_shl(shift)?;
                if b < 0x80 {
                    break;
                }
                shift += 7;
            }
        }
        self.id = self.id.wrapping_add(gap);
        Some(self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::vocab::Vocab;

    #[test]
    fn every_query_word_must_be_part_of_a_word_of_the_document() {
        let mut vocab = Vocab::default();
        let docs = ["Checkout timeout after deploy", "Replica lag; pool-exhausted", "", "checkout lag"];
        let ids: Vec<Vec<u32>> = docs.iter().map(|d| vocab.number_text(&d.to_lowercase())).collect();
        let mut words = vocab.words;
        for doc in ids {
            words.push_doc(doc);
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

    #[test]
    fn word_numbers_read_back_from_their_gaps() {
        let ids = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_152, u32::MAX - 1, u32::MAX];
        let mut words = Words::new();
        words.push_doc(ids);
        words.push_doc([]);
        words.push_doc([5]);
        assert_eq!(words.doc(0).collect::<Vec<_>>(), ids);
        assert_eq!(words.doc(1).count(), 0);
        assert_eq!(words.doc(2).collect::<Vec<_>>(), [5]);
        assert_eq!(words.coded(2), [5]);
        let mut copy = Words::new();
        (0..3).for_each(|i| copy.push_coded(words.coded(i)));
        assert_eq!(copy.doc(0).collect::<Vec<_>>(), ids);
        assert_eq!(Gaps::new(&[0x80]).count(), 0, "a number cut short is not read");
    }
}
