//! Titles of copied pages that have no heading: a question ("Three outages. One week. What
//! happened?"), a name and its subject ("Basecamp outage: When it rains, it pours"), a status
//! page's header ("Honeycomb Ingest Outage" over "Incident Report for Honeycomb"), and a title
//! below a promotion's banner.

use super::blocks::{Block, Kind};
use super::build::Builder;
use super::matching::{meta_for, section_for};
use super::meta::label_line;

impl Builder<'_> {
    /// A one-line paragraph that reads as a title though [`super::head`]'s plain test refuses
    /// it: a short question, or a name before a colon that labels nothing we know.
    pub(super) fn titled_line(&self, line: &str) -> bool {
        let words = line.split_whitespace().count();
        let (most, chars) = title_length(line);
        let short = !line.contains('\n') && (2..=most).contains(&words) && line.chars().count() <= chars;
        let opens = line.chars().next().is_some_and(char::is_alphanumeric);
        if !short || !opens || super::stamp::leading_stamp(line).is_some_and(|s| s.time.is_some()) {
            return false;
        }
        // A question of four words or more ("Need support?" is a page's menu).
        if line.ends_with('?') {
            return words >= 4;
        }
        let Some((label, value)) = label_line(line) else { return false };
        section_for(&label, self.template).is_none()
            && meta_for(&label).is_none()
            && value.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !value.ends_with(['.', ',', ':', ';', '!'])
            && (!value.ends_with(')') || (says_what_it_is(line) && value.contains('(')))
    }

    /// A status page's header: a title line, then one or two short lines ("Incident Report for
    /// Honeycomb", "Postmortem"); the title line.
    pub(super) fn header_title(&self, paragraph: &str) -> Option<String> {
        let lines: Vec<&str> = paragraph.lines().map(str::trim).collect();
        let (first, rest) = lines.split_first()?;
        // ("Postmortem" alone is such a line; a banner's close button "x" is not.)
        let short = |l: &&str| {
            let n = l.split_whitespace().count();
            ((2..=6).contains(&n) || (n == 1 && l.chars().count() >= 4)) && !l.ends_with(['.', ',', ':', ';'])
        };
        let titled = super::head::plain_title(first) || self.titled_line(first);
        ((2..=3).contains(&lines.len()) && titled && rest.iter().all(short)).then(|| first.to_string())
    }

    /// A status page copied whole, its menu and legend first ("Operational", "Major Outage"):
    /// the line right above "Incident Report for PlayFab" in one of the first blocks is the
    /// incident's title. The block and the title.
    pub(super) fn report_for_title(&self, blocks: &[Block]) -> Option<(usize, String)> {
        blocks.iter().enumerate().take(8).filter(|(_, b)| matches!(b.kind, Kind::Paragraph)).find_map(|(i, b)| {
            let lines: Vec<&str> = self.src[b.range.clone()].lines().map(str::trim).collect();
            let at = lines.iter().position(|l| {
                l.strip_prefix("Incident Report for ").or_else(|| l.strip_prefix("Incident report for ")).is_some()
            })?;
            let title = *lines.get(at.checked_sub(1)?)?;
            let words = title.split_whitespace().count();
            ((2..=20).contains(&words) && !title.ends_with(['.', ',', ':', ';'])).then(|| (i, title.to_string()))
        })
    }

    /// The block a copied page's title is in: `i`, or the one-line paragraph after a short
    /// banner at `i` that is no title ("Grow with us: Join ... and start earning" over "x").
    pub(super) fn after_banner(&self, blocks: &[Block], i: usize) -> usize {
        let text = |k: usize| {
            blocks.get(k).filter(|b| matches!(b.kind, Kind::Paragraph)).map(|b| self.src[b.range.clone()].trim())
        };
        let Some(first) = text(i) else { return i };
        let titled = |t: &str| super::head::plain_title(t) || self.titled_line(t) || self.header_title(t).is_some();
        match text(i + 1) {
            Some(next) if !titled(first) && first.lines().count() <= 2 && super::head::plain_title(next) => i + 1,
            _ => i,
        }
    }
}

/// A line that says it is a postmortem or an incident's ("Postmortem Case: ...", "... Outage
/// (Invented Scenario)") may be a longer title, and end with its qualifier in brackets.
pub(super) fn says_what_it_is(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["postmortem", "post-mortem", "incident", "outage"].iter().any(|w| lower.contains(w))
}

/// How many words and characters a title line may have.
pub(super) fn title_length(line: &str) -> (usize, usize) {
    if says_what_it_is(line) { (20, 140) } else { (12, 90) }
}
