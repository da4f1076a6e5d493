//! The layers over the screen (help, preview, dialogs) and the keys: a dialog raised under an
//! overlay is on top and answers its own keys; every key the footer shows does something, in
//! every state; every key the app handles is in the help; and the real event loop runs on
//! ratatui's `TestBackend` with scripted events.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::fs;
use std::io;
use std::time::Duration;

mod common;

use blameless::tui::action::Action;
use blameless::tui::app::{App, Dialog, Effect, Screen};
use blameless::tui::editor::AUTOSAVE_AFTER;
use blameless::tui::keymap::{self, SCOPES, Scope};
use blameless::tui::runner::{Events, event_loop};
use blameless::tui::start::Start;
use common::screen;
use common::tui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn fresh() -> Fixture {
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    editing(&blameless::store::document_text(&doc).unwrap())
}

/// Typed words, then `open` (an overlay), then someone changes the file and the autosave
/// runs: the conflict dialog is on top of the overlay, drawn over it, and its key answers it.
fn conflict_under(open: KeyCode, overlay_open: fn(&App) -> bool) {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Mine, typed before the pull.");
    key(&mut f.app, open, KeyModifiers::NONE);
    assert!(overlay_open(&f.app));
    fs::write(f.path(), f.on_disk().replace("Checkout API errors", "Renamed by a teammate")).unwrap();
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(&mut f.app, Action::Tick);
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict), "the dialog is on top");
    assert_eq!(f.app.scope(), Scope::Conflict);
    let shown = screen(&mut f.app, 80, 24);
    assert!(shown.contains("The file changed on disk"), "drawn over the overlay:\n{shown}");
    assert!(shown.contains("k Keep mine"), "the footer shows the dialog's keys:\n{shown}");
    key(&mut f.app, KeyCode::Char('k'), KeyModifiers::NONE);
    assert_eq!(f.app.dialog(), None, "answered");
    assert!(f.on_disk().contains("Mine, typed before the pull."), "k kept mine");
    assert!(overlay_open(&f.app), "the overlay is still there under it");
}

#[test]
fn a_conflict_raised_under_the_preview_is_answered_not_swallowed() {
    conflict_under(KeyCode::F(5), |app| app.preview_scroll().is_some());
}

#[test]
fn a_conflict_raised_under_help_is_drawn_and_answered() {
    conflict_under(KeyCode::F(1), |app| app.help_scroll().is_some());
}

