//! Days as postmortems write them in running text: `2026-11-24`, `November 24th, 2026`,
//! `24 Nov 2026`, `19-Jul-2015`, `2025-Feb-07`; and lines that state a day and nothing else.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::months::foreign_month;
pub use super::months::{month_word, year_told};
use super::stamp::month;

static ISO_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b(\d{4})[-/](\d{2})[-/](\d{2})\b").ok());
static MONTH_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b",
    )
    .ok()
});
static DAY_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+|-)((?:19|20)\d{2})\b",
    )
    .ok()
});

/// The first date written in the text, in any of the usual forms.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    date_match(text).map(|(date, _)| date)
}

/// In a file that names no year at all, the day its title names ("FastMail Outage, August
/// 1st") or a sentence gives the incident with a time beside it ("On the 3rd of march between
/// the hours of 1:00pm and 2:30pm, ..."), in `year` (the year it is imported in): the day of
/// the file's bare times; with its weekday ("On Friday, March 1"), the last such year when it
/// fell on that day.
pub fn day_told(src: &str, year: i32) -> Option<NaiveDate> {
    static CLOCK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)\b\d{1,2}(?::\d{2}|h\d{2}\b|\s?[ap]\.?m\b)").ok());
    static YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").ok());
    if YEAR.as_ref()?.is_match(src) {
        return None;
    }
    let clock = CLOCK.as_ref()?;
    // The title's day ("FastMail Outage, August 1st") first.
    let title = src.lines().find(|l| !l.trim().is_empty()).map(|l| l.trim_start_matches(['#', ' ']));
    let told = || {
        src.lines()
            .filter(|l| !l.trim_start().starts_with(['#', '|', '`', '<']))
            .flat_map(super::sentences::sentences)
            .filter(|s| clock.is_match(s))
            .find_map(|s| Some((month_day(s)?, s)))
    };
    let (day, said) = title.and_then(|t| Some((month_day(t)?, t))).or_else(told)?;
    // "On Friday, March 1": the last year, up to the one it is imported in, when that day was
    // a Friday.
    // ("Le samedi 16 novembre": a weekday in French, Spanish, German or Italian too.)
    let weekday = super::weekdays::weekday_in(said);
    let resolve = |y: i32| day.resolve(super::stamp::Order::MonthFirst, Some(y));
    match weekday {
        Some(w) => (0..7).filter_map(|back| resolve(year - back)).find(|d| d.weekday() == w).or_else(|| resolve(year)),
        None => resolve(year),
    }
}

/// Every date written in the text and where it starts, in the order found.
pub fn dates_at(text: &str) -> Vec<(NaiveDate, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((date, range)) = text.get(from..).and_then(date_match) {
        out.push((date, from + range.start));
        if range.end == 0 {
            break;
        }
        from += range.end;
    }
    out
}

/// A year as written: four digits as they are, two this century's below 70 (`09` 2009, `98`
/// 1998).
pub(super) fn full_year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// A day written in digits in running text (`on 10/9/08`, `am 26.11.2012`, `3-14-2024`), read
/// in the order the document writes its days (`order`); with dots, day first. A two-digit year
/// is this century's below 70.
pub fn digit_date(text: &str, order: super::stamp::Order) -> Option<NaiveDate> {
    let c = digit_day(text)?;
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
    let year = full_year(&c[5])?;
    let order = if &c[2] == "." { super::stamp::Order::DayFirst } else { order };
    super::stamp::DateText::Digits(a, b, year).resolve(order, None)
}

/// A day in digits with its year, the same mark between its three parts (`13/05/2020`).
fn digit_day(text: &str) -> Option<regex::Captures<'_>> {
    static DIGITS: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s(])(\d{1,2})([-/.])(\d{1,2})([-/.])((?:19|20)?\d{2})(?:$|[\s),.;])").ok()
    });
    DIGITS.as_ref()?.captures_iter(text).find(|c| c[2] == c[4])
}

