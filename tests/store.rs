//! The YAML store: what lands on disk, what loads back, and what happens when it cannot.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

mod common;
use std::path::{Path, PathBuf};

use blameless::doc::{Document, Moment, SCHEMA, Status};
use blameless::store::{self, LoadError, load_document, save_document};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

fn load_str(src: &str) -> Result<Document, LoadError> {
    store::parse_document(Path::new("test.yaml"), src).map(|l| l.doc)
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "a.yaml", CHECKOUT);
    let doc = load_document(&path).unwrap().doc;
    save_document(&path, &doc).unwrap();
    let first = fs::read(&path).unwrap();
    let again = load_document(&path).unwrap().doc;
    assert_eq!(again, doc, "what was saved loads back the same");
    save_document(&path, &again).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first, "a second save changes no byte");
}

#[test]
fn the_saved_file_is_readable_and_diff_friendly() {
    let doc = load_str(CHECKOUT).unwrap();
    let text = store::document_text(&doc).unwrap();
    insta::assert_snapshot!("checkout_saved", text);
    // Multi-line prose is a block scalar, one line of text per line of file.
    assert!(text.contains("    text: |\n      For 42 minutes, about 12% of checkout requests failed with a 503.\n\n"));
    // Keys come in a fixed order.
    let keys: Vec<&str> =
        text.lines().filter(|l| !l.starts_with(' ') && l.contains(':')).map(|l| &l[..l.find(':').unwrap()]).collect();
    assert_eq!(
        keys,
        [
            "schema",
            "title",
            "status",
            "severity",
            "template",
            "timezone",
            "authors",
            "services",
            "tags",
            "times",
            "sections",
            "timeline",
            "factors",
            "actions",
            "review_meeting"
        ]
    );
}

#[test]
fn unknown_keys_are_kept_at_every_level() {
    let src = CHECKOUT
        .replace("timezone: Europe/Berlin\n", "timezone: Europe/Berlin\nx-team-field:\n  budget: 3\n  owners: [a, b]\n")
        .replace("    kind: prevent\n", "    kind: prevent\n    jira-epic: PLAT-300\n")
        .replace("    marker: detected\n", "    marker: detected\n    source: pagerduty\n")
        .replace(
            "  detected: 2026-11-24 14:09\n",
            "  detected: 2026-11-24 14:09\n  customer-notified: 2026-11-24T14:20:00+01:00\n",
        );
    let doc = load_str(&src).unwrap();
    let text = store::document_text(&doc).unwrap();
    for kept in [
        "x-team-field:\n  budget: 3\n",
        "jira-epic: PLAT-300",
        "source: pagerduty",
        "customer-notified:",
        "review_meeting:",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from\n{text}");
    }
    assert_eq!(load_str(&text).unwrap(), doc);
}

#[test]
fn strings_that_other_yaml_readers_would_misread_are_quoted() {
    let mut doc = load_str(CHECKOUT).unwrap();
    let tricky = ["no", "yes", "on", "off", "~", "null", "1e3", "0x10", "2026-11-24", "1:30", "0755", "true", "Y"];
    doc.tags = tricky.iter().map(|s| s.to_string()).collect();
    let text = store::document_text(&doc).unwrap();
    for word in tricky {
        assert!(
            text.contains(&format!("- \"{word}\"\n")) || text.contains(&format!("- '{word}'\n")),
            "{word} is not quoted in:\n{text}"
        );
    }
    assert_eq!(load_str(&text).unwrap().tags, doc.tags);
    // A YAML 1.1 reader (PyYAML) reads the same strings, when one is installed here.
    let python = std::process::Command::new("python3")
        .args(["-c", "import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin)['tags']))"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = python else { return common::tool_missing("python3") };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        return common::tool_missing("PyYAML (python3 -m pip install pyyaml)");
    }
    let tags: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tags, doc.tags);
}

#[test]
fn an_older_schema_is_migrated_on_load_and_written_in_the_current_one() {
    let v1 = "schema: 1\ntitle: Queue backlog\ntemplate:\n  name: lightweight\n  version: 1\n\
              started: 2026-11-20T09:00:00Z\nresolved: 2026-11-20T10:30:00Z\n\
              timeline:\n  - at: 2026-11-20T09:00:00Z\n    event: Backlog grows\n\
              follow_ups:\n  - title: Add a queue-depth alert\n    owner: messaging team\n";
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "old.yaml", v1);
    let loaded = load_document(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let doc = loaded.doc;
    assert_eq!(doc.schema, SCHEMA);
    assert_eq!(doc.times.started, Some("2026-11-20T09:00:00Z".parse::<Moment>().unwrap()));
    assert_eq!(doc.timeline[0].event, "Backlog grows");
    assert_eq!(doc.actions[0].title, "Add a queue-depth alert");
    assert_eq!(fs::read_to_string(&path).unwrap(), v1, "loading alone does not rewrite the file");
    save_document(&path, &doc).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("schema: 2\n"));
    assert!(!saved.contains("follow_ups") && !saved.contains("at:"));
}

#[test]
fn a_newer_schema_is_refused_and_the_file_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let src = CHECKOUT.replace("schema: 2", "schema: 7");
    let path = temp_file(&dir, "future.yaml", &src);
    let err = load_document(&path).unwrap_err().to_string();
    assert!(err.contains("schema 7"), "{err}");
    assert!(err.contains("newer blameless"), "{err}");
    assert!(err.contains(&format!("newer than {}", env!("CARGO_PKG_VERSION"))), "says which version is needed: {err}");
    assert!(err.contains("future.yaml:1"), "names the file and line: {err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), src);
}

