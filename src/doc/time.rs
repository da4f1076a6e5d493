//! Points in time as a postmortem records them.
//!
//! A time is written with its UTC offset (`2026-11-24T14:02:00+01:00`) so it means the same
//! thing to every reader. A hand-written time without an offset (`2026-11-24 14:02`) is read
//! in the document's time zone; anything else is kept exactly as typed and reported, never
//! dropped.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment as stored in a document: either an exact time with its offset, or text that was
/// typed and could not be read as one (kept so nothing the user wrote is lost).
#[derive(Debug, Clone)]
pub enum Moment {
    Exact(DateTime<FixedOffset>),
    Typed(String),
}

impl Moment {
    /// The exact time, reading offset-less text in `zone`. `None` when the text is not a time.
    pub fn resolve(&self, zone: &Zone) -> Option<DateTime<FixedOffset>> {
        match self {
            Moment::Exact(t) => Some(*t),
            Moment::Typed(text) => zone.parse_local(text).ok(),
        }
    }

    /// The text written to the file.
    pub fn as_text(&self) -> String {
        match self {
            Moment::Exact(t) => t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            Moment::Typed(text) => text.clone(),
        }
    }
}

/// Two moments are equal when they are written the same way: the offset is part of what the
/// user recorded, so `14:02+01:00` and `13:02Z` are different entries.
impl PartialEq for Moment {
    fn eq(&self, other: &Self) -> bool {
        self.as_text() == other.as_text()
    }
}

impl From<DateTime<FixedOffset>> for Moment {
    fn from(t: DateTime<FixedOffset>) -> Self {
        Moment::Exact(t)
    }
}

impl FromStr for Moment {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Exact only when writing it back gives the same text, so a file keeps what was typed.
        Ok(match DateTime::parse_from_rfc3339(s) {
            Ok(t) if Moment::Exact(t).as_text() == s => Moment::Exact(t),
            _ => Moment::Typed(s.to_string()),
        })
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_text())
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_text())
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A YAML reader may hand us a number or a date-like scalar; keep its text either way.
        let text = crate::doc::scalar_text(d)?;
        Ok(text.parse().unwrap_or(Moment::Typed(text)))
    }
}

/// In the JSON Schema a moment is text: an exact time is written as a string, and text that is
/// not a time is kept (and reported), so no pattern is imposed on hand edits.
impl schemars::JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A time with its UTC offset (2026-11-24T14:02:00+01:00), or without one (2026-11-24 14:02), read in the document's time zone",
            "examples": ["2026-11-24T14:02:00+01:00", "2026-11-24 14:02"]
        })
    }
}

/// The time zone of a document: an IANA name (`Europe/Berlin`), `UTC`, or a fixed offset
/// (`+05:30`).
#[derive(Debug, Clone, PartialEq)]
pub enum Zone {
    Named(chrono_tz::Tz),
    Fixed(FixedOffset),
}

impl Zone {
    pub fn utc() -> Zone {
        Zone::Named(chrono_tz::UTC)
    }

    /// The zone the user's machine is in: `TZ` when set, then the system's, then UTC.
    pub fn from_environment() -> Zone {
        let from_env = std::env::var("TZ").ok().and_then(|tz| tz.trim_start_matches(':').parse().ok());
        from_env
            .or_else(|| iana_time_zone::get_timezone().ok().and_then(|name| name.parse().ok()))
            .unwrap_or_else(Zone::utc)
    }

    /// Reads a time written without an offset as wall-clock time in this zone. Accepts
    /// `2026-11-24 14:02`, `2026-11-24T14:02`, with optional seconds, and full RFC 3339.
    pub fn parse_local(&self, text: &str) -> Result<DateTime<FixedOffset>, TimeError> {
        let text = text.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Ok(t);
        }
        let naive = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
            .ok_or(TimeError::NotATime)?;
        self.localize(naive)
    }

    /// Places a wall-clock time in this zone. In the hour skipped by a daylight-saving change
    /// the time does not exist; in the hour repeated, the earlier of the two is taken.
    pub fn localize(&self, naive: NaiveDateTime) -> Result<DateTime<FixedOffset>, TimeError> {
        match self {
            Zone::Fixed(offset) => single(offset.from_local_datetime(&naive)),
            Zone::Named(tz) => single(tz.from_local_datetime(&naive).map(|t| t.fixed_offset())),
        }
    }

    /// Today's date in this zone, from an injected or real clock.
    pub fn today(&self, now: DateTime<chrono::Utc>) -> NaiveDate {
        match self {
            Zone::Fixed(offset) => now.with_timezone(offset).date_naive(),
            Zone::Named(tz) => now.with_timezone(tz).date_naive(),
        }
    }
}

