//! A Markdown file as a flat list of its top-level blocks, each with its place in the source:
//! what the import walks through. Parsing is pulldown-cmark's; only the top level is looked
//! at, so a heading inside a list or a quote is content, not a section.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::markdown::cell::unescape_cell;

/// The level of a part opened by a bold label line (`**Timeline:**`): below every Markdown
/// heading's (`######` is 6).
pub(super) const LABEL_LEVEL: usize = 7;

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    pub range: Range<usize>,
    /// 1-based line of the block's first character.
    pub line: usize,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Heading {
        level: usize,
        text: String,
    },
    Paragraph,
    List(Vec<Item>),
    /// Cells as the text they stand for (see `unescape_cell`).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Code, quotes, HTML, rules: content kept as written.
    Other,
}

#[derive(Debug, Clone)]
pub struct Item {
    /// The item's Markdown without its marker and task box, continuation lines unindented.
    pub text: String,
    /// `Some(done)` for a task list item (`- [x] ...`).
    pub task: Option<bool>,
}

/// The source split into YAML front matter (if the file starts with one) and blocks.
pub struct Parsed {
    pub front_matter: Option<String>,
    /// The front matter is TOML (`+++`), not YAML.
    pub toml: bool,
    pub blocks: Vec<Block>,
}

pub fn parse(src: &str) -> Parsed {
    let (front_matter, body, toml) = split_front_matter(src);
    let line_starts: Vec<usize> = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<(Tag, Range<usize>)> = None;
    let mut heading = String::new();
    let mut items: Vec<Item> = Vec::new();
    let mut task: Option<bool> = None;
    let mut item_range: Option<Range<usize>> = None;
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_head = false;
    for (event, range) in Parser::new_ext(&body, crate::markdown::parser_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    start = Some((tag.clone(), range.clone()));
                    heading.clear();
                    items.clear();
                    header.clear();
                    rows.clear();
                }
                match (&tag, depth) {
                    (Tag::Item, 1) => {
                        item_range = Some(range.clone());
                        task = None;
                    }
                    (Tag::TableHead, _) => in_head = true,
                    (Tag::TableRow, _) => rows.push(Vec::new()),
                    (Tag::TableCell, _) => {
                        let cell = unescape_cell(&body[range.clone()]);
                        match rows.last_mut() {
                            Some(row) if !in_head => row.push(cell),
                            _ => header.push(cell),
                        }
                    }
                    _ => {}
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                match (end, depth) {
                    (TagEnd::TableHead, _) => in_head = false,
                    (TagEnd::Item, 1) => {
                        if let Some(r) = item_range.take() {
                            items.push(Item { text: item_text(&body[r], task.is_some()), task });
                        }
                    }
                    (_, 0) => {
                        if let Some((tag, r)) = start.take() {
                            let kind = match tag {
                                Tag::Heading { level, .. } => {
                                    Kind::Heading { level: level as usize, text: heading_words(heading.trim()) }
                                }
                                Tag::Paragraph => Kind::Paragraph,
                                Tag::List(_) => Kind::List(std::mem::take(&mut items)),
                                Tag::Table(_) => {
                                    Kind::Table { header: std::mem::take(&mut header), rows: std::mem::take(&mut rows) }
                                }
                                _ => Kind::Other,
                            };
                            blocks.push(Block { kind, line: line_of(r.start), range: r });
                        }
                    }
                    _ => {}
                }
            }
            Event::TaskListMarker(done) if depth == 3 || depth == 2 => task = Some(done),
            Event::Text(t) | Event::Code(t) if depth >= 1 => heading.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth >= 1 => heading.push(' '),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule if depth == 0 => {
                blocks.push(Block { kind: Kind::Other, line: line_of(range.start), range });
            }
            _ => {}
        }
    }
    Parsed { front_matter, toml, blocks }
}

