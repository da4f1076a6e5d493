//! Importing shapes met in session 47 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

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

/// A team's notes under day headings, each line opening with a time written with a dot
/// (`17.11 Alert fired<br>`, `08.48 RK Errors ...`, the responder's initials after it): every
/// line an entry on its heading's day.
#[test]
fn dotted_times_under_day_headings() {
    let src = "# Retro: search down\n\n## Timeline\n\nAll times are UTC.\n\n### 25 February 2024\n\n17.11 Uptime alert down: search, exhibitions<br>\n17.12 Up: search, exhibitions<br>\nplus a few gateway errors\n\n### 26 February\n\n08.48 RK Getting 502s for the catalogue search.\n\n09.07 RK Killed the stuck task; errors stop.\n\n## Actions\n\n- Better health checks.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-02-25T17:11:00Z", "Uptime alert down: search, e"),
            ("2024-02-25T17:12:00Z", "Up: search, exhibitions plus"),
            ("2024-02-26T08:48:00Z", "RK Getting 502s for the cata"),
            ("2024-02-26T09:07:00Z", "RK Killed the stuck task; er"),
        ])
    );
}

/// A status notice of three short German lines (`**09:31** Verbindungsproblem wurde erkannt`)
/// and no zone: German is spoken in one zone, so its times are Berlin's, and the import says why.
#[test]
fn a_short_german_notice_keeps_german_time() {
    let src = "---\ntitle: Verbindungsproblem\ndate: 2025-05-19 09:31:00\n---\n\n**09:31** Verbindungsproblem wurde erkannt\n\n**09:35** Problem durch Statusseite bestätigt\n\n**09:45** Problem wurde durch den Anbieter behoben\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-19T07:31:00Z", "Verbindungsproblem wurde erk"),
            ("2025-05-19T07:35:00Z", "Problem durch Statusseite be"),
            ("2025-05-19T07:45:00Z", "Problem wurde durch den Anbi"),
        ])
    );
    assert!(report.contains("German"), "{report}");
}

/// `**Date**: November 4, 2025, 16:00-17:00 CET` in the summary, one later entry in UTC: the
/// range's zone counts (before, the range hid it and the file's times were taken as UTC).
#[test]
fn a_range_with_its_zone_states_the_file_zone() {
    let src = "# Stream restarts\n\n**Date**: November 4, 2025, 16:00-17:00 CET\n\n## Timeline\n\n- **Nov 4, 16:00:00** - Long track scheduled\n- **Nov 4, 16:00:11** - Player enters offline state\n- **Nov 6, 10:54 UTC** - Fix deployed\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-11-04T15:00:00Z", "Long track scheduled"),
            ("2025-11-04T15:00:11Z", "Player enters offline state"),
            ("2025-11-06T10:54:00Z", "Fix deployed"),
        ])
    );
}

/// Lines of a paragraph each opening "At 9:37", "At about 9:45", "By 10:20": each its own
/// entry, "about" or not (the words kept as written).
#[test]
fn at_about_a_time_opens_an_entry() {
    let src = "# Attack on the shop, 2025-04-08\n\n## Timeline\n\nAt 9:37 there was a high number of requests.\nAt about 9:45 I identified requests to a missing endpoint.\nAt 9:50 I determined the nature of the attack.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-04-08T09:37:00Z", "At 9:37 there was a high num"),
            ("2025-04-08T09:45:00Z", "At about 9:45 I identified r"),
            ("2025-04-08T09:50:00Z", "At 9:50 I determined the nat"),
        ])
    );
}

/// `\[Update 1 oct. 10:45]` (brackets round the label, escaped by a site's editor; a month in
/// Spanish with its dot; the year from the front matter): an update over the text below it.
#[test]
fn a_bracketed_update_label_over_its_text() {
    let src = "---\ntitle: Power work\ndate: 2024-09-28T11:31:12.360Z\n---\n\\[Update 1 oct. 10:45]\n\nThe intervention was performed well.\n\n[Update 30 sep. 18:00]\n\nWork starts tomorrow.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-10-01T10:45:00Z", "Update: The intervention was"),
            ("2024-09-30T18:00:00Z", "Update: Work starts tomorrow")
        ])
    );
}

