//! Time cells with words or markup around the time, as real timelines write them: `07-20
//! **04:00**` (a bold time after its day), `Through 13:21:24 EDT (R198 stop)` (a word before
//! it, a note after it), `21:01 (prev. night)` (the day before), `Apr 11 (later)` (a day and a
//! note), `07-20 → 07-22`, `Aug 3-4` and `15 Apr → 18 Apr` (a span of days: its first day).

use std::sync::LazyLock;

use chrono::Duration;
use regex::Regex;

use super::build::Builder;
use super::stamp::{ClockText, DateText, leading_stamp, month};
use super::times::Clock;
use crate::doc::Moment;

/// Words before a time that say how it relates to the moment, not what happened ("Before
/// 10:05" is no time: it is kept as written).
static LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:through|thru|around|about|approx\.?|approximately|circa|ca\.|from|since|at|as of)\s+").ok()
});
/// A note in brackets after the time (`(R198 stop)`, `(prev. night)`), with no clock in it.
static NOTE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(.*\S)\s*[(（]([^()（）]*)[)）]$").ok());
static CLOCK_IN: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\d:\d{2}").ok());
/// The note says the time is on the day before the one above ("prev. night", "the day before").
static DAY_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:prev(?:ious)?\.?\s+(?:night|evening|day)|(?:night|evening|day)\s+before|yesterday)\b").ok()
});
/// Words after a time that say "from then on" (`16:02 이후`, `16:02 以降`, `16:02 onwards`,
/// `15:45〜`) or "about" (`16:00 頃`, `16:00 ごろ`).
static AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(\d)\s*(?:이후|以降|〜|～|onwards?|and later|or later|頃|ごろ|쯤|경)$").ok());
/// `23:15-30`: a span of minutes within the hour, its end the minutes alone.
static MINUTES_SPAN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}):(\d{2})\s*[-–〜～]\s*(\d{2})$").ok());
/// A word before a time that says it is on the day after the one above (`翌 00:00`, `翌日 9:10`).
static NEXT_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(?:翌日?|다음\s?날)\s*").ok());
/// `07-20 → 07-22`: a span of days in digits, month and day.
static PAIR_SPAN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})[-/](\d{1,2})\s*(?:→|->|–|—|-|to)\s*(?:\d{1,2}[-/])?\d{1,2}$").ok());
/// `15 Apr → 18 Apr`: a span of days in words, the day first.
static DAY_MONTH_SPAN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{1,2})\s+([a-z]{3,9})\.?\s*(?:→|->|–|—|-|to)\s*\d{1,2}(?:\s+[a-z]{3,9}\.?)?$").ok()
});
/// `Aug 3-4`, `Aug 3 – Aug 5`: a span of days in words.
static MONTH_SPAN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^([a-z]{3,9})\.?\s+(\d{1,2})\s*(?:→|->|–|—|-|to)\s*(?:[a-z]{3,9}\.?\s+)?\d{1,2}$").ok()
});

impl Clock {
    /// A time cell [`Clock::read`] could not read whole: its time (or day), read past the
    /// markup and words around it. `None` when there is none.
    pub(super) fn read_loose(&mut self, text: &str) -> Option<Moment> {
        let t = text.replace("**", "").replace("__", "");
        let t = t.trim();
        if let Some(m) = self.span(t) {
            return Some(m);
        }
        let t = LEAD.as_ref().and_then(|re| re.find(t)).map_or(t, |m| t[m.end()..].trim());
        let (t, note) = match NOTE.as_ref().and_then(|re| re.captures(t)) {
            Some(c) if !CLOCK_IN.as_ref().is_some_and(|re| re.is_match(&c[2])) => {
                (c.get(1).map_or("", |m| m.as_str()).to_string(), c[2].to_string())
            }
            _ => (t.to_string(), String::new()),
        };
        if let Some(m) = self.span(&t) {
            return Some(m);
        }
        // `16:02 이후`, `16:02 onwards`: from that time on; `16:00 頃`: about then.
        let t = AFTER.as_ref().map_or(t.clone(), |re| re.replace(&t, "$1").into_owned());
        // `翌 00:00`: the day after the one above, which the rows below stay on.
        if let Some(m) = NEXT_DAY.as_ref().and_then(|re| re.find(&t))
            && let Some(day) = self.date
        {
            self.date = Some(day + Duration::days(1));
            let read = self.read_loose(&t[m.end()..]);
            if read.is_none() {
                self.date = Some(day);
            }
            return read;
        }
        // `23:15-30`: its start.
        let t = match MINUTES_SPAN.as_ref().and_then(|re| re.captures(&t)) {
            Some(c) if c[3] > c[2] => format!("{}:{}", &c[1], &c[2]),
            _ => t,
        };
        // `2026-06-09 noite / 2026-06-10 manhã`: a span from one part of a day to another, its
        // first day.
        let words = |w: &str| w.chars().all(|c| c.is_alphabetic() || c.is_whitespace());
        let day = |d: &str| leading_stamp(d.trim()).filter(|s| s.time.is_none() && s.rest.is_empty())?.date;
        let first_day = [" / ", " → ", " – ", " — "].iter().find_map(|sep| {
            let (from, to) = t.split_once(sep)?;
            let (d1, w1) = from.trim().split_once(' ')?;
            let (d2, w2) = to.trim().split_once(' ').unwrap_or((to.trim(), ""));
            (words(w1) && words(w2) && day(d2).is_some()).then(|| day(d1)).flatten()
        });
        if let Some(first) = first_day {
            let day = self.day_of(first)?;
            return Some(Moment::Typed(day.format("%Y-%m-%d").to_string()));
        }
        let stamp = leading_stamp(&t).filter(|s| s.rest.is_empty() && (s.time.is_some() || s.date.is_some()))?;
        let before = DAY_BEFORE.as_ref().is_some_and(|re| re.is_match(&note));
        match (before, self.date) {
            (true, Some(day)) if stamp.date.is_none() => {
                self.date = Some(day - Duration::days(1));
                let m = self.stamp(&stamp);
                self.date = Some(day);
                Some(m)
            }
            _ => Some(self.stamp(&stamp)),
        }
    }