/// "Between Tuesday night and Wednesday morning, 13/05/2020 Eurofiber had …", "In the early
/// hours of 4 March …": a sentence whose first day is preceded by words of time alone, so it
/// sets the scene of what follows as a day the sentence opens with does (a day named later,
/// in passing, "… leaves the next day, Wednesday 13/05/2020, …", does not).
pub fn after_time_words(text: &str) -> bool {
    const WORDS: &str = concat!(
        "between and on during in the of early late morning afternoon evening night hours overnight ",
        "from to until till that same next following day monday tuesday wednesday thursday friday ",
        "saturday sunday mon tue wed thu fri sat sun tonight then later so last past previous ",
        // "Am letzten Mittwoch, den 10.04.2013, ...", "Le mardi 3 mars ...", "El martes ...".
        "am an dem den letzten vergangenen vorigen frühen späten montag dienstag mittwoch ",
        "donnerstag freitag samstag sonntag morgen vormittag nachmittag abend nacht ",
        "le la du dernier lundi mardi mercredi jeudi vendredi samedi dimanche matin soir nuit ",
        "el lunes martes miércoles jueves viernes sábado domingo op afgelopen maandag dinsdag ",
        "woensdag donderdag vrijdag zaterdag zondag",
    );
    let starts = [
        date_match(text).map(|(_, r)| r.start),
        month_day_start(text),
        digit_day(text).and_then(|c| c.get(1)).map(|m| m.start()),
    ];
    let Some(at) = starts.into_iter().flatten().min() else { return false };
    let before: Vec<String> =
        text[..at].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    !before.is_empty() && before.len() <= 8 && before.iter().all(|w| WORDS.split(' ').any(|x| x == w))
}

/// The date a text opens with, within its first few words ("The next day, March 4th 2024,
/// ...", "On 2024-03-04 the ..."), not one named later in a sentence about something else.
pub fn opening_date(text: &str) -> Option<NaiveDate> {
    let (date, range) = date_match(text)?;
    (text[..range.start].split_whitespace().count() <= 4).then_some(date)
}

/// "Am Donnerstag, 21.3.2024 überraschte uns ...": a sentence of six words or more that opens
/// with its day (two words before it at most), has no clock in it, and ends as a sentence does.
pub fn opening_day_sentence(text: &str) -> bool {
    let text = text.trim();
    let clock = text.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    !clock
        && text.split_whitespace().count() >= 6
        && text.ends_with(['.', '!', '。'])
        && date_match(text)
            .map(|(_, range)| range.start)
            .or_else(|| DIGIT_DAY.as_ref()?.find(text).map(|m| m.start()))
            .is_some_and(|at| text[..at].split_whitespace().count() <= 2)
}

/// `21.3.2024`, `3/7/2006`: a day in digits with its year.
static DIGIT_DAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b").ok());

pub(super) fn date_match(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    // `2025-Feb-07`: the year, the month's name, the day.
    static YEAR_MONTH_NAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{4})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(\d{1,2})\b").ok()
    });
    if let Some(c) = YEAR_MONTH_NAME.as_ref().and_then(|r| r.captures(text)) {
        let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, month(&c[2])?, c[3].parse().ok()?)?;
        return Some((date, c.get(0).map_or(0..0, |m| m.range())));
    }
    // `Wed Feb 7 16:55:31 PST 2001`: a day as `date` prints it, the year after the time.
    static DATE_COMMAND: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+[A-Z]{2,5}\s+((?:19|20)\d{2})\b").ok()
    });
    if let Some(c) = DATE_COMMAND.as_ref().and_then(|r| r.captures(text)) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?)?;
        return Some((date, c.get(0).map_or(0..0, |m| m.range())));
    }
    // `2021年03月08日`, `2022년 10월 15일`: a day as Japanese, Chinese and Korean write it
    // (and `'22.10.15`, Korea's short form: the year's last two digits after an apostrophe).
    static CJK_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]|['’](\d{2})\.(\d{1,2})\.(\d{1,2})\b")
            .ok()
    });
    if let Some(c) = CJK_DATE.as_ref().and_then(|r| r.captures(text)) {
        let n = |i: usize| c.get(i).or_else(|| c.get(i + 3)).and_then(|m| m.as_str().parse::<i32>().ok());
        let year = n(1).map(|y| if y < 100 { y + 2000 } else { y });
        let date = NaiveDate::from_ymd_opt(year?, n(2)? as u32, n(3)? as u32)?;
        return Some((date, c.get(0).map_or(0..0, |m| m.range())));
    }
    if let Some(c) = ISO_DATE.as_ref().and_then(|r| r.captures(text)) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, c.get(0).map_or(0..0, |m| m.range())));
    }
    if let Some(c) = MONTH_FIRST.as_ref().and_then(|r| r.captures(text)) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?)?;
        return Some((date, c.get(0).map_or(0..0, |m| m.range())));
    }
    if let Some(c) = DAY_FIRST.as_ref().and_then(|r| r.captures(text)) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?)?;
        return Some((date, c.get(0).map_or(0..0, |m| m.range())));
    }
    foreign(text)
}

