//! `blameless export` as a user runs it: formats, one file or several, -o and --out-dir, and
//! the exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

mod common;
use common::run;

/// A folder with the default and gitlab examples as `a.yaml` and `b.yaml`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples");
    fs::copy(examples.join("default.yaml"), dir.path().join("a.yaml")).unwrap();
    fs::copy(examples.join("gitlab.yaml"), dir.path().join("b.yaml")).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn one_document_to_stdout_or_to_a_file_in_each_format() {
    let dir = folder();
    for format in ["md", "html", "json"] {
        let out = run(dir.path(), &["export", "a.yaml", "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "stdout only: {}", out.stderr);
        let again = run(dir.path(), &["export", "a.yaml", "--format", format]);
        assert_eq!(again.stdout, out.stdout, "{format}: the same bytes twice");
        let target = format!("a-copy.{format}");
        let written = run(dir.path(), &["export", "a.yaml", "--format", format, "-o", &target]);
        assert_eq!(written.code, 0);
        assert_eq!(written.stderr, format!("Wrote {target}\n"));
        assert_eq!(fs::read_to_string(dir.path().join(&target)).unwrap(), out.stdout);
    }
    let html = run(dir.path(), &["export", "a.yaml", "--format", "html"]).stdout;
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
}

#[test]
fn front_matter_and_the_diagram_on_request() {
    let dir = folder();
    let md = run(dir.path(), &["export", "a.yaml", "--front-matter", "--mermaid"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.starts_with("---\ntitle: Search results went stale"), "{}", md.stdout);
    assert!(md.stdout.contains("\ndate: \"2026-10-07\"\n"), "{}", md.stdout);
    assert!(md.stdout.contains("```mermaid\nflowchart LR\n"));
    let html = run(dir.path(), &["export", "a.yaml", "--format", "html", "--mermaid"]);
    assert_eq!(html.code, 2);
    assert_eq!(html.stderr, "error: --front-matter and --mermaid add to Markdown; use them with --format md\n");
    assert!(html.stdout.is_empty());
}

#[test]
fn several_documents_go_to_a_folder() {
    let dir = folder();
    let out = run(dir.path(), &["export", "a.yaml", "b.yaml", "--out-dir", "site/content", "--front-matter"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "Wrote site/content/a.md\nWrote site/content/b.md\n");
    assert!(out.stdout.is_empty());
    let site = dir.path().join("site/content");
    assert_eq!(files_in(&site), ["a.md", "b.md"]);
    let single = run(dir.path(), &["export", "b.yaml", "--front-matter"]).stdout;
    assert_eq!(fs::read_to_string(site.join("b.md")).unwrap(), single, "the same text as one at a time");

    for (format, ext) in [("html", "html"), ("json", "json")] {
        let out = run(dir.path(), &["export", "a.yaml", "b.yaml", "--format", format, "--out-dir", "pages"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(files_in(&dir.path().join("pages")).contains(&format!("a.{ext}")));
    }
    // Exporting again overwrites the exports: they are derived from the documents.
    assert_eq!(run(dir.path(), &["export", "a.yaml", "b.yaml", "--out-dir", "site/content"]).code, 0);
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let dir = folder();
    let several = run(dir.path(), &["export", "a.yaml", "b.yaml"]);
    assert_eq!(several.code, 2);
    assert_eq!(
        several.stderr,
        "error: 2 documents were given: use --out-dir DIR to write one file for each (stdout and -o take one)\n"
    );
    assert!(several.stdout.is_empty());
    assert_eq!(run(dir.path(), &["export", "a.yaml", "b.yaml", "-o", "x.md"]).code, 2);
    let both = run(dir.path(), &["export", "a.yaml", "-o", "x.md", "--out-dir", "d"]);
    assert_eq!(both.code, 2);
    assert!(both.stderr.contains("cannot be used with"), "{}", both.stderr);
    assert_eq!(run(dir.path(), &["export"]).code, 2, "a document is required");
    let itself = run(dir.path(), &["export", "a.yaml", "-o", "./a.yaml"]);
    assert_eq!(itself.code, 2);
    assert_eq!(itself.stderr, "error: -o ./a.yaml is the document itself; nothing was written (name another file)\n");
    assert!(fs::read_to_string(dir.path().join("a.yaml")).unwrap().starts_with("schema: 2\n"));
    assert_eq!(run(dir.path(), &["export", "a.yaml", "--format", "pdf"]).code, 2);

    // One unreadable document: the others are not written either.
    fs::write(dir.path().join("broken.yaml"), "schema: 2\ntitle: [unclosed\n").unwrap();
    let broken = run(dir.path(), &["export", "a.yaml", "broken.yaml", "missing.yaml", "--out-dir", "out"]);
    assert_eq!(broken.code, 2);
    assert!(broken.stderr.contains("error: broken.yaml:"), "{}", broken.stderr);
    assert!(broken.stderr.contains("error: missing.yaml: does not exist"), "{}", broken.stderr);
    assert!(broken.stderr.ends_with("error: 2 of 3 documents could not be read; nothing was written\n"));
    assert!(!dir.path().join("out").exists());

    // Two documents of the same name would overwrite each other.
    fs::create_dir(dir.path().join("other")).unwrap();
    fs::copy(dir.path().join("b.yaml"), dir.path().join("other/a.yaml")).unwrap();
    let clash = run(dir.path(), &["export", "a.yaml", "other/a.yaml", "--out-dir", "out"]);
    assert_eq!(clash.code, 2);
    assert_eq!(
        clash.stderr,
        "error: a.yaml and other/a.yaml would both be written to out/a.md; nothing was written (export them to different folders)\n"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn help_shows_the_formats_and_options() {
    let dir = folder();
    let help = run(dir.path(), &["export", "--help"]);
    assert_eq!(help.code, 0);
    for part in ["md", "html", "json", "--out-dir <DIR>", "--front-matter", "--mermaid", "<FILE>..."] {
        assert!(help.stdout.contains(part), "{part} missing from\n{}", help.stdout);
    }
}
