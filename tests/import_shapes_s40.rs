//! Importing shapes met in session 40 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the imported
//! document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A status page copied as text shows each update's age before its day: `Posted 2 years ago.
/// Mar 03, 2024 - 16:45 UTC`. Each update is an entry at its day and time, the status word on
/// its own line above kept with the update's text.
#[test]
fn a_copied_status_page_with_the_age_of_each_update() {
    let src = "# Slow uploads\n\nResolved\nUploads are back to normal speed.\nPosted 2 years ago. Mar 03, 2024 - 16:45 UTC\n\nMonitoring\nA fix for the storage pool is out; we are watching it.\nPosted about 2 years ago. Mar 03, 2024 - 15:30 UTC\n\nInvestigating\nUploads to the EU region are slow.\nPosted 2 years ago. Mar 03, 2024 - 14:58 UTC\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T16:45:00Z", "Resolved Uploads are back to"),
            ("2024-03-03T15:30:00Z", "Monitoring A fix for the sto"),
            ("2024-03-03T14:58:00Z", "Investigating Uploads to the"),
        ])
    );
}

/// A status page's postmortem posted above its updates, in paragraphs that tell their own clock
/// times ("At 6:22am EDT …"), is read for those times, not made one entry at its `Posted`
/// stamp; the updates below are entries at theirs.
#[test]
fn a_postmortem_over_its_posted_updates_keeps_its_own_times() {
    let src = "# Login outage\nIncident Report for Example\n\nAt approximately 6:00am EDT engineers began to rotate the web servers as part of a routine update. At 6:22am EDT the web application stopped answering in the region.\n\nAt 6:45am EDT engineers began a recovery plan, and the service was reachable again at 7:05am EDT.\n\nPosted 1 year ago. Apr 18, 2018 - 12:19 UTC\n\nLogins work again.\nPosted 1 year ago. Apr 18, 2018 - 11:23 UTC\nWe are looking into failed logins.\nPosted 1 year ago. Apr 18, 2018 - 10:30 UTC\n";
    let doc = import_utc(src);
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    // 6:00 and 6:45am EDT, and the two updates (a second time in one paragraph, 6:22am, is
    // still lost when updates follow: noted in REAL.md, session 40).
    for t in ["2018-04-18T10:00:00Z", "2018-04-18T10:45:00Z", "2018-04-18T11:23:00Z", "2018-04-18T10:30:00Z"] {
        assert!(times.iter().any(|x| x == t), "{t} not in {times:?}");
    }
    assert!(!times.iter().any(|x| x.starts_with("2018-04-18T12:19")), "{times:?}");
}

/// `UPDATE @ 25th March 2020, 15:18 UTC - …`, `Update: 25 March 2020 16:02 UTC - …`: an
/// update's label before its day and time; the entry is at that moment, the label kept at the
/// head of its text.
#[test]
fn an_update_label_before_the_day_and_time() {
    let src = "# Mail outage\n\n## Updates\n\n- UPDATE @ 25th March 2020, 15:18 UTC - Webmail is enabled again.\n- Update: 25 March 2020 16:02 UTC - All queued mail is delivered.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2020-03-25T15:18:00Z", "UPDATE: Webmail is enabled a"),
            ("2020-03-25T16:02:00Z", "Update: All queued mail is d")
        ])
    );
}

/// A sentence that names its own day and tells, in the past, what happened at a time at its end
/// ("On Monday 3rd October 2011 there was a loss of power at 11:41 am."): an entry, the first
/// of a file with no timeline too; `13H22` (a capital H between hours and minutes) is a clock.
#[test]
fn a_day_named_in_the_sentence_and_its_time_at_the_end() {
    let src = "# Power loss at the Leeds exchange\n\nOn Monday 3rd October 2011 there was a loss of the mains supply to the Leeds exchange at 11:41 am. The generator kept the racks running until 12:29 pm. Mains power was restored ten minutes later at 12:39pm.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2011-10-03 11:41", "2011-10-03 12:39"], "{:?}", doc.timeline);
    let src = "# DDoS on 25/10/2019\n\nOn 25/10/2019 we saw a DDoS attack on our network which started at 13H22.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2019-10-25 13:22"], "{:?}", doc.timeline);
}
