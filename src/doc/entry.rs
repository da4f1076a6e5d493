//! Forgiving entry of times and dates, as people type them in a hurry: `14:02`, `+5m`,
//! `yesterday 23:50`, `next friday`. Text that cannot be understood is an error the caller
//! shows; the caller keeps the text as typed.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use super::time::{TimeError, Zone};

/// The same instant, with the zone's offset at that moment (for display and storage).
pub fn in_zone(zone: &Zone, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    match zone {
        Zone::Fixed(offset) => t.with_timezone(offset),
        Zone::Named(tz) => t.with_timezone(tz).fixed_offset(),
    }
}

/// An instant as people type it back: in the zone's wall-clock time, `2026-11-23 23:50`
/// (seconds only when it has them). [`parse_time`] reads it as the same instant.
pub fn typed_form(zone: &Zone, t: DateTime<FixedOffset>) -> String {
    let local = in_zone(zone, t);
    local.format(if t.timestamp() % 60 == 0 { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d %H:%M:%S" }).to_string()
}

/// What a time typed without a date is relative to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    /// The time of the row above, for `+5m` and for a bare `14:02`.
    pub previous: Option<DateTime<FixedOffset>>,
    /// The day a bare time falls on when there is no row above (the incident's day, or today).
    pub day: NaiveDate,
}

/// Reads a timeline time: `14:02`, `14:02:30`, `2026-11-24 14:02`, `2026-11-24T14:02Z`,
/// `+5m` / `+1h30m` (after the row above), `yesterday 23:50`, `today 09:15`.
pub fn parse_time(text: &str, zone: &Zone, ctx: Context) -> Result<DateTime<FixedOffset>, TimeError> {
    let t = text.trim();
    if let Some(rel) = t.strip_prefix('+') {
        let base = ctx.previous.ok_or(TimeError::NotATime)?;
        return Ok(in_zone(zone, base + parse_span(rel).ok_or(TimeError::NotATime)?));
    }
    if let Ok(exact) = zone.parse_local(t) {
        return Ok(exact);
    }
    let lower = t.to_lowercase();
    let (day, clock) = if let Some(rest) = lower.strip_prefix("yesterday") {
        (ctx_day(ctx, zone) - Duration::days(1), rest.trim())
    } else if let Some(rest) = lower.strip_prefix("today") {
        (ctx_day(ctx, zone), rest.trim())
    } else if let Some(rest) = lower.strip_prefix("tomorrow") {
        (ctx_day(ctx, zone) + Duration::days(1), rest.trim())
    } else {
        (ctx_day(ctx, zone), lower.as_str())
    };
    let time = self::clock(clock).ok_or(TimeError::NotATime)?;
    let t = zone.localize(NaiveDateTime::new(day, time))?;
    // A bare time far before the one above it is past midnight: the next day (`00:40` after
    // `23:58`); a little before is an earlier moment of the same day.
    match ctx.previous {
        Some(p) if clock == lower && p - t > Duration::hours(6) => {
            zone.localize(NaiveDateTime::new(day + Duration::days(1), time))
        }
        _ => Ok(t),
    }
}

/// The day a bare time belongs to: the row above's day (in the document's zone), else the
/// context's day.
fn ctx_day(ctx: Context, zone: &Zone) -> NaiveDate {
    match (ctx.previous, zone) {
        (Some(p), Zone::Named(tz)) => p.with_timezone(tz).date_naive(),
        (Some(p), Zone::Fixed(off)) => p.with_timezone(off).date_naive(),
        (None, _) => ctx.day,
    }
}

/// `5m`, `1h30m`, `90s`, `2h`, `1d` -> a duration.
pub fn parse_span(text: &str) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number.parse().ok()?;
        number.clear();
        total += match c {
            'd' => Duration::days(n),
            'h' => Duration::hours(n),
            'm' => Duration::minutes(n),
            's' => Duration::seconds(n),
            _ => return None,
        };
        any = true;
    }
    (number.is_empty() && any).then_some(total)
}

