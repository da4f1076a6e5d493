//! Blame-oriented wording in the section being written: checked a moment after typing pauses
//! (never on the keystroke itself), underlined in the text, listed under it, and fixed or
//! dismissed with one key.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::lint::{Checker, People, Scope, SectionChecker, TextFinding, is_dismissed};

/// The findings of one prose section and where to underline them.
pub struct SectionLint {
    incremental: SectionChecker,
    pub findings: Vec<TextFinding>,
    /// Per line of the section's text: the character columns to underline.
    pub marks: HashMap<usize, Vec<Range<usize>>>,
    /// The rows the longest finding takes in full, and the width that was for (`width << 16 |
    /// rows`, 0 before it is known): the strip is sized on every frame, and a long section
    /// holds thousands of findings.
    widest: AtomicU32,
    /// Which set of findings this is (new at every check, unique in the process): the strip
    /// under the text is keyed by it instead of by its lines, which it need not build then.
    pub generation: u64,
    /// The findings are in order of where they start, and the longest span's length: the one
    /// at the cursor is then found by halving, not by a walk through thousands on every frame.
    by_start: Option<usize>,
}

/// Generations of findings, for [`SectionLint::generation`].
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

impl Default for SectionLint {
    fn default() -> Self {
        SectionLint {
            incremental: SectionChecker::new(Scope::Prose),
            findings: Vec::new(),
            marks: HashMap::new(),
            widest: AtomicU32::new(0),
            generation: next_generation(),
            by_start: Some(0),
        }
    }
}

impl SectionLint {
    /// Checks `text` again; findings the document dismissed are left out.
    pub fn check(&mut self, checker: &Checker, text: &str, people: &People, doc: &crate::doc::Document) {
        let found = self.incremental.check(checker, text, people);
        self.findings = found.into_iter().filter(|f| !is_dismissed(doc, &f.rule, &f.text)).collect();
        self.marks = marks(text, &self.findings);
        self.widest = AtomicU32::new(0);
        self.generation = next_generation();
        self.by_start = by_start(&self.findings);
    }

    /// The rows the longest finding takes in full at `width`, as `rows_of` counts one; worked
    /// out once per width and set of findings.
    pub fn widest_rows(&self, width: u16, rows_of: impl Fn(&TextFinding) -> u16) -> u16 {
        let known = self.widest.load(Ordering::Relaxed);
        if known != 0 && known >> 16 == u32::from(width) {
            return (known & 0xffff) as u16;
        }
        let rows = self.findings.iter().map(rows_of).max().unwrap_or(1);
        self.widest.store(u32::from(width) << 16 | u32::from(rows), Ordering::Relaxed);
        rows
    }

    /// The finding at the cursor (line, character column), or else the first one after it.
    pub fn at_or_after(&self, text: &str, line: usize, col: usize) -> Option<&TextFinding> {
        self.at_or_after_byte(byte_offset(text, line, col))
    }

    /// The finding at byte `at` of the text, or else the first one after it.
    pub fn at_or_after_byte(&self, at: usize) -> Option<&TextFinding> {
        self.at_or_after_index(at).map(|i| &self.findings[i])
    }

    /// Where in `findings` [`SectionLint::at_or_after_byte`]'s finding is: the first that holds
    /// byte `at`, else the first that starts after it, else the first.
    pub fn at_or_after_index(&self, at: usize) -> Option<usize> {
        let Some(longest) = self.by_start else { return self.at_or_after_walk(at) };
        // In order of their starts: those from `upto` on start after `at`, and those before
        // `from` end before it (a span is at most `longest` long).
        let upto = self.findings.partition_point(|f| f.span.start <= at);
        let from = self.findings.partition_point(|f| f.span.start.saturating_add(longest) < at);
        let holding = (from..upto).find(|&i| at <= self.findings[i].span.end);
        holding.or((upto < self.findings.len()).then_some(upto)).or((!self.findings.is_empty()).then_some(0))
    }

    /// [`SectionLint::at_or_after_index`] by walking the findings (in any order).
    fn at_or_after_walk(&self, at: usize) -> Option<usize> {
        let f = &self.findings;
        f.iter()
            .position(|f| f.span.start <= at && at <= f.span.end)
            .or_else(|| f.iter().position(|f| f.span.start > at))
            .or((!f.is_empty()).then_some(0))
    }
}

/// When `findings` are in order of where they start, the longest one's length in bytes.
fn by_start(findings: &[TextFinding]) -> Option<usize> {
    let sorted = findings.windows(2).all(|w| w[0].span.start <= w[1].span.start);
    sorted.then(|| findings.iter().map(|f| f.span.len()).max().unwrap_or(0))
}

/// Byte offset of (line, character column) in `text`.
pub fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split('\n').enumerate() {
        if n == line {
            return offset + l.char_indices().nth(col).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len() + 1;
    }
    text.len()
}

/// (line, character column) of a byte offset in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

fn marks(text: &str, findings: &[TextFinding]) -> HashMap<usize, Vec<Range<usize>>> {
    // Line starts once, then each span is placed by a binary search: long sections stay cheap.
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let place = |at: usize| {
        let line = starts.partition_point(|&s| s <= at).saturating_sub(1);
        let col = text.get(starts[line]..at).map_or(0, |t| t.chars().count());
        (line, col)
    };
    let mut out: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
    for f in findings {
        let (l0, c0) = place(f.span.start);
        let (l1, c1) = place(f.span.end);
        for line in l0..=l1 {
            let from = if line == l0 { c0 } else { 0 };
            let to = if line == l1 { c1 } else { usize::MAX };
            out.entry(line).or_default().push(from..to);
        }
    }
    out
}

#[cfg(test)]
#[path = "findings_tests.rs"]
mod tests;
