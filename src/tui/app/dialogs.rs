//! The answers to each dialog, one function each. A dialog arrives here taken off the stack;
//! it goes back on when the key was not an answer.

use super::{App, Dialog};
use crate::store::recovery::Copy;

use crate::tui::action::{Action, TextOp};
use crate::tui::editor::Page;
use crate::tui::effects::Effect;
use crate::tui::keymap::{Scope, key_for};

impl App {
    pub(super) fn answer(&mut self, dialog: Dialog, action: Action) {
        match dialog {
            Dialog::Dismiss { finding, reason } => self.answer_dismiss(finding, reason, action),
            Dialog::Locked { holder } => self.answer_locked(holder, action),
            Dialog::PasteRows(form) => self.answer_paste(form, action),
            Dialog::QuitUnsaved => self.answer_quit(action),
            Dialog::Conflict => self.answer_conflict(action),
            Dialog::Recover { copy, summary, rest } => self.answer_recover(copy, summary, rest, action),
            Dialog::DiscardCopy { copy, summary, rest } => self.answer_discard(copy, summary, rest, action),
            Dialog::ReplaceExport { target, text } => self.answer_replace_export(target, text, action),
        }
    }

    fn answer_dismiss(&mut self, finding: Box<crate::lint::TextFinding>, mut reason: String, action: Action) {
        match action {
            Action::Insert(c) => reason.push(c),
            Action::Paste(text) => reason.extend(text.chars().filter(|c| !c.is_control())),
            Action::Text(TextOp::Backspace) => {
                reason.pop();
            }
            Action::Text(TextOp::Newline) => {
                let now = self.now();
                let by = self.ctx.who();
                if let Some(e) = self.editor_mut() {
                    e.sync();
                    crate::lint::dismiss(e.doc_mut(), &finding, by.as_deref(), Some(&reason));
                    e.touch(now);
                    e.check_all();
                }
                self.message =
                    Some(format!("Dismissed {} for \"{}\"; the document records it.", finding.rule, finding.text));
                return;
            }
            Action::Back => return,
            _ => {}
        }
        self.layers.push(super::Layer::Dialog(Dialog::Dismiss { finding, reason }));
    }

    fn answer_locked(&mut self, holder: crate::store::lock::Holder, action: Action) {
        match action {
            // Each editor holds a lock of its own: editing here too needs nothing more.
            Action::Choose('o') => {}
            Action::Choose('q') => {
                if self.back_to.is_none()
                    && let Some(e) = self.editor()
                {
                    self.farewell = Some(format!(
                        "Left {} to the other blameless ({}, process {}); nothing was changed here.",
                        e.shown, holder.name, holder.pid
                    ));
                }
                self.leave()
            }
            _ => self.ask(Dialog::Locked { holder }),
        }
    }

