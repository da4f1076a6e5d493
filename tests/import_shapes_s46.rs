//! Importing shapes met in session 46 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// An incident log: each incident a heading that opens with its day and goes on with a title
/// (`### 10-Apr-2023: Mail back`), over one or two bullets that start with a bare time; or the
/// same day and title as a bold line of its own. Each entry is on its own heading's day, and
/// the headings stay in the text.
#[test]
fn dated_titles_over_bullets_of_bare_times() {
    let src = "# Service alerts\n\n## Unplanned\n\n### 10-Apr-2023: Mail relay back\n\n* 5:30 PM - The mail relay accepts messages again.\n\n### 10-Apr-2023: Mail relay down\n\n* 4:30 PM - The mail relay refuses connections.\n\n### 22-Dec-2022: Campus network outage\n\n* 9:00 AM - The cluster could not be reached for several hours.\n\n## Earlier\n\n__28-Oct-2020: Jobs failed while the volume grew__\n\n* 3:00 PM - Disk writes were paused while the volume was extended.\n* 5:30 PM - Writes resumed; jobs that ran meanwhile must be resubmitted.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-04-10T17:30:00Z", "The mail relay accepts messa"),
            ("2023-04-10T16:30:00Z", "The mail relay refuses conne"),
            ("2022-12-22T09:00:00Z", "The cluster could not be rea"),
            ("2020-10-28T15:00:00Z", "Disk writes were paused whil"),
            ("2020-10-28T17:30:00Z", "Writes resumed; jobs that ra"),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(text.contains("10-Apr-2023: Mail relay back"), "the titles stay: {text}");
    assert!(text.contains("28-Oct-2020: Jobs failed while the volume grew"), "{text}");
}

/// An updates page with one heading per day (`### 2025/04/23`), newest first, each over
/// bullets with bare times (`11am`, `6:40pm`, `12:00 pm`): every entry on its own heading's
/// day, not on the first heading's; an item without a time stays text.
#[test]
fn day_headings_each_give_their_own_bullets_their_day() {
    let src = "# Cluster updates\n\nNews about the cluster, newest first.\n\n### 2025/05/12\n\n* 10am Node c07 inspected in the machine room.\n* Node c07 stays down.\n\n### 2025/04/23\n\n* 12:50 pm Room temperature high; nodes draining.\n\n* 6:00 pm Overheating again; all jobs suspended.\n\n### 2025/04/21\n\n* 6:40pm  All nodes shut down by the temperature guard.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-12T10:00:00Z", "Node c07 inspected in the ma"),
            ("2025-04-23T12:50:00Z", "Room temperature high; nodes"),
            ("2025-04-23T18:00:00Z", "Overheating again; all jobs "),
            ("2025-04-21T18:40:00Z", "All nodes shut down by the t"),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(text.contains("Node c07 stays down."), "{text}");
}

/// `Incident Resolved: 2:00 PM EST, 8/12/2022`: a time and its zone before a day written month
/// first (the file writes its days with slashes, and once with dots in its title). The
/// incident's times are read, never kept as the raw text.
#[test]
fn a_time_and_its_zone_before_a_day_with_a_comma() {
    let src = "8.12.2022 Phone outage\n\nIncident Reported: 4:45 AM EST, 8/12/2022\n\nIncident Resolved: 2:00 PM EST, 8/12/2022\n\nThe carrier's power supply failed and its servers lost sync.\n";
    let doc = import_utc(src);
    let zone = doc.zone();
    let at = |m: &Option<blameless::doc::Moment>| {
        m.as_ref().and_then(|m| m.resolve(&zone)).map(|t| t.with_timezone(&chrono::Utc).to_rfc3339())
    };
    assert_eq!(at(&doc.times.detected).as_deref(), Some("2022-08-12T08:45:00+00:00"), "{:?}", doc.times);
    assert_eq!(at(&doc.times.resolved).as_deref(), Some("2022-08-12T18:00:00+00:00"), "{:?}", doc.times);
}

/// `17:09 4/6/2025` in a timeline beside "June 4th 2025" in the text: the digit date that is a
/// day the text tells in words is read the way that makes it that day (the 4th of June), not
/// the way the worded date is ordered (month first).
#[test]
fn a_digit_date_equal_to_a_worded_one_decides_the_order() {
    let src = "# Search outage\n\nOn June 4th 2025 search was unavailable for about half an hour.\n\n## Timeline\n\n- 17:09 4/6/2025 Alerts fired for search.\n- 17:35 4/6/2025 Search is back.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[("2025-06-04T17:09:00Z", "Alerts fired for search."), ("2025-06-04T17:35:00Z", "Search is back.")])
    );
}

