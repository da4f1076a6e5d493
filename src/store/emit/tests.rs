//! The emitter's exact output: documents, quoting, escapes, numbers, tags and keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_yaml::Value;
use serde_yaml::value::{Tag, TaggedValue};

use super::emit;

pub(super) fn s(text: &str) -> Value {
    Value::String(text.to_owned())
}

pub(super) fn map(entries: Vec<(Value, Value)>) -> Value {
    Value::Mapping(entries.into_iter().collect())
}

pub(super) fn tagged(tag: &str, value: Value) -> Value {
    Value::Tagged(Box::new(TaggedValue { tag: Tag::new(tag), value }))
}

/// Strict equality: mapping order matters, floats compare by bits (so
/// `-0.0` differs from `0.0`) and any NaN equals any NaN.
pub(super) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits()
        }
        (Value::Sequence(x), Value::Sequence(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Mapping(x), Value::Mapping(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((xk, xv), (yk, yv))| same(xk, yk) && same(xv, yv))
        }
        (Value::Tagged(x), Value::Tagged(y)) => x.tag == y.tag && same(&x.value, &y.value),
        _ => a == b,
    }
}

pub(super) fn assert_round_trip(value: &Value) -> String {
    let text = emit(value);
    let parsed: Value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("emitted text does not parse: {e}\n{text}"));
    assert!(same(&parsed, value), "round trip changed the value\n{text}\n{parsed:?}\n{value:?}");
    assert_eq!(emit(&parsed), text, "emitting the parsed value differs");
    text
}

#[test]
fn small_document_exact_output() {
    let doc = map(vec![
        (s("id"), s("2026-11-24-checkout")),
        (s("title"), s("Checkout API outage")),
        (s("severity"), Value::from(2)),
        (s("duration_h"), Value::from(1.5)),
        (s("resolved"), Value::Bool(true)),
        (s("owner"), Value::Null),
        (s("summary"), s("Checkout API returned 502s.\n\nPriya paged the on-call.\n")),
        (
            s("actions"),
            Value::Sequence(vec![
                map(vec![(s("id"), s("a1")), (s("title"), s("Add alert"))]),
                map(vec![
                    (s("id"), s("a2")),
                    (s("hosts"), Value::Sequence(vec![s("db-primary"), s("no")])),
                    (s("note"), s("  indented\nsecond")),
                ]),
            ]),
        ),
        (s("tags"), Value::Sequence(vec![])),
        (s("extra"), map(vec![])),
        (s("matrix"), Value::Sequence(vec![Value::Sequence(vec![s("a"), s("b")]), s("x\ny")])),
    ]);
    let expected = "\
id: \"2026-11-24-checkout\"
title: Checkout API outage
severity: 2
duration_h: 1.5
resolved: true
owner: null
summary: |
  Checkout API returned 502s.

  Priya paged the on-call.
actions:
  - id: a1
    title: Add alert
  - id: a2
    hosts:
      - db-primary
      - \"no\"
    note: |2-
        indented
      second
tags: []
extra: {}
matrix:
  - - a
    - b
  - |-
    x
    y
";
    assert_eq!(assert_round_trip(&doc), expected);
}

pub(super) const TRICKY: &[&str] = &[
    "no",
    "yes",
    "on",
    "off",
    "~",
    "null",
    "1e3",
    "0x10",
    "2026-11-24",
    "1:30",
    "0755",
    "",
    "No",
    "YES",
    "Off",
    "y",
    "N",
    "NULL",
    "True",
    "FALSE",
    "0o17",
    "0b101",
    "1_000",
    "190:20:30",
    "1.5",
    ".5",
    "-.inf",
    ".NaN",
    ".inf",
    "+1",
    "-1",
    "2026-11-24T14:02:00+01:00",
    "2026-11-24 14:02",
    "<<",
    "=",
    "- item",
    "? q",
    ": c",
    "#x",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "'",
    "\"",
    "%d",
    "@x",
    "`x",
    "a: b",
    "a #b",
    "a:",
    "a,b",
    "[x]",
    "{x}",
    " lead",
    "trail ",
    "tab\there",
    "---",
    "...",
];

#[test]
fn tricky_strings_are_quoted() {
    for text in TRICKY {
        let out = emit(&s(text));
        assert!(out.starts_with('"'), "{text:?} came out as {out:?}");
        assert_round_trip(&s(text));
    }
}

