//! Drawn over the screen: the help (every key, from the keymap) and dialogs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{bold, dim};
use crate::tui::app::{App, Dialog};
use crate::tui::keymap;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

pub fn help(frame: &mut Frame, area: Rect, scroll: u16) {
    let r = centered(area, area.width.saturating_sub(2).clamp(20, 100), area.height.saturating_sub(2).max(5));
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Keys — F1 or ? opens this; any key closes it, ↑↓ scroll ", bold()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let groups = keymap::help_groups();
    let key_w = groups.iter().flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.chars().count())).max().unwrap_or(10) + 2;
    let mut lines: Vec<Line> = Vec::new();
    for (scope, rows) in groups {
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(scope.title(), bold()));
        for (keys, help) in rows {
            lines.push(Line::from(vec![Span::raw(format!("  {keys:<key_w$}")), Span::raw(help)]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Mouse: click a section in the list to open it. Typing a character writes it.", dim()));
    let max = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll.min(max), 0)), inner);
}

/// The whole document as it will export, over the editor.
pub fn preview(frame: &mut Frame, area: Rect, editor: &crate::tui::editor::Editor, scroll: u16) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Preview, as it will export — ↑↓ PgUp PgDn scroll, Esc closes ", bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let lines = super::preview::render(&crate::export::to_markdown(&editor.doc), inner.width);
    let max = (lines.len() as u16).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll.min(max), 0)), inner);
}

pub fn dialog(frame: &mut Frame, area: Rect, dialog: &Dialog, app: &App) {
    let path = app.editor().map(|e| e.shown.clone()).unwrap_or_default();
    let (title, mut lines) = match dialog {
        Dialog::QuitUnsaved => (" Unsaved changes ", vec![Line::raw("Some changes are not saved yet.")]),
        Dialog::Conflict => (
            " The file changed on disk ",
            vec![
                Line::raw(format!("{path} was changed by someone else since it was opened (a git pull, a teammate).")),
                Line::raw("Nothing has been overwritten. What now?"),
            ],
        ),
        Dialog::Recover { copy, summary } => {
            let mut lines = vec![
                Line::raw("blameless did not close cleanly last time. A recovery copy differs from the file:"),
                Line::raw(""),
            ];
            lines.extend(summary.iter().map(|s| Line::raw(format!("  • {s}"))));
            lines.push(Line::raw(""));
            lines.push(Line::styled(format!("Copy: {}", copy.display()), dim()));
            (" Recover unsaved work? ", lines)
        }
        Dialog::Locked { holder } => (
            " Already open ",
            vec![
                Line::raw(format!("{path} is open in another blameless:")),
                Line::raw(format!("  {} (process {}) since {}", holder.name, holder.pid, holder.since)),
                Line::raw(""),
                Line::raw("Editing in both works, but each save tells the other one the file changed."),
            ],
        ),
        Dialog::PasteRows { count } => {
            let mut lines = vec![
                Line::raw(format!("The paste has {count} lines that start with a time. Add them to the timeline?")),
                Line::raw(""),
            ];
            if let Some(e) = app.editor()
                && let crate::tui::editor::Page::Section(i) = e.page
                && let Some(t) = e.tables.get(&i)
            {
                let zone = e.doc.zone();
                for row in t.pending.iter().take(8) {
                    let when = crate::export::show_time(&row.time, &zone);
                    let event: String = row.event.chars().take(50).collect();
                    lines.push(Line::raw(format!("  {when}  {event}")));
                }
                if t.pending.len() > 8 {
                    lines.push(Line::styled(format!("  … and {} more", t.pending.len() - 8), dim()));
                }
            }
            (" Add pasted lines to the timeline? ", lines)
        }
        Dialog::Dismiss { finding, reason } => (
            " Dismiss this finding ",
            vec![
                Line::raw(format!("{}: \"{}\"", finding.rule, finding.text)),
                Line::styled(finding.message.clone(), dim()),
                Line::raw(""),
                Line::raw("Why is this wording fine here? (optional; kept in the document with your name)"),
                Line::from(vec![Span::styled(format!("> {reason}"), bold()), Span::styled("█", dim())]),
                Line::raw(""),
                Line::styled("Enter dismisses it, Esc keeps it.", dim()),
            ],
        ),
    };
    lines.push(Line::raw(""));
    for (key, what) in dialog.choices() {
        lines.push(Line::from(vec![Span::styled(format!("  {key}  "), bold()), Span::raw(*what)]));
    }
    let height = lines.len() as u16 + 4;
    let r = centered(area, 72, height);
    frame.render_widget(Clear, r);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, bold()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
