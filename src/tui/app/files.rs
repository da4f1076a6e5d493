//! Opening, saving, quitting and exporting: the app's dealings with files.

use std::path::Path;

use super::{App, Dialog, Screen};
use crate::store::{self, recovery};
use crate::tui::editor::{Editor, SaveOutcome};

impl App {
    /// Opens a document for editing; offers the recovery copy when one differs from it. A
    /// document that cannot be read is said in the status line, the screen stays as it was.
    pub(super) fn open_path(&mut self, path: &Path) {
        let read = store::read_text(path).and_then(|text| Ok((store::parse_document(path, &text)?, text)));
        match read {
            Ok((loaded, text)) => self.open_document(path, loaded, &text),
            Err(e) => self.message = Some(e.to_string().lines().next().unwrap_or_default().to_string()),
        }
    }

    /// Opens `loaded`, read from `path` as `file_text`, in the editor: takes the lock, and
    /// offers the recovery copy when one differs from the file.
    pub(crate) fn open_document(&mut self, path: &Path, loaded: store::Loaded, file_text: &str) {
        let dir = self.ctx.recovery_dir.clone();
        let mut editor = Editor::open(path, loaded, file_text, &self.library, &dir, self.checker.clone());
        editor.shown = self.ctx.shown(path);
        let me = crate::store::lock::Holder::me(&self.ctx.stamp());
        match crate::store::lock::take(&dir, path, &me, false) {
            Some(crate::store::lock::Taken::Held(holder)) => {
                // The other editor's recovery copy is in use: it is not offered here.
                self.ask(Dialog::Locked { holder });
                self.screen = Screen::Editor(Box::new(editor));
                return;
            }
            Some(crate::store::lock::Taken::Ours { lock, stale }) => {
                editor.lock = Some(lock);
                if let Some(h) = stale {
                    self.message =
                        Some(format!("Took over the lock of an editor that stopped (pid {}, {}).", h.pid, h.since));
                }
            }
            None => {}
        }
        if let Some((copy, text)) = recovery::read_recovery(&dir, path) {
            if text != *file_text {
                let summary = crate::tui::recover::summary(&editor.doc, &text);
                self.ask(Dialog::Recover { copy, summary });
            } else {
                recovery::remove_recovery(&dir, path);
            }
        }
        if let Some(from) = editor.migrated_from {
            self.message = Some(format!("Read a schema {from} document; it is saved in the current schema."));
        }
        self.screen = Screen::Editor(Box::new(editor));
    }

    /// After a crash: the open document's text in its recovery copy, and where that is.
    pub(crate) fn rescue(&mut self) -> Option<std::path::PathBuf> {
        let Screen::Editor(editor) = &mut self.screen else { return None };
        let text = editor.text().ok()?;
        recovery::write_recovery(&editor.recovery_dir, &editor.path, &text).ok()
    }

    pub(super) fn autosave_on_page_change(&mut self) {
        if self.editor().is_some_and(|e| e.dirty && !e.conflict) {
            self.save(false);
        }
    }

    pub(super) fn save(&mut self, asked: bool) {
        let clock = self.ctx.wall_clock();
        let Some(editor) = self.editor_mut() else { return };
        if editor.conflict && !asked {
            return;
        }
        match editor.save(&clock) {
            SaveOutcome::Saved => {
                if asked {
                    self.message =
                        Some(format!("Saved {}", self.editor().map(|e| e.shown.clone()).unwrap_or_default()));
                }
            }
            SaveOutcome::Recreated => {
                self.message = Some("The file had been deleted or moved on disk; your version is saved again.".into())
            }
            SaveOutcome::Conflict => self.ask(Dialog::Conflict),
            SaveOutcome::Failed(why) => {
                let copy = editor
                    .recovery_at
                    .as_ref()
                    .map(|p| format!(" Your text is safe in {}.", p.display()))
                    .unwrap_or_default();
                self.message = Some(format!("Not saved: {}.{copy}", why.lines().next().unwrap_or_default()));
            }
        }
    }

    pub(super) fn request_quit(&mut self) {
        match self.editor() {
            Some(e) if e.dirty => self.ask(Dialog::QuitUnsaved),
            _ => self.finish_quit(),
        }
    }

    pub(super) fn finish_quit(&mut self) {
        // The recovery copy belongs to the editor that holds the lock.
        if let Some(e) = self.editor()
            && !e.dirty
            && e.lock.is_some()
        {
            recovery::remove_recovery(&self.ctx.recovery_dir, &e.path);
        }
        if let Some(e) = self.editor_mut() {
            e.lock = None; // released now, not when the process ends
        }
        self.quit = true;
    }

    pub(super) fn export_markdown(&mut self) {
        let Some(e) = self.editor_mut() else { return };
        e.sync();
        let target = e.path.with_extension("md");
        let markdown = crate::export::to_markdown(&e.doc);
        let text = match e.path.file_name() {
            Some(name) => crate::export::marker::with_marker(&markdown, &name.to_string_lossy()),
            None => markdown,
        };
        self.message = Some(match store::write_atomic(&target, text.as_bytes()) {
            Ok(()) => format!("Exported {}", target.display()),
            Err(why) => format!("Export failed: {}", why.to_string().lines().next().unwrap_or_default()),
        });
    }
}
