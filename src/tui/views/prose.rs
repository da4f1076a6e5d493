//! The text of a prose section, drawn row by row from the text widget's own layout.
//!
//! ratatui-textarea draws through a `Paragraph`: it builds spans for every row, styles every
//! cell of the area twice and measures every grapheme again, which was most of what a
//! keystroke cost. Here the widget still decides everything — where each row wraps (read back
//! with `screen_to_data`), the cursor, the selection, tab stops — and only the drawing is
//! ours: printable ASCII goes to the cells directly, anything else through grapheme
//! segmentation as ratatui does it. The test below holds the two to the same cells.
//!
//! The widget learns its width when it is drawn, and follows the cursor from where it last
//! scrolled to: `update` lays it out for the area it is drawn in and chooses the row on top by
//! the widget's own rule (`Prose::follow`); this only reads what it chose.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::DataCursor;
use unicode_segmentation::UnicodeSegmentation;

use super::cache::{self, Memo};
use crate::tui::prose::{Prose, Wrapped, cols_of};

/// What else is drawn over the text's rows, for telling which rows are as in the frame before.
pub enum Over<'a> {
    /// The findings' underlines, by line of the whole text (drawn after the text, from the
    /// same layout).
    Marks(Option<&'a HashMap<usize, Vec<Range<usize>>>>),
    /// Something that does not follow the rows (an example over an empty text): every row
    /// counts as changed.
    Other,
}

/// The char of its line that each of the `width` cells of screen row `w` shows, as the widget
/// finds it (`screen_to_data`, one walk along the row rather than one per cell): the row's chars
/// that end at or before the cell's column, counted from where the row starts.
pub(super) fn chars_of_cells(prose: &Prose, w: &Wrapped, width: u16) -> impl Iterator<Item = usize> {
    let line = prose.area.lines().get(w.line).map_or("", String::as_str);
    let tab = prose.area.tab_length();
    let mut chars = line.chars().skip(w.from).take(w.to.map_or(usize::MAX, |to| to - w.from)).peekable();
    let (mut at, mut col) = (w.from, 0);
    (0..usize::from(width)).map(move |x| {
        while let Some(&c) = chars.peek() {
            let cols = cols_of(c, col, tab);
            if col >= x || col + cols > x {
                break;
            }
            col += cols;
            at += 1;
            chars.next();
        }
        at
    })
}

/// Draws the text of `prose` in `r` of `buf`, as the widget itself would, and tells the frame
/// cache which rows show what they showed in the frame before.
pub fn render(prose: &Prose, r: Rect, buf: &mut Buffer, over: Over, memo: &mut Memo) {
    let r = r.intersection(buf.area);
    if r.is_empty() {
        return;
    }
    let area = &prose.area;
    // Laid out by `update` for this area (`Prose::follow`); drawn from the top row it chose.
    let top = prose.top();
    let cursor = area.cursor();

    let lines = area.lines();
    let selection = area.selection_range();
    let styles = Styles {
        line: area.cursor_line_style(),
        cursor: area.cursor_style(),
        // As `prose::widget` sets it (the widget's getter needs `&mut`).
        select: super::selected_text(),
        tab: area.tab_length(),
    };
    let before = prose.lines_before();
    let mut drawn = 0;
    // Where the row before ended (line, char, byte): a long line's rows follow on from there
    // instead of counting from the line's start each time.
    let mut ended = (usize::MAX, 0, 0);
    for dy in 0..r.height {
        let w = prose.wrapped(usize::from(top) + usize::from(dy));
        let line = &lines[w.line];
        let from = if ended.0 == w.line && ended.1 == w.from {
            ended.2
        } else {
            line.char_indices().nth(w.from).map_or(line.len(), |(i, _)| i)
        };
        let to = match w.to {
            Some(to) => line[from..].char_indices().nth(to - w.from).map_or(line.len(), |(i, _)| from + i),
            None => line.len(),
        };
        ended = (w.line, w.to.unwrap_or(usize::MAX), to);
        let text = &line[from..to];
        let chars = w.to.map_or_else(|| text.chars().count(), |to| to - w.from);
        let segment = Segment { row: w.line, from: w.from, text, chars, last_in_line: w.to.is_none() };
        let look = Look::of(&segment, cursor, selection);
        let rect = Rect { y: r.y + dy, height: 1, ..r };
        let held = match over {
            Over::Marks(marks) => {
                // The underlines fall on chars of the line: with marks, where the row starts
                // in its line matters too.
                let marks = marks.and_then(|m| m.get(&(w.line + before)));
                let from = marks.map(|_| w.from);
                memo.shows(buf, rect, cache::key(&(segment.text, &look, marks, from, &styles)))
            }
            Over::Other => {
                memo.drawn_over(buf, rect);
                false
            }
        };
        if !held {
            draw_row(buf, rect, &segment, &look, &styles);
        }
        drawn += 1;
        if w.below.is_none() {
            break;
        }
    }
    for dy in drawn..r.height {
        let rect = Rect { y: r.y + dy, height: 1, ..r };
        match over {
            Over::Marks(_) => {
                memo.shows(buf, rect, 0);
            }
            Over::Other => memo.drawn_over(buf, rect),
        }
    }
}

