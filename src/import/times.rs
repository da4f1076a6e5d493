//! Times and dates as people write them in postmortems: `2026-11-24 14:02 +01:00` (our export),
//! RFC 3339, `2026-11-24 14:02`, `14:02` (with the date from a heading or the metadata),
//! `2:02 PM UTC`, `24 November 2026`. What cannot be read is kept as typed.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use regex::Regex;

pub use super::dates::{FILLER, date_line, find_date, opening_date};
use super::stamp::{ClockText, DateText, Order, Stamp, leading_stamp};
use super::zone::{ZoneWord, zone_word};
use crate::doc::{Moment, Zone};

const OFFSET: &str = r"(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})";

static FULL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(\d{{4}}-\d{{2}}-\d{{2}})[ T](\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?:\s*\(?({OFFSET})\)?)?$"))
        .ok()
});
/// A clock whose hour is written with one digit (`1:50`, `2015-02-27 4:50`).
static ONE_DIGIT_HOUR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?:^|[^\d:])\d:\d{2}\b").ok());
/// What the times of a timeline are read against.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// The day a time without a date falls on (a heading, a date line, the metadata).
    pub date: Option<NaiveDate>,
    /// The zone the source says its times are in ("all times UTC"); without it, times without
    /// an offset are kept as typed (`2026-11-24 14:02`) and read in the document's zone.
    pub zone: Option<Zone>,
    /// Our own export: every time it could read is written in full, so anything else is text.
    pub strict: bool,
    pub(super) last: Option<NaiveDateTime>,
    /// How the document writes dates in digits (`03/10/2021`).
    pub order: Order,
    /// The year of a date written without one (`Sep 27`).
    pub year: Option<i32>,
    /// The date was stated for the entries below (a date heading or line), so a date written
    /// in one entry is that entry's alone.
    pub date_stated: bool,
    /// The last time was a 12-hour `12:51` read as 00:51: the next `12:52` is too.
    pub(super) after_midnight_twelve: bool,
    /// The file writes its times with am or pm.
    pub(super) twelve_hour: bool,
    /// A 12-hour clock without am/pm has passed noon (`12:39` then `1:50`): the one-digit
    /// hours that follow on that day are afternoon hours.
    pub(super) afternoon: bool,
    /// The year of a day written without one when the file names no year (the year it is
    /// imported in).
    pub(super) fallback_year: Option<i32>,
    /// The last time read took its day from above, not from a date of its own or stated.
    pub(super) bare: bool,
    /// The day the timeline's heading names (`## Timeline (UTC, 2026-05-13)`).
    pub(super) heading_day: Option<NaiveDate>,
}