/// A front matter block at the very start (YAML `---` ... `---` or `...`, TOML `+++` ... `+++`)
/// and the source with it blanked out, so that offsets and line numbers stay those of the file.
fn split_front_matter(src: &str) -> (Option<String>, String, bool) {
    let toml = src.starts_with("+++");
    let fence = if toml { "+++" } else { "---" };
    let Some(rest) = src.strip_prefix(fence).and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
    else {
        return (None, src.to_string(), false);
    };
    let mut offset = src.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        let end = offset + line.len();
        if line.trim_end() == fence || (!toml && line.trim_end() == "...") {
            let yaml = src[src.len() - rest.len()..offset].to_string();
            let blanked: String = src[..end]
                .chars()
                .map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) })
                .collect();
            return (Some(yaml), blanked + &src[end..], toml);
        }
        offset = end;
    }
    (None, src.to_string(), false)
}

/// A list item's text: the marker (`-`, `*`, `+`, `1.`, `1)`) and task box taken off the first
/// line, and the item's indentation off the others.
fn item_text(source: &str, has_task: bool) -> String {
    let mut lines = source.lines();
    let first = lines.next().unwrap_or_default();
    let indent = first.len() - first.trim_start().len();
    let after_indent = &first[indent..];
    let marker = if after_indent.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = after_indent.bytes().take_while(u8::is_ascii_digit).count();
        digits + usize::from(after_indent[digits..].starts_with(['.', ')']))
    };
    let after_marker = &after_indent[marker..];
    let spaces = after_marker.len() - after_marker.trim_start_matches(' ').len();
    let width = indent + marker + if (1..=4).contains(&spaces) { spaces } else { 1 };
    let mut content = after_marker.trim_start_matches(' ');
    if has_task && matches!(content.get(..3), Some("[ ]" | "[x]" | "[X]")) {
        content = content[3..].trim_start();
    }
    let mut out = content.to_string();
    for line in lines {
        let strip = line.len() - line.trim_start_matches(' ').len();
        out.push('\n');
        out.push_str(&line[strip.min(width)..]);
    }
    out.trim().to_string()
}

/// A heading's words: without a reStructuredText title's overline (`=====` over `System
/// status` over `=====`, which Markdown reads as the heading's first words) and without a static
/// site's anchor after them (`{#2-07pm-cst}`).
fn heading_words(text: &str) -> String {
    // `## 2:07pm CST {#2-07pm-cst}`: a static site's anchor after the words is no part of them.
    let text = match text.rsplit_once(" {") {
        Some((words, attrs)) if attrs.starts_with(['#', '.']) && attrs.ends_with('}') && !attrs.contains(' ') => {
            words.trim_end()
        }
        _ => text,
    };
    match text.split_once(char::is_whitespace) {
        Some((first, rest))
            if first.len() >= 3 && first.chars().all(|c| matches!(c, '=' | '-' | '~' | '^' | '*' | '#')) =>
        {
            rest.trim().to_string()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_with_lines_lists_and_tables() {
        let src = "---\ntitle: T\n---\n# Title\n\ntext\n\n- [x] done\n- [ ] todo\n  more\n\n| a | b |\n|---|---|\n| 1 \\| 2 | x<br>y |\n";
        let parsed = parse(src);
        assert_eq!(parsed.front_matter.as_deref(), Some("title: T\n"));
        let b = &parsed.blocks;
        assert!(matches!(&b[0].kind, Kind::Heading { level: 1, text } if text == "Title"));
        assert_eq!(b[0].line, 4);
        assert!(matches!(b[1].kind, Kind::Paragraph));
        let Kind::List(items) = &b[2].kind else { panic!("{:?}", b[2]) };
        assert_eq!((items[0].text.as_str(), items[0].task), ("done", Some(true)));
        assert_eq!((items[1].text.as_str(), items[1].task), ("todo\nmore", Some(false)));
        let Kind::Table { header, rows } = &b[3].kind else { panic!("{:?}", b[3]) };
        assert_eq!(header, &["a", "b"]);
        assert_eq!(rows, &[vec!["1 | 2".to_string(), "x\ny".to_string()]]);
    }

    #[test]
    fn ordered_items_and_nested_lists() {
        let parsed = parse("1. one\n2) two\n   - sub\n");
        let Kind::List(items) = &parsed.blocks[0].kind else { panic!() };
        assert_eq!(items[0].text, "one");
        assert!(items.len() == 1 || items[1].text == "two\n- sub", "{items:?}");
    }
}
