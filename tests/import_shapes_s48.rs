//! Importing shapes met in session 48 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// `**11:50** and **11:57** - two reports ...`: one entry for each time, both with the text.
#[test]
fn two_times_on_one_line_are_two_entries() {
    let src = "# Login errors\n\nAll times are UTC.\n\n## Timeline\n\n**Wednesday October 11th, 2023**\n\n - **11:50** and **11:57** - two customers reported login errors\n - **12:09** - Workaround shared with both customers\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-10-11T11:50:00Z", "two customers reported login"),
            ("2023-10-11T11:57:00Z", "two customers reported login"),
            ("2023-10-11T12:09:00Z", "Workaround shared with both "),
        ])
    );
}

/// "from ~9:00 UTC to ~14:00 UTC" keeps its end; "until ~00:00 UTC" after it is the next
/// day's midnight, not the morning before.
#[test]
fn a_span_told_with_tildes_and_an_end_at_midnight() {
    let src = "Post mortem on the API outage of May 5th 2011\n\nOn Thursday May 5th 2011 we had an API outage from ~9:00 UTC to ~14:00 UTC. A migration locked the tables and a memory bug took the app servers down.\n\nAfter the API was running again, the stored tokens were found to be invalid. It took us until ~00:00 UTC to restore the correct state of the tokens.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2011-05-05T09:00:00Z", "On Thursday May 5th 2011 we "),
            ("2011-05-06T00:00:00Z", "It took us until ~00:00 UTC ")
        ])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("14:00"));
}

/// A status page that states no zone, whose support address and links are in the UK: its times
/// are London's (summer time in July), and the import says where it took that from.
#[test]
fn the_addresses_of_a_country_of_one_zone_give_its_zone() {
    let src = "# Cluster status\n\nReport problems to support@hpc.example.ac.uk; planned work is listed at https://www.hpc.example.ac.uk/outages.\n\n## Timeline\n\n- 2023-07-31 12:30 The filesystem is slow while a disk is rebuilt\n- 2023-08-01 11:00 A second disk reports an impending failure\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-07-31T11:30:00Z", "The filesystem is slow while"),
            ("2023-08-01T10:00:00Z", "A second disk reports an imp")
        ])
    );
    assert_eq!(doc.timezone, "Europe/London");
    assert!(report.contains(".uk"), "{report}");
}

/// Addresses of two countries, or bought anywhere (`.io`), tell no zone: the import says it
/// assumed the computer's.
#[test]
fn addresses_of_no_one_country_tell_nothing() {
    let src = "# Outage\n\nSee https://status.example.io and https://docs.example.io, or mail help@example.io.\n\n## Timeline\n\n- 2023-07-31 12:30 Errors begin\n- 2023-07-31 12:50 Errors end\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(rows(&doc)[0].0, "2023-07-31T12:30:00Z");
    assert!(report.contains("zone of the computer"), "{report}");
}

/// A cState page whose updates sit in one paragraph, each line closed by its own `track`
/// shortcode and a backslash break: an entry per line at its stamp, not one at the last.
#[test]
fn tracked_lines_joined_by_backslash_breaks() {
    let src = "---\ntitle: Bot downtime\ndate: 2020-05-30T14:00:00Z\n---\nBoth bots are down because the host dropped our containers.\\\n**Issue identified:** The host reports a failure in its containers. {{< track \"2020-05-30 14:23:00\" >}} \\\n**Monitoring:** The host has a hot fix and we keep watching. {{< track \"2020-05-30 18:52:00\" >}}\\\n**Update:** The host has stabilised the system. {{< track \"2020-05-31 09:52:00\" >}}\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert_holds(
        &rows,
        &[
            ("2020-05-30T14:23:00Z", "**Issue identified:** The ho"),
            ("2020-05-30T18:52:00Z", "**Monitoring:** The host has"),
            ("2020-05-31T09:52:00Z", "**Update:** The host has sta"),
        ],
    );
}

/// A StatusKit page whose updates open with their `track` shortcode, the text glued after it,
/// below the issue as first posted (at the front matter's date).
#[test]
fn tracked_lines_that_open_with_their_stamp() {
    let src = "+++\ntitle = \"Database outage\"\ndate = 2020-01-19T11:23:00.000Z\n+++\n**Issue:** Some customers report missing events. We are investigating.\n{{< track \"2020-01-19T11:29:00.000Z\" >}}Records were deleted from a key table.\n\nWe are working on it as a matter of urgency.\n{{< track \"2020-01-19T12:18:00.000Z\" >}}Data has been retrieved and is being restored.\n{{< track \"2020-01-19T14:43:00.000Z\" >}}Incident resolved.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert_holds(
        &rows,
        &[
            ("2020-01-19T11:23:00Z", "**Issue:** Some customers re"),
            ("2020-01-19T11:29:00Z", "Records were deleted from a "),
            ("2020-01-19T12:18:00Z", "Data has been retrieved and "),
            ("2020-01-19T14:43:00Z", "Incident resolved."),
        ],
    );
}

