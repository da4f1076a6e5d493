//! A prose section being written. The text widget re-wraps all of its lines on every edit, so
//! a very long section (a pasted log, a megabyte of notes) would make every key slow. The
//! widget therefore holds a window of the text around the cursor — the whole text when it is
//! short — and the lines above and below wait outside it. Moving near an edge of the window
//! slides it; typing never does, so undo works as usual for the text being written.

use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui_textarea::{CursorMove, DataCursor, Scrolling, TextArea, WrapMode};

pub use super::prose_text::ProseText;
use super::prose_text::join;
use super::window::{around, must_slide};

pub struct Prose {
    /// The lines above and below the window change only when it slides, so they are shared
    /// with the copies the recovery journal takes ([`Prose::snapshot`]), never copied.
    before: Arc<Vec<String>>,
    /// The bytes of the lines in `before`, each with its line break.
    before_bytes: usize,
    pub area: TextArea<'static>,
    after: Arc<Vec<String>>,
    /// The texts a replacement passes through between its two widget edits (delete, then
    /// insert): the user made one edit, so undo and redo never stop on one of them.
    halfway: Vec<String>,
    /// Where the text is drawn and the row on top, worked out by `update` ([`Prose::follow`])
    /// whenever the text, the cursor or the area may have changed; the view only reads it.
    pub(crate) view: Option<View>,
    /// The columns of the text's area when last laid out (80 before that), for [`rows`].
    cols: usize,
}

/// A screen row of the text: chars `from..to` of `line` (`to` is `None` when the row ends the
/// line), and where the row below starts (`None` for the last row).
pub(crate) struct Wrapped {
    pub line: usize,
    pub from: usize,
    pub to: Option<usize>,
    pub below: Option<DataCursor>,
}

/// The columns the widget gives `c` at column `col`: tabs reach the next stop, control
/// characters take none.
pub(crate) fn cols_of(c: char, col: usize, tab: u8) -> usize {
    if c == '\t' {
        let tab = usize::from(tab.max(1));
        tab - col % tab
    } else if c.is_control() {
        0
    } else {
        usize::from(ratatui::buffer::CellWidth::cell_width(c.encode_utf8(&mut [0; 4]) as &str))
    }
}

/// The area the text was last drawn in, and the screen row (after wrapping) at its top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub rect: Rect,
    pub top: u16,
}

fn widget(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_max_histories(10_000);
    // Underlines are for findings; the cursor line is not underlined.
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.set_selection_style(crate::tui::theme::selected_text());
    area
}

impl Prose {
    pub fn new(text: &str) -> Prose {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        let area = widget(vec![String::new()]);
        let mut prose = Prose {
            before: Arc::default(),
            before_bytes: 0,
            area,
            after: Arc::default(),
            halfway: Vec::new(),
            view: None,
            cols: 80,
        };
        prose.place(lines, 0, 0);
        prose
    }

    /// Puts `lines` in, with the window around (`row`, `col`) and the cursor there.
    fn place(&mut self, mut lines: Vec<String>, row: usize, col: usize) {
        let (start, end) = around(&lines, row, self.cols);
        self.after = Arc::new(lines.split_off(end));
        let window = lines.split_off(start);
        self.before = Arc::new(lines);
        self.before_bytes = self.before.iter().map(|l| l.len() + 1).sum();
        self.area = widget(window);
        self.view = None;
        self.area.move_cursor(CursorMove::Jump(
            u16::try_from(row.saturating_sub(start)).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        ));
    }

    /// The whole text.
    pub fn text(&self) -> String {
        join(&[self.before.as_slice(), self.area.lines(), self.after.as_slice()])
    }

    /// The text as it is now, taken without putting it together: the lines outside the
    /// window are shared, only the window's are copied. For the recovery journal, which
    /// puts the text together on the writer's thread.
    pub fn snapshot(&self) -> ProseText {
        ProseText::new(Arc::clone(&self.before), self.area.lines().to_vec(), Arc::clone(&self.after))
    }

    pub fn is_empty(&self) -> bool {
        let blank = |l: &String| l.trim().is_empty();
        self.before.iter().all(blank) && self.area.lines().iter().all(blank) && self.after.iter().all(blank)
    }

    /// How many lines of the text are above the window.
    pub fn lines_before(&self) -> usize {
        self.before.len()
    }

    /// Whether the widget shows all of the text.
    pub fn is_whole(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    /// The cursor's line in the whole text, and its column.
    pub fn cursor(&self) -> (usize, usize) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        (self.before.len() + row, col)
    }

