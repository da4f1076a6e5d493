//! Ways of writing a stamp that the stamp reader takes once they are written its way.

use std::sync::LazyLock;

use regex::Regex;

/// `line` with the Nordic word for "o'clock" before its time written as a clock the stamp
/// reader knows: `2023-11-25, kl 16.17:` is `2023-11-25 16:17:`, `Kl. 08:21:` is `08:21:`,
/// `25.11.2023 klockan 9.41` is `25.11.2023 9:41`; and `2023-11-25; 09:41`, a semicolon
/// between a day and its time, is `2023-11-25 09:41`; `21/9-20 kl 18:18`, the Norwegian day and
/// month over a short year, is `2020-09-21 18:18`. `None` when it has neither.
pub(super) fn nordic(line: &str) -> Option<String> {
    static NORDIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let date = super::stamp_date::DATE.as_str();
        Regex::new(&format!(
            r"(?i)^(?P<open>[*_`\[(\s]*)(?:(?:(?P<d>[0-3]?\d)/(?P<mo>[01]?\d)-(?P<y>(?:20)?\d{{2}})|(?P<date>{date}))(?:\s*[,;]?\s*(?:kl\.?|klockan|klo\.?)\s*(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\b|\s*;\s*(?P<clock>\d{{1,2}}:\d{{2}}))|(?:kl\.?|klockan|klo\.?)\s*(?P<h2>[01]?\d|2[0-3])[.:](?P<m2>[0-5]\d)\b)"
        ))
        .ok()
    });
    NORDIC.as_ref().and_then(|re| {
        let c = re.captures(line)?;
        let (open, rest) = (c.name("open").map_or("", |m| m.as_str()), &line[c.get(0)?.end()..]);
        let clock = match (c.name("clock"), c.name("h").or(c.name("h2")), c.name("m").or(c.name("m2"))) {
            (Some(clock), _, _) => clock.as_str().to_string(),
            (None, Some(h), Some(m)) => format!("{}:{}", h.as_str(), m.as_str()),
            _ => return None,
        };
        Some(match (c.name("date"), c.name("d"), c.name("mo"), c.name("y")) {
            (Some(date), ..) => format!("{open}{} {clock}{rest}", date.as_str()),
            (None, Some(d), Some(mo), Some(y)) => {
                let y = y.as_str().parse::<i32>().ok().map(|y| if y < 100 { 2000 + y } else { y })?;
                let date = chrono::NaiveDate::from_ymd_opt(y, mo.as_str().parse().ok()?, d.as_str().parse().ok()?)?;
                format!("{open}{} {clock}{rest}", date.format("%Y-%m-%d"))
            }
            _ => format!("{open}{clock}{rest}"),
        })
    })
}

/// The same moment on other clocks at the head of `rest` (what follows a stamp, `rest_raw` as
/// written): `/ 3:28am EDT / 7:28am GMT` (after `12:28am PDT`), `(01:01:32 UTC)` (after `9:01
/// PM`), and `23:32 PT` after a bar when the stamp names its zone (`07:32 UTC | 23:32 PT`). Not
/// the start of the event.
pub(super) fn other_clocks<'a>(rest_raw: &str, rest: &'a str, zoned: bool) -> Option<regex::Match<'a>> {
    static ALSO: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(?:/\s*\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?\s?[A-Z]{1,5}\b\s*|[(（]\s*\d{1,2}:\d{2}(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?\s?[A-Z]{1,5}\s*[)）][*_]*\s*)+").ok()
    });
    static PIPED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?\s?([A-Z]{2,5})\b\s*").ok());
    let piped = PIPED
        .as_ref()
        .and_then(|re| re.captures(rest))
        .filter(|c| rest_raw.trim_start().starts_with('|') && zoned && super::zone::zone_word(&c[1]).is_some());
    piped.and_then(|c| c.get(0)).or_else(|| ALSO.as_ref().and_then(|re| re.find(rest)))
}