/// `1) 2020.09.10 11:20 - ...`: a day written year first with dots, in a list numbered with
/// brackets under a heading written as a numbered line.
#[test]
fn a_day_written_year_first_with_dots() {
    let src = "Webmail outage report\n\n4. Timeline of the response\n\n  1) 2020.09.10 11:20 - Mail server failure detected\n\n  2) 2020.09.10 14:00 - Storage network fault found\n\n  3) 2020.09.11 12:10 - Mail service back to normal\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2020-09-10T11:20:00Z", "Mail server failure detected"),
            ("2020-09-10T14:00:00Z", "Storage network fault found"),
            ("2020-09-11T12:10:00Z", "Mail service back to normal"),
        ])
    );
}

/// "a snapshot taken at 2024-11-30 11:13:18 UTC" is when the snapshot was made, not a moment
/// of the incident: no entry, and the bare times after it stay on the incident's day.
#[test]
fn a_snapshot_time_is_not_a_moment_of_the_incident() {
    let src = "# Table dropped\n\n## Detection\n\nWe first detected the problem on December 1, 2024, at 06:26 UTC, when we noticed that the table had only a few rows.\n\n## Resolution\n\nWe recovered the original table from a snapshot taken at 2024-11-30 11:13:18 UTC.\n\nBy 11:29 UTC, we had recovered most of the projects.\n\nBy 15:53 UTC, all the missing data had been restored.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert!(!rows.iter().any(|(at, _)| at.starts_with("2024-11-30")), "{rows:?}");
    assert_holds(
        &rows,
        &[
            ("2024-12-01T06:26:00Z", "We first detected the proble"),
            ("2024-12-01T11:29:00Z", "we had recovered most of the"),
            ("2024-12-01T15:53:00Z", "all the missing data had bee"),
        ],
    );
}

/// "Between the hour of 09:30 and 10:20 on ..." is a span: its start, and its end kept.
#[test]
fn between_the_hour_of() {
    let src = "# Orders failing on 2025-12-05\n\nAll times UTC.\n\nBetween the hour of 09:30 and 10:20, our users could not order pizzas. A factory configuration change the night before started a chaos test.\n\nAt 10:25 the configuration was reverted and ordering worked again.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert_eq!(rows.first().map(|r| r.0.as_str()), Some("2025-12-05T09:30:00Z"), "{rows:?}");
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("10:20"));
}

/// "On 23rd and 24th October, ..." opening the text sets the scene on the first of the two
/// days: the bare times of the sections below are on the 23rd; one told with its own day later
/// ("ended on 24th October about 7:00 PM") keeps it and does not move them.
#[test]
fn two_days_named_together_start_on_the_first() {
    let src = "---\ntitle: Post-mortem of the 23-24 October 2014 failure\n---\nOn 23rd and 24th October, the task processing subsystem failed.\n\n## What happened?\n\nOn 23rd October, at 4:19 AM the wrong server was restarted by mistake.\n\n## How did we respond?\n\nBecause the mechanism was poorly monitored, we had no idea about the problem until 8:40 AM. At 9:20 AM, we managed to start processing queued tasks.\n\nThe processing delay ended on 24th October about 7:00 PM.\n";
    let doc = import_utc(src);
    assert_eq!(
        times_as_written(&doc),
        ["2014-10-23 04:19", "2014-10-23 08:40", "2014-10-23 09:20", "2014-10-24 19:00"]
    );
}

/// A post written days after its incident, that sets the incident on a day told against the
/// post's own ("On Tuesday", "Yesterday", "went down on March 5th", a byline's day): the bare
/// times of its timeline are on the incident's day, not the day it was published.
#[test]
fn the_incident_day_is_told_against_the_post_day() {
    let timeline = "## Timeline (UTC)\n\n- 14:05 Alert fired\n- 14:30 Rolled back\n";
    let front = "---\ntitle: Our first outage\ndate: 2024-03-08\n---\n\n";
    for (text, day) in [
        (format!("{front}On Tuesday our API went down for half an hour.\n\n{timeline}"), "2024-03-05"),
        (format!("{front}Yesterday our API went down for half an hour.\n\n{timeline}"), "2024-03-07"),
        (format!("{front}Our API went down on March 5th for half an hour.\n\n{timeline}"), "2024-03-05"),
        (
            format!("# Our first outage\n\n*Posted on March 8, 2024*\n\nOn Tuesday our API went down.\n\n{timeline}"),
            "2024-03-05",
        ),
    ] {
        let doc = import_utc(&text);
        assert_eq!(
            rows(&doc),
            pairs(&[(&format!("{day}T14:05:00Z"), "Alert fired"), (&format!("{day}T14:30:00Z"), "Rolled back")]),
            "{text}"
        );
    }
}

