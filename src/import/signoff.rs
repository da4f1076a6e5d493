//! A file that ends like a letter names its authors in its sign-off ("Thank you for your
//! patience,", then "The Storage Team"; "— Ada Lovelace", "Prepared by the Storage Team" or a
//! handle, "@ada", alone on the last line); a post names them in a byline near its top ("*By
//! Ada Lovelace - SE student*"). Read only
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
/// `By Ada Lovelace - SE student`, `By Ada Lovelace, SRE`: the name before a dash or a comma.
static BY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+([^-–—,|]+?)(?:\s*[-–—,|]\s*\S.*)?$").ok());
static HANDLE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^@[A-Za-z0-9][A-Za-z0-9_-]*$").ok());

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
        let handle = HANDLE.as_ref().is_some_and(|re| re.is_match(last)).then_some(last);
        let by = lines.iter().take(12).find_map(|&(n, l)| {
            let name = BY.as_ref()?.captures(l)?.get(1)?.as_str().trim();
            // "By Friday, everything ..." and "By March 3, ..." are no bylines.
            let first = name.split_whitespace().next()?.to_lowercase();
            let when = first.parse::<chrono::Weekday>().is_ok() || first.parse::<chrono::Month>().is_ok();
            (is_name(name) && name.split_whitespace().count() >= 2 && !when).then_some((n, l, name))
        });
        let name = match (dashed.or(byline).or(handle), by) {
            (Some(name), _) => name,
            (None, _) if closed => last,
            (None, Some((n, l, name))) => {
                self.doc.authors = vec![name.to_string()];
                self.report.push(n, l.to_string(), Outcome::Metadata(vec!["authors (1) from the byline".into()]));
                return;
            }
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
