//! A file that ends like a letter names its authors in its sign-off ("Thank you for your
//! patience,", then "The Storage Team"; "— Ada Lovelace" or "Prepared by the Storage Team"
//! alone on the last line). Read only
//! when the file names no authors otherwise; the text keeps the lines.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::report::Outcome;

static CLOSING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:thanks|thank you|many thanks|with thanks|best|all the best|best wishes|regards|best regards|kind regards|warm regards|cheers|sincerely|yours|warmly|with apologies|apologies again|on behalf of)\b[^.!?]*,$").ok()
});
/// `— Ada Lovelace`, `-- The Storage Team`: a name after a dash, alone on the last line.
/// `*Prepared by the Storage Team*` as the last line.
static BYLINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?i:prepared|written|compiled|reported|posted)\s+by\s+(\S.*)$").ok());
static DASHED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(?:—|–|--)\s*(\S.*)$").ok());

impl Builder<'_> {
    pub(super) fn sign_off(&mut self) {
        if !self.doc.authors.is_empty() {
            return;
        }
        let lines: Vec<(usize, &str)> = self
            .src
            .lines()
            .enumerate()
            .map(|(n, l)| (n + 1, l.trim().trim_matches(['*', '_']).trim()))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let Some(&(line, last)) = lines.last() else { return };
        let before = lines.len().checked_sub(2).and_then(|k| lines.get(k)).map_or("", |(_, l)| *l);
        let dashed = DASHED.as_ref().and_then(|re| re.captures(last)).and_then(|c| c.get(1)).map(|m| m.as_str());
        let closed = CLOSING.as_ref().is_some_and(|re| re.is_match(before));
        let byline = BYLINE.as_ref().and_then(|re| re.captures(last)).and_then(|c| c.get(1)).map(|m| m.as_str());
        let name = match (dashed, byline) {
            (Some(name), _) | (None, Some(name)) => name,
            (None, None) if closed => last,
            (None, None) => return,
        };
        if !is_name(name) {
            return;
        }
        self.doc.authors = vec![name.trim().to_string()];
        self.report.push(line, last.to_string(), Outcome::Metadata(vec!["authors (1) from the sign-off".into()]));
    }
}

/// A few words that can be a person or a team: each starts with a capital or `@` (small words
/// such as "the" and "and" aside), and nothing ends a sentence.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = ["the", "and", "&", "of", "de", "van", "von"];
    (1..=6).contains(&words.len())
        && !text.ends_with(['.', ':', '!', '?', '|'])
        && words.iter().any(|w| w.starts_with(|c: char| c.is_uppercase() || c == '@'))
        && words.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str()) || w.starts_with(|c: char| c.is_uppercase() || c == '@')
        })
}
