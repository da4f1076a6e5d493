use super::*;
use crate::tui::prose::{Prose, View};
use ratatui::widgets::Widget;
use ratatui_textarea::CursorMove;

/// A small deterministic generator (no dependency on a seed crate).
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// Up to 40 of the pieces below, on one line or a line each.
    fn text(&mut self) -> String {
        let pieces: Vec<&str> = (0..self.next(40)).map(|_| PIECES[self.next(PIECES.len())]).collect();
        pieces.join(if self.next(3) == 0 { "\n" } else { "" })
    }

    /// An area of 2 to 31 columns and 1 to 12 rows.
    fn rect(&mut self) -> Rect {
        Rect::new(3, 2, 2 + self.next(30) as u16, 1 + self.next(12) as u16)
    }
}

const PIECES: &[&str] = &[
    "a",
    "b",
    " ",
    "the ",
    "deploy ",
    "x",
    "é",
    "e\u{301}",
    "日本",
    "語",
    "\t",
    "🔥",
    "👍🏽",
    "\u{1b}[31m",
    "\u{7}",
    "\u{200b}",
    "ﾞ",
    "word-wrap ",
    "          ",
    "longwordwithoutanyspacesatall",
    "\r",
];

/// Every frame of a random editing session looks the same drawn by the widget and by the
/// view: wrapping, tabs, wide and zero-width characters, control characters, the cursor
/// at the end of a full row, selections over several rows, paging, resizes.
#[test]
fn the_view_draws_what_the_widget_draws() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..120 {
        let text = rng.text();
        let mut ours = Prose::new(&text);
        let mut theirs = Prose::new(&text);
        let mut rect = rng.rect();
        for step in 0..60 {
            match rng.next(14) {
                0 | 1 => {
                    let piece = PIECES[rng.next(PIECES.len())];
                    ours.area.insert_str(piece);
                    theirs.area.insert_str(piece);
                }
                2 => {
                    ours.area.insert_newline();
                    theirs.area.insert_newline();
                }
                3 => {
                    ours.area.delete_char();
                    theirs.area.delete_char();
                }
                4 => {
                    let m = [
                        CursorMove::Up,
                        CursorMove::Down,
                        CursorMove::Back,
                        CursorMove::Forward,
                        CursorMove::End,
                        CursorMove::Head,
                        CursorMove::Top,
                        CursorMove::Bottom,
                    ][rng.next(8)];
                    ours.area.move_cursor(m);
                    theirs.area.move_cursor(m);
                }
                5 => {
                    for p in [&mut ours, &mut theirs] {
                        if p.area.is_selecting() {
                            p.area.cancel_selection();
                        } else {
                            p.area.start_selection();
                        }
                    }
                }
                6 => {
                    let down = rng.next(2) == 0;
                    ours.page(down);
                    theirs.page(down);
                    // The widget scrolls to the new page as the view does (the cursor is
                    // on it already, so the widget leaves the cursor where it is).
                    let by = i32::from(theirs.top()) - i32::from(theirs.area.scroll_offset().0);
                    theirs.area.scroll((by as i16, 0));
                    assert_eq!(ours.area.cursor(), theirs.area.cursor(), "case {case} step {step}");
                }
                7 if rng.next(4) == 0 => {
                    rect = Rect::new(1, 1, 1 + rng.next(40) as u16, 1 + rng.next(12) as u16);
                }
                _ => {
                    let m = [CursorMove::Down, CursorMove::Forward, CursorMove::WordForward][rng.next(3)];
                    ours.area.move_cursor(m);
                    theirs.area.move_cursor(m);
                }
            }
            let screen = Rect::new(0, 0, 50, 16);
            let mut want = Buffer::empty(screen);
            theirs.area.render(rect, &mut want);
            // The widget keeps its own top row; keep the other prose's view in step with it.
            theirs.view = Some(View { rect, top: theirs.area.scroll_offset().0 });
            let mut got = Buffer::empty(screen);
            ours.follow(rect);
            render(&ours, rect, &mut got, Over::Other, &mut Memo::off());
            assert_eq!(
                got,
                want,
                "case {case} step {step}, {rect:?}, text {:?}, cursor {:?}",
                ours.area.lines(),
                ours.area.cursor()
            );
            assert_eq!(ours.top(), theirs.top());
        }
    }
}

/// Each cell of a row shows the char the widget says it shows (`screen_to_data`), as the
/// findings' underlines find them: wrapping, tabs, wide, zero-width and control characters.
#[test]
fn the_chars_of_a_rows_cells_are_the_widgets() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for case in 0..200 {
        let text = rng.text();
        let mut prose = Prose::new(&text);
        let rect = rng.rect();
        prose.follow(rect);
        for row in 0..40 {
            let w = prose.wrapped(row);
            let ours: Vec<usize> = chars_of_cells(&prose, &w, rect.width).collect();
            let theirs: Vec<usize> = (0..usize::from(rect.width))
                .map(|dx| {
                    let DataCursor(line, col) = prose.area.screen_to_data(row, dx);
                    assert_eq!(line, w.line, "case {case}, row {row}");
                    col
                })
                .collect();
            assert_eq!(ours, theirs, "case {case}, row {row}: {text:?}");
        }
    }
}
