//! Importing the shapes held-out set W of real postmortems showed (see tests/corpus/REAL.md),
//! from fixtures and snippets written in the same shapes in our own words: every entry at the
//! right instant, the title a copied page shows, and what the export shows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// `**22:10–22:25 (Jun 3):**`: the day in brackets after a time range is the entry's day, and
/// the rows after it keep it; the title's later day does not move them. The bracket is not
/// left at the start of the event.
#[test]
fn a_day_in_brackets_after_the_time_is_the_entrys_day() {
    let doc = import_utc(&fixture("day-in-brackets-after-time.md"));
    assert_eq!(doc.timezone, "America/New_York");
    let timed: Vec<(String, String)> = rows(&doc).into_iter().filter(|(t, _)| t.ends_with('Z')).collect();
    assert_eq!(
        timed,
        pairs(&[
            ("2026-06-04T02:10:00Z", "first run starts; it writes "),
            ("2026-06-04T11:40:00Z", "the runner wakes and starts "),
            ("2026-06-04T11:52:00Z", "the second run copies the sa"),
            ("2026-06-04T12:05:00Z", "the on-call engineer stops t"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    assert!(md.contains("| 2026-06-03 22:10 -04:00 | first run starts"), "{md}");
}

/// A summary that says what "would have run again at 2:00 AM on 2026-04-15" and an open item
/// that names 2026-04-15 in the sentence after a "2:00 AM run": neither states the day of the
/// timeline's 2:00 rows, which stay on the incident's date.
#[test]
fn a_day_told_of_what_would_happen_does_not_move_the_timeline() {
    let doc = import_utc(&fixture("hypothetical-day-in-summary.md"));
    assert_eq!(doc.timezone, "America/Chicago");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-04-14T07:00:00Z", "The updater asks the agent f"),
            ("2026-04-14T07:00:21Z", "The agent stops the gateway;"),
            ("2026-04-14T07:00:24Z", "The gateway exits; nothing s"),
            ("2026-04-14T11:40:00Z", "We find the gateway stopped"),
            ("2026-04-14T11:44:10Z", "The gateway is started by ha"),
        ])
    );
}

/// A university's write-up in sentences: "at approximately 9 a.m. on Tuesday, March 3" (a
/// dotted am/pm inside the sentence, a day without its year, the year in the title), "By 4:45
/// p.m. on Tuesday, March 3, ...". No zone is stated: the times stay wall-clock times.
#[test]
fn dotted_am_pm_and_a_day_without_its_year_in_sentences() {
    let src = "March 2026 campus network outage summary\n\nOn Tuesday, March 3, the campus network was unavailable for most of the day.\n\nThe trouble began at approximately 9 a.m. on Tuesday, March 3, when the core switch rebooted in a loop.\n\nBy 4:45 p.m. on Tuesday, March 3, the network was back for every building.\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "March 2026 campus network outage summary");
    let times = times_as_written(&doc);
    assert_eq!(times, ["2026-03-03 09:00", "2026-03-03 16:45"]);
    assert!(doc.timeline[0].event.contains("when the core switch rebooted"), "{:?}", doc.timeline[0]);
}

/// Bullets that tell a certificate "expired at midnight GMT on Tuesday March 3rd" under a title
/// spanning "March 2-3, 2026": midnight is a time, the bullet's own day is the day of the
/// bullets after it.
#[test]
fn midnight_and_the_day_a_bullet_names() {
    let src = "Mail relay outage on March 2-3, 2026\n\nA short timeline and summary of what happened: #\n\n  • The relay's certificate expired at midnight GMT on Tuesday March 3rd. Mail was refused from then until 06:20 UTC.\n  • A probe failed and an alert fired at ~00:07 UTC. It was taken for a false alarm.\n  • At ~03:50 UTC a second team picked up the escalation.\n  • At ~06:05 UTC the new certificate was in place and mail flowed again.\n";
    let doc = import_utc(src);
    assert_eq!(doc.title, "Mail relay outage on March 2-3, 2026");
    let at: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(at, ["2026-03-03T00:00:00Z", "2026-03-03T00:07:00Z", "2026-03-03T03:50:00Z", "2026-03-03T06:05:00Z"]);
}

/// Copied pages with no heading: a question for a title, "Name: subject", a status page's
/// header over "Incident Report for ...", a title below a promotion's banner, and a status
/// page's name ("Acme Status") that is no title.
#[test]
fn titles_of_copied_pages_without_a_heading() {
    let title = |src: &str| import_utc(src).title;
    assert_eq!(
        title("Two outages in three days. What went wrong?\n\nWe were down twice this week.\n"),
        "Two outages in three days. What went wrong?"
    );
    assert_eq!(
        title("Acme outage: When the disk filled up\n\nFrom 02:10 until 04:00 we were down.\n"),
        "Acme outage: When the disk filled up"
    );
    assert_eq!(
        title("Ingest Delays\nIncident Report for Acme\n\nOn May 2 ingest was slow for an hour.\n"),
        "Ingest Delays"
    );
    assert_eq!(
        title(
            "Acme Status\n\nDatabase failover - Frankfurt\nIncident Report for Acme\n\nAt 10:00 UTC the primary failed.\n"
        ),
        "Database failover - Frankfurt"
    );
    assert_eq!(
        title(
            "Join our partner program: Earn with every referral today\nx\n\nWebhook Outage on May 2, 2026\n\nWebhooks were not sent for two hours.\n"
        ),
        "Webhook Outage on May 2, 2026"
    );
    // The header's second line stays in the text.
    let doc = import_utc("Ingest Delays\nIncident Report for Acme\n\nOn May 2 ingest was slow for an hour.\n");
    assert!(doc.sections.iter().any(|s| s.text.contains("Incident Report for Acme")));
}

/// `## Timeline (laptop clock, JST)` and `## 時系列（PC の時刻、JST）`: the zone closing the bracket
/// after a note on whose clock it is.
#[test]
fn a_zone_after_a_note_in_the_timeline_heading() {
    for heading in ["## Timeline (laptop clock, JST)", "## 時系列（PC の時刻、JST）"] {
        let src = format!(
            "# Board test 2026-09-20\n\n{heading}\n\n| Time | Step |\n|---|---|\n| 22:10 | Power on with the button held |\n| 22:12:30 | Reset |\n| 22:15 | Port opened at 1200 bps |\n"
        );
        let doc = import_utc(&src);
        assert_eq!(doc.timezone, "Asia/Tokyo", "{heading}");
        assert_eq!(rows(&doc)[1], ("2026-09-20T13:12:30Z".into(), "Reset".into()), "{heading}");
    }
}

/// An issue page copied with its line breaks: each time on a line of its own, its event on the
/// next between dashes, under a date line and "All times UTC.". The entries are read one by
/// one, and every word of the page is kept.
#[test]
fn times_on_their_own_lines_over_their_events() {
    let src = fixture("split-time-lines.md");
    let doc = import_utc(&src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-02-11T09:12:00Z", "the latency alert fires for "),
            ("2026-02-11T09:14:00Z", "the on-call engineer opens a"),
            ("2026-02-11T09:25:00Z", "a cache node is found out of"),
            ("2026-02-11T09:40:00Z", "latency is back to normal af"),
        ])
    );
    let md = blameless::export::to_markdown(&doc);
    for words in ["Alert on cache memory before it runs out", "From 09:12 - 09:40 UTC the web tier answered slowly"] {
        assert!(md.contains(words), "{words} lost:\n{md}");
    }
}

