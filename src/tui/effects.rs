//! What `App::update` asks the runner to do outside the app: file work (saves with their
//! recovery copy, exports, opening and reloading a document, locks) and `$EDITOR`. `update`
//! only describes the work; [`perform`] does it — the runner on its writer thread, a test
//! inline — and its result comes back to `update` as [`Action::Done`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use super::action::Action;
use super::prose::ProseText;
use crate::store::lock::{Holder, Taken};
use crate::store::recovery::{self, Copy, Fingerprint};
use crate::store::{self, DiskState, Loaded};

/// Work for the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Suspend the terminal, edit this text in `$EDITOR`, and hand the result back as
    /// [`Action::ExternalEdited`].
    ExternalEditor(String),
    /// Write the recovery copy, then the document unless it changed on disk.
    Save(SaveJob),
    /// Write an export; a file there that blameless did not write is replaced only when
    /// `replace` (the user said so).
    Export { target: PathBuf, text: String, replace: bool },
    /// Read a document, take its lock and look for its recovery copy.
    Open { path: PathBuf, recovery_dir: PathBuf, me: Holder, new: bool },
    /// Write a new document into `folder` under a name not yet taken, then open it.
    Create { folder: PathBuf, name: PathBuf, text: String, recovery_dir: PathBuf, me: Holder },
    /// Read the document again (the user took the version on disk), first keeping mine as a
    /// copy beside it when `mine` is given.
    Reload { path: PathBuf, mine: Option<String> },
    /// Write this editor's recovery copy (the journal of what is typed, between saves); then,
    /// when it is written, remove `adopted`, a copy left behind that it now holds.
    Journal(JournalJob),
    /// Remove this editor's recovery copy (the document is saved and closed).
    RemoveRecovery { path: PathBuf, recovery_dir: PathBuf, editor: String },
    /// Remove a copy left behind by an editor that stopped (the user discarded it).
    RemoveCopy(PathBuf),
    /// Remove a document made from a template this session and left as made: only while the
    /// file still holds exactly `text`.
    RemoveUntouched { path: PathBuf, text: String },
    /// Give the document the name `to` (numbered when taken, never over a file), and take
    /// the lock of the new name for `me` (none when the editor is closing).
    Rename { from: PathBuf, to: PathBuf, recovery_dir: PathBuf, me: Option<Holder> },
}

/// A recovery copy to write, as `update` describes it: the document itself, turned into text
/// by the writer thread (for a 1 MB section that is milliseconds the keys do not wait for).
#[derive(Debug, Clone, PartialEq)]
pub struct JournalJob {
    pub path: PathBuf,
    pub recovery_dir: PathBuf,
    pub editor: String,
    pub base: Option<Fingerprint>,
    /// The document as it was, shared with the editor; the open prose sections' texts are
    /// in `texts`, which the writer puts in ([`with_texts`]).
    pub doc: Arc<crate::doc::Document>,
    pub texts: Vec<(usize, ProseText)>,
    /// The edit this text includes.
    pub rev: u64,
    pub adopted: Option<PathBuf>,
    /// The text of a save still under way when the job was made: once that is on disk, it is
    /// what this text was based on.
    pub after_save: Option<Made>,
}

/// What the text a save writes looks like, set by the writer thread once it has made the text
/// (jobs go in order, so a recovery copy asked for after the save sees it).
pub type Made = Arc<OnceLock<Fingerprint>>;

/// A save, as `update` describes it: the document itself, turned into text by the writer
/// thread (for a 1 MB section that is milliseconds the keys do not wait for).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveJob {
    pub path: PathBuf,
    /// As in [`JournalJob`]: the document shared, the prose texts as they stood.
    pub doc: Arc<crate::doc::Document>,
    pub texts: Vec<(usize, ProseText)>,
    /// Set to the text's fingerprint when the writer has made it.
    pub made: Made,
    pub recovery_dir: PathBuf,
    /// The editor saving: its recovery copy is written first.
    pub editor: String,
    /// The file as we last read or wrote it: a file on disk that differs is someone else's.
    pub base: Option<Fingerprint>,
    /// The path was a symbolic link when the document was read (saves go through it).
    pub link: bool,
    /// Write over whatever is on disk (the user chose "keep mine").
    pub over: bool,
    /// The edit this text includes (later edits keep the document unsaved).
    pub rev: u64,
    /// Asked for (Ctrl-S), not an autosave: the outcome is said.
    pub asked: bool,
    /// Quit once saved.
    pub then_quit: bool,
}

