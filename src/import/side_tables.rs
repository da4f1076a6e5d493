//! Tables of the timeline outside its section: in a file with a timeline heading, a table with
//! a column named for the time under another heading (`## Recovery` over `| Time (UTC) | Event
//! |`) is more of the timeline; one under a heading of what is planned (`### Upcoming long
//! tracks`) is a schedule, not what happened.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};

/// Words of a heading over what is yet to happen.
static PLANNED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:upcoming|scheduled|schedule|planned|future|next steps|maintenance windows?|roadmap)\b").ok()
});

impl Builder<'_> {
    /// The timed tables of `part` taken into timeline section `t`, and what stays in their
    /// place (nothing).
    pub(super) fn side_tables(
        &mut self,
        part: &Part,
        blocks: &[Block],
        t: usize,
    ) -> Vec<(std::ops::Range<usize>, String)> {
        let before = self.doc.timeline.len();
        let mut out = Vec::new();
        for block in part.blocks.iter().map(|&b| &blocks[b]) {
            if let Kind::Table { header, rows } = &block.kind
                && super::columns::timed_table(header, rows)
                // (The heading nearest above the table, at any level.)
                && !PLANNED.as_ref().is_some_and(|re| re.is_match(self.heading_above(block.range.start).unwrap_or_default()))
            {
                self.timeline_table(header, rows);
                out.push((block.range.clone(), String::new()));
            }
        }
        self.report_runs(part, t, before);
        out
    }
}
