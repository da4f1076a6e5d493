//! Lines wrapped inside a paragraph, read as one line. Markdown makes a space of a line break
//! inside a paragraph, and many teams wrap their prose at 72 or 80 columns, so "human\nerror"
//! or "did not notice because\n  there was no probe" are the same words as on one line. The
//! rules' patterns and trigger words are written with single spaces; rather than teach every
//! one of them line breaks and indentation, the check reads a copy of the text in which each
//! such break, with the spaces around it, is one space, and maps what it finds back to the
//! text as written.

use std::ops::Range;

use super::TextFinding;
use super::mask::Prepared;

/// A text with its wrapped lines joined, prepared for the rules, and the way back.
pub(super) struct Joined {
    pub text: String,
    pub prepared: Prepared,
    /// `(place in the joined text, place in the original)` where each copied stretch starts.
    marks: Vec<(usize, usize)>,
}

impl Joined {
    /// The joined form of `text` (prepared as `prepared`), when it has wrapped lines to join.
    /// Its comments are not carried over: findings are placed back in the text as written
    /// before the comments are read (they name lines).
    pub fn new(text: &str, prepared: &Prepared) -> Option<Joined> {
        if prepared.breaks.is_empty() {
            return None;
        }
        let mut joined = String::with_capacity(text.len());
        let mut masked = String::with_capacity(text.len());
        let mut marks = vec![(0, 0)];
        let mut from = 0;
        for run in &prepared.breaks {
            joined.push_str(&text[from..run.start]);
            masked.push_str(&prepared.masked[from..run.start]);
            // The space stands for the run's first byte.
            marks.push((joined.len(), run.start));
            joined.push(' ');
            masked.push(' ');
            marks.push((joined.len(), run.end));
            from = run.end;
        }
        joined.push_str(&text[from..]);
        masked.push_str(&prepared.masked[from..]);
        let mut out = Joined {
            text: joined,
            prepared: Prepared {
                masked,
                scopes: Vec::new(),
                directives: Vec::new(),
                breaks: Vec::new(),
                headlines: Vec::new(),
            },
            marks,
        };
        out.prepared.scopes = prepared.scopes.iter().map(|&(at, s)| (out.forward(at), s)).collect();
        Some(out)
    }

    /// Where the original's byte `at` is in the joined text (a byte of a joined run: the
    /// run's space). The marks alternate: a copied stretch (even), a run's space (odd).
    fn forward(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|&(_, o)| o <= at).saturating_sub(1);
        let (j, o) = self.marks[i];
        if i % 2 == 1 { j } else { j + (at - o) }
    }

    /// Where the joined text's byte `at` is in the original (a run's space: the run's first
    /// byte).
    fn back(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|&(j, _)| j <= at).saturating_sub(1);
        let (j, o) = self.marks[i];
        if i % 2 == 1 { o } else { o + (at - j) }
    }

    /// `range` of the joined text, in the original.
    fn back_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.back(range.start);
        let end = if range.end > range.start { self.back(range.end - 1) + 1 } else { start };
        start..end.max(start)
    }

    /// A finding in the joined text, placed in `original`.
    pub fn place(&self, original: &str, mut f: TextFinding) -> TextFinding {
        f.span = self.back_range(f.span.clone());
        f.text = original[f.span.clone()].to_string();
        if let Some(r) = f.rewrite.as_mut() {
            r.span = self.back_range(r.span.clone());
        }
        f
    }
}

