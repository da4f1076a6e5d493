//! Trigger words of a pattern, derived from its syntax: up to three sets of strings such that
//! every match contains one string of each set ("error" for `human[- ]errors?`; "fire" and one
//! of "him", "her", "them" for `(?:fire|sack) (?:him|her|them)`). Pure analysis over `regex_syntax`'s
//! AST, with no other dependency: the build script (`build.rs`) includes this file to work
//! out the built-in rules' triggers ahead of time, and the gate (`gate.rs`) uses it at run
//! time for any pattern that was not.

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};

/// The most strings a set may hold while words are spelled out (`(?:a|b)(?:c|d)` holds 4).
const MAX_SET: usize = 8;

/// The most sets a pattern's triggers have: each more one closes the pattern to more texts
/// that hold a common word of it ("have") but not the rest.
const MAX_CLAUSES: usize = 3;

/// The most strings a set after the first may hold.
const MAX_MORE: usize = 4;

/// Triggers for `source`: sets of lower-case strings such that every match contains one
/// string of each set, compared ASCII case-insensitively, the most telling set first. Empty
/// when the pattern has no such words (it is then always run).
pub fn triggers(source: &str) -> Vec<Vec<String>> {
    let Ok(ast) = ast::parse::Parser::new().parse(source) else { return Vec::new() };
    let mut clauses = analyse(&ast).required;
    for set in &mut clauses {
        for s in set.iter_mut() {
            s.make_ascii_lowercase();
        }
        set.sort();
        set.dedup();
    }
    clauses
}

/// What a part of a pattern says about the text it matches.
struct Info {
    /// Every string it can match, when they are few (an assertion or a flag matches "").
    exact: Option<Vec<String>>,
    /// Sets of strings such that every match contains one of each, most telling first.
    required: Vec<Vec<String>>,
}

impl Info {
    fn none() -> Info {
        Info { exact: None, required: Vec::new() }
    }

    fn exact(set: Vec<String>) -> Info {
        let required = if set.iter().all(|s| !s.is_empty()) { vec![set.clone()] } else { Vec::new() };
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
            let required = if min >= 1 { inner.required } else { Vec::new() };
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
            // Every branch's most telling set, together: a match holds one of them.
            let required = union(parts.into_iter().map(|p| p.required.into_iter().next()).collect());
            let mut info = Info { exact, required: required.into_iter().collect() };
            if let Some(set) = info.exact.as_ref().filter(|s| s.iter().all(|s| !s.is_empty())) {
                info.required = vec![set.clone()];
            }
            info
        }
        Ast::Concat(c) => concat(&c.asts),
    }
}

/// A sequence: its exact strings are the cross product of its parts'; its trigger sets are the
/// best of its parts' (runs of single characters joined into words: `h`,`u`,`m`,`a`,`n` ->
/// "human"), where best is long enough to be telling (six characters are plenty) and short,
/// leaving out a set that the ones taken already imply.
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
                candidates.extend(part.required);
            }
        }
    }
    if !word.is_empty() {
        candidates.push(vec![word]);
    }
    if let Some(set) = exact.as_ref().filter(|s| s.iter().all(|s| !s.is_empty())) {
        candidates.push(set.clone());
    }
    // The most telling first; of equals, the later (a whole spelled-out sequence is last).
    candidates.reverse();
    candidates.sort_by_key(|set| {
        let shortest = set.iter().map(|s| s.chars().count()).min().unwrap_or(0);
        std::cmp::Reverse((shortest.min(6), std::cmp::Reverse(set.len())))
    });
    let mut required: Vec<Vec<String>> = Vec::new();
    for set in candidates {
        // A set is implied by one taken when each string of that one contains a string of it.
        let implied = |taken: &Vec<String>| {
            taken.iter().all(|t| set.iter().any(|s| t.to_ascii_lowercase().contains(&s.to_ascii_lowercase())))
        };
        // Sets after the first have to be few words, and words long enough to say something.
        let weak = set.len() > MAX_MORE || set.iter().any(|s| s.trim().chars().count() < 3);
        if required.len() < MAX_CLAUSES && (required.is_empty() || !weak) && !required.iter().any(implied) {
            required.push(set);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The most telling set of triggers.
    fn t(source: &str) -> Option<Vec<String>> {
        triggers(source).into_iter().next()
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
        // Spelled out while there are few spellings: 2 x 2 here.
        let set = t(r"\b(?:human|pilot)[- ]error\b").unwrap_or_default();
        assert_eq!(set, ["human error", "human-error", "pilot error", "pilot-error"]);
        // 3 nouns x 2 joins x singular and plural are too many: the shared word stands for them.
        assert_eq!(t(r"\b(?:human|operator|pilot)[- ]errors?\b"), words(&["error"]));
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
    fn a_sequence_needs_a_word_of_each_telling_part() {
        let all = |list: &[&[&str]]| -> Vec<Vec<String>> {
            list.iter().map(|set| set.iter().map(|s| s.to_string()).collect()).collect()
        };
        // Nine spellings are too many to list: two sets.
        let fire = triggers(r"\b(?:fire|sack|dismiss) (?:him|her|them)\b");
        assert_eq!(fire, all(&[&["dismiss", "fire", "sack"], &["her", "him", "them"]]));
        // "human error" holds "error": a second set that says nothing more is left out.
        assert_eq!(triggers(r"\bhuman errors?\b"), all(&[&["human error"]]));
        // At most three sets.
        assert_eq!(triggers(r"\balpha (?:x|y) bravo (?:x|y) charlie (?:x|y) delta\b").len(), 3);
    }

    #[test]
    fn optional_parts_give_no_trigger_of_their_own() {
        assert_eq!(t(r"(?:the )?"), None);
        assert_eq!(t(r"\w+"), None);
        assert_eq!(t(r"a|\w+"), None);
        assert_eq!(t(r"(?:blame)*"), None);
        assert_eq!(t(r"(?:blame){2,}"), words(&["blame"]));
    }
}
