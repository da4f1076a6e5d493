//! The editor on ratatui's `TestBackend`: an app on a copy of a document in a new folder, with
//! a clock that moves only when told, and keys pressed as a user would.
#![allow(clippy::unwrap_used, dead_code)]

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use blameless::template::Library;
use blameless::tui::action::Action;
use blameless::tui::app::{App, Screen};
use blameless::tui::context::Context;
use blameless::tui::start::Start;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub app: App,
}

impl Fixture {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("postmortems/checkout.yaml")
    }
    pub fn on_disk(&self) -> String {
        fs::read_to_string(self.path()).unwrap()
    }
    /// The document closed, as if its editor had ended: its lock released, the app on an
    /// empty start screen.
    pub fn closed(mut self) -> Fixture {
        self.app = app_in(self.dir.path(), Screen::Start(Start::unused(today())));
        self
    }
    pub fn recovery_dir(&self) -> PathBuf {
        self.dir.path().join("recovery")
    }
}

pub fn library() -> Library {
    Library::new(Vec::new(), None)
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// An app editing a copy of `text` in `postmortems/` of a new folder, with a clock that moves
/// only when told, a fixed date and time of day, and file names shown relative to the folder.
pub fn editing(text: &str) -> Fixture {
    editing_with(text, None)
}

pub fn editing_with(text: &str, checker: Option<std::sync::Arc<blameless::lint::Checker>>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    let path = folder.join("checkout.yaml");
    fs::write(&path, text).unwrap();
    // As `blameless edit` opens it: no list to go back to.
    let mut app = app_in(dir.path(), Screen::Start(Start::unused(today())));
    if let Some(checker) = checker {
        app = app.with_checker(checker);
    }
    dispatch(&mut app, Action::Open(path));
    assert!(app.editor().is_some(), "the document opens: {:?}", app.message());
    Fixture { dir, app }
}

/// The context of a test in `dir`: a manual clock, 2026-11-24, saves stamped 14:02:31.
pub fn context(dir: &std::path::Path) -> Context {
    let mut ctx = Context::fixed(dir);
    ctx.wall_clock = Some("14:02:31".into());
    ctx.today = Some(today());
    ctx
}

pub fn app_in(dir: &std::path::Path, screen: Screen) -> App {
    App::new(screen, library(), context(dir))
}

/// Moves the app's (manual) clock on.
pub fn later(app: &App, by: Duration) {
    app.context().clock.advance(by);
}

/// A new document from the default template, as `blameless new` makes it.
pub fn fresh() -> Fixture {
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    editing(&blameless::store::document_text(&doc).unwrap())
}

pub fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, mods));
    if let Some(action) = app.action_for(&event) {
        dispatch(app, action);
    }
}

pub use blameless::tui::runner::dispatch;

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => key(app, KeyCode::Enter, KeyModifiers::NONE),
            c => key(app, KeyCode::Char(c), KeyModifiers::NONE),
        }
    }
}

pub fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// The fresh document after a crash: a recovery copy of it left by an editor that no longer
/// runs, holding `edit` of the file's text; then the document opened from the start screen, as
/// a user would, so the recovery question is up. The fixture, and where the copy is.
pub fn reopened_with_copy(edit: impl Fn(String) -> String) -> (Fixture, PathBuf) {
    let f = fresh().closed();
    let text = edit(f.on_disk());
    let copy =
        blameless::store::recovery::write_recovery(&f.recovery_dir(), &f.path(), "crashed", None, &text).unwrap();
    let folder = f.dir.path().join("postmortems");
    let mut app = app_in(f.dir.path(), Screen::Start(Start::new(&folder, &library(), today())));
    dispatch(&mut app, Action::Open(f.path()));
    (Fixture { app, dir: f.dir }, copy)
}

/// How many rows the paste dialog offers to add, when it is open.
pub fn pasted_rows(app: &App) -> Option<usize> {
    match app.dialog() {
        Some(blameless::tui::app::Dialog::PasteRows(form)) => Some(form.rows.len()),
        _ => None,
    }
}
