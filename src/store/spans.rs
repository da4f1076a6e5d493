//! Where the characters of a string value are written in a YAML file, so a finding inside a
//! value (a word in a `text: |` block, in a quoted title) points at the file's own line and
//! column. Builds on [`locate`] for the key, then reads the scalar as written — block
//! (`|`, `>`), plain, single- or double-quoted — and lines its characters up with the value
//! the document holds. Lining up, rather than re-implementing YAML folding exactly, keeps this
//! small and tolerant: whitespace may differ (folding, indentation), every other character
//! is matched in order.

use super::locate::locate;

/// The positions of a value's characters in the file.
#[derive(Debug, Clone)]
pub struct ValueSpans {
    /// `(byte offset in the value, byte offset in the file)` for every non-blank character,
    /// in order.
    points: Vec<(usize, usize)>,
    /// Byte offset in the file where each line starts.
    line_starts: Vec<usize>,
    /// Where the key is, for values that could not be lined up.
    key: (usize, usize),
    src_len: usize,
}

/// Maps `value`, the text the document holds at `path` (`sections[2].text`), to its place in
/// `src`. `None` when the key is not written in block style where `locate` finds it.
pub fn value_spans(src: &str, path: &str, value: &str) -> Option<ValueSpans> {
    let (line, column) = locate(src, path)?;
    let key = path.rsplit('.').next()?.split('[').next()?;
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).filter(|&i| i <= src.len()).collect();
    let line_start = *line_starts.get(line - 1)?;
    let line_text = src[line_start..].lines().next().unwrap_or("");
    let rest = line_text.get(column - 1..)?;
    let after_key = rest.strip_prefix(key).or_else(|| {
        let quoted = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\''))?;
        quoted.strip_prefix(key).and_then(|r| r.get(1..))
    })?;
    let after_colon = after_key.trim_start_matches(' ').strip_prefix(':')?;
    let value_at = line_start + line_text.len() - after_colon.len();
    let chars = scalar_chars(src, value_at, column - 1);
    let points = line_up(value, &chars);
    Some(ValueSpans { points, line_starts, key: (line, column), src_len: src.len() })
}

impl ValueSpans {
    /// The 1-based line and column (in characters) of the value's byte `at`.
    pub fn start(&self, src: &str, at: usize) -> (usize, usize) {
        let i = self.points.partition_point(|&(v, _)| v < at);
        match self.points.get(i).or(self.points.last()) {
            Some(&(_, file)) => self.line_col(src, file),
            None => self.key,
        }
    }

    /// The line and column just after the value's bytes up to `end` (exclusive).
    pub fn end(&self, src: &str, end: usize) -> (usize, usize) {
        let i = self.points.partition_point(|&(v, _)| v < end);
        match i.checked_sub(1).and_then(|i| self.points.get(i)) {
            Some(&(_, file)) => {
                let (line, col) = self.line_col(src, file);
                (line, col + 1)
            }
            None => self.key,
        }
    }

    fn line_col(&self, src: &str, at: usize) -> (usize, usize) {
        let at = at.min(self.src_len);
        let line = self.line_starts.partition_point(|&s| s <= at).max(1);
        let start = self.line_starts[line - 1];
        (line, src.get(start..at).map_or(0, |s| s.chars().count()) + 1)
    }
}

/// The characters of the scalar that starts at byte `at` (just after `key:`), decoded enough
/// to be lined up, each with its byte offset in `src`. `key_indent` is the key's indentation.
fn scalar_chars(src: &str, at: usize, key_indent: usize) -> Vec<(char, usize)> {
    let head = &src[at..];
    let first_line = head.lines().next().unwrap_or("");
    let trimmed = first_line.trim_start_matches(' ');
    let start = at + first_line.len() - trimmed.len();
    let mut out = Vec::new();
    match trimmed.chars().next() {
        Some('|' | '>') => {
            let body = at + first_line.len();
            for (line_at, line) in following_lines(src, body, key_indent) {
                let content = line.trim_start_matches(' ');
                let offset = line_at + line.len() - content.len();
                out.extend(content.char_indices().map(|(i, c)| (c, offset + i)));
                out.push(('\n', offset + content.len()));
            }
        }
        Some('"') => quoted(src, start + 1, true, &mut out),
        Some('\'') => quoted(src, start + 1, false, &mut out),
        _ => {
            let plain = trimmed.split(" #").next().unwrap_or("");
            out.extend(plain.char_indices().map(|(i, c)| (c, start + i)));
            for (line_at, line) in following_lines(src, at + first_line.len(), key_indent) {
                let content = line.trim_start_matches(' ');
                let offset = line_at + line.len() - content.len();
                out.push((' ', offset));
                out.extend(content.split(" #").next().unwrap_or("").char_indices().map(|(i, c)| (c, offset + i)));
            }
        }
    }
    out
}

