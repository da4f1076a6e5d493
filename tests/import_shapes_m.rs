//! Importing the shapes set M of real postmortems showed (see tests/corpus/REAL.md), from
//! fixtures and snippets written in the same shapes in our own words: every entry at the
//! right instant, and what the file says about its times.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use blameless::import;
use import_rows::*;

/// A file imported on `today`, on a computer in UTC.
fn import_on(src: &str, today: &str) -> blameless::doc::Document {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = today.parse().unwrap();
    import::from_markdown_file_on(src, std::path::Path::new("notes.md"), &template("default"), &options, today).doc
}

/// A status page's updates run together in one paragraph, each one's time on the line below
/// its text and no year anywhere (status pages leave out this year's): an entry per update,
/// in the year the file is imported in, read in the zone its times carry (EDT in April).
#[test]
fn status_page_updates_run_together_without_a_year() {
    let doc = import_on(&fixture("status-page-run-together.md"), "2026-05-01");
    assert_eq!(doc.timezone, "America/New_York");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-04-02T20:40:00Z", "Resolved -\nThe tile servers "),
            ("2026-04-02T19:55:00Z", "Monitoring -\nUpdate: the cac"),
            ("2026-04-02T19:10:00Z", "Identified -\nUpdate: a cache"),
            ("2026-04-02T18:32:00Z", "Investigating -\nWe are seein"),
        ])
    );
    // Imported with no day to go by (as a library call without one), the times stay as typed.
    let kept = import_utc(&fixture("status-page-run-together.md"));
    assert_eq!(kept.timeline.len(), 4);
    assert_eq!(kept.timeline[0].time.as_text(), "Apr 2, 16:40 EDT");
}

/// A list of updates that each start with the status page's word for them, then the day and
/// time, the text on the line below: the status word is kept with the text ("monitoring" is
/// not a Monday).
#[test]
fn status_words_before_the_day_and_time() {
    let doc = import_utc(&fixture("status-word-list.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-10-03T06:05:00Z", "investigating Jobs are waiti"),
            ("2023-10-03T07:20:00Z", "identified A broker lost its"),
            ("2023-10-03T09:45:00Z", "monitoring The rebalance is "),
            ("2023-10-03T13:15:00Z", "resolved The backlog is empt"),
        ])
    );
}

/// Days named by the day of the week (`Thu 21:10`, `Thu→Fri 02:00`, `Sat ~01:15`): each the
/// day of that name nearest the day above it, starting from the file's first date; a row out
/// of order (`Sun` before `Sat`) is still the Sunday of that weekend.
#[test]
fn days_named_by_the_day_of_the_week() {
    let doc = import_utc(&fixture("weekday-table.md"));
    assert_eq!(doc.timezone, "Europe/Berlin");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-11-06T20:10:00Z", "Mains power flickers; the sw"),
            ("2025-11-07T01:00:00Z", "Nightly artefact sync succee"),
            ("2025-11-07T08:30:00Z", "First failed build reported "),
            ("2025-11-08T23:40:00Z", "Spare switch fitted; uplinks"),
            ("2025-11-08T00:15:00Z", "Everything builds again"),
        ])
    );
}

/// A French report: a "Chronologie" heading over a table whose time column is
/// "Horodatage (UTC+1)", hours written `~21h` and `21h40`, a row with a day alone.
#[test]
fn a_french_chronology_with_hours_in_h() {
    let src = fixture("chronologie-fr.md");
    let options = blameless::import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = blameless::import::from_markdown(&src, &template("default"), &options);
    let doc = imported.doc;
    assert_eq!(doc.timezone, "+01:00");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-02-26T20:00:00Z", "Une tâche de nettoyage vide "),
            ("2026-02-26T20:40:00Z", "Alerte de l'espace disque, a"),
            ("2026-02-26T23:15:00Z", "Restauration lancée depuis l"),
            ("2026-02-27", "Les sauvegardes reprennent"),
        ])
    );
    // The report quotes the header as written.
    assert!(imported.report.to_string().contains("says \"Horodatage (UTC+1)\""), "{}", imported.report);
}

