//! Rendering a document for readers: pure functions from a document to text.

mod json;
mod markdown;

pub use json::to_json;
pub use markdown::to_markdown;

use chrono::{DateTime, FixedOffset};

use crate::doc::{Moment, Zone};

/// A time as readers see it: in the document's zone, to the minute, with the offset.
pub fn show_time(moment: &Moment, zone: &Zone) -> String {
    match moment.resolve(zone) {
        Some(t) => show_exact(t),
        None => moment.as_text(),
    }
}

fn show_exact(t: DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}
