//! Which patterns can match a text at all, without running them. Each pattern has up to three
//! sets of trigger words, derived from its syntax, such that every match contains a word of
//! each set ("error" for `human[- ]errors?`; "fire" and one of "him", "her", "them" for
//! `fire (?:him|her|them)`; see `triggers.rs`, which `build.rs` runs over the built-in rules
//! ahead of time); one scan finds the triggers in a text. A pattern one of whose
//! sets is absent cannot match, so it is neither compiled nor run: most of the ~100 patterns
//! never are for a given document, which keeps the editor's start fast and small. The
//! words are found through a hash of their first three bytes, in tables (`gate_tables.rs`)
//! that `build.rs` works out for the built-in rules, so that nothing is built at start-up
//! (an Aho-Corasick automaton over the ~400 words took ~0.7 ms to build).

use super::gate_tables::{Tables, bucket};

/// One scan for the triggers of many patterns.
#[derive(Debug, Clone)]
pub struct Gate {
    tables: Tables,
}

impl Gate {
    /// A gate over patterns `0..triggers.len()`, each with its sets of trigger words (none:
    /// the pattern is always open).
    pub fn new(triggers: &[Vec<Vec<String>>]) -> Gate {
        Gate { tables: Tables::build(triggers) }
    }

    /// A gate with tables worked out ahead of time (`build.rs`, for the built-in rules).
    pub fn from_tables(tables: Tables) -> Gate {
        Gate { tables }
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

    /// Which patterns can match somewhere in `text`: at each byte, the words of the bucket of
    /// the three bytes there (ASCII case folded) are compared with the text.
    pub fn open(&self, text: &str) -> Vec<bool> {
        let t = &self.tables;
        let mut open: Vec<bool> = t.needs.iter().map(|&n| n == 0).collect();
        let mut found = vec![0u8; t.needs.len()];
        let mut seen = vec![false; t.starts.len() - 1];
        let text = text.as_bytes();
        for i in 0..text.len().saturating_sub(2) {
            let at = &text[i..];
            let h = bucket(at[0].to_ascii_lowercase(), at[1].to_ascii_lowercase(), at[2].to_ascii_lowercase());
            for &w in &t.words[t.buckets[h] as usize..t.buckets[h + 1] as usize] {
                let w = w as usize;
                let word = &t.bytes[t.starts[w] as usize..t.starts[w + 1] as usize];
                if seen[w] || at.len() < word.len() || !at.iter().zip(word).all(|(x, y)| x.to_ascii_lowercase() == *y) {
                    continue;
                }
                seen[w] = true;
                for &(p, bit) in &t.opens[t.open_starts[w] as usize..t.open_starts[w + 1] as usize] {
                    let p = p as usize;
                    found[p] |= bit;
                    open[p] |= found[p] == t.needs[p];
                }
            }
        }
        open
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
}
