//! A table copied from a web page one cell per line: each row's first cell on a line of its own
//! between bars (`| 12:33 |`), the next cell on the line below, closed by a bar
//! (`Monitoring alerted us |`), which Markdown reads as a paragraph of bars.
//!
//! Three rows or more whose first cell is a time are put back together as a table (`| 12:33 |
//! Monitoring alerted us |`), under the header the copy carries above them in the same shape
//! (`| Time |` over `Event |`) and a delimiter row; without such a header, the rows become list
//! entries (`- 12:33 — Monitoring alerted us`). Every word stays.

use std::borrow::Cow;

use super::stamp::{ClockText, leading_stamp};

/// `| 12:33 |`: a line that is one cell between bars; its text.
fn lone_cell(line: &str) -> Option<&str> {
    let cell = line.trim().strip_prefix('|')?.strip_suffix('|')?.trim();
    (!cell.is_empty() && !cell.contains('|')).then_some(cell)
}

/// `Monitoring alerted us |`: the rest of a row, closed by a bar; its text.
fn closing_cell(line: &str) -> Option<&str> {
    let t = line.trim();
    if t.starts_with('|') {
        return None;
    }
    let cell = t.strip_suffix('|')?.trim();
    (!cell.is_empty() && !cell.contains('|')).then_some(cell)
}

/// Whether a cell is only a time, with a day or not.
fn time_cell(cell: &str) -> bool {
    leading_stamp(cell).is_some_and(|s| matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
}

/// `src` with its tables copied one cell per line put back together (see the module's words).
pub(super) fn split_rows(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let code = super::code_lines(&lines);
    let pair = |i: usize| {
        !code[i] && lone_cell(lines[i]).is_some() && lines.get(i + 1).and_then(|l| closing_cell(l)).is_some()
    };
    let timed = |i: usize| pair(i) && lone_cell(lines[i]).is_some_and(time_cell);
    // Runs of timed rows, each with the line of its header above it when there is one.
    let mut runs: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !timed(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut rows = Vec::new();
        while i < lines.len() && timed(i) {
            rows.push(i);
            i += 2;
        }
        if rows.len() >= 3 {
            let header = start.checked_sub(2).filter(|&h| pair(h) && !timed(h));
            runs.push((header, rows));
        }
    }
    if runs.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 32 * runs.len());
    let mut i = 0;
    while i < lines.len() {
        let Some((header, rows)) = runs.iter().find(|(h, r)| h.unwrap_or(r[0]) == i) else {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
            continue;
        };
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        let cells =
            |k: usize| (lone_cell(lines[k]).unwrap_or_default(), closing_cell(lines[k + 1]).unwrap_or_default());
        if let Some(h) = header {
            let (a, b) = cells(*h);
            out.push_str(&format!("| {a} | {b} |\n| --- | --- |\n"));
        }
        for &r in rows {
            let (time, said) = cells(r);
            match header {
                Some(_) => out.push_str(&format!("| {time} | {said} |\n")),
                None => out.push_str(&format!("- {time} — {said}\n")),
            }
        }
        i = rows.last().map_or(i + 1, |&r| r + 2);
        if i < lines.len() && !lines[i].trim().is_empty() {
            out.push('\n');
        }
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::split_rows;

    #[test]
    fn a_table_copied_one_cell_per_line_is_put_back_together() {
        let src = "Timeline (UTC)\n| Time |\nEvent |\n| 09:01 |\nAlarm rang |\n| 09:05 |\nOn call paged |\n| 09:30 |\nFixed. |\nCause\n";
        assert_eq!(
            split_rows(src),
            "Timeline (UTC)\n\n| Time | Event |\n| --- | --- |\n| 09:01 | Alarm rang |\n| 09:05 | On call paged |\n| 09:30 | Fixed. |\n\nCause\n"
        );
        let bare = "| 09:01 |\nAlarm rang |\n| 09:05 |\nOn call paged |\n| 09:30 |\nFixed. |\n";
        assert_eq!(split_rows(bare), "- 09:01 — Alarm rang\n- 09:05 — On call paged\n- 09:30 — Fixed.\n");
    }

    #[test]
    fn two_rows_or_rows_without_times_stay() {
        let two = "| 09:01 |\nAlarm rang |\n| 09:05 |\nOn call paged |\n";
        assert_eq!(split_rows(two), two);
        let keys = "| Owner |\nsre |\n| Date |\nMay 2 |\n| Status |\nDone |\n";
        assert_eq!(split_rows(keys), keys);
    }
}
