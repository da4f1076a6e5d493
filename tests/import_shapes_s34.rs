//! Importing the shapes the tuning sets AE..AO still missed in session 34 (see
//! tests/corpus/REAL.md), from snippets written in the same shapes in our own words: every
//! entry at the right instant, and what the imported document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A forum reply's own stamp ("Post by ... » Mar 4th 2024 09:20") is when it was written: the
/// times its text tells later in the day than that are the evening before, and a morning time
/// after them the morning it was written; a stop inside a closing bracket ("(server time.)")
/// ends the sentence, so the next one's time is an entry of its own.
#[test]
fn a_posts_stamp_puts_later_hours_on_the_day_before() {
    let src = "Maps server down\n\nPost by Corvin » Mar 4th 2024 09:20\n\nThe maps were down for most of the night.\n\nRe: Maps server down\n\nPost by Maribel » Mar 4th 2024 11:05\n\nFrom what we can see the map servers went offline at 23:10 CET (server time.) The proxy came back on its own at around 01:40, and the last map servers were restarted by hand around 07:55.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T22:10:00Z", "From what we can see the map"),
            ("2024-03-04T00:40:00Z", "The proxy came back on its o"),
            ("2024-03-04T06:55:00Z", "the last map servers were re"),
        ])
    );
}

/// An update's heading stamp ("Outage Update: March 9 0410 EST, 0910 UTC") is when it was
/// written, the day before the afternoon it tells of.
#[test]
fn an_update_written_after_midnight_tells_of_the_afternoon_before() {
    let src = "2023-03-10: 14:00 UTC     Mail delays\n\nAt 0855 EST, 1355 UTC, the queue runner stopped delivering mail. We restarted it at 0910 EST, 1410 UTC, and it is now working.\n\nOutage Update: March 9 0410 EST, 0910 UTC\n\nAt 1620 EST, 2120 UTC, a storage shelf in the rack lost power and the mail stores went offline.\n\nThe last mail store was online again just before 1930 EST, 0030 UTC.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert!(rows.contains(&("2023-03-08T21:20:00Z".into(), "2120 UTC, a storage shelf in".into())), "{rows:?}");
    assert!(rows.contains(&("2023-03-09T00:30:00Z".into(), "The last mail store was onli".into())), "{rows:?}");
}

/// A ticket's post written the day after ("Dana Ruiz@2022-04-12 16:40:10:") that tells again a
/// moment the text gave with its day ("at 05:15 on 11 April") is about that day: its times
/// follow on it.
#[test]
fn a_post_that_tells_a_moment_again_keeps_its_day() {
    let src = "Ticket NET-2211\n\n11 April outage\n\n2022-04-12 16:38:02\nAt approximately 05:15 on 11 April, a loss of power was detected at our rack.\n\nDana Ruiz@2022-04-12 16:40:10:\n\nAt 05:15, the first feed dropped. At 05:52 the second feed dropped as well. At approximately 09:30 the building's electrician restored both feeds.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["2022-04-11 05:15", "2022-04-11 05:15", "2022-04-11 05:52", "2022-04-11 09:30"]);
    assert!(doc.timeline[1].event.contains("the first feed dropped"), "{:?}", doc.timeline[1]);
    assert!(doc.timeline[3].event.contains("electrician restored"), "{:?}", doc.timeline[3]);
}

