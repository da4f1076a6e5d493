//! Importing shapes met in session 50 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A carrier's report: the incident's times as label lines at the top, then the same and more
/// as a list of `Label: time zone, day` items, one a range whose ends each name the zone. Each
/// item is an entry (the range keeps its end), and the label line that repeats an item marks
/// it rather than adding it twice.
#[test]
fn labelled_items_with_a_range_and_its_day_after_it() {
    let src = "Phone outage\n\nIncident Reported: 4:45 AM EST, 8/12/2022\n\nIncident Resolved: 2:00 PM EST, 8/12/2022\n\nWhat we saw\n\n  • Incident reported: 4:45AM EST, 8/12/2022\n  • Power restored at the site: 5:55 AM EST, 8/12/2022\n  • Vendor patch applied: 9:47 AM EST, 8/12/2022\n  • Working through the queued requests: 9:47 AM EST – 2:00 PM EST, 8/12/2022\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-08-12T08:45:00Z", "Incident reported"),
            ("2022-08-12T09:55:00Z", "Power restored at the site"),
            ("2022-08-12T13:47:00Z", "Vendor patch applied"),
            ("2022-08-12T13:47:00Z", "Working through the queued r"),
            ("2022-08-12T18:00:00Z", "Incident Resolved"),
        ])
    );
    assert_eq!(kept(&doc, 3, "imported-until").as_deref(), Some("14:00"), "{:?}", doc.timeline[3]);
    assert_eq!(doc.timeline[0].marker, Some(blameless::doc::Marker::Detected));
}

/// A timeline whose ranges name the zone at both ends (`14:00 UTC - 14:30 UTC: ...`): the end
/// is the range's, not the start of the event.
#[test]
fn a_range_with_the_zone_at_both_ends() {
    let src = "# Slow API\n\nOn 2024-03-05 the API slowed down.\n\n## Timeline\n\n- 14:00 UTC - 14:30 UTC: Degraded performance\n- 14:30 UTC: Fixed\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-03-05T14:00:00Z", "Degraded performance"), ("2024-03-05T14:30:00Z", "Fixed")])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("14:30"));
}

/// An analysis with one heading per incident, the day in the brackets the heading ends with,
/// and under it a bold `**Timeline:**` of bare times: the times are on the heading's day, not
/// on the day the report was written.
#[test]
fn a_bold_timeline_under_a_heading_that_ends_with_its_day() {
    let src = "# Error budget review\n**Date:** 2025-11-28\n\n## Incidents\n\n### 1. Files app - outage (Nov 26, 20:20-20:40)\n\n**Timeline:**\n- **20:20:25** - Proxy cancelled the requests\n- **20:21-20:24** - Logins failed\n- **20:40:04** - Service restarted\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-11-26T20:20:25Z", "Proxy cancelled the requests"),
            ("2025-11-26T20:21:00Z", "Logins failed"),
            ("2025-11-26T20:40:04Z", "Service restarted"),
        ])
    );
}

/// A hosting company's status log: each update opens with `Datum:` over `Tidpunkt:` (a time
/// written with a dot, too), its text below them or in the next paragraph. Each is an entry,
/// the labels stay in the text, and none of the days is taken as the document's date.
#[test]
fn date_and_time_labels_over_each_update() {
    let src = "STÖRNING I LAGRING\n\nDatum: 2019-04-08\nTidpunkt: 19:26\n\nAllt fungerar igen.\n\nDatum: 2019-04-04\nTidpunkt: 08:20\nOrsaken är hittad.\n\nDatum 2019-04-04\nTidpunkt: 10.20\nArbetet fortsätter.\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-04-08T19:26:00Z", "Allt fungerar igen."),
            ("2019-04-04T08:20:00Z", "Orsaken är hittad."),
            ("2019-04-04T10:20:00Z", "Arbetet fortsätter."),
        ])
    );
    assert!(!report.contains("metadata: date"), "{report}");
    let text: String = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("Tidpunkt: 10.20"), "{text}");
}