/// Builds the app in a named state; each call starts afresh.
type State = (&'static str, fn() -> Fixture);

fn states() -> Vec<State> {
    vec![
        ("start screen", || {
            let f = fresh();
            let folder = f.dir.path().join("postmortems");
            let mut start = Start::new(&folder, &library(), today());
            start.wait_loaded();
            Fixture { app: app_in(f.dir.path(), Screen::Start(start)), dir: f.dir }
        }),
        ("section list", || {
            let mut f = fresh();
            key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
            f
        }),
        ("writing", || {
            let mut f = fresh();
            dispatch(&mut f.app, Action::GoTo(1));
            typed(&mut f.app, "It was human error.");
            f
        }),
        ("details form", || {
            let mut f = editing(CHECKOUT);
            dispatch(&mut f.app, Action::GoTo(0));
            f
        }),
        ("table", || {
            let mut f = editing(CHECKOUT);
            let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
            dispatch(&mut f.app, Action::GoTo(timeline + 1));
            f
        }),
        ("finish", || {
            let mut f = editing(CHECKOUT);
            let last = f.app.editor().unwrap().pages().len() - 1;
            dispatch(&mut f.app, Action::GoTo(last));
            f
        }),
        ("help", || {
            let mut f = fresh();
            key(&mut f.app, KeyCode::F(1), KeyModifiers::NONE);
            key(&mut f.app, KeyCode::Down, KeyModifiers::NONE); // so that ↑ has somewhere to go
            f
        }),
        ("preview", || {
            // A document longer than the screen, so that it scrolls.
            let mut f = editing(CHECKOUT);
            let summary = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "summary").unwrap();
            dispatch(&mut f.app, Action::GoTo(summary + 1));
            typed(&mut f.app, "Unsaved words.");
            key(&mut f.app, KeyCode::F(5), KeyModifiers::NONE);
            key(&mut f.app, KeyCode::Down, KeyModifiers::NONE);
            f
        }),
        ("quit dialog", || {
            let mut f = fresh();
            dispatch(&mut f.app, Action::GoTo(1));
            typed(&mut f.app, "Unsaved words.");
            ctrl(&mut f.app, 'q');
            f
        }),
        ("conflict dialog", || {
            let mut f = fresh();
            dispatch(&mut f.app, Action::GoTo(1));
            typed(&mut f.app, "Unsaved words.");
            fs::write(f.path(), f.on_disk().replace("Checkout API errors", "Theirs")).unwrap();
            ctrl(&mut f.app, 's');
            f
        }),
        ("recovery dialog", || reopened_with_copy(|t| t.replace("Checkout API errors", "Recovered title")).0),
        ("discard copy dialog", || {
            let (mut f, _) = reopened_with_copy(|t| t.replace("Checkout API errors", "Recovered title"));
            key(&mut f.app, KeyCode::Char('d'), KeyModifiers::NONE);
            assert!(matches!(f.app.dialog(), Some(Dialog::DiscardCopy { .. })));
            f
        }),
        ("locked dialog", || {
            let f = fresh();
            // Another editor holds the lock (kept for the test's life: dropping it releases it).
            let other = blameless::store::lock::Holder { pid: 1, ..blameless::store::lock::Holder::me("09:00") };
            let other = blameless::store::lock::Holder { editor: "other-editor".into(), ..other };
            let held = blameless::store::lock::take(&f.recovery_dir(), &f.path(), &other).unwrap();
            std::mem::forget(held);
            let folder = f.dir.path().join("postmortems");
            let mut app = app_in(f.dir.path(), Screen::Start(Start::new(&folder, &library(), today())));
            dispatch(&mut app, Action::Open(f.path()));
            Fixture { app, dir: f.dir }
        }),
        ("paste dialog", || {
            let mut f = editing(CHECKOUT);
            let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
            dispatch(&mut f.app, Action::GoTo(timeline + 1));
            dispatch(&mut f.app, Action::Paste("14:20 Priya: rollback started\n14:31 errors back to normal\n".into()));
            f
        }),
        ("dismiss dialog", || {
            let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
            let t = library().find("default").unwrap();
            let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
            let mut f = editing_with(&blameless::store::document_text(&doc).unwrap(), Some(checker));
            dispatch(&mut f.app, Action::GoTo(1));
            typed(&mut f.app, "It was human error.");
            key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
            ctrl(&mut f.app, 'd');
            f
        }),
        ("replace export dialog", || {
            let mut f = editing(CHECKOUT);
            fs::write(f.path().with_extension("md"), "# Notes written by hand\n").unwrap();
            let last = f.app.editor().unwrap().pages().len() - 1;
            dispatch(&mut f.app, Action::GoTo(last));
            key(&mut f.app, KeyCode::Char('e'), KeyModifiers::NONE);
            f
        }),
    ]
}

/// A key as the keymap labels it, as the terminal would send it.
fn event_of(label: &str) -> KeyEvent {
    let b = keymap::bindings()
        .iter()
        .find(|b| b.label == label)
        .unwrap_or_else(|| panic!("{label:?} is not a bound label"));
    KeyEvent::new(b.code, b.mods)
}

