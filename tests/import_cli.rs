//! `blameless import` as a user runs it: where the document goes, the report, refusing to
//! overwrite, and the round trip through the binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

mod common;
use common::run;

fn fixture(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).unwrap()
}

#[test]
fn import_writes_a_dated_document_and_reports_what_went_where() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("old.md"), fixture("import/pagerduty.md")).unwrap();
    let r = run(dir.path(), &["import", "old.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout stays clean: {}", r.stdout);
    let path = "postmortems/2026-04-02-payment-webhooks-dropped-during-a-certificate-rotation.yaml";
    assert!(
        r.stderr.starts_with(&format!(
            "Imported old.md into {path}, with template `pagerduty` (its sections match the headings best; --template chooses another):\n"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("## Responders"), "{}", r.stderr);
    assert!(r.stderr.contains("-> section `responders`: 3 answers"), "{}", r.stderr);
    assert!(
        r.stderr.ends_with(&format!("Check it with `blameless lint {path}`, write it with `blameless edit {path}`.\n"))
    );
    let text = fs::read_to_string(dir.path().join(path)).unwrap();
    assert!(text.starts_with("schema: 2\ntitle: Payment webhooks dropped during a certificate rotation\n"), "{text}");
    assert!(text.contains("  name: pagerduty\n"));
    let valid = run(dir.path(), &["validate", path]);
    assert_eq!((valid.code, valid.stdout.as_str()), (0, format!("{path}: ok\n").as_str()), "{}", valid.stderr);

    // Again: the file exists, and is left alone.
    let again = run(dir.path(), &["import", "old.md"]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.starts_with(&format!("error: {path} already exists; nothing was written\n")),
        "{}",
        again.stderr
    );
    assert_eq!(fs::read_to_string(dir.path().join(path)).unwrap(), text);
}

#[test]
fn output_template_and_time_zone_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), fixture("import/atlassian.md")).unwrap();
    let r = run(dir.path(), &["import", "a.md", "-t", "default", "-o", "docs/a.yaml", "--timezone", "UTC"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.starts_with("Imported a.md into docs/a.yaml, with template `default` (as asked):\n"));
    let text = fs::read_to_string(dir.path().join("docs/a.yaml")).unwrap();
    assert!(text.contains("  name: default\n") && text.contains("timezone: UTC\n"), "{text}");
    assert!(text.contains("id: imported-leadup"), "sections default has no place for are kept: {text}");
    let bad = run(dir.path(), &["import", "a.md", "-t", "no-such-template", "-o", "b.yaml"]);
    assert_eq!(bad.code, 2);
    assert!(!dir.path().join("b.yaml").exists());
}

#[test]
fn unreadable_or_empty_files_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = run(dir.path(), &["import", "nope.md"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stderr, "error: nope.md: does not exist\n  help: check the path\n");
    fs::write(dir.path().join("empty.md"), "\n  \n").unwrap();
    let empty = run(dir.path(), &["import", "empty.md"]);
    assert_eq!(empty.code, 2);
    assert_eq!(empty.stderr, "error: empty.md: is empty, so there is nothing to import\n");
    assert!(!dir.path().join("postmortems").exists());
    assert_eq!(run(dir.path(), &["import"]).code, 2, "a file is required");
}

#[test]
fn export_then_import_gives_the_document_back() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.yaml"), fixture("examples/learning-review.yaml")).unwrap();
    assert_eq!(run(dir.path(), &["export", "a.yaml", "-o", "a.md", "--front-matter", "--mermaid"]).code, 0);
    let r = run(dir.path(), &["import", "a.md", "-o", "b.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("with template `learning-review` (named in the file)"), "{}", r.stderr);
    assert!(!r.stderr.contains("new section"), "{}", r.stderr);
    let before = run(dir.path(), &["export", "a.yaml", "--format", "json"]).stdout;
    let after = run(dir.path(), &["export", "b.yaml", "--format", "json"]).stdout;
    assert_eq!(after, before);
}

/// An export of ours names its document in a hidden comment: importing it again takes
/// nothing from that line.
#[test]
fn importing_an_export_skips_its_marker() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), fixture("checkout.yaml")).unwrap();
    for args in [&["export", "c.yaml", "-o", "c.md"][..], &["export", "c.yaml", "--front-matter", "-o", "f.md"]] {
        let r = run(dir.path(), args);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    for md in ["c.md", "f.md"] {
        let r = run(dir.path(), &["import", md, "-o", &format!("{md}.yaml")]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(!r.stderr.contains("text before the first section"), "{}", r.stderr);
        let back = fs::read_to_string(dir.path().join(format!("{md}.yaml"))).unwrap();
        assert!(!back.contains("blameless: exported") && !back.contains("imported-introduction"), "{back}");
    }
}

/// A file that writes no year: the import says which year it read its days in and why, and how
/// to give it another.
#[test]
fn the_import_says_which_year_a_yearless_file_was_read_in_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let src = "# Mail delivery delays\n\n## Timeline\n\n- Tuesday, August 9, 14:05 UTC: queue depth alert fired\n- 14:40 UTC: a stuck relay was restarted\n";
    fs::write(dir.path().join("mail.md"), src).unwrap();
    let r = run(dir.path(), &["import", "mail.md", "-o", "mail.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The 9th of August was a Tuesday in 2022, and not again until 2033.
    assert!(
        r.stderr.contains(
            "warning: mail.md writes no year, so its days were read as in 2022, the latest year in which \
             Tuesday, August 9 is that weekday; if they are in another, write the year into the file"
        ),
        "{}",
        r.stderr
    );
    let text = fs::read_to_string(dir.path().join("mail.yaml")).unwrap();
    assert!(text.contains("  - time: \"2022-08-09T14:05:00Z\"\n    event: queue depth alert fired\n"), "{text}");
    assert!(text.contains("  - time: \"2022-08-09T14:40:00Z\"\n    event: a stuck relay was restarted\n"), "{text}");
}

/// A file that writes a year only away from its days (a page's `© 2019` footer): its days are
/// in that year, not in the year it is imported in, and the import says so and why.
#[test]
fn days_without_a_year_take_the_year_the_file_writes() {
    let dir = tempfile::tempdir().unwrap();
    let src = "# Game events down\n\n## Timeline\n\n- Nov 5, 18:30 UTC - Investigating: events are down\n- Nov 5, 19:46 UTC - Resolved\n\n© 2019 Example Games\n";
    fs::write(dir.path().join("events.md"), src).unwrap();
    let r = run(dir.path(), &["import", "events.md", "-o", "events.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning: events.md gives its days no year, so they were read as in 2019, the year it writes on line 8"
        ),
        "{}",
        r.stderr
    );
    let text = fs::read_to_string(dir.path().join("events.yaml")).unwrap();
    assert!(text.contains("  - time: \"2019-11-05T18:30:00Z\"\n"), "{text}");
    assert!(text.contains("  - time: \"2019-11-05T19:46:00Z\"\n"), "{text}");
}
