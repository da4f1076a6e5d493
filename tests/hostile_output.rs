//! Hostile text from a document, a template, a Markdown file or a file name never reaches the
//! terminal raw, whichever command prints it: every human-readable line shows a control
//! character as `�` (the rule the library tables use). JSON stays exact. Spreadsheets never
//! run a CSV cell as a formula; Markdown cells never link to `javascript:`; the HTML page
//! loads no remote image unless asked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

mod common;
use common::{Run, run};

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

/// Escape sequences that set the window title, write the clipboard (OSC 52), clear the
/// screen, ring the bell, move the cursor back; a C1 CSI; a lone carriage return. As YAML
/// double-quoted escapes.
const PAYLOAD: &str = r"\e]0;PWNED\a\e]52;c;ZXZpbA==\a\e[2J\u009b31m\b\rX";

/// The characters of [`PAYLOAD`] that must never be printed (a lone `\r` is caught by
/// [`inert`]).
const RAW: [char; 4] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{8}'];

/// Whether `text` is safe in a terminal: no control character but line breaks and tabs
/// (a carriage return only before a line break, as CSV's CRLF).
fn inert(text: &str) -> bool {
    let text = text.replace("\r\n", "\n");
    !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

fn assert_inert(what: &str, r: &Run) {
    assert!(inert(&r.stdout), "{what}: stdout carries control characters: {:?}", r.stdout);
    assert!(inert(&r.stderr), "{what}: stderr carries control characters: {:?}", r.stderr);
    assert!(!RAW.iter().any(|c| r.stdout.contains(*c) || r.stderr.contains(*c)), "{what}");
}

/// The checkout document with the payload in its title (with blame for `lint` to quote), a
/// timeline event, an action's title and owner, a tag and the time zone.
fn hostile_document() -> String {
    CHECKOUT
        .replacen(
            "title: Checkout API returned errors for 42 minutes",
            &format!("title: \"Checkout {PAYLOAD} Dave forgot to {PAYLOAD}check the lock\""),
            1,
        )
        .replacen("event: Error-rate alert pages", &format!("event: \"{PAYLOAD} pages\" #"), 1)
        .replacen("owner: platform team", &format!("owner: \"{PAYLOAD}\""), 1)
        .replacen("tags: [database, deploy, \"no\"]", &format!("tags: [database, \"{PAYLOAD}\"]"), 1)
        .replacen("timezone: Europe/Berlin", &format!("timezone: \"Mars{PAYLOAD}\""), 1)
}

fn library_with_hostile_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("postmortems");
    fs::create_dir_all(&library).unwrap();
    fs::write(library.join("2026-11-24-evil.yaml"), hostile_document()).unwrap();
    // A file name that is itself an escape sequence; broken, so its name is in an error line.
    fs::write(library.join("x\u{1b}]0;NAME\u{7}.yaml"), "schema: 2\ntitle: [unclosed\n").unwrap();
    dir
}

#[test]
fn document_commands_print_no_escape_sequence() {
    let dir = library_with_hostile_files();
    let doc = "postmortems/2026-11-24-evil.yaml";
    let validate = run(dir.path(), &["validate", doc]);
    assert_eq!(validate.code, 1, "{}", validate.stderr);
    assert!(validate.stdout.contains("`Mars�]0;PWNED�"), "the quoted value is shown, inert: {}", validate.stdout);
    assert_inert("validate", &validate);
    for format in ["md", "html"] {
        let export = run(dir.path(), &["export", doc, "--format", format]);
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert!(export.stdout.contains("Checkout �") && export.stdout.contains("PWNED"), "{format}: {}", export.stdout);
        assert_inert(format, &export);
    }
    // The file on disk matches what stdout showed.
    assert_eq!(run(dir.path(), &["export", doc, "-o", "evil.md"]).code, 0);
    let md = fs::read_to_string(dir.path().join("evil.md")).unwrap();
    assert_eq!(md, run(dir.path(), &["export", doc]).stdout);
    // Broken files are named in error lines, and a name that does not exist is shown inert too.
    let named = run(dir.path(), &["validate", "postmortems/x\u{1b}]0;NAME\u{7}.yaml", "gone\u{1b}[2J.yaml"]);
    assert_eq!(named.code, 2);
    assert!(named.stderr.contains("postmortems/x�]0;NAME�.yaml:3:1: did not find"), "{}", named.stderr);
    assert!(named.stderr.contains("gone�[2J.yaml: does not exist"), "{}", named.stderr);
    assert_inert("validate (names)", &named);
    // JSON is for machines: exact, with the escape written as JSON writes it.
    let json = run(dir.path(), &["validate", doc, "--format", "json"]);
    assert!(json.stdout.contains("Mars\\u001b]0;PWNED\\u0007"), "{}", json.stdout);
    let exported = run(dir.path(), &["export", doc, "--format", "json"]);
    assert!(exported.stdout.contains("Checkout \\u001b]0;PWNED\\u0007"), "{}", exported.stdout);
}

