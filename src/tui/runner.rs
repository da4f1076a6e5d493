//! The event loop: draw, wait for an event (or the autosave deadline, and nothing else, so an
//! idle editor uses no CPU), turn it into an action, update. A panic restores the terminal,
//! writes the recovery copy and says where it is.

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Effect, Update};
use super::stopping::{SIGHUP, Stopped, keep_the_words};
use super::terminal::Guard;
use super::views;
use super::writer::Writer;

/// Events handled before the next frame is drawn, so a burst (a fast typist, a long paste)
/// costs one frame, not one per key.
const BATCH: usize = 512;

/// Runs the app.
pub fn run(app: &mut App) -> anyhow::Result<()> {
    let caught = super::stopping::catch_signals()?;
    let mut guard = Guard::enter()?;
    let mut events = TerminalEvents { caught: caught.clone() };
    let outcome = catch_unwind(AssertUnwindSafe(|| event_loop(&mut guard, &mut events, app)));
    // From here on the words are kept here, not by the signal thread.
    caught.ending.store(true, std::sync::atomic::Ordering::SeqCst);
    match outcome {
        Ok(Ok(Ending::Quit)) => {
            drop(guard);
            if let Some(line) = app.farewell() {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
            Ok(())
        }
        Ok(Ok(Ending::Signal(signal))) => {
            let kept = keep_the_words(app);
            drop(guard);
            Err(Stopped { signal, kept }.into())
        }
        // The terminal failed under us (closed, unreadable): keep the words, as for a hang-up.
        Ok(Err(e)) => {
            let kept = keep_the_words(app);
            drop(guard);
            if super::stopping::hung_up(&e) {
                return Err(Stopped { signal: SIGHUP, kept }.into());
            }
            Err(e.context(format!("the editor stopped. {kept}")))
        }
        Err(panic) => {
            drop(guard);
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
    app.rescue()
}

/// How the event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the program to stop.
    Signal(i32),
}

/// Where the events come from: the terminal, or a test's script.
pub trait Events {
    /// Whether an event is waiting, waiting up to `wait` for one.
    fn poll(&mut self, wait: Duration) -> io::Result<bool>;
    /// The next event, waiting for it.
    fn read(&mut self) -> io::Result<Event>;
    /// The signal that asked the program to stop, once one has.
    fn stopped(&self) -> Option<i32> {
        None
    }
    /// The document open now (for the signal thread): its path, recovery folder and editor.
    fn editing(&mut self, _open: Option<(&std::path::Path, &std::path::Path, &str)>) {}
}

/// The terminal's events, through crossterm, and the signals caught.
pub struct TerminalEvents {
    caught: super::stopping::Caught,
}

impl Events for TerminalEvents {
    fn editing(&mut self, open: Option<(&std::path::Path, &std::path::Path, &str)>) {
        let mut shared = self.caught.open.lock().unwrap_or_else(|e| e.into_inner());
        let same = match (&*shared, open) {
            (Some(s), Some((path, dir, editor))) => s.path == path && s.recovery_dir == dir && s.editor == editor,
            (None, None) => true,
            _ => false,
        };
        // Copied only when the document changes, not on every wake of the loop.
        if !same {
            *shared = open.map(|(path, dir, editor)| super::stopping::Open {
                path: path.to_path_buf(),
                recovery_dir: dir.to_path_buf(),
                editor: editor.to_string(),
            });
        }
    }
    fn stopped(&self) -> Option<i32> {
        match self.caught.stop.load(std::sync::atomic::Ordering::SeqCst) {
            0 => None,
            signal => Some(signal as i32),
        }
    }
    fn poll(&mut self, wait: Duration) -> io::Result<bool> {
        event::poll(wait)
    }
    fn read(&mut self) -> io::Result<Event> {
        event::read()
    }
}

/// Where frames are drawn: the real terminal (through [`Guard`]) or any ratatui backend,
/// such as the `TestBackend` of the tests.
pub trait Surface {
    /// Draws the app.
    fn draw(&mut self, app: &App) -> io::Result<()>;
    /// The terminal is now `width` x `height`.
    fn resize(&mut self, width: u16, height: u16) -> io::Result<()>;
    /// The size frames are drawn at.
    fn size(&mut self) -> Rect;
    /// Runs `f` with the terminal handed back to the shell (for `$EDITOR`).
    fn suspended<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R>;
    /// What a click at `at` selects, by where the last frame drew it.
    fn click(&self, _at: ratatui::layout::Position) -> Option<Action> {
        None
    }
}

impl Surface for Guard {
    fn draw(&mut self, app: &App) -> io::Result<()> {
        let mut memo = std::mem::take(&mut self.memo);
        let drawn = Guard::draw(self, |frame, holds| {
            views::render_onto(frame, app, &mut memo, holds);
            memo.unchanged()
        });
        self.memo = memo;
        drawn
    }
    fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        Guard::resize(self, width, height)
    }
    fn size(&mut self) -> Rect {
        self.area()
    }
    fn suspended<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R> {
        Guard::suspended(self, f)
    }
    fn click(&self, at: ratatui::layout::Position) -> Option<Action> {
        self.memo.hit(at)
    }
}

impl<B: Backend> Surface for Terminal<B>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    fn draw(&mut self, app: &App) -> io::Result<()> {
        Terminal::draw(self, |frame| views::render(frame, app)).map(|_| ()).map_err(io::Error::other)
    }
    fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        Terminal::resize(self, Rect::new(0, 0, width, height)).map_err(io::Error::other)
    }
    fn size(&mut self) -> Rect {
        self.get_frame().area()
    }
    fn suspended<R>(&mut self, f: impl FnOnce() -> R) -> io::Result<R> {
        Ok(f())
    }
}

