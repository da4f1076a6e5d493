//! Importing shapes met in session 43 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the imported
//! document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A post written the day after: "Yesterday at 14:00 UTC" is the day before the post's date, and
/// so are the times after it; "last night at 23:40" is the evening before and "this morning" the
/// day of the post (not the day after the night's time).
#[test]
fn yesterday_and_last_night_are_the_day_before_the_post() {
    let src = "# Database outage\n\nPosted on March 5, 2021 by the platform team\n\nYesterday at 14:00 UTC our primary database stopped accepting writes. We failed over at 14:40 UTC and\nwrites resumed at 15:05 UTC.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2021-03-04T14:00:00Z", "Yesterday at 14:00 UTC our p"),
            ("2021-03-04T14:40:00Z", "We failed over at 14:40 UTC"),
            ("2021-03-04T15:05:00Z", "writes resumed at 15:05 UTC."),
        ])
    );
    let src = "# Outage report\n\nMarch 10, 2021\n\nLast night at 23:40 UTC the API began returning errors. This morning at 06:15 UTC the last\nregion recovered.\n";
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2021-03-09T23:40:00Z", "Last night at 23:40 UTC the "),
            ("2021-03-10T06:15:00Z", "This morning at 06:15 UTC th")
        ])
    );
    // "Last night at 1:30 am" is early on the day of the post.
    let src = "# Outage report\n\nMarch 10, 2021\n\nLast night at 1:30 am UTC the API began returning errors. It recovered at 2:10 am UTC after a restart.\n";
    assert_eq!(rows(&import_utc(src))[0].0, "2021-03-10T01:30:00Z");
}

/// A short sentence that ends with its time and zone ("Errors began at 09:14 CEST.") between
/// two longer ones is an entry too, not only the ones around it.
#[test]
fn a_short_sentence_ending_with_its_time_is_an_entry() {
    let src = "# CDN outage on 12 October 2022\n\nAt 09:12 CEST a configuration push reached the edge. Errors began at 09:14 CEST. The push was\nrolled back at 09:41 CEST and errors stopped at 09:52 CEST.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2022-10-12T07:12:00Z", "a configuration push reached"),
            ("2022-10-12T07:14:00Z", "Errors began at 09:14 CEST."),
            ("2022-10-12T07:41:00Z", "The push was rolled back at "),
            ("2022-10-12T07:52:00Z", "errors stopped at 09:52 CEST"),
        ])
    );
}

/// A timeline over several days whose day lines only name the weekday (`Saturday`, `Sunday`)
/// after the first day is given: each is the next day of that name.
#[test]
fn weekday_lines_move_a_timeline_on_to_that_day() {
    let src = "# Storage incident report\n\nThe incident started on Friday, June 4, 2021 and lasted until Sunday.\n\n## Timeline\n\nFriday\n- 22:00 Disk latency rises on the storage cluster.\n- 22:30 Paged the storage team.\n\nSaturday\n- 09:15 Rebalance started.\n\n**Sunday**\n- 11:00 Rebalance complete, incident closed.\n";
    assert_eq!(
        times_as_written(&import_utc(src)),
        ["2021-06-04 22:00", "2021-06-04 22:30", "2021-06-05 09:15", "2021-06-06 11:00"]
    );
}

/// A status page's messages, each stamp alone on its paragraph and its text in the paragraphs
/// below (up to the next stamp): every stamp an entry with that text, nothing left behind empty.
#[test]
fn stamps_alone_over_their_paragraphs() {
    let src = "Service status\n\nMessages\n\n03/02/2015 8:05 p.m.\n\nWe are looking into slow logins.\n\n03/02/2015 8:40 p.m.\n\nLogins work again.\n\nA disk on the session store filled up; we added space.\n\n03/03/2015 1:12 a.m.\n\nThe cleanup job that should free that disk now runs hourly.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-03-02T20:05:00Z", "We are looking into slow log"),
            ("2015-03-02T20:40:00Z", "Logins work again.\n\nA disk o"),
            ("2015-03-03T01:12:00Z", "The cleanup job that should "),
        ])
    );
    assert!(doc.timeline[1].event.ends_with("we added space."), "{:?}", doc.timeline[1].event);
    let intro = doc.sections.iter().map(|s| s.text.as_str()).collect::<String>();
    assert!(!intro.contains("Logins work again"), "moved, not copied: {intro}");
}
