//! Importing the shapes set AU showed in session 37 (see tests/corpus/REAL.md), from fixtures
//! written in the same shapes in our own words: every entry at the right instant, what the
//! imported document keeps of each, and what the report says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A Japanese timeline table under a heading that names its day and zone (`時系列(2024-11-09、
/// JST = UTC+9)`), the column `時刻 (JST)`: a first row that is an earlier day alone in brackets
/// (background) does not move the day of the rows below; the marks for "from then on" (`10:20〜`),
/// "about" (`11:00 頃`), a span of minutes (`20:15-40`, its start) and "the next day" (`翌 00:30
/// 頃`) are read, the cell kept as written; a `Z` time inside an event does not outvote JST.
#[test]
fn a_japanese_table_under_a_heading_with_its_day_and_zone() {
    let doc = import_utc(&fixture("japanese-table-heading-day-jst.md"));
    assert_eq!(doc.timezone, "Asia/Tokyo");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-10-01", "集計用テーブルを作成。この時点では問題なし"),
            ("2024-11-09T01:05:00Z", "ライブラリ更新を含む PR をマージ"),
            ("2024-11-09T01:20:00Z", "集計ジョブが失敗し始める"),
            ("2024-11-09T02:00:00Z", "最初の失敗通知が届く"),
            ("2024-11-09T11:15:00Z", "ログと設定を確認(詳細は付録)"),
            ("2024-11-09T11:50:00Z", "修正版をデプロイ、成功を確認(lastRun 11:50"),
            ("2024-11-09T15:30:00Z", "通知ルールを整理"),
        ])
    );
    let written = doc.timeline[6].extra.get("imported-time").and_then(|v| v.as_str());
    assert_eq!(written, Some("翌 00:30 頃"));
}

/// A status notice copied from a page: each time label alone on its line over its value alone
/// (`Start Date` / `3rd May 2019 9:15am`), then updates that open with their stamps: the two
/// labels are entries at their times, marked, beside the updates.
#[test]
fn time_labels_over_their_values_beside_dated_updates() {
    let src = "Campus Network Status\n\nStart Date\n\n3rd May 2019 9:15am\n\nEnd Date\n\n3rd May 2019 1:40pm\n\n\
               Wireless access is failing in several buildings.\n\n\
               UPDATE 10:05am Friday 3-May-2019: Engineers have found a faulty controller.\n\n\
               UPDATE 1:30pm Friday 3-May-2019: The spare controller is in place and access is back.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-05-03T09:15:00Z", "Start Date"),
            ("2019-05-03T10:05:00Z", "UPDATE: Friday 3-May-2019: E"),
            ("2019-05-03T13:30:00Z", "UPDATE: Friday 3-May-2019: T"),
            ("2019-05-03T13:40:00Z", "End Date"),
        ])
    );
}

/// A status report's label lines `Start Time: 01/15/2019 7:05 am` and `Service Restored:
/// 01/15/2019 2:20 pm` over its updates written newest first (`2:10pm Update: ...`): the labels
/// are entries too, marked started and resolved, the first above the updates (kept in the
/// order written) and the last below them.
#[test]
fn start_time_and_service_restored_labels_beside_updates() {
    let src = "Service Status Report\n\nStart Time: 01/15/2019 7:05 am\n\nService Restored: 01/15/2019 2:20 pm\n\n\
               The print queue is stuck for most users.\n\n\
               2:10pm Update: The queue has been cleared and jobs are printing.\n\n\
               11:40am Update: A faulty driver was found on the print server.\n\n\
               8:15am Update: We are looking into the problem.\n";
    let doc = import_utc(src);
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        times,
        [
            "2019-01-15T07:05:00Z",
            "2019-01-15T14:10:00Z",
            "2019-01-15T11:40:00Z",
            "2019-01-15T08:15:00Z",
            "2019-01-15T14:20:00Z"
        ]
    );
    assert_eq!(doc.timeline[0].event, "Start Time");
    assert_eq!(doc.timeline[4].event, "Service Restored");
}

/// A news story's timeline as a bulleted list told in the present: times "about 1.30pm" (a dot,
/// its pm), "at 4:10pm" ending an item, after a first item that gives the day; an item with its
/// day and no time ("on March 6"): an entry each, at its time in the zone the first names.
#[test]
fn a_news_timeline_of_bullets_told_in_the_present() {
    let src = "HOW THE OUTAGE HAPPENED\n\n\
               * The carrier starts a router upgrade at 1.15am AEST on March 5, 2024\n\n\
               * Calls from two states start failing soon after\n\n\
               * The carrier learns of the failures about 1.30pm from a customer complaint\n\n\
               * A regulator asks the carrier for a report about 2.05pm on the same afternoon\n\n\
               * The carrier tells the minister's office about the failed calls at 4:10pm\n\n\
               * The chief executive confirms on March 6 that hundreds of calls failed\n";
    let doc = import_utc(src);
    assert_eq!(doc.timezone, "Australia/Sydney");
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        times,
        ["2024-03-04T14:15:00Z", "2024-03-05T02:30:00Z", "2024-03-05T03:05:00Z", "2024-03-05T05:10:00Z", "2024-03-06"]
    );
    assert!(doc.timeline[3].event.contains("tells the minister's office"), "{:?}", doc.timeline[3]);
}

