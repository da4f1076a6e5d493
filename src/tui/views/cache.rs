//! Regions that rarely change — the guidance, the section list, the title bar and the footer —
//! are laid out once and copied on later frames while what they show stays the same. Ratatui
//! lays out every character of a paragraph on every frame (graphemes, widths, wrapping), and
//! for these regions that was most of what a keystroke cost. Views still only read the app:
//! this is a memo of their output, keyed by everything they show.

use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

struct Region {
    name: &'static str,
    key: u64,
    cells: Buffer,
    /// The frame it was last drawn in.
    frame: u64,
}

thread_local! {
    static REGIONS: RefCell<Vec<Region>> = const { RefCell::new(Vec::new()) };
    static FRAME: Cell<u64> = const { Cell::new(0) };
    /// Whether something was drawn over the regions (a dialog, help) last frame, and this one.
    static COVERED: Cell<(bool, bool)> = const { Cell::new((false, false)) };
    /// The areas of this frame that are, cell for cell, what the last frame had there.
    static UNCHANGED: RefCell<Vec<Rect>> = const { RefCell::new(Vec::new()) };
    /// Areas drawn anew each frame, with a key of what they showed and the frame they last
    /// showed it in (see [`shows`]).
    static SHOWN: RefCell<Vec<(Rect, u64, u64)>> = const { RefCell::new(Vec::new()) };
}

/// Starts a frame: what counts as unchanged is relative to the frame before.
pub fn begin_frame() {
    FRAME.set(FRAME.get() + 1);
    COVERED.set((COVERED.get().1, false));
    UNCHANGED.with_borrow_mut(Vec::clear);
}

/// Something is drawn over the regions this frame (an overlay).
pub fn covered() {
    COVERED.set((COVERED.get().0, true));
}

/// The areas of the frame just drawn that hold the same cells as the frame before: regions
/// drawn with the same key in the same place in both, with nothing drawn over them in either.
pub fn unchanged() -> Vec<Rect> {
    match COVERED.get() {
        (false, false) => UNCHANGED.with_borrow(Clone::clone),
        _ => Vec::new(),
    }
}

/// Draws `area` of `buf` with `draw`, or copies what `draw` drew there last time when `key`
/// (everything the region shows) and the area are the same. `draw` must draw only inside
/// `area`, onto a blank buffer, and depend on nothing that `key` leaves out.
pub fn region(buf: &mut Buffer, name: &'static str, area: Rect, key: u64, draw: impl FnOnce(&mut Buffer)) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let key = self::key(&(key, area));
    let frame = FRAME.get();
    REGIONS.with_borrow_mut(|regions| {
        let at = match regions.iter().position(|r| r.name == name) {
            Some(i) if regions[i].key == key => {
                if regions[i].frame + 1 == frame {
                    UNCHANGED.with_borrow_mut(|u| u.push(area));
                }
                regions[i].frame = frame;
                i
            }
            found => {
                let mut cells = Buffer::empty(area);
                draw(&mut cells);
                super::make_inert(&mut cells, &[]);
                let region = Region { name, key, cells, frame };
                match found {
                    Some(i) => {
                        regions[i] = region;
                        i
                    }
                    None => {
                        regions.push(region);
                        regions.len() - 1
                    }
                }
            }
        };
        copy(&regions[at].cells, buf);
    });
}

/// Notes that `area`, drawn this frame, shows what `key` describes (everything its cells
/// depend on). When the frame before showed the same there, the area counts as unchanged.
/// For areas cheaper to draw than to copy, such as the rows of the text being written.
pub fn shows(area: Rect, key: u64) {
    let frame = FRAME.get();
    SHOWN.with_borrow_mut(|shown| match shown.iter_mut().find(|s| s.0 == area) {
        Some(s) => {
            if s.1 == key && s.2 + 1 == frame {
                UNCHANGED.with_borrow_mut(|u| u.push(area));
            }
            *s = (area, key, frame);
        }
        None => {
            // Areas of layouts gone by (a resize) are forgotten now and then.
            if shown.len() >= 256 {
                shown.retain(|s| s.2 + 1 >= frame);
            }
            shown.push((area, key, frame));
        }
    });
}

/// A key for [`region`] and [`shows`]: a hash of what it shows.
pub fn key(what: &impl Hash) -> u64 {
    let mut h = Fx(0);
    what.hash(&mut h);
    h.finish()
}

/// rustc's FxHash: a rotate, an xor and a multiply per word, several times quicker than the
/// standard SipHash on the short texts hashed for every row of every frame. A key is only
/// ever compared with the key of the same area one frame before, and the texts are the
/// user's own, so a hash built to resist chosen collisions buys nothing here.
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_u16(&mut self, n: u16) {
        self.add(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.add(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn copy(from: &Buffer, to: &mut Buffer) {
    let a = from.area;
    for y in a.top()..a.bottom() {
        let src = from.index_of(a.x, y);
        let dst = to.index_of(a.x, y);
        to.content[dst..dst + a.width as usize].clone_from_slice(&from.content[src..src + a.width as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn draw_text(text: &'static str) -> impl FnOnce(&mut Buffer) {
        move |b: &mut Buffer| {
            let a = b.area;
            b.set_string(a.x, a.y, text, Style::default());
        }
    }

    #[test]
    fn a_region_is_redrawn_when_its_key_or_place_changes_and_copied_otherwise() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"a"), draw_text("hello"));
        assert_eq!(buf[(1, 0)].symbol(), "h");
        // Same key: `draw` is not called, the cells are copied.
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"a"), |_| panic!("drawn again"));
        assert_eq!(buf[(5, 0)].symbol(), "o");
        // A new key, or a new place, draws again.
        region(&mut buf, "t", Rect::new(1, 0, 5, 1), key(&"b"), draw_text("world"));
        assert_eq!(buf[(1, 0)].symbol(), "w");
        region(&mut buf, "t", Rect::new(0, 1, 5, 1), key(&"b"), draw_text("moved"));
        assert_eq!(buf[(0, 1)].symbol(), "m");
    }

    #[test]
    fn an_area_is_unchanged_when_it_shows_the_same_as_in_the_frame_before() {
        let row = Rect::new(2, 3, 10, 1);
        let other = Rect::new(2, 4, 10, 1);
        begin_frame();
        shows(row, 1);
        assert!(unchanged().is_empty(), "nothing to compare with yet");
        begin_frame();
        shows(row, 1);
        shows(other, 1);
        assert_eq!(unchanged(), vec![row], "same key, same place; the other row is new");
        begin_frame();
        shows(row, 2);
        shows(other, 1);
        assert_eq!(unchanged(), vec![other], "a new key is a change");
        begin_frame();
        begin_frame();
        shows(other, 1);
        assert!(unchanged().is_empty(), "a frame without it in between is a change");
        begin_frame();
        covered();
        shows(other, 1);
        assert!(unchanged().is_empty(), "something drawn over it");
    }
}
