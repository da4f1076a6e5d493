//! What a frame writes: the cells that differ from the screen (ratatui's own diff, passing
//! over areas known to be unchanged) and the bytes that write them.

use std::io;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};

/// Styles that show on a blank cell.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The frames drawn on a terminal: the screen as last written, and the buffer the next frame
/// is drawn into. The two buffers alternate and are not blanked between frames, so the one
/// drawn into holds the frame before last (`views::render_onto` keeps what it shows again).
/// The backend only lends its size and buffers: the bytes are the caller's to write.
pub struct Frames<B: Backend> {
    pub terminal: Terminal<B>,
    /// What is on the screen: the last frame written.
    shown: Buffer,
    /// The screen is blank (a new size, back from `$EDITOR`): write everything.
    whole: bool,
    /// Frames drawn since the screen was blank: from the third on, the buffer drawn into
    /// holds the frame before last.
    drawn: u8,
}

impl<B: Backend> Frames<B> {
    pub fn new(mut terminal: Terminal<B>) -> Frames<B> {
        let shown = Buffer::empty(terminal.get_frame().area());
        Frames { terminal, shown, whole: true, drawn: 0 }
    }

    /// Draws a frame: `render` fills it — told whether the buffer still holds the frame before
    /// last — and returns the areas that hold the same cells as the last frame (not compared
    /// at all: on a keystroke, most of the screen); the bytes that turn the screen into it are
    /// added to `out` (none when nothing changed).
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame, bool) -> Vec<Rect>, out: &mut Vec<u8>) -> io::Result<()> {
        let unchanged = render(&mut self.terminal.get_frame(), self.drawn >= 2);
        let next = std::mem::take(self.terminal.current_buffer_mut());
        let skip = if self.whole { Vec::new() } else { unchanged };
        encode(diff(&self.shown, &next, &skip), out)?;
        let old = std::mem::replace(&mut self.shown, next);
        *self.terminal.current_buffer_mut() = old;
        self.whole = false;
        self.drawn = self.drawn.saturating_add(1);
        Ok(())
    }

    /// The screen is blank now, at the terminal's (new) size: the next frames start afresh.
    pub fn start_over(&mut self) {
        self.shown = Buffer::empty(self.terminal.get_frame().area());
        self.whole = true;
        self.drawn = 0;
    }
}