/// A day named by its month and number with no year (`on Friday, July 21`, `Monday September
/// 16th`, `the 3rd of March`), the month's name capitalised ("we may 2" is no day) unless an
/// ordinal and "of" name it (`the 3rd of march`).
pub fn month_day(text: &str) -> Option<super::stamp::DateText> {
    month_day_at(text).map(|(day, _)| day)
}

/// `Starting 05/30 01:35 PDT`: a month and day in digits, no year, right before a time with a
/// colon, as the document orders them.
pub fn pair_before_time(text: &str) -> Option<super::stamp::DateText> {
    static PAIR: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?:^|[\s(])(\d{1,2})/(\d{1,2})\s+\d{1,2}:\d{2}\b").ok());
    let c = PAIR.as_ref()?.captures(text)?;
    Some(super::stamp::DateText::Pair(c[1].parse().ok()?, c[2].parse().ok()?))
}

/// "at 20:30 on the 25th": a day of the month alone, read in the month of `near` (the day the
/// text is about), or the month before when that puts it nearer.
pub fn day_of_month(text: &str, near: NaiveDate) -> Option<NaiveDate> {
    static NTH: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)\bon the (\d{1,2})(?:st|nd|rd|th)\b").ok());
    let day: u32 = NTH.as_ref()?.captures(text)?[1].parse().ok()?;
    let same = NaiveDate::from_ymd_opt(near.year(), near.month(), day);
    let before =
        near.checked_sub_months(chrono::Months::new(1)).and_then(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day));
    match (same, before) {
        (Some(s), Some(b)) if (s - near).num_days() > 15 => Some(b),
        (Some(s), _) => Some(s),
        (None, b) => b,
    }
}

/// Where a day without its year starts in the text, if it names one.
pub fn month_day_start(text: &str) -> Option<usize> {
    month_day_at(text).map(|(_, at)| at)
}

/// As [`month_day`], for a day a sentence opens with ("On Monday, 20th July, the servers
/// ..."), not one it names in passing later.
pub fn opening_month_day(text: &str) -> Option<super::stamp::DateText> {
    let (day, at) = month_day_at(text)?;
    (text[..at].split_whitespace().count() <= 3).then_some(day)
}