/// The lines after byte `from` (which ends a line) that belong to a value whose key is
/// indented `key_indent`: blank lines, and lines indented deeper than the key.
fn following_lines(src: &str, from: usize, key_indent: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = from + usize::from(src[from..].starts_with('\n'));
    while at < src.len() {
        let line = src[at..].lines().next().unwrap_or("");
        let indent = line.len() - line.trim_start_matches(' ').len();
        if !line.trim().is_empty() && indent <= key_indent {
            break;
        }
        out.push((at, line));
        at += line.len() + 1;
    }
    // Trailing blank lines belong to the next key, not to the value.
    while out.last().is_some_and(|(_, l)| l.trim().is_empty()) {
        out.pop();
    }
    out
}

/// A quoted scalar from just after its opening quote: escapes decoded (double quotes) or
/// `''` read as `'` (single quotes), up to the closing quote.
fn quoted(src: &str, from: usize, double: bool, out: &mut Vec<(char, usize)>) {
    let mut chars = src[from..].char_indices().map(|(i, c)| (c, from + i)).peekable();
    while let Some((c, at)) = chars.next() {
        match c {
            '"' if double => return,
            '\'' if !double => {
                if chars.peek().is_some_and(|&(n, _)| n == '\'') {
                    chars.next();
                    out.push(('\'', at));
                } else {
                    return;
                }
            }
            '\\' if double => {
                let Some((e, _)) = chars.next() else { return };
                // As YAML decodes them: blanks are skipped when lining up, the rest must match.
                let decoded = match e {
                    'n' | 't' | 'r' | ' ' | '\n' | 'N' | '_' | 'L' | 'P' => ' ',
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'e' => '\u{1b}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    'x' | 'u' | 'U' => {
                        let width = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String = (0..width).filter_map(|_| chars.next().map(|(h, _)| h)).collect();
                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or(' ')
                    }
                    other => other,
                };
                out.push((decoded, at));
            }
            c => out.push((c, at)),
        }
    }
}

/// Pairs each non-blank character of `value` with the next equal character written in the
/// file. Blanks are skipped on both sides: folding and indentation change them.
fn line_up(value: &str, chars: &[(char, usize)]) -> Vec<(usize, usize)> {
    let mut points = Vec::with_capacity(value.len());
    let mut k = 0;
    for (at, c) in value.char_indices().filter(|(_, c)| !c.is_whitespace()) {
        let Some(found) = chars[k..].iter().position(|&(w, _)| w == c) else { break };
        k += found;
        points.push((at, chars[k].1));
        k += 1;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: \"Checkout: \\\"down\\\"\"\nsections:\n  - id: summary\n    text: |\n      For 42 minutes\n\n      Dave forgot to rotate it.\n  - id: notes\n    text: >-\n      folded text\n      Dave forgot\ntimeline:\n  - time: t\n    event: Priya paged\n      the on-call  # a comment\n  - event: 'It''s Sam'\n";

    fn place(path: &str, value: &str, word: &str) -> ((usize, usize), (usize, usize)) {
        let spans = value_spans(DOC, path, value).unwrap_or_else(|| panic!("{path} not found"));
        let at = value.find(word).unwrap_or_else(|| panic!("{word} not in {value}"));
        (spans.start(DOC, at), spans.end(DOC, at + word.len()))
    }

    #[test]
    fn block_scalars_map_to_their_lines() {
        let value = "For 42 minutes\n\nDave forgot to rotate it.\n";
        assert_eq!(place("sections[0].text", value, "Dave forgot"), ((7, 7), (7, 18)));
        assert_eq!(place("sections[0].text", value, "minutes"), ((5, 14), (5, 21)));
        assert_eq!(place("sections[1].text", "folded text Dave forgot", "Dave"), ((11, 7), (11, 11)));
    }

    #[test]
    fn escapes_in_double_quotes_line_up_with_what_they_stand_for() {
        let src = "title: \"a \\e]0;x\\a Dave forgot\"\n";
        let value = "a \u{1b}]0;x\u{7} Dave forgot";
        let spans = value_spans(src, "title", value).unwrap_or_else(|| panic!("title not found"));
        let at = value.find("Dave").unwrap_or(0);
        assert_eq!(spans.start(src, at), (1, 20));
    }

    #[test]
    fn plain_and_quoted_scalars() {
        assert_eq!(place("timeline[0].event", "Priya paged the on-call", "on-call"), ((15, 11), (15, 18)));
        assert_eq!(place("timeline[1].event", "It's Sam", "Sam"), ((16, 19), (16, 22)));
        assert_eq!(place("title", "Checkout: \"down\"", "down"), ((1, 21), (1, 25)));
    }
}
