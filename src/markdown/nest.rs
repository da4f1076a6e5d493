//! Section text placed below a section heading: its headings moved down so that none outranks
//! the section, and any block left open at its end (a code fence never closed, an HTML block
//! never ended) closed, so it cannot swallow the sections after it.
//!
//! Headings are found with pulldown-cmark, so `#` lines inside code blocks stay as they are and
//! setext headings (`Title` over `===`) are seen too.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::parser_options;

/// A heading found in Markdown text.
struct Heading {
    range: Range<usize>,
    level: usize,
    /// `Title` over `===`/`---` rather than `# Title`.
    setext: bool,
    /// The heading's inline source, one entry per line (without container prefixes).
    lines: Vec<String>,
}

/// Moves every heading of `text` by `delta` levels, within 1..=6. ATX headings keep their text
/// byte for byte; setext headings become ATX headings (setext has only two levels), their lines
/// joined by a space.
pub fn shift_headings(text: &str, delta: i32) -> String {
    let headings = headings(text);
    if headings.is_empty() || delta == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + headings.len() * 2);
    let mut at = 0;
    for h in headings {
        out.push_str(&text[at..h.range.start]);
        let level = (h.level as i32 + delta).clamp(1, 6) as usize;
        let hashes = "#".repeat(level);
        let source = &text[h.range.clone()];
        if h.setext {
            out.push_str(&hashes);
            let content = h.lines.join(" ");
            if !content.is_empty() {
                out.push(' ');
                out.push_str(&content);
                // A final `#` would be read as the closing sequence of the ATX heading.
                if content.ends_with('#') {
                    out.push_str(" #");
                }
            }
            out.push_str(line_ending(source));
        } else {
            let run = source.bytes().take_while(|&b| b == b'#').count();
            out.push_str(&hashes);
            out.push_str(&source[run..]);
        }
        at = h.range.end;
    }
    out.push_str(&text[at..]);
    out
}

fn line_ending(source: &str) -> &'static str {
    if source.ends_with("\r\n") {
        "\r\n"
    } else if source.ends_with('\n') {
        "\n"
    } else if source.ends_with('\r') {
        "\r"
    } else {
        ""
    }
}

fn headings(text: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut current: Option<Heading> = None;
    // Inside a heading: how deep in inline tags, and the lines' source ranges so far.
    let mut depth = 0usize;
    let mut line: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(text, parser_options()).into_offset_iter() {
        match (&event, current.as_mut()) {
            (Event::Start(Tag::Heading { level, .. }), _) => {
                let setext = !text[range.clone()].starts_with('#');
                current = Some(Heading { range, level: *level as usize, setext, lines: Vec::new() });
                depth = 0;
                line = None;
            }
            (Event::End(TagEnd::Heading(_)), Some(h)) => {
                if let Some(r) = line.take() {
                    h.lines.push(line_source(text, r));
                }
                found.extend(current.take());
            }
            (Event::SoftBreak | Event::HardBreak, Some(h)) if depth == 0 => {
                if let Some(r) = line.take() {
                    h.lines.push(line_source(text, r));
                }
            }
            (Event::Start(_), Some(_)) => {
                extend(&mut line, &range);
                depth += 1;
            }
            (Event::End(_), Some(_)) => depth = depth.saturating_sub(1),
            (_, Some(_)) => extend(&mut line, &range),
            _ => {}
        }
    }
    found
}

fn extend(line: &mut Option<Range<usize>>, range: &Range<usize>) {
    *line = Some(match line.take() {
        Some(r) => r.start.min(range.start)..r.end.max(range.end),
        None => range.clone(),
    });
}

/// The source of one heading line; an escaped first character keeps its backslash (the
/// parser's range for `\*` starts after the backslash).
fn line_source(text: &str, r: Range<usize>) -> String {
    let start = if r.start > 0 && text.as_bytes()[r.start - 1] == b'\\' { r.start - 1 } else { r.start };
    let source = &text[start..r.end];
    source.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// `text` with whatever it leaves open at its end closed: an unclosed code fence gets its
/// closing fence, and an HTML block that would run on (`<script>`, `<pre>`, `<!--` ... without
/// their end) has its opening `<` written as `&lt;`, so it shows as text.
pub fn close_open_blocks(text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..64 {
        let probe = format!("{text}\n\n## x\n");
        let sentinel = text.len() + 2;
        let mut open: Option<(Tag, Range<usize>)> = None;
        let mut closed = false;
        for (event, range) in Parser::new_ext(&probe, parser_options()).into_offset_iter() {
            if let Event::Start(tag) = event {
                if range.start == sentinel && matches!(tag, Tag::Heading { .. }) {
                    closed = true;
                } else if range.start < sentinel && range.end > sentinel {
                    open = Some((tag, range));
                }
            }
        }
        if closed {
            return text;
        }
        match open {
            Some((Tag::CodeBlock(CodeBlockKind::Fenced(_)), range)) => {
                let opening = probe[range.start..].trim_start_matches(' ');
                let marker = opening.chars().next().unwrap_or('`');
                let fence: String = opening.chars().take_while(|&c| c == marker).collect();
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&fence);
            }
            Some((Tag::HtmlBlock, range)) => match text[range.start..].find('<') {
                Some(at) => text.replace_range(range.start + at..range.start + at + 1, "&lt;"),
                None => break,
            },
            _ => break,
        }
    }
    // Nothing else is known to stay open; as a last resort the text is shown as code.
    text.lines().map(|l| format!("    {l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atx_headings_move_down_and_cap_at_six() {
        assert_eq!(shift_headings("# One\n\ntext\n\n## Two ##\n", 2), "### One\n\ntext\n\n#### Two ##\n");
        assert_eq!(shift_headings("##### Five\n###### Six", 2), "###### Five\n###### Six");
        assert_eq!(shift_headings("   # Indented", 2), "   ### Indented");
        assert_eq!(shift_headings("### Three\n", -2), "# Three\n");
    }

    #[test]
    fn code_blocks_and_setext_headings() {
        let text = "```\n# not a heading\n```\n\nTitle\n=====\n\nSub *title* \\#\n---\n";
        assert_eq!(shift_headings(text, 2), "```\n# not a heading\n```\n\n### Title\n\n#### Sub *title* \\# #\n");
        assert_eq!(shift_headings("> quote\n> ing\n> ---\n", 2), "> #### quote ing\n");
        assert_eq!(shift_headings("    # code\n", 2), "    # code\n");
    }

    #[test]
    fn open_blocks_are_closed() {
        assert_eq!(close_open_blocks("```rust\nfn main() {}"), "```rust\nfn main() {}\n```");
        assert_eq!(close_open_blocks("~~~~\nx\n~~~"), "~~~~\nx\n~~~\n~~~~");
        assert_eq!(close_open_blocks("<script>\nalert(1)"), "&lt;script>\nalert(1)");
        assert_eq!(close_open_blocks("a\n\n<!-- note"), "a\n\n&lt;!-- note");
        assert_eq!(close_open_blocks("<!-- fine -->\ntext"), "<!-- fine -->\ntext");
        assert_eq!(close_open_blocks("plain *text*"), "plain *text*");
    }
}
