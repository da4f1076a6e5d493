//! The time stamp a timeline entry starts with, in every shape postmortems use: `14:02`,
//! `**10:30**`, `[13:26]`, `2:05 PM`, `08:52 PM`, `2026-11-24 14:02 UTC`, `24-10-2024 02:00`,
//! `2022-02-02 1625`, `2018-08-22, 03:26pm`, `Sep 27 2017 13:06`, `02:00-04:30`,
//! `**12:22** to **13:00**`, `10h47`, `22:36–22:47 (Jun 11)`, `midnight`, `≤11:30`, a date alone
//! (`2021-08-17:`), and placeholders
//! (`??:??`, `2023-MM-DD`) that say a time is not known.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use super::zone::ZONE_PATTERN;

use super::stamp_date::{MONTH, parse_date};
/// A day of the week (`Fri 18:40`, `Saturday, 03:15`; `Fri→Sat 03:15` is Saturday), and only
/// one: "monitoring" is not a Monday.
const WEEKDAY: &str =
    r"mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
/// A day of the week in Spanish, Portuguese, French, German, Italian or Dutch (`viernes
/// 16-08-2024, 21:30 hrs`), read past before a day or time.
const FOREIGN_WEEKDAY: &str = r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|segunda-feira|ter[cç]a-feira|quarta-feira|quinta-feira|sexta-feira|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag";
const CLOCK: &str = r"(?:\d{1,2}:\d{2}:[\dxX?][xX?]|\d{1,2}:\d:\d{2}\b|\d{1,2}:\d{2}(?::\d{2}(?:\.\d+[xX]?)?)?(?:\s?[ap]\.?m\.?|[ap]\b)?|\d{1,2}\s?[ap]\.?m\.?|\d{1,2}h\d{2}|\d{1,2}h\b|\d{3,4}\s?[ap]\.?m\.?|\d{4}|\?\?(?::\?\?|\?+)|\d{1,2}:[\dxX?][xX?]|\d{1,2}\.\d{2}\s?[ap]\.?m\.?|midnight|noon|midday|unknown|tbd)";
/// A part of the day written after a date instead of a time (`10-01 evening`, `2022-01-06 AM`).
const PART_OF_DAY: &str = r"morning|afternoon|evening|night|am|pm";
/// A clock with a colon: the only kind a date, a dash, slash or spaced colon and a time
/// (`24-10-2024 - 08:15`, `2023-01-04/11:34`, `5/24/2020 : 11am`, an hour with its am or pm
/// too) or a
/// time before its date (`11:10 6th Nov 2023`) are read with, so `2021-08-17 - 1500 users`
/// stays a date and its text.
const COLON_CLOCK: &str = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?";

static STAMP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let date = super::stamp_date::DATE.as_str();
    // `[12-05 16:21]`: a day and month without a year, only with a time after it.
    let pair = r"(?P<pair>\d{1,2}[-/]\d{1,2})";
    Regex::new(&format!(
        r"(?i)^(?P<open>[*_`\[(\s~≈]*)(?:(?:{WEEKDAY})\.?\s*(?:→|->)\s*)?(?:(?P<weekday>{WEEKDAY})\.?,?\s+|(?:{FOREIGN_WEEKDAY}),?\s+)?(?:(?P<date>{date})(?:,?\s+(?:{WEEKDAY})\b\.?|\s*[(（](?:{WEEKDAY})\.?[)）])?|{pair})?(?:\s+(?P<part>{PART_OF_DAY})\b)?(?:(?:\s+[-–]\s+|/|\s+:\s+)(?P<dashed>[~≈]?(?:{COLON_CLOCK}|\d{{1,2}}\s?[ap]\.?m\b\.?))|(?:,?\s+at\s+|\s*,\s*|\s*@\s*|T|\s+|[*_`]+\s*)?(?P<time>(?:[~≈≤≥]\s?)?{CLOCK}\+?)(?:(?P<plus>\d{{1,3}})(?P<unit>min|m|h|s)\b)?(?:\s?(?:hrs|hs|horas|uhr)\b\.?)?)?(?:[*_`]*\s*(?:-|–|—|→|->|~|〜|to|until)\s*[*_]*(?:(?P<enddate>{date})[\sT,]+)?[~≈]?(?P<end>{CLOCK})|(?P<secs>[-–/]\d{{1,2}}\b))?(?:(?:,?\s+(?:on\s+)?|\s*[(（])(?P<later>{date})[)）]?)?(?:\s*[(（]?(?-i:(?P<zone>{ZONE_PATTERN}))(?:/(?-i:{ZONE_PATTERN}))?[)）]?)?(?:,\s+(?P<later2>{date}))?(?P<close>[*_`\])]*)"
    ))
    .ok()
});

