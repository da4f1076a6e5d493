//! `**Detected** 03 Sep 09:41 AEST`, `**Impact** ~1 in 7 quotes failed`: a label in bold with
//! no colon after it. Read as a label line only when it names metadata or a section the heading
//! table knows; any other bold words opening a line (`**Note** this ...`) stay text.

use std::sync::LazyLock;

use regex::Regex;

use super::matching::{is_heading_name, meta_for};
use super::stamp::{ClockText, Stamp, leading_stamp};

static BOLD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)\s*([A-Za-z][^*_:\n]{0,30}?)\s*(?:\*\*|__)\s+(\S.*)$").ok()
});

/// The label and the value of a bold label without a colon that names metadata.
pub(super) fn bold_label(line: &str) -> Option<(String, String)> {
    let c = BOLD.as_ref()?.captures(line)?;
    let label = c[1].trim().to_string();
    (meta_for(&label).is_some() || is_heading_name(&label)).then_some(())?;
    Some((label, c[2].trim().to_string()))
}

/// `**Initial Issue (09:00)**`, `**Recovery (11:00 – 12:46)**`: a phase of the incident named in
/// bold with its time in brackets at the end, the text below it: an entry at that time (a span
/// at its start), the label and what follows it the event.
pub(super) fn label_then_time(line: &str) -> Option<Stamp> {
    static LABEL_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\*\*|__)\s*(\p{L}[^*_()\n]{0,60}?)\s*[(（]([^()（）\n]{4,40})[)）]\s*:?\s*(?:\*\*|__)\s*:?\s*(.*)$",
        )
        .ok()
    });
    let c = LABEL_TIME.as_ref()?.captures(line.trim())?;
    let mut stamp = leading_stamp(&c[2]).filter(|s| s.date.is_none() && matches!(s.time, Some(ClockText::At(_))))?;
    if !stamp.rest.is_empty() {
        return None;
    }
    let after = c[3].trim();
    // The label a heading of its text below ("Initial Issue: We observed ...").
    stamp.rest = if after.is_empty() { format!("{}:", c[1].trim()) } else { format!("{}: {after}", c[1].trim()) };
    Some(stamp)
}

/// `Initial Discovery (5 AM PST / 1 PM GMT, Nov 16):`, `**Mitigation (Dec 23, 14:45):** ...`: a
/// phase named with its day and time in brackets, then a colon: an entry at that moment, the
/// label and what follows the colon its event (a second clock after a slash, `/ 1 PM GMT`, is
/// the same moment).
pub(super) fn label_bracket_day(line: &str) -> Option<Stamp> {
    static LABEL_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\*\*|__)?\s*(\p{L}[^*_()\n:]{0,60}?)\s*[(（]([^()（）\n]{4,60})[)）]\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$",
        )
        .ok()
    });
    let c = LABEL_DAY.as_ref()?.captures(line.trim())?;
    let inner = c[2].trim();
    let inner = match inner.split_once('/') {
        Some((one, other)) if !one.trim_end().ends_with(|ch: char| ch.is_ascii_digit()) => {
            format!("{}{}", one.trim_end(), other.find(',').map_or("", |i| &other[i..]))
        }
        _ => inner.to_string(),
    };
    let mut stamp = leading_stamp(&inner).filter(|s| matches!(s.time, Some(ClockText::At(_))))?;
    if !stamp.rest.trim_matches(|ch: char| ch.is_whitespace() || ch == ',').is_empty() {
        return None;
    }
    let after = c[3].trim().trim_end_matches(['*', '_']).trim_end();
    stamp.rest = if after.is_empty() { format!("{}:", c[1].trim()) } else { format!("{}: {after}", c[1].trim()) };
    Some(stamp)
}

/// `Power issue solved: 5:55 AM EST, 8/12/2022`: a plain label, then its full day and time
/// (read as the entries read a label and its time), the label the event; not an
/// incident time's label (`First detected: ...`), which is metadata and read as such.
pub(super) fn label_then_day(line: &str) -> Option<Stamp> {
    let incident_time = |label: &str| {
        let l = label.to_lowercase();
        meta_for(label).is_some()
            || ["detected", "declared", "repaired", "resolved", "mitigated", "started", "ended"]
                .iter()
                .any(|w| l.contains(w))
    };
    let (mut stamp, label) =
        super::entries::labelled_stamp(line).filter(|(s, label)| s.date.is_some() && !incident_time(label))?;
    stamp.rest = label;
    Some(stamp)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{bold_label, label_bracket_day, label_then_time};

    #[test]
    fn a_phase_with_its_day_and_time_in_brackets_before_a_colon() {
        let s = label_bracket_day("Initial Discovery (5 AM PST / 1 PM GMT, Nov 16):").unwrap();
        assert_eq!(s.rest, "Initial Discovery:");
        assert!(s.date.is_some());
        let b = label_bracket_day("**Mitigation (Dec 23, 14:45):** traffic moved").unwrap();
        assert_eq!(b.rest, "Mitigation: traffic moved");
        assert!(label_bracket_day("Capacity (400 Gbit/s): enough").is_none());
        assert!(label_bracket_day("Release (v2.3, May 1): notes").is_none());
    }

    #[test]
    fn a_phase_in_bold_with_its_time_in_brackets() {
        let s = label_then_time("**Initial Issue (09:00)**").unwrap();
        assert_eq!((s.text.as_str(), s.rest.as_str()), ("09:00", "Initial Issue:"));
        let r = label_then_time("**Recovery (11:00 – 12:46)** traffic back").unwrap();
        assert_eq!(r.rest, "Recovery: traffic back");
        assert!(r.end.is_some());
        assert!(label_then_time("**Capacity (400 Gbit/s)**").is_none());
        assert!(label_then_time("**Deploy (2024-05-01 10:00)**").is_none());
    }

    #[test]
    fn only_metadata_and_section_names_are_labels() {
        let got = bold_label("**Detected** 03 Sep 09:41 AEST by Scout");
        assert_eq!(got, Some(("Detected".to_string(), "03 Sep 09:41 AEST by Scout".to_string())));
        assert_eq!(bold_label("**Impact** 1 in 7 failed").map(|(l, _)| l).as_deref(), Some("Impact"));
        assert_eq!(bold_label("**Note** this is prose"), None);
        assert_eq!(bold_label("**Detected**"), None);
    }
}
