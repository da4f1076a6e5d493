//! The quick reader (`quick`) gives the tree and the document the YAML reader gives, or leaves
//! the file to it: on the editor's own files (which it must read), the test documents and the
//! hostile corpus, and on random files, written by our emitter and by hand, near the edges of
//! its shapes (comments, quotes, numbers, `null`, flow lists, literal blocks, indentation).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::quick::{read, tree};
use super::yaml::{Mapping, Value, from_str};
use crate::doc::{Document, TimelineEntry};

/// Whatever the quick reader gives is what the YAML reader gives, as a tree and as a
/// document; returns whether it read the tree.
fn same(src: &str) -> bool {
    let quick = tree(src);
    if let Some(quick) = &quick {
        assert_eq!(Some(quick), serde_yaml::from_str::<Value>(src).ok().as_ref(), "tree differs for:\n{src}");
    }
    if let Some(doc) = read::<Document>(src) {
        assert_eq!(Some(doc), from_str::<Document>(src).ok(), "document differs for:\n{src}");
    }
    quick.is_some()
}

fn typical() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/typical.yaml")).unwrap()
}

#[test]
fn the_editors_files_are_read_the_quick_way_and_the_same() {
    let src = typical();
    assert!(same(&src));
    assert_eq!(read::<Document>(&src), Some(from_str::<Document>(&src).unwrap()));
    // The big document's shape: a long section and thousands of timeline rows, written by
    // the editor's own writer.
    let mut doc = from_str::<Document>(&src).unwrap();
    doc.sections[0].text = "The alert fired at 10:21: \"yes\" # not a comment.\n\n  - an indented line\n".repeat(500);
    doc.sections[1].text = "No final line break".repeat(30);
    let row = doc.timeline[0].clone();
    doc.timeline = (0..3000)
        .map(|i| TimelineEntry { event: format!("{i}: row {i}, 'quoted' #{i} null"), ..row.clone() })
        .collect();
    let text = super::document_text(&doc).unwrap();
    assert!(same(&text));
    assert_eq!(read::<Document>(&text), Some(doc.clone()));
    assert_eq!(super::parse_document("x.yaml".as_ref(), &text).unwrap().doc, doc);
}

/// The YAML files under `dir`, at any depth.
fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

#[test]
fn the_test_documents_and_the_hostile_corpus_read_the_same() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/corpus", "tests/fixtures", "benches", "templates", "src/lint/rules"] {
        yaml_files(&root.join(dir), &mut files);
    }
    let (mut documents, mut left) = (0, Vec::new());
    for path in &files {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let document = name.starts_with("tests/fixtures") || name.starts_with("benches");
        documents += usize::from(document);
        if let Ok(src) = std::fs::read_to_string(path)
            && !same(&src)
            && document
        {
            left.push(name);
        }
    }
    // The test documents are written by hand in the store's shapes: all read the quick way.
    assert!(files.len() >= 30 && documents >= 10 && left.is_empty(), "{documents} documents, {left:#?} left");
}

#[test]
fn what_is_left_to_the_yaml_reader() {
    for src in [
        "a: 1 # a comment\n",
        "a: 1\n  # an indented comment\n",
        "a: 1\n# a comment with a line break\u{85}in it\n",
        "a: &x 1\nb: *x\n",
        "a: !tag x\n",
        "a: b\n  c\n",
        "a: \"b\n  c\"\n",
        "a: 1.5\n",
        "a: -1\n",
        "a: 0x1f\n",
        "a: .inf\n",
        "a: nan\n",
        "a: 18446744073709551616\n",
        "a: 1\na: 2\n",
        "a:\tb\n",
        "? a\n: b\n",
        "a: [b, [c]]\n",
        "a: [b,\n  c]\n",
        "a: {b: c}\n",
        "a: |2\n   x\n",
        "- a\n- - b\n",
        "--- \na: 1\n",
        "a: 1\n...\n",
        "a b: 1\n",
        "null: 1\n",
    ] {
        assert!(!same(src), "read the quick way:\n{src}");
    }
    for src in [
        "# a comment\na: 007\n# another\nb: 12:30\nc: 2026-11-12T20:00:00+01:00\nd: info\ne: C# and F#\n",
        "a:\n- x\n- y: 1\n  z:\n  - w\nb: ~\nc:\nd: []\ne: {}\n",
        "a: 'it''s'\nb: \"tab\\there \\u00e9 \\\" \\\\\"\nc: [Lena Hoffmann, Tomasz Wiśniewski, 3]\n",
        "a:\n  - text: |\n      x\n\n      y\n    b: |-\n      z\nc: 1\n",
    ] {
        assert!(same(src), "not read the quick way:\n{src}");
    }
}