/// A date as written: in full, or in digits whose order the document decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateText {
    Full(NaiveDate),
    /// `03/10/2021`: day-month or month-day.
    Digits(u32, u32, i32),
    /// `Sep 27`: the year from the dates around it.
    NoYear(u32, u32),
    /// `12-05`: month and day (or day and month, as the document writes them), no year.
    Pair(u32, u32),
    /// `2023-MM-DD`: written as not known.
    Unknown,
}

/// Whether `03/10/2021` is the 3rd of October (day first) or the 10th of March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    DayFirst,
    MonthFirst,
}

impl DateText {
    pub fn resolve(self, order: Order, year: Option<i32>) -> Option<NaiveDate> {
        match self {
            DateText::Full(d) => Some(d),
            DateText::Digits(a, b, y) => {
                let (d, m) = match order {
                    Order::DayFirst => (a, b),
                    Order::MonthFirst => (b, a),
                };
                NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, d, m))
            }
            DateText::NoYear(m, d) => NaiveDate::from_ymd_opt(year?, m, d),
            DateText::Pair(a, b) => {
                let (m, d) = match order {
                    Order::DayFirst => (b, a),
                    Order::MonthFirst => (a, b),
                };
                NaiveDate::from_ymd_opt(year?, m, d).or_else(|| NaiveDate::from_ymd_opt(year?, d, m))
            }
            DateText::Unknown => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockText {
    At(NaiveTime),
    /// `??:??`: the time is not known.
    Unknown,
}

/// A stamp at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub date: Option<DateText>,
    pub time: Option<ClockText>,
    /// The end of a range (`02:00-04:30`).
    pub end: Option<NaiveTime>,
    /// The zone written with it, as written.
    pub zone: Option<String>,
    /// The stamp as written (without emphasis).
    pub text: String,
    /// What follows it: the event.
    pub rest: String,
    /// A separator (`:`, `-`) follows it: `2021-08-17:` starts an entry, a bare date a day.
    pub separated: bool,
    /// The day of the week written before it (`Fri 18:40`).
    pub weekday: Option<chrono::Weekday>,
    /// `07:7:47`, a digit short: the other way to read it (07:47 beside 07:07:47); the one
    /// that keeps the timeline running forward is taken.
    pub typo: Option<NaiveTime>,
    /// The range's end is written with its own day (`23Jan07 10:30->30Jan07 10:00`).
    pub end_dated: bool,
}

