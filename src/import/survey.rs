//! What the whole file says about its times before any part of it is read: the zone it states
//! (or the one its times carry), whether it writes `03/10/2021` day first or month first, and
//! the first day it names.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::stamp::{DateText, Order};
use super::times::find_date;
use super::zone::{REGION_CLOCK, ZONE_PATTERN, ZoneWord, named_clock, stated, zone_word};
use crate::doc::Zone;

pub struct Survey {
    /// The zone stated (or carried by the file's times), why it is taken, and the line.
    pub zone: Option<(ZoneWord, String, usize)>,
    pub order: Order,
    pub first_date: Option<NaiveDate>,
    /// An abbreviation the file glosses with its offset (`CST (UTC+8)`), and that offset.
    pub gloss: Option<(String, Zone)>,
}

/// A day and month without a year, then a time (`13/07 4.50 pm`, `03-14 10:00`).
static PAIR_BEFORE_TIME: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s|\[(])(\d{1,2})[/-](\d{1,2})\s+\d{1,2}(?:[:.]\d{2}|\s?[ap]\.?m)").ok());
static DIGITS: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([-/.])(\d{1,2})[-/.]((?:19|20)\d{2})\b").ok());
/// `4th April`, `14 October 2018`; and `April 4`, `October 14th`: a day in words, each way.
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
static WORDED_DAY_FIRST: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?\.? (?:of )?(?:{MONTHS})\b")).ok());
static WORDED_MONTH_FIRST: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:[^:\d]|$)")).ok());
/// `12→13/09/2026`, `3-4/10/2021`: two days of one month; the first is the day.
static DAY_RANGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.-])(\d{1,2})\s*(?:→|->|–|—|-)\s*\d{1,2}[-/.](\d{1,2})[-/.]((?:19|20)\d{2})\b").ok()
});
/// `5-26-21`: a date with a two-digit year, read only when the line has no other date.
static SHORT_YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(])(\d{1,2})[-/](\d{1,2})[-/](\d{2})(?:$|[\s),.])").ok());
static TIME_ZONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(?:\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?(?:\s?[ap]\.?m\.?)?|\s?[ap]\.?m\.?)|\d{{4}}))\**\s?[(（]?(?:(?-i:({ZONE_PATTERN}))|(?i:({REGION_CLOCK})\b))"
    ))
    .ok()
});

/// A time column's header in other words than "Time", before the zone in brackets.
static TIME_HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:date\s*/\s*time|datetime|date et heure|horodatage|heure|uhrzeit|zeitpunkt|zeit|hora|fecha y hora|時刻|時間|时间|시각)\s*[(（]").ok()
});

/// `13/07 4.50 pm`, `[03-14 10:00]`: a day and month before a time count too.
fn count_pairs(t: &str, day_first: &mut usize, month_first: &mut usize) {
    if let Some(re) = PAIR_BEFORE_TIME.as_ref() {
        for c in re.captures_iter(t) {
            let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            if a > 12 && b <= 12 {
                *day_first += 1;
            } else if b > 12 && a <= 12 {
                *month_first += 1;
            }
        }
    }
}

