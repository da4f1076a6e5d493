//! The quick read (`lift`) gives the document the YAML reader alone gives, or leaves the file
//! to the reader: on the editor's own files, on the hostile corpus, and on random blocks of
//! every shape near the edges of the rules (chomping, blank lines, deeper lines, tabs, marks
//! that look like keys, the file's end).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::lift::{lift, read};
use super::yaml::{Value, from_str};
use crate::doc::Document;

/// Whatever the quick read gives is what the reader gives, as a document and as a tree.
fn same(src: &str) -> (bool, bool) {
    let doc = read::<Document>(src, 0);
    if let Some(doc) = &doc {
        assert_eq!(Some(doc), from_str::<Document>(src).ok().as_ref(), "document differs for:\n{src}");
    }
    let tree = read::<Value>(src, 0);
    if let Some(tree) = &tree {
        assert_eq!(Some(tree), serde_yaml::from_str::<Value>(src).ok().as_ref(), "tree differs for:\n{src}");
    }
    (doc.is_some(), tree.is_some())
}

fn typical() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/typical.yaml")).unwrap()
}

#[test]
fn the_editors_files_are_read_the_quick_way_and_the_same() {
    let src = typical();
    assert_eq!(same(&src), (true, true));
    // A long section, written by the editor's own writer, as the big document has it.
    let mut doc = from_str::<Document>(&src).unwrap();
    doc.sections[0].text = "The alert fired at 10:21.\n\n  - an indented line\n\tand a tab\n".repeat(2000);
    doc.sections[1].text = "No final line break".repeat(300);
    doc.sections[2].text = "Several final line breaks\n\n\n".repeat(300);
    let text = super::document_text(&doc).unwrap();
    let lifted = lift(&text, super::lift::LIFT_MIN).expect("the long sections are taken out");
    assert!(lifted.texts.len() >= 2 && lifted.text.len() < text.len() / 10, "{}", lifted.text.len());
    assert_eq!(read::<Document>(&text, super::lift::LIFT_MIN), Some(doc.clone()));
    assert_eq!(super::parse_document("x.yaml".as_ref(), &text).unwrap().doc, doc);
}

#[test]
fn the_hostile_corpus_reads_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Ok(src) = std::fs::read_to_string(&path) {
            same(&src);
            seen += 1;
        }
    }
    assert!(seen >= 8, "{seen} corpus files");
}

#[test]
fn a_key_line_inside_another_text_is_left_to_the_reader() {
    let inside_quotes = "schema: 2\ntitle: \"a\n  text: |\n    b\n  c\"\n";
    assert!(lift(inside_quotes, 0).is_some(), "it looks like a block");
    assert_eq!(same(inside_quotes), (false, false));
    let inside_block = "a: |2\n    text: |\n      inner\n  outer\nb: 1\n";
    assert!(!same(inside_block).1);
    let aliased = "a: &x\n  text: |\n    long\nb: *x\n";
    assert_eq!(same(aliased), (false, false), "files with aliases are read the ordinary way");
}

#[test]
fn an_error_is_the_readers_own_with_its_line() {
    let src = format!("{}\n    text: |\n      {}\n   bad: [\n", typical(), "x".repeat(5000));
    let e = super::parse_document("pm.yaml".as_ref(), &src).unwrap_err().to_string();
    assert!(e.starts_with("pm.yaml:"), "{e}");
    let line: usize = e.split(':').nth(1).unwrap().parse().unwrap();
    assert!(line > typical().lines().count(), "{e}");
}

/// One line of a block: text, deeper text, tabs, marks, or empty/blank.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z][a-z #:|>\"'-]{0,12}",
        3 => "[ \t]{0,3}[a-z:#-]{1,6}",
        3 => Just(String::new()),
        1 => Just("  ".to_string()),
        1 => Just("\u{85}x".to_string()),
        1 => Just("é\u{2028}".to_string()),
        1 => Just("- item: |".to_string()),
        1 => Just("\u{1}".to_string()),
        2 => "<[ \t]?[a-z:#-]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10000, ..ProptestConfig::default() })]
    #[test]
    fn random_blocks_read_the_same(
        lines in prop::collection::vec(line(), 1..8),
        indent in 0usize..6,
        chomp in prop::sample::select(vec!["|", "|-", "|+", "|", "|-", "|+", "|2", "| "]),
        after in prop::sample::select(vec!["title: t\n", "title: t\n", "", "  x: 1\n", "\n\ntitle: t\n", "#c\n", "\tz\n"]),
        seq in any::<bool>(),
    ) {
        let (lead, key) = if seq { ("sections:\n  - ", 4) } else { ("", 0) };
        // `<` takes one space of the indentation away.
        let body: String = lines
            .iter()
            .map(|l| match l.strip_prefix('<') {
                Some(l) => format!("{}{l}\n", " ".repeat((indent + key).saturating_sub(1))),
                None => format!("{}{l}\n", " ".repeat(indent + key)),
            })
            .collect();
        let src = format!("schema: 2\n{lead}text: {chomp}\n{body}{after}");
        same(&src);
        same(src.trim_end_matches('\n'));
    }
}

proptest! {
    #[test]
    fn printable_ascii_eight_at_a_time_is_byte_by_byte(text in "[\\x00-\\x7f\u{80}é\u{2028}]{0,40}") {
        let slow = text.bytes().all(|b| (b' '..=b'~').contains(&b));
        prop_assert_eq!(super::lift::printable_ascii(text.as_bytes()), slow);
    }
}
