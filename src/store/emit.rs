//! A small, deterministic YAML emitter for postmortem files.
//!
//! serde_yaml's own serializer decides quoting and block styles for us, and
//! its choices are tuned for YAML 1.2 only. Postmortems are read back by other
//! tools too (PyYAML, Ansible, yq, which speak YAML 1.1) and are reviewed as
//! git diffs, so this emitter makes its own, conservative choices:
//!
//! - block style everywhere, two spaces per level, keys in insertion order;
//! - a string is plain only when neither YAML 1.1 nor 1.2 could read it as
//!   anything but that same string, otherwise it is double-quoted;
//! - multi-line strings become literal block scalars (`|`), so a changed
//!   sentence shows up as a changed line in a diff.
//!
//! The output always round-trips through `serde_yaml::from_str` to an equal
//! value (nested tags excepted: YAML allows one tag per node, so only the
//! outermost tag of a `!a !b x` chain is written).

use serde_yaml::value::Tag;
use serde_yaml::{Mapping, Number, Value};

/// YAML limits implicit (`key: value`) keys to 1024 characters, and libyaml
/// and PyYAML enforce it. Longer keys use the explicit `? key` form. Counting
/// bytes keeps us safely under a limit that is counted in characters.
const MAX_IMPLICIT_KEY_BYTES: usize = 1000;

/// Every block scalar and nested collection is indented by this much relative
/// to its parent, which is also the explicit indentation indicator we write.
const STEP: usize = 2;

/// Lowercased words that YAML 1.1 or 1.2 resolve to null, a bool, a special
/// float, a merge key or a "value" key. Matching in lowercase is stricter than
/// either spec (`yEs` is a string there) but keeps the rule easy to trust.
const RESERVED_WORDS: &[&str] = &[
    "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
];

/// Characters that may not start a plain scalar (YAML indicators, plus the
/// reserved `@` and backtick).
const INDICATORS: &[char] =
    &['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'];

/// Turn a YAML value tree into the text of a YAML document.
///
/// Deterministic (same value, same bytes), no `---` header, and the text
/// always ends with exactly one newline.
pub fn emit(value: &Value) -> String {
    let mut emitter = Emitter { out: String::new() };
    emitter.node(value, 0, Pos::Top, true);
    emitter.out
}

/// What has already been written on the current line when a node starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    /// Nothing: the start of the document.
    Top,
    /// An indicator (`- `, `? ` or `: `) ending at the node's column.
    Item,
    /// A mapping key and its colon (`key:`).
    Value,
}

