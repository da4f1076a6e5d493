//! Opening, saving, quitting and exporting: what the app asks of the files, and what it does
//! with the answers. The file work itself is the runner's (see `effects`).

use std::path::{Path, PathBuf};

use super::{App, Dialog, Screen};
use crate::store::recovery::Copy;
use crate::store::{self, lock::Taken, recovery};
use crate::tui::editor::Editor;
use crate::tui::effects::{Effect, Outcome, Read, SaveJob, Saved};

/// How long the editor looks for the answer to who is writing before the lock keeps the
/// login name it was taken in.
const GIVE_UP_ON_WHO: std::time::Duration = std::time::Duration::from_secs(10);

impl App {
    /// Asks for a document to be opened (read, locked, its recovery copy looked for).
    pub(super) fn open_path(&mut self, path: PathBuf) {
        let me = self.ctx.holder();
        self.effects.push(Effect::Open { path, recovery_dir: self.ctx.recovery_dir.clone(), me, new: false });
    }

    /// Start-up: opens `loaded`, read from `path` as `file_text`, in the editor: takes the
    /// lock, and offers the recovery copy when one differs from the file.
    pub(crate) fn open_document(&mut self, path: &Path, loaded: store::Loaded, file_text: &str, new: bool) {
        let dir = self.ctx.recovery_dir.clone();
        // Who is writing may still be being asked (`git config`): the lock is not kept
        // waiting for it, and is named once the answer is in.
        let (me, named) = self.ctx.holder_now();
        let lock = crate::store::lock::take(&dir, path, &me);
        self.unnamed_lock = (!named && lock.is_some()).then(|| self.now());
        let recovery = recovery::left_behind(&dir, path);
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let read = Read { path: path.to_path_buf(), loaded, text: file_text.to_string(), modified, new, link };
        self.install(read, lock, recovery);
    }

    /// Names the open document's lock for who is writing, once that is known.
    pub(super) fn name_the_lock(&mut self) {
        let Some(since) = self.unnamed_lock else { return };
        if self.ctx.who_now().is_none() {
            // A `git config` that never answers: the lock keeps the login name, and the
            // editor stops looking (it would otherwise wake every few milliseconds for ever).
            if self.now().saturating_duration_since(since) > GIVE_UP_ON_WHO {
                self.unnamed_lock = None;
            }
            return;
        }
        self.unnamed_lock = None;
        let (me, _) = self.ctx.holder_now();
        // The lock was taken in the login name: written again only if that is not the answer.
        let provisional = crate::store::lock::Holder::named(None, "", "").name;
        if let Some(lock) = self.editor_mut().and_then(|e| e.lock.as_mut())
            && me.name != provisional
        {
            let _ = lock.name_holder(&me);
        }
    }

    /// The document read, in the editor: with its lock (or the dialog that says who has it),
    /// and the recovery copy offered when it differs from the file.
    fn install(&mut self, read: Read, lock: Option<Taken>, recovery: Vec<Copy>) {
        let dir = self.ctx.recovery_dir.clone();
        // Made absolute now, while the working folder exists: saves, the recovery copy and
        // the lock keep working if it is removed or renamed while the editor runs.
        let path = recovery::normal(&read.path);
        let file = (read.loaded, read.text.as_str(), read.modified);
        let mut editor = Editor::open(&path, file, &self.library, &dir, self.checker.clone());
        if self.pending_checker.is_some() || self.early_checker.is_some() {
            editor.set_checking(true);
        }
        editor.shown = self.ctx.shown(&path);
        editor.id = self.ctx.editor.clone();
        editor.made_from_template = read.new.then(|| read.text.clone());
        editor.names_follow = read.new && !read.link;
        editor.link = read.link;
        if let Some(Taken { lock, held_by, stale }) = lock {
            editor.lock = Some(lock);
            if let Some(holder) = held_by {
                // The copies left behind were offered to the editor already running.
                self.ask(Dialog::Locked { holder });
                self.show_editor(editor);
                return;
            }
            if let Some(h) = stale {
                self.message = Some(format!(
                    "Took over the lock of a stopped editor ({}, since {}; pid {}).",
                    h.name, h.since, h.pid
                ));
            }
        }
        // Copies that hold just what the file holds are done with; the others are offered.
        let (same, differ): (Vec<Copy>, Vec<Copy>) = recovery.into_iter().partition(|c| c.text == read.text);
        for copy in same {
            self.effects.push(Effect::RemoveCopy(copy.path));
        }
        if let Some((copy, rest)) = differ.split_first() {
            let summary = crate::tui::recover::summary(&editor.doc, &copy.text);
            self.ask(Dialog::Recover { copy: Box::new(copy.clone()), summary, rest: rest.to_vec() });
        }
        if let Some(from) = editor.migrated_from {
            self.message = Some(format!("Read a schema {from} document; it is saved in the current schema."));
        }
        self.show_editor(editor);
    }

