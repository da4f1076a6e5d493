//! Importing shapes met in session 50 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A carrier's report: the incident's times as label lines at the top, then the same and more
/// as a list of `Label: time zone, day` items, one a range whose ends each name the zone. Each
/// item is an entry (the range keeps its end), and the label line that repeats an item marks
/// it rather than adding it twice.
#[test]
fn labelled_items_with_a_range_and_its_day_after_it() {
    let src = "Phone outage\n\nIncident Reported: 4:45 AM EST, 8/12/2022\n\nIncident Resolved: 2:00 PM EST, 8/12/2022\n\nWhat we saw\n\n  • Incident reported: 4:45AM EST, 8/12/2022\n  • Power restored at the site: 5:55 AM EST, 8/12/2022\n  • Vendor patch applied: 9:47 AM EST, 8/12/2022\n  • Working through the queued requests: 9:47 AM EST – 2:00 PM EST, 8/12/2022\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-08-12T08:45:00Z", "Incident reported"),
            ("2022-08-12T09:55:00Z", "Power restored at the site"),
            ("2022-08-12T13:47:00Z", "Vendor patch applied"),
            ("2022-08-12T13:47:00Z", "Working through the queued r"),
            ("2022-08-12T18:00:00Z", "Incident Resolved"),
        ])
    );
    assert_eq!(kept(&doc, 3, "imported-until").as_deref(), Some("14:00"), "{:?}", doc.timeline[3]);
    assert_eq!(doc.timeline[0].marker, Some(blameless::doc::Marker::Detected));
}

/// A timeline whose ranges name the zone at both ends (`14:00 UTC - 14:30 UTC: ...`): the end
/// is the range's, not the start of the event.
#[test]
fn a_range_with_the_zone_at_both_ends() {
    let src = "# Slow API\n\nOn 2024-03-05 the API slowed down.\n\n## Timeline\n\n- 14:00 UTC - 14:30 UTC: Degraded performance\n- 14:30 UTC: Fixed\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-03-05T14:00:00Z", "Degraded performance"), ("2024-03-05T14:30:00Z", "Fixed")])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("14:30"));
}
