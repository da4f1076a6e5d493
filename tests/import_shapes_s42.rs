//! Importing shapes met in session 42 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the imported
//! document keeps of each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// An ISP's outage log, newest first: each stamp (`03/21/16 Monday 4:26pm EST`, a two-digit year
/// and the day's name between the date and the time) alone on its line, the entry's text indented
/// below it, after a blank line or right under it, a long one wrapped back to the margin. Every
/// stamp is an entry with its own text; EST is New York's clock on each day (summer time in
/// March 2016, as the issue asks of a zone's abbreviation).
#[test]
fn an_outage_log_of_stamps_over_indented_text() {
    let src = "Network outage log\n\nRecent outages, newest first.\n\n03/21/16 Monday 4:26pm EST\n\n    edge router stopped answering, power cycled\n\n11/02/15 Monday 9:10am EST\n\n    upstream link flapped for twenty minutes;\nthe carrier replaced a line card\n04/23/10 Friday 4:14pm EST\n   core switch taken off line during cabling work.\n\n12/21/09 Monday 2:05am EST\n\n    mail relay out from 2:30am until 7am\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2016-03-21T20:26:00Z", "edge router stopped answerin"),
            ("2015-11-02T14:10:00Z", "upstream link flapped for tw"),
            ("2010-04-23T20:14:00Z", "core switch taken off line d"),
            ("2009-12-21T07:05:00Z", "mail relay out from 2:30am u"),
        ])
    );
    assert!(doc.timeline[1].event.ends_with("the carrier replaced a line card"), "{:?}", doc.timeline[1].event);
    // The same stamps as list items, the event after a colon.
    let doc = import_utc(
        "# Outage log\n\n- 03/21/16 4:26pm: edge router stopped answering\n- 03/22/16 Tuesday 9:10am: upstream link flapped\n- 03/23/2016 Wednesday 9:10am: second flap\n",
    );
    assert_eq!(times_as_written(&doc), ["2016-03-21 16:26", "2016-03-22 09:10", "2016-03-23 09:10"]);
}

/// A form copied from a page: `Issue start:` with its colon alone on a line (a space after it),
/// the day and time on the next. Both become the incident's times and entries.
#[test]
fn an_issue_start_label_over_its_value() {
    let src = "# Wireless outage\n\nIssue start: \nSunday, October 21, 2018 - 8:00am\n\nIssue end:\nSunday, October 21, 2018 - 11:30am\n\nThe campus wireless controller failed.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2018-10-21 08:00", "2018-10-21 11:30"]);
    assert_eq!(doc.times.started.as_ref().map(|t| t.as_text()).as_deref(), Some("2018-10-21 08:00"));
    assert_eq!(doc.times.resolved.as_ref().map(|t| t.as_text()).as_deref(), Some("2018-10-21 11:30"));
}

/// A mail about an outage, its day on a `Sent` line, two sentences that each end with their
/// time ("went down at 11:42am. It was back up at 4:15pm"): two entries, where one such sentence
/// alone stays prose.
#[test]
fn two_sentences_that_end_with_their_times() {
    let src = "Unplanned mail outage\n\nSent 3/14/2008\n\n\nFor a reason we do not know yet (the logs are empty) the file server went down at 11:42am. It was back up at 4:15pm\n\nMost of the recovery steps worked.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2008-03-14T11:42:00Z", "For a reason we do not know "),
            ("2008-03-14T16:15:00Z", "It was back up at 4:15pm"),
        ])
    );
    let doc = import_utc(
        "Unplanned mail outage\n\nSent 3/14/2008\n\nThe disk on the file server filled up at 11:42am.\n\nMost of the recovery steps worked.\n",
    );
    assert!(doc.timeline.is_empty(), "{:?}", doc.timeline);
}

/// A game studio's forum post, its day only in the title (`- 3/9/2015 -`), its updates newest
/// first as `Update 2 (7:00 PM PST): text`: an entry each on that day, Pacific time (summer
/// time from 8 March 2015), the update's number kept in the event.
#[test]
fn numbered_updates_with_their_time_in_brackets() {
    let src = "# Forum and Login Downtime - 3/9/2015 - Updated\n\nUpdate 3 (9:30 PM PST): Logins are working again and we are watching closely.\n\nUpdate 2 (7:00 PM PST): We are still working with our host on the attack.\n\nUpdate 1 (5:15 PM PST): Players cannot log into the forums right now.\n\nHello everyone, a word on today's outage.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2015-03-10T04:30:00Z", "Update 3: Logins are working"),
            ("2015-03-10T02:00:00Z", "Update 2: We are still worki"),
            ("2015-03-10T00:15:00Z", "Update 1: Players cannot log"),
        ])
    );
}

