//! What the import did with each part of the file, for the person who runs it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The template the document was made from.
    pub template: String,
    pub entries: Vec<Entry>,
    /// Titles of the template's sections that nothing in the file went into.
    pub left_empty: Vec<String>,
    /// The zone the file's times were read in, and why.
    pub zone: Option<String>,
    /// What was not understood, by line: `--strict` fails on any.
    pub warnings: Vec<(usize, String)>,
}

/// One part of the file (a heading and what follows it, the metadata, the title) and where it
/// went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line in the file.
    pub line: usize,
    /// How the part starts in the file (`## Root Causes`, `metadata table`).
    pub source: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Title,
    /// Metadata that was understood, as short labels (`status`, `authors (2)`).
    Metadata(Vec<String>),
    /// Into one of the template's sections; `detail` says what (`4 entries`, `text`).
    Section {
        id: String,
        detail: String,
    },
    /// Kept in a section of its own, because nothing in the template matched or it did not fit.
    NewSection {
        id: String,
        reason: String,
    },
    /// Not imported, and why (the incident numbers are derived from the times).
    Skipped(String),
}

impl Report {
    pub(crate) fn push(&mut self, line: usize, source: impl Into<String>, outcome: Outcome) {
        self.entries.push(Entry { line, source: source.into(), outcome });
    }

    pub(crate) fn warn(&mut self, line: usize, text: impl Into<String>) {
        self.warnings.push((line, text.into()));
    }

    /// Sections kept apart because nothing in the template matched them.
    pub fn new_sections(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| matches!(e.outcome, Outcome::NewSection { .. }))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut entries: Vec<&Entry> = self.entries.iter().collect();
        entries.sort_by_key(|e| e.line);
        let width = entries.iter().map(|e| shorten(&e.source).chars().count()).max().unwrap_or(0);
        for e in entries {
            let source = shorten(&e.source);
            let pad = " ".repeat(width - source.chars().count());
            let outcome = match &e.outcome {
                Outcome::Title => "the title".to_string(),
                Outcome::Metadata(what) if what.is_empty() => "metadata: nothing understood".to_string(),
                Outcome::Metadata(what) => format!("metadata: {}", what.join(", ")),
                Outcome::Section { id, detail } => format!("section `{id}`: {detail}"),
                Outcome::NewSection { id, reason } => format!("new section `{id}` ({reason})"),
                Outcome::Skipped(why) => format!("skipped: {why}"),
            };
            writeln!(f, "  line {:<4} {source}{pad}  -> {outcome}", e.line)?;
        }
        if !self.left_empty.is_empty() {
            writeln!(f, "  nothing in the file for: {}", self.left_empty.join(", "))?;
        }
        if let Some(zone) = &self.zone {
            writeln!(f, "  time zone: {zone}")?;
        }
        let mut warnings: Vec<&(usize, String)> = self.warnings.iter().collect();
        warnings.sort_by_key(|(line, _)| *line);
        for (line, text) in warnings {
            writeln!(f, "  warning: line {line}: {text}")?;
        }
        Ok(())
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 44;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}
