//! Which patterns can match a text, and where, without running them. Each pattern has up to
//! three sets of trigger words, derived from its syntax, such that every match contains a word
//! of each set ("error" for `human[- ]errors?`; "fire" and one of "him", "her", "them" for
//! `fire (?:him|her|them)`; see `triggers.rs`, which `build.rs` runs over the built-in rules
//! ahead of time); one scan finds the triggers in a text, and where each is. A pattern one of
//! whose sets is absent cannot match, so it is neither compiled nor run; one that can is
//! searched only in the windows around its trigger words that its matches can reach
//! (`reach.rs`), a few sentences of a long text. The words are found through a hash of their
//! first three bytes, in tables (`gate_tables.rs`) that `build.rs` works out for the built-in
//! rules, so that nothing is built at start-up (an Aho-Corasick automaton over the ~1,460
//! words scans faster but takes longer to build than a file takes to scan).

use std::ops::Range;

use super::gate_tables::{Tables, bucket};
use super::reach::{Reach, SEPARATOR_BITS};

/// One scan for the triggers of many patterns.
#[derive(Debug, Clone)]
pub struct Gate {
    tables: Tables,
    /// Each word's [`head`].
    heads: Vec<(u32, u32)>,
}

/// A word's first four bytes (fewer: the rest zero) as a little-endian number, and the mask
/// of the bytes it has.
fn head(word: &[u8]) -> (u32, u32) {
    let mut bytes = [0u8; 4];
    let n = word.len().min(4);
    bytes[..n].copy_from_slice(&word[..n]);
    (u32::from_le_bytes(bytes), u32::MAX >> (8 * (4 - n)))
}

/// Where a text holds the trigger words of each pattern the gate opens.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    /// Which patterns can match somewhere in the text: those that have a word of each set there.
    pub open: Vec<bool>,
    /// The words of pattern `p`: `words[at[p]..at[p + 1]]`, each `(start, end, bit of its set)`,
    /// in the order of the text.
    at: Vec<u32>,
    words: Vec<(u32, u32, u8)>,
    /// The separators in the text (see `reach.rs`): `(place, bit)`, in order.
    seps: Vec<(u32, u16)>,
}

impl Gate {
    /// A gate over patterns `0..triggers.len()`, each with its sets of trigger words (none:
    /// the pattern is always open).
    pub fn new(triggers: &[Vec<Vec<String>>]) -> Gate {
        Gate::from_tables(Tables::build(triggers))
    }

    /// A gate with tables worked out ahead of time (`build.rs`, for the built-in rules).
    pub fn from_tables(tables: Tables) -> Gate {
        let heads = tables.starts.windows(2).map(|w| head(&tables.bytes[w[0] as usize..w[1] as usize])).collect();
        Gate { tables, heads }
    }

    /// How many trigger words there are.
    #[cfg(test)]
    pub fn words(&self) -> usize {
        self.tables.starts.len() - 1
    }

    #[cfg(test)]
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    /// Which patterns can match somewhere in `text`.
    #[cfg(test)]
    pub fn open(&self, text: &str) -> Vec<bool> {
        self.hits(text).open
    }

    /// Every trigger word in `text` and where it is, for the patterns it opens.
    pub fn hits(&self, text: &str) -> Hits {
        self.hits_in(text, &self.words_in(text), 0..text.len())
    }

    /// Every trigger word in `text`, `(start, word)` in the order of the text: at each byte,
    /// the words of the bucket of the three bytes there (ASCII case folded) are compared.
    pub fn words_in(&self, text: &str) -> Vec<(u32, u16)> {
        let t = &self.tables;
        // Lower-case, with three bytes of padding so that four can always be read.
        let len = text.len();
        let mut lower = Vec::with_capacity(len + 3);
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        lower.extend_from_slice(&[0xff; 3]);
        let mut seen = Vec::new();
        for i in 0..len.saturating_sub(2) {
            let h = bucket(lower[i], lower[i + 1], lower[i + 2]);
            let (from, to) = (t.buckets[h] as usize, t.buckets[h + 1] as usize);
            if from == to {
                continue;
            }
            let four = u32::from_le_bytes([lower[i], lower[i + 1], lower[i + 2], lower[i + 3]]);
            for &w in &t.words[from..to] {
                // The first four bytes at once, the rest (if any) one by one.
                let (head, mask) = self.heads[w as usize];
                if four & mask != head {
                    continue;
                }
                let word = &t.bytes[t.starts[w as usize] as usize..t.starts[w as usize + 1] as usize];
                if word.len() <= 4 || (i + word.len() <= len && lower[i + 4..i + word.len()] == word[4..]) {
                    seen.push((i as u32, w));
                }
            }
        }
        seen
    }

