//! blameless: write blameless, process-focused incident postmortems.
//!
//! The library holds everything; the binary only parses arguments and calls [`cli::run`].
//! The document, templates, storage and export know nothing about the terminal.

pub mod cli;
pub mod doc;
pub mod export;
pub mod import;
pub mod library;
pub mod lint;
pub mod markdown;
pub mod store;
pub mod template;
pub mod tui;