pub fn survey(src: &str) -> Survey {
    let mut zone = None;
    // The zone was stated "unless noted" (`## Timeline (UTC unless noted)`).
    let mut unless_noted = false;
    let mut carried: HashMap<String, (usize, usize)> = HashMap::new();
    let (mut day_first, mut month_first, mut dots, mut slashes) = (0, 0, 0, 0);
    // `4/6/2025` beside "June 4th 2025": a digit date that is a day told in words one way
    // only is read that way.
    let (mut told_days, mut undecided) = (std::collections::HashSet::new(), Vec::new());
    // Days written in words, day first ("Saturday 4th April") or month first ("April 4"): how
    // the writer orders a day, when the digits do not tell.
    let (mut worded_day_first, mut worded_month_first) = (0, 0);
    let mut first_date = None;
    // `2013年12月24日 5:14 PM` alone on a line (when it was posted) over a title that names an
    // earlier day (`… (2013年12月23日)`) within a week, a few lines on: the incident's day is that.
    let mut posted_at: Option<(NaiveDate, usize)> = None;
    // A date in the front matter (`pubDate: 2025-01-20`) is when the page was published: the
    // first day only when the text tells none ("Le 17 janvier 2025, ..." is the incident's).
    let mut front_date = None;
    let mut front = src.starts_with("---") || src.starts_with("+++");
    let mut fence = false;
    for (n, line) in src.lines().enumerate() {
        let t = line.trim();
        if front {
            if n > 0 && (t == "---" || t == "+++" || t == "...") {
                front = false;
            } else if front_date.is_none() {
                front_date = find_date(t).map(DateText::Full);
            }
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            // A log's `08-31 15:47:49` in a code block still tells how the file orders a day.
            count_pairs(t, &mut day_first, &mut month_first);
            continue;
        }
        // `| Datetime (UTC+2) |`, `| Heure (CET) |`: a time column's header names the zone too.
        let header = TIME_HEADER.as_ref().map_or(std::borrow::Cow::Borrowed(t), |re| re.replace_all(t, "Time ("));
        // `## Timeline (UTC unless noted)` then `| Time (CEST) | Event |`: the column's zone is
        // the noted one.
        let noted = t.starts_with('|') && unless_noted;
        if (zone.is_none() || noted)
            && let Some((word, words)) = stated(&header)
        {
            unless_noted = {
                let l = t.to_lowercase();
                l.contains("unless") || l.contains("otherwise")
            };
            // (Said in the header's own words.)
            let own = TIME_HEADER
                .as_ref()
                .and_then(|re| re.find(t))
                .map(|m| m.as_str().trim_end_matches(['(', '（']).trim_end());
            let words = own.map_or_else(|| words.clone(), |w| words.replacen("Time", w, 1));
            zone = Some((word, format!("line {} says \"{words}\"", n + 1), n + 1));
        }
        if let Some(re) = TIME_ZONE.as_ref() {
            let mut at = 0;
            while let Some(c) = re.captures_at(t, at) {
                // `02:00-04:30` is a range, not a time at UTC−04:30 (its end is read on, for
                // `16:00-17:00 CET`); `1915` is a time only before a zone's name (`1915 UTC`),
                // not an offset (`2019-2020`).
                let named = c.get(1).or_else(|| c.get(2));
                let (whole, zone) = (c.get(0).map_or("", |m| m.as_str()), named.map_or("", |m| m.as_str()));
                at = named.map_or_else(|| c.get(0).map_or(t.len(), |m| m.end()), |m| m.start() + 1);
                while !t.is_char_boundary(at) {
                    at += 1;
                }
                let numeric = zone.starts_with(['+', '-']);
                let clock = &whole[..whole.len() - zone.len()];
                let range = numeric && clock.matches(':').count() == 1 && !clock.ends_with(' ');
                if range || (numeric && !clock.contains(':')) {
                    continue;
                }
                if let Some(m) = named {
                    let e = carried.entry(m.as_str().to_string()).or_insert((0, n + 1));
                    e.0 += 1;
                }
            }
        }
        told_days.extend(super::dates::dates_at(t).into_iter().map(|(d, _)| d));
        if let Some(re) = DIGITS.as_ref() {
            for c in re.captures_iter(t) {
                let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
                if a > 12 && b <= 12 {
                    day_first += 1;
                } else if b > 12 && a <= 12 {
                    month_first += 1;
                }
                if &c[2] != "/" {
                    dots += 1;
                } else {
                    slashes += 1;
                }
                if a <= 12 && b <= 12 && a != b {
                    undecided.push((a, b, c[4].parse::<i32>().unwrap_or(0)));
                }
            }
        }
        count_pairs(t, &mut day_first, &mut month_first);
        if let (Some(d), Some(m)) = (WORDED_DAY_FIRST.as_ref(), WORDED_MONTH_FIRST.as_ref()) {
            worded_day_first += d.find_iter(t).count();
            worded_month_first += m.find_iter(t).count();
        }
        // `« Older post (09/12/2010) · Newer post (08/05/2010) »`: a blog's links to other
        // posts, whose days are not this one's.
        let navigation = t.starts_with('«') || t.ends_with('»');
        if first_date.is_none() && !front && !navigation {
            let digits = DIGITS
                .as_ref()
                .and_then(|re| re.captures(t))
                .and_then(|c| Some(DateText::Digits(c[1].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?)));
            let short = || {
                let c = SHORT_YEAR.as_ref()?.captures(t)?;
                Some(DateText::Digits(c[1].parse().ok()?, c[2].parse().ok()?, 2000 + c[3].parse::<i32>().ok()?))
            };
            let range = || {
                let c = DAY_RANGE.as_ref()?.captures(t)?;
                Some(DateText::Digits(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
            };
            let found = find_date(t);
            first_date = found.map(DateText::Full).or_else(range).or(digits).or_else(short);
            let alone = super::stamp::leading_stamp(t).is_some_and(|s| s.time.is_some() && s.rest.trim().is_empty());
            posted_at = found.filter(|_| alone).map(|d| (d, n));
        } else if let Some((posted, _)) = posted_at.filter(|&(_, at)| n <= at + 4)
            && let Some(day) = find_date(t).filter(|&d| d < posted && posted - d <= chrono::Duration::days(7))
        {
            (first_date, posted_at) = (Some(DateText::Full(day)), None);
        }
    }
    for (a, b, y) in undecided {
        let told = |m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|d| told_days.contains(&d));
        match (told(b, a), told(a, b)) {
            (true, false) => day_first += 1,
            (false, true) => month_first += 1,
            _ => {}
        }
    }
    if day_first == month_first {
        (day_first, month_first) = (worded_day_first, worded_month_first);
    }
    // With no evidence either way, `03/10/2021` is read the American way and `03.10.2021` or
    // `03-10-2021` the European way (in a file that writes both, the way it writes most).
    let order = match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Order::DayFirst,
        std::cmp::Ordering::Less => Order::MonthFirst,
        std::cmp::Ordering::Equal if dots > slashes => Order::DayFirst,
        std::cmp::Ordering::Equal => Order::MonthFirst,
    };
    // No statement: the zone most times in the file are written with ("12:32 UTC").
    let zone = zone.or_else(|| {
        let (word, (count, line)) =
            carried.into_iter().max_by_key(|(w, (count, line))| (*count, usize::MAX - line, w.clone()))?;
        let z = zone_word(&word)?;
        let why = format!(
            "{count} time{} written with {word}, first on line {line}",
            if count == 1 { " is" } else { "s are" }
        );
        Some((z, why, line))
    });
    // Nor any: a region's clock the text names in a sentence ("began this morning Eastern time").
    let zone = zone.or_else(|| {
        let mut fence = false;
        src.lines().enumerate().find_map(|(n, line)| {
            if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
                fence = !fence;
            }
            let (word, words) = if fence { None } else { named_clock(line) }?;
            Some((word, format!("line {} says \"{words}\"", n + 1), n + 1))
        })
    });
    // Nor that: an offset in brackets after the text's day or time ("2017年8月25日正午すぎ(UTC+9)",
    // "on 3 May (GMT+2)").
    let zone = zone.or_else(|| {
        static BRACKETED: LazyLock<Option<Regex>> =
            LazyLock::new(|| Regex::new(r"[(（]\s*((?:UTC|GMT)\s?[+-−]\s?\d{1,2}(?::?\d{2})?)\s*[)）]").ok());
        let mut fence = false;
        src.lines().enumerate().find_map(|(n, line)| {
            if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
                fence = !fence;
            }
            let offset = if fence { None } else { BRACKETED.as_ref()?.captures(line) }?;
            let word = offset[1].replace(' ', "").replace('−', "-");
            let z = zone_word(&word)?;
            Some((z, format!("line {} says \"({})\"", n + 1, &offset[1]), n + 1))
        })
    });
    let gloss = zone.as_ref().and_then(|(word, why, _)| glossed(src, word, why));
    let zone = match &gloss {
        Some((abbreviation, offset, line, z)) => {
            Some((ZoneWord::Known(z.clone()), format!("line {line} says \"{abbreviation} ({offset})\""), *line))
        }
        None => zone,
    };
    let gloss = gloss.map(|(abbreviation, _, _, z)| (abbreviation, z));
    Survey { zone, order, first_date: first_date.or(front_date).and_then(|d| d.resolve(order, None)), gloss }
}

