//! The whole app's state and the one `update` that changes it. Views only read `App`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::{CursorMove, TextArea};

use super::action::{Action, TableOp, TextOp};
use super::editor::{Editor, Focus, Page, SaveOutcome};
use super::keymap::{self, Scope};
use super::start::Start;
use crate::doc::SectionKind;
use crate::store::{self, recovery};
use crate::template::Library;

/// A question the app is waiting on; its keys are listed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Quit with unsaved changes: save, discard, cancel.
    QuitUnsaved,
    /// The file changed on disk: keep mine, take theirs, save mine as a copy.
    Conflict,
    /// A recovery copy from an earlier session differs from the file.
    Recover { copy: PathBuf, summary: Vec<String> },
    /// Another editor has this file open.
    Locked { holder: crate::store::lock::Holder },
    /// Rows read from a paste into the timeline, to confirm.
    PasteRows { count: usize },
    /// Dismissing a finding: why it is fine here (typed; may stay empty).
    Dismiss { finding: Box<crate::lint::TextFinding>, reason: String },
}

impl Dialog {
    pub fn choices(&self) -> &'static [(char, &'static str)] {
        match self {
            Dialog::QuitUnsaved => &[('s', "save and quit"), ('d', "discard changes and quit"), ('c', "cancel")],
            Dialog::Conflict => &[
                ('k', "keep mine (overwrite theirs)"),
                ('t', "take theirs (drop mine)"),
                ('c', "save mine as a copy, then take theirs"),
            ],
            Dialog::Recover { .. } => &[('r', "restore the recovered text"), ('d', "discard the copy, keep the file")],
            Dialog::Dismiss { .. } => &[],
            Dialog::PasteRows { .. } => &[('a', "add them to the timeline"), ('c', "cancel")],
            Dialog::Locked { .. } => &[('o', "open it here too (saves notice each other's changes)"), ('q', "quit")],
        }
    }
}

pub enum Screen {
    Start(Start),
    Editor(Box<Editor>),
}

/// Something `update` needs the runner to do with the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// A timer went off and nothing changed: there is nothing to draw.
    Unchanged,
    /// Suspend the terminal, edit this text in `$EDITOR`, and hand the result to
    /// [`App::external_edit_done`].
    ExternalEditor(String),
}

pub struct App {
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub help: Option<u16>,
    pub quit: bool,
    pub library: Library,
    /// The app's notion of now, set by the runner before each update (tests set it by hand).
    pub now: Instant,
    /// Wall-clock time for "saved 14:02:31" when fixed (tests); otherwise read at each save,
    /// not on every key.
    pub wall_clock: String,
    pub message: Option<String>,
    /// Where the screen's parts were last laid out, for mouse clicks.
    pub size: Rect,
    /// The folder for recovery copies (the data folder; a test's own folder in tests).
    pub recovery_dir: PathBuf,
    /// The wording checker given to each document opened.
    pub checker: Option<std::sync::Arc<crate::lint::Checker>>,
    /// The checker being built in the background (it and the open document's findings take a
    /// few milliseconds; the first frame waits for them, briefly: see `runner`).
    pub pending_checker: Option<std::sync::mpsc::Receiver<super::checking::Ready>>,
    /// The preview, when open: how far it is scrolled.
    pub preview: Option<u16>,
    /// Today's date when fixed (tests); otherwise the clock's, in the document's zone.
    pub today: Option<chrono::NaiveDate>,
}

impl App {
    pub fn new(screen: Screen, library: Library, recovery_dir: PathBuf) -> App {
        App {
            screen,
            dialog: None,
            help: None,
            quit: false,
            library,
            now: Instant::now(),
            wall_clock: String::new(),
            message: None,
            size: Rect::new(0, 0, 80, 24),
            recovery_dir,
            checker: None,
            pending_checker: None,
            preview: None,
            today: None,
        }
    }

