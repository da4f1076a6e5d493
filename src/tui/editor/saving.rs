//! The editor's bookkeeping that keeps every word safe: when the autosave and the recovery
//! copy (the journal) are due, the work they ask of the runner, and what their results mean.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::{AUTOSAVE_AT_MOST, Editor, JOURNAL_AFTER, JOURNAL_AT_MOST, autosave_after};
use crate::store;
use crate::store::recovery::Fingerprint;
use crate::tui::effects::{JournalJob, Made, SaveJob};

impl Editor {
    /// When the pending autosave is due, if there is one.
    pub fn autosave_due(&self) -> Option<Instant> {
        if !self.dirty || self.conflict || self.saving {
            return None;
        }
        let at_most = self.dirty_since.map(|t| t + AUTOSAVE_AT_MOST.max(autosave_after()));
        self.last_edit.map(|t| t + autosave_after()).into_iter().chain(at_most).min()
    }

    /// When the recovery copy is next to be written, if edits are not in it yet.
    pub fn journal_due(&self) -> Option<Instant> {
        if self.journaling || self.journaled == self.rev {
            return None;
        }
        let at_most = self.unjournaled_since.map(|t| t + JOURNAL_AT_MOST);
        self.last_edit.map(|t| t + JOURNAL_AFTER).into_iter().chain(at_most).min()
    }

    /// The recovery copy of the document as it is now, for the runner to write.
    /// The document is shared, not copied, and the prose texts are taken as they stand
    /// ([`Editor::texts_now`]): the writer's thread puts them together.
    pub fn journal_job(&mut self, adopted: Option<PathBuf>) -> Result<JournalJob, String> {
        self.sync_fields();
        Ok(JournalJob {
            path: self.path.clone(),
            recovery_dir: self.recovery_dir.clone(),
            editor: self.id.clone(),
            base: self.disk,
            doc: Arc::clone(&self.doc),
            texts: self.texts_now(),
            rev: self.rev,
            adopted,
            after_save: self.in_flight.clone(),
        })
    }

    /// The open prose sections' texts as they are now, taken without putting them together
    /// (the writer's thread does, [`crate::tui::effects::with_texts`]).
    pub fn texts_now(&self) -> Vec<(usize, crate::tui::prose::ProseText)> {
        let mut texts: Vec<_> = self.texts.iter().map(|(i, prose)| (*i, prose.snapshot())).collect();
        texts.sort_by_key(|(i, _)| *i);
        texts
    }

    /// The recovery copy now holds the edits up to `rev`.
    pub fn journaled_up_to(&mut self, rev: u64) {
        self.journaling = false;
        if rev > self.journaled {
            self.journaled = rev;
        }
        if self.journaled == self.rev {
            self.unjournaled_since = None;
        }
    }

    /// The document's current text, as it would be saved.
    pub fn text(&mut self) -> Result<String, store::SaveError> {
        self.sync();
        store::document_text(&self.doc)
    }

    /// The document's text even past the size a file may have: the save refuses to write
    /// it, but the recovery copy keeps it.
    pub fn text_any_size(&mut self) -> Result<String, store::SaveError> {
        self.sync();
        store::document_text_any_size(&self.doc)
    }

    /// The save of the document as it is now, for the runner to perform (the writer thread
    /// turns it into text).
    pub fn save_job(&mut self, over: bool, asked: bool, then_quit: bool) -> SaveJob {
        self.sync_fields();
        SaveJob {
            path: self.path.clone(),
            doc: Arc::clone(&self.doc),
            texts: self.texts_now(),
            made: Made::default(),
            recovery_dir: self.recovery_dir.clone(),
            editor: self.id.clone(),
            base: self.disk,
            link: self.link,
            over,
            rev: self.rev,
            asked,
            then_quit,
        }
    }

    /// A save of `job` is done: the file is now `disk`; the document is saved unless it was
    /// edited since the job's text was taken.
    pub fn written(&mut self, job: &SaveJob, disk: Option<Fingerprint>, wall_clock: &str) {
        self.disk = disk;
        if self.rev == job.rev {
            self.dirty = false;
            self.dirty_since = None;
        } else {
            self.dirty_since = self.last_edit;
        }
        self.saved_at = Some(wall_clock.to_string());
    }
}
