//! The styles of the app, for the views and for the widgets the models own (a text field's
//! selection): one place, so models need not ask the views.

use ratatui::style::{Color, Modifier, Style};

/// Colour only when the user has not asked for none (NO_COLOR, https://no-color.org).
pub fn colored(color: Color) -> Style {
    if no_color() { Style::default() } else { Style::default().fg(color) }
}

fn no_color() -> bool {
    static NO_COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *NO_COLOR.get_or_init(|| std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

/// Selected text: black on light blue (readable on dark and light terminals), or reversed
/// under NO_COLOR.
pub fn selected_text() -> Style {
    if no_color() {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default().fg(Color::Black).bg(Color::LightBlue)
    }
}

pub fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}