    /// Opens a document for editing; offers the recovery copy when one differs from it.
    pub fn open_editor(&mut self, path: &Path) -> Result<(), store::LoadError> {
        let text = store::read_text(path)?;
        let loaded = store::parse_document(path, &text)?;
        self.open_document(path, loaded, &text);
        Ok(())
    }

    /// Opens `loaded`, read from `path` as `file_text`, in the editor: takes the lock, and
    /// offers the recovery copy when one differs from the file.
    pub fn open_document(&mut self, path: &Path, loaded: store::Loaded, file_text: &str) {
        let mut editor = Editor::open(path, loaded, file_text, &self.library, &self.recovery_dir, self.checker.clone());
        let me = crate::store::lock::Holder::me(&chrono::Local::now().format("%Y-%m-%d %H:%M").to_string());
        match crate::store::lock::take(&self.recovery_dir, path, &me, false) {
            Some(crate::store::lock::Taken::Held(holder)) => {
                // The other editor's recovery copy is in use: it is not offered here.
                self.dialog = Some(Dialog::Locked { holder });
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
        if let Some((copy, text)) = recovery::read_recovery(&self.recovery_dir, path) {
            if text != *file_text {
                let summary = super::recover::summary(&editor.doc, &text);
                self.dialog = Some(Dialog::Recover { copy, summary });
            } else {
                recovery::remove_recovery(&self.recovery_dir, path);
            }
        }
        if let Some(from) = editor.migrated_from {
            self.message = Some(format!("Read a schema {from} document; it is saved in the current schema."));
        }
        self.screen = Screen::Editor(Box::new(editor));
    }

    pub fn editor(&self) -> Option<&Editor> {
        match &self.screen {
            Screen::Editor(e) => Some(e),
            Screen::Start(_) => None,
        }
    }

    fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.screen {
            Screen::Editor(e) => Some(e),
            Screen::Start(_) => None,
        }
    }

    /// The scope whose keys apply now.
    pub fn scope(&self) -> Scope {
        match &self.screen {
            Screen::Start(_) => Scope::Start,
            Screen::Editor(e) => match (e.focus, e.page) {
                (Focus::Sidebar, _) => Scope::Sidebar,
                (Focus::Page, Page::Details) => Scope::Form,
                (Focus::Page, Page::Finish) => Scope::Finish,
                (Focus::Page, Page::Section(i)) => match e.doc.sections[i].kind {
                    SectionKind::Text => Scope::Text,
                    SectionKind::Fields => Scope::Form,
                    _ if e.tables.get(&i).is_some_and(|t| t.editing.is_some()) => Scope::Form,
                    _ => Scope::Table,
                },
            },
        }
    }

    /// When the runner should wake up without an event: the next wording check or autosave.
    pub fn deadline(&self) -> Option<Instant> {
        // While the checker is being built (a few milliseconds after launch), look for it
        // every quarter of a millisecond, so its findings are on the first frames; while the
        // start screen's folder is read, every 20 ms. Only then: otherwise there is no timer.
        let scanning = matches!(&self.screen, Screen::Start(s) if s.is_loading());
        let every = |us| self.now + std::time::Duration::from_micros(us);
        let waiting = if self.pending_checker.is_some() { Some(every(250)) } else { scanning.then(|| every(20_000)) };
        let e = self.editor();
        [waiting, e.and_then(|e| e.check_due), e.and_then(Editor::autosave_due)].into_iter().flatten().min()
    }

    /// Builds the wording checker, and checks the open document with it, on other threads;
    /// both are taken as soon as they are ready.
    pub fn build_checker_in_background(
        &mut self,
        build: impl FnOnce() -> Option<crate::lint::Checker> + Send + 'static,
    ) {
        self.take_checker_when_ready(super::checking::start(build));
    }

    /// Takes the checker being built by `early` when it is ready, with the open document's
    /// findings.
    pub fn take_checker_when_ready(&mut self, early: super::checking::Early) {
        let doc = self.editor().map(|e| e.doc.clone());
        self.take_checker_from(early.check(doc));
    }

    /// Takes the checker, and the findings of the document it was given, from `ready` when
    /// they arrive (findings of a text since changed are not used).
    pub fn take_checker_from(&mut self, ready: std::sync::mpsc::Receiver<super::checking::Ready>) {
        self.pending_checker = Some(ready);
    }

    /// Takes the checker when it is ready; returns whether it arrived (or gave up).
    fn install_checker_if_ready(&mut self) -> bool {
        self.install_checker(None)
    }

    /// Waits up to `limit` for the checker and the open document's findings, so that the
    /// first frame is drawn once, complete, rather than without its findings and again a few
    /// milliseconds later. Keys pressed meanwhile wait in the terminal and are not lost.
    pub fn wait_for_checker(&mut self, limit: std::time::Duration) {
        self.install_checker(Some(limit));
    }

    fn install_checker(&mut self, wait: Option<std::time::Duration>) -> bool {
        use std::sync::mpsc::RecvTimeoutError;
        let Some(rx) = &self.pending_checker else { return false };
        let received = match wait {
            Some(limit) => rx.recv_timeout(limit),
            None => rx.try_recv().map_err(|e| match e {
                std::sync::mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                std::sync::mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            }),
        };
        match received {
            Ok(ready) => {
                self.pending_checker = None;
                self.checker = Some(ready.checker.clone());
                if let Some(e) = self.editor_mut() {
                    e.checker = Some(ready.checker);
                    e.check_all_with(ready.checked, ready.fields);
                }
                true
            }
            Err(RecvTimeoutError::Disconnected) => {
                self.pending_checker = None;
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
        }
    }

    /// Turns a terminal event into an action. Only key presses count (not repeats' releases).
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.key_action(*key),
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
                let at = Position::new(m.column, m.row);
                match super::views::sidebar_row_at(self, at) {
                    Some(row) => Some(Action::GoTo(row)),
                    None => super::views::table_row_at(self, at).map(|r| Action::Table(TableOp::Select(r))),
                }
            }
            _ => None,
        }
    }

    fn key_action(&self, key: KeyEvent) -> Option<Action> {
        if let Some(Dialog::Dismiss { .. }) = self.dialog {
            use ratatui::crossterm::event::KeyCode as K;
            return match key.code {
                K::Esc => Some(Action::Back),
                K::Enter => Some(Action::Text(TextOp::Newline)),
                K::Backspace => Some(Action::Text(TextOp::Backspace)),
                K::Char(c) if !key.modifiers.contains(ratatui::crossterm::event::KeyModifiers::CONTROL) => {
                    Some(Action::Insert(c))
                }
                _ => None,
            };
        }
        if self.dialog.is_some() {
            return match key.code {
                ratatui::crossterm::event::KeyCode::Esc => Some(Action::Back),
                ratatui::crossterm::event::KeyCode::Char(c) => Some(Action::Choose(c.to_ascii_lowercase())),
                _ => keymap::lookup(Scope::Global, key).filter(|a| *a == Action::Save),
            };
        }
        if self.preview.is_some() {
            use ratatui::crossterm::event::KeyCode as K;
            return match key.code {
                K::Up => Some(Action::SidebarUp),
                K::Down => Some(Action::SidebarDown),
                K::PageUp => Some(Action::Text(TextOp::PageUp)),
                K::PageDown | K::Char(' ') => Some(Action::Text(TextOp::PageDown)),
                K::Home => Some(Action::Text(TextOp::Top)),
                _ => match keymap::lookup(Scope::Global, key) {
                    Some(Action::Quit) => Some(Action::Quit),
                    Some(Action::Save) => Some(Action::Save),
                    _ => Some(Action::Back),
                },
            };
        }
        if self.help.is_some() {
            return match key.code {
                ratatui::crossterm::event::KeyCode::Up => Some(Action::SidebarUp),
                ratatui::crossterm::event::KeyCode::Down => Some(Action::SidebarDown),
                _ => match keymap::lookup(Scope::Global, key) {
                    Some(Action::Quit) => Some(Action::Quit),
                    _ => Some(Action::Back),
                },
            };
        }
        keymap::lookup(self.scope(), key)
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        // Timers work the same whatever is open (help, the preview, a dialog).
        if action == Action::Tick {
            return self.tick();
        }
        self.message = None;
        if let Some(scroll) = self.preview {
            let page = self.size.height.saturating_sub(4).max(1);
            self.preview = match action {
                Action::SidebarUp => Some(scroll.saturating_sub(1)),
                Action::SidebarDown => Some(scroll.saturating_add(1)),
                Action::Text(TextOp::PageUp) => Some(scroll.saturating_sub(page)),
                Action::Text(TextOp::PageDown) => Some(scroll.saturating_add(page)),
                Action::Text(TextOp::Top) => Some(0),
                Action::Quit => {
                    self.request_quit();
                    None
                }
                Action::Save => {
                    self.save(true);
                    Some(scroll)
                }
                _ => None,
            };
            return Effect::None;
        }
        if self.help.is_some() {
            match action {
                Action::SidebarUp => self.help = self.help.map(|s| s.saturating_sub(1)),
                Action::SidebarDown => self.help = self.help.map(|s| s.saturating_add(1)),
                Action::Quit => self.request_quit(),
                _ => self.help = None,
            }
            return Effect::None;
        }
        if let Some(dialog) = self.dialog.clone() {
            self.answer(dialog, action);
            return Effect::None;
        }
        match action {
            Action::Help => self.help = Some(0),
            Action::Preview => {
                if let Some(e) = self.editor_mut() {
                    e.sync();
                    self.preview = Some(0);
                }
            }
            Action::Quit => self.request_quit(),
            Action::Save => self.save(true),
            _ => match &mut self.screen {
                Screen::Start(_) => self.update_start(action),
                Screen::Editor(_) => return self.update_editor(action),
            },
        }
        Effect::None
    }

    /// The wording check and the autosave when due; the checker and the start screen's
    /// documents when they arrive.
    fn tick(&mut self) -> Effect {
        let mut changed = self.install_checker_if_ready();
        if let Screen::Start(start) = &mut self.screen {
            changed |= start.receive();
        }
        let now = self.now;
        if let Some(e) = self.editor_mut() {
            changed |= e.check_if_due(now);
        }
        if self.editor().and_then(Editor::autosave_due).is_some_and(|d| d <= now) {
            self.save(false);
            changed = true;
        }
        if changed { Effect::None } else { Effect::Unchanged }
    }

    fn update_start(&mut self, action: Action) {
        let Screen::Start(start) = &mut self.screen else { return };
        match action {
            Action::ListUp => start.up(),
            Action::ListDown => start.down(),
            Action::SwitchList => start.switch(),
            Action::CycleOrder => start.next_order(),
            Action::Insert(c) => start.type_char(c),
            Action::Paste(text) => text.chars().filter(|c| !c.is_control()).for_each(|c| start.type_char(c)),
            Action::Text(TextOp::Backspace) => {
                start.erase();
            }
            Action::Back => start.query.clear(),
            Action::ListOpen => match start.open(&self.library) {
                Ok(path) => {
                    if let Err(e) = self.open_editor(&path) {
                        self.message = Some(e.to_string().lines().next().unwrap_or_default().to_string());
                    }
                }
                Err(e) => self.message = Some(e),
            },
            _ => {}
        }
    }

    fn update_editor(&mut self, action: Action) -> Effect {
        let now = self.now;
        let Some(editor) = self.editor_mut() else { return Effect::None };
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
                    table.editing = None; // Esc while typing in a cell: keep the old value
                    return Effect::None;
                }
                editor.focus = Focus::Sidebar;
                editor.selected = editor.page_index();
            }
            Action::ExternalEditor => {
                if let Page::Section(i) = editor.page
                    && editor.doc.sections[i].kind == SectionKind::Text
                {
                    editor.sync();
                    return Effect::ExternalEditor(editor.doc.sections[i].text.clone());
                }
                self.message = Some("$EDITOR works on prose sections; open one first.".into());
            }
            Action::ExportMarkdown => self.export_markdown(),
            Action::NextFinding | Action::ApplyRewrite | Action::DismissFinding => {
                return self.finding_action(action);
            }
            Action::Table(op) => self.table_action(op),
            Action::Paste(text) if current_table(editor).is_some_and(|(_, t)| t.editing.is_none()) => {
                self.paste_rows(&text);
            }
            Action::NextField | Action::PrevField | Action::Text(TextOp::Newline)
                if current_table(editor).is_some_and(|(_, t)| t.editing.is_some()) =>
            {
                // Enter ends typing in a cell; Tab moves on to type in the next one.
                self.commit_cell();
                if action != Action::Text(TextOp::Newline) {
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
                        Action::Text(TextOp::Undo) => changed = prose.undo(false),
                        Action::Text(TextOp::Redo) => changed = prose.undo(true),
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
        Effect::None
    }

    /// The text `$EDITOR` handed back replaces the section's text, as one undoable edit.
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        let now = self.now;
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

    /// The wall-clock time a save is stamped with.
    fn clock(&self) -> String {
        if self.wall_clock.is_empty() {
            chrono::Local::now().format("%H:%M:%S").to_string()
        } else {
            self.wall_clock.clone()
        }
    }

    fn today(&self) -> chrono::NaiveDate {
        if let Some(day) = self.today {
            return day;
        }
        let now = crate::doc::clock::now().unwrap_or_else(|_| chrono::Utc::now());
        self.editor().map(|e| e.doc.zone()).unwrap_or_else(crate::doc::Zone::utc).today(now)
    }

    fn table_action(&mut self, op: TableOp) {
        let now = self.now;
        let today = self.today();
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
            TableOp::Left => table.col = table.col.saturating_sub(1),
            TableOp::Right => table.col = (table.col + 1).min(columns - 1),
            TableOp::Select(r) if r < n => table.row = r,
            TableOp::Select(_) => {}
            TableOp::Add => {
                table.add(doc);
                changed = true;
            }
            TableOp::Delete => changed = table.delete(doc),
            TableOp::Undo => {
                changed = table.undo(doc);
                if !changed {
                    note = Some("Nothing to undo in this table.".to_string());
                }
            }
            TableOp::MoveUp | TableOp::MoveDown => match table.shift(doc, op == TableOp::MoveDown) {
                Ok(()) => changed = true,
                Err(why) => note = Some(why.to_string()),
            },
            TableOp::Cycle => changed = table.cycle(doc, &categories),
            TableOp::Edit if n == 0 => {
                table.add(doc);
                changed = true;
            }
            TableOp::Edit => match table.columns(doc, &categories).get(table.col) {
                Some(super::table::Column::Choice(..)) => changed = table.cycle(doc, &categories),
                _ => table.start_edit(doc),
            },
        }
        let _ = today;
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
    fn edit_cell_if_text(&mut self) {
        let Some(editor) = self.editor_mut() else { return };
        let categories = editor.categories();
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        if let Some(super::table::Column::Text(_)) = table.columns(&editor.doc, &categories).get(table.col) {
            table.start_edit(&editor.doc);
        }
    }

    /// Enter (or Tab) in a cell: the typed text goes into the document.
    fn commit_cell(&mut self) {
        let now = self.now;
        let today = self.today();
        let Some(editor) = self.editor_mut() else { return };
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        let changed_before = table.editing.is_some();
        let note = table.commit(&mut editor.doc, today);
        if changed_before {
            editor.touch(now);
            editor.refresh_details();
            editor.check_fields(); // a row is one edit: its wording is checked at once
        }
        if note.is_some() {
            self.message = note;
        }
    }

    /// A paste into the timeline: read it as chat or log lines and ask before adding them.
    fn paste_rows(&mut self, text: &str) {
        let today = self.today();
        let Some(editor) = self.editor_mut() else { return };
        let Page::Section(i) = editor.page else { return };
        let Some(table) = editor.tables.get_mut(&i) else { return };
        if table.kind != SectionKind::Timeline {
            self.message = Some("Paste into a cell: press Enter to edit it first.".into());
            return;
        }
        match table.paste(&editor.doc, text, today) {
            0 => self.message = Some("No line of the paste starts with a time; nothing to add.".into()),
            count => self.dialog = Some(Dialog::PasteRows { count }),
        }
    }

    /// F8, Ctrl-R and Ctrl-D on the finding at (or after) the cursor.
    fn finding_action(&mut self, action: Action) -> Effect {
        let now = self.now;
        let Some(editor) = self.editor_mut() else { return Effect::None };
        let Page::Section(i) = editor.page else { return Effect::None };
        editor.check_due = Some(now); // findings must match the text they act on
        editor.check_if_due(now);
        let Some(prose) = editor.texts.get_mut(&i) else { return Effect::None };
        let text = prose.text();
        let (line, col) = prose.cursor();
        let lint = editor.lints.get(&i);
        let finding = match action {
            Action::NextFinding => {
                let at = super::findings::byte_offset(&text, line, col);
                lint.and_then(|l| l.findings.iter().find(|f| f.span.start > at).or(l.findings.first())).cloned()
            }
            _ => lint.and_then(|l| l.at_or_after(&text, line, col)).cloned(),
        };
        let Some(finding) = finding else {
            self.message = Some("No findings in this section.".into());
            return Effect::None;
        };
        match action {
            Action::NextFinding => {
                let (l, c) = super::findings::line_col(&text, finding.span.start);
                prose.area.cancel_selection();
                prose.jump(l, c);
                self.message = Some(format!("{}: {}", finding.rule, finding.message));
            }
            Action::ApplyRewrite => match &finding.rewrite {
                Some(rewrite) => {
                    let new_text = crate::lint::apply_rewrite(&text, rewrite.span.clone(), &rewrite.replacement);
                    let replacement = rewrite.replacement.clone();
                    prose.replace_with(&new_text);
                    editor.touch(now);
                    editor.check_due = Some(now);
                    editor.check_if_due(now);
                    self.message = Some(format!("Rewrote: \"{}\" (Ctrl-Z takes it back)", replacement));
                }
                None => {
                    self.message = Some(format!(
                        "{} has no automatic rewrite: {}",
                        finding.rule,
                        finding.suggestion.as_deref().unwrap_or("rephrase it")
                    ))
                }
            },
            _ => self.dialog = Some(Dialog::Dismiss { finding: Box::new(finding), reason: String::new() }),
        }
        Effect::None
    }

    fn autosave_on_page_change(&mut self) {
        if self.editor().is_some_and(|e| e.dirty && !e.conflict) {
            self.save(false);
        }
    }

    fn save(&mut self, asked: bool) {
        let clock = self.clock();
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
            SaveOutcome::Conflict => self.dialog = Some(Dialog::Conflict),
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

    fn request_quit(&mut self) {
        match self.editor() {
            Some(e) if e.dirty => self.dialog = Some(Dialog::QuitUnsaved),
            _ => self.finish_quit(),
        }
    }

    fn finish_quit(&mut self) {
        // The recovery copy belongs to the editor that holds the lock.
        if let Some(e) = self.editor()
            && !e.dirty
            && e.lock.is_some()
        {
            recovery::remove_recovery(&self.recovery_dir, &e.path);
        }
        if let Some(e) = self.editor_mut() {
            e.lock = None; // released now, not when the process ends
        }
        self.quit = true;
    }

    fn answer(&mut self, dialog: Dialog, action: Action) {
        let clock = self.clock();
        if let Dialog::Dismiss { finding, mut reason } = dialog {
            match action {
                Action::Insert(c) => {
                    reason.push(c);
                    self.dialog = Some(Dialog::Dismiss { finding, reason });
                }
                Action::Text(TextOp::Backspace) => {
                    reason.pop();
                    self.dialog = Some(Dialog::Dismiss { finding, reason });
                }
                Action::Text(TextOp::Newline) => {
                    self.dialog = None;
                    let now = self.now;
                    let by = std::env::var("USER").ok();
                    if let Some(e) = self.editor_mut() {
                        e.sync();
                        crate::lint::dismiss(&mut e.doc, &finding, by.as_deref(), Some(&reason));
                        e.touch(now);
                        e.check_all();
                    }
                    self.message =
                        Some(format!("Dismissed {} for \"{}\"; the document records it.", finding.rule, finding.text));
                }
                Action::Back => self.dialog = None,
                _ => self.dialog = Some(Dialog::Dismiss { finding, reason }),
            }
            return;
        }
        if let Dialog::Locked { .. } = dialog {
            match action {
                Action::Choose('o') => {
                    self.dialog = None;
                    let me = crate::store::lock::Holder::me(&chrono::Local::now().format("%Y-%m-%d %H:%M").to_string());
                    let dir = self.recovery_dir.clone();
                    if let Some(e) = self.editor_mut()
                        && let Some(crate::store::lock::Taken::Ours { lock, .. }) =
                            crate::store::lock::take(&dir, &e.path.clone(), &me, true)
                    {
                        e.lock = Some(lock);
                    }
                }
                Action::Choose('q') | Action::Back => {
                    self.dialog = None;
                    self.quit = true;
                }
                _ => {}
            }
            return;
        }
        if let Dialog::PasteRows { .. } = dialog {
            self.dialog = None;
            let now = self.now;
            let Some(e) = self.editor_mut() else { return };
            let Page::Section(i) = e.page else { return };
            let Some(table) = e.tables.get_mut(&i) else { return };
            if action == Action::Choose('a') {
                let n = table.accept_paste(&mut e.doc);
                e.touch(now);
                e.refresh_details();
                e.check_fields();
                self.message = Some(format!("Added {n} entries to the timeline (u takes them back)."));
            } else {
                table.pending.clear();
            }
            return;
        }
        let choice = match action {
            Action::Choose(c) => c,
            Action::Back => 'c',
            Action::Save if dialog == Dialog::QuitUnsaved => 's',
            _ => return,
        };
        match (&dialog, choice) {
            (Dialog::QuitUnsaved, 's') => {
                self.dialog = None;
                self.save(true);
                if self.dialog.is_none() && self.editor().is_some_and(|e| !e.dirty) {
                    self.finish_quit();
                }
            }
            (Dialog::QuitUnsaved, 'd') => {
                // The recovery copy stays: discarding is a choice, but a mistaken one can be undone.
                self.quit = true;
            }
            (Dialog::QuitUnsaved, 'c') => self.dialog = None,
            (Dialog::Conflict, 'k') => {
                self.dialog = None;
                if let Some(e) = self.editor_mut() {
                    if let SaveOutcome::Failed(why) = e.save_over(&clock) {
                        self.message = Some(format!("Not saved: {why}"));
                    } else {
                        self.message = Some("Saved your version over the changed file.".into());
                    }
                }
            }
            (Dialog::Conflict, 't') | (Dialog::Conflict, 'c') => {
                self.dialog = None;
                let keep_copy = choice == 'c';
                let library = self.library.clone();
                let Some(e) = self.editor_mut() else { return };
                let mut note = String::new();
                if keep_copy {
                    match e.text().map_err(|e| e.to_string()).and_then(|t| super::recover::save_copy(&e.path, &t)) {
                        Ok(p) => note = format!(" Your version is in {}.", p.display()),
                        Err(why) => {
                            self.message = Some(format!("Could not save your copy ({why}); nothing was changed."));
                            self.dialog = Some(Dialog::Conflict);
                            return;
                        }
                    }
                }
                self.message = Some(match e.reload(&library) {
                    Ok(()) => format!("Loaded the version on disk.{note}"),
                    Err(why) => format!("Could not load the file on disk: {why}"),
                });
            }
            (Dialog::Recover { copy, .. }, 'r') => {
                let copy = copy.clone();
                self.dialog = None;
                let library = self.library.clone();
                let now = self.now;
                match super::recover::restore(&copy) {
                    Ok(doc) => {
                        if let Some(e) = self.editor_mut() {
                            e.doc = doc;
                            e.texts.clear();
                            e.field_forms.clear();
                            e.details = super::form::Form::details(&e.doc, e.template.as_ref());
                            let page = e.first_incomplete();
                            e.go_to(page);
                            e.touch(now);
                        }
                        let _ = library;
                        self.message = Some("Restored the recovered text; it will be saved in a moment.".into());
                    }
                    Err(why) => {
                        self.message =
                            Some(format!("The recovery copy cannot be read ({why}); it is kept at {}.", copy.display()))
                    }
                }
            }
            (Dialog::Recover { .. }, 'd' | 'c') => {
                self.dialog = None;
                if let Some(e) = self.editor() {
                    recovery::remove_recovery(&self.recovery_dir, &e.path);
                }
            }
            _ => {}
        }
    }

    fn export_markdown(&mut self) {
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

fn current_text(editor: &mut Editor) -> Option<&mut super::prose::Prose> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Section(i)) => editor.texts.get_mut(&i),
        _ => None,
    }
}

