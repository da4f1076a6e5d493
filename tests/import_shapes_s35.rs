//! Importing the shapes set AQ showed in session 35 (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A table's narrow date column writes day, month and year run together (`14Mar21
/// 09:05->09:40`): each row an entry at its start, a range that ends on another day kept as
/// written, the row's words its event.
#[test]
fn glued_date_cells_are_days() {
    let (doc, report) = import_with_report(&fixture("glued-date-cells.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2021-03-14T09:05:00Z", "The mail relay at the harbou"),
            ("2021-02-02T22:10:00Z", "Our upstream carrier lost a "),
            ("2020-11-19T13:15:00Z", "A short loss of connectivity"),
        ])
    );
    let until = |i: usize, key: &str| doc.timeline[i].extra.get(key).and_then(|v| v.as_str()).map(str::to_string);
    assert_eq!(until(0, "imported-until").as_deref(), Some("09:40"));
    assert_eq!(until(1, "imported-time").as_deref(), Some("02Feb21 22:10->03Feb21 06:30"));
    assert!(doc.timeline[1].event.contains("Update: 03Feb2021 06:30am"), "{:?}", doc.timeline[1]);
    assert!(report.contains("3 entries from the lines that start with a time"), "{report}");
}

/// A table copied without its pipes, a row a line under its header: the first cell (a machine,
/// a list of them) before the day and time the row starts; the row's start is the entry's
/// instant (the day first, as the rows' days show), the first cell stays with its event.
#[test]
fn rows_of_a_table_without_pipes_start_at_their_first_stamp() {
    let doc = import_utc(&fixture("pipeless-table-rows.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-05-04T08:10:00Z", "lantern — Disk filled up ove"),
            ("2019-05-12T22:40:00Z", "ferry, quay, docks.int — Pla"),
            ("2019-05-20T14:05:00Z", "owl.mail — Mail queue stuck "),
        ])
    );
    let kept = doc.timeline[1].extra.get("imported-time").and_then(|v| v.as_str()).unwrap();
    assert_eq!(kept, "12/5/2019 22:40 - 13/5/2019 01:15");
    assert!(doc.sections.iter().any(|s| s.text.contains("Machine Down Up Impact")));
}

/// Raw HTML paragraphs that open with an italic stamp (`<p><i>11 March, 10:40 CET:</i> ...`),
/// newest first: an entry each at its stamp (no year written, so kept as written when the day
/// it is imported on is not given), the text without the tags.
#[test]
fn html_paragraphs_with_italic_stamps() {
    let doc = import_utc(&fixture("html-italic-stamps.md"));
    let times = times_as_written(&doc);
    assert_eq!(times, ["11 March, 10:40 CET", "11 March, 10:15 CET", "11 March, 09:50 CET"]);
    assert!(doc.timeline[0].event.starts_with("The database is back and pages load again. Thank you"));
    assert!(!doc.timeline.iter().any(|e| e.event.contains("<p>") || e.event.starts_with('*')));
}

/// Japanese lines opened with `・`, one per server, each with its day and time: an entry each,
/// never one row for the whole run (a middle dot between two words does not split).
#[test]
fn bulleted_japanese_lines_are_an_entry_each() {
    let doc = import_utc(&fixture("bullet-lines-per-host.md"));
    let rows = rows(&doc);
    // (Written in Japanese with no zone: Tokyo's clock, 9 hours before UTC.)
    for (at, host) in [("T18:05", "「h01」"), ("T18:09", "「h02」"), ("T18:14", "「h03」")] {
        assert!(rows.iter().any(|(t, e)| t.contains(&format!("2025-02-09{at}")) && e.contains(host)), "{rows:?}");
    }
    assert!(!doc.timeline.iter().any(|e| e.event.contains("「h01」") && e.event.contains("「h02」")));
}

/// A post written on a Monday that tells of the weekend in French: "samedi vers 8h30" is the
/// Saturday before, "dimanche dans la soirée" a bulleted line of the Sunday with no time,
/// "ce matin" and "aujourd'hui à 11h" the day it was written; each bullet its own entry.
#[test]
fn french_weekday_words_and_today() {
    let doc = import_utc(&fixture("weekday-words-fr.md"));
    let times = times_as_written(&doc);
    assert_eq!(
        times,
        ["2031-05-10 08:30", "2031-05-10 12:00", "2031-05-11", "2031-05-12", "2031-05-12 11:00", "2031-05-12 15:00"]
    );
    assert!(doc.timeline[4].event.contains("aujourd'hui à 11h, bascule"), "{:?}", doc.timeline[4]);
    assert!(doc.timeline[5].event.contains("retour sur le serveur principal"), "{:?}", doc.timeline[5]);
}

/// German prose: a paragraph that opens with its day ("Am Dienstag, 4.6.2030 ...") is an entry of
/// that day; "Am Morgen des 5.6. um 8:12 Uhr", a day without its year, is the next day, and the
/// afternoon's time after it too.
#[test]
fn a_german_day_without_its_year() {
    let doc = import_utc(&fixture("german-day-without-year.md"));
    let times = times_as_written(&doc);
    // (German, and no zone stated: Berlin's, as the import reports.)
    assert_eq!(times, ["2030-06-04", "2030-06-05T08:12:00+02:00", "2030-06-05T15:30:00+02:00"]);
    assert!(doc.timeline[0].event.contains("meldete unsere Überwachung"));
}