    /// The cursor's byte offset in the whole text, without putting the text together: the
    /// lines above the window are counted once, when it slides.
    pub fn cursor_byte(&self) -> usize {
        let DataCursor(row, col) = self.area.cursor();
        let lines = self.area.lines();
        let above: usize = lines[..row.min(lines.len())].iter().map(|l| l.len() + 1).sum();
        let line = lines.get(row).map_or("", String::as_str);
        self.before_bytes + above + line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
    }

    /// Moves the cursor to (line, character column) of the whole text, sliding the window
    /// there when the line is outside it.
    pub fn jump(&mut self, line: usize, col: usize) {
        let len = self.area.lines().len();
        let before = self.before.len();
        if line < before || line >= before + len {
            let lines = self.text().split('\n').map(String::from).collect();
            self.place(lines, line, col);
        } else {
            self.area.move_cursor(CursorMove::Jump(
                u16::try_from(line - before).unwrap_or(u16::MAX),
                u16::try_from(col).unwrap_or(u16::MAX),
            ));
        }
    }

    /// Moves the cursor to the start of the whole text, or (`end`) past its last character.
    pub fn to_edge(&mut self, end: bool) {
        self.area.cancel_selection();
        if !end {
            return self.jump(0, 0);
        }
        let last = self.after.last().or(self.area.lines().last()).map_or(0, |l| l.chars().count());
        self.jump(self.before.len() + self.area.lines().len() + self.after.len() - 1, last);
    }

    /// Replaces the text with `new` as one edit of the user's: only the part that differs is
    /// replaced, so the cursor lands after it, and one undo (redo) restores exactly the text
    /// before (after). Returns whether the text changed.
    pub fn replace_with(&mut self, new: &str) -> bool {
        let old = self.text();
        if old == new {
            return false;
        }
        let (removed, inserted) = difference(&old, new);
        let (l0, c0) = crate::tui::findings::line_col(&old, removed.start);
        let (l1, c1) = crate::tui::findings::line_col(&old, removed.end);
        self.area.cancel_selection();
        self.jump(l0, c0);
        if !removed.is_empty() {
            self.area.start_selection();
            self.jump(l1, c1);
        }
        if !removed.is_empty() && !inserted.is_empty() {
            let mut halfway = old.clone();
            halfway.replace_range(removed, "");
            if self.halfway.len() >= HALFWAY_KEPT {
                self.halfway.remove(0);
            }
            self.halfway.push(halfway);
        }
        if inserted.is_empty() {
            self.area.delete_char(); // the selection, without touching what was copied
        } else {
            self.area.insert_str(inserted);
        }
        self.keep_window();
        true
    }

    /// Takes back the last edit (or puts it back, `redo`), passing over the text halfway
    /// through a replacement. Returns whether the text changed.
    pub fn undo(&mut self, redo: bool) -> bool {
        let step = |area: &mut TextArea<'static>| if redo { area.redo() } else { area.undo() };
        let changed = step(&mut self.area);
        if changed && !self.halfway.is_empty() && self.halfway.contains(&self.text()) {
            step(&mut self.area);
        }
        changed
    }

    /// Makes the whole text one window (for select-all, and before replacing everything).
    pub fn unwindow(&mut self) {
        if !self.is_whole() {
            let (row, col) = self.cursor();
            let lines = self.text().split('\n').map(String::from).collect::<Vec<_>>();
            let mut area = widget(lines);
            area.move_cursor(CursorMove::Jump(
                u16::try_from(row).unwrap_or(u16::MAX),
                u16::try_from(col).unwrap_or(u16::MAX),
            ));
            self.before = Arc::default();
            self.before_bytes = 0;
            self.after = Arc::default();
            self.area = area;
            self.view = None;
        }
    }

    /// Lays the text out for `rect`, where it is to be drawn, and keeps the cursor's row on
    /// screen by the widget's rule. The widget learns its width when it is drawn: it is drawn
    /// (one row, off screen) when the width or place changes, not the height.
    pub fn follow(&mut self, rect: Rect) {
        self.cols = usize::from(rect.width.max(1));
        let layout = Rect { height: 1, ..rect };
        if self.view.map(|v| Rect { height: 1, ..v.rect }) != Some(layout) {
            ratatui::widgets::Widget::render(&self.area, layout, &mut ratatui::buffer::Buffer::empty(layout));
        }
        let cursor_row = u16::try_from(self.area.screen_cursor().row).unwrap_or(u16::MAX);
        let top = next_top(self.view.map_or(0, |v| v.top), cursor_row, rect.height);
        self.view = Some(View { rect, top });
    }

    /// The screen row (after wrapping) drawn at the top of the text's area.
    pub fn top(&self) -> u16 {
        self.view.map_or(0, |v| v.top)
    }

