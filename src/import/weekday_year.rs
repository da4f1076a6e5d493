//! The year of a file that writes none, told by the weekdays it gives its days ("Monday, August
//! 8", "lundi 8 août", `8月8日(月)`): the latest year, up to the one it is imported in, in which
//! each of those days falls on the weekday named, as a careful reader would work it out.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use super::months::month_word;
use super::weekdays;

/// A day the file names with its weekday: (weekday, month, day of the month), and as written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Named {
    pub weekday: Weekday,
    pub month: u32,
    pub day: u32,
    pub written: String,
}

/// Words that may stand between a weekday and its day ("Monday the 8th of August", "lunes 8 de
/// agosto", "Montag, den 8. August", "Thursday afternoon July 13th").
const BETWEEN: &[&str] =
    &["the", "of", "de", "del", "le", "den", "der", "il", "morning", "afternoon", "evening", "night"];

/// How many words after a weekday its month and day may take.
const REACH: usize = 4;

/// The days `text` names with a weekday, in order.
pub(super) fn named_days(text: &str) -> Vec<Named> {
    let mut out = east_asian(text);
    let words: Vec<(usize, &str)> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (i, &(at, word)) in words.iter().enumerate() {
        let Some(weekday) = weekdays::weekday_word(word) else { continue };
        let (mut month, mut day, mut end, mut last) = (None, None, at + word.len(), word);
        for &(w_at, w) in words.iter().skip(i + 1).take(REACH) {
            // Only spaces, commas and dashes between the words, and a dot only after a number
            // ("8. August"): not another sentence.
            let gap = &text[end..w_at];
            let numbered = last.starts_with(|c: char| c.is_ascii_digit());
            if gap.chars().any(|c| !(c.is_whitespace() || matches!(c, ',' | '-') || (c == '.' && numbered))) {
                break;
            }
            last = w;
            if let Some(d) = day_number(w).filter(|_| day.is_none()) {
                day = Some(d);
            } else if let Some(m) = month_word(w).filter(|_| month.is_none() && w.len() >= 3) {
                month = Some(m);
            } else if !BETWEEN.contains(&w.to_lowercase().as_str()) {
                break;
            }
            end = w_at + w.len();
            if month.is_some() && day.is_some() {
                break;
            }
        }
        if let (Some(month), Some(day)) = (month, day) {
            out.push(Named { weekday, month, day, written: text[at..end].to_string() });
        }
    }
    out
}

/// `8月8日(月)`: Japanese, with the weekday in brackets after the day.
fn east_asian(text: &str) -> Vec<Named> {
    static DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[(（]\s*([月火水木金土日])(?:曜日?)?\s*[)）]").ok()
    });
    let Some(re) = DAY.as_ref() else { return Vec::new() };
    re.captures_iter(text)
        .filter_map(|c| {
            let weekday = match &c[3] {
                "月" => Weekday::Mon,
                "火" => Weekday::Tue,
                "水" => Weekday::Wed,
                "木" => Weekday::Thu,
                "金" => Weekday::Fri,
                "土" => Weekday::Sat,
                _ => Weekday::Sun,
            };
            Some(Named { weekday, month: c[1].parse().ok()?, day: c[2].parse().ok()?, written: c[0].to_string() })
        })
        .collect()
}

/// A day of the month: `8`, `08`, `8th`, `1st`, `1er`.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "e") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// How many years back from the one it is imported in a file's weekdays are looked for.
const YEARS_BACK: i32 = 28;

/// The latest year, up to `today`'s (and not after `today`), in which every one of `days`
/// falls on its weekday; `None` when the file names none, or no year fits them all.
pub(super) fn year_of(days: &[Named], today: NaiveDate) -> Option<i32> {
    if days.is_empty() {
        return None;
    }
    (today.year() - YEARS_BACK..=today.year()).rev().find(|&year| {
        days.iter().all(|d| {
            NaiveDate::from_ymd_opt(year, d.month, d.day)
                .is_some_and(|date| date.weekday() == d.weekday && date <= today)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn days_with_their_weekday_in_several_languages() {
        let found = |t: &str| named_days(t).into_iter().map(|n| (n.weekday, n.month, n.day)).collect::<Vec<_>>();
        assert_eq!(found("On Monday, August 8 at 04:27 the proxy failed."), vec![(Weekday::Mon, 8, 8)]);
        assert_eq!(found("Tue 9 Aug, 01:30"), vec![(Weekday::Tue, 8, 9)]);
        assert_eq!(found("Monday the 8th of August"), vec![(Weekday::Mon, 8, 8)]);
        assert_eq!(found("lundi 8 août vers 4h"), vec![(Weekday::Mon, 8, 8)]);
        assert_eq!(found("Montag, den 8. August um 4:27 Uhr"), vec![(Weekday::Mon, 8, 8)]);
        assert_eq!(found("el lunes 8 de agosto"), vec![(Weekday::Mon, 8, 8)]);
        assert_eq!(found("active again by Thursday afternoon July 13th"), vec![(Weekday::Thu, 7, 13)]);
        assert_eq!(found("8月8日(月) 4:27 障害が発生"), vec![(Weekday::Mon, 8, 8)]);
        // A weekday and a day in different sentences, or a number that is no day, are not one.
        assert_eq!(found("It failed on Monday. August 8 was quiet."), vec![]);
        assert_eq!(found("Every Monday 40 jobs run in August"), vec![]);
        assert_eq!(found("the sun rose at 6"), vec![]);
    }

    #[test]
    fn the_latest_year_in_which_every_named_day_falls_on_its_weekday() {
        let today = day(2026, 12, 6);
        let days = named_days("8月8日(月) 4:27 … 8月9日(火) 1:30");
        assert_eq!(year_of(&days, today), Some(2022));
        // This year's day, when it has passed and fits.
        assert_eq!(year_of(&named_days("Friday, December 4"), today), Some(2026));
        // Not a day still to come: the 25th of December 2026 is a Friday, but later than today.
        assert_eq!(year_of(&named_days("Friday, December 25"), today), Some(2020));
        // Days that no year fits together (a slip in one of them) tell nothing.
        assert_eq!(year_of(&named_days("Monday, August 8 and Monday, August 9"), today), None);
        assert_eq!(year_of(&[], today), None);
    }
}
