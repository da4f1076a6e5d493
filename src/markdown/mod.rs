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
