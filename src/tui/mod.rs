//! The terminal app. One `App` owns all state, keys become `Action`s through the one keymap,
//! `App::update` is the only place state changes, and views only read.

pub mod action;
pub mod app;
mod checking;
pub mod context;
pub mod editor;
pub mod effects;
pub mod export_file;
pub mod fields;
pub mod findings;
pub mod finish;
pub mod form;
pub mod frame;
pub mod keymap;
pub mod layout;
pub mod preview;
pub mod prose;
mod prose_text;
mod recover;
pub mod runner;
pub mod start;
pub mod stopping;
pub mod table;
pub mod terminal;
pub mod theme;
pub mod views;
mod window;
mod writer;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::template::Library;
use app::{App, Screen};

/// Whether both ends are a terminal, so the app can run.
pub fn has_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

fn require_terminal() -> anyhow::Result<()> {
    if !has_terminal() {
        bail!(
            "the editor needs a terminal\n  help: run it in a terminal, or use `blameless new --no-edit` and `blameless export` in scripts"
        );
    }
    Ok(())
}

fn recovery_dir() -> anyhow::Result<PathBuf> {
    crate::store::recovery::recovery_dir()
        .ok_or_else(|| anyhow::anyhow!("no data folder for recovery copies\n  help: set BLAMELESS_DATA_DIR or HOME"))
}

/// The wording checker, being built on a thread of its own: a command that will open the
/// editor starts it first, so that it is built while the document is read and the first frame
/// drawn.
pub struct CheckerSoon(checking::Early);

/// The wording checker's thread (with the team's configuration): it builds the checker once
/// given the document, after the first frame (who is writing is asked then too).
pub fn checker_soon() -> CheckerSoon {
    CheckerSoon(checking::start(checker))
}

/// Opens `path` in the guided editor, at its first incomplete section. `loaded` is the
/// document as read from it, and `text` the file's text; the document's wording findings
/// come from `checker`, which checks it once the first frame is drawn.
/// `new`: the file was made just now with a name for the editor to change (its title and
/// the incident's day, once set). Returns where the document is when the editor ends.
pub fn edit(
    path: &Path,
    loaded: crate::store::Loaded,
    text: String,
    library: Library,
    checker: CheckerSoon,
    new: bool,
) -> anyhow::Result<std::path::PathBuf> {
    require_terminal()?;
    let today = chrono::Local::now().date_naive();
    let ctx = context::Context::from_env(recovery_dir()?);
    let mut app = App::new(Screen::Start(start::Start::unused(today)), library, ctx);
    app.open_document(path, loaded, &text, new);
    // The file's text is not kept while the editor runs (a big document's is megabytes).
    drop(text);
    // The checker, being built, gets the document once the first frame is drawn.
    app.check_after_first_frame(checker.0);
    runner::run(&mut app)?;
    Ok(app.editor().map_or_else(|| path.to_path_buf(), |e| e.path.clone()))
}

/// `path` as the user would write it from the working folder.
pub fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok().map(|c| crate::store::recovery::normal(&c.join("x")));
    let base = cwd.as_deref().and_then(Path::parent);
    base.and_then(|b| path.strip_prefix(b).ok()).unwrap_or(path).display().to_string()
}

/// The start screen over `folder`.
pub fn start(folder: &Path, library: Library, today: chrono::NaiveDate, checker: CheckerSoon) -> anyhow::Result<()> {
    require_terminal()?;
    let start = start::Start::with_cache(folder, &library, today, crate::store::cache::cache_dir());
    let mut app = App::new(Screen::Start(start), library, context::Context::from_env(recovery_dir()?));
    app.check_after_first_frame(checker.0);
    runner::run(&mut app)
}

/// The wording checker with the team's `.blameless/lint.yaml`, preferring the patterns
/// compiled the quick way. A broken configuration is reported by `blameless lint`; the
/// editor then checks with the built-in rules.
fn checker() -> Option<crate::lint::Checker> {
    let cwd = std::env::current_dir().ok()?;
    let config = crate::lint::config_for(&cwd, None).unwrap_or_default();
    let checker = crate::lint::Checker::new(config).or_else(|_| crate::lint::Checker::builtin());
    checker.ok().map(crate::lint::Checker::with_quick_forms)
}
