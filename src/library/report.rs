//! Plain-text reports of the library: aligned tables and the stats page with its bar charts.
//! Text only (no colour, no terminal calls), so it reads the same in a pipe, a CI log or with
//! NO_COLOR.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::bars::bar;
use super::{ActionItem, Entry, Spread, Stats};
use crate::doc::format_duration;
pub use crate::doc::printable;

/// Columns padded to their widest cell (in characters), two spaces apart, the last unpadded.
/// Control characters in a cell are shown as `�`, so text from a file can neither break the
/// layout nor send escape sequences to the terminal.
pub fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let rows: Vec<[String; N]> = rows.iter().map(|row| row.clone().map(|cell| printable(&cell))).collect();
    let rows = rows.as_slice();
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header = header.map(str::to_string);
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell}{}  ", " ".repeat(w - cell.chars().count()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The first line of `text`, cut to `width` characters with `…` when it is longer (or when
/// more lines follow), so a table row stays on one line.
pub fn cut(text: &str, width: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= width && !text.trim_end().contains('\n') {
        return line.to_string();
    }
    line.chars().take(width.saturating_sub(1)).collect::<String>() + "…"
}

/// How many cells the longest bar takes.
const BAR_WIDTH: usize = 24;

/// The stats as text: a section per question, counts drawn as bars.
pub fn stats_text(stats: &Stats) -> String {
    let mut out = String::new();
    counts(&mut out, "Incidents per month", &stats.per_month);
    if stats.undated > 0 {
        let _ = writeln!(out, "  ({} without a date: no start time and no date in the file name)", stats.undated);
    }
    counts(&mut out, "Incidents by severity", &stats.per_severity);

    let _ = writeln!(out, "\nTime to ...  (median and 90th percentile over the incidents that have both times)");
    let spreads = [("detect", &stats.to_detect), ("mitigate", &stats.to_mitigate), ("resolve", &stats.to_resolve)];
    let rows: Vec<[String; 4]> = spreads
        .iter()
        .map(|(name, s): &(&str, &Spread)| {
            let show = |d: Option<chrono::Duration>| d.map_or_else(|| "-".to_string(), format_duration);
            [format!("  {name}"), s.count.to_string(), show(s.median), show(s.p90)]
        })
        .collect();
    out.push_str(&table(&["", "incidents", "median", "p90"], &rows));

    let top: Vec<(String, usize)> = stats.factor_categories.iter().take(10).cloned().collect();
    counts(&mut out, "Contributing-factor categories that recur (incidents they appear in)", &top);
    if stats.factor_categories.len() > top.len() {
        let _ = writeln!(
            out,
            "  ... and {} more (--format json lists them all)",
            stats.factor_categories.len() - top.len()
        );
    }

    let a = &stats.actions;
    let _ = writeln!(out, "\nFollow-up actions: {}", a.total);
    if a.total > 0 {
        let parts = [("done", a.done), ("open", a.open), ("overdue", a.overdue), ("won't do", a.wont_do)];
        for (label, n) in parts {
            let share = a.share(n);
            let _ = writeln!(out, "  {label:<9} {} {:>4.0}%  {n}", bar(share, 1.0, BAR_WIDTH), share * 100.0);
        }
    }
    out
}

/// A titled list of labelled counts with bars scaled to the largest.
fn counts(out: &mut String, title: &str, items: &[(String, usize)]) {
    let _ = writeln!(out, "\n{title}");
    if items.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let label = items.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    for (l, n) in items {
        let l = printable(l);
        let pad = " ".repeat(label - l.chars().count());
        let _ = writeln!(out, "  {l}{pad}  {}  {n}", bar(*n as f64, max, BAR_WIDTH));
    }
}

/// Long titles are cut in the table (JSON and CSV have them whole), so rows stay on a line.
const TITLE_WIDTH: usize = 50;

pub fn list_table(entries: &[&Entry]) -> String {
    let rows: Vec<[String; 8]> = entries
        .iter()
        .map(|e| {
            let date = opt(e.date());
            let path = e.path().display().to_string();
            match e.summary() {
                Some(s) => [
                    date,
                    s.severity.as_deref().map_or_else(|| "-".into(), |s| cut(s, 12)),
                    s.status.as_str().to_string(),
                    opt(s.status_since.map(|t| t.date_naive())),
                    duration(s.numbers.to_resolve),
                    format!("{}/{}", s.sections_written, s.sections_total),
                    cut(&s.title, TITLE_WIDTH),
                    path,
                ],
                None => {
                    // The full `path:line:column: message` goes to stderr; the row says what.
                    let why = match e {
                        Entry::Broken { error, .. } => match error.line {
                            Some(line) => format!("cannot be read (line {line}): {}", error.message),
                            None => format!("cannot be read: {}", error.message),
                        },
                        Entry::Postmortem(_) => String::new(),
                    };
                    [
                        date,
                        "-".into(),
                        "error".into(),
                        String::new(),
                        "-".into(),
                        "-".into(),
                        cut(&why, TITLE_WIDTH),
                        path,
                    ]
                }
            }
        })
        .collect();
    table(&["DATE", "SEVERITY", "STATUS", "CHANGED", "RESOLVE", "DONE", "TITLE", "PATH"], &rows)
}

pub fn actions_table(items: &[ActionItem], now: DateTime<Utc>) -> String {
    let rows: Vec<[String; 7]> = items
        .iter()
        .map(|item| {
            let a = item.action;
            let late = match (item.overdue, a.due_date) {
                (true, Some(due)) => {
                    let days = (item.doc.today(now) - due).num_days();
                    format!("{days} day{}", if days == 1 { "" } else { "s" })
                }
                _ => String::new(),
            };
            [
                a.due.clone().unwrap_or_else(|| "-".into()),
                late,
                a.status.as_str().to_string(),
                a.owner.as_deref().map_or_else(|| "-".into(), |o| cut(o, 30)),
                a.priority.map_or("-", |p| p.as_str()).to_string(),
                cut(&a.title, TITLE_WIDTH),
                item.doc.path.display().to_string(),
            ]
        })
        .collect();
    table(&["DUE", "OVERDUE", "STATUS", "OWNER", "PRIORITY", "TITLE", "POSTMORTEM"], &rows)
}

/// `42m` or `-`.
fn duration(d: Option<chrono::Duration>) -> String {
    d.map_or_else(|| "-".to_string(), format_duration)
}

fn opt(s: Option<impl ToString>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_characters_and_show_control_characters_harmlessly() {
        let rows = [["Überprüfung".to_string(), "x".to_string()], ["\u{1b}[31mred\ttab".to_string(), "y".to_string()]];
        assert_eq!(table(&["A", "B"], &rows), "A             B\nÜberprüfung   x\n�[31mred�tab  y\n");
        assert_eq!(cut("first line\nsecond", 40), "first line…");
        assert_eq!(cut("exactly ten", 11), "exactly ten");
        assert_eq!(cut("a bit longer than that", 8), "a bit l…");
    }
}
