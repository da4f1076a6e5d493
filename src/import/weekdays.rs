//! Days a text written after the fact names by their weekday ("ressentis samedi vers 9h00",
//! "on Saturday at 14:00", "dimanche dans la soirée") or as the day it is written ("aujourd'hui
//! à 13h", "ce matin", "today"): the last day of that name on or before the day it was written.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The names of the days, as data, in the languages the import reads sentences in.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("montag", Weekday::Mon),
    ("dienstag", Weekday::Tue),
    ("mittwoch", Weekday::Wed),
    ("donnerstag", Weekday::Thu),
    ("freitag", Weekday::Fri),
    ("samstag", Weekday::Sat),
    ("sonnabend", Weekday::Sat),
    ("sonntag", Weekday::Sun),
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("miercoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sábado", Weekday::Sat),
    ("sabado", Weekday::Sat),
    ("domingo", Weekday::Sun),
    ("lunedì", Weekday::Mon),
    ("martedì", Weekday::Tue),
    ("mercoledì", Weekday::Wed),
    ("giovedì", Weekday::Thu),
    ("venerdì", Weekday::Fri),
    ("sabato", Weekday::Sat),
    ("domenica", Weekday::Sun),
];

/// Short names of the days, as status pages and mail headers write them (`Mon, Aug 8`).
const SHORT: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// Words for the day a text is written on.
const TODAY: &[&str] = &[
    "today",
    "this morning",
    "this afternoon",
    "this evening",
    "tonight",
    "aujourd'hui",
    "ce matin",
    "cet après-midi",
    "ce soir",
    "heute",
    "hoy",
    "esta mañana",
    "oggi",
    "stamattina",
    "hoje",
];

/// Words for the day before the one a text is written on.
const YESTERDAY: &[&str] =
    &["yesterday", "gestern", "hier soir", "hier matin", "hier après-midi", "ayer", "anoche", "ieri", "ontem"];

/// Words for the night before it: the day before only for a time in the evening ("last night
/// at 1:30 am" is early on the day it is written).
const LAST_NIGHT: &[&str] = &["last night", "last evening", "la nuit dernière"];

/// The words of `text`, lower case, with where each starts.
fn words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w.replace('’', "'").to_lowercase()))
        .filter(|(_, w)| !w.is_empty())
}

/// The weekday `text` names (a whole word: "Donnerstag-Morgen" names Thursday, "Sundays" no day).
pub(super) fn weekday_in(text: &str) -> Option<Weekday> {
    words(text).find_map(|(_, w)| WEEKDAYS.iter().find(|(name, _)| *name == w).map(|&(_, d)| d))
}

/// The weekday one word names, in full (in any language of [`WEEKDAYS`]) or shortened (`Mon`,
/// `Thurs`).
pub(super) fn weekday_word(word: &str) -> Option<Weekday> {
    let lower = word.to_lowercase();
    SHORT.iter().chain(WEEKDAYS).find(|(w, _)| *w == lower).map(|&(_, d)| d)
}

/// Whether `text` names the day it is written on.
pub(super) fn today_in(text: &str) -> bool {
    names_any(text, TODAY)
}

/// How many days before the one it is written on `text` places a time at `hour`: 1 for
/// "yesterday at 14:00" and "last night at 23:40", 0 for "last night at 1:30", `None` when it
/// names no such day.
pub(super) fn days_back(text: &str, hour: Option<u32>) -> Option<i64> {
    if names_any(text, YESTERDAY) {
        Some(1)
    } else if names_any(text, LAST_NIGHT) {
        Some(if hour.is_some_and(|h| h < 12) { 0 } else { 1 })
    } else {
        None
    }
}

