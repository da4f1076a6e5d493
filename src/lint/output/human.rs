//! The report for a person at a terminal, shaped like rustc's: the rule and message, the
//! place, the line with the words underlined, then the suggestion.

use std::fmt::Write;

use super::shown;
use crate::doc::Severity;
use crate::lint::files::LineIndex;
use crate::lint::{FileReport, Located};

/// `files` is how many files were checked (reports hold only files with something to say,
/// or all of them). `color`: ANSI colours, for a terminal that wants them.
pub fn human(reports: &[FileReport], files: usize, color: bool) -> String {
    let paint = |code: &str, text: &str| if color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() };
    let mut out = String::new();
    let mut counts = [0usize; 3];
    for report in reports {
        let lines = LineIndex::new(&report.source);
        let path = shown(&report.path);
        for l in &report.findings {
            let f = &l.finding;
            counts[f.severity as usize] += 1;
            let (word, code) = match f.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
                Severity::Suggestion => ("suggestion", "1;36"),
            };
            let gutter = " ".repeat(l.line.to_string().len());
            let _ = writeln!(
                out,
                "{}{} {}",
                paint(code, &format!("{word}[{}]", f.rule)),
                paint("1", ":"),
                paint("1", &f.message)
            );
            let _ = writeln!(out, "{gutter}{} {path}:{}:{}", paint("1;34", "-->"), l.line, l.column);
            let _ = writeln!(out, "{gutter} {}", paint("1;34", "|"));
            let source = lines.line(&report.source, l.line);
            let (display, lead, width) = underline(source, l);
            let _ = writeln!(out, "{} {} {display}", paint("1;34", &l.line.to_string()), paint("1;34", "|"));
            let marks = format!("{}{}", " ".repeat(lead), paint(code, &"^".repeat(width)));
            let _ = writeln!(out, "{gutter} {} {marks}", paint("1;34", "|"));
            if let Some(s) = &f.suggestion {
                let _ = writeln!(out, "{gutter} {} suggestion: {s}", paint("1;34", "="));
            }
            if let Some(r) = &f.rewrite {
                let shown = if r.replacement.is_empty() {
                    "(remove these words)".to_string()
                } else {
                    format!("\"{}\"", r.replacement)
                };
                let _ = writeln!(out, "{gutter} {} rewrite: {shown}", paint("1;34", "="));
            }
            out.push('\n');
        }
    }
    let [suggestions, warnings, errors] = counts;
    let total = suggestions + warnings + errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if total == 0 {
        let _ = writeln!(out, "{} checked: no findings", plural(files, "file"));
    } else {
        let with = reports.iter().filter(|r| !r.findings.is_empty()).count();
        let parts: Vec<String> = [(errors, "error"), (warnings, "warning"), (suggestions, "suggestion")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| plural(*n, w))
            .collect();
        let _ = writeln!(out, "{} in {} of {} checked", parts.join(", "), with, plural(files, "file"));
    }
    out
}

/// The line as shown (tabs as four spaces), where the underline starts and how long it is.
fn underline(source: &str, l: &Located) -> (String, usize, usize) {
    let width = |c: char| if c == '\t' { 4 } else { 1 };
    let display: String = source.chars().map(|c| if c == '\t' { "    ".to_string() } else { c.to_string() }).collect();
    let chars: Vec<char> = source.chars().collect();
    let from = l.column.saturating_sub(1).min(chars.len());
    let to = if l.end_line == l.line { l.end_column.saturating_sub(1).min(chars.len()) } else { chars.len() };
    let lead: usize = chars[..from].iter().map(|&c| width(c)).sum();
    let length: usize = chars[from..to.max(from)].iter().map(|&c| width(c)).sum();
    (display, lead, length.max(1))
}