    /// The editor on screen; the start screen it was opened from is kept to go back to.
    fn show_editor(&mut self, editor: Editor) {
        if let Screen::Start(start) = std::mem::replace(&mut self.screen, Screen::Editor(Box::new(editor)))
            && start.is_real()
        {
            self.back_to = Some(Box::new(start));
        }
    }

    /// A document made from a template this session whose file still holds the template's
    /// text (nothing written in it was saved) leaves no file behind.
    pub(super) fn forget_unwritten_new(&mut self) {
        if let Some(e) = self.editor()
            && let Some(text) = &e.made_from_template
        {
            self.effects.push(Effect::RemoveUntouched { path: e.path.clone(), text: text.clone() });
        }
    }

    /// Leaves the editor: back to the list it was opened from (read again, as the document
    /// may have changed), or out of the program.
    pub(super) fn leave(&mut self) {
        match self.back_to.take() {
            Some(start) => {
                self.layers.clear();
                self.screen = Screen::Start(start.again(&self.library));
            }
            None => self.quit = true,
        }
    }

    /// The start screen, listed again (a document was renamed or removed meanwhile).
    pub(super) fn refresh_start(&mut self) {
        if let Screen::Start(start) = &self.screen
            && start.is_real()
        {
            self.screen = Screen::Start(crate::tui::start::Start::new(&start.folder, &self.library, start.today));
        }
    }

