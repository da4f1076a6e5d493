//! Rendering a document for readers: pure functions from a document to text.
//!
//! - [`to_markdown`] / [`to_markdown_with`]: Markdown for wikis, repositories and static-site
//!   generators, optionally with YAML front matter and a Mermaid diagram of the incident phases.
//! - [`to_html`]: one standalone, print-friendly page, rendered from that Markdown with
//!   pulldown-cmark; HTML typed into a section is shown as text, never executed.
//! - [`to_json`]: the document with its derived numbers and findings.

mod front_matter;
mod html;
mod json;
mod markdown;
pub mod marker;
mod mermaid;
mod sanitize;
pub mod target;

pub use html::{HtmlOptions, to_html, to_html_with};
pub use json::to_json;
pub use markdown::{to_markdown, to_markdown_with};

use chrono::{DateTime, FixedOffset};

use crate::doc::{Moment, Zone};

/// What goes into a Markdown export besides the document itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// A YAML front matter block (title, date, tags, severity) for Hugo, Jekyll, MkDocs and
    /// Docusaurus.
    pub front_matter: bool,
    /// A Mermaid diagram of the incident phases, under the incident numbers.
    pub mermaid: bool,
}

/// A time as readers see it: to the minute (to the second when it has seconds), with the
/// offset it was recorded with. Text that is not a time is shown as typed.
pub fn show_time(moment: &Moment, zone: &Zone) -> String {
    match moment.resolve(zone) {
        Some(t) => show_exact(t),
        None => moment.as_text(),
    }
}

fn show_exact(t: DateTime<FixedOffset>) -> String {
    crate::doc::time::shown(t)
}
