//! Importing shapes met in session 43 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the imported
//! document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A post written the day after: "Yesterday at 14:00 UTC" is the day before the post's date, and
/// so are the times after it; "last night at 23:40" is the evening before and "this morning" the
/// day of the post (not the day after the night's time).
#[test]
fn yesterday_and_last_night_are_the_day_before_the_post() {
    let src = "# Database outage\n\nPosted on March 5, 2021 by the platform team\n\nYesterday at 14:00 UTC our primary database stopped accepting writes. We failed over at 14:40 UTC and\nwrites resumed at 15:05 UTC.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2021-03-04T14:00:00Z", "Yesterday at 14:00 UTC our p"),
            ("2021-03-04T14:40:00Z", "We failed over at 14:40 UTC"),
            ("2021-03-04T15:05:00Z", "writes resumed at 15:05 UTC."),
        ])
    );
    let src = "# Outage report\n\nMarch 10, 2021\n\nLast night at 23:40 UTC the API began returning errors. This morning at 06:15 UTC the last\nregion recovered.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2021-03-09T23:40:00Z", "Last night at 23:40 UTC the "),
            ("2021-03-10T06:15:00Z", "This morning at 06:15 UTC th")
        ])
    );
    // "Last night at 1:30 am" is early on the day of the post.
    let src = "# Outage report\n\nMarch 10, 2021\n\nLast night at 1:30 am UTC the API began returning errors. It recovered at 2:10 am UTC after a restart.\n";
    assert_eq!(rows(&import_utc(src))[0].0, "2021-03-10T01:30:00Z");
}

/// A short sentence that ends with its time and zone ("Errors began at 09:14 CEST.") between
/// two longer ones is an entry too, not only the ones around it.
#[test]
fn a_short_sentence_ending_with_its_time_is_an_entry() {
    let src = "# CDN outage on 12 October 2022\n\nAt 09:12 CEST a configuration push reached the edge. Errors began at 09:14 CEST. The push was\nrolled back at 09:41 CEST and errors stopped at 09:52 CEST.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-10-12T07:12:00Z", "a configuration push reached"),
            ("2022-10-12T07:14:00Z", "Errors began at 09:14 CEST."),
            ("2022-10-12T07:41:00Z", "The push was rolled back at "),
            ("2022-10-12T07:52:00Z", "errors stopped at 09:52 CEST"),
        ])
    );
}

/// A timeline over several days whose day lines only name the weekday (`Saturday`, `Sunday`)
/// after the first day is given: each is the next day of that name.
#[test]
fn weekday_lines_move_a_timeline_on_to_that_day() {
    let src = "# Storage incident report\n\nThe incident started on Friday, June 4, 2021 and lasted until Sunday.\n\n## Timeline\n\nFriday\n- 22:00 Disk latency rises on the storage cluster.\n- 22:30 Paged the storage team.\n\nSaturday\n- 09:15 Rebalance started.\n\n**Sunday**\n- 11:00 Rebalance complete, incident closed.\n";
    assert_eq!(
        times_as_written(&import_utc(src)),
        ["2021-06-04 22:00", "2021-06-04 22:30", "2021-06-05 09:15", "2021-06-06 11:00"]
    );
}

/// A status page's messages, each stamp alone on its paragraph and its text in the paragraphs
/// below (up to the next stamp): every stamp an entry with that text, nothing left behind empty.
#[test]
fn stamps_alone_over_their_paragraphs() {
    let src = "Service status\n\nMessages\n\n03/02/2015 8:05 p.m.\n\nWe are looking into slow logins.\n\n03/02/2015 8:40 p.m.\n\nLogins work again.\n\nA disk on the session store filled up; we added space.\n\n03/03/2015 1:12 a.m.\n\nThe cleanup job that should free that disk now runs hourly.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-03-02T20:05:00Z", "We are looking into slow log"),
            ("2015-03-02T20:40:00Z", "Logins work again.\n\nA disk o"),
            ("2015-03-03T01:12:00Z", "The cleanup job that should "),
        ])
    );
    assert!(doc.timeline[1].event.ends_with("we added space."), "{:?}", doc.timeline[1].event);
    let intro = doc.sections.iter().map(|s| s.text.as_str()).collect::<String>();
    assert!(!intro.contains("Logins work again"), "moved, not copied: {intro}");
}

