//! A pattern's full form, searched as the regex crate's meta engine searches it (a forward lazy
//! DFA finds where the next match ends, a reverse one anchored there where it starts, and a
//! backtracker reads the named groups of the match) but compiled in halves: the reverse NFA
//! and its lazy DFA only when the forward one has found a match. Most patterns a gate opens
//! find none in a document, and the meta engine compiled both for each: half of the compiling,
//! which was half of a check of real documents.

use std::ops::Range;
use std::sync::Mutex;

use std::sync::OnceLock;

use regex_automata::nfa::thompson::{self, WhichCaptures, backtrack::BoundedBacktracker, pikevm::PikeVM};
use regex_automata::util::{captures::Captures, syntax};
use regex_automata::{Anchored, Input, MatchKind, PatternID, hybrid};
use regex_syntax::hir::Hir;

use super::pattern::Found;

/// The engines over one NFA, with their caches (a thread that finds them taken makes its own).
pub(super) struct Forward {
    hir: Hir,
    dfa: hybrid::dfa::DFA,
    /// Built from `hir` when the forward DFA first finds a match.
    reverse: OnceLock<Option<hybrid::dfa::DFA>>,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Mutex<Caches>,
    /// The named groups, in order.
    names: Vec<String>,
}

struct Caches {
    dfa: hybrid::dfa::Cache,
    reverse: Option<hybrid::dfa::Cache>,
    backtrack: thompson::backtrack::Cache,
    pikevm: thompson::pikevm::Cache,
    captures: Captures,
}

