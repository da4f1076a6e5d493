//! Importing the shapes set AS showed in session 36 (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A page copied from a wiki: headings with their edit links (`사고 경과[편집 | 원본 편집]`),
/// a day heading `3월 4일` over bullets whose clocks are Korean words (`오후 1시 40분`, the
/// afternoon; `오전 9시 20분경`, about then, kept as written): an entry each on that day of the year the page
/// names, the title its first line, the edit links gone from the headings.
#[test]
fn korean_clock_words_under_a_wiki_day_heading() {
    let (doc, report) = import_with_report(&fixture("wiki-korean-clock-bullets.md"));
    assert_eq!(doc.title, "2024년 예제 호스팅 장애");
    assert_eq!(
        times_as_written(&doc),
        [
            "2024-03-04T09:05:00+09:00",
            "2024-03-04T09:20:00+09:00",
            "2024-03-04T13:40:00+09:00",
            "2024-03-04T14:00:00+09:00"
        ]
    );
    assert_eq!(doc.timeline[0].event, "디스크 사용량 경보 발생");
    assert_eq!(doc.timeline[2].event, "오래된 백업 파일 삭제");
    let written = doc.timeline[1].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(written, Some("오전 9시 20분경부터"), "the clock as written is kept");
    assert!(report.contains("## 사고 경과") && report.contains("4 entries"), "{report}");
    assert!(!doc.sections.iter().any(|s| s.title.contains("편집") || s.text.contains("원본 편집")));
}

/// Russian lines `10:05 (МСК): ...` ending a paragraph right below a short line of their own:
/// an entry each, at Moscow time (МСК is MSK), on the day the summary above names ("3 марта
/// 2024 г."), the stamp kept as written with its bracket closed.
#[test]
fn russian_lines_with_moscow_time_in_brackets() {
    let (doc, report) = import_with_report(&fixture("russian-msk-lines.md"));
    assert_eq!(doc.timezone, "Europe/Moscow");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T07:05:00Z", "Мониторинг показал рост заде"),
            ("2024-03-03T07:12:00Z", "Дежурный инженер начал прове"),
            ("2024-03-03T07:30:00Z", "Очередь перенаправлена на ре"),
            ("2024-03-03T07:50:00Z", "Задержки вернулись к норме."),
        ])
    );
    let written = doc.timeline[0].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(written, Some("10:05 (МСК)"));
    assert!(report.contains("4 entries from the lines that start with a time"), "{report}");
}

/// A Russian sentence that tells a span "С 09:30 по московскому времени ..., 5 марта, до 11:10":
/// one entry at its start, Moscow time (said in words), on the day it names, in the year of the
/// title's "в марте 2024"; the span's end stays in the sentence.
#[test]
fn a_russian_span_in_moscow_time_words() {
    let (doc, report) = import_with_report(&fixture("russian-moscow-time-prose.md"));
    assert_eq!(rows(&doc), pairs(&[("2024-03-05T06:30:00Z", "С 09:30 по московскому време")]));
    assert!(doc.timeline[0].event.contains("до 11:10 того же дня"));
    assert!(report.contains("по московскому времени"), "{report}");
}

/// An issue thread where a comment quotes the provider's report whole: the quote's timeline
/// heading and its numbered phases in bold, each with its time in brackets (`**First Alarm
/// (07:40)**`, a span `(09:10 – 10:25)` at its start), are the timeline, on the day the thread
/// opened; each phase's name and its text below are the event.
#[test]
fn a_quoted_report_with_phases_timed_in_brackets() {
    let (doc, report) = import_with_report(&fixture("quoted-provider-phases.md"));
    assert_eq!(times_as_written(&doc), ["2024-02-20 07:40", "2024-02-20 08:05", "2024-02-20 09:10"]);
    assert!(doc.timeline[0].event.starts_with("First Alarm: Packet loss rose"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[2].event.contains("Traffic was balanced again."));
    let until = doc.timeline[2].extra.get("imported-until").and_then(|v| v.as_str());
    assert_eq!(until, Some("10:25"));
    assert!(report.contains("### Timeline of Events") && report.contains("3 entries"), "{report}");
}

/// A status page's report posted above an update, each with its `Posted` line, the report's
/// own timeline lines written `Mar 3, 2021 10:05 : ...` (a space before the colon) below a short
/// line: the report is kept as written, not folded into one update, and each of its lines is an
/// entry at its day and time in the zone the stamps name.
#[test]
fn a_posted_report_keeps_its_own_dated_lines() {
    let doc = import_utc(&fixture("posted-report-with-dated-lines.md"));
    assert_eq!(doc.timezone, "Asia/Tokyo");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2021-03-03T01:05:00Z", "The alert for slow logins fi"),
            ("2021-03-03T01:40:00Z", "Logins were still slow, so w"),
            ("2021-03-03T02:20:00Z", "Login times were back to nor"),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("Posted Mar 3, 2021 - 15:00 JST") && text.contains("Logins are working again."));
}

/// A blog's story told by the hour: a French day without its year (`Jeudi 4 juin.`) right over
/// the first bare time (`9:15`, a blank line, then its paragraph), and the next times each over
/// their text: an entry at each time, on that day, in the year the post names; each time's
/// paragraphs its event.
#[test]
fn a_french_day_over_bare_times_and_their_paragraphs() {
    let doc = import_utc(&fixture("french-day-over-bare-times.md"));
    assert_eq!(times_as_written(&doc), ["2020-06-04 09:15", "2020-06-04 10:00", "2020-06-04 11:30"]);
    assert!(doc.timeline[0].event.starts_with("Je prends mon café"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[0].event.contains("J'écris à Paul"));
    assert!(doc.timeline[2].event.starts_with("Nous restaurons la sauvegarde"));
}

/// An announcement's updates, each a stamp and a word alone on a line (`09:20 Update:`) over a
/// blank line and its paragraphs: an entry each, its text the paragraphs below to the next
/// stamp (the last one's its paragraph); no day anywhere, so each time is kept as written.
#[test]
fn announced_updates_take_the_paragraphs_below() {
    let doc = import_utc(&fixture("announced-updates-no-day.md"));
    assert_eq!(times_as_written(&doc), ["09:20", "11:05", "13:40"]);
    assert!(doc.timeline[0].event.starts_with("Update: One of the storage shelves"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[0].event.contains("We moved the busiest mailboxes"));
    assert!(doc.timeline[2].event.starts_with("Update: We watched the cluster"));
}

/// A plain-text log with a hanging indent: each notice opens with its time at the margin (a tab
/// after it too), its other lines indented under it: an entry each, its lines its event; no day
/// anywhere, so each time is kept as written.
#[test]
fn a_plain_log_with_a_hanging_indent() {
    let (doc, report) = import_with_report(&fixture("hanging-indent-log.md"));
    assert_eq!(times_as_written(&doc), ["07:45", "13:20", "22:05"]);
    assert!(doc.timeline[0].event.starts_with("The fibre link to the north exchange"));
    assert!(doc.timeline[0].event.contains("Engineers are on the way."));
    assert!(doc.timeline[2].event.contains("back after ten minutes."));
    assert!(report.contains("3 entries from the lines that start with a time"), "{report}");
}
