//! A prose section's text taken for a save or the recovery copy without putting it together
//! on the keys' thread: the lines outside the widget's window are shared with the section
//! ([`super::prose::Prose`]), only the window's are copied.

use std::sync::Arc;

/// A prose section's text as it was when taken ([`super::prose::Prose::snapshot`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseText {
    before: Arc<Vec<String>>,
    window: Vec<String>,
    after: Arc<Vec<String>>,
}

impl ProseText {
    pub(super) fn new(before: Arc<Vec<String>>, window: Vec<String>, after: Arc<Vec<String>>) -> ProseText {
        ProseText { before, window, after }
    }

    /// The whole text, as [`super::prose::Prose::text`] gave it when this was taken.
    pub fn text(&self) -> String {
        join(&[self.before.as_slice(), &self.window, self.after.as_slice()])
    }
}

/// The lines of `parts`, one after the other, joined by line breaks.
pub(super) fn join(parts: &[&[String]]) -> String {
    let lines: usize = parts.iter().map(|p| p.len()).sum();
    let bytes: usize = parts.iter().flat_map(|p| p.iter()).map(String::len).sum();
    let mut all = String::with_capacity(bytes + lines.saturating_sub(1));
    for (n, line) in parts.iter().flat_map(|p| p.iter()).enumerate() {
        if n > 0 {
            all.push('\n');
        }
        all.push_str(line);
    }
    all
}