/// How a save went.
#[derive(Debug)]
pub enum Saved {
    /// Written; the file is now this.
    Written(Option<Fingerprint>),
    /// The file had been deleted or moved away; written again.
    Recreated(Option<Fingerprint>),
    /// The file changed on disk: nothing written.
    Conflict,
    /// The file on disk cannot be compared with ours — it no longer reads as text, or the path
    /// became a link — so it is taken as changed: nothing written. Why, as words that follow
    /// the file's name.
    Unlike(String),
    Failed(String),
}

/// A document read from disk, for the editor.
#[derive(Debug)]
pub struct Read {
    pub path: PathBuf,
    pub loaded: Loaded,
    pub text: String,
    pub modified: Option<SystemTime>,
    /// Made from a template just now (a file nobody has written in yet).
    pub new: bool,
    /// The path is a symbolic link (saves go through it, as long as it stays one).
    pub link: bool,
}

/// The result of an effect, as `update` receives it.
#[derive(Debug)]
pub enum Outcome {
    Saved { job: SaveJob, recovery_at: Option<PathBuf>, saved: Saved },
    Exported(super::export_file::Exported),
    Opened { read: Result<Box<Read>, String>, lock: Option<Taken>, recovery: Vec<Copy> },
    Reloaded { read: Result<Box<Read>, String>, copy: Option<Result<PathBuf, String>> },
    Journaled { rev: u64, at: Result<PathBuf, String> },
    Renamed { from: PathBuf, to: Result<(PathBuf, Option<Taken>), String> },
}

/// An outcome inside an action: actions are cloned and compared, an outcome is taken once.
#[derive(Debug, Clone)]
pub struct Done(Arc<Mutex<Option<Outcome>>>);

impl Done {
    pub fn new(outcome: Outcome) -> Done {
        Done(Arc::new(Mutex::new(Some(outcome))))
    }

    /// The outcome, the first time.
    pub fn take(&self) -> Option<Outcome> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

impl PartialEq for Done {
    fn eq(&self, other: &Done) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Done {}

/// Does the file work of `effect` and returns what `update` should hear of it. Not for
/// `ExternalEditor`, which needs the terminal (the runner does that one).
pub fn perform(effect: Effect) -> Option<Action> {
    let outcome = match effect {
        Effect::ExternalEditor(_) => return None,
        Effect::Save(job) => save(job),
        Effect::Export { target, text, replace } => Outcome::Exported(super::export_file::write(target, text, replace)),
        Effect::Create { folder, name, text, recovery_dir, me } => {
            match super::start::new_file(&folder, &name, &text) {
                Ok(path) => return perform(Effect::Open { path, recovery_dir, me, new: true }),
                Err(why) => Outcome::Opened { read: Err(why), lock: None, recovery: Vec::new() },
            }
        }
        Effect::Open { path, recovery_dir, me, new } => {
            let read = read(&path).map(|mut r| {
                r.new = new;
                r
            });
            let (lock, recovery) = match &read {
                Ok(_) => {
                    (crate::store::lock::take(&recovery_dir, &path, &me), recovery::left_behind(&recovery_dir, &path))
                }
                Err(_) => (None, Vec::new()),
            };
            Outcome::Opened { read, lock, recovery }
        }
        Effect::Reload { path, mine } => {
            let copy = mine.map(|text| super::recover::save_copy(&path, &text));
            // A copy that could not be written: nothing else is done.
            if let Some(Err(why)) = &copy {
                let why = why.clone();
                return Some(Action::Done(Done::new(Outcome::Reloaded {
                    read: Err(why.clone()),
                    copy: Some(Err(why)),
                })));
            }
            Outcome::Reloaded { read: read(&path), copy }
        }
        Effect::Journal(job) => {
            let base = match job.after_save.as_ref().and_then(|made| made.get()) {
                Some(saved) if Fingerprint::of_file(&job.path).is_some_and(|d| d.same_content(saved)) => Some(*saved),
                _ => job.base,
            };
            let text = store::document_text_any_size(&with_texts(&job.doc, &job.texts));
            let at = text
                .and_then(|text| {
                    recovery::write_recovery(&job.recovery_dir, &job.path, &job.editor, base.as_ref(), &text)
                })
                .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_string());
            if let (Ok(_), Some(adopted)) = (&at, &job.adopted) {
                let _ = std::fs::remove_file(adopted);
            }
            Outcome::Journaled { rev: job.rev, at }
        }
        Effect::RemoveRecovery { path, recovery_dir, editor } => {
            recovery::remove_recovery(&recovery_dir, &path, &editor);
            return None;
        }
        Effect::RemoveCopy(copy) => {
            let _ = std::fs::remove_file(copy);
            return None;
        }
        Effect::Rename { from, to, recovery_dir, me } => {
            let to = store::rename::rename_free(&from, &to).map_err(|e| e.to_string()).map(|at| {
                let lock = me.and_then(|me| crate::store::lock::take(&recovery_dir, &at, &me));
                (at, lock)
            });
            Outcome::Renamed { from, to }
        }
        Effect::RemoveUntouched { path, text } => {
            if std::fs::read_to_string(&path).is_ok_and(|now| now == text) {
                let _ = std::fs::remove_file(&path);
            }
            return None;
        }
    };
    Some(Action::Done(Done::new(outcome)))
}

/// `doc` with the prose sections' texts of `texts` (a copy when one differs from the text
/// the document holds): what a save or recovery copy writes. Runs on the writer's thread,
/// so that neither the copy nor putting a long text together is on the keys' thread.
pub fn with_texts<'d>(
    doc: &'d crate::doc::Document,
    texts: &[(usize, ProseText)],
) -> std::borrow::Cow<'d, crate::doc::Document> {
    let mut doc = std::borrow::Cow::Borrowed(doc);
    for (i, text) in texts {
        let text = text.text();
        if doc.sections.get(*i).is_some_and(|s| s.text != text) {
            doc.to_mut().sections[*i].text = text;
        }
    }
    doc
}

