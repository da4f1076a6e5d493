//! Importing the shapes set E of real postmortems showed (see tests/corpus/REAL.md), from
//! fixtures and snippets written in the same shapes in our own words: every entry at the
//! right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A log kept as an indented code block whose lines are list items (`    - 11:16 ::::: text`),
/// on a 12-hour clock without am/pm that runs past noon (`12:20`, then `1:05`); "PST" on an
/// April date is Pacific daylight time.
#[test]
fn an_indented_log_of_list_lines_on_a_twelve_hour_clock() {
    let doc = import_utc(&fixture("twelve-hour-log.md"));
    assert_eq!(doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-04-02T17:40:00Z", "the worker image with verbos"),
            ("2024-04-02T18:58:00Z", "the tokens are noticed in a "),
            ("2024-04-02T19:20:00Z", "every issued token is revoke"),
            ("2024-04-02T20:05:00Z", "old log forwarders are found"),
            ("2024-04-02T21:45:00Z", "the forwarders are removed a"),
        ])
    );
}

/// Dated entries whose clock passes noon without am/pm (`12:40`, then `2:10`): afternoon
/// times; "PDT" on a February date is Pacific standard time.
#[test]
fn dated_entries_on_a_twelve_hour_clock_past_noon() {
    let doc = import_utc(&fixture("twelve-hour-list.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2016-02-11T02:30:00Z", "Release 4.1.0 published"),
            ("2016-02-11T03:15:00Z", "First report of the start-up"),
            ("2016-02-11T18:05:00Z", "A fix is merged"),
            ("2016-02-11T20:40:00Z", "The build of 4.1.1 fails on "),
            ("2016-02-11T22:10:00Z", "The stale agent is rebuilt"),
            ("2016-02-12T00:35:00Z", "Release 4.1.0 is pulled from"),
            ("2016-02-12T01:02:00Z", "Incident over"),
        ])
    );
}

/// A 24-hour clock stays one: `08:00` below `11:45` is a morning entry written out of order,
/// and a one-digit hour that is not past noon stays a morning hour.
#[test]
fn a_twenty_four_hour_clock_out_of_order_is_not_read_as_afternoon() {
    let src = "# Bridge delay\n\n## Timeline (all times UTC)\n\n\
               2025-02-10 00:21 a user reports a stuck transfer  \n\
               2025-02-10 11:45 a second user reports one  \n\
               2025-02-10 08:00 the investigation starts  \n\
               2025-02-10 9:30 the signers are checked  \n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-10T00:21:00Z", "a user reports a stuck trans"),
            ("2025-02-10T11:45:00Z", "a second user reports one"),
            ("2025-02-10T08:00:00Z", "the investigation starts"),
            ("2025-02-10T09:30:00Z", "the signers are checked"),
        ])
    );
}

/// Timeline lines that end with their date and time ("... deployed at 2022-03-05 1:03 AM
/// +UTC", "... ran on Mar-05-2022 01:07:41 AM +UTC with"): entries at that instant, the whole
/// line their event. A line with a date and no time, or a time and no date, is not one.
#[test]
fn lines_that_end_with_their_date_and_time() {
    let doc = import_utc(&fixture("closing-stamps.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-03-04T21:12:00Z", "The attacker's wallet was fu"),
            ("2022-03-05T01:03:00Z", "The attack contract was depl"),
            ("2022-03-05T01:07:41Z", "The first drain ran on Mar-0"),
            ("2022-03-05T02:30:00Z", "The pool team paused deposit"),
            ("2022-03-05T16:45:00Z", "Their report was published o"),
        ])
    );
    assert_eq!(doc.timeline[1].event, "The attack contract was deployed at 2022-03-05 1:03 AM +UTC");
}

