//! A rule's pattern and how it is compiled: lazily, the first time a text could match it,
//! case-insensitive, with ASCII word boundaries and Unicode only in the classes that need it.

use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;

/// A pattern compiled the first time a text could match it: compiling all of them costs
/// tens of milliseconds and megabytes, and a document needs few.
#[derive(Debug, Clone)]
pub(super) struct Lazy {
    source: String,
    /// Compiled without a lazy DFA: half the compiling, for the editor's first check.
    quick: OnceLock<Option<Regex>>,
    /// Compiled with one: many times faster on long texts, and on short ones once warm.
    full: OnceLock<Option<Regex>>,
}

/// The longest text the quickly compiled pattern searches (with a backtracker, as fast as a
/// cold lazy DFA on a paragraph; on a whole Markdown file the DFA is many times faster).
const SHORT: usize = 8 * 1024;

impl Lazy {
    /// A pattern, compiled later (`RuleSet::compile_all` checks that the built-in ones do).
    pub fn new(source: String) -> Lazy {
        Lazy { source, quick: OnceLock::new(), full: OnceLock::new() }
    }

    /// The pattern compiled to search `text` (`None` only for a pattern too large to build,
    /// which the tests rule out for the built-in rules): fully compiled, unless only the
    /// quick form is there yet and `text` is short.
    pub fn for_text(&self, text: &str) -> Option<&Regex> {
        if self.full.get().is_none()
            && text.len() <= SHORT
            && let Some(quick) = self.quick.get()
        {
            return quick.as_ref();
        }
        self.full()
    }

    /// The pattern compiled quickly, without a lazy DFA: what the editor's first check uses,
    /// so that the findings are on its first frame sooner.
    pub fn quick(&self) -> Option<&Regex> {
        self.quick.get_or_init(|| regex_for(&self.source, false).ok()).as_ref()
    }

    /// The pattern fully compiled, with a lazy DFA.
    pub fn full(&self) -> Option<&Regex> {
        self.full.get_or_init(|| regex_for(&self.source, true).ok()).as_ref()
    }

    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Patterns are case-insensitive, and `\b` means an ASCII word boundary: a Unicode one would
/// stop the fast automaton on the first non-ASCII byte (a curly quote, an em dash).
pub(super) fn regex(source: &str) -> Result<Regex, Box<meta::BuildError>> {
    regex_for(source, true)
}

/// As [`regex`]; `long_texts` adds the lazy DFA, worth its compiling only on long texts.
fn regex_for(source: &str, long_texts: bool) -> Result<Regex, Box<meta::BuildError>> {
    // ASCII matching where the pattern allows it: English wording needs no Unicode case
    // folding, and the automata are many times smaller and quicker to build. A class that
    // holds non-ASCII characters (`[\w'’-]`) or is negated (`[^.;]`, which would otherwise
    // match half a character) keeps Unicode, on its own.
    let source = unicode_classes(&source.replace(r"\b", r"(?-u:\b)"));
    // No literal prefilters (the trigger-word gate has already said the pattern can match,
    // and building them cost most of the compile time), no one-pass DFA, and a small
    // lazy-DFA cache: a hundred patterns with the default 2 MB each would make the editor
    // several times larger than the text it edits. Groups are read only when named (a
    // rewrite's `${rest}`): the others would cost states.
    let named = source.contains("(?P<") || source.contains("(?<");
    let captures = if named { WhichCaptures::All } else { WhichCaptures::Implicit };
    let config = meta::Config::new()
        .auto_prefilter(false)
        .onepass(false)
        .which_captures(captures)
        .hybrid(long_texts)
        .nfa_size_limit(Some(1 << 22))
        .hybrid_cache_capacity(1 << 16);
    let build = |unicode: bool| {
        meta::Builder::new()
            .configure(config.clone())
            .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
            .build(&source)
            .map_err(Box::new)
    };
    build(false).or_else(|_| build(true))
}

/// `source` with each bracketed class that is negated or holds a non-ASCII character wrapped
/// in `(?u:...)`.
fn unicode_classes(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                out.extend(chars.get(i..i + 2).unwrap_or(&chars[i..]));
                i += 2;
            }
            '[' => {
                let end = class_end(&chars, i);
                let class: String = chars[i..end].iter().collect();
                let body = &chars[i + 1..end.saturating_sub(1)];
                let plain = |c: &char| !matches!(c, '\\' | '[' | ']' | '^' | '-' | '&' | '~');
                if !class.is_ascii() && !body.is_empty() && body.iter().all(plain) {
                    // A few plain characters (`['’]`): an alternation keeps the pattern ASCII,
                    // many times quicker to compile than a Unicode class.
                    let each: Vec<String> = body.iter().map(|c| regex_syntax::escape(&c.to_string())).collect();
                    out.push_str(&format!("(?:{})", each.join("|")));
                } else if chars.get(i + 1) == Some(&'^') || !class.is_ascii() {
                    out.push_str("(?u:");
                    out.push_str(&class);
                    out.push(')');
                } else {
                    out.push_str(&class);
                }
                i = end;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The index just past the class opening at `start` (nested classes, escapes, `[:alpha:]`,
/// and a `]` first in the class taken as a literal).
fn class_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    let mut depth = 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' if chars.get(i + 1) == Some(&':') => {
                if let Some(close) =
                    (i + 2..chars.len().saturating_sub(1)).find(|&j| chars[j] == ':' && chars[j + 1] == ']')
                {
                    i = close + 1;
                }
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
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

    /// A pattern compiled only the quick way searches short texts with that; a long text, or
    /// any text once it is fully compiled, gets the full form (both find the same).
    #[test]
    fn the_quick_form_serves_short_texts_until_the_full_one_is_there() {
        let lazy = Lazy::new(r"\bhuman errors?\b".to_string());
        let quick = lazy.quick().unwrap() as *const Regex;
        let short = "It was human error.";
        assert_eq!(lazy.for_text(short).unwrap() as *const Regex, quick);
        let long = format!("{} human error.", "The pool filled up. ".repeat(500));
        let full = lazy.for_text(&long).unwrap() as *const Regex;
        assert_ne!(full, quick, "a long text compiles the full form");
        assert_eq!(lazy.for_text(short).unwrap() as *const Regex, full, "which then serves all");
        assert_eq!(
            lazy.quick().unwrap().find_iter(long.as_str()).map(|m| m.range()).collect::<Vec<_>>(),
            lazy.full().unwrap().find_iter(long.as_str()).map(|m| m.range()).collect::<Vec<_>>()
        );
    }
}
