//! The day of a timeline's bare times, from the text around it. A run of rows written with a
//! time only takes its day from above it (the file's first date, or the row before); when the
//! text states one of those times with its day ("Starting with R199 at 14:40:37 EDT on Friday
//! 2026-04-24", "Date/time: 2026-08-08, 15:20:10.9", "Time range | 2026-05-26 18:23 to
//! 2026-05-27 09:32"), the run is on that day, whatever date came first in the file (a
//! write-up date, a background entry weeks before). A moment stated as an instant in another
//! zone ("around 2026-09-02T04:31:13Z" beside a timeline in UTC−7) is that zone's moment: it
//! places the run whose span it falls in. In a table, a day and a time count together only in
//! one cell: a row's time with a date in its evidence column is no statement of its day. A
//! sentence about what would or will happen states no day ("would have run again at 3:00 AM on
//! 2026-09-26").

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use regex::Regex;

use super::build::Builder;
use super::times::find_date;
use crate::doc::Moment;

/// A time the text states with its day; `seconds`: written to the second; `instant`: written
/// with its own zone (`Z`, `+02:00`), as that instant.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub seconds: bool,
    pub instant: Option<DateTime<FixedOffset>>,
}

static CLOCK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])\.?[Mm]\b\.?)?").ok());
static HYPOTHETICAL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)\b(?:would|will|won't)\b").ok());
static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").ok());
/// `2026-05-26 18:23`, `2026-09-02T04:31:13Z`: a day and its time side by side.
static PAIR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z\b|[+-]\d{2}:\d{2}\b)?").ok()
});

/// The moments the lines of `src` state with their day: a line (out of code; in a table, a
/// cell) that names one day, with each time on it, and every day written with its time.
pub fn anchors(src: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    let mut fence = false;
    for line in src.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        let parts: Vec<&str> = if t.starts_with('|') { t.split('|').collect() } else { vec![t] };
        // A day and a time count together only in one sentence ("... a scheduled 3:00 AM run.
        // The first one is 2026-09-26." states neither).
        for part in parts.into_iter().flat_map(super::sentences::sentences) {
            // "... would have run again at 3:00 AM on 2026-09-26": what did not happen, or has
            // not yet, states no day of the timeline.
            if HYPOTHETICAL.as_ref().is_some_and(|re| re.is_match(part)) {
                continue;
            }
            paired(part, &mut out);
            one_day(part, &mut out);
        }
    }
    out
}

/// Each day written with its time (`2026-05-26 18:23 to 2026-05-27 09:32` names two).
fn paired(t: &str, out: &mut Vec<Anchor>) {
    let Some(re) = PAIR.as_ref() else { return };
    for c in re.captures_iter(t) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Ok(date), Some(h), Some(m)) = (NaiveDate::parse_from_str(&c[1], "%Y-%m-%d"), n(2), n(3)) else { continue };
        let Some(time) = NaiveTime::from_hms_opt(h, m, n(4).unwrap_or(0)) else { continue };
        let instant = c.get(5).and_then(|z| {
            let offset = if z.as_str() == "Z" { "+00:00" } else { z.as_str() };
            DateTime::parse_from_rfc3339(&format!("{}T{}{offset}", date, time.format("%H:%M:%S"))).ok()
        });
        out.push(Anchor { date, time, seconds: c.get(4).is_some(), instant });
    }
}

/// A line that names one day, with each time on it (`2026-04-28 (opened from 2026-04-24
/// incident)` names two, and states none).
fn one_day(t: &str, out: &mut Vec<Anchor>) {
    if ISO.as_ref().is_some_and(|re| re.find_iter(t).count() > 1) || PAIR.as_ref().is_some_and(|re| re.is_match(t)) {
        return;
    }
    let Some(first) = find_date(t) else { return };
    // "Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST": with two days in
    // words, each time is on the day written before it.
    let mut days = super::dates::dates_at(t);
    days.dedup_by_key(|(d, _)| *d);
    let Some(re) = CLOCK.as_ref() else { return };
    let clocks: Vec<regex::Captures> = re.captures_iter(t).collect();
    // "a window (10:30 to 2:30 AM)": a span's start takes its end's am or pm when that keeps it
    // before the end, else it is the other half of the day; a span runs forward, so an end
    // earlier on the clock than its start is the next day.
    let mut spans: Vec<Option<(NaiveTime, i64)>> = vec![None; clocks.len()];
    for k in 1..clocks.len() {
        let (a, b) = (&clocks[k - 1], &clocks[k]);
        let between = t[a.get(0).map_or(0, |m| m.end())..b.get(0).map_or(0, |m| m.start())].trim();
        let (Some(start), Some(end)) = (clock_of(a, None), clock_of(b, None)) else { continue };
        if !["to", "-", "–", "until", "till", "through"].contains(&between) {
            continue;
        }
        let start = match (a.get(4), b.get(4)) {
            (None, Some(m)) => clock_of(a, Some(m.as_str()))
                .filter(|s| *s <= end)
                .unwrap_or(start.overflowing_add_signed(Duration::hours(12)).0),
            _ => start,
        };
        spans[k - 1] = spans[k - 1].or(Some((start, 0)));
        spans[k] = Some((end, i64::from(end < start)));
    }
    for (k, c) in clocks.iter().enumerate() {
        let at = c.get(0).map_or(0, |m| m.start());
        let date = if days.len() > 1 {
            match days.iter().rev().find(|(_, start)| *start < at) {
                Some((d, _)) => *d,
                None => continue,
            }
        } else {
            first
        };
        if let Some((time, later)) = spans[k].or_else(|| clock_of(c, None).map(|t| (t, 0))) {
            let date = date + Duration::days(later);
            out.push(Anchor { date, time, seconds: c.get(3).is_some(), instant: None });
        }
    }
}