    fn answer_paste(&mut self, mut form: Box<crate::tui::table::paste::PasteForm>, action: Action) {
        let now = self.now();
        let Some(e) = self.editor_mut() else { return };
        let Page::Section(i) = e.page else { return };
        let Some(table) = e.tables.get_mut(&i) else { return };
        match action {
            Action::Choose('a') if form.error.is_some() => {
                self.message = form.error.clone();
            }
            Action::Choose('a') if form.rows.is_empty() => {
                self.message = Some("Nothing added: every line of the paste is already in the timeline.".into());
                return;
            }
            Action::Choose('a') => {
                let skipped = form.skipped;
                let n = table.accept_paste(std::sync::Arc::make_mut(&mut e.doc), std::mem::take(&mut form.rows));
                e.touch(now);
                e.refresh_details();
                e.check_fields();
                let undo = key_for(Scope::Table, &Action::Table(crate::tui::action::TableOp::Undo));
                let also = match skipped {
                    0 => String::new(),
                    k => format!("; {k} already there, skipped"),
                };
                let entries = if n == 1 { "1 entry".to_string() } else { format!("{n} entries") };
                self.message = Some(format!("Added {entries} to the timeline{also} ({undo} takes them back)."));
                return;
            }
            Action::Choose('c') => return,
            Action::Insert(c) => form.type_str(&e.doc, c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => form.type_str(&e.doc, &text),
            Action::Text(TextOp::Backspace) => form.backspace(&e.doc),
            Action::Text(TextOp::DeleteToStart) => form.clear(&e.doc),
            Action::NextField => form.step(true),
            Action::PrevField => form.step(false),
            Action::Scroll(op) => form.scroll_by(match op {
                crate::tui::action::ScrollOp::Up => -1,
                crate::tui::action::ScrollOp::Down => 1,
                crate::tui::action::ScrollOp::PageUp => -8,
                crate::tui::action::ScrollOp::PageDown => 8,
                crate::tui::action::ScrollOp::Top => isize::MIN / 2,
            }),
            _ => {}
        }
        self.ask(Dialog::PasteRows(form))
    }

    fn answer_quit(&mut self, action: Action) {
        match action {
            // Quits when the save is done (a conflict asks first).
            Action::Choose('s') => self.save_with(false, true, true),
            // The recovery copy stays: discarding is a choice, but a mistaken one can be undone.
            Action::Choose('d') => {
                self.forget_unwritten_new();
                if let Some(e) = self.editor_mut() {
                    e.lock = None;
                }
                self.leave();
            }
            Action::Choose('c') => {}
            _ => self.ask(Dialog::QuitUnsaved),
        }
    }

    fn answer_conflict(&mut self, action: Action) {
        match action {
            Action::Choose('k') => self.save_with(true, true, false),
            Action::Choose(c @ ('t' | 'c')) => self.take_theirs(c == 'c'),
            // Decide later: autosave stays off; the next save asks again.
            Action::Back => {
                let save = key_for(Scope::Global, &Action::Save);
                self.message = Some(format!("{save} asks again what to do."));
            }
            _ => self.ask(Dialog::Conflict),
        }
    }

    /// Loads the file on disk in place of my version, first saving mine as a copy when asked.
    fn take_theirs(&mut self, keep_copy: bool) {
        let Some(e) = self.editor_mut() else { return };
        let mine = if keep_copy {
            match e.text() {
                Ok(text) => Some(text),
                Err(why) => {
                    self.message = Some(format!("Could not save your copy ({why}); nothing was changed."));
                    return self.ask(Dialog::Conflict);
                }
            }
        } else {
            None
        };
        let path = e.path.clone();
        self.effects.push(Effect::Reload { path, mine });
    }

    fn answer_recover(&mut self, copy: Box<Copy>, summary: Vec<String>, rest: Vec<Copy>, action: Action) {
        match action {
            Action::Choose('r') => {
                match crate::tui::recover::restore(&copy.text) {
                    Ok(doc) => self.restore_copy(doc, &copy),
                    Err(why) => {
                        self.message = Some(format!(
                            "The recovery copy cannot be read ({why}); it is kept at {}.",
                            copy.path.display()
                        ))
                    }
                }
                self.offer_next(rest);
            }
            Action::Choose('d') => self.ask(Dialog::DiscardCopy { copy, summary, rest }),
            // Decide later: the copy stays, and is offered again next time.
            Action::Back => {
                self.message = Some(format!("The recovery copy is kept at {}.", copy.path.display()));
                self.offer_next(rest);
            }
            _ => self.ask(Dialog::Recover { copy, summary, rest }),
        }
    }

    fn answer_discard(&mut self, copy: Box<Copy>, summary: Vec<String>, rest: Vec<Copy>, action: Action) {
        match action {
            Action::Choose('d') => {
                self.message = Some(format!("Deleted the recovery copy {}.", copy.path.display()));
                self.effects.push(Effect::RemoveCopy(copy.path));
                self.offer_next(rest);
            }
            _ => self.ask(Dialog::Recover { copy, summary, rest }),
        }
    }

    /// The document in a copy left behind, in the editor: compared, when it is saved (at
    /// once), with the file the copy was based on, so a change made on disk since then (a
    /// teammate's, pulled in after the crash) raises the conflict question instead of being
    /// reverted. This editor's own copy takes it over before the old one is removed.
    fn restore_copy(&mut self, doc: crate::doc::Document, copy: &Copy) {
        let now = self.now();
        let Some(e) = self.editor_mut() else { return };
        e.doc = std::sync::Arc::new(doc);
        e.texts.clear();
        e.tables.clear();
        e.field_forms.clear();
        e.details = crate::tui::form::Form::details(&e.doc, e.template.as_ref());
        let page = e.first_incomplete();
        e.go_to(page);
        e.touch(now);
        if let Some(base) = copy.base {
            e.disk = Some(base);
        }
        match e.journal_job(Some(copy.path.clone())) {
            Ok(job) => {
                e.journaling = true;
                self.effects.push(Effect::Journal(job));
            }
            Err(why) => self.message = Some(format!("Not saved: {why}")),
        }
        self.save(false);
        self.message.get_or_insert_with(|| "Restored the recovered text; saving it now.".into());
    }

    /// The next copy left behind that differs from the file, if any.
    pub(super) fn offer_next(&mut self, mut rest: Vec<Copy>) {
        if rest.is_empty() {
            return;
        }
        let copy = rest.remove(0);
        let summary = match self.editor() {
            Some(e) => crate::tui::recover::summary(&e.doc, &copy.text),
            None => return,
        };
        self.ask(Dialog::Recover { copy: Box::new(copy), summary, rest });
    }
}
