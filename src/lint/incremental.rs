//! Checking a section as it is typed. A keystroke changes one paragraph; the findings of the
//! others are reused, moved to where their paragraph now starts. Paragraphs are cut at blank
//! lines outside code fences, so a fence's contents are never checked as prose.

use std::collections::HashMap;

use super::{Checker, People, Scope, TextFinding};

/// Remembers the findings of each paragraph of one section, by its text.
#[derive(Debug, Clone)]
pub struct SectionChecker {
    scope: Scope,
    cache: HashMap<String, Vec<TextFinding>>,
}

impl SectionChecker {
    pub fn new(scope: Scope) -> SectionChecker {
        SectionChecker { scope, cache: HashMap::new() }
    }

    /// Findings for the whole `text`, with spans into it; equal to
    /// [`Checker::check_text`] except that `blameless-disable`/`enable` blocks act within a
    /// paragraph. Call [`SectionChecker::forget`] when the people or the configuration change.
    pub fn check(&mut self, checker: &Checker, text: &str, people: &People) -> Vec<TextFinding> {
        let mut out = Vec::new();
        let mut used = HashMap::new();
        for (start, paragraph) in paragraphs(text) {
            let found = match self.cache.get(paragraph) {
                Some(found) => found.clone(),
                None => checker.check_text(paragraph, self.scope, people),
            };
            out.extend(found.iter().cloned().map(|f| shift(f, start)));
            used.insert(paragraph.to_string(), found);
        }
        // Only paragraphs still in the text are kept, so the cache stays the section's size.
        self.cache = used;
        out
    }

    pub fn forget(&mut self) {
        self.cache.clear();
    }
}

fn shift(mut f: TextFinding, by: usize) -> TextFinding {
    f.span = f.span.start + by..f.span.end + by;
    if let Some(r) = &mut f.rewrite {
        r.span = r.span.start + by..r.span.end + by;
    }
    f
}

/// `(byte offset, text)` of each paragraph: runs of lines between blank lines, where a code
/// fence (``` or ~~~) keeps its blank lines inside one paragraph.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        at += line.len();
        if !in_fence && line.trim().is_empty() {
            if at > start {
                out.push((start, &text[start..at]));
            }
            start = at;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}