/// "at 2.45 PM" in an issue thread's post: an hour written with a dot and am or pm after it is
/// a time wherever it stands in the sentence, on the post's day.
#[test]
fn a_dotted_hour_with_pm_in_a_thread_post() {
    let src = "acme/status · issue #7 · closed\n# Search down\n\nops-bot · description · 2019-08-14\nOur search cluster stopped answering at 2.45 PM, and all search pages show errors.\n\nops-bot · comment · 2019-08-14\nsearch back at 3.05 PM, every node has rejoined the cluster\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["2019-08-14 14:45", "2019-08-14 15:05"]);
    assert!(doc.timeline[0].event.contains("stopped answering"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[1].event.contains("every node has rejoined"), "{:?}", doc.timeline[1]);
}

/// `**17:4x**` (the tens of the minute known) is the start of those ten minutes, the time as
/// written kept beside the row; `3 May 2025 ~ 08:12` (a space after the tilde) is 08:12.
#[test]
fn a_minute_known_to_its_tens_and_a_spaced_tilde() {
    let src = "# Batch runner stall\n\n## Timeline (UTC)\n\n* 3 May 2025 08:10:31 - Export job run by hand, success\n* 3 May 2025 ~ 08:12 - Export job run by hand, failure\n* 3 May 2025 08:20 - Export job disabled\n\n- **16:58** Batch runner upgraded.\n- **17:4x** Jobs pile up in the queue.\n- **18:05** Runner restarted.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert!(rows.contains(&("2025-05-03T08:12:00Z".into(), "Export job run by hand, fail".into())), "{rows:?}");
    let pile = doc.timeline.iter().find(|e| e.event.contains("pile up")).expect("the 17:4x row");
    assert!(pile.time.as_text().contains("17:40"), "{pile:?}");
    let kept = pile.extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(kept, Some("17:4x"), "the time as written is kept: {pile:?}");
}

/// A status page's postmortem copied with its updates below it (`Resolved` / text / `Posted
/// Feb 02, 2021 - 10:40 UTC`, newest first) after its last section, "Next Steps": the updates
/// are timeline entries in order, each at its stamp, and the steps stay actions; the report
/// says where the updates went.
#[test]
fn status_updates_below_the_next_steps_are_entries() {
    let src = "Billing Portal Unavailable\nIncident Report for Acme\nPostmortem\n\nIncident Summary\n\nFrom 09:05 UTC to 10:30 UTC on February 2 the billing portal could not be reached.\n\nTimeline (UTC)\n\n2021-02-02 09:05: Billing portal unreachable\n2021-02-02 10:30: Billing portal back\n\nNext Steps\n\n* Add a synthetic check for the billing portal.\n\nPosted Feb 09, 2021 - 15:00 UTC\n\nResolved\n\nThe billing portal is reachable again for every customer.\n\nPosted Feb 02, 2021 - 10:40 UTC\nInvestigating\n\nWe are looking into reports that the billing portal does not load.\n\nPosted Feb 02, 2021 - 09:20 UTC\n";
    let options = blameless::import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = blameless::import::from_markdown(src, &template("default"), &options);
    let doc = &imported.doc;
    assert_eq!(
        rows(doc),
        pairs(&[
            ("2021-02-02T09:05:00Z", "Billing portal unreachable"),
            ("2021-02-02T09:20:00Z", "Investigating We are looking"),
            ("2021-02-02T10:30:00Z", "Billing portal back"),
            ("2021-02-02T10:40:00Z", "Resolved The billing portal "),
        ])
    );
    assert!(doc.actions.iter().any(|a| a.title.contains("synthetic check")), "{:?}", doc.actions);
    let report = imported.report.to_string();
    assert!(report.contains("a status page's updates"), "{report}");
}

/// An outage report with no timeline, its times on label lines (`Incident Start: 17/02/2022
/// 07:12`, `Incident Resolved: ...`): the incident's started and resolved times, and an entry
/// each, marked, the label its event; the report says so.
#[test]
fn incident_start_and_resolved_lines_without_a_timeline() {
    let src = "Following the outage on Thursday 17th February 2022, our carrier has sent its report.\n\nIncident Start: 17/02/2022 07:12\nIncident Resolved: 17/02/2022 09:47\n\nMost fibre lines in the north lost their sessions.\n\nRoot Cause\n\nA line card in the aggregation router failed.\n";
    let options = blameless::import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = blameless::import::from_markdown(src, &template("default"), &options);
    let doc = &imported.doc;
    assert_eq!(
        rows(doc),
        pairs(&[("2022-02-17T07:12:00Z", "Incident Start"), ("2022-02-17T09:47:00Z", "Incident Resolved")])
    );
    assert_eq!(doc.timeline[0].marker, Some(blameless::doc::Marker::Started));
    assert_eq!(doc.timeline[1].marker, Some(blameless::doc::Marker::Resolved));
    assert_eq!(doc.times.resolved.as_ref().map(|m| m.as_text()).as_deref(), Some("2022-02-17 09:47"));
    let report = imported.report.to_string();
    assert!(report.contains("an entry from the label line (`Incident Resolved`)"), "{report}");
}

/// A blog post's updates written newest first, each with a time only, under the post's day:
/// the day is the oldest update's (the bottom); going up the page goes on in time, so an update
/// earlier on the clock than the one below it is the next morning.
#[test]
fn updates_newest_first_cross_midnight_upwards() {
    let src = "Tuesday, March 12, 2019\n\nStorm outage\n\nUpdate 08:15 GMT: Mains power is back and every service runs again\n\nUpdate 23:40 GMT: The generator is low on fuel, a delivery is on its way.\n\nUpdate 22:05 GMT: The generator is running, services come back one by one.\n\nUpdate 21:30 GMT: Still no mains power, the generator is being started.\n\nUpdate 21:02 GMT: The storm cut the mains power to the office.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-03-13T08:15:00Z", "Update: Mains power is back "),
            ("2019-03-12T23:40:00Z", "Update: The generator is low"),
            ("2019-03-12T22:05:00Z", "Update: The generator is run"),
            ("2019-03-12T21:30:00Z", "Update: Still no mains power"),
            ("2019-03-12T21:02:00Z", "Update: The storm cut the ma"),
        ])
    );
}

