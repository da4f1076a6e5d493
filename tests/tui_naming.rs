//! A new document's file name follows its title and the incident's day: one rename, on the
//! first save after both are set (or on leaving), said in the status line; never over another
//! file; a document opened by name keeps its name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use blameless::tui::app::{App, Screen};
use blameless::tui::start::Start;
use common::screen;
use common::tui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn yaml_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".yaml"));
    names.sort();
    names
}

/// A new document from the start screen's first template, with the title typed.
fn new_titled(dir: &Path, title: &str) -> App {
    let folder = dir.join("postmortems");
    let mut app = app_in(dir, Screen::Start(Start::new(&folder, &library(), today())));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(yaml_files(&folder), ["2026-11-24-untitled-incident.yaml"]);
    ctrl(&mut app, 'a');
    typed(&mut app, title);
    app
}

fn to_field(app: &mut App, id: &str) {
    for _ in 0..20 {
        let e = app.editor().unwrap();
        if e.details.fields[e.details.focus].id == id {
            return;
        }
        key(app, KeyCode::Tab, KeyModifiers::NONE);
    }
    panic!("no field {id}");
}

fn path_of(app: &App) -> PathBuf {
    app.editor().unwrap().path.clone()
}

#[test]
fn the_file_takes_the_title_and_the_start_day_on_the_first_save_after_both_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let mut app = new_titled(dir.path(), "Checkout outage: 5xx for 42 minutes");
    ctrl(&mut app, 's');
    assert_eq!(yaml_files(&folder), ["2026-11-24-untitled-incident.yaml"], "no incident day yet");
    to_field(&mut app, "started");
    typed(&mut app, "2026-11-23 23:50");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    ctrl(&mut app, 's');
    let name = "2026-11-23-checkout-outage-5xx-for-42-minutes.yaml";
    assert_eq!(yaml_files(&folder), [name], "one rename, nothing left under the old name");
    assert!(screen(&mut app, 120, 40).contains(&format!("Named postmortems/{name} after its title")));
    assert!(path_of(&app).ends_with(name));
    // The editor goes on with the new name: later saves write it, and its lock is the new one.
    to_field(&mut app, "authors");
    typed(&mut app, "Priya");
    ctrl(&mut app, 's');
    assert!(fs::read_to_string(folder.join(name)).unwrap().contains("Priya"));
    assert_eq!(yaml_files(&folder), [name]);
    let data = app.context().recovery_dir.clone();
    let lock = blameless::store::lock::lock_path(&data, &path_of(&app), &app.context().editor).unwrap();
    assert!(lock.exists(), "the lock of the new name is held");
    let old = blameless::store::lock::lock_path(
        &data,
        &folder.join("2026-11-24-untitled-incident.yaml"),
        &app.context().editor,
    )
    .unwrap();
    assert!(!old.exists(), "the old name's lock is gone");
    // A title changed later does not rename again (that is `blameless mv`'s job).
    to_field(&mut app, "title");
    ctrl(&mut app, 'a');
    typed(&mut app, "Something else");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    ctrl(&mut app, 's');
    assert_eq!(yaml_files(&folder), [name]);
}

#[test]
fn leaving_with_a_title_and_no_day_names_it_with_the_date_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let mut app = new_titled(dir.path(), "Queue backlog");
    ctrl(&mut app, 's');
    ctrl(&mut app, 'q');
    assert_eq!(yaml_files(&folder), ["2026-11-24-queue-backlog.yaml"]);
    assert!(app.editor().is_none(), "back on the start screen");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Named postmortems/2026-11-24-queue-backlog.yaml after its title"), "{shown}");
    for _ in 0..2_000 {
        if !screen(&mut app, 100, 30).contains("Loading") {
            break;
        }
        dispatch(&mut app, blameless::tui::action::Action::Tick);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Queue backlog") && !shown.contains("Untitled"), "listed again:\n{shown}");
}

#[test]
fn a_name_already_taken_gets_a_number_and_the_other_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let mut app = new_titled(dir.path(), "Queue backlog");
    fs::write(folder.join("2026-11-24-queue-backlog.yaml"), CHECKOUT).unwrap();
    ctrl(&mut app, 's');
    ctrl(&mut app, 'q');
    assert_eq!(yaml_files(&folder), ["2026-11-24-queue-backlog-2.yaml", "2026-11-24-queue-backlog.yaml"]);
    assert_eq!(fs::read_to_string(folder.join("2026-11-24-queue-backlog.yaml")).unwrap(), CHECKOUT);
}

#[test]
fn a_document_opened_by_name_keeps_its_name() {
    let mut f = editing(CHECKOUT);
    dispatch(&mut f.app, blameless::tui::action::Action::GoTo(0));
    ctrl(&mut f.app, 'a');
    typed(&mut f.app, "A new title");
    key(&mut f.app, KeyCode::Tab, KeyModifiers::NONE);
    ctrl(&mut f.app, 's');
    ctrl(&mut f.app, 'q');
    assert!(f.path().exists(), "checkout.yaml is still checkout.yaml");
    assert!(f.on_disk().contains("A new title"));
}

/// A file name too long for the status row is cut in its middle, so its end (the extension,
/// the last words of the title) still shows at 80 columns.
#[test]
fn a_long_file_name_is_cut_in_its_middle_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_titled(dir.path(), "Payments webhook retries flooded the queue for two hours");
    to_field(&mut app, "started");
    typed(&mut app, "2026-11-23 22:10");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE); // the message about the name is gone
    let shown = screen(&mut app, 80, 24);
    let status = shown.lines().nth(22).unwrap();
    assert!(status.contains("postmortems/2026-11-23") && status.contains('…'), "{status}");
    assert!(status.ends_with("for-two-hours.yaml"), "{status}");
}

/// With the title in focus, an autosave in a pause does not name the file after half a title;
/// Ctrl-S there says the title is done, and the file takes it (Tab from the last field lands
/// on the title, so a writer who saves there is not left with "untitled").
#[test]
fn ctrl_s_with_the_title_in_focus_names_the_file_and_an_autosave_there_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("postmortems");
    let mut app = new_titled(dir.path(), "Checkout outage");
    to_field(&mut app, "started");
    typed(&mut app, "2026-11-23 23:50");
    to_field(&mut app, "title");
    typed(&mut app, " after the config push");
    later(&app, blameless::tui::editor::AUTOSAVE_AFTER + std::time::Duration::from_millis(10));
    dispatch(&mut app, blameless::tui::action::Action::Tick);
    assert!(!app.editor().unwrap().dirty, "the autosave ran");
    assert_eq!(yaml_files(&folder), ["2026-11-24-untitled-incident.yaml"], "not named during a pause in the title");
    ctrl(&mut app, 's');
    assert_eq!(yaml_files(&folder), ["2026-11-23-checkout-outage-after-the-config-push.yaml"]);
}
