//! A rule's pattern and how it is compiled: lazily, the first time a text could match it,
//! case-insensitive, with ASCII word boundaries and Unicode only in the classes that need it.

use std::ops::{Deref, Range};
use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;

use super::reach::{class_end, unicode_classes};
use super::sieve::Sieve;

/// A pattern compiled the first time a text could match it: compiling all of them costs
/// tens of milliseconds and megabytes, and a document needs few.
#[derive(Debug, Clone)]
pub(super) struct Lazy {
    source: String,
    /// Compiled quickly (regex-lite where it finds the same matches, see [`Compiled::Lite`]),
    /// for the editor's first check.
    quick: OnceLock<Option<Compiled>>,
    /// Compiled with a lazy DFA: many times faster on long texts, and on short ones once warm.
    full: OnceLock<Option<Compiled>>,
    /// For a text longer than [`LONG`]: the full form with literal prefilters.
    long: OnceLock<Option<Compiled>>,
    /// Its trigger words (see `triggers.rs`), read the first time [`Lazy::may_match`] asks.
    triggers: OnceLock<Vec<Vec<String>>>,
    sieve: Sieve,
}

/// The shortest text worth the literal prefilters' compiling (about 0.15 ms a pattern): on a
/// whole long file nearly every pattern is open, and the prefilters keep each search off the
/// slow engines (1 MB of Markdown: 500 -> 330 ms), while a typical file would pay more in
/// compiling than it saves.
const LONG: usize = 96 * 1024;

/// The longest text the quickly compiled pattern searches (mostly regex-lite's PikeVM: on a
/// paragraph, microseconds; on a whole Markdown file the lazy DFA is many times faster).
const SHORT: usize = 8 * 1024;

impl Lazy {
    /// A pattern, compiled later (`RuleSet::compile_all` checks that the built-in ones do).
    pub fn new(source: String) -> Lazy {
        let (quick, full, long, triggers) = (OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new());
        Lazy { source, quick, full, long, triggers, sieve: Sieve::default() }
    }

    /// The pattern compiled to search `text` (`None` only for a pattern too large to build,
    /// which the tests rule out for the built-in rules): the full form, unless `quick` forms
    /// are preferred, `text` is short and the full form is not there (then the quick one,
    /// waited for if another thread is compiling it).
    pub fn for_text(&self, text: &str, quick: bool) -> Option<&Compiled> {
        if text.len() > LONG && !quick {
            return self.long.get_or_init(|| regex_for(&self.source, true, true).ok().map(Compiled::Meta)).as_ref();
        }
        match self.full.get() {
            Some(full) => full.as_ref(),
            None if quick && text.len() <= SHORT => self.quick(),
            None => self.full(),
        }
    }

    /// As [`Lazy::for_text`], for the searches of one text: a quick form comes as a copy that
    /// shares the compiled automaton but has search caches of its own, let go with it. Kept
    /// in the pattern, those caches (one per thread that searched, tens to hundreds of
    /// kilobytes a pattern) were a third of a typical editor's memory at its peak; made for
    /// each text, they cost a few microseconds. The full forms keep theirs: `lint` searches
    /// thousands of texts with the same patterns.
    pub fn searcher(&self, text: &str, quick: bool) -> Option<Searcher<'_>> {
        let compiled = self.for_text(text, quick)?;
        let is_quick = self.quick.get().and_then(Option::as_ref).is_some_and(|q| std::ptr::eq(q, compiled));
        Some(if is_quick { Searcher::Own(compiled.clone()) } else { Searcher::Shared(compiled) })
    }

    /// The pattern compiled quickly: what the editor's first check uses, so that the findings
    /// are on its first frame sooner.
    pub fn quick(&self) -> Option<&Compiled> {
        self.quick.get_or_init(|| Compiled::quick(&self.source)).as_ref()
    }

    /// The pattern fully compiled, with a lazy DFA.
    pub fn full(&self) -> Option<&Compiled> {
        self.full.get_or_init(|| regex_for(&self.source, true, false).ok().map(Compiled::Meta)).as_ref()
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Its sieve (see `sieve.rs`), for `windows` more searches of its full form.
    pub fn sieve(&self, windows: usize) -> Option<&Regex> {
        self.sieve.after(&self.source, windows)
    }

    /// Whether the pattern can match `lower` (a text with its ASCII letters in lower case):
    /// false when the text lacks every word of one of its trigger sets (read the first time
    /// this is asked), so that a rule's exceptions are neither compiled nor run where they
    /// cannot match.
    pub fn may_match(&self, lower: &str) -> bool {
        let sets = self.triggers.get_or_init(|| super::triggers::triggers(&self.source));
        sets.iter().all(|set| set.iter().any(|word| lower.contains(word.as_str())))
    }
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(super) enum Compiled {
    /// The regex crate's engines (see [`regex`]).
    Meta(Regex),
    /// regex-lite: compiled about five times faster (~0.4 ms instead of ~2.2 for the twenty
    /// patterns a typical document opens), searched more slowly, which on a section is
    /// microseconds. Only for a pattern it reads exactly as [`regex`] does: see [`lite_reads_alike`].
    Lite(regex_lite::Regex),
}

/// A compiled pattern lent for one text's searches (see [`Lazy::searcher`]).
pub(super) enum Searcher<'a> {
    /// The pattern's own, with the search caches it keeps.
    Shared(&'a Compiled),
    /// A copy with caches of its own, which go when it does.
    Own(Compiled),
}

impl Deref for Searcher<'_> {
    type Target = Compiled;
    fn deref(&self) -> &Compiled {
        match self {
            Searcher::Shared(c) => c,
            Searcher::Own(c) => c,
        }
    }
}

