//! One standalone HTML page: the Markdown export rendered by pulldown-cmark from a sanitized
//! event stream (see `sanitize`), with a small stylesheet of its own for screen and print.
//! The page loads nothing, and its Content-Security-Policy forbids scripts outright, as a
//! second line of defence.

use super::markdown::{title, to_markdown};
use super::sanitize::safe_events;
use crate::doc::Document;

const STYLE: &str = include_str!("page.css");

pub fn to_html(doc: &Document) -> String {
    let markdown = to_markdown(doc);
    let mut body = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut body, safe_events(&markdown).into_iter());
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src http: https:\">\n\
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
        escape_html(title(doc)),
    )
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
