//! Importing shapes met in session 41 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the imported
//! document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A status page's history copied as text: a day line with nothing that day, then the day of the
/// report, then its timeline of bare times. The times are on the day written just above them,
/// not on the file's first date.
#[test]
fn bare_times_take_the_day_line_just_above_them() {
    let src = "All systems are operational\n\nPast Incidents\n\n9th March 2023\n\nNo incidents reported\n\n8th March 2023\n\nStorage node failure\n\n## Timeline\n\nTimes are in UTC:\n\n  • 09:14: The storage node stopped answering.\n  • 09:40: Monitoring paged the on-call engineer.\n  • 10:05: Volumes were moved to a spare node.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-03-08T09:14:00Z", "The storage node stopped ans"),
            ("2023-03-08T09:40:00Z", "Monitoring paged the on-call"),
            ("2023-03-08T10:05:00Z", "Volumes were moved to a spar"),
        ])
    );
}

/// A page written on a day in late December, its updates above it newest first, each labelled
/// with its day in a short form with a dot (`Update Jan. 04:`, `Update Dec. 28:`): the dot ends
/// no sentence, December's update is that December and January's the January after.
#[test]
fn update_labels_with_short_month_names_around_the_new_year() {
    let src = "Friday, December 26, 2014\n\nPower work in the machine room\n\nUpdate Jan. 04: Power came back at 6:10pm UTC and every service is up.\n\nUpdate Dec. 28: Power was restored at 7pm UTC as planned.\n\nThe building's power will be off on two weekends.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-01-04T18:10:00Z", "Update Jan. 04: Power came b"),
            ("2014-12-28T19:00:00Z", "Update Dec. 28: Power was re"),
        ])
    );
}

/// A maintenance page copied as text writes each update's label and stamp twice, the second
/// time over the update's text: one entry each, none left empty.
#[test]
fn an_update_stamp_written_twice_is_one_entry() {
    let src = "# Network maintenance\n\nUpdates\n  • Completed\n    June 08, 2024 at 2:04 PM\n    Completed\n    June 08, 2024 at 2:04 PM\n\n    The new router is in and traffic is back to normal.\n\n  • Update\n    June 08, 2024 at 1:46 AM\n    In progress\n    June 08, 2024 at 1:46 AM\n\n    The replacement router has arrived and is being configured.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-06-08T14:04:00Z", "Completed The new router is "),
            ("2024-06-08T01:46:00Z", "In progress The replacement "),
        ])
    );
}

/// Beside a list timeline, a paragraph that opens with its time and tells more: a later sentence
/// of it that opens with its own time ("Around 21:50, …") is an entry too, not lost in the first.
#[test]
fn a_later_sentence_that_opens_with_its_time_in_a_timed_paragraph() {
    let src = "# DNS outage on 2015-01-23\n\nAround 18:55 (UTC) I could not reach the wiki and asked the others on IRC. Almost an hour later they saw it too. Around 21:50, after a long search, we found a DNS loop at the registrar.\n\n## Timeline\n\n- 18:35 Monitoring: the wiki is reported down\n- 21:59 Nameservers are set back\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-01-23T18:35:00Z", "Monitoring: the wiki is repo"),
            ("2015-01-23T18:55:00Z", "I could not reach the wiki a"),
            ("2015-01-23T21:50:00Z", "after a long search, we foun"),
            ("2015-01-23T21:59:00Z", "Nameservers are set back"),
        ])
    );
}

/// A hosting company's notice: "… an unplanned outage at approximately 02/28/2019 11:30 PST." —
/// the day in digits before the time, inside the sentence, is the entry's day and the zone its
/// zone (Pacific time, in February UTC−8).
#[test]
fn a_day_in_digits_before_the_time_inside_a_sentence() {
    let src = "Outage report for host db04\n\nThis notice is to tell you that your server was affected by an unplanned outage at approximately 02/28/2019 11:30 PST.\n\nThe host stopped answering and we moved its disks to a spare machine.\n";
    let doc = import_utc(src);
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(times, ["2019-02-28T19:30:00Z"]);
}

/// A mail to a list, its paragraphs opened with an indented first line (no code in it), wrapped
/// before the zone: "A week ago on Thursday, September 29th at approximately 10:15 AM / eastern
/// time, service … was interrupted." An entry at 10:15 New York time, its text without the
/// zone's words; the paragraph stays one paragraph.
#[test]
fn a_mail_paragraph_with_an_indented_first_line_and_a_wrapped_zone() {
    let src = "Subject: Report on the September 29-30 interruption\nDate: Thu, 6 Oct 2005 11:16:26 -0400\n\nColleagues:\n\n    A week ago on Thursday, September 29th at approximately 10:15 AM\neastern time, the catalogue's web service was\ninterrupted.  Service was partly restored at 9 PM eastern time that\nevening.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2005-09-29T14:15:00Z", "the catalogue's web service "),
            ("2005-09-30T01:00:00Z", "Service was partly restored "),
        ])
    );
    let text: String = doc.sections.iter().map(|s| s.text.clone()).collect();
    assert!(text.contains("10:15 AM\neastern time"), "{text}");
}

/// A status blog's post copied as text: its date on the first line, its title below it. The
/// title is the post's title, not its date; a page with no title at all keeps its date line.
#[test]
fn a_post_dated_on_its_first_line_keeps_its_own_title() {
    let src = "Sunday, January 16, 2011\n\nMail scheduled maintenance\n\nMail will be read-only on Monday while the spool moves.\n\nUPDATE 05:25p: Maintenance begins.\n";
    assert_eq!(import_utc(src).title, "Mail scheduled maintenance");
    let untitled =
        "21 February 2010\n\nWhat is a netsplit?\n\nA netsplit is when two servers of the network lose their link.\n";
    assert_eq!(import_utc(untitled).title, "21 February 2010");
}

/// A mail to a list copied with its headers: no heading, a `Subject:` line. The subject is the
/// title, not "Untitled incident"; a `Title:` line likewise wins over a first line's date.
#[test]
fn a_mails_subject_is_its_title() {
    let src = "From: Ops desk <ops at example.org>\nSubject: Report on the March 3 catalogue outage\nDate: Fri, 6 Mar 2015 09:21:34 -0500\n\nColleagues,\n\nThe catalogue was unreachable on Tuesday morning while a disk was replaced at our host.\n";
    assert_eq!(import_utc(src).title, "Report on the March 3 catalogue outage");
    let dated =
        "21 February 2010\n\nTitle: The February netsplit\n\nTwo servers of the network lost their link for an hour.\n";
    assert_eq!(import_utc(dated).title, "The February netsplit");
}
