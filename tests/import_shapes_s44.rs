//! Importing shapes met in session 44 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A notice that writes no year but gives its days a weekday (a Japanese `8月8日(月)`, an
/// English "Tuesday, August 9"): its days are in the latest year in which those weekdays fit
/// (the 8th of August was a Monday in 2022, not in 2026, the year it is imported in), and the
/// import says which year it took and why.
#[test]
fn a_file_without_a_year_takes_it_from_the_weekdays_of_its_days() {
    let src = "# 障害について(第二報)\n\n## 経緯\n\n8月8日(月) 4:27 通信機器で障害が発生しました。\n5:41 お客様へ障害を通知しました。\n8月9日(火) 1:30 全面復旧を確認しました。\n";
    let imported = import_named_on(src, "notice.md", day(2026, 12, 6));
    assert_eq!(
        rows(&imported.doc),
        pairs(&[
            ("2022-08-07T19:27:00Z", "通信機器で障害が発生しました。"),
            ("2022-08-07T20:41:00Z", "お客様へ障害を通知しました。"),
            ("2022-08-08T16:30:00Z", "全面復旧を確認しました。"),
        ])
    );
    let assumed = imported.assumed_year.unwrap();
    assert_eq!(assumed.year, 2022);
    assert_eq!(assumed.why, "the latest year in which 8月8日(月) is that weekday");

    let src = "# Mail delivery delays\n\n## Timeline\n\n- Tuesday, August 9, 14:05 UTC: queue depth alert fired\n- 14:40 UTC: a stuck relay was restarted\n- Wednesday, August 10, 09:00 UTC: backlog cleared\n";
    let imported = import_named_on(src, "mail.md", day(2026, 12, 6));
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
    let imported = import_named_on(src, "updates.md", day(2027, 1, 4));
    assert_eq!(
        rows(&imported.doc).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
        vec!["2026-12-30T16:20:00Z", "2026-12-30T15:35:00Z"]
    );
    let assumed = imported.assumed_year.unwrap();
    assert_eq!(assumed.year, 2026);
    assert!(assumed.why.starts_with("the year before it is imported in"), "{}", assumed.why);
    // Imported later in the year, the same file is in that year.
    let imported = import_named_on(src, "updates.md", day(2027, 12, 31));
    assert_eq!(imported.assumed_year.unwrap().year, 2027);
    // A file that writes its year keeps it, whatever its weekdays say.
    let dated = "Resolved -\nAll good.\nMonday, Dec 30, 2024, 16:20 UTC\nInvestigating -\nLooking.\nMonday, Dec 30, 2024, 15:35 UTC\n";
    let imported = import_named_on(dated, "updates.md", day(2027, 1, 4));
    assert_eq!(rows(&imported.doc)[0].0, "2024-12-30T16:20:00Z");
    assert_eq!(imported.assumed_year, None);
}

/// A Swedish village network's notice, newest first: each update a line `Uppdatering
/// 2023-11-25, kl 16.17:` (the Nordic "kl" before a dotted time; once a semicolon after the
/// day) over its paragraphs, the updates set apart by long rules, one rule run onto the next
/// update's line. An entry each, its paragraphs its text; the first paragraph under no update
/// stays text.
#[test]
fn nordic_update_lines_with_kl_over_their_paragraphs() {
    let rule = "-".repeat(40);
    let src = format!(
        "Uppdatering 2023-11-25, kl 16.17:\n\nSkarven är lagad.\n\nVi testar alla noder i kväll.\n\n{rule}Uppdatering 2023-11-25; kl 09.41:\n\nBrottet är hittat vid bron.\n\n{rule}\n\nUppdatering 2023-11-24, kl 15.03:\n\nVi felsöker fortfarande.\n\n{rule}\n\nVi har en driftstörning i byn.\n"
    );
    let doc = import_utc(&src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-11-25T16:17:00Z", "Uppdatering: Skarven är laga"),
            ("2023-11-25T09:41:00Z", "Uppdatering: Brottet är hitt"),
            ("2023-11-24T15:03:00Z", "Uppdatering: Vi felsöker for"),
        ])
    );
    assert_eq!(doc.timeline[0].event, "Uppdatering: Skarven är lagad.\n\nVi testar alla noder i kväll.");
    let all = serde_yaml::to_string(&doc).unwrap();
    assert!(all.contains("Vi har en driftstörning i byn."), "{all}");
}

