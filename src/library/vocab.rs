//! Numbering a library's words as they are read: each reading thread has a [`Vocab`] of its
//! own, and their vocabularies are merged when the reading is done (see [`super::index`]).

use super::words::{Words, split_lowercase};

/// A vocabulary being made, with each word's number by its text: the words of the documents
/// one thread reads, numbered as they are met, with no string per word. Two tables of its own
/// (open addressing, by a word's hash): the vocabulary's, and a small one of the
/// document being read, which most words (repeats) never get past.
pub struct Vocab {
    pub words: Words,
    /// Each word's hash, by number.
    hashes: Vec<u64>,
    /// Word numbers ([`EMPTY`] where none) with the low half of their hash (told apart
    /// without looking further), placed by the top bits of their hash: at least twice as many
    /// places as words.
    slots: Vec<(u32, u32)>,
    /// The number of the document's words met so far, with their hashes, placed the same way.
    in_doc: Vec<(u64, u32)>,
}

const EMPTY: u32 = u32::MAX;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// FxHash's step (rustc's) over eight bytes at a time: a word is hashed in a few
/// instructions. Nothing here needs resistance to chosen collisions: a library's words are
/// its own.
fn fx(word: &str) -> u64 {
    let mut h = 0u64;
    let mut chunks = word.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(eight)).wrapping_mul(K);
    }
    let tail = chunks.remainder().iter().enumerate().fold(0u64, |v, (i, &b)| v | u64::from(b) << (8 * i));
    (h.rotate_left(5) ^ tail).wrapping_mul(K)
}

/// A word as a number: a short one (under eight bytes, most of them) is its bytes, which tell
/// it from every other word (no word holds a zero byte), read at once from `bytes` when eight
/// are there; a long one is its hash with the top byte set, so it is never taken for a short
/// one. With its [`fx`] hash.
fn tag(bytes: &[u8], start: usize, word: &str) -> (u64, u64) {
    let len = word.len();
    if len < 8 {
        let eight = match bytes.get(start..start + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
            None => word.bytes().rev().fold(0, |v, b| v << 8 | u64::from(b)),
        };
        let short = eight & ((1u64 << (8 * len)) - 1);
        (short, short.wrapping_mul(K))
    } else {
        let h = fx(word);
        (h | 0xff << 56, h)
    }
}

/// The place of hash `h` in a table of `len` places (a power of two): its top bits, where a
/// multiplicative hash is best mixed.
fn place(h: u64, len: usize) -> usize {
    (h >> (64 - len.trailing_zeros())) as usize
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab::of(Words::new())
    }
}

impl Vocab {
    /// Goes on numbering after the vocabulary of `words` (its entries are kept as they are).
    pub fn of(words: Words) -> Vocab {
        let hashes: Vec<u64> = (0..words.vocab_len() as u32).map(|id| fx(words.word(id))).collect();
        let mut vocab = Vocab { words, hashes, slots: Vec::new(), in_doc: Vec::new() };
        vocab.grow();
        vocab
    }

    /// Makes the vocabulary's table the size for its words and places them again.
    fn grow(&mut self) {
        let len = (self.hashes.len() * 2 + 2).next_power_of_two().max(1024);
        self.slots = vec![(0, EMPTY); len];
        for (id, &h) in self.hashes.iter().enumerate() {
            let mut at = place(h, len);
            while self.slots[at].1 != EMPTY {
                at = (at + 1) & (len - 1);
            }
            self.slots[at] = (h as u32, id as u32);
        }
    }

    /// The number of `word` (whose hash is `h`), new when it is.
    fn number_hashed(&mut self, h: u64, word: &str) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = place(h, self.slots.len());
        loop {
            match self.slots[at] {
                (_, EMPTY) => break,
                (low, id) if low == h as u32 && self.words.is(id, word) => return id,
                _ => at = (at + 1) & mask,
            }
        }
        let id = self.words.push_word(word);
        self.hashes.push(h);
        self.slots[at] = (h as u32, id);
        if self.hashes.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// The number of `word`, new when it is.
    pub fn number(&mut self, word: &str) -> u32 {
        self.number_hashed(fx(word), word)
    }

