//! Importing shapes met in session 51 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A record whose zone is stated in a sentence with the zone's name in bold ("Every timestamp
/// below is **Asia/Manila**"), and whose timeline is a code block of `MM-DD HH:MM:SS` lines with
/// no year, several moments on one line after middle dots. The block's `08-31` says the month
/// comes first (the prose's "2 September" does not decide how digits are ordered); each time
/// after a dot is an entry of its own; the report names the zone in the file's words.
#[test]
fn a_code_block_of_month_day_lines_in_a_zone_stated_in_bold() {
    let src = "# Lost chat events, 2-3 September 2026\n\nWritten from the logs. Every timestamp below is **Asia/Manila**.\n\n## Timeline\n\n```\n08-31 15:47:49  Endpoint created\n09-01 14:12:21  Workflow published\n09-02 16:15:02  drop · 16:19:00 drop · 16:39:20 drop\n09-02 17:43:23  Credential updated\n```\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-08-31T07:47:49Z", "Endpoint created"),
            ("2026-09-01T06:12:21Z", "Workflow published"),
            ("2026-09-02T08:15:02Z", "drop"),
            ("2026-09-02T08:19:00Z", "drop"),
            ("2026-09-02T08:39:20Z", "drop"),
            ("2026-09-02T09:43:23Z", "Credential updated"),
        ])
    );
    assert!(report.contains("Asia/Manila, because line 3 says \"timestamp below is Asia/Manila\""), "{report}");
}

/// A status page's updates with the day and a glued time (`Update July 13th at 833AMCST:`) and
/// no year anywhere: the year is the one in which "Thursday afternoon July 13th", named further
/// down, was a Thursday (2023), not the year of the import.
#[test]
fn a_weekday_with_a_part_of_the_day_before_its_date_gives_the_year() {
    let src = "Data centre back online\n\nUpdate July 13th at 833AMCST: One server is still coming back up.\n\nUpdate July 13th 1015AMCST: We are turning the service back on.\n\nWhat to expect\n\n1. We hope to be fully active again by Thursday afternoon July 13th.\n";
    let imported = import_named_on(src, "update.md", day(2026, 12, 7));
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2023-07-13T13:33:00Z", "Update: One server is still "),
            ("2023-07-13T15:15:00Z", "Update: We are turning the s"),
        ])
    );
}

/// A copied status page with no Markdown headings: "Detailed Incident Timeline" alone on a line
/// is the timeline, and each numbered step names its phase with the time on two clocks and the
/// day in brackets, an hour alone with its AM (`(5 AM PST / 1 PM GMT, Nov 16):`). Each step is
/// an entry at that moment in Pacific time; the other clock is the same moment; the bullets
/// below a phase are its event's, not notes beside the timeline.
#[test]
fn phases_with_two_clocks_and_the_day_in_brackets() {
    let src = "Checkout outage\nIncident Report for Shopco\n\nOutage Period: November 15, 2023\n\nRoot Cause Analysis\n\nA malformed date broke the router.\n\nDetailed Incident Timeline\n\n  1. Initial Discovery (5 AM PST / 1 PM GMT, Nov 16):\n* Orders stopped flowing.\n  1. Root Cause Identified (6:15 AM PST / 2:15 PM GMT, Nov 16):\n* The date format was found.\n\n**Mitigation (Nov 16, 14:45 PST):** traffic moved back\n";
    let doc = import_utc(src);
    let got = rows(&doc);
    assert_eq!(
        got,
        pairs(&[
            ("2023-11-16T13:00:00Z", "Initial Discovery:\n- Orders "),
            ("2023-11-16T14:15:00Z", "Root Cause Identified:\n- The"),
            ("2023-11-16T22:45:00Z", "Mitigation: traffic moved ba"),
        ])
    );
    assert_eq!(
        doc.sections.iter().find(|s| s.id == "timeline").map(|s| s.title.as_str()),
        Some("Detailed Incident Timeline")
    );
    assert_eq!(doc.timeline[0].event, "Initial Discovery:\n- Orders stopped flowing.");
    assert_eq!(doc.timeline[1].event, "Root Cause Identified:\n- The date format was found.");
    assert!(!doc.sections.iter().any(|s| s.title.contains("(notes)")), "{:?}", doc.sections);
}

/// A postmortem written in Russian: `## Временная шкала` is the timeline and its table's
/// `| Время | Событие |` columns are the time and the event, with "Время UTC." above it; rows
/// with only a time are on the day of the row above, and `~13:5x` is ten minutes' worth from
/// 13:50.
#[test]
fn a_russian_timeline_table() {
    let src = "# 0006 — Переполнение диска\n\n## Сводка\n\nCI не работал.\n\n## Временная шкала\n\nВремя UTC.\n\n| Время | Событие |\n|---|---|\n| 2026-10-03 09:29:45 | Создан раннер, образ не скачивается |\n| ~13:5x | Наблюдение: диск заполнен на 85% |\n| 14:10 | Пользователь перезагружает ноду |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-10-03T09:29:45Z", "Создан раннер, образ не скач"),
            ("2026-10-03T13:50:00Z", "Наблюдение: диск заполнен на"),
            ("2026-10-03T14:10:00Z", "Пользователь перезагружает н"),
        ])
    );
}

/// An incident log with one section a day (`## 2026-09-02 — ...`) and its times told in
/// sentences, some listed after another ("hung at 13:38 and 13:43", "restarted at 16:50, 17:02
/// and 21:02"): each time is an entry on its section's day, not on the day of the section
/// above or of the contents list, a listed time with the sentence as its event.
#[test]
fn times_listed_in_a_sentence_under_a_dated_heading() {
    let src = "# Incident log\n\n## Contents\n\n- [2026-07-19 — memory](#a)\n- [2026-09-02 — a stop](#b)\n\n## 2026-07-19 — the kernel killed the server\n\nThe kernel killed the server. systemd restarted the service at 22:34, the box then went down at 22:39 and came back at 22:41.\n\n## 2026-09-02 — a stop that could not be executed\n\nThe stop command hung at 13:38 and 13:43. The containers restarted at 16:50, 17:02 and 21:02.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-07-19T22:34:00Z", "systemd restarted the servic"),
            ("2026-07-19T22:39:00Z", "the box then went down at 22"),
            ("2026-07-19T22:41:00Z", "came back at 22:41."),
            ("2026-09-02T13:38:00Z", "The stop command hung at 13:"),
            ("2026-09-02T13:43:00Z", "The stop command hung at 13:"),
            ("2026-09-02T16:50:00Z", "The containers restarted at "),
            ("2026-09-02T17:02:00Z", "The containers restarted at "),
            ("2026-09-02T21:02:00Z", "The containers restarted at "),
        ])
    );
}