#[test]
fn every_key_the_footer_shows_does_something_in_every_state() {
    let mut seen_scopes = Vec::new();
    for (name, build) in states() {
        let probe = build();
        let scope = probe.app.scope();
        seen_scopes.push(scope);
        let footer = probe.app.footer();
        assert!(!footer.is_empty(), "{name}: the footer shows keys");
        for (keys, what) in footer {
            // "↑↓" is two keys: each must work.
            let labels: Vec<String> = if keys.chars().count() == 2 && keys.chars().all(|c| "↑↓←→".contains(c)) {
                keys.chars().map(String::from).collect()
            } else {
                vec![keys.clone()]
            };
            for label in labels {
                let mut f = build();
                let before_screen = screen(&mut f.app, 100, 30);
                let before_disk = fs::read_to_string(f.path()).ok();
                let event = Event::Key(event_of(&label));
                let action = f.app.action_for(&event);
                assert!(action.is_some(), "{name}: footer key {label} ({what}) is not handled");
                // Asking the runner to do something ($EDITOR) counts as doing something.
                let effect = dispatch(&mut f.app, action.unwrap());
                let after_screen = screen(&mut f.app, 100, 30);
                let changed = after_screen != before_screen
                    || effect.1.iter().any(|e| matches!(e, Effect::ExternalEditor(_)))
                    || f.app.quitting()
                    || fs::read_to_string(f.path()).ok() != before_disk;
                assert!(changed, "{name}: footer key {label} ({what}) did nothing:\n{after_screen}");
            }
        }
    }
    for scope in SCOPES.iter().filter(|s| **s != Scope::Global) {
        assert!(seen_scopes.contains(scope), "no state above reaches {scope:?}");
    }
}

#[test]
fn every_handled_key_is_in_the_help_and_no_footer_names_a_key_the_help_lacks() {
    let groups = keymap::help_groups();
    let all: Vec<(String, String)> = groups.iter().flat_map(|(_, rows)| rows.clone()).collect();
    for b in keymap::bindings() {
        let listed = all.iter().any(|(keys, help)| help == b.help && keys.split(" / ").any(|k| k == b.label));
        // A row shared with an earlier group is listed there, and the group says so.
        let shared = groups
            .iter()
            .any(|(s, rows)| *s == b.scope && rows.iter().any(|(k, h)| k == "…" && h.starts_with("and the keys of")));
        assert!(listed || shared, "{:?} {} ({}) is not in the help", b.scope, b.label, b.help);
    }
    // No two rows of one group say the same thing.
    for (scope, rows) in &groups {
        let mut helps: Vec<&String> = rows.iter().map(|(_, h)| h).collect();
        helps.sort();
        helps.dedup();
        assert_eq!(helps.len(), rows.len(), "{scope:?} repeats a help row");
    }
}

/// Events from a script: keys, then nothing (time passes on the app's clock by the wait, so
/// timers fire as they would), then the end of the script ends the loop.
struct Script {
    events: VecDeque<Event>,
    clock: blameless::tui::context::Clock,
}

impl Events for Script {
    fn poll(&mut self, wait: Duration) -> io::Result<bool> {
        if self.events.is_empty() {
            self.clock.advance(wait);
            return Ok(false);
        }
        Ok(true)
    }
    fn read(&mut self) -> io::Result<Event> {
        self.events.pop_front().ok_or_else(|| io::Error::other("the script ended"))
    }
}

#[test]
fn the_real_event_loop_runs_on_a_test_backend() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    let mut events: VecDeque<Event> = "Typed through the loop."
        .chars()
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect();
    events.push_back(Event::Resize(80, 24));
    let mut script = Script { events, clock: f.app.context().clock.clone() };
    // A fixed viewport, as the real terminal has: its size changes on resize events only.
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 100, 30));
    let mut terminal =
        Terminal::with_options(TestBackend::new(100, 30), ratatui::TerminalOptions { viewport }).unwrap();
    // The script types, the loop waits for the autosave (the clock moves on), then the script
    // ends: the loop returns the error of the event source.
    let ended = event_loop(&mut terminal, &mut script, &mut f.app);
    assert!(ended.is_err(), "the loop ran until the script ended");
    assert!(f.on_disk().contains("text: Typed through the loop."), "the autosave ran in the loop");
    assert_eq!((f.app.size().width, f.app.size().height), (80, 24), "the resize reached the app");
    let buf = terminal.backend().buffer();
    let row = |y: u16| (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>();
    assert!(row(22).contains("saved 14:02:31"), "the last frame, at 80x24, shows the save: {}", row(22));
    assert!(row(23).contains("Esc Sections"), "and its footer on the last row: {}", row(23));

    // Ctrl-Q with nothing unsaved ends the loop cleanly.
    let quit = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    let mut script = Script { events: VecDeque::from([quit]), clock: f.app.context().clock.clone() };
    event_loop(&mut terminal, &mut script, &mut f.app).unwrap();
    assert!(f.app.quitting());
}

