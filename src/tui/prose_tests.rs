use super::*;
use crate::tui::window::WINDOW;

fn long(n: usize) -> String {
    (0..n).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n")
}

#[test]
fn short_text_is_one_window() {
    let p = Prose::new("a\nb");
    assert!(p.is_whole());
    assert_eq!(p.text(), "a\nb");
}

#[test]
fn long_text_keeps_a_window_and_all_its_lines() {
    let text = long(5_000);
    let mut p = Prose::new(&text);
    assert!(!p.is_whole());
    assert_eq!(p.area.lines().len(), WINDOW);
    assert_eq!(p.text(), text);
    // Walk down past the window: it follows the cursor and the text stays whole.
    for _ in 0..2_000 {
        p.area.move_cursor(CursorMove::Down);
        p.keep_window();
    }
    assert_eq!(p.cursor().0, 2_000);
    assert_eq!(p.area.lines()[p.area.cursor().0], "line 2000");
    p.area.insert_str("x");
    assert!(p.text().contains("\nxline 2000\n"));
    assert_eq!(p.text().lines().count(), 5_000);
}

#[test]
fn a_long_paste_is_windowed_after_it_lands() {
    let mut p = Prose::new("start");
    p.area.move_cursor(CursorMove::End);
    p.area.insert_str(long(3_000));
    p.keep_window();
    assert!(p.area.lines().len() <= WINDOW);
    assert!(p.text().starts_with("startline 0\nline 1\n"));
    assert_eq!(p.cursor().0, 2_999, "the cursor stays at the end of the paste");
}

/// Pages of ten rows over a hundred short lines: the cursor moves a page with the text,
/// the last page is full, and past the ends the cursor goes to the first or last line.
#[test]
fn paging_moves_a_page_and_stops_at_the_ends() {
    let mut p = Prose::new(&long(100));
    let rect = Rect::new(0, 0, 20, 10);
    let mut buf = ratatui::buffer::Buffer::empty(rect);
    // The widget learns its width when drawn.
    ratatui::widgets::Widget::render(&p.area, rect, &mut buf);
    p.view = Some(View { rect, top: 0 });
    p.area.move_cursor(CursorMove::Jump(3, 2));
    p.page(true);
    assert_eq!((p.top(), p.cursor()), (10, (13, 2)));
    for _ in 0..8 {
        p.page(true);
    }
    assert_eq!((p.top(), p.cursor()), (90, (93, 2)), "the last page ends with the last line");
    p.page(true);
    assert_eq!((p.top(), p.cursor()), (90, (99, 2)), "at the end, the cursor goes to the last line");
    p.page(false);
    assert_eq!((p.top(), p.cursor()), (80, (89, 2)));
    for _ in 0..8 {
        p.page(false);
    }
    assert_eq!(p.top(), 0);
    p.page(false);
    assert_eq!((p.top(), p.cursor()), (0, (0, 2)), "at the start, the cursor goes to the first line");
    // A selection being made follows the cursor.
    p.area.start_selection();
    p.page(true);
    assert_eq!(p.area.selection_range(), Some(((0, 2), (10, 2))));
}

#[test]
fn a_replacement_is_one_edit_for_undo_and_redo() {
    let before = "Dave forgot the check.  Then it broke.";
    let after = "The check did not run. Then it broke.";
    let mut p = Prose::new(before);
    assert!(p.replace_with(after));
    assert_eq!(p.text(), after);
    assert!(p.undo(false));
    assert_eq!(p.text(), before);
    assert!(p.undo(true));
    assert_eq!(p.text(), after);
    assert!(p.undo(false));
    assert_eq!(p.text(), before);
    assert_eq!(difference("aXb", "aYYb"), (1..2, "YY"));
    assert_eq!(difference("aa", "aaa"), (2..2, "a"));
    assert_eq!(difference("é.", "è."), (0..2, "è"));
}

#[test]
fn unwindow_shows_everything() {
    let text = long(2_000);
    let mut p = Prose::new(&text);
    p.unwindow();
    assert!(p.is_whole());
    assert_eq!(p.area.lines().len(), 2_000);
}

#[test]
fn the_cursor_byte_is_its_place_in_the_whole_text_wherever_the_window_is() {
    let text = (0..3_000).map(|i| format!("l{i} é{}", "x".repeat(i % 7))).collect::<Vec<_>>().join("\n");
    let mut p = Prose::new(&text);
    for (line, col) in [(0, 0), (5, 3), (1_500, 4), (2_999, 2), (2_999, 99), (200, 1)] {
        p.jump(line, col);
        let (l, c) = p.cursor();
        assert_eq!(p.cursor_byte(), crate::tui::findings::byte_offset(&p.text(), l, c), "at {line}:{col}");
    }
    p.to_edge(true);
    assert_eq!(p.cursor_byte(), text.len());
    p.area.insert_str("é\nz");
    p.keep_window();
    assert_eq!(p.cursor_byte(), p.text().len());
    p.to_edge(false);
    assert_eq!((p.cursor(), p.cursor_byte()), ((0, 0), 0));
}
