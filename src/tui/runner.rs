//! The event loop: draw, wait for an event (or the autosave deadline, and nothing else, so an
//! idle editor uses no CPU), turn it into an action, update. A panic restores the terminal,
//! writes the recovery copy and says where it is.

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::action::Action;
use super::app::{App, Effect, Screen};
use super::terminal::Guard;
use super::views;
use crate::store::recovery;

/// How long the first frame waits for the wording findings of the document it shows (a
/// typical one has them in a few milliseconds; a huge one is drawn without, and they follow).
const FIRST_FRAME_WAITS: Duration = Duration::from_millis(25);

/// Events handled before the next frame is drawn, so a burst (a fast typist, a long paste)
/// costs one frame, not one per key.
const BATCH: usize = 512;

/// Runs the app.
pub fn run(app: &mut App) -> anyhow::Result<()> {
    let mut guard = Guard::enter()?;
    let outcome = catch_unwind(AssertUnwindSafe(|| event_loop(&mut guard, app)));
    drop(guard);
    match outcome {
        Ok(Ok(())) => Ok(()),
        // The terminal failed under us (closed, unreadable): keep the words, then report.
        Ok(Err(e)) => match save_after_panic(app) {
            Some(path) => Err(e.context(format!("the editor stopped; your text is safe in {}", path.display()))),
            None => Err(e),
        },
        Err(panic) => {
            let saved = save_after_panic(app);
            let mut err = std::io::stderr().lock();
            let _ = match saved {
                Some(path) => writeln!(
                    err,
                    "\nblameless stopped because of a bug (above). Your text is safe in {}.\n\
                     Open the document again with `blameless edit` and it offers to restore it.",
                    path.display()
                ),
                None => writeln!(err, "\nblameless stopped because of a bug (above)."),
            };
            resume_unwind(panic)
        }
    }
}

fn save_after_panic(app: &mut App) -> Option<std::path::PathBuf> {
    let Screen::Editor(editor) = &mut app.screen else { return None };
    let text = editor.text().ok()?;
    recovery::write_recovery(&editor.recovery_dir, &editor.path, &text).ok()
}

fn event_loop(guard: &mut Guard, app: &mut App) -> anyhow::Result<()> {
    let mut redraw = true;
    app.wait_for_checker(FIRST_FRAME_WAITS);
    loop {
        // A timer that changed nothing (the checker not ready yet) draws nothing either.
        if redraw {
            app.size = guard.area();
            guard.draw(|frame, holds| views::render_onto(frame, app, holds), views::unchanged_areas)?;
        }
        redraw = false;
        if app.quit {
            return Ok(());
        }
        let first = match app.deadline() {
            Some(due) => {
                let wait = due.saturating_duration_since(Instant::now());
                if event::poll(wait)? { Some(event::read()?) } else { None }
            }
            None => Some(event::read()?),
        };
        let mut next = first;
        let mut handled = 0;
        loop {
            stamp(app);
            if let Some(Event::Resize(width, height)) = next {
                guard.resize(width, height)?;
            }
            let action = match &next {
                Some(event) => {
                    crash_for_tests(event);
                    app.action_for(event)
                }
                None => Some(Action::Tick),
            };
            // Any event may change the screen (a resize, a key that does nothing still
            // clears a message); a timer only when it did something.
            redraw |= next.is_some();
            if let Some(action) = action {
                match app.update(action) {
                    Effect::ExternalEditor(text) => {
                        let result = guard.suspended(|| external_editor(&text))?;
                        stamp(app);
                        app.external_edit_done(result);
                        redraw = true;
                    }
                    Effect::Unchanged => {}
                    Effect::None => redraw = true,
                }
            }
            if app.deadline().is_some_and(|d| d <= Instant::now()) {
                stamp(app);
                redraw |= app.update(Action::Tick) != Effect::Unchanged;
            }
            handled += 1;
            if app.quit || handled >= BATCH || !event::poll(Duration::ZERO)? {
                break;
            }
            next = Some(event::read()?);
            // A new size: draw what is there at that size before going on.
            if let Some(Event::Resize(width, height)) = next {
                guard.resize(width, height)?;
                redraw = true;
                break;
            }
        }
    }
}

/// With `BLAMELESS_TEST_PANIC` set, F12 panics: the end-to-end tests use it to check that a
/// crash restores the terminal and keeps the text. Without the variable F12 does nothing.
fn crash_for_tests(event: &Event) {
    if let Event::Key(k) = event
        && k.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("BLAMELESS_TEST_PANIC").is_some()
    {
        panic!("F12 with BLAMELESS_TEST_PANIC set: a deliberate crash");
    }
}

fn stamp(app: &mut App) {
    app.now = Instant::now();
}

/// Edits `text` in `$EDITOR`, then `$VISUAL`, then `vi`. The editor command may carry
/// arguments (`code -w`), so it goes through the shell.
fn external_editor(text: &str) -> Result<String, String> {
    let editor = ["EDITOR", "VISUAL"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("blameless-section-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("Cannot create a temporary file for $EDITOR: {e}"))?;
    std::fs::write(file.path(), text).map_err(|e| format!("Cannot write the temporary file: {e}"))?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("blameless")
        .arg(file.path())
        .status()
        .map_err(|e| format!("Cannot start `{editor}`: {e}"))?;
    if !status.success() {
        return Err(format!("`{editor}` exited with {status}; the section was not changed."));
    }
    std::fs::read_to_string(file.path()).map_err(|e| format!("Cannot read back the edited text: {e}"))
}
