//! What YAML 1.1 readers (PyYAML) and serde_yaml read back from the emitter, on chosen and
//! random trees. Under `CI=true` a missing python3 or PyYAML fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_yaml::{Mapping, Value};

use super::emit;
use super::tests::{TRICKY, assert_round_trip, map, s, same, tagged};

/// Runs `script` in python3 with PyYAML, feeding `doc` on stdin. `None`
/// (with a note) when python3 or PyYAML is not installed.
fn python(script: &str, doc: &str) -> Option<String> {
    let probe = Command::new("python3").args(["-c", "import yaml"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs python3 with PyYAML for the YAML 1.1 check");
        eprintln!("note: python3 with PyYAML not found; skipping the YAML 1.1 check");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", script])
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(doc.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "PyYAML failed on:\n{doc}\n{}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn yaml_1_1_readers_see_strings() {
    let strings: Vec<Value> = TRICKY.iter().map(|t| s(t)).collect();
    let keys = TRICKY.iter().map(|t| (s(t), s(t))).collect();
    let doc = map(vec![(s("list"), Value::Sequence(strings)), (s("keys"), Value::Mapping(keys))]);
    let script = "import yaml,sys,json; print(json.dumps(yaml.safe_load(sys.stdin.read())))";
    let Some(json) = python(script, &emit(&doc)) else {
        return;
    };
    // JSON is YAML, so serde_yaml can read PyYAML's answer back.
    let seen: Value = serde_yaml::from_str(&json).unwrap();
    assert!(same(&seen, &doc), "PyYAML read:\n{json}");
}

/// Encodes strings as hex so the comparison with Python is byte-exact.
fn shape_of(value: &Value) -> String {
    match value {
        Value::String(text) => {
            let hex: String = text.bytes().map(|b| format!("{b:02x}")).collect();
            format!("s{hex}")
        }
        Value::Sequence(items) => {
            let items: Vec<String> = items.iter().map(shape_of).collect();
            format!("[{}]", items.join(","))
        }
        Value::Mapping(map) => {
            let entries: Vec<String> = map.iter().map(|(k, v)| format!("{}:{}", shape_of(k), shape_of(v))).collect();
            format!("{{{}}}", entries.join(","))
        }
        other => format!("?{other:?}"),
    }
}

const PY_SHAPE: &str = r#"
import sys, yaml
def enc(x):
    if isinstance(x, str): return "s" + x.encode("utf-8").hex()
    if isinstance(x, list): return "[" + ",".join(enc(i) for i in x) + "]"
    if isinstance(x, dict): return "{" + ",".join(enc(k) + ":" + enc(v) for k, v in x.items()) + "}"
    return "?" + repr(x)
for doc in yaml.safe_load_all(sys.stdin.buffer.read().decode("utf-8")):
    print(enc(doc))
"#;

#[rustfmt::skip]
    const PIECES: &[&str] = &[
        "\n", "\n\n", " ", "  ", "\t", ": ", " #", "#", ":", "- ", "-", "?", "|", ">", "'", "\"", "\\",
        ",", "[", "}", "no", "Yes", "null", "0x1", "1e3", "1:30", ".inf", "2026-11-24", "~", "<<", "=",
        "---", "...", "\r", "\u{0}", "\u{7f}", "\u{85}", "\u{a0}", "\u{2028}", "\u{2029}", "\u{feff}",
        "\u{ffff}", "😀", "👩‍💻", "مرحبا بالعالم", "事故", "a", "Checkout",
    ];

fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..10)
            .prop_map(|pieces| pieces.concat()),
        2 => "[a-zA-Z][a-zA-Z0-9 ._-]{0,15}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    let float =
        prop_oneof![any::<f64>(), prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 1e300]),];
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        2 => float.prop_map(Value::from),
        8 => nasty_string().prop_map(Value::String),
    ]
}

fn tag_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z][a-z0-9-]{0,8}",
        1 => prop::sample::select(vec!["a b", "x%y", "é", "t!x", "a,b[c]", "ns:kind"])
            .prop_map(str::to_owned),
    ]
}

/// Tags wrap anything but another tag (YAML has one tag per node).
fn tag(value: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    (tag_name(), value).prop_map(|(name, value)| match value {
        Value::Tagged(_) => value,
        value => tagged(&name, value),
    })
}

fn tree() -> impl Strategy<Value = Value> {
    let leaves = prop_oneof![6 => leaf(), 1 => tag(leaf())];
    leaves.prop_recursive(4, 64, 6, |inner| {
        let key = prop_oneof![
            8 => nasty_string().prop_map(Value::String),
            1 => leaf(),
            1 => inner.clone(),
        ];
        prop_oneof![
            3 => prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Sequence),
            3 => prop::collection::vec((key, inner.clone()), 0..6)
                .prop_map(|entries| Value::Mapping(entries.into_iter().collect::<Mapping>())),
            1 => tag(inner),
        ]
    })
}

fn string_tree() -> impl Strategy<Value = Value> {
    let string = nasty_string().prop_map(Value::String);
    string.prop_recursive(2, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Sequence),
            prop::collection::vec((nasty_string().prop_map(Value::String), inner), 0..6)
                .prop_map(|entries| Value::Mapping(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn round_trips_through_serde_yaml(value in tree()) {
        let text = assert_round_trip(&value);
        prop_assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    }
}

/// Random string trees through PyYAML. One Python process reads them all
/// as a multi-document stream, so this stays fast; the seed is fixed, and
/// `BLAMELESS_PYYAML_DOCS` raises the count for a longer local run.
#[test]
fn pyyaml_reads_the_same_strings() {
    let count = std::env::var("BLAMELESS_PYYAML_DOCS").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = string_tree();
    let values: Vec<Value> = (0..count).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect();
    let docs: Vec<String> = values.iter().map(emit).collect();
    let Some(seen) = python(PY_SHAPE, &docs.join("---\n")) else {
        return;
    };
    let seen: Vec<&str> = seen.lines().collect();
    assert_eq!(seen.len(), values.len());
    for ((value, doc), seen) in values.iter().zip(&docs).zip(seen) {
        assert_eq!(seen, shape_of(value), "PyYAML read this differently:\n{doc}");
    }
}
