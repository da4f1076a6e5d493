//! The document written with its rows apart (`write`) is the document written in one go,
//! byte for byte: the editor's files, rows with every kind of text, and random rows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::emit::emit;
use super::write::document_text;
use super::yaml::{from_str, to_value};
use crate::doc::{Document, Marker};

fn typical() -> Document {
    from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/typical.yaml")).unwrap()).unwrap()
}

fn in_one_go(doc: &Document) -> String {
    emit(&to_value(doc).unwrap())
}

/// `doc` with `n` rows made from `events`, in turn.
fn with_rows(mut doc: Document, n: usize, events: &[String]) -> Document {
    let row = doc.timeline[0].clone();
    doc.timeline = (0..n)
        .map(|i| {
            let mut r = row.clone();
            r.event = events[i % events.len()].clone();
            r.evidence = (i % 3 == 0).then(|| format!("https://example.com/{i}"));
            r.marker = (i % 7 == 0).then_some(Marker::Detected);
            r
        })
        .collect();
    doc
}

#[test]
fn rows_written_apart_are_the_same_bytes() {
    let events: Vec<String> =
        ["plain", "two\nlines\n", "ends: with a colon:", "\"quoted\" # hash", "null", "", " lead"]
            .map(str::to_string)
            .to_vec();
    for n in [0, 10, 199, 200, 1000] {
        let doc = with_rows(typical(), n, &events);
        assert_eq!(document_text(&doc).unwrap(), in_one_go(&doc), "{n} rows");
        let mut bare = doc.clone();
        bare.factors.clear();
        bare.actions.clear();
        bare.extra.insert("zz".into(), "last".into());
        assert_eq!(document_text(&bare).unwrap(), in_one_go(&bare), "{n} rows, nothing after");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn random_rows_written_apart_are_the_same_bytes(events in prop::collection::vec("[a-z \n:#\"'|-]{0,12}", 1..20)) {
        let doc = with_rows(typical(), 230, &events);
        prop_assert_eq!(document_text(&doc).unwrap(), in_one_go(&doc));
    }
}
