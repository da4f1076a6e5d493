//! The confirmation of a paste into the timeline: the settings for all rows, and every row,
//! scrolled to fit.

use ratatui::text::{Line, Span};

use super::{bold, dim};
use crate::tui::action::{Action, ScrollOp};
use crate::tui::app::App;
use crate::tui::keymap::{Scope, key_for};
use crate::tui::table::paste::{PasteForm, SETTINGS};
use crate::tui::theme::selected;

/// The dialog's text for a screen `height` rows high with `reserved` rows taken (borders,
/// choices), `width` columns wide.
pub fn lines(app: &App, form: &PasteForm, height: u16, reserved: u16, width: u16) -> Vec<Line<'static>> {
    let count = form.rows.len();
    let rows = if count == 1 { "1 row".to_string() } else { format!("{count} rows") };
    let mut head = match form.skipped {
        0 => format!("{rows} to add to the timeline."),
        1 => format!("{rows} to add to the timeline; 1 already there is skipped."),
        k => format!("{rows} to add to the timeline; {k} already there are skipped."),
    };
    head.push_str(" Set the day, time zone or evidence for all of them:");
    let mut lines = vec![Line::raw(head), Line::raw("")];
    for (i, (name, value)) in SETTINGS.iter().zip(&form.fields).enumerate() {
        let focused = i == form.focus;
        let label = match focused {
            true => Span::styled(format!("› {name:<10} "), bold()),
            false => Span::styled(format!("  {name:<10} "), dim()),
        };
        let shown = if value.is_empty() && !focused { "—".to_string() } else { value.clone() };
        let mut spans = vec![label];
        match (focused, form.fresh && !value.is_empty()) {
            (true, true) => spans.push(Span::styled(shown, selected())),
            (true, false) => {
                spans.push(Span::styled(shown, bold()));
                spans.push(Span::styled("█", dim()));
            }
            (false, _) => spans.push(Span::raw(shown)),
        }
        lines.push(Line::from(spans));
    }
    match &form.error {
        Some(e) => lines.push(Line::styled(format!("✗ {e}"), bold())),
        None => lines.push(Line::raw("")),
    }
    let zone = app.editor().map(|e| e.doc.zone()).unwrap_or_else(crate::doc::Zone::utc);
    // The rows that fit under the text above (as wrapped) and the line under them (two rows
    // when it has to say how to scroll).
    let used: u16 = lines.iter().map(|l| super::wrapped_rows(l, width)).sum();
    let room = height.saturating_sub(reserved + used);
    let fit = if (count as u16) < room { count } else { usize::from(room.saturating_sub(2)).max(1) };
    let event_w = usize::from(width).saturating_sub(2 + 16 + 2).max(10);
    let end = (form.scroll + fit).min(count);
    for row in &form.rows[form.scroll.min(end)..end] {
        // The time as the table shows it (its zone is said below the rows).
        let when: String = crate::export::show_time(&row.time, &zone).chars().take(16).collect();
        let mut event: String = row.event.chars().take(event_w).collect();
        if row.event.chars().count() > event_w {
            event.pop();
            event.push('…');
        }
        lines.push(Line::raw(format!("  {when:<16}  {event}")));
    }
    if count > fit {
        lines.push(Line::styled(
            format!(
                "  rows {}–{end} of {count} ({} {} for more); times in the document's zone ({zone})",
                form.scroll + 1,
                key_for(Scope::PasteRows, &Action::Scroll(ScrollOp::PageUp)),
                key_for(Scope::PasteRows, &Action::Scroll(ScrollOp::PageDown)),
            ),
            dim(),
        ));
    } else {
        lines.push(Line::styled(format!("  times in the document's zone ({zone})"), dim()));
    }
    lines
}
