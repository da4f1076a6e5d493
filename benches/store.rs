//! How long the everyday operations take on a large postmortem: load, save, validate, export.
//! Run with `cargo bench --bench store`; prints the median of many runs per operation.
//! (A bench binary rather than criterion keeps the dependency tree small.)

mod common;
use common::ms;
use std::hint::black_box;
use std::path::Path;

use blameless::doc::{Document, Moment, TimelineEntry, validate};
use blameless::template::Library;
use blameless::{export, store};

/// A large but realistic document: the default template, 400 timeline entries, long prose.
fn large_document() -> Document {
    let library = Library::new(Vec::new(), None);
    let template = library.find("default").unwrap_or_else(|e| panic!("{e}"));
    let mut doc = template.new_document(
        "Checkout API returned errors for 42 minutes",
        &"Europe/Berlin".parse().unwrap_or_else(|e: String| panic!("{e}")),
    );
    for section in doc.sections.iter_mut() {
        section.text =
            "The migration held a lock on `orders` for longer than the pool timeout; requests queued.\n\n".repeat(40);
    }
    for i in 0..400 {
        doc.timeline.push(TimelineEntry {
            time: format!("2026-11-24T{:02}:{:02}:00+01:00", 10 + i / 60, i % 60)
                .parse::<Moment>()
                .unwrap_or_else(|e| match e {}),
            event: format!("Event {i}: the error rate is {i} per second; the on-call checks the dashboard"),
            evidence: Some(format!("https://grafana.example.com/d/abc?from={i}")),
            marker: None,
            extra: Default::default(),
        });
    }
    doc
}

/// The big document of docs/PERFORMANCE.md: `benches/typical.yaml` with its "Detection and
/// response" section repeated to 1 MB and 5,000 more timeline entries, as the editor writes it.
fn big_text() -> String {
    let typical = include_str!("typical.yaml");
    let mut doc = store::yaml::from_str::<Document>(typical).unwrap_or_else(|e| panic!("{}", e.message));
    for section in doc.sections.iter_mut().filter(|s| s.id == "detection-and-response") {
        section.text = format!("{}\n", section.text).repeat(1_000_000 / section.text.len().max(1) + 1);
    }
    let start: Moment = "2026-11-12T20:00:00+01:00".parse().unwrap_or_else(|e| match e {});
    let start = start.resolve(&doc.zone()).unwrap_or_else(|| panic!("a time"));
    for n in 0..5000 {
        let at = start + chrono::Duration::minutes(n);
        doc.timeline.push(TimelineEntry {
            time: at.to_rfc3339().parse::<Moment>().unwrap_or_else(|e| match e {}),
            event: format!("Canary {n} of payments-gateway reports {} declined handshakes per minute", n % 97),
            evidence: None,
            marker: None,
            extra: Default::default(),
        });
    }
    store::document_text(&doc).unwrap_or_else(|e| panic!("{e}"))
}

fn measure(name: &str, runs: u32, f: impl FnMut()) {
    let times = common::timed(runs, f);
    println!(
        "{name:<28} median {:>9.3} ms   (p90 {:.3} ms, {runs} runs)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10])
    );
}

fn main() {
    let doc = large_document();
    let text = store::document_text(&doc).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("large.yaml");
    println!("document: {} KiB of YAML, {} timeline entries", text.len() / 1024, doc.timeline.len());
    measure("parse (text -> document)", 50, || {
        black_box(store::parse_document(Path::new("large.yaml"), &text).ok());
    });
    let big = big_text();
    println!("big document: {} KiB of YAML (one 1 MB section, 5,000 more timeline entries)", big.len() / 1024);
    measure("parse big (as opened)", 20, || {
        black_box(store::parse_document(Path::new("big.yaml"), &big).ok());
    });
    measure("parse big (the quick reader)", 20, || {
        black_box(store::quick::read::<Document>(&big));
    });
    measure("parse big (long texts lifted)", 20, || {
        black_box(store::lift::read::<Document>(&big, store::lift::LIFT_MIN));
    });
    measure("parse big (the reader alone)", 20, || {
        black_box(store::yaml::from_str::<Document>(&big).ok());
    });
    let big_doc = store::parse_document(Path::new("big.yaml"), &big).unwrap_or_else(|e| panic!("{e}")).doc;
    measure("encode big (rows apart)", 20, || {
        black_box(store::document_text_any_size(&big_doc).ok());
    });
    measure("encode big (in one tree)", 20, || {
        black_box(store::yaml::to_string(&big_doc).ok());
    });
    measure("encode (document -> text)", 50, || {
        black_box(store::document_text(&doc).ok());
    });
    measure("save (atomic, fsync)", 20, || {
        store::save_document(&path, &doc).unwrap_or_else(|e| panic!("{e}"));
    });
    measure("validate", 50, || {
        black_box(validate(&doc, None));
    });
    measure("export markdown", 50, || {
        black_box(export::to_markdown(&doc));
    });
    measure("resolve all built-in templates", 50, || {
        black_box(Library::new(Vec::new(), None).list());
    });
}
