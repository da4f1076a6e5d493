//! The gate's tables (see `gate.rs`): plain arrays, so that `build.rs` can work them out for
//! the built-in rules ahead of time and write them into the binary as statics, and the
//! editor's start builds nothing. `build.rs` includes this file, so it uses std alone.

use std::borrow::Cow;

/// Buckets of trigger words by their first three bytes: many more than words, so that most
/// places of a text fall in an empty one.
pub const BUCKETS: usize = 4096;

/// Which patterns can match a text: each pattern has up to eight sets of trigger words, and
/// can match only a text that holds a word of each of its sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tables {
    /// The trigger words, lower-case (ASCII), one after another.
    pub bytes: Cow<'static, [u8]>,
    /// Where word `w` is in `bytes`: `starts[w]..starts[w + 1]`.
    pub starts: Cow<'static, [u32]>,
    /// The words of bucket `b`: `words[buckets[b]..buckets[b + 1]]`.
    pub buckets: Cow<'static, [u16]>,
    pub words: Cow<'static, [u16]>,
    /// What word `w` opens: `opens[open_starts[w]..open_starts[w + 1]]`, each a pattern
    /// and the bit of the set of its that the word is in.
    pub open_starts: Cow<'static, [u32]>,
    pub opens: Cow<'static, [(u16, u8)]>,
    /// For each pattern, the bits of all its sets (0: it is always open).
    pub needs: Cow<'static, [u8]>,
}

/// The bucket of a word starting with `a`, `b`, `c` (lower-case).
pub fn bucket(a: u8, b: u8, c: u8) -> usize {
    let key = (u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c);
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl Tables {
    /// The tables for patterns `0..triggers.len()`, each with its sets of trigger words. A
    /// set with a word shorter than three bytes, or past the eighth, is not looked for (as if
    /// always there): the gate may let a pattern through that then finds nothing, never the
    /// reverse.
    pub fn build(triggers: &[Vec<Vec<String>>]) -> Tables {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut opens: Vec<Vec<(u16, u8)>> = Vec::new();
        let mut needs = vec![0u8; triggers.len()];
        for (p, sets) in triggers.iter().enumerate() {
            for (k, set) in sets.iter().take(8).enumerate() {
                if set.is_empty() || set.iter().any(|w| w.len() < 3) {
                    continue;
                }
                let bit = 1u8 << k;
                needs[p] |= bit;
                for w in set {
                    let w = w.to_ascii_lowercase();
                    let i = *index.entry(w.clone()).or_insert_with(|| {
                        words.push(w);
                        opens.push(Vec::new());
                        words.len() - 1
                    });
                    opens[i].push((p as u16, bit));
                }
            }
        }
        let mut bytes = Vec::new();
        let mut starts = vec![0u32];
        for w in &words {
            bytes.extend_from_slice(w.as_bytes());
            starts.push(bytes.len() as u32);
        }
        let mut by_bucket: Vec<Vec<u16>> = vec![Vec::new(); BUCKETS];
        for (i, w) in words.iter().enumerate() {
            let b = w.as_bytes();
            by_bucket[bucket(b[0], b[1], b[2])].push(i as u16);
        }
        let mut buckets = vec![0u16];
        let mut in_buckets = Vec::new();
        for list in by_bucket {
            in_buckets.extend(list);
            buckets.push(in_buckets.len() as u16);
        }
        let mut open_starts = vec![0u32];
        let mut flat = Vec::new();
        for list in opens {
            flat.extend(list);
            open_starts.push(flat.len() as u32);
        }
        Tables {
            bytes: Cow::Owned(bytes),
            starts: Cow::Owned(starts),
            buckets: Cow::Owned(buckets),
            words: Cow::Owned(in_buckets),
            open_starts: Cow::Owned(open_starts),
            opens: Cow::Owned(flat),
            needs: Cow::Owned(needs),
        }
    }
}