/// A status page's table of updates whose time column is named "Posted", each cell a day and a
/// time, under a heading that is not the timeline's: the updates are the timeline's entries.
#[test]
fn a_posted_column_of_days_and_times_is_the_time() {
    let src = "# CMS status\n\n## Status updates\n\n| Posted | Status | Message |\n|---|---|---|\n| 03/14/2023 10:05 AM | Investigating | Editors cannot publish pages. |\n| 03/14/2023 11:30 AM | Identified | A database lock blocks publishing. |\n| 03/14/2023 01:10 PM | Resolved | Publishing works again. |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-03-14T10:05:00Z", "Editors cannot publish pages"),
            ("2023-03-14T11:30:00Z", "A database lock blocks publi"),
            ("2023-03-14T13:10:00Z", "Publishing works again."),
        ])
    );
    assert_eq!(kept(&doc, 1, "imported-status").as_deref(), Some("Identified"));
}

/// A table written without a header (`| 09:00 | Deploy started |` over `|---|---|`): Markdown
/// makes its first row the header; it is still the first entry.
#[test]
fn a_table_whose_header_row_is_its_first_entry() {
    let src = "# Outage 2023-06-01\n\n## Timeline\n\n| 09:00 | Deploy started |\n|---|---|\n| 09:12 | Errors rise |\n| 09:30 | Rolled back |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-06-01T09:00:00Z", "Deploy started"),
            ("2023-06-01T09:12:00Z", "Errors rise"),
            ("2023-06-01T09:30:00Z", "Rolled back"),
        ])
    );
}

/// A heading that is an entry (`### March 4, 2024 10:00 - Follow-up`) over a list whose items
/// start with times of their own: each such item is an entry on the heading's day; an item
/// without a time stays with the heading's entry.
#[test]
fn timed_items_below_a_heading_entry_are_entries() {
    let src = "# Mail outage\n\n## Timeline\n\n### March 3, 2024 (all times SGT)\n- 10:00 Mail delayed\n- 10:45 Queue drained\n\n### March 4, 2024 10:00 - Follow-up\n- Monitoring continued\n- 11:30 Vendor confirmed the fix\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T02:00:00Z", "Mail delayed"),
            ("2024-03-03T02:45:00Z", "Queue drained"),
            ("2024-03-04T02:00:00Z", "Follow-up\n- Monitoring conti"),
            ("2024-03-04T03:30:00Z", "Vendor confirmed the fix"),
        ])
    );
}

/// A blog post whose first line links to the posts before and after it, each with its day
/// (`« Older (09/12/2010) Newer (08/05/2010) »`): the post's own day, in its title, dates the
/// times told in its text.
#[test]
fn a_blogs_links_to_other_posts_do_not_date_the_post() {
    let src = "« Chicago - Downtime (09/12/2010)Node2 - Emergency Maintenance (08/05/2010) »\n\nNode2 - Reason for Downtime (08/05/2010)\n\nTo begin, very early this morning at 3:04AM CDT (GMT-5) we received an alert that Node2 had gone offline.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2010-08-05T08:04:00Z", "To begin, very early this mo")]));
}

/// Numbered updates, each a bold label with its day and time in brackets and its text on the
/// next line (`**Update 3** (12 Jan 2024, 11:00 SGT)`): an entry each, the label with its number.
#[test]
fn numbered_update_labels_with_their_day_in_brackets() {
    let src = "# Seed service degradation\n\n**Update 3** (12 Jan 2024, 11:00 SGT)\nServices have been restored.\n\n**Update 2** (12 Jan 2024, 10:15 SGT)\nThe root cause has been identified.\n\n**Update 1** (12 Jan 2024, 09:30 SGT)\nWe are investigating degraded services.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-01-12T03:00:00Z", "Update 3: Services have been"),
            ("2024-01-12T02:15:00Z", "Update 2: The root cause has"),
            ("2024-01-12T01:30:00Z", "Update 1: We are investigati"),
        ])
    );
}

/// A status page copied with each update's status word as a heading (`### Resolved`), its text
/// and `Posted Jan 12, 2024 - 11:00 SGT` below it: an entry each, the status word first, not
/// sections named "Resolved" and "Identified".
#[test]
fn status_words_as_headings_over_their_updates() {
    let src = "# Outage\n\n### Resolved\nThis incident has been resolved.\nPosted Jan 12, 2024 - 11:00 SGT\n\n### Identified\nThe root cause has been identified.\nPosted Jan 12, 2024 - 10:15 SGT\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-01-12T03:00:00Z", "Resolved This incident has b"),
            ("2024-01-12T02:15:00Z", "Identified The root cause ha")
        ])
    );
    assert!(
        doc.sections.iter().all(|s| !s.id.contains("resolved")),
        "{:?}",
        doc.sections.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
}
