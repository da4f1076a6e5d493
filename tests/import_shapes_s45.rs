//! Importing shapes met in session 45 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant, and what the import says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A day with its weekday in brackets and a window written with a tilde (`March 3, 2024 (Sun)
/// 10:00 ~ 14:00 (UTC)`, as East Asian notices write them): the start is the entry, the end
/// kept as its range end.
#[test]
fn a_day_with_its_weekday_in_brackets_and_a_tilde_window() {
    let src = "# Maintenance overrun\n\n## Timeline\n\n- March 3, 2024 (Sun) 10:00 ~ 14:00 (UTC): database maintenance window\n- March 3, 2024 (Sun) 14:30 (UTC): the window was extended\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-03-03T10:00:00Z", "database maintenance window"),
            ("2024-03-03T14:30:00Z", "the window was extended"),
        ])
    );
    assert_eq!(doc.timeline[0].extra.get("imported-until").and_then(|v| v.as_str()), Some("14:00"));
}

/// Four-digit times in prose, a span's start before "to" with the zone only after its end
/// ("from 0915 to 1040 UTC"): the start is read too, not only the end.
#[test]
fn a_span_of_four_digit_times_with_its_zone_after_the_end() {
    let src = "# API errors\n\nOn 2024-05-14 the API returned errors from 0915 to 1040 UTC. The deploy went out at 0905 UTC.\n";
    let doc = import_utc(src);
    let times: Vec<String> = rows(&doc).into_iter().map(|(t, _)| t).collect();
    assert!(times.contains(&"2024-05-14T09:15:00Z".to_string()), "{times:?}");
    assert!(times.contains(&"2024-05-14T09:05:00Z".to_string()), "{times:?}");
}

/// A copied page that lost a line break glues an entry to the full stop of the one before it
/// (`...were failing.15:31 — We found ...`): two entries, each at its own time.
#[test]
fn an_entry_glued_to_the_full_stop_of_the_one_before() {
    let src = "# Search outage\n\nOn Sunday March 15, 2026 from 15:00 to 16:15 GMT search was down.\n\n## Timeline\n\n15:05 — Alerts fired for search latency.\n15:20 — On-call paged the database team, queries were failing.15:31 — We found the lock on the index table.\n16:15 — Search recovered.\n";
    // (The summary's window opens at a moment the timeline does not have: an entry too.)
    assert_eq!(
        rows(&import_utc(src)),
        pairs(&[
            ("2026-03-15T15:00:00Z", "On Sunday March 15, 2026 fro"),
            ("2026-03-15T15:05:00Z", "Alerts fired for search late"),
            ("2026-03-15T15:20:00Z", "On-call paged the database t"),
            ("2026-03-15T15:31:00Z", "We found the lock on the ind"),
            ("2026-03-15T16:15:00Z", "Search recovered."),
        ])
    );
}

/// A timeline written as an HTML table inside the Markdown (status pages and wikis leave them
/// so): each row an entry, a link in a cell kept as a link, an entity read.
#[test]
fn an_html_table_timeline_is_read_as_a_table() {
    let src = "# Outage\n\n<h2>Timeline (UTC)</h2>\n<table>\n<tr><th>Time</th><th>Event</th></tr>\n<tr>\n  <td>2024-06-01 10:02</td>\n  <td>Alerts for <a href=\"https://example.com/i/7\">checkout</a> fired</td>\n</tr>\n<tr><td>2024-06-01 10:30</td><td>Rolled back &amp; paged</td></tr>\n</table>\n";
    let doc = import_utc(src);
    assert_eq!(
        rows(&doc),
        pairs(&[
            ("2024-06-01T10:02:00Z", "Alerts for [checkout](https:"),
            ("2024-06-01T10:30:00Z", "Rolled back & paged")
        ])
    );
    assert!(doc.timeline[0].event.contains("[checkout](https://example.com/i/7) fired"), "{}", doc.timeline[0].event);
}

/// A blog post's front matter gives the day it was published (`pubDate: 2025-01-20`), its text
/// the day of the attack ("Le **17 janvier 2025**, ..."): the timeline's bare times are on the
/// day the text tells. With no day in the text, the front matter's is taken.
#[test]
fn the_day_the_text_tells_beats_the_front_matters_publication_day() {
    let src = "---\ntitle: Retour d'expérience\npubDate: 2025-01-20\n---\n\nLe **17 janvier 2025**, une attaque a été détectée. Elle a commencé à 22h30 (UTC+1).\n\n### Chronologie\n\n**22h30 :** Début de l'attaque\n**22h36 :** Déconnexion du VPN\n";
    assert_eq!(
        rows(&import_utc(src)).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
        ["2025-01-17T21:30:00Z", "2025-01-17T21:36:00Z"]
    );
    let src = "---\ntitle: Retour\npubDate: 2025-01-20\n---\n\nUne attaque a été détectée.\n\n### Chronologie\n\n**22h30 :** Début de l'attaque\n";
    assert_eq!(rows(&import_utc(src)).into_iter().map(|(t, _)| t).collect::<Vec<_>>(), ["2025-01-20T22:30:00Z"]);
}

/// A file that states no zone, written in a language spoken in one zone only (a Norwegian
/// team's notes): its times are that zone's, and the report says why; in English the
/// computer's zone is assumed, as before.
#[test]
fn a_language_of_one_zone_gives_its_zone_to_a_file_that_states_none() {
    let src = "# Driftsavbrudd i e-posttjenesten\n\nVi fikk varsel og tjenesten ble ustabil. Det var ikke mulig å logge inn, og vi har nå rettet feilen etter at noen fra driften sjekket det. Også eposten var nede.\n\n## Tidslinje\n\n- 2024-01-15 14:05: Varsel om feil på e-post\n- 2024-01-15 15:20: Tjenesten er tilbake\n";
    let (doc, report) = import_with_report(src);
    assert_eq!(doc.timezone, "Europe/Oslo");
    assert_eq!(
        rows(&doc).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
        ["2024-01-15T13:05:00Z", "2024-01-15T14:20:00Z"]
    );
    assert!(report.contains("written in Norwegian or Danish, spoken in that zone only"), "{report}");
    let (doc, report) = import_with_report(
        "# Mail outage\n\nWe were paged and the service was down.\n\n## Timeline\n\n- 2024-01-15 14:05: Mail alerts fired\n",
    );
    assert_eq!(doc.timezone, "UTC");
    assert!(report.contains("this is the zone of the computer that imported it"), "{report}");
}