/// How a node (with its tag removed) is laid out.
enum Shape<'a> {
    /// A complete single-line scalar, or an empty collection (`[]`, `{}`).
    Inline(String),
    /// A string written as a literal block scalar.
    Literal(&'a str),
    Mapping(&'a Mapping),
    Sequence(&'a [Value]),
}

struct Emitter {
    out: String,
}

impl Emitter {
    /// Write `value` and its trailing newline. For `Pos::Item`, `indent` is the
    /// column the node starts at; otherwise it is the column of the parent
    /// key (0 at the top). `last` says that nothing follows in the document.
    fn node(&mut self, value: &Value, indent: usize, pos: Pos, last: bool) {
        let (tag, value) = split_tag(value);
        let mut lead = String::new();
        if pos == Pos::Value {
            lead.push(' ');
        }
        if let Some(tag) = &tag {
            lead.push_str(tag);
            lead.push(' ');
        }
        match shape(value, last) {
            Shape::Inline(text) => {
                self.out.push_str(&lead);
                self.out.push_str(&text);
                self.out.push('\n');
            }
            Shape::Literal(text) => {
                self.out.push_str(&lead);
                let content = if pos == Pos::Item { indent } else { indent + STEP };
                self.literal(text, content);
            }
            Shape::Mapping(map) => {
                let (col, same_line) = self.open_collection(&lead, indent, pos);
                self.mapping(map, col, same_line, last);
            }
            Shape::Sequence(seq) => {
                let (col, same_line) = self.open_collection(&lead, indent, pos);
                self.sequence(seq, col, same_line, last);
            }
        }
    }

    /// Write what precedes a block collection on the current line and return
    /// the collection's column and whether its first entry goes on this line.
    fn open_collection(&mut self, lead: &str, indent: usize, pos: Pos) -> (usize, bool) {
        let lead = lead.trim_end();
        self.out.push_str(lead);
        // An untagged collection in a sequence item (or at the top) starts on
        // the current line: `- id: x`, `- - a`. Under a key, or after a tag,
        // it starts on the next line.
        let (col, same_line) = match pos {
            Pos::Top => (0, lead.is_empty()),
            Pos::Item => (indent, lead.is_empty()),
            Pos::Value => (indent + STEP, false),
        };
        if !same_line {
            self.out.push('\n');
        }
        (col, same_line)
    }

    fn mapping(&mut self, map: &Mapping, col: usize, same_line: bool, last: bool) {
        for (i, (key, value)) in map.iter().enumerate() {
            if i > 0 || !same_line {
                self.indent(col);
            }
            let last = last && i + 1 == map.len();
            if let Some(key) = implicit_key(key) {
                self.out.push_str(&key);
                self.out.push(':');
                self.node(value, col, Pos::Value, last);
            } else {
                self.out.push_str("? ");
                self.node(key, col + STEP, Pos::Item, false);
                self.indent(col);
                self.out.push_str(": ");
                self.node(value, col + STEP, Pos::Item, last);
            }
        }
    }

    fn sequence(&mut self, seq: &[Value], col: usize, same_line: bool, last: bool) {
        for (i, item) in seq.iter().enumerate() {
            if i > 0 || !same_line {
                self.indent(col);
            }
            self.out.push_str("- ");
            self.node(item, col + STEP, Pos::Item, last && i + 1 == seq.len());
        }
    }

    /// Write the header and body of a literal block scalar whose content lines
    /// start at column `content`. The text was checked by `literal_ok`.
    fn literal(&mut self, text: &str, content: usize) {
        let body = text.trim_end_matches('\n');
        let trailing = text.len() - body.len();
        self.out.push('|');
        // Without an indicator the reader guesses the indentation from the
        // first non-empty line, which breaks if that line starts with blanks.
        if text.starts_with(['\n', ' ', '\t']) {
            self.out.push_str(&STEP.to_string());
        }
        self.out.push_str(match trailing {
            0 => "-",
            1 => "",
            _ => "+",
        });
        self.out.push('\n');
        for line in body.split('\n') {
            // Empty lines stay truly empty: no trailing spaces in the file.
            if !line.is_empty() {
                self.indent(content);
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
        // `|+` keeps the extra line breaks; the first one ended the last line.
        for _ in 1..trailing {
            self.out.push('\n');
        }
    }

    fn indent(&mut self, col: usize) {
        self.out.extend(std::iter::repeat_n(' ', col));
    }
}

/// Separate a node's tag (as written, e.g. `!incident`) from its value.
fn split_tag(value: &Value) -> (Option<String>, &Value) {
    let mut tag = None;
    let mut value = value;
    while let Value::Tagged(tagged) = value {
        // YAML has room for one tag per node; keep the outermost.
        tag.get_or_insert_with(|| tag_text(&tagged.tag));
        value = &tagged.value;
    }
    (tag, value)
}

/// `!name`, percent-encoding every byte that is not obviously safe in a tag
/// shorthand. Readers decode `%XX`, so any tag name survives the trip.
fn tag_text(tag: &Tag) -> String {
    let shown = tag.to_string();
    let name = shown.strip_prefix('!').unwrap_or(&shown);
    let mut out = String::from("!");
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_./~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn shape(value: &Value, last: bool) -> Shape<'_> {
    match value {
        Value::String(text) if literal_ok(text, last) => Shape::Literal(text),
        Value::Mapping(map) if !map.is_empty() => Shape::Mapping(map),
        Value::Sequence(seq) if !seq.is_empty() => Shape::Sequence(seq),
        other => Shape::Inline(inline(other)),
    }
}

/// The single-line form of a scalar or empty collection (tags not included).
fn inline(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) if plain_ok(s) => s.clone(),
        Value::String(s) => double_quoted(s),
        Value::Sequence(_) => "[]".to_owned(),
        Value::Mapping(_) => "{}".to_owned(),
        Value::Tagged(tagged) => inline(&tagged.value),
    }
}

/// The text for a key in `key: value` form, or `None` when the key needs the
/// explicit `? key` form: collections, and keys too long for a simple key.
fn implicit_key(key: &Value) -> Option<String> {
    let (tag, value) = split_tag(key);
    if matches!(value, Value::Mapping(_) | Value::Sequence(_)) {
        return None;
    }
    let mut text = tag.map(|tag| tag + " ").unwrap_or_default();
    text.push_str(&inline(value));
    (text.len() <= MAX_IMPLICIT_KEY_BYTES).then_some(text)
}

/// Integers as they are; floats always with a `.` and a signed exponent
/// (`1.0e+20`, not ryu's `1e20`), the only shape YAML 1.1 reads as a float.
fn number(n: &Number) -> String {
    let text = n.to_string();
    if !n.is_f64() || n.is_nan() || n.is_infinite() {
        return text; // integers, `.nan`, `.inf`, `-.inf`
    }
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (text.as_str(), None),
    };
    let mut out = mantissa.to_owned();
    if !out.contains('.') {
        out.push_str(".0");
    }
    if let Some(exponent) = exponent {
        out.push('e');
        if !exponent.starts_with('-') {
            out.push('+');
        }
        out.push_str(exponent);
    }
    out
}

/// Characters that only a double-quoted escape can carry: YAML's
/// non-printables (C0 except tab/LF/CR, DEL, C1, U+FFFE/U+FFFF), plus the
/// YAML 1.1 line breaks U+0085/U+2028/U+2029 and the byte order mark, which
/// readers would otherwise fold or strip.
fn must_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `s` can be written without quotes and read back as the same string
/// by YAML 1.1 and 1.2 readers alike. Deliberately conservative.
fn plain_ok(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false; // the empty string reads as null
    };
    // Anything starting like a number, date, time or sexagesimal (`1:30`).
    let numeric = first.is_ascii_digit()
        || (matches!(first, '+' | '-' | '.') && second.is_some_and(|c| c.is_ascii_digit() || c == '.'));
    !(numeric
        || INDICATORS.contains(&first)
        || first.is_whitespace()
        || s.ends_with(char::is_whitespace)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains([',', '[', ']', '{', '}'])
        || s.chars().any(|c| matches!(c, '\t' | '\n' | '\r') || must_escape(c))
        || RESERVED_WORDS.contains(&s.to_lowercase().as_str()))
}

