//! Keys in a table (timeline, factors, actions): moves, row edits, cells, pastes.

use std::sync::Arc;

use super::{App, Dialog};
use crate::doc::SectionKind;
use crate::tui::action::{Action, TableOp};
use crate::tui::editor::Page;
use crate::tui::keymap::{Scope, key_for};

impl App {
    /// Today, in the document's zone (a typed "14:02" is on this day).
    pub(super) fn today(&self) -> chrono::NaiveDate {
        if let Some(day) = self.ctx.today {
            return day;
        }
        let now = crate::doc::clock::now().unwrap_or_else(|_| chrono::Utc::now());
        self.editor().map(|e| e.doc.zone()).unwrap_or_else(crate::doc::Zone::utc).today(now)
    }

    pub(super) fn table_action(&mut self, op: TableOp) {
        let now = self.now();
        let Some(editor) = self.editor_mut() else { return };
        let categories = editor.categories();
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        let doc = &mut editor.doc;
        let n = table.len(doc);
        let columns = table.columns(doc, &categories).len();
        let mut changed = false;
        let mut note = None;
        match op {
            TableOp::Up => table.row = table.row.saturating_sub(1),
            TableOp::Down => table.row = (table.row + 1).min(n.saturating_sub(1)),
            TableOp::First => table.row = 0,
            TableOp::Last => table.row = n.saturating_sub(1),
            TableOp::Left => table.col = table.col.saturating_sub(1),
            TableOp::Right => table.col = (table.col + 1).min(columns - 1),
            TableOp::Select(r) if r < n => table.row = r,
            TableOp::Select(_) => {}
            TableOp::Add => {
                table.add(Arc::make_mut(doc));
                changed = true;
            }
            TableOp::Delete => changed = table.delete(Arc::make_mut(doc)),
            TableOp::Undo => {
                changed = table.undo(Arc::make_mut(doc));
                if !changed {
                    note = Some("Nothing to undo in this table.".to_string());
                }
            }
            TableOp::MoveUp | TableOp::MoveDown => match table.shift(Arc::make_mut(doc), op == TableOp::MoveDown) {
                Ok(()) => changed = true,
                Err(why) => note = Some(why.to_string()),
            },
            TableOp::Cycle => changed = table.cycle(Arc::make_mut(doc), &categories),
            TableOp::Edit if n == 0 => {
                table.add(Arc::make_mut(doc));
                changed = true;
            }
            TableOp::Edit => match table.columns(doc, &categories).get(table.col) {
                Some(crate::tui::table::Column::Choice(..)) => changed = table.cycle(Arc::make_mut(doc), &categories),
                _ => table.start_edit(doc),
            },
        }
        if changed {
            editor.touch(now);
            editor.refresh_details();
            editor.check_fields();
        }
        if note.is_some() {
            self.message = note;
        }
    }

    /// Starts typing in the current cell when it holds text (choice cells cycle instead).
    pub(super) fn edit_cell_if_text(&mut self) {
        let Some(editor) = self.editor_mut() else { return };
        let categories = editor.categories();
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        if let Some(crate::tui::table::Column::Text(_)) = table.columns(&editor.doc, &categories).get(table.col) {
            table.start_edit(&editor.doc);
        }
    }

    /// Esc or Enter in a cell: the typed text goes into the document, and a row just added
    /// and left empty goes away.
    pub(super) fn finish_cell(&mut self) {
        self.commit_cell();
        let now = self.now();
        let Some(editor) = self.editor_mut() else { return };
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        if table.drop_if_left_empty(Arc::make_mut(&mut editor.doc)) {
            editor.touch(now);
            editor.refresh_details();
        }
    }

    /// Enter (or Tab) in a cell: the typed text goes into the document.
    pub(super) fn commit_cell(&mut self) {
        let now = self.now();
        let today = self.today();
        let Some(editor) = self.editor_mut() else { return };
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        let (changed, note) = table.commit(Arc::make_mut(&mut editor.doc), today);
        if changed {
            editor.touch(now);
            editor.refresh_details();
            editor.check_fields(); // a row is one edit: its wording is checked at once
        }
        if note.is_some() {
            self.message = note;
        }
    }

    /// A paste into the timeline: read it as chat or log lines and ask before adding them.
    pub(super) fn paste_rows(&mut self, text: &str) {
        let today = self.today();
        let Some(editor) = self.editor_mut() else { return };
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        if table.kind != SectionKind::Timeline {
            let edit = key_for(Scope::Table, &Action::Table(TableOp::Edit));
            self.message = Some(format!("Paste into a cell: press {edit} to edit it first."));
            return;
        }
        match crate::tui::table::paste::PasteForm::read(table, &editor.doc, text, today) {
            None => self.message = Some("Nothing to add: no line of the paste starts with a time.".into()),
            Some(form) if form.rows.is_empty() => {
                self.message = Some(format!("Nothing to add: all {} lines are already in the timeline.", form.skipped))
            }
            Some(form) => self.ask(Dialog::PasteRows(Box::new(form))),
        }
    }
}
