//! Importing shapes met in session 47 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

fn kept(doc: &blameless::doc::Document, row: usize, key: &str) -> Option<String> {
    doc.timeline[row].extra.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// `| Date | Time | Who | What |`: the event is what happened, not who did it (who is kept
/// beside it), though neither column is named "Event".
#[test]
fn a_table_of_who_and_what_has_the_what_as_its_event() {
    let src = "# Database failover\n\n## Timeline\n\nAll times are in UTC.\n\n| Date | Time | Who | What |\n|---|---|---|---|\n| 2022-11-02 | 22:40 | on-call | Paged about replication lag |\n| 2022-11-02 | 23:55 | DBA | Failover initiated |\n| 2022-11-03 | 00:20 | DBA | Failover complete |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-11-02T22:40:00Z", "Paged about replication lag"),
            ("2022-11-02T23:55:00Z", "Failover initiated"),
            ("2022-11-03T00:20:00Z", "Failover complete"),
        ])
    );
    assert_eq!(kept(&doc, 1, "imported-who").as_deref(), Some("DBA"));
}

/// A table with no column named for the time or the event: the event is the column of the
/// longest words, not the first one that is not a number.
#[test]
fn without_named_columns_the_longest_words_are_the_event() {
    let src = "# Queue backlog, 2023-05-02\n\n## Timeline\n\n| Time | Service | Note |\n|---|---|---|\n| 10:00 UTC | queue | Backlog grows past one million messages |\n| 10:20 UTC | queue | Consumers scaled from four to sixteen |\n| 11:05 UTC | api | Backlog drained and latency back to normal |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-05-02T10:00:00Z", "Backlog grows past one milli"),
            ("2023-05-02T10:20:00Z", "Consumers scaled from four t"),
            ("2023-05-02T11:05:00Z", "Backlog drained and latency "),
        ])
    );
    assert_eq!(kept(&doc, 2, "imported-service").as_deref(), Some("api"));
}

/// `| Event | Start | End |`: the event first, its span in two columns; each row starts at its
/// start, in the zone its cells state, and the end is kept as the row's end.
#[test]
fn an_event_then_its_start_and_end() {
    let src = "# Storage incident\n\nDate: June 5, 2021\n\n## Timeline\n\n| Event | Start | End |\n|---|---|---|\n| Disk alarms | 14:02 CEST | 14:30 CEST |\n| Failover to replica | 14:31 CEST | 14:45 CEST |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2021-06-05T12:02:00Z", "Disk alarms"), ("2021-06-05T12:31:00Z", "Failover to replica")])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("14:30"));
    assert_eq!(kept(&doc, 1, "imported-until").as_deref(), Some("14:45"));
}

/// A document that says "All times are PST" over a table whose time column says `Time (UTC)`:
/// the column's own zone is its cells' zone (the local column is kept beside each row).
#[test]
fn a_time_column_that_names_its_zone_beats_the_document_statement() {
    let src = "# Login failures\n\nAll times are PST.\n\n## Timeline\n\n| Time (UTC) | Time (local) | Event |\n|---|---|---|\n| 2021-10-04 17:10 | 10:10 | Users report login failures |\n| 2021-10-04 17:45 | 10:45 | Identity provider rolled back |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2021-10-04T17:10:00Z", "Users report login failures"),
            ("2021-10-04T17:45:00Z", "Identity provider rolled bac"),
        ])
    );
    assert_eq!(kept(&doc, 0, "imported-time-local").as_deref(), Some("10:10"));
    // The document's other times are still read in its own zone.
    assert_eq!(doc.zone().to_string(), "America/Los_Angeles");
}

/// A table of numbered steps with its time column second, under a section that is not called
/// the timeline: still the timeline's rows.
#[test]
fn a_timed_table_whose_time_is_not_the_first_column() {
    let src = "# Cache stampede, 2024-02-20\n\n## What happened\n\nThe cache cluster was restarted during peak traffic.\n\n| # | Time (CET) | Action |\n|---|---|---|\n| 1 | 18:02 | Cache nodes restarted by the scheduler |\n| 2 | 18:04 | Database CPU at 100 % |\n| 3 | 18:30 | Cache warmed, traffic normal |\n\n## Follow-up\n\n- Stagger cache restarts.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-02-20T17:02:00Z", "Cache nodes restarted by the"),
            ("2024-02-20T17:04:00Z", "Database CPU at 100 %"),
            ("2024-02-20T17:30:00Z", "Cache warmed, traffic normal"),
        ])
    );
}
