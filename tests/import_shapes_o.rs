//! Importing the shapes set O of real postmortems showed (see tests/corpus/REAL.md), from
//! fixtures and snippets written in the same shapes in our own words: every entry at the
//! right instant, what a cell says beyond its time kept, and what the export shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use blameless::doc::Document;
use import_rows::*;

/// What the row at `i` keeps under `key` beside its time and event.
fn kept(doc: &Document, i: usize, key: &str) -> Option<String> {
    doc.timeline[i].extra.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// A write-up dated days after the incident: its header's date is the day it was written, but
/// the summary states one of the timeline's bare times with the incident's day ("at 09:12:05
/// CET on Monday 2025-03-10"), so every bare row is on that day. Time cells with words
/// around the time ("Through 08:02:44 CET (job 38 end)"), a bold time and a fraction of a
/// second are read; the words are kept. The "Detected:" label's time is read past its note,
/// and the note is kept beside it.
#[test]
fn bare_times_go_to_the_day_the_text_states_for_one_of_them() {
    let doc = import_utc(&fixture("anchored-bare-times.md"));
    assert_eq!(doc.timezone, "Europe/Berlin");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-10T05:55:10Z", "New scheduler worker starts;"),
            ("2025-03-10T07:02:44Z", "Jobs 31 to 38 run on the old"),
            ("2025-03-10T08:05:33Z", "Old worker drained; the new "),
            ("2025-03-10T08:10:07Z", "Job 40 starts on the new wor"),
            ("2025-03-10T08:12:05Z", "Job 41 writes the first empt"),
            ("2025-03-11", "Worker restarted during rout"),
        ])
    );
    assert_eq!(doc.timeline[3].time.as_text(), "2025-03-10T09:10:07.250+01:00");
    assert_eq!(kept(&doc, 1, "imported-time").as_deref(), Some("Through 08:02:44 CET (job 38 end)"));
    assert_eq!(kept(&doc, 5, "imported-time").as_deref(), Some("2025-03-11 morning"));
    let detected = doc.times.detected.as_ref().unwrap();
    assert_eq!(detected.as_text(), "2025-03-14T08:40:00+01:00");
    let note = doc.extra.get("imported_detected").and_then(|v| v.as_str()).unwrap();
    assert!(note.contains("weekly review of the export counts, four days later"), "{note}");
    let shown = exported_rows(&doc);
    assert!(shown[1].starts_with("| 2025-03-10 08:02:44 +01:00 | Jobs 31 to 38"), "{shown:?}");
}

/// The same without anything in the text to go by: the bare times stay on the first day the
/// file names (its header's), as before.
#[test]
fn without_a_stated_moment_bare_times_keep_the_first_day() {
    let src = fixture("anchored-bare-times.md").replace("at **09:12:05 CET** on Monday 2025-03-10", "in the morning");
    let doc = import_utc(&src);
    assert_eq!(rows(&doc)[0].0, "2025-03-14T05:55:10Z");
}

/// A log of lines in a code block: a background line weeks before, a span of days, then bare
/// times; the header states one of them with its day, so the bare run is on that day and the
/// earlier lines keep their own.
#[test]
fn a_span_of_days_does_not_hold_the_bare_times_below_it() {
    let src = "# Workers restarted by a stray signal\n\nDate/time: 2025-06-12, 10:15:30.4 UTC\n\n## Timeline (UTC)\n\n    May 30 09:00    supervisor upgraded on every worker\n    Jun 2-3         long-running workers started\n    10:01:00        deploy of the metrics agent\n    10:15:30.0x     four workers receive SIGTERM\n    10:16:02        supervisor restarts them\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-30T09:00:00Z", "supervisor upgraded on every"),
            ("2025-06-02", "long-running workers started"),
            ("2025-06-12T10:01:00Z", "deploy of the metrics agent"),
            ("2025-06-12T10:15:30Z", "four workers receive SIGTERM"),
            ("2025-06-12T10:16:02Z", "supervisor restarts them"),
        ])
    );
}