/// `update` only describes file work: the autosave it asks for changes nothing on disk until
/// it is performed, and typing while it runs keeps the document unsaved.
#[test]
fn update_asks_for_the_save_and_the_runner_does_it() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Words.");
    let before = f.on_disk();
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    let update = f.app.update(Action::Tick);
    let [Effect::Save(job)] = update.effects.as_slice() else { panic!("one save asked for: {:?}", update.effects) };
    // The document and the prose texts as they stand, which the writer puts together.
    let doc = blameless::tui::effects::with_texts(&job.doc, &job.texts);
    assert!(doc.sections.iter().any(|s| s.text == "Words."), "the job carries the document");
    assert_eq!(f.on_disk(), before, "nothing written by update");
    typed(&mut f.app, " More.");
    let result = blameless::tui::effects::perform(Effect::Save(job.clone())).unwrap();
    dispatch(&mut f.app, result);
    assert!(f.on_disk().contains("text: Words.\n"), "written when performed");
    assert!(f.app.editor().unwrap().dirty, "the words typed meanwhile are still unsaved");
    later(&f.app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(&mut f.app, Action::Tick);
    assert!(f.on_disk().contains("text: Words. More.\n"));
    assert!(!f.app.editor().unwrap().dirty);
}

/// A click selects what the last frame drew where it landed: a table row here; nothing under
/// an overlay.
#[test]
fn a_click_selects_the_table_row_drawn_there_and_nothing_under_an_overlay() {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    dispatch(&mut f.app, Action::Resize(100, 30));
    let second = f.app.editor().unwrap().doc.timeline[1].event.clone();
    let mut memo = blameless::tui::views::Memo::new();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|fr| blameless::tui::views::render_onto(fr, &f.app, &mut memo, false)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let words: String = second.chars().take(12).collect();
    let y = (0..30u16)
        .find(|&y| (0..100u16).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>().contains(&words))
        .expect("the second entry is on screen");
    let action = memo.hit(ratatui::layout::Position::new(60, y)).expect("a click on a row is an action");
    assert_eq!(action, Action::Table(blameless::tui::action::TableOp::Select(1)));
    key(&mut f.app, KeyCode::F(1), KeyModifiers::NONE);
    terminal.draw(|fr| blameless::tui::views::render_onto(fr, &f.app, &mut memo, false)).unwrap();
    assert_eq!(memo.hit(ratatui::layout::Position::new(60, y)), None, "under the help, a click selects nothing");
}