/// The time a [`CLOCK`] match shows, with its own am or pm, or `meridiem` when it has none.
fn clock_of(c: &regex::Captures, meridiem: Option<&str>) -> Option<NaiveTime> {
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (mut h, m) = (n(1)?, n(2)?);
    match c.get(4).map(|m| m.as_str()).or(meridiem).map(str::to_ascii_lowercase).as_deref() {
        Some("p") if h < 12 => h += 12,
        Some("a") if h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, n(3).unwrap_or(0))
}

impl Builder<'_> {
    /// Moves each run of bare rows to the day the text states for one of its times.
    pub(super) fn anchor_runs(&mut self) {
        if self.own || self.anchors.is_empty() {
            return;
        }
        // A row whose time says only its day (`21:30:2x`) does not break the run it sits in,
        // and moves with it.
        let day_only = |k: usize| matches!(self.doc.timeline.get(k).map(|e| &e.time), Some(Moment::Typed(t)) if NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok());
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for &i in &self.bare_rows {
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|&j| j < i && (j + 1..i).all(day_only)) => {
                    let j = run.last().copied().unwrap_or(i);
                    run.extend(j + 1..=i);
                }
                _ => runs.push(vec![i]),
            }
        }
        let zone = self.clock.zone.clone();
        // An instant written in its own zone, as the timeline's clock shows it.
        let local = |a: &Anchor| match (a.instant, &zone) {
            (Some(at), Some(z)) if at.offset().local_minus_utc() != offset_at(z, at.naive_utc()) => {
                Some(at.naive_utc() + Duration::seconds(i64::from(offset_at(z, at.naive_utc()))))
            }
            _ => None,
        };
        for run in runs {
            let walls: Vec<NaiveDateTime> = run.iter().filter_map(|&i| wall(&self.doc.timeline.get(i)?.time)).collect();
            let shift = walls.iter().find_map(|at| {
                let a = self.anchors.iter().find(|a| {
                    let same = if a.seconds {
                        at.time().with_nanosecond(0) == Some(a.time)
                    } else {
                        (at.hour(), at.minute()) == (a.time.hour(), a.time.minute())
                    };
                    same && a.date != at.date() && local(a).is_none()
                })?;
                Some(a.date - at.date())
            });
            // `around 2026-09-02T04:31:13Z` is 21:31:13 the evening before in UTC−7: the run
            // whose span holds that clock time is on that day.
            let shift = shift.or_else(|| {
                let (first, last) = (walls.iter().min()?, walls.iter().max()?);
                let within = |at: &NaiveDateTime| first.time() <= at.time() && at.time() <= last.time();
                self.anchors
                    .iter()
                    .filter_map(local)
                    .find(|at| first.date() == last.date() && at.date() != first.date() && within(at))
                    .map(|at| at.date() - first.date())
            });
            let Some(days) = shift.filter(|d| d.num_days().abs() <= 366) else { continue };
            for i in run {
                let Some(entry) = self.doc.timeline.get_mut(i) else { continue };
                entry.time = moved(&entry.time, days, zone.as_ref());
            }
        }
    }
}

impl Builder<'_> {
    /// Updates written newest first, each with a time only, read on the day above them (`Update
    /// 12:54 GMT: ...` over `Update 20:39 GMT: ...`, `Update 20:10 GMT: ...`): the day above is
    /// the oldest one's, the bottom; going up the page is going on in time, so a time earlier on
    /// the clock than the one below it is the next day. A run of four rows or more on one day
    /// whose times fall three times or more, and rise at most once for every three falls.
    pub(super) fn newest_first_runs(&mut self) {
        if self.own {
            return;
        }
        let walls: Vec<Option<NaiveDateTime>> = self.doc.timeline.iter().map(|e| wall(&e.time)).collect();
        let mut start = 0;
        while start < walls.len() {
            let Some(day) = walls[start].map(|w| w.date()) else {
                start += 1;
                continue;
            };
            let end = (start..walls.len()).find(|&k| walls[k].is_none_or(|w| w.date() != day)).unwrap_or(walls.len());
            let times: Vec<NaiveTime> = walls[start..end].iter().flatten().map(|w| w.time()).collect();
            let falls = times.windows(2).filter(|p| p[1] < p[0]).count();
            let rises = times.windows(2).filter(|p| p[1] > p[0]).count();
            if times.len() >= 4 && falls >= 3 && rises * 3 <= falls && rises > 0 {
                let zone = self.clock.zone.clone();
                let mut days = 0;
                for k in (start..end - 1).rev() {
                    if times[k - start] < times[k + 1 - start] {
                        days += 1;
                    }
                    if days > 0
                        && let Some(entry) = self.doc.timeline.get_mut(k)
                    {
                        entry.time = moved(&entry.time, Duration::days(days), zone.as_ref());
                    }
                }
            }
            start = end;
        }
    }
}

/// The zone's offset from UTC at a moment, in seconds.
fn offset_at(zone: &crate::doc::Zone, utc: NaiveDateTime) -> i32 {
    use chrono::{Offset, TimeZone};
    match zone {
        crate::doc::Zone::Named(tz) => tz.offset_from_utc_datetime(&utc).fix().local_minus_utc(),
        crate::doc::Zone::Fixed(offset) => offset.local_minus_utc(),
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
    if let Moment::Typed(t) = m
        && let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
    {
        return Moment::Typed((day + days).format("%Y-%m-%d").to_string());
    }
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