/// Time cells with words and markup: the night before the file's day, a bold time after its
/// month and day, a span of days (its first day), a day with a note. What the cell says
/// beyond its time is kept with the row.
#[test]
fn time_cells_with_words_and_markup() {
    let doc = import_utc(&fixture("cells-with-words.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-07-02T21:40:00Z", "Agent image rebuilt with the"),
            ("2025-07-02T23:00:00Z", "Nightly cache prune starts o"),
            ("2025-07-02", "Agents slow down one by one;"),
            ("2025-07-03T08:15:00Z", "First build times out."),
            ("2025-07-04", "Kernel pinned back; agents r"),
        ])
    );
    assert_eq!(kept(&doc, 0, "imported-time").as_deref(), Some("21:40 (prev. night)"));
    assert_eq!(kept(&doc, 2, "imported-time").as_deref(), Some("07-02 → 07-04"));
    assert_eq!(kept(&doc, 4, "imported-time").as_deref(), Some("Jul 4 (later)"));
    assert_eq!(kept(&doc, 3, "imported-time"), None);
    let shown = exported_rows(&doc);
    assert_eq!(
        shown[0],
        "| 2025-07-02 21:40 +00:00 | Agent image rebuilt with the new kernel; nothing restarted yet. |  |  |"
    );
    assert_eq!(shown[2], "| 2025-07-02 | Agents slow down one by one; the queue grows. |  |  |");
}

/// `| Time | Revision | Change | Result |`: the revision numbers are not the event; the change
/// is, and the revision and result are kept beside it.
#[test]
fn a_column_of_numbers_is_not_the_event() {
    let doc = import_utc(&fixture("revision-columns.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-06T07:02:00Z", "first deploy, heap 512 MiB"),
            ("2025-05-06T07:10:00Z", "writable volume on the data "),
            ("2025-05-06T07:21:00Z", "heap back to 1 GiB, warm-up "),
            ("2025-05-06T07:40:00Z", "rollback drill: deploy, then"),
        ])
    );
    assert_eq!(kept(&doc, 3, "imported-revision").as_deref(), Some("4, 5"));
    assert_eq!(kept(&doc, 0, "imported-result").as_deref(), Some("crash loop: the data directory is read-only"));
}

/// A page copied from a wiki: no heading (its first line is the title), the timeline as lines
/// that start with a `•` bullet and a time (`~14:30:`, `15:00-15:40:`); the other bullets
/// stay as text.
#[test]
fn a_copied_page_with_bullet_characters() {
    let doc = import_utc(&fixture("copied-page.md"));
    assert_eq!(doc.title, "2024-02-06 Wiki outage");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-02-06T14:02:00Z", "Database move started, wiki "),
            ("2024-02-06T14:30:00Z", "Copy finished; first start o"),
            ("2024-02-06T15:00:00Z", "Extension built and installe"),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(text.contains("the extension list was not part of the move checklist"), "{text}");
}

/// A mail that quotes the report it corrects: the quoted paragraphs open with "At TIME UTC
/// DATE" and "By TIME UTC DATE"; a mail's greeting is no title.
#[test]
fn a_quoted_mail_with_times_in_its_sentences() {
    let doc = import_utc(&fixture("mail-and-updates.md"));
    assert_eq!(doc.title, "Untitled incident");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-02-03T06:10:00Z", "the nightly mirror sync remo"),
            ("2024-02-03T07:45:00Z", "I had put the old index back"),
        ])
    );
}

/// A blog post's updates, `UPDATE 20 Nov 11:05 UTC - text`: an entry each, the year from the
/// post's date, the word and the text after the stamp its event.
#[test]
fn update_paragraphs_with_the_day_in_words() {
    let doc = import_utc(&fixture("update-paragraphs.md"));
    assert_eq!(doc.title, "Registry slow for uploads");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-11-20T11:05:00Z", "UPDATE: The storage backend "),
            ("2023-11-20T13:40:00Z", "UPDATE: Rebalancing is half "),
            ("2023-11-21T02:15:00Z", "UPDATE: Rebalancing finished"),
        ])
    );
}

