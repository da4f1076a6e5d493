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
use serde_yaml::{Mapping, Value};

/// YAML limits implicit (`key: value`) keys to 1024 characters, and libyaml
/// and PyYAML enforce it. Longer keys use the explicit `? key` form. Counting
/// bytes keeps us safely under a limit that is counted in characters.
const MAX_IMPLICIT_KEY_BYTES: usize = 1000;

/// Every block scalar and nested collection is indented by this much relative
/// to its parent, which is also the explicit indentation indicator we write.
const STEP: usize = 2;

mod scalar;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod yaml11_tests;

use scalar::{double_quoted, literal_ok, number, plain_ok};

/// Turn a YAML value tree into the text of a YAML document.
///
/// Deterministic (same value, same bytes), no `---` header, and the text
/// always ends with exactly one newline.
pub fn emit(value: &Value) -> String {
    // Sized up front: a big document's text grown by doubling held up to three times its
    // size while the last copy was made (the editor writes it every 700 ms after a change).
    let mut emitter = Emitter { out: String::with_capacity(size_hint(value, 0)) };
    emitter.node(value, 0, Pos::Top, true);
    emitter.out
}

/// Writes `value` at the end of `out` as an item (`- `) of a block sequence at column `col`,
/// not the last node of its document.
pub fn item(value: &Value, col: usize, out: &mut String) {
    let mut emitter = Emitter { out: std::mem::take(out) };
    emitter.indent(col);
    emitter.out.push_str("- ");
    emitter.node(value, col + STEP, Pos::Item, false);
    *out = emitter.out;
}

/// About how long `value`'s text is, its first line's indentation left out, when it is
/// written under `indent` columns (a little more, rarely less): each scalar's text with its
/// line's indentation and key or `- `, and each literal line's indentation.
fn size_hint(value: &Value, indent: usize) -> usize {
    match value {
        Value::String(s) => s.len() + 3 + memchr::memchr_iter(b'\n', s.as_bytes()).count() * (indent + STEP + 1),
        Value::Sequence(seq) => seq.iter().map(|v| indent + 2 + size_hint(v, indent + STEP)).sum(),
        Value::Mapping(map) => {
            map.iter().map(|(k, v)| indent + size_hint(k, indent) + size_hint(v, indent + STEP)).sum()
        }
        Value::Tagged(tagged) => 32 + size_hint(&tagged.value, indent),
        _ => 24,
    }
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
