//! Words and sentences, just enough for the context checks. Works on byte offsets into the
//! (masked) text so spans stay valid.

use std::ops::Range;

/// A word: letters and digits, with inner `'`, `’`, `-`, `.`, `:`, `/`, `@` (so "on-call",
/// "Dave's", "14:02" and "node.js" are one word each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ':' | '/' | '@')
}

/// The words in `range` of `text`.
pub(super) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    // A reversed range reads no words rather than panicking on a pattern that reaches past
    // its sentence.
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if is_joiner(d) && slice[j + d.len_utf8()..].chars().next().is_some_and(is_word) {
                chars.next();
            } else {
                break;
            }
        }
        out.push(Token { start: range.start + i, end: range.start + end });
    }
    out
}

/// Whether the text between two words breaks a phrase: a comma, a bracket, a quote, a dash.
pub(super) fn breaks(gap: &str) -> bool {
    gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '—' | '–' | '|' | '.'))
        || gap.contains(" - ")
}

/// The sentence around byte `at`: ended by `.`, `!` or `?` before a space (unless a
/// lowercase word follows, as after "e.g."), a table cell border, a list item, a heading or
/// a blank line. A single line break inside a paragraph does not end a sentence.
pub(super) fn sentence(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = at.min(bytes.len());
    while start > 0 {
        if is_boundary_before(text, start) {
            break;
        }
        start -= 1;
    }
    let mut end = at.min(bytes.len());
    while end < bytes.len() {
        match bytes[end] {
            b'|' => break,
            b'.' | b'!' | b'?' if ends_sentence(text, end) => {
                end += 1;
                break;
            }
            b'\n' if structural_break(text, end + 1) => break,
            _ => end += 1,
        }
    }
    start..end
}

/// Whether a sentence can start at byte `i` (the byte before it ends one).
fn is_boundary_before(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let b = bytes[i - 1];
    b == b'|'
        || (b == b'\n' && structural_break(text, i))
        || (b.is_ascii_whitespace()
            && i >= 2
            && matches!(bytes[i - 2], b'.' | b'!' | b'?')
            && ends_sentence(text, i - 2))
}

/// Whether the `.`/`!`/`?` at byte `i` ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    if text.as_bytes()[i] == b'.' && abbreviation(&text[..i]) {
        return false;
    }
    match rest.chars().next() {
        None => true,
        Some(c) if c.is_whitespace() || c == '"' || c == ')' || c == '*' || c == '_' => !rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | ')' | '*' | '_'))
            .starts_with(|c: char| c.is_lowercase()),
        _ => false,
    }
}

/// Whether `before` (the text up to a `.`) ends with an abbreviation that a capitalised word
/// often follows ("Dr. Lee", "e.g. Redis", "approx. 40 minutes", "No. 5").
fn abbreviation(before: &str) -> bool {
    const WORDS: [&str; 17] = [
        "e.g", "i.e", "etc", "vs", "approx", "mr", "ms", "mrs", "dr", "st", "no", "inc", "ltd", "cf", "fig", "ca", "jr",
    ];
    let word = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    let lower = word.to_lowercase();
    WORDS.contains(&lower.as_str()) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Whether the line starting at byte `i` starts a new block: blank, a list item, a heading,
/// a quote, a table row — or follows a blank line.
pub(super) fn structural_break(text: &str, i: usize) -> bool {
    let line = text[i..].split('\n').next().unwrap_or("");
    let trimmed = line.trim_start();
    let previous_blank = text[..i.saturating_sub(1)].rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
    previous_blank
        || trimmed.is_empty()
        // Markdown's list markers, and the bullets pasted from a word processor or a status
        // page ("• The master routing service …"), which Markdown leaves in the paragraph.
        || ["- ", "* ", "+ ", "#", ">", "|", "• ", "· ", "▪ ", "◦ ", "‣ "].iter().any(|m| trimmed.starts_with(m))
        || trimmed.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        || starts_with_time(trimmed)
        || bare_heading_before(text, i)
        || capital_opener_line(text, i, trimmed)
}

/// Whether a line that starts with a capitalised pronoun or determiner ("It is …", "The bot
/// …", "We …") after a line that stops without a full stop starts a sentence of its own:
/// comments and chat break lines where they end sentences, and a line wrapped inside a
/// sentence goes on in lower case.
fn capital_opener_line(text: &str, i: usize, line: &str) -> bool {
    const OPENERS: [&str; 15] = [
        "It", "This", "That", "These", "Those", "The", "We", "They", "He", "She", "There", "Our", "My", "Their", "Its",
    ];
    let previous = text[..i.saturating_sub(1)].rsplit('\n').next().unwrap_or("").trim_end();
    let first = line.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    !previous.is_empty()
        && !previous.ends_with([',', ';', ':', '(', '&', '-', '/'])
        && OPENERS.contains(&first)
        && line[first.len()..].starts_with(' ')
}

/// Whether the line before byte `i` is a heading written without Markdown ("Root Cause and
/// Resolution", "Issue Summary", "Timeline:") and the line at `i` starts a new sentence: a
/// short line with no closing punctuation, in title case or of three words at most, before a
/// capital. Student postmortems pasted as plain text are written this way.
pub(super) fn bare_heading_before(text: &str, i: usize) -> bool {
    let previous = text[..i.saturating_sub(1)].rsplit('\n').next().unwrap_or("").trim();
    let capital = |s: &str| s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if previous.is_empty() || previous.len() > 60 || !capital(previous) || !capital(text[i..].trim_start()) {
        return false;
    }
    if previous.ends_with(':') {
        return true;
    }
    if previous.ends_with(['.', ',', ';', '!', '?', '-', '(', '&']) {
        return false;
    }
    let words: Vec<&str> = previous.split_whitespace().collect();
    let title = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).all(|w| capital(w));
    let joined = words.last().is_some_and(|w| {
        ["and", "or", "but", "the", "a", "an", "to", "of", "for", "with", "by", "that", "which", "who"]
            .contains(&w.to_lowercase().as_str())
    });
    !joined && (words.len() <= 3 || (words.len() <= 8 && title))
}

