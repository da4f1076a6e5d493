//! Which patterns can match a text at all, without running them. Each pattern has up to three
//! sets of trigger words, derived from its syntax, such that every match contains a word of
//! each set ("error" for `human[- ]errors?`; "fire" and one of "him", "her", "them" for
//! `fire (?:him|her|them)`; see `triggers.rs`, which `build.rs` runs over the built-in rules
//! ahead of time); one Aho-Corasick scan finds the triggers in a text. A pattern one of whose
//! sets is absent cannot match, so it is neither compiled nor run: most of the ~100 patterns
//! never are for a given document, which keeps the editor's start fast and small.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// One scan for the triggers of many patterns.
#[derive(Debug, Clone)]
pub struct Gate {
    automaton: Option<AhoCorasick>,
    /// For each trigger word, the patterns and the set of theirs it is in (as a bit).
    opens: Vec<Vec<(usize, u8)>>,
    /// For each pattern, the bits of all its sets.
    needs: Vec<u8>,
    /// Patterns without triggers: always run.
    always: Vec<usize>,
    patterns: usize,
}

impl Gate {
    /// A gate over patterns `0..triggers.len()`, each with its sets of trigger words (none:
    /// the pattern is always open; sets past the eighth are not looked at).
    pub fn new(triggers: &[Vec<Vec<String>>]) -> Gate {
        let mut words: Vec<&str> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut opens: Vec<Vec<(usize, u8)>> = Vec::new();
        let mut needs = vec![0u8; triggers.len()];
        let mut always = Vec::new();
        for (p, sets) in triggers.iter().enumerate() {
            if sets.is_empty() {
                always.push(p);
            }
            for (k, set) in sets.iter().take(8).enumerate() {
                let bit = 1u8 << k;
                needs[p] |= bit;
                for w in set {
                    let i = *index.entry(w.as_str()).or_insert_with(|| {
                        words.push(w);
                        opens.push(Vec::new());
                        words.len() - 1
                    });
                    opens[i].push((p, bit));
                }
            }
        }
        // A non-contiguous NFA: the quickest to build (this runs when the editor starts);
        // it scans a paragraph in microseconds all the same.
        // Lower-case words, over lower-cased text: an automaton that folds case itself takes
        // twice as long to build.
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .prefilter(false)
            .build(&lower)
            .ok();
        if automaton.is_none() {
            always = (0..triggers.len()).collect();
        }
        Gate { automaton, opens, needs, always, patterns: triggers.len() }
    }

    /// How many trigger words there are.
    #[cfg(test)]
    pub fn words(&self) -> usize {
        self.opens.len()
    }

    /// Which patterns can match somewhere in `text`.
    pub fn open(&self, text: &str) -> Vec<bool> {
        let mut open = vec![false; self.patterns];
        for &p in &self.always {
            open[p] = true;
        }
        if let Some(ac) = &self.automaton {
            let text = text.to_ascii_lowercase();
            let mut seen = vec![false; self.opens.len()];
            let mut found = vec![0u8; self.patterns];
            for m in ac.find_overlapping_iter(&text) {
                let w = m.pattern().as_usize();
                if !std::mem::replace(&mut seen[w], true) {
                    for &(p, bit) in &self.opens[w] {
                        found[p] |= bit;
                        open[p] |= found[p] == self.needs[p];
                    }
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
