//! HTML written into a Markdown file, as status pages, wikis and static sites leave it: a
//! timeline as an HTML table (`<tr><td>14:02</td><td>Alert fired</td></tr>`), updates as list
//! items (`<li><b>10:15</b> Rolled back</li>`), stamps in a `<span class="timestamp">` after a
//! `<br>`. Before the file is read, such markup is given the Markdown it means: a table's rows
//! become a pipe table, list items a list, paragraphs and breaks line breaks, bold and italics
//! emphasis, headings headings, links links (`[text](href)`); inline wrappers (`span`, `font`,
//! `time`) are dropped around their text and the common entities read; images stay as written. Every word stays. Code (fenced, indented is left
//! to the Markdown reader, inline in backticks), comments and pipe-table lines are left as
//! written; a tag name that is not HTML's (`<issue-12>`, `<https://…>`) is text.
//!
//! No crate was taken for this: the HTML-to-Markdown crates (htmd, html2md) and html2text
//! parse with html5ever, which would double the import's dependency tree for markup that is
//! always a handful of known tags.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The tags read; any other name between angle brackets is text.
const TAGS: &str = "table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|ul|ol|li|dl|dt|dd|p|div|section|article|header|footer|main|center|blockquote|br|hr|h[1-6]|strong|b|em|i|u|s|strike|del|ins|span|font|a|time|abbr|small|big|sup|sub|mark|label|nobr|wbr|code|tt|kbd";

static ANY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"(?i)</?(?:{TAGS})(?:\s[^<>]*)?/?>")).ok());

/// A token: an inline code span, a comment or a tag (its slash, name).
static TOKEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(r"(?is)`[^`\n]+`|<!--.*?-->|<(?P<close>/?)(?P<name>{TAGS})(?P<attrs>\s[^<>]*?)?/?>")).ok()
});

/// A paragraph's break and a line's, as the tags ask for them (see [`tidy`]).
const PARA_CHAR: char = '\u{1}';
const LINE_CHAR: char = '\u{2}';
const PARA: &str = "\u{1}";
const LINE: &str = "\u{2}";

static HREF: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r#"(?i)\bhref\s*=\s*["']([^"']+)["']"#).ok());

static ENTITY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"&(?:nbsp|amp|lt|gt|quot|apos|ndash|mdash|#(\d{1,6})|#[xX]([0-9a-fA-F]{1,6}));").ok());

/// `src` with its HTML read as Markdown (see the module's words); unchanged without any.
pub fn html_text(src: &str) -> Cow<'_, str> {
    let Some(any) = ANY.as_ref() else { return Cow::Borrowed(src) };
    if !any.is_match(src) {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 64);
    let mut state = State::default();
    let mut chunk = String::new();
    let mut code = false;
    let mut changed = false;
    for line in src.split_inclusive('\n') {
        let fence = super::is_fence(line);
        let verbatim = code || fence || line.trim_start().starts_with('|');
        if fence {
            code = !code;
        }
        if verbatim {
            changed |= flush(&mut chunk, &mut out, &mut state);
            out.push_str(line);
        } else {
            chunk.push_str(line);
        }
    }
    changed |= flush(&mut chunk, &mut out, &mut state);
    if !changed {
        return Cow::Borrowed(src);
    }
    let tidy = tidy(&out);
    super::ending_as(src, if tidy.ends_with('\n') { tidy } else { tidy + "\n" })
}

#[derive(Default)]
struct State {
    /// Between a table's tags, where space between rows is not text.
    in_table: bool,
    in_row: bool,
    cells: usize,
    /// The links open, with where each points.
    links: Vec<Option<String>>,
    /// The table being read has had its first row (and so its delimiter row).
    headed: bool,
}

/// The text gathered so far, read into `out`; whether any tag was read.
fn flush(chunk: &mut String, out: &mut String, state: &mut State) -> bool {
    if chunk.is_empty() {
        return false;
    }
    let text = std::mem::take(chunk);
    let (Some(token), Some(any)) = (TOKEN.as_ref(), ANY.as_ref()) else {
        out.push_str(&text);
        return false;
    };
    if !any.is_match(&text) {
        out.push_str(&text);
        return false;
    }
    let mut done = 0;
    let mut read = String::with_capacity(text.len());
    for c in token.captures_iter(&text) {
        let Some(whole) = c.get(0) else { continue };
        push_text(&mut read, &text[done..whole.start()], state);
        done = whole.end();
        let Some(name) = c.name("name") else {
            read.push_str(whole.as_str());
            continue;
        };
        let close = c.name("close").is_some_and(|s| !s.as_str().is_empty());
        let name = name.as_str().to_ascii_lowercase();
        // A link keeps where it points: `<a href="URL">text</a>` is `[text](URL)`.
        if name == "a" {
            let href = c.name("attrs").and_then(|a| HREF.as_ref()?.captures(a.as_str())).map(|h| h[1].to_string());
            match (close, href) {
                (false, Some(href)) => {
                    state.links.push(Some(href));
                    read.push('[');
                }
                (false, None) => state.links.push(None),
                (true, _) => {
                    if let Some(Some(href)) = state.links.pop() {
                        read.push_str(&format!("]({href})"));
                    }
                }
            }
            continue;
        }
        read.push_str(&tag(&name, close, state));
    }
    push_text(&mut read, &text[done..], state);
    out.push_str(&entities(&read));
    true
}

