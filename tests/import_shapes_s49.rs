//! Importing shapes met in session 49 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A blog post written on Friday the 8th whose timeline's day lines only name weekdays: its
/// `**Tuesday**` is the 5th before it, not the 12th after it, and `**Wednesday**` the 6th.
#[test]
fn a_weekday_line_under_a_post_day_is_the_one_before_it() {
    let src = "---\ntitle: \"Checkout outage\"\ndate: 2024-03-08\n---\n\n# Checkout outage\n\n## Timeline\n\n**Tuesday**\n\n- 14:05 Alert fired.\n- 14:30 Rolled back.\n\n**Wednesday**\n\n- 09:00 Follow-up review.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-05T14:05:00Z", "Alert fired."),
            ("2024-03-05T14:30:00Z", "Rolled back."),
            ("2024-03-06T09:00:00Z", "Follow-up review."),
        ])
    );
}

/// In a file with no timeline heading, a table of two rows under a column named for the time
/// (`| When | Event |`) is its timeline, as three rows already were.
#[test]
fn a_two_row_table_under_a_time_column_is_a_timeline() {
    let src = "# Database outage\n\nAll times in CET.\n\n## What happened\n\nThe primary database went away.\n\n| When | Event |\n|------|-------|\n| 5 March 2024, 2:05 PM | Replication alert |\n| 5 March 2024, 2:35 PM | Primary restarted |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-03-05T13:05:00Z", "Replication alert"), ("2024-03-05T13:35:00Z", "Primary restarted")])
    );
}

/// A status page's updates, each `Posted <day> - <time> UTC` below its text, and the page's
/// footer (`This incident affected: ...`) under the last: entries, the footer kept as text.
#[test]
fn posted_updates_keep_the_pages_footer() {
    let src = "Chat outage in EU1\n\nResolved\nWe found the fault and restored service.\nPosted Mar 18, 2024 - 00:57 UTC\nMonitoring\nA fix is out; we are watching.\nPosted Mar 18, 2024 - 00:20 UTC\nInvestigating\nThe chat widget does not load.\nPosted Mar 17, 2024 - 23:40 UTC\nThis incident affected: Chat Service and Admin Portal.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-18T00:57:00Z", "Resolved We found the fault "),
            ("2024-03-18T00:20:00Z", "Monitoring A fix is out; we "),
            ("2024-03-17T23:40:00Z", "Investigating The chat widge"),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("This incident affected: Chat Service"), "{text}");
}

/// One heading per entry with the static site's anchor after it (`## 2:07pm CST {#2-07pm-cst}`),
/// under a post in TOML front matter that says it happened "yesterday": the anchors are no
/// part of the time, and the day is the one before the post's.
#[test]
fn headings_with_anchors_are_entries() {
    let src = "+++\ntitle = \"How our host deleted the server\"\ndate = 2012-02-15T08:00:00-04:00\n+++\n\nWhat happened yesterday changed how I see hosting.\n\n## 2:07pm CST {#2-07pm-cst}\n\nThe front end was unreachable.\n\n## 2:48pm CST {#2-48pm-cst}\n\nI opened a ticket.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2012-02-14T20:07:00Z", "The front end was unreachabl"),
            ("2012-02-14T20:48:00Z", "I opened a ticket.")
        ])
    );
}

/// "for the period May 8 21:50 - May 9 00:45" in a bullet of a file with no timeline: an entry
/// at its start that keeps its end, its text without the bullet's marker.
#[test]
fn a_period_told_in_a_bullet_is_an_entry_with_its_end() {
    let src = "# Learning platform outage, May 2020\n\n- The learning platform was unavailable for the period May 8 21:50 - May 9 00:45.\n- The vendor resolved the issue at May 9 11:45.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2020-05-08T21:50:00Z", "The learning platform was un"),
            ("2020-05-09T11:45:00Z", "The vendor resolved the issu")
        ])
    );
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("00:45"));
}

