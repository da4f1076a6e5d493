//! Headings and titles as the checker reads them: a section's name (blanked, and the scope of
//! what follows it) or, for a file's title that says something, a claim (`mask.rs`).

use super::Scope;

/// A file's title (its first heading, or its first line) that says something rather than names
/// a part: three or more words ("Outage caused by technician who unplugged router", "Council IT
/// problems human error"), no link or code. Headings further down name sections.
pub(super) fn headline(words: &str) -> bool {
    let words = words.trim();
    words.split_whitespace().count() >= 3 && !words.contains(['`', '[', '<', '|'])
}

/// A line of up to six words in capitals and nothing after them ("ROOT CAUSE", "PREVENTIVE
/// ACTIONS"): a section's name in a file written without Markdown headings.
pub(super) fn capitals_heading(line: &str) -> bool {
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    letters().all(char::is_uppercase)
        && letters().count() >= 4
        && line.split_whitespace().count() <= 6
        && line.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\t' | '&' | '-' | '/' | '(' | ')' | ':'))
}

/// The first paragraph of a file as its title: one line that opens with a capital and ends
/// with no sentence's punctuation ("Hosting outage and human error"), as a web page saved as
/// text begins. It names the document, and where it comes again (a page's footer), the same.
pub(super) fn title_line(para: &str) -> bool {
    let line = para.trim();
    !line.contains('\n')
        && (1..=12).contains(&line.split_whitespace().count())
        && line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
}

/// "Root Cause" as a paragraph of its own: a heading written without `#`, in title case (every
/// word capitalised but the small ones), short, with no sentence's punctuation.
pub(super) fn title_heading(line: &str) -> bool {
    const SMALL: [&str; 9] = ["of", "and", "the", "to", "in", "for", "a", "an", "on"];
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || SMALL.contains(w))
        && line.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\t' | '&' | '-' | '/' | '(' | ')'))
}

/// The scope of the text under a heading, from its words.
pub(super) fn heading_scope(title: &str) -> Scope {
    const ACTIONS: [&str; 11] = [
        "action",
        "follow-up",
        "follow up",
        "followup",
        "remediation",
        "corrective",
        "next steps",
        "todo",
        "to do",
        "to-do",
        "prevent",
    ];
    if title.contains("timeline") {
        Scope::Timeline
    } else if ACTIONS.iter().any(|w| title.contains(w)) {
        Scope::Actions
    } else {
        Scope::Prose
    }
}
