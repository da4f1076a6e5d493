//! `2:20/1:20 PM EST/CST`: one moment written on two clocks at once, the am/pm and the zones
//! after both times. Read as `2:20 PM EST / 1:20 PM CST`, the shape of `12:28am PDT / 3:28am
//! EDT` (the other clock kept as written beside the stamp): each time with the zone whose offset
//! it keeps, whichever order the zones are written in (`7:30/6:30 pm CST/EST` is 7:30 Eastern).

use std::sync::LazyLock;

use chrono::{DateTime, NaiveTime, Timelike};
use regex::Regex;

use super::zone::{ZoneWord, zone_word};

static TWO_CLOCKS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^([*_\s~]*)(\d{1,2}:\d{2})\s*/\s*(\d{1,2}:\d{2})\s*([AaPp]\.?[Mm]\.?)\s*([A-Z]{2,5})\s*/\s*([A-Z]{2,5})\b",
    )
    .ok()
});

/// Minutes east of UTC a zone keeps (in January: a pair of zones of one country keeps the same
/// difference all year).
fn offset(zone: &str) -> Option<i64> {
    let ZoneWord::Known(zone) = zone_word(zone)? else { return None };
    let at = DateTime::from_timestamp(1_577_880_000, 0)?.fixed_offset();
    Some(i64::from(crate::doc::entry::in_zone(&zone, at).offset().local_minus_utc()) / 60)
}

/// `line` with a time written on two clocks at its start spread out, each time with its own
/// am/pm and zone; `None` when it opens otherwise.
pub fn spread(line: &str) -> Option<String> {
    let c = TWO_CLOCKS.as_ref()?.captures(line)?;
    let minutes = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok().map(|t| i64::from(t.hour() * 60 + t.minute()));
    let (first, second) = (minutes(&c[2])?, minutes(&c[3])?);
    let (a, b) = (&c[5], &c[6]);
    // The difference of the clocks, within the half day the am/pm leaves open.
    let apart = (first - second).rem_euclid(720);
    let (za, zb) = match (offset(a), offset(b)) {
        (Some(oa), Some(ob)) if (ob - oa).rem_euclid(720) == apart && apart != 0 => (b, a),
        _ => (a, b),
    };
    let ampm = &c[4];
    let whole = c.get(0)?;
    Some(format!("{}{} {ampm} {za} / {} {ampm} {zb}{}", &c[1], &c[2], &c[3], &line[whole.end()..]))
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn each_time_takes_the_zone_whose_clock_it_shows() {
        assert_eq!(spread("2:20/1:20 PM EST/CST, the alert").as_deref(), Some("2:20 PM EST / 1:20 PM CST, the alert"));
        assert_eq!(spread("7:30/6:30 pm CST/EST the link").as_deref(), Some("7:30 pm EST / 6:30 pm CST the link"));
        assert_eq!(spread("14:20 UTC, the alert"), None);
    }
}
