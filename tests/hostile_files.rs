//! Hostile files, built here, through every command on the real binary: YAML alias bombs,
//! named pipes, a link to /dev/zero, files over the size limit, byte-order marks and UTF-16,
//! unreadable folders. Nothing hangs (a watchdog kills a run that would), nothing needs more
//! than a bounded memory (`ulimit -v`), and whatever could not be read is named, with the
//! reason, by every command.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

mod common;
use common::guarded::{have, run_guarded};
use common::{Run, run};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn guarded(dir: &Path, args: &[&str]) -> Run {
    run_guarded(dir, args, None)
}

/// A folder with `postmortems/` holding the checkout document (`ok.yaml`).
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    fs::write(dir.path().join("postmortems/ok.yaml"), CHECKOUT).unwrap();
    dir
}

/// A document whose `x-notes` repeats a scalar of `size` bytes `times` times through aliases.
fn alias_bomb(size: usize, times: usize) -> String {
    let aliases = vec!["*big"; times].join(", ");
    format!("{CHECKOUT}x-big: &big {}\nx-notes: [{aliases}]\n", "x".repeat(size))
}

#[test]
fn alias_bombs_are_refused_by_every_command_in_bounded_memory() {
    if !have("sh", &["-c", "true"]) {
        return;
    }
    let dir = library();
    // 1 MB repeated 2,000 times: 2 GB once expanded.
    fs::write(dir.path().join("postmortems/bomb.yaml"), alias_bomb(1_000_000, 2_000)).unwrap();
    let refusal = "YAML aliases (`*name`) expand this file to more than 32 MB";
    let validate = guarded(dir.path(), &["validate", "postmortems/bomb.yaml"]);
    assert_eq!(validate.code, 2, "{}", validate.stderr);
    assert!(
        validate.stderr.contains("postmortems/bomb.yaml:") && validate.stderr.contains(refusal),
        "{}",
        validate.stderr
    );
    assert!(validate.stderr.contains("help: write the repeated text out where it is needed"), "{}", validate.stderr);
    let list = guarded(dir.path(), &["list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("Checkout API returned errors"), "the other documents are listed: {}", list.stdout);
    assert!(list.stderr.contains("bomb.yaml") && list.stderr.contains(refusal), "{}", list.stderr);
    for command in ["stats", "actions"] {
        let r = guarded(dir.path(), &[command]);
        assert_eq!(r.code, 0, "{command}: {}", r.stderr);
        assert!(r.stderr.contains("1 file could not be read and left out"), "{command}: {}", r.stderr);
    }
    let lint = guarded(dir.path(), &["lint", "postmortems"]);
    assert_eq!(lint.code, 2, "{}{}", lint.stdout, lint.stderr);
    assert!(lint.stderr.contains(refusal), "{}", lint.stderr);
    let export = guarded(dir.path(), &["export", "postmortems/bomb.yaml"]);
    assert_eq!(export.code, 2);
    assert!(export.stderr.contains(refusal), "{}", export.stderr);

    // A template made the same way: listed as one that cannot be loaded.
    let templates = dir.path().join(".blameless/templates");
    fs::create_dir_all(&templates).unwrap();
    let guidance = format!("name: huge\nextends: default\nversion: 1\ntitle: &big {}\n", "t".repeat(1_100_000));
    let sections: String =
        (0..1_500).map(|i| format!("  - id: s{i}\n    title: *big\n    kind: text\n    guidance: *big\n")).collect();
    fs::write(templates.join("huge.yaml"), format!("{guidance}sections:\n{sections}")).unwrap();
    let list = guarded(dir.path(), &["templates", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("huge") && list.stdout.contains(refusal), "{}", list.stdout);
}

#[test]
fn saving_never_writes_what_aliases_expand_to_beyond_the_limit() {
    if !have("sh", &["-c", "true"]) {
        return;
    }
    let dir = library();
    // 100 KB repeated 400 times: 40 MB once expanded, more than a file may be.
    let bomb = alias_bomb(100_000, 400);
    fs::write(dir.path().join("postmortems/big.yaml"), &bomb).unwrap();
    let status = guarded(dir.path(), &["status", "postmortems/big.yaml", "published"]);
    assert_eq!(status.code, 2, "{}", status.stderr);
    assert!(status.stderr.contains("expand this file to more than 32 MB"), "{}", status.stderr);
    assert_eq!(fs::read_to_string(dir.path().join("postmortems/big.yaml")).unwrap(), bomb, "untouched");
    // A few aliases within the budget: read, and saved written out in full.
    let small = format!("{CHECKOUT}x-a: &a shared words\nx-b: [*a, *a]\n");
    fs::write(dir.path().join("postmortems/small.yaml"), small).unwrap();
    let status = guarded(dir.path(), &["status", "postmortems/small.yaml", "published"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    let saved = fs::read_to_string(dir.path().join("postmortems/small.yaml")).unwrap();
    assert!(saved.contains("x-b:\n  - shared words\n  - shared words\n"), "{saved}");
}

#[test]
fn named_pipes_and_links_to_devices_are_refused_and_never_hang() {
    if !have("sh", &["-c", "true"]) || !have("mkfifo", &["--version"]) {
        return;
    }
    let dir = library();
    let status = std::process::Command::new("mkfifo").arg(dir.path().join("postmortems/pipe.yaml")).status().unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("postmortems/zero.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    let pipe = "postmortems/pipe.yaml: is a named pipe, not a regular file";
    let zero = "postmortems/zero.yaml: is a device, not a regular file";
    for command in ["validate", "export", "edit"] {
        let r = guarded(dir.path(), &[command, "postmortems/pipe.yaml"]);
        assert_eq!(r.code, 2, "{command}: {}", r.stderr);
        assert!(r.stderr.contains(pipe), "{command}: {}", r.stderr);
        assert!(r.stderr.contains("help: blameless reads only regular files"), "{command}: {}", r.stderr);
        let r = guarded(dir.path(), &[command, "postmortems/zero.yaml"]);
        assert_eq!(r.code, 2, "{command}: {}", r.stderr);
        assert!(r.stderr.contains(zero), "{command}: {}", r.stderr);
    }
    let import = guarded(dir.path(), &["import", "zero.md"]);
    assert!(import.code == 2 && import.stderr.contains("zero.md: is a device"), "{}", import.stderr);
    let list = guarded(dir.path(), &["list"]);
    assert!(list.stderr.contains(pipe) && list.stderr.contains(zero), "{}", list.stderr);
    assert!(list.stdout.contains("Checkout API returned errors"), "{}", list.stdout);
    let lint = guarded(dir.path(), &["lint", "postmortems", "zero.md"]);
    assert_eq!(lint.code, 2, "{}", lint.stderr);
    assert!(lint.stderr.contains(pipe) && lint.stderr.contains(zero), "{}", lint.stderr);
    assert!(lint.stderr.contains("zero.md: is a device"), "{}", lint.stderr);
    for command in ["stats", "actions"] {
        let r = guarded(dir.path(), &[command]);
        assert!(r.stderr.contains("2 files could not be read"), "{command}: {}", r.stderr);
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_every_command() {
    let dir = library();
    let big = dir.path().join("postmortems/big.yaml");
    fs::write(&big, format!("{CHECKOUT}x-pad: |\n")).unwrap();
    // Sparse: 33 MB on paper, nothing on the disk.
    fs::File::options().write(true).open(&big).unwrap().set_len(33_000_000).unwrap();
    let refusal = "postmortems/big.yaml: is 33 MB, more than the 32 MB a postmortem, template or configuration may be";
    for args in
        [&["validate", "postmortems/big.yaml"][..], &["lint", "postmortems"], &["export", "postmortems/big.yaml"]]
    {
        let r = run(dir.path(), args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(refusal), "{args:?}: {}", r.stderr);
    }
    let list = run(dir.path(), &["list"]);
    assert!(list.stderr.contains(refusal), "the library refuses it as validate does: {}", list.stderr);
    let stats = run(dir.path(), &["stats"]);
    assert!(stats.stdout.starts_with("1 incident in postmortems (1 more could not be read)"), "{}", stats.stdout);
}

/// `text` as UTF-16 LE with its byte-order mark, as Windows editors save it.
fn utf16(text: &str) -> Vec<u8> {
    "\u{feff}".encode_utf16().chain(text.encode_utf16()).flat_map(u16::to_le_bytes).collect()
}

#[test]
fn a_byte_order_mark_is_read_and_utf16_gets_one_clear_error_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    let blamed = CHECKOUT.replacen("      For 42 minutes,", "      Dave forgot to check the lock. For 42 minutes,", 1);
    fs::write(dir.path().join("postmortems/bom.yaml"), format!("\u{feff}{blamed}")).unwrap();
    fs::write(dir.path().join("notes.md"), "\u{feff}# Notes\n\nDave forgot to restart it.\n").unwrap();
    assert_eq!(run(dir.path(), &["validate", "postmortems/bom.yaml"]).stdout, "postmortems/bom.yaml: ok\n");
    let list = run(dir.path(), &["list"]);
    assert!(list.stdout.contains("Checkout API returned errors") && list.stderr.is_empty(), "{}", list.stderr);
    assert!(run(dir.path(), &["stats"]).stdout.starts_with("1 incident in postmortems\n"));
    assert!(run(dir.path(), &["actions"]).stdout.contains("Add a lock timeout"));
    let lint = run(dir.path(), &["lint", "postmortems", "notes.md"]);
    assert_eq!(lint.code, 1, "{}", lint.stdout);
    assert!(lint.stdout.contains("--> notes.md:3:1"), "columns count from the text, not the mark: {}", lint.stdout);
    assert!(lint.stdout.contains("in 2 of 2 files checked"), "{}", lint.stdout);
    assert!(run(dir.path(), &["export", "postmortems/bom.yaml"]).stdout.contains("# Checkout API"));

    fs::write(dir.path().join("postmortems/wide.yaml"), utf16(CHECKOUT)).unwrap();
    fs::write(dir.path().join("wide.md"), utf16("# Notes\n")).unwrap();
    let refusal = "postmortems/wide.yaml: is UTF-16 text; blameless reads UTF-8";
    let help = "help: save the file as UTF-8";
    for args in
        [&["validate", "postmortems/wide.yaml"][..], &["lint", "postmortems"], &["export", "postmortems/wide.yaml"]]
    {
        let r = run(dir.path(), args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(refusal) && r.stderr.contains(help), "{args:?}: {}", r.stderr);
    }
    let import = run(dir.path(), &["import", "wide.md"]);
    assert!(import.code == 2 && import.stderr.contains("wide.md: is UTF-16 text"), "{}", import.stderr);
    assert!(run(dir.path(), &["list"]).stderr.contains(refusal));
    for command in ["stats", "actions"] {
        let r = run(dir.path(), &[command]);
        assert!(r.stderr.contains("1 file could not be read and left out"), "{command}: {}", r.stderr);
    }
    fs::create_dir_all(dir.path().join(".blameless/templates")).unwrap();
    fs::write(dir.path().join(".blameless/templates/wide.yaml"), utf16("name: wide\n")).unwrap();
    let template = run(dir.path(), &["templates", "validate", ".blameless/templates/wide.yaml"]);
    assert!(template.stderr.contains("wide.yaml: is UTF-16 text"), "{}", template.stderr);
}

#[test]
fn what_cannot_be_read_is_named_with_the_reason_and_lint_exits_2() {
    let dir = library();
    std::os::unix::fs::symlink("nowhere.yaml", dir.path().join("postmortems/gone.yaml")).unwrap();
    let gone = "postmortems/gone.yaml: does not exist\n  help: the link points to nothing";
    let lint = run(dir.path(), &["lint", "postmortems"]);
    assert_eq!(lint.code, 2, "{}", lint.stderr);
    assert!(lint.stderr.contains(gone), "{}", lint.stderr);
    assert!(lint.stderr.ends_with("could not be read, so not everything was checked\n"), "{}", lint.stderr);
    assert!(run(dir.path(), &["list"]).stderr.contains("error: postmortems/gone.yaml: does not exist\n"));

    // A folder nobody may read. As root, permissions do not stop reading: run as nobody.
    let locked = dir.path().join("postmortems/locked");
    fs::create_dir_all(&locked).unwrap();
    fs::write(locked.join("a.yaml"), CHECKOUT).unwrap();
    fs::remove_file(dir.path().join("postmortems/gone.yaml")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let user = if fs::read_dir(&locked).is_ok() {
        if !have("setpriv", &["--version"]) {
            return;
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        Some(65534)
    } else {
        None
    };
    let reason = "postmortems/locked: cannot be read: permission denied";
    for command in ["lint", "list", "stats", "actions"] {
        let r = run_guarded(dir.path(), &[command, "postmortems"], user);
        assert!(r.stderr.contains(reason), "{command}: {}", r.stderr);
        assert_eq!(r.code, if command == "lint" { 2 } else { 0 }, "{command}: {}", r.stderr);
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn errors_point_at_the_key_and_one_bad_field_hides_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let duplicate = CHECKOUT.replacen("status: in-review\n", "status: in-review\ntitle: Again\n", 1);
    fs::write(dir.path().join("dup.yaml"), duplicate).unwrap();
    let r = run(dir.path(), &["validate", "dup.yaml"]);
    assert!(r.stderr.starts_with("error: dup.yaml:4:1: duplicate"), "at the second `title:`: {}", r.stderr);
    let nested = CHECKOUT.replacen("    owner: platform team\n", "    owner: platform team\n    owner: again\n", 1);
    fs::write(dir.path().join("nested.yaml"), &nested).unwrap();
    let line = nested.lines().position(|l| l == "    owner: again").unwrap() + 1;
    let r = run(dir.path(), &["validate", "nested.yaml"]);
    assert!(r.stderr.starts_with(&format!("error: nested.yaml:{line}:")), "{}", r.stderr);
    assert!(r.stderr.contains("help: remove one of the two `owner:` lines"), "{}", r.stderr);

    let bad = CHECKOUT
        .replacen("timezone: Europe/Berlin", "timezone: \"+99:99\"", 1)
        .replacen("  mitigated: 2026-11-24T14:31:00+01:00", "  mitigated: later that day", 1)
        .replacen("  resolved: 2026-11-24T14:44:00+01:00", "  resolved: 1e308", 1);
    fs::write(dir.path().join("bad.yaml"), bad).unwrap();
    let r = run(dir.path(), &["validate", "bad.yaml"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("bad.yaml:8:1: error[timezone-invalid]"), "{}", r.stdout);
    assert!(r.stdout.contains("times.mitigated: the mitigated time `later that day` is not a time"), "{}", r.stdout);
    assert!(r.stdout.contains("times.resolved: the resolved time `1e308` is not a time"), "{}", r.stdout);
    let md = run(dir.path(), &["export", "bad.yaml"]).stdout;
    assert!(md.contains("| Resolved | 1e308 |") && !md.contains("10000000000"), "{md}");
}

#[test]
fn a_deep_chain_of_extends_is_listed_and_refused_past_64() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join(".blameless/templates");
    fs::create_dir_all(&templates).unwrap();
    for k in 1..=100 {
        let parent = if k == 100 { "default".to_string() } else { format!("t{}", k + 1) };
        fs::write(templates.join(format!("t{k}.yaml")), format!("name: t{k}\nextends: {parent}\nversion: 1\n"))
            .unwrap();
    }
    let list = run(dir.path(), &["templates", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("more than 64 templates extend one another in a chain"), "{}", list.stdout);
    assert_eq!(list.stdout.lines().filter(|l| l.starts_with("t")).count(), 100, "{}", list.stdout);
    let deep = run(dir.path(), &["templates", "show", "t1"]);
    assert_eq!(deep.code, 2);
    assert!(deep.stderr.contains("t65.yaml:2: field `extends`: more than 64 templates"), "{}", deep.stderr);
    let fine = run(dir.path(), &["templates", "show", "t40"]);
    assert_eq!(fine.code, 0, "{}", fine.stderr);
}
