//! Importing the shapes tuning set AX (promoted from held out) and set AZ still missed in
//! session 39 (see tests/corpus/REAL.md), from snippets written in the same shapes in our own
//! words: every entry at the right instant, and what the imported document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A day named after words of time alone ("Between Sunday night and Monday morning,
/// 15/03/2021 ...") sets the day of the times told after it; a day named in passing later in a
/// sentence ("... flies out the next day, Monday 15/03/2021, ...") does not. The day the text
/// opens with, with no time, tells what happened that day: an entry of that day.
#[test]
fn a_day_after_words_of_time_sets_the_scene() {
    let src = "# Report on the outage of 15/03/2021\n\nOn Sunday 14/03/2021 late in the evening our monitoring saw a line card fail in the Lyon rack. A technician flies out the next day, Monday 15/03/2021, early in the morning.\n\nBetween Sunday night and Monday morning, 15/03/2021 the carrier worked on its ducts near our site. At 4h10 one of their crews cut our second fibre pair by mistake.\n\nAt 7h45 the carrier's crew found the cut and spliced it. Our technician reached Lyon at 11h30 and swapped the card.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["2021-03-14", "2021-03-15 04:10", "2021-03-15 07:45", "2021-03-15 11:30"], "{:?}", doc.timeline);
    assert!(doc.timeline[1].event.contains("cut our second fibre"), "{:?}", doc.timeline[1]);
}

/// "between 03:10UTC and 03:52UTC" in a sentence: an entry at its start that keeps the span's
/// end beside it (`imported-until`), as a span written in a timeline row does; "from 14:10 to
/// 14:35" too.
#[test]
fn a_span_told_in_a_sentence_keeps_its_end() {
    let src = "# Queue outage, May 4, 2022\n\nOn May 4, 2022 the job queue was down for 42 minutes (between 03:10UTC and 03:52UTC) for every customer in the EU region.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2022-05-04T03:10:00Z", "On May 4, 2022 the job queue")]));
    let until = doc.timeline[0].extra.get("imported-until").and_then(|v| v.as_str());
    assert_eq!(until, Some("03:52"));
    let src = "# Login errors on 2023-02-01\n\nOn 2023-02-01 logins failed from 14:10 to 14:35 UTC while the session store was full.\n";
    let doc = import_utc(src);
    let until = doc.timeline[0].extra.get("imported-until").and_then(|v| v.as_str());
    assert_eq!((doc.timeline.len(), until), (1, Some("14:35")), "{:?}", doc.timeline);
}

/// "Since 06:40 UTC, ..." tells when something started; and in a thread's post of bullets, the
/// bullet that tells a time is an entry of its own, its text that bullet alone (the bullets
/// before it are not joined to it as one sentence).
#[test]
fn since_a_time_and_a_bullet_of_its_own() {
    let src = "acme/infra · issue #88 · closed\n# Mirror outage since 2025-11-02 at 06:40 UTC\n\nkai · description · 2025-11-02\nSince 06:40 UTC, downloads from the Oregon mirror time out for most users.\n\nmo · comment · 2025-11-02\n- Other mirrors look healthy on the dashboard\n- Chat thread for the team: https://chat.example.org/room/ops\n- At 07:25 UTC, the Oregon mirror was taken out of the rotation so users go to Dublin\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-11-02T06:40:00Z", "downloads from the Oregon mi"),
            ("2025-11-02T07:25:00Z", "the Oregon mirror was taken "),
        ])
    );
}

/// `jueves 05-09-2024, 18:45 hrs` alone on a post's first line, what happened on the lines
/// below it: an entry at that moment (the weekday in Spanish, `hrs` after the clock), the lines
/// its text. A stamp over lines that tell a time of their own is when they were written, not
/// an entry (tested in import_shapes_s34).
#[test]
fn a_day_and_time_alone_over_what_happened() {
    let src = "acme/lab · issue #12 · closed\n# Servidor caído sin motivo\n\nana · description · 2024-09-06\njueves 05-09-2024, 18:45 hrs\nEl servidor dejó de responder, la red seguía bien.\nSe reinició y volvió el servicio.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc), pairs(&[("2024-09-05T18:45:00Z", "El servidor dejó de responde")]));
    assert!(doc.timeline[0].event.contains("Se reinició"), "{:?}", doc.timeline[0]);
    // In a timeline list too: the weekday and `hrs` are not the event.
    let src = "# Caída\n\n## Timeline\n\n- viernes 06-09-2024, 09:10 hrs el disco se llenó\n- 06-09-2024 09:40 se liberó espacio\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2024-09-06T09:10:00Z", "el disco se llenó"), ("2024-09-06T09:40:00Z", "se liberó espacio")])
    );
}
