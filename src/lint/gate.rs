//! Which patterns can match a text at all, without running them. Each pattern has a few
//! trigger words, derived from its syntax, such that every match contains one of them ("error"
//! for `human[- ]errors?`); one Aho-Corasick scan finds the triggers in a text. A pattern
//! whose triggers are absent cannot match, so it is neither compiled nor run: most of the
//! ~100 patterns never are for a given document, which keeps the editor's start fast and small.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};

/// The most strings a set may hold while words are spelled out (`(?:a|b)(?:c|d)` holds 4).
const MAX_SET: usize = 32;

/// Triggers for `source`: every match contains one of them, compared ASCII
/// case-insensitively. `None` when the pattern has no such words (it is then always run).
pub fn triggers(source: &str) -> Option<Vec<String>> {
    let ast = ast::parse::Parser::new().parse(source).ok()?;
    let mut set = analyse(&ast).required?;
    for s in &mut set {
        s.make_ascii_lowercase();
    }
    set.sort();
    set.dedup();
    Some(set)
}

/// What a part of a pattern says about the text it matches.
struct Info {
    /// Every string it can match, when they are few (an assertion or a flag matches "").
    exact: Option<Vec<String>>,
    /// Strings of which every match contains one.
    required: Option<Vec<String>>,
}

impl Info {
    fn none() -> Info {
        Info { exact: None, required: None }
    }

    fn exact(set: Vec<String>) -> Info {
        let required = set.iter().all(|s| !s.is_empty()).then(|| set.clone());
        Info { exact: Some(set), required }
    }
}

/// One pass from the leaves up.
fn analyse(ast: &Ast) -> Info {
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Info::exact(vec![String::new()]),
        Ast::Literal(l) => Info::exact(vec![l.c.to_string()]),
        Ast::ClassBracketed(c) if !c.negated => match class_chars(&c.kind) {
            Some(chars) => Info::exact(chars.iter().map(char::to_string).collect()),
            None => Info::none(),
        },
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) => Info::none(),
        Ast::Group(g) => analyse(&g.ast),
        Ast::Repetition(r) => {
            let inner = analyse(&r.ast);
            let (min, once) = match r.op.kind {
                RepetitionKind::ZeroOrOne => (0, true),
                RepetitionKind::ZeroOrMore => (0, false),
                RepetitionKind::OneOrMore => (1, false),
                RepetitionKind::Range(RepetitionRange::Exactly(n)) => (n, n == 1),
                RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (n, false),
                RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (m, n <= 1),
            };
            let exact = match (once, inner.exact) {
                (true, Some(mut set)) => {
                    if min == 0 {
                        set.push(String::new());
                    }
                    Some(set)
                }
                _ => None,
            };
            let required = if min >= 1 { inner.required } else { None };
            Info { exact, required }
        }
        Ast::Alternation(a) => {
            let parts: Vec<Info> = a.asts.iter().map(analyse).collect();
            let union = |sets: Vec<Option<Vec<String>>>| {
                let mut out = Vec::new();
                for set in sets {
                    out.extend(set?);
                }
                Some(out)
            };
            let exact = union(parts.iter().map(|p| p.exact.clone()).collect()).filter(|s| s.len() <= MAX_SET);
            let required = union(parts.into_iter().map(|p| p.required).collect());
            let mut info = Info { exact, required };
            if let Some(set) = info.exact.as_ref().filter(|s| s.iter().all(|s| !s.is_empty())) {
                info.required = Some(set.clone());
            }
            info
        }
        Ast::Concat(c) => concat(&c.asts),
    }
}

/// A sequence: its exact strings are the cross product of its parts'; its trigger set is the
/// best of its parts' (runs of single characters joined into words: `h`,`u`,`m`,`a`,`n` ->
/// "human"), where best is long enough to be telling (six characters are plenty) and short.
fn concat(asts: &[Ast]) -> Info {
    // Runs of plain characters are words already: no need to analyse them one by one.
    let mut parts: Vec<Info> = Vec::new();
    let mut word = String::new();
    for ast in asts {
        match ast {
            Ast::Literal(l) => word.push(l.c),
            Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => {}
            other => {
                if !word.is_empty() {
                    parts.push(Info::exact(vec![std::mem::take(&mut word)]));
                }
                parts.push(analyse(other));
            }
        }
    }
    if !word.is_empty() {
        parts.push(Info::exact(vec![word]));
    }
    let exact = spell(&parts);
    let mut candidates: Vec<Vec<String>> = Vec::new();
    let mut word = String::new();
    for part in parts {
        match part.exact.as_deref() {
            Some([one]) => word.push_str(one),
            _ => {
                if !word.is_empty() {
                    candidates.push(vec![std::mem::take(&mut word)]);
                }
                if let Some(set) = part.required {
                    candidates.push(set);
                }
            }
        }
    }
    if !word.is_empty() {
        candidates.push(vec![word]);
    }
    if let Some(set) = exact.as_ref().filter(|s| s.iter().all(|s| !s.is_empty())) {
        candidates.push(set.clone());
    }
    let required = candidates.into_iter().max_by_key(|set| {
        let shortest = set.iter().map(|s| s.chars().count()).min().unwrap_or(0);
        (shortest.min(6), std::cmp::Reverse(set.len()))
    });
    Info { exact, required }
}