/// The cells to write to turn the screen from `prev` into `next`: ratatui's own diff
/// (`Buffer::diff`, wide characters and their trailing cells included), except that the areas
/// in `skip` are passed over. A buffer that uses per-cell diff options, or a size change, gets
/// ratatui's diff itself.
pub(super) fn diff<'a>(prev: &Buffer, next: &'a Buffer, skip: &[Rect]) -> Vec<(u16, u16, &'a Cell)> {
    #[allow(deprecated)]
    let plain = |c: &Cell| c.diff_option == CellDiffOption::None && !c.skip;
    if prev.area != next.area {
        return prev.diff(next);
    }
    let area = next.area;
    let width = area.width as usize;
    let len = next.content.len();
    let pos = |i: usize| ((i % width) as u16 + area.x, (i / width) as u16 + area.y);
    let mut out = Vec::new();
    let mut i = 0;
    // The skipped stretches of the current row, as index ranges, in order.
    let mut row_end = 0;
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut span = 0;
    while i < len {
        if i >= row_end {
            let row = i / width;
            row_end = (row + 1) * width;
            let y = area.y + row as u16;
            let at = |x: u16| row * width + x.saturating_sub(area.x) as usize;
            spans.clear();
            spans.extend(skip.iter().filter(|r| r.y <= y && y < r.bottom()).map(|r| (at(r.x), at(r.right()))));
            spans.sort_unstable();
            span = 0;
        }
        while span < spans.len() && spans[span].1 <= i {
            span += 1;
        }
        // Inside a skipped stretch: its cells are as shown, go to its end.
        if span < spans.len() && spans[span].0 <= i {
            i = spans[span].1;
            continue;
        }
        let (current, previous) = (&next.content[i], &prev.content[i]);
        if !plain(current) || !plain(previous) {
            // Per-cell diff options (not used by our views): ratatui knows what they mean.
            return prev.diff(next);
        }
        if same(current, previous) {
            // One column for an ASCII symbol, without measuring it; a wide character's
            // trailing cells are passed over.
            i += if current.symbol().len() == 1 { 1 } else { (current.cell_width() as usize).max(1) };
            continue;
        }
        let cell_width = current.cell_width() as usize;
        out.push((pos(i).0, pos(i).1, current));
        let previous_width = previous.cell_width() as usize;
        if cell_width > 1 && current.symbol().contains('\u{FE0F}') {
            // Terminals that do not clear behind an emoji sequence get its trailing cells.
            let end = (i + cell_width).min(len);
            let mut j = i + 1;
            while j < end {
                let w = next.content[j].cell_width().max(1) as usize;
                if prev.content[j].symbol() != next.content[j].symbol() {
                    out.push((pos(j).0, pos(j).1, &next.content[j]));
                }
                j += w;
            }
            i = j.max(end);
        } else if cell_width > 1 {
            i += cell_width;
        } else if previous_width > cell_width
            && (previous.bg != Color::Reset || previous.modifier.intersects(VISIBLE_ON_BLANK))
        {
            // A wide character whose style shows on blanks is gone: rewrite all it covered.
            let end = (i + previous_width).min(len);
            let mut j = i + 1;
            while j < end {
                out.push((pos(j).0, pos(j).1, &next.content[j]));
                j += next.content[j].cell_width().max(1) as usize;
            }
            i = j.max(end);
        } else {
            i += 1;
        }
    }
    out
}

/// What ratatui's backend ends every frame with: default foreground, background and underline
/// colour, and attributes off.
const RESETS: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m";

/// The bytes that write `updates`: ratatui's own (cursor moves, style changes, symbols), with
/// the four resets it ends every frame with replaced by one `ESC[0m` (which resets all of
/// them), or by nothing when the last cell written left the style at its default. A keystroke's
/// frame is a few dozen bytes, and these were 19 of them.
pub(super) fn encode(updates: Vec<(u16, u16, &Cell)>, out: &mut Vec<u8>) -> io::Result<()> {
    let Some(&(_, _, last)) = updates.last() else { return Ok(()) };
    let plain = last.fg == Color::Reset
        && last.bg == Color::Reset
        && last.underline_color == Color::Reset
        && last.modifier.is_empty();
    CrosstermBackend::new(&mut *out).draw(updates.into_iter())?;
    if out.ends_with(RESETS) {
        out.truncate(out.len() - RESETS.len());
        if !plain {
            out.extend_from_slice(b"\x1b[0m");
        }
    }
    Ok(())
}