/// A timeline written as preformatted text in a file with no timeline heading: each line an
/// entry; a log pasted in a fence stays code.
#[test]
fn a_fence_of_timed_lines_is_the_timeline_and_a_log_is_not() {
    let src = "# S3 outage on 2024-03-05\n\nAll times are UTC.\n\nHere is what happened:\n\n```\n2024-03-05 14:05 Alert fired for 5xx errors\n2024-03-05 14:10 On-call engineer acknowledged\n2024-03-05 14:30 Rolled back the deploy\n```\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2024-03-05T14:05:00Z", "Alert fired for 5xx errors"),
            ("2024-03-05T14:10:00Z", "On-call engineer acknowledge"),
            ("2024-03-05T14:30:00Z", "Rolled back the deploy"),
        ])
    );
    let log = "# S3 outage on 2024-03-05\n\nThe proxy logged:\n\n```\n2024-03-05 14:05:01 ERROR upstream connect failed\n2024-03-05 14:05:02 WARN retrying in 1s\n2024-03-05 14:05:03 ERROR upstream connect failed\n```\n";
    assert!(import_utc(log).timeline.is_empty());
}

/// Headings that are entries: `### Detection — 14:05 UTC` under the timeline (the phase its
/// text), `## 14:05 - Alert fired` in a file without a timeline heading, and a status page's
/// `### Update (14:05 UTC, March 5 2024)` with its day after the time.
#[test]
fn headings_that_close_or_open_with_their_time() {
    let under = "# Email outage, 2024-03-05\n\n## Timeline\n\n### Detection — 14:05 UTC\n\nThe pager went off.\n\n### Mitigation — 14:30 UTC\n\nWe reverted.\n";
    assert_eq!(
        rows(&import_utc(under)),
        pairs(&[
            ("2024-03-05T14:05:00Z", "Detection\n\nThe pager went of"),
            ("2024-03-05T14:30:00Z", "Mitigation\n\nWe reverted.")
        ])
    );
    let opening = "# Email outage on 2024-03-05\n\nAll times UTC.\n\n## 14:05 - Alert fired\n\nThe pager went off.\n\n## 14:30 - Rolled back\n\nWe reverted.\n";
    let times: Vec<String> = rows(&import_utc(opening)).into_iter().map(|(t, _)| t).collect();
    assert_eq!(times, ["2024-03-05T14:05:00Z", "2024-03-05T14:30:00Z"]);
    let status = "# Email outage\n\n### Update (14:05 UTC, March 5 2024)\n\nWe are investigating.\n\n### Resolved (15:30 UTC, March 5 2024)\n\nAll good.\n";
    let times: Vec<String> = rows(&import_utc(status)).into_iter().map(|(t, _)| t).collect();
    assert_eq!(times, ["2024-03-05T14:05:00Z", "2024-03-05T15:30:00Z"]);
}

/// The incident's start and end given as a metadata table's rows or a window on one label line
/// are entries too, as `**Start time:** ...` lines are: marked started and resolved.
#[test]
fn metadata_rows_and_windows_are_entries() {
    use blameless::doc::Marker;
    let table = "# Email outage\n\n| Field | Value |\n|---|---|\n| Start | 2024-03-05 14:05 UTC |\n| End | 2024-03-05 15:30 UTC |\n\n## Summary\n\nMail was down.\n";
    let doc = import_utc(table);
    assert_eq!(rows(&doc), pairs(&[("2024-03-05T14:05:00Z", "Start"), ("2024-03-05T15:30:00Z", "End")]));
    let window =
        "# Email outage\n\n**Incident window:** 2024-03-05 14:05 – 15:30 UTC\n\n## Summary\n\nMail was down.\n";
    let doc = import_utc(window);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-03-05T14:05:00Z", "Incident window: start"), ("2024-03-05T15:30:00Z", "Incident window: end")])
    );
    let marks: Vec<Option<Marker>> = doc.timeline.iter().map(|e| e.marker).collect();
    assert_eq!(marks, [Some(Marker::Started), Some(Marker::Resolved)]);
}
