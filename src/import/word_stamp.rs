//! A status page's updates as Instatus-style pages copy: the update's label on a line of its own
//! (`Resolved`, `Updated`, `Created`), its day and time on the next line (`Jul 09 at 08:19pm
//! EDT`), its text in the paragraphs below. Two or more such pairs are joined into the
//! bracketed shape (`Resolved [Jul 09 at 08:19pm EDT]`) that `status_copy` reads.

use std::borrow::Cow;

use super::stamp::{ClockText, leading_stamp};
use super::status::STATUS_WORDS;

/// A line that is only a status page's word for an update.
fn label(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    STATUS_WORDS.contains(&l.as_str()) || l == "created"
}

/// A line that is only a day and a time.
fn stamp(line: &str) -> bool {
    let t = line.trim();
    !t.contains(['[', ']'])
        && leading_stamp(t)
            .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
}

/// `src` with each label line over its stamp line joined, when there are two such pairs or more.
pub(super) fn labels_over_stamps(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let pairs: Vec<usize> =
        (0..lines.len().saturating_sub(1)).filter(|&i| label(lines[i]) && stamp(lines[i + 1])).collect();
    if pairs.len() < 2 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 4 * pairs.len());
    let mut i = 0;
    while i < lines.len() {
        if pairs.contains(&i) {
            out.push_str(&format!("{} [{}]\n", lines[i].trim(), lines[i + 1].trim()));
            i += 2;
        } else {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
        }
    }
    Cow::Owned(out)
}