/// `Esc` never throws work away: on the recovery question it keeps the copy (offered again
/// next time); on the changed-file question it decides later — nothing is written, the
/// autosave waits, and `Ctrl-S` asks again.
#[test]
fn esc_on_a_question_keeps_everything() {
    // The recovery copy.
    let copy_text = fresh().on_disk().replace("Checkout API errors", "Recovered title");
    let (Fixture { mut app, dir: _dir }, copy) =
        reopened_with_copy(|t| t.replace("Checkout API errors", "Recovered title"));
    assert!(matches!(app.dialog(), Some(Dialog::Recover { .. })));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.dialog(), None);
    let kept = blameless::store::recovery::read_copy(&copy).unwrap();
    assert_eq!(kept.text, copy_text, "the copy is kept");
    assert!(screen(&mut app, 80, 24).contains("recovery copy is kept"));

    // The file changed on disk.
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Mine.");
    let theirs = f.on_disk().replace("Checkout API errors", "Theirs");
    fs::write(f.path(), &theirs).unwrap();
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict));
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(f.app.dialog(), None);
    assert_eq!(f.on_disk(), theirs, "nothing written");
    assert!(screen(&mut f.app, 80, 24).contains("Ctrl-S asks again"));
    later(&f.app, AUTOSAVE_AFTER * 3);
    dispatch(&mut f.app, Action::Tick);
    assert_eq!(f.on_disk(), theirs, "the autosave waits for the answer");
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict), "Ctrl-S asks again");
}

/// A terminal sends a pasted excerpt's line breaks as CR (bracketed paste): each line is still
/// a line, so a chat excerpt pasted into the timeline is one row per message.
#[test]
fn a_paste_with_cr_line_breaks_is_one_row_per_line() {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    let before = f.app.editor().unwrap().doc.timeline.len();
    let paste = Event::Paste("14:20 Priya: rollback started\r14:31 errors back to normal\r".into());
    let action = f.app.action_for(&paste).unwrap();
    dispatch(&mut f.app, action);
    assert_eq!(pasted_rows(&f.app), Some(2), "the paste asks to add 2 rows");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(f.app.editor().unwrap().doc.timeline.len(), before + 2);
}

/// One identity: a dismissal records the writer the way `blameless status` does, from the
/// repository's `git config user.name` (then the login name).
#[test]
fn a_dismissal_records_the_git_user_name() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| std::process::Command::new("git").args(args).current_dir(dir.path()).output();
    if !git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        return common::tool_missing("git");
    }
    git(&["config", "user.name", "Priya Raman"]).unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    fs::write(folder.join("c.yaml"), blameless::store::document_text(&doc).unwrap()).unwrap();
    let mut ctx = blameless::tui::context::Context::fixed(dir.path());
    ctx.user = None; // worked out as a real session does
    let checker = std::sync::Arc::new(blameless::lint::Checker::builtin().unwrap());
    let start = Start::new(&folder, &library(), today());
    let mut app = App::new(Screen::Start(start), library(), ctx).with_checker(checker);
    dispatch(&mut app, Action::Open(folder.join("c.yaml")));
    dispatch(&mut app, Action::GoTo(1));
    typed(&mut app, "We kept the old name: the Root Cause dashboard.");
    later(&app, blameless::tui::editor::CHECK_AFTER * 2);
    dispatch(&mut app, Action::Tick);
    ctrl(&mut app, 'd');
    typed(&mut app, "a dashboard's name\n");
    ctrl(&mut app, 's');
    let disk = fs::read_to_string(folder.join("c.yaml")).unwrap();
    assert!(disk.contains("by: Priya Raman"), "{disk}");
}

