//! One standalone HTML page: the Markdown export rendered by pulldown-cmark from a sanitized
//! event stream (see `sanitize`), with a small stylesheet of its own for screen and print.
//! The page loads nothing from elsewhere: an image at a remote address is written as a link
//! to it (opening the page would tell that server the reader's address), unless
//! [`HtmlOptions::remote_images`] asks for images. Its Content-Security-Policy forbids scripts
//! outright, and remote images unless asked for, as a second line of defence.

use super::markdown::{title, to_markdown};
use super::sanitize::safe_events;
use crate::doc::{Document, printable};

const STYLE: &str = include_str!("page.css");

/// What the HTML page may do besides showing the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Show images from http(s) addresses as images, loaded when the page is opened.
    pub remote_images: bool,
}

/// The page with the default options: remote images shown as links.
pub fn to_html(doc: &Document) -> String {
    to_html_with(doc, &HtmlOptions::default())
}

pub fn to_html_with(doc: &Document, options: &HtmlOptions) -> String {
    let markdown = to_markdown(doc);
    let mut body = String::with_capacity(markdown.len() * 2);
    let events = times_kept_whole(safe_events(&markdown, options.remote_images));
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    let images = if options.remote_images { "'self' http: https:" } else { "'self'" };
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src {images}\">\n\
         <meta name=\"generator\" content=\"blameless\">\n\
         <title>{}</title>\n\
         <style>\n{STYLE}</style>\n\
         </head>\n\
         <body>\n\
         <main>\n\
         {body}\
         </main>\n\
         </body>\n\
         </html>\n",
        escape_html(&printable(title(doc))),
    )
}

/// In a table whose first column is "Time" (the timeline), each time is one unbroken line: a
/// timestamp wrapped over three lines is hard to read.
fn times_kept_whole(events: Vec<pulldown_cmark::Event<'_>>) -> Vec<pulldown_cmark::Event<'_>> {
    use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
    let mut out = Vec::with_capacity(events.len());
    let (mut timeline, mut in_head, mut column) = (false, false, 0usize);
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        match &event {
            Event::Start(Tag::Table(_)) => timeline = false,
            Event::Start(Tag::TableHead) => (in_head, column) = (true, 0),
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::Start(Tag::TableCell) => {
                column += 1;
                if in_head && column == 1 {
                    timeline = matches!(events.peek(), Some(Event::Text(t)) if t.starts_with("Time"));
                }
                if timeline && !in_head && column == 1 {
                    out.push(event);
                    out.push(Event::InlineHtml(CowStr::Borrowed("<span class=\"time\">")));
                    continue;
                }
            }
            Event::End(TagEnd::TableCell) if timeline && !in_head && column == 1 => {
                out.push(Event::InlineHtml(CowStr::Borrowed("</span>")));
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