    /// The result of file work the runner did.
    pub(super) fn done(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved { job, recovery_at, saved } => self.saved(job, recovery_at, saved),
            Outcome::Exported(result) => self.exported(result),
            Outcome::Opened { read: Ok(read), lock, recovery } => self.install(*read, lock, recovery),
            Outcome::Opened { read: Err(why), .. } => {
                self.message = Some(why.lines().next().unwrap_or_default().to_string());
            }
            Outcome::Reloaded { read, copy } => self.reloaded(read, copy),
            Outcome::Renamed { from, to } => self.renamed(from, to),
            Outcome::Journaled { rev, at } => {
                let Some(e) = self.editor_mut() else { return };
                e.journaling = false;
                match at {
                    Ok(at) => {
                        e.journaled_up_to(rev);
                        e.recovery_at = Some(at);
                    }
                    // Said once; the next edits try again.
                    Err(why) if e.recovery_at.is_some() || e.journaled == 0 => {
                        e.recovery_at = None;
                        e.journaled = rev;
                        self.message = Some(format!("Cannot write the recovery copy: {why}. Save often (Ctrl-S)."));
                    }
                    Err(_) => e.journaled = rev,
                }
            }
        }
    }

    pub(super) fn autosave_on_page_change(&mut self) {
        if self.editor().is_some_and(|e| e.dirty && !e.conflict) {
            self.save(false);
        }
    }

    /// Asks for a save (an autosave unless `asked`); one at a time: a save asked for while
    /// one runs follows it.
    pub(super) fn save(&mut self, asked: bool) {
        self.save_with(false, asked, false);
    }

    /// A save that writes over the file on disk whatever it holds ("keep mine"), or that
    /// quits once it is done.
    pub(super) fn save_with(&mut self, over: bool, asked: bool, then_quit: bool) {
        let Some(editor) = self.editor_mut() else { return };
        if editor.conflict && !asked {
            return;
        }
        if editor.saving {
            editor.resave = Some(asked || editor.resave.unwrap_or(false));
            editor.quit_after_save |= then_quit;
            return;
        }
        if over {
            editor.conflict = false;
        }
        let job = editor.save_job(over, asked, then_quit);
        editor.saving = true;
        editor.in_flight = Some(job.made.clone());
        self.effects.push(Effect::Save(job));
    }

    fn saved(&mut self, job: SaveJob, recovery_at: Option<PathBuf>, saved: Saved) {
        let clock = self.ctx.wall_clock();
        let Some(editor) = self.editor_mut() else { return };
        editor.saving = false;
        editor.in_flight = None;
        if recovery_at.is_some() {
            editor.journaled_up_to(job.rev);
        }
        editor.recovery_at = recovery_at;
        let written = matches!(saved, Saved::Written(_) | Saved::Recreated(_));
        let follow = matches!(saved, Saved::Written(_)) && !job.then_quit;
        match saved {
            Saved::Written(disk) => {
                editor.written(&job, disk, &clock);
                if job.over {
                    self.message = Some("Saved your version over the changed file.".into());
                } else if job.asked {
                    self.message = Some(format!("Saved {}", editor.shown));
                }
            }
            Saved::Recreated(disk) => {
                editor.written(&job, disk, &clock);
                self.message = Some("The file had been deleted or moved on disk; your version is saved again.".into());
            }
            Saved::Conflict => {
                editor.conflict = true;
                self.ask(Dialog::Conflict);
            }
            Saved::Unlike(why) => {
                editor.conflict = true;
                self.message = Some(format!("{} {why}: nothing was overwritten.", editor.shown));
                self.ask(Dialog::Conflict);
            }
            Saved::Failed(why) => {
                let copy = editor
                    .recovery_at
                    .as_ref()
                    .map(|p| format!(" Your text is safe in {}.", p.display()))
                    .unwrap_or_default();
                self.message = Some(format!("Not saved: {}.{copy}", why.lines().next().unwrap_or_default()));
            }
        }
        let quit_after = self.editor().is_some_and(|e| e.quit_after_save);
        if (job.then_quit || quit_after) && written && self.editor().is_some_and(|e| !e.dirty) {
            return self.finish_quit();
        }
        if follow && !quit_after {
            self.follow_title(false, job.asked);
        }
        self.resave_if_asked();
    }

    /// The save asked for while another ran, now that it is done (quitting after it when
    /// "save and quit" was asked meanwhile).
    pub(super) fn resave_if_asked(&mut self) {
        let Some(e) = self.editor_mut() else { return };
        let quit = std::mem::take(&mut e.quit_after_save);
        match e.resave.take() {
            Some(asked) => self.save_with(false, asked, quit),
            None if quit => self.save_with(false, true, true),
            None => {}
        }
    }

    /// On the way out after a signal: the save of what is not saved yet, unless the file
    /// changed on disk (that waits for the user's choice, with the words in the copy).
    pub(crate) fn last_save(&mut self) -> Option<Effect> {
        let e = self.editor_mut()?;
        if !e.dirty || e.conflict {
            return None;
        }
        Some(Effect::Save(e.save_job(false, false, false)))
    }

    /// After a crash: the open document's text in its recovery copy, and where that is.
    pub(crate) fn rescue(&mut self) -> Option<PathBuf> {
        let Screen::Editor(editor) = &mut self.screen else { return None };
        let text = editor.text_any_size().ok()?;
        recovery::write_recovery(&editor.recovery_dir, &editor.path, &editor.id, editor.disk.as_ref(), &text).ok()
    }

    pub(super) fn request_quit(&mut self) {
        match self.editor() {
            Some(e) if e.dirty => self.ask(Dialog::QuitUnsaved),
            _ => self.finish_quit(),
        }
    }

    pub(super) fn finish_quit(&mut self) {
        // This editor's own recovery copy, once all it holds is saved.
        if let Some(e) = self.editor()
            && !e.dirty
        {
            let (path, recovery_dir, editor) = (e.path.clone(), self.ctx.recovery_dir.clone(), e.id.clone());
            self.effects.push(Effect::RemoveRecovery { path, recovery_dir, editor });
        }
        self.follow_title(true, false);
        self.forget_unwritten_new();
        if let Some(e) = self.editor_mut() {
            e.lock = None; // released now, not when the process ends
        }
        if self.editor().is_some() {
            self.leave();
        } else {
            self.quit = true;
        }
    }

    /// "Take theirs" (after keeping mine as a copy, when asked): the file on disk, read.
    fn reloaded(&mut self, read: Result<Box<Read>, String>, copy: Option<Result<PathBuf, String>>) {
        if let Some(Err(why)) = copy {
            self.message = Some(format!("Could not save your copy ({why}); nothing was changed."));
            return self.ask(Dialog::Conflict);
        }
        let note = match copy {
            Some(Ok(p)) => format!(" Your version is in {}.", p.display()),
            _ => String::new(),
        };
        let library = self.library.clone();
        let Some(e) = self.editor_mut() else { return };
        self.message = Some(match read {
            Ok(read) => {
                e.reload(*read, &library);
                format!("Loaded the version on disk.{note}")
            }
            Err(why) => format!("Could not load the file on disk: {why}"),
        });
    }
}
