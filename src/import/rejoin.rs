//! A copied page that put each time on a line of its own and what happened on the next
//! (`15:33` over `- @nnelson noticed a plunging git apdex. -`, as an issue page's timeline
//! copies). Three such pairs or more are joined back into list entries (`* 15:33 — @nnelson
//! noticed ...`, a list of its own after any list above), so the entries are read one by one; the lone dashes between them, which hold
//! no word, go. Every word stays.
//!
//! Stamps of any shape alone on their lines over what happened then (a log of notices, a
//! status log's updates, times over lists) are joined the same way, in `notices`.
//!
//! (A status page's updates under `Posted ...` lines or bracketed stamps are joined the same
//! way first, in `status_copy`.)
//!
//! And a table a wiki page was copied with, its cells run over several lines (`| 13/07 4.50 pm
//! | - After the tests ...`, then `- The platform is back!`, then `|`), which Markdown no longer
//! reads as a table: three rows or more that open with a time, each as a list entry with its
//! lines under it; the lone bars, which hold no word, go.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::stamp::{ClockText, leading_stamp};

static TIME_ALONE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^[-–*]?\s*\d{1,2}:\d{2}(?::\d{2})?$").ok());

fn time_alone(line: &str) -> bool {
    TIME_ALONE.as_ref().is_some_and(|re| re.is_match(line.trim()))
}

fn dash(line: &str) -> bool {
    matches!(line.trim(), "-" | "–" | "—")
}

/// The event a time's next line tells: its text without the dashes around it.
fn event(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.strip_suffix(" -").unwrap_or(t).trim();
    (!t.is_empty() && !time_alone(t) && !dash(t)).then_some(t)
}

/// `src` with its runs of time lines over event lines, and of dated stamps over their
/// notices, joined into list entries.
pub fn rejoin(src: &str) -> Cow<'_, str> {
    let text = super::then(super::split_cells::split_rows(src), dashed_tables);
    let text = super::then(text, tables_apart);
    let text = super::then(text, super::chat_paste::chat_messages);
    let text = super::then(text, super::word_stamp::labels_over_stamps);
    let text = super::then(text, super::status_copy::bracketed_updates);
    let text = super::then(text, super::status_copy::posted_updates);
    let text = super::then(text, super::status_copy::history_updates);
    let text = super::then(text, super::label_updates::labelled_paragraphs);
    let text = super::then(text, super::status_copy::named_updates);
    let text = super::then(text, super::stamps_under::stamps_under_text);
    let text = super::then(text, broken_rows);
    let text = super::then(text, times_over_events);
    super::then(text, super::notices::stamps_over_text)
}

/// A table copied from a page whose header is underlined with dashes alone (`Time (Pacific) |
/// Description` over `--------`, then `14:10 | Monitoring reported ...` rows), which Markdown
/// reads as a heading and a paragraph: the dashes become the table's delimiter row, one cell
/// for each of the header's, when two rows or more below have as many cells. The dashes hold
/// no word, so nothing is lost.
fn dashed_tables(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let cells = |l: &str| {
        let t = l.trim().trim_start_matches('|').trim_end_matches('|');
        if l.contains('|') && !t.trim().is_empty() { t.split('|').count() } else { 0 }
    };
    let dashes = |l: &str| l.trim().len() >= 3 && l.trim().chars().all(|c| c == '-' || c == '=');
    let mut fixed: Vec<(usize, usize)> = Vec::new();
    for i in 1..lines.len() {
        let n = cells(lines[i - 1]);
        if n < 2 || !dashes(lines[i]) || (i >= 2 && !lines[i - 2].trim().is_empty() && cells(lines[i - 2]) == 0) {
            continue;
        }
        let rows = lines[i + 1..].iter().take_while(|l| cells(l) == n).count();
        if rows >= 2 {
            fixed.push((i, n));
        }
    }
    if fixed.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * fixed.len());
    for (i, line) in lines.iter().enumerate() {
        match fixed.iter().find(|&&(k, _)| k == i) {
            Some(&(_, n)) => out.push_str(&vec!["---"; n].join(" | ")),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    super::ending_as(src, out)
}

/// A table copied right under a line of text (`... within 12 minutes.` over `Time (UTC) |
/// Event |` and `---|---|`), which Markdown reads as more of that paragraph, or right over one
/// (which Markdown reads as one more row): a blank line between them, so the table is a table
/// and the text is text.
fn tables_apart(src: &str) -> Cow<'_, str> {
    static DELIMITER: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$").ok());
    let lines: Vec<&str> = src.lines().collect();
    let delimiter = |i: usize| lines.get(i).is_some_and(|l| DELIMITER.as_ref().is_some_and(|re| re.is_match(l)));
    let text = |l: &str| !l.trim().is_empty() && !l.contains('|') && !l.trim_start().starts_with(['#', '>', '`']);
    let mut apart: Vec<usize> =
        (1..lines.len()).filter(|&i| lines[i].contains('|') && delimiter(i + 1) && text(lines[i - 1])).collect();
    for i in (0..lines.len()).filter(|&i| delimiter(i) && i > 0 && lines[i - 1].contains('|')) {
        if let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].contains('|')).filter(|&j| text(lines[j])) {
            apart.push(j);
        }
    }
    // Front matter and code are not text: they stay as written.
    let matter = lines.first().map(|l| l.trim()).filter(|l| *l == "---" || *l == "+++");
    if let Some(end) = matter.and_then(|f| (1..lines.len()).find(|&i| lines[i].trim() == f)) {
        apart.retain(|&i| i > end);
    }
    let in_code = super::code_lines(&lines);
    apart.retain(|&i| !in_code[i]);
    if apart.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + apart.len());
    for (i, line) in lines.iter().enumerate() {
        if apart.contains(&i) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    super::ending_as(src, out)
}