/// `Update: 18:20` alone on a line over the update's paragraph (and `Update: 5 June 07:45` the
/// next morning) in a notice with no timeline: an entry at each stamp, the paragraph its text,
/// and the times the paragraph tells entries of their own too.
#[test]
fn an_update_line_over_its_paragraph() {
    let src = "Fibre cut 4 June 2024: Mill Lane\n\nAt 17:05 a digger cut the fibre that feeds Mill Lane.\n\nWe are waiting for the repair crew.\n\nUpdate: 18:20\n\nThe repair crew arrived at 18:02 and spliced the fibre, the first customers came back at 18:14.\n\nUpdate: 5 June 07:45\n\nEvery line stayed up overnight. We consider the issue resolved.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert!(rows.contains(&("2024-06-04T18:20:00Z".into(), "Update: The repair crew arri".into())), "{rows:?}");
    assert!(rows.contains(&("2024-06-04T18:02:00Z".into(), "The repair crew arrived at 1".into())), "{rows:?}");
    assert!(rows.contains(&("2024-06-05T07:45:00Z".into(), "Update: Every line stayed up".into())), "{rows:?}");
}

/// A status page's log of incidents as a table of days (`| Date | Description | Service |`)
/// under a heading that does not say timeline: an entry per row, on its day, at the first time
/// its description tells with its zone ("between 02:10 AM EST to 4:05 AM EST", EST in July
/// read on Eastern clocks), the day's cell kept; a row that tells no time is its day.
#[test]
fn a_table_of_days_with_times_in_the_descriptions() {
    let src = "## Past Incidents\n\n| Date | Description | Service |\n| --- | --- | --- |\n| 2023-10-02 | Search was slow because our cloud provider had a network fault. | Search |\n| 2023-07-19 | Checkout failed for some customers between 02:10 AM EST to 4:05 AM EST. | Checkout |\n| 2023-02-11 | Image uploads were rejected from 9:40 PT to 10:15PT. | Uploads |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-10-02", "Search was slow because our "),
            ("2023-07-19T06:10:00Z", "Checkout failed for some cus"),
            ("2023-02-11T17:40:00Z", "Image uploads were rejected "),
        ])
    );
    let kept = doc.timeline[1].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(kept, Some("2023-07-19"));
}