fn single(result: LocalResult<DateTime<FixedOffset>>) -> Result<DateTime<FixedOffset>, TimeError> {
    match result {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier),
        LocalResult::None => Err(TimeError::SkippedByClockChange),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    NotATime,
    SkippedByClockChange,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeError::NotATime => "is not a time (write e.g. 2026-11-24 14:02 or 2026-11-24T14:02:00+01:00)",
            TimeError::SkippedByClockChange => "does not exist in the document's time zone (the clocks skipped it)",
        })
    }
}

impl FromStr for Zone {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("utc") || s == "Z" {
            return Ok(Zone::utc());
        }
        if (s.starts_with('+') || s.starts_with('-'))
            && let Ok(t) = DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{s}"))
        {
            return Ok(Zone::Fixed(*t.offset()));
        }
        s.parse::<chrono_tz::Tz>().map(Zone::Named).map_err(|_| {
            format!(
                "`{s}` is not a time zone: use an IANA name such as Europe/Berlin, UTC, or an offset such as +05:30"
            )
        })
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Named(tz) => f.write_str(tz.name()),
            Zone::Fixed(offset) => write!(f, "{offset}"),
        }
    }
}

/// An instant as people read it, the same everywhere (tables, exports, messages):
/// `2026-11-24 14:02 +01:00`, with seconds only when there are some.
pub fn shown(t: DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    if t.second() == 0 {
        t.format("%Y-%m-%d %H:%M %:z").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn exact_times_keep_their_offset() {
        let m: Moment = "2026-11-24T14:02:00+01:00".parse().unwrap();
        assert_eq!(m.as_text(), "2026-11-24T14:02:00+01:00");
        let z: Moment = "2026-11-24T13:02:00Z".parse().unwrap();
        assert_eq!(z.as_text(), "2026-11-24T13:02:00Z");
        assert_ne!(m, z, "same instant, different record");
    }

    #[test]
    fn offset_less_times_use_the_document_zone() {
        let berlin: Zone = "Europe/Berlin".parse().unwrap();
        let m: Moment = "2026-11-24 14:02".parse().unwrap();
        assert!(matches!(m, Moment::Typed(_)), "kept as typed in the file");
        assert_eq!(m.resolve(&berlin).unwrap().to_rfc3339(), "2026-11-24T14:02:00+01:00");
        let summer = berlin.parse_local("2026-07-01T09:30").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T09:30:00+02:00");
        let fixed: Zone = "+05:30".parse().unwrap();
        assert_eq!(fixed.parse_local("2026-11-24 14:02:30").unwrap().to_rfc3339(), "2026-11-24T14:02:30+05:30");
    }

    #[test]
    fn daylight_saving_edges() {
        let berlin: Zone = "Europe/Berlin".parse().unwrap();
        // 2026-03-29 02:30 does not exist in Berlin; 2026-10-25 02:30 happens twice.
        assert_eq!(berlin.parse_local("2026-03-29 02:30"), Err(TimeError::SkippedByClockChange));
        let repeated = berlin.parse_local("2026-10-25 02:30").unwrap();
        assert_eq!(repeated.to_rfc3339(), "2026-10-25T02:30:00+02:00");
    }

    #[test]
    fn text_that_is_not_a_time_is_kept() {
        let m: Moment = "shortly after lunch".parse().unwrap();
        assert_eq!(m.as_text(), "shortly after lunch");
        assert_eq!(m.resolve(&Zone::utc()), None);
    }

    #[test]
    fn zones_parse_and_print() {
        assert_eq!("utc".parse::<Zone>().unwrap().to_string(), "UTC");
        assert_eq!("America/New_York".parse::<Zone>().unwrap().to_string(), "America/New_York");
        assert_eq!("-03:00".parse::<Zone>().unwrap().to_string(), "-03:00");
        assert!("Mars/Olympus".parse::<Zone>().unwrap_err().contains("IANA"));
    }
}
