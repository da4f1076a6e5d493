//! Importing the shapes tuning set AH of real postmortems showed (see tests/corpus/REAL.md): a
//! status page copied with a `Posted Apr 09, 2025 - 15:20 MDT` line under each update, the
//! updates' text running over paragraphs. From fixtures written in the same shapes in our own
//! words: every entry at the right instant, and nothing lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// Each update, from the line after the stamp above to its own `Posted ...` line, is an entry at
/// that stamp (MDT, the region's clock), in the order written; the page's title stays the title and the line after
/// the last stamp stays text.
#[test]
fn posted_lines_stamp_the_updates_above_them() {
    let doc = import_utc(&fixture("status-updates-posted-lines.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-04-09T21:20:00Z", "Incident Report for Ledgerly"),
            ("2025-04-09T19:05:00Z", "Monitoring A second mail rel"),
            ("2025-04-09T17:48:00Z", "Investigating Invoice emails"),
        ])
    );
    let last = &doc.timeline.iter().find(|e| e.event.contains("outbox has drained")).unwrap().event;
    assert!(last.contains("review of the queue settings"), "{last}");
    assert_eq!(doc.title, "Invoice emails delayed");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("This incident affected: Email delivery."), "{md}");
}

/// A report kept as one list of its parts (`- OVERVIEW`, `- TIMELINE OF EVENTS`, `- WHAT WE
/// FOUND`): the items that open with a time right after the item naming the timeline are the
/// entries, on the day the report gives; every other item stays as written.
#[test]
fn timed_items_after_a_timeline_label_in_a_list_are_entries() {
    let doc = import_utc(&fixture("list-with-timeline-label.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-04T08:14:00Z", "Alerts report three volumes "),
            ("2025-03-04T08:16:00Z", "The storage team starts look"),
            ("2025-03-04T08:31:00Z", "The volumes are writable aga"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    for kept in ["TIMELINE OF EVENTS", "A controller restarted", "The firmware checks move"] {
        assert!(md.contains(kept), "{kept}: {md}");
    }
}

/// `Resolved [18/03/2025 17:40]` alone on its line, the update's text in the paragraphs below:
/// an entry each, at its stamp (a day before its month, as 18/03 shows), the status word kept.
#[test]
fn bracketed_stamps_open_the_updates_below_them() {
    let doc = import_utc(&fixture("status-updates-bracketed-stamps.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-18T17:40:00Z", "Resolved Every backup job ha"),
            ("2025-03-18T11:05:00Z", "Update The storage target wa"),
            ("2025-03-17T22:15:00Z", "Identified Nightly backup jo"),
        ])
    );
}

/// "As of 10:05am CST the queue took jobs again": a time after "as of" starts an entry, as one
/// after "at" or "at about" does (the words kept as written); a step without a time of its own
/// is no entry.
#[test]
fn a_time_after_as_of_starts_an_entry() {
    let doc = import_utc(&fixture("as-of-in-steps.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-03T14:50:00Z", "At about 8:50am CST a disk o"),
            ("2025-03-03T15:10:00Z", "on March 3, 2025, the print "),
            ("2025-03-03T16:05:00Z", "As of 10:05am CST the old sp"),
        ])
    );
}
