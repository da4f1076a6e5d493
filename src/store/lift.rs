//! The quick read of a document with long texts. The YAML reader spends most of a big
//! document's read walking its long literal blocks (`text: |`) character by character; here
//! each block of at least [`LIFT_MIN`] bytes is taken out of the text first, by lines, and a
//! short stand-in block put in its place; the reader reads what is left, and the swap
//! (`swap`) hands each field its own text back as it is read.
//!
//! Nothing is guessed: a block is taken out only when its shape is the plain one the
//! editor writes (`key: |`, `|-` or `|+`, no indentation number, no blank-only line, no
//! character the reader would refuse or turn into a line break, not the end of the file),
//! and the result is used only when every stand-in came back alone as a whole string, so a
//! `key: |` line that was really inside another text leaves the file to be read the
//! ordinary way. Any error too: errors are always the reader's own, with their lines.

use serde::de::DeserializeOwned;

use super::guard;
use super::swap::{MARK, Texts};

/// The shortest block worth taking out: below it the reader is as quick.
pub const LIFT_MIN: usize = 4096;

/// `src` with its long blocks taken out, and those blocks' texts as the reader would give them.
pub(super) struct Lifted {
    pub(super) text: String,
    pub(super) texts: Vec<String>,
}

/// Reads `src` the quick way, with blocks of at least `min` bytes taken out; `None` when
/// there is nothing to take out or the quick way cannot vouch for the result (the caller
/// then reads it the ordinary way).
pub fn read<T: DeserializeOwned>(src: &str, min: usize) -> Option<T> {
    if guard::has_aliases(src) {
        return None;
    }
    let Lifted { text, texts } = lift(src, min)?;
    let texts = Texts::new(texts);
    let read = super::yaml::from_str_swapped::<T>(&text, &texts).ok()?;
    texts.all_taken().then_some(read)
}

/// `src` with every plain literal block of at least `min` bytes taken out; `None` when there
/// is none (or the text holds a carriage return or the stand-ins' mark).
pub(super) fn lift(src: &str, min: usize) -> Option<Lifted> {
    if src.len() < min || memchr::memchr(b'\r', src.as_bytes()).is_some() || src.contains(MARK) {
        return None;
    }
    let mut lifted = Lifted { text: String::new(), texts: Vec::new() };
    let mut copied = 0; // `src[..copied]` is in `lifted.text` already
    let mut at = 0; // the start of the line looked at
    while at < src.len() {
        let end = src[at..].find('\n').map_or(src.len(), |i| at + i);
        let Some((head, key_column)) = header(&src[at..end]) else {
            at = end + 1;
            continue;
        };
        let Some(block) = Block::read(src, end + 1, key_column) else {
            at = end + 1;
            continue;
        };
        if block.text.len() >= min {
            let indent = " ".repeat(block.indent);
            lifted.text.push_str(&src[copied..at + head]);
            let n = lifted.texts.len();
            lifted.text.push_str(&format!("|-\n{indent}{MARK}{n}\n"));
            lifted.texts.push(block.text);
            copied = block.end;
        }
        at = block.end;
    }
    if lifted.texts.is_empty() {
        return None;
    }
    lifted.text.push_str(&src[copied..]);
    Some(lifted)
}

/// For a line `  - key: |` (or `|-`, `|+`): the length up to the `|`, and the key's column.
fn header(line: &str) -> Option<(usize, usize)> {
    let head = ["|", "|-", "|+"].into_iter().find_map(|end| line.strip_suffix(end)?.strip_suffix(": "))?;
    let mut key = head.trim_start_matches(' ');
    while let Some(rest) = key.strip_prefix("- ") {
        key = rest.trim_start_matches(' ');
    }
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    plain.then(|| (head.len() + 2, head.len() - key.len()))
}

/// A literal block's text, as the reader gives it.
pub(super) struct Block {
    pub(super) text: String,
    /// Its lines' indentation.
    indent: usize,
    /// Where the line after it starts.
    pub(super) end: usize,
}

impl Block {
    /// The block whose lines start at `start`, under a key at `key_column`, ending with the
    /// line before the first one indented less; `None` unless it has the plain shape.
    pub(super) fn read(src: &str, start: usize, key_column: usize) -> Option<Block> {
        let chomp = start.checked_sub(2).and_then(|i| src.as_bytes().get(i)).copied();
        let first = src.get(start..)?.lines().next()?;
        let indent = first.len() - first.trim_start_matches(' ').len();
        if indent <= key_column || first[indent..].starts_with('\t') || indent == first.len() {
            return None; // an empty block, a blank first line, or a tab where the reader wants spaces
        }
        let mut text = String::new();
        let mut blank = 0; // empty lines not yet known to be inside the text
        let mut at = start;
        loop {
            let end = at + memchr::memchr(b'\n', &src.as_bytes()[at..])?; // the file's end: left to the reader
            let line = &src[at..end];
            if line.is_empty() {
                blank += 1;
            } else if line.bytes().all(|b| b == b' ') {
                return None; // blank-only lines: the chomping rules are the reader's
            } else if line.len() - line.trim_start_matches(' ').len() < indent {
                break;
            } else if !printable(&line[indent..]) {
                return None;
            } else {
                if at > start {
                    text.extend(std::iter::repeat_n('\n', blank + 1));
                }
                blank = 0;
                text.push_str(&line[indent..]);
            }
            at = end + 1;
        }
        match chomp {
            Some(b'-') => {}
            Some(b'+') => text.extend(std::iter::repeat_n('\n', blank + 1)),
            _ => text.push('\n'),
        }
        Some(Block { text, indent, end: at })
    }
}

/// Whether the reader keeps `line` as it is: no control character but tab, no C1 control,
/// line or paragraph separator, byte order mark or non-character.
pub(super) fn printable(line: &str) -> bool {
    let kept = |c: char| match c {
        '\t' | ' '..='~' => true,
        '\0'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => false,
        _ => true,
    };
    printable_ascii(line.as_bytes()) || line.chars().all(kept)
}

/// Whether `bytes` are all printable ASCII (space to `~`), eight at a time: a megabyte of
/// prose goes through here when a document is opened.
pub(super) fn printable_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = <[u8; 8]>::try_from(chunk).map_or(u64::MAX, u64::from_le_bytes);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let del = x ^ (ONES * 0x7f);
        let is_del = del.wrapping_sub(ONES) & !del & HIGH;
        if (x & HIGH) | below_space | is_del != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(|b| (b' '..=b'~').contains(b))
}
