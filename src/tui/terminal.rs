//! The one terminal guard: raw mode, the alternate screen, bracketed paste and mouse capture
//! on the way in; everything restored on every way out (normal exit, error, panic), and a
//! suspend for `$EDITOR`.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::frame::{diff, encode};

/// A frame is written in one go (the first is ~10 KB; stdout alone would cut it in 1 KB writes).
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// The terminal with a viewport of the size we were told: asked once, then changed on resize
/// events, instead of asking the terminal (opening /dev/tty) before every frame.
fn terminal() -> io::Result<Term> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, width, height)) })
}

/// Owns the terminal while the app runs; dropping it restores the terminal.
pub struct Guard {
    pub terminal: Term,
    /// What is on the screen: the last frame written.
    shown: Buffer,
    /// The screen was cleared (a new size, back from `$EDITOR`): draw everything.
    whole: bool,
    /// Frames drawn since the buffers were made: from the third on, the buffer drawn into
    /// holds the frame before last.
    drawn: u8,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        enter_modes()?;
        let mut terminal = match terminal() {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        terminal.hide_cursor()?;
        let shown = Buffer::empty(terminal.get_frame().area());
        Ok(Guard { terminal, shown, whole: true, drawn: 0 })
    }

    /// Draws a frame: `render` fills it, and what differs from the screen is written. Areas
    /// in `unchanged` (after `render`) hold the same cells as the last frame and are not
    /// compared at all: on a keystroke, most of the screen.
    ///
    /// `render` is told whether the buffer it draws into still holds the frame before last
    /// (the two buffers alternate, and are not blanked between frames).
    pub fn draw(
        &mut self,
        render: impl FnOnce(&mut Frame, bool),
        unchanged: impl FnOnce() -> Vec<Rect>,
    ) -> io::Result<()> {
        render(&mut self.terminal.get_frame(), self.drawn >= 2);
        let next = std::mem::take(self.terminal.current_buffer_mut());
        let skip = if self.whole { Vec::new() } else { unchanged() };
        let updates = diff(&self.shown, &next, &skip);
        // A frame that changes nothing (a check that found what it found before) writes
        // nothing, not even the style reset the backend ends every write with.
        if !updates.is_empty() {
            let mut bytes = Vec::with_capacity(256);
            encode(updates, &mut bytes)?;
            let backend = self.terminal.backend_mut();
            backend.write_all(&bytes)?;
            Backend::flush(backend)?;
        }
        let old = std::mem::replace(&mut self.shown, next);
        *self.terminal.current_buffer_mut() = old;
        self.whole = false;
        self.drawn = self.drawn.saturating_add(1);
        Ok(())
    }

    /// Runs `f` with the terminal handed back to the shell (for `$EDITOR`), then takes it again
    /// and redraws everything.
    pub fn suspended<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R> {
        restore();
        let result = f();
        enter_modes()?;
        // A new terminal has empty buffers, so the next frame is drawn whole. (`clear` would
        // ask the terminal where its cursor is, and not every terminal answers.)
        execute!(io::stdout(), Clear(ClearType::All))?;
        self.terminal = terminal()?;
        self.terminal.hide_cursor()?;
        self.shown = Buffer::empty(self.terminal.get_frame().area());
        self.whole = true;
        self.drawn = 0;
        Ok(result)
    }

    /// The terminal is now `width` x `height`: the next frame is drawn whole at that size.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, width, height))?;
        self.shown = Buffer::empty(self.terminal.get_frame().area());
        self.whole = true;
        self.drawn = 0;
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.terminal.show_cursor();
        restore();
    }
}

/// Whether our modes are on. Leaving the alternate screen twice would move the cursor back
/// over what was printed in between (a panic message), so `restore` acts once per `enter`.
static ENTERED: AtomicBool = AtomicBool::new(false);

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    ENTERED.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste, EnableMouseCapture) {
        restore();
        return Err(e);
    }
    Ok(())
}

/// Leaves every mode we entered; safe to call more than once.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = execute!(out, ratatui::crossterm::cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal before the panic message is printed, then hands over to the hook
/// that was there before, so the message is readable and nothing else changes.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