/// A notice's `Incident Start Time: Tuesday, June 24, 2014, at 1:10 PM UTC` is the incident's
/// start and, in a file with no timeline, an entry; its `Next Update:` line is no moment.
#[test]
fn an_incident_start_time_label() {
    let src = "# Mail delays\n\nUsers cannot send mail.\n\nIncident Start Time: Tuesday, June 24, 2014, at 1:10 PM UTC\n\nNext Update: Tuesday, June 24, 2014, at 7:00 PM UTC\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2014-06-24T13:10:00Z", "Incident Start Time")]));
    assert_eq!(doc.times.started.as_ref().map(|t| t.as_text()).as_deref(), Some("2014-06-24T13:10:00Z"));
}

/// `(02:10 UTC - 06:05 UTC)`: two times, each in UTC, not a clock six hours and five minutes
/// behind UTC.
#[test]
fn a_span_of_two_utc_times_is_no_offset() {
    let src = "---\ntitle: Cache outage\ndate: 2026-01-01\n---\n\n# Cache outage\n\n**Duration**: ~4 hours (02:10 UTC - 06:05 UTC)\n\nThe cache cluster lost quorum.\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(doc.times.started.as_ref().map(|t| t.as_text()).as_deref(), Some("2026-01-01T02:10:00Z"));
    assert_eq!(doc.times.resolved.as_ref().map(|t| t.as_text()).as_deref(), Some("2026-01-01T06:05:00Z"));
    assert!(!report.contains("06:05, because"), "{report}");
}

/// Spans and days written in full in a sentence: "from 2024-03-04 16:25 UTC until 2024-03-04
/// 20:02 UTC" keeps its end; "from 04 March, 02:10 UTC" (a comma after the month) is read.
#[test]
fn spans_and_days_written_in_full_in_sentences() {
    let src = "# Outage report 2024\n\nPublished 2024-03-06.\n\nBlock production stalled from 2024-03-04 16:25 UTC until 2024-03-04 20:02 UTC. Validators were restarted at 19:40 UTC by the operators.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-04T16:25:00Z", "Block production stalled fro"),
            ("2024-03-04T19:40:00Z", "Validators were restarted at")
        ])
    );
    assert_eq!(doc.timeline[0].extra.get("imported-until").and_then(|v| v.as_str()), Some("20:02"));
    let src = "# Outage report 2024\n\nPublished 2024-03-06.\n\nThe queue grew from 04 March, 02:10 UTC. We paged the team at 04 March, 02:30 UTC.\n";
    assert_eq!(times_as_written(&import_utc(src)), ["2024-03-04T02:10:00Z", "2024-03-04T02:30:00Z"]);
}

/// A report that gives its moments in brackets after what happened ("at block 1,204 (2023-05-02,
/// 17:40)", "(11:05 PM UTC)"): each an entry; the same moment on another clock right after a
/// time told ("at 16:02 CEST (14:02 UTC)") is no second entry.
#[test]
fn times_in_brackets_after_what_happened() {
    let src = "# Chain halt\n\n## Outcome\n\nNo data was lost.\n\nThe network stopped producing blocks from the start of the outage at block 1,204 (2023-05-02, 17:40).\n\nValidators resumed normal operations at block 1,205 (2023-05-03, 02:10) for a total outage of 8.5 hours.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2023-05-02T17:40:00Z", "The network stopped producin"),
            ("2023-05-03T02:10:00Z", "Validators resumed normal op")
        ])
    );
    let src = "# Proxy outage on 2 May 2023\n\nThe proxy stopped answering at 16:02 CEST (14:02 UTC) after a config push. We restarted the proxy (16:40 CEST) and traffic recovered shortly after.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2023-05-02T14:02:00Z", "The proxy stopped answering "),
            ("2023-05-02T14:40:00Z", "We restarted the proxy (16:4")
        ])
    );
}