/// Whether `text` holds one of `list` as whole words.
fn names_any(text: &str, list: &[&str]) -> bool {
    let lower = format!(" {} ", text.replace('’', "'").to_lowercase());
    list.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

/// The last `weekday` on or before `written` (a text tells what has happened).
pub(super) fn last_before(written: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (written.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    written - Duration::days(i64::from(back))
}

/// The day a timeline's line that only names a weekday stands for: the first of that name on
/// or after `from`, the day the timeline is at, unless that is after the day the post was
/// written (a blog's `**Tuesday**` under its front matter's Friday): then the last one before.
pub(super) fn line_day(from: NaiveDate, weekday: Weekday, posted: Option<NaiveDate>) -> NaiveDate {
    let ahead = (weekday.num_days_from_monday() + 7 - from.weekday().num_days_from_monday()) % 7;
    let day = from + Duration::days(i64::from(ahead));
    match posted {
        Some(posted) if day > posted => last_before(posted, weekday),
        _ => day,
    }
}

/// The day a line stands for that names only a weekday, its day of the month or not, in
/// filler words (`Saturday`, `**Sunday**`, `Tuesday 4th`, `Wednesday the 5th`), under a
/// timeline at `from`: without a number, the first day of that name from `from` on (see
/// `line_day`); with one, the first day from `from` on that is that weekday and that day of
/// its month (within a year), else the first that is that day of its month.
pub(super) fn named_line(plain: &str, from: NaiveDate, posted: Option<NaiveDate>) -> Option<NaiveDate> {
    let weekday = weekday_in(plain)?;
    let lower = plain.to_lowercase();
    let mut nth = None;
    for w in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits.len()..];
        match digits.parse::<u32>() {
            Ok(n) if nth.is_none() && (1..=31).contains(&n) && ["", "st", "nd", "rd", "th"].contains(&suffix) => {
                nth = Some(n)
            }
            _ if super::dates::FILLER.contains(&w) => {}
            _ => return None,
        }
    }
    let Some(n) = nth else { return Some(line_day(from, weekday, posted)) };
    let days = || (0..366).filter_map(|k| from.checked_add_signed(Duration::days(k)));
    days().find(|d| d.day() == n && d.weekday() == weekday).or_else(|| days().find(|d| d.day() == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_and_its_day_of_the_month_name_the_next_such_day() {
        let from = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
        let day = |s: &str| named_line(s, from, None).map(|d| d.to_string());
        assert_eq!(day("Tuesday 4th").as_deref(), Some("2025-03-04"));
        assert_eq!(day("**Wednesday the 5th**").as_deref(), Some("2025-03-05"));
        assert_eq!(day("Tuesday 1st").as_deref(), Some("2025-04-01"));
        assert_eq!(day("Friday").as_deref(), Some("2025-03-07"));
        assert_eq!(day("Tuesday 4th and 5th"), None);
        assert_eq!(day("Tuesday 4pm"), None);
        assert_eq!(day("Tuesday deploy"), None);
    }

    #[test]
    fn weekdays_are_whole_words_in_several_languages() {
        assert_eq!(weekday_in("rétablie samedi vers 13h"), Some(Weekday::Sat));
        assert_eq!(weekday_in("es gab am Donnerstag-Morgen einen Brand"), Some(Weekday::Thu));
        assert_eq!(weekday_in("backups run on Sundays"), None);
        assert!(today_in("aujourd'hui à 16h, fin"));
        assert!(today_in("Ce matin à la première heure"));
        assert!(!today_in("the heuristic held"));
        assert_eq!(days_back("Yesterday at 14:00 UTC", Some(14)), Some(1));
        assert_eq!(days_back("Last night at 23:40", Some(23)), Some(1));
        assert_eq!(days_back("Last night at 1:30 am", Some(1)), Some(0));
        assert_eq!(days_back("Gestern um 9 Uhr", Some(9)), Some(1));
        assert_eq!(days_back("the yesterdays of old", Some(9)), None);
        let monday = NaiveDate::from_ymd_opt(2030, 4, 8).unwrap_or_default();
        assert_eq!(last_before(monday, Weekday::Sat), monday - Duration::days(2));
        // A timeline's `**Tuesday**` under a post written on Friday the 12th: the 9th, not the 16th.
        let friday = monday + Duration::days(4);
        assert_eq!(line_day(friday, Weekday::Tue, Some(friday)), monday + Duration::days(1));
        assert_eq!(line_day(friday, Weekday::Sat, None), friday + Duration::days(1));
        assert_eq!(line_day(monday, Weekday::Wed, Some(friday)), monday + Duration::days(2));
        assert_eq!(last_before(monday, Weekday::Mon), monday);
    }
}
