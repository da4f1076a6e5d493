//! The sentences of running text, as the import reads times and days in them.

use std::sync::LazyLock;

use regex::Regex;

/// The sentences of a text: ending at `.`, `!` or `?` followed by a space or the end, so that
/// `StrategyProxy.deposit(...)` and `v1.2` stay whole, and "at 10 a.m. on Friday" too (a
/// dotted am/pm ends a sentence only before a capital).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let tail = &text.as_bytes()[end.saturating_sub(4)..end];
        let meridiem = (tail.eq_ignore_ascii_case(b"a.m.") || tail.eq_ignore_ascii_case(b"p.m."))
            && text[end..].trim_start().chars().next().is_some_and(|ch| !ch.is_uppercase());
        if matches!(c, '.' | '!' | '?') && !meridiem && text[end..].chars().next().is_none_or(char::is_whitespace) {
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Words before a time that tell what was done then: a verb in the past ("deployed", "was
/// onsite", "began"), and nothing of a schedule or of what would happen.
pub fn told_in_the_past(before: &str) -> bool {
    static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:[a-z]{3,}ed|was|were|began|came|ran|took|saw|found|made|got|went|brought|sent|rebuilt|built)\b",
        )
        .ok()
    });
    static NOT: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:every|each|daily|nightly|hourly|scheduled|would|will|should|could|usually|normally|planned|expected)\b").ok()
    });
    PAST.as_ref().is_some_and(|re| re.is_match(before)) && !NOT.as_ref().is_some_and(|re| re.is_match(before))
}
