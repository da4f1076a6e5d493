//! Most of a frame is what the frame before showed. Two memos make that cheap:
//!
//! - Regions that rarely change — the guidance, the section list, the title bar and the
//!   footer — are laid out once and their cells kept, keyed by everything they show. Ratatui
//!   lays out every character of a paragraph on every frame (graphemes, widths, wrapping).
//! - Areas drawn anew (the rows of the text being written) note a key of what they show.
//!
//! From the keys the cache knows which areas hold what the frame before held (the frame diff
//! passes over them: [`unchanged`]) and — when the buffer being drawn into still holds the
//! frame before last, as the terminal's two buffers alternate — which areas hold already
//! what they are about to show: those are neither blanked nor drawn again ([`shows`]).
//! Views only read the app: this is a memo of their output, owned by whoever draws.

use std::hash::{Hash, Hasher};

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::tui::action::Action;

struct Region {
    name: &'static str,
    key: u64,
    cells: Buffer,
}

/// The areas a frame drew, with their keys, and whether something was drawn over them.
#[derive(Default, Clone)]
struct Drawn {
    frame: u64,
    covered: bool,
    areas: Vec<(Rect, u64)>,
}

/// The memo of the frames drawn on one terminal, owned by whoever draws on it (the runner's
/// surface) and handed to the views with each frame; drawing without one (`Memo::off`) draws
/// everything anew. It also keeps where this frame drew the rows a click selects.
#[derive(Default)]
pub struct Memo {
    regions: Vec<Region>,
    frame: u64,
    /// The last two frames' areas, by the frame's parity.
    drawn: [Drawn; 2],
    /// Areas of the frame before last that the buffer still holds, and whether this frame
    /// has drawn them (again, or over them) yet.
    kept: Vec<(Rect, u64, bool)>,
    /// The areas of this frame that are, cell for cell, what the last frame had there.
    unchanged: Vec<Rect>,
    /// Drawing without the memo (a reference frame for tests, a one-off drawing).
    off: bool,
    /// Where the last frame drew what a click selects, and the action a click there is.
    hits: Vec<(Rect, Action)>,
}

impl Memo {
    pub fn new() -> Memo {
        Memo::default()
    }

    /// No memo: every region and row drawn anew on a blank buffer, nothing noted or read.
    pub fn off() -> Memo {
        Memo { off: true, ..Memo::default() }
    }

    /// The action of a click at `at`, by where the last frame drew what it selects.
    pub fn hit(&self, at: Position) -> Option<Action> {
        self.hits.iter().find(|(r, _)| r.contains(at)).map(|(_, a)| a.clone())
    }

    /// Clicks on what is drawn so far go nowhere (an overlay covers it).
    pub fn clear_clicks(&mut self) {
        self.hits.clear();
    }

    /// Notes that a click in `area` means `action` (a sidebar or table row).
    pub fn click(&mut self, area: Rect, action: Action) {
        self.hits.push((area, action));
    }

    /// Starts a frame in `buf`. `holds_frame_before_last`: the buffer still holds the frame
    /// drawn two frames ago (else it may hold anything). Everything but the areas that buffer
    /// holds of that frame is blanked.
    pub fn begin_frame(&mut self, buf: &mut Buffer, holds_frame_before_last: bool) {
        self.hits.clear();
        if self.off {
            buf.reset();
            return;
        }
        self.frame += 1;
        let frame = self.frame;
        self.unchanged.clear();
        let mine = &mut self.drawn[(frame % 2) as usize];
        self.kept.clear();
        if holds_frame_before_last && mine.frame + 2 == frame && !mine.covered {
            self.kept.extend(mine.areas.iter().map(|&(area, key)| (area, key, false)));
        }
        let keep: Vec<Rect> = self.kept.iter().map(|k| k.0).collect();
        blank_outside(buf, &keep);
        mine.frame = frame;
        mine.covered = false;
        mine.areas.clear();
    }

    /// Whether every area kept from the frame before last was drawn again (or over) this
    /// frame. If not, cells of a layout gone by are still in the buffer: the frame must be
    /// drawn again with [`Memo::restart_frame`].
    pub fn end_frame(&self) -> bool {
        self.off || self.kept.iter().all(|k| k.2)
    }