/// Reads a due date: `2026-12-01`, `today`, `tomorrow`, `in 3 days`, `in 2 weeks`,
/// `next friday`, `friday`.
pub fn parse_due(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = text.trim().to_lowercase();
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Some(d);
    }
    match t.as_str() {
        "today" => return Some(today),
        "tomorrow" => return Some(today + Duration::days(1)),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix("in ") {
        let mut parts = rest.split_whitespace();
        let n: i64 = match parts.next()? {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            n => n.parse().ok()?,
        };
        let days = match parts.next()?.trim_end_matches('s') {
            "day" => n,
            "week" => 7 * n,
            "month" => return today.checked_add_months(chrono::Months::new(u32::try_from(n).ok()?)),
            _ => return None,
        };
        return Some(today + Duration::days(days));
    }
    let (next, name) = match t.strip_prefix("next ") {
        Some(name) => (true, name),
        None => (false, t.as_str()),
    };
    let weekday: Weekday = name.parse().ok()?;
    let ahead = (weekday.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64 + 7) % 7;
    // "friday" is the coming one (today counts as a week away); "next friday" is the same day,
    // as most people mean it, unless that is within the next two days.
    let ahead = if ahead == 0 { 7 } else { ahead };
    let ahead = if next && ahead < 3 { ahead + 7 } else { ahead };
    Some(today + Duration::days(ahead))
}

/// One line of a pasted chat or log excerpt that starts with a time, as Slack, IRC,
/// journald and ISO-stamped logs write them: the time as written, and the rest.
pub fn split_log_line(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    // ISO: 2026-11-24T14:02:31Z or 2026-11-24 14:02:31,123
    if line.len() >= 16 && line.as_bytes()[4] == b'-' && line.as_bytes()[7] == b'-' {
        let end = line.find(|c: char| c.is_whitespace()).unwrap_or(line.len());
        let (date, rest) = line.split_at(end);
        if date.contains('T') {
            return Some((date.to_string(), rest.trim().to_string()));
        }
        let rest = rest.trim_start();
        let tend = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let clock = rest[..tend].split([',', '.']).next().unwrap_or("");
        if NaiveTime::parse_from_str(clock, "%H:%M:%S").is_ok() || NaiveTime::parse_from_str(clock, "%H:%M").is_ok() {
            return Some((format!("{date} {clock}"), rest[tend..].trim().to_string()));
        }
        return None;
    }
    // journald / syslog: "Nov 24 14:02:31 host unit[123]: message"
    let words: Vec<&str> = line.splitn(4, ' ').collect();
    if words.len() == 4 && words[0].len() == 3 && words[0].chars().all(|c| c.is_ascii_alphabetic()) {
        let day: u32 = words[1].trim().parse().ok()?;
        if NaiveTime::parse_from_str(words[2], "%H:%M:%S").is_ok() {
            let month = month(words[0])?;
            let rest = words[3].split_once(": ").map_or(words[3], |(_, m)| m);
            return Some((format!("{month:02}-{day:02} {}", words[2]), rest.trim().to_string()));
        }
    }
    // Slack and IRC: "[14:02] Priya: text", "[14:02:31] <priya> text", "14:02 text"
    let stripped = line.strip_prefix('[').map_or(line, |r| r);
    let end = stripped.find([']', ' ', '\t'])?;
    let clock = &stripped[..end];
    let valid =
        NaiveTime::parse_from_str(clock, "%H:%M:%S").is_ok() || NaiveTime::parse_from_str(clock, "%H:%M").is_ok();
    if !valid {
        return None;
    }
    let rest = stripped[end..].trim_start_matches(']').trim();
    Some((clock.to_string(), rest.to_string()))
}

/// A month by its name or the start of it (`Feb`, `february`, `Sept.`).
pub fn month(name: &str) -> Option<u32> {
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_lowercase();
    months.iter().position(|m| lower.starts_with(m)).map(|i| i as u32 + 1)
}