/// Times that say the time is not known (`unknown -`) and a part of the day after a date
/// (`10-01 evening`): entries of that day, with what was written kept; `09:2x`, the tens of the
/// minute known, is 09:20, the words kept too (since session 34).
#[test]
fn times_not_known_give_the_day_and_keep_their_words() {
    let doc = import_utc(&fixture("vague-times.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-06-12T17:05:00Z", "the intake listener stops af"),
            ("2023-06-13", "90 samples are submitted and"),
            ("2023-06-14T09:12:00Z", "a lab reports that nothing w"),
            ("2023-06-14T09:20:00Z", "the listener is restarted."),
            ("2023-06-14T09:40:00Z", "the queue drains."),
        ])
    );
    let text = blameless::store::document_text(&doc).unwrap();
    assert!(text.contains("09:2x") && text.contains("unknown"), "{text}");

    let src = "# Certificate lost on 2026-10-02\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n\
               | 10-01 09:45 | The proxy is recreated |\n| 10-01 evening | The cause is found |\n\
               | 10-02 07:07 | A new certificate is issued |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-10-01T09:45:00Z", "The proxy is recreated"),
            ("2026-10-01", "The cause is found"),
            ("2026-10-02T07:07:00Z", "A new certificate is issued"),
        ])
    );
    assert!(blameless::store::document_text(&doc).unwrap().contains("10-01 evening"));
}

/// A full date followed by a sentence (`2016-02-11 Fix is merged`) is an entry of that day;
/// a date followed by lower-case words is not taken for one.
#[test]
fn a_full_date_then_a_sentence_is_an_entry_of_that_day() {
    let src = "# Release\n\n## Timeline (PDT)\n\n* 2016-02-10 18:30 Release published\n\
               * 2016-02-11 Fix is merged\n* 2016-02-11 09:27 Build started\n* 2016-02-12 was quiet\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2016-02-11T02:30:00Z", "Release published"),
            ("2016-02-11", "Fix is merged"),
            ("2016-02-11T17:27:00Z", "Build started"),
        ])
    );
}

/// A range written with an arrow (`10:43:41 → 11:07`) starts at its first time; a code span
/// after a dash (`**~21:25** — `0016` applied`) is the event, not the end of a range.
#[test]
fn an_arrow_range_and_a_code_span_after_the_dash() {
    let src = "# Camera bus reset 2026-05-30\n\n## Timeline (PDT)\n\n| Time | Event |\n|---|---|\n\
               | ~10:42:53 | First reset |\n| 10:43:41 → 11:07 | Controller stays down |\n| 11:07 | Manual recovery |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-30T17:42:53Z", "First reset"),
            ("2026-05-30T17:43:41Z", "Controller stays down"),
            ("2026-05-30T18:07:00Z", "Manual recovery"),
        ])
    );
    let src = "# Migration missed on 2026-06-16\n\n## Timeline (AEST)\n\n\
               - **15:37** — the code is deployed.\n- **~21:25** — `0016` applied to prod.\n";
    let doc = import_utc(src);
    assert_eq!(doc.timeline[1].event, "`0016` applied to prod.");
    assert_eq!(rows(&doc)[1].0, "2026-06-16T11:25:00Z");
}

/// A list item's wrapped lines go on with its entry, even when one starts with a date or a
/// time ("as\n  after 2025-08-30.", "over 8:16 and\n  8:48)"): no entry is made of them, and
/// the day of the entries below stays the document's.
#[test]
fn wrapped_lines_of_a_list_item_stay_with_its_entry() {
    let doc = import_utc(&fixture("wrapped-entries.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-09-12T07:10:00Z", "Upgrade round 1 on the two s"),
            ("2025-09-12T08:40:00Z", "Round 2 on the large node: t"),
            ("2025-09-12T09:15:00Z", "Volumes are rebuilt on the o"),
            ("2025-09-12T12:02:00Z", "The large node is power-cycl"),
        ])
    );
    assert!(doc.timeline[1].event.ends_with("as after 2025-08-30. It answers pings; nothing else."));
}

/// (Set F, a second held-out check.) A time with a dot between hour and minutes and am/pm
/// (`~11.15pm`) is a time; a morning entry after it is the next morning.
#[test]
fn a_dotted_twelve_hour_time() {
    let src = "# Arrows lost their size\n\nDate: 01/22/2020\n\n### Timeline (EST)\n\
               - 3:42pm Production deploy went live\n- ~10:58pm Issue was found\n\
               - ~11.15pm Revert PR was pushed up\n- ~9:45am Pull Request was merged\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2020-01-22T20:42:00Z", "Production deploy went live"),
            ("2020-01-23T03:58:00Z", "Issue was found"),
            ("2020-01-23T04:15:00Z", "Revert PR was pushed up"),
            ("2020-01-23T14:45:00Z", "Pull Request was merged"),
        ])
    );
}