    /// The trigger words of the part `piece` of `text`, whose words are `words` (see
    /// [`Gate::words_in`]), with places in the piece.
    pub fn hits_in(&self, text: &str, words: &[(u32, u16)], piece: Range<usize>) -> Hits {
        let t = &self.tables;
        let n = t.needs.len();
        let len = |w: u16| t.starts[w as usize + 1] - t.starts[w as usize];
        let opens = |w: u16| &t.opens[t.open_starts[w as usize] as usize..t.open_starts[w as usize + 1] as usize];
        let (from, to) = (piece.start as u32, piece.end as u32);
        let first = words.partition_point(|w| w.0 < from);
        let seen = words[first..].iter().take_while(|w| w.0 < to).filter(|w| w.0 + len(w.1) <= to);
        let mut found = vec![0u8; n];
        for &(_, w) in seen.clone() {
            for &(p, bit) in opens(w) {
                found[p as usize] |= bit;
            }
        }
        let open: Vec<bool> = found.iter().zip(t.needs.iter()).map(|(f, n)| f == n).collect();
        // Each open pattern's words, in one list ordered by pattern, then by place.
        let mut at = vec![0u32; n + 1];
        for &(_, w) in seen.clone() {
            for &(p, _) in opens(w) {
                at[p as usize + 1] += u32::from(open[p as usize]);
            }
        }
        for p in 0..n {
            at[p + 1] += at[p];
        }
        let mut next = at.clone();
        let mut placed = vec![(0u32, 0u32, 0u8); at[n] as usize];
        for &(i, w) in seen {
            for &(p, bit) in opens(w) {
                if open[p as usize] {
                    placed[next[p as usize] as usize] = (i - from, i - from + len(w), bit);
                    next[p as usize] += 1;
                }
            }
        }
        let seps = text.as_bytes()[piece]
            .iter()
            .enumerate()
            .filter(|(_, b)| SEPARATOR_BITS[**b as usize] != 0)
            .map(|(i, b)| (i as u32, SEPARATOR_BITS[*b as usize]))
            .collect();
        Hits { open, at, words: placed, seps }
    }

    /// Marks in `open` the patterns that have a window in `text` (whose trigger words are
    /// `hits`; `reach` each pattern's): those a check of `text` would compile.
    pub fn mark_open(&self, hits: &Hits, text: &str, reach: &[Reach], open: &mut [bool]) {
        for (k, o) in open.iter_mut().enumerate() {
            *o = *o || (hits.open[k] && !self.windows(hits, k, text, reach[k]).is_empty());
        }
    }