impl Forward {
    /// `source` as rewritten for compiling (`reach::compiled_source`), case-insensitive,
    /// ASCII unless it needs Unicode; `None` when it cannot be built this way or could match
    /// an empty text (the meta engine then serves it, with its rules for empty matches).
    pub fn new(source: &str, cache: usize) -> Option<Forward> {
        let named = source.contains("(?P<") || source.contains("(?<");
        let captures = if named { WhichCaptures::All } else { WhichCaptures::Implicit };
        let parse = |unicode: bool| syntax::parse_with(source, &syntax::Config::new().case_insensitive(true).unicode(unicode));
        let hir = parse(false).or_else(|_| parse(true)).ok()?;
        if hir.properties().minimum_len().is_none_or(|n| n == 0) {
            return None;
        }
        let config = thompson::Config::new().shrink(false).which_captures(captures).nfa_size_limit(Some(1 << 22));
        let nfa = thompson::Compiler::new().configure(config).build_from_hir(&hir).ok()?;
        let dfa = hybrid::dfa::Builder::new().configure(lazy_dfa(cache)).build_from_nfa(nfa.clone()).ok()?;
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).ok()?;
        let pikevm = PikeVM::new_from_nfa(nfa).ok()?;
        let names =
            pikevm.get_nfa().group_info().pattern_names(PatternID::ZERO).flatten().map(str::to_string).collect();
        let caches = Mutex::new(Forward::caches(&dfa, &backtrack, &pikevm));
        Some(Forward { hir, dfa, reverse: OnceLock::new(), backtrack, pikevm, caches, names })
    }

    /// The reverse lazy DFA, which finds where a match that ends at a place starts (the
    /// longest such match, as the meta engine's).
    fn reverse(&self) -> Option<&hybrid::dfa::DFA> {
        self.reverse
            .get_or_init(|| {
                let config = thompson::Config::new()
                    .shrink(false)
                    .reverse(true)
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(1 << 22));
                let nfa = thompson::Compiler::new().configure(config).build_from_hir(&self.hir).ok()?;
                // A reverse automaton may need a larger cache than the forward one.
                let capacity = self.dfa.get_config().get_cache_capacity();
                [capacity, capacity << 3].into_iter().find_map(|c| {
                    let config = lazy_dfa(c).match_kind(MatchKind::All);
                    hybrid::dfa::Builder::new().configure(config).build_from_nfa(nfa.clone()).ok()
                })
            })
            .as_ref()
    }

    fn caches(dfa: &hybrid::dfa::DFA, backtrack: &BoundedBacktracker, pikevm: &PikeVM) -> Caches {
        Caches {
            dfa: dfa.create_cache(),
            reverse: None,
            backtrack: backtrack.create_cache(),
            pikevm: pikevm.create_cache(),
            captures: pikevm.create_captures(),
        }
    }

    /// Every match in `text` that starts in `window`, leftmost first, with its named groups,
    /// as the meta engine finds them (see `Compiled::matches_in`).
    pub fn matches_in(&self, text: &str, window: Range<usize>) -> Vec<Found<'_>> {
        let mut own = None;
        let mut guard = self.caches.try_lock().ok();
        let caches = match guard.as_deref_mut() {
            Some(c) => c,
            None => own.insert(Forward::caches(&self.dfa, &self.backtrack, &self.pikevm)),
        };
        let mut out = Vec::new();
        let mut at = window.start;
        while at < window.end {
            let span = Input::new(text).span(at..window.end);
            // Where the next match ends; a DFA that gave up leaves the whole span to the others.
            let (end, found) = match self.dfa.try_search_fwd(&mut caches.dfa, &span) {
                Ok(None) => break,
                Ok(Some(half)) => (half.offset(), true),
                Err(_) => (window.end, false),
            };
            // Where it starts: the reverse DFA, anchored at its end (or, if either gives up,
            // the PikeVM over the span up to its end).
            let start = found.then(|| self.reverse()).flatten().and_then(|reverse| {
                let cache = caches.reverse.get_or_insert_with(|| reverse.create_cache());
                let input = Input::new(text).span(at..end).anchored(Anchored::Yes);
                reverse.try_search_rev(cache, &input).ok().flatten().map(|half| half.offset())
            });
            let range = match start {
                Some(start) if self.names.is_empty() => start..end,
                Some(start) => {
                    let input = Input::new(text).span(start..end).anchored(Anchored::Yes);
                    self.captures(caches, &input);
                    start..end
                }
                None => {
                    self.pikevm.search(&mut caches.pikevm, &Input::new(text).span(at..end), &mut caches.captures);
                    let Some(found) = caches.captures.get_match() else { break };
                    found.range()
                }
            };
            let groups = self
                .names
                .iter()
                .map(|n| (n.as_str(), caches.captures.get_group_by_name(n).map(|g| g.range())))
                .collect();
            out.push(Found { range: range.clone(), groups });
            // Never empty (the pattern matches no empty text), so this moves on.
            at = range.end;
        }
        out
    }
}

impl Forward {
    /// The match of `input` and its groups, into `caches.captures`: the backtracker when the
    /// span is short enough for it, else the PikeVM.
    fn captures(&self, caches: &mut Caches, input: &Input<'_>) {
        if self.backtrack.try_search(&mut caches.backtrack, input, &mut caches.captures).is_err() {
            self.pikevm.search(&mut caches.pikevm, input, &mut caches.captures);
        }
    }
}

/// The lazy DFAs' configuration, as the meta engine's: give up (for the others) when the
/// cache is cleared too often for too little text.
fn lazy_dfa(capacity: usize) -> hybrid::dfa::Config {
    hybrid::dfa::Config::new()
        .cache_capacity(capacity)
        .minimum_cache_clear_count(std::env::var("NOGIVEUP").is_err().then_some(3))
        .minimum_bytes_per_state(Some(10))
}

impl Clone for Forward {
    fn clone(&self) -> Forward {
        let caches = Mutex::new(Forward::caches(&self.dfa, &self.backtrack, &self.pikevm));
        Forward {
            hir: self.hir.clone(),
            dfa: self.dfa.clone(),
            reverse: self.reverse.clone(),
            backtrack: self.backtrack.clone(),
            pikevm: self.pikevm.clone(),
            caches,
            names: self.names.clone(),
        }
    }
}

impl std::fmt::Debug for Forward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Forward").field("states", &self.pikevm.get_nfa().states().len()).finish()
    }
}