/// The day of a timeline of am/pm times running past midnight comes from a sentence that
/// states a window on a day with its span, "on June 3, 2024 for a window of 3 hours (11:00 to
/// 2:00 AM)": the window opens at 11:00 PM that day and ends the next morning, so the rows
/// after midnight are on June 4 (Pacific, UTC−7).
#[test]
fn a_window_stated_on_its_day_runs_past_midnight() {
    let doc = import_utc(&fixture("window-past-midnight.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-06-04T06:00:00Z", "Maintenance begins"),
            ("2024-06-04T07:40:00Z", "Checkout errors begin"),
            ("2024-06-04T09:00:00Z", "Window ends, cluster still d"),
            ("2024-06-04T13:00:00Z", "Checkout back for every cust"),
        ])
    );
}

/// An event log newest first whose stamps stand on lines of their own over what happened: a
/// day alone (`9 October 2001`) right over its line of text is an entry of that day, among
/// notices with their times; a post's date over its paragraphs is not (see set AI's blog).
#[test]
fn day_lines_over_notices_are_day_entries() {
    let doc = import_utc(&fixture("day-lines-over-notices.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2001-10-09", "Server kestrel restarted to "),
            ("2001-10-07T18:20:00Z", "Server kestrel restarted. Do"),
            ("2001-10-05T06:45:00Z", "Mail delivery paused while t"),
            ("2001-10-02T12:00:00Z", "Both servers restarted after"),
        ])
    );
    let src = "Sunday, May 4, 2031\nThe mirror is back.\nThe write-up follows.\n\nWhat happened, roughly:\n\nSaturday 5:00pm UTC\nDisks filled up.\n\nSaturday 9:10pm UTC\nThe mirror stopped.\n\nSunday 9:30am UTC\nThe mirror is back.\n";
    let doc = import_utc(src);
    assert!(!doc.timeline.iter().any(|e| e.event.contains("The write-up follows")), "{:?}", doc.timeline);
}

/// A Japanese page's day and time alone on a line: over bullets, the first of them its text; at
/// the end of a paragraph, over the paragraph below, that paragraph its text.
#[test]
fn japanese_time_lines_over_what_happened() {
    let doc = import_utc(&fixture("japanese-time-lines-over-paragraphs.md"));
    let at = |t: &str, words: &str| doc.timeline.iter().any(|e| e.time.as_text() == t && e.event.contains(words));
    assert!(at("2030-07-08T09:10:00+09:00", "東京のルータ"), "{:?}", doc.timeline);
    assert!(at("2030-07-08T10:45:00+09:00", "設定を元に戻す"), "{:?}", doc.timeline);
}

/// Table time cells with words around them: a span from one part of a day to another
/// (`2031-03-03 evening / 2031-03-04 morning`, Portuguese `noite` / `manhã` as well) is its first
/// day; a time followed by a word for "from then on" (`09:40 onwards`, `16:02 이후`) is that
/// time; both cells kept as written beside the rows.
#[test]
fn cells_of_a_span_of_parts_of_days_and_from_then_on() {
    let doc = import_utc(&fixture("cells-from-then-on.md"));
    let times = times_as_written(&doc);
    assert_eq!(times, ["2031-03-03", "2031-03-04T09:12:00Z", "2031-03-04T09:40:00Z"]);
    let kept = |i: usize| doc.timeline[i].extra.get("imported-time").and_then(|v| v.as_str()).map(str::to_string);
    assert_eq!(kept(0).as_deref(), Some("2031-03-03 evening / 2031-03-04 morning"));
    assert_eq!(kept(2).as_deref(), Some("09:40 onwards"));
}

/// Bold stamps in a narrative, Pacific time: a day and month before the time with no weekday
/// (`**14 Mar, 11:48 PM:**`), set apart from the stamps below it by paragraphs and a list, is
/// the first entry; hour 00 on a 12-hour clock (`00:08 AM`, `00:27am`, a range
/// `00:35-00:50am`) is just after midnight.
#[test]
fn bold_day_stamps_and_hour_zero_am() {
    let (doc, report) = import_with_report(&fixture("bold-day-stamps-midnight-am.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-15T06:48:00Z", "the queue stops taking jobs "),
            ("2024-03-15T06:50:00Z", "the spooler restarts on its "),
            ("2024-03-15T06:52:00Z", "an alert for the mail relay "),
            ("2024-03-15T07:08:00Z", "the team looks at the networ"),
            ("2024-03-15T07:27:00Z", "the call is split in two. On"),
            ("2024-03-15T07:35:00Z", "the authors of the spooler j"),
            ("2024-03-15T08:03:00Z", "the lock file is removed. Jo"),
        ])
    );
    assert!(report.contains("7 entries from the lines that start with a time"), "{report}");
    // The narrative between the first stamp and the others stays text.
    assert!(doc.sections.iter().any(|s| s.text.contains("most of that hour went to the wrong layer")));
}
