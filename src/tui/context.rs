//! What the app knows of the world outside it, read once where the app starts (`cli`, or a
//! test) instead of in the middle of an update: the clock, who is writing, where recovery
//! copies go, and what file names are shown relative to.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// The clock the app reads: the system's, or one a test moves by hand.
#[derive(Debug, Clone, Default)]
pub struct Clock(Option<Arc<Mutex<Instant>>>);

impl Clock {
    /// The system's monotonic clock.
    pub fn system() -> Clock {
        Clock(None)
    }

    /// A clock that stands still until [`Clock::advance`] moves it (clones share it).
    pub fn manual() -> Clock {
        Clock(Some(Arc::new(Mutex::new(Instant::now()))))
    }

    pub fn now(&self) -> Instant {
        match &self.0 {
            None => Instant::now(),
            Some(at) => *at.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock on (a system clock moves by itself: nothing happens).
    pub fn advance(&self, by: Duration) {
        if let Some(at) = &self.0 {
            *at.lock().unwrap_or_else(|e| e.into_inner()) += by;
        }
    }
}

/// Who is writing, being asked on a thread of its own (`git config user.name` starts a
/// process: a few milliseconds that would otherwise come before the first frame, when the
/// document's lock is taken), with the folder it was asked from.
type Asked = (PathBuf, std::thread::JoinHandle<Option<String>>);
static ASKED: Mutex<Option<Asked>> = Mutex::new(None);

/// Starts asking who is writing, as [`Context::who`] would from the working folder; called
/// once the editor's first frame is drawn (`App::first_frame_drawn`).
pub fn ask_who_early() {
    let Ok(folder) = std::env::current_dir() else { return };
    let asking = folder.join("document");
    let thread = std::thread::Builder::new().name("who".into()).spawn(move || crate::library::status::who(&asking));
    if let Ok(thread) = thread {
        *ASKED.lock().unwrap_or_else(|e| e.into_inner()) = Some((folder, thread));
    }
}

/// Whether who is writing is being asked (or was, and the answer not yet taken).
pub fn asking() -> bool {
    ASKED.lock().unwrap_or_else(|e| e.into_inner()).is_some()
}

/// The answer asked for early from `folder`, once.
fn asked_early(folder: &Path) -> Option<Option<String>> {
    let (from, thread) = ASKED.lock().unwrap_or_else(|e| e.into_inner()).take()?;
    let answer = thread.join().ok()?;
    (from == folder).then_some(answer)
}

/// The outside world, as the app sees it.
#[derive(Debug, Clone)]
pub struct Context {
    pub clock: Clock,
    /// Who is writing, recorded with a dismissed finding: when not given, worked out on first
    /// use the way `blameless status` does (`git config user.name`, else the login name), so
    /// the same person has one name everywhere.
    pub user: Option<String>,
    found_user: std::sync::Arc<std::sync::OnceLock<Option<String>>>,
    /// The folder for recovery copies and locks (the data folder; a test's own folder).
    pub recovery_dir: PathBuf,
    /// File names are shown relative to this folder (where blameless started).
    pub relative_to: Option<PathBuf>,
    /// Today's date, when fixed (tests); otherwise the clock's, in the document's zone.
    pub today: Option<NaiveDate>,
    /// The time a save is stamped with, when fixed (tests); otherwise the local time then.
    pub wall_clock: Option<String>,
    /// This editor's id: its lock and recovery copies carry it (two editors never share one).
    pub editor: String,
}

impl Context {
    /// The context of a real session: the system clock, `$USER`, the working folder.
    pub fn from_env(recovery_dir: PathBuf) -> Context {
        Context {
            clock: Clock::system(),
            user: None,
            found_user: Default::default(),
            recovery_dir,
            relative_to: std::env::current_dir().ok(),
            today: None,
            wall_clock: None,
            editor: crate::store::lock::editor_id(),
        }
    }

    /// A context for tests and benchmarks: a manual clock, no user, names relative to
    /// `folder`, recovery copies in `folder/recovery`.
    pub fn fixed(folder: &Path) -> Context {
        Context {
            clock: Clock::manual(),
            user: Some("Test Writer".into()),
            found_user: Default::default(),
            recovery_dir: folder.join("recovery"),
            relative_to: Some(folder.to_path_buf()),
            today: None,
            wall_clock: None,
            editor: {
                static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
                let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                format!("{}-t{n}", crate::store::lock::editor_id())
            },
        }
    }

    /// Who is writing, and since when, as a lock names them.
    pub fn holder(&self) -> crate::store::lock::Holder {
        crate::store::lock::Holder::named(self.who(), &self.stamp(), &self.editor)
    }

    /// Who is writing and since when, as [`Context::holder`], without waiting for `git
    /// config` when it is still being asked: then the login name, and `false` (the lock is
    /// named again once the answer is in, see [`Context::who_now`]).
    pub fn holder_now(&self) -> (crate::store::lock::Holder, bool) {
        let who = self.who_now();
        let known = who.is_some();
        (crate::store::lock::Holder::named(who.flatten(), &self.stamp(), &self.editor), known)
    }

    /// Who is writing, when that is known without waiting: `None` while the question asked
    /// early ([`ask_who_early`]) is still out.
    pub fn who_now(&self) -> Option<Option<String>> {
        if self.user.is_some() || self.found_user.get().is_some() {
            return Some(self.who());
        }
        let folder = self.relative_to.clone().unwrap_or_else(|| PathBuf::from("."));
        let asked = ASKED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|(from, thread)| *from != folder || thread.is_finished());
        // Not asked yet (the runner asks once the first frame is drawn), or still asking.
        asked.unwrap_or(false).then(|| self.who())
    }

    /// Who is writing (see [`Context::user`]).
    pub fn who(&self) -> Option<String> {
        if self.user.is_some() {
            return self.user.clone();
        }
        let folder = self.relative_to.clone().unwrap_or_else(|| PathBuf::from("."));
        let asked = || asked_early(&folder).unwrap_or_else(|| crate::library::status::who(&folder.join("document")));
        self.found_user.get_or_init(asked).clone()
    }

    /// A path as the user would type it: relative to the starting folder when inside it.
    pub fn shown(&self, path: &Path) -> String {
        let relative = self.relative_to.as_deref().and_then(|c| path.strip_prefix(c).ok());
        relative.unwrap_or(path).display().to_string()
    }

    /// The wall-clock time a save is stamped with.
    pub fn wall_clock(&self) -> String {
        match &self.wall_clock {
            Some(fixed) => fixed.clone(),
            None => chrono::Local::now().format("%H:%M:%S").to_string(),
        }
    }

    /// "2026-11-24 14:02": when a lock was taken, for the other editor's message.
    pub fn stamp(&self) -> String {
        chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
    }
}