/// German spans "um 20:30 bis 20:51 Uhr", with seconds or without: one entry that keeps its end.
#[test]
fn german_spans_from_um_to_bis() {
    let src = "# Netzausfall\n\nAm Abend des 02.04.2022 kam es um 20:30 bis 20:51 Uhr zu kurzen Unterbrechungen.\n\nDer dritte Ausfall wurde um 20:47:47 Uhr bis 20:51:28 Uhr festgestellt, danach lief alles wieder.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2022-04-02 20:30", "2022-04-02 20:47"]);
    let ends: Vec<_> = doc.timeline.iter().map(|e| e.extra.get("imported-until").and_then(|v| v.as_str())).collect();
    assert_eq!(ends, [Some("20:51"), Some("20:51")]);
}

/// A news post's single update, `UPDATE 11.15 pm GMT: ...` (a clock written with a dot), under
/// the post's day: an entry at that stamp, beside a time the text tells (in the order written).
#[test]
fn a_single_update_paragraph_with_a_dotted_clock() {
    let src = "Chat outage\n\nMarch 16, 2020\n\nUPDATE 11.15 pm GMT: The company says the servers are back online.\n\nIn a message posted at 9.30 pm GMT on the 16th March, they said they are aware of the connection issues.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2020-03-16T23:15:00Z", "UPDATE: The company says the"),
            ("2020-03-16T21:30:00Z", "In a message posted at 9.30 ")
        ])
    );
}

/// Dutch times ("rond 11 uur", "om 13:40 uur") and a German day run into its clock with no word
/// between them ("Am 3.5.2019 14.20 Uhr …"): entries at those moments.
#[test]
fn dutch_uur_and_a_german_day_right_before_its_clock() {
    let src = "Stroomstoring\n\nGepubliceerd 25 mei 2018.\n\nOp 24 mei 2018 rond 11 uur viel de stroom uit in het datacenter. De stroom was om 13:40 uur weer terug.\n";
    assert_eq!(times_as_written(&import_utc(src)), ["2018-05-24 11:00", "2018-05-24 13:40"]);
    let src = "Stromausfall\n\nAm 3.5.2019 14.20 Uhr ist in der Praxis der Strom ausgefallen. Um 15.45 Uhr war der Strom wieder da.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            // (German, and no zone stated: Berlin's.)
            ("2019-05-03T12:20:00Z", "Am 3.5.2019 14.20 Uhr ist in"),
            ("2019-05-03T13:45:00Z", "war der Strom wieder da.")
        ])
    );
}

/// "The site stayed down until around 5:00 PM CST.": a sentence told in the past whose only
/// time is where something ended is an entry at that moment; one that plans ("will be down
/// until 5 PM") is not.
#[test]
fn a_past_sentence_whose_only_time_is_an_end() {
    let src = "# Site outage\n\nPublished 2022-02-25.\n\nOn 2022-02-24 the site went down at 2:10 PM CST after a deploy. The site stayed down until around 5:00 PM CST.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2022-02-24T20:10:00Z", "On 2022-02-24 the site went "),
            ("2022-02-24T23:00:00Z", "The site stayed down until a")
        ])
    );
    let src = "# Site outage\n\nPublished 2022-02-25.\n\nOn 2022-02-24 the site went down at 2:10 PM CST after a deploy. The site will be down until around 5:00 PM CST for repairs.\n";
    assert_eq!(times_as_written(&import_utc(src)).len(), 1);
}
