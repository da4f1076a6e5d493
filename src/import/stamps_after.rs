//! A status page's history copied with each update's day and time on a line of its own after
//! the update's paragraphs (`Resolved - DNS changes are done.` / `Issue closed.` / `Sep 27,
//! 05:47 UTC`), the copy having lost the blank line between a stamp and the next update (`Sep
//! 27, 05:47 UTC` / `Update - ...`): each stamp is its own update's, the one above it, not the
//! next one's.

use std::borrow::Cow;
use std::ops::Range;

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::stamp::{ClockText, leading_stamp};
use super::status::status_dash;

/// Whether `line` is only an update's day and time.
fn stamp_line(line: &str) -> bool {
    super::timeline_inner::dated_alone(line.trim())
}

/// The source with a blank line put between a stamp alone on its line and the status page's
/// update that follows it (`Sep 27, 05:47 UTC` / `Update - ...`), where two or more are so: the
/// stamp a paragraph of its own, whichever update it belongs to.
pub(super) fn stamps_apart(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.split('\n').collect();
    // (Or the next day's line and its first update: `Sep 26, 23:08 UTC` / `Sep 26, 2022` /
    // `Resolved - ...`.)
    let update_at = |j: usize| lines.get(j).is_some_and(|n| status_dash(n));
    let day_at = |j: usize| lines.get(j).is_some_and(|n| super::dotted_clock::is_day(n));
    let glued = |i: usize| stamp_line(lines[i]) && (update_at(i + 1) || (day_at(i + 1) && update_at(i + 2)));
    if (0..lines.len()).filter(|&i| glued(i)).count() < 2 {
        return src.into();
    }
    let mut out = String::with_capacity(src.len() + 16);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        if glued(i) {
            out.push('\n');
        }
    }
    out.into()
}

impl Builder<'_> {
    /// Paragraphs of updates that open with a status word and a dash, each followed by a
    /// paragraph that is only its day and time, the first update above the first stamp (an update
    /// after the last stamp, the next day's, stays text): an entry at each stamp, its text the update's paragraphs. The
    /// ranges taken; `None` when the part is not so.
    pub(super) fn stamps_after_updates(
        &mut self,
        part: &Part,
        blocks: &[Block],
    ) -> Option<Vec<(Range<usize>, String)>> {
        let paragraphs: Vec<&Block> =
            part.blocks.iter().map(|&b| &blocks[b]).filter(|b| matches!(b.kind, Kind::Paragraph)).collect();
        let texts: Vec<String> = paragraphs.iter().map(|b| self.source(b).trim().to_string()).collect();
        // (The first update may open under its day's line: `Sep 27, 2022` / `Resolved - ...`.)
        let opens = |t: &str| {
            let mut lines = t.lines();
            let first = lines.next().unwrap_or_default();
            status_dash(first) || (super::dotted_clock::is_day(first) && lines.next().is_some_and(status_dash))
        };
        let stamps: Vec<usize> = (0..texts.len()).filter(|&i| stamp_line(&texts[i])).collect();
        let updates: Vec<usize> = (0..texts.len()).filter(|&i| opens(&texts[i])).collect();
        let (&first_stamp, &last_stamp) = (stamps.first()?, stamps.last()?);
        let first_update = *updates.first()?;
        let after_each = stamps[..stamps.len() - 1].iter().all(|&s| updates.contains(&(s + 1)));
        if stamps.len() < 2 || first_update >= first_stamp || !after_each {
            return None;
        }
        // Each update's paragraphs in between must not give times of their own.
        let timed = |t: &str| leading_stamp(t).is_some_and(|s| matches!(s.time, Some(ClockText::At(_))));
        if (first_update..last_stamp).any(|i| !stamps.contains(&i) && timed(&texts[i])) {
            return None;
        }
        let mut out = Vec::new();
        let mut text: Vec<String> = Vec::new();
        let mut taken: Vec<Range<usize>> = Vec::new();
        for i in first_update..=last_stamp {
            if stamps.contains(&i) {
                let stamp = leading_stamp(texts[i].trim())?;
                self.push_stamp(&stamp, text.join("\n\n"));
                taken.push(paragraphs[i].range.clone());
                out.extend(taken.drain(..).map(|r| (r, String::new())));
                text.clear();
                continue;
            }
            let t = &texts[i];
            // (The day's line over the first update is that day's heading, kept as text.)
            let body = match t.split_once('\n') {
                Some((day, rest)) if super::dotted_clock::is_day(day) && status_dash(rest) => {
                    out.push((paragraphs[i].range.clone(), format!("{day}\n")));
                    rest.to_string()
                }
                _ => {
                    taken.push(paragraphs[i].range.clone());
                    t.clone()
                }
            };
            text.push(body);
        }
        Some(out)
    }
}