/// Every string a sequence can match, when each part's are known and there are at most
/// `MAX_SET` in all; built once, not part by part.
fn spell(parts: &[Info]) -> Option<Vec<String>> {
    let sets: Vec<&Vec<String>> = parts.iter().map(|p| p.exact.as_ref()).collect::<Option<_>>()?;
    let count = sets.iter().try_fold(1usize, |n, s| n.checked_mul(s.len()).filter(|&n| n <= MAX_SET))?;
    let mut out = Vec::with_capacity(count);
    for mut k in 0..count {
        let mut s = String::new();
        for set in sets.iter().rev() {
            s.insert_str(0, &set[k % set.len()]);
            k /= set.len();
        }
        out.push(s);
    }
    Some(out)
}

/// The characters of a small bracketed class made only of literals (`[- ]`, `['’]`).
fn class_chars(set: &ClassSet) -> Option<Vec<char>> {
    let ClassSet::Item(item) = set else { return None };
    let mut out = Vec::new();
    let mut push = |item: &ClassSetItem| match item {
        ClassSetItem::Literal(l) => {
            out.push(l.c);
            true
        }
        _ => false,
    };
    let ok = match item {
        ClassSetItem::Union(u) => u.items.iter().all(&mut push),
        other => push(other),
    };
    (ok && out.len() <= 4).then_some(out)
}

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
        // A contiguous NFA: quick to build (this runs when the editor starts) and small.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
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

    fn t(source: &str) -> Option<Vec<String>> {
        triggers(source)
    }

    fn words(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn literal_words_are_joined() {
        assert_eq!(t(r"\bhuman error\b"), words(&["human error"]));
        // One telling word beats three spellings of two.
        assert_eq!(t(r"(?-u:\b)fat[- ]?fingered(?-u:\b)"), words(&["fingered"]));
        assert_eq!(t(r"\b(?:fat|big)[- ]?(?:thumbs|fingers)"), words(&["fingers", "thumbs"]));
    }

    #[test]
    fn alternations_give_every_branch() {
        // 3 nouns x 2 joins x singular and plural: spelled out in full.
        let set = t(r"\b(?:human|operator|pilot)[- ]errors?\b").unwrap_or_default();
        assert_eq!(set.len(), 12);
        assert!(set.contains(&"pilot-errors".to_string()));
        assert_eq!(t(r"\bwho (?:approved|merged)\b"), words(&["who approved", "who merged"]));
    }

    #[test]
    fn the_most_selective_part_of_a_sequence_wins() {
        // `\w+` and `[^.;]{0,60}` say nothing; the words around them do.
        assert_eq!(t(r"\bhold (?:[\w'’-]+ ){1,3}accountable\b"), words(&["accountable"]));
        let set = t(r"\b(?:violated|ignored)\b[^.;]{0,60}\b(?:by design|as intended)\b");
        assert_eq!(set, words(&["as intended", "by design"]));
    }

    #[test]
    fn optional_parts_give_no_trigger_of_their_own() {
        assert_eq!(t(r"(?:the )?"), None);
        assert_eq!(t(r"\w+"), None);
        assert_eq!(t(r"a|\w+"), None);
        assert_eq!(t(r"(?:blame)*"), None);
        assert_eq!(t(r"(?:blame){2,}"), words(&["blame"]));
    }

    #[test]
    fn the_gate_opens_only_patterns_whose_words_occur() {
        let gate = Gate::new(&[words(&["human error"]), words(&["blame"]), None]);
        assert_eq!(gate.open("It was HUMAN ERROR."), vec![true, false, true]);
        assert_eq!(gate.open("nothing here"), vec![false, false, true]);
    }
}
