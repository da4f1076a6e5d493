//! How far a pattern's matches can reach around one of its trigger words: at most
//! `max_len` bytes long, and never across a character the pattern cannot match (a line
//! break, a full stop, a semicolon…). With the gate's trigger words found in a text, this
//! bounds each pattern's search to the windows around them that hold a word of each of its
//! sets (see `gate.rs`), a few sentences rather than the whole text. Exact: every match
//! contains a trigger word of each set and lies in such a window. Pure analysis over
//! `regex_syntax`, with no other dependency: `build.rs` includes this file to work it out for
//! the built-in rules ahead of time; the same source rewriting is used to compile patterns.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// The characters a window never crosses when the pattern cannot match them; bit `i` of
/// [`Reach::seps`] is `SEPARATORS[i]`.
pub const SEPARATORS: [u8; 16] =
    [b'\n', b'.', b';', b',', b'!', b'?', b'|', b':', b'(', b')', b'"', b'[', b']', b'\t', b'`', b'*'];

/// For each byte, its bit in [`SEPARATORS`] (0: not a separator).
pub const SEPARATOR_BITS: [u16; 256] = {
    let mut bits = [0u16; 256];
    let mut i = 0;
    while i < SEPARATORS.len() {
        bits[SEPARATORS[i] as usize] = 1 << i;
        i += 1;
    }
    bits
};

/// How far a pattern's matches reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// The longest match, in bytes (`u32::MAX`: no bound).
    pub max_len: u32,
    /// The separators (bits of [`SEPARATORS`]) no match holds.
    pub seps: u16,
}

impl Reach {
    /// No bound: the pattern is searched in the whole text.
    pub const ANY: Reach = Reach { max_len: u32::MAX, seps: 0 };
}

/// The reach of `source` as [`super::pattern`] compiles it (case-insensitive, ASCII where the
/// pattern allows); [`Reach::ANY`] when it cannot be read or looks at the end of the text.
pub fn reach(source: &str) -> Reach {
    let source = compiled_source(source);
    let parse = |unicode: bool| {
        regex_syntax::ParserBuilder::new().case_insensitive(true).unicode(unicode).build().parse(&source).ok()
    };
    let Some(hir) = parse(false).or_else(|| parse(true)) else { return Reach::ANY };
    let looks = hir.properties().look_set();
    if looks.contains(Look::End) || looks.contains(Look::EndLF) || looks.contains(Look::EndCRLF) {
        return Reach::ANY;
    }
    let max_len = hir.properties().maximum_len().map_or(u32::MAX, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let mut can = 0u16;
    matchable(&hir, &mut can);
    Reach { max_len, seps: !can }
}

/// Sets the bits of the separators `hir` can match.
fn matchable(hir: &Hir, can: &mut u16) {
    let mark = |can: &mut u16, lo: u32, hi: u32| {
        for (i, &c) in SEPARATORS.iter().enumerate() {
            if (lo..=hi).contains(&u32::from(c)) {
                *can |= 1 << i;
            }
        }
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(l) => l.0.iter().for_each(|&b| mark(can, u32::from(b), u32::from(b))),
        HirKind::Class(Class::Unicode(c)) => c.iter().for_each(|r| mark(can, u32::from(r.start()), u32::from(r.end()))),
        HirKind::Class(Class::Bytes(c)) => c.iter().for_each(|r| mark(can, u32::from(r.start()), u32::from(r.end()))),
        HirKind::Repetition(r) => matchable(&r.sub, can),
        HirKind::Capture(c) => matchable(&c.sub, can),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().for_each(|h| matchable(h, can)),
    }
}

/// The source as it is compiled: `\b` is an ASCII word boundary, and classes that need
/// Unicode have it on their own (see [`unicode_classes`]).
pub fn compiled_source(source: &str) -> String {
    unicode_classes(&source.replace(r"\b", r"(?-u:\b)"))
}

/// `source` with each bracketed class that is negated or holds a non-ASCII character wrapped
/// in `(?u:...)`.
pub fn unicode_classes(source: &str) -> String {
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
pub fn class_end(chars: &[char], start: usize) -> usize {
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
    use super::*;

    fn bit(c: u8) -> u16 {
        1 << SEPARATORS.iter().position(|&s| s == c).unwrap_or(0)
    }

    #[test]
    fn a_pattern_reaches_as_far_as_its_longest_match_and_no_further_than_a_separator() {
        let r = reach(r"\bhuman errors?\b");
        assert_eq!(r.max_len, 12);
        assert_eq!(r.seps, u16::MAX, "no separator can be in a match");
        let r = reach(r"\bforgot (?:\w+ly )?to\b");
        assert_eq!(r.max_len, u32::MAX);
        assert_ne!(r.seps & bit(b'\n'), 0);
        // A negated class holds line breaks and commas, not what it leaves out.
        let r = reach(r"\bignored\b[^.;]{0,60}\bby design\b");
        assert!(r.max_len < 400);
        assert_eq!(r.seps & (bit(b'\n') | bit(b',')), 0);
        assert_eq!(r.seps & bit(b'.'), bit(b'.'));
        assert_eq!(r.seps & bit(b';'), bit(b';'));
        // A dot matches anything but a line break; `$` looks at the end of the text.
        assert_eq!(reach(r"a.b").seps & bit(b'.'), 0);
        assert_eq!(reach(r"\bminutes\b(?:[.;]|$)"), Reach::ANY);
    }
}
