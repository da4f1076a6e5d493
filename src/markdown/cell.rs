//! Text inside Markdown tables and headings: escaped so that nothing typed can break the
//! table or the heading, and read back (`unescape_cell`) to exactly what was typed.
//!
//! A table cell is inline Markdown on one line. `escape_cell` keeps code spans (`` `x` ``) as
//! code, and makes everything else safe: `|` becomes `\|` (also inside code spans, where GFM
//! renderers drop the backslash again), a line break becomes `<br>` (a space inside a code span,
//! as CommonMark reads it), `<` `>` `&` become entities so typed HTML shows as text, a backslash
//! is doubled, and a backtick that opens no code span on its line is escaped, so it can never
//! start a code span that runs into the next cell.

/// One table cell that cannot break its table. The text is trimmed; `\r\n`, `\r` and `\n` are
/// line breaks. A link or image to a `javascript:`, `data:`, `vbscript:` or `file:` address
/// (any scheme but http, https and mailto) is written as text: its brackets are escaped, so
/// a renderer that does not filter addresses shows it rather than linking it.
pub fn escape_cell(text: &str) -> String {
    let out = escape_cell_with(text, false);
    if out.contains("](") && has_unsafe_link(&out) { escape_cell_with(text, true) } else { out }
}

fn escape_cell_with(text: &str, brackets: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in lines(text.trim()).enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_line(line, brackets, &mut out);
    }
    out
}

/// Whether a renderer would read a link or image to an address that is not safe in `cell`.
fn has_unsafe_link(cell: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(cell, super::parser_options()).any(|e| match e {
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => !super::is_safe_url(&dest_url),
        _ => false,
    })
}

