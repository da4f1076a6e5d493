//! Importing the shapes held-out set AD of real postmortems showed (see tests/corpus/REAL.md):
//! a timeline of month-and-day rows under a `Date:` that gives only the month and year; a
//! documentation site's admonition whose text, indented four spaces, holds the timeline; an
//! image tag alone on its line right above the timeline's list; status pages' updates
//! (`**Update 22:40:**` paragraphs, updates run together with `<br><br>`, `<p><strong>UPDATE
//! 11:05:</strong>` lines) under a front matter's `date:`. From fixtures and snippets written in
//! the same shapes in our own words: every entry at the right instant, and what the export shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use blameless::import;

fn instants(doc: &blameless::doc::Document) -> Vec<String> {
    rows(doc).into_iter().map(|(t, _)| t).collect()
}

/// `**Date:** March 2025` and rows `Mar 4, 09:10`: the rows are in 2025, not in the year the
/// file is imported in; a row with a day only keeps its day.
#[test]
fn a_month_and_year_gives_the_year_of_month_day_rows() {
    let doc = import_utc(&fixture("month-year-date-table.md"));
    assert_eq!(
        instants(&doc),
        ["2025-03-04T09:10:00Z", "2025-03-04T09:12:00Z", "2025-03-06T14:02:00Z", "2025-03-06T14:09:00Z", "2025-03-07"]
    );
    assert!(exported_rows(&doc).iter().any(|r| r.contains("Scanner flags the bucket")));
}

/// `!!! warning "[RESOLVED] May 6, 2025 - ..."` over text indented four spaces: the text is
/// Markdown, its timeline read on the admonition's day, CET on a May day being Central
/// European summer time. A block indented as code outside an admonition stays code.
#[test]
fn an_admonitions_indented_timeline_is_read() {
    let doc = import_utc(&fixture("admonition-timeline.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-06T07:05:00Z", "Cache hit rate drops to zero"),
            ("2025-05-06T07:20:00Z", "Storage node found offline"),
            ("2025-05-06T08:15:00Z", "Replacement node serving"),
            ("2025-05-06T08:40:00Z", "Hit rate back to normal"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("a second node in another rack"), "{md}");
    assert!(md.contains("- 9:05 AM - not an entry"), "the code example stays as written: {md}");
}

/// `<img ...>` alone on the line under the timeline's heading, the list right below it: the
/// list is the timeline (PST in January, −08:00), and the image is kept.
#[test]
fn an_image_alone_over_the_list_does_not_hide_it() {
    let doc = import_utc(&fixture("lone-image-over-list.md"));
    assert_eq!(
        instants(&doc),
        ["2024-01-10T17:00:00Z", "2024-01-10T17:12:00Z", "2024-01-10T17:40:00Z", "2024-01-10T18:10:00Z"]
    );
    assert!(doc.timeline[2].event.starts_with("The expired signing token is found"));
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("clock.gif"), "{md}");
}

/// A status page's `date:` written with its offset, then `**Update 22:40:**` paragraphs: each
/// update an entry in that offset, the one after midnight on the next day.
#[test]
fn update_paragraphs_under_a_front_matter_date_are_entries() {
    let doc = import_utc(&fixture("status-update-paragraphs.md"));
    assert_eq!(instants(&doc), ["2021-11-03T21:40:00Z", "2021-11-03T23:15:00Z"]);
    assert!(doc.timeline[0].event.contains("disk was full"), "{:?}", doc.timeline[0].event);
    assert_eq!(doc.timezone, "+01:00");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("Outgoing mail is queueing"), "{md}");
}

/// Updates run together in one paragraph with `<br /><br />`: one entry each.
#[test]
fn updates_joined_with_breaks_are_entries() {
    let doc = import_utc(&fixture("status-updates-joined.md"));
    assert_eq!(instants(&doc), ["2022-02-14T09:05:00Z", "2022-02-14T09:50:00Z", "2022-02-14T10:30:00Z"]);
    assert!(doc.timeline[1].event.contains("rebuild is done"));
}

/// `<p><strong>UPDATE&nbsp;11:05:</strong>&nbsp;...</p>` lines in a file that gives its day
/// only in its name: the updates are entries on that day.
#[test]
fn html_update_lines_are_entries_on_the_day_of_the_files_name() {
    let name = "html-update-lines-2019-06-02.md";
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let path = std::path::Path::new("tests/fixtures/import").join(name);
    let doc = import::from_markdown_file(&fixture(name), &path, &template("default"), &options).doc;
    assert_eq!(instants(&doc), ["2019-06-02T11:05:00Z", "2019-06-02T11:50:00Z"]);
    assert!(doc.timeline[0].event.contains("one power feed was switched off"));
}

/// A blog post's `date:` stamp, a week after the day its text opens with: the timeline's bare
/// times are on the text's day. One update paragraph alone, under the post's day, is an entry
/// at its stamp (since session 43: a news post's single `UPDATE 11.15 pm GMT:`).
#[test]
fn a_publishing_stamp_is_not_the_incidents_day() {
    let src = "---\ntitle: 'Incident review: queue outage'\ndate: '2023-05-19T10:00:00'\n---\n\nOn 2023-05-12, the queue stopped.\n\n## Timeline (UTC)\n\n- 14:02 - Consumers stall\n- 14:30 - Queue restarted\n";
    let doc = import_utc(src);
    assert_eq!(instants(&doc), ["2023-05-12T14:02:00Z", "2023-05-12T14:30:00Z"]);
    let one = "---\ntitle: T\ndate: 2021-11-03T22:10:00+00:00\n---\n\nSlow mail.\n\n**Update 22:40:** draining.\n";
    assert_eq!(rows(&import_utc(one)), pairs(&[("2021-11-03T22:40:00Z", "Update: draining.")]));
}
