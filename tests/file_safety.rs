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
    assert!(shown.contains("postmortems/checkout.yaml is not UTF-8 text"), "the status line says why:\n{shown}");
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
    let mut f = editing(CHECKOUT).closed();
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
    let copy = blameless::store::recovery::write_recovery(&recovery, &doc, "ed", None, CHECKOUT).unwrap();
    assert_eq!(mode(&copy), 0o640);
    // A read-only document: its copy is still rewritten at the next save.
    fs::set_permissions(&doc, fs::Permissions::from_mode(0o444)).unwrap();
    let copy = blameless::store::recovery::write_recovery(&recovery, &doc, "ed", None, "second").unwrap();
    assert_eq!(mode(&copy), 0o644);
    blameless::store::recovery::write_recovery(&recovery, &doc, "ed", None, "third").unwrap();
    assert_eq!(blameless::store::recovery::read_copy(&copy).unwrap().text, "third");
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

// 2. Export never destroys: the command line.

fn folder_with_a_document() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), CHECKOUT).unwrap();
    dir
}

#[test]
fn export_o_never_replaces_a_postmortem() {
    let dir = folder_with_a_document();
    let other = CHECKOUT.replace("Checkout API returned errors", "Another incident");
    fs::write(dir.path().join("other.yaml"), &other).unwrap();
    for force in [false, true] {
        let mut args = vec!["export", "c.yaml", "-o", "other.yaml"];
        if force {
            args.push("--force");
        }
        let r = common::run(dir.path(), &args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr,
            "error: other.yaml is a blameless postmortem, and an export never replaces one; nothing was written\n  \
             help: name another file, or move it away first\n"
        );
        assert_eq!(fs::read_to_string(dir.path().join("other.yaml")).unwrap(), other);
    }
}

#[test]
fn export_o_never_writes_through_a_link() {
    let dir = folder_with_a_document();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("wiki.md");
    fs::write(&target, "# The wiki's page\n").unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("c.md")).unwrap();
    for args in [&["export", "c.yaml", "-o", "c.md"][..], &["export", "c.yaml", "-o", "c.md", "--force"]] {
        let r = common::run(dir.path(), args);
        assert_eq!(r.code, 2);
        assert!(
            r.stderr.starts_with(
                "error: c.md is a symbolic link, and an export never writes through one; nothing was written"
            ),
            "{}",
            r.stderr
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "# The wiki's page\n");
        assert!(is_link(&dir.path().join("c.md")));
    }
}

