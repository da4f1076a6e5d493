//! A postmortem written without Markdown, as a document pasted from a word processor or a
//! web page into a README: `Timeline:` or `Timeline (EAT).` alone on a line where a heading
//! would be, its entries on the lines below with no blank line between them (`08:30 AM UTC -
//! ...`, `14th February, 9:00AM: ...`), the whole text indented, `<h1>` headings and `<br>`
//! line ends. Before the file is read, such a file is given the Markdown it means:
//! a label that names a section becomes a heading, a run of lines that each start with a time
//! becomes a list, `<h1>Timeline</h1>` becomes `# Timeline`. A file with
//! Markdown headings keeps its own structure; only the markup that Markdown does not read
//! (`<hN>`, a trailing `<br>`, `1: 55 PM`) is changed there. Lines are neither added nor
//! removed, and every word stays.
//!
//! A postmortem pasted as a chat assistant answers, inside a fence labelled `markdown` (often
//! never closed) with a line of the answer above it, is its Markdown: the fence's lines are
//! kept as comments when what it holds has headings of its own.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::matching::{is_heading_name, normalize, unqualified};

static HTML_HEADING: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*<h([1-6])[^>]*>\s*(.*?)\s*</h[1-6]>\s*(?:<br\s*/?>\s*)*$").ok());
static BR_END: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)^(.*\S)\s*<br\s*/?>\s*$").ok());
/// `1: 55 PM`, a time typed with a space after its colon, at the start of an entry.
static SPACED_CLOCK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\s*(?:[-*+•]\s+)?(?:\*\*)?)(\d{1,2}): (\d{2}\s?(?i:[ap]\.?m\b))").ok());
/// A line that opens with a time, or a day and a time: `08:30 AM UTC - ...`, `**10:45 AM**`,
/// `14th February, 9:00AM: ...`, `Nov 16, 2017 15:10 : ...`, `2024-02-15 10:30 ...`, `Day 1, 09:00 ...`,
/// `3/9 00:02`.
static TIMED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\*\*|__)?[\[(]?(?:(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+\p{L}{3,}\.?|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|Day\s+\d+),?\s+)?\d{1,2}:\s?\d{2}(?:\D|$)",
    )
    .ok()
});

fn atx(line: &str) -> bool {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t'])
}

fn setext(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// A line alone that names a section as a heading would (`Timeline`, `Timeline (EAT).`, `Root
/// Cause and Resolution:`, `Corrective and Preventative Measures:`, `Issue Summary`): `Some(true)`
/// for the timeline's.
pub(super) fn label_kind(line: &str) -> Option<bool> {
    let t = line.trim().trim_matches(['*', '_']).trim();
    if t.is_empty() || t.split_whitespace().count() > 8 || t.starts_with(['-', '+', '|', '>', '#', '`']) {
        return None;
    }
    let t = t.trim_end_matches(['.', ':', ' ']).trim();
    let bare = unqualified(t);
    if bare.is_empty() || bare.contains([':', '.', ',', ';']) {
        return None;
    }
    // "Timeline of events", "Timeline of the Events:", not "TIMELINE AND ROOT CAUSE" (prose
    // whose sentences state the times).
    const OF_EVENTS: &[&str] = &["of", "the", "events", "event", "incident", "outage", "key", "major"];
    let words: Vec<String> = normalize(&bare).split(' ').map(str::to_string).collect();
    let timeline = words.first().is_some_and(|w| w == "timeline")
        && (words.len() <= 3 || words.iter().skip(1).all(|w| OF_EVENTS.contains(&w.as_str())))
        && !words.iter().any(|w| w == "and");
    // "Incident Detailed Timeline (CET):": a few words ending in "timeline", its zone and a
    // colon, a label as the heading would be.
    let zoned = line.trim_end().ends_with(':') && super::zone::stated(t).is_some() && bare != t;
    // "Detailed Incident Timeline": a few words that only say which timeline.
    const WHICH: &[&str] =
        &["detailed", "incident", "outage", "full", "complete", "brief", "short", "overall", "technical"];
    let which = words.len() <= 4
        && words.last().is_some_and(|w| w == "timeline")
        && words[..words.len() - 1].iter().all(|w| WHICH.contains(&w.as_str()));
    let timeline = timeline
        || which
        || (zoned
            && words.len() <= 4
            && words.last().is_some_and(|w| w == "timeline")
            && !words.iter().any(|w| w == "and"));
    (timeline || is_heading_name(&bare)).then_some(timeline)
}

fn timed(line: &str) -> bool {
    TIMED.as_ref().is_some_and(|re| re.is_match(line.trim_start()))
}

/// The markup Markdown does not read, in any file: `<h2>...</h2>`, a `<br>` ending a line
/// of text (not a table's row), `1: 55 PM`.
fn markup(line: &str) -> Cow<'_, str> {
    if let Some(c) = HTML_HEADING.as_ref().and_then(|re| re.captures(line)) {
        let level: usize = c[1].parse().unwrap_or(1);
        return Cow::Owned(format!("{} {}", "#".repeat(level), &c[2]));
    }
    if let Some(heading) = super::wiki::heading(line) {
        return Cow::Owned(heading);
    }
    let mut out = Cow::Borrowed(line);
    if !line.trim_start().starts_with('|')
        && let Some(c) = BR_END.as_ref().and_then(|re| re.captures(line))
    {
        out = Cow::Owned(c[1].to_string());
    }
    if let Some(re) = SPACED_CLOCK.as_ref()
        && re.is_match(&out)
    {
        out = Cow::Owned(re.replace(&out, "$1$2:$3").into_owned());
    }
    out
}

