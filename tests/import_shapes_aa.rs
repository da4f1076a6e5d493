//! Importing the shapes held-out set AA of real postmortems showed (see tests/corpus/REAL.md):
//! student postmortems written without Markdown (labels alone on a line, entries on the lines
//! below with no blank line, the whole text indented), entries glued one after another after a
//! colon, `<h1>` headings with `•` bullets and `<br>`, zones in words, a yearless day told in a
//! sentence, a "Duration:" across midnight. From fixtures and snippets written in the same
//! shapes in our own words: every entry at the right instant, the title, and what the export
//! shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use blameless::import;

/// No heading anywhere: "Issue Summary", "Timeline", "Root Cause and Resolution" alone on their
/// lines, the entries on the lines below with no blank line between. The labels are the
/// sections, each line an entry on the day the summary gives; the first line is the title.
#[test]
fn a_postmortem_written_without_markdown_is_read_by_its_labels() {
    let doc = import_utc(&fixture("plain-text-label-lines.md"));
    assert_eq!(doc.title, "Postmortem: Search API Timeouts on March 4, 2025");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-04T09:10:00Z", "Error rate alert fired for th"),
            ("2025-03-04T09:14:00Z", "The on-call engineer acknowle"),
            ("2025-03-04T09:30:00Z", "The index cluster was found s"),
            ("2025-03-04T10:05:00Z", "Two extra index nodes were ad"),
            ("2025-03-04T10:40:00Z", "Error rate back to normal; in"),
        ])
        .into_iter()
        .map(|(t, e)| (t, e.chars().take(28).collect()))
        .collect::<Vec<_>>()
    );
    let md = blameless::export::to_markdown(&doc);
    let summary = &md[md.find("## Summary").unwrap()..md.find("## Timeline").unwrap()];
    assert!(!summary.contains("09:14 AM UTC"), "the timeline is not left in the summary: {summary}");
    assert!(md.contains("Review mapping changes before they ship."), "{md}");
}

/// The whole text pasted indented (a code block to Markdown): read as the text it is; each
/// entry's title line and the sentence below it are one entry.
#[test]
fn an_indented_paste_is_read_as_text() {
    let doc = import_utc(&fixture("indented-plain-paste.md"));
    assert_eq!(doc.title, "Postmortem: Queue Backlog on 2 June 2024");
    let got = rows(&doc);
    assert_eq!(
        got.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["2024-06-02T15:15:00Z", "2024-06-02T15:40:00Z", "2024-06-02T16:05:00Z"]
    );
    assert!(doc.timeline[1].event.contains("Consumers Restarted") && doc.timeline[1].event.contains("one by one"));
}

/// `2:00pm EAT: ... 2:04pm EAT: ...` in one paragraph, and `- 2:09pm EAT: ... - 2:12pm EAT:
/// ...` in one list item: one entry each, on the summary's day, in East Africa time.
#[test]
fn entries_glued_after_a_colon_are_read_one_by_one() {
    let doc = import_utc(&fixture("glued-colon-entries.md"));
    assert_eq!(doc.timezone, "Africa/Nairobi");
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        got,
        [
            "2023-09-09T11:00:00Z",
            "2023-09-09T11:04:00Z",
            "2023-09-09T11:07:00Z",
            "2023-09-09T11:09:00Z",
            "2023-09-09T11:12:00Z"
        ]
    );
    assert!(doc.timeline[2].event.starts_with("Amina opened the site config"), "{:?}", doc.timeline[2]);
}

/// `<h1>Timeline (West Africa Time)</h1><br>` over `•\t8:40 PM: ... <br>` lines, one written
/// `8: 50 PM`: a timeline in West Africa time, the title from the first `<h1>`, no `<br>` left
/// in the events. The file names no day: the times are kept as times of day.
#[test]
fn html_headings_and_dot_bullets_are_read() {
    let doc = import_utc(&fixture("html-headings-dot-bullets.md"));
    assert_eq!(doc.title, "Outage Report");
    assert_eq!(doc.timezone, "Africa/Lagos");
    let times = times_as_written(&doc);
    assert_eq!(times, ["8:40 PM", "8:43 PM", "8:47 PM", "8:50 PM"]);
    assert!(doc.timeline.iter().all(|e| !e.event.contains("<br")), "{:?}", doc.timeline);
    assert_eq!(doc.timeline[3].event, "The site answered again");
}