/// `action` as the event loop does it, but with the file work it asks for done here and now,
/// in order, each result going back to the app: for tests, benchmarks and scripts. Returns
/// whether the update changed nothing worth drawing, and the effects that need a terminal
/// (`$EDITOR`), which are left undone.
pub fn dispatch(app: &mut App, action: Action) -> (bool, Vec<Effect>) {
    let update = app.update(action);
    let mut queue: std::collections::VecDeque<Effect> = update.effects.into();
    let mut left = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::ExternalEditor(_) => left.push(effect),
            other => {
                if let Some(result) = super::effects::perform(other) {
                    queue.extend(app.update(result).effects);
                }
            }
        }
    }
    (update.unchanged, left)
}

/// While file work is under way, its results are looked for this often.
const RESULTS_EVERY: Duration = Duration::from_millis(2);

/// Hands the work an update asked for to the writer; `$EDITOR` is run here, with the terminal
/// handed over, and its result goes straight back to the app. Returns whether to redraw.
fn perform(update: Update, surface: &mut impl Surface, writer: &mut Writer, app: &mut App) -> io::Result<bool> {
    let mut redraw = !update.unchanged;
    for effect in update.effects {
        match effect {
            Effect::ExternalEditor(text) => {
                let result = surface.suspended(|| external_editor(&text))?;
                let next = app.update(Action::ExternalEdited(result));
                perform(next, surface, writer, app)?;
                redraw = true;
            }
            other => writer.send(other),
        }
    }
    Ok(redraw)
}