/// A status page copied whole: its menu and legend first, the incident's title right above
/// "Incident Report for …", a postmortem whose sentences give `05/30 01:35 PDT` (a month and day
/// without the year, which the page's `Posted` lines give) and "mitigated at 11:00 PDT" (that
/// day), then the resolved update over its `Posted` line, both of its sentences its text.
#[test]
fn a_status_page_copied_whole_with_its_postmortem() {
    let src = "System Status\n\nStatus of Example services and history of incidents\n\nOperational\nPartial Outage\nMajor Outage\nBuild Service - New game servers not starting in West Europe\nIncident Report for Example\nPostmortem\n\nStarting 05/30 01:35 PDT, new game servers were not being started in West Europe.\n\nA restart of one scheduler node left the others with a stale member list. The issue was mitigated at 11:00 PDT by restarting every scheduler node.\n\nPosted Jun 11, 2019 - 23:16 PDT\n\nResolved\nGame servers could not be started in West Europe. The issue was fixed within eight hours.\nPosted May 30, 2019 - 01:30 PDT\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Build Service - New game servers not starting in West Europe");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2019-05-30T08:35:00Z", "new game servers were not be"),
            ("2019-05-30T18:00:00Z", "The issue was mitigated at 1"),
            ("2019-05-30T08:30:00Z", "Resolved Game servers could "),
        ])
    );
    assert!(doc.timeline[2].event.ends_with("The issue was fixed within eight hours."), "{:?}", doc.timeline[2].event);
}

/// A blog post dated on its first line (Friday the 26th) that tells of the evening before: "at
/// 20:30 on the 25th" puts that sentence and the next one's "down since 16:30" on the 25th.
#[test]
fn a_day_of_the_month_alone_in_a_sentence() {
    let src = "Friday, 26 September 2014\n\n\nI got back from dinner at 20:30 on the 25th, and saw that the alert had been going for four hours. The link was down, and had been down since 16:30.\n\nSo I called the provider.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2014-09-25 20:30", "2014-09-25 16:30"]);
}

/// A university's status page: its weekly maintenance windows by day name ("• Tuesday: between
/// 4 a.m. and 7 a.m.") are no moments of any incident; the alert below them, with its day, is.
#[test]
fn weekly_maintenance_windows_are_not_entries() {
    let src = "System Status\n\nWeekly Outage Windows\n\nSystems may be unavailable for weekly routine maintenance during the times listed below:\n\n  • Tuesday: between 4 a.m. and 7 a.m.\n  • Saturday and Sunday: between 6 a.m. and 10 a.m.\n\nUnscheduled System Alerts\n\nDescription: As of 11:30am on Wednesday, November 25th, 2020, the password reset page has been taken offline to fix a known issue.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2020-11-25 11:30"]);
}

/// Spans told in a sentence: "from approximately 9:30AM through to 2:15PM", and "from 11 AM PST
/// (7 PM GMT) to 4:30 PM PST (12:30 AM GMT)" with the same moment on another clock in brackets:
/// each entry keeps its span's end.
#[test]
fn spans_through_to_and_past_another_clock() {
    let src = "Mail outage on 3/2/2016\n\nMail was down from approximately 9:30AM through to 2:15PM while the relay was rebuilt.\n\nLogins failed from approximately 11 AM PST (7 PM GMT) to 4:30 PM PST (12:30 AM GMT) as the DNS host was attacked.\n";
    let doc = import_utc(src);
    let ends: Vec<Option<String>> = doc
        .timeline
        .iter()
        .map(|e| e.extra.get("imported-until").and_then(|v| v.as_str()).map(str::to_string))
        .collect();
    assert_eq!(times_as_written(&doc), ["2016-03-02T09:30:00-08:00", "2016-03-02T11:00:00-08:00"]);
    assert_eq!(ends, [Some("14:15".to_string()), Some("16:30".to_string())]);
}
