//! Importing the shapes set AT showed in session 36b (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A cState page whose updates are bullets, each closed by `{{< track "2025-03-11 08:05:00" >}}`
/// (no zone written anywhere): an entry each at its stamp's wall clock, the shortcode gone from
/// the text; the paragraph below the list stays text.
#[test]
fn cstate_bullets_closed_by_track_stamps() {
    let (doc, report) = import_with_report(&fixture("cstate-track-bullets.md"));
    assert_eq!(times_as_written(&doc), ["2025-03-11 07:20", "2025-03-11 08:05", "2025-03-11 09:45"]);
    assert!(doc.timeline[1].event.starts_with("The scheduler lost its lease"), "{:?}", doc.timeline);
    assert!(!doc.timeline.iter().any(|e| e.event.contains("track")), "{:?}", doc.timeline);
    assert!(report.contains("3 entries"), "{report}");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("We will add an alert on the scheduler's lease."), "{md}");
}

/// A cState page whose updates open with their stamp, newest first (`{{< track "..." >}} - ...`,
/// or the stamp alone over "From the campus network team:" and a quote): an entry each, the
/// announced quote part of its update; the template's commented example stamp is no entry.
#[test]
fn cstate_updates_opening_with_track_stamps() {
    let (doc, _report) = import_with_report(&fixture("cstate-track-first.md"));
    let mut got = times_as_written(&doc);
    got.sort();
    assert_eq!(got, ["2025-05-20 14:10", "2025-05-20 18:40"]);
    let first = doc.timeline.iter().find(|e| e.time.as_text() == "2025-05-20 14:10").unwrap();
    assert!(first.event.starts_with("From the campus network team:"), "{:?}", first.event);
    assert!(first.event.contains("A fibre link between the two data rooms is down."), "{:?}", first.event);
    let last = doc.timeline.iter().find(|e| e.time.as_text() == "2025-05-20 18:40").unwrap();
    assert!(last.event.starts_with("The catalogue is reachable again."), "{:?}", last.event);
    assert!(!doc.timeline.iter().any(|e| e.event.contains("track")), "{:?}", doc.timeline);
}
