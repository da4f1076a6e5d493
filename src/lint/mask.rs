//! Preparing text for the rules: code, quotes, links and comments are blanked out (each byte
//! becomes `_`, so offsets do not move and a blanked stretch reads as one opaque word), the
//! `blameless-disable` comments are collected, and Markdown headings set the scope of what
//! follows them.

use super::Scope;
use super::headings::{capitals_heading, heading_scope, headline, title_heading, title_line};

/// Text ready for the rules.
#[derive(Debug, Clone)]
pub(super) struct Prepared {
    /// The text with code, quotes, links and comments blanked out; same length as the input.
    pub masked: String,
    /// Where the scope changes: (byte offset, scope from there on). Starts with the base scope.
    pub scopes: Vec<(usize, Scope)>,
    pub directives: Vec<Directive>,
    /// The runs of white space around line breaks inside paragraphs that read as a space
    /// (see `join.rs`), in order.
    pub breaks: Vec<std::ops::Range<usize>>,
    /// Headings and a title line that read as a claim ("Outage caused by technician who
    /// unplugged router"): kept for the rules, where only wording that blames (a warning) is
    /// shown; a section's name ("Root cause") is blanked.
    pub headlines: Vec<std::ops::Range<usize>>,
}

impl Prepared {
    pub fn scope_at(&self, at: usize) -> Scope {
        let i = self.scopes.partition_point(|&(start, _)| start <= at);
        self.scopes.get(i.saturating_sub(1)).map_or(Scope::Prose, |&(_, s)| s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DirectiveKind {
    DisableNextLine,
    DisableLine,
    Disable,
    Enable,
}

/// A `<!-- blameless-disable... RULE -->` comment: where it is and which rules or categories it
/// names (none: all).
#[derive(Debug, Clone)]
pub(super) struct Directive {
    pub kind: DirectiveKind,
    pub start: usize,
    pub end: usize,
    pub rules: Vec<String>,
}

pub(super) fn prepare(text: &str, base: Scope, markdown: bool) -> Prepared {
    let mut bytes = text.as_bytes().to_vec();
    let mut scopes = vec![(0, base)];
    let mut directives = Vec::new();
    let mut breaks = Vec::new();
    let mut headlines = Vec::new();
    structure(text, markdown, &mut bytes, &mut scopes, &mut breaks, &mut headlines);
    comments(text, &mut bytes, &mut directives);
    inline(text, &mut bytes);
    super::foreign::blank_other_languages(text, &mut bytes);
    // Every blanked byte is a whole character's worth of ASCII, so this cannot fail; if it
    // somehow did, checking the text unmasked is the safe fallback.
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    Prepared { masked, scopes, directives, breaks, headlines }
}

pub(super) fn blank(bytes: &mut [u8], from: usize, to: usize) {
    let to = to.min(bytes.len());
    for b in &mut bytes[from.min(to)..to] {
        if *b != b'\n' {
            *b = b'_';
        }
    }
}

/// The Markdown structure, read with pulldown-cmark's offsets: front matter (YAML `---` or
/// TOML `+++`, whole files only), code (fenced and indented), HTML, block quotes (lazy
/// continuation lines included: Markdown reads them as part of the quote), headings, table
/// header rows, images, bold labels and link destinations are blanked. Headings and header
/// cells are names ("## Root cause"), not claims; quotes and code are someone else's words or
/// a machine's. In a whole file, a heading sets the scope of what follows it.
fn structure(
    text: &str,
    whole_file: bool,
    bytes: &mut [u8],
    scopes: &mut Vec<(usize, Scope)>,
    breaks: &mut Vec<std::ops::Range<usize>>,
    headlines: &mut Vec<std::ops::Range<usize>>,
) {
    use pulldown_cmark::{Event, LinkType, Options as O, Parser, Tag};
    let mut options = O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES;
    if whole_file {
        options |= O::ENABLE_YAML_STYLE_METADATA_BLOCKS | O::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    }
    // Inside a blanked block, nothing else needs looking at.
    let mut blanked_to = 0;
    // The file's title written as its first line, without `#` (see `title_line`).
    let mut title: Option<&str> = None;
    let mut first_block = whole_file;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if range.start < blanked_to {
            continue;
        }
        if let Event::Start(Tag::Paragraph) = event {
            let para = &text[range.clone()];
            if first_block && title_line(para) {
                title = Some(para.trim());
            }
            if let Some(title) = title {
                for (at, line) in super::foreign::line_starts(para) {
                    if line.trim() == title {
                        let at = range.start + at;
                        if headline(title) {
                            headlines.push(at..at + line.len());
                        } else {
                            blank(bytes, at, at + line.len());
                        }
                    }
                }
            }
        }
        // (The file's first block, a title, before this event is read.)
        let opening = first_block;
        if matches!(event, Event::Start(ref tag) if !matches!(tag, Tag::MetadataBlock(_))) {
            first_block = false;
        }
        match event {
            Event::Start(Tag::Heading { .. }) => {
                let written = &text[range.clone()];
                let title = written.trim().trim_start_matches('#').to_lowercase();
                let words = written.trim_end().trim_end_matches('#').trim_start().trim_start_matches('#');
                if opening && headline(words) {
                    // (The markers go, the words stay: `# Outage caused by ...`.)
                    let from = range.start + written.find(words).unwrap_or(0);
                    blank(bytes, range.start, from);
                    blank(bytes, from + words.len(), range.end);
                    headlines.push(from..from + words.len());
                } else {
                    blank(bytes, range.start, range.end);
                }
                blanked_to = range.end;
                if whole_file {
                    scopes.push((range.end, heading_scope(&title)));
                }
            }
            Event::Start(
                Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::MetadataBlock(_)
                | Tag::HtmlBlock
                | Tag::TableHead
                | Tag::Image { .. },
            ) => {
                blank(bytes, range.start, range.end);
                blanked_to = range.end;
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                blank(bytes, range.start, range.end)
            }
            Event::Start(Tag::Link { link_type, .. }) => match link_type {
                LinkType::Autolink | LinkType::Email => blank(bytes, range.start, range.end),
                // `[text](destination)` and `[text][label]`: the words stay, the target goes.
                _ => {
                    let link = &text[range.clone()];
                    if let Some(at) = link.rfind("](").or_else(|| link.rfind("][")) {
                        blank(bytes, range.start + at + 1, range.end);
                    }
                }
            },
            Event::Start(Tag::Strong) if label(text, range.clone()) => {
                blank(bytes, range.start, range.end);
                blanked_to = range.end;
            }
            // "ROOT CAUSE" on a line of its own: a heading written without `#`.
            Event::Start(Tag::Paragraph) => {
                let para = &text[range.clone()];
                let line = para.lines().next().unwrap_or("");
                if whole_file && (capitals_heading(line) || (para.trim_end() == line.trim_end() && title_heading(line)))
                {
                    blank(bytes, range.start, range.start + line.len());
                    scopes.push((range.start + line.len(), heading_scope(&line.to_lowercase())));
                }
            }
            Event::SoftBreak => super::join::break_at(text, range, breaks),
            _ => {}
        }
    }
}

/// A bold label that opens a line and ends with a colon ("**Root cause:** …", "**Root
/// cause**: …"), a question mark or a spaced dash ("**Admit mistakes** - …"): a section's name written as a
/// paragraph, not a claim.
fn label(text: &str, range: std::ops::Range<usize>) -> bool {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..range.start].trim_start_matches([' ', '\t', '-', '*', '+', '>', '|']);
    // "1. **Root cause:**": an ordered list's number is a marker too.
    let before = before.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['.', ')']);
    let inside = &text[range.clone()];
    // "1. **Check backups first** - Before claiming …": a spaced dash after the bold ends a
    // label as a colon does.
    // A time in bold before a dash ("**09:15 GMT** - Assumed …") is the timeline's, not a label.
    // Nor is a name in bold before a deed ("**Dave** - accidentally deleted …").
    let dash = [" - ", " – ", " — "].iter().find(|d| text[range.end..].starts_with(**d)).is_some_and(|d| {
        let next = text[range.end + d.len()..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        !(next.ends_with("ed") || next.ends_with("ly"))
    }) && !text[range.clone()].chars().any(|c| c.is_ascii_digit());
    // "**Who is to blame?** The business, for ...?": a question in bold opening a line is a
    // run-in heading the text below answers, as a label is.
    let ends = |c: char| inside.trim_end_matches(['*', '_']).trim_end().ends_with(c);
    before.trim().is_empty()
        && (ends(':') || ends('?') || text[range.end..].starts_with(':') || dash)
        && inside.split_whitespace().count() <= 6
}

/// HTML comments are blanked; the `blameless-` ones among them become directives.
fn comments(text: &str, bytes: &mut [u8], directives: &mut Vec<Directive>) {
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let end = text[open..].find("-->").map_or(text.len(), |i| open + i + 3);
        let body = text[open + 4..end.saturating_sub(3).max(open + 4)].trim();
        let kinds = [
            ("blameless-disable-next-line", DirectiveKind::DisableNextLine),
            ("blameless-disable-line", DirectiveKind::DisableLine),
            ("blameless-disable", DirectiveKind::Disable),
            ("blameless-enable", DirectiveKind::Enable),
        ];
        if let Some((word, kind)) = kinds.iter().find(|(w, _)| {
            body.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        }) {
            let rules = body[word.len()..]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            directives.push(Directive { kind: *kind, start: open, end, rules });
        }
        blank(bytes, open, end);
        from = end;
    }
}

