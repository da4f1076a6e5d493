//! A prose section being written. The text widget re-wraps all of its lines on every edit, so
//! a very long section (a pasted log, a megabyte of notes) would make every key slow. The
//! widget therefore holds a window of the text around the cursor — the whole text when it is
//! short — and the lines above and below wait outside it. Moving near an edge of the window
//! slides it; typing never does, so undo works as usual for the text being written.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Lines kept in the widget: far more than any screen shows.
const WINDOW: usize = 120;
/// The window slides when the cursor comes this close to an edge with more text beyond it.
const MARGIN: usize = 40;

pub struct Prose {
    before: Vec<String>,
    pub area: TextArea<'static>,
    after: Vec<String>,
    /// Widget edits the next undo takes back at once: a rewrite replaces words in two edits
    /// (delete, insert) that the user made with one key.
    pub undo_group: usize,
}

fn widget(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(if lines.is_empty() { vec![String::new()] } else { lines });
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_max_histories(10_000);
    // Underlines are for findings; the cursor line is not underlined.
    area.set_cursor_line_style(ratatui::style::Style::default());
    area
}

impl Prose {
    pub fn new(text: &str) -> Prose {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        let mut prose =
            Prose { before: Vec::new(), area: widget(vec![String::new()]), after: Vec::new(), undo_group: 1 };
        prose.place(lines, 0, 0);
        prose
    }

    /// Puts `lines` in, with the window around (`row`, `col`) and the cursor there.
    fn place(&mut self, mut lines: Vec<String>, row: usize, col: usize) {
        let n = lines.len();
        let start = if n <= WINDOW { 0 } else { row.saturating_sub(WINDOW / 2).min(n - WINDOW) };
        let end = if n <= WINDOW { n } else { start + WINDOW };
        self.after = lines.split_off(end);
        let window = lines.split_off(start);
        self.before = lines;
        self.area = widget(window);
        self.area.move_cursor(CursorMove::Jump(
            u16::try_from(row - start).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        ));
    }

    /// The whole text.
    pub fn text(&self) -> String {
        let mut all: Vec<&str> = Vec::with_capacity(self.before.len() + self.area.lines().len() + self.after.len());
        all.extend(self.before.iter().map(String::as_str));
        all.extend(self.area.lines().iter().map(String::as_str));
        all.extend(self.after.iter().map(String::as_str));
        all.join("\n")
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
            self.before.clear();
            self.after.clear();
            self.area = area;
        }
    }

    /// Slides the window when the cursor is near an edge with text beyond it, or when the
    /// window has grown (a long paste). Cheap when nothing needs to move.
    pub fn keep_window(&mut self) {
        let len = self.area.lines().len();
        let ratatui_textarea::DataCursor(row, _) = self.area.cursor();
        let near_top = row < MARGIN && !self.before.is_empty();
        let near_bottom = row + MARGIN >= len && !self.after.is_empty();
        if near_top || near_bottom || len > 2 * WINDOW {
            if self.area.is_selecting() {
                return; // a selection in progress keeps its window until it ends
            }
            let (row, col) = self.cursor();
            let lines = self.text().split('\n').map(String::from).collect();
            self.place(lines, row, col);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn unwindow_shows_everything() {
        let text = long(2_000);
        let mut p = Prose::new(&text);
        p.unwindow();
        assert!(p.is_whole());
        assert_eq!(p.area.lines().len(), 2_000);
    }
}
