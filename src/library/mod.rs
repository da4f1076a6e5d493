//! The team's library: a folder of postmortems, read recursively, summarised for `list`,
//! `actions` and `stats` and for the start screen.
//!
//! Reading is the slow part (a YAML parse per file), so [`scan`] loads files on every core and
//! hands each [`Entry`] to a channel as soon as it is ready: the start screen can show a large
//! library as it arrives, and the commands collect everything with [`scan_all`]. Nothing here
//! knows about the terminal.

mod actions;
pub mod bars;
pub mod csv;
pub mod report;
pub mod rows;
mod scan;
mod stats;
pub mod status;
mod summary;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::store::LoadError;

pub use actions::{ActionFilter, ActionItem, action_items};
pub use scan::{background, postmortem_files, scan, scan_all};
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
    entries.sort_by(|a, b| {
        // `Option` orders `None` first, so reversing the dates puts undated entries last.
        b.date().cmp(&a.date()).then_with(|| a.path().cmp(b.path()))
    });
}

/// The date at the start of a file name (`2026-11-24-checkout.yaml`), if there is one.
pub fn file_name_date(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    NaiveDate::parse_from_str(name.get(..10)?, "%Y-%m-%d").ok()
}