/// Fields behave like a line editor: Ctrl-A then typing replaces the field, Ctrl-W and Ctrl-U
/// delete back a word and to the start; a choice changes with Space and → forward, ← back.
#[test]
fn form_fields_edit_like_a_line_editor_and_choices_go_both_ways() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(0)); // the details: the title field first
    ctrl(&mut f.app, 'a');
    typed(&mut f.app, "Mobile app crashes on login");
    let value = |app: &App, id: &str| app.editor().unwrap().details.value(id);
    assert_eq!(value(&f.app, "title"), "Mobile app crashes on login", "select all, then type, replaces");
    key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
    typed(&mut f.app, "[P2] ");
    ctrl(&mut f.app, 'e');
    typed(&mut f.app, " today");
    assert_eq!(value(&f.app, "title"), "[P2] Mobile app crashes on login today", "Home, then Ctrl-E: the end");
    key(&mut f.app, KeyCode::Backspace, KeyModifiers::NONE);
    ctrl(&mut f.app, 'w');
    ctrl(&mut f.app, 'w');
    assert_eq!(value(&f.app, "title"), "[P2] Mobile app crashes on ");
    ctrl(&mut f.app, 'u');
    assert_eq!(value(&f.app, "title"), "");
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE); // status, a choice
    let first = value(&f.app, "status");
    key(&mut f.app, KeyCode::Right, KeyModifiers::NONE);
    let second = value(&f.app, "status");
    assert_ne!(first, second, "→ takes the next value");
    key(&mut f.app, KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(value(&f.app, "status"), first, "← goes back");
    key(&mut f.app, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(value(&f.app, "status"), second, "Space takes the next value too");
    key(&mut f.app, KeyCode::Left, KeyModifiers::NONE);
    key(&mut f.app, KeyCode::Left, KeyModifiers::NONE);
    assert_ne!(value(&f.app, "status"), first, "and ← wraps round to the last");
}

/// Ctrl-Q in a document opened from the list goes back to the list (read again: the title just
/// written is there); Ctrl-Q on the list quits. A document opened with `blameless edit` quits.
#[test]
fn ctrl_q_goes_back_to_the_list_the_document_was_opened_from() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("checkout.yaml"), CHECKOUT).unwrap();
    let mut start = Start::new(&folder, &library(), today());
    start.wait_loaded();
    let mut app = app_in(dir.path(), Screen::Start(start));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.editor().is_some(), "opened from the list");
    dispatch(&mut app, Action::GoTo(0));
    ctrl(&mut app, 'a');
    typed(&mut app, "Checkout errors, renamed");
    ctrl(&mut app, 's');
    ctrl(&mut app, 'q');
    assert!(!app.quitting(), "back to the list, not out");
    let Screen::Start(list) = app.screen() else { panic!("not the list") };
    let mut list_loaded = Start::new(&list.folder, &library(), today());
    list_loaded.wait_loaded();
    assert!(list_loaded.shown().iter().any(|e| e.summary().is_some_and(|s| s.title == "Checkout errors, renamed")));
    ctrl(&mut app, 'q');
    assert!(app.quitting(), "Ctrl-Q on the list quits");
}

/// A document made from a template and left without a word written leaves no file behind
/// (and `blameless lint` has no untitled file to fail on); one written in stays.
#[test]
fn a_new_document_nobody_wrote_in_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let files = || fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0);
    let mut app = app_in(dir.path(), Screen::Start(Start::new(&folder, &library(), today())));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE); // no folder yet: the templates list
    assert!(app.editor().is_some(), "a new document from the first template");
    assert_eq!(files(), 1, "its file is made at once");
    ctrl(&mut app, 'q');
    assert_eq!(files(), 0, "left as made: no file");

    // The folder is read in the background; once it is read and found empty, the start
    // screen shows the templates (waited for, so the keys below meet that list).
    let mut start = Start::new(&folder, &library(), today());
    while start.is_loading() {
        start.receive();
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut app = app_in(dir.path(), Screen::Start(start));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.editor().is_some(), "{:?}", app.message());
    ctrl(&mut app, 'a');
    typed(&mut app, "Queue backlog");
    ctrl(&mut app, 's');
    ctrl(&mut app, 'q');
    assert_eq!(files(), 1, "written in: it stays");
}

/// A time cell is typed over in the form the table shows (`2026-11-24 14:02`), not as the file
/// stores it; Enter on it unchanged changes nothing.
#[test]
fn a_time_cell_edits_in_its_shown_form() {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    let stored = f.app.editor().unwrap().doc.timeline[0].time.as_text();
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    let shown = screen(&mut f.app, 100, 30);
    let form: String = stored.replace('T', " ").chars().take(16).collect();
    // (The 16-column cell scrolls by one to show the cursor after the text.)
    assert!(shown.contains(&form[1..]), "the cell opens as {form}:\n{shown}");
    assert!(!shown.contains("T14:02"), "not as stored ({stored}):\n{shown}");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(!f.app.editor().unwrap().dirty, "Enter on an unchanged cell changes nothing");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    ctrl(&mut f.app, 'u');
    typed(&mut f.app, &format!("{} 13:58\n", &form[..10]));
    let now = f.app.editor().unwrap().doc.timeline[0].time.as_text();
    assert!(now.contains("13:58"), "typed over: {now}");
}

