//! Importing the shapes tuning set AN of real postmortems showed (see tests/corpus/REAL.md),
//! from snippets written in the same shapes in our own words: every entry at the right instant,
//! and what the imported document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// An issue thread as copied pages show it (`author · comment · day` over each post's text): a
/// post's day is the day of the bare times its text tells, and a span of the clock with its
/// zone ("down 20min 4:10- 4:30 UTC") is a time told, its end kept beside the row.
#[test]
fn a_thread_posts_day_carries_to_its_times() {
    let src = "acme/tools · issue #41 · closed\n# Mirror certificate expired\n\nalice · description · 2025-03-02\nThe mirror shows a certificate warning since last week.\n\nbob · comment · 2025-03-03\nRenewed the certificate this morning, the mirror was down 20min 4:10- 4:30 UTC\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Mirror certificate expired");
    assert_eq!(rows(&doc), pairs(&[("2025-03-03T04:10:00Z", "Renewed the certificate this")]));
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("alice · description · 2025-03-02"), "the thread's lines are kept: {md}");
}

/// "At **2025-05-06 11:02:07 UTC** (job 4411), ...": the day and the time in one emphasis after
/// "At" are the entry's instant, as "At **11:09:30 UTC**" is on that day.
#[test]
fn a_day_and_time_in_emphasis_after_at() {
    let src = "# Queue stall\n\nAt **2025-05-06 11:02:07 UTC** (job 4411), the scheduler paused every queue.\n\nAt **11:09:30 UTC** the paused queues were resumed by hand.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-06T11:02:07Z", "(job 4411), the scheduler pa"),
            ("2025-05-06T11:09:30Z", "the paused queues were resum"),
        ])
    );
}

/// "Shortly before 09:40 UTC, ..." and "... shortly after 10:15 UTC." are times told, as "at"
/// and "around" are.
#[test]
fn shortly_before_and_after_a_time() {
    let src = "# Mirror stale\n\nOn 2025-07-08 the package mirror stopped syncing. Shortly before 09:40 UTC, the sync job was restarted by hand. The mirror was current again shortly after 10:15 UTC.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-07-08T09:40:00Z", "the sync job was restarted b"),
            ("2025-07-08T10:15:00Z", "The mirror was current again"),
        ])
    );
}

/// German "kurz nach 22:00 Uhr" and "kurz vor 23:30 Uhr" (shortly after, shortly before) are
/// times told, on the day the text gives; no zone is written, so they stay wall-clock times.
#[test]
fn german_kurz_nach_and_kurz_vor() {
    let src = "Störung im Netz\n\nAm 12.03.2025 waren viele Anschlüsse ohne Verbindung. Die Störung begann kurz nach 22:00 Uhr. Die Techniker leiteten den Verkehr kurz vor 23:30 Uhr über andere Wege um.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["2025-03-12 22:00", "2025-03-12 23:30"]);
    assert!(doc.timeline[0].event.contains("Die Störung begann"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[1].event.contains("über andere Wege um"), "{:?}", doc.timeline[1]);
}

/// "On Friday 14. March 2025 from 09:05 to 09:40 ..." (the day's number with its dot before the
/// month's name, as German and Czech writers put it in English) is the day of the times after
/// it; "Shortly before 11:00, most services were running again, the last one was back shortly
/// after 12:30.": after the words of the opening time's clause, the last comma opens the next
/// time's, an entry each.
#[test]
fn a_dotted_day_before_the_month_and_a_later_clause_after_a_comma() {
    let src = "Dear customers,\n\nOn Friday 14. March 2025 from 09:05 to 09:40 our storage cluster was unreachable for most services. Shortly before 11:00, most services were running again, the last one was back shortly after 12:30.\n";
    let doc = import_utc(src);
    let rows: Vec<(String, String)> = doc.timeline.iter().map(|e| (e.time.as_text(), e.event.clone())).collect();
    assert_eq!(
        rows,
        pairs(&[
            (
                "2025-03-14 09:05",
                "On Friday 14. March 2025 from 09:05 to 09:40 our storage cluster was unreachable for most services."
            ),
            ("2025-03-14 11:00", "most services were running again"),
            ("2025-03-14 12:30", "the last one was back shortly after 12:30."),
        ])
    );
}