/// Inline code, quoted strings and links, within a line.
fn inline(text: &str, bytes: &mut [u8]) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let rest = &line[i..];
            let skip = if b[i] == b'`' {
                let n = rest.bytes().take_while(|&c| c == b'`').count();
                let ticks = &rest[..n];
                rest[n..].find(ticks).map(|close| close + 2 * n).unwrap_or(n)
            } else if b[i] == b'"' {
                rest[1..].find('"').filter(|&close| close < 400).map_or(1, |close| close + 2)
            } else if rest.starts_with('“') {
                rest.find('”').map_or('“'.len_utf8(), |close| close + '”'.len_utf8())
            } else if b[i] == b'\'' && opens_quote(line, i) {
                closing_single(rest).unwrap_or(1)
            } else if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("](") {
                rest.find(|c: char| c.is_whitespace() || c == ')' || c == '>').map_or(rest.len(), |e| e + 1)
            } else {
                0
            };
            if skip > 1 || (skip == 1 && b[i] == b'`') {
                blank(bytes, at + i, at + i + skip);
            } else if b[i] == b'_' && bytes[at + i] == b'_' && underscore_emphasis(b, i) {
                // "_all the data is lost because of my inattention_": the underscores of emphasis
                // are no part of a word (as `*` is not), or no `\b` would fall at its edges.
                bytes[at + i] = b'*';
            }
            i += skip.max(1);
            while i < b.len() && !line.is_char_boundary(i) {
                i += 1;
            }
        }
        at += line.len();
    }
}