#[test]
fn lint_shows_source_lines_messages_and_rewrites_inert_and_keeps_json_exact() {
    let dir = library_with_hostile_files();
    let human = run(dir.path(), &["lint", "postmortems/2026-11-24-evil.yaml"]);
    assert_eq!(human.code, 1, "{}{}", human.stdout, human.stderr);
    assert!(human.stdout.contains("warning[forgot]"), "{}", human.stdout);
    assert!(human.stdout.contains("2 | title: \"Checkout \\e]0;PWNED"), "the source line as written: {}", human.stdout);
    assert!(human.stdout.contains("rewrite: \""), "{}", human.stdout);
    // The finding points at the words (after a carriage return, `X` starts the sentence), past
    // the escape sequences written before them.
    let title = hostile_document().lines().nth(1).map(str::to_string).unwrap_or_default();
    let column = title[..title.find("X Dave").unwrap()].chars().count() + 1;
    assert!(human.stdout.contains(&format!("--> postmortems/2026-11-24-evil.yaml:2:{column}\n")), "{}", human.stdout);
    assert!(human.stdout.contains('�'), "{}", human.stdout);
    assert_inert("lint", &human);
    let github = run(dir.path(), &["lint", "postmortems/2026-11-24-evil.yaml", "--format", "github"]);
    assert!(github.stdout.contains("::warning file=postmortems/2026-11-24-evil.yaml"), "{}", github.stdout);
    assert_inert("lint --format github", &github);
    let json = run(dir.path(), &["lint", "postmortems/2026-11-24-evil.yaml", "--format", "json"]);
    assert!(json.stdout.contains("\\u001b[31m") || json.stdout.contains("\\u001b]0;PWNED"), "{}", json.stdout);
    // A Markdown file: the quoted line and the rewrite.
    fs::write(
        dir.path().join("evil.md"),
        "# Review\n\nDave forgot to \u{1b}[2Jrestart the \u{1b}]52;c;eA==\u{7}pool.\n",
    )
    .unwrap();
    let md = run(dir.path(), &["lint", "evil.md"]);
    assert_eq!(md.code, 1, "{}", md.stdout);
    assert!(md.stdout.contains("3 | Dave forgot to �[2Jrestart the �]52;c;eA==�pool."), "{}", md.stdout);
    assert_inert("lint (Markdown)", &md);
}

