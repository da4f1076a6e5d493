//! "From November 13, 2023 at 18:26 UTC until November 14, 2023 at 09:18 UTC, ...": the window
//! a report states for its incident. A timeline of bare times read on the window's first day
//! (`07:32 UTC | 23:32 PT` under the summary) that all fall before the window opens, each within
//! a day of it, and would all fall inside it a day later, is on the next day: the times were
//! written on the day the window closed. Nothing moves when any entry already stands inside
//! the window after its opening, or when one would still fall outside it.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};
use regex::Regex;

use super::build::Builder;
use crate::doc::Moment;

static WINDOW: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let day = r"(?:[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4})";
    let clock = r"\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?";
    Regex::new(&format!(
        r"\b(?:[Ff]rom|[Bb]etween) (?P<d1>{day}),? (?:at )?(?P<t1>{clock})(?: [A-Z]{{2,5}})?,? (?:until|to|through|till|and) (?P<d2>{day}),? (?:at )?(?P<t2>{clock})"
    ))
    .ok()
});

/// A time as written in the statement (`18:26`, `6:26 PM`), read as any stamp's.
fn clock(text: &str) -> Option<NaiveTime> {
    match super::stamp::leading_stamp(text)?.time? {
        super::stamp::ClockText::At(t) => Some(t),
        _ => None,
    }
}

impl Builder<'_> {
    /// The entries moved a day on into the window the report states, as above.
    pub(super) fn move_into_window(&mut self) {
        let zone = self.doc.zone();
        let Some(c) = WINDOW.as_ref().and_then(|re| re.captures(self.src)) else { return };
        let at = |d: &str, t: &str| -> Option<DateTime<FixedOffset>> {
            let day = super::dates::find_date(d)?;
            let text = format!("{} {}", day.format("%Y-%m-%d"), clock(t)?.format("%H:%M"));
            zone.parse_local(&text).ok()
        };
        let (Some(start), Some(end)) = (at(&c["d1"], &c["t1"]), at(&c["d2"], &c["t2"])) else { return };
        if end <= start || end - start > Duration::days(3) {
            return;
        }
        let times: Vec<Option<DateTime<FixedOffset>>> = self
            .doc
            .timeline
            .iter()
            .map(|e| match e.time {
                Moment::Exact(t) => Some(t),
                Moment::Typed(_) => None,
            })
            .collect();
        let before: Vec<usize> = (0..times.len()).filter(|&k| times[k].is_some_and(|t| t < start)).collect();
        let inside = times.iter().flatten().any(|&t| t > start && t <= end);
        // (Within a day before the opening, so a day later it is past the opening.)
        let fits = |t: DateTime<FixedOffset>| {
            start - t < Duration::days(1) && t + Duration::days(1) <= end + Duration::hours(1)
        };
        if before.len() < 2 || inside || !before.iter().all(|&k| times[k].is_some_and(fits)) {
            return;
        }
        for k in before {
            if let Some(t) = times[k] {
                self.doc.timeline[k].time = Moment::Exact(t + Duration::days(1));
            }
        }
    }
}
