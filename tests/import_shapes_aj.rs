//! Importing the shapes the misses of sets AE to AJ of real postmortems showed (see
//! tests/corpus/REAL.md): stamps alone on their lines over what happened then (a status log's
//! bracketed stamps over a headline and its paragraph, times over lists), a region's clock
//! named in a sentence, a timeline label of four words, a table right under a line of text,
//! `10:12a` and `13:20:xx`. From fixtures written in the same shapes in our own words: every
//! entry at the right instant, and nothing lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

fn md(doc: &blameless::doc::Document) -> String {
    blameless::export::to_markdown(doc)
}

/// A status log: each update's stamp in brackets on a line of its own, a headline under it and
/// its text in the paragraphs below; day lines between them. One entry per update, its text
/// whole; the days with no incident stay as written.
#[test]
fn bracketed_stamps_over_a_headline_and_its_paragraphs() {
    let doc = import_utc(&fixture("status-log-bracketed-day-stamps.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-04T18:40:12Z", "Search Review: slow search r"),
            ("2025-02-03T09:31:05Z", "Search Search latency has re"),
            ("2025-02-03T09:12:40Z", "Search Search high latency W"),
        ])
    );
    let review = &doc.timeline[0].event;
    assert!(review.contains("missing index") && review.contains("watch query times"), "{review}");
    assert!(md(&doc).contains("No incidents reported"));
}

/// Times alone on their lines (`10:14 PM (March 3)`), each over a list of what happened then, and
/// the zone said in a sentence ("last night Pacific time"): one entry per time, its items its
/// text, on the day written beside it or the one before; the heading after the last list stays.
#[test]
fn times_over_lists_in_the_zone_a_sentence_names() {
    let doc = import_utc(&fixture("times-over-lists-zone-in-words.md"));
    assert_eq!(doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-04T06:14:00Z", "A disk alert fired on the pr"),
            ("2025-03-04T14:30:00Z", "Writes began to fail.\n- Nobo"),
            ("2025-03-04T16:05:00Z", "The on-call engineer moved w"),
            ("2025-03-04T17:40:00Z", "The primary node was replace"),
        ])
    );
    assert!(doc.timeline[0].event.contains("kept serving reads"), "{}", doc.timeline[0].event);
    assert!(md(&doc).contains("Fill the gaps in the rota."));
}

/// Bare times under a sentence that names the region's clock in lower case ("05:20 mountain
/// time"): the times are on that clock (MDT in June).
#[test]
fn a_zone_in_words_after_a_time_in_a_sentence() {
    let doc = import_utc(&fixture("bare-times-zone-in-a-sentence.md"));
    assert_eq!(doc.timezone, "America/Denver");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-06-09T08:05:00Z", "Mains power fails, the UPS t"),
            ("2024-06-09T10:10:00Z", "UPS batteries low, servers s"),
            ("2024-06-09T11:20:00Z", "Mains power restored"),
            ("2024-06-09T11:34:00Z", "Last service back online"),
        ])
    );
}

/// A page copied as text: `Timeline of the Events:` names the timeline, a day line and
/// `- 1:05pm PT: ...` items under it are its entries.
#[test]
fn a_four_word_timeline_label_over_a_day_and_its_items() {
    let doc = import_utc(&fixture("timeline-of-the-events-label.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-10T20:05:00Z", "Logins began to fail."),
            ("2025-03-10T20:12:00Z", "Support received the first r"),
            ("2025-03-10T20:40:00Z", "A new certificate was instal"),
        ])
    );
}

/// A table right under a line of text and right over another (no blank line around it): the
/// table is the timeline, on the day the label line gives; the lines around it stay text.
#[test]
fn a_table_between_lines_of_text_is_a_table() {
    let doc = import_utc(&fixture("table-under-a-line-of-text.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-06T14:02:00Z", "A configuration change reach"),
            ("2025-05-06T14:09:00Z", "Customers reported failed ex"),
            ("2025-05-06T14:20:00Z", "The change was rolled back."),
            ("2025-05-06T14:31:00Z", "The last queued export finis"),
        ])
    );
    let text = md(&doc);
    assert!(text.contains("adding a check of the export settings"), "{text}");
}

