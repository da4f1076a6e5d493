//! The built-in patterns' automata, compiled by `build.rs` when the crate is built: each
//! pattern's forward and reverse DFAs (dense), loaded from the binary instead of compiled at
//! run time. Compiling a pattern (its NFA, then its lazy DFA warming up on the first texts)
//! was most of a check of a document; loading one is checking its bytes. A pattern with named
//! groups (which a DFA does not report), or whose automata would be large, has none and is
//! compiled as before.

use regex_automata::dfa::{dense, regex};

/// A pattern's precompiled automata, searching as the regex crate's engines do (leftmost
/// first, the text around a window in view for `\b` and `^`).
pub(super) type Dfa = regex::Regex<dense::DFA<&'static [u32]>>;

/// Bytes aligned as a dense DFA's transitions must be (to 4: it is read where it lies).
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u64; 0],
    bytes: B,
}

/// Every automaton, forward then reverse for each pattern that has them, little-endian, each
/// at a multiple of 8 bytes.
static ALIGNED: &Aligned<[u8]> = &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/dfa.bin")) };

/// For each built-in pattern, in the order of `ruleset::GATE_PATTERNS`: where its forward
/// automaton starts in [`BYTES`], where its reverse one starts, and where that ends (all
/// three the same: it has none).
const INDEX: &[(u32, u32, u32)] = &include!(concat!(env!("OUT_DIR"), "/dfa_index.rs"));

/// The automata of built-in pattern `k`, if it has them and they load (they would not on a
/// big-endian machine: the pattern is then compiled).
pub(super) fn load(k: usize) -> Option<Dfa> {
    let &(start, middle, end) = INDEX.get(k)?;
    if start == end {
        return None;
    }
    let (start, middle, end) = (start as usize, middle as usize, end as usize);
    let bytes = &ALIGNED.bytes;
    let (forward, _) = dense::DFA::from_bytes(bytes.get(start..middle)?).ok()?;
    let (reverse, _) = dense::DFA::from_bytes(bytes.get(middle..end)?).ok()?;
    Some(regex::Builder::new().build_from_dfas(forward, reverse))
}

/// Whether built-in pattern `k` has automata.
pub(super) fn has(k: usize) -> bool {
    INDEX.get(k).is_some_and(|&(start, _, end)| start != end)
}

/// How many bytes the automata take in the binary.
#[cfg(test)]
pub(super) fn size() -> usize {
    ALIGNED.bytes.len()
}
