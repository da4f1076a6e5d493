//! A pattern's sieve: the same pattern with each long bounded gap (`[^.;\n]{0,80}?`) left
//! unbounded (`[^.;\n]*?`). Everything the pattern matches, the sieve matches too, so a
//! window the sieve finds nothing in is passed over without the exact search. The point is
//! the automaton: a bounded gap makes the lazy DFA count, one state per byte of each gap
//! open at once, and a window searched builds states at nearly every byte; the sieve's
//! automaton only remembers that a gap is open (1 MB of real postmortems: the five costliest
//! patterns searched 5-10x quicker). A pattern is given one only after it has searched
//! [`SIEVE_AFTER`] windows, so a short text never pays for compiling it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex_automata::Input;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;

use super::reach::unicode_classes;

/// The windows a pattern searches before it is given a sieve (compiling one costs about as
/// much as searching a few hundred windows).
pub const SIEVE_AFTER: usize = 256;

/// The shortest gap left unbounded: shorter ones cost the automaton little.
const LONG_GAP: usize = 20;

/// A pattern's sieve, made once the pattern has searched enough windows.
#[derive(Debug, Default)]
pub(super) struct Sieve {
    searched: AtomicUsize,
    regex: OnceLock<Option<Regex>>,
}

impl Clone for Sieve {
    fn clone(&self) -> Sieve {
        Sieve { searched: AtomicUsize::new(self.searched.load(Ordering::Relaxed)), regex: self.regex.clone() }
    }
}

impl Sieve {
    /// The sieve of `source` once `windows` more searches take the pattern past
    /// [`SIEVE_AFTER`]; `None` before, or when `source` has no long bounded gap.
    pub fn after(&self, source: &str, windows: usize) -> Option<&Regex> {
        if let Some(regex) = self.regex.get() {
            return regex.as_ref();
        }
        if self.searched.fetch_add(windows, Ordering::Relaxed) + windows < SIEVE_AFTER {
            return None;
        }
        self.regex.get_or_init(|| unbounded(source).and_then(|s| build(&s))).as_ref()
    }
}

/// `source` compiled as the checker's patterns are (see `pattern::regex`), for telling only
/// whether it matches: no groups, no engine but the lazy DFA's (and the PikeVM it falls
/// back on), so that it compiles quickly.
fn build(source: &str) -> Option<Regex> {
    let source = unicode_classes(&source.replace(r"\b", r"(?-u:\b)"));
    let config = meta::Config::new()
        .auto_prefilter(false)
        .onepass(false)
        .backtrack(false)
        .which_captures(WhichCaptures::None)
        .nfa_size_limit(Some(1 << 22))
        .hybrid_cache_capacity(1 << 19);
    let build = |unicode: bool| {
        meta::Builder::new()
            .configure(config.clone())
            .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
            .build(&source)
            .ok()
    };
    build(false).or_else(|| build(true))
}

/// Whether the sieve finds anything in `window` of `text` (a window it finds nothing in, the
/// pattern finds nothing in either).
pub fn passes(sieve: Option<&Regex>, text: &str, window: &std::ops::Range<usize>) -> bool {
    sieve.is_none_or(|s| s.is_match(Input::new(text).span(window.clone())))
}

/// `source` with every `{0,N}` and `{1,N}` (lazy or not) of `N` >= [`LONG_GAP`] made `*` or
/// `+`; `None` when there is none. A brace after a backslash is a literal one, left alone.
pub fn unbounded(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let (mut copied, mut changed, mut i) = (0, false, 0);
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'{'
            && let Some(close) = source[i..].find('}').map(|c| i + c)
            && let Some((low, high)) = source[i + 1..close].split_once(',')
            && (low == "0" || low == "1")
            && high.parse::<usize>().is_ok_and(|n| n >= LONG_GAP)
        {
            out.push_str(&source[copied..i]);
            out.push(if low == "0" { '*' } else { '+' });
            copied = close + 1;
            changed = true;
            i = close + 1;
            continue;
        }
        i += 1;
    }
    out.push_str(&source[copied..]);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn long_gaps_are_left_unbounded_and_nothing_else_changes() {
        assert_eq!(
            unbounded(r"\bran\b[^.;\n]{0,80}?, the (?:[\w-]+ ){0,3}failed").unwrap(),
            r"\bran\b[^.;\n]*?, the (?:[\w-]+ ){0,3}failed"
        );
        assert_eq!(unbounded(r"a[^.]{1,40}b\{0,90}c{0,20}").unwrap(), r"a[^.]+b\{0,90}c*");
        assert_eq!(unbounded(r"(?:\w+ ){1,6}x{2,99}"), None);
    }

    /// What the pattern matches in a window, the sieve matches there too; a window with no
    /// match of the sieve has none of the pattern.
    #[test]
    fn the_sieve_lets_through_every_window_the_pattern_matches_in() {
        let source = r"\b(?P<verb>[a-z]+ed)\b[^.;\n]{0,30}?, (?:the )?(?:[\w-]+ ){0,2}(?:failed|crashed)\b";
        let exact = crate::lint::pattern::regex(source).unwrap();
        let sieve = build(&unbounded(source).unwrap()).unwrap();
        let text = "Ann deployed it, the cache failed. Bo restarted the long-running job that nobody watched at all, \
                    the queue crashed. The disk filled, and nothing else.";
        let mut sieved_out = 0;
        for start in 0..text.len() {
            for end in start..=text.len() {
                let span = Input::new(text).span(start..end);
                let found = exact.is_match(span.clone());
                let passed = passes(Some(&sieve), text, &(start..end));
                assert!(!found || passed, "{start}..{end}");
                sieved_out += usize::from(!passed);
            }
        }
        assert!(sieved_out > 0);
        // The gap longer than 30 bytes: the sieve matches, the pattern does not.
        assert!(sieve.is_match("Bo restarted the long-running job that nobody looks at any more, the queue crashed."));
        assert!(!exact.is_match("Bo restarted the long-running job that nobody looks at any more, the queue crashed."));
    }

    #[test]
    fn a_pattern_gets_its_sieve_after_enough_windows() {
        let sieve = Sieve::default();
        let source = r"a[^.]{0,50}b";
        assert!(sieve.after(source, SIEVE_AFTER - 1).is_none());
        assert!(sieve.after(source, 1).is_some());
        let none = Sieve::default();
        assert!(none.after(r"a[^.]{0,5}b", SIEVE_AFTER).is_none(), "no long gap, no sieve");
    }
}