/// A day without its year and where it starts.
pub(super) fn month_day_at(text: &str) -> Option<(super::stamp::DateText, usize)> {
    static NO_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:(?P<m1>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m2>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)|(?P<d3>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<m3>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*))\b",
        )
        .ok()
    });
    // `am 30.01. gegen 15:20 Uhr`: a day and month in digits with their dots, after a word
    // for "on" (German writes the day first).
    static DOTTED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:am|vom|dem|den|des|seit dem)\s+(\d{1,2})\.(\d{1,2})\.(?:\s|$)").ok());
    if let Some(c) = DOTTED.as_ref().and_then(|re| re.captures(text)) {
        let (d, m): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            return Some((super::stamp::DateText::NoYear(m, d), c.get(0)?.start()));
        }
    }
    // "samedi 16 novembre", "16 de noviembre": a day before a month named in another language,
    // four letters or more ("16 set" or "2 mar" may be English words).
    static FOREIGN_NO_YEAR: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2})(?:er|º)?\s+(?:de\s+)?(\p{L}{4,})\b").ok());
    let foreign = FOREIGN_NO_YEAR.as_ref().and_then(|re| {
        re.captures_iter(text).find_map(|c| {
            let m = foreign_month(&c[2])?;
            let d: u32 = c[1].parse().ok()?;
            (1..=31).contains(&d).then_some((super::stamp::DateText::NoYear(m, d), c.get(0)?.start()))
        })
    });
    let Some(c) = NO_YEAR.as_ref()?.captures(text) else { return foreign };
    let m = month(c.name("m1").or(c.name("m2")).or(c.name("m3"))?.as_str())?;
    let d: u32 = c.name("d1").or(c.name("d2")).or(c.name("d3"))?.as_str().parse().ok()?;
    let at = c.get(0)?.start();
    // "On 23rd and 24th October": two days of one month, the first where it starts.
    static FIRST_OF_TWO: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|&|to|-|–)\s*$").ok());
    let (d, at) = match FIRST_OF_TWO.as_ref().and_then(|re| re.captures(&text[..at])) {
        Some(f) if c.name("d2").is_some() && f[1].parse::<u32>().is_ok_and(|first| first < d) => {
            (f[1].parse().ok()?, f.get(0)?.start())
        }
        _ => (d, at),
    };
    (1..=31).contains(&d).then_some((super::stamp::DateText::NoYear(m, d), at))
}

/// `15 de marzo, 2024`, `3 de Noviembre 2025`, `4 sept. 2020`, `16 de março de 2024`, `15 mars
/// 2024`, `15. März 2024`; `9–10 sept. 2020` is its first day.
fn foreign(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    static FOREIGN: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:(\d{1,2})\s*[–-]\s*)?(\d{1,2})(?:º|°|er|\.)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b")
            .ok()
    });
    FOREIGN.as_ref()?.captures_iter(text).find_map(|c| {
        let day = c.get(1).unwrap_or(c.get(2)?).as_str().parse().ok()?;
        let date = NaiveDate::from_ymd_opt(c[4].parse().ok()?, foreign_month(&c[3])?, day)?;
        Some((date, c.get(0)?.range()))
    })
}

/// Whether a line or heading only states a day (`2026-11-24 (all times UTC)`, `**Tuesday,
/// 24 November 2026**`): its date, and whether it says the times are UTC.
pub fn date_line(text: &str) -> Option<(NaiveDate, bool)> {
    let (date, range) = date_match(text)?;
    let rest = format!("{} {}", &text[..range.start], &text[range.end..]).to_lowercase();
    let utc = rest.contains("utc") || rest.contains("gmt");
    // "Día 1 (16 de marzo, 2024)", "Day 2, March 17 2024": the day's number beside the word.
    let numbered = ["día", "dia", "day", "jour", "tag"].iter().any(|d| rest.split_whitespace().any(|w| w == *d));
    let leftover = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !(FILLER.contains(w) || (numbered && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))))
        .count();
    (leftover == 0).then_some((date, utc))
}

/// The day of the last line above a timeline that only states one (a status page's day
/// headings, `12th December 2024` over that day's report): its bare times are on that day,
/// not on the file's first date (`13th December 2024 · No incidents reported` above it).
/// Only a line that stands alone (a heading, or a paragraph of its own) counts: the end of a
/// wrapped sentence ("… again at 2:00 AM / on 2026-04-15.") is no day line.
pub fn last_date_line(above: &str) -> Option<NaiveDate> {
    let lines: Vec<&str> = above.lines().map(str::trim).collect();
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(|l| l.is_empty());
    (0..lines.len()).rev().find_map(|i| {
        let alone = lines[i].starts_with('#') || (blank(i.checked_sub(1)) && blank(Some(i + 1)));
        alone.then(|| date_line(lines[i].trim_matches(['*', '_', '#', ' '])).map(|(d, _)| d)).flatten()
    })
}

/// Words a line may hold besides its date and still be a date line ("Thursday, all times UTC",
/// "the next day, 2026-11-26"); shared with the timeline reader.
pub static FILLER: LazyLock<Vec<&str>> = LazyLock::new(|| {
    "monday tuesday wednesday thursday friday saturday sunday all times time are in utc gmt z date day next previous the on día dia jour tag de del le lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta sexta feira lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag".split(' ').collect()
});