/// `src` with the Markdown a file written without it means (see the module's words).
pub fn plain(src: &str) -> Cow<'_, str> {
    let mut lines: Vec<Cow<str>> = Vec::new();
    let mut in_code = false;
    let mut code_lines = Vec::new();
    let unwrapped = markdown_fences(src);
    for (i, line) in src.lines().enumerate() {
        if unwrapped.contains(&i) {
            code_lines.push(false);
            lines.push(Cow::Owned(format!("<!-- {} -->", line.trim())));
            continue;
        }
        let is_fence = super::is_fence(line);
        code_lines.push(in_code || is_fence);
        lines.push(if in_code || is_fence { Cow::Borrowed(line) } else { markup(line) });
        if is_fence {
            in_code = !in_code;
        }
    }
    super::wiki::title(&mut lines, &code_lines);
    super::hanging::first_line_indents(&mut lines, &code_lines);
    admonitions(&mut lines, &code_lines);
    lone_tags(&mut lines, &code_lines);
    let outside = |i: usize| !code_lines[i];
    let headings = (0..lines.len()).filter(|&i| outside(i) && atx(&lines[i])).count()
        + (1..lines.len()).filter(|&i| outside(i) && setext(&lines[i]) && !lines[i - 1].trim().is_empty()).count();
    if headings <= 1 {
        structure(&mut lines, &code_lines);
    } else {
        indented_timeline(&mut lines, &code_lines);
    }
    let changed = lines.iter().any(|l| matches!(l, Cow::Owned(_)));
    if !changed {
        return Cow::Borrowed(src);
    }
    super::ending_as(src, lines.join("\n") + "\n")
}

/// The lines of the fences labelled `markdown` or `md` that hold headings (see the module's
/// words): the opening line and its closing one, if any, kept as comments.
fn markdown_fences(src: &str) -> Vec<usize> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !super::is_fence(lines[i]) {
            i += 1;
            continue;
        }
        let label = lines[i].trim_start().trim_start_matches(['`', '~']).trim().to_lowercase();
        let close = (i + 1..lines.len())
            .find(|&j| super::is_fence(lines[j]) && lines[j].trim().trim_matches(['`', '~']).is_empty());
        let end = close.unwrap_or(lines.len());
        if matches!(label.as_str(), "markdown" | "md") && lines[i + 1..end].iter().any(|l| atx(l)) {
            out.push(i);
            out.extend(close);
        }
        i = end + 1;
    }
    out
}

/// An admonition of a documentation site (`!!! success "[RESOLVED] February 11, 2026 - ..."`,
/// `??? note`), its text indented four spaces below it: the text out of the indentation, so
/// that it is read as Markdown, not as code.
fn admonitions(lines: &mut [Cow<str>], code: &[bool]) {
    static ADMONITION: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r#"^(?:!!!|\?\?\?\+?)\s*[A-Za-z][\w-]*(?:\s+"[^"]*")?\s*$"#).ok());
    let Some(re) = ADMONITION.as_ref() else { return };
    let mut i = 0;
    while i < lines.len() {
        if code[i] || !re.is_match(&lines[i]) {
            i += 1;
            continue;
        }
        i += 1;
        while i < lines.len()
            && (lines[i].trim().is_empty() || lines[i].starts_with("    ") || lines[i].starts_with('\t'))
        {
            let cut = if lines[i].starts_with('\t') { 1 } else { 4.min(lines[i].len()) };
            if !lines[i].trim().is_empty() {
                lines[i] = Cow::Owned(lines[i][cut..].to_string());
            }
            i += 1;
        }
    }
}