/// `CST (UTC+8)`, `IST, UTC+05:30`: an abbreviation (the one the zone was stated with) that
/// the file itself glosses with its offset anywhere is read as that offset (China's CST, not
/// Chicago's; India's IST, not a guess). The abbreviation, the offset as written, its line and
/// the zone.
fn glossed(src: &str, word: &ZoneWord, why: &str) -> Option<(String, String, usize, Zone)> {
    let said = why.split('"').nth(1)?;
    let abbreviation = said
        .split(|c: char| !c.is_ascii_alphabetic())
        .rev()
        .find(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .filter(|a| !matches!(*a, "UTC" | "GMT"))?;
    let re = Regex::new(&format!(
        r"\b{abbreviation}\s*(?:[(（]\s*|,\s*)((?:UTC|GMT)(?:[+-]\s?|\s[+-])\d{{1,2}}(?::?\d{{2}})?)"
    ))
    .ok()?;
    let (n, offset) =
        src.lines().enumerate().find_map(|(n, l)| Some((n, re.captures(l)?.get(1)?.as_str().to_string())))?;
    let ZoneWord::Known(gloss) = zone_word(&offset)? else { return None };
    // `PDT (UTC-7)` agrees with Pacific time: the region, with its rules, stays.
    if let ZoneWord::Known(region) = word {
        let offset_on = |z: &Zone, month: u32| {
            let at = NaiveDate::from_ymd_opt(2026, month, 15)?.and_hms_opt(12, 0, 0)?;
            z.localize(at).ok().map(|t| t.offset().local_minus_utc())
        };
        let glossed = offset_on(&gloss, 1);
        if glossed.is_some() && [1, 7].iter().any(|&m| offset_on(region, m) == glossed) {
            return None;
        }
    }
    Some((abbreviation.to_string(), offset, n + 1, gloss))
}

impl super::build::Builder<'_> {
    /// The zone a heading or line states, the file's own gloss of its abbreviation (`CST
    /// (UTC+8)`) holding over the abbreviation's region.
    pub(super) fn stated_zone(&self, text: &str) -> Option<Zone> {
        let (word, words) = stated(text)?;
        // `Timeline (UTC unless noted)`: the file's zone, which a noted one (`| Time (CEST) |`)
        // has set.
        let lower = text.to_lowercase();
        if (lower.contains("unless") || lower.contains("otherwise"))
            && let Ok(zone) = self.doc.timezone.parse::<Zone>()
        {
            return Some(zone);
        }
        if let Some((abbreviation, zone)) = &self.gloss
            && words.contains(abbreviation.as_str())
        {
            return Some(zone.clone());
        }
        match word {
            ZoneWord::Known(zone) => Some(zone),
            ZoneWord::Ambiguous(_) => None,
        }
    }
}

