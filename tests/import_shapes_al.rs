//! Importing the shapes the tuning set AL of real postmortems showed (see tests/corpus/REAL.md):
//! times told in German and French sentences (`gegen 14 Uhr`, `um 14.20 Uhr`, `am 03.03.`,
//! `à 15h55`), a sentence that tells several moments, each in a clause of its own, and a status
//! page's history copied with each update's day and time on the line below it. From fixtures
//! written in the same shapes in our own words: every entry at the right instant, and nothing
//! lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

fn md(doc: &blameless::doc::Document) -> String {
    blameless::export::to_markdown(doc)
}

/// German prose with no timeline: each time after `um` or `gegen` (`14 Uhr`, `14.20 Uhr`,
/// `13:55 Uhr`) is an entry on the day the sentences give (`dem 3. März 2026`, `am 03.03.`),
/// also when the verb closes the sentence after the clock ("um 15:40 Uhr beheben.").
#[test]
fn times_told_in_german_sentences() {
    let doc = import_utc(&fixture("sentences-german-uhr.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-03T14:00:00Z", "Am Dienstag, dem 3. März 202"),
            ("2026-03-03T14:20:00Z", "haben wir den Dienst neu ges"),
            ("2026-03-03T13:55:00Z", "Die eigentliche Ursache trat"),
            ("2026-03-03T15:40:00Z", "Wir konnten den Fehler nach "),
            ("2026-03-03T16:05:00Z", "waren alle Postfächer wieder"),
        ])
    );
    assert!(md(&doc).contains("Wir bitten um Entschuldigung."));
}

/// French prose: `À 15h55` and `à 16h20` on the day "le 4 mars 2026" names.
#[test]
fn times_told_in_french_sentences() {
    let doc = import_utc(&fixture("sentences-french-hours.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-04T15:55:00Z", "le service s'arrête complète"),
            ("2026-03-04T16:20:00Z", "Le service redémarre à 16h20"),
        ])
    );
}

/// "started rejecting queries at 09:12 UTC, was drained at 09:40 UTC and fully recovered by
/// 10:05 UTC": one entry per moment, each with the words of its clause; a time inside the
/// clause of another ("The alert that fired at 09:14 UTC was acknowledged ...") is not split.
#[test]
fn a_sentence_that_tells_several_moments() {
    let doc = import_utc(&fixture("sentence-several-moments.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-05-12T09:12:00Z", "On 12 May 2026 the search cl"),
            ("2026-05-12T09:40:00Z", "was drained at 09:40 UTC"),
            ("2026-05-12T10:05:00Z", "fully recovered by 10:05 UTC"),
            ("2026-05-12T09:14:00Z", "The alert that fired at 09:1"),
        ])
    );
    assert_eq!(doc.timeline[2].marker, Some(blameless::doc::Marker::Resolved));
    assert!(md(&doc).contains("fully recovered by 10:05 UTC. The alert"));
}

/// A status page's history, newest first: each update opened by its status word and a dash,
/// its day and time on the line below (`Jun 8, 18:20 CEST`, no year: the page's day line
/// `Jun 8, 2025` gives it, though the updates run backwards); the update whose stamp was not
/// copied and the days with no incident stay as written.
#[test]
fn a_status_pages_history_with_stamps_below_the_updates() {
    let doc = import_utc(&fixture("status-history-stamps-below.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-06-08T16:20:00Z", "Resolved - Uploads are proce"),
            ("2025-06-08T15:45:00Z", "Monitoring - A fix was rolle"),
            ("2025-06-08T15:02:00Z", "Investigating - Uploads are "),
            ("2025-06-12T08:00:00Z", "Postmortem - Read the summar"),
            ("2025-06-08T07:30:00Z", "Resolved - The mail relay ac"),
        ])
    );
    assert!(doc.timeline[0].event.contains("A summary will follow."));
    let text = md(&doc);
    assert!(text.contains("No incidents reported today.") && text.contains("Update - The relay of the provider was"));
}

/// A postmortem pasted as an assistant answers: a line of the answer, then the document in a
/// fence labelled `markdown` that is never closed. Its headings, metadata and timeline are
/// read as the file's own; the line above is kept.
#[test]
fn a_postmortem_inside_a_markdown_fence() {
    let doc = import_utc(&fixture("postmortem-in-markdown-fence.md"));
    assert_eq!(doc.title, "Postmortem: Cache cluster outage");
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-02-11T08:10:00Z", "Cache hit rate alert fired."),
            ("2025-02-11T08:25:00Z", "Eviction storm traced to a c"),
            ("2025-02-11T09:05:00Z", "Old limit restored, hit rate"),
        ])
    );
    assert!(md(&doc).contains("Here is the postmortem you asked for"));
}

/// Sentences whose days are written in digits with a two-digit year ("on 3/14/24", "on
/// 3/16/24"): each time on its own day, not the morning after the first.
#[test]
fn days_in_digits_in_sentences() {
    let doc = import_utc(&fixture("sentences-digit-dates.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-14T21:10:00Z", "Outage timeframe The problem"),
            ("2024-03-16T07:20:00Z", "The service was restored at "),
        ])
    );
}