/// A tag alone on its line (`<img src="banner.gif" width="100%">`) opens an HTML block that
/// runs to the next blank line, and the list or heading written right below it would be read as
/// HTML. Such a tag, over a list item, a heading or a line that opens with a time, is kept with
/// an empty comment after it, which makes it an image in a paragraph of its own.
fn lone_tags(lines: &mut [Cow<str>], code: &[bool]) {
    static LONE: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)^ {0,3}<(?:img|br|hr|video|source|embed|picture)\b[^>]*>\s*$").ok());
    static HTML_P: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)^\s*<p>(.*)</p>\s*$").ok());
    for i in 0..lines.len() {
        if code[i] {
            continue;
        }
        // `<p><strong>UPDATE&nbsp;12:35:</strong>&nbsp;text</p>`: the paragraph's Markdown.
        if let Some(c) = HTML_P.as_ref().and_then(|re| re.captures(&lines[i])) {
            lines[i] = Cow::Owned(html_inline(&c[1]));
            continue;
        }
        // `<p><i>26 August, 17:33 CET:</i> text` over lines that end with `</p>`: the same.
        let opened = lines[i].trim_start().strip_prefix("<p>").map(str::to_string);
        let closes = (i + 1..lines.len()).take_while(|&j| !code[j] && !lines[j].trim().is_empty());
        if let Some(first) = opened.filter(|f| !f.contains("</p>"))
            && let Some(last) = closes.clone().find(|&j| lines[j].trim_end().ends_with("</p>"))
        {
            lines[i] = Cow::Owned(html_inline(&first));
            for line in lines.iter_mut().take(last + 1).skip(i + 1) {
                *line = Cow::Owned(html_inline(line.trim_end().strip_suffix("</p>").unwrap_or(line)));
            }
            continue;
        }
        let below = lines.get(i + 1).map(|l| l.trim_start().to_string()).unwrap_or_default();
        let markdown = below.starts_with(['-', '*', '+', '#']) || timed(&below);
        if markdown && LONE.as_ref().is_some_and(|re| re.is_match(&lines[i])) {
            lines[i] = Cow::Owned(format!("{} <!-- -->", lines[i].trim_end()));
        }
    }
}

static STRONG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)<(?:strong|b)>(.*?)</(?:strong|b)>").ok());
static EMPHASIS: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)<(?:em|i)>(.*?)</(?:em|i)>").ok());

/// A raw HTML paragraph's line as Markdown: bold and italics as emphasis, `&nbsp;` a space.
fn html_inline(line: &str) -> String {
    let line = line.replace("&nbsp;", " ");
    let line = STRONG.as_ref().map_or(line.clone(), |re| re.replace_all(&line, "**$1**").into_owned());
    EMPHASIS.as_ref().map_or(line.clone(), |re| re.replace_all(&line, "*$1*").into_owned())
}

/// In a file with headings: `Timeline (East African Time)` alone on a line, or a timeline
/// heading, over a block of two or more entries indented as code (`    * 8:19 AM: ...`): the
/// timeline's heading over its list.
fn indented_timeline(lines: &mut [Cow<str>], code: &[bool]) {
    for i in 0..lines.len() {
        let heading = lines[i].trim_start().starts_with('#');
        let text = lines[i].trim().trim_start_matches('#').trim();
        if code[i] || lines[i].starts_with([' ', '\t']) || label_kind(text) != Some(true) {
            continue;
        }
        let start = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()).unwrap_or(lines.len());
        let end = (start..lines.len())
            .find(|&j| {
                code[j]
                    || !(lines[j].starts_with("    ") || lines[j].starts_with('\t'))
                    || !timed(lines[j].trim_start().trim_start_matches(['-', '*', '+', '•']).trim_start())
            })
            .unwrap_or(lines.len());
        if start == i + 1 || end - start < 2 || (start..end).any(|j| lines[j].trim().is_empty()) {
            continue;
        }
        if !heading {
            lines[i] = Cow::Owned(format!("## {text}"));
        }
        for line in lines.iter_mut().take(end).skip(start) {
            *line = Cow::Owned(line.trim_start().to_string());
        }
    }
}

