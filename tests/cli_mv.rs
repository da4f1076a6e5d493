//! `blameless mv`: a postmortem renamed after its title and start day, or to a name given;
//! never over another file, never while an editor has it open; `git mv` when git tracks it;
//! its recovery copies follow it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");
const NAMED: &str = "2026-11-24-checkout-api-returned-errors-for-42-minutes.yaml";

struct Out {
    code: i32,
    stderr: String,
}

fn mv(dir: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .arg("mv")
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_CONFIG_DIR", dir.join(".config"))
        .env("BLAMELESS_DATA_DIR", dir.join(".data"))
        .env("BLAMELESS_CACHE_DIR", dir.join(".cache"))
        .env("BLAMELESS_NOW", "2026-12-04T09:00:00Z")
        .env("TZ", "Europe/Berlin")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Out { code: out.status.code().unwrap_or(-1), stderr: String::from_utf8(out.stderr).unwrap() }
}

fn with_untitled() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    fs::write(dir.path().join("postmortems/2026-12-04-untitled-incident.yaml"), CHECKOUT).unwrap();
    dir
}

#[test]
fn without_a_name_it_takes_the_start_day_and_the_title() {
    let dir = with_untitled();
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("Renamed postmortems/2026-12-04-untitled-incident.yaml to postmortems/{NAMED}"))
    );
    assert!(!dir.path().join("postmortems/2026-12-04-untitled-incident.yaml").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("postmortems").join(NAMED)).unwrap(),
        CHECKOUT,
        "the text is untouched"
    );
}

#[test]
fn never_over_another_file_and_never_to_a_non_yaml_name() {
    let dir = with_untitled();
    fs::write(dir.path().join("postmortems/other.yaml"), "someone's\n").unwrap();
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml", "postmortems/other.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("postmortems/other.yaml already exists: nothing was renamed"), "{}", out.stderr);
    assert_eq!(fs::read_to_string(dir.path().join("postmortems/other.yaml")).unwrap(), "someone's\n");
    assert!(dir.path().join("postmortems/2026-12-04-untitled-incident.yaml").exists());
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml", "postmortems/notes.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("does not end in .yaml"), "{}", out.stderr);
    let out = mv(dir.path(), &["postmortems/missing.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("postmortems/missing.yaml"), "the error names the file: {}", out.stderr);
}

#[test]
fn into_a_folder_keeps_the_name() {
    let dir = with_untitled();
    fs::create_dir_all(dir.path().join("archive")).unwrap();
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml", "archive"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("archive/2026-12-04-untitled-incident.yaml").exists());
}

#[test]
fn not_while_an_editor_has_it_open_and_recovery_copies_follow() {
    let dir = with_untitled();
    let doc = dir.path().join("postmortems/2026-12-04-untitled-incident.yaml");
    let data = dir.path().join(".data/recovery");
    let me = blameless::store::lock::Holder::named(Some("Priya".into()), "2026-12-04 10:00", "e1");
    let taken = blameless::store::lock::take(&data, &doc, &me).expect("a lock");
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is open in blameless (Priya, process"), "{}", out.stderr);
    assert!(doc.exists());
    drop(taken);
    // An editor that stopped left a copy of unsaved words: it goes with the file.
    blameless::store::recovery::write_recovery(&data, &doc, "e1", None, "title: unsaved words\n").unwrap();
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("its recovery copy follows it"), "{}", out.stderr);
    let moved = dir.path().join("postmortems").join(NAMED);
    let copies = blameless::store::recovery::left_behind(&data, &moved);
    assert_eq!(copies.len(), 1, "the copy is offered for the new name");
    assert!(copies[0].text.contains("unsaved words"));
    assert!(blameless::store::recovery::left_behind(&data, &doc).is_empty());
}

#[test]
fn a_file_git_tracks_is_moved_with_git() {
    let dir = with_untitled();
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(dir.path()).output();
    if git(&["--version"]).is_err() {
        return common::tool_missing("git");
    }
    for args in [
        &["init", "-q"][..],
        &["-c", "user.name=T", "-c", "user.email=t@example.com", "add", "."],
        &["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "first"],
    ] {
        assert!(git(args).unwrap().status.success());
    }
    let out = mv(dir.path(), &["postmortems/2026-12-04-untitled-incident.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("(git mv)"), "{}", out.stderr);
    let status = String::from_utf8(git(&["status", "--porcelain"]).unwrap().stdout).unwrap();
    assert_eq!(status.trim(), format!("R  postmortems/2026-12-04-untitled-incident.yaml -> postmortems/{NAMED}"));
}
