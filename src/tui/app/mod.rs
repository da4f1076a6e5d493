//! The whole app's state and the one `update` that changes it. Views only read `App`.
//!
//! The screen (start or editor) is at the bottom; overlays and dialogs are layers pushed on
//! top of it. A key goes to the top layer's scope (modal: only its own keys), or with no layer
//! to the screen's scope and then the global keys; drawing goes bottom to top; the footer shows
//! the top layer's keys. That order is written once: [`App::scope`] and [`App::update`].

mod checker;
mod dialogs;
mod editing;
mod exporting;
mod files;
mod findings;
mod layers;
mod naming;
#[cfg(test)]
mod naming_tests;
mod start;
mod tables;
mod text;

use std::sync::Arc;
use std::time::Instant;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::context::Context;
use super::editor::{Editor, Focus, Page};
use super::keymap::{self, Scope};
use super::start::Start;
use crate::doc::SectionKind;
use crate::template::Library;

pub use layers::{Dialog, Layer};

pub enum Screen {
    Start(Start),
    Editor(Box<Editor>),
}

pub use super::effects::Effect;

/// What an update did: whether there is anything new to draw, and the work it asks the runner
/// to do (whose results come back as actions).
#[derive(Debug, Default, PartialEq)]
pub struct Update {
    /// A timer went off and nothing changed: there is nothing to draw.
    pub unchanged: bool,
    pub effects: Vec<Effect>,
}

pub struct App {
    screen: Screen,
    /// Overlays and dialogs over the screen, bottom first.
    layers: Vec<Layer>,
    quit: bool,
    /// A line for the terminal once the editor is gone (why it left without editing).
    farewell: Option<String>,
    library: Library,
    ctx: Context,
    /// What just happened, for the status line (cleared by the next action).
    message: Option<String>,
    /// The terminal's size, as last told.
    size: Rect,
    /// The wording checker given to each document opened.
    checker: Option<Arc<crate::lint::Checker>>,
    /// The checker being built in the background (it and the open document's findings take a
    /// few milliseconds; the first frame does not wait for them: see `runner`).
    pending_checker: Option<std::sync::mpsc::Receiver<super::checking::Ready>>,
    /// The checker being built, waiting for the first frame to be drawn before it is given
    /// the document to check (see `checker::check_after_first_frame`).
    early_checker: Option<super::checking::Early>,
    /// The open document's lock, taken before `git config` said who is writing: named again
    /// once it has (see `files::name_the_lock`).
    unnamed_lock: Option<Instant>,
    /// Work asked of the runner by the update under way.
    effects: Vec<Effect>,
    /// The start screen the open document was chosen on: quitting the editor goes back there.
    back_to: Option<Box<Start>>,
}

impl App {
    pub fn new(screen: Screen, library: Library, ctx: Context) -> App {
        App {
            screen,
            layers: Vec::new(),
            quit: false,
            farewell: None,
            library,
            ctx,
            message: None,
            size: Rect::new(0, 0, 80, 24),
            checker: None,
            pending_checker: None,
            early_checker: None,
            unnamed_lock: None,
            effects: Vec::new(),
            back_to: None,
        }
    }

