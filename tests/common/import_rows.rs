//! Importing fixtures and snippets, and reading back each timeline entry's instant: shared by
//! the import shape tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use blameless::doc::Document;
use blameless::import;
use blameless::template::{Library, Template};
use chrono::SecondsFormat;

pub fn template(name: &str) -> Template {
    Library::new(Vec::new(), None).find(name).unwrap()
}

pub fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).unwrap()
}

/// A file given as text, imported on a computer in UTC.
pub fn import_utc(src: &str) -> Document {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    import::from_markdown(src, &template("default"), &options).doc
}

/// As [`import_utc`], with the import's report as the user reads it.
pub fn import_with_report(src: &str) -> (Document, String) {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    let imported = import::from_markdown(src, &template("default"), &options);
    (imported.doc, imported.report.to_string())
}

/// Each entry's instant in UTC (a day alone as the day, text kept as typed as it is), and the
/// start of its event.
pub fn rows(doc: &Document) -> Vec<(String, String)> {
    let zone = doc.zone();
    doc.timeline
        .iter()
        .map(|e| {
            let at = match e.time.resolve(&zone) {
                Some(t) => t.with_timezone(&chrono::Utc).to_rfc3339_opts(SecondsFormat::Secs, true),
                None => e.time.as_text(),
            };
            (at, e.event.chars().take(28).collect())
        })
        .collect()
}

/// Each entry's time as the imported document writes it (`2022-04-11 05:15`, a day alone, or
/// the text kept as typed).
pub fn times_as_written(doc: &Document) -> Vec<String> {
    doc.timeline.iter().map(|e| e.time.as_text()).collect()
}

pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// The exported Markdown's timeline rows, as the reader sees them.
pub fn exported_rows(doc: &Document) -> Vec<String> {
    let md = blameless::export::to_markdown(doc);
    let start = md.find("## Timeline").unwrap();
    md[start..].lines().skip(4).take_while(|l| l.starts_with('|')).map(str::to_string).collect()
}

/// As [`import_utc`], imported from a file named `name` on `today` (so that a day written
/// without its year has one), with what the import reports.
pub fn import_named_on(src: &str, name: &str, today: chrono::NaiveDate) -> import::Imported {
    let options = import::Options { zone: "UTC".parse().unwrap(), zone_given: false };
    import::from_markdown_file_on(src, Path::new(name), &template("default"), &options, today)
}

pub fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A value the import kept beside row `row` (`imported-until`, `imported-who`, ...).
#[allow(dead_code)]
pub fn kept(doc: &Document, row: usize, key: &str) -> Option<String> {
    doc.timeline[row].extra.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// Asserts that `rows` (see [`rows`]) hold each of `expected`, in any order, among others.
#[allow(dead_code)]
pub fn assert_holds(rows: &[(String, String)], expected: &[(&str, &str)]) {
    for (at, text) in expected {
        assert!(rows.contains(&(at.to_string(), text.to_string())), "{at} {text}: {rows:?}");
    }
}