/// "14:02 ..." or "2026-11-24 14:02 ...": a timeline line.
fn starts_with_time(line: &str) -> bool {
    let head = line.split_whitespace().next().unwrap_or("");
    head.len() >= 4 && head.starts_with(|c: char| c.is_ascii_digit()) && head.contains([':', '-'])
}

/// Whether the word is the first real word of its sentence: only times (with their zone or
/// am/pm), numbers and list markers come before it.
pub(super) fn opens_sentence(text: &str, sentence_start: usize, word: Token) -> bool {
    let mut after_time = false;
    tokens(text, sentence_start..word.start).iter().all(|t| {
        let w = t.text(text);
        // "09:15 GMT - Assumed …", "10:45 am (WAT)": a zone or am/pm after a time is the time's.
        let zone = after_time
            && ((2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
                || matches!(w.to_ascii_lowercase().as_str(), "am" | "pm"));
        after_time = w.chars().any(|c| c.is_ascii_digit()) || zone;
        after_time
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s, 0..s.len()).into_iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_keep_their_joiners() {
        assert_eq!(
            words("At 14:02, Dave's on-call job (node.js) failed."),
            ["At", "14:02", "Dave's", "on-call", "job", "node.js", "failed"]
        );
    }

    #[test]
    fn a_heading_without_markdown_ends_its_line() {
        let s = "Root Cause and Resolution\nThe outage was caused by a leak.\nWe paged Priya and\nDave restarted it.";
        let at = |w: &str| s.find(w).unwrap_or(0);
        assert_eq!(&s[sentence(s, at("outage"))], "The outage was caused by a leak.");
        assert_eq!(&s[sentence(s, at("Resolution"))], "Root Cause and Resolution");
        assert_eq!(&s[sentence(s, at("restarted"))], "We paged Priya and\nDave restarted it.");
    }

    #[test]
    fn sentences_end_where_prose_does() {
        let s = "The job ran, e.g. nightly. Dave forgot it!\nStill the same sentence? Yes.\n\n- item one\n| a | b |";
        let at = |w: &str| s.find(w).unwrap_or(0);
        assert_eq!(&s[sentence(s, at("nightly"))], "The job ran, e.g. nightly.");
        assert_eq!(&s[sentence(s, at("forgot"))], "Dave forgot it!");
        assert_eq!(&s[sentence(s, at("same"))], "Still the same sentence?");
        assert_eq!(&s[sentence(s, at("one"))], "- item one");
        assert_eq!(&s[sentence(s, at("a |"))], " a ");
        // A comment's lines that end sentences without a full stop.
        let c = "someone should slow the bot down or disable it\nIt is wasteful\nthe same line goes on";
        assert_eq!(&c[sentence(c, c.find("wasteful").unwrap_or(0))], "It is wasteful\nthe same line goes on");
        assert_eq!(&c[sentence(c, c.find("slow").unwrap_or(0))], "someone should slow the bot down or disable it");
        let t = "We paged Dr. Lee at 14:02, e.g. Redis and J. Doe. Dave forgot to renew example.io today.";
        assert_eq!(&t[sentence(t, t.find("Lee").unwrap_or(0))], "We paged Dr. Lee at 14:02, e.g. Redis and J. Doe.");
        assert_eq!(&t[sentence(t, t.find("forgot").unwrap_or(0))], "Dave forgot to renew example.io today.");
        // Bullets pasted from a status page, which Markdown leaves in one paragraph.
        let b = "  • A member linecard rebooted at 5:25 UTC\n  • The routing service switched over";
        assert_eq!(&b[sentence(b, b.find("routing").unwrap_or(0))], "  • The routing service switched over");
    }
}