/// Whether `s` is multi-line and a literal block scalar reproduces it exactly.
/// `last`: the scalar ends the document, where the extra empty lines of a
/// `|+` block would break the "exactly one final newline" promise.
fn literal_ok(s: &str, last: bool) -> bool {
    if !s.contains('\n') || (last && s.ends_with("\n\n")) {
        return false;
    }
    // Readers normalise CR and the YAML 1.1 line breaks inside blocks.
    let unrepresentable = s.chars().any(|c| c == '\r' || must_escape(c));
    // With only blanks the chomping rules cannot tell content from padding.
    let blank = s.chars().all(|c| matches!(c, ' ' | '\t' | '\n'));
    !unrepresentable && !blank
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c if must_escape(c) => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::emit;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use serde_yaml::value::{Tag, TaggedValue};
    use serde_yaml::{Mapping, Value};
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    fn map(entries: Vec<(Value, Value)>) -> Value {
        Value::Mapping(entries.into_iter().collect())
    }

    fn tagged(tag: &str, value: Value) -> Value {
        Value::Tagged(Box::new(TaggedValue { tag: Tag::new(tag), value }))
    }

    /// Strict equality: mapping order matters, floats compare by bits (so
    /// `-0.0` differs from `0.0`) and any NaN equals any NaN.
    fn same(a: &Value, b: &Value) -> bool {
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

    fn assert_round_trip(value: &Value) -> String {
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

    const TRICKY: &[&str] = &[
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
        for text in [
            "Checkout API",
            "db-primary",
            "Priya paged the on-call",
            "a:b",
            "C#",
            "e-mail",
            "v1.2",
            "نشر فاشل",
            "🔥 fire",
        ] {
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

    /// Runs `script` in python3 with PyYAML, feeding `doc` on stdin. `None`
    /// (with a note) when python3 or PyYAML is not installed.
    fn python(script: &str, doc: &str) -> Option<String> {
        let probe = Command::new("python3").args(["-c", "import yaml"]).output();
        if !probe.is_ok_and(|o| o.status.success()) {
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
                let entries: Vec<String> =
                    map.iter().map(|(k, v)| format!("{}:{}", shape_of(k), shape_of(v))).collect();
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
        let float = prop_oneof![
            any::<f64>(),
            prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 1e300]),
        ];
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
}
