//! Drawn over the screen: the help (every key, from the keymap) and dialogs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{bold, dim};
use crate::tui::action::{Action, ScrollOp};
use crate::tui::app::{App, Dialog};
use crate::tui::keymap::{self, Scope};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

pub fn help(frame: &mut Frame, area: Rect, scroll: u16) {
    let r = centered(area, area.width.saturating_sub(2).clamp(20, 100), area.height.saturating_sub(2).max(5));
    frame.render_widget(Clear, r);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(
            " Keys — {} closes, {}{} scroll ",
            keymap::key_for(Scope::Help, &Action::Close),
            keymap::key_for(Scope::Help, &Action::Scroll(ScrollOp::Up)),
            keymap::key_for(Scope::Help, &Action::Scroll(ScrollOp::Down)),
        ),
        bold(),
    ));
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
pub fn preview(frame: &mut Frame, area: Rect, lines: &[Line<'static>], scroll: u16) {
    // The footer's row stays: it shows the keys of whatever is on top.
    let area = Rect { height: area.height.saturating_sub(1), ..area };
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(
            " Preview, as it will export — {}{} {} {} scroll, {} closes ",
            keymap::key_for(Scope::Preview, &Action::Scroll(ScrollOp::Up)),
            keymap::key_for(Scope::Preview, &Action::Scroll(ScrollOp::Down)),
            keymap::key_for(Scope::Preview, &Action::Scroll(ScrollOp::PageUp)),
            keymap::key_for(Scope::Preview, &Action::Scroll(ScrollOp::PageDown)),
            keymap::key_for(Scope::Preview, &Action::Close),
        ),
        bold(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let max = (lines.len() as u16).saturating_sub(inner.height);
    let lines = lines.to_vec();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll.min(max), 0)), inner);
}

pub fn dialog(frame: &mut Frame, area: Rect, dialog: &Dialog, app: &App) {
    let path = app.editor().map(|e| e.shown.clone()).unwrap_or_default();
    let (title, lines) = match dialog {
        Dialog::QuitUnsaved => (" Unsaved changes ", vec![Line::raw("Some changes are not saved yet.")]),
        Dialog::Conflict => (
            " The file changed on disk ",
            vec![
                Line::raw(format!("{path} was changed by someone else since it was opened (a git pull, a teammate).")),
                Line::raw("Nothing has been overwritten. What now?"),
            ],
        ),
        Dialog::Recover { copy, summary, rest } => {
            let mut lines = vec![
                Line::raw("blameless did not close cleanly last time. A recovery copy differs from the file:"),
                Line::raw(""),
            ];
            lines.extend(summary.iter().map(|s| Line::raw(format!("  • {s}"))));
            lines.push(Line::raw(""));
            lines.push(Line::styled(format!("Copy: {}", copy.path.display()), dim()));
            if !rest.is_empty() {
                lines.push(Line::styled(
                    format!("{} more copies of this file are offered after this one.", rest.len()),
                    dim(),
                ));
            }
            (" Recover unsaved work? ", lines)
        }
        Dialog::DiscardCopy { copy, summary, .. } => {
            let mut lines =
                vec![Line::raw("Delete this recovery copy for good? What it holds is then lost:"), Line::raw("")];
            lines.extend(summary.iter().map(|s| Line::raw(format!("  • {s}"))));
            lines.push(Line::raw(""));
            lines.push(Line::styled(format!("Copy: {}", copy.path.display()), dim()));
            (" Discard the recovery copy? ", lines)
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
        Dialog::PasteRows(form) => {
            let choices_h = keymap::choices(Scope::PasteRows).len() as u16;
            (" Add pasted lines to the timeline? ", super::paste::lines(app, form, area.height, choices_h + 3, 68))
        }
        Dialog::ReplaceExport { target, .. } => (
            " Replace a file? ",
            vec![
                Line::raw(format!(
                    "{} is already there, and blameless did not write it (it is not an earlier export).",
                    app.context().shown(target)
                )),
                Line::raw("Replacing it loses what it holds. Replace it with the Markdown export?"),
            ],
        ),
        Dialog::Dismiss { finding, reason } => (
            " Dismiss this finding ",
            vec![
                Line::raw(format!("{}: \"{}\"", finding.rule, finding.text)),
                Line::styled(finding.message.clone(), dim()),
                Line::raw(""),
                Line::raw("Why is this wording fine here? (optional; kept in the document with your name)"),
                Line::from(vec![Span::styled(format!("> {reason}"), bold()), Span::styled("█", dim())]),
            ],
        ),
    };
    let choices: Vec<Line> = keymap::choices(dialog.scope())
        .into_iter()
        .map(|(key, what)| Line::from(vec![Span::styled(format!("  {key:<5} "), bold()), Span::raw(what)]))
        .collect();
    // Sized to the wrapped text; the choices always show, under as much of the text as fits.
    let width = 72.min(area.width);
    let text_w = width.saturating_sub(4);
    let body_h: u16 = lines.iter().map(|l| super::wrapped_rows(l, text_w)).sum();
    let choices_h: u16 = choices.iter().map(|l| super::wrapped_rows(l, text_w)).sum();
    let r = centered(area, width, body_h + choices_h + 3);
    frame.render_widget(Clear, r);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, bold()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let choices_h = choices_h.min(inner.height);
    let body = Rect { height: inner.height - choices_h, ..inner };
    let below = Rect { y: inner.y + body.height, height: choices_h, ..inner };
    if body_h > body.height && body.height > 0 {
        // Cut: the last row that shows says so.
        let keep = body.height.saturating_sub(1);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), Rect { height: keep, ..body });
        let more = Rect { y: body.y + keep, height: 1, ..body };
        frame.render_widget(Paragraph::new(Line::styled("  …", dim())), more);
    } else {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    }
    frame.render_widget(Paragraph::new(choices).wrap(Wrap { trim: false }), below);
}
