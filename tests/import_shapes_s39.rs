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

/// News prose in other languages, the time after the words each puts before it: Polish "około
/// godz. 14" (the stop of the shortened "godz." does not end the sentence) on "w sobotę 12
/// marca" (a Polish month), Portuguese "por volta das 2h30", Italian "intorno alle 18,30" (a
/// comma between hours and minutes), Czech "v 10:00", Spanish "a eso de las 08:40 horas",
/// French "peu avant 16 h 30" (spaces around the `h`).
#[test]
fn news_prose_times_in_other_languages() {
    let cases: &[(&str, &str)] = &[
        (
            "Awaria sieci\n\nOkoło godz. 14 w sobotę 12 marca 2022 pojawiły się pierwsze zgłoszenia o braku zasięgu w całym regionie.\n",
            "2022-03-12 14:00",
        ),
        (
            "Apagão no Sul\n\nNo dia 4 de maio de 2019, por volta das 2h30 a energia caiu em quatro cidades da região.\n",
            "2019-05-04 02:30",
        ),
        (
            "Guasto alla rete\n\nIl 7 giugno 2018 intorno alle 18,30 sono tornati i primi servizi per gli utenti della zona.\n",
            "2018-06-07 18:30",
        ),
        ("Výpadek proudu\n\nDnes 14.11.2019 v 10:00 došlo k výpadku elektřiny v celé obci.\n", "2019-11-14 10:00"),
        (
            "Caída del servicio\n\nEl 3 de marzo de 2021 a eso de las 08:40 horas comenzaron los primeros errores en el correo.\n",
            "2021-03-03 08:40",
        ),
        (
            "Panne des urgences\n\nLe 9 octobre 2020, peu avant 16 h 30, le standard a cessé de répondre aux appels.\n",
            "2020-10-09 16:30",
        ),
    ];
    for (src, at) in cases {
        let doc = import_utc(src);
        // The wall time written (a language of one zone gives its zone: Berlin, Rome, Warsaw).
        assert_eq!(wall(&doc), [*at], "{src}\n{:?}", doc.timeline);
    }
}

/// A copied page's month of publication opening the file (` date 2020-11 ...`) gives the year of
/// the days its text names without one; a Japanese clock with its half of the day (`午後2時頃`)
/// and its month and day glued before it (`3月4日1時30分頃`).
#[test]
fn a_pages_month_and_clocks_in_japanese_prose() {
    let doc =
        import_utc(" date 2020-11 Vers 12h30 ce lundi 16 novembre, le réseau mobile est tombé dans toute la région.\n");
    assert_eq!(times_as_written(&doc), ["2020-11-16 12:30"], "{:?}", doc.timeline);
    let doc = import_utc("通信障害について\n\n2019年3月3日午後2時頃、一部の回線で通信障害が発生しました。\n");
    assert_eq!(times_as_written(&doc), ["2019-03-03 14:00"], "{:?}", doc.timeline);
    let doc = import_utc("通信障害について\n\n2019年3月に発生した障害は3月4日1時30分頃に全面復旧を確認しました。\n");
    assert_eq!(times_as_written(&doc), ["2019-03-04 01:30"], "{:?}", doc.timeline);
}

/// `## Timeline (UTC unless noted)` over a table whose time column notes its own zone (`| Time
/// (CEST) |`): the rows are in the noted zone.
#[test]
fn a_column_noted_zone_holds_over_unless_noted() {
    let src = "# Deleted files\n\n## Timeline (UTC unless noted)\n\n| Time (CEST) | Event |\n|---|---|\n| 2026-05-02 00:31:10 | Sync job starts its nightly run. |\n| 2026-05-02 00:33:19 | First deletion shows in the drive log. |\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(doc.timezone, "Europe/Berlin", "{report}");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-01T22:31:10Z", "Sync job starts its nightly "),
            ("2026-05-01T22:33:19Z", "First deletion shows in the "),
        ])
    );
}

/// A status page's updates, each a day and time alone on a paragraph over the paragraphs that
/// tell what happened then: an entry each, those paragraphs its text.
#[test]
fn status_updates_with_their_stamp_alone_above() {
    let src = "Incident details\n\nAll times are shown in UTC\n\n14th March 2021 09:12:40 AM\n\nSlow responses in eu-west-1\n\nWe are seeing slow responses from the API in eu-west-1.\n\n14th Mar 09:50 AM\n\nResponse times are back to normal.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2021-03-14T09:12:40Z", "Slow responses in eu-west-1\n"),
            ("2021-03-14T09:50:00Z", "Response times are back to n"),
        ])
    );
    // (Since session 44 the update's further paragraph is its text too, not left behind.)
    assert_eq!(
        doc.timeline[0].event,
        "Slow responses in eu-west-1\n\nWe are seeing slow responses from the API in eu-west-1."
    );
}

/// A range written on the 24-hour clock with a stray "PM" after its end (`14:47–14:52 PM`) is
/// as written; a table's range keeps its end beside the row (`imported-until`), as a list's does.
#[test]
fn ranges_past_noon_and_in_table_cells() {
    let src = "# Compactor halt\n\n## Timeline (all times UTC)\n\n- **2026-08-05**\n- **14:47–14:52 PM** compactor halted\n\n| Time | Event |\n|---|---|\n| 2026-08-05 22:36-23:03 | Pod stays half ready |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2026-08-05T14:47:00Z", "compactor halted"), ("2026-08-05T22:36:00Z", "Pod stays half ready")])
    );
    let until: Vec<_> = doc
        .timeline
        .iter()
        .map(|e| e.extra.get("imported-until").and_then(|v| v.as_str()).map(str::to_string))
        .collect();
    assert_eq!(until, [Some("14:52".to_string()), Some("23:03".to_string())]);
}