    /// The parts of `text` (whose trigger words are `hits`) where pattern `p`, reaching as far
    /// as `reach`, can match: around each word of its rarest set there, no further than the
    /// pattern's longest match or a separator it cannot match, and only where a word of each
    /// of its sets is in that reach. Every match of the pattern in `text` lies in one of
    /// them; they do not overlap, and each ends where a word does not go on (so a search of
    /// the text up to there sees the same word boundary). The whole text when the pattern
    /// has no trigger words or no reach; nothing when it is not open.
    pub fn windows(&self, hits: &Hits, p: usize, text: &str, reach: Reach) -> Vec<Range<usize>> {
        let needs = self.tables.needs[p];
        let bytes = text.as_bytes();
        if !hits.open[p] {
            return Vec::new();
        }
        if needs == 0 || (reach.seps == 0 && reach.max_len as usize >= bytes.len()) {
            return std::iter::once(0..bytes.len()).collect();
        }
        let words = &hits.words[hits.at[p] as usize..hits.at[p + 1] as usize];
        // The set with the fewest words here anchors the windows.
        let mut counts = [0usize; 8];
        for w in words {
            counts[w.2.trailing_zeros() as usize] += 1;
        }
        let anchor = (0..8).filter(|k| needs & (1 << k) != 0).min_by_key(|&k| counts[k]).map_or(1, |k| 1u8 << k);
        let max = reach.max_len as usize;
        let seps = &hits.seps;
        let mut out: Vec<Range<usize>> = Vec::new();
        for &(s, e, _) in words.iter().filter(|w| w.2 == anchor) {
            // Back to the separator before the word, or as far as the longest match reaches.
            let floor = (e as usize).saturating_sub(max);
            let mut j = seps.partition_point(|x| x.0 < s);
            let mut lo = floor;
            while j > 0 && seps[j - 1].0 as usize >= floor {
                j -= 1;
                if seps[j].1 & reach.seps != 0 {
                    lo = seps[j].0 as usize + 1;
                    break;
                }
            }
            // On to the separator after it, or as far as the longest match reaches.
            let ceiling = (s as usize).saturating_add(max).min(bytes.len());
            let mut hi = ceiling;
            for x in &seps[seps.partition_point(|x| x.0 < e)..] {
                if x.0 as usize >= ceiling {
                    break;
                }
                if x.1 & reach.seps != 0 {
                    hi = x.0 as usize;
                    break;
                }
            }
            let first = words.partition_point(|w| (w.0 as usize) < lo);
            let held = words[first..]
                .iter()
                .take_while(|w| (w.0 as usize) < hi)
                .filter(|w| w.1 as usize <= hi)
                .fold(0u8, |b, w| b | w.2);
            if held != needs {
                continue;
            }
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            // On to where a word ends (a word boundary there is the same in the whole text).
            while hi < bytes.len() && (bytes[hi].is_ascii_alphanumeric() || bytes[hi] == b'_' || bytes[hi] >= 0x80) {
                hi += 1;
            }
            out.push(lo..hi);
        }
        out.sort_by_key(|w| w.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
        for w in out {
            match merged.last_mut() {
                Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                _ => merged.push(w),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(sets: &[&[&str]]) -> Vec<Vec<String>> {
        sets.iter().map(|set| set.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn the_gate_opens_only_patterns_whose_words_occur() {
        let gate = Gate::new(&[words(&[&["human error"]]), words(&[&["blame"]]), Vec::new()]);
        assert_eq!(gate.open("It was HUMAN ERROR."), vec![true, false, true]);
        assert_eq!(gate.open("nothing here"), vec![false, false, true]);
    }

    #[test]
    fn a_pattern_with_several_sets_opens_when_each_has_a_word_there() {
        let gate = Gate::new(&[words(&[&["fire"], &["him", "her"]]), words(&[&["fire"]])]);
        assert_eq!(gate.open("We will fire up the spare."), vec![false, true]);
        assert_eq!(gate.open("Fire HER? No."), vec![true, true]);
        assert_eq!(gate.open("Ask him about it."), vec![false, false]);
    }

    /// Searching only a pattern's windows finds exactly what searching the whole text finds,
    /// with either compiled form: over every labelled sentence (sets and corpus), the rules'
    /// examples and the Markdown fixture, as written and run together into paragraphs, so
    /// that windows meet other sentences, line breaks and each other.
    #[test]
    #[allow(clippy::unwrap_used)]
    fn windows_hold_every_match_of_the_whole_text() {
        let set = crate::lint::RuleSet::builtin().unwrap();
        let sets = [
            include_str!("../../tests/lint_corpus/sentences.txt"),
            include_str!("../../tests/lint_corpus/tuning.txt"),
            include_str!("../../tests/lint_corpus/tuning2.txt"),
            include_str!("../../tests/lint_corpus/tuning3.txt"),
            include_str!("../../tests/lint_corpus/tuning4.txt"),
            include_str!("../../tests/lint_corpus/tuning5.txt"),
            include_str!("../../tests/lint_corpus/tuning6.txt"),
            include_str!("../../tests/lint_corpus/heldout.txt"),
        ];
        let mut sentences: Vec<String> = crate::lint::labelled(&sets).into_iter().map(str::to_string).collect();
        for rule in &set.rules {
            sentences.extend(rule.examples.flag.iter().chain(&rule.examples.pass).cloned());
        }
        let mut texts = Vec::new();
        for (i, group) in sentences.chunks(7).enumerate() {
            let joiner = ["  ", "\n", " — ", "; "][i % 4];
            texts.push(group.join(joiner));
        }
        texts.push(include_str!("../../tests/fixtures/lint/real-shapes.md").to_string());
        let (mut searched, mut matches) = (0, 0);
        for text in &texts {
            let hits = set.gate.hits(text);
            for (k, &(r, p)) in set.owners.iter().enumerate() {
                let lazy = &set.rules[r].patterns[p].regex;
                let windows = set.gate.windows(&hits, k, text, set.reach[k]);
                for compiled in [lazy.quick().unwrap(), lazy.full().unwrap()] {
                    let whole: Vec<_> = compiled.matches(text).into_iter().filter(|f| !f.range.is_empty()).collect();
                    let parts: Vec<_> = windows.iter().flat_map(|w| compiled.matches_in(text, w.clone())).collect();
                    type Seen = Vec<(Range<usize>, Vec<(String, Option<Range<usize>>)>)>;
                    fn seen(found: &[super::super::pattern::Found]) -> Seen {
                        let groups =
                            |f: &super::super::pattern::Found| f.groups().map(|(n, r)| (n.to_string(), r)).collect();
                        found.iter().map(|f| (f.range.clone(), groups(f))).collect()
                    }
                    assert_eq!(seen(&parts), seen(&whole), "pattern `{}` on {text:?}", lazy.source());
                    searched += windows.iter().map(|w| w.len()).sum::<usize>();
                    matches += whole.len();
                }
            }
        }
        let all: usize = texts.iter().map(|t| t.len()).sum::<usize>() * set.owners.len() * 2;
        assert!(matches > 2000, "only {matches} matches compared");
        eprintln!("{matches} matches; windows searched {searched} of {all} bytes");
    }
}