    /// A label's time (`Detected: 2026-05-19 08:52 PT via customer tickets`): the moment, and
    /// the whole value when it says more than its time (to be kept beside it).
    pub(super) fn read_labelled(&mut self, value: &str) -> (Moment, Option<String>) {
        if self.strict || beyond(value).is_none() {
            return (self.read(value), None);
        }
        // Read past its words, it is the incident's time, not a row: the timeline's clock (its
        // day, year and last row) is left as it was.
        let saved = self.clone();
        let (m, note) = self.labelled_words(value);
        *self = saved;
        (m, note)
    }

    fn labelled_words(&mut self, value: &str) -> (Moment, Option<String>) {
        let m = self.read(value);
        let stamp = leading_stamp(value);
        match (&m, stamp) {
            (Moment::Typed(_), Some(s)) if s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) => {
                (self.stamp(&s), Some(value.to_string()))
            }
            (Moment::Typed(_), _) => (m, None),
            _ => (m, Some(value.to_string())),
        }
    }

    /// A span of days (`07-20 → 07-22`, `Aug 3-4`): its first day, and the day of the rows
    /// below is left as it was.
    fn span(&mut self, t: &str) -> Option<Moment> {
        let first = if let Some(c) = PAIR_SPAN.as_ref().and_then(|re| re.captures(t)) {
            DateText::Pair(c[1].parse().ok()?, c[2].parse().ok()?)
        } else if let Some(c) = DAY_MONTH_SPAN.as_ref().and_then(|re| re.captures(t)) {
            DateText::NoYear(month(&c[2])?, c[1].parse().ok()?)
        } else {
            let c = MONTH_SPAN.as_ref()?.captures(t)?;
            DateText::NoYear(month(&c[1])?, c[2].parse().ok()?)
        };
        let day = self.day_of(first)?;
        Some(Moment::Typed(day.format("%Y-%m-%d").to_string()))
    }
}

/// A label's value when it says more than its day and time (`2025-03-14 (written up from the
/// outage)`): kept beside what was read from it, so none of its words is lost.
pub(super) fn beyond(value: &str) -> Option<String> {
    let words = leading_stamp(value).map_or(value.contains('('), |s| !s.rest.is_empty());
    words.then(|| value.trim().to_string())
}

impl Builder<'_> {
    /// Keeps a label's whole value as `imported_<name>` (not in our own export, read back as
    /// written).
    pub(super) fn keep_note(&mut self, name: &str, note: Option<String>) {
        if let Some(note) = note.filter(|_| !self.own) {
            self.doc.extra.insert(format!("imported_{name}").into(), note.into());
        }
    }
}

/// A text with the quote marks of its quoted lines taken off (`> > text` is `text`); a line of
/// only `>` is a blank line.
pub(super) fn unquote(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if !t.starts_with('>') {
                return l;
            }
            let mut rest = t;
            while let Some(r) = rest.strip_prefix('>') {
                rest = r.strip_prefix(' ').unwrap_or(r).trim_start_matches(' ');
            }
            rest
        })
        .collect::<Vec<_>>()
        .join("\n")
}