/// In a table, g / Home go to the first row and G / End to the last.
#[test]
fn g_and_shift_g_go_to_the_first_and_last_row() {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    let row = |app: &App| app.editor().unwrap().tables.values().next().map(|t| t.row).unwrap();
    let last = f.app.editor().unwrap().doc.timeline.len() - 1;
    key(&mut f.app, KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(row(&f.app), last);
    key(&mut f.app, KeyCode::Char('g'), KeyModifiers::NONE);
    assert_eq!(row(&f.app), 0);
    key(&mut f.app, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(row(&f.app), last);
    key(&mut f.app, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(row(&f.app), 0);
}

/// A day divider in a paste sets the day of the bare times below it, and pasting the same lines
/// again adds nothing.
#[test]
fn a_day_divider_in_a_paste_sets_the_day_and_a_second_paste_adds_nothing() {
    let mut f = editing(CHECKOUT);
    let timeline = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "timeline").unwrap();
    dispatch(&mut f.app, Action::GoTo(timeline + 1));
    let before = f.app.editor().unwrap().doc.timeline.len();
    let paste = "Wednesday, November 25th\r[09:10] Priya: the queue is still behind\rThursday, November 26th\r[08:55] Sam: backlog cleared\r";
    let action = f.app.action_for(&Event::Paste(paste.into())).unwrap();
    dispatch(&mut f.app, action.clone());
    assert_eq!(pasted_rows(&f.app), Some(2), "the paste asks to add 2 rows");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    let doc = &f.app.editor().unwrap().doc;
    assert_eq!(doc.timeline.len(), before + 2);
    let times: Vec<String> = doc.timeline.iter().map(|e| e.time.as_text()).collect();
    assert!(times.contains(&"2026-11-25T09:10:00+01:00".to_string()), "{times:?}");
    assert!(times.contains(&"2026-11-26T08:55:00+01:00".to_string()), "{times:?}");
    dispatch(&mut f.app, action);
    assert_eq!(f.app.dialog(), None, "nothing new to add");
    assert_eq!(f.app.editor().unwrap().doc.timeline.len(), before + 2);
    assert!(screen(&mut f.app, 100, 30).contains("Nothing to add: all 2 lines are already in the timeline"));
}

/// The terminal going away under the loop (a read fails with EIO: the window closed, the SSH
/// session dropped) ends it as a hang-up, and what was typed is saved on the way out.
#[test]
fn a_terminal_that_goes_away_is_a_hang_up_and_the_words_are_saved() {
    struct Gone(VecDeque<Event>);
    impl Events for Gone {
        fn poll(&mut self, _: Duration) -> io::Result<bool> {
            Ok(true)
        }
        fn read(&mut self) -> io::Result<Event> {
            self.0.pop_front().ok_or_else(|| io::Error::from_raw_os_error(5))
        }
    }
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    let keys =
        "Typed before the hang-up.".chars().map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let ended = event_loop(&mut terminal, &mut Gone(keys.collect()), &mut f.app).unwrap_err();
    assert!(blameless::tui::stopping::hung_up(&ended), "{ended}");
    assert!(!f.on_disk().contains("Typed before the hang-up."), "not saved before the end");
    let said = blameless::tui::stopping::keep_the_words(&mut f.app);
    assert!(f.on_disk().contains("text: Typed before the hang-up."), "{}", f.on_disk());
    assert!(said.contains("Everything is saved"), "{said}");
}

/// Discarding a recovery copy takes `d` and a second `d`; anything else keeps it.
#[test]
fn discarding_a_recovery_copy_asks_first() {
    let (Fixture { mut app, dir: _dir }, copy) =
        reopened_with_copy(|t| t.replace("Checkout API errors", "Recovered title"));
    key(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Discard the recovery copy?") && shown.contains("Delete it"), "{shown}");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(app.dialog(), Some(Dialog::Recover { .. })), "Esc goes back to the question");
    assert!(copy.exists());
    key(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(app.dialog(), None);
    assert!(!copy.exists(), "deleted after the second d");
    assert!(screen(&mut app, 80, 24).contains("Deleted the recovery copy"));
}

/// The recovery question fits its wrapped text at every size: with a long list of what the
/// copy changes, every answer is still on screen at 80x24, 100x30 and 120x40.
#[test]
fn the_recovery_question_shows_every_answer_at_every_size() {
    let (Fixture { mut app, dir: _dir }, _) = reopened_with_copy(|text| {
        let mut copy = text.replace("Checkout API errors", "A recovered title that is rather long, to wrap");
        for id in ["summary", "detection-and-response", "what-went-well", "where-we-got-lucky", "lessons"] {
            copy = copy.replace(
                &format!("  - id: {id}\n"),
                &format!(
                    "  - id: {id}\n    text: Words typed before the crash in {id}, a sentence long enough to wrap.\n"
                ),
            );
        }
        copy
    });
    let Some(Dialog::Recover { summary, .. }) = app.dialog().cloned() else { panic!("{:?}", app.dialog()) };
    assert!(summary.len() >= 5, "{summary:?}");
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let shown = screen(&mut app, w, h);
        for answer in ["Restore the recovered text", "Discard the copy", "Later: keep the copy"] {
            assert!(shown.contains(answer), "{w}x{h}: {answer} is not on screen:\n{shown}");
        }
    }
}

/// `Ctrl-End` goes to the very end of the text and `Ctrl-Home` to its very start, whatever
/// column the cursor was in.
#[test]
fn ctrl_end_and_ctrl_home_go_to_the_ends_of_the_text() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "First line.");
    key(&mut f.app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut f.app, "Second, longer line.");
    key(&mut f.app, KeyCode::Home, KeyModifiers::CONTROL);
    typed(&mut f.app, "A ");
    key(&mut f.app, KeyCode::End, KeyModifiers::CONTROL);
    typed(&mut f.app, " Z");
    ctrl(&mut f.app, 's');
    assert!(f.on_disk().contains("A First line.\n      Second, longer line. Z"), "{}", f.on_disk());
}

/// "Save and quit" answered while an autosave is still with the writer: the quit is not lost
/// (it was, and the editor stayed open with the changes saved by the next autosave).
#[test]
fn save_and_quit_while_a_save_runs_still_quits() {
    use blameless::tui::effects::{Effect, perform};
    let mut f = editing(CHECKOUT);
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, " More words.");
    // A save asked for and not done yet: its effect is held back.
    let first: Vec<Effect> = f.app.update(Action::Save).effects;
    assert!(first.iter().any(|e| matches!(e, Effect::Save(_))), "{first:?}");
    typed(&mut f.app, " And more.");
    ctrl(&mut f.app, 'q');
    assert_eq!(f.app.dialog(), Some(&Dialog::QuitUnsaved));
    let answered = f.app.update(Action::Choose('s')).effects;
    assert!(!answered.iter().any(|e| matches!(e, Effect::Save(_))), "one save at a time");
    // The first save is done: its result comes back; the save it was waiting on quits.
    let mut queue: std::collections::VecDeque<Effect> = first.into();
    while let Some(effect) = queue.pop_front() {
        if let Some(result) = perform(effect) {
            queue.extend(f.app.update(result).effects);
        }
    }
    assert!(f.app.quitting(), "quit after the save that followed");
    assert!(f.on_disk().contains("And more."), "{}", f.on_disk());
}
