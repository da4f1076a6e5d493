//! Importing shapes met in session 55 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A status history's days as a weekday and a day in digits on a line of their own
/// (`Saturday, 13.01.2018`), newest first, over that day's updates: each update is on its day,
/// and no day line becomes the document's title.
#[test]
fn weekday_and_digits_day_lines_date_the_updates_below() {
    for (src, days) in [
        (
            "Updates on the network outage are posted here.\n\nMonday, 15.01.2018\n\n17:46: The statement is out.\n\n13:40: Writing the statement.\n\nSaturday, 13.01.2018\n\n14:20: Support lines open again.\n\nFriday, 12.01.2018\n\n17:10: Cached sites are back.\n",
            ["2018-01-15", "2018-01-15", "2018-01-13", "2018-01-12"],
        ),
        (
            "Updates on the network outage are posted here.\n\nMonday 15/01/2018\n\n17:46: The statement is out.\n\n13:40: Writing the statement.\n\nSaturday 13/01/2018\n\n14:20: Support lines open again.\n\nFriday 12/01/2018\n\n17:10: Cached sites are back.\n",
            ["2018-01-15", "2018-01-15", "2018-01-13", "2018-01-12"],
        ),
    ] {
        let doc = import_utc(src);
        let want: Vec<(String, String)> = days
            .iter()
            .zip(["17:46", "13:40", "14:20", "17:10"])
            .zip([
                "The statement is out.",
                "Writing the statement.",
                "Support lines open again.",
                "Cached sites are back.",
            ])
            .map(|((d, t), e)| (format!("{d}T{t}:00Z"), e.to_string()))
            .collect();
        assert_eq!(rows(&doc), want, "{src}");
        assert!(!doc.title.contains("2018"), "title {:?}", doc.title);
    }
}

/// A status page's updates copied under a plain-text `Events Timeline` line, newest first,
/// each opening with its status word (`Closed` too), month, day, time and zone: an entry each.
#[test]
fn status_words_over_updates_under_a_plain_events_timeline_line() {
    let src = "Payments captured late\n\nExecutive Summary\n\nBetween 20th February 2023 12:30 UTC and 23rd February 2023 07:00 UTC, captures were slow.\n\nEvents Timeline\n\nClosed Feb 23 10:00 UTC\nNo more sessions were affected after monitoring.\n\nIdentified Feb 23 02:30 UTC\nA throttled function was found.\n\nInvestigating Feb 23 01:00 UTC\nAn email reported missing captures.\n";
    let doc = import_utc(src);
    let got = rows(&doc);
    for (at, event) in [
        ("2023-02-23T10:00:00Z", "Closed No more sessions were"),
        ("2023-02-23T02:30:00Z", "Identified A throttled funct"),
        ("2023-02-23T01:00:00Z", "Investigating An email repor"),
    ] {
        assert!(got.contains(&(at.to_string(), event.to_string())), "{at} {event} not in {got:?}");
    }
}

/// `UPDATED 21:47 GMT: text` and `UPDATED 10:17 GMT 06 Jan 2010: text`: an update's word in the
/// past tense, its time (and day) and zone: an entry each, on the day stated or the post's.
#[test]
fn updated_lines_are_entries() {
    let src = "# Database restart\n\nTuesday, January 5 2010\n\nOur database server needed an emergency restart.\n\nUPDATED 21:47 GMT: Services are back.\n\nUPDATED 10:17 GMT 06 Jan 2010: All data is safe.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2010-01-05T21:47:00Z", "UPDATED: Services are back."),
            ("2010-01-06T10:17:00Z", "UPDATED: All data is safe."),
        ])
    );
}

/// A status page's history copied with each update's day and time on the line after its
/// paragraphs, glued to the next update (`Sep 27, 05:47 UTC` / `Update - ...`): each stamp is
/// the update's above it; the next day's update, whose stamp the copy cut off, stays text.
#[test]
fn a_stamp_after_each_update_is_that_updates() {
    let src = "Past Incidents\n\nSep 27, 2022\nResolved - DNS changes are done.\nNo more issues.\n\nThe issue is closed.\n\nSep 27, 05:47 UTC\nUpdate - Some API calls were blocked.\n\nWe keep watching.\n\nSep 27, 01:07 UTC\nMonitoring - We added protections.\n\nSep 27, 00:16 UTC\nIdentified - Errors are up.\n\nSep 26, 23:08 UTC\nSep 26, 2022\nResolved - A short spike of errors.\n";
    let (doc, _) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-09-27T05:47:00Z", "Resolved - DNS changes are d"),
            ("2022-09-27T01:07:00Z", "Update - Some API calls were"),
            ("2022-09-27T00:16:00Z", "Monitoring - We added protec"),
            ("2022-09-26T23:08:00Z", "Identified - Errors are up."),
        ])
    );
    assert!(doc.timeline[0].event.contains("The issue is closed."), "{:?}", doc.timeline[0].event);
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(text.contains("Resolved - A short spike of errors."), "{text}");
}

/// A notice page's updates under day lines, newest first, no heading anywhere, each opening
/// with a time written with a dot (`09.45 Work ...`): each on its day.
#[test]
fn dotted_times_under_plain_day_lines_are_entries() {
    let src = "A flood cut the network on Friday 17 July 2015.\n\n21 July 2015\n\n09.45 Work on the slow links was done.\n\n20 July 2015\n\n09.50 Some users see slow links.\n\n19 July 2015\n\n17.35 A faulty patch cable was replaced.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-07-21T09:45:00Z", "Work on the slow links was d"),
            ("2015-07-20T09:50:00Z", "Some users see slow links."),
            ("2015-07-19T17:35:00Z", "A faulty patch cable was rep"),
        ])
    );
}
