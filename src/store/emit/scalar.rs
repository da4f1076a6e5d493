//! Scalars: when a string may be written plain, as a literal block or double-quoted, and
//! how numbers are spelled so YAML 1.1 and 1.2 readers see the same value.

use serde_yaml::Number;

/// Lowercased words that YAML 1.1 or 1.2 resolve to null, a bool, a special
/// float, a merge key or a "value" key. Matching in lowercase is stricter than
/// either spec (`yEs` is a string there) but keeps the rule easy to trust.
const RESERVED_WORDS: &[&str] = &[
    "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
];

/// Characters that may not start a plain scalar (YAML indicators, plus the
/// reserved `@` and backtick).
const INDICATORS: &[char] =
    &['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'];

/// Integers as they are; floats always with a `.` and a signed exponent
/// (`1.0e+20`, not ryu's `1e20`), the only shape YAML 1.1 reads as a float.
pub(super) fn number(n: &Number) -> String {
    let text = n.to_string();
    if !n.is_f64() || n.is_nan() || n.is_infinite() {
        return text; // integers, `.nan`, `.inf`, `-.inf`
    }
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (text.as_str(), None),
    };
    let mut out = mantissa.to_owned();
    if !out.contains('.') {
        out.push_str(".0");
    }
    if let Some(exponent) = exponent {
        out.push('e');
        if !exponent.starts_with('-') {
            out.push('+');
        }
        out.push_str(exponent);
    }
    out
}

/// Characters that only a double-quoted escape can carry: YAML's
/// non-printables (C0 except tab/LF/CR, DEL, C1, U+FFFE/U+FFFF), plus the
/// YAML 1.1 line breaks U+0085/U+2028/U+2029 and the byte order mark, which
/// readers would otherwise fold or strip.
fn must_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `s` can be written without quotes and read back as the same string
/// by YAML 1.1 and 1.2 readers alike. Deliberately conservative.
pub(super) fn plain_ok(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false; // the empty string reads as null
    };
    // Anything starting like a number, date, time or sexagesimal (`1:30`).
    let numeric = first.is_ascii_digit()
        || (matches!(first, '+' | '-' | '.') && second.is_some_and(|c| c.is_ascii_digit() || c == '.'));
    !(numeric
        || INDICATORS.contains(&first)
        || first.is_whitespace()
        || s.ends_with(char::is_whitespace)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains([',', '[', ']', '{', '}'])
        || s.chars().any(|c| matches!(c, '\t' | '\n' | '\r') || must_escape(c))
        || RESERVED_WORDS.contains(&s.to_lowercase().as_str()))
}

/// Whether `s` is multi-line and a literal block scalar reproduces it exactly.
/// `last`: the scalar ends the document, where the extra empty lines of a
/// `|+` block would break the "exactly one final newline" promise.
pub(super) fn literal_ok(s: &str, last: bool) -> bool {
    if !s.contains('\n') || (last && s.ends_with("\n\n")) {
        return false;
    }
    // Readers normalise CR and the YAML 1.1 line breaks inside blocks.
    let unrepresentable = s.chars().any(|c| c == '\r' || must_escape(c));
    // With only blanks the chomping rules cannot tell content from padding.
    let blank = s.chars().all(|c| matches!(c, ' ' | '\t' | '\n'));
    !unrepresentable && !blank
}

pub(super) fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c if must_escape(c) => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