/// The run of white space around the line break of a soft break (pulldown-cmark's `range`:
/// a line break inside a paragraph or a list item's text), when it reads as a space: not where
/// the next line opens a new block as the sentence reader sees it (a time, a list marker, a
/// heading written without Markdown above it), nor before a quote's `>`.
pub(super) fn break_at(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let Some(n) = text[range.start..].find('\n').map(|i| range.start + i).filter(|&n| n <= range.end) else { return };
    let mut start = n;
    while start > 0 && matches!(bytes[start - 1], b' ' | b'\t' | b'\r') {
        start -= 1;
    }
    let mut stop = n + 1;
    while stop < bytes.len() && matches!(bytes[stop], b' ' | b'\t') {
        stop += 1;
    }
    let opens_block = stop >= bytes.len() || matches!(bytes[stop], b'>' | b'\n');
    // A line that ends its sentence stays a line: patterns that open a sentence at a line's
    // start ("Had someone rehearsed …" under the line before) still see one there.
    let ended = text[..start].trim_end_matches(['"', ')', '*', '_', '\'', '’', '”']).ends_with(['.', '!', '?', ':']);
    if ended {
        return;
    }
    if start == 0 || opens_block || super::tokens::structural_break(text, n + 1) {
        return;
    }
    // The next line a heading written without Markdown ("Root Cause" over its paragraph): it
    // stays a line of its own, as the sentence reader sees it.
    if let Some(after) = text[n + 1..].find('\n').map(|i| n + 1 + i + 1)
        && after < text.len()
        && super::tokens::bare_heading_before(text, after)
    {
        return;
    }
    if out.last().is_none_or(|last| last.end <= start) {
        out.push(start..stop);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::{Checker, People};

    fn found(text: &str) -> Vec<(String, String)> {
        let checker = Checker::builtin().unwrap();
        checker.check_markdown(text, &People::new()).into_iter().map(|f| (f.rule, f.text)).collect()
    }

    #[test]
    fn words_wrapped_over_lines_are_read_as_on_one_line() {
        let text = "# Outage\n\nThe outage came down to human\nerror during the deploy. Later that day\nDave forgot to check the bucket.\n";
        let got = found(text);
        assert!(got.iter().any(|(r, t)| r == "human-error" && t == "human\nerror"), "{got:?}");
        assert!(got.iter().any(|(r, _)| r == "forgot"), "{got:?}");
    }

    #[test]
    fn a_wrapped_reason_is_read_as_on_one_line() {
        let wrapped = "- The team did not notice because\n  there was no synthetic probe.\n";
        assert_eq!(found(wrapped), found("- The team did not notice because there was no synthetic probe.\n"));
        assert!(found(wrapped).is_empty(), "{:?}", found(wrapped));
    }

    #[test]
    fn spans_point_into_the_text_as_written() {
        let checker = Checker::builtin().unwrap();
        let text = "Intro line here.\nIt was   \n   human\n  error, and Dave forgot to\n  check the bucket.\n\n```\nhuman\nerror\n```\n";
        let got = checker.check_markdown(text, &People::new());
        let human = got.iter().find(|f| f.rule == "human-error").unwrap();
        assert_eq!(&text[human.span.clone()], "human\n  error");
        assert_eq!(got.iter().filter(|f| f.rule == "human-error").count(), 1, "code stays code: {got:?}");
        let forgot = got.iter().find(|f| f.rule == "forgot").unwrap();
        assert_eq!(&text[forgot.span.clone()], forgot.text);
        if let Some(r) = &forgot.rewrite {
            assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
            assert!(r.span.start >= forgot.span.start, "{r:?}");
        }
    }

    #[test]
    fn timeline_lines_and_bare_headings_stay_lines() {
        // A time opens a line of its own; a heading without Markdown ends its own.
        let text = "14:02 The deploy starts\n14:05 Human error suspected, then ruled out\n";
        let lines = found(text);
        let one = found("14:02 The deploy starts\n\n14:05 Human error suspected, then ruled out\n");
        assert_eq!(lines, one);
        let heading = "14:00 - engineers run the manifest to rename the file on all servers\nRoot Cause\nIn a settings file, a path was mistyped as .phpp.\n";
        let checker = Checker::builtin().unwrap();
        let warnings: Vec<_> = checker
            .check_markdown(heading, &People::new())
            .into_iter()
            .filter(|f| f.severity == crate::doc::Severity::Warning)
            .collect();
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
