//! The text widget (ratatui-textarea, vendor/ratatui-textarea) keeps each line's wrapped rows
//! and wraps again only the lines an edit changed. After any edits, its screen must be the one
//! a widget made afresh from the same lines shows: the same rows, the same place for every
//! column of them, the same cursor, the same cells drawn.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

#[derive(Debug, Clone)]
enum Op {
    Type(String),
    Newline,
    Backspace,
    Delete,
    DeleteWord,
    DeleteNextWord,
    DeleteToEnd,
    DeleteToHead,
    Undo,
    Redo,
    Jump(u16, u16),
    CutTo(u16, u16),
    Paste,
    Width(u16),
    Tab(u8),
    Mask(bool),
    Mode(u8),
    LineNumbers(bool),
}

/// Pieces of text that wrap in every way: words, long words, spaces, tabs, wide and
/// zero-width characters, combining marks, an emoji sequence, control characters, breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("word ".to_string()),
        Just("a".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("supercalifragilistic".to_string()),
        Just("日本語の文".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{200b}".to_string()),
        Just("👩\u{200d}💻".to_string()),
        Just("\u{7}".to_string()),
        Just("-".to_string()),
        Just("\n".to_string()),
        "[a-z ]{1,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..8).prop_map(|p| p.concat())
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => text().prop_map(Op::Type),
        2 => Just(Op::Newline),
        2 => Just(Op::Backspace),
        1 => Just(Op::Delete),
        1 => Just(Op::DeleteWord),
        1 => Just(Op::DeleteNextWord),
        1 => Just(Op::DeleteToEnd),
        1 => Just(Op::DeleteToHead),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        2 => (0..12u16, 0..40u16).prop_map(|(r, c)| Op::Jump(r, c)),
        1 => (0..12u16, 0..40u16).prop_map(|(r, c)| Op::CutTo(r, c)),
        1 => Just(Op::Paste),
        1 => (1..30u16).prop_map(Op::Width),
        1 => (0..9u8).prop_map(Op::Tab),
        1 => any::<bool>().prop_map(Op::Mask),
        1 => (0..4u8).prop_map(Op::Mode),
        1 => any::<bool>().prop_map(Op::LineNumbers),
    ]
}

fn mode(n: u8) -> WrapMode {
    [WrapMode::WordOrGlyph, WrapMode::Word, WrapMode::Glyph, WrapMode::None][usize::from(n % 4)]
}

/// The settings that decide the rows, as `edited` has them.
#[derive(Clone, Copy)]
struct Settings {
    width: u16,
    tab: u8,
    mask: bool,
    mode: u8,
    numbers: bool,
}

fn apply(area: &mut TextArea<'static>, s: Settings) {
    area.set_tab_length(s.tab);
    if s.mask {
        area.set_mask_char('•');
    } else {
        area.clear_mask_char();
    }
    area.set_wrap_mode(mode(s.mode));
    if s.numbers {
        area.set_line_number_style(Style::default());
    } else {
        area.remove_line_number();
    }
    // Selections are not what is compared.
    area.set_selection_style(Style::default());
}

const HEIGHT: u16 = 200;

fn draw(area: &TextArea<'static>, width: u16) -> Buffer {
    let rect = Rect::new(0, 0, width, HEIGHT);
    let mut buf = Buffer::empty(rect);
    area.render(rect, &mut buf);
    buf
}

/// Everything the screen map answers, for rows `0..rows`.
fn screen(area: &TextArea<'static>, width: u16) -> Vec<(usize, usize, usize, usize)> {
    let mut seen = Vec::new();
    for row in 0..usize::from(HEIGHT) {
        for col in [0, 2, usize::from(width), 1_000] {
            let d = area.screen_to_data(row, col);
            seen.push((row, col, d.0, d.1));
        }
    }
    seen
}

