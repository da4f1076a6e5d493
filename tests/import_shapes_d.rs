//! Importing the shapes set D of real postmortems showed and the import did not read at its
//! first measure (see tests/corpus/REAL.md), from snippets written in the same shapes in our
//! own words: every entry at the right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use blameless::import;

/// `2025-Feb-07` (year, month's name, day) in the title gives the year of the entries'
/// month-and-day stamps, and is read as a date in a stamp.
#[test]
fn a_year_first_date_with_the_month_named() {
    let src = "# Patch release 2025-Feb-07\n\n## Timeline\n\n- Feb 7 1506 UTC: the teams agree to patch.\n\
               - 1936 UTC: the patch is released.\n- 2025-Feb-08 01:17 UTC: a mismatch is reported.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2025-02-07T15:06:00Z", "the teams agree to patch."),
            ("2025-02-07T19:36:00Z", "the patch is released."),
            ("2025-02-08T01:17:00Z", "a mismatch is reported."),
        ])
    );
}

/// Label lines in a timeline (`**Incident Start:** 2025-08-18 23:15 UTC`) are entries, their
/// label the event, and give the incident's times.
#[test]
fn label_lines_in_a_timeline_are_entries() {
    let src = "# Validator down\n\n## Timeline\n\n**Incident Start:** 2025-08-18 23:15 UTC\n\
               **Detected:** 2025-08-18 23:40 UTC\n**Resolved:** 2025-08-19 01:05 UTC\n\n\
               - 2025-08-18 23:52 UTC: the node is restarted\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-08-18T23:15:00Z", "Incident Start"),
            ("2025-08-18T23:40:00Z", "Detected"),
            ("2025-08-19T01:05:00Z", "Resolved"),
            ("2025-08-18T23:52:00Z", "the node is restarted"),
        ])
    );
    let started = doc.times.started.as_ref().map(|t| t.as_text());
    assert_eq!(started.as_deref(), Some("2025-08-18T23:15:00Z"));
    assert_eq!(doc.times.resolved.as_ref().map(|t| t.as_text()).as_deref(), Some("2025-08-19T01:05:00Z"));
}

/// A status page of dated update headings, newest first (`## Resolved - Jan 5, 2024 14:02
/// UTC`), is the timeline: each update an entry, its status then its text the event.
#[test]
fn a_status_page_of_dated_update_headings_newest_first() {
    let src = "# API errors\n\n## Resolved - Jan 5, 2024 14:02 UTC\n\nThe fix is out and errors are back to normal.\n\n\
               ## Monitoring - Jan 5, 2024 13:40 UTC\n\nA fix is rolling out.\n\n\
               ## Investigating - Jan 5, 2024 13:05 UTC\n\nWe are looking into elevated errors.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-01-05T14:02:00Z", "Resolved\n\nThe fix is out and"),
            ("2024-01-05T13:40:00Z", "Monitoring\n\nA fix is rolling"),
            ("2024-01-05T13:05:00Z", "Investigating\n\nWe are lookin"),
        ])
    );
}

/// A file whose only date is in its name (`2025-03-14-queue-outage.md`): its times fall on
/// that day; a day the file itself names comes first.
#[test]
fn a_date_only_in_the_file_name() {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let src = "# Queue outage\n\n## Timeline (UTC)\n\n- 14:02 the queue stops accepting jobs\n- 14:30 the broker is restarted\n";
    let path = std::path::Path::new("postmortems/2025-03-14-queue-outage.md");
    let imported = import::from_markdown_file(src, path, &template("default"), &options);
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2025-03-14T14:02:00Z", "the queue stops accepting jo"),
            ("2025-03-14T14:30:00Z", "the broker is restarted"),
        ])
    );
    let dated = src.replace("# Queue outage", "# Queue outage on 2025-03-15");
    let imported = import::from_markdown_file(&dated, path, &template("default"), &options);
    assert_eq!(rows(&imported.doc)[0].0, "2025-03-15T14:02:00Z");
}

/// A day stated only in a sentence: above the timeline ("... reached on the 3rd of March
/// 2024"), or between entries ("The next day, March 4th 2024, ..."), is the day of the times
/// below it; a date named later in a sentence about something else is not.
#[test]
fn a_day_stated_only_in_a_sentence_above_the_times() {
    let src = "# Chain halt\n\nThe upgrade height was reached on the 3rd of March 2024.\n\n## Timeline (UTC)\n\n\
               - 14:02 validators stop signing\n- 14:30 a patch is shared\n\n\
               The next day, March 4th 2024, the network was restarted.\n\n\
               - 09:10 the restart begins\n\n\
               We had seen the same fault once before, in a test on 2023-11-20.\n\n\
               - 09:45 blocks are produced again\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2024-03-03T14:02:00Z", "validators stop signing"),
            ("2024-03-03T14:30:00Z", "a patch is shared"),
            ("2024-03-04T09:10:00Z", "the restart begins"),
            ("2024-03-04T09:45:00Z", "blocks are produced again"),
        ])
    );
}

/// A status page's updates copied as text, newest first, each with its time on the line below
/// (`**Resolved** - This incident has been resolved.\nJan 5, 2024 - 14:02 UTC`): an entry each,
/// the text above its time the event, under a timeline heading or under none.
#[test]
fn status_updates_with_the_time_below_their_text() {
    let updates = "**Resolved** - The fix is out and errors are back to normal.\nJan 5, 2024 - 14:02 UTC\n\n\
                   **Monitoring** - A fix is rolling out.\nPosted Jan 5, 2024 - 13:40 UTC\n\n\
                   **Investigating** - We are looking into elevated errors.\nJan 5, 2024 - 13:05 UTC\n";
    for heading in ["## Timeline", "## Incident history"] {
        let doc = import_utc(&format!("# API errors\n\n{heading}\n\n{updates}"));
        assert_eq!(
            rows(&doc),
            pairs(&[
                ("2024-01-05T14:02:00Z", "**Resolved** - The fix is ou"),
                ("2024-01-05T13:40:00Z", "**Monitoring** - A fix is ro"),
                ("2024-01-05T13:05:00Z", "**Investigating** - We are l"),
            ]),
            "{heading}"
        );
    }
}