/// A thread's post of one short sentence with its time ("fixed at 16.05", "Same here, at 9:12
/// AM EST", "Same 9:40 AM MST") says what happened then: an entry on the post's day, the
/// sentence its event.
#[test]
fn a_short_reply_with_its_time_is_an_entry() {
    let src = "acme/status · issue #9 · closed\n# Login down\n\nops-bot · description · 2018-04-03\nNobody can log in since this morning, we are looking into it.\n\ndana · comment · 2018-04-03\nfixed at 16.05\n";
    let doc = import_utc(src);
    let times: Vec<(String, String)> = doc.timeline.iter().map(|e| (e.time.as_text(), e.event.clone())).collect();
    assert_eq!(times, pairs(&[("2018-04-03 16:05", "fixed at 16.05")]));
    let src = "acme/tools · issue #12 · closed\n# Wiki unreachable\n\nlee · description · 2021-02-08\nThe wiki times out for everyone on our floor.\n\nsam · comment · 2021-02-08\nSame here, at 9:12 AM EST\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2021-02-08T14:12:00Z", "Same here, at 9:12 AM EST")]));
    // "Same 9:40 AM MST": a clock with its am/pm and zone needs no word before it in a reply.
    let src = src.replace("Same here, at 9:12 AM EST", "Same 9:40 AM MST");
    let doc = import_utc(&src);
    assert_eq!(rows(&doc), pairs(&[("2021-02-08T16:40:00Z", "Same 9:40 AM MST")]));
}

/// In a text that tells its times, a line that opens with a day alone and a colon (`3rd May :
/// received the carrier's report on the cut ...`) is an entry of that day, in the year the text
/// gives; one with a time after the colon (`2019-04-30: 09:10 UTC ...`) is not a day's entry.
#[test]
fn a_day_and_a_colon_opening_a_line() {
    let src = "Link outage 2019\n\nOn Tuesday 30th April 2019 at 09:10 our backbone link went down and traffic moved to the backup path.\n\n3rd May : received the carrier's report on the cut : a digger hit the duct near the bridge.\n";
    let doc = import_utc(src);
    let times: Vec<(String, String)> = doc.timeline.iter().map(|e| (e.time.as_text(), e.event.clone())).collect();
    assert_eq!(times[0].0, "2019-04-30 09:10");
    assert_eq!(
        times[1],
        (
            "2019-05-03".to_string(),
            "received the carrier's report on the cut : a digger hit the duct near the bridge.".to_string()
        )
    );
    assert_eq!(times.len(), 2);
}

/// "The outage lasted through 11:05Z with full service restored by 11:20Z": "through" tells a
/// time as "until" does after a moment, and "with" opens the clause of the later time: an
/// entry each.
#[test]
fn through_a_time_with_a_later_recovery() {
    let src = "# Relay outage\n\nBeginning at 09:40Z on June 3rd, 2015, the mail relay stopped accepting messages. The outage lasted through 11:05Z with full service restored by 11:20Z on June 3rd, 2015.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-06-03T09:40:00Z", "Beginning at 09:40Z on June "),
            ("2015-06-03T11:05:00Z", "The outage lasted through 11"),
            ("2015-06-03T11:20:00Z", "full service restored by 11:"),
        ])
    );
}

/// Our own export is read as it is written: a text section that holds a table's header over a
/// line of text (left so by label lines taken out as metadata) exports, imports and exports
/// again to the same Markdown (the property test `import_never_fails_...` found both).
#[test]
fn own_export_with_a_table_header_over_text_round_trips() {
    let options = blameless::import::Options { zone: "Europe/Berlin".parse().unwrap(), zone_given: false };
    for (src, name) in [
        ("Impact:\n| Time | Event |\n**Date:** 2026-11-24\n|---|---|\né", "default"),
        ("Impact:\n| Time | Event |\nSetext\n===\n|---|---|\na", "learning-review"),
    ] {
        let t = template(name);
        let doc = blameless::import::from_markdown(src, &t, &options).doc;
        let md = blameless::export::to_markdown(&doc);
        let again = blameless::import::from_markdown(&md, &t, &options).doc;
        assert_eq!(blameless::export::to_markdown(&again), md, "{src:?}");
    }
}

