//! Applying a suggested rewrite to the text it was found in.

use std::ops::Range;

/// `text` with `span` replaced by `replacement`, reading well afterwards: a replacement that
/// opens a sentence starts with a capital, removing a word that opened a sentence capitalises
/// the next one, and no double space is left behind. A span outside the text, or not on
/// character boundaries, leaves the text as it is.
pub fn apply_rewrite(text: &str, span: Range<usize>, replacement: &str) -> String {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return text.to_string();
    };
    if span.start > span.end {
        return text.to_string();
    }
    let opens = opens_sentence(before);
    let mut middle = replacement.to_string();
    let mut after = after.to_string();
    if opens {
        if middle.is_empty() {
            after = capitalise(&after);
        } else {
            middle = capitalise(&middle);
        }
    } else if !middle.is_empty() && span.start < text.len() && !text[span.start..].starts_with(char::is_uppercase) {
        // Keep a lowercase start in mid-sentence even when the rewrite was written capitalised.
        middle = lowercase_first(&middle);
    }
    let mut out = String::with_capacity(text.len() + replacement.len());
    out.push_str(before);
    out.push_str(&middle);
    if middle.is_empty() && before.ends_with(' ') && after.starts_with([' ', ',', '.', ';']) {
        out.pop();
    }
    out.push_str(&after);
    out
}

/// Whether text ending in `before` is at the start of a sentence.
fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\t', '*', '_', '"', '(']);
    t.is_empty()
        || t.ends_with(['.', '!', '?', '\n', '|', ':'])
        || t.ends_with("- ")
        || t.trim_end().ends_with(['-', '#'])
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // An acronym or a name keeps its capital.
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_keep_sentences_well_formed() {
        let t = "Obviously, the cache was cold. The root cause was a timeout.";
        assert_eq!(apply_rewrite(t, 0..11, ""), "The cache was cold. The root cause was a timeout.");
        assert_eq!(
            apply_rewrite(t, 31..45, "a contributing factor"),
            "Obviously, the cache was cold. A contributing factor was a timeout."
        );
        assert_eq!(apply_rewrite("We just restart it", 3..8, ""), "We restart it");
        assert_eq!(apply_rewrite("abc", 2..9, "x"), "abc", "a span past the end changes nothing");
    }
}