    /// Starts this frame over on a blank buffer, keeping nothing.
    pub fn restart_frame(&mut self, buf: &mut Buffer) {
        self.kept.clear();
        self.unchanged.clear();
        self.hits.clear();
        let mine = &mut self.drawn[(self.frame % 2) as usize];
        mine.covered = false;
        mine.areas.clear();
        buf.reset();
    }

    /// Something is drawn over the regions this frame (an overlay).
    pub fn covered(&mut self) {
        if !self.off {
            self.drawn[(self.frame % 2) as usize].covered = true;
        }
    }

    /// The areas of the frame just drawn that hold the same cells as the frame before: areas
    /// drawn with the same key in the same place in both, with nothing drawn over them in
    /// either.
    pub fn unchanged(&self) -> Vec<Rect> {
        if self.off {
            return Vec::new();
        }
        let frame = self.frame;
        let before = &self.drawn[((frame + 1) % 2) as usize];
        let covered = self.drawn[(frame % 2) as usize].covered || before.frame + 1 != frame || before.covered;
        if covered { Vec::new() } else { self.unchanged.clone() }
    }

    /// Notes that `area` shows, this frame, what `key` describes (everything its cells depend
    /// on). Returns whether `buf` holds it already — the caller then draws nothing; otherwise
    /// the area is blank and the caller draws it.
    pub fn shows(&mut self, buf: &mut Buffer, area: Rect, key: u64) -> bool {
        if self.off {
            return false;
        }
        let frame = self.frame;
        let before = &self.drawn[((frame + 1) % 2) as usize];
        if before.frame + 1 == frame && before.areas.contains(&(area, key)) {
            self.unchanged.push(area);
        }
        self.drawn[(frame % 2) as usize].areas.push((area, key));
        self.claim(buf, area, Some(key))
    }

    /// Marks `area`, kept from the frame before last, as drawn this frame; returns whether it
    /// holds what `key` describes, else blanks it for drawing.
    fn claim(&mut self, buf: &mut Buffer, area: Rect, key: Option<u64>) -> bool {
        let Some(k) = self.kept.iter_mut().find(|k| k.0 == area) else { return false };
        k.2 = true;
        let held = key == Some(k.1);
        if !held {
            blank(buf, area);
        }
        held
    }

    /// Notes that `area` is drawn this frame by something the memo does not follow: what the
    /// buffer holds there is blanked, and nothing counts as unchanged.
    pub fn drawn_over(&mut self, buf: &mut Buffer, area: Rect) {
        if !self.off {
            self.claim(buf, area, None);
        }
    }

    /// Draws `area` of `buf` with `draw`, or copies what `draw` drew there last time when
    /// `key` (everything the region shows) and the area are the same, or leaves the cells the
    /// buffer holds of them already. `draw` must draw only inside `area`, onto a blank buffer,
    /// and depend on nothing that `key` leaves out.
    pub fn region(
        &mut self,
        buf: &mut Buffer,
        name: &'static str,
        area: Rect,
        key: u64,
        draw: impl FnOnce(&mut Buffer),
    ) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let key = self::key(&(key, area));
        if self.shows(buf, area, key) {
            return;
        }
        let found = self.regions.iter().position(|r| r.name == name);
        let at = match found {
            Some(i) if self.regions[i].key == key && !self.off => i,
            _ => {
                let mut cells = Buffer::empty(area);
                draw(&mut cells);
                super::make_inert(&mut cells, &[]);
                let region = Region { name, key, cells };
                match found {
                    Some(i) => {
                        self.regions[i] = region;
                        i
                    }
                    None => {
                        self.regions.push(region);
                        self.regions.len() - 1
                    }
                }
            }
        };
        copy(&self.regions[at].cells, buf);
    }
}

/// Blanks `area` of `buf`.
fn blank(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let at = buf.index_of(area.x, y);
        buf.content[at..at + usize::from(area.width)].iter_mut().for_each(|c| {
            c.reset();
        });
    }
}

/// Blanks all of `buf` but the areas in `keep`.
fn blank_outside(buf: &mut Buffer, keep: &[Rect]) {
    if keep.is_empty() {
        buf.reset();
        return;
    }
    super::outside(buf, keep, |cells| {
        cells.iter_mut().for_each(|c| {
            c.reset();
        })
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
#[path = "cache_tests.rs"]
mod tests;
