//! Which patterns can match a text at all, without running them. Each pattern has a few
//! trigger words, derived from its syntax, such that every match contains one of them ("error"
//! for `human[- ]errors?`; see `triggers.rs`, which `build.rs` runs over the built-in rules
//! ahead of time); one Aho-Corasick scan finds the triggers in a text. A pattern
//! whose triggers are absent cannot match, so it is neither compiled nor run: most of the
//! ~100 patterns never are for a given document, which keeps the editor's start fast and small.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// One scan for the triggers of many patterns.
#[derive(Debug, Clone)]
pub struct Gate {
    automaton: Option<AhoCorasick>,
    /// For each trigger word, the patterns it opens.
    opens: Vec<Vec<usize>>,
    /// Patterns without triggers: always run.
    always: Vec<usize>,
    patterns: usize,
}

impl Gate {
    /// A gate over patterns `0..triggers.len()`, each with its trigger words (or none).
    pub fn new(triggers: &[Option<Vec<String>>]) -> Gate {
        let mut words: Vec<&str> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut opens: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (p, t) in triggers.iter().enumerate() {
            match t {
                None => always.push(p),
                Some(set) => {
                    for w in set {
                        let i = *index.entry(w.as_str()).or_insert_with(|| {
                            words.push(w);
                            opens.push(Vec::new());
                            words.len() - 1
                        });
                        opens[i].push(p);
                    }
                }
            }
        }
        // A non-contiguous NFA: the quickest to build (this runs when the editor starts);
        // it scans a paragraph in microseconds all the same.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .prefilter(false)
            .build(&words)
            .ok();
        if automaton.is_none() {
            always = (0..triggers.len()).collect();
        }
        Gate { automaton, opens, always, patterns: triggers.len() }
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
            let mut seen = vec![false; self.opens.len()];
            for m in ac.find_overlapping_iter(text) {
                let w = m.pattern().as_usize();
                if !std::mem::replace(&mut seen[w], true) {
                    for &p in &self.opens[w] {
                        open[p] = true;
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

    fn words(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn the_gate_opens_only_patterns_whose_words_occur() {
        let gate = Gate::new(&[words(&["human error"]), words(&["blame"]), None]);
        assert_eq!(gate.open("It was HUMAN ERROR."), vec![true, false, true]);
        assert_eq!(gate.open("nothing here"), vec![false, false, true]);
    }
}
