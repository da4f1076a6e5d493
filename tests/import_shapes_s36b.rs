//! Importing the shapes set AT showed in session 36b (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A cState page whose updates are bullets, each closed by `{{< track "2025-03-11 08:05:00" >}}`
/// (no zone written anywhere): an entry each at its stamp's wall clock, the shortcode gone from
/// the text; the paragraph below the list stays text.
#[test]
fn cstate_bullets_closed_by_track_stamps() {
    let (doc, report) = import_with_report(&fixture("cstate-track-bullets.md"));
    assert_eq!(times_as_written(&doc), ["2025-03-11 07:20", "2025-03-11 08:05", "2025-03-11 09:45"]);
    assert!(doc.timeline[1].event.starts_with("The scheduler lost its lease"), "{:?}", doc.timeline);
    assert!(!doc.timeline.iter().any(|e| e.event.contains("track")), "{:?}", doc.timeline);
    assert!(report.contains("3 entries"), "{report}");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("We will add an alert on the scheduler's lease."), "{md}");
}

/// A cState page whose updates open with their stamp, newest first (`{{< track "..." >}} - ...`,
/// or the stamp alone over "From the campus network team:" and a quote): an entry each, the
/// announced quote part of its update; the template's commented example stamp is no entry.
#[test]
fn cstate_updates_opening_with_track_stamps() {
    let (doc, _report) = import_with_report(&fixture("cstate-track-first.md"));
    let mut got = times_as_written(&doc);
    got.sort();
    assert_eq!(got, ["2025-05-20 14:10", "2025-05-20 18:40"]);
    let first = doc.timeline.iter().find(|e| e.time.as_text() == "2025-05-20 14:10").unwrap();
    assert!(first.event.starts_with("From the campus network team:"), "{:?}", first.event);
    assert!(first.event.contains("A fibre link between the two data rooms is down."), "{:?}", first.event);
    let last = doc.timeline.iter().find(|e| e.time.as_text() == "2025-05-20 18:40").unwrap();
    assert!(last.event.starts_with("The catalogue is reachable again."), "{:?}", last.event);
    assert!(!doc.timeline.iter().any(|e| e.event.contains("track")), "{:?}", doc.timeline);
}

/// One paragraph, no headings: a summary sentence that names the day ("on March 4, 2025"), two
/// lines of prose, then `08:02 UTC: ...` lines, then a follow-up line. The timed lines are an
/// entry each on that day; the prose around them stays text.
#[test]
fn utc_colon_lines_inside_a_paragraph_of_prose() {
    let (doc, report) = import_with_report(&fixture("utc-colon-lines-in-one-paragraph.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-04T08:02:00Z", "Upload errors start to climb"),
            ("2025-03-04T08:10:00Z", "The on-call engineer is page"),
            ("2025-03-04T08:31:00Z", "The expired certificate is f"),
            ("2025-03-04T08:50:00Z", "A renewed certificate is dep"),
        ])
    );
    assert!(report.contains("4 entries from the lines that start with a time"), "{report}");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("No uploaded image was lost"), "{md}");
    assert!(md.contains("We will alert on certificates thirty days before they expire."), "{md}");
}

/// The same updates under a heading of their own: the stamp's announced quote taken with it, the
/// paragraph after the quote kept as the section's text.
#[test]
fn cstate_update_with_its_quote_under_a_heading() {
    let src = "# Catalogue outage\n\n## Updates\n\n{{< track \"2025-05-20 14:10:00\" >}}\nFrom the campus network team:\n> A fibre link is down.\n\nThe catalogue's search is affected.\n\n{{< track \"2025-05-20 18:40:00\" >}} - The catalogue is reachable again.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2025-05-20 14:10", "2025-05-20 18:40"]);
    assert!(doc.timeline[0].event.contains("A fibre link is down."), "{:?}", doc.timeline);
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("The catalogue's search is affected."), "{md}");
}

/// A status page's two updates copied as they read, newest first: each update's paragraphs
/// closed by its `Posted Jun 14, 2024 - 11:05 BST` line (BST, London's summer time). An entry
/// each at its stamp, the older one's text all its paragraphs; the page's title line and the
/// "This incident affected" line stay text.
#[test]
fn two_status_updates_closed_by_posted_lines() {
    let (doc, report) = import_with_report(&fixture("statuspage-two-posted-updates.md"));
    assert_eq!(doc.timezone, "Europe/London");
    let mut got = rows(&doc);
    got.sort();
    assert_eq!(
        got,
        pairs(&[
            ("2024-06-14T10:05:00Z", "Since this morning, report e"),
            ("2024-06-14T15:20:00Z", "The export workers have caug"),
        ])
    );
    let older = doc.timeline.iter().find(|e| e.event.starts_with("Since this morning")).unwrap();
    assert!(older.event.contains("Thank you for your patience."), "{:?}", older.event);
    assert!(report.contains("2 entries"), "{report}");
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("This incident affected: Report exports."), "{md}");
}

/// An outage announcement's label lines `Start Date: Tuesday, 4th of June 2024, 9:30 AM (GMT)`
/// and `End Date: ...`: the incident's start and end, entries at those instants (GMT is UTC+0);
/// the sign-off's date is no entry.
#[test]
fn start_and_end_date_labels_of_an_announcement() {
    let (doc, report) = import_with_report(&fixture("announcement-start-end-date-labels.md"));
    assert_eq!(rows(&doc), pairs(&[("2024-06-04T09:30:00Z", "Start Date"), ("2024-06-04T11:05:00Z", "End Date")]));
    assert!(report.contains("started from `Start Date`, resolved from `End Date`"), "{report}");
}

/// A sentence's 24-hour clock with a "pm" after it (`at 13:40pm UTC`): read as 13:40, the pm
/// agreeing with it, an entry of its own between the sentences' other times.
#[test]
fn a_24_hour_clock_written_with_pm() {
    let doc = import_utc(&fixture("prose-24h-clock-with-pm.md"));
    let got: Vec<String> = rows(&doc).into_iter().map(|(at, _)| at).collect();
    assert_eq!(got, ["2025-03-12T09:10:00Z", "2025-03-12T13:40:00Z", "2025-03-12T14:05:00Z"]);
    assert!(doc.timeline[1].event.starts_with("We moved search traffic"), "{:?}", doc.timeline);
}

/// An Instatus-style page: each update's label (`Resolved`, `Updated`, `Created`) on a line of
/// its own, its stamp on the next (`Mar 03 at 11:40am EST`), its text below, newest first: an
/// entry each at its stamp, in the year the text names, its text the paragraphs below it.
#[test]
fn status_labels_over_their_stamps() {
    let doc = import_utc(&fixture("status-labels-over-stamps.md"));
    let mut got: Vec<(String, String)> = rows(&doc);
    got.sort();
    let at: Vec<&str> = got.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(at, ["2025-03-03T15:02:00Z", "2025-03-03T15:15:00Z", "2025-03-03T16:40:00Z"], "{got:?}");
    let resolved = doc.timeline.iter().find(|e| e.event.contains("worker pool ran out of memory")).unwrap();
    assert!(resolved.event.starts_with("Resolved"), "{:?}", resolved.event);
}