/// Time headings under a sentence that sets the scene ("On the evening of Feb 23, ..."), in a
/// page whose front matter is dated the day after (the day it was published): the times are
/// on the 23rd, in the zone the text states.
#[test]
fn the_day_a_sentence_sets_the_scene_with() {
    let doc = import_utc(&fixture("scene-day-before-published-date.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-02-24T05:10:00Z", "The gateway pod was restarte"),
            ("2026-02-24T05:45:00Z", "It stopped again; we gave it"),
            ("2026-02-24T07:30:00Z", "Quiet since."),
        ])
    );
    // A day told after the timeline's first time sets no scene: the front matter's date stays.
    let later = fixture("scene-day-before-published-date.md")
        .replace("On the evening of Feb 23, the gateway", "The gateway")
        .replace("Quiet since.", "Quiet since. On Feb 20 we had raised its memory limit.");
    let doc = import_utc(&later);
    assert_eq!(rows(&doc)[0].0, "2026-02-25T05:10:00Z");
}

/// A status page's list of past incidents, newest first and without a year: each name, its
/// last status and stamp (`Resolved Jun 14 at 03:10am BST`) and its last update; one entry per
/// incident, all in one year (an earlier day below a later one is not the next year).
#[test]
fn a_status_pages_past_incidents_each_under_its_name() {
    use blameless::import;
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let src = fixture("status-past-incidents-named.md");
    let path = std::path::Path::new("status.md");
    let doc = import::from_markdown_file_on(&src, path, &template("default"), &options, today).doc;
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-06-14T02:10:00Z", "Resolved: Nightly export is "),
            ("2026-06-12T20:45:00Z", "Resolved: Webhooks are delay"),
            ("2026-06-02T10:20:00Z", "Resolved: Dashboard login fa"),
        ])
    );
    assert!(doc.timeline[1].event.contains("Deliveries caught up once the queue drained."));
}

/// An RFO paragraph in English with hours written the French way (`at 09h40 LT`, `at 10h LT`,
/// `On Wednesday 5th, at 2h10 LT`), "LT" naming no zone: an entry per time, on the day the
/// page's day line gives, the night's last past midnight on the next day.
#[test]
fn french_style_hours_in_english_sentences() {
    let doc = import_utc(&fixture("rfo-french-style-hours.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-04T09:40:00Z", "the main uplink of the north"),
            ("2025-03-04T10:00:00Z", "Our team received the first "),
            ("2025-03-04T15:20:00Z", "the carrier confirmed a dama"),
            ("2025-03-04T23:50:00Z", "the carrier spliced the fibr"),
            ("2025-03-05T02:10:00Z", "the link was clean again."),
        ])
    );
}

/// A Japanese notice: `2025年07月14日 9時12分~10時05分` and "10時05分頃に復旧いたしました。":
/// the start and the recovery, on that day.
#[test]
fn japanese_times_and_days() {
    let doc = import_utc(&fixture("japanese-notice-times.md"));
    let r = rows(&doc);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].0, "2025-07-14T00:12:00Z");
    assert_eq!(r[1], ("2025-07-14T01:05:00Z".to_string(), "10時05分頃に復旧いたしました。".to_string()));
}

/// One sentence, two instants: "starting around 2025-09-02 22:40:00 UTC and lasting until
/// 2025-09-03 01:10:00 UTC" is the start and the end, an entry each.
#[test]
fn a_span_told_as_two_clauses() {
    let doc = import_utc(&fixture("one-sentence-start-and-end.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-09-02T22:40:00Z", "We had a DNS outage starting"),
            ("2025-09-03T01:10:00Z", "lasting until 2025-09-03 01:"),
        ])
    );
}

/// A notice opened with its stamp as `date` prints it (`Thu Mar 6 18:20:11 PST 2025 — ...`): an
/// entry at that stamp, and "today at 14:05" on its day, in its zone.
#[test]
fn a_date_command_stamp_opening_a_notice() {
    let doc = import_utc(&fixture("date-command-stamp.md"));
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-03-07T02:20:11Z", "The second mail relay is bac"),
            ("2025-03-06T22:05:00Z", "The trouble began today at 1"),
        ])
    );
}

/// Beside a list of `At 08:05 we called ...` items, a paragraph that opens with its day and
/// time after words that only lead in to them ("Beginning on March 9th at 01:12:40 PDT during
/// ...") is an entry too, the start; a sentence told so at a moment the list already has ("On
/// March 9th at 08:05 we had already opened ...") stays prose.
#[test]
fn a_day_and_time_after_lead_in_words_beside_a_list() {
    use blameless::import;
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let src = fixture("lead-in-day-beside-a-list.md");
    let doc =
        import::from_markdown_file_on(&src, std::path::Path::new("r.md"), &template("default"), &options, today).doc;
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-09T08:12:40Z", "during the carrier's mainten"),
            ("2026-03-09T15:05:00Z", "At 08:05 we called the carri"),
            ("2026-03-09T18:30:00Z", "At 11:30 Mar. 9 we called ag"),
            ("2026-03-09T23:45:00Z", "At 16:45 Mar. 9 the carrier'"),
        ])
    );
    assert!(md(&doc).contains("we had already opened a ticket"));
}
