//! Stopping from outside: hang-up (a closed terminal, a dropped SSH session), interrupt and
//! terminate. They are caught; the event loop hears of them and ends; the words are kept (the
//! recovery copy, then a save unless the file changed on disk), the terminal is restored, and
//! the program exits with the conventional status.

use std::io;

use super::app::App;

/// The editor was stopped by a signal (or its terminal went away): the words were kept, the
/// terminal restored; the program exits with the conventional status, 128 + the signal.
#[derive(Debug)]
pub struct Stopped {
    pub signal: i32,
    /// Where the words are: the file saved, or the recovery copy.
    pub kept: String,
}

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self.signal {
            SIGHUP => "the terminal closed",
            SIGINT => "interrupted",
            SIGTERM => "asked to stop",
            _ => "stopped",
        };
        write!(f, "blameless stopped ({why}). {}", self.kept)
    }
}

impl std::error::Error for Stopped {}

pub const SIGHUP: i32 = signal_hook::consts::SIGHUP;
pub const SIGINT: i32 = signal_hook::consts::SIGINT;
pub const SIGTERM: i32 = signal_hook::consts::SIGTERM;

/// Hang-up, interrupt and terminate are caught: the loop hears of them (a window-size signal
/// wakes it) and ends by keeping the words. A second one ends the program at once.
pub fn catch_signals() -> io::Result<std::sync::Arc<std::sync::atomic::AtomicUsize>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let stop = Arc::new(AtomicUsize::new(0));
    let again = Arc::new(AtomicBool::new(false));
    for signal in [SIGHUP, SIGINT, SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&again))?;
        signal_hook::flag::register(signal, Arc::clone(&again))?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM])?;
    let seen = Arc::clone(&stop);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            seen.store(signal as usize, Ordering::SeqCst);
            // The event loop waits on the terminal: a resize event wakes it.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        }
    });
    Ok(stop)
}

/// On the way out after a signal: the recovery copy, then a save through the same conflict
/// check as any (a file changed on disk is not written over). Says where the words are.
pub fn keep_the_words(app: &mut App) -> String {
    let copy = app.rescue();
    let mut saved = None;
    if let Some(effect) = app.last_save()
        && let Some(result) = super::effects::perform(effect)
    {
        app.update(result);
        saved = app.editor().filter(|e| !e.dirty).map(|e| e.shown.clone());
    }
    match (saved, copy) {
        (Some(file), _) => format!("Everything is saved in {file}."),
        (None, Some(copy)) => {
            format!("Your text is safe in {}; open the document again to restore it.", copy.display())
        }
        (None, None) if app.editor().is_some_and(|e| e.dirty) => "Unsaved text could not be kept.".to_string(),
        (None, None) => "Nothing was unsaved.".to_string(),
    }
}

/// Whether the terminal went away under the loop (a read or write failed with EIO, a broken
/// pipe or end of file): a hang-up, whether or not the signal came first.
pub fn hung_up(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>().is_some_and(|e| {
        matches!(e.kind(), io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof) || e.raw_os_error() == Some(5)
    })
}