/// A blog post's updates, newest first, each a paragraph opening with its day, a spaced colon and
/// an hour with its am or pm (`3/9/2021 : 10am – ...`), and below them a sentence ending in its
/// time and day ("... restored approximately 4:15pm 3/8/2021."): an entry each at that moment.
#[test]
fn a_day_a_spaced_colon_and_an_hour_and_a_time_before_its_day() {
    let src = "Printing outage [UPDATED]\n\n\
               3/9/2021 : 10am – The last queue is clear and printing works across the campus again.\n\n\
               3/9/2021 : 7am – A few printers in the library still reject jobs from laptops.\n\n\
               Printing services were restored approximately 4:15pm 3/8/2021.\n\n\
               We are sorry for the trouble this caused over the weekend.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2021-03-09 10:00", "2021-03-09 07:00", "2021-03-08 16:15"]);
    assert!(doc.timeline[0].event.contains("The last queue is clear"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[2].event.contains("Printing services were restored"), "{:?}", doc.timeline[2]);
}

/// An update's word over a stamp written as one run of digits glued to its time
/// (`Update 20230314@08:40:`), alone on its line over the update's paragraph: an entry at that
/// moment, the paragraph its text.
#[test]
fn an_update_with_a_compact_day_glued_to_its_time() {
    let src = "Update 20230314@08:40:\n\n\
               The water is out of the server room and the last rack is powered again.\n\n\
               Earlier this week a pipe burst above our server room and we lost power to two racks.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2023-03-14 08:40"]);
    assert!(doc.timeline[0].event.contains("The water is out"), "{:?}", doc.timeline[0]);
}

/// A status page copied without its line breaks between blocks: the timeline's heading run onto
/// its first entry's line (`Incident Timeline 02:10 AM – ...`), then lines that open with their
/// times, two untimed lines between two of them: the first entry read past the heading, each
/// untimed line kept with the entry above it, all on the day the text names.
#[test]
fn a_timeline_heading_run_onto_its_first_entry() {
    let src = "All systems are operational.\n\
               Dear customers, we report on an outage on Sunday, March 3, 2024 at our Berlin site.\n\
               Incident Timeline 02:10 AM – Our monitoring reported failed backups in Berlin.\n\
               05:45 AM – An engineer reached the site and started checks.\n\
               06:30 AM – A faulty switch module was swapped and the switch rebooted.\n\
               The switch failed again after the reboot.\n\
               We moved the busiest networks to the spare switch meanwhile.\n\
               08:05 AM – Most networks were reachable again.\n\
               11:00 AM – Every network was back.\n\
               Credits Customers with a service level agreement will receive credits.\n";
    let doc = import_utc(src);
    assert_eq!(
        times_as_written(&doc),
        ["2024-03-03 02:10", "2024-03-03 05:45", "2024-03-03 06:30", "2024-03-03 08:05", "2024-03-03 11:00"]
    );
    assert!(doc.timeline[0].event.starts_with("Our monitoring reported"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[2].event.contains("We moved the busiest networks"), "{:?}", doc.timeline[2]);
    let text: String = doc.sections.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("Incident Timeline") && text.contains("Credits Customers"));
}

/// A news item's updates, newest first, each a label line alone over its paragraph (`Update:
/// Tuesday, June 9`, `Update: Monday, June 8, at 9:30pm`), the year only on the item's date line
/// above; the older update tells its moments in its sentences, one in brackets ("(at 12:40pm)", noon's hour though it comes after 9:30pm),
/// one ending a sentence: an entry each.
#[test]
fn news_updates_with_weekday_labels_and_a_time_in_brackets() {
    let src = "8 June 2020\n\nFollow-up on the switch failure\n\nUpdate: Tuesday, June 9\n\n\
               We have reviewed how maintenance work is announced to our members.\n\n\
               Update: Monday, June 8, at 9:30pm\n\n\
               Monday afternoon (at 12:40pm) a switch failed during planned maintenance work. \
               The fault was cleared since approximately 2:55pm.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2020-06-09", "2020-06-08 21:30", "2020-06-08 12:40", "2020-06-08 14:55"]);
    assert!(doc.timeline[0].event.contains("We have reviewed"), "{:?}", doc.timeline[0]);
    assert!(doc.timeline[2].event.contains("a switch failed"), "{:?}", doc.timeline[2]);
}

/// A German news post that tells its outage as one span across days, each end with its weekday,
/// day and month ("von Samstag, 12. März 08:15 UTC bis Sonntag, 13. März 10:40 UTC"): one entry,
/// at the span's start, in the year the title names.
#[test]
fn a_german_span_across_days_with_weekdays() {
    let src = "# Serverausfall im März 2022\n\n\
               Wie einige bemerkt haben, war unser Server von Samstag, 12. März 08:15 UTC bis Sonntag, \
               13. März 10:40 UTC nicht erreichbar. Wir entschuldigen uns dafür.\n";
    let doc = import_utc(src);
    assert_eq!(rows(&doc).into_iter().map(|(t, _)| t).collect::<Vec<_>>(), ["2022-03-12T08:15:00Z"]);
    assert!(doc.timeline[0].event.contains("13. März 10:40 UTC"), "{:?}", doc.timeline[0]);
}
