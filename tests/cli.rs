//! The binary's document commands, as a user runs them: new, export, validate, completions,
//! help and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

mod common;
use common::run;

#[test]
fn new_writes_a_dated_file_in_postmortems_from_the_default_template() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(dir.path(), &["new", "--title", "Checkout API: errors for 42 minutes!", "--no-edit"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = dir.path().join("postmortems/2026-11-24-checkout-api-errors-for-42-minutes.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        r.stderr.contains("Created postmortems/2026-11-24-checkout-api-errors-for-42-minutes.yaml"),
        "{}",
        r.stderr
    );
    assert!(
        text.starts_with("schema: 2\ntitle: 'Checkout API: errors for 42 minutes!'\n")
            || text.starts_with("schema: 2\ntitle: \"Checkout API: errors for 42 minutes!\"\n"),
        "{text}"
    );
    assert!(text.contains("status: draft\n"));
    assert!(text.contains("template:\n  name: default\n  version: 1\n"), "{text}");
    assert!(text.contains("timezone: Europe/Berlin\n"), "the zone comes from TZ: {text}");
    // Self-contained: section titles and kinds are in the document.
    assert!(text.contains("title: Contributing factors\n") && text.contains("kind: factors\n"), "{text}");
    assert!(r.stdout.is_empty(), "stdout stays clean for pipes: {}", r.stdout);
}

#[test]
fn new_refuses_to_overwrite_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("mine.yaml"), "my words\n").unwrap();
    let r = run(dir.path(), &["new", "-o", "mine.yaml", "--no-edit"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: mine.yaml already exists; nothing was written\n"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(dir.path().join("mine.yaml")).unwrap(), "my words\n");
    // The same title twice on one day does not clobber the first either.
    assert_eq!(run(dir.path(), &["new", "--title", "Same"]).code, 0);
    let again = run(dir.path(), &["new", "--title", "Same"]);
    assert_eq!(again.code, 2, "{}", again.stderr);
}

#[test]
fn new_with_a_template_a_zone_and_an_output_path() {
    let dir = tempfile::tempdir().unwrap();
    let r =
        run(dir.path(), &["new", "-t", "google-sre", "--title", "Queue", "--timezone", "+05:30", "-o", "docs/q.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = fs::read_to_string(dir.path().join("docs/q.yaml")).unwrap();
    assert!(text.contains("name: google-sre") && text.contains("timezone: \"+05:30\""), "{text}");
    let bad = run(dir.path(), &["new", "--timezone", "Mars/Base"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("`Mars/Base` is not a time zone"), "{}", bad.stderr);
}

#[test]
fn export_markdown_has_title_metadata_numbers_sections_and_tables() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), CHECKOUT).unwrap();
    let r = run(dir.path(), &["export", "c.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("checkout_markdown", r.stdout);
    let md = &r.stdout;
    let order: Vec<usize> = [
        "# Checkout API",
        "| Status | in-review |",
        "## Incident numbers",
        "## Summary",
        "## Impact",
        "## Timeline",
        "## Contributing factors",
        "## Follow-up actions",
    ]
    .iter()
    .map(|h| md.find(h).unwrap_or_else(|| panic!("{h} missing from\n{md}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "sections out of order: {order:?}");
    assert!(md.contains("| Time to detect | 7m |"));
    assert!(md.contains("| 2026-11-24 14:09 +01:00 | Error-rate alert pages the checkout on-call |  | detected |"));
    assert!(md.contains("| Add a lock timeout to the migration runner | platform team | 2026-12-08 | high | prevent | open | https://tracker.example.com/PLAT-311 |"));
    // Exporting twice gives the same bytes; -o writes the same text to a file.
    assert_eq!(run(dir.path(), &["export", "c.yaml"]).stdout, r.stdout);
    assert_eq!(run(dir.path(), &["export", "c.yaml", "-o", "c.md"]).code, 0);
    assert_eq!(fs::read_to_string(dir.path().join("c.md")).unwrap(), r.stdout);
}

#[test]
fn export_markdown_shows_empty_required_sections_and_drops_empty_optional_ones() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["new", "-o", "n.yaml", "--title", "Fresh"]);
    let md = run(dir.path(), &["export", "n.yaml"]).stdout;
    assert!(md.contains("## Summary\n\n_Not written yet._"), "{md}");
    assert!(!md.contains("## Where we got lucky"), "{md}");
}

#[test]
fn export_table_cells_cannot_break_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let src = CHECKOUT
        .replace("event: Migration cancelled; errors stop", "event: \"a | b\\nsecond line <script>x</script> `code`\"");
    fs::write(dir.path().join("c.yaml"), src).unwrap();
    let md = run(dir.path(), &["export", "c.yaml"]).stdout;
    assert!(md.contains("| a \\| b<br>second line &lt;script&gt;x&lt;/script&gt; `code` |"), "{md}");
}

#[test]
fn export_json_has_the_document_and_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), CHECKOUT).unwrap();
    let r = run(dir.path(), &["export", "c.yaml", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["title"], "Checkout API returned errors for 42 minutes");
    assert_eq!(v["numbers"]["time_to_detect_seconds"], 420);
    assert_eq!(v["numbers"]["total_impact_seconds"], 29 * 60);
    assert_eq!(v["actions"][1]["status"], "in-progress");
    assert_eq!(v["review_meeting"], "2026-11-26", "unknown keys are exported too");
}

#[test]
fn validate_exit_codes_ok_findings_and_broken_input() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.yaml"), CHECKOUT).unwrap();
    let backwards = CHECKOUT.replace("resolved: 2026-11-24T14:44:00+01:00", "resolved: 2026-11-24T14:00:00+01:00");
    fs::write(dir.path().join("backwards.yaml"), &backwards).unwrap();
    fs::write(dir.path().join("broken.yaml"), CHECKOUT.replace("kind: factors", "kind: factorz")).unwrap();

    let ok = run(dir.path(), &["validate", "good.yaml"]);
    assert_eq!((ok.code, ok.stdout.as_str()), (0, "good.yaml: ok\n"), "{}", ok.stderr);

    let findings = run(dir.path(), &["validate", "good.yaml", "backwards.yaml"]);
    assert_eq!(findings.code, 1);
    assert!(findings.stdout.contains("backwards.yaml:16:3: error[times-out-of-order] times.resolved: the incident is resolved at 2026-11-24 14:00 +01:00 but started only at 2026-11-24 14:02 +01:00"), "{}", findings.stdout);

    let broken = run(dir.path(), &["validate", "good.yaml", "broken.yaml"]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("error: broken.yaml:43:11: sections[3].kind: unknown variant `factorz`"),
        "{}",
        broken.stderr
    );
    assert!(broken.stderr.contains("1 of 2 files could not be read"), "{}", broken.stderr);
    let bytes = fs::read_to_string(dir.path().join("broken.yaml")).unwrap();
    assert!(bytes.contains("factorz"), "a file that fails to load is never written to");

    let json = run(dir.path(), &["validate", "backwards.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["file"], "backwards.yaml");
    assert_eq!(v[0]["rule"], "times-out-of-order");
    assert_eq!(v[0]["severity"], "error");
    assert_eq!((v[0]["line"].as_u64(), v[0]["column"].as_u64()), (Some(16), Some(3)));
}

#[test]
fn validate_checks_the_severity_against_the_templates_scale() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), CHECKOUT.replace("severity: SEV2", "severity: SEV9")).unwrap();
    let r = run(dir.path(), &["validate", "c.yaml"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("severity `SEV9` is not in the template's scale (SEV1, SEV2, SEV3, SEV4)"),
        "{}",
        r.stdout
    );
}

