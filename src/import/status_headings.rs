//! A status page copied with each update's status word as a heading (`### Resolved`), its text
//! and its time below it (`Posted Jan 12, 2024 - 11:00 SGT`): the headings are made the first
//! line of their update, so that each update is read as one (as `Resolved` over its text and
//! time is), and not as sections of their own. Only where two such headings or more follow one
//! another; nothing else changes.

use super::status::{STATUS_WORDS, update_time};

/// The source with such headings made plain lines, or the source itself.
pub(super) fn status_headings(src: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = src.split('\n').collect();
    // Each status heading whose lines below, up to a blank line or a heading, end with a time.
    let updates: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            status_word(lines[i]).is_some() && {
                let below: Vec<&str> = lines[i + 1..]
                    .iter()
                    .copied()
                    .skip_while(|l| l.trim().is_empty())
                    .take_while(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .collect();
                below.len() >= 2 && below.last().is_some_and(|l| update_time(l.trim()).is_some())
            }
        })
        .collect();
    if updates.len() < 2 {
        return src.into();
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if updates.contains(&i) {
            out.push(status_word(lines[i]).unwrap_or_default().to_string());
            // The update's text follows its word at once: one paragraph.
            i += 1;
            while i < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    out.join("\n").into()
}

/// A heading that is a status page's word for an update (`### Resolved`, `## **Monitoring**`).
fn status_word(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if !t.starts_with('#') {
        return None;
    }
    let word = t.trim_start_matches('#').trim().trim_matches(['*', '_']).trim();
    STATUS_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headings_over_their_updates_become_their_first_lines() {
        let src = "# Outage\n\n### Resolved\nAll good.\nPosted Jan 12, 2024 - 11:00 SGT\n\n### Identified\n\nFound it.\nPosted Jan 12, 2024 - 10:15 SGT\n";
        assert_eq!(
            status_headings(src),
            "# Outage\n\nResolved\nAll good.\nPosted Jan 12, 2024 - 11:00 SGT\n\nIdentified\nFound it.\nPosted Jan 12, 2024 - 10:15 SGT\n"
        );
        // One alone, or headings with no time below them, stay headings.
        for src in [
            "### Resolved\nAll good.\nPosted Jan 12, 2024 - 11:00 SGT\n",
            "### Resolved\nAll good.\n\n### Identified\nFound it.\n",
        ] {
            assert_eq!(status_headings(src), src);
        }
    }
}