#[test]
fn load_errors_name_the_file_line_and_column() {
    let bad_kind = CHECKOUT.replace("    kind: fields\n", "    kind: tabel\n");
    let e = load_str(&bad_kind).unwrap_err();
    assert_eq!(e.line, Some(29), "{e}");
    assert!(e.to_string().starts_with("test.yaml:29:11: sections[1].kind: unknown variant `tabel`"), "{e}");
    assert!(e.to_string().contains("help: use one of the values listed"), "{e}");

    let bad_yaml = CHECKOUT.replace("title: Summary", "title: [Summary");
    let e = load_str(&bad_yaml).unwrap_err();
    assert!(e.line.is_some() && e.column.is_some(), "{e}");

    let e = load_str("title: x\n").unwrap_err().to_string();
    assert!(e.contains("no `schema:` key") && e.contains("blameless new"), "{e}");
    let e = load_str("").unwrap_err().to_string();
    assert!(e.contains("is empty"), "{e}");
    let e = load_str("- a\n- b\n").unwrap_err().to_string();
    assert!(e.contains("not a blameless document"), "{e}");
}

#[test]
fn unreadable_files_get_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let e = load_document(&dir.path().join("missing.yaml")).unwrap_err().to_string();
    assert!(e.contains("missing.yaml: does not exist"), "{e}");
    let e = load_document(dir.path()).unwrap_err().to_string();
    assert!(e.contains("is a folder"), "{e}");
    let path = dir.path().join("latin1.yaml");
    fs::write(&path, b"schema: 2\ntitle: Caf\xe9\n").unwrap();
    let e = load_document(&path).unwrap_err();
    assert_eq!((e.line, e.column), (Some(2), Some(11)), "{e}");
    assert!(e.to_string().contains("not UTF-8"), "{e}");
}

#[test]
fn save_keeps_the_files_permissions_and_leaves_no_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "a.yaml", CHECKOUT);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let mut doc = load_document(&path).unwrap().doc;
    doc.status = Status::Published;
    save_document(&path, &doc).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(fs::read_to_string(&path).unwrap().contains("status: published"));
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["a.yaml"]);
}

#[test]
fn a_failed_save_leaves_the_old_file_intact_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "a.yaml", CHECKOUT);
    let mut doc = load_document(&path).unwrap().doc;
    doc.title = "Changed".into();

    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let e = save_document(&path, &doc).unwrap_err().to_string();
    assert!(e.contains("is read-only") && e.contains("chmod u+w"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), CHECKOUT);

    let e = save_document(&dir.path().join("no-such-folder/a.yaml"), &doc).unwrap_err().to_string();
    assert!(e.contains("could not save") && e.contains("the folder does not exist"), "{e}");

    // Something that is not a regular file is never replaced by one.
    let fifo = dir.path().join("pipe.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let e = save_document(&fifo, &doc).unwrap_err().to_string();
    assert!(e.contains("not a regular file"), "{e}");
    assert!(!fs::metadata(&fifo).unwrap().is_file());
}

#[test]
fn a_symlinked_document_stays_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let real = temp_file(&dir, "real.yaml", CHECKOUT);
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut doc = load_document(&link).unwrap().doc;
    doc.title = "Through the link".into();
    save_document(&link, &doc).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("title: Through the link"));
}

#[test]
fn create_new_refuses_to_replace_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "a.yaml", "mine\n");
    let e = store::create_new(&path, b"theirs\n").unwrap_err().to_string();
    assert!(e.contains("already exists"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine\n");
}

#[test]
fn hand_written_scalars_are_read_as_the_text_typed() {
    let src = CHECKOUT
        .replace("title: Checkout API returned errors for 42 minutes", "title: 2026")
        .replace("    owner: platform team\n", "    owner: no\n");
    let doc = load_str(&src).unwrap();
    assert_eq!(doc.title, "2026");
    assert_eq!(doc.actions[0].owner.as_deref(), Some("no"));
}

/// Unmounts the tiny file system when the test ends, pass or fail.
struct Mount(PathBuf);
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_fails_the_save_with_a_message_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir.path())
        .stderr(std::process::Stdio::null())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        return common::tool_missing("root, to mount a small tmpfs for the full-disk check");
    }
    let _guard = Mount(dir.path().to_path_buf());
    let path = temp_file(&dir, "a.yaml", CHECKOUT);
    // Fill the disk to the last byte.
    let mut filler = fs::File::create(dir.path().join("filler")).unwrap();
    let block = vec![b'x'; 1024];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    let _ = std::io::Write::write_all(&mut filler, b"x");
    let mut doc = load_document(&path).unwrap().doc;
    doc.sections[0].text = "A much longer summary. ".repeat(200);
    let e = save_document(&path, &doc).unwrap_err().to_string();
    assert!(e.contains("the disk is full"), "{e}");
    assert!(e.contains("previous version of the file is intact"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), CHECKOUT);
    let names: Vec<_> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "temp file left behind: {names:?}");
}

#[test]
fn a_huge_file_is_refused_with_a_message_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    // 100 MB, sparse: quick to make, and never read.
    let f = fs::File::create(&path).unwrap();
    f.set_len(100_000_000).unwrap();
    let e = load_document(&path).unwrap_err().to_string();
    assert!(
        e.contains("huge.yaml: is 100 MB, more than the 32 MB a postmortem, template or configuration may be"),
        "{e}"
    );
    assert_eq!(fs::metadata(&path).unwrap().len(), 100_000_000);
}