/// A power company's notice: the day alone on the first line, then paragraphs that open with
/// `Kl. 08:21:`, newest first. An entry each, on that day.
#[test]
fn paragraphs_opening_with_kl_and_a_time_under_a_day_line() {
    let src = "2020-06-11\n\nStrömavbrott i centrum\n\nVi hade ett strömavbrott i morse. Felet är löst.\n\nKl. 08:21: Alla har strömmen tillbaka.\n\nKl. 08:13: Första kopplingen är gjord.\n\nKl. 07:50: Felet är en avgrävd kabel.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            // (Swedish, and no zone stated: Stockholm's.)
            ("2020-06-11T06:21:00Z", "Alla har strömmen tillbaka."),
            ("2020-06-11T06:13:00Z", "Första kopplingen är gjord."),
            ("2020-06-11T05:50:00Z", "Felet är en avgrävd kabel."),
        ])
    );
}

/// A British ISP's fault page: each update `Comment updated on: 04/04/2009 @ 16:18` over its
/// paragraphs, its days written with digits that read both ways; the page writes its days in
/// words day first ("Saturday 4th April"), so `05/04/2009` is the 5th of April, not the 4th of
/// May. An entry each, its paragraphs its text.
#[test]
fn updated_on_labels_with_at_signs_and_a_day_first_page() {
    let src = "# Fault 1234: broadband drops in Ilford\n\nStatus: Closed\n\nComment updated on: 04/04/2009 @ 16:18\n\nA cable fault has disconnected a few thousand lines.\n\nEngineers are on site.\n\nComment updated on: 05/04/2009 @ 17:44\n\nThe supplier says the fibre cut on Saturday 4th April is being spliced.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2009-04-04T16:18:00Z", "Comment updated on: A cable "),
            ("2009-04-05T17:44:00Z", "Comment updated on: The supp"),
        ])
    );
    assert_eq!(
        doc.timeline[0].event,
        "Comment updated on: A cable fault has disconnected a few thousand lines.\n\nEngineers are on site."
    );
    // Written month first in words ("April 4"), the same digits are the 4th of May.
    let us = src.replace("Saturday 4th April", "Saturday, April 4");
    assert_eq!(rows(&import_utc(&us))[1].0, "2009-05-04T17:44:00Z");
}

/// A local paper's story, posted the day after: "about 1:30 p.m. Wednesday and …" names its
/// day after the time (the sentence goes on after "p.m."), so the time is on that Wednesday,
/// the last before the post, and so are the times told after it.
#[test]
fn a_weekday_right_after_the_time_is_its_day() {
    let src = "Main break closes Elm Street\n\nby a staff writer, originally posted on June 23, 2016\n\nCrews shut the water off on Elm Street about 1:30 p.m. Wednesday and put a boil notice in place for the block. Water was back on at about 2:45 p.m.\n\nA cafe on the corner closed for the afternoon, reopening around 4:15 p.m.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2016-06-22T13:30:00Z", "Crews shut the water off on "),
            ("2016-06-22T14:45:00Z", "Water was back on at about 2"),
            ("2016-06-22T16:15:00Z", "A cafe on the corner closed "),
        ])
    );
}

/// "By a little after 4 p.m., trains were moving again.": a time told as a little after an
/// hour is that hour, as "shortly after" is.
#[test]
fn a_little_after_an_hour() {
    let src = "# Trains halted\n\nPublished March 3, 2021\n\nA signal fault stopped trains on the east line at 7:40 a.m. By a little after 4 p.m., trains were moving again.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2021-03-03T07:40:00Z", "A signal fault stopped train"),
            ("2021-03-03T16:00:00Z", "By a little after 4 p.m., tr"),
        ])
    );
}

/// A marketing firm's notice about its mail provider: updates headed `Update as of 11:09 PM
/// EDT 07/14/17`, the time and zone before a day with a two-digit year, the text in the
/// paragraph below. An entry each, in Eastern daylight time; an update that tells its day
/// first inside another update's text ("Update as of April 17, 3:35 AM: …") stays that
/// update's text.
#[test]
fn update_as_of_a_time_and_zone_before_its_day() {
    let src = "# Mail update\n\nOur provider has had an outage since yesterday.\n\nUpdate as of 11:09 PM EDT 07/14/17\n\nThe all clear has not been issued yet.\n\nUpdate as of 8:26 AM EDT 07/15/17\n\nMail is flowing again.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2017-07-15T03:09:00Z", "Update: The all clear has no"),
            ("2017-07-15T12:26:00Z", "Update: Mail is flowing agai"),
        ])
    );
}
