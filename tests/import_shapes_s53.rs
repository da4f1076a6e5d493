//! Importing shapes met in session 53 (see tests/corpus/REAL.md), from snippets written in the
//! same shapes in our own words: every entry at the right instant.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/import_rows.rs"]
mod import_rows;
use import_rows::*;

/// A German report told in prose: the page's "updated" day comes first, then the sentence that
/// sets the scene with the incident's day in digits after words of time ("Am letzten Mittwoch,
/// den 10.04.2013, ..."). The times that follow are on that day, not on the day of the update.
#[test]
fn a_german_scene_day_in_digits_beats_the_pages_update_day() {
    let src = "# Bericht zur Störung\n\nAktualisiert am 3. Juni 2021\n\nAm letzten Mittwoch, den 10.04.2013, war ein Teil unserer Kunden von einem Ausfall betroffen. Ab 03:11 Uhr waren unsere Server nicht mehr erreichbar.\n\nDie Ursache wurde gefunden und ab 10:20 Uhr waren alle Server wieder erreichbar.\n";
    let doc = import_utc(src);
    assert_eq!(times_as_written(&doc), ["2013-04-10 03:11", "2013-04-10 10:20"], "{:?}", rows(&doc));
}