/// Text between tags: as written, or within a table's row its words on one line.
fn push_text(out: &mut String, text: &str, state: &State) {
    if state.in_table && !state.in_row && text.trim().is_empty() {
        return;
    }
    if state.in_row {
        // (Space between a cell's words and its tags stays one space: "for <a>x</a> fired".)
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            if text.starts_with(char::is_whitespace) && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(&words.replace('|', "\\|"));
            if text.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
    } else {
        out.push_str(text);
    }
}

/// What a tag is in Markdown.
fn tag(name: &str, close: bool, state: &mut State) -> String {
    match name {
        "table" => {
            *state = State { in_table: !close, links: std::mem::take(&mut state.links), ..State::default() };
            PARA.into()
        }
        "tr" if !close => {
            state.in_row = true;
            state.cells = 0;
            format!("{LINE}|")
        }
        "tr" => {
            state.in_row = false;
            if state.headed || state.cells == 0 {
                LINE.into()
            } else {
                state.headed = true;
                format!("{LINE}|{}{LINE}", "---|".repeat(state.cells))
            }
        }
        "td" | "th" if !close => {
            state.cells += 1;
            " ".into()
        }
        "td" | "th" => " |".into(),
        "br" if state.in_row => " ".into(),
        "br" => LINE.into(),
        "li" | "dt" | "dd" if !close => format!("{LINE}- "),
        "li" | "dt" | "dd" => LINE.into(),
        "caption" | "ul" | "ol" | "dl" | "p" | "div" | "section" | "article" | "header" | "footer" | "main"
        | "center" | "blockquote" | "thead" | "tbody" | "tfoot"
            if !state.in_row =>
        {
            PARA.into()
        }
        "hr" => PARA.into(),
        h if h.len() == 2 && h.starts_with('h') && !state.in_row => {
            if close {
                PARA.into()
            } else {
                format!("{PARA}{} ", "#".repeat(h[1..].parse::<usize>().unwrap_or(2)))
            }
        }
        "strong" | "b" => "**".into(),
        "em" | "i" => "*".into(),
        "code" | "tt" | "kbd" => "`".into(),
        _ => String::new(),
    }
}

/// `&nbsp;`, `&amp;`, `&#8211;` and the like as the characters they stand for.
fn entities(text: &str) -> String {
    let Some(re) = ENTITY.as_ref() else { return text.to_string() };
    re.replace_all(text, |c: &regex::Captures| {
        let number = c
            .get(1)
            .and_then(|d| d.as_str().parse::<u32>().ok())
            .or_else(|| c.get(2).and_then(|h| u32::from_str_radix(h.as_str(), 16).ok()));
        if let Some(n) = number {
            return char::from_u32(n).map_or(c[0].to_string(), |ch| ch.to_string());
        }
        match &c[0] {
            "&nbsp;" => " ",
            "&amp;" => "&",
            "&lt;" => "<",
            "&gt;" => ">",
            "&quot;" => "\"",
            "&apos;" => "'",
            "&ndash;" => "–",
            "&mdash;" => "—",
            other => other,
        }
        .to_string()
    })
    .into_owned()
}

/// The breaks the tags asked for, where the text has fewer: a run of line ends and markers
/// becomes as many line ends as it held, at least one for a line's break and two for a
/// paragraph's; none at the start.
fn tidy(text: &str) -> String {
    static RUN: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new("[\n\r \t\u{1}\u{2}]*[\u{1}\u{2}][\n\r \t\u{1}\u{2}]*").ok());
    let Some(re) = RUN.as_ref() else { return text.replace([PARA_CHAR, LINE_CHAR], "\n") };
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for m in re.find_iter(text) {
        out.push_str(&text[done..m.start()]);
        done = m.end();
        if out.is_empty() {
            continue;
        }
        let run = m.as_str();
        let need = if run.contains(PARA_CHAR) { 2 } else { 1 };
        let had = run.matches('\n').count();
        out.push_str(&"\n".repeat(had.max(need)));
        // (The indentation of the line after the run stays.)
        if let Some(indent) = run.rsplit('\n').next().filter(|_| had >= need && !run.ends_with([PARA_CHAR, LINE_CHAR]))
        {
            out.push_str(indent);
        }
    }
    out.push_str(&text[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::html_text;

    #[test]
    fn tables_lists_and_stamps_in_html_become_markdown() {
        let src = "# Outage\n\n<table>\n<tr><th>Time</th><th>Event</th></tr>\n<tr>\n  <td>14:02</td>\n  <td>Alert &amp; page</td>\n</tr>\n</table>\n\n<ul><li><b>10:15</b> Rolled back</li><li>10:30 Fixed</li></ul>\n\nWe restarted it.\n<br><span class=\"timestamp\">Dec 22, 14:40 PT</span> <a href=\"https://example.com/i/1\">issue</a> <img src=\"x.png\">\n";
        assert_eq!(
            html_text(src),
            "# Outage\n\n| Time | Event |\n|---|---|\n| 14:02 | Alert & page |\n\n- **10:15** Rolled back\n- 10:30 Fixed\n\nWe restarted it.\nDec 22, 14:40 PT [issue](https://example.com/i/1) <img src=\"x.png\">\n"
        );
    }

    #[test]
    fn markdown_code_comments_and_other_angle_brackets_are_left_alone() {
        for src in [
            "# Outage\n\n- 14:02 alert, see <https://example.com> and <issue-12>\n",
            "```\n<table><tr><td>x</td></tr></table>\n```\n",
            "Use `<br>` in cells.\n\n<!-- <b>draft</b> -->\n| a<br>b | c |\n|---|---|\n",
        ] {
            assert_eq!(html_text(src), src);
        }
    }
}
