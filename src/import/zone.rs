//! Zones as the import reads them: every statement `crate::doc::zone_words` knows, and two
//! more ways real postmortems state them:
//!
//! - an offset after "local time": `## Timeline (local time, UTC+7)`, "all timestamps are
//!   LOCAL (UTC+7)", `(local times, UTC-7; log stamps are UTC)`, `(local, UTC+8)`;
//! - a city's clock in words: "horário de Brasília", "hora de Bogotá", "heure de Paris",
//!   "Tokyo time" (a city the zone database names, or a capital it does not: Brasília is São
//!   Paulo's clock). A word that names no city states nothing;
//! - a zone closing a timeline's bracket after a note: `## Timeline (PC clock, JST)`;
//! - a region's clock named in a sentence ("an outage that began this morning Eastern time",
//!   "restored at 04:13 mountain time", "British Summer Time"): read by the survey only when
//!   the file states no zone otherwise and its times carry none.

use std::sync::LazyLock;

use regex::Regex;

pub use crate::doc::zone_words::{ZONE_PATTERN, ZoneWord, zone_word};

/// A North American region's clock in words after a time ("10:15 AM eastern time",
/// "Pacific Daylight Time"): a pattern for the survey and for the words an event leaves out.
pub(super) const REGION_CLOCK: &str = r"(?:eastern|pacific|mountain|central)(?:\s+(?:standard|daylight))?\s+time";

/// A zone the text states for the times around it, and the words that state it.
pub fn stated(text: &str) -> Option<(ZoneWord, String)> {
    local_offset(text)
        .or_else(|| crate::doc::zone_words::stated(text))
        .or_else(|| city_clock(text))
        .or_else(|| last_in_bracket(text))
        .or_else(|| clock_is(text))
}

/// "시각은 KST다", "時刻はJST", "时间为 UTC+8": a Korean, Japanese or Chinese sentence saying
/// which clock the times keep (the zone's letters run on into the sentence's ending).
fn clock_is(text: &str) -> Option<(ZoneWord, String)> {
    static IS: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?:시각|시간|時刻|時間|时间)\s*(?:은|는|は|为|為|:|：)?\s*(?:모두|すべて|全て|均|都)?\s*(?:为|為|是)?\s*((?:UTC|GMT)(?:[+-]\s?|\s[+-])\d{1,2}(?::?\d{2})?|[A-Z]{2,5})(?:[^A-Za-z0-9+-]|$)").ok()
    });
    let c = IS.as_ref()?.captures(text)?;
    let zone = zone_word(c.get(1)?.as_str())?;
    Some((zone, c.get(0)?.as_str().trim_end_matches(|ch: char| !ch.is_ascii_alphanumeric()).to_string()))
}

/// `## Timeline (PC clock, JST)`, `時系列（PC の時刻、JST）`: the zone closing a timeline's
/// bracket after a note on whose clock it is (`(2024-11-09、JST = UTC+9)`, its offset after it).
fn last_in_bracket(text: &str) -> Option<(ZoneWord, String)> {
    static LAST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i:\b(?:timeline|times?|chronology|時系列|時刻|タイムライン)\s*[(（][^()（）\n]{{0,40}}?[,;、]\s*)(?-i:({ZONE_PATTERN}))\s*(?:=\s*(?:UTC|GMT)(?:[+-]\s?|\s[+-])\d{{1,2}}(?::?\d{{2}})?\s*)?[)）]"
        ))
        .ok()
    });
    let c = LAST.as_ref()?.captures(text)?;
    Some((zone_word(c.get(1)?.as_str())?, c.get(0)?.as_str().trim().to_string()))
}