fn current_table(editor: &mut Editor) -> Option<(usize, &mut super::table::Table)> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Section(i)) => editor.tables.get_mut(&i).map(|t| (i, t)),
        _ => None,
    }
}

fn current_form(editor: &mut Editor) -> Option<&mut super::form::Form> {
    match (editor.focus, editor.page) {
        (Focus::Page, Page::Details) => Some(&mut editor.details),
        (Focus::Page, Page::Section(i)) => editor.field_forms.get_mut(&i),
        _ => None,
    }
}

/// Applies a text action to a widget. Returns whether the text changed.
fn edit_text(area: &mut TextArea<'static>, action: &Action) -> bool {
    use TextOp as T;
    let before = area.lines().len();
    let select = |area: &mut TextArea<'static>, m: CursorMove| {
        if !area.is_selecting() {
            area.start_selection();
        }
        area.move_cursor(m);
        false
    };
    let plain = |area: &mut TextArea<'static>, m: CursorMove| {
        area.cancel_selection();
        area.move_cursor(m);
        false
    };
    let _ = before;
    match action {
        Action::Insert(c) => {
            area.insert_char(*c);
            true
        }
        Action::Paste(text) => area.insert_str(super::recover::normalize_paste(text)),
        Action::Text(op) => match op {
            T::Newline => {
                area.insert_newline();
                true
            }
            T::Backspace => area.delete_char(),
            T::Delete => area.delete_next_char(),
            T::DeleteWordBack => area.delete_word(),
            T::Left => plain(area, CursorMove::Back),
            T::Right => plain(area, CursorMove::Forward),
            T::Up => plain(area, CursorMove::Up),
            T::Down => plain(area, CursorMove::Down),
            T::WordLeft => plain(area, CursorMove::WordBack),
            T::WordRight => plain(area, CursorMove::WordForward),
            T::LineStart => plain(area, CursorMove::Head),
            T::LineEnd => plain(area, CursorMove::End),
            T::Top => plain(area, CursorMove::Top),
            T::Bottom => plain(area, CursorMove::Bottom),
            T::PageUp => {
                area.scroll(ratatui_textarea::Scrolling::PageUp);
                false
            }
            T::PageDown => {
                area.scroll(ratatui_textarea::Scrolling::PageDown);
                false
            }
            T::SelectLeft => select(area, CursorMove::Back),
            T::SelectRight => select(area, CursorMove::Forward),
            T::SelectUp => select(area, CursorMove::Up),
            T::SelectDown => select(area, CursorMove::Down),
            T::SelectWordLeft => select(area, CursorMove::WordBack),
            T::SelectWordRight => select(area, CursorMove::WordForward),
            T::SelectAll => {
                area.select_all();
                false
            }
            T::Undo => area.undo(),
            T::Redo => area.redo(),
            T::Copy => {
                area.copy();
                false
            }
            T::Cut => area.cut(),
            T::PasteYank => area.paste(),
        },
        _ => false,
    }
}
