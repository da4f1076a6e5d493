//! Importing the shapes set I of real postmortems showed (see tests/corpus/REAL.md), from
//! fixtures and snippets written in the same shapes in our own words: every entry at the
//! right instant, and the incident's times and metadata the file states.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use blameless::doc::Status;
use import_rows::*;

/// The times as written that entries keep beside the time they were read as.
fn kept_times(doc: &blameless::doc::Document) -> Vec<String> {
    doc.timeline.iter().filter_map(|e| e.extra.get("imported-time")).map(|v| format!("{v:?}")).collect()
}

/// An incident log: the timeline is a list nested in a list item under a bold label
/// (`- **Context**:`), its lines with or without a separator after the time, a dotted `09.40`,
/// one line bulleted with an en dash; the "Key events" label lines (one without its colon) are
/// the incident's times. No zone stated: the computer's (UTC here).
#[test]
fn a_timeline_nested_under_a_label_item_and_key_events() {
    let doc = import_utc(&fixture("incident-log-nested.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-11T09:05:00Z", "Queue depth alert fires for "),
            ("2025-03-11T09:20:00Z", "Workers found idle, holding "),
            ("2025-03-11T09:40:00Z", "Incident declared in the ope"),
            ("2025-03-11T10:05:00Z", "A stuck lock in the schedule"),
            ("2025-03-11T11:15:00Z", "Workers take jobs again, the"),
            ("2025-03-12T10:00:00Z", "The scheduler patch is relea"),
        ])
    );
    let zone = doc.zone();
    let at = |m: &Option<blameless::doc::Moment>| m.as_ref().and_then(|m| m.resolve(&zone)).map(|t| t.to_rfc3339());
    assert_eq!(at(&doc.times.detected).as_deref(), Some("2025-03-11T09:05:00+00:00"));
    assert_eq!(at(&doc.times.mitigated).as_deref(), Some("2025-03-11T11:15:00+00:00"));
    assert_eq!(at(&doc.times.resolved).as_deref(), Some("2025-03-12T10:00:00+00:00"));
    // What is not an entry stays, with its nesting: the label items and the review actions.
    let kept: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(kept.contains("- **Key events**\n  - First detected: 2025-03-11 09:05"), "{kept}");
    assert!(kept.contains("- **Context**:\n- **Review actions**:\n  - Alert on a lock held"), "{kept}");
}

/// A table whose first column is `Time (CEST)` under a heading that does not say timeline
/// ("Reconstruction"): the timeline; its day from the front matter's timestamp; a row that
/// gives no time ("Before 10:05") kept as written.
#[test]
fn a_time_table_under_any_heading() {
    let doc = import_utc(&fixture("reconstruction-table.md"));
    assert_eq!(doc.timezone, "Europe/Berlin");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("Before 10:05", "the manifest still lists eve"),
            ("2025-05-06T08:05:12Z", "the nightly job starts on th"),
            ("2025-05-06T08:05:40Z", "the job writes an empty mani"),
            ("2025-05-06T08:05:41Z", "the job pushes to main and e"),
            ("2025-05-06T08:09:00Z", "the edge picks up the empty "),
        ])
    );
    assert!(doc.sections.iter().all(|s| !s.text.contains("| 10:05:12 |")), "the table is not kept twice");
}

/// `Timeline (AEST): incident 09:10–09:55 · first look 10:20–11:00 · ...` on one line: an
/// entry per part, the range's start its time (AEST read with Sydney's rules: +11:00 in
/// February); and in a numbered timeline, "Same day — ..." and "Later that day — ..." are
/// entries of the day above, the words kept with them; a `Z` holds over the heading's JST.
#[test]
fn an_inline_timeline_and_entries_of_the_same_day() {
    let doc = import_utc(&fixture("inline-and-day-words.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-16T22:10:00Z", "incident"),
            ("2025-02-16T23:20:00Z", "first look"),
            ("2025-02-17T00:30:00Z", "cache probe"),
            ("2025-02-17T02:05:00Z", "the fix"),
            ("2025-02-17T23:12:30Z", "the mirror's build restores "),
            ("2025-02-18", "the published pages no longe"),
            ("2025-02-18T09:30:00Z", "a clean build is deployed by"),
            ("2025-02-18", "the build cache is switched "),
        ])
    );
    let words = kept_times(&doc);
    assert_eq!(words.len(), 2, "{words:?}");
    assert!(words[0].contains("Same day") && words[1].contains("Later that day"), "{words:?}");
}

/// Time cells as people write them: `~26 Feb` (a day, the year from the title), `between 08:00
/// and 11:30`, `09:12-09:40` after a date (a range, not the offset −09:40), `9:50–9:58 AM`,
/// two times in a cell, a range over midnight to the next day, `00:27:46–48`, a day range
/// `Mar 3–4`, `afternoon`; what a cell says beyond the time is kept with the entry. A
/// "Duration: (09:12 to 09:59 UTC)" line gives the start and end; label lines run together
/// with `·` are each read.
#[test]
fn ranges_and_words_in_time_cells() {
    let doc = import_utc(&fixture("range-cells.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-26", "the poller's interval drops "),
            ("2025-03-02T08:00:00Z", "the morning report goes out"),
            ("2025-03-02T08:00:00Z", "the free quota runs out"),
            ("2025-03-02T09:12:00Z", "requests fail with a quota e"),
            ("2025-03-02T09:50:00Z", "retries drain the queue"),
            ("2025-03-02T12:17:00Z", "two more quota errors"),
            ("2025-03-02T21:10:00Z", "the batch stays stopped over"),
            ("2025-03-03T00:27:46Z", "a test run writes to product"),
            ("2025-03-03", "the poller is rewritten"),
            ("2025-03-03", "the plan is upgraded"),
        ])
    );
    let typed = kept_times(&doc);
    for kept in ["between 08:00 and 11:30", "09:12-09:40", "12:17 PM, 1:52 PM", "2025-03-03 07:35"] {
        assert!(typed.iter().any(|t| t.contains(kept)), "{kept} not kept: {typed:?}");
    }
    let zone = doc.zone();
    let at = |m: &Option<blameless::doc::Moment>| m.as_ref().and_then(|m| m.resolve(&zone)).map(|t| t.to_rfc3339());
    assert_eq!(at(&doc.times.started).as_deref(), Some("2025-03-02T09:12:00+00:00"));
    assert_eq!(at(&doc.times.resolved).as_deref(), Some("2025-03-02T09:59:00+00:00"));
    assert_eq!(doc.authors, vec!["Ines Duarte".to_string()]);
    assert_eq!(doc.status, Status::Published);
    assert!(doc.severity.as_deref().is_some_and(|s| s.contains('2')), "{:?}", doc.severity);
}