fn read(path: &Path) -> Result<Box<Read>, String> {
    let text = store::read_text(path).map_err(|e| e.to_string())?;
    let loaded = store::parse_document(path, &text).map_err(|e| e.to_string())?;
    let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    Ok(Box::new(Read { path: path.to_path_buf(), loaded, text, modified, new: false, link }))
}

/// The recovery copy first (so a crash during the save still has the words), then the file,
/// unless someone else changed it since we last read or wrote it.
fn save(job: SaveJob) -> Outcome {
    let text = match store::document_text_any_size(&with_texts(&job.doc, &job.texts)) {
        Ok(text) => text,
        Err(e) => return Outcome::Saved { job, recovery_at: None, saved: Saved::Failed(e.to_string()) },
    };
    let _ = job.made.set(Fingerprint::of_text(&text, None));
    let recovery_at =
        recovery::write_recovery(&job.recovery_dir, &job.path, &job.editor, job.base.as_ref(), &text).ok();
    let disk = store::on_disk(&job.path);
    // Only a file that is not there at all was deleted; one that cannot be read or decoded
    // is someone's, and a link that appeared since we read the file leads elsewhere.
    let unlike = match &disk.state {
        DiskState::Unreadable(why) => Some(why.clone()),
        _ if disk.link && !job.link => Some(link_note(&job.path)),
        _ => None,
    };
    let changed = match (&job.base, &disk.state) {
        (Some(ours), DiskState::Text(theirs)) => !ours.same_content(theirs),
        _ => false,
    };
    let size = text.len() as u64;
    let saved = if size > store::MAX_FILE_BYTES {
        // Never a file the app would then refuse to open; the words are in the recovery copy.
        Saved::Failed(store::SaveError::TooLarge(size).to_string())
    } else if let Some(why) = unlike.filter(|_| !job.over) {
        Saved::Unlike(why)
    } else if changed && !job.over {
        Saved::Conflict
    } else {
        let deleted = job.base.is_some() && disk.state == DiskState::Missing;
        // Through a link only when the document was opened through it: "keep mine" over a
        // link that appeared replaces the link, and so does one planted since the look above.
        let write = if job.link { store::write_atomic } else { store::write_atomic_here };
        match write(&job.path, text.as_bytes()) {
            Ok(()) if deleted && !job.over => Saved::Recreated(Fingerprint::of_file(&job.path)),
            Ok(()) => Saved::Written(Fingerprint::of_file(&job.path)),
            Err(e) => Saved::Failed(e.to_string()),
        }
    };
    Outcome::Saved { job, recovery_at, saved }
}

/// The words for a path that became a link: where it leads.
fn link_note(path: &Path) -> String {
    match std::fs::read_link(path) {
        Ok(to) => format!("is now a symbolic link to {}", to.display()),
        Err(_) => "is now a symbolic link".to_string(),
    }
}
