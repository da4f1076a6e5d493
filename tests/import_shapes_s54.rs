//! Importing shapes met in session 54 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A table copied from a web page a row a line, each time glued to its event
/// (`00:31:10Incident started`), and a Markdown table whose time cell holds the event too.
#[test]
fn a_time_glued_to_its_event_is_an_entry() {
    let lines = "# Outage on March 3, 2024\n\n## Timeline (UTC)\n\nTimeEvent\n00:31:10Incident started\n00:45:00Alert fired for errors\n01:02:33Rollback completed\n";
    let doc = import_utc(lines);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T00:31:10Z", "Incident started"),
            ("2024-03-03T00:45:00Z", "Alert fired for errors"),
            ("2024-03-03T01:02:33Z", "Rollback completed"),
        ])
    );
    for table in [
        "# Outage on March 3, 2024\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 00:31:10Incident started | |\n| 00:45:00 Alert fired | |\n",
        "# Outage on March 3, 2024\n\n## Timeline (UTC)\n\n| Time (UTC) |\n|---|\n| 00:31:10Incident started |\n| 00:45:00Alert fired |\n",
    ] {
        let doc = import_utc(table);
        assert_eq!(
            rows(&doc),
            pairs(&[("2024-03-03T00:31:10Z", "Incident started"), ("2024-03-03T00:45:00Z", "Alert fired")]),
            "{table}"
        );
    }
}

/// Later days of a timeline named by their weekday and day of the month (`### Tuesday 4th`,
/// `**Wednesday the 5th**`): the times under each are on that day, and the day's line is no
/// event's text.
#[test]
fn weekday_and_ordinal_day_headings_date_the_times_below() {
    for src in [
        "# Outage\n\nPosted on Monday 3rd March 2025.\n\n## Timeline (UTC)\n\n### Monday 3rd March\n\n- 09:00 Alert fired\n- 10:10 Paged\n\n### Tuesday 4th\n\n- 10:00 Fixed\n\n### Wednesday 5th\n\n- 11:00 Closed\n",
        "# Outage\n\nPosted on Monday 3rd March 2025.\n\n## Timeline (UTC)\n\n**Monday 3rd March**\n\n09:00 Alert fired\n\n10:10 Paged\n\n**Tuesday 4th**\n\n10:00 Fixed\n\nWednesday the 5th\n\n11:00 Closed\n",
    ] {
        let doc = import_utc(src);
        assert_eq!(
            rows(&doc),
            pairs(&[
                ("2025-03-03T09:00:00Z", "Alert fired"),
                ("2025-03-03T10:10:00Z", "Paged"),
                ("2025-03-04T10:00:00Z", "Fixed"),
                ("2025-03-05T11:00:00Z", "Closed"),
            ]),
            "{src}"
        );
    }
}

/// A page that opens with when it was posted, alone on a line, over a title that names the
/// incident's day, the day before: the bare times below are on the incident's day.
#[test]
fn the_titles_day_beats_the_posting_stamp_above_it() {
    let src = "2013年12月24日 5:14 PM\n\nサービスに接続しづらい件について (2013年12月23日)\n\n12月23日(月) 15時36分頃から 20時06分頃まで、サービスに接続しづらい問題が発生しておりました。\n\n[概要]\n15時36分頃に、アラートを検知しました。\n\n[経緯]\n\n  • 15:36 アラートを検知\n  • 15:43 復旧を検知\n  • 20:06 暫定対応を完了\n\n[原因]\nDNSの問題でした。\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    for want in ["2013-12-23T15:36:00+09:00", "2013-12-23T15:43:00+09:00", "2013-12-23T20:06:00+09:00"] {
        assert!(times.iter().any(|t| t == want), "{want} in {:?}", rows(&doc));
    }
    assert!(!times.iter().any(|t| t.starts_with("2013-12-24T15")), "{:?}", rows(&doc));
}

/// Norwegian day and month over a short year before "kl" (`21/9-20 kl 18:18 - ...`), past
/// midnight onto the next day.
#[test]
fn norwegian_short_dates_with_kl() {
    let src = "21.09.2020 - Problemer med kassene\n\nKassene får ikke kontakt.\n\n21/9-20 kl 18:18 - Problemene startet\n21/9-20 kl 18:28 - Tekniker er på saken\n22/9-20 kl 01:37 - Alle servere online\n";
    let doc = import_utc(src);
    assert_eq!(
        times_as_written(&doc),
        ["2020-09-21 18:18", "2020-09-21 18:28", "2020-09-22 01:37"],
        "{:?}",
        rows(&doc)
    );
}

/// Updates headed `Update, 4:17 p.m., July 24:`, newest first: each at its time and day.
#[test]
fn update_headings_with_a_comma_time_and_day() {
    let src = "July 24, 2017\n\nThe building lost power.\n\nUpdate, 4:17 p.m., July 24:\n\nThe crew will take the system down again.\n\nUpdate, 12:57 p.m., July 24:\n\nA transformer blew.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2017-07-24T16:17:00Z", "Update: The crew will take t"),
            ("2017-07-24T12:57:00Z", "Update: A transformer blew."),
        ])
    );
}

