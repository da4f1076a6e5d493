//! The sentences of running text, as the import reads times and days in them.

use std::sync::LazyLock;

use regex::Regex;

/// The bullets of a list a copied page writes as text.
pub(super) const BULLETS: &[char] = &['•', '・', '●', '▪', '◦'];

/// The sentences of a text: ending at `.`, `!` or `?` followed by a space or the end (or by a
/// closing bracket, a space and a capital), so that
/// `StrategyProxy.deposit(...)` and `v1.2` stay whole, and "at 10 a.m. on Friday" too (a
/// dotted am/pm ends a sentence only before a capital); a bullet after a space starts one.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let tail = &text.as_bytes()[end.saturating_sub(4)..end];
        // (Nor before a weekday or a zone that says when: "at 1:30 p.m. Wednesday and", "p.m.
        // EST".)
        let meridiem = (tail.eq_ignore_ascii_case(b"a.m.") || tail.eq_ignore_ascii_case(b"p.m."))
            && (text[end..].trim_start().chars().next().is_some_and(|ch| !ch.is_uppercase())
                || says_when(&text[end..]));
        // ` • `, ` ・`: a bullet a copied page's list item opens with (its lines joined into one
        // paragraph) starts a sentence; `NX・MRS`, a middle dot between words, does not, nor one
        // below a day and time alone (`9月4日 11時20分`, what happened then).
        let said = text[start..i].chars().any(|c| c.is_alphabetic() && !"年月日時分頃".contains(c));
        if BULLETS.contains(&c) && text[..i].ends_with(char::is_whitespace) && said {
            out.push(&text[start..i]);
            start = i;
            continue;
        }
        // `。`: a Japanese or Chinese sentence's end, no space after it.
        if c == '。' {
            out.push(&text[start..end]);
            start = end;
            continue;
        }
        // "... at 22:36 CET (game time.) The portal ...": a stop inside a closing bracket, then a
        // capital.
        let closed = c == ')'
            && text[..i].ends_with(['.', '!', '?'])
            && text[end..].starts_with(char::is_whitespace)
            && text[end..].trim_start().starts_with(char::is_uppercase);
        let stop = matches!(c, '.' | '!' | '?')
            && !meridiem
            && !ordinal(text, i)
            && (c != '.' || !abbreviation(text, i))
            && text[end..].chars().next().is_none_or(char::is_whitespace);
        if closed || stop {
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `text` (what follows a dotted am/pm) opens with a weekday or a zone, then goes on as the
/// same sentence: "Wednesday and placed …", "EST, when …" (not "Wednesday. Then" nor "Water
/// was").
fn says_when(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else { return false };
    let word = first.trim_end_matches([',', ';']);
    let zone = word.chars().all(|c| c.is_ascii_uppercase()) && super::zone::zone_word(word).is_some();
    let weekday = super::weekdays::weekday_in(word).is_some() && word.chars().all(char::is_alphabetic);
    (zone || weekday)
        && !first.ends_with(['.', '!', '?'])
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || first.ends_with(','))
}

/// `około godz. 14 w sobotę`, `ca. 20 minutes`, `woj. zachodniopomorskim`: a dot after a short
/// word in lower case, then a word in lower case or a number, closes a shortened word, not a
/// sentence; so does one after a month's short name before a number (`Dec. 28`).
fn abbreviation(text: &str, dot: usize) -> bool {
    let word: String = text[..dot].chars().rev().take_while(|c| c.is_alphabetic()).collect();
    let short = (1..=5).contains(&word.chars().count()) && word.chars().all(char::is_lowercase);
    let before_word = text[..dot - word.len()].chars().next_back();
    let next = text[dot + 1..].trim_start().chars().next();
    // `Dec. 28`, `Sept. 3`: a month's short name before its day.
    let month = (3..=4).contains(&word.len())
        && super::months::month_word(&word.chars().rev().collect::<String>()).is_some()
        && next.is_some_and(|c| c.is_ascii_digit());
    (short || month)
        && before_word.is_none_or(|c| c.is_whitespace() || c == '(')
        && next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// `am 30.01. gegen 15:20`, `dem 2. Februar 2008`: a dot after a number, then a word in lower
/// case, a number or a month's name, closes a day's number (German writes them so), not a
/// sentence.
fn ordinal(text: &str, dot: usize) -> bool {
    if text[..dot].chars().next_back().is_none_or(|c| !c.is_ascii_digit()) || text.as_bytes().get(dot) != Some(&b'.') {
        return false;
    }
    let next = text[dot + 1..].trim_start();
    let word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    // `am 2. Weihnachtsfeiertag`: a German article before the number makes it an ordinal, the
    // noun after it capitalised as German nouns are.
    let number_at = text[..dot].trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = text[..number_at].trim_end().rsplit(char::is_whitespace).next().unwrap_or_default().to_lowercase();
    let article =
        ["am", "dem", "den", "der", "des", "zum", "vom", "im", "ab", "bis", "seit", "zur"].contains(&before.as_str());
    next.len() < text[dot + 1..].len()
        && (word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || super::dates::month_word(&word).is_some()
            || (article && dot - number_at <= 2))
}

static NOT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:every|each|daily|nightly|hourly|scheduled|would|will|should|could|usually|normally|planned|expected)\b").ok()
});

/// Words before a time that tell what was done then: a verb in the past ("deployed", "was
/// onsite", "began"), and nothing of a schedule or of what would happen.
pub fn told_in_the_past(before: &str) -> bool {
    static PAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:[a-z]{3,}ed|was|were|began|came|ran|took|saw|found|made|got|went|brought|sent|rebuilt|built)\b",
        )
        .ok()
    });
    PAST.as_ref().is_some_and(|re| re.is_match(before)) && !planned(before)
}

/// Words of a schedule or of what would happen ("every", "would", "planned").
fn planned(before: &str) -> bool {
    NOT.as_ref().is_some_and(|re| re.is_match(before))
}

/// A list item (`* text`, `- text`, `• text`): a news timeline tells its events in the present
/// ("* The company contacts the government ... at 2:45pm"), so any verb tells what was done,
/// nothing of a schedule.
pub fn item_told(sentence: &str, before: &str) -> bool {
    list_item(sentence) && !planned(before)
}

/// A paragraph's list items, each with the lines that continue it (the first with the lines
/// above it: a thread post's `name · comment · day` line, a time alone over its bullets): each is
/// read on its own, so that an item's time is not joined to the items before it as one long
/// sentence.
pub fn list_items(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let mut items = 0;
    for line in paragraph.split_inclusive('\n') {
        if list_item(line) {
            items += 1;
            if items > 1 {
                out.push(&paragraph[start..at]);
                start = at;
            }
        }
        at += line.len();
    }
    out.push(&paragraph[start..]);
    out
}

/// A sentence that opens a list item (`* text`, `- text`, `• text`).
pub fn list_item(sentence: &str) -> bool {
    let t = sentence.trim_start();
    t.starts_with(BULLETS) || ["* ", "- ", "+ "].iter().any(|m| t.starts_with(m))
}
