//! A log kept as plain text with a hanging indent, as old status pages and mails write it: each
//! entry opens with its time at the margin (`18:10    An unknown issue ...`, a tab after the time
//! too), the lines after it indented under its text. Three such entries or more, every line
//! between them indented, are given the Markdown they mean: a list item each. Every word stays.

use std::borrow::Cow;

/// Marks the entries of such logs as list items; `timed` says whether a line opens with a time.
pub(super) fn hanging_entries(lines: &mut [Cow<str>], code: &[bool], timed: impl Fn(&str) -> bool) {
    let indented = |l: &str| l.starts_with([' ', '\t']) && !l.trim().is_empty();
    let opens = |i: usize, lines: &[Cow<str>]| !code[i] && !lines[i].starts_with([' ', '\t']) && timed(&lines[i]);
    let mut i = 0;
    while i < lines.len() {
        if !opens(i, lines) {
            i += 1;
            continue;
        }
        // The run: entries, their indented lines, blank lines between them.
        let mut starts = vec![i];
        let mut hanging = 0;
        let mut j = i + 1;
        while j < lines.len() && !code[j] {
            if indented(&lines[j]) {
                hanging += 1;
            } else if opens(j, lines) {
                starts.push(j);
            } else if !lines[j].trim().is_empty() {
                break;
            }
            j += 1;
        }
        if starts.len() >= 3 && hanging >= starts.len() {
            for &s in &starts {
                lines[s] = Cow::Owned(format!("- {}", lines[s].replacen('\t', " ", 1)));
            }
        }
        i = j.max(i + 1);
    }
}

/// A mail's paragraph whose first line alone is indented (`    A week ago on Thursday, ...`,
/// the lines below it at the margin) is one paragraph, not a line of code over another: the
/// first line is taken out of its indentation. A line of code over text stays (it does not
/// open with a capital and a word).
pub(super) fn first_line_indents(lines: &mut [Cow<str>], code: &[bool]) {
    for i in 0..lines.len().saturating_sub(1) {
        let line = &lines[i];
        let after_blank = i == 0 || lines[i - 1].trim().is_empty();
        let text = line.trim_start();
        let prose = text.starts_with(|c: char| c.is_uppercase())
            && text.split_whitespace().count() >= 4
            && text.split_whitespace().next().is_some_and(|w| w.chars().all(char::is_alphabetic));
        let next = &lines[i + 1];
        let margin = !next.trim().is_empty()
            && !next.starts_with([' ', '\t'])
            && !next.starts_with(['#', '-', '*', '+', '>', '|', '`', '~']);
        if !code[i] && !code[i + 1] && after_blank && line.starts_with("    ") && prose && margin {
            lines[i] = Cow::Owned(text.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::hanging_entries;
    use std::borrow::Cow;

    #[test]
    fn entries_with_a_hanging_indent_become_items() {
        let src = [
            "09:10    The link went down and",
            "         stayed down.",
            "11:00\t Back up,",
            "         all fine.",
            "",
            "12:30    Closed",
            "         for good.",
        ];
        let mut lines: Vec<Cow<str>> = src.iter().map(|l| Cow::Borrowed(*l)).collect();
        let code = vec![false; lines.len()];
        hanging_entries(&mut lines, &code, |l| l.get(2..3) == Some(":"));
        assert_eq!(lines[0], "- 09:10    The link went down and");
        assert_eq!(lines[2], "- 11:00  Back up,");
        assert_eq!(lines[5], "- 12:30    Closed");
        assert_eq!(lines[1], "         stayed down.");
    }
}
