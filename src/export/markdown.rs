//! Markdown for wikis and repositories: title, metadata table, the numbers, then the sections
//! in template order. Timeline, factors and actions are tables whose cells are escaped so no
//! text can break them.

use std::fmt::Write;

use crate::doc::{
    ActionKind, ActionStatus, Document, Marker, Numbers, Priority, Section, SectionKind, format_duration,
};

use super::show_time;

pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    let title = if doc.title.trim().is_empty() { "Untitled incident" } else { doc.title.trim() };
    let _ = writeln!(out, "# {}\n", inline(title));
    metadata(doc, &mut out);
    numbers(doc, &mut out);
    for section in &doc.sections {
        if !doc.is_written(section) && !section.required {
            continue;
        }
        let _ = writeln!(out, "## {}\n", inline(&section.title));
        if !doc.is_written(section) {
            out.push_str("_Not written yet._\n\n");
            continue;
        }
        body(doc, section, &mut out);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn metadata(doc: &Document, out: &mut String) {
    let zone = doc.zone();
    let mut rows: Vec<(&str, String)> = vec![("Status", doc.status.as_str().to_string())];
    if let Some(s) = &doc.severity {
        rows.push(("Severity", s.clone()));
    }
    let t = &doc.times;
    for (label, moment) in
        [("Started", &t.started), ("Detected", &t.detected), ("Mitigated", &t.mitigated), ("Resolved", &t.resolved)]
    {
        if let Some(m) = moment {
            rows.push((label, show_time(m, &zone)));
        }
    }
    for (label, list) in [("Authors", &doc.authors), ("Services", &doc.services), ("Tags", &doc.tags)] {
        if !list.is_empty() {
            rows.push((label, list.join(", ")));
        }
    }
    rows.push(("Template", format!("{} (version {})", doc.template.name, doc.template.version)));
    table(out, &["Field", "Value"], rows.into_iter().map(|(k, v)| vec![k.to_string(), v]));
}

fn numbers(doc: &Document, out: &mut String) {
    let n = Numbers::of(doc);
    let rows: Vec<Vec<String>> =
        n.labelled().iter().filter_map(|(label, d)| d.map(|d| vec![label.to_string(), format_duration(d)])).collect();
    if rows.is_empty() {
        return;
    }
    out.push_str("## Incident numbers\n\n");
    table(out, &["Measure", "Duration"], rows.into_iter());
}

fn body(doc: &Document, section: &Section, out: &mut String) {
    let zone = doc.zone();
    match section.kind {
        SectionKind::Text => {
            out.push_str(section.text.trim_end());
            out.push_str("\n\n");
        }
        SectionKind::Fields => {
            let rows = section
                .fields
                .iter()
                .filter(|f| !f.value.trim().is_empty())
                .map(|f| vec![f.label.clone(), f.value.clone()]);
            table(out, &["Question", "Answer"], rows);
        }
        SectionKind::Timeline => {
            let rows = doc.timeline.iter().map(|e| {
                vec![
                    show_time(&e.time, &zone),
                    e.event.clone(),
                    e.evidence.clone().unwrap_or_default(),
                    e.marker.map(Marker::as_str).unwrap_or_default().to_string(),
                ]
            });
            table(out, &["Time", "Event", "Evidence", "Marks"], rows);
        }
        SectionKind::Factors => {
            let rows = doc.factors.iter().map(|f| vec![f.description.clone(), f.category.clone().unwrap_or_default()]);
            table(out, &["Contributing factor", "Category"], rows);
        }
        SectionKind::Actions => {
            let rows = doc.actions.iter().map(|a| {
                vec![
                    a.title.clone(),
                    a.owner.clone().unwrap_or_default(),
                    a.due.clone().unwrap_or_default(),
                    a.priority.map(Priority::as_str).unwrap_or_default().to_string(),
                    a.kind.map(ActionKind::as_str).unwrap_or_default().to_string(),
                    status(a.status).to_string(),
                    a.ticket.clone().unwrap_or_default(),
                ]
            });
            table(out, &["Action", "Owner", "Due", "Priority", "Kind", "Status", "Ticket"], rows);
        }
    }
}

fn table(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A table cell that cannot break its table: pipes and backslashes escaped, line breaks as
/// `<br>`, and `<` `>` `&` as entities so typed HTML shows as text.
pub(crate) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.trim().lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for ch in line.trim_end_matches('\r').chars() {
            match ch {
                '|' => out.push_str("\\|"),
                '\\' => out.push_str("\\\\"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// A title on one line: line breaks become spaces.
fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::InProgress => "in progress",
        ActionStatus::WontDo => "won't do",
        other => other.as_str(),
    }
}
