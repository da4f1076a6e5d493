//! The Markdown dialect the export writes and the import reads, shared by both rooms: the
//! parser options, table cells escaped and read back (`cell`), a section's headings moved
//! under its own heading (`nest`), and the placeholder of a section not written yet.

pub mod cell;
pub mod nest;

/// What the export writes under a section with nothing in it, and the import reads as empty.
pub const NOT_WRITTEN: &str = "_Not written yet._";

/// The Markdown dialect written and read: CommonMark with GitHub's tables, strikethrough,
/// task lists and footnotes.
pub(crate) fn parser_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES
}

/// Whether a link may point here: http, https, mailto, or no scheme at all (a relative link or
/// an anchor). Browsers ignore whitespace and control characters inside a scheme
/// (`java\tscript:`), so they are ignored here too; anything before a `:` that comes before
/// the first `/`, `?` or `#` is taken as a scheme.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => matches!(&cleaned[..i], "http" | "https" | "mailto"),
        _ => true,
    }
}