/// "Duration: Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST" over a
/// timeline of bare times running past midnight: the rows start on May 9, the last is on May
/// 10, and so is the resolved time (Pacific time in May: UTC−7).
#[test]
fn a_duration_across_midnight_places_the_run_and_the_resolved_time() {
    let src = "Checkout outage\nIssue Summary\nDuration: Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST\nTimeline\n17:30 PST: Alerts fired.\n20:00 PST: A fix was rolled out.\n01:00 PST: The incident was closed.\n";
    let doc = import_utc(src);
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2024-05-10T00:30:00Z", "2024-05-10T03:00:00Z", "2024-05-10T08:00:00Z"]);
    let zone = doc.zone();
    let resolved = doc.times.resolved.as_ref().and_then(|m| m.resolve(&zone)).unwrap();
    assert_eq!(resolved.to_rfc3339(), "2024-05-10T01:00:00-07:00");
    // "10:04 the next morning": no day between the two times, the end is the next day.
    let src = "# Bot logged out\n\n**Date:** 2026-10-03\n**Duration:** 19 h — logged out at 14:28 WIB, linked again at 10:04 the next morning\n";
    let doc = import_utc(src);
    let zone = doc.zone();
    let resolved = doc.times.resolved.as_ref().and_then(|m| m.resolve(&zone)).unwrap();
    assert_eq!(resolved.to_rfc3339(), "2026-10-04T10:04:00+07:00");
}

/// "Timeline (all times are Indian Standard Time)": India's zone, though "IST" alone names
/// several.
#[test]
fn a_zone_named_in_words_is_that_zone() {
    let src = "# Postmortem\n\n## Issue Summary\n\nOn June 3rd, 2024 from 10:00 AM to 11:30 AM IST the API failed.\n\n## Timeline (all times are Indian Standard Time)\n\n* 10:00 AM Deploy pushed\n* 11:30 AM Rolled back\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "Asia/Kolkata");
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2024-06-03T04:30:00Z", "2024-06-03T06:00:00Z"]);
}

/// "On the 3rd of march between the hours of 1:00pm and 2:30pm" in a file that names no year:
/// the timeline's bare times are on March 3 of the year it is imported in.
#[test]
fn a_yearless_day_told_in_a_sentence_is_the_day_of_the_bare_times() {
    let src = "# Payment errors\n\n## Issue Summary:\nOn the 3rd of march between the hours of 1:00pm and 2:30pm, payments failed.\n\n## Timeline (West Africa Time)\n* 1:00pm: Code pushed\n* 1: 55pm: Fix deployed\n";
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let doc =
        import::from_markdown_file_on(src, std::path::Path::new("README.md"), &template("default"), &options, today)
            .doc;
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2026-03-03T12:00:00Z", "2026-03-03T12:55:00Z"]);
    // With its weekday, the last year it fell on that day: March 1 was a Friday in 2024.
    let friday = "## Postmortem\n\nOn Friday, March 1 the site was down from 8:00AM - 8:45AM PST.\n\n### Timeline (PST)\n\n8:00AM - Alert\n\n8:45AM - Fixed\n";
    let doc =
        import::from_markdown_file_on(friday, std::path::Path::new("README.md"), &template("default"), &options, today)
            .doc;
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2024-03-01T16:00:00Z", "2024-03-01T16:45:00Z"]);
    // With a year anywhere in the file, a yearless day is left to the sentences that name it.
    let dated = src.replace("# Payment errors", "# Payment errors (2025 review)");
    let doc =
        import::from_markdown_file_on(&dated, std::path::Path::new("README.md"), &template("default"), &options, today)
            .doc;
    assert!(rows(&doc).iter().all(|(t, _)| !t.starts_with("2026")), "{:?}", rows(&doc));
}

/// `- 10:03 AM – 10:10 AM: ...` in a file that names no day: the row is at its start, the end
/// kept beside it in the document, as a dated range's is.
#[test]
fn a_range_in_a_file_with_no_day_keeps_its_start() {
    let src = "# Load balancer outage\n\n## Timeline (WAT)\n\n- 10:02 AM: Config pushed.\n- 10:03 AM – 10:10 AM: The team worked on the server.\n- 10:17 AM: Traffic back.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["10:02 AM", "10:03", "10:17 AM"]);
    let text = blameless::store::document_text(&doc).unwrap();
    assert!(text.contains("imported-until: \"10:10\""), "the range's end is kept: {text}");
}