/// Whether the `_` at `i` of `line` is emphasis: a word on one side of its run of underscores
/// and none on the other ("_all of it_", "__bold__"), unlike "snake_case" or "___".
fn underscore_emphasis(line: &[u8], i: usize) -> bool {
    let start = i - line[..i].iter().rev().take_while(|&&c| c == b'_').count();
    let end = i + line[i..].iter().take_while(|&&c| c == b'_').count();
    let word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
    let before = word(start.checked_sub(1).and_then(|k| line.get(k)));
    let after = word(line.get(end));
    end - start <= 2 && before != after
}

/// A `'` opens a quote when it follows a space or a bracket and a word follows it (not the
/// apostrophe of "Dave's" or "the teams' runbooks").
fn opens_quote(line: &str, i: usize) -> bool {
    let before = line[..i].chars().next_back();
    let after = line[i + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || c == '(') && after.is_some_and(|c| !c.is_whitespace())
}

/// The length of `'...'` at the start of `rest`, when a closing quote ends a word before a
/// space or punctuation.
fn closing_single(rest: &str) -> Option<usize> {
    let body = &rest[1..];
    body.char_indices()
        .find(|&(j, c)| {
            c == '\''
                && body[j + 1..].chars().next().is_none_or(|n| !n.is_alphanumeric())
                && body[..j].chars().next_back().is_some_and(|p| !p.is_whitespace())
        })
        .map(|(j, _)| j + 2)
        .filter(|&n| n < 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_quotes_and_links_are_blanked_without_moving_anything() {
        let text = "Dave's `git push` said \"forgot\" and 'human error' see https://x.io/a.\n```\nforgot\n```\nok";
        let p = prepare(text, Scope::Prose, true);
        assert_eq!(p.masked.len(), text.len());
        assert!(
            p.masked.starts_with("Dave's __________ said ________ and _____________ see _________"),
            "{}",
            p.masked
        );
        assert!(p.masked.ends_with("\n___\n______\n___\nok"), "{}", p.masked);
    }

    #[test]
    fn underscores_of_emphasis_are_no_part_of_a_word() {
        let text = "_all of it was lost_ and __this__ too, but not snake_case or ___ or a_b_";
        let p = prepare(text, Scope::Prose, true);
        assert_eq!(
            p.masked, "*all of it was lost* and **this** too, but not snake_case or ___ or a_b*",
            "{}",
            p.masked
        );
    }

    #[test]
    fn headings_set_the_scope_and_comments_become_directives() {
        let text = "# Summary\ntext\n## Action items\n<!-- blameless-disable-next-line root-cause -->\n- fix\n";
        let p = prepare(text, Scope::Prose, true);
        assert_eq!(p.scope_at(text.find("text").unwrap_or(0)), Scope::Prose);
        assert_eq!(p.scope_at(text.find("- fix").unwrap_or(0)), Scope::Actions);
        assert_eq!(p.directives.len(), 1);
        assert_eq!(p.directives[0].kind, DirectiveKind::DisableNextLine);
        assert_eq!(p.directives[0].rules, ["root-cause"]);
    }

    #[test]
    fn a_title_case_paragraph_of_its_own_is_a_heading_and_a_sentence_is_not() {
        let text = "Root Cause\n\nThe root cause was a typo.\n\nRoot cause was the typo\n";
        let p = prepare(text, Scope::Prose, true);
        assert!(p.masked.starts_with("__________\n\nThe root cause"), "{}", p.masked);
        assert!(p.masked.ends_with("Root cause was the typo\n"), "{}", p.masked);
    }
}