/// A time of day as people write it: `14:02`, `14:02:30`, `2:05 PM`, `8pm`, `10h47`, `1625`.
/// The one reader of clock times, for the editor, the import and pasted logs.
pub fn clock(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_lowercase().replace('.', "");
    let (t, meridiem) = if let Some(s) = t.strip_suffix("am") {
        (s.trim().to_string(), Some(false))
    } else if let Some(s) = t.strip_suffix("pm") {
        (s.trim().to_string(), Some(true))
    } else {
        (t.clone(), None)
    };
    let (h, m, s) = if let Some((h, rest)) = t.split_once([':', 'h']) {
        let (m, s) = rest.split_once(':').unwrap_or((rest, "0"));
        let s = s.split('.').next().unwrap_or("0");
        (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, s.parse::<u32>().ok()?)
    } else if t.len() == 4 && meridiem.is_none() {
        (t[..2].parse().ok()?, t[2..].parse().ok()?, 0)
    } else {
        (t.parse().ok()?, 0, 0)
    };
    let time = NaiveTime::from_hms_opt(h, m, s)?;
    match meridiem {
        None => Some(time),
        Some(pm) if (1..=12).contains(&h) => time.with_hour(h % 12 + if pm { 12 } else { 0 }),
        // `17:22pm`: a 24-hour clock past noon, its "pm" agreeing with it.
        Some(true) if (13..=23).contains(&h) => Some(time),
        Some(_) => None,
    }
}

/// A line that is only a day, as chat exports and notes divide a paste by day: `2026-11-26`,
/// `Thursday, November 26th`, `26 November 2026`, `Nov 26` — with anything after it in
/// brackets (`(all times CET)`). A day without a year is in `year`.
pub fn day_line(line: &str, year: i32) -> Option<NaiveDate> {
    let line = line.trim().trim_matches(['*', '_', '#', ' ', '-', '=']).trim();
    let line = line.split_once(['(', '[']).map_or(line, |(d, _)| d).trim().trim_end_matches([':', ',', '.']);
    if let Ok(d) = NaiveDate::parse_from_str(line, "%Y-%m-%d") {
        return Some(d);
    }
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    // A weekday first is only a weekday.
    let words = match words.first() {
        Some(w) if w.parse::<Weekday>().is_ok() => &words[1..],
        _ => &words[..],
    };
    let number = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    let (m, d, rest) = match words {
        [a, b, rest @ ..] if month(a).is_some() => (month(a)?, number(b)?, rest),
        [a, b, rest @ ..] if month(b).is_some() => (month(b)?, number(a)?, rest),
        _ => return None,
    };
    let y = match rest {
        [] => year,
        [y] => y.parse().ok().filter(|y| (1970..2200).contains(y))?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Turns a pasted excerpt into (time, event) rows. Lines that do not start with a time continue
/// the event above; a line that is only a day (`Thursday, November 26th`) sets the day of the
/// bare times below it; a syslog `MM-DD HH:MM:SS` takes its year from the day.
pub fn log_rows(text: &str, zone: &Zone, ctx: Context) -> Vec<(Result<DateTime<FixedOffset>, String>, String)> {
    let mut rows: Vec<(Result<DateTime<FixedOffset>, String>, String)> = Vec::new();
    let mut previous = ctx.previous;
    let mut day = ctx.day;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match split_log_line(line) {
            Some((when, what)) => {
                let when = if when.len() == 14 && when.as_bytes()[2] == b'-' {
                    format!("{}-{when}", day.year())
                } else {
                    when
                };
                let parsed = parse_time(&when, zone, Context { previous, day }).map_err(|_| when.clone());
                if let Ok(t) = parsed {
                    previous = Some(t);
                }
                rows.push((parsed, what));
            }
            None if day_line(line, day.year()).is_some() => {
                day = day_line(line, day.year()).unwrap_or(day);
                previous = None;
            }
            None => match rows.last_mut() {
                Some((_, event)) => {
                    event.push(' ');
                    event.push_str(line.trim());
                }
                None => continue,
            },
        }
    }
    rows
}

#[cfg(test)]
#[path = "entry_tests.rs"]
mod tests;