/// Whether two cells without diff options (nor `skip`: see `plain` in [`diff`]) look the
/// same: the derived equality, field by field and inlined (called for every cell compared,
/// it was ~40% of the diff's time).
#[inline]
fn same(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.symbol() == b.symbol()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ratatui::style::Style;

    /// A small deterministic generator: the same cases on every run.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    /// Rows of ASCII, wide characters, emoji with VS16 and styled blanks, written the way
    /// widgets write them (`set_string`), so the buffers are well formed.
    fn screen(g: &mut Lcg, area: Rect) -> Buffer {
        screen_of(g, area, &["ab", "コ", "x", "❤\u{fe0f}", "日本", " ", "😀", "zz", "é"])
    }

    fn screen_of(g: &mut Lcg, area: Rect, words: &[&str]) -> Buffer {
        let mut buf = Buffer::empty(area);
        let styles = [
            Style::default(),
            Style::default().fg(Color::Red),
            Style::default().bg(Color::Blue),
            Style::default().add_modifier(Modifier::REVERSED),
        ];
        for y in area.top()..area.bottom() {
            let mut x = area.x;
            while x < area.right() {
                let w = words[g.next(words.len())];
                let (nx, _) = buf.set_stringn(x, y, w, (area.right() - x) as usize, styles[g.next(styles.len())]);
                x = nx.max(x + 1);
            }
        }
        buf
    }

    #[test]
    fn the_diff_is_ratatuis_own_and_skips_only_what_is_unchanged() {
        let mut g = Lcg(7);
        let area = Rect::new(0, 0, 17, 6);
        for case in 0..2000 {
            let prev = screen(&mut g, area);
            let mut next = if g.next(4) == 0 { prev.clone() } else { screen(&mut g, area) };
            // Without areas to skip: exactly ratatui's diff.
            assert_eq!(diff(&prev, &next, &[]), prev.diff(&next), "case {case}");
            // An area copied from the last frame is passed over and changes nothing else.
            let keep = Rect::new(g.next(8) as u16, g.next(3) as u16, 1 + g.next(8) as u16, 1 + g.next(3) as u16);
            let keep = keep.intersection(area);
            for y in keep.top()..keep.bottom() {
                for x in keep.left()..keep.right() {
                    next[(x, y)] = prev[(x, y)].clone();
                }
            }
            // (Only when the copy left the rows well formed: widgets never split a wide
            // character at a region's edge.)
            let split = |b: &Buffer| {
                (keep.top()..keep.bottom()).any(|y| {
                    (keep.x > 0 && b[(keep.x - 1, y)].cell_width() > 1) || b[(keep.right() - 1, y)].cell_width() > 1
                })
            };
            if split(&prev) || split(&next) {
                continue;
            }
            assert_eq!(diff(&prev, &next, &[keep]), prev.diff(&next), "case {case} keeping {keep:?}");
        }
    }

    /// The bytes written for a frame show what ratatui's own would, styles included, on a
    /// screen that then takes the next frame the same way; a frame ending in a plain cell
    /// ends without resets, one ending in a styled cell with a single one.
    #[test]
    fn frames_are_written_as_ratatui_writes_them_without_its_trailing_resets() {
        let mut g = Lcg(11);
        let area = Rect::new(0, 0, 17, 6);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let (mut ours, mut theirs) =
            (vt100::Parser::new(size(6), size(17), 0), vt100::Parser::new(size(6), size(17), 0));
        let mut prev = Buffer::empty(area);
        let (mut plain_ends, mut styled_ends) = (0, 0);
        for case in 0..300 {
            // (vt100 stumbles over emoji with VS16 at a row's end: the emulator, not the bytes.)
            let next = screen_of(&mut g, area, &["ab", "コ", "x", "日本", " ", "zz", "é"]);
            let updates = prev.diff(&next);
            let mut bytes = Vec::new();
            encode(updates.clone(), &mut bytes).unwrap();
            let mut reference = Vec::new();
            CrosstermBackend::new(&mut reference).draw(updates.clone().into_iter()).unwrap();
            ours.process(&bytes);
            theirs.process(&reference);
            assert_eq!(ours.screen().contents_formatted(), theirs.screen().contents_formatted(), "case {case}");
            let last = updates.last().map(|u| u.2);
            if last.is_some_and(|c| c.fg == Color::Reset && c.bg == Color::Reset && c.modifier.is_empty()) {
                assert_eq!(bytes.len() + RESETS.len(), reference.len(), "case {case}");
                plain_ends += 1;
            } else if last.is_some() {
                assert!(bytes.ends_with(b"\x1b[0m") && bytes.len() + RESETS.len() == reference.len() + 4);
                styled_ends += 1;
            }
            prev = next;
        }
        assert!(plain_ends > 20 && styled_ends > 20, "{plain_ends} plain, {styled_ends} styled");
    }
}