#[test]
fn completions_for_each_shell() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef blameless"), ("fish", "complete -c blameless")] {
        let r = run(dir.path(), &["completions", shell]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains(marker), "{shell}: {}", &r.stdout[..200.min(r.stdout.len())]);
        assert!(r.stdout.contains("templates"), "{shell} completes subcommands");
    }
}

#[test]
fn help_usage_errors_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let help = run(dir.path(), &["--help"]);
    assert_eq!(help.code, 0);
    for cmd in
        ["new", "edit", "templates", "export", "validate", "completions", "Exit status: 0 ok, 1 findings, 2 usage"]
    {
        assert!(help.stdout.contains(cmd), "{cmd} missing from help:\n{}", help.stdout);
    }
    let bare = run(dir.path(), &[]);
    assert_eq!(bare.code, 2, "no command opens the start screen, which needs a terminal");
    assert!(bare.stderr.starts_with("error: the editor needs a terminal"), "{}", bare.stderr);
    let typo = run(dir.path(), &["exprot"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("tip: a similar subcommand exists: 'export'"), "{}", typo.stderr);
    let v = run(dir.path(), &["--version"]);
    assert_eq!(v.stdout, format!("blameless {}\n", env!("CARGO_PKG_VERSION")));
    let missing = run(dir.path(), &["export", "nope.yaml"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stderr, "error: nope.yaml: does not exist\n  help: check the path\n");
}

/// A word that is neither a command nor a file is told as a mistyped command, with the
/// commands close to it; a path that is missing is told as a missing file.
#[test]
fn a_mistyped_command_and_a_missing_file_named_alone_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(dir.path(), &["lnit"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unrecognized subcommand 'lnit'") && r.stderr.contains("'lint'"), "{}", r.stderr);
    let r = run(dir.path(), &["postmortems/missing.yaml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("postmortems/missing.yaml: does not exist"), "{}", r.stderr);
    let r = run(dir.path(), &["--help"]);
    assert!(r.stdout.contains("Usage: blameless [FILE]"), "{}", r.stdout);
}
