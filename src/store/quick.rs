//! The quick read of a document in the shapes the store writes. The YAML reader (libyaml
//! under serde_yaml) spends most of a big document's open on its 5,000 timeline rows: every
//! character goes through its scanner, and every scalar through an event list. The store
//! writes its files itself (`emit`), so their shape is known: block mappings and sequences
//! two spaces deep, plain or double-quoted one-line scalars and literal blocks; hand-written
//! files add single quotes and one-line lists of plain words (`authors: [A, B]`).
//!
//! This reader reads exactly those shapes into the same tree the YAML reader builds, and
//! gives up (`None`) on anything else: a comment after a value or indented, a tab outside a literal block, an anchor,
//! an alias or tag, a multi-line plain or quoted scalar, a key that is not a plain word, a
//! duplicate key, a plain scalar that reads as anything but text, `null`, `true`/`false` or a
//! whole number, or a character the reader would refuse. The caller then reads the file the
//! ordinary way, so every error is still the YAML reader's own, with its line. Tests hold
//! the tree to serde_yaml's on the test documents and on random ones (`quick_tests`).

use serde::de::DeserializeOwned;

use super::lift::{Block, printable};
use super::yaml::{Mapping, Value};

/// Reads `src` the quick way; `None` when it is not in the known shapes (or does not make a
/// `T`), and the caller reads it the ordinary way.
pub fn read<T: DeserializeOwned>(src: &str) -> Option<T> {
    super::yaml::from_value(tree(src)?).ok()
}

/// The tree of `src`, as `serde_yaml::from_str::<Value>` gives it; `None` outside the shapes.
pub fn tree(src: &str) -> Option<Value> {
    if memchr::memchr(b'\r', src.as_bytes()).is_some() {
        return None;
    }
    let mut reader = Reader { src, at: 0 };
    let first = reader.peek()?;
    if first.indent != 0 {
        return None;
    }
    let root = reader.collection(0)?;
    reader.peek().is_none().then_some(root)
}

/// One line with content: `src[start..end]` after `indent` spaces; the next starts at `next`.
#[derive(Clone, Copy)]
struct Line {
    indent: usize,
    start: usize,
    end: usize,
    next: usize,
}

struct Reader<'a> {
    src: &'a str,
    /// Where the next line to read starts.
    at: usize,
}

impl<'a> Reader<'a> {
    /// The next line with content, blank lines and comment lines at column 0 skipped (and
    /// consumed; the YAML reader refuses some indented ones, and reads a line break such as
    /// U+0085 inside one); `None` at the end.
    fn peek(&mut self) -> Option<Line> {
        loop {
            if self.at >= self.src.len() {
                return None;
            }
            let rest = &self.src[self.at..];
            let len = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
            let text = &rest[..len];
            let indent = text.len() - text.trim_start_matches(' ').len();
            let line = Line { indent, start: self.at + indent, end: self.at + len, next: self.at + len + 1 };
            if indent == text.len() || (text.starts_with('#') && printable(text)) {
                self.at = line.next;
                continue;
            }
            return Some(line);
        }
    }

    fn text(&self, line: Line) -> &'a str {
        &self.src[line.start..line.end]
    }

    /// Whether `line` is one this reader can read at all (no tab or unreadable character);
    /// checked for every line outside literal blocks.
    fn plain_line(&self, line: Line) -> bool {
        let text = self.text(line);
        !text.contains('\t') && printable(text)
    }

    /// The block collection whose first line is the next one, at column `col`: a sequence
    /// when it starts with `- `, else a mapping.
    fn collection(&mut self, col: usize) -> Option<Value> {
        let line = self.peek()?;
        if is_item(self.text(line)) { self.sequence(col) } else { self.mapping(col, None) }
    }

    /// A block sequence at `col`, its items `- ` lines at that column.
    fn sequence(&mut self, col: usize) -> Option<Value> {
        let mut items = Vec::new();
        while let Some(line) = self.peek() {
            if line.indent < col || (line.indent == col && !is_item(self.text(line))) {
                break;
            }
            if line.indent > col || !self.plain_line(line) {
                return None;
            }
            let rest = self.text(line)[1..].trim_start_matches(' ');
            let start = line.end - rest.len();
            self.at = line.next;
            let item = if rest.is_empty() {
                self.below(col, false)?
            } else if rest.starts_with("- ") || rest == "-" {
                return None;
            } else if key_end(rest).is_some() {
                // `- key: value`: a mapping whose column is that of its first key.
                let first = Line { indent: start - (line.start - line.indent), start, ..line };
                self.mapping(first.indent, Some(first))?
            } else {
                self.inline(rest, line.next, col)?
            };
            items.push(item);
        }
        Some(Value::Sequence(items))
    }

    /// A block mapping at `col`; `first` is its first entry when it started on the line of a
    /// sequence's `- `.
    fn mapping(&mut self, col: usize, mut first: Option<Line>) -> Option<Value> {
        let mut map = Mapping::new();
        loop {
            let line = match first.take() {
                Some(line) => line,
                None => match self.peek() {
                    Some(line) if line.indent >= col => line,
                    _ => break,
                },
            };
            if line.indent > col || !self.plain_line(line) {
                return None;
            }
            let text = self.text(line);
            let end = key_end(text)?;
            let key = plain(&text[..end])?;
            if !key.is_string() || map.contains_key(&key) {
                return None;
            }
            let rest = text[end + 1..].trim_start_matches(' ');
            self.at = line.next;
            let value = if rest.is_empty() { self.below(col, true)? } else { self.inline(rest, line.next, col)? };
            map.insert(key, value);
        }
        Some(Value::Mapping(map))
    }

    /// The value of a key or `-` with nothing after it on its line: the collection on the
    /// lines below, deeper than `col` (or a sequence at `col` itself under a key), or null.
    fn below(&mut self, col: usize, under_key: bool) -> Option<Value> {
        match self.peek() {
            Some(line) if line.indent > col => self.collection(line.indent),
            Some(line) if under_key && line.indent == col && is_item(self.text(line)) => self.sequence(col),
            _ => Some(Value::Null),
        }
    }

    /// A value written on its line after `key: ` or `- ` (`rest`), in a collection at `col`;
    /// a literal block's lines start at `next`.
    fn inline(&mut self, rest: &str, next: usize, col: usize) -> Option<Value> {
        let value = match rest.as_bytes()[0] {
            b'|' => {
                if !matches!(rest, "|" | "|-" | "|+") {
                    return None;
                }
                let block = Block::read(self.src, next, col)?;
                self.at = block.end;
                return Some(Value::String(block.text));
            }
            b'"' => Value::String(double_quoted(rest)?),
            b'\'' => Value::String(single_quoted(rest)?),
            b'[' => flow_list(rest)?,
            _ if rest == "{}" => Value::Mapping(Mapping::new()),
            _ => plain(rest.trim_end_matches(' ')).filter(|_| plain_ok(rest))?,
        };
        // A deeper line after a one-line value would continue it (or be an error).
        match self.peek() {
            Some(line) if line.indent > col => None,
            _ => Some(value),
        }
    }
}

