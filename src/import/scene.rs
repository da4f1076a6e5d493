//! The day the text before the timeline sets the incident on, told against the day the post was
//! published: "On the evening of Feb 23, ...", "On Monday, 20 July, ...", "Our API went down on
//! March 5th ...", "On Tuesday our API ...", "Yesterday ...", "... on the 5th": a blog post
//! written days after its incident tells its bare times on the incident's day, not the post's.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::dates::{date_match, day_of_month, month_day_at};
use super::stamp::{DateText, Order};

/// The sentences before the timeline, outside headings, tables, lists, quotes and code.
fn scene_sentences(src: &str) -> Vec<String> {
    // Only the text before the timeline sets its scene.
    static TIMED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:#+.*\btimeline\b|[-*+#\s]*[*_\[(]*\d{1,2}:\d{2})").ok());
    let mut fence = false;
    src.lines()
        .take_while(|l| !TIMED.as_ref().is_some_and(|re| re.is_match(l)))
        .filter(|l| {
            let t = l.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                fence = !fence;
                return false;
            }
            !fence && !t.starts_with(['#', '|', '>', '-'])
        })
        .flat_map(super::sentences::sentences)
        .map(|s| s.trim().trim_start_matches(['*', '_']).to_string())
        .collect()
}

/// A day a sentence opens with ("On the evening of Feb 23, ...", "On Monday, 20 July, ...",
/// "During the night of 2024-03-04, ..."): its month and day (its year, when written, too).
fn opening(s: &str) -> Option<DateText> {
    static SCENE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:on|during)\s+(?:the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?")
            .ok()
    });
    let lead = SCENE.as_ref()?.find(s).filter(|m| m.end() > 0)?;
    let rest = &s[lead.end()..];
    match date_match(rest) {
        Some((d, r)) if r.start == 0 => Some(DateText::Full(d)),
        _ => month_day_at(rest).filter(|&(_, at)| at == 0).map(|(d, _)| d),
    }
}

/// The incident's day, from the first sentence before the timeline that tells what happened on
/// a day it names relative to `published` (the day the post was written): a day opening the
/// sentence or after "on" ("went down on March 5th"), a weekday ("On Tuesday", "last
/// Tuesday"), "yesterday", "on the 5th". `None` when no such sentence tells one.
pub fn scene_near(src: &str, published: NaiveDate) -> Option<NaiveDate> {
    static ON_DAY: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?").ok());
    static WEEKDAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?P<last>last|this past|on|early on|late on)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        )
        .ok()
    });
    static BACK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)\byesterday\b").ok());
    static HAPPENED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:went|was|were|had|experienced|suffered|occurred|happened|failed|broke|started|began|noticed|received|lost|outage|incident|disruption|down|unavailable|affected)\b").ok()
    });
    let resolve = |d: DateText| {
        let day = d.resolve(Order::MonthFirst, Some(published.year()))?;
        // (A day after the post's is the year before's.)
        if day > published { day.with_year(day.year() - 1) } else { Some(day) }
    };
    for s in scene_sentences(src).iter().take(12) {
        if let Some(day) = opening(s).and_then(resolve) {
            return Some(day);
        }
        // ("Last night" is the evening before or the small hours of the post's day: not one day.)
        if !HAPPENED.as_ref().is_some_and(|re| re.is_match(s)) {
            continue;
        }
        let on_day = ON_DAY.as_ref().and_then(|re| {
            re.find_iter(s).find_map(|m| {
                let rest = &s[m.end()..];
                match date_match(rest) {
                    Some((d, r)) if r.start == 0 => Some(d),
                    _ => month_day_at(rest).filter(|&(_, at)| at == 0).and_then(|(d, _)| resolve(d)),
                }
            })
        });
        if let Some(day) = on_day.or_else(|| day_of_month(s, published).filter(|d| *d <= published)) {
            return Some(day);
        }
        if let Some(c) = WEEKDAY.as_ref().and_then(|re| re.captures(s))
            && let Some(weekday) = super::weekdays::weekday_in(c.get(0)?.as_str())
        {
            let day = super::weekdays::last_before(published, weekday);
            let last = c.name("last").is_some_and(|l| l.as_str().eq_ignore_ascii_case("last"));
            return Some(if last && day == published { day - Duration::days(7) } else { day });
        }
        if BACK.as_ref().is_some_and(|re| re.is_match(s)) {
            return Some(published - Duration::days(1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::scene_near;

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_incident_day_is_told_against_the_post_day() {
        let published = day(2024, 3, 8); // a Friday
        let near = |text: &str| scene_near(&format!("{text}\n\n## Timeline\n\n- 14:05 Alert\n"), published);
        assert_eq!(near("On Tuesday our API went down for half an hour."), Some(day(2024, 3, 5)));
        assert_eq!(near("Yesterday our API went down for half an hour."), Some(day(2024, 3, 7)));
        assert_eq!(near("Our API went down on March 5th for half an hour."), Some(day(2024, 3, 5)));
        assert_eq!(near("Last Friday our API went down."), Some(day(2024, 3, 1)));
        assert_eq!(near("This week (on the 5th) our API went down."), Some(day(2024, 3, 5)));
        assert_eq!(near("On the evening of Feb 23, the queue filled."), Some(day(2024, 2, 23)));
        // A sentence that tells nothing happened names no day of the incident.
        assert_eq!(near("We meet on Tuesday to plan."), None);
    }
}