/// The event loop, on any surface and any source of events: draw, wait for an event (or the
/// next deadline, or the result of file work, and nothing else, so an idle editor uses no
/// CPU), turn it into an action, update, hand the work it asks for to the writer thread.
/// Returns when the app quits, once the file work asked for is done.
pub fn event_loop(surface: &mut impl Surface, events: &mut impl Events, app: &mut App) -> anyhow::Result<Ending> {
    let mut writer = Writer::start();
    let mut redraw = true;
    // The first frame does not wait for the wording findings: the document is drawn at once,
    // and the findings when they arrive (the loop looks for them, see `App::deadline`).
    let size = surface.size();
    // The work asked for before the loop (opening a document: removing a recovery copy that
    // holds nothing new) goes to the writer with this first update's.
    let update = app.update(Action::Resize(size.width, size.height));
    perform(update, surface, &mut writer, app)?;
    loop {
        for result in writer.ready() {
            let update = app.update(result);
            redraw |= perform(update, surface, &mut writer, app)?;
        }
        // A timer that changed nothing (the checker not ready yet) draws nothing either.
        if redraw {
            surface.draw(app)?;
            app.first_frame_drawn();
        }
        redraw = false;
        if app.quitting() {
            for result in writer.finish() {
                app.update(result);
            }
            return Ok(Ending::Quit);
        }
        if let Some(signal) = events.stopped() {
            for result in writer.finish() {
                app.update(result);
            }
            return Ok(Ending::Signal(signal));
        }
        events.editing(app.editor().map(|e| (e.path.as_path(), e.recovery_dir.as_path(), e.id.as_str())));
        let due = app.deadline().map(|due| due.saturating_duration_since(app.context().clock.now()));
        let wait = if writer.in_flight > 0 { Some(due.map_or(RESULTS_EVERY, |d| d.min(RESULTS_EVERY))) } else { due };
        let first = match wait {
            Some(wait) => {
                if events.poll(wait)? {
                    Some(events.read()?)
                } else {
                    None
                }
            }
            None => match events.read() {
                Ok(event) => Some(event),
                // The wait was cut short by a signal: the loop ends below.
                Err(_) if events.stopped().is_some() => None,
                Err(e) => return Err(e.into()),
            },
        };
        let mut next = first;
        let mut handled = 0;
        loop {
            if let Some(Event::Resize(width, height)) = next {
                surface.resize(width, height)?;
            }
            let action = match &next {
                Some(event) => {
                    crash_for_tests(event);
                    app.action_for(event).or_else(|| clicked(event).and_then(|at| surface.click(at)))
                }
                None => Some(Action::Tick),
            };
            // Any event may change the screen (a resize, a key that does nothing still
            // clears a message); a timer only when it did something.
            redraw |= next.is_some();
            if let Some(action) = action {
                let update = app.update(action);
                redraw |= perform(update, surface, &mut writer, app)?;
            }
            if app.deadline().is_some_and(|d| d <= app.context().clock.now()) {
                let update = app.update(Action::Tick);
                redraw |= perform(update, surface, &mut writer, app)?;
            }
            handled += 1;
            if app.quitting() || events.stopped().is_some() || handled >= BATCH || !events.poll(Duration::ZERO)? {
                break;
            }
            next = Some(events.read()?);
            // A new size: draw what is there at that size before going on.
            if let Some(Event::Resize(width, height)) = next {
                surface.resize(width, height)?;
                let update = app.update(Action::Resize(width, height));
                perform(update, surface, &mut writer, app)?;
                redraw = true;
                break;
            }
        }
    }
}

/// Where a left click went, if the event is one.
fn clicked(event: &Event) -> Option<ratatui::layout::Position> {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    match event {
        Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
            Some(ratatui::layout::Position::new(m.column, m.row))
        }
        _ => None,
    }
}

/// With `BLAMELESS_TEST_PANIC` set, F12 or `Ctrl-\\` panics: the end-to-end tests use it to
/// check that a crash restores the terminal and keeps the text (`Ctrl-\\` is one byte, so a
/// loaded machine cannot deliver it split, as it can F12's escape sequence). Without the
/// variable neither does anything.
fn crash_for_tests(event: &Event) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if let Event::Key(k) = event
        && (k.code == KeyCode::F(12) || (k.code == KeyCode::Char('4') && k.modifiers.contains(KeyModifiers::CONTROL)))
        && std::env::var_os("BLAMELESS_TEST_PANIC").is_some()
    {
        panic!("a crash key with BLAMELESS_TEST_PANIC set: a deliberate crash");
    }
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
