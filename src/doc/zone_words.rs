//! Time zones as postmortems state them: "All times in PST", "Date and Time in CET",
//! `## Timeline (times in BST)`, `Time (UTC)`, `12:32 UTC`, `GMT+2`, `Europe/Berlin`.
//!
//! An abbreviation names the region whose clocks it is read on, not a fixed offset: "PST" on an
//! October date is Pacific time, then UTC−7, because that is what the people who wrote it had
//! on their clocks. An abbreviation that names several places (IST) is reported, never guessed.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::Zone;

/// Abbreviations and names, and the zone whose rules (DST included) they are read with.
/// `None`: more than one place uses it.
const WORDS: &[(&str, Option<&str>)] = &[
    ("UTC", Some("UTC")),
    ("GMT", Some("UTC")),
    ("Z", Some("UTC")),
    ("CET", Some("Europe/Berlin")),
    ("CEST", Some("Europe/Berlin")),
    ("MEZ", Some("Europe/Berlin")),
    ("MESZ", Some("Europe/Berlin")),
    ("WET", Some("Europe/Lisbon")),
    ("WEST", Some("Europe/Lisbon")),
    ("EET", Some("Europe/Helsinki")),
    ("EEST", Some("Europe/Helsinki")),
    ("BST", Some("Europe/London")),
    ("MSK", Some("Europe/Moscow")),
    // Moscow time as Russian writes it.
    ("МСК", Some("Europe/Moscow")),
    ("PST", Some("America/Los_Angeles")),
    ("PDT", Some("America/Los_Angeles")),
    ("PT", Some("America/Los_Angeles")),
    ("MT", Some("America/Denver")),
    ("MST", Some("America/Denver")),
    ("MDT", Some("America/Denver")),
    ("CT", Some("America/Chicago")),
    ("CST", Some("America/Chicago")),
    ("CDT", Some("America/Chicago")),
    ("EST", Some("America/New_York")),
    ("EDT", Some("America/New_York")),
    ("ET", Some("America/New_York")),
    ("SAST", Some("Africa/Johannesburg")),
    ("CAT", Some("Africa/Maputo")),
    ("EAT", Some("Africa/Nairobi")),
    ("WAT", Some("Africa/Lagos")),
    ("JST", Some("Asia/Tokyo")),
    ("KST", Some("Asia/Seoul")),
    ("HKT", Some("Asia/Hong_Kong")),
    ("SGT", Some("Asia/Singapore")),
    ("AEST", Some("Australia/Sydney")),
    ("AEDT", Some("Australia/Sydney")),
    // (An older name for the same summer clock: "16:30 AEDST".)
    ("AEDST", Some("Australia/Sydney")),
    ("NZST", Some("Pacific/Auckland")),
    ("NZDT", Some("Pacific/Auckland")),
    // New Zealand's and eastern Australia's clock named without its season: "5AM NZT", "9am AET".
    ("NZT", Some("Pacific/Auckland")),
    ("AET", Some("Australia/Sydney")),
    ("HST", Some("Pacific/Honolulu")),
    ("AKST", Some("America/Anchorage")),
    ("AKDT", Some("America/Anchorage")),
    ("PHT", Some("Asia/Manila")),
    ("WIB", Some("Asia/Jakarta")),
    ("BRT", Some("America/Sao_Paulo")),
    ("MYT", Some("Asia/Kuala_Lumpur")),
    ("ICT", Some("Asia/Bangkok")),
    ("PKT", Some("Asia/Karachi")),
    ("AWST", Some("Australia/Perth")),
    ("ACST", Some("Australia/Adelaide")),
    ("ACDT", Some("Australia/Adelaide")),
    // Several places each: reported, never guessed.
    ("IST", None),
    ("GST", None),
];

/// Spelled-out names ("Pacific Time", "Eastern"), matched without regard to case.
const NAMES: &[(&str, &str)] = &[
    ("pacific", "America/Los_Angeles"),
    ("eastern", "America/New_York"),
    ("central european", "Europe/Berlin"),
    ("central", "America/Chicago"),
    ("indian", "Asia/Kolkata"),
    ("west africa", "Africa/Lagos"),
    ("west african", "Africa/Lagos"),
    ("east africa", "Africa/Nairobi"),
    ("east african", "Africa/Nairobi"),
    ("central africa", "Africa/Maputo"),
    ("central african", "Africa/Maputo"),
    ("mountain", "America/Denver"),
];

/// The abbreviations and offsets a zone is written as, for regexes (longest first).
pub const ZONE_PATTERN: &str = r"(?:(?:UTC|GMT)(?:[+-]\s?|\s[+-])\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|\+(?:UTC|GMT)\b|(?:CEST|CET|MESZ|MEZ|WEST|WET|EEST|EET|BST|MSK|МСК|PST|PDT|MST|MDT|CST|CDT|EST|EDT|SAST|CAT|EAT|WAT|JST|KST|HKT|SGT|AEST|AEDT|AEDST|AET|NZST|NZDT|NZT|HST|AKST|AKDT|PHT|WIB|BRT|MYT|ICT|PKT|AWST|ACST|ACDT|IST|GST|UTC|GMT|PT|MT|CT|ET|Z)\b|[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|(?:Eastern|Pacific|Mountain)(?: (?:Standard|Daylight))?(?: Time)?\b)";

/// What a zone word means.
#[derive(Debug, Clone, PartialEq)]
pub enum ZoneWord {
    Known(Zone),
    /// Used by more than one place (the word as written).
    Ambiguous(String),
}

