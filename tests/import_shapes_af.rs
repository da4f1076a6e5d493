//! Importing the shapes tuning set AF of real postmortems showed (see tests/corpus/REAL.md): a
//! service's notice log, each notice under a line that is only its day and time; status pages
//! kept with cState, each update stamped with a `{{< track "..." >}}` shortcode; spans told in
//! sentences ("from 09:05 UTC – 09:50 UTC") on a day a sentence opens with, without its year;
//! a wiki table whose cells run over several lines; "CT" for Central time. From fixtures written
//! in the same shapes in our own words: every entry at the right instant, and what the export
//! shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use blameless::import;

fn instants(doc: &blameless::doc::Document) -> Vec<String> {
    rows(doc).into_iter().map(|(t, _)| t).collect()
}

/// A file imported on `today` (a day without a year is in `today`'s year when the file names
/// none), on a computer in UTC.
fn import_on(src: &str, today: &str) -> blameless::doc::Document {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    import::from_markdown_file_on(src, std::path::Path::new("log.md"), &template("default"), &options, today).doc
}

/// `Wed 05 Mar 2025 06:30:00 PM UTC` alone on its line, the notice's lines below it: one entry
/// per notice, at its stamp, holding every line of the notice.
#[test]
fn notices_under_their_stamps_are_entries() {
    let doc = import_utc(&fixture("notice-log-stamps.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-05T18:30:00Z", "The package mirror is back i"),
            ("2025-03-05T14:12:45Z", "Uploads are paused while the"),
            ("2025-03-04T23:58:10Z", "The mirror stopped accepting"),
        ])
    );
    assert!(doc.timeline[1].event.contains("Downloads keep working."), "{:?}", doc.timeline[1].event);
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("Thank you for bearing with us."), "{md}");
}

/// A cState page: each paragraph closed by `{{< track "2025-06-02 10:30:00" >}}` is an update at
/// that stamp, its text without the shortcode.
#[test]
fn cstate_track_shortcodes_stamp_updates() {
    let doc = import_utc(&fixture("cstate-track-updates.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-06-02T12:05:00Z", "**Resolved**: The backlog is"),
            ("2025-06-02T10:30:00Z", "The worker pool was doubled;"),
            ("2025-06-02T09:40:00Z", "Webhook deliveries are runni"),
        ])
    );
    assert!(!doc.timeline.iter().any(|e| e.event.contains("track")), "{:?}", doc.timeline);
}

/// "Jobs were rejected from 09:05 UTC – 09:50 UTC." after "On Monday, 14th April, ...": the
/// span's start on the day the sentence before opens with, in the year the page is dated; a
/// span "from Sunday 13-Apr-2025 22:10 UTC – ..." and "starting from 14-Apr-2025 05:15 UTC" on
/// the days they write.
#[test]
fn spans_told_in_sentences_start_entries() {
    let doc = import_utc(&fixture("prose-ranges-yearless-day.md"));
    let mut got = instants(&doc);
    got.sort();
    assert_eq!(got, ["2025-04-13T22:10:00Z", "2025-04-14T05:15:00Z", "2025-04-14T09:05:00Z"]);
    assert!(doc.timeline.iter().any(|e| e.event.contains("Jobs were rejected")), "{:?}", doc.timeline);
}

/// A "between 14:02 and 14:40" span in a sentence of a file with no timeline: an entry at 14:02.
#[test]
fn a_span_between_two_times_starts_an_entry() {
    let src = "# Login errors\n\nOn 2025-02-11 logins failed between 14:02 and 14:40 UTC for about a third of users.\n\nThe cache was flushed to recover.\n";
    let doc = import_utc(src);
    assert_eq!(instants(&doc), ["2025-02-11T14:02:00Z"]);
}