/// `15:31:41,8`: a decimal comma before the tenths of a second (German, French), written with
/// a dot.
pub(super) fn decimal_comma(line: &str) -> Option<std::borrow::Cow<'_, str>> {
    static COMMA: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^([*_`\[(\s~]*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}:\d{2}),(\d{1,3})(\s|$)").ok()
    });
    COMMA.as_ref().map(|re| re.replace(line, "$1.$2$3"))
}

/// `11:09 PM EDT 07/14/17`, `4:45 AM EST, 8/12/2022`, `02:54 pm PST (UTC-8) December 11th, 2024`: a time and its zone before the day, written day first, time and
/// zone after it, as the stamp reader takes them (`07/14/17 11:09 PM EDT`); so a range's,
/// `9:47 AM EST – 2:00 PM EST, 8/12/2022` (`8/12/2022 9:47 AM – 2:00 PM EST`). And a range
/// whose ends each name the same zone, `14:00 UTC - 14:30 UTC: ...`, with the zone once.
pub(super) fn time_zone_day(line: &str) -> Option<String> {
    // (`5 AM PST, Nov 16`: an hour alone with its am or pm.)
    const TIME: &str = r"(?:\d{1,2}:\d{2}(?:\s?(?i:[ap]\.?m\.?))?|\d{1,2}\s?(?i:[ap]\.?m\.?))";
    static LATE_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let date = super::stamp_date::DATE.as_str();
        let zone = super::zone::ZONE_PATTERN;
        Regex::new(&format!(
            r"^(?P<open>[*_`\[(\s]*)(?P<time>{TIME})(?:\s+(?P<zone1>{zone}))?(?:\s*[-–—]\s*(?P<until>{TIME}))?\s+(?P<zone>{zone})(?P<off>\s*\((?:UTC|GMT)\s?[+\-−]\s?\d{{1,2}}(?::?\d{{2}})?\))?,?\s+(?P<date>(?i:{date}))(?P<end>\s|$|[:,.\-–—])"
        ))
        .ok()
    });
    static ZONED_RANGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let date = super::stamp_date::DATE.as_str();
        let zone = super::zone::ZONE_PATTERN;
        Regex::new(&format!(
            r"^(?P<open>[*_`\[(\s]*(?:(?i:{date})[\s,T]+)?{TIME})\s+(?P<zone1>{zone})\s*[-–—]\s*(?P<until>{TIME})\s+(?P<zone>{zone})\b"
        ))
        .ok()
    });
    let same = |c: &regex::Captures| c.name("zone1").is_none_or(|z| z.as_str() == &c["zone"]);
    if let Some(c) = LATE_DAY
        .as_ref()?
        .captures(line)
        .filter(|c| same(c) && (c.name("zone1").is_none() || c.name("until").is_some()))
    {
        let rest = &line[c.name("end")?.start()..];
        let until = c.name("until").map_or(String::new(), |u| format!(" – {}", u.as_str()));
        // (`02:54 pm PST (UTC-8) December 11th, 2024`: the offset in brackets stays after the zone.)
        let off = c.name("off").map_or("", |o| o.as_str());
        return Some(format!("{}{} {}{until} {}{off}{rest}", &c["open"], &c["date"], &c["time"], &c["zone"]));
    }
    let c = ZONED_RANGE.as_ref()?.captures(line).filter(same)?;
    let rest = &line[c.get(0)?.end()..];
    Some(format!("{} – {} {}{rest}", &c["open"], &c["until"], &c["zone"]))
}

/// `0930`, `1405 hrs`: four digits that are a time even with no day before them or zone after
/// them (a year is never written with a leading zero, nor with "hrs").
pub(super) fn plainly_hours(time: &str, stamp: &str) -> bool {
    let lower = stamp.to_lowercase();
    time.starts_with('0') || ["hrs", "uhr", "horas"].iter().any(|w| lower.contains(w))
}

/// `930am`, `1130 PM`: the hour and minutes run together before am or pm, as `9:30am`.
pub(super) fn glued_hours(time: &str) -> Option<String> {
    static GLUED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)^(\d{1,2})([0-5]\d)(\s?[ap]\.?m\.?)$").ok());
    GLUED.as_ref()?.captures(time).map(|c| format!("{}:{}{}", &c[1], &c[2], &c[3]))
}

/// `**11:50** and **11:57** - two support requests`: the second time of an entry that opens with
/// two (after "and", "&" or a comma), with the text both share. `None` when `rest`, what follows
/// the first time, does not open with another time of the day followed by the text.
pub(super) fn second_time(rest: &str) -> Option<super::stamp::Stamp> {
    let after = ["and ", "& ", ", ", "/ "].iter().find_map(|w| rest.strip_prefix(w))?;
    let stamp = super::stamp::leading_stamp(after.trim_start())?;
    let clock = matches!(stamp.time, Some(super::stamp::ClockText::At(_)));
    (clock && stamp.date.is_none() && stamp.separated && stamp.rest.split_whitespace().count() >= 2).then_some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nordic_clocks_and_a_semicolon_after_the_day() {
        assert_eq!(nordic("Uppdatering 2023-11-25, kl 16.17:"), None, "the update's word is read first");
        assert_eq!(nordic("2023-11-25, kl 16.17:").as_deref(), Some("2023-11-25 16:17:"));
        assert_eq!(nordic("Kl. 08:21: Alla har ström.").as_deref(), Some("08:21: Alla har ström."));
        assert_eq!(nordic("25.11.2023 klockan 9.41 fel").as_deref(), Some("25.11.2023 9:41 fel"));
        assert_eq!(nordic("2023-11-25; 09:41:").as_deref(), Some("2023-11-25 09:41:"));
        assert_eq!(nordic("22/9-20 kl 01:37 - online").as_deref(), Some("2020-09-22 01:37 - online"));
        assert_eq!(nordic("1/9-2020 kl. 8.05").as_deref(), Some("2020-09-01 8:05"));
        assert_eq!(nordic("32/9-20 kl 01:37"), None);
        // Not a clock: "kl" as a word of its own, a number after it that is no time.
        assert_eq!(nordic("klassen 9.41"), None);
        assert_eq!(nordic("kl 25.10"), None);
    }

    #[test]
    fn a_time_and_zone_before_its_day() {
        assert_eq!(time_zone_day("11:09 PM EDT 07/14/17").as_deref(), Some("07/14/17 11:09 PM EDT"));
        assert_eq!(time_zone_day("8:26 AM EDT 07/15/2017: back").as_deref(), Some("07/15/2017 8:26 AM EDT: back"));
        assert_eq!(time_zone_day("4:45 AM EST, 8/12/2022 ").as_deref(), Some("8/12/2022 4:45 AM EST "));
        assert_eq!(glued_hours("930am").as_deref(), Some("9:30am"));
        assert_eq!(glued_hours("1130 PM").as_deref(), Some("11:30 PM"));
        assert_eq!(glued_hours("1175 PM"), None);
        assert!(plainly_hours("0930", "0930"));
        assert!(plainly_hours("1405", "1405 hrs"));
        assert!(!plainly_hours("2019", "2019"));
        assert_eq!(time_zone_day("11:09 PM EDT the mail was back"), None);
    }
}
