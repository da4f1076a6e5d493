//! The day of a timeline's bare times, from the text around it. A run of rows written with a
//! time only takes its day from above it (the file's first date, or the row before); when the
//! text states one of those times with its day ("Starting with R199 at 14:40:37 EDT on Friday
//! 2026-04-24", "Date/time: 2026-08-08, 15:20:10.9"), the run is on that day, whatever date
//! came first in the file (a write-up date, a background entry weeks before).

use std::sync::LazyLock;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use regex::Regex;

use super::build::Builder;
use super::times::find_date;
use crate::doc::Moment;

/// A time the text states with its day; `seconds`: written to the second.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub seconds: bool,
}

static CLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?").ok());
static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").ok());

/// The moments the lines of `src` state with their day: a line (out of code) that names one
/// day, with each time on it.
pub fn anchors(src: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    let mut fence = false;
    for line in src.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        // One day on the line (`2026-04-28 (opened from 2026-04-24 incident)` names two).
        if fence || ISO.as_ref().is_some_and(|re| re.find_iter(t).count() > 1) {
            continue;
        }
        let Some(date) = find_date(t) else { continue };
        let Some(re) = CLOCK.as_ref() else { continue };
        for c in re.captures_iter(t) {
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            if let (Some(h), Some(m)) = (n(1), n(2))
                && let Some(time) = NaiveTime::from_hms_opt(h, m, n(3).unwrap_or(0))
            {
                out.push(Anchor { date, time, seconds: c.get(3).is_some() });
            }
        }
    }
    out
}

impl Builder<'_> {
    /// Moves each run of bare rows to the day the text states for one of its times.
    pub(super) fn anchor_runs(&mut self) {
        if self.own || self.anchors.is_empty() {
            return;
        }
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for &i in &self.bare_rows {
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|&j| j + 1 == i) => run.push(i),
                _ => runs.push(vec![i]),
            }
        }
        for run in runs {
            let shift = run.iter().find_map(|&i| {
                let at = wall(&self.doc.timeline.get(i)?.time)?;
                let a = self.anchors.iter().find(|a| {
                    let same = if a.seconds {
                        at.time().with_nanosecond(0) == Some(a.time)
                    } else {
                        (at.hour(), at.minute()) == (a.time.hour(), a.time.minute())
                    };
                    same && a.date != at.date()
                })?;
                Some(a.date - at.date())
            });
            let Some(days) = shift.filter(|d| d.num_days().abs() <= 366) else { continue };
            let zone = self.clock.zone.clone();
            for i in run {
                let Some(entry) = self.doc.timeline.get_mut(i) else { continue };
                entry.time = moved(&entry.time, days, zone.as_ref());
            }
        }
    }
}

/// The wall-clock time of a row, as written.
fn wall(m: &Moment) -> Option<NaiveDateTime> {
    match m {
        Moment::Exact(t) => Some(t.naive_local()),
        Moment::Typed(t) => NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
            .ok(),
    }
}

/// The same wall-clock time `days` later, in the zone (its offset on the new day).
fn moved(m: &Moment, days: Duration, zone: Option<&crate::doc::Zone>) -> Moment {
    let Some(at) = wall(m).map(|w| w + days) else { return m.clone() };
    match m {
        Moment::Exact(t) => match zone.map(|z| z.localize(at)) {
            Some(Ok(exact)) => Moment::Exact(exact),
            _ => Moment::Exact(*t + days),
        },
        Moment::Typed(_) => {
            let format = if at.second() == 0 { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d %H:%M:%S" };
            Moment::Typed(at.format(format).to_string())
        }
    }
}