impl Clock {
    /// Reads one time. Text that is not one is kept as typed.
    pub fn read(&mut self, text: &str) -> Moment {
        self.bare = false;
        let t = strip_emphasis(text.trim());
        if let Ok(exact) = DateTime::parse_from_rfc3339(t) {
            return Moment::Exact(exact);
        }
        if let Some(c) = FULL.as_ref().and_then(|r| r.captures(t)) {
            let date = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok();
            let time = parse_clock_time(&c[2], None);
            // Our export writes a time it could place with its offset; one without was kept
            // as typed in the document, and comes back as typed.
            // `2026-07-04 16:20-17:19`: a range that runs forward, not the offset −17:19.
            let range = match (c.get(2), c.get(3), time) {
                (Some(clock), Some(off), Some(start)) if !self.strict && off.start() == clock.end() => {
                    let end = off.as_str().strip_prefix('-').and_then(|e| parse_clock_time(e, None));
                    end.is_some_and(|end| end > start)
                }
                _ => false,
            };
            if let (Some(date), Some(time)) = (date, time)
                && !(self.strict && c.get(3).is_none())
                && !range
            {
                if !self.strict && !self.date_stated {
                    self.date = Some(date);
                }
                return self.place(date.and_time(time), c.get(3).map(|m| m.as_str()));
            }
        }
        // `Jul 21, 12:17 PM, 1:52 PM`, `12:58 / 13:00`: two times for one row, the first its time;
        // `09:00 MSK / 06:00Z`: the same time in another zone.
        static MORE_TIMES: LazyLock<Option<Regex>> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?:(?:,|;|&|/|and|or)?\s*[~≈]?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?-i:\s?(?:Z|[A-Z]{2,5})\b)?\s*)+$").ok()
        });
        // `2026-06-01 (~21:30)`: the time in brackets after its day.
        static BRACKETED: LazyLock<Option<Regex>> =
            LazyLock::new(|| Regex::new(r"^(\S.*?\d)\s*\(\s*([~≈]?\d{1,2}:\d{2})\s*\)$").ok());
        let t = &BRACKETED.as_ref().map_or_else(|| t.to_string(), |re| re.replace(t, "$1 $2").into_owned());
        if !self.strict
            && let Some(stamp) = leading_stamp(&between_as_range(t))
            && (stamp.rest.is_empty() || MORE_TIMES.as_ref().is_some_and(|re| re.is_match(&stamp.rest)))
        {
            return self.stamp(&stamp);
        }
        if !self.strict
            && let Some(m) = self.read_loose(t)
        {
            return m;
        }
        // `Viernes 4 sept. 2020`, `9–10 sept. 2020`: a cell that is a day in words.
        if !self.strict
            && let Some((date, _)) = date_line(t)
        {
            if !self.date_stated {
                self.date = Some(date);
            }
            return Moment::Typed(date.format("%Y-%m-%d").to_string());
        }
        Moment::Typed(text.trim().to_string())
    }

    /// The moment a stamp stands for: its own date or the one above it, its own zone or the
    /// one stated. A date without a time is kept as that date; a stamp that says the time is
    /// not known is kept as written.
    pub fn stamp(&mut self, stamp: &Stamp) -> Moment {
        let own_date = match stamp.date {
            Some(DateText::Unknown) => return Moment::Typed(stamp.text.clone()),
            Some(d) => match self.day_of(d) {
                Some(date) => Some(date),
                None => return Moment::Typed(stamp.text.clone()),
            },
            None => None,
        };
        // `Fri 18:40`, then `Sat 12:33`: the day of that name nearest the day above.
        let named = stamp.weekday.filter(|_| own_date.is_none()).and_then(|w| {
            let day = self.date?;
            (-3..=3).map(|k| day + Duration::days(k)).find(|d| d.weekday() == w)
        });
        if let Some(date) = named {
            self.date = Some(date);
        }
        let own_date = own_date.or(named);
        self.bare = own_date.is_none() && !self.date_stated;
        if let Some(date) = own_date
            && !self.date_stated
        {
            self.date = Some(date);
            self.year = Some(date.year());
        }
        let Some(date) = own_date.or(self.date) else {
            // `10:03 AM – 10:10 AM` in a file that names no day: its start (the end is kept
            // beside the entry), not the range as text no clock reads.
            if let (Some(_), Some(ClockText::At(t))) = (stamp.end, &stamp.time) {
                return Moment::Typed(t.format(if t.second() == 0 { "%H:%M" } else { "%H:%M:%S" }).to_string());
            }
            return Moment::Typed(stamp.text.clone());
        };
        let time = match &stamp.time {
            Some(ClockText::At(t)) => *t,
            _ => return Moment::Typed(date.format("%Y-%m-%d").to_string()),
        };
        // `07:7:47` after 07:46: 07:47, not 07:07:47.
        let time = match (stamp.typo, self.last) {
            (Some(other), Some(last)) if date.and_time(time) < last && date.and_time(other) >= last => other,
            _ => time,
        };
        let mut at = date.and_time(time);
        static MERIDIEM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)\d\s?[ap]\.?m\b").ok());
        self.twelve_hour |= MERIDIEM.as_ref().is_some_and(|re| re.is_match(&stamp.text));
        // A timeline that runs past midnight: 23:50 then 00:10 is the next day, and so is
        // 12:51 after 22:10 (a 12-hour habit: half past midnight).
        // An evening entry followed by a morning one eight hours or more earlier on the clock
        // is the next morning (23:55 then 07:00; 21:06 then 09:31); twelve hours in a file
        // that writes am and pm, where `10:25pm` between morning times is a slip of the pen.
        if own_date.is_none()
            && let Some(last) = self.last
            && at < last
            && last.hour() >= 18
        {
            // (`12:20pm`, its pm written, is noon's hour.)
            if time.hour() == 12 && !MERIDIEM.as_ref().is_some_and(|re| re.is_match(&stamp.text)) {
                at -= Duration::hours(12);
                self.after_midnight_twelve = true;
            }
            let back = if self.twelve_hour { 12 } else { 8 };
            if at.hour() < 6 || (at.hour() < 12 && last - at >= Duration::hours(back)) {
                at += Duration::days(1);
                self.date = Some(at.date());
            }
        } else if own_date.is_none() && self.after_midnight_twelve && time.hour() == 12 {
            at -= Duration::hours(12);
        } else {
            self.after_midnight_twelve = false;
        }
        at = self.past_noon(at, stamp);
        self.place(at, stamp.zone.as_deref())
    }

    /// `12:39`, then `1:50`, `4:50` on the same day: a 12-hour clock written without am/pm
    /// that has gone past noon. Only an hour written with one digit is read so (`08:00` after
    /// `11:45` is a 24-hour clock out of order), and only while the times run forward.
    fn past_noon(&mut self, at: NaiveDateTime, stamp: &Stamp) -> NaiveDateTime {
        let text = stamp.text.to_lowercase();
        let twelve_hour = ONE_DIGIT_HOUR.as_ref().is_some_and(|re| re.is_match(&text))
            && !text.contains("am")
            && !text.contains("pm")
            && !text.contains("a.m")
            && !text.contains("p.m");
        let later = at + Duration::hours(12);
        match self.last {
            Some(last)
                if twelve_hour
                    && at.date() == last.date()
                    && at < last
                    && later >= last
                    && (last.hour() == 12 || self.afternoon) =>
            {
                self.afternoon = true;
                later
            }
            _ => {
                self.afternoon = false;
                at
            }
        }
    }

    /// The day a date stands for. One written without a year takes the year of the dates
    /// around it; as a timeline runs forward, a day more than half a year before the last
    /// entry's is in the next year, and a first entry long after the day the file is about is in the year
    /// before (`[12-05 16:21]` above `[03-20 16:46]` in a report on March 26th), one ten months
    /// before it in the year after (`Jan. 04` on a page written on December 26th).
    pub(super) fn day_of(&self, d: DateText) -> Option<NaiveDate> {
        let year = self.year.or(self.date.map(|d| d.year())).or(self.fallback_year);
        let date = d.resolve(self.order, year)?;
        if !matches!(d, DateText::NoYear(..) | DateText::Pair(..)) {
            return Some(date);
        }
        // The year that puts it nearest the last entry: `[12-05]` above `[03-20]` runs into the
        // next year, `Jun 12` below `Jun 14` (a status page's history, newest first) does not.
        let nearer_next =
            |last: NaiveDate| d.resolve(self.order, year.map(|y| y + 1)).is_some_and(|next| next - last < last - date);
        let nearer_before =
            |last: NaiveDate| d.resolve(self.order, year.map(|y| y - 1)).is_some_and(|prev| last - prev < date - last);
        let shift = match (self.last, self.date) {
            (Some(last), _) if date + Duration::days(1) < last.date() && nearer_next(last.date()) => 1,
            // `Dec. 28` below `Jan. 04` (newest first): the December before.
            (Some(last), _) if date > last.date() + Duration::days(1) && nearer_before(last.date()) => -1,
            (None, Some(day)) if self.year.is_none() && date > day + Duration::days(60) => -1,
            // `Update Jan. 04` at the top of a page written on December 26th: the January after.
            (None, Some(day)) if self.year.is_none() && date + Duration::days(300) < day => 1,
            _ => return Some(date),
        };
        d.resolve(self.order, year.map(|y| y + shift)).or(Some(date))
    }

    fn place(&mut self, at: NaiveDateTime, offset: Option<&str>) -> Moment {
        self.last = Some(at);
        let zone = match offset.and_then(zone_word) {
            Some(ZoneWord::Known(z)) => Some(z),
            _ => self.zone.clone(),
        };
        match zone.map(|z| z.localize(at)) {
            Some(Ok(exact)) => Moment::Exact(exact),
            _ => {
                let format = if at.second() == 0 { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d %H:%M:%S" };
                Moment::Typed(at.format(format).to_string())
            }
        }
    }
}