/// `1:21–1:29 PM`: the am/pm written once after the range holds for its start too.
#[test]
fn a_range_with_its_am_pm_written_once() {
    let src = "# Chapters frozen\n\n## Timeline (UTC)\n\n| When | Event |\n|---|---|\n\
               | Jul 20 2025, 12:16 PM | the route lands |\n\
               | Jul 20 2025, 1:21–1:29 PM | six chapters are saved whole |\n\
               | Jul 20 2025, 11:40–1:10 PM | a long review |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-07-20T12:16:00Z", "the route lands"),
            ("2025-07-20T13:21:00Z", "six chapters are saved whole"),
            ("2025-07-20T11:40:00Z", "a long review"),
        ])
    );
}

/// A time with a range after it in a list line stays a time and its text: `14:02-15 users`
/// is not a range of seconds.
#[test]
fn a_number_after_a_time_is_text() {
    let src =
        "# Errors\n\n## Timeline (UTC)\n\n- 2025-01-05 14:02-15 users see errors\n- 2025-01-05 14:30 - errors stop\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2025-01-05T14:02:00Z", "15 users see errors"), ("2025-01-05T14:30:00Z", "errors stop")])
    );
}

/// A zone stated as an offset (`Timeline (UTC+8)`) or by its IANA name ("All times are
/// America/Chicago.", daylight time in July) is the zone of the times; a rule (`---`) after
/// the timeline is no part of it and leaves no section behind.
#[test]
fn zones_stated_as_an_offset_or_an_iana_name() {
    let offset = "# Gateway errors\n\n## Timeline (UTC+8)\n\n| Time | Event |\n|---|---|\n\
                  | 2025-07-04 16:20 | first failed request |\n| 2025-07-05 01:15 | cause found |\n\n---\n\n## Fix\n\nA row was added.\n";
    let doc = import_utc(offset);
    assert_eq!(
        rows(&doc),
        pairs(&[("2025-07-04T08:20:00Z", "first failed request"), ("2025-07-04T17:15:00Z", "cause found")])
    );
    assert!(doc.sections.iter().all(|s| s.text.trim() != "---"), "{:?}", doc.sections);
    let named = "# Cache stampede\n\nAll times are America/Chicago.\n\n## Timeline\n\n- 2025-07-10 10:00 first alert\n- 2025-07-10 10:40 cache warmed\n";
    let doc = import_utc(named);
    assert_eq!(doc.timezone, "America/Chicago");
    assert_eq!(rows(&doc), pairs(&[("2025-07-10T15:00:00Z", "first alert"), ("2025-07-10T15:40:00Z", "cache warmed")]));
}

/// From set J (measured after the set I mends, see REAL.md): `13:18:4x` (seconds not known)
/// gives the day; `12:58 / 13:00` is 12:58; `MYT` is Malaysia time (UTC+8).
#[test]
fn seconds_not_known_alternative_times_and_malaysia_time() {
    let src = "# Training run failed 2026-09-08\n\n## Timeline (UTC+8)\n\n| time | event |\n|---|---|\n\
               | 13:15:05 | supervisor started |\n| 13:18:4x | output folder created |\n\
               | 12:58 / 13:00 | first instructions sent |\n| 2026-09-08 21:45 MYT | task text posted |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-09-08T05:15:05Z", "supervisor started"),
            ("2026-09-08", "output folder created"),
            ("2026-09-08T04:58:00Z", "first instructions sent"),
            ("2026-09-08T13:45:00Z", "task text posted"),
        ])
    );
}

/// Images, quotes and code stay with the text they belong to, in the section they were in,
/// in their order; a reference-style image keeps its definition.
#[test]
fn images_quotes_and_code_stay_with_their_text() {
    let src = "# Disk filled\n\n## Summary\n\nThe log volume filled at night.\n\n\
               ## Root cause\n\nThe rotation job stopped, as the graph shows:\n\n![disk usage][graph]\n\n\
               > rotate: permission denied\n\n```\n$ df -h /var/log\n100%\n```\n\nNobody was paged.\n\n\
               [graph]: https://example.com/disk.png\n";
    let doc = import_utc(src);
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect::<Vec<_>>().join("\n");
    let order =
        ["as the graph shows", "![disk usage]", "> rotate: permission denied", "$ df -h /var/log", "Nobody was paged"];
    let at: Vec<usize> = order.iter().map(|w| text.find(w).unwrap_or_else(|| panic!("{w} lost: {text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {text}");
    assert!(text.contains("https://example.com/disk.png"), "{text}");
    let section = doc.sections.iter().find(|s| s.text.contains("![disk usage]")).unwrap();
    assert!(section.text.contains("Nobody was paged") && section.text.contains("permission denied"), "{:?}", section);
}