fn escape_line(line: &str, brackets: bool, out: &mut String) {
    let mut i = 0;
    while let Some(c) = line[i..].chars().next() {
        if c == '`' {
            let n = run_length(line, i);
            match closing_run(line, i + n, n) {
                Some(close) => {
                    let end = close + n;
                    for ch in line[i..end].chars() {
                        if ch == '|' {
                            out.push_str("\\|");
                        } else {
                            out.push(ch);
                        }
                    }
                    i = end;
                }
                None => {
                    out.push_str(&"\\`".repeat(n));
                    i += n;
                }
            }
            continue;
        }
        match c {
            '|' => out.push_str("\\|"),
            '[' if brackets => out.push_str("\\["),
            ']' if brackets => out.push_str("\\]"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
        i += c.len_utf8();
    }
}

/// The text a cell's Markdown source stands for: the inverse of [`escape_cell`], and for cells
/// written by hand, backslash escapes and the common entities decoded, `<br>` as a line break.
/// Code spans are kept with their backticks (a cell holds inline Markdown).
pub fn unescape_cell(source: &str) -> String {
    let src = source.trim();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while let Some(c) = src[i..].chars().next() {
        match c {
            '\\' => match src[i + 1..].chars().next() {
                Some(next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    i += 1 + next.len_utf8();
                }
                _ => {
                    out.push('\\');
                    i += 1;
                }
            },
            '`' => {
                let n = run_length(src, i);
                match closing_run(src, i + n, n) {
                    Some(close) => {
                        let end = close + n;
                        out.push_str(&src[i..end].replace("\\|", "|"));
                        i = end;
                    }
                    None => {
                        out.push_str(&src[i..i + n]);
                        i += n;
                    }
                }
            }
            '&' => {
                let entity = ENTITIES.iter().find(|(name, _)| starts_with_ignore_case(&src[i..], name));
                match entity {
                    Some((name, ch)) => {
                        out.push(*ch);
                        i += name.len();
                    }
                    None => {
                        out.push('&');
                        i += 1;
                    }
                }
            }
            '<' => match LINE_BREAKS.iter().find(|tag| starts_with_ignore_case(&src[i..], tag)) {
                Some(tag) => {
                    out.push('\n');
                    i += tag.len();
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            c => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

const ENTITIES: [(&str, char); 6] =
    [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&'), ("&quot;", '"'), ("&#124;", '|'), ("&#x7c;", '|')];
const LINE_BREAKS: [&str; 3] = ["<br>", "<br/>", "<br />"];

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Text for a heading or another one-line inline place: whitespace collapsed, and the
/// characters that would turn into emphasis, code, links, HTML or entities, or be eaten as an
/// ATX closing sequence, escaped. Read back as plain text by any CommonMark parser.
pub fn escape_inline(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    let mut out = String::with_capacity(text.len() + 4);
    // A final run of `#` after a space (or alone) would be taken as the closing sequence.
    let closing = text.trim_end_matches('#');
    let closing_at =
        (closing.len() < text.len() && (closing.is_empty() || closing.ends_with(' '))).then_some(closing.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i..]) => out.push_str("\\&"),
            '#' if Some(i) == closing_at => out.push_str("\\#"),
            c => out.push(c),
        }
    }
    out
}

fn looks_like_entity(text: &str) -> bool {
    let rest = &text[1..];
    let name_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Lines split at `\r\n`, `\r` or `\n`, the Markdown line endings.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        l.split('\r')
    })
}

fn run_length(text: &str, at: usize) -> usize {
    text[at..].bytes().take_while(|&b| b == b'`').count()
}

/// Where a run of exactly `n` backticks starts at or after `from`: the end of a code span.
fn closing_run(text: &str, from: usize, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = run_length(text, i);
            if len == n {
                return Some(i);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_what_breaks_tables() {
        assert_eq!(escape_cell("a | b"), "a \\| b");
        assert_eq!(escape_cell(" one\ntwo\r\nthree\rfour "), "one<br>two<br>three<br>four");
        assert_eq!(escape_cell("<script>x</script> & more"), "&lt;script&gt;x&lt;/script&gt; &amp; more");
        assert_eq!(escape_cell("C:\\temp"), "C:\\\\temp");
    }

    #[test]
    fn code_spans_stay_code_and_lone_backticks_are_escaped() {
        assert_eq!(escape_cell("run `a | b < c`"), "run `a \\| b < c`");
        assert_eq!(escape_cell("it`s"), "it\\`s");
        assert_eq!(escape_cell("``a`` and ` and ```"), "``a`` and \\` and \\`\\`\\`");
        // A code span never reaches over a line break.
        assert_eq!(escape_cell("`a\nb`"), "\\`a<br>b\\`");
    }

    #[test]
    fn links_to_dangerous_schemes_are_text() {
        assert_eq!(escape_cell("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        assert_eq!(escape_cell("![p](data:image/png;base64,AA)"), "!\\[p\\](data:image/png;base64,AA)");
        assert_eq!(
            escape_cell("[a](https://ok.example) [b](VBScript:x)"),
            "\\[a\\](https://ok.example) \\[b\\](VBScript:x)"
        );
        assert_eq!(escape_cell("[doc](file:///etc/passwd)"), "\\[doc\\](file:///etc/passwd)");
        assert_eq!(escape_cell("[ok](https://x.example/a)"), "[ok](https://x.example/a)", "safe links stay links");
        assert_eq!(unescape_cell(&escape_cell("[x](javascript:alert(1))")), "[x](javascript:alert(1))");
    }

    #[test]
    fn unescape_reads_back_what_was_typed() {
        for text in [
            "a | b",
            "one\ntwo\n\nthree",
            "<script>x</script> & &lt; more",
            "C:\\temp\\|x",
            "run `a | b < c` then `x\\|y`",
            "it`s ``` odd ` ticks",
            "<br> typed &amp; kept",
            "emoji 🔥 and مرحبا",
        ] {
            assert_eq!(unescape_cell(&escape_cell(text)), text, "{text}");
        }
        assert_eq!(unescape_cell("x<BR/>y &#124; \\*z\\*"), "x\ny | *z*");
    }

    #[test]
    fn inline_text_is_plain_in_a_heading() {
        assert_eq!(escape_inline("Checkout API: errors for 42 minutes!"), "Checkout API: errors for 42 minutes!");
        assert_eq!(escape_inline("Issue #"), "Issue \\#");
        assert_eq!(escape_inline("C# service"), "C# service");
        assert_eq!(escape_inline("*not* `code` <b> Q&A &amp;"), "\\*not\\* \\`code\\` \\<b\\> Q&A \\&amp;");
        assert_eq!(escape_inline("two\n  lines"), "two lines");
    }
}