/// Scalars near the edges: numbers and their look-alikes, null and bool words, quotes,
/// comment and key marks, line separators.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9 #:,'\"\\[\\]{}~!&*|>%@`+._-]{0,10}",
        2 => "[a-z]{1,6}( [a-z]{1,6}){0,3}",
        3 => prop::sample::select(vec![
            "null", "~", "Null", "True", "FALSE", "yes", "0", "007", "0x1f", "0o17", "0b1", "1e3", "-1", "+1",
            ".inf", "-.Inf", ".nan", "nan", "inf", "Infinity", "1_000", "12:30", "2026-11-12T20:00:00+01:00",
            "18446744073709551616", "é\u{2028}", "a\u{85}b", "\u{feff}x", "", " ", "a ", "x\ny", "x\n\n",
        ]).prop_map(str::to_string),
    ]
}

/// A random tree of mappings, sequences and scalars.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        6 => scalar().prop_map(Value::String),
        1 => any::<u32>().prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Sequence),
            prop::collection::vec(("[a-z_][a-z0-9_-]{0,5}", inner), 0..4)
                .prop_map(|entries| Value::Mapping(entries.into_iter().map(|(k, v)| (Value::String(k), v)).collect())),
        ]
    })
}

/// One hand-written line: a key with a value, a list item, a list, quotes, a literal block,
/// a comment or nothing, at a random depth.
fn line() -> impl Strategy<Value = String> {
    let indent = prop::sample::select(vec![0usize, 0, 2, 2, 4, 6, 1, 3]);
    let key = prop::sample::select(vec!["a", "b", "id", "text", "null", "1", "a-b", "_x"]);
    let shape = 0usize..11;
    (indent, key, shape, scalar(), scalar()).prop_map(|(indent, key, shape, s, t)| {
        let pad = " ".repeat(indent);
        match shape {
            0 => format!("{pad}{key}: {s}"),
            1 => format!("{pad}- {s}"),
            2 => format!("{pad}{key}:"),
            3 => format!("{pad}- {key}: {s}"),
            4 => format!("{pad}{key}: [{s}, {t}]"),
            5 => format!("{pad}{key}: \"{}\"", s.replace('"', "\\\"")),
            6 => format!("{pad}{key}: '{s}'"),
            7 => format!("{pad}{key}: |\n{pad}  {s}\n\n{pad}  {t}"),
            8 => format!("{pad}-"),
            9 => format!("{pad}# {s}"),
            _ => String::new(),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
    #[test]
    fn random_written_trees_read_the_same(v in prop::collection::vec(("[a-z]{1,4}", value()), 1..5)) {
        let v = Value::Mapping(v.into_iter().map(|(k, v)| (Value::String(k), v)).collect::<Mapping>());
        let text = super::emit::emit(&v);
        if same(&text) {
            prop_assert_eq!(tree(&text), Some(v));
        }
    }

    #[test]
    fn random_hand_written_files_read_the_same(lines in prop::collection::vec(line(), 1..10)) {
        let src = lines.join("\n") + "\n";
        same(&src);
        same(src.trim_end_matches('\n'));
    }
}
