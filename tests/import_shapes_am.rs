//! Importing the shapes set AM of real postmortems showed (held out in session 33b, tuning
//! since; see tests/corpus/REAL.md), from snippets written in the same shapes in our own words:
//! every entry at the right instant, and what the imported document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// "at about 3:10/2:10 PM EST/CST": one moment on two clocks, the am/pm and the zones after both
/// times; each time keeps the zone whose clock it shows, in whichever order the zones are
/// written ("By 8:45/7:45 pm CST/EST" is 8:45 pm Eastern), and "Approximately ..." opens a
/// sentence's time as "at" does.
#[test]
fn a_time_on_two_clocks_keeps_its_pm_and_its_zone() {
    let src = "Hosting notice: May 6th, 2019\n\nOn May 6, 2019, at about 3:10/2:10 PM EST/CST, our uptime checks reported that the storage network was unreachable.\n\nApproximately 5:40/4:40 PM EST/CST the faulty switch was found by the provider.\n\nBy 8:45/7:45 pm CST/EST the switch was replaced and the storage network was reachable again.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-05-06T19:10:00Z", "our uptime checks reported t"),
            ("2019-05-06T21:40:00Z", "the faulty switch was found "),
            ("2019-05-07T00:45:00Z", "the switch was replaced and "),
        ])
    );
}

/// A status log copied from a page that lost the space after its zone written out in words
/// ("02:14 British Summer TimeWe are ..."): the zone is the file's, its times read in it.
#[test]
fn a_zone_in_words_glued_to_the_text_after_it() {
    let src = "acme/site · pull request #88 · merged\n# Release\n\nbob · comment · 2019-07-03\nThe host had trouble last night:\n\n02:14 British Summer TimeWe are moving the database to a standby host.\n01:52 British Summer TimeWe are looking into slow page loads.\n01:40 British Summer TimeWe are seeing errors on the status API.\n";
    let doc = import_utc(src);
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(times, ["2019-07-03T01:14:00Z", "2019-07-03T00:52:00Z", "2019-07-03T00:40:00Z"]);
}

/// "at approximately 15.10." and "at 16.05.": hours written with a dot in English sentences are
/// times told, at the end of a clause; the day from the sentence before.
#[test]
fn dotted_hours_in_english_sentences() {
    let src = "Outage Report - 3rd March 2014\n\nOn Monday 3rd March our office lost its internet link, starting at approximately 15.10.  The link came back at 16.05.\n";
    let doc = import_utc(src);
    let times = times_as_written(&doc);
    assert_eq!(times, ["2014-03-03 15:10", "2014-03-03 16:05"]);
}
