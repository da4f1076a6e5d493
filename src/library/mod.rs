//! The team's library: a folder of postmortems, read recursively, summarised for `list`,
//! `actions` and `stats` and for the start screen.
//!
//! Reading is the slow part (a YAML parse per file), so [`read`] goes through an index kept in
//! the user's cache folder: a file whose key (size, times, inode) is the one the index knows is
//! not read again, and the others are read on every core. The index also holds each
//! postmortem's words, which is what a search looks through ([`words`]). The start screen
//! reads it on a thread of its own ([`background`]). Nothing here knows about the terminal.

mod actions;
pub mod bars;
pub mod csv;
mod find;
mod index;
mod record;
pub mod report;
pub mod rows;
mod scan;
mod stats;
pub mod status;
mod stored;
mod summary;
mod vocab;
pub mod words;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::store::LoadError;

pub use actions::{ActionFilter, ActionItem, ActionRow, action_items, action_rows};
pub use find::Finder;
pub use index::{Catalog, background, read, read_then, scan_all};
pub use scan::postmortem_files;
pub use stats::{ActionShares, Spread, Stats, percentile};
pub use summary::{Action, Filter, Summary};

/// One file of the library: a postmortem and what it says, or a file that looks like one (it
/// has a `schema:` key) but cannot be loaded, with the reason.
#[derive(Debug, Clone)]
pub enum Entry {
    Postmortem(Box<Summary>),
    Broken {
        path: PathBuf,
        /// The date in a file name such as `2026-11-24-checkout.yaml`, to sort it among the rest.
        date: Option<NaiveDate>,
        error: LoadError,
    },
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::Postmortem(s) => &s.path,
            Entry::Broken { path, .. } => path,
        }
    }

    /// The incident's date: when it started, else the date in the file name.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Entry::Postmortem(s) => s.date,
            Entry::Broken { date, .. } => *date,
        }
    }

    /// `path:line:column: message` for a file that cannot be loaded.
    pub fn error_line(&self) -> Option<String> {
        match self {
            Entry::Broken { error, .. } => Some(format!("{}: {}", error.place(), error.message)),
            Entry::Postmortem(_) => None,
        }
    }

    pub fn summary(&self) -> Option<&Summary> {
        match self {
            Entry::Postmortem(s) => Some(s),
            Entry::Broken { .. } => None,
        }
    }
}

/// Newest first; undated entries last; the path breaks ties so the order is stable.
pub fn sort_newest_first(entries: &mut [Entry]) {
    // Comparing paths is slow (component by component): entries already in path order (as
    // the library reads them) need only a stable sort by date.
    if !entries.is_sorted_by(|a, b| a.path() <= b.path()) {
        entries.sort_by(|a, b| a.path().cmp(b.path()));
    }
    // `Option` orders `None` first, so reversing the dates puts undated entries last.
    entries.sort_by_key(|e| std::cmp::Reverse(e.date()));
}

/// The date at the start of a file name (`2026-11-24-checkout.yaml`), if there is one.
pub fn file_name_date(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    NaiveDate::parse_from_str(name.get(..10)?, "%Y-%m-%d").ok()
}
