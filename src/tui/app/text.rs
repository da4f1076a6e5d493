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
            T::Undo => undo_word(area),
            T::Redo => redo_word(area),
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

/// Undoes the last edit; a word typed letter by letter is one step (the widget keeps one step
/// per key). Returns whether the text changed.
fn undo_word(area: &mut TextArea<'static>) -> bool {
    by_word(area, false, |a, redo| if redo { a.redo() } else { a.undo() }, |a| a)
}

fn redo_word(area: &mut TextArea<'static>) -> bool {
    by_word(area, true, |a, redo| if redo { a.redo() } else { a.undo() }, |a| a)
}

/// Undoes (or with `redo`, redoes) an edit of `target` with `step`, then goes on while each
/// step is one more letter of the same typed word; the step that is not is taken back. `area`
/// gives the target's text widget, to compare the cursor and its line before and after.
pub(super) fn by_word<T>(
    target: &mut T,
    redo: bool,
    step: impl Fn(&mut T, bool) -> bool,
    area: impl Fn(&T) -> &TextArea<'static>,
) -> bool {
    if !step(target, redo) {
        return false;
    }
    let state = |t: &T| {
        let a = area(t);
        let ratatui_textarea::DataCursor(row, col) = a.cursor();
        (row, col, a.lines().get(row).cloned().unwrap_or_default(), a.lines().len())
    };
    loop {
        let before = state(target);
        if !step(target, redo) {
            return true;
        }
        let after = state(target);
        let one_letter = before.0 == after.0
            && before.3 == after.3
            && if redo {
                before.1 + 1 == after.1 && typed_letter(&before.2, &after.2, before.1)
            } else {
                after.1 + 1 == before.1 && typed_letter(&after.2, &before.2, after.1)
            };
        if !one_letter {
            step(target, !redo);
            return true;
        }
    }
}

/// Whether `long` is `short` with one letter (not a space or punctuation) added at char `at`.
fn typed_letter(short: &str, long: &str, at: usize) -> bool {
    let Some(c) = long.chars().nth(at) else { return false };
    c.is_alphanumeric() && long.chars().count() == short.chars().count() + 1 && {
        let mut without: String = long.chars().take(at).collect();
        without.extend(long.chars().skip(at + 1));
        without == short
    }
}
