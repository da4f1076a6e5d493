//! JSON: one object per finding, for scripts and other tools.

use serde::Serialize;

use super::shown;
use crate::lint::FileReport;

#[derive(Serialize)]
struct Row<'a> {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    suggestion: Option<&'a str>,
    rewrite: Option<&'a str>,
    text: &'a str,
    field: Option<&'a str>,
}

/// An array of findings: path, line, column, end_line, end_column (just after the last
/// character), rule, category, severity, message, suggestion, rewrite, the words flagged
/// (`text`) and, in documents, the field (`sections[2].text`).
pub fn json(reports: &[FileReport]) -> Result<String, serde_json::Error> {
    let rows: Vec<Row> = reports
        .iter()
        .flat_map(|r| {
            r.findings.iter().map(|l| Row {
                path: shown(&r.path),
                line: l.line,
                column: l.column,
                end_line: l.end_line,
                end_column: l.end_column,
                rule: &l.finding.rule,
                category: l.finding.category.as_str(),
                severity: l.finding.severity.as_str(),
                message: &l.finding.message,
                suggestion: l.finding.suggestion.as_deref(),
                rewrite: l.finding.rewrite.as_ref().map(|r| r.replacement.as_str()),
                text: &l.finding.text,
                field: l.field.as_deref(),
            })
        })
        .collect();
    Ok(serde_json::to_string_pretty(&rows)? + "\n")
}
