//! The one terminal guard: raw mode, the alternate screen, bracketed paste and mouse capture
//! on the way in; everything restored on every way out (normal exit, error, panic), and a
//! suspend for `$EDITOR`.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

pub use super::frame::Frames;

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
    pub frames: Frames<CrosstermBackend<BufWriter<Stdout>>>,
    /// The views' memo of the frames drawn here, and where they drew what a click selects.
    pub memo: super::views::Memo,
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
        Ok(Guard { frames: Frames::new(terminal), memo: super::views::Memo::new() })
    }

    /// The size of the screen, as last told.
    pub fn area(&mut self) -> Rect {
        self.frames.terminal.get_frame().area()
    }

    /// Draws a frame (see [`Frames::draw`]) and writes what differs from the screen, in one
    /// write.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame, bool) -> Vec<Rect>) -> io::Result<()> {
        let mut bytes = Vec::with_capacity(256);
        self.frames.draw(render, &mut bytes)?;
        // A frame that changes nothing (a check that found what it found before) writes
        // nothing.
        if !bytes.is_empty() {
            let backend = self.frames.terminal.backend_mut();
            backend.write_all(&bytes)?;
            Backend::flush(backend)?;
        }
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
        let mut terminal = terminal()?;
        terminal.hide_cursor()?;
        self.frames = Frames::new(terminal);
        Ok(result)
    }

    /// The terminal is now `width` x `height`: the next frame is drawn whole at that size.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.frames.terminal.resize(Rect::new(0, 0, width, height))?;
        self.frames.start_over();
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.frames.terminal.show_cursor();
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
