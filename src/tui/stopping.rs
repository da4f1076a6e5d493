//! Stopping from outside: hang-up (a closed terminal, a dropped SSH session), interrupt and
//! terminate. They are caught; the event loop hears of them and ends; the words are kept (the
//! recovery copy, then a save unless the file changed on disk), the terminal is restored, and
//! the program exits with the conventional status.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::app::App;
use crate::store::recovery::{self, Fingerprint};

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

/// The document being edited, as the signal thread needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub path: PathBuf,
    pub recovery_dir: PathBuf,
    pub editor: String,
}

/// What the signals caught share with the loop.
#[derive(Debug, Clone, Default)]
pub struct Caught {
    /// The signal that asked the program to stop (0: none yet).
    pub stop: Arc<AtomicUsize>,
    /// The document open now, kept up to date by the loop.
    pub open: Arc<Mutex<Option<Open>>>,
    /// The loop ended and is keeping the words itself.
    pub ending: Arc<AtomicBool>,
}

/// How long the loop has to hear of a signal before the signal thread keeps the words itself:
/// on a terminal that hung up, crossterm's reader can spin on end-of-file and never return.
const GRACE: Duration = Duration::from_millis(1500);

/// Hang-up, interrupt and terminate are caught: the loop hears of them (a window-size signal
/// wakes it) and ends by keeping the words. Should it not end within [`GRACE`], the signal
/// thread saves the recovery journal's text (through the same changed-file check) and exits.
/// A second signal ends the program at once.
pub fn catch_signals() -> io::Result<Caught> {
    let caught = Caught::default();
    let again = Arc::new(AtomicBool::new(false));
    for signal in [SIGHUP, SIGINT, SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(signal, 128 + signal, Arc::clone(&again))?;
        signal_hook::flag::register(signal, Arc::clone(&again))?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM])?;
    let shared = caught.clone();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            shared.stop.store(signal as usize, Ordering::SeqCst);
            // The event loop waits on the terminal: a resize event wakes it.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
            std::thread::sleep(GRACE);
            if !shared.ending.load(Ordering::SeqCst) {
                let open = shared.open.lock().map(|o| o.clone()).unwrap_or_else(|e| e.into_inner().clone());
                if let Some(open) = open {
                    save_from_copy(&open);
                }
                super::terminal::restore();
                std::process::exit(128 + signal);
            }
        }
    });
    Ok(caught)
}

/// Writes the editor's recovery copy into the document, when the file on disk is still the
/// one the copy was based on (the same check as any save); otherwise the copy stays, offered
/// at the next open. Whether the document now holds the copy's text.
pub fn save_from_copy(open: &Open) -> bool {
    let Some(copy) =
        recovery::recovery_path(&open.recovery_dir, &open.path, &open.editor).and_then(|p| recovery::read_copy(&p))
    else {
        return false;
    };
    let Some(on_disk) = Fingerprint::of_file(&open.path) else { return false };
    if on_disk.same_content(&Fingerprint::of_text(&copy.text, None)) {
        return true;
    }
    copy.base.is_some_and(|base| base.same_content(&on_disk))
        && crate::store::write_atomic(&open.path, copy.text.as_bytes()).is_ok()
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