/// `# Incident Summary` over `# Fault`, `# Impact` and `# Timeline (GMT+1)`: every heading at the
/// first level names a section, so the file has no title (not "Incident Summary").
#[test]
fn first_level_headings_that_are_all_sections_give_no_title() {
    let src = "# Incident Summary\nThe site failed.\n\n# Fault\nA typo.\n\n# Impact\nAll users.\n\n# Timeline (GMT+1)\n14:00 – Update pushed\n\n15:45 – Error reported\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Untitled incident");
    assert_eq!(doc.timeline.len(), 2);
}

/// Set AB (measured before this was read): `Timeline (East African Time)` alone on a line in a
/// file with `##` headings, over its entries indented as code (`    * 8:19 AM: ...`): the
/// timeline, not a code block whose times are then guessed from the prose.
#[test]
fn an_indented_list_under_a_plain_timeline_line_is_the_timeline() {
    let src = "# Login outage\n\n## Issue Summary\n\nOn May 3, 2024 logins failed for an hour.\n\nTimeline (East African Time)\n\n    * 8:19 AM: Config push begins\n    * 8:24 AM: Outage begins\n    * 9:30 AM: Traffic back online\n\n## Root Cause\n\nA bad config.\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "Africa/Nairobi");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-05-03T05:19:00Z", "Config push begins"),
            ("2024-05-03T05:24:00Z", "Outage begins"),
            ("2024-05-03T06:30:00Z", "Traffic back online"),
        ])
    );
}

/// A first line that says what it is may be long ("Postmortem Case: ... RESTful API Project",
/// seventeen words) or end with its qualifier in brackets ("... Outage (Invented Scenario)"); a
/// long sentence that does not is still no title.
#[test]
fn long_titles_that_say_what_they_are() {
    let title = |first: &str| {
        import_utc(&format!(
            "{first}\n\n**Issue Summary:**\nThe API was down.\n\n**Timeline (UTC):**\n- **09:00:** Alert\n"
        ))
        .title
    };
    let long = "Postmortem Case: Missing Semicolons and Stray Tabs Break the 0x05 Booking Service - REST API Project";
    assert_eq!(title(long), long);
    assert_eq!(
        title("Postmortem: Checkout Outage (Invented Scenario)"),
        "Postmortem: Checkout Outage (Invented Scenario)"
    );
    assert_eq!(
        title("We spent the whole afternoon of that long week chasing a very strange bug in the queue"),
        "Untitled incident"
    );
}

/// A post's byline near its top ("*By Ada Okafor - SE student*") and a handle alone on the last
/// line ("@adaokafor", as a student signs a README) name the author; "By Friday March 3, all was
/// back" names none.
#[test]
fn bylines_and_closing_handles_name_the_author() {
    let doc = import_utc(
        "## Disk full\n\n**Posted:** Friday, May 3, 2024\n\n*By Ada Okafor - SE student*\n\n## Timeline (UTC)\n- 09:00: Alert\n",
    );
    assert_eq!(doc.authors, ["Ada Okafor"]);
    let doc = import_utc("# Postmortem\n\n## Timeline (UTC)\n- 09:00: Alert\n\n@adaokafor\n");
    assert_eq!(doc.authors, ["@adaokafor"]);
    let doc = import_utc("# Postmortem\n\nBy Friday March 3, all was back.\n\n## Timeline (UTC)\n- 09:00: Alert\n");
    assert!(doc.authors.is_empty(), "{:?}", doc.authors);
}

/// Older sets' known kinds, mended in session 30 (informed by sets V and X): a day only in a
/// path the file cites (`snapshots/boot-20260914-proton/`) is its times' day; a time that ends a
/// sentence telling what was done then ("... deployed the fix at 09:34.") is an entry, one in a
/// sentence about a schedule ("normally runs at 03:00.") is not.
#[test]
fn a_day_in_a_cited_path_and_times_that_end_their_sentence() {
    let doc = import_utc(
        "# Game boot soft-lock\n\nEvidence: `snapshots/boot-20260914-proton/` (client log).\n\n## Timeline (CDT)\n\n- 22:37 Setup ran\n- 22:38 Client started\n",
    );
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2026-09-15T03:37:00Z", "2026-09-15T03:38:00Z"]);
    let doc = import_utc(
        "# API outage\n\nOn 26 May 2022 the payments API failed.\n\nWe started receiving alerts at 09:02 UTC. We reverted the change and manually deployed the fix at 09:34.\n\nThe export job normally runs at 03:00.\n",
    );
    let got: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, ["2022-05-26T09:02:00Z", "2022-05-26T09:34:00Z"]);
}
