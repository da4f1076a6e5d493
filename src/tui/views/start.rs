//! The start screen: the team's postmortems, their follow-up actions, and the templates to
//! start a new one from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::chrome::fit;
use super::{bold, colored, dim, selected};
use crate::library::Entry;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Scope, key_for};
use crate::tui::start::{List, Start};

pub fn render(frame: &mut Frame, area: Rect, start: &Start, app: &App, memo: &mut super::cache::Memo) {
    let title =
        Line::from(vec![Span::styled(" blameless ", bold()), Span::raw("│ blameless postmortems, written as a team")]);
    frame.render_widget(Paragraph::new(title), Rect::new(area.x, area.y, area.width, 1));
    let body = Rect::new(area.x, area.y + 1, area.width, area.height.saturating_sub(3));
    let tabs = [
        (List::Postmortems, "Postmortems"),
        (List::Actions, "Follow-up actions"),
        (List::Templates, "New from a template"),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (list, name) in tabs {
        let style = if list == start.list { selected() } else { dim() };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    let count = format!(
        " {} of {} in {}/{}",
        start.shown_len(),
        start.entries().len(),
        start.folder.display(),
        if start.is_loading() {
            " · loading…"
        } else if start.is_searching() {
            " · searching…"
        } else {
            ""
        }
    );
    spans.push(Span::styled(count, dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), Rect { height: 1, ..body });
    let filter = if start.query().is_empty() {
        Line::styled(
            format!(
                " Type to filter (title, tag, text) · {} order: {} · {} switches",
                key_for(Scope::Start, &Action::CycleOrder),
                start.order.name(),
                key_for(Scope::Start, &Action::SwitchList)
            ),
            dim(),
        )
    } else {
        Line::from(vec![
            Span::raw(" Filter: "),
            Span::styled(start.query().to_string(), bold()),
            Span::styled(
                format!("  ({} clears) · order: {}", key_for(Scope::Start, &Action::Back), start.order.name()),
                dim(),
            ),
        ])
    };
    frame.render_widget(Paragraph::new(filter), Rect { y: body.y + 1, height: 1, ..body });
    let list = Rect { y: body.y + 3, height: body.height.saturating_sub(3), ..body };
    let block = Block::default().borders(Borders::TOP);
    frame.render_widget(block, Rect { y: body.y + 2, height: 1, ..body });
    let lines = match start.list {
        List::Postmortems => postmortems(start, list),
        List::Actions => actions(start, list),
        List::Templates => templates(start, list),
    };
    frame.render_widget(Paragraph::new(lines), list);
    let status = Rect::new(area.x, area.y + area.height.saturating_sub(2), area.width, 1);
    if let Some(m) = app.message() {
        frame.render_widget(Paragraph::new(Span::styled(format!(" {m}"), bold())), status);
    }
    let footer = Rect::new(area.x, area.y + area.height.saturating_sub(1), area.width, 1);
    super::chrome::footer(frame, footer, app, memo);
}

/// The first row shown, so the selection is always on screen.
fn skip(start: &Start, rows: usize) -> usize {
    start.selected.saturating_sub(rows.saturating_sub(1))
}

fn postmortems(start: &Start, r: Rect) -> Vec<Line<'static>> {
    if start.shown_len() == 0 {
        let why = if start.entries().is_empty() && !start.is_loading() {
            " None yet. Switch to the templates and open one to start."
        } else if start.is_loading() {
            " Loading…"
        } else {
            " Nothing matches the filter."
        };
        return vec![Line::styled(why, dim())];
    }
    let width = r.width as usize;
    let first = skip(start, r.height as usize);
    start
        .shown_rows(first, r.height as usize)
        .enumerate()
        .map(|(n, e)| (n + first, e))
        .map(|(n, e)| {
            let date = e.date().map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            let text = match e {
                Entry::Postmortem(s) => format!(
                    " {date:<10}  {:<5} {:<9} {:>2}/{:<2}  {}",
                    s.severity.as_deref().unwrap_or("—"),
                    s.status.as_str(),
                    s.sections_written,
                    s.sections_total,
                    s.title
                ),
                Entry::Broken { .. } => {
                    // Paths relative to the library folder, as the user thinks of them.
                    let why = e.error_line().unwrap_or_default().replace(&format!("{}/", start.root.display()), "");
                    format!(" {date:<10}  cannot be read: {why}")
                }
            };
            let style = if n == start.selected && start.list == List::Postmortems {
                selected()
            } else if matches!(e, Entry::Broken { .. }) {
                colored(Color::Red)
            } else {
                Style::default()
            };
            Line::styled(fit(&text, width), style)
        })
        .collect()
}

fn actions(start: &Start, r: Rect) -> Vec<Line<'static>> {
    let first = skip(start, r.height as usize);
    let items: Vec<_> = start.action_rows(first, r.height as usize).collect();
    if items.is_empty() {
        return vec![Line::styled(" No follow-up actions in these postmortems.", dim())];
    }
    let width = r.width as usize;
    items
        .iter()
        .enumerate()
        .map(|(n, item)| (n + first, item))
        .map(|(n, item)| {
            let a = item.action;
            let due = a.due.clone().unwrap_or_else(|| "no due date".into());
            let owner = a.owner.clone().unwrap_or_else(|| "no owner".into());
            let flag = if item.overdue { "OVERDUE" } else { a.status.as_str() };
            let text = format!(" {flag:<11} {due:<11} {} — {owner} ({})", a.title, item.doc.title);
            let style = if n == start.selected {
                selected()
            } else if item.overdue {
                colored(Color::Red)
            } else if !a.is_open() {
                dim()
            } else {
                Style::default()
            };
            Line::styled(fit(&text, width), style)
        })
        .collect()
}

fn templates(start: &Start, r: Rect) -> Vec<Line<'static>> {
    let name_w = start.templates.iter().map(|t| t.title.chars().count()).max().unwrap_or(10).min(36);
    start
        .templates
        .iter()
        .enumerate()
        .skip(skip(start, r.height as usize))
        .take(r.height as usize)
        .map(|(n, t)| {
            let title = fit(&t.title, name_w);
            let desc = t.description.split_whitespace().collect::<Vec<_>>().join(" ");
            let style = if n == start.selected { selected() } else { Style::default() };
            Line::from(vec![
                Span::styled(format!(" {title:<name_w$}  "), style),
                Span::styled(fit(&desc, r.width as usize), dim()),
            ])
        })
        .collect()
}
