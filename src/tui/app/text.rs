//! A text action applied to a text widget (a prose section, a field, a table cell).

use ratatui_textarea::{CursorMove, TextArea};

use crate::tui::action::{Action, TextOp};

/// Applies a text action to a widget. Returns whether the text changed.
pub(super) fn edit_text(area: &mut TextArea<'static>, action: &Action) -> bool {
    use TextOp as T;
    let select = |area: &mut TextArea<'static>, m: CursorMove| {
        if !area.is_selecting() {
            area.start_selection();
        }
        area.move_cursor(m);
        false
    };
    let plain = |area: &mut TextArea<'static>, m: CursorMove| {
        area.cancel_selection();
        area.move_cursor(m);
        false
    };
    match action {
        Action::Insert(c) => {
            area.insert_char(*c);
            true
        }
        Action::Paste(text) => area.insert_str(crate::tui::recover::normalize_paste(text)),
        Action::Text(op) => match op {
            T::Newline => {
                area.insert_newline();
                true
            }
            T::Backspace => area.delete_char(),
            T::Delete => area.delete_next_char(),
            T::DeleteWordBack => area.delete_word(),
            T::DeleteToStart => area.delete_line_by_head(),
            T::Left => plain(area, CursorMove::Back),
            T::Right => plain(area, CursorMove::Forward),
            T::Up => plain(area, CursorMove::Up),
            T::Down => plain(area, CursorMove::Down),
            T::WordLeft => plain(area, CursorMove::WordBack),
            T::WordRight => plain(area, CursorMove::WordForward),
            T::LineStart => plain(area, CursorMove::Head),
            T::LineEnd => plain(area, CursorMove::End),
            // The start and the end of the whole text, as in any editor (the widget's Top and
            // Bottom keep the column).
            T::Top => plain(area, CursorMove::Jump(0, 0)),
            T::Bottom => plain(area, CursorMove::Jump(u16::MAX, u16::MAX)),
            T::PageUp => {
                area.scroll(ratatui_textarea::Scrolling::PageUp);
                false
            }
            T::PageDown => {
                area.scroll(ratatui_textarea::Scrolling::PageDown);
                false
            }
            T::SelectLeft => select(area, CursorMove::Back),
            T::SelectRight => select(area, CursorMove::Forward),
            T::SelectUp => select(area, CursorMove::Up),
            T::SelectDown => select(area, CursorMove::Down),
            T::SelectWordLeft => select(area, CursorMove::WordBack),
            T::SelectWordRight => select(area, CursorMove::WordForward),
            T::SelectAll => {
                area.select_all();
                false
            }
            T::Undo => area.undo(),
            T::Redo => area.redo(),
            T::Copy => {
                area.copy();
                false
            }
            T::Cut => area.cut(),
            T::PasteYank => area.paste(),
        },
        _ => false,
    }
}