/// One match: where it is, and its named groups (those that took no part have no range).
pub(super) struct Found<'r> {
    pub range: Range<usize>,
    groups: Vec<(&'r str, Option<Range<usize>>)>,
}

impl Found<'_> {
    /// The range of the named group `name`, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<Range<usize>> {
        self.groups.iter().find(|(n, _)| *n == name).and_then(|(_, r)| r.clone())
    }

    /// The match moved `by` bytes on: for a match in a piece of a longer text.
    pub fn shifted(mut self, by: usize) -> Self {
        self.range = self.range.start + by..self.range.end + by;
        for (_, r) in &mut self.groups {
            if let Some(r) = r {
                *r = r.start + by..r.end + by;
            }
        }
        self
    }

    /// Every named group of the pattern, in order.
    pub fn groups(&self) -> impl Iterator<Item = (&str, Option<Range<usize>>)> {
        self.groups.iter().map(|(n, r)| (*n, r.clone()))
    }
}

impl Compiled {
    /// regex-lite when it reads `source` as [`regex`] does, else the regex crate without a
    /// lazy DFA.
    fn quick(source: &str) -> Option<Compiled> {
        if lite_reads_alike(source)
            && let Ok(lite) = regex_lite::RegexBuilder::new(source).case_insensitive(true).build()
        {
            return Some(Compiled::Lite(lite));
        }
        regex_for(source, false, false).ok().map(Compiled::Meta)
    }

    /// Every match in `text`, leftmost first, with its named groups.
    pub fn matches(&self, text: &str) -> Vec<Found<'_>> {
        self.matches_in(text, 0..text.len())
    }

    /// Every match in `text` that starts in `window`, as [`Compiled::matches`] finds them in
    /// the whole text, for a window that holds every match starting in it (see
    /// `Gate::windows`) and ends where a word does not go on.
    pub fn matches_in(&self, text: &str, window: Range<usize>) -> Vec<Found<'_>> {
        match self {
            Compiled::Meta(regex) => {
                let input = regex_automata::Input::new(text).span(window);
                let names: Vec<&str> =
                    regex.group_info().pattern_names(regex_automata::PatternID::ZERO).flatten().collect();
                if names.is_empty() {
                    return regex.find_iter(input).map(|m| Found { range: m.range(), groups: Vec::new() }).collect();
                }
                regex
                    .captures_iter(input)
                    .filter_map(|caps| {
                        let range = caps.get_match()?.range();
                        let groups = names.iter().map(|&n| (n, caps.get_group_by_name(n).map(|g| g.range()))).collect();
                        Some(Found { range, groups })
                    })
                    .collect()
            }
            Compiled::Lite(regex) if window == (0..text.len()) => {
                let names: Vec<&str> = regex.capture_names().flatten().collect();
                if names.is_empty() {
                    return regex.find_iter(text).map(|m| Found { range: m.range(), groups: Vec::new() }).collect();
                }
                regex
                    .captures_iter(text)
                    .filter_map(|caps| {
                        let range = caps.get(0)?.range();
                        let groups = names.iter().map(|&n| (n, caps.name(n).map(|g| g.range()))).collect();
                        Some(Found { range, groups })
                    })
                    .collect()
            }
            Compiled::Lite(regex) => {
                // regex-lite searches from a place with the text before it in view; the text
                // after the window is cut off, which the window's end allows.
                let text = &text[..window.end];
                let names: Vec<&str> = regex.capture_names().flatten().collect();
                let mut out = Vec::new();
                let mut at = window.start;
                while at <= text.len() {
                    let found = if names.is_empty() {
                        regex.find_at(text, at).map(|m| Found { range: m.range(), groups: Vec::new() })
                    } else {
                        regex.captures_at(text, at).and_then(|caps| {
                            let range = caps.get(0)?.range();
                            let groups = names.iter().map(|&n| (n, caps.name(n).map(|g| g.range()))).collect();
                            Some(Found { range, groups })
                        })
                    };
                    let Some(found) = found else { break };
                    // An empty match cannot be one (the pattern has trigger words): step on.
                    at = if found.range.is_empty() {
                        found.range.end + text[found.range.end..].chars().next().map_or(1, char::len_utf8)
                    } else {
                        found.range.end
                    };
                    out.push(found);
                }
                out
            }
        }
    }

    /// Whether the pattern matches somewhere in `text`.
    #[cfg(test)]
    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Compiled::Meta(regex) => regex.is_match(text),
            Compiled::Lite(regex) => regex.is_match(text),
        }
    }
}

