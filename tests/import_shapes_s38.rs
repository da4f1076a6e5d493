//! Importing the shapes set AW showed in session 38 (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant and the start
//! of what the imported document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A status page's history with only two updates, each `Resolved -` alone on its line, its
/// text below, then `Jun 3, 16:20 PDT` (newest first, no year): both are entries, in the year
/// the file is imported in, and the import says it took that year.
#[test]
fn two_status_updates_whose_dash_ends_the_label_line() {
    let imported = import_named_on(&fixture("status-two-updates-dash-alone.md"), "updates.md", day(2026, 8, 1));
    assert_eq!(imported.doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2026-06-03T23:20:00Z", "Resolved -\nUploads through t"),
            ("2026-06-03T22:35:00Z", "Investigating -\nSome users c"),
        ])
    );
    assert_eq!(imported.assumed_year.map(|a| a.year), Some(2026));
    // A file that writes its year leaves nothing to assume.
    let dated = "Resolved -\nAll good.\nJun 3, 2025, 16:20 PDT\nInvestigating -\nLooking.\nJun 3, 2025, 15:35 PDT\n";
    let imported = import_named_on(dated, "updates.md", day(2026, 8, 1));
    assert_eq!(imported.doc.timeline.len(), 2);
    assert_eq!(imported.assumed_year, None);
}

/// Status updates copied with the label alone on its line (`Resolved`), two paragraphs of text
/// separated by blank lines, then the stamp `Thu, Sep 8, 2022, 01:05 PM(2 hours earlier)`, the
/// relative note glued to `PM`: an entry each, at the stamp's wall clock, the note kept after
/// the label; the label without a stamp above them (`Post-incident review published`) is no
/// entry.
#[test]
fn labelled_updates_over_paragraphs_with_a_relative_note() {
    let doc = import_utc(&fixture("status-labels-over-paragraphs.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-09-08T14:40:00Z", "Resolved Invoices are being "),
            ("2022-09-08T13:05:00Z", "Monitoring (2 hours earlier)"),
            ("2022-09-08T10:48:00Z", "Investigating (14 minutes ea"),
        ])
    );
    assert!(doc.timeline[0].event.contains("The backlog from this morning has been cleared."));
}

/// Headings per phase that close with their time range (`### **Phase 1: Discovery (08:12 -
/// 08:20)**`), bullets under each, the day in a `**Date:**` line: an entry at each range's
/// start, the heading (range and all) and its bullets its text.
#[test]
fn phase_headings_closing_with_a_time_range() {
    let doc = import_utc(&fixture("phase-headings-time-ranges.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-09T08:12:00Z", "Phase 1: Discovery (08:12 - "),
            ("2025-03-09T08:21:00Z", "Phase 2: Revocation (08:21 -"),
            ("2025-03-09T09:05:00Z", "Phase 3: Cleanup (09:05)\n\n* "),
        ])
    );
    assert!(doc.timeline[1].event.contains("Build logs were searched"));
}

/// A table copied one cell per line under `Timeline (UTC)` (`| 07:10 |` over `Error rate alarm
/// fired for checkout |`), the day only in the prose above it: a row each, at that day in UTC;
/// the overview's cells (`| Incident Date |` over `2 Jun 2025 |`) are no entries.
#[test]
fn a_table_flattened_one_cell_per_line() {
    let doc = import_utc(&fixture("table-one-cell-per-line.md"));
    assert_eq!(doc.timezone, "UTC");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-06-02T07:10:00Z", "Error rate alarm fired for c"),
            ("2025-06-02T07:14:00Z", "On-call engineer started inv"),
            ("2025-06-02T07:38:00Z", "Faulty cache node taken out "),
            ("2025-06-02T07:52:00Z", "Checkout fully working again"),
        ])
    );
}

/// A Slack paste under a heading that names the country's clock and the day (`### timeline
/// (Israel time, Aug. 3, 2019)`): each `@noa.levi  [2:05 PM]` line over its message is an entry
/// in Asia/Jerusalem (summer: UTC+3), the author first, a second line of the message kept.
#[test]
fn a_chat_paste_under_a_heading_naming_a_country_clock() {
    let doc = import_utc(&fixture("chat-paste-country-time.md"));
    assert_eq!(doc.timezone, "Asia/Jerusalem");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-08-03T11:05:00Z", "@noa.levi: checkout is down "),
            ("2019-08-03T11:31:00Z", "Dan Peretz: found it, the pa"),
            ("2019-08-03T12:10:00Z", "@noa.levi: checkout works ag"),
        ])
    );
    assert!(doc.timeline[1].event.contains("restarting it now"));
}