/// The stamp a line starts with, if it does.
pub fn leading_stamp(line: &str) -> Option<Stamp> {
    // `UPDATE @ 25th March 2020, 15:18 UTC - …`, `Update: Mar 3, 2024 14:02 - …`: an update's
    // label before its day and time; the label stays at the head of the event.
    if let Some((label, after)) = super::status::update_label(line)
        && let Some(mut s) = leading_stamp(after)
        && s.date.is_some()
        && matches!(s.time, Some(ClockText::At(_)))
    {
        s.rest = if s.rest.trim().is_empty() { format!("{label}:") } else { format!("{label}: {}", s.rest) };
        return Some(s);
    }
    let nordic = super::stamp_forms::nordic(line).or_else(|| super::stamp_forms::time_zone_day(line));
    let line = nordic.as_deref().unwrap_or(line);
    // `2023-09-18 15.26 text`: a dot between the hour and the minutes, read so only after a
    // full date (alone, `1.25` is a number).
    static DOTTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^([*_`\[(\s]*\d{4}-\d{1,2}-\d{1,2}[ T]([01]?\d|2[0-3]))\.([0-5]\d)(\s|:|$)").ok()
    });
    // `Evening (Sep 2) – ...`: a part of the day, its day in brackets after it, is that day's.
    static PART_THEN_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^([*_\s]*)((?:early |late )?(?:{PART_OF_DAY}))\s*[(（]((?:{MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH}))[)）]"
        ))
        .ok()
    });
    // `2:20/1:20 PM EST/CST`: one moment on two clocks, read as `2:20 PM EST / 1:20 PM CST`.
    let spread = super::two_clocks::spread(line);
    let line = spread.as_deref().unwrap_or(line);
    // `오후 3시 19분`, `10月15日`: a clock or day in Korean, Japanese or Chinese words.
    let east = super::east_asian::western(line);
    let line = east.as_ref().map_or(line, |(western, _)| western.as_str());
    let part_first = PART_THEN_DAY.as_ref().filter(|re| re.is_match(line)).map(|re| re.replace(line, "$1$3 $2"));
    let line = part_first.as_deref().unwrap_or(line);
    let dotted = DOTTED.as_ref().map(|re| re.replace(line, "$1:$3$4"));
    let line = dotted.as_deref().unwrap_or(line);
    let comma = super::stamp_forms::decimal_comma(line);
    let line = comma.as_deref().unwrap_or(line);
    let c = STAMP.as_ref()?.captures(line)?;
    let part = c.name("part").filter(|_| c.name("date").is_some() || c.name("pair").is_some()).map(|m| m.as_str());
    let time_text = c.name("time").or_else(|| c.name("dashed")).map(|m| m.as_str()).or(part);
    // `11:10 6th Nov 2023`, `22:36–22:47 (Jun 11)`: the date after a time with a colon.
    // (`5:17 am PDT, 20th July`: the day after the zone.)
    let later = c.name("later").or(c.name("later2").filter(|_| c.name("zone").is_some()));
    let later = later.filter(|_| time_text.is_some_and(|t| t.contains(':')));
    let date_text = c.name("date").or(later).map(|m| m.as_str());
    let pair = c.name("pair").and_then(|m| m.as_str().split_once(['-', '/']));
    if date_text.is_none() && time_text.is_none() {
        return None;
    }
    let date = match (date_text, pair) {
        (Some(t), _) => Some(parse_date(t)?),
        // `12-05 16:21`, `13/07 4.50 pm`; a pair without a time is a fraction or a range
        // (`3/4`, `10-12`).
        (None, Some((a, b)))
            if time_text.is_some_and(|t| t.contains(':') || t.trim_end_matches('.').to_lowercase().ends_with('m'))
                || part.is_some() =>
        {
            Some(DateText::Pair(a.parse().ok()?, b.parse().ok()?))
        }
        (None, Some(_)) => return None,
        (None, None) => None,
    };
    let zone = c.name("zone").map(|m| m.as_str().to_string());
    let time = match time_text {
        Some(t) => {
            // `~ 06:27`: about then, a space after the tilde or not.
            let t = t.trim_start_matches(['~', '≈', '≤', '≥']).trim_start().trim_end_matches('+');
            let four = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
            // `1625` is a time only after a date or before a zone; alone it may be a year.
            let hours = super::stamp_forms::plainly_hours(t, c.get(0).map_or("", |m| m.as_str()));
            if four && date.is_none() && zone.is_none() && !hours {
                return None;
            }
            // `15:19:02.9`: a fraction of a second, kept; `15:20:10.0x`, one not known, left out.
            let (t, nanos) =
                match t.split_once(':').and_then(|(_, r)| r.split_once(':')).and_then(|(_, r)| r.split_once('.')) {
                    Some((_, fraction)) => {
                        let digits = fraction.trim_end_matches(['x', 'X']);
                        let nanos = (digits.len() == fraction.len() && digits.len() <= 9)
                            .then(|| format!("{digits:0<9}").parse::<u32>().ok())
                            .flatten();
                        (&t[..t.len() - fraction.len() - 1], nanos)
                    }
                    None => (t, None),
                };
            // `22h06`, `~22h` (French hours): the hour alone only after a date (`2h` is a while).
            let french = t.split_once(['h', 'H']).filter(|(h, m)| {
                !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()) && m.bytes().all(|b| b.is_ascii_digit())
            });
            if french.is_some_and(|(_, m)| m.is_empty()) && date.is_none() {
                return None;
            }
            let hours = french.map(|(h, m)| format!("{h}:{}", if m.is_empty() { "00" } else { m }));
            let t = hours.as_deref().unwrap_or(t);
            // `11.15pm`: a dot between the hour and the minutes.
            let dotted = t.split_once('.').filter(|(h, _)| !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()));
            // (`930am`: the hour and the minutes run together.)
            let colon = dotted.map(|(h, m)| format!("{h}:{m}")).or_else(|| super::stamp_forms::glued_hours(t));
            let t = colon.as_deref().unwrap_or(t);
            // `midnight`, `noon`: the hour in words.
            let t = match t.to_ascii_lowercase().as_str() {
                "midnight" => "00:00",
                "noon" | "midday" => "12:00",
                _ => t,
            };
            // `11:51:xx`: the seconds are not known, the minute is.
            let t = match t.split_at_checked(t.len().saturating_sub(3)) {
                Some((minute, ":xx" | ":XX" | ":??")) if minute.contains(':') => minute,
                _ => t,
            };
            // `16:2x`: the tens of the minute are known, so its start (16:20, the text kept).
            let tens = t
                .strip_suffix(['x', 'X'])
                .filter(|h| {
                    h.split_once(':').is_some_and(|(h, m)| {
                        (1..=2).contains(&h.len())
                            && m.len() == 1
                            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
                    })
                })
                .map(|h| format!("{h}0"));
            let t = tens.as_deref().unwrap_or(t);
            // `??:??`, `16:xx`, `unknown`, `evening`: the time is not known (the day may be).
            let vague = t.starts_with("??") || t.contains(['x', 'X', '?']) || t.chars().all(char::is_alphabetic);
            // `11:21a`, `12:28p`: am and pm by their first letter.
            let short = t.strip_suffix(['a', 'p', 'A', 'P']).filter(|h| h.ends_with(|c: char| c.is_ascii_digit()));
            let meridiem = short.map(|_| format!("{t}m"));
            let t = meridiem.as_deref().unwrap_or(t);
            let at = if vague { None } else { Some(parse_clock(t)?) };
            let at = at.map(|a| nanos.and_then(|n| chrono::Timelike::with_nanosecond(&a, n)).unwrap_or(a));
            Some(at.map_or(ClockText::Unknown, ClockText::At))
        }
        None => None,
    };
    // `16:28+5m`: five minutes after 16:28.
    let time = match (time, c.name("plus"), c.name("unit")) {
        (Some(ClockText::At(at)), Some(n), Some(unit)) if time_text.is_some_and(|t| t.ends_with('+')) => {
            let n: i64 = n.as_str().parse().ok()?;
            let by = match unit.as_str() {
                "h" => chrono::Duration::hours(n),
                "s" => chrono::Duration::seconds(n),
                _ => chrono::Duration::minutes(n),
            };
            Some(ClockText::At(at + by))
        }
        (time, ..) => time,
    };
    let end = c.name("end").and_then(|m| parse_clock(m.as_str()));
    // `1:21–1:29 PM`: the am/pm written once, after the range's end, holds for its start.
    let meridiem = |t: &str| t.to_lowercase().contains(['a', 'p']);
    let time = match (time, end, time_text, c.name("end")) {
        // (`14:47–14:52 PM`: a start past noon already is as written.)
        (Some(ClockText::At(at)), Some(until), Some(t), Some(e))
            if !meridiem(t) && meridiem(e.as_str()) && chrono::Timelike::hour(&at) < 12 =>
        {
            let later = at + chrono::Duration::hours(12);
            Some(ClockText::At(if at < until && later <= until { later } else { at }))
        }
        (time, ..) => time,
    };
    let whole = c.get(0)?;
    // `00:27:46–48` (seconds), `Jul 21–22` (days): what a range ends with is read so only
    // after a time with seconds or a date alone; after `14:02` (`14:02-15 users`) it is text.
    let end_at = match c.name("secs") {
        Some(m)
            if !(time_text.is_some_and(|t| t.matches(':').count() == 2) || (time_text.is_none() && date.is_some())) =>
        {
            m.start()
        }
        _ => whole.end(),
    };
    let after = &line[end_at..];
    // The stamp ends at a separator, a space or the end of the line, never inside a word.
    let next = after.chars().next();
    if next.is_some_and(|ch| ch.is_alphanumeric()) {
        return None;
    }
    let open = c.name("open").map_or("", |m| m.as_str());
    // `8:48). text`: a bracket closed that the stamp did not open is the end of something else.
    let close = c.name("close").map_or("", |m| m.as_str());
    if (close.contains(')') && !open.contains('(')) || (close.contains(']') && !open.contains('[')) {
        return None;
    }
    // `[13:26]` is closed by `]`, `**10:30**` by `**`; a date alone needs a separator after it
    // (`2021-08-17: text`) or nothing at all (a date line).
    let rest_raw = after.trim_start();
    let separated = rest_raw.starts_with([':', '-', '–', '—', '|', ',', '.']) || rest_raw.is_empty();
    // `2015-02-27 Fix is merged`: a full date, then a sentence, is an entry of that day.
    // `Aug 3-4   containers started`: a range of days, then what happened on them.
    let days_then_words = time.is_none() && date.is_some() && c.name("secs").is_some() && !rest_raw.is_empty();
    let iso_then_sentence = days_then_words
        || time.is_none()
            && date_text.is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-')
            && rest_raw.starts_with(|ch: char| ch.is_uppercase());
    if time.is_none() && !separated && !open.contains('*') && !open.contains('[') && !iso_then_sentence {
        return None;
    }
    // `unknown - text`: a word for a time only with a separator after it.
    if time_text.is_some_and(|t| t.eq_ignore_ascii_case("unknown") || t.eq_ignore_ascii_case("tbd")) && !separated {
        return None;
    }
    let rest = rest_raw.trim_start_matches([':', '-', '–', '—', '|', ',', '.', ' ', '\t']);
    // `*26 August, 17:33 CET:* text`: the emphasis around the stamp closes after its colon.
    let rest = match open.trim_start_matches(['[', '(', ' ', '~', '≈']) {
        "*" | "_" if close.is_empty() => rest.strip_prefix(['*', '_']).map_or(rest, str::trim_start),
        _ => rest,
    };
    let rest = if open.contains("**") && !c.name("close").is_some_and(|m| m.as_str().contains("**")) {
        // `**01:38: alerts fired**`: the bold runs over the event; its end goes too.
        rest.trim_end().strip_suffix("**").unwrap_or(rest).trim_end()
    } else {
        rest
    };
    let mut text =
        line[whole.start()..end_at].trim().trim_matches(['*', '_', '`', '[', ']', '(', ')']).trim().to_string();
    // The same moment on other clocks, part of the stamp (kept as written with it).
    let also = super::stamp_forms::other_clocks(rest_raw, rest, zone.is_some());
    let rest = match also {
        Some(m) => {
            text = format!("{text} {}", m.as_str().trim());
            rest[m.end()..].trim_start_matches([':', '-', '–', '—', ' '])
        }
        None => rest,
    };
    let separated = rest_raw.starts_with([':', '-', '–', '—', '|']);
    let weekday = c.name("weekday").and_then(|m| m.as_str().get(..3)?.parse().ok());
    let typo = time_text.map(|t| t.trim_start_matches(['~', '≈', '≤', '≥'])).and_then(|t| {
        let (h, rest) = t.split_once(':')?;
        let (m, sec) = rest.split_once(':')?;
        (m.len() == 1).then(|| NaiveTime::from_hms_opt(h.parse().ok()?, sec.parse().ok()?, 0)).flatten()
    });
    // `16:35 (MSK)`: the bracket the zone closes stays closed.
    if text.matches('(').count() > text.matches(')').count() {
        text.push(')');
    }
    if let Some((_, written)) = &east {
        text.clone_from(written);
    }
    let end_dated = c.name("enddate").is_some() && end.is_some();
    Some(Stamp { date, time, end, zone, text, rest: clean_event(rest), separated, weekday, typo, end_dated })
}

/// An event's text without the markup a stamp leaves around it: a trailing `<br>`, a lone
/// `**` with nothing to close.
pub fn clean_event(text: &str) -> String {
    let mut t = text.trim().to_string();
    for br in ["<br>", "<br/>", "<br />", "<BR>"] {
        while let Some(stripped) = t.strip_suffix(br) {
            t = stripped.trim_end().to_string();
        }
    }
    if t.matches("**").count() % 2 == 1 {
        if let Some(s) = t.strip_suffix("**") {
            t = s.trim_end().to_string();
        } else if let Some(s) = t.strip_prefix("**") {
            t = s.trim_start().to_string();
        } else {
            t = t.replacen("**", "", 1);
        }
    }
    t
}

pub use crate::doc::entry::month;

/// A clock as written; `00:08 AM`, hour 00 on a 12-hour clock, is 00:08 (as `12:08 AM`).
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    let am = t.to_ascii_lowercase().replace('.', "").ends_with("am");
    match t.strip_prefix("00:").filter(|_| am) {
        Some(rest) => crate::doc::entry::clock(&format!("12:{rest}")),
        None => crate::doc::entry::clock(t),
    }
}

#[cfg(test)]
#[path = "stamp_tests.rs"]
mod tests;