fn same_as_fresh(edited: &TextArea<'static>, s: Settings) -> Result<(), TestCaseError> {
    let mut fresh = TextArea::new(edited.lines().to_vec());
    apply(&mut fresh, s);
    let at = edited.cursor();
    fresh.move_cursor(CursorMove::Jump(
        u16::try_from(at.0).unwrap_or(u16::MAX),
        u16::try_from(at.1).unwrap_or(u16::MAX),
    ));
    // Drawn first: the widget learns its width when drawn.
    let fresh_cells = draw(&fresh, s.width);
    let edited_cells = draw(edited, s.width);
    prop_assert_eq!(screen(edited, s.width), screen(&fresh, s.width));
    let (a, b) = (edited.screen_cursor(), fresh.screen_cursor());
    prop_assert_eq!((a.row, a.col, a.char), (b.row, b.col, b.char));
    // What is drawn also depends on where the view was scrolled to before (by the cursor's
    // earlier places), which a fresh widget cannot know: compared when both are at the same.
    if edited.scroll_offset() == fresh.scroll_offset() {
        prop_assert_eq!(edited_cells, fresh_cells);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_wrap_cache_shows_what_a_whole_wrap_shows(start in text(), ops in prop::collection::vec(op(), 1..40)) {
        let mut s = Settings { width: 12, tab: 4, mask: false, mode: 0, numbers: false };
        let mut edited = TextArea::new(start.split('\n').map(String::from).collect());
        apply(&mut edited, s);
        draw(&edited, s.width);
        for op in ops {
            match op {
                Op::Type(t) => { edited.insert_str(t); }
                Op::Newline => edited.insert_newline(),
                Op::Backspace => { edited.delete_char(); }
                Op::Delete => { edited.delete_next_char(); }
                Op::DeleteWord => { edited.delete_word(); }
                Op::DeleteNextWord => { edited.delete_next_word(); }
                Op::DeleteToEnd => { edited.delete_line_by_end(); }
                Op::DeleteToHead => { edited.delete_line_by_head(); }
                Op::Undo => { edited.undo(); }
                Op::Redo => { edited.redo(); }
                Op::Jump(r, c) => edited.move_cursor(CursorMove::Jump(r, c)),
                Op::CutTo(r, c) => {
                    edited.start_selection();
                    edited.move_cursor(CursorMove::Jump(r, c));
                    edited.cut();
                }
                Op::Paste => { edited.paste(); }
                Op::Width(w) => s.width = w,
                Op::Tab(t) => { s.tab = t; apply(&mut edited, s); }
                Op::Mask(m) => { s.mask = m; apply(&mut edited, s); }
                Op::Mode(m) => { s.mode = m; apply(&mut edited, s); }
                Op::LineNumbers(n) => { s.numbers = n; apply(&mut edited, s); }
            }
            same_as_fresh(&edited, s)?;
        }
    }
}

/// Thousands of lines, one typed into: the rows of the others are kept, and the screen is
/// still the whole wrap's (the property above with a long text, once).
#[test]
fn a_long_text_typed_into_is_wrapped_as_a_whole() {
    let lines: Vec<String> =
        (0..3_000).map(|i| format!("line {i} of the incident's long notes, wrapped at words 日本 {i}")).collect();
    let mut edited = TextArea::new(lines);
    let s = Settings { width: 23, tab: 4, mask: false, mode: 0, numbers: false };
    apply(&mut edited, s);
    draw(&edited, s.width);
    edited.move_cursor(CursorMove::Jump(1_500, 10));
    for c in "typed into the middle ".chars() {
        edited.insert_char(c);
    }
    edited.insert_newline();
    edited.move_cursor(CursorMove::Jump(0, 0));
    edited.delete_next_word();
    let mut fresh = TextArea::new(edited.lines().to_vec());
    apply(&mut fresh, s);
    draw(&fresh, s.width);
    for row in (0..12_000).step_by(7) {
        assert_eq!(edited.screen_to_data(row, 3), fresh.screen_to_data(row, 3), "row {row}");
    }
}