/// Whether a line (after its indentation) is a sequence item.
fn is_item(text: &str) -> bool {
    text.starts_with("- ") || text == "-"
}

/// Where the `:` of `key: ` or a final `key:` is, the key being a plain word.
fn key_end(text: &str) -> Option<usize> {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))?;
    let word = text.as_bytes().first().is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let colon = text[end..].starts_with(": ") || &text[end..] == ":";
    (word && colon && end <= 1000).then_some(end)
}

/// Whether a one-line plain scalar ends where the line does: no comment, no `: ` and no
/// first character that starts something else.
fn plain_ok(text: &str) -> bool {
    let first = text.as_bytes()[0];
    let starts_other = b"-?:,[]{}#&*!|>'\"%@`".contains(&first);
    !starts_other && !text.contains(" #") && !text.contains(": ") && !text.ends_with(':')
}

/// What serde_yaml makes of a plain scalar: null, a bool, a whole number, or text; `None`
/// for what reads as another number (signed, hex, octal, binary, float, `.inf`, `nan`).
fn plain(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if first.is_ascii_digit() && text.bytes().all(|b| b.is_ascii_digit()) {
        // A leading zero makes text (YAML 1.2); beyond u64 is left to the reader.
        return if text.len() > 1 && first == b'0' {
            Some(Value::String(text.to_string()))
        } else {
            text.parse::<u64>().ok().map(Value::from)
        };
    }
    // Signs and dots start numbers, `.inf` and `.nan`; `0x`, `0o`, `0b` other bases; and
    // Rust's float reading (which serde_yaml uses) takes `inf`, `nan` and exponents.
    let maybe_number = first.is_ascii_digit() || b"iInN".contains(&first);
    let other_base = ["0x", "0o", "0b"].iter().any(|p| text.starts_with(p));
    if b"+-.".contains(&first) || other_base || (maybe_number && text.parse::<f64>().is_ok()) {
        return None;
    }
    Some(Value::String(text.to_string()))
}

/// A list of plain or quoted words on one line, `[a, b c, "d"]`, or `[]`.
fn flow_list(rest: &str) -> Option<Value> {
    let inner = rest.trim_end_matches(' ').strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim_matches(' ').is_empty() {
        return Some(Value::Sequence(Vec::new()));
    }
    let mut items = Vec::new();
    for item in inner.split(',') {
        let item = item.trim_matches(' ');
        if item.starts_with('"') {
            items.push(Value::String(double_quoted(item)?));
            continue;
        } else if item.starts_with('\'') {
            items.push(Value::String(single_quoted(item)?));
            continue;
        }
        let shaped = !item.is_empty() && plain_ok(item) && !item.contains([':', '#', '[', ']', '{', '}', '"', '\'']);
        items.push(plain(item).filter(|_| shaped)?);
    }
    Some(Value::Sequence(items))
}

/// `'text'` on one line, `''` standing for one `'`.
fn single_quoted(rest: &str) -> Option<String> {
    let inner = rest.trim_end_matches(' ').strip_prefix('\'')?.strip_suffix('\'')?;
    (!inner.replace("''", "").contains('\'')).then(|| inner.replace("''", "'"))
}

/// `"text"` on one line, with YAML's escapes.
fn double_quoted(rest: &str) -> Option<String> {
    let inner = rest.trim_end_matches(' ').strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let code = |chars: &mut std::str::Chars, n: usize| {
                    let hex: String = chars.by_ref().take(n).collect();
                    if hex.len() != n || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                        return None;
                    }
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)
                };
                out.push(match chars.next()? {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    ' ' => ' ',
                    '"' => '"',
                    '/' => '/',
                    '\\' => '\\',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'x' => code(&mut chars, 2)?,
                    'u' => code(&mut chars, 4)?,
                    'U' => code(&mut chars, 8)?,
                    _ => return None,
                });
            }
            c => out.push(c),
        }
    }
    Some(out)
}