#[test]
fn library_commands_and_templates_print_no_escape_sequence() {
    let dir = library_with_hostile_files();
    for args in [&["list"][..], &["list", "--format", "csv"], &["actions"], &["actions", "--format", "csv"], &["stats"]]
    {
        let r = run(dir.path(), args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(args == ["stats"] || r.stdout.contains('�'), "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains('�') || args[0] != "list", "the broken file's name: {}", r.stderr);
        assert_inert(&format!("{args:?}"), &r);
    }
    let templates = dir.path().join(".blameless/templates");
    fs::create_dir_all(&templates).unwrap();
    let template = format!(
        "name: evil\nextends: default\nversion: 1\ntitle: \"Evil {PAYLOAD}\"\nsections:\n  - id: summary\n    guidance: \"{PAYLOAD}\"\n"
    );
    fs::write(templates.join("evil.yaml"), template).unwrap();
    fs::write(templates.join("broken.yaml"), format!("name: \"{PAYLOAD}\"\nversion: 1\n")).unwrap();
    for args in [&["templates", "list"][..], &["templates", "show", "evil"], &["templates", "show", "broken"]] {
        let r = run(dir.path(), args);
        assert!(r.stdout.contains('�') || r.stderr.contains('�'), "{args:?}: {}{}", r.stdout, r.stderr);
        assert_inert(&format!("{args:?}"), &r);
    }
    let validate = run(dir.path(), &["templates", "validate", ".blameless/templates/evil.yaml"]);
    assert_eq!(validate.code, 0, "{}", validate.stderr);
    assert!(validate.stdout.contains("\"Evil �]0;PWNED�"), "{}", validate.stdout);
    assert_inert("templates validate", &validate);
}

#[test]
fn import_reports_what_it_read_inert() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Outage \u{1b}]0;PWNED\u{7}\n\n## Timeline\n\n- 14:02 \u{1b}[2Jdeploy starts\n\n## \u{1b}]52;c;eA==\u{7}Odd\n\nText.\n";
    fs::write(dir.path().join("old.md"), md).unwrap();
    let r = run(dir.path(), &["import", "old.md", "-o", "new.yaml", "--timezone", "UTC"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Imported old.md into new.yaml"), "{}", r.stderr);
    assert!(r.stderr.contains('�'), "the report quotes the odd heading: {}", r.stderr);
    assert_inert("import", &r);
}

fn csv_cells(text: &str) -> Vec<Vec<String>> {
    text.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn csv_cells_never_start_a_formula_and_every_field_is_a_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    let doc = CHECKOUT
        .replacen("title: Checkout API returned errors for 42 minutes", "title: \"=1+1\"", 1)
        .replacen("title: Add a lock timeout to the migration runner", "title: \"=HYPERLINK(evil)\"", 1)
        .replacen("owner: platform team", "owner: \"@SUM(A1)\"", 1)
        .replacen("owner: database on-call", "owner: \"-2+3\"", 1)
        .replacen("tags: [database, deploy, \"no\"]", "tags: [\"+cmd\"]", 1);
    fs::write(dir.path().join("postmortems/2026-11-24-f.yaml"), doc).unwrap();
    let actions = csv_cells(&run(dir.path(), &["actions", "--format", "csv"]).stdout);
    assert_eq!(&actions[1][..2], ["'=HYPERLINK(evil)", "'@SUM(A1)"], "{actions:?}");
    assert_eq!(actions[2][1], "'-2+3");
    let list = run(dir.path(), &["list", "--format", "csv"]).stdout;
    let list = csv_cells(&list);
    assert_eq!(list[1][1], "'=1+1");
    assert!(list[1].contains(&"'+cmd".to_string()), "{list:?}");
    // Every field of the JSON rows is a CSV column, services included.
    for (command, header) in [("list", &list[0]), ("actions", &actions[0])] {
        let json: serde_json::Value =
            serde_json::from_str(&run(dir.path(), &[command, "--format", "json"]).stdout).unwrap();
        let keys: Vec<&String> = json[0].as_object().unwrap().keys().collect();
        let mut keys: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
        let mut columns: Vec<&str> = header.iter().map(String::as_str).collect();
        keys.sort_unstable();
        columns.sort_unstable();
        assert_eq!(columns, keys, "{command}: the CSV columns are the JSON fields");
    }
    let services = list[0].iter().position(|c| c == "services").unwrap();
    assert_eq!(list[1][services], "checkout-api; payments-db");
}

#[test]
fn markdown_cells_never_link_to_a_dangerous_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let doc = CHECKOUT
        .replacen(
            "event: Migration cancelled; errors stop",
            "event: \"[details](javascript:alert(1)) ![x](data:image/png;base64,AA)\"",
            1,
        )
        .replacen(
            "event: Migration 0042 starts and takes a lock on orders",
            "event: \"[ok](https://status.example) starts\"",
            1,
        )
        .replacen(
            "title: Alert on lock waits over 2 s",
            "title: \"[run](vbscript:msgbox) [f](file:///etc/passwd)\"",
            1,
        );
    fs::write(dir.path().join("c.yaml"), doc).unwrap();
    let md = run(dir.path(), &["export", "c.yaml"]).stdout;
    assert!(md.contains("\\[details\\](javascript:alert(1)) !\\[x\\](data:image/png;base64,AA)"), "{md}");
    assert!(md.contains("\\[run\\](vbscript:msgbox) \\[f\\](file:///etc/passwd)"), "{md}");
    // Parsed as GitHub would, the page has no link to those schemes; the safe one stays.
    let mut links = Vec::new();
    for event in pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES) {
        if let pulldown_cmark::Event::Start(
            pulldown_cmark::Tag::Link { dest_url, .. } | pulldown_cmark::Tag::Image { dest_url, .. },
        ) = event
        {
            links.push(dest_url.to_string());
        }
    }
    assert!(
        links.iter().all(|l| !l.contains("javascript:")
            && !l.contains("data:")
            && !l.contains("vbscript:")
            && !l.starts_with("file:")),
        "{links:?}"
    );
    assert!(links.contains(&"https://status.example".to_string()), "{links:?}");
}

#[test]
fn the_html_page_loads_no_remote_image_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let doc = CHECKOUT.replacen(
        "      For 42 minutes,",
        "      ![error graph](https://metrics.example/p.png?who=reader) ![local](graph.png)\n\n      For 42 minutes,",
        1,
    );
    fs::write(dir.path().join("c.yaml"), doc).unwrap();
    let page = run(dir.path(), &["export", "c.yaml", "--format", "html"]).stdout;
    assert!(!page.contains("<img src=\"https://"), "{page}");
    assert!(
        page.contains("<a class=\"url\" href=\"https://metrics.example/p.png?who=reader\">error graph</a>"),
        "{page}"
    );
    assert!(page.contains("<img src=\"graph.png\" alt=\"local\" />"), "a local image stays an image");
    assert!(page.contains("img-src 'self'\">"), "the policy forbids remote images too");
    let asked = run(dir.path(), &["export", "c.yaml", "--format", "html", "--remote-images"]);
    assert!(asked.stdout.contains("<img src=\"https://metrics.example/p.png?who=reader\" alt=\"error graph\" />"));
    assert!(asked.stdout.contains("img-src 'self' http: https:\">"));
    let misused = run(dir.path(), &["export", "c.yaml", "--remote-images"]);
    assert_eq!(misused.code, 2);
    assert!(misused.stderr.contains("--remote-images is for the HTML page"), "{}", misused.stderr);
}