/// A region's clock named in words anywhere in a sentence, "Eastern time", "mountain time",
/// "Pacific Standard Time", "British Summer Time", "Coordinated Universal Time", and the words.
pub fn named_clock(text: &str) -> Option<(ZoneWord, String)> {
    const CLOCKS: &[(&str, &str)] = &[
        ("central european summer", "Europe/Berlin"),
        ("central european", "Europe/Berlin"),
        ("eastern european", "Europe/Helsinki"),
        ("western european", "Europe/Lisbon"),
        ("british summer", "Europe/London"),
        ("greenwich mean", "UTC"),
        ("coordinated universal", "UTC"),
        ("pacific", "America/Los_Angeles"),
        ("mountain", "America/Denver"),
        ("central", "America/Chicago"),
        ("eastern", "America/New_York"),
        ("alaska", "America/Anchorage"),
        ("hawaii", "Pacific/Honolulu"),
        ("japan", "Asia/Tokyo"),
        ("korea", "Asia/Seoul"),
        ("singapore", "Asia/Singapore"),
        ("australian eastern", "Australia/Sydney"),
        ("moscow", "Europe/Moscow"),
        ("israel", "Asia/Jerusalem"),
        ("india", "Asia/Kolkata"),
        ("china", "Asia/Shanghai"),
    ];
    static NAMED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let names: Vec<&str> = CLOCKS.iter().map(|(n, _)| *n).collect();
        Regex::new(&format!(
            r"(?i)\b({})(?:\s+(?:standard|daylight|summer))?\s+time(?:\b|(?-i:\p{{Lu}}))",
            names.join("|").replace(' ', r"\s+")
        ))
        .ok()
    });
    // "по московскому времени": a region's clock in the words of a language that puts them
    // another way round.
    const WORDED: &[(&str, &str)] = &[
        ("по московскому времени", "Europe/Moscow"),
        ("московское время", "Europe/Moscow"),
        ("московского времени", "Europe/Moscow"),
    ];
    let lower = text.to_lowercase();
    if let Some((words, zone)) = WORDED.iter().find(|(w, _)| lower.contains(w)) {
        return Some((ZoneWord::Known(zone.parse().ok()?), (*words).to_string()));
    }
    NAMED.as_ref()?.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        // "British Summer TimeWe're ...": a copied page lost the space after the clock's name.
        let glued = whole.as_str().chars().next_back().is_some_and(char::is_uppercase);
        let words = if glued { &whole.as_str()[..whole.len() - 1] } else { whole.as_str() };
        // "central time-series": a word of another compound, not a clock.
        if text[whole.end()..].starts_with(['-', '/']) {
            return None;
        }
        let name = c.get(1)?.as_str().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let zone = CLOCKS.iter().find(|(n, _)| *n == name)?.1.parse().ok()?;
        Some((ZoneWord::Known(zone), words.to_string()))
    })
}

/// "local time, UTC+7": the offset the writer's local clock had.
fn local_offset(text: &str) -> Option<(ZoneWord, String)> {
    static LOCAL: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\blocal(?:\s+times?)?\s*(?:[,;:]\s*|[(（]\s*|\s+)((?:UTC|GMT)(?:[+-]\s?|\s[+-])\d{1,2}(?::?\d{2})?)\b")
            .ok()
    });
    let c = LOCAL.as_ref()?.captures(text)?;
    let zone = zone_word(c.get(1)?.as_str())?;
    Some((zone, c.get(0)?.as_str().trim().to_string()))
}

/// "horário de Brasília", "hora de Bogotá", "in Tokyo time", "(Tokyo time)".
fn city_clock(text: &str) -> Option<(ZoneWord, String)> {
    static CITY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?:(?i:\b(?:hor[aá]rio|hora|heure|horaire|ora|uhrzeit|zeit)(?:\s+(?:oficial|local|locale))?\s+(?:de|do|da|di|del|von|à|a)\s+)(\p{Lu}\p{L}+(?:[ _-]\p{Lu}\p{L}+)?)|(?:\b(?i:in)\s+|[(（]\s*)(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)\s+(?:local\s+)?time\b)",
        )
        .ok()
    });
    CITY.as_ref()?.captures_iter(text).find_map(|c| {
        let city = c.get(1).or_else(|| c.get(2))?.as_str();
        let zone = city_zone(city)?;
        Some((ZoneWord::Known(zone), c.get(0)?.as_str().trim().to_string()))
    })
}