/// A table's row whose first cell is only a time (`| 13/07 4.50 pm | - After ...`): the time
/// and what follows its cell.
fn timed_row(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix('|')?;
    let (cell, after) = rest.split_once('|')?;
    let stamp = leading_stamp(cell.trim())?;
    (matches!(stamp.time, Some(ClockText::At(_))) && stamp.rest.trim().is_empty())
        .then(|| (cell.trim(), after.trim().trim_end_matches('|').trim()))
}

/// The rows of a table whose cells run over several lines, as list entries (see the module's
/// words), when three or more of its rows open with a time and do not close their last cell.
fn broken_rows(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let bar = |l: &str| l.trim_start().starts_with('|');
    // A row whose line does not close its last cell goes on below.
    let broken = lines.iter().filter(|l| timed_row(l).is_some() && !l.trim_end().ends_with('|')).count();
    if broken < 3 {
        return Cow::Borrowed(src);
    }
    // The table's header rows above its first row stand apart from a label above them (`Incident
    // timeline:`), which then names what follows.
    let first = lines.iter().position(|l| timed_row(l).is_some()).unwrap_or(0);
    let header = (0..first).rev().take_while(|&i| bar(lines[i])).last();
    let mut out = String::with_capacity(src.len() + 64);
    let mut in_row = false;
    // The row's last cell closed by a bar alone on its line.
    let mut closed = false;
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == header && i > 0 && !lines[i - 1].trim().is_empty() {
            out.push('\n');
        }
        if let Some((time, said)) = timed_row(line) {
            if !in_row && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            // The cell's first bullet is the entry's text.
            let said = said.strip_prefix("- ").or_else(|| said.strip_prefix("* ")).unwrap_or(said);
            out.push_str(format!("- {time} — {said}").trim_end());
            out.push('\n');
            in_row = true;
            closed = false;
        } else if in_row && matches!(line.trim(), "|" | "") {
            // The bar that closes a row's last cell, or a blank line inside the cell.
            closed |= line.trim() == "|";
        } else if in_row && !closed && !bar(line) {
            out.push_str(&format!("  {}\n", line.trim().trim_end_matches('|').trim_end()));
        } else {
            if in_row {
                out.push('\n');
            }
            in_row = false;
            out.push_str(line);
            out.push('\n');
        }
    }
    super::ending_as(src, out)
}

/// `src` with its runs of time lines over event lines joined into list entries.
fn times_over_events(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let pair = |i: usize| time_alone(lines[i]) && lines.get(i + 1).and_then(|l| event(l)).is_some();
    if (0..lines.len()).filter(|&i| pair(i)).count() < 3 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 64);
    let mut i = 0;
    let mut in_run = false;
    while i < lines.len() {
        let next_pairs = lines.get(i + 1).is_some_and(|_| pair(i + 1));
        if pair(i) {
            if !in_run && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let time = lines[i].trim().trim_start_matches(['-', '–', '*']).trim();
            out.push_str(&format!("* {time} — {}\n", event(lines[i + 1]).unwrap_or_default()));
            in_run = true;
            i += 2;
            continue;
        }
        // The lone dash between a date line and its first time, or between two entries.
        if dash(lines[i]) && (in_run || next_pairs) {
            i += 1;
            continue;
        }
        if in_run && !lines[i].trim().is_empty() {
            out.push('\n');
        }
        in_run = false;
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::rejoin;

    #[test]
    fn times_over_their_events_are_joined_and_other_text_is_left_alone() {
        let src =
            "All times UTC.\n2021-07-13\n-\n15:33\n- alert fired. -\n15:34\n- paged. -\n16:00\n- fixed.\nAfter.\n";
        assert_eq!(
            rejoin(src),
            "All times UTC.\n2021-07-13\n\n* 15:33 — alert fired.\n* 15:34 — paged.\n* 16:00 — fixed.\n\nAfter.\n"
        );
        let two = "15:33\nalert\n15:34\npaged\n";
        assert_eq!(rejoin(two), two);
    }

    #[test]
    fn a_table_right_under_a_line_of_text_stands_apart() {
        let src = "Fixed within minutes.\nTime (UTC) | Event |\n---|---|\n10:49 AM | Deployed. |\n";
        assert_eq!(rejoin(src), "Fixed within minutes.\n\nTime (UTC) | Event |\n---|---|\n10:49 AM | Deployed. |\n");
        let over = "| a | b |\n|---|---|\n| 1 | 2 |\nText.\n";
        assert_eq!(rejoin(over), "| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n");
        let table = "Text.\n\n| a | b |\n|---|---|\n";
        assert_eq!(rejoin(table), table);
    }

    #[test]
    fn a_table_whose_cells_run_over_lines_becomes_a_list() {
        let src = "Incident log:\n| When | What |\n|---|\n| 05/03 9.40 pm | - Builds queue up\n- The cache is full\n|\n| 05/03 10pm | - Cache emptied\n\n|\n| 06/03 1.15am | - Queue drained\n|\nAfter.\n";
        assert_eq!(
            rejoin(src),
            "Incident log:\n\n| When | What |\n|---|\n\n- 05/03 9.40 pm — Builds queue up\n  - The cache is full\n- 05/03 10pm — Cache emptied\n- 06/03 1.15am — Queue drained\n\nAfter.\n"
        );
    }
}
