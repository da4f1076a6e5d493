//! The Markdown event stream made safe for an HTML page.
//!
//! A postmortem is written by people, often pasted from elsewhere; the HTML page must never run
//! what it contains. So, before pulldown-cmark renders it:
//!
//! - raw HTML is turned into text: an HTML block becomes a code block showing the HTML, inline
//!   HTML becomes text (only `<br>`, which table cells use for line breaks, stays a break);
//!   HTML comments, invisible in every Markdown renderer, are left out;
//! - links and images whose address has a scheme other than http, https or mailto
//!   (`javascript:`, `data:`, `vbscript:`, ...) lose the link and keep their text;
//! - an image at a remote address becomes a link to it, its description the link's text,
//!   unless remote images are asked for;
//! - bare `http(s)://` addresses in text become links, as GitHub shows them.
//!
//! No attribute is ever copied from the source: the renderer writes only `href`, `src`,
//! `title` and `alt`, escaped, and an address shown as itself is written here as
//! `<a class="url" href="...">`, escaped the same way.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};
use regex::Regex;

use crate::markdown::parser_options;

pub fn safe_events(markdown: &str, remote_images: bool) -> Vec<Event<'_>> {
    let events: Vec<Event> = Parser::new_ext(markdown, parser_options()).collect();
    let urls = Regex::new(r#"https?://[^\s<>"'`]+"#).ok();
    let mut out = Vec::with_capacity(events.len());
    // For each open link and image: how its end is written.
    let mut open: Vec<Close> = Vec::new();
    let (mut in_link, mut in_code) = (0usize, 0usize);
    let mut iter = events.into_iter();
    while let Some(event) = iter.next() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                let mut html = String::new();
                for inner in iter.by_ref() {
                    match inner {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(s) | Event::Text(s) => html.push_str(&s),
                        _ => {}
                    }
                }
                if !without_comments(&html).trim().is_empty() {
                    out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed("html")))));
                    out.push(Event::Text(html.into()));
                    out.push(Event::End(TagEnd::CodeBlock));
                }
            }
            Event::Html(s) | Event::InlineHtml(s) => {
                if is_line_break(&s) {
                    out.push(Event::HardBreak);
                } else if !without_comments(&s).trim().is_empty() {
                    out.push(Event::Text(s));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                in_link += 1;
                if !crate::markdown::is_safe_url(&dest_url) {
                    open.push(Close::Nothing);
                } else if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    let href =
                        if link_type == LinkType::Email { format!("mailto:{dest_url}") } else { dest_url.to_string() };
                    out.push(url_link_start(&href));
                    open.push(Close::Html);
                } else {
                    out.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                    open.push(Close::Tag);
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                in_link += 1;
                if !crate::markdown::is_safe_url(&dest_url) {
                    open.push(Close::Nothing);
                } else if !remote_images && is_remote(&dest_url) {
                    out.push(url_link_start(&dest_url));
                    open.push(Close::Html);
                } else {
                    out.push(Event::Start(Tag::Image { link_type, dest_url, title, id }));
                    open.push(Close::Tag);
                }
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                in_link = in_link.saturating_sub(1);
                match open.pop() {
                    Some(Close::Tag) | None => out.push(Event::End(end)),
                    Some(Close::Html) => out.push(Event::Html(CowStr::Borrowed("</a>"))),
                    Some(Close::Nothing) => {}
                }
            }
            Event::Start(tag @ Tag::CodeBlock(_)) => {
                in_code += 1;
                out.push(Event::Start(tag));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = in_code.saturating_sub(1);
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) if in_link == 0 && in_code == 0 => match &urls {
                Some(urls) => link_urls(text, urls, &mut out),
                None => out.push(Event::Text(text)),
            },
            other => out.push(other),
        }
    }
    out
}

/// How the end of a link or image is written: as the renderer's tag, as our own `</a>` (an
/// address shown as itself), or not at all (a link that was dropped).
enum Close {
    Tag,
    Html,
    Nothing,
}

