//! Importing the shapes set Q of real postmortems showed (see tests/corpus/REAL.md), and the
//! misses set P left, from fixtures and snippets written in the same shapes in our own words:
//! every entry at the right instant, and what the export shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use blameless::{export, import};
use import_rows::*;

/// A docs site's page: its front matter's `date:` is the day it was published, three days
/// after the incident its title names. The bare "09:12 CET" rows are on the title's day.
#[test]
fn a_title_that_names_the_day_wins_over_the_publication_date() {
    let doc = import_utc(&fixture("published-days-later.md"));
    assert_eq!(doc.timezone, "Europe/Berlin");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-02-10T08:12:00Z", "Firmware update starts on th"),
            ("2026-02-10T08:19:00Z", "Write latency alert for the "),
            ("2026-02-10T08:31:00Z", "Update paused; controllers r"),
            ("2026-02-10T09:05:00Z", "Write latency back to normal"),
        ])
    );
    assert!(exported_rows(&doc)[0].starts_with("| 2026-02-10 09:12 +01:00 |"), "{:?}", exported_rows(&doc));
}

/// Without the title's day, the day the text sets the scene with ("On Tuesday, February 10th,
/// 2026 writes ... stalled") is the day of the bare times; without that either, the front
/// matter's date is.
#[test]
fn without_a_day_in_the_title_the_front_matter_date_stays() {
    let src = fixture("published-days-later.md").replace("title: '2026-02-10'", "title: 'Stalled writes'");
    let doc = import_utc(&src);
    assert_eq!(rows(&doc)[0].0, "2026-02-10T08:12:00Z");
    let doc = import_utc(&src.replace("On Tuesday, February 10th, 2026 writes", "Writes"));
    assert_eq!(rows(&doc)[0].0, "2026-02-13T08:12:00Z");
}

/// A file that names no zone in words but writes its incident times with an offset in the
/// front matter: the offset is the zone of its bare times, and their day is that time's day.
/// "between 07:30 and 07:40" starts at 07:30; "before 07:15" is not a time the row can have.
#[test]
fn an_offset_in_the_metadata_is_the_zone_of_the_bare_times() {
    let doc = import_utc(&fixture("offset-in-front-matter.md"));
    assert_eq!(doc.timezone, "-05:00");
    let got = rows(&doc);
    assert!(got.contains(&("2026-10-02T11:50:00Z".into(), "the export job starts on sch".into())), "{got:?}");
    assert!(got.contains(&("2026-10-02T12:15:00Z".into(), "the size check on the bucket".into())), "{got:?}");
    assert!(got.contains(&("2026-10-02T13:02:00Z".into(), "the export run by hand compl".into())), "{got:?}");
    let note = doc.extra.get("imported_timezone").and_then(|v| v.as_str()).unwrap();
    assert!(note.contains("offset the metadata writes"), "{note}");
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("the replica finishes catching up"), "{yaml}");
}

/// Seconds written with a decimal comma (`08:12:03,4`), as German and French logs do: the
/// tenths are kept, and the export shows the time without the comma left in the event.
#[test]
fn a_decimal_comma_before_the_tenths_of_a_second() {
    let src = "# Lauf 9\n\n**Datum:** 05.11.2026\n\n## Zeitlicher Ablauf\n\n| Zeit (UTC) | Ereignis |\n|---|---|\n| 08:12:00 | Auftrag angelegt |\n| 08:12:03,4 | Webhook gesendet |\n| 08:12:19,0 | Bewertung fertig |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-11-05T08:12:00Z", "Auftrag angelegt"),
            ("2026-11-05T08:12:03Z", "Webhook gesendet"),
            ("2026-11-05T08:12:19Z", "Bewertung fertig"),
        ])
    );
    assert_eq!(doc.timeline[1].time.as_text(), "2026-11-05T08:12:03.400Z");
}

/// A status page copied with its line breaks lost: the updates run together on one line
/// (`...restarted09:14 - ...`). Each is an entry of its own, every word kept; the sentence
/// above them that states the first moment with its day is a row too.
#[test]
fn a_timeline_glued_onto_one_line_is_split_into_entries() {
    let src = "On March 9th 2026 08:58 UTC the queue stopped accepting jobs for a few minutes.\nNo jobs were lost.\n08:58 - Queue stops accepting jobs09:02 - Alert on the queue depth fires09:06 - Broker restarted09:14 - Queue drained, incident closedWas it caught early?\nYes\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-09T08:58:00Z", "On March 9th 2026 08:58 UTC "),
            ("2026-03-09T08:58:00Z", "Queue stops accepting jobs"),
            ("2026-03-09T09:02:00Z", "Alert on the queue depth fir"),
            ("2026-03-09T09:06:00Z", "Broker restarted"),
            ("2026-03-09T09:14:00Z", "Queue drained, incident clos"),
        ])
    );
    let yaml = blameless::store::yaml::to_string(&doc).unwrap();
    assert!(yaml.contains("Was it caught early?"), "{yaml}");
}

/// A bold label with no colon (`**Detected** 14 Mar 10:02 CET`) is read when it names
/// metadata, and its day is the day of the bare times of a file that names no other; a bold
/// section name (`**Impact** ...`) stays prose.
#[test]
fn a_bold_label_without_a_colon_gives_the_day_of_bare_times() {
    let src = "## Incident: checkout errors after a config push\n\n**Detected** 14 Mar 10:02 CET by the error-rate alert.\n**Impact** about one checkout in ten failed for twenty minutes.\n\n## Timeline (CET)\n\n| Time | What |\n|---|---|\n| 09:48 | Config push to the payment gateway |\n| 10:02 | Error-rate alert fires |\n| 10:09 | Config rolled back |\n";
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let path = std::path::Path::new("checkout.md");
    let doc = import::from_markdown_file_on(src, path, &template("default"), &options, today).doc;
    assert_eq!(doc.times.detected.as_ref().unwrap().as_text(), "2026-03-14T10:02:00+01:00");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-14T08:48:00Z", "Config push to the payment g"),
            ("2026-03-14T09:02:00Z", "Error-rate alert fires"),
            ("2026-03-14T09:09:00Z", "Config rolled back"),
        ])
    );
    let md = export::to_markdown(&doc);
    assert!(md.contains("about one checkout in ten failed"), "{md}");
    assert!(!doc.extra.get("imported_detected").and_then(|v| v.as_str()).unwrap_or_default().contains("checkout"));
}