/// Prose whose times carry their zone in small letters glued to them (`at 09:42utc`): the
/// zone is read, and the times are entries at it (a posting stamp in PST below changes nothing).
#[test]
fn a_small_letter_zone_glued_to_its_time() {
    let src = "Service issues\n\nOn 14 February 2018 a tenant started a flood of messages.\n\nBetween 09:42utc and 10:02utc, the load was spread out.\n\nProcessing returned to normal at 12:45utc.\n\nPosted Feb 14, 2018 - 17:48 PST\n";
    let doc = import_utc(src);
    let got = rows(&doc);
    assert!(got.iter().any(|(t, _)| t == "2018-02-14T09:42:00Z"), "{got:?}");
    assert!(got.iter().any(|(t, e)| t == "2018-02-14T12:45:00Z" && e.starts_with("Processing")), "{got:?}");
}

/// A status page's history, newest first: each day a paragraph of its own (`Friday 10th June
/// 2022`), then an incident's title and first words, then its `EDIT 06:04 UTC: ...` updates,
/// two or one a day: each update on its day.
#[test]
fn day_paragraphs_date_the_updates_below_them() {
    let src = "Saturday 11th June 2022\n\nFriday 10th June 2022\n\nInfra down\n\nA server was lost.\n\nEDIT 06:04 UTC: The server failed.\n\nEDIT 07:57 UTC: Server is back.\n\nThursday 9th June 2022\n\nMails delayed\n\nOur provider has issues.\n\nEDIT 13:55 UTC: Mails flow again.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-06-10T06:04:00Z", "EDIT: The server failed."),
            ("2022-06-10T07:57:00Z", "EDIT: Server is back."),
            ("2022-06-09T13:55:00Z", "EDIT: Mails flow again."),
        ])
    );
}

/// A report's updates stamped on two clocks after a bar (`07:32 UTC | 23:32 PT`) under a summary
/// that states the incident's window ("From November 13, 2023 at 18:26 UTC until November 14,
/// 2023 at 09:18 UTC"): the other clock is no part of the event, and the bare times, all before
/// the window opens on its first day, are on its second.
#[test]
fn two_clocks_after_a_bar_and_the_stated_window_dates_bare_times() {
    let src = "Summary\nFrom November 13, 2023 at 18:26 UTC until November 14, 2023 at 09:18 UTC, some customers saw mail delays.\nTimeline\n07:32 UTC | 23:32 PT\nWe have reports of delayed mail.\n08:33 UTC | 00:33 PT\nWe continue to investigate.\n09:27 UTC | 01:27 PT\nA fix is in place.\n";
    let doc = import_utc(src);
    let got = rows(&doc);
    for (at, event) in [
        ("2023-11-14T07:32:00Z", "We have reports of delayed m"),
        ("2023-11-14T08:33:00Z", "We continue to investigate."),
        ("2023-11-14T09:27:00Z", "A fix is in place."),
    ] {
        assert!(got.iter().any(|(t, e)| t == at && e == event), "{at} {event} in {got:?}");
    }
    // A timeline that already stands inside the window stays where it is read.
    let inside = "Summary\nFrom November 13, 2023 at 06:00 UTC until November 14, 2023 at 09:18 UTC, mail was slow.\nTimeline\n07:32 UTC | 23:32 PT\nWe have reports.\n08:33 UTC | 00:33 PT\nStill looking.\n";
    let got = rows(&import_utc(inside));
    assert!(got.iter().any(|(t, _)| t == "2023-11-13T07:32:00Z"), "{got:?}");
}

/// Updates labelled with their time, zone and day in brackets, the day after the zone (`Update
/// 4 [5:17 am PDT, 20th July]: ...`), one with a space typed after its colon (`[2: 53 am PDT,
/// 20th July]`): each on its own day.
#[test]
fn bracketed_update_labels_with_the_day_after_the_zone() {
    let src = "Chat is slow\n\nIssue detection time : 4:22 AM PDT, 19 July 2023\n\nUpdate 1 [8:39 am PDT, 19th July]: We found the slow functions.\nUpdate 3 [2: 53 am PDT, 20th July]: A server failed again.\nUpdate 4 [5:17 am PDT, 20th July]: We saw a similar failure.\n";
    let got = rows(&import_utc(src));
    for (at, event) in [
        ("2023-07-19T15:39:00Z", "Update 1: We found the slow f"),
        ("2023-07-20T09:53:00Z", "Update 3: A server failed ag"),
        ("2023-07-20T12:17:00Z", "Update 4: We saw a similar f"),
    ] {
        assert!(got.iter().any(|(t, e)| t == at && e.starts_with(&event[..20])), "{at} {event} in {got:?}");
    }
}

/// A status page's postmortem on top, its times told in prose without a day, then its `Posted`
/// line a day after the incident, then the incident's own update and its `Posted` line: the
/// prose times are on the incident's day, not on the day the postmortem was posted.
#[test]
fn a_postmortems_prose_times_are_on_the_incidents_day() {
    let src = "Helpdesk unreachable\nIncident Report for Acme\nPostmortem\n\nIncident Timeline\n\nStarting at 4:28pm UTC, we saw errors for some customers.\n\nAt 4:35pm UTC, we reverted the last deploy.\n\nAt 4:45pm UTC, the revert was done and errors stopped.\n\nAction Items\n\n  • Keep the health checks in sync\n  • Add checks before deploys\nPosted Jun 30, 2022 - 04:58 PDT\n\nResolved\nA bad network setting was applied and reverted.\nPosted Jun 29, 2022 - 09:30 PDT\n";
    let got = rows(&import_utc(src));
    for at in ["2022-06-29T16:28:00Z", "2022-06-29T16:35:00Z", "2022-06-29T16:45:00Z"] {
        assert!(got.iter().any(|(t, _)| t == at), "{at} in {got:?}");
    }
}
