//! The dates a stamp is written with: `2026-11-24`, `24-10-2024`, `Sep 27 2017`, `6th Nov`,
//! `Feb-08-2021`, `2025-Feb-07`, `10-Apr-2023`, `20-Dec-18`, and `09Aug09`, `30Jan2007` (day, month and year run together,
//! as a table's narrow date column writes them; a two-digit year this century's below 70), and
//! `03/21/16` (slashes and a two-digit year, as an outage log's stamps write them).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::stamp::{DateText, month};

pub(super) const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";

/// A month's name written glued between a day and a year (`09Aug09`).
const GLUED_MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";

/// Every date shape a stamp may start with (for a case-insensitive pattern).
pub(super) static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:\d{{1,2}}{GLUED_MONTH}(?:19|20)?\d{{2}}\b|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}|(?:19|20)\d{{2}}\.\d{{1,2}}\.\d{{1,2}}\b|['’]\d{{2}}\.\d{{1,2}}\.\d{{1,2}}\b|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2}}\b|\d{{4}}-(?:MM|\?\?|\d\d)-(?:DD|\?\?)(?:\[\^[^\]]*\])?|{MONTH}-\d{{1,2}}-(?:19|20)\d{{2}}|\d{{1,2}}-{MONTH}-(?:(?:19|20)\d{{2}}|\d{{2}})\b|(?:19|20)\d{{2}}-{MONTH}-\d{{1,2}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?:19|20)\d{{2}})?)"
    )
});

pub(super) fn parse_date(text: &str) -> Option<DateText> {
    static GLUED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^(\d{{1,2}})({GLUED_MONTH})((?:19|20)?\d{{2}})$")).ok());
    static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$|^((?:19|20)\d{2}|['’]\d{2})\.(\d{1,2})\.(\d{1,2})$").ok()
    });
    static DIGITS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^(\d{1,2})/(\d{1,2})/(\d{2})$").ok());
    static NAMED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH}))(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?$"
        ))
        .ok()
    });
    // `Feb-08-2021` (as block explorers write it), `2025-Feb-07`: `Feb 08 2021`.
    static DASHED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^({MONTH})-(\d{{1,2}})-(\d{{4}})$")).ok());
    // `10-Apr-2023` (an incident log's day headings): `10 Apr 2023`.
    static DAY_FIRST: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^(\d{{1,2}})-({MONTH})-(\d{{4}}|\d{{2}})$")).ok());
    static YEAR_FIRST: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^(\d{{4}})-({MONTH})-(\d{{1,2}})$")).ok());
    let spaced = DASHED.as_ref().map(|re| re.replace(text.trim(), "$1 $2 $3").into_owned());
    // (`20-Dec-18`: a two-digit year, this century's below 70.)
    let spaced = spaced.map(|t| match DAY_FIRST.as_ref().and_then(|re| re.captures(&t)) {
        Some(c) => format!("{} {} {}", &c[1], &c[2], super::dates::full_year(&c[3]).unwrap_or_default()),
        None => t,
    });
    let spaced = spaced.map(|t| YEAR_FIRST.as_ref().map_or(t.clone(), |re| re.replace(&t, "$2 $3 $1").into_owned()));
    let t = spaced.as_deref().unwrap_or(text).trim();
    if t.contains("MM") || t.contains("DD") || t.contains("??") {
        return Some(DateText::Unknown);
    }
    if let Some(c) = GLUED.as_ref()?.captures(t) {
        let year = super::dates::full_year(&c[3])?;
        return NaiveDate::from_ymd_opt(year, month(&c[2])?, c[1].parse().ok()?).map(DateText::Full);
    }
    if let Some(c) = ISO.as_ref()?.captures(t) {
        // (`2020.09.10`, as Korea and Hungary write the day: the year first, with dots.)
        // (`'22.10.15`, as Korea writes it too: the year's last two digits after an apostrophe.)
        let n = |i: usize| {
            let m = c.get(i).or_else(|| c.get(i + 3))?.as_str();
            m.trim_start_matches(['\'', '’'])
                .parse::<u32>()
                .ok()
                .map(|v| if m.len() < 4 { v + 2000 * u32::from(i == 1) } else { v })
        };
        return NaiveDate::from_ymd_opt(n(1)? as i32, n(2)?, n(3)?).map(DateText::Full);
    }
    if let Some(c) = DIGITS.as_ref()?.captures(t) {
        // `03/21/16`: a two-digit year after slashes (this century's below 70).
        let n = |i: usize| c.get(i).or_else(|| c.get(i + 3)).map(|m| m.as_str());
        return Some(DateText::Digits(n(1)?.parse().ok()?, n(2)?.parse().ok()?, super::dates::full_year(n(3)?)?));
    }
    let c = NAMED.as_ref()?.captures(t)?;
    let m = month(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
    let d: u32 = c.name("d1").or_else(|| c.name("d2"))?.as_str().parse().ok()?;
    match c.name("y") {
        Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d).map(DateText::Full),
        None => Some(DateText::NoYear(m, d)),
    }
}
