//! An entry whose text goes on with a sentence that opens with a time of its own ("16:32 — We
//! wrote to support. At 17:06 we replied that killing the sessions fixes it."): that sentence
//! is a later moment of the same day, an entry of its own, its words moved with it (none is
//! lost or added). Only a time later than the entry's own, on its clock, splits it: "At 09:00
//! the day before" is told as background.

use std::sync::LazyLock;

use chrono::NaiveTime;
use regex::Regex;

use super::build::Builder;
use super::stamp::{ClockText, Stamp, leading_stamp};
use crate::doc::{Extra, TimelineEntry};

/// Where each later sentence of `event` starts, with the stamp it opens with (its rest the
/// sentence after the time), the entry's own time being `own`.
pub(super) fn later_sentences(event: &str, own: NaiveTime) -> Vec<(usize, Stamp)> {
    static AT: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"[.!?)]\s+(At\s+(?:around\s+|about\s+|approximately\s+|roughly\s+|~)?)(\d{1,2}:\d{2}\b)").ok()
    });
    let Some(re) = AT.as_ref() else { return Vec::new() };
    let mut out: Vec<(usize, Stamp)> = Vec::new();
    let mut last = own;
    for c in re.captures_iter(event) {
        let (Some(lead), Some(time)) = (c.get(1), c.get(2)) else { continue };
        let Some(stamp) = leading_stamp(&event[time.start()..]) else { continue };
        let Some(ClockText::At(t)) = stamp.time else { continue };
        // A date or an end of its own, or a time not after the one before: not split.
        if stamp.date.is_some() || stamp.end.is_some() || t <= last || stamp.rest.split_whitespace().count() < 2 {
            continue;
        }
        last = t;
        out.push((lead.start(), stamp));
    }
    out
}

/// The entry's own text, the later sentences' starts in the rest, and that rest.
pub(super) fn split(stamp: &Stamp, mut event: String) -> (String, Vec<(usize, Stamp)>, String) {
    let later = match stamp.time {
        Some(ClockText::At(own)) if stamp.end.is_none() => later_sentences(&event, own),
        _ => Vec::new(),
    };
    let tail = later.first().map(|(at, _)| event.split_off(*at)).unwrap_or_default();
    if !tail.is_empty() {
        event.truncate(event.trim_end().len());
    }
    (event, later, tail)
}

impl Builder<'_> {
    /// The later sentences split off an entry (`tail`, from the first of `later` on), each an
    /// entry at its own time on the day the clock is at.
    pub(super) fn push_later(&mut self, later: &[(usize, Stamp)], tail: &str) {
        let Some(&(from, _)) = later.first() else { return };
        let ends: Vec<usize> = later.iter().skip(1).map(|(at, _)| at - from).chain([tail.len()]).collect();
        let mut start = 0;
        for ((_, s), end) in later.iter().zip(ends) {
            let piece = &tail[start..end];
            start = end;
            self.clock.bare = true;
            let time = self.clock.stamp(s);
            let event = piece.trim().to_string();
            self.doc.timeline.push(TimelineEntry { time, event, evidence: None, marker: None, extra: Extra::new() });
            self.note_bare();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn a_later_sentence_with_its_own_time_starts_where_it_opens() {
        let e = "We wrote to support. At 17:06 we replied that a restart fixes it.";
        let found = later_sentences(e, at(16, 32));
        assert_eq!(found.len(), 1);
        assert_eq!(&e[found[0].0..], "At 17:06 we replied that a restart fixes it.");
    }

    #[test]
    fn an_earlier_time_or_a_time_inside_a_sentence_does_not_split() {
        assert!(later_sentences("We paged. At 09:00 the day before a deploy ran.", at(16, 32)).is_empty());
        assert!(later_sentences("We paged the on-call at 17:06 again.", at(16, 32)).is_empty());
    }
}