    /// The numbers of the distinct words of `text` (already in lowercase), ascending.
    pub fn number_text(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len() / 32);
        self.in_doc.clear();
        self.in_doc.resize((text.len() / 16).next_power_of_two().max(64), (0, EMPTY));
        let bytes = text.as_bytes();
        for word in split_lowercase(text) {
            let (tag, h) = tag(bytes, word.as_ptr() as usize - bytes.as_ptr() as usize, word);
            let len = self.in_doc.len();
            let mut at = place(h, len);
            loop {
                match self.in_doc[at] {
                    (_, EMPTY) => break,
                    // A short word's tag is the word; a long one's is checked.
                    (seen, id) if seen == tag && (word.len() < 8 || self.words.is(id, word)) => break,
                    _ => at = (at + 1) & (len - 1),
                }
            }
            if self.in_doc[at].1 != EMPTY {
                continue;
            }
            let id = self.number_hashed(h, word);
            self.in_doc[at] = (tag, id);
            out.push(id);
            if out.len() * 2 > len {
                // More distinct words than a document usually has for its length.
                let old = std::mem::replace(&mut self.in_doc, vec![(0, EMPTY); len * 2]);
                for (tag, id) in old.into_iter().filter(|&(_, id)| id != EMPTY) {
                    let mut at = place(self.hashes[id as usize], len * 2);
                    while self.in_doc[at].1 != EMPTY {
                        at = (at + 1) & (len * 2 - 1);
                    }
                    self.in_doc[at] = (tag, id);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Numbers the words of `other`'s vocabulary here: what each of its numbers is here.
    pub fn merge(&mut self, other: &Words) -> Vec<u32> {
        (0..other.vocab_len() as u32).map(|id| self.number(other.word(id))).collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::library::words::split;

    fn words_of(vocab: &Vocab, ids: &[u32]) -> BTreeSet<String> {
        ids.iter().map(|&id| vocab.words.word(id).to_string()).collect()
    }

    #[test]
    fn a_documents_words_are_numbered_once_each_and_merged_by_their_text() {
        // 500 distinct words in 2.9 KB: more than the table made for a text of that length.
        let many: String = (0..500).map(|i| format!("w{i} ")).collect();
        let texts = [
            "The replica lag; the LAG\nof the replica, replicas",
            "Überprüfung der Größe: naïve café, café",
            "a-very-long-word-indeed averyveryverylongword averyveryverylongword 12345678 1234567 short",
            &many,
            "",
        ];
        let (mut one, mut two) = (Vocab::default(), Vocab::default());
        for (i, text) in texts.iter().enumerate() {
            let text = text.to_lowercase();
            let ids = one.number_text(&text);
            assert!(ids.is_sorted_by(|a, b| a < b), "ascending, each once: {ids:?}");
            assert_eq!(words_of(&one, &ids), split(&text).into_iter().collect(), "{text}");
            assert_eq!(one.number_text(&text), ids, "the same numbers again");
            // Another thread meets the same texts in another order.
            two.number_text(&texts[texts.len() - 1 - i].to_lowercase());
        }
        let table = one.merge(&two.words);
        for id in 0..two.words.vocab_len() as u32 {
            assert_eq!(one.words.word(table[id as usize]), two.words.word(id));
        }
        assert_eq!(one.words.vocab_len(), two.words.vocab_len(), "no word twice");
        // Going on from a vocabulary read back from the index keeps its numbers.
        let mut again = Vocab::of(Words::of_vocabulary(one.words.vocabulary().to_string()).unwrap_or_default());
        assert_eq!(again.number_text(&texts[0].to_lowercase()), one.number_text(&texts[0].to_lowercase()));
        assert_eq!(again.words.vocab_len(), one.words.vocab_len());
    }
}
