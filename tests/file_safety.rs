//! Nothing a user has is destroyed by a write (#18 point 5): a save never takes a file it
//! cannot read for a deleted one, nor writes through a link that appeared; an export never
//! replaces a postmortem, a link or (unasked) a file someone wrote; copies keep the document's
//! mode; temporary files left by a kill are removed; nothing is saved that cannot be read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

mod common;

use blameless::tui::action::Action;
use blameless::tui::app::{App, Dialog};
use blameless::tui::editor::AUTOSAVE_AFTER;
use common::screen;
use common::tui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn fresh() -> Fixture {
    let t = library().find("default").unwrap();
    let doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    editing(&blameless::store::document_text(&doc).unwrap())
}

fn wait_for_autosave(app: &mut App) {
    later(app, AUTOSAVE_AFTER + Duration::from_millis(10));
    dispatch(app, Action::Tick);
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).unwrap().file_type().is_symlink()
}

// 1. Never overwrite what we cannot read.

#[test]
fn a_file_that_no_longer_reads_as_utf8_is_a_conflict_and_kept() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Mine.");
    let theirs = b"schema: 2\ntitle: Caf\xe9 saved as Latin-1 by another editor\n".to_vec();
    fs::write(f.path(), &theirs).unwrap();
    wait_for_autosave(&mut f.app);
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict), "{:?}", f.app.message());
    assert_eq!(fs::read(f.path()).unwrap(), theirs, "their bytes are untouched");
    let shown = screen(&mut f.app, 100, 30);
    assert!(shown.contains("The file changed on disk") && shown.contains("k Keep mine"), "{shown}");
    let message = f.app.message().unwrap();
    assert!(
        message.contains("postmortems/checkout.yaml is not UTF-8 text") && message.contains("nothing was overwritten"),
        "{message}"
    );
    // The autosave waits; keeping mine is a choice, and then it is written.
    wait_for_autosave(&mut f.app);
    assert_eq!(fs::read(f.path()).unwrap(), theirs);
    press(&mut f.app, 'k');
    assert!(f.on_disk().contains("Mine."));
}

#[test]
fn a_folder_or_an_oversized_file_in_the_documents_place_is_a_conflict() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Mine.");
    fs::remove_file(f.path()).unwrap();
    fs::create_dir(f.path()).unwrap();
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict));
    assert!(f.app.message().unwrap().contains("checkout.yaml is a folder, not a file"), "{:?}", f.app.message());
    assert!(f.path().is_dir());
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);

    // Over the size limit: not read, so not compared, so not replaced.
    fs::remove_dir(f.path()).unwrap();
    let big = "x".repeat(33_000_000);
    fs::write(f.path(), &big).unwrap();
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict));
    assert!(f.app.message().unwrap().contains("is 33 MB"), "{:?}", f.app.message());
    assert_eq!(fs::metadata(f.path()).unwrap().len(), 33_000_000);
}

#[test]
fn only_a_file_that_is_truly_gone_is_written_again() {
    let mut f = fresh();
    typed(&mut f.app, "Still here.");
    fs::remove_file(f.path()).unwrap();
    wait_for_autosave(&mut f.app);
    assert_eq!(f.app.dialog(), None);
    assert!(f.on_disk().contains("Still here."));
    assert!(f.app.message().unwrap().contains("deleted or moved on disk"));
}

// 3. Symlinks.

#[test]
fn a_document_replaced_by_a_link_is_not_written_through() {
    let mut f = fresh();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Mine.");
    // Someone moves the file out of the repository and leaves a link behind; what it leads
    // to even holds the same text, so only the link says that anything changed.
    let outside = tempfile::tempdir().unwrap();
    let elsewhere = outside.path().join("elsewhere.yaml");
    let before = f.on_disk();
    fs::write(&elsewhere, &before).unwrap();
    fs::remove_file(f.path()).unwrap();
    std::os::unix::fs::symlink(&elsewhere, f.path()).unwrap();
    wait_for_autosave(&mut f.app);
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict));
    let message = f.app.message().unwrap();
    assert!(
        message.contains("checkout.yaml is now a symbolic link to") && message.contains("elsewhere.yaml"),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), before, "nothing written through the link");
    // Keep mine: the link itself is replaced by the document; what it led to is untouched.
    press(&mut f.app, 'k');
    assert!(!is_link(&f.path()));
    assert!(f.on_disk().contains("Mine."));
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), before);
}

#[test]
fn a_document_opened_through_a_link_is_saved_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.yaml");
    fs::write(&real, CHECKOUT).unwrap();
    let mut f = editing(CHECKOUT);
    fs::remove_file(f.path()).unwrap();
    std::os::unix::fs::symlink(&real, f.path()).unwrap();
    let mut app =
        app_in(f.dir.path(), blameless::tui::app::Screen::Start(blameless::tui::start::Start::unused(today())));
    dispatch(&mut app, Action::Open(f.path()));
    f.app = app;
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Through the link. ");
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), None, "{:?}", f.app.message());
    assert!(is_link(&f.path()), "the link stays a link");
    assert!(fs::read_to_string(&real).unwrap().contains("Through the link."));
}

// 3. Modes.