/// "between 2 and 5am", after a night's "at approximately 11pm": the next morning's 02:00, the
/// span's end kept; a bare "between 2 and 5" without am or pm is no time.
#[test]
fn bare_hours_with_one_am_are_a_span() {
    let src = "# Network outage, March 19, 2014\n\nAt approximately 7:20pm on Wednesday, March 19, a power event took the core router down. A complete network restart was completed at approximately 11pm. Staff then restarted over 800 servers between 2 and 5am.\n\nQueues held between 2 and 5 messages each.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2014-03-19T19:20:00Z", "on Wednesday, March 19, a po"),
            ("2014-03-19T23:00:00Z", "A complete network restart w"),
            ("2014-03-20T02:00:00Z", "Staff then restarted over 80"),
        ])
    );
    assert_eq!(kept(&doc, 2, "imported-until").as_deref(), Some("05:00"));
}

/// Polish "od 09:45 do 12:45" in a sentence: an entry at its start that keeps its end.
#[test]
fn a_polish_span_keeps_its_end() {
    let src =
        "# Awaria usługi\n\nW dniu 16/02/2020 od 09:45 do 12:45 obserwowaliśmy problemy z uruchamianiem dekoderów.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc).len(), 1, "{:?}", rows(&doc));
    assert!(doc.timeline[0].time.as_text().starts_with("2020-02-16 09:45"), "{:?}", doc.timeline[0].time);
    assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some("12:45"));
}

/// A fenced block of lines stamped with bracketed times (`[14:05] Alert fired`) in a file with
/// no timeline heading: its timeline, not a log (a log's brackets name a source: `[worker-3]`).
#[test]
fn a_fence_of_bracketed_times_is_a_timeline() {
    let src = "# Outage on 2024-03-05\n\nAll times UTC.\n\n## What happened\n\n```\n[14:05] Alert fired for 5xx errors\n[14:10] On-call acknowledged\n[14:30] Rolled back the deploy\n```\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-05T14:05:00Z", "Alert fired for 5xx errors"),
            ("2024-03-05T14:10:00Z", "On-call acknowledged"),
            ("2024-03-05T14:30:00Z", "Rolled back the deploy"),
        ])
    );
    let log = src.replace("[14:", "[worker-3] 14:");
    assert!(import_utc(&log).timeline.is_empty());
}

/// A post stamped a week after the day its text opens with: the timeline's weekday lines move
/// on from the text's day as before (the post's own day, not the text's, is the one no line
/// passes).
#[test]
fn weekday_lines_move_on_from_the_texts_day_under_a_later_post() {
    let src = "---\ntitle: \"Storage incident\"\ndate: '2024-03-11T16:38:13'\n---\n\nOn 2024-03-04, a Monday, the storage cluster slowed down.\n\n## Timeline\n\n**Monday**\n\n- 22:00 Disk latency rose.\n\n**Tuesday**\n\n- 09:15 Rebalance started.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-03-04T22:00:00Z", "Disk latency rose."), ("2024-03-05T09:15:00Z", "Rebalance started.")])
    );
}

/// A span's end after any language's word for "until", right after its start: Russian "с 12:45
/// до 15:40", Spanish "desde las 10:00 hasta las 12:00".
#[test]
fn spans_in_other_languages_keep_their_ends() {
    for (src, end) in [
        ("# Сбой\n\n5 марта 2024 года с 12:45 до 15:40 сервис был недоступен.\n", "15:40"),
        ("# Caída\n\nEl 5 de marzo de 2024 el servicio falló desde las 10:00 hasta las 12:00 horas.\n", "12:00"),
    ] {
        let doc = import_utc(src);
        assert_eq!(doc.timeline.len(), 1, "{src}: {:?}", rows(&doc));
        assert_eq!(kept(&doc, 0, "imported-until").as_deref(), Some(end), "{src}");
    }
}