/// `16:30 AEDST`, an older name of Sydney's summer clock, is a stated zone: the bare times of
/// the timeline are on that clock (UTC+11 in January).
#[test]
fn aedst_is_sydneys_summer_clock() {
    let src = "# Storage fault\n\nOn Thursday 13 January 2011 at 16:30 AEDST the storage array failed.\n\n## Timeline\n\n16:30 – fault detected.\n17:40 – fault isolated to the array.\n18:30 – fault repaired.\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2011-01-13T05:30:00Z", "fault detected."),
            ("2011-01-13T06:40:00Z", "fault isolated to the array."),
            ("2011-01-13T07:30:00Z", "fault repaired."),
        ])
    );
    assert!(report.contains("Australia/Sydney"), "{report}");
}

/// A status page written in reStructuredText's shape: a title between two lines of `=`, and
/// each update under a day and time underlined with dashes. The title is the words alone; each
/// update is an entry with its text (the underlines were read as rules run onto the next line).
#[test]
fn a_status_page_in_restructuredtext_shape() {
    let src = "=============\nSystem status\n=============\n\n2019-04-06 07:41\n----------------\n\nThe problem is still there; the cluster is closed.\n\nWe are sorry for the trouble.\n\n2019-04-05 17:47\n----------------\n\nThe queue stays paused until tomorrow morning.\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "System status");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-04-06T07:41:00Z", "The problem is still there; "),
            ("2019-04-05T17:47:00Z", "The queue stays paused until"),
        ])
    );
}

/// An alerts page with one heading per incident that opens with its time and day and goes on
/// with a title (`### 1:00 PM, 20-Dec-18: Outage due to AC failure`, a two-digit year): each
/// heading is an entry, its title and the paragraphs below it the event.
#[test]
fn headings_of_a_time_a_day_and_a_title() {
    let src = "# Alerts\n\n## Past exceptions\n\n### 1:00 PM, 20-Dec-18: Outage after a cooling failure\n\nAll systems were down for three hours while the cooling was repaired.\n\n### 2:30 PM, 11-Jul-18: Slow storage\n\nStorage access has been slow for weeks; the cause is found.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2018-12-20T13:00:00Z", "Outage after a cooling failu"),
            ("2018-07-11T14:30:00Z", "Slow storage\n\nStorage access")
        ])
    );
    assert!(doc.timeline[0].event.contains("down for three hours"), "{}", doc.timeline[0].event);
}

/// A Statusfy incident: each update a fence opened by `::: update Monitoring | ISO instant`
/// and closed by `:::`. Each update is an entry at its instant, its status word and text the
/// event.
#[test]
fn statusfy_updates_are_entries_at_their_instants() {
    let src = "---\ntitle: Hub is unreachable\ndate: \"2021-05-03T18:40:25.284Z\"\nresolved: true\n---\n\nVisiting the hub gives a `502 Error`.\n\n::: update Monitoring | 2021-05-03T19:16:54.777Z\nThe hub answers again; we are watching it.\n\n:::\n\n::: update Resolved | 2021-05-03T22:51:55.840Z\n\nThe hub lost its storage mount and could not restart.\n:::\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2021-05-03T19:16:54Z", "update Monitoring: The hub a"),
            ("2021-05-03T22:51:55Z", "update Resolved: The hub los"),
        ])
    );
}

/// A copied page's bullets (`•`) that each give a label, then its full day and time
/// (`Power issue solved: 5:55 AM EST, 8/12/2022`): entries, the label the event.
#[test]
fn bullets_of_a_label_then_its_day_and_time() {
    let src = "Carrier outage\n\nThe carrier lost power at its main site.\n\n  • Incident reported: 4:45AM EST, 8/12/2022\n  • Power restored: 5:55 AM EST, 8/12/2022\n  • Vendor software fix: 9:47 AM EST, 8/12/2022\n\nCalls were back to normal by the afternoon.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2022-08-12T08:45:00Z", "Incident reported"),
            ("2022-08-12T09:55:00Z", "Power restored"),
            ("2022-08-12T13:47:00Z", "Vendor software fix"),
        ])
    );
}

/// Times written without a colon: `0930` (a leading zero: never a year), `1405 hrs`, `930am`,
/// `1130 PM`, each at its time of the day the text gives; `2019 - ...` alone stays a year.
#[test]
fn times_without_a_colon() {
    let src = "# API errors\n\nOn 2024-03-05 the API failed.\n\n## Timeline\n\n- 0930 - Alerts fired.\n- 1405 hrs - Rolled back.\n- 930pm - Paged the vendor.\n- 1130 PM - Vendor confirmed the fix.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2024-03-05T09:30:00Z", "Alerts fired."),
            ("2024-03-05T14:05:00Z", "Rolled back."),
            ("2024-03-05T21:30:00Z", "Paged the vendor."),
            ("2024-03-05T23:30:00Z", "Vendor confirmed the fix."),
        ])
    );
    let years =
        "# Platform history\n\n## Timeline\n\n- 2019 - We moved to the cloud.\n- 2021 - We split the monolith.\n";
    assert!(import_utc(years).timeline.iter().all(|e| !e.time.as_text().contains(':')), "years are no times");
}
