//! The confirmation of a paste into the timeline: the settings for all rows, and every row,
//! scrolled to fit.

use ratatui::text::{Line, Span};

use super::{bold, dim};
use crate::tui::app::App;
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
    let fit = usize::from(height.saturating_sub(reserved + lines.len() as u16 + 1)).max(1);
    let event_w = usize::from(width).saturating_sub(22).max(10);
    let end = (form.scroll + fit).min(count);
    for row in &form.rows[form.scroll.min(end)..end] {
        let when = crate::export::show_time(&row.time, &zone);
        let mut event: String = row.event.chars().take(event_w).collect();
        if row.event.chars().count() > event_w {
            event.pop();
            event.push('…');
        }
        lines.push(Line::raw(format!("  {when:<16}  {event}")));
    }
    if count > fit {
        lines.push(Line::styled(
            format!("  rows {}–{end} of {count}, in the document's zone ({zone})", form.scroll + 1),
            dim(),
        ));
    } else {
        lines.push(Line::styled(format!("  times in the document's zone ({zone})"), dim()));
    }
    lines
}
