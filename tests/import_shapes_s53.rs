//! Importing shapes met in session 53 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A German report told in prose: the page's "updated" day comes first, then the sentence that
/// sets the scene with the incident's day in digits after words of time ("Am letzten Mittwoch,
/// den 10.04.2013, ..."). The times that follow are on that day, not on the day of the update.
#[test]
fn a_german_scene_day_in_digits_beats_the_pages_update_day() {
    let src = "# Bericht zur Störung\n\nAktualisiert am 3. Juni 2021\n\nAm letzten Mittwoch, den 10.04.2013, war ein Teil unserer Kunden von einem Ausfall betroffen. Ab 03:11 Uhr waren unsere Server nicht mehr erreichbar.\n\nDie Ursache wurde gefunden und ab 10:20 Uhr waren alle Server wieder erreichbar.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2013-04-10 03:11", "2013-04-10 10:20"], "{:?}", rows(&doc));
}

/// A status page's report in label lines (`-Incident Time: ... (KST)`, `-Resolution:`), two
/// lines under it each opening with a full day and time: the timeline, in the stated zone.
#[test]
fn two_lines_that_open_with_a_full_day_and_time_are_a_timeline() {
    let src = "Badges wrong\n\nIncident Report for Acme Chat\n\nResolved\n\nThe issue has been resolved.\n\n-Incident Time: July 3, 2025, 19:40 ~ July 4, 2025, 12:40 (KST)\nAffected Scope: unread badges\n-Resolution:\nJuly 3, 2025, 21:15: Removed the rule that skipped the updates.\nJuly 4, 2025, 12:40: Restarted the badge server.\n-Measures to Prevent Recurrence:\nWe will review the rule.\n";
    let doc = import_utc(src);
    assert_holds(
        &rows(&doc),
        &[
            ("2025-07-03T12:15:00Z", "Removed the rule that skippe"),
            ("2025-07-04T03:40:00Z", "Restarted the badge server."),
        ],
    );
}

/// "NZT", New Zealand's clock named without its season, is Auckland's: daylight time in March.
#[test]
fn nzt_is_new_zealand_time_with_its_summer() {
    let src = "# Slow instances\n\n## Timeline\n\n- 2022-03-25 05:00 NZT: First report of the issue from a customer.\n- 2022-03-30 16:30 NZT: Upgraded the database.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-03-24T16:00:00Z", "First report of the issue fr"),
            ("2022-03-30T03:30:00Z", "Upgraded the database.")
        ])
    );
}

/// A status page's updates, each its status word, its text and its stamp right under it
/// (`4 Jun 2024 · 10:00 UTC`), newest first: each update at its stamp.
#[test]
fn middle_dot_stamps_right_under_their_updates() {
    let src = "# Search down\n\n**Resolved**\nSearch works again.\n4 Jun 2024 · 10:00 UTC\n\n**Monitoring**\nA fix is out.\n4 Jun 2024 · 09:10 UTC\n\n**Investigating**\nWe see errors on search.\n4 Jun 2024 · 08:00 UTC\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-06-04T10:00:00Z", "**Resolved** Search works ag"),
            ("2024-06-04T09:10:00Z", "**Monitoring** A fix is out."),
            ("2024-06-04T08:00:00Z", "**Investigating** We see err"),
        ])
    );
}
