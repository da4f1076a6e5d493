//! Importing shapes met in session 44 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

use blameless::import;
use chrono::NaiveDate;

/// As `import_utc`, imported from `name` on `today` (so a day without its year has one).
fn import_on(src: &str, name: &str, today: NaiveDate) -> import::Imported {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    import::from_markdown_file_on(src, std::path::Path::new(name), &template("default"), &options, today)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A notice that writes no year but gives its days a weekday (a Japanese `8月8日(月)`, an
/// English "Tuesday, August 9"): its days are in the latest year in which those weekdays fit
/// (the 8th of August was a Monday in 2022, not in 2026, the year it is imported in), and the
/// import says which year it took and why.
#[test]
fn a_file_without_a_year_takes_it_from_the_weekdays_of_its_days() {
    let src = "# 障害について(第二報)\n\n## 経緯\n\n8月8日(月) 4:27 通信機器で障害が発生しました。\n5:41 お客様へ障害を通知しました。\n8月9日(火) 1:30 全面復旧を確認しました。\n";
    let imported = import_on(src, "notice.md", day(2026, 12, 6));
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2022-08-08T04:27:00Z", "通信機器で障害が発生しました。"),
            ("2022-08-08T05:41:00Z", "お客様へ障害を通知しました。"),
            ("2022-08-09T01:30:00Z", "全面復旧を確認しました。"),
        ])
    );
    let assumed = imported.assumed_year.unwrap();
    assert_eq!(assumed.year, 2022);
    assert_eq!(assumed.why, "the latest year in which 8月8日(月) is that weekday");

    let src = "# Mail delivery delays\n\n## Timeline\n\n- Tuesday, August 9, 14:05 UTC: queue depth alert fired\n- 14:40 UTC: a stuck relay was restarted\n- Wednesday, August 10, 09:00 UTC: backlog cleared\n";
    let imported = import_on(src, "mail.md", day(2026, 12, 6));
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2022-08-09T14:05:00Z", "queue depth alert fired"),
            ("2022-08-09T14:40:00Z", "a stuck relay was restarted"),
            ("2022-08-10T09:00:00Z", "backlog cleared"),
        ])
    );
    assert_eq!(imported.assumed_year.unwrap().year, 2022);
}

/// A file without a year whose days, in the year it is imported in, would all be still to come
/// (a December status page imported in early January) is in the year before; a file with a
/// year is left as it says.
#[test]
fn days_that_would_be_still_to_come_are_in_the_year_before() {
    let src =
        "Resolved -\nAll queues drained.\nDec 30, 16:20 UTC\nInvestigating -\nJobs are delayed.\nDec 30, 15:35 UTC\n";
    let imported = import_on(src, "updates.md", day(2027, 1, 4));
    assert_eq!(
        rows(&imported.doc).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
        vec!["2026-12-30T16:20:00Z", "2026-12-30T15:35:00Z"]
    );
    let assumed = imported.assumed_year.unwrap();
    assert_eq!(assumed.year, 2026);
    assert!(assumed.why.starts_with("the year before it is imported in"), "{}", assumed.why);
    // Imported later in the year, the same file is in that year.
    let imported = import_on(src, "updates.md", day(2027, 12, 31));
    assert_eq!(imported.assumed_year.unwrap().year, 2027);
    // A file that writes its year keeps it, whatever its weekdays say.
    let dated = "Resolved -\nAll good.\nMonday, Dec 30, 2024, 16:20 UTC\nInvestigating -\nLooking.\nMonday, Dec 30, 2024, 15:35 UTC\n";
    let imported = import_on(dated, "updates.md", day(2027, 1, 4));
    assert_eq!(rows(&imported.doc)[0].0, "2024-12-30T16:20:00Z");
    assert_eq!(imported.assumed_year, None);
}
