//! Importing shapes met in session 52 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

fn md(doc: &blameless::doc::Document) -> String {
    blameless::export::to_markdown(doc)
}

/// A status page copied whole: its postmortem written with headings as plain lines ("Root
/// cause", "Next steps"), then the earlier updates, each over its `Posted ...` line. The updates
/// are the timeline, not contributing factors of the "Root cause" heading they happen to follow;
/// the postmortem above them keeps its sections, the stamp below it an entry of its own.
#[test]
fn status_updates_below_a_cause_heading_are_the_timeline() {
    let src = "Portal not loading\n\nIncident Report for Clinicware\n\nPostmortem\n\nSummary of event\nOn May 3 a deploy halved the web servers.\n\nRoot cause\nThe deploy ran after the nightly sizing job.\n\nNext steps\n\n  • Size servers when a deploy ships\nPosted May 04, 2025 - 10:15 EDT\n\nResolved\n\nThe portal works again.\nPosted May 03, 2025 - 13:00 EDT\n\nInvestigating\n\nWe are looking into reports of a slow portal.\nPosted May 03, 2025 - 09:20 EDT\nThis incident affected: Portal.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-05-04T14:15:00Z", "Posted"),
            ("2025-05-03T17:00:00Z", "Resolved The portal works ag"),
            ("2025-05-03T13:20:00Z", "Investigating We are looking"),
        ])
    );
    // The postmortem keeps its sections; its `Posted` line is the first entry.
    let md = md(&doc);
    assert!(md.contains("The deploy ran after the nightly sizing job."), "{md}");
    assert!(md.contains("Size servers when a deploy ships"), "{md}");
    assert!(doc.factors.is_empty(), "{:?}", doc.factors);
}

/// Updates each over its own stamp line below it, a middle dot between the day and the time
/// (`May 5, 2025 · 08:57 BST`), newest first: the text above the first stamp says the incident
/// is over, so each stamp closes the update above it. The text after the last stamp, whose
/// stamp was not copied, stays in the document.
#[test]
fn updates_over_their_stamp_lines_take_the_stamp_below() {
    let src = "Card payments failing\n\nMinor incident\n\nWe consider this issue resolved. Thanks for your patience.\n\nMay 5, 2025 · 08:57 BST\n\nThe errors have stopped; we wait for the bank to confirm.\n\nMay 5, 2025 · 08:28 BST\n\nWe see more declined card payments than usual.\n\nMay 5, 2025 · 01:36 BST\n\nWe are in touch with our bank.\n";
    let doc = import_utc(src);
    let got = rows(&doc);
    assert_eq!(
        got[..3],
        pairs(&[
            ("2025-05-05T07:57:00Z", "We consider this issue resol"),
            ("2025-05-05T07:28:00Z", "The errors have stopped; we "),
            ("2025-05-05T00:36:00Z", "We see more declined card pa"),
        ])[..]
    );
    assert!(md(&doc).contains("We are in touch with our bank."));
}

/// A status history copied with each entry's zone glued to its first word (`14:18 CETPage`):
/// the zone is read as the zone and the event keeps its own word.
#[test]
fn a_zone_glued_to_the_events_first_word() {
    let src = "# Mail throttled\n\n## Timeline\n\n23 Mar 2026\n\n14:18 CETPage · 8% of mail queued\n14:21 CETIdentified: one receiver rejects us\n15:03 CETResolved: queue drained\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2026-03-23T13:18:00Z", "Page · 8% of mail queued"),
            ("2026-03-23T13:21:00Z", "Identified: one receiver rej"),
            ("2026-03-23T14:03:00Z", "Resolved: queue drained"),
        ])
    );
}

/// A paragraph that tells a span over midnight with each end's day and "at" ("Between
/// 2025-11-13 at 23:05 UTC and 2025-11-14 at 00:01, ..."), then bare times: the span is one
/// entry at its start, and the bare times after it are on its first day, not the second.
#[test]
fn a_span_over_midnight_told_with_days_keeps_the_later_times_on_its_first_day() {
    let src = "# Elevated errors\n\n## Summary\n\nBetween 2025-11-13 at 23:05 UTC and 2025-11-14 at 00:01, the platform failed half of its requests. At 23:14 UTC the on-call engineer was paged. The errors fell around 23:36 UTC.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2025-11-13T23:05:00Z", "Between 2025-11-13 at 23:05 "),
            ("2025-11-13T23:14:00Z", "the on-call engineer was pag"),
            ("2025-11-13T23:36:00Z", "The errors fell around 23:36"),
        ])
    );
}

/// A numbered timeline whose item goes on with a sentence that opens with a later time of its
/// own ("At 17:06 we replied ..."): that sentence is an entry at its moment, on the item's day;
/// a time inside a sentence or earlier than the item's stays in its text.
#[test]
fn a_later_sentence_inside_an_item_is_an_entry_of_its_own() {
    let src = "# Database stuck read-only\n\n## Timeline\n\n1. Tuesday, July 25, 2023 at 16:32 we wrote to the host's support. At 17:06 we replied that killing the sessions fixes it.\n2. Thursday, July 27, 2023 at 03:30 the migration failed. We had run it at 02:10 once before.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2023-07-25T16:32:00Z", "we wrote to the host's suppo"),
            ("2023-07-25T17:06:00Z", "At 17:06 we replied that kil"),
            ("2023-07-27T03:30:00Z", "the migration failed. We had"),
        ])
    );
}

/// Updates each under a stamp that puts the time first, then its zone and the offset in
/// brackets, then the day with an ordinal (`02:54 pm PST (UTC-8) December 11th, 2024`): each
/// an entry at that moment in Pacific time, the bracketed offset kept at the head of its text.
#[test]
fn time_first_stamps_with_the_offset_in_brackets() {
    let src = "# Degraded\n\n## Updates\n\n02:54 pm PST (UTC-8) December 11th, 2024\n\nRecovery is stable.\n\n08:14 am PST (UTC-8) December 11th, 2024\n\nHigh traffic from a partner.\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-12-11T22:54:00Z", "(UTC-8) Recovery is stable."),
            ("2024-12-11T16:14:00Z", "(UTC-8) High traffic from a ")
        ])
    );
}

/// A status page's header fields with the zone after a dash (`Discovered: Mar 09, 2024 11:00 -
/// UTC`): "Discovered" is when the incident was detected, and both times are read in UTC.
#[test]
fn header_fields_with_the_zone_after_a_dash() {
    let src = "# Maps down\n\nDiscovered: Mar 09, 2024 11:00 - UTC\nResolved: Mar 10, 2024 03:21 - UTC\n\n## Timeline\n\n- 11:00 - Maintenance started.\n";
    let doc = import_utc(src);
    let yaml = serde_yaml::to_string(&doc.times).unwrap();
    assert!(
        yaml.contains("detected: 2024-03-09T11:00:00Z") || yaml.contains("detected: \"2024-03-09T11:00:00Z\""),
        "{yaml}"
    );
    assert!(
        yaml.contains("resolved: 2024-03-10T03:21:00Z") || yaml.contains("resolved: \"2024-03-10T03:21:00Z\""),
        "{yaml}"
    );
}