/// `between 08:00 and 11:30`, `around 14:38`, `from 10:00 to 11:00`: a time written with the
/// word before it, read as its stamp (a range from its start). "Before" and "after" a time
/// are not that time, and stay text.
/// A cell in brackets (`(between 15:07–19:45)`) is read without them, and Spanish and German
/// say it too (`entre 18:40 y 18:45`, `zwischen 9:10 und 9:20`).
fn between_as_range(text: &str) -> String {
    static LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:between|from|entre|desde|zwischen|around|about|approx\.?|approximately|circa|ca\.)\s+(\d{1,2}:\d{2}\S*)\s+(?:and|to|until|y|hasta|und)\s+(\d{1,2}:\d{2}.*)$|^(?:around|about|approx\.?|approximately|circa|ca\.|between|from|entre|zwischen)\s+(\d{1,2}:\d{2}.*)$").ok()
    });
    let t = text.trim();
    let t = t.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])).map_or(t, str::trim);
    match LEAD.as_ref().and_then(|re| re.captures(t)) {
        Some(c) if c.get(1).is_some() => format!("{}-{}", &c[1], &c[2]),
        Some(c) => c[3].to_string(),
        None => text.to_string(),
    }
}

/// `14:02` or `2:05` with its `a`/`p`, through the one clock reader.
fn parse_clock_time(text: &str, meridiem: Option<&str>) -> Option<NaiveTime> {
    if !text.contains(':') {
        return None;
    }
    crate::doc::entry::clock(&format!("{text}{}", meridiem.map_or(String::new(), |m| format!(" {m}m"))))
}