/// A Korean "타임라인" heading is the timeline, and a sentence under it saying which clock the
/// times keep ("시각은 KST다") states the zone for the table's bare times.
#[test]
fn a_korean_timeline_heading_and_its_clock_sentence() {
    let src = "# 캐시 서버 장애\n\n- 날짜: 2025-03-14\n\n## 요약\n\n캐시 서버가 멈췄다.\n\n## 타임라인\n\n시각은 KST다.\n\n| 시점 | 사건 |\n|------|------|\n| 09:10 | 캐시 서버 응답 없음 |\n| 09:25:30 | 캐시 서버 재시작 |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2025-03-14T00:10:00Z", "캐시 서버 응답 없음"), ("2025-03-14T00:25:30Z", "캐시 서버 재시작")])
    );
}

/// A file without Markdown whose timeline is named by a plain line of a few words ending in
/// "timeline", with its zone and a colon ("Full Outage Timeline (CET):"), over "02:10 : ..."
/// lines: those lines are the timeline's entries, not a paragraph.
#[test]
fn a_plain_label_line_naming_the_timeline_and_its_zone() {
    let src = "Short overview:\nOn 3 February 2025 the billing pages returned errors for most of the night.\nThis note gives the timeline and what we changed.\nFull Outage Timeline (CET):\n02:10 : Start - the database disk filled up\n02:14 : Noticed by the support desk, the on-call phone rang\n05:40 : Disk extended and the pages answered again\nWhat we changed:\nDisk alerts now page at 80 %.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-03T01:10:00Z", "Start - the database disk fi"),
            ("2025-02-03T01:14:00Z", "Noticed by the support desk,"),
            ("2025-02-03T04:40:00Z", "Disk extended and the pages "),
        ])
    );
}

/// A day written "May the 4th 2011" is that day, and the bare times the text gives later
/// ("at 09h10", "at 10:25") are on it.
#[test]
fn a_day_written_month_the_nth_year() {
    let src = "Incident report\n\nDate of incident: May the 4th 2011\n\nThe cooling failed in room B. A first notice was sent at 09h10, a second one at 10:25.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert!(!times.is_empty() && times.iter().all(|t| t.starts_with("2011-05-04")), "{times:?}");
    assert!(times.contains(&"2011-05-04 09:10".to_string()), "{times:?}");
}

/// French prose with no year: "Le mardi 3 juin, ..." gives the day of the bare times after it
/// ("à 08h15", "À 11h40"), in the last year that day was a Tuesday.
#[test]
fn a_french_weekday_and_month_without_a_year() {
    let src = "Le mardi 3 juin, à 08h15 (heure de Paris), la messagerie a cessé de fonctionner.\nUne relance des serveurs a eu lieu à 09h30 sans effet.\nÀ 11h40, le disque plein a été vidé et le service est revenu.\n";
    let options = blameless::import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let path = std::path::Path::new("panne.md");
    let doc = blameless::import::from_markdown_file_on(src, path, &template("default"), &options, today).doc;
    // 3 June was a Tuesday in 2025 (in 2026 a Wednesday); Paris keeps summer time then.
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-06-03T06:15:00Z", "(heure de Paris), la message"),
            ("2025-06-03T07:30:00Z", "Une relance des serveurs a e"),
            ("2025-06-03T09:40:00Z", "le disque plein a été vidé e"),
        ])
    );
}

/// "de 20h00 à 23h30" in a French sentence is a span: its entry is at its start.
#[test]
fn a_french_span_de_a_is_at_its_start() {
    let src = "# Panne du portail\n\n- Date : 2025-10-07\n\n## Chronologie\n\nLe portail a été indisponible de 20h00 à 23h30 (heure de Paris).\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2025-10-07T18:00:00Z", "Le portail a été indisponibl")]));
}

/// "à 14: 05", a French time typed with a space after its colon, is 14:05.
#[test]
fn a_french_time_with_a_space_after_its_colon() {
    let src = "# Coupure réseau\n\n- Date : 2025-10-07\n\n## Chronologie\n\nCe jour à 14: 05, le lien principal est tombé pendant deux minutes.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2025-10-07T14:05:00Z", "Ce jour à 14: 05, le lien pr")]));
}