/// A zone abbreviation the file glosses with its offset (`CST (UTC+8)`) is that offset, also
/// in the timeline's heading (China, not Chicago); a log in an indented block whose times have
/// fractions of a second (kept), a fraction not known (`.0x`, left out), a second time after a
/// slash, and a range of days then what happened on them.
#[test]
fn a_glossed_zone_and_fractions_of_seconds() {
    let doc = import_utc(&fixture("glossed-zone-log.md"));
    assert_eq!(doc.timezone, "+08:00");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-03", "weekend batch jobs, nothing "),
            ("2026-05-04T01:00:00Z", "render pool recreated (the w"),
            ("2026-05-04T02:01:55Z", "last frame request accepted "),
            ("2026-05-04T02:02:07Z", "load balancer logs resets fr"),
            ("2026-05-04T02:02:07Z", "/.419  workers 1 and 2 exit "),
            ("2026-05-04T02:05:30Z", "pool recreated by the schedu"),
        ])
    );
    let zone = doc.zone();
    let millis = |i: usize| doc.timeline[i].time.resolve(&zone).unwrap().timestamp_subsec_millis();
    assert_eq!((millis(2), millis(3), millis(4)), (200, 0, 412));
}

/// A time in brackets after its day (`2026-02-11 (~08:40)`) is that time; a part of the day in
/// brackets (`(evening)`) keeps the day, the words kept with the row.
#[test]
fn a_time_in_brackets_after_its_day() {
    let src = "# Advisory: signature check skipped\n\n### Timeline (MDT)\n\n| Date / Time | Event |\n|---|---|\n\
               | 2026-02-10 09:15 | Report received |\n| 2026-02-10 (evening) | Cause found in the verifier |\n\
               | 2026-02-11 (~08:40) | Patched release published |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-02-10T16:15:00Z", "Report received"),
            ("2026-02-10", "Cause found in the verifier"),
            ("2026-02-11T15:40:00Z", "Patched release published"),
        ])
    );
    let words = doc.timeline[1].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(words, Some("2026-02-10 (evening)"));
}

/// A page of an incident log (`# Incident Log`, its front matter the same) that holds one
/// incident: the incident's heading is the title, and the log's words stay in the report.
#[test]
fn a_log_page_with_one_incident_is_titled_by_it() {
    let options = blameless::import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = blameless::import::from_markdown(&fixture("incident-log-page.md"), &template("default"), &options);
    assert_eq!(imported.doc.title, "Incident on 2025-05-06 - Ingress certificates not renewed");
    assert!(imported.report.to_string().contains("# Incident Log"), "{}", imported.report);
    assert_eq!(rows(&imported.doc).len(), 3);
}

/// Front matter's `summary:` over a `## Summary` of the file's own: the section's text is the
/// summary, the front matter's line is kept with the front matter.
#[test]
fn a_front_matter_summary_beside_a_summary_section() {
    let src = "---\ntitle: Search down\nsummary: \"Agents could not search.\"\n---\n\n## Summary\n\
               The search index lost its replica after maintenance.\n";
    let doc = import_utc(src);
    let summary = doc.sections.iter().find(|s| s.id == "summary").unwrap();
    assert_eq!(summary.text, "The search index lost its replica after maintenance.\n");
    let kept = format!("{:?}", doc.extra);
    assert!(kept.contains("Agents could not search."), "{kept}");
    assert!(doc.sections.iter().all(|s| s.id != "imported-summary"));
}

/// A time plus minutes (`16:28+5m`) is that many minutes later; a time a digit short
/// (`07:7:47` between 07:46 and 07:57) is read the way that keeps the timeline in order.
#[test]
fn a_time_plus_minutes_and_a_time_a_digit_short() {
    let src = "# Rollout\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n\
               | 2024-03-05 07:46 | Store listing goes live |\n| 2024-03-05 07:7:47 | First report of a broken login |\n\
               | 2024-03-05 07:57 | Rollback started |\n";
    let got = rows(&import_utc(src));
    assert_eq!(got[1], ("2024-03-05T07:47:00Z".to_string(), "First report of a broken log".to_string()));
    let src = "# Node hang\n\nDate: 2024-03-05\n\n## Timeline (UTC)\n\n- **16:28** Nodes drained\n\
               - **16:28+5m** Pods evicted to the other nodes\n- **16:40** Nodes back\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2024-03-05T16:28:00Z", "Nodes drained"),
            ("2024-03-05T16:33:00Z", "Pods evicted to the other no"),
            ("2024-03-05T16:40:00Z", "Nodes back"),
        ])
    );
}
