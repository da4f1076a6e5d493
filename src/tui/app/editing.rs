//! Keys on the editor screen: pages, the sidebar, prose, forms, and `$EDITOR`'s result.

use super::text::{by_word, edit_text};
use super::{App, Effect};
use crate::doc::SectionKind;
use crate::tui::action::{Action, TableOp, TextOp};
use crate::tui::editor::{Editor, Focus, Page};

impl App {
    pub(super) fn update_editor(&mut self, action: Action) {
        let now = self.now();
        let Some(editor) = self.editor_mut() else { return };
        let pages = editor.pages();
        match action {
            Action::ToggleGuidance => editor.show_guidance = !editor.show_guidance,
            Action::NextPage | Action::PrevPage => {
                let i = editor.page_index();
                let j = if action == Action::NextPage { (i + 1).min(pages.len() - 1) } else { i.saturating_sub(1) };
                editor.go_to(pages[j]);
                editor.focus = Focus::Page;
                self.autosave_on_page_change();
            }
            Action::SidebarUp => editor.selected = editor.selected.saturating_sub(1),
            Action::SidebarDown => editor.selected = (editor.selected + 1).min(pages.len() - 1),
            Action::SidebarOpen | Action::FocusPage => {
                editor.go_to(pages[editor.selected]);
                editor.focus = Focus::Page;
                self.autosave_on_page_change();
            }
            Action::GoTo(i) if i < pages.len() => {
                editor.go_to(pages[i]);
                editor.focus = Focus::Page;
                self.autosave_on_page_change();
            }
            Action::Back => {
                if let Some((_, table)) = current_table(editor)
                    && table.editing.is_some()
                {
                    // Esc while typing in a cell keeps what was typed (nothing typed is lost;
                    // `u` puts the old value back) and stops typing.
                    self.finish_cell();
                    return;
                }
                editor.focus = Focus::Sidebar;
                editor.selected = editor.page_index();
            }
            Action::ExternalEditor => {
                if let Page::Section(i) = editor.page
                    && editor.doc.sections[i].kind == SectionKind::Text
                {
                    editor.sync();
                    let text = editor.doc.sections[i].text.clone();
                    self.effects.push(Effect::ExternalEditor(text));
                    return;
                }
                self.message = Some("$EDITOR works on prose sections; open one first.".into());
            }
            Action::ExportMarkdown => self.export_markdown(),
            Action::NextFinding | Action::ApplyRewrite | Action::DismissFinding => {
                self.finding_action(action);
            }
            Action::Table(op) => self.table_action(op),
            Action::Paste(text) if current_table(editor).is_some_and(|(_, t)| t.editing.is_none()) => {
                self.paste_rows(&text);
            }
            Action::NextField | Action::PrevField | Action::Text(TextOp::Newline)
                if current_table(editor).is_some_and(|(_, t)| t.editing.is_some()) =>
            {
                // Enter ends typing in a cell; Tab moves on to type in the next one.
                if action == Action::Text(TextOp::Newline) {
                    self.finish_cell();
                } else {
                    self.commit_cell();
                    self.table_action(if action == Action::NextField { TableOp::Right } else { TableOp::Left });
                    self.edit_cell_if_text();
                }
            }
            Action::NextField | Action::PrevField | Action::CycleChoice => {
                if let Some(form) = current_form(editor) {
                    match action {
                        Action::NextField => form.next(),
                        Action::PrevField => form.prev(),
                        _ => {
                            if form.cycle() {
                                editor.touch(now);
                            }
                        }
                    }
                }
            }
            Action::Insert(_) | Action::Paste(_) | Action::Text(_)
                if current_table(editor).is_some_and(|(_, t)| t.editing.is_some()) =>
            {
                if let Some((_, table)) = current_table(editor)
                    && let Some(area) = table.editing.as_mut()
                {
                    let action = match action {
                        Action::Paste(text) => Action::Paste(text.replace(['\r', '\n'], " ")),
                        other => other,
                    };
                    edit_text(area, &action);
                }
            }
            // On a choice field: Space and → take the next value, ← the previous one.
            Action::Insert(' ') | Action::Text(TextOp::Left | TextOp::Right)
                if current_form(editor).is_some_and(|f| f.on_choice()) =>
            {
                let forward = action != Action::Text(TextOp::Left);
                if current_form(editor).is_some_and(|f| f.cycle_by(forward)) {
                    editor.touch(now);
                }
            }
            Action::Insert(_) | Action::Paste(_) | Action::Text(_) => {
                if let Some(prose) = current_text(editor) {
                    if action == Action::Text(TextOp::SelectAll) {
                        prose.unwindow();
                    }
                    let mut changed = false;
                    match action {
                        // The view decides what is on screen; the prose pages from there.
                        Action::Text(TextOp::PageUp) => prose.page(false),
                        Action::Text(TextOp::PageDown) => prose.page(true),
                        // The whole text's start and end, beyond the window the widget holds.
                        Action::Text(TextOp::Top) => prose.to_edge(false),
                        Action::Text(TextOp::Bottom) => prose.to_edge(true),
                        // A typed word is one step.
                        Action::Text(TextOp::Undo) => changed = by_word(prose, false, |p, r| p.undo(r), |p| &p.area),
                        Action::Text(TextOp::Redo) => changed = by_word(prose, true, |p, r| p.undo(r), |p| &p.area),
                        _ => changed = edit_text(&mut prose.area, &action),
                    }
                    prose.keep_window();
                    if changed {
                        editor.touch(now);
                    }
                } else if let Some(form) = current_form(editor) {
                    if matches!(action, Action::Text(TextOp::Newline)) {
                        form.next();
                    } else if let Some(area) = form.focused_text() {
                        // One-line fields: a pasted newline becomes a space.
                        let action = match action {
                            Action::Paste(text) => Action::Paste(text.replace(['\r', '\n'], " ")),
                            other => other,
                        };
                        if edit_text(area, &action) {
                            editor.touch(now);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The text `$EDITOR` handed back replaces the section's text, as one undoable edit.
    pub(super) fn external_edit_done(&mut self, result: Result<String, String>) {
        let now = self.now();
        match result {
            Err(e) => self.message = Some(e),
            Ok(text) => {
                let Some(editor) = self.editor_mut() else { return };
                let Page::Section(i) = editor.page else { return };
                let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
                if let Some(prose) = editor.texts.get_mut(&i)
                    && prose.text() != text
                {
                    prose.unwindow();
                    prose.replace_with(&text);
                    editor.touch(now);
                }
            }
        }
    }
}

pub(super) fn current_text(editor: &mut Editor) -> Option<&mut crate::tui::prose::Prose> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Section(i)) => editor.texts.get_mut(&i),
        _ => None,
    }
}

pub(super) fn current_table(editor: &mut Editor) -> Option<(usize, &mut crate::tui::table::Table)> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Section(i)) => editor.tables.get_mut(&i).map(|t| (i, t)),
        _ => None,
    }
}

pub(super) fn current_form(editor: &mut Editor) -> Option<&mut crate::tui::form::Form> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Details) => Some(&mut editor.details),
        (Focus::Page, Page::Section(i)) => editor.field_forms.get_mut(&i),
        _ => None,
    }
}
