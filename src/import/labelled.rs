//! A report kept as one list of its parts (`- INCIDENT SUMMARY`, `- TIMELINE OF EVENTS`, then
//! `- 12:56 ...` items, `- SOLUTION`): the items that open with a time right after the item
//! naming the timeline are its entries; the other items stay as they are written.

use super::blocks::Block;
use super::build::Builder;
use super::timeline::Reading;

impl Builder<'_> {
    /// The list's `items` with those in `run` taken as entries: what stays in its place.
    pub(super) fn labelled_list(&mut self, items: &[String], run: &std::ops::Range<usize>, block: &Block) -> String {
        let mut r = Reading::default();
        let mut kept = Vec::new();
        for (i, text) in items.iter().enumerate() {
            if run.contains(&i) {
                r.open = false;
                let (rest, _) = self.timeline_lines(text, &mut r, block.line);
                kept.extend(rest.into_iter().map(|l| format!("- {l}")));
            } else {
                let mut lines = text.lines();
                kept.push(format!("- {}", lines.next().unwrap_or_default()));
                kept.extend(lines.map(|l| format!("  {}", l.trim())));
            }
        }
        let mut kept = kept.join("\n");
        let original = &self.src[block.range.clone()];
        kept.push_str(&original[original.trim_end().len()..]);
        kept
    }
}

/// In a list's items, the first run of three or more that each open with a time right after an
/// item that is only a label naming the timeline (`TIMELINE OF EVENTS`, `Timeline:`).
pub(super) fn labelled_run(items: &[String], timed: impl Fn(&str) -> bool) -> Option<std::ops::Range<usize>> {
    let label = |t: &str| {
        let t = t.trim().trim_matches(['*', '_', ':', ' ']).to_lowercase();
        !t.contains('\n')
            && t.split_whitespace().count() <= 6
            && (t.contains("timeline") || t.contains("chronology") || t == "sequence of events")
    };
    let first = |t: &String| timed(t.lines().next().unwrap_or_default());
    let at = items.iter().position(|t| label(t))? + 1;
    let len = items[at..].iter().take_while(|t| first(t)).count();
    (len >= 3).then_some(at..at + len)
}