/// The day a file's name (or, failing that, its folder's) gives: `2025-03-14-outage.md`,
/// `20210622.txt.md`, `16-May-2023_halt.md`, `06-nov-2022_upgrade.md`.
pub(super) fn date_in_name(path: &std::path::Path) -> Option<NaiveDate> {
    static DIGITS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d{2})[-_]?(\d{2})[-_]?(\d{2})(?:\D|$)").ok());
    let names = [path.file_name(), path.parent().and_then(|p| p.file_name())];
    names.iter().flatten().find_map(|name| {
        let name = name.to_string_lossy();
        let digits = DIGITS
            .as_ref()
            .and_then(|re| re.captures(&name))
            .and_then(|c| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
        digits.or_else(|| find_date(&name.replace(['_', '-', '.'], " ")))
    })
}

/// In a file that writes no date, the day a path it cites carries (`Evidence:
/// snapshots/host-boot-20260914-geproton/`): the day of its times, when every such path agrees.
pub(super) fn date_in_paths(src: &str) -> Option<NaiveDate> {
    static PATH_DAY: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"[/\w.-]*/[\w.-]*?(?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?:[^0-9]|$)").ok());
    let days: Vec<NaiveDate> = PATH_DAY
        .as_ref()?
        .captures_iter(src)
        .filter_map(|c| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
        .collect();
    let first = *days.first()?;
    days.iter().all(|&d| d == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_a_cited_path_gives() {
        let day = |s: &str| date_in_paths(s).map(|d| d.to_string());
        assert_eq!(day("Evidence: `snapshots/host-boot-20260914-geproton/` (log)").as_deref(), Some("2026-09-14"));
        assert_eq!(day("see logs/20260914/a and logs/20260915/b").as_deref(), None);
        assert_eq!(day("build 20260914 finished").as_deref(), None);
    }

    #[test]
    fn the_day_a_file_name_gives() {
        let day = |p: &str| date_in_name(std::path::Path::new(p)).map(|d| d.to_string());
        assert_eq!(day("docs/2025-03-14-queue-outage.md").as_deref(), Some("2025-03-14"));
        assert_eq!(day("incidents/2021/20210622.txt.md").as_deref(), Some("2021-06-22"));
        assert_eq!(day("testnet/16-May-2023_Testnet_halt.md").as_deref(), Some("2023-05-16"));
        assert_eq!(day("20-Sept-2023_v9_chain_halt.md").as_deref(), Some("2023-09-20"));
        assert_eq!(day("outage/2023_09_28/README.md").as_deref(), Some("2023-09-28"));
        assert_eq!(day("notes/queue-outage-v2.md"), None);
    }

    #[test]
    fn zone_order_and_first_date() {
        let short = survey("# Website outage 5-26-21\n\n- 04:49 PM UTC x\n");
        assert_eq!(short.first_date.map(|d| d.to_string()).as_deref(), Some("2021-05-26"));
        let s = survey("# Outage on 29-09-2021\n\nAll times in CEST.\n\n- 9:23 x\n");
        assert!(matches!(s.zone, Some((ZoneWord::Known(_), _, 3))));
        assert_eq!(s.order, Order::DayFirst);
        assert_eq!(s.first_date.map(|d| d.to_string()).as_deref(), Some("2021-09-29"));
        let us = survey("Date: 10/23/2024\n\n- 14:02 UTC deploy\n- 14:05 UTC page\n");
        assert_eq!(us.order, Order::MonthFirst);
        assert!(
            matches!(us.zone, Some((ZoneWord::Known(_), ref why, 3)) if why == "2 times are written with UTC, first on line 3")
        );
    }
}