    /// The app with this wording checker, given to each document opened.
    pub fn with_checker(mut self, checker: Arc<crate::lint::Checker>) -> App {
        self.checker = Some(checker);
        self
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
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

    /// The layers over the screen, bottom first.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The dialog on top, if the top layer is one.
    pub fn dialog(&self) -> Option<&Dialog> {
        match self.layers.last() {
            Some(Layer::Dialog(d)) => Some(d),
            _ => None,
        }
    }

    /// Whether the help is open (anywhere in the stack), and how far it is scrolled.
    pub fn help_scroll(&self) -> Option<u16> {
        self.layers.iter().find_map(|l| if let Layer::Help { scroll } = l { Some(*scroll) } else { None })
    }

    /// Whether the preview is open (anywhere in the stack), and how far it is scrolled.
    pub fn preview_scroll(&self) -> Option<u16> {
        self.layers.iter().find_map(|l| if let Layer::Preview { scroll, .. } = l { Some(*scroll) } else { None })
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the app is done and the runner should end.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The terminal's size, as last told.
    pub fn size(&self) -> Rect {
        self.size
    }

    /// A line to print once the terminal is restored, if the editor left with something to say.
    pub fn farewell(&self) -> Option<&str> {
        self.farewell.as_deref()
    }

    /// The scope whose keys apply now: the top layer's, or the screen's focused pane.
    pub fn scope(&self) -> Scope {
        if let Some(layer) = self.layers.last() {
            return layer.scope();
        }
        match &self.screen {
            Screen::Start(_) => Scope::Start,
            Screen::Editor(e) => match (e.focus, e.page) {
                (Focus::Sidebar, _) => Scope::Sidebar,
                (Focus::Page, Page::Details) => Scope::Form,
                (Focus::Page, Page::Finish) => Scope::Finish,
                (Focus::Page, Page::Section(i)) => match e.doc.sections[i].kind {
                    SectionKind::Text => Scope::Text,
                    SectionKind::Fields => Scope::Form,
                    _ if self.typing_in_cell() => Scope::Form,
                    _ => Scope::Table,
                },
            },
        }
    }

    /// The footer: the keys of the scope on top that do something now (a choice can be
    /// changed only on a choice field).
    pub fn footer(&self) -> Vec<(String, &'static str)> {
        let choice = self.footer_offers_choice();
        let offered = |action: &Action| !matches!(action, Action::CycleChoice) || choice;
        // Typing in a table's cell, Esc ends the typing (it keeps what was typed) rather than
        // going to the sections.
        let in_cell = self.typing_in_cell();
        keymap::footer(self.scope())
            .into_iter()
            .filter(|(_, _, a)| offered(a))
            .map(|(k, n, a)| (k, if in_cell && a == Action::Back { "Done" } else { n }))
            .collect()
    }

    /// What [`App::footer`] depends on: the scope of the keys, and whether the field in focus
    /// is a choice (the key that cycles it is offered then). The frame draws the footer again
    /// only when these (or the width) change.
    pub fn footer_key(&self) -> (keymap::Scope, bool, bool) {
        (self.scope(), self.footer_offers_choice(), self.typing_in_cell())
    }

    /// Whether a table's cell is being typed into (its keys are a form's, and Esc ends the
    /// typing).
    fn typing_in_cell(&self) -> bool {
        self.editor().is_some_and(|e| {
            e.focus == Focus::Page
                && matches!(e.page, Page::Section(i) if e.tables.get(&i).is_some_and(|t| t.editing.is_some()))
        })
    }

    fn footer_offers_choice(&self) -> bool {
        self.editor().is_some_and(|e| {
            let form = match e.page {
                Page::Details => Some(&e.details),
                Page::Section(i) => e.field_forms.get(&i),
                Page::Finish => None,
            };
            form.and_then(|f| f.fields.get(f.focus))
                .is_some_and(|f| matches!(f.input, super::form::Input::Choice { .. }))
        })
    }

    fn now(&self) -> Instant {
        self.ctx.clock.now()
    }

    /// When the runner should wake up without an event: the next wording check or autosave.
    pub fn deadline(&self) -> Option<Instant> {
        // While the checker is being built (a few milliseconds after launch), look for it
        // every millisecond, so its findings follow the first frame closely; while the
        // start screen's folder is read, every 20 ms (a search, every millisecond). Only then:
        // otherwise there is no timer.
        let scanning = matches!(&self.screen, Screen::Start(s) if s.is_loading());
        let searching = matches!(&self.screen, Screen::Start(s) if s.is_searching());
        let now = self.now();
        let every = |us| now + std::time::Duration::from_micros(us);
        // The answer to who is writing: every millisecond for its first 200 ms, then every
        // 100 ms until it comes (or `files::GIVE_UP_ON_WHO` passes).
        let naming = self.unnamed_lock.map(|since| {
            if now.saturating_duration_since(since) < std::time::Duration::from_millis(200) { 1_000 } else { 100_000 }
        });
        let waiting = if self.pending_checker.is_some() {
            Some(every(1_000))
        } else if let Some(us) = naming {
            Some(every(us))
        } else if searching {
            // A search running on its own thread: its answer is looked for every millisecond.
            Some(every(1_000))
        } else {
            scanning.then(|| every(20_000))
        };
        let e = self.editor();
        [waiting, e.and_then(|e| e.check_due), e.and_then(Editor::autosave_due), e.and_then(Editor::journal_due)]
            .into_iter()
            .flatten()
            .min()
    }

    /// Turns a terminal event into an action. Only key presses count (not repeats' releases).
    /// A click is the surface's to place: it knows where the last frame drew what.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => keymap::lookup(self.scope(), *key),
            // Terminals send a paste's line breaks as CR: one kind of line break from here on.
            Event::Paste(text) => Some(Action::Paste(super::recover::normalize_paste(text))),
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    /// The one place state changes. Timers, a new size and the results of the runner's work
    /// are taken whatever is open; any other action goes to the top layer, or with none to the
    /// screen. File work is not done here: it is described in the returned effects.
    pub fn update(&mut self, action: Action) -> Update {
        let unchanged = self.route(action);
        self.name_the_lock();
        self.lay_out_text();
        Update { unchanged, effects: std::mem::take(&mut self.effects) }
    }

    /// The text being written, laid out for where it will be drawn (the views only read it).
    fn lay_out_text(&mut self) {
        let size = self.size;
        if let Screen::Editor(editor) = &mut self.screen
            && let Some(rect) = crate::tui::layout::prose_rect(size, editor, self.message.as_deref())
            && let crate::tui::editor::Page::Section(i) = editor.page
            && let Some(prose) = editor.texts.get_mut(&i)
        {
            prose.follow(rect);
        }
    }

    /// Returns whether the action changed nothing worth drawing (a timer with nothing due).
    fn route(&mut self, action: Action) -> bool {
        match action {
            Action::Tick => return self.tick(),
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                // The preview is rendered for the width: again at the new one.
                self.refresh_preview();
                return false;
            }
            Action::Done(done) => {
                if let Some(outcome) = done.take() {
                    self.done(outcome);
                    // The document may be another now (the version on disk, taken).
                    self.refresh_preview();
                }
                return false;
            }
            _ => {}
        }
        self.message = None;
        match action {
            Action::Open(path) => {
                self.open_path(path);
                return false;
            }
            Action::ExternalEdited(result) => {
                self.external_edit_done(result);
                return false;
            }
            _ => {}
        }
        if let Some(layer) = self.layers.pop() {
            self.update_layer(layer, action);
            return false;
        }
        match action {
            Action::Help => self.layers.push(Layer::Help { scroll: 0 }),
            Action::Preview => {
                if let Some(e) = self.editor_mut() {
                    e.sync();
                    let lines = self.preview_lines();
                    self.layers.push(Layer::Preview { scroll: 0, lines });
                }
            }
            Action::Quit => self.request_quit(),
            Action::Save => self.save(true),
            _ => match &mut self.screen {
                Screen::Start(_) => self.update_start(action),
                Screen::Editor(_) => self.update_editor(action),
            },
        }
        false
    }

    /// The wording check and the autosave when due; the checker and the start screen's
    /// documents when they arrive.
    fn tick(&mut self) -> bool {
        let mut changed = self.install_checker_if_ready();
        if let Screen::Start(start) = &mut self.screen {
            changed |= start.receive();
        }
        let now = self.now();
        if let Some(e) = self.editor_mut() {
            changed |= e.check_if_due(now);
        }
        let saving = self.editor().and_then(Editor::autosave_due).is_some_and(|d| d <= now);
        if saving {
            self.save(false);
            changed = true;
        }
        // The save writes the recovery copy too; without one, the journal does.
        if !saving
            && self.editor().and_then(Editor::journal_due).is_some_and(|d| d <= now)
            && let Some(e) = self.editor_mut()
        {
            match e.journal_job(None) {
                Ok(job) => {
                    e.journaling = true;
                    self.effects.push(Effect::Journal(job));
                }
                Err(_) => e.journaled = e.rev,
            }
        }
        !changed
    }
}
