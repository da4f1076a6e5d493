//! A status page's updates as some pages copy them: the update's label alone on its line
//! (`Resolved`, `Monitoring`), its text in one paragraph or several separated by blank lines,
//! then its day and time alone on a line, often with how long before the next update it was
//! glued on (`Tue, May 24, 2022, 03:14 PM(1 hour earlier)`, `... 11:16 AM (33 minutes ago)`).
//!
//! Two or more such updates are joined into list entries at their stamps (`* Tue, May 24,
//! 2022, 03:14 PM — Monitoring (1 hour earlier)`, the text under it): the relative note stays,
//! after the label, as what the page said of the update. A label without a stamp below it
//! (`Write-up published`) stays as it is, and so does everything around the run.

use std::borrow::Cow;

use super::stamp::{ClockText, leading_stamp};
use super::status::STATUS_WORDS;

/// A line that is only a status page's word for an update.
fn label(line: &str) -> bool {
    let l = line.trim().trim_matches(['*', '_']).trim().to_lowercase();
    STATUS_WORDS.contains(&l.as_str())
}

/// `(1 hour earlier)`, `(33 minutes ago)`: how long before another update, as a page renders it.
fn relative_note(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let unit = |w: &str| {
        let w = w.to_lowercase();
        ["second", "minute", "hour", "day", "week", "month", "year"]
            .iter()
            .any(|u| w == *u || w.strip_suffix('s') == Some(u))
    };
    matches!(words.as_slice(), [n, u, when] if (n.parse::<u32>().is_ok() || matches!(*n, "a" | "an" | "one")) && unit(u)
        && matches!(when.to_lowercase().as_str(), "earlier" | "ago" | "later" | "before" | "after"))
}

/// A line that is only a day and a time, a relative note after it or not: the stamp and the note.
fn stamp(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    if t.is_empty() || t.starts_with(['#', '|', '-', '*', '+', '>', '[']) {
        return None;
    }
    let (when, note) = match t.rfind('(') {
        Some(at) if relative_note(&t[at..]) => (t[..at].trim_end(), &t[at..]),
        _ => (t, ""),
    };
    leading_stamp(when)
        .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
        .then_some((when, note))
}

/// Where a section's text starts: a heading or a thematic break.
fn section_start(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('#') || (t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*')))
}

/// `src` with its labelled updates under their stamps joined into list entries (see the
/// module's words), when two or more stand in the text.
pub(super) fn labelled_paragraphs(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let code = super::code_lines(&lines);
    let mut updates: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if code[i] || section_start(line) {
            open = None;
        } else if label(line) {
            open = Some(i);
        } else if let Some(o) = open
            && stamp(line).is_some()
        {
            // An update has words between its label and its stamp.
            if lines[o + 1..i].iter().any(|l| !l.trim().is_empty()) {
                updates.push((o, i));
            }
            open = None;
        }
    }
    if updates.len() < 2 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * updates.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(&(o, s)) = updates.iter().find(|(o, _)| *o == i) else {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
            continue;
        };
        if !out.is_empty() && !out.ends_with("\n\n") && !out.ends_with("  \n") && !super::listed(&out) {
            out.push('\n');
        }
        let word = lines[o].trim().trim_matches(['*', '_']).trim();
        let (when, note) = stamp(lines[s]).unwrap_or_default();
        out.push_str(format!("* {when} — {word} {note}").trim_end());
        out.push('\n');
        for l in lines[o + 1..s].iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            out.push_str(&format!("  {l}\n"));
        }
        i = s + 1;
        // Blank lines up to the next update are the run's; other text stands apart below it.
        let next = (i..lines.len()).find(|&j| !lines[j].trim().is_empty());
        match next {
            Some(j) if updates.iter().any(|(o, _)| *o == j) => i = j,
            Some(j) => {
                out.push('\n');
                i = j;
            }
            None => i = lines.len(),
        }
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::labelled_paragraphs;

    #[test]
    fn labelled_updates_over_paragraphs_become_entries_at_their_stamps() {
        let src = "Updates\n\nResolved\n\nAll queues drained.\n\nNo more delays.\n\nWed, Jun 1, 2022, 02:10 PM\n\nInvestigating\n\nJobs are slow.\n\nWed, Jun 1, 2022, 01:05 PM(1 hour earlier)\n\nAfter.\n";
        assert_eq!(
            labelled_paragraphs(src),
            "Updates\n\n* Wed, Jun 1, 2022, 02:10 PM — Resolved\n  All queues drained.\n  No more delays.\n* Wed, Jun 1, 2022, 01:05 PM — Investigating (1 hour earlier)\n  Jobs are slow.\n\nAfter.\n"
        );
    }

    #[test]
    fn one_update_or_a_label_without_a_stamp_is_left_alone() {
        let one = "Resolved\n\nAll good.\n\nWed, Jun 1, 2022, 02:10 PM\n";
        assert_eq!(labelled_paragraphs(one), one);
        let none = "Resolved\n\nAll good.\n\nMonitoring\n\nStill watching.\n";
        assert_eq!(labelled_paragraphs(none), none);
    }
}