    /// A screen row of the text as the widget wrapped it. Rows past the end are the last.
    pub(crate) fn wrapped(&self, row: usize) -> Wrapped {
        let DataCursor(line, from) = self.area.screen_to_data(row, 0);
        // The widget clamps a row past the end to the last one: the row below the last is
        // the last again.
        let below = self.area.screen_to_data(row + 1, 0);
        let below = (below != DataCursor(line, from)).then_some(below);
        let to = below.filter(|b| b.0 == line).map(|b| b.1);
        Wrapped { line, from, to, below }
    }

    /// The last screen row of the text (after wrapping).
    fn last_row(&self) -> usize {
        let past = |row: usize| self.wrapped(row).below.is_none();
        let mut high = 1;
        while !past(high) {
            high *= 2;
        }
        let mut low = high / 2;
        // The first row with nothing below is in low..=high.
        while low < high {
            let mid = low + (high - low) / 2;
            if past(mid) { high = mid } else { low = mid + 1 }
        }
        low
    }

    /// Scrolls a page up or down, no further than the page that ends with the text's last
    /// row (or starts with its first); the cursor moves with the text and keeps its column.
    /// When the text cannot scroll further, the cursor goes to its last (first) row. A
    /// selection being made follows the cursor. Before the text is first drawn there is no
    /// page: the widget pages by itself.
    pub fn page(&mut self, down: bool) {
        let Some(view) = self.view else {
            self.area.scroll(if down { Scrolling::PageDown } else { Scrolling::PageUp });
            return;
        };
        let height = usize::from(view.rect.height.max(1));
        let top = usize::from(view.top);
        let last = self.last_row();
        let new_top = if down {
            (top + height).min((last + 1).saturating_sub(height).max(top))
        } else {
            top.saturating_sub(height)
        };
        let at = self.area.screen_cursor();
        let row = match (new_top == top, down) {
            (true, true) => last,
            (true, false) => 0,
            (false, true) => at.row + (new_top - top),
            (false, false) => at.row.saturating_sub(top - new_top),
        };
        let row = row.clamp(new_top, new_top + height - 1).min(last);
        let w = self.wrapped(row);
        let line = &self.area.lines()[w.line];
        let tab = self.area.tab_length();
        let chars = line.chars().skip(w.from).take(w.to.map_or(usize::MAX, |to| to - w.from));
        // Each char's columns (start, end) in the row.
        let mut col = 0;
        let cols: Vec<(usize, usize)> = chars
            .map(|c| {
                let start = col;
                col += cols_of(c, col, tab);
                (start, col)
            })
            .collect();
        // The furthest the cursor goes in the row: past its last char when the row ends
        // its line, else onto its last char.
        let max = if w.to.is_none() { col } else { cols.last().map_or(0, |c| c.0) };
        let want = at.col.min(usize::from(view.rect.width.max(1)) - 1).min(max);
        // The char at that column, as the widget finds it.
        let offset = cols.iter().take_while(|&&(start, end)| start < want && end <= want).count();
        self.area.move_cursor(CursorMove::Jump(
            u16::try_from(w.line).unwrap_or(u16::MAX),
            u16::try_from(w.from + offset).unwrap_or(u16::MAX),
        ));
        self.view = Some(View { top: u16::try_from(new_top).unwrap_or(u16::MAX), ..view });
    }

    /// Slides the window when the cursor is near an edge with text beyond it, or when the
    /// window has grown (a long paste). Cheap when nothing needs to move.
    pub fn keep_window(&mut self) {
        let ratatui_textarea::DataCursor(row, _) = self.area.cursor();
        if must_slide(self.area.lines(), row, self.cols, !self.before.is_empty(), !self.after.is_empty()) {
            if self.area.is_selecting() {
                return; // a selection in progress keeps its window until it ends
            }
            let (row, col) = self.cursor();
            let lines = self.text().split('\n').map(String::from).collect();
            self.place(lines, row, col);
        }
    }
}

/// The widget's rule for the row on top: unchanged while the cursor stays on screen, else
/// just enough to bring it back.
fn next_top(prev: u16, cursor: u16, height: u16) -> u16 {
    if cursor < prev {
        cursor
    } else if prev.saturating_add(height) <= cursor {
        cursor + 1 - height
    } else {
        prev
    }
}

/// Replacements remembered for undo: far more than anyone takes back.
const HALFWAY_KEPT: usize = 64;

/// What turns `old` into `new`: the bytes of `old` to remove and the text to put there (the
/// longest common start and end are kept, on character boundaries).
fn difference<'n>(old: &str, new: &'n str) -> (std::ops::Range<usize>, &'n str) {
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let room = old.len().min(new.len()) - prefix;
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            (*sum <= room).then_some(n)
        })
        .sum();
    (prefix..old.len() - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
#[path = "prose_tests.rs"]
mod tests;