/// A table copied from a wiki whose cells run over several lines (a list in a cell, a lone `|`
/// closing each row), under `Incident timeline:`: each row an entry at its day and time (`14/10
/// 3.40 pm`, day first as `13/10` shows, in the year the file is imported in), the cell's other
/// lines kept with it.
#[test]
fn a_wiki_table_with_cells_over_lines_is_the_timeline() {
    let doc = import_on(&fixture("wiki-table-cells-over-lines.md"), "2025-11-20");
    let mut got = instants(&doc);
    got.sort();
    assert_eq!(got, ["2025-10-13T22:30:00Z", "2025-10-14T11:00:00Z", "2025-10-14T14:05:00Z", "2025-10-14T15:40:00Z"]);
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("Night shift switches to paper lists"), "{md}");
}

/// "On March 3rd at 7:00 AM CT" in a page "Last Updated: May 2, 2024": Central time (standard
/// time on that day, −06:00), in the year the page states.
#[test]
fn ct_is_central_time_and_the_pages_year_holds() {
    let doc = import_utc(&fixture("central-time-yearless-day.md"));
    assert_eq!(instants(&doc), ["2024-03-03T13:00:00Z"]);
}

/// Labels before their times in a timeline (`Down: 15:21 UTC`, `Up: 15:38 UTC (after ...)`,
/// `Alert: 15:24 / Acknowledged: 15:26`): an entry each, on the day above, the label its event
/// and what follows the time kept with it.
#[test]
fn labels_before_their_times_are_entries() {
    let doc = import_utc(&fixture("label-first-lines.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-09-14T15:21:00Z", "Down"),
            ("2025-09-14T15:38:00Z", "Up (after the cache node res"),
            ("2025-09-14T15:24:00Z", "Alert"),
            ("2025-09-14T15:26:00Z", "Acknowledged"),
            ("2025-09-14T15:40:00Z", "Status page marked resolved."),
        ])
    );
}

/// A `Date` column of month and day (`Jun 3`) beside the time: the rows in the year the title
/// gives ("June 2025"), the one after midnight on its own day.
#[test]
fn month_day_cells_take_the_documents_year() {
    let doc = import_utc(&fixture("month-day-cells.md"));
    assert_eq!(instants(&doc), ["2025-06-03T22:58:00Z", "2025-06-03T23:20:00Z", "2025-06-04T00:05:00Z"]);
}

/// A day, a colon, then a span (`March 4, 2025: 8:15am - 11:40am (3 hours and 25 minutes)`),
/// under a line that introduces them: an entry at the span's start, its end kept.
#[test]
fn a_day_then_its_span_after_a_colon_is_an_entry() {
    let src = "# Mail relay outages\n\nAll times in EST.\n\nThe relay was down twice:\nMarch 4, 2025: 8:15am - 11:40am (3 hours and 25 minutes)\nMarch 6, 2025: 3:47am - 4:10am (23 minutes)\n";
    let doc = import_utc(src);
    assert_eq!(instants(&doc), ["2025-03-04T13:15:00Z", "2025-03-06T08:47:00Z"]);
    assert!(doc.timeline[0].event.contains("3 hours and 25 minutes"), "{:?}", doc.timeline[0].event);
}

/// A cState page whose first paragraph has no `track` stamp: that paragraph is the issue as
/// posted, at the front matter's `date`; the stamped updates at theirs.
#[test]
fn a_cstate_pages_unstamped_paragraph_is_at_its_date() {
    let doc = import_utc(&fixture("cstate-first-post.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-01-20T08:05:00Z", "New documents do not show up"),
            ("2025-01-20T08:40:00Z", "**Update**: The indexer is r"),
            ("2025-01-20T09:15:00Z", "**Resolved**: Search is curr"),
        ])
    );
}

/// Weekday lines without a year under a report that names its first day (`Tuesday 14:00` after
/// "Started: 2025-03-04"): each on the day of that name nearest the day above.
#[test]
fn weekday_lines_take_the_nearest_day_of_that_name() {
    let src = "# Queue backlog, March 2025\n\nStarted: 2025-03-04 13:50 UTC\n\n## Timeline (UTC)\n\n- Tuesday 14:00 Backlog alert fires.\n- Tuesday 17:30 Consumers doubled.\n- Wednesday 09:15 Backlog drained.\n";
    let doc = import_utc(src);
    assert_eq!(instants(&doc), ["2025-03-04T14:00:00Z", "2025-03-04T17:30:00Z", "2025-03-05T09:15:00Z"]);
}