/// Italian clocks with a dot (`alle 4.45`) and spoken (`alle 14 e 30`); Spanish "pasadas las
/// 17:20".
#[test]
fn italian_dotted_and_spoken_clocks_and_spanish_las() {
    let cases: &[(&str, &str)] = &[
        (
            "Incendio al data center\n\nIl 12 maggio 2019 un incendio è scoppiato alle 4.45 nella sala server principale.\n",
            "2019-05-12 04:45",
        ),
        (
            "Guasto alla rete\n\nIl 26 luglio 2022 intorno alle 14 e 30 la rete regionale si è fermata in tutta la provincia.\n",
            "2022-07-26 14:30",
        ),
        (
            "Caída de la red\n\nEl 4 de octubre de 2021, pasadas las 17:20 hora local, los usuarios empezaron a notar problemas.\n",
            "2021-10-04 17:20",
        ),
    ];
    for (src, at) in cases {
        let doc = import_utc(src);
        // The wall time written (a language of one zone gives its zone: Berlin, Rome, Warsaw).
        assert_eq!(wall(&doc), [*at], "{src}\n{:?}", doc.timeline);
    }
}

/// A table's time cell with the same moment on another clock in brackets after it (`**5/27/2026
/// 9:01 PM (01:01:32 UTC)**`): read at the first, the cell kept as written beside the row.
#[test]
fn a_time_cell_with_its_utc_in_brackets() {
    let src = "# Sync stall\n\n## Timeline (all times ET)\n\n| Time | Event |\n|---|---|\n| **5/27/2026 9:01 PM (01:01:32 UTC)** | sync started |\n| **5/27 9:09 PM (01:09 UTC)** | sync started again |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[("2026-05-28T01:01:00Z", "sync started"), ("2026-05-28T01:09:00Z", "sync started again")])
    );
    let kept = doc.timeline[0].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(kept, Some("**5/27/2026 9:01 PM (01:01:32 UTC)**"));
}

/// A file from which no timeline entry came: each line that opens with a time, as a timeline's
/// entries do, is named on the report with its line ("looks like a timeline entry, not read"),
/// so `--strict` fails on it; times in code are not.
#[test]
fn lines_that_look_like_entries_but_were_not_read_are_named() {
    let src = "# Panne du réseau\n\nChronologie des faits :\n\nSamedi 18h : premières coupures signalées\n\nDimanche 12h : retour progressif\n\n```\n10:00 log line\n```\n";
    let (doc, report) = import_with_report(src);
    assert!(doc.timeline.is_empty(), "{:?}", doc.timeline);
    assert!(report.contains("line 5") && report.contains("not read: Samedi 18h"), "{report}");
    assert!(report.contains("line 7") && report.contains("not read: Dimanche 12h"), "{report}");
    assert!(!report.contains("not read: 10:00"), "{report}");
}

/// German news prose: "am 2. Weihnachtsfeiertag" (an ordinal after an article, the noun after it
/// capitalised) does not end the sentence, so its time is on the day the paragraph opens with;
/// "von 21.30 bis 23 Uhr" a span from 21:30. French "à partir de 6 heures du matin"; Japanese
/// with spaces (`2013 年 4 月 16 日 00 時 35 分`); an offset in brackets after the text's day
/// (`(UTC+9)`) is the file's zone.
#[test]
fn german_ordinals_spans_french_heures_spaced_japanese_and_a_bracketed_offset() {
    let doc = import_utc(
        "Stromausfall\n\n26.12.2017 Neustadt: Am 2. Weihnachtsfeiertag fiel um 17.30 Uhr der Strom im ganzen Ort aus.\n\nViele Haushalte mussten am 26.12.2017 von 21.30 bis 23 Uhr im Dunkeln sitzen.\n",
    );
    assert_eq!(times_as_written(&doc), ["2017-12-26 17:30", "2017-12-26 21:30"], "{:?}", doc.timeline);
    let doc = import_utc(
        "Panne mobile\n\nLe 17 novembre 2004, à partir de 6 heures du matin, les clients ne pouvaient plus appeler.\n",
    );
    assert_eq!(times_as_written(&doc), ["2004-11-17 06:00"], "{:?}", doc.timeline);
    let doc = import_utc(
        "障害のお知らせ\n\n2013 年 4 月 16 日 00 時 35 分 頃、メールの送受信ができない障害が発生しました。\n",
    );
    assert_eq!(times_as_written(&doc), ["2013-04-16 00:35"], "{:?}", doc.timeline);
    let (doc, report) = import_with_report(
        "通信障害\n\n2017年8月25日正午すぎ(UTC+9)、障害が発生した。\n\n8月25日12時15分ごろから回線の障害が続いていた。\n",
    );
    assert_eq!(doc.timezone, "+09:00", "{report}");
    assert_eq!(rows(&doc).first().map(|r| r.0.as_str()), Some("2017-08-25T03:15:00Z"), "{:?}", doc.timeline);
}

/// Each entry's time as written on the wall clock: `2022-07-26T14:30:00+02:00` as
/// `2022-07-26 14:30`, a time kept as typed as it is.
fn wall(doc: &blameless::doc::Document) -> Vec<String> {
    times_as_written(doc)
        .into_iter()
        .map(|t| match t.split_once('T') {
            Some((day, rest)) if t.len() >= 16 => format!("{day} {}", &rest[..5]),
            _ => t,
        })
        .collect()
}
