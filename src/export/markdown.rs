//! Markdown for wikis and repositories: title, metadata table, the numbers, then the sections
//! in template order. Timeline, factors and actions are tables whose cells are escaped so no
//! text can break them; a section's own Markdown is kept, its headings nested below the
//! section's heading.

use std::fmt::Write;

use crate::doc::{
    ActionKind, ActionStatus, Document, Marker, Numbers, Priority, Section, SectionKind, format_duration,
    printable_lines,
};

use super::{Options, front_matter, mermaid, show_time};
use crate::markdown::NOT_WRITTEN;
use crate::markdown::cell::{escape_cell, escape_inline};
use crate::markdown::nest::{close_open_blocks, shift_headings};

/// The level of a section's heading (`##`), and so how far its text's headings move down.
const SECTION_LEVEL: i32 = 2;

/// Markdown with the default options: no front matter, no diagram.
pub fn to_markdown(doc: &Document) -> String {
    to_markdown_with(doc, &Options::default())
}

pub fn to_markdown_with(doc: &Document, options: &Options) -> String {
    let mut out = String::new();
    if options.front_matter {
        out.push_str(&front_matter::block(doc));
    }
    let _ = writeln!(out, "# {}\n", escape_inline(title(doc)));
    metadata(doc, &mut out);
    numbers(doc, options, &mut out);
    for section in &doc.sections {
        let written = doc.is_written(section);
        if !written && !section.required {
            continue;
        }
        let heading = if section.title.trim().is_empty() { &section.id } else { &section.title };
        let _ = writeln!(out, "## {}\n", escape_inline(heading));
        if written {
            body(doc, section, &mut out);
        } else {
            let _ = writeln!(out, "{NOT_WRITTEN}\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    // A control character typed or pasted into the document means nothing on a wiki page and
    // would reach the terminal of whoever prints the file: it is shown as `�`.
    printable_lines(&out)
}

/// The title readers see: the document's, or a placeholder when it has none.
pub(crate) fn title(doc: &Document) -> &str {
    if doc.title.trim().is_empty() { crate::doc::UNTITLED } else { doc.title.trim() }
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
    rows.push(("Time zone", doc.timezone.clone()));
    for (label, list) in [("Authors", &doc.authors), ("Services", &doc.services), ("Tags", &doc.tags)] {
        if !list.is_empty() {
            rows.push((label, list.join(", ")));
        }
    }
    rows.push(("Template", format!("{} (version {})", doc.template.name, doc.template.version)));
    table(out, &["Field", "Value"], rows.into_iter().map(|(k, v)| vec![k.to_string(), v]));
}

fn numbers(doc: &Document, options: &Options, out: &mut String) {
    let n = Numbers::of(doc);
    let rows: Vec<Vec<String>> =
        n.labelled().iter().filter_map(|(label, d)| d.map(|d| vec![label.to_string(), format_duration(d)])).collect();
    let diagram = if options.mermaid { mermaid::phases(doc) } else { None };
    if rows.is_empty() && diagram.is_none() {
        return;
    }
    out.push_str("## Incident numbers\n\n");
    if !rows.is_empty() {
        table(out, &["Measure", "Duration"], rows.into_iter());
    }
    if let Some(diagram) = diagram {
        out.push_str(&diagram);
        out.push('\n');
    }
}

fn body(doc: &Document, section: &Section, out: &mut String) {
    let zone = doc.zone();
    match section.kind {
        SectionKind::Text => {
            let text = close_open_blocks(section.text.trim_end());
            out.push_str(shift_headings(&text, SECTION_LEVEL).trim_end());
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
        let cells: Vec<String> = row.iter().map(|c| escape_cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// An action's status as written in the export ("in progress", "won't do").
pub(crate) fn status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::InProgress => "in progress",
        ActionStatus::WontDo => "won't do",
        other => other.as_str(),
    }
}