/// A link whose text is its address, written by hand with `class="url"`, so the print
/// stylesheet does not print the address a second time. `url` has been checked to be safe.
fn url_link_start(url: &str) -> Event<'static> {
    let mut href = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '&' => href.push_str("&amp;"),
            '"' => href.push_str("&quot;"),
            '\'' => href.push_str("&#39;"),
            '<' => href.push_str("&lt;"),
            '>' => href.push_str("&gt;"),
            c => href.push(c),
        }
    }
    Event::Html(format!("<a class=\"url\" href=\"{href}\">").into())
}

/// Whether an address is on another server: it has a scheme (`https:`) or starts with `//`.
fn is_remote(url: &str) -> bool {
    let url = url.trim_start();
    url.starts_with("//")
        || url.starts_with("\\\\")
        || url.find(':').is_some_and(|i| !url[..i].contains(['/', '?', '#']))
}

fn is_line_break(html: &str) -> bool {
    matches!(html.trim().to_ascii_lowercase().as_str(), "<br>" | "<br/>" | "<br />")
}

/// HTML with its `<!-- ... -->` comments taken out (an unclosed one runs to the end).
fn without_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Text with its bare web addresses turned into links. Punctuation that ends a sentence is not
/// part of the address, and neither is a `)` without its `(`.
fn link_urls<'a>(text: CowStr<'a>, urls: &Regex, out: &mut Vec<Event<'a>>) {
    let mut at = 0;
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for m in urls.find_iter(&text) {
        let mut url = m.as_str();
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_', '~']);
            let trimmed = match trimmed.strip_suffix(')') {
                Some(inner) if trimmed.matches('(').count() < trimmed.matches(')').count() => inner,
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() > "https://".len() {
            pieces.push((m.start(), m.start() + url.len()));
        }
    }
    if pieces.is_empty() {
        out.push(Event::Text(text));
        return;
    }
    for (start, end) in pieces {
        if start > at {
            out.push(Event::Text(text[at..start].to_string().into()));
        }
        let url = text[start..end].to_string();
        out.push(url_link_start(&url));
        out.push(Event::Text(url.into()));
        out.push(Event::Html(CowStr::Borrowed("</a>")));
        at = end;
    }
    if at < text.len() {
        out.push(Event::Text(text[at..].to_string().into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_schemes_are_links() {
        for ok in ["https://example.com/a", "HTTP://x", "mailto:a@b.c", "#anchor", "relative/page.html", "", "/a:b"] {
            assert!(crate::markdown::is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "\u{1}javascript:x",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "java%0Ascript:x",
            "file:///etc/passwd",
        ] {
            assert!(!crate::markdown::is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn addresses_shown_as_themselves() {
        let mut html = String::new();
        let md = "<https://a.example/x?a=1&b=\"2\"> <me@example.com> and https://b.example/y.";
        pulldown_cmark::html::push_html(&mut html, safe_events(md, false).into_iter());
        assert_eq!(
            html,
            "<p><a class=\"url\" href=\"https://a.example/x?a=1&amp;b=&quot;2&quot;\">https://a.example/x?a=1&amp;b=\"2\"</a> \
             <a class=\"url\" href=\"mailto:me@example.com\">me@example.com</a> and \
             <a class=\"url\" href=\"https://b.example/y\">https://b.example/y</a>.</p>\n"
        );
    }

    #[test]
    fn remote_images_are_links_unless_asked_for() {
        let md = "![graph](https://metrics.example/p.png) ![local](graph.png) ![x](//evil.example/t.png)";
        let render = |remote| {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, safe_events(md, remote).into_iter());
            html
        };
        assert_eq!(
            render(false),
            "<p><a class=\"url\" href=\"https://metrics.example/p.png\">graph</a> <img src=\"graph.png\" alt=\"local\" /> \
             <a class=\"url\" href=\"//evil.example/t.png\">x</a></p>\n"
        );
        assert!(render(true).contains("<img src=\"https://metrics.example/p.png\" alt=\"graph\" />"));
    }

    #[test]
    fn comments_are_removed() {
        assert_eq!(without_comments("<!-- a --> b <!-- c"), " b ");
        assert_eq!(without_comments("<!-- blameless-disable-next-line -->"), "");
    }
}