/// Prose with no timeline: times "at approximately 10:05 UTC" inside sentences and at their
/// end, the day from the first sentence; a day told in passing ("announced ... on April 2,
/// 2024") is not the day of the sentences after it.
#[test]
fn times_told_approximately_in_sentences() {
    let doc = import_utc(&fixture("approximately-sentences.md"));
    assert_eq!(doc.title, "Ticket service interruption, May 3, 2024");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-05-03T08:20:00Z", "on Friday, May 3rd 2024, the"),
            ("2024-05-03T10:05:00Z", "Restoring the primary took l"),
            ("2024-05-03T11:10:00Z", "the standby took writes agai"),
            ("2024-05-03T12:30:00Z", "The queued tickets were all "),
        ])
    );
}

/// `- 2025-10-16/17 around every hour — text`: two days and no time, an entry of the first day,
/// its words kept.
#[test]
fn a_pair_of_days_and_words() {
    let src = "# Duplicate invoices\n\n## Timeline (JST)\n\n- 2025-10-10 01:03–01:10 — Two schedules created minutes apart.\n- 2025-10-16/17 around every hour — The generator inserted repeated invoices.\n- 2025-10-20 — Cleanup and a uniqueness guard shipped.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-10-09T16:03:00Z", "Two schedules created minute"),
            ("2025-10-16", "around every hour — The gene"),
            ("2025-10-20", "Cleanup and a uniqueness gua"),
        ])
    );
}

/// A "Detected:" label read past its note is the incident's time, not a row: the table below,
/// its days written without a year ("~11 Apr", "15 Apr 16:10", a span "15 Apr → 18 Apr"),
/// stays in the year the file names, not the next.
#[test]
fn a_labelled_time_does_not_move_the_year_of_the_rows() {
    let src = "# Incident — retry loop\n\n**Date range:** 15–19 April 2026\n**Detected:** 19 April 2026 ~07:00 AEST (by PK, reviewing receipts)\n\n## Timeline (AEST)\n\n| When | What |\n|---|---|\n| ~11 Apr | Conditions first present. |\n| 15 Apr 16:10 | First calls of the loop. |\n| 15 Apr → 18 Apr | The loop runs. |\n| 19 Apr ~07:00 | Receipts noticed. |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-04-11", "Conditions first present."),
            ("2026-04-15T06:10:00Z", "First calls of the loop."),
            ("2026-04-15", "The loop runs."),
            ("2026-04-18T21:00:00Z", "Receipts noticed."),
        ])
    );
    assert_eq!(doc.times.detected.as_ref().unwrap().as_text(), "2026-04-19T07:00:00+10:00");
}

/// Two `Update 2024-01-12 16:38 UTC: text` paragraphs (newest first), each with its full day:
/// an entry each.
#[test]
fn two_dated_update_paragraphs() {
    let src = "January 12, 2024\n\nStatement on the ongoing outage\n\nUpdate 2024-01-12 16:38 UTC: the tracker is coming online read-only.\n\nUpdate 2024-01-12 16:13 UTC: we are bringing the first services back.\n\nWe are sorry for the outage.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-01-12T16:38:00Z", "Update: the tracker is comin"),
            ("2024-01-12T16:13:00Z", "Update: we are bringing the "),
        ])
    );
}

/// A blog post copied as text: its byline first ("May 2, 2024 by Ana Ruiz"), its title on the
/// line below; the byline names the author and is not the title.
#[test]
fn a_byline_then_the_title() {
    let src = "May 2, 2024 by Ana Ruiz\n\nRegistry outage review\n\nThe registry was read-only for an hour.\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Registry outage review");
    assert_eq!(doc.authors, vec!["Ana Ruiz".to_string()]);
}