/// `≤11:30` in a time cell: read as the time written.
#[test]
fn a_time_cell_with_at_most() {
    let src = "# Slow disk 2026-07-01\n\n## Timeline (UTC)\n\n| Time | State |\n|---|---|\n| ≤11:30 | Normal |\n| 11:33 | Requests collapse |\n| 12:24 | Recovery |\n";
    assert_eq!(rows(&import_utc(src))[0], ("2026-07-01T11:30:00Z".into(), "Normal".into()));
}

/// A usability run's table `| step | time | notes |` (set X, after its measure): the step, the
/// column of words before the time, is the event; the notes stay beside it.
#[test]
fn a_step_column_before_the_time_is_the_event() {
    let src = "# Trying the new pack\n\nDate: 2026-10-03. All times BST.\n\n## Timeline (approximate)\n\n| step | time | notes |\n|---|---|---|\n| Read the README | 22:40-22:41 | short and clear |\n| Build the solver | 22:41-22:45 | first try |\n| Run the campaign | 22:45-23:00 | 15 minutes |\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-10-03T21:40:00Z", "Read the README"),
            ("2026-10-03T21:41:00Z", "Build the solver"),
            ("2026-10-03T21:45:00Z", "Run the campaign"),
        ])
    );
    // The notes are kept with the entry in the document.
    assert!(format!("{:?}", doc.timeline[0]).contains("short and clear"), "{:?}", doc.timeline[0]);
}

/// More copied titles (set X, after its measure): a status header over a one-word
/// "Postmortem" line, "Name: 504 Timeouts" with a digit after the colon; a short question
/// ("Need support?") is a page's menu, not a title.
#[test]
fn status_headers_and_short_questions() {
    let title = |src: &str| import_utc(src).title;
    assert_eq!(
        title(
            "Card Payments Outage\nIncident Report for Acme\nPostmortem\n\nSummary\n\nOn the 2nd May 2026 payments failed.\n"
        ),
        "Card Payments Outage"
    );
    assert_eq!(
        title("Global Outage: 504 Timeouts\n\nWe were down for seven minutes.\n"),
        "Global Outage: 504 Timeouts"
    );
    assert_eq!(title("Need support?\n\nMail us any time.\n"), "Untitled incident");
}