/// `10:12a`, `1:05p` (am and pm by their first letter) and `13:20:xx` (the seconds not known,
/// the minute known) start entries at those times.
#[test]
fn short_meridiem_and_unknown_seconds() {
    let doc = import_utc(&fixture("headings-short-meridiem-and-unknown-seconds.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-04-08T10:12:00Z", "The mail queue stopped movin"),
            ("2025-04-08T10:40:00Z", "Staff were told in chat."),
            ("2025-04-08T13:05:00Z", "The queue was restarted."),
            ("2025-04-08T13:20:00Z", "The queue was empty again (t"),
        ])
    );
}

/// In a file with no timeline, a sentence that gives a month, a day and a time with its
/// seconds and zone ("at Feb 12 08:41:09 UTC") is an entry at that instant, the year from the
/// title.
#[test]
fn a_month_day_and_time_with_seconds_in_a_sentence() {
    let doc = import_utc(&fixture("sentence-month-day-time-seconds.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-12T08:41:09Z", "The mail server stopped acce"),
            ("2025-02-12T09:02:55Z", "The issue was resolved at Fe"),
        ])
    );
}

/// Status updates as paragraphs that open with their time (`14:10 CET ...`), the first one
/// followed by more paragraphs of its own before the next time: every timed paragraph is an
/// entry, and the paragraphs between stay text.
#[test]
fn timed_paragraphs_with_paragraphs_between_them() {
    let doc = import_utc(&fixture("timed-paragraphs-with-more-paragraphs.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-03T13:10:00Z", "Because a chiller failed, a "),
            ("2025-03-03T14:02:00Z", "The chiller was restarted an"),
            ("2025-03-03T14:40:00Z", "All nodes are back online."),
            ("2025-03-03T15:05:00Z", "We keep watching the tempera"),
        ])
    );
    assert!(md(&doc).contains("Affected nodes: f12, f17"));
}

/// `Evening (Sep 2) – ...`: a part of the day with its day in brackets is an entry of that day
/// (its time not known), between the entries around it.
#[test]
fn a_part_of_the_day_with_its_day_in_brackets() {
    let doc = import_utc(&fixture("part-of-day-with-its-day.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-09-02T16:00:00Z", "The storage array became slo"),
            ("2025-09-02", "Calls with the vendor and th"),
            ("2025-09-03T04:30:00Z", "Power to the array was resto"),
        ])
    );
}

/// A table copied from a page with its header underlined by dashes alone (`Time (Pacific) |
/// What happened` over `-----`), which Markdown reads as a heading and a paragraph: one entry
/// per row, on the title's date, on the clock the document names; a "table" of one row under
/// such a line stays as written, and no word is lost.
#[test]
fn a_table_whose_header_is_underlined_with_dashes_alone() {
    let doc = import_utc(&fixture("table-dashes-only-underline.md"));
    assert_eq!(doc.timezone, "America/Los_Angeles");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2016-04-11T21:10:00Z", "Monitoring reported elevated"),
            ("2016-04-11T21:25:00Z", "The on-call engineer started"),
            ("2016-04-11T22:02:00Z", "Error rates returned to norm"),
        ])
    );
    let out = md(&doc);
    assert!(out.contains("Underlined headers") && out.contains("when only one line"), "{out}");
}

/// Weekday stamps alone on their lines, the last ones with a note in brackets after the zone
/// (`Tuesday 1:15am MST (estimated)`): still a stamp over its text, one entry each, the note
/// kept, and the paragraph after the last entry stays text.
#[test]
fn a_stamp_with_a_note_after_its_zone_is_still_a_stamp() {
    let doc = import_utc(&fixture("weekday-stamps-with-a-note.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-03T23:00:00Z", "The sync workers slowed down"),
            ("2025-03-04T04:30:00Z", "Queues kept growing; the tea"),
            ("2025-03-04T08:15:00Z", "(estimated) We moved the wor"),
            ("2025-03-04T16:40:00Z", "(approximately) Service was "),
        ])
    );
    assert!(md(&doc).contains("the hardest part was the waiting"));
}