#[test]
fn export_o_replaces_a_hand_written_file_only_with_force() {
    let dir = folder_with_a_document();
    let notes = dir.path().join("c.md");
    fs::write(&notes, "# My notes from the call\n").unwrap();
    let r = common::run(dir.path(), &["export", "c.yaml", "-o", "c.md"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: c.md already exists and was not written by blameless; nothing was written\n  \
         help: add --force to replace it, or name another file\n"
    );
    assert_eq!(fs::read_to_string(&notes).unwrap(), "# My notes from the call\n");
    let r = common::run(dir.path(), &["export", "c.yaml", "-o", "c.md", "--force"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, "Wrote c.md\n"));
    assert!(
        fs::read_to_string(&notes).unwrap().starts_with("<!-- blameless: exported from c.yaml; edit that file -->")
    );
}

#[test]
fn an_earlier_export_is_replaced_in_every_format() {
    let dir = folder_with_a_document();
    for (format, name) in [("md", "c.md"), ("html", "c.html"), ("json", "c.json")] {
        let args = ["export", "c.yaml", "--format", format, "-o", name];
        assert_eq!(common::run(dir.path(), &args).code, 0);
        let first = fs::read_to_string(dir.path().join(name)).unwrap();
        fs::write(dir.path().join("c.yaml"), CHECKOUT.replace("for 42 minutes", "for 43 minutes")).unwrap();
        let r = common::run(dir.path(), &args);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let second = fs::read_to_string(dir.path().join(name)).unwrap();
        assert_ne!(first, second, "{format}: replaced");
        assert!(second.contains("43 minutes"), "{format}");
        fs::write(dir.path().join("c.yaml"), CHECKOUT).unwrap();
    }
}

#[test]
fn export_out_dir_checks_every_target_before_writing_any() {
    let dir = folder_with_a_document();
    fs::write(dir.path().join("d.yaml"), CHECKOUT).unwrap();
    fs::create_dir(dir.path().join("site")).unwrap();
    fs::write(dir.path().join("site/d.md"), "# Written by hand\n").unwrap();
    let r = common::run(dir.path(), &["export", "c.yaml", "d.yaml", "--out-dir", "site"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: site/d.md already exists and was not written by blameless"), "{}", r.stderr);
    assert!(!dir.path().join("site/c.md").exists(), "nothing was written");
    assert_eq!(fs::read_to_string(dir.path().join("site/d.md")).unwrap(), "# Written by hand\n");
    let r = common::run(dir.path(), &["export", "c.yaml", "d.yaml", "--out-dir", "site", "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::read_to_string(dir.path().join("site/d.md")).unwrap().contains("exported from d.yaml"));
}

#[test]
fn export_help_explains_force() {
    let r = common::run(Path::new("."), &["export", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("--force"), "{}", r.stdout);
    assert!(r.stdout.contains("Replace an existing file that blameless did not write"), "{}", r.stdout);
    assert!(
        r.stdout.contains("A postmortem is\nnever replaced and a symbolic link never written through."),
        "{}",
        r.stdout
    );
}

// 2. Export never destroys: the Finish page.

fn on_finish(text: &str) -> Fixture {
    let mut f = editing(text);
    let last = f.app.editor().unwrap().pages().len() - 1;
    dispatch(&mut f.app, Action::GoTo(last));
    f
}

#[test]
fn the_finish_pages_export_asks_before_replacing_a_hand_written_file() {
    let mut f = on_finish(CHECKOUT);
    let md = f.path().with_extension("md");
    fs::write(&md, "# Notes from the call\n").unwrap();
    press(&mut f.app, 'e');
    assert!(matches!(f.app.dialog(), Some(Dialog::ReplaceExport { .. })), "{:?}", f.app.message());
    assert_eq!(fs::read_to_string(&md).unwrap(), "# Notes from the call\n", "nothing written yet");
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let shown = screen(&mut f.app, w, h);
        assert!(shown.contains("Replace a file?"), "{w}x{h}:\n{shown}");
        assert!(shown.contains("postmortems/checkout.md is already there, and blameless did not"), "{w}x{h}:\n{shown}");
        assert!(
            shown.contains("r     Replace the file with the export")
                && shown.contains("k     Keep the file: export nothing"),
            "{w}x{h}:\n{shown}"
        );
    }
    // Keep it (Esc too): nothing exported.
    key(&mut f.app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(f.app.dialog(), None);
    assert_eq!(fs::read_to_string(&md).unwrap(), "# Notes from the call\n");
    assert!(screen(&mut f.app, 80, 24).contains("Not exported; postmortems/checkout.md is as it was."));
    // Replace it, by choice.
    press(&mut f.app, 'e');
    press(&mut f.app, 'r');
    assert_eq!(f.app.dialog(), None);
    assert!(fs::read_to_string(&md).unwrap().starts_with("<!-- blameless: exported from checkout.yaml"));
    assert_eq!(f.app.message(), Some("Exported postmortems/checkout.md"));
    // Its own export is replaced without a question.
    fs::write(&md, fs::read_to_string(&md).unwrap() + "\nA line added after the export.\n").unwrap();
    press(&mut f.app, 'e');
    assert_eq!(f.app.dialog(), None);
    assert!(!fs::read_to_string(&md).unwrap().contains("A line added after the export."));
}

#[test]
fn the_finish_pages_export_refuses_a_postmortem_or_a_link() {
    let mut f = on_finish(CHECKOUT);
    let md = f.path().with_extension("md");
    // A postmortem someone named .md.
    fs::write(&md, CHECKOUT).unwrap();
    press(&mut f.app, 'e');
    assert_eq!(f.app.dialog(), None);
    let message = f.app.message().unwrap();
    assert!(
        message.starts_with("Not exported: ") && message.contains("checkout.md is a blameless postmortem"),
        "{message}"
    );
    assert!(message.contains("move it away, then export again"), "{message}");
    assert_eq!(fs::read_to_string(&md).unwrap(), CHECKOUT);
    // A link to a page outside the repository.
    let outside = tempfile::tempdir().unwrap();
    let page = outside.path().join("page.md");
    fs::write(&page, "# Someone's page\n").unwrap();
    fs::remove_file(&md).unwrap();
    std::os::unix::fs::symlink(&page, &md).unwrap();
    press(&mut f.app, 'e');
    assert_eq!(f.app.dialog(), None);
    assert!(f.app.message().unwrap().contains("checkout.md is a symbolic link"), "{:?}", f.app.message());
    assert_eq!(fs::read_to_string(&page).unwrap(), "# Someone's page\n");
    assert!(is_link(&md));
}

#[test]
fn the_finish_pages_export_writes_a_new_file_without_a_question() {
    let mut f = on_finish(CHECKOUT);
    press(&mut f.app, 'e');
    assert_eq!(f.app.dialog(), None);
    assert_eq!(f.app.message(), Some("Exported postmortems/checkout.md"));
    assert!(fs::read_to_string(f.path().with_extension("md")).unwrap().contains("# Checkout API returned errors"));
}

// 5. The command line never writes what it cannot read back either.

#[test]
fn an_import_that_would_be_past_the_read_limit_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // 9 MB of one-letter lines: each becomes an indented line of YAML, 37 MB in all.
    let md = format!("# Big incident\n\n## Summary\n\n```\n{}```\n", "a\n".repeat(4_500_000));
    fs::write(dir.path().join("big.md"), md).unwrap();
    let r = common::run(dir.path(), &["import", "big.md", "-o", "big.yaml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("error: the document is 37 MB, over the 32 MB limit for reading it back; nothing was written"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("big.yaml").exists());
}

/// A new file gets what the user's umask allows, as from any other program: a team that
/// shares a group (umask 002) gets group-writable documents, a private umask private ones.
#[test]
fn a_new_document_gets_the_mode_the_umask_allows() {
    let dir = tempfile::tempdir().unwrap();
    for (umask, expected) in [("002", 0o664), ("077", 0o600), ("022", 0o644)] {
        let name = format!("u{umask}.yaml");
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" new --no-edit -o {name}"))
            .arg(env!("CARGO_BIN_EXE_blameless"))
            .current_dir(dir.path())
            .env("BLAMELESS_CONFIG_DIR", dir.path().join(".config-for-test"))
            .env("BLAMELESS_NOW", "2026-11-24T13:30:00Z")
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&dir.path().join(&name)), expected, "umask {umask}");
    }
}