#[derive(Hash)]
struct Styles {
    line: Style,
    cursor: Style,
    select: Style,
    tab: u8,
}

/// One screen row: part of a line, from its char `from`.
struct Segment<'a> {
    row: usize,
    from: usize,
    text: &'a str,
    /// Chars in `text`.
    chars: usize,
    last_in_line: bool,
}

/// The cells of one row, cut at the right edge of `r`.
struct Row<'b> {
    buf: &'b mut Buffer,
    r: Rect,
    /// Columns drawn so far (wide graphemes count their width).
    x: u16,
    /// Width of the text so far, for tab stops, counted per char as the widget counts.
    width: usize,
    tab: u8,
}

impl Row<'_> {
    fn grapheme(&mut self, g: &str, w: u16, style: Style) {
        if w == 0 {
            return;
        }
        let right = self.r.width;
        if self.x >= right {
            return;
        }
        let at = (self.r.x + self.x, self.r.y);
        if self.x + w <= right {
            self.buf[at].set_symbol(g).set_style(style);
        } else {
            // A wide grapheme cut by the edge: blank cells in its style.
            for i in 0..right - self.x {
                self.buf[(at.0 + i, at.1)].set_symbol(" ").set_style(style);
            }
        }
        self.x = self.x.saturating_add(w);
    }

    /// Draws `text` (chars of one styled run) with tabs expanded to the next stop.
    fn run(&mut self, text: &str, style: Style) {
        let plain = text.bytes().all(|b| (0x20..0x7f).contains(&b));
        if plain {
            for i in 0..text.len() {
                self.grapheme(&text[i..i + 1], 1, style);
            }
            self.width += text.len();
            return;
        }
        let mut expanded = String::with_capacity(text.len());
        for c in text.chars() {
            // The widget draws no tab at all when its tab length is 0.
            let cols = if c == '\t' && self.tab == 0 { 0 } else { cols_of(c, self.width, self.tab) };
            if c == '\t' {
                expanded.extend(std::iter::repeat_n(' ', cols));
            } else {
                expanded.push(c);
            }
            self.width += cols;
        }
        for g in expanded.graphemes(true) {
            if !g.contains(char::is_control) {
                self.grapheme(g, g.cell_width(), style);
            }
        }
    }
}

/// How a row is styled: everything its cells depend on besides its text.
#[derive(Hash)]
struct Look {
    /// The row is part of the cursor's line.
    cursor_line: bool,
    /// The cursor is in the row: on the char at this index, or (`None`) past the row's end.
    cursor: Option<Option<usize>>,
    /// The selected chars of the row, and whether the selection goes on past its end.
    selected: Range<usize>,
    select_past_end: bool,
}

impl Look {
    fn of(seg: &Segment, cursor: DataCursor, selection: Option<((usize, usize), (usize, usize))>) -> Look {
        let chars = seg.chars;
        let end = seg.from + chars;
        let cursor_in =
            seg.row == cursor.0 && seg.from <= cursor.1 && (cursor.1 < end || (seg.last_in_line && cursor.1 == end));
        let (selected, select_past_end) = match selection {
            Some(((sr, sc), (er, ec))) if sr <= seg.row && seg.row <= er => {
                let from = if sr == seg.row { sc.saturating_sub(seg.from).min(chars) } else { 0 };
                let to = if er == seg.row { ec.saturating_sub(seg.from).min(chars) } else { chars };
                (from..to.max(from), seg.last_in_line && seg.row < er)
            }
            _ => (0..0, false),
        };
        Look {
            cursor_line: seg.row == cursor.0,
            cursor: cursor_in.then(|| (cursor.1 < end).then(|| cursor.1 - seg.from)),
            selected,
            select_past_end,
        }
    }
}

fn draw_row(buf: &mut Buffer, r: Rect, seg: &Segment, look: &Look, styles: &Styles) {
    let base = if look.cursor_line { styles.line } else { Style::default() };
    let chars = seg.chars;
    let cursor_char = look.cursor.flatten();
    let selected = look.selected.clone();
    // The boundaries where the widget starts a new span: a span's graphemes are its own.
    let mut cuts = [0, chars, selected.start, selected.end, chars, chars];
    if let Some(c) = cursor_char {
        cuts[4] = c;
        cuts[5] = c + 1;
    }
    cuts.sort_unstable();
    let mut row = Row { buf, r, x: 0, width: 0, tab: styles.tab };
    let mut byte = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let to = seg.text[byte..].char_indices().nth(b - a).map_or(seg.text.len(), |(i, _)| byte + i);
        let style = if Some(a) == cursor_char {
            styles.cursor
        } else if selected.contains(&a) {
            styles.select
        } else {
            base
        };
        row.run(&seg.text[byte..to], style);
        byte = to;
    }
    if look.cursor == Some(None) {
        row.grapheme(" ", 1, styles.cursor);
    } else if look.select_past_end {
        row.grapheme(" ", 1, styles.select);
    }
}

#[cfg(test)]
#[path = "prose_tests.rs"]
mod tests;