/// Reads one zone as written: an abbreviation, `UTC+2`, `+05:30`, an IANA name, "Pacific".
pub fn zone_word(text: &str) -> Option<ZoneWord> {
    let t = text.trim().trim_matches(|c: char| "()（）[].,:".contains(c)).trim();
    // `06:17:19 PM +UTC` (as block explorers write it): UTC.
    let t = t.strip_prefix('+').filter(|r| matches!(*r, "UTC" | "GMT")).unwrap_or(t);
    if t.is_empty() {
        return None;
    }
    if let Some((_, zone)) = WORDS.iter().find(|(w, _)| *w == t) {
        return Some(match zone {
            Some(name) => ZoneWord::Known(name.parse().ok()?),
            None => ZoneWord::Ambiguous(t.to_string()),
        });
    }
    static OFFSET: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^(?:UTC|GMT)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$").ok());
    if let Some(c) = OFFSET.as_ref().and_then(|r| r.captures(t)) {
        let hours: u32 = c[2].parse().ok()?;
        let minutes: u32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
        if hours == 0 && minutes == 0 {
            return Some(ZoneWord::Known(Zone::utc()));
        }
        return format!("{}{hours:02}:{minutes:02}", &c[1]).parse().ok().map(ZoneWord::Known);
    }
    if t.contains('/') {
        return t.parse().ok().map(ZoneWord::Known);
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(" time").trim_end_matches(" standard").trim_end_matches(" daylight");
    NAMES.iter().find(|(n, _)| *n == lower).and_then(|(_, z)| z.parse().ok()).map(ZoneWord::Known)
}

/// A zone the text states for the times around it, and the words that state it:
/// "All times in PST", "(times in BST)", "Date and Time in CET", "Time (UTC)", "all times are
/// UTC", "Timezone: Europe/Berlin", `Timeline (UTC+8)`.
pub fn stated(text: &str) -> Option<(ZoneWord, String)> {
    static STATEMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i:\b(?:all\s+)?(?:times?(?:stamps?)?|timeline|dates?(?:\s+and\s+times?)?|time\s*zone|tz)\b(?:\s+(?:are|is|were|shown|given|listed|reported|written|in|as|below|above|here|throughout|:|-|–|—))*\s*[(（]?\s*(?:in\s+)?(?:\*\*|__|\*|_)?)(?-i:({ZONE_PATTERN}|(?i:indian\s+standard\s+time|(?:west|east|central)\s+african?\s+time)|(?i:pacific|eastern|central european|central|mountain)(?:\s+(?:standard|daylight))?(?:\s+time)?))[)）]?"
        ))
        .ok()
    });
    let c = STATEMENT.as_ref()?.captures(text)?;
    let word = c.get(1)?.as_str();
    // "all times CET/CEST": the first of the two names the region.
    let zone = zone_word(word)?;
    let words = c.get(0)?.as_str().trim();
    // "(all times UTC)": the bracket closes the sentence around the statement, not the statement.
    let words = if words.ends_with([')', '）']) && !words.contains(['(', '（']) {
        words.trim_end_matches([')', '）'])
    } else {
        words
    };
    // ("Every timestamp below is **Asia/Manila**": the emphasis is no part of the words.)
    Some((zone, words.replace('*', "")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn known(text: &str) -> String {
        match zone_word(text) {
            Some(ZoneWord::Known(z)) => z.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn words_name_regions_and_offsets() {
        assert_eq!(known("PST"), "America/Los_Angeles");
        assert_eq!(known("CEST"), "Europe/Berlin");
        assert_eq!(known("GMT+2"), "+02:00");
        assert_eq!(known("UTC+8"), "+08:00");
        assert_eq!(known("UTC"), "UTC");
        assert_eq!(known("Europe/Paris"), "Europe/Paris");
        assert_eq!(known("Pacific Time"), "America/Los_Angeles");
        assert_eq!(zone_word("IST"), Some(ZoneWord::Ambiguous("IST".into())));
        assert_eq!(zone_word("Banana"), None);
    }

    #[test]
    fn statements() {
        let zone = |t: &str| stated(t).map(|(z, _)| z);
        let la = Some(ZoneWord::Known("America/Los_Angeles".parse().unwrap()));
        assert_eq!(zone("All times in PST"), la);
        assert_eq!(zone("All times PDT."), la);
        assert_eq!(
            zone("Every timestamp below is **Asia/Manila**."),
            Some(ZoneWord::Known("Asia/Manila".parse().unwrap()))
        );
        assert_eq!(zone("## Timeline (all times in PST/PDT)"), la);
        assert_eq!(zone("Timeline (times in BST)").map(|_| ()), Some(()));
        assert_eq!(zone("Date and Time in CET"), Some(ZoneWord::Known("Europe/Berlin".parse().unwrap())));
        assert_eq!(
            zone("*(All times US/Pacific, 24-hour clock.)*"),
            Some(ZoneWord::Known("US/Pacific".parse().unwrap()))
        );
        assert_eq!(zone("| Time (UTC) | Event |"), Some(ZoneWord::Known(Zone::utc())));
        assert_eq!(zone("## Timeline（UTC+8）"), Some(ZoneWord::Known("+08:00".parse().unwrap())));
        assert_eq!(zone("All times in GMT+2"), Some(ZoneWord::Known("+02:00".parse().unwrap())));
        assert_eq!(zone("All times in IST"), Some(ZoneWord::Ambiguous("IST".into())));
        assert_eq!(zone("The deploy took a long time, in PT"), None);
        assert_eq!(zone("we had time to rest"), None);
        assert_eq!(zone("Timeline — CET"), Some(ZoneWord::Known("Europe/Berlin".parse().unwrap())));
    }
}
