//! A new document's file name follows its title and the incident's day: one rename, on the
//! first save after both are set (or on leaving, with a title and no day yet), announced in
//! the status line. Later renames are `blameless mv`'s.

use std::path::PathBuf;

use super::App;
use crate::doc::UNTITLED;
use crate::store::lock::Taken;
use crate::tui::editor::{Focus, Page};
use crate::tui::effects::Effect;

impl App {
    /// Asks for the rename when it is due. `leaving`: the editor is closing (the file keeps
    /// the date in its name when the incident has no day yet); `asked`: the save was Ctrl-S,
    /// which says the title is done even while it is in focus.
    pub(super) fn follow_title(&mut self, leaving: bool, asked: bool) {
        let me = (!leaving).then(|| self.ctx.holder());
        let recovery_dir = self.ctx.recovery_dir.clone();
        let today = self.today();
        let Some(e) = self.editor_mut() else { return };
        let title = e.doc.title.trim();
        if !e.names_follow || e.dirty && leaving || title.is_empty() || title == UNTITLED {
            return;
        }
        // Not while the title is being typed: an autosave in a pause would name the file after
        // half of it. Ctrl-S there is the writer saying it is done.
        let typing_title = e.page == Page::Details
            && e.focus == Focus::Page
            && e.details.fields.get(e.details.focus).is_some_and(|f| f.id == "title");
        if typing_title && !leaving && !asked {
            return;
        }
        if crate::store::rename::start_day(&e.doc).is_none() && !leaving {
            return;
        }
        let day = crate::store::rename::day_for(&e.path, &e.doc, today);
        e.names_follow = false;
        let to = crate::store::rename::named_after(&e.path, day, title);
        if to == e.path {
            return;
        }
        // No save starts until the file has its new name (it would write the old one again).
        e.saving = true;
        let from = e.path.clone();
        self.effects.push(Effect::Rename { from, to, recovery_dir, me });
    }

    pub(super) fn renamed(&mut self, from: PathBuf, to: Result<(PathBuf, Option<Taken>), String>) {
        let old = self.ctx.shown(&from);
        let Some(e) = self.editor_mut().filter(|e| e.path == from) else {
            // Renamed on the way out: said on the start screen, which lists it again.
            if let Ok((at, _)) = &to {
                self.message = Some(format!("Named {} after its title (was {old}).", self.ctx.shown(at)));
                self.refresh_start();
            }
            return;
        };
        e.saving = false;
        match to {
            Ok((at, taken)) => {
                e.path = crate::store::recovery::normal(&at);
                if let Some(taken) = taken {
                    e.lock = Some(taken.lock);
                }
                // The words not saved yet go into the new name's copy before the old one goes.
                let journal = if e.dirty { e.journal_job(None).ok() } else { None };
                let (path, editor) = (e.path.clone(), e.id.clone());
                let shown = self.ctx.shown(&path);
                if let Some(e) = self.editor_mut() {
                    e.shown = shown.clone();
                }
                self.effects.extend(journal.map(Effect::Journal));
                let recovery_dir = self.ctx.recovery_dir.clone();
                self.effects.push(Effect::RemoveRecovery { path: from, recovery_dir, editor });
                self.message = Some(format!("Named {shown} after its title and the incident's day (was {old})."));
            }
            Err(why) => {
                self.message = Some(format!("Could not rename {old} after its title ({why}); it keeps its name."))
            }
        }
        self.resave_if_asked();
    }
}