#[test]
fn recovery_and_mine_copies_keep_a_private_documents_mode() {
    let mut f = fresh();
    fs::set_permissions(f.path(), fs::Permissions::from_mode(0o600)).unwrap();
    dispatch(&mut f.app, Action::GoTo(1));
    typed(&mut f.app, "Private words.");
    wait_for_autosave(&mut f.app);
    let copy = f.app.editor().unwrap().recovery_at.clone().expect("a recovery copy");
    assert!(fs::read_to_string(&copy).unwrap().contains("Private words."));
    assert_eq!(mode(&copy), 0o600, "the recovery copy");
    assert_eq!(mode(&f.path()), 0o600, "the document");

    typed(&mut f.app, " More.");
    let theirs = f.on_disk().replace("Checkout API errors", "Theirs");
    fs::write(f.path(), &theirs).unwrap();
    ctrl(&mut f.app, 's');
    assert_eq!(f.app.dialog(), Some(&Dialog::Conflict));
    press(&mut f.app, 'c');
    let mine = f.dir.path().join("postmortems/checkout.mine.yaml");
    assert!(fs::read_to_string(&mine).unwrap().contains("Private words. More."));
    assert_eq!(mode(&mine), 0o600, "NAME.mine.yaml");
}

#[test]
fn a_copy_of_a_shared_or_read_only_document_stays_writable_by_its_owner() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.yaml");
    fs::write(&doc, CHECKOUT).unwrap();
    let recovery = dir.path().join("recovery");
    fs::set_permissions(&doc, fs::Permissions::from_mode(0o640)).unwrap();
    let copy = blameless::store::recovery::write_recovery(&recovery, &doc, CHECKOUT).unwrap();
    assert_eq!(mode(&copy), 0o640);
    // A read-only document: its copy is still rewritten at the next save.
    fs::set_permissions(&doc, fs::Permissions::from_mode(0o444)).unwrap();
    let copy = blameless::store::recovery::write_recovery(&recovery, &doc, "second").unwrap();
    assert_eq!(mode(&copy), 0o644);
    blameless::store::recovery::write_recovery(&recovery, &doc, "third").unwrap();
    assert_eq!(fs::read_to_string(&copy).unwrap(), "third");
}

// 4. Temporary files.

#[test]
fn a_save_removes_temporary_files_a_killed_save_left_and_keeps_fresh_ones() {
    let mut f = fresh();
    let folder = f.dir.path().join("postmortems");
    let stale = folder.join(".blameless-k1Ll3d.tmp");
    fs::write(&stale, "half a document").unwrap();
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options().write(true).open(&stale).unwrap().set_modified(hour_ago).unwrap();
    // One being written right now by another editor's save.
    let fresh_temp = folder.join(".blameless-l1v3ly.tmp");
    fs::write(&fresh_temp, "a save in progress").unwrap();
    // A file of the user's that only looks similar.
    let notes = folder.join("blameless-notes.tmp");
    fs::write(&notes, "mine").unwrap();
    fs::File::options().write(true).open(&notes).unwrap().set_modified(hour_ago).unwrap();

    typed(&mut f.app, "Words.");
    wait_for_autosave(&mut f.app);
    assert!(f.on_disk().contains("Words."));
    assert!(!stale.exists(), "the stale temporary file is gone");
    assert!(fresh_temp.exists(), "a fresh one is kept");
    assert!(notes.exists());
    let mut names: Vec<String> =
        fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, [".blameless-l1v3ly.tmp", "blameless-notes.tmp", "checkout.yaml"]);
}

// 5. Nothing saved that cannot be read back.

#[test]
fn a_document_grown_past_the_read_limit_is_not_saved_and_its_words_are_kept() {
    // A document just under the limit, then a few more words.
    let t = library().find("default").unwrap();
    let mut doc = t.new_document("Checkout API errors", &"Europe/Berlin".parse().unwrap());
    let line = "All of this was pasted from a log that went on and on and on.\n";
    let i = doc.sections.iter().position(|s| s.id == "impact").unwrap();
    let base = blameless::store::document_text(&doc).unwrap().len() as u64;
    doc.sections[i].text = line.repeat(1000);
    let per_line = (blameless::store::document_text(&doc).unwrap().len() as u64 - base) / 1000;
    let lines = (blameless::store::MAX_FILE_BYTES - base - 4_000) / per_line;
    doc.sections[i].text = line.repeat(lines as usize);
    let text = blameless::store::document_text(&doc).unwrap();
    assert!(text.len() as u64 <= blameless::store::MAX_FILE_BYTES);
    let mut f = editing(&text);
    let summary = f.app.editor().unwrap().doc.sections.iter().position(|s| s.id == "summary").unwrap();
    dispatch(&mut f.app, Action::GoTo(summary + 1));
    dispatch(&mut f.app, Action::Paste("These words take it past the limit. ".repeat(200)));
    ctrl(&mut f.app, 's');
    let message = f.app.message().unwrap().to_string();
    assert!(
        message.starts_with("Not saved: the document is 33 MB, over the 32 MB limit for reading it back"),
        "{message}"
    );
    assert!(message.contains("Your text is safe in"), "{message}");
    assert_eq!(f.on_disk(), text, "the file is as it was, and still opens");
    let copy = f.app.editor().unwrap().recovery_at.clone().expect("a recovery copy");
    assert!(message.contains(&copy.display().to_string()));
    assert!(fs::read_to_string(&copy).unwrap().contains("These words take it past the limit."));
    assert!(f.app.editor().unwrap().dirty, "still unsaved");
}