/// Whether regex-lite, case-insensitive, finds exactly what [`regex`] finds with `source`.
/// regex-lite is ASCII-only where it differs: its `\w`, `\s`, `\d` and case folding are
/// ASCII's, and it has no `\p{..}`. [`regex`] reads a pattern the same way — ASCII, with
/// Unicode only in negated or non-ASCII bracketed classes — unless the pattern holds what
/// ASCII mode cannot build (`.`, `\W`, `\S`, `\D`, `\B`, `\p`), which then makes it all
/// Unicode; and its Unicode classes differ from regex-lite's when they hold a class escape
/// or an ASCII letter (Unicode case folding adds `K` to `k` and `ſ` to `s`). Those patterns
/// are left to the regex crate.
pub(super) fn lite_reads_alike(source: &str) -> bool {
    let chars: Vec<char> = source.chars().collect();
    let class_escape = |c: char| matches!(c, 'w' | 'W' | 's' | 'S' | 'd' | 'D' | 'p' | 'P' | 'b' | 'B');
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                if matches!(chars.get(i + 1), Some('W' | 'S' | 'D' | 'B' | 'p' | 'P' | 'X' | 'C' | 'x' | 'u' | 'U')) {
                    return false;
                }
                i += 2;
            }
            '.' => return false,
            '[' => {
                let end = class_end(&chars, i);
                let body = &chars[i + 1..end.saturating_sub(1)];
                let negated = body.first() == Some(&'^');
                let unicode = negated || body.iter().any(|c| !c.is_ascii());
                if unicode {
                    let mut k = 0;
                    while k < body.len() {
                        match body[k] {
                            '\\' if body.get(k + 1).is_some_and(|&c| class_escape(c)) => return false,
                            '\\' => k += 1,
                            '[' if k > 0 => return false,
                            c if c.is_ascii_alphabetic() => return false,
                            _ => {}
                        }
                        k += 1;
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    true
}

/// Patterns are case-insensitive, and `\b` means an ASCII word boundary: a Unicode one would
/// stop the fast automaton on the first non-ASCII byte (a curly quote, an em dash).
pub(super) fn regex(source: &str) -> Result<Regex, Box<meta::BuildError>> {
    regex_for(source, true, false)
}

/// As [`regex`]; `long_texts` adds the lazy DFA, worth its compiling only on long texts.
fn regex_for(source: &str, long_texts: bool, prefilter: bool) -> Result<Regex, Box<meta::BuildError>> {
    // ASCII matching where the pattern allows it: English wording needs no Unicode case
    // folding, and the automata are many times smaller and quicker to build. A class that
    // holds non-ASCII characters (`[\w'’-]`) or is negated (`[^.;]`, which would otherwise
    // match half a character) keeps Unicode, on its own.
    let source = unicode_classes(&source.replace(r"\b", r"(?-u:\b)"));
    // Literal prefilters only for very long texts (see [`LONG`]): the trigger-word gate has
    // already said the pattern can match, and building them costs most of the compile time.
    // A small lazy-DFA cache for short texts: a hundred patterns with the default 2 MB each
    // would make the editor several times larger than the text it edits; on long texts a
    // 512 KB cache keeps the search off the slow engines. No one-pass DFA. Groups are read only when named (a
    // rewrite's `${rest}`): the others would cost states.
    let named = source.contains("(?P<") || source.contains("(?<");
    let captures = if named { WhichCaptures::All } else { WhichCaptures::Implicit };
    let config = meta::Config::new()
        .auto_prefilter(prefilter)
        .onepass(false)
        .which_captures(captures)
        .hybrid(long_texts)
        .nfa_size_limit(Some(1 << 22))
        .hybrid_cache_capacity(if long_texts { 1 << 19 } else { 1 << 16 });
    let build = |unicode: bool| {
        meta::Builder::new()
            .configure(config.clone())
            .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
            .build(&source)
            .map_err(Box::new)
    };
    build(false).or_else(|_| build(true))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ascii_patterns_keep_unicode_only_in_the_classes_that_need_it() {
        assert_eq!(unicode_classes(r"a[^.;]{0,60}b"), r"a(?u:[^.;]){0,60}b");
        assert_eq!(unicode_classes(r"didn['’]t [\w-]+"), r"didn(?:'|’)t [\w-]+");
        assert_eq!(unicode_classes(r"x[\w'’-]"), r"x(?u:[\w'’-])");
        assert_eq!(unicode_classes(r"x[]a][[:alpha:]\]]\[y"), r"x[]a][[:alpha:]\]]\[y");
        let r = regex(r"\bhow could [\w'’-]+ miss\b").unwrap();
        assert!(r.is_match("How could Zoë miss it"));
        assert!(regex(r"\bignored\b[^.;]{0,60}\bby design\b").unwrap().is_match("ignored — bien sûr — by design"));
    }

    /// A checker that prefers the quick forms searches short texts with them; a long text, or
    /// any text once the full form is compiled, gets that (both find the same); one that does
    /// not prefer them always gets the full form.
    #[test]
    fn the_quick_form_serves_short_texts_until_the_full_one_is_there() {
        let lazy = Lazy::new(r"\bhuman errors?\b".to_string());
        let bulk = Lazy::new(lazy.source().to_string());
        bulk.for_text("It was human error.", false);
        assert!(bulk.quick.get().is_none() && bulk.full.get().is_some());
        let quick = lazy.quick().unwrap() as *const Compiled;
        let short = "It was human error.";
        assert_eq!(lazy.for_text(short, true).unwrap() as *const Compiled, quick);
        let long = format!("{} human error.", "The pool filled up. ".repeat(500));
        let full = lazy.for_text(&long, true).unwrap() as *const Compiled;
        assert_ne!(full, quick, "a long text compiles the full form");
        assert_eq!(lazy.for_text(short, true).unwrap() as *const Compiled, full, "which then serves all");
        let ranges = |c: &Compiled| c.matches(&long).into_iter().map(|f| f.range).collect::<Vec<_>>();
        assert_eq!(ranges(lazy.quick().unwrap()), ranges(lazy.full().unwrap()));
    }

    /// A quick form is lent as a copy (the search caches made for a text go with it) that
    /// finds what the pattern's own form finds; a full form is lent as it is.
    #[test]
    fn quick_forms_are_lent_as_copies_full_forms_as_they_are() {
        let lazy = Lazy::new(r"\b(?P<who>\w+) forgot\b".to_string());
        let text = "It was late. Dave forgot the flag, and Ann forgot too.";
        let lent = lazy.searcher(text, true).unwrap();
        let own = lazy.quick().unwrap();
        assert!(matches!(lent, Searcher::Own(_)) && !std::ptr::eq(&*lent, own));
        let seen = |c: &Compiled| c.matches(text).iter().map(|f| (f.range.clone(), f.group("who"))).collect::<Vec<_>>();
        assert_eq!(seen(&lent), vec![(13..24, Some(13..17)), (39..49, Some(39..42))]);
        assert_eq!(seen(&lent), seen(own));
        let bulk = Lazy::new(lazy.source().to_string());
        let full = bulk.searcher(text, false).unwrap();
        assert!(matches!(full, Searcher::Shared(c) if std::ptr::eq(c, bulk.full().unwrap())));
        assert_eq!(seen(&full), seen(own));
    }
}
