//! A heading that names a phase and closes with its time or time range in brackets (`Phase 1:
//! Detection (17:38 - 17:40)`, `**Recovery (09:10)**`), the phase's lines under it: an entry at
//! the start of the range, the heading its text (the range stays in it, as its end is not a
//! moment of its own).

use super::stamp::{ClockText, Stamp, leading_stamp};

/// The stamp a heading closes with, its whole text the entry's: `None` unless the heading has
/// words before brackets that hold only a time, a range or a day and time.
pub(super) fn closing_stamp(text: &str) -> Option<Stamp> {
    let plain = text.trim().trim_matches(['*', '_']).trim();
    let inner = plain.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let (before, bracket) = (inner[..open].trim(), &inner[open..]);
    let when = bracket.trim_start_matches(['(', '（']).trim();
    // A clock with a colon: `(2024)` is a year, not 20:24.
    if !before.chars().any(char::is_alphabetic) || !when.contains(':') {
        return None;
    }
    let mut stamp = leading_stamp(when)?;
    // `Update (14:05 UTC, March 5 2024)`: the day after the time.
    let after = stamp.rest.trim().trim_start_matches(',').trim();
    if !after.is_empty()
        && stamp.date.is_none()
        && let Some(day) = leading_stamp(after).filter(|d| d.time.is_none() && d.rest.trim().is_empty())
    {
        stamp.date = day.date;
        stamp.rest.clear();
    }
    if !matches!(stamp.time, Some(ClockText::At(_))) || !stamp.rest.trim().is_empty() {
        return None;
    }
    stamp.rest = plain.to_string();
    Some(stamp)
}

/// `### Detection — 14:05 UTC`: a heading that names a phase and closes with its time after a
/// dash or colon; the phase its text.
pub(super) fn dash_stamp(text: &str) -> Option<Stamp> {
    let plain = text.trim().trim_matches(['*', '_']).trim();
    let (label, when) = [" — ", " – ", " - ", ": "].iter().filter_map(|d| plain.rsplit_once(d)).next()?;
    let label = label.trim().trim_matches(['*', '_']).trim();
    let words = label.split_whitespace().count();
    if words == 0 || words > 6 || !label.chars().any(char::is_alphabetic) || !when.contains(':') {
        return None;
    }
    let mut stamp = leading_stamp(when.trim().trim_matches(['*', '_']))?;
    if !matches!(stamp.time, Some(ClockText::At(_))) || !stamp.rest.trim().is_empty() {
        return None;
    }
    stamp.rest = label.to_string();
    Some(stamp)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::closing_stamp;
    use chrono::NaiveTime;

    #[test]
    fn a_phase_heading_closing_with_its_range_is_an_entry_at_its_start() {
        let stamp = closing_stamp("**Phase 2: Rollback (09:41 - 09:55)**").expect("a stamp");
        assert_eq!(stamp.time, Some(super::ClockText::At(NaiveTime::from_hms_opt(9, 41, 0).unwrap())));
        assert_eq!(stamp.rest, "Phase 2: Rollback (09:41 - 09:55)");
        assert!(closing_stamp("Recovery (10:02)").is_some());
        let dated = closing_stamp("Update (14:05 UTC, March 5 2024)").expect("a stamp");
        assert!(dated.date.is_some());
        let dash = super::dash_stamp("Detection — 14:05 UTC").expect("a stamp");
        assert_eq!(dash.rest, "Detection");
        assert!(super::dash_stamp("Lessons learned - what went well").is_none());
    }

    #[test]
    fn brackets_of_other_words_or_no_words_before_them_are_no_stamp() {
        assert!(closing_stamp("Phase 2 (rollback)").is_none());
        assert!(closing_stamp("(09:41 - 09:55)").is_none());
        assert!(closing_stamp("Impact (3 regions)").is_none());
        assert!(closing_stamp("Timeline (UTC)").is_none());
        assert!(closing_stamp("Review (2024)").is_none());
    }
}