/// A host's status post: a day alone before a colon (`June 29, 2019:`), then two paragraphs
/// that each open with a time and a zone: that day's entries, though only two.
#[test]
fn two_updates_under_a_day_before_a_colon() {
    let src = "Extended mail outage\n\nThe upgrade of the mail platform ran long.\n\nJune 29, 2019:\n\n11:45 AM CT: The team is still syncing the storage with the front ends.\n\n3:30 PM CT: Some mailboxes are back; we are watching them.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-06-29T16:45:00Z", "The team is still syncing th"),
            ("2019-06-29T20:30:00Z", "Some mailboxes are back; we ")
        ])
    );
}

/// A blog post's updates in italics, each word and stamp in brackets with the stamp in bold
/// (`*[Update **2014-09-16 14:18 CEST**]: ...*`): entries at their stamps, the markup gone.
#[test]
fn bracketed_updates_in_italics() {
    let src = "+++\ndate = \"2014-09-16T12:14:00\"\ntitle = \"Mail not arriving\"\n+++\n\nA name server setting sent no mail my way.\n\n*[Update **2014-09-16 14:18 CEST**]: The name servers answer correctly again.*\n\n*[Update **2014-09-16 15:40 CEST**]: Mail is arriving for every domain.*\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2014-09-16T12:18:00Z", "Update: The name servers ans"),
            ("2014-09-16T13:40:00Z", "Update: Mail is arriving for")
        ])
    );
    assert!(doc.timeline[1].event.ends_with("domain."), "{}", doc.timeline[1].event);
}

/// A table of windows whose ends are approximate (`May 8 ~22:00 → May 9 ~01:00 EDT`): each row
/// at its start, its end kept, not the whole cell kept as typed.
#[test]
fn approximate_range_ends_with_an_arrow() {
    let src = "# Sign-in outage\n\n## Timeline\n\n| Window | Impact |\n|---|---|\n| May 8, 2026 ~17:00 → ~22:00 EDT | Logins failing now and then |\n| May 8 ~22:00 → May 9 ~01:00 EDT | No one could sign in |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-08T21:00:00Z", "Logins failing now and then"),
            ("2026-05-09T02:00:00Z", "No one could sign in")
        ])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("22:00"));
    assert_eq!(kept(&doc, 1, "imported-until").as_deref(), Some("01:00"));
}

/// A file with a timeline heading and a second table of times under `## Recovery`: both tables'
/// rows are entries; a table of what is scheduled (`### Upcoming jobs`) stays a table.
#[test]
fn a_second_time_table_under_another_heading() {
    let src = "# Database outage\n\nOn 2024-03-05 the primary failed.\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 14:00 | Alert fired |\n| 14:10 | Failover started |\n\n## Recovery\n\n| Time (UTC) | Event |\n|---|---|\n| 15:00 | Replica rebuilt |\n| 15:30 | Traffic back |\n\n### Upcoming jobs\n\n| Time (UTC) | Job |\n|---|---|\n| 18:00 | Full backup |\n| 19:00 | Index rebuild |\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-05T14:00:00Z", "Alert fired"),
            ("2024-03-05T14:10:00Z", "Failover started"),
            ("2024-03-05T15:00:00Z", "Replica rebuilt"),
            ("2024-03-05T15:30:00Z", "Traffic back"),
        ])
    );
    assert!(report.contains("## Recovery"), "{report}");
    let text: String = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("| 18:00 | Full backup |"), "{text}");
}

/// A Korean ministry's account: the day in Korea's short form (`'22.10.15(토)`), then hours and
/// minutes told in words (`23시 45분에`, `10.19일 05시경`): entries in that year, on those days.
#[test]
fn korean_hours_in_prose_after_a_short_year() {
    let src = "# 데이터센터 화재\n\n□ '22.10.15(토) 15:19, 데이터센터 배터리실에서 화재가 발생하였다.\n\n○ 소방 당국은 23시 45분에 화재를 완전히 진화하였다.\n\n○ 데이터센터는 10.19일 05시경 전력공급을 정상화하였다.\n";
    let doc = import_utc(src);
    let rows = rows(&doc);
    assert!(rows.iter().any(|(t, e)| t == "2022-10-15T14:45:00Z" && e.contains("소방")), "{rows:?}");
    assert!(rows.iter().any(|(t, e)| t == "2022-10-18T20:00:00Z" && e.contains("데이터센터")), "{rows:?}");
}