#[test]
fn ordinary_strings_are_plain() {
    for text in
        ["Checkout API", "db-primary", "Priya paged the on-call", "a:b", "C#", "e-mail", "v1.2", "نشر فاشل", "🔥 fire"]
    {
        assert_eq!(emit(&s(text)), format!("{text}\n"));
    }
}

#[test]
fn escapes_and_fallbacks() {
    let cases = [
        ("a\u{0}b\u{7}\u{7f}\u{9f}", "\"a\\0b\\x07\\x7F\\x9F\"\n"),
        ("x\u{85}\u{2028}\u{2029}", "\"x\\N\\L\\P\""),
        ("\u{feff}\u{fffe}\u{ffff}", "\"\\uFEFF\\uFFFE\\uFFFF\"\n"),
        ("line\r\nnext", "\"line\\r\\nnext\"\n"),
        ("\n\n", "\"\\n\\n\"\n"),
        ("  \n\t", "\"  \\n\\t\"\n"),
        ("back\\slash \"q\"", "back\\slash \"q\"\n"),
        ("\"q\" \\", "\"\\\"q\\\" \\\\\"\n"),
    ];
    for (text, expected) in cases {
        let out = assert_round_trip(&s(text));
        assert!(out.starts_with(expected), "{text:?}: {out:?}");
    }
    // Two trailing newlines keep `|+`, except at the very end.
    assert_eq!(assert_round_trip(&s("a\n\n")), "\"a\\n\\n\"\n");
    let doc = map(vec![(s("t"), s("a\n\n")), (s("u"), s("\nb\tc\n"))]);
    assert_eq!(assert_round_trip(&doc), "t: |+\n  a\n\nu: |2\n\n  b\tc\n");
}

#[test]
fn numbers_and_tags() {
    let doc = Value::Sequence(vec![
        Value::from(1.0),
        Value::from(-0.0),
        Value::from(1e20),
        Value::from(1.5e-7),
        Value::from(f64::INFINITY),
        Value::from(f64::NEG_INFINITY),
        Value::from(f64::NAN),
        Value::from(u64::MAX),
        Value::from(i64::MIN),
        tagged("incident", s("x")),
        tagged("odd tag/é%", map(vec![(s("k"), Value::from(1))])),
        tagged("t", Value::Sequence(vec![])),
    ]);
    let expected = "\
- 1.0
- -0.0
- 1.0e+20
- 1.5e-7
- .inf
- -.inf
- .nan
- 18446744073709551615
- -9223372036854775808
- !incident x
- !odd%20tag/%C3%A9%25
  k: 1
- !t []
";
    assert_eq!(assert_round_trip(&doc), expected);
}

#[test]
fn unusual_keys() {
    let long = "k".repeat(1200);
    let doc = map(vec![
        (Value::Null, s("null key")),
        (Value::from(7), s("int key")),
        (s("no"), s("quoted key")),
        (s("two\nlines"), s("quoted multi-line key")),
        (tagged("t", s("k")), s("tagged key")),
        (Value::Sequence(vec![s("a"), s("b")]), map(vec![(s("k"), s("v"))])),
        (map(vec![(s("m"), s("v"))]), Value::Sequence(vec![s("p")])),
        (Value::Sequence(vec![]), s("empty seq key")),
        (s(&long), s("long key")),
        (s(&format!("{long}\nsecond line")), s("long multi-line key")),
    ]);
    let text = assert_round_trip(&doc);
    let expected_start = "\
null: null key
7: int key
\"no\": quoted key
\"two\\nlines\": quoted multi-line key
!t k: tagged key
? - a
  - b
: k: v
? m: v
: - p
? []
: empty seq key
? kkk";
    assert!(text.starts_with(expected_start), "{text}");
}

#[test]
fn the_text_is_sized_up_front_within_a_fifth() {
    let typical = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/typical.yaml")).unwrap();
    let mut doc: Value = serde_yaml::from_str(&typical).unwrap();
    for value in [doc.clone(), {
        let long = "A line of prose about the incident, long enough to wrap.\n".repeat(20_000);
        doc["sections"][0]["text"] = s(&long);
        doc
    }] {
        let (text, hint) = (emit(&value), super::size_hint(&value, 0));
        assert!(hint >= text.len() && hint <= text.len() + text.len() / 5, "{hint} for {}", text.len());
    }
}