/// The zone whose clock a city keeps: one the zone database names (`America/Bogota`, its
/// last part, accents and case aside), or a capital it names by another city.
fn city_zone(city: &str) -> Option<crate::doc::Zone> {
    const CAPITALS: &[(&str, &str)] = &[
        ("brasilia", "America/Sao_Paulo"),
        ("rio de janeiro", "America/Sao_Paulo"),
        ("beijing", "Asia/Shanghai"),
        ("new delhi", "Asia/Kolkata"),
        ("delhi", "Asia/Kolkata"),
        ("mumbai", "Asia/Kolkata"),
        ("bengaluru", "Asia/Kolkata"),
        ("bangalore", "Asia/Kolkata"),
        ("washington", "America/New_York"),
        ("san francisco", "America/Los_Angeles"),
        ("seattle", "America/Los_Angeles"),
        ("ottawa", "America/Toronto"),
        ("canberra", "Australia/Sydney"),
        ("munich", "Europe/Berlin"),
        ("milan", "Europe/Rome"),
        // A country with one clock, named for it: "(Israel time)".
        ("israel", "Asia/Jerusalem"),
    ];
    let key = fold(city).replace(['_', '-'], " ");
    if let Some((_, zone)) = CAPITALS.iter().find(|(c, _)| *c == key) {
        return zone.parse().ok();
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
        .find(|name| name.rsplit('/').next().is_some_and(|last| fold(last).replace('_', " ") == key))
        .and_then(|name| name.parse().ok())
}

/// Lower case without accents: "Bogotá" and "bogota" are one city.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn zone(text: &str) -> Option<String> {
        match stated(text)? {
            (ZoneWord::Known(z), _) => Some(z.to_string()),
            (ZoneWord::Ambiguous(w), _) => Some(format!("ambiguous {w}")),
        }
    }

    #[test]
    fn an_offset_after_local_time() {
        assert_eq!(zone("## 5. Timeline (local time, UTC+7)").as_deref(), Some("+07:00"));
        assert_eq!(zone("all timestamps are LOCAL (UTC+7). Logs stamp events in UTC").as_deref(), Some("+07:00"));
        assert_eq!(zone("The death timeline (local times, UTC-7; log stamps are UTC)").as_deref(), Some("-07:00"));
        assert_eq!(zone("09:32 (local, UTC+8)").as_deref(), Some("+08:00"));
        assert_eq!(zone("a local team met at noon"), None);
    }

    #[test]
    fn a_city_clock_in_words() {
        assert_eq!(zone("## Linha do tempo (horário de Brasília)").as_deref(), Some("America/Sao_Paulo"));
        assert_eq!(zone("Línea de tiempo (hora de Bogotá)").as_deref(), Some("America/Bogota"));
        assert_eq!(zone("All entries in Tokyo time").as_deref(), Some("Asia/Tokyo"));
        assert_eq!(zone("Response time went up"), None);
        assert_eq!(zone("we called London time and again"), None);
        assert_eq!(zone("hora de Comer"), None);
        // What the shared words state is unchanged.
        assert_eq!(zone("All times in PST").as_deref(), Some("America/Los_Angeles"));
    }

    #[test]
    fn a_region_clock_named_in_a_sentence() {
        let named = |t: &str| match named_clock(t)? {
            (ZoneWord::Known(z), words) => Some(format!("{z} {words}")),
            _ => None,
        };
        assert_eq!(
            named("an outage that began this morning Eastern time.").as_deref(),
            Some("America/New_York Eastern time")
        );
        assert_eq!(named("restored at 04:13 mountain time").as_deref(), Some("America/Denver mountain time"));
        assert_eq!(named("at 9 British Summer Time").as_deref(), Some("Europe/London British Summer Time"));
        assert_eq!(named("a central time-series store"), None);
        assert_eq!(named("the eastern region"), None);
    }

    #[test]
    fn a_clock_named_in_a_korean_or_japanese_sentence() {
        assert_eq!(zone("시각은 KST다.").as_deref(), Some("Asia/Seoul"));
        assert_eq!(zone("時刻はすべてJSTです").as_deref(), Some("Asia/Tokyo"));
        assert_eq!(zone("时间为 UTC+8").as_deref(), Some("+08:00"));
        assert_eq!(zone("시간은 많이 걸렸다"), None);
    }
}