/// A file with no headings of its own (a title at most): its text out of the indented block
/// it was pasted as, its section labels as headings, the runs of timed lines under its timeline
/// label as lists.
fn structure(lines: &mut [Cow<str>], code: &[bool]) {
    let text: Vec<usize> = (0..lines.len()).filter(|&i| !code[i] && !lines[i].trim().is_empty()).collect();
    let indented = text.iter().filter(|&&i| lines[i].starts_with("    ") || lines[i].starts_with('\t')).count();
    let fenced = code.iter().any(|&c| c);
    // A postmortem pasted indented names its timeline; a status page's indented layout, with a
    // quoted log in it, may not.
    let has_timeline = text.iter().any(|&i| label_kind(lines[i].trim()) == Some(true));
    if !fenced && has_timeline && indented * 5 >= text.len() * 3 && indented >= 3 {
        for line in lines.iter_mut() {
            if line.starts_with([' ', '\t']) {
                *line = Cow::Owned(line.trim_start().to_string());
            }
        }
    }
    // Under the timeline's label, two or more lines in a row that each open with a time (a
    // quoted log elsewhere, `Aug 10 12:51:11 db6 kernel: ...`, stays as it is).
    let mut under_timeline = vec![false; lines.len()];
    let mut timeline = false;
    for i in 0..lines.len() {
        if !code[i]
            && !lines[i].starts_with([' ', '\t'])
            && let Some(kind) = label_kind(&lines[i])
        {
            lines[i] = Cow::Owned(format!("## {}", lines[i].trim()));
            timeline = kind;
        }
        under_timeline[i] = timeline;
    }
    super::hanging::hanging_entries(lines, code, timed);
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && !code[j] && !lines[j].starts_with([' ', '\t']) && timed(&lines[j]) {
            j += 1;
        }
        // Three or more that end a paragraph right below a short line ("Sequence of the steps
        // and their times"), a label for them in any language.
        let blank = |k: usize| lines.get(k).is_none_or(|l| l.trim().is_empty());
        let labelled =
            j - i >= 3 && i >= 1 && !blank(i - 1) && lines[i - 1].split_whitespace().count() <= 12 && blank(j);
        if j - i >= 2 && (under_timeline[i] || labelled) {
            for line in lines.iter_mut().take(j).skip(i) {
                *line = Cow::Owned(format!("- {line}"));
            }
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn a_file_without_markdown_gets_headings_and_lists() {
        let src = "Issue Summary\nThe site was down.\nTimeline (EAT).\n14th February, 9:00AM: alerts fired.\n14th February, 9:15AM: paged.\nRoot Cause:\nA full disk.\n";
        assert_eq!(
            plain(src),
            "## Issue Summary\nThe site was down.\n## Timeline (EAT).\n- 14th February, 9:00AM: alerts fired.\n- 14th February, 9:15AM: paged.\n## Root Cause:\nA full disk.\n"
        );
    }

    #[test]
    fn markup_markdown_does_not_read_is_given_its_meaning() {
        let src = "<h1>Timeline (UTC)</h1><br>\n•\t9:45 PM: alert <br>\n•\t1: 55 PM: fixed <br>\n| a <br> | b <br> |\n";
        assert_eq!(plain(src), "# Timeline (UTC)\n•\t9:45 PM: alert\n•\t1:55 PM: fixed\n| a <br> | b <br> |\n");
    }

    #[test]
    fn an_indented_timeline_under_its_label_is_a_list() {
        let src = "# Report\n## Summary\nDown.\n\nTimeline (EAT)\n\n    * 8:19 AM: pushed\n    * 8:24 AM: down\n\n## Root Cause\n";
        assert_eq!(
            plain(src),
            "# Report\n## Summary\nDown.\n\n## Timeline (EAT)\n\n* 8:19 AM: pushed\n* 8:24 AM: down\n\n## Root Cause\n"
        );
        let log = "# Report\n## Summary\nDown.\n\n    db6 kernel: stuck\n    db6 kernel: stuck\n";
        assert_eq!(plain(log), log);
    }

    #[test]
    fn a_postmortem_in_a_markdown_fence_is_read_as_markdown() {
        let src = "Here is the report:\n\n```markdown\n# Outage\n\n## Timeline\n- **10:00** - Alert.\n";
        assert_eq!(
            plain(src),
            "Here is the report:\n\n<!-- ```markdown -->\n# Outage\n\n## Timeline\n- **10:00** - Alert.\n"
        );
        // A fence of code, or of Markdown without headings, stays code.
        let code = "Example:\n\n```md\n- **10:00** - Alert.\n```\n";
        assert_eq!(plain(code), code);
    }

    #[test]
    fn a_file_with_headings_keeps_its_structure_and_code_is_left_alone() {
        let src = "# Title\n## Summary\nTimeline\n09:00 a\n09:05 b\n```\n<h1>x</h1>\n```\n";
        assert_eq!(plain(src), src);
        let indented = "Title line\n\n    Timeline:\n    10:45 AM (UTC): Detected\n        alerts fired.\n    11:00 AM (UTC): Fixed\n";
        assert_eq!(
            plain(indented),
            "Title line\n\n## Timeline:\n10:45 AM (UTC): Detected\nalerts fired.\n11:00 AM (UTC): Fixed\n"
        );
    }
}
