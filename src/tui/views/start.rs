//! The start screen: the team's postmortems and the templates to start a new one from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{bold, dim, selected};
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::start::{List, Start};

pub fn render(frame: &mut Frame, area: Rect, start: &Start, app: &App) {
    let title =
        Line::from(vec![Span::styled(" blameless ", bold()), Span::raw("│ blameless postmortems, written as a team")]);
    frame.render_widget(Paragraph::new(title), Rect::new(area.x, area.y, area.width, 1));
    let body_h = area.height.saturating_sub(3);
    let top_h = (body_h / 2).max(3).min(body_h);
    let top = Rect::new(area.x, area.y + 1, area.width, top_h);
    let bottom = Rect::new(area.x, area.y + 1 + top_h, area.width, body_h - top_h);

    let active = start.list == List::Postmortems;
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" Postmortems in {} ", start.folder.display()),
        if active { bold() } else { dim() },
    ));
    let inner = block.inner(top);
    frame.render_widget(block, top);
    let mut lines: Vec<Line> = Vec::new();
    if start.entries.is_empty() {
        lines.push(Line::styled(" None yet. Pick a template below (Tab) and press Enter to start one.", dim()));
    }
    let visible = inner.height as usize;
    let skip = if active { start.selected.saturating_sub(visible.saturating_sub(1)) } else { 0 };
    for (n, e) in start.entries.iter().enumerate().skip(skip).take(visible) {
        let done = if e.error.is_some() { "  —  ".to_string() } else { format!("{:>2}/{:<2}", e.done.0, e.done.1) };
        let mut text = format!(" {:<10}  {:<9}  {done}  {}", e.date, e.status, e.title);
        if let Some(err) = &e.error {
            text.push_str(&format!("  (cannot be read: {err})"));
        }
        let style = if active && n == start.selected { selected() } else { Default::default() };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let active = start.list == List::Templates;
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(" New postmortem from a template ", if active { bold() } else { dim() }));
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    let visible = inner.height as usize;
    let skip = if active { start.selected.saturating_sub(visible.saturating_sub(1)) } else { 0 };
    let name_w = start.templates.iter().map(|t| t.title.chars().count()).max().unwrap_or(10).min(36);
    let lines: Vec<Line> = start
        .templates
        .iter()
        .enumerate()
        .skip(skip)
        .take(visible)
        .map(|(n, t)| {
            let title: String = t.title.chars().take(name_w).collect();
            let desc = t.description.split_whitespace().collect::<Vec<_>>().join(" ");
            let style = if active && n == start.selected { selected() } else { Default::default() };
            Line::from(vec![Span::styled(format!(" {title:<name_w$}  "), style), Span::styled(desc, dim())])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    let status = Rect::new(area.x, area.y + area.height.saturating_sub(2), area.width, 1);
    if let Some(m) = &app.message {
        frame.render_widget(Paragraph::new(Span::styled(format!(" {m}"), bold())), status);
    }
    super::chrome::footer(
        frame,
        Rect::new(area.x, area.y + area.height.saturating_sub(1), area.width, 1),
        Scope::Start,
    );
}