fn strip_emphasis(text: &str) -> &str {
    let mut t = text;
    for wrap in ["**", "__", "*", "_", "`"] {
        if t.len() > 2 * wrap.len()
            && let Some(inner) = t.strip_prefix(wrap).and_then(|i| i.strip_suffix(wrap))
        {
            t = inner.trim();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn clock(date: Option<&str>, zone: Option<&str>) -> Clock {
        Clock {
            date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            zone: zone.map(|z| z.parse().unwrap()),
            ..Clock::default()
        }
    }

    #[test]
    fn full_times() {
        let mut c = clock(None, None);
        assert_eq!(c.read("2026-11-24 14:02 +01:00").as_text(), "2026-11-24T14:02:00+01:00");
        assert_eq!(c.read("2026-11-24 14:02:30 +01:00").as_text(), "2026-11-24T14:02:30+01:00");
        assert_eq!(c.read("2026-11-24T13:02:00Z").as_text(), "2026-11-24T13:02:00Z");
        assert_eq!(c.read("**2026-11-24 13:02 UTC**").as_text(), "2026-11-24T13:02:00Z");
        let typed = c.read("2026-11-24 14:02");
        assert!(matches!(&typed, Moment::Typed(t) if t == "2026-11-24 14:02"), "{typed:?}");
        assert_eq!(c.read("shortly after lunch"), Moment::Typed("shortly after lunch".into()));
    }

    #[test]
    fn clock_times_take_the_date_and_zone_given() {
        let mut c = clock(Some("2026-11-24"), Some("UTC"));
        assert_eq!(c.read("14:02").as_text(), "2026-11-24T14:02:00Z");
        assert_eq!(c.read("2:05 PM").as_text(), "2026-11-24T14:05:00Z");
        assert_eq!(c.read("23:50").as_text(), "2026-11-24T23:50:00Z");
        assert_eq!(c.read("00:10").as_text(), "2026-11-25T00:10:00Z", "past midnight");
        let mut no_date = clock(None, None);
        assert_eq!(no_date.read("14:02"), Moment::Typed("14:02".into()));
        let mut strict = Clock { strict: true, ..clock(Some("2026-11-24"), None) };
        assert_eq!(strict.read("14:02"), Moment::Typed("14:02".into()), "our export writes times in full");
    }

    #[test]
    fn dates_and_date_lines() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(find_date("on November 24th, 2026 we"), Some(d("2026-11-24")));
        assert_eq!(find_date("24 Nov 2026"), Some(d("2026-11-24")));
        assert_eq!(date_line("2026-11-24 (all times UTC)"), Some((d("2026-11-24"), true)));
        assert_eq!(date_line("Tuesday, 24 November 2026"), Some((d("2026-11-24"), false)));
        assert_eq!(date_line("2026-11-24 the deploy starts"), None);
    }
}
