//! `blameless lint` as a user runs it: files and folders, the four formats, suppression,
//! dismissals, `.blameless/lint.yaml`, and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
mod common;
use common::Run;

const CHECKOUT: &str = include_str!("fixtures/checkout.yaml");

/// `blameless lint ARGS` in `dir`, on 2026-12-01.
fn run(dir: &Path, args: &[&str]) -> Run {
    let args: Vec<&str> = std::iter::once("lint").chain(args.iter().copied()).collect();
    common::run_at(dir, "2026-12-01T09:00:00Z", "UTC", &args)
}

fn json(r: &Run) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap().as_array().unwrap().clone()
}

/// The checkout fixture with blame written into its summary (a block scalar).
fn blamed_checkout() -> String {
    CHECKOUT.replace(
        "      A schema migration held a lock",
        "      The root cause was simple: Dave forgot to add a lock timeout.\n      A schema migration held a lock",
    )
}

#[test]
fn a_clean_document_exits_0_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("checkout.yaml"), CHECKOUT).unwrap();
    let r = run(dir.path(), &["checkout.yaml"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // Only suggestions: three timeline entries link no evidence.
    assert!(r.stdout.contains("suggestion[timeline-evidence-missing]"), "{}", r.stdout);
    assert!(r.stdout.ends_with("3 suggestions in 1 of 1 file checked\n"), "{}", r.stdout);
}

#[test]
fn findings_point_at_the_line_and_column_inside_a_block_scalar() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("checkout.yaml"), blamed_checkout()).unwrap();
    let r = run(dir.path(), &["checkout.yaml", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rows = json(&r);
    let forgot = rows.iter().find(|f| f["rule"] == "forgot").unwrap();
    // Line 25 of the file is `      The root cause was simple: Dave forgot to add a lock timeout.`
    assert_eq!((forgot["line"].as_u64(), forgot["column"].as_u64()), (Some(25), Some(34)), "{forgot}");
    assert_eq!(forgot["end_column"], 48);
    assert_eq!(forgot["text"], "Dave forgot to");
    assert_eq!(forgot["category"], "omission");
    assert_eq!(forgot["severity"], "warning");
    assert_eq!(forgot["field"], "sections[0].text");
    assert_eq!(forgot["rewrite"], "the step to add a lock timeout did not happen");
    let root = rows.iter().find(|f| f["rule"] == "root-cause").unwrap();
    assert_eq!(
        (root["line"].as_u64(), root["column"].as_u64(), root["end_column"].as_u64()),
        (Some(25), Some(7), Some(21))
    );
    for key in
        ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "suggestion"]
    {
        assert!(forgot.get(key).is_some(), "json lacks {key}");
    }
}

#[test]
fn the_human_report_underlines_the_words_like_a_compiler() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("review.md"),
        "# Review\n\nObviously, the on-call should have checked the graph.\n\n## Action items\n\n- Retrain the on-call engineers.\n",
    )
    .unwrap();
    let r = run(dir.path(), &["review.md"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("human_report", r.stdout);
}

#[test]
fn markdown_comments_suppress_findings() {
    let dir = tempfile::tempdir().unwrap();
    let text = "<!-- blameless-disable-next-line root-cause -->\nThe root cause was DNS.\nThe root cause was DNS again.\n\n<!-- blameless-disable -->\nDave forgot the flag.\n<!-- blameless-enable -->\nSam forgot the flag.\n\n<!-- blameless-disable omission -->\nPriya forgot the flag. The root cause was a typo.\n";
    fs::write(dir.path().join("notes.md"), text).unwrap();
    let r = run(dir.path(), &["notes.md", "--format", "json"]);
    let found: Vec<(u64, String)> =
        json(&r).iter().map(|f| (f["line"].as_u64().unwrap(), f["rule"].as_str().unwrap().to_string())).collect();
    assert_eq!(
        found,
        [(3, "root-cause".to_string()), (8, "forgot".to_string()), (11, "root-cause".to_string())],
        "{}",
        r.stdout
    );
}

#[test]
fn dismissals_recorded_in_a_document_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}dismissed:\n  - rule: root-cause\n    text: the root cause\n    by: Priya Raman\n    reason: quoting the vendor's report\n",
        blamed_checkout()
    );
    fs::write(dir.path().join("checkout.yaml"), text).unwrap();
    let rules: Vec<String> = json(&run(dir.path(), &["checkout.yaml", "--format", "json"]))
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert!(!rules.contains(&"root-cause".to_string()), "{rules:?}");
    assert!(rules.contains(&"forgot".to_string()), "{rules:?}");
}

#[test]
fn lint_yaml_switches_rules_off_and_changes_levels() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".blameless")).unwrap();
    fs::write(dir.path().join(".blameless/lint.yaml"), "rules:\n  omission: off\n  root-cause: suggestion\n").unwrap();
    fs::create_dir_all(dir.path().join("docs/deep")).unwrap();
    fs::write(dir.path().join("checkout.yaml"), blamed_checkout()).unwrap();
    // Found from a sub-folder too, like the templates.
    let r = run(&dir.path().join("docs/deep"), &["../../checkout.yaml", "--format", "json"]);
    let rows = json(&r);
    assert!(rows.iter().all(|f| f["category"] != "omission"), "{}", r.stdout);
    let root = rows.iter().find(|f| f["rule"] == "root-cause").unwrap();
    assert_eq!(root["severity"], "suggestion");
    assert_eq!(r.code, 0, "only suggestions are left: {}", r.stdout);
}

#[test]
fn a_bad_lint_yaml_is_refused_with_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".blameless")).unwrap();
    fs::write(dir.path().join(".blameless/lint.yaml"), "people: [Sam]\nrules:\n  root-cause: off\n  rot-cause: off\n")
        .unwrap();
    fs::write(dir.path().join("a.md"), "fine\n").unwrap();
    let r = run(dir.path(), &["a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: .blameless/lint.yaml:4:3: field `rules`: no rule or category named `rot-cause`")
            || r.stderr.contains("lint.yaml:4:3: field `rules`: no rule or category named `rot-cause`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--list-rules"), "{}", r.stderr);
    fs::write(dir.path().join(".blameless/lint.yaml"), "rules:\n  root-cause: of\n").unwrap();
    let r = run(dir.path(), &["a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("lint.yaml:2:"), "{}", r.stderr);
    assert!(r.stderr.contains("off, suggestion, warning, error"), "{}", r.stderr);
}

#[test]
fn folders_are_searched_and_other_yaml_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in ["postmortems/2026", "postmortems/target", "postmortems/node_modules", "postmortems/.git"] {
        fs::create_dir_all(root.join(folder)).unwrap();
    }
    fs::write(root.join("postmortems/2026/a.yaml"), blamed_checkout()).unwrap();
    fs::write(root.join("postmortems/2026/notes.md"), "Sam forgot the flag.\n").unwrap();
    fs::write(root.join("postmortems/ci.yaml"), "on: push\njobs: {}\n").unwrap();
    for hidden in ["postmortems/target/x.md", "postmortems/node_modules/x.md", "postmortems/.git/x.md"] {
        fs::write(root.join(hidden), "Dave forgot the flag.\n").unwrap();
    }
    fs::write(root.join("README.md"), "Dave forgot the flag.\n").unwrap();
    let r = run(root, &["--format", "json"]);
    let paths: std::collections::BTreeSet<String> =
        json(&r).iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(paths.into_iter().collect::<Vec<_>>(), ["postmortems/2026/a.yaml", "postmortems/2026/notes.md"]);
    assert_eq!(r.code, 1);
}

#[test]
fn sarif_has_the_required_fields() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("my notes.md"), "Dave forgot the flag.\n").unwrap();
    let r = run(dir.path(), &["my notes.md", "--format", "sarif"]);
    assert_eq!(r.code, 1);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &log["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "blameless");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.len() > 30);
    for rule in rules {
        assert!(
            rule["id"].is_string() && rule["shortDescription"]["text"].is_string() && rule["help"]["text"].is_string()
        );
    }
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "forgot");
    assert_eq!(result["level"], "warning");
    assert!(result["message"]["text"].as_str().unwrap().contains("omission"));
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "forgot");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "my%20notes.md");
    let region = &location["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"], &region["endLine"], &region["endColumn"]),
        (&serde_json::json!(1), &serde_json::json!(1), &serde_json::json!(1), &serde_json::json!(12))
    );
}

#[test]
fn github_annotations_escape_their_properties_and_message() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a,b.md"), "As usual, Dave forgot the flag.\n").unwrap();
    let r = run(dir.path(), &["a,b.md", "--format", "github"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].starts_with(
            "::notice file=a%2Cb.md,line=1,col=1,endLine=1,endColumn=8,title=blameless loaded-words (loaded-tone)::"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(
            "::warning file=a%2Cb.md,line=1,col=11,endLine=1,endColumn=21,title=blameless forgot (omission)::"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("%0ASuggestion: "), "{}", lines[1]);
}

#[test]
fn max_severity_tunes_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Dave forgot the flag.\n").unwrap();
    fs::write(dir.path().join("b.md"), "Finally, Sam finally restarted it.\n").unwrap();
    assert_eq!(run(dir.path(), &["a.md"]).code, 1);
    assert_eq!(run(dir.path(), &["a.md", "--max-severity", "warning"]).code, 0);
    assert_eq!(run(dir.path(), &["b.md"]).code, 0, "suggestions alone pass by default");
    assert_eq!(run(dir.path(), &["b.md", "--max-severity", "none"]).code, 1);
}

#[test]
fn unreadable_input_exits_2_after_reporting_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Dave forgot the flag.\n").unwrap();
    let r = run(dir.path(), &["missing.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.md: does not exist"), "{}", r.stderr);
    fs::write(dir.path().join("broken.yaml"), "schema: 2\ntitle: [unclosed\n").unwrap();
    let r = run(dir.path(), &["a.md", "broken.yaml"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("warning[forgot]"), "the readable file is still reported: {}", r.stdout);
    assert!(r.stderr.contains("broken.yaml"), "{}", r.stderr);
}

#[test]
fn list_rules_shows_every_rule_and_the_configured_level() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".blameless")).unwrap();
    fs::write(dir.path().join(".blameless/lint.yaml"), "rules:\n  loaded-tone: off\n").unwrap();
    let r = run(dir.path(), &["--list-rules"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("forgot                     omission         warning"), "{}", r.stdout);
    assert!(r.stdout.contains("loaded-words               loaded-tone      off"), "{}", r.stdout);
    assert!(r.stdout.contains("action-owner-missing"), "{}", r.stdout);
}

/// `blameless export` writes NAME.md beside NAME.yaml: `lint` over the folder checks the
/// document, skips its (stale) export and says so; the export named on its own is checked.
#[test]
fn an_export_beside_its_document_is_skipped_in_a_folder_and_checked_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("checkout.yaml"), blamed_checkout()).unwrap();
    let export = common::run(dir.path(), &["export", "checkout.yaml", "-o", "checkout.md"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let md = fs::read_to_string(dir.path().join("checkout.md")).unwrap();
    assert!(md.starts_with("<!-- blameless: exported from checkout.yaml; edit that file -->\n\n# "), "{md}");
    // The document is fixed; its export is now stale and still blames.
    fs::write(dir.path().join("checkout.yaml"), CHECKOUT).unwrap();
    let r = run(dir.path(), &["."]);
    assert_eq!(r.code, 0, "only the document is checked: {}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("in 1 of 1 file checked\n"), "{}", r.stdout);
    assert!(r.stdout.ends_with("skipped 1 export: checkout.md (exported from checkout.yaml)\n"), "{}", r.stdout);
    assert!(!r.stdout.contains("checkout.md:"), "{}", r.stdout);
    // Machine formats keep their shape; the note goes to stderr.
    let j = run(dir.path(), &[".", "--format", "json"]);
    assert!(json(&j).iter().all(|f| f["path"] == "checkout.yaml"), "{}", j.stdout);
    assert!(j.stderr.contains("skipped 1 export: checkout.md (exported from checkout.yaml)"), "{}", j.stderr);
    // Named, the export is checked.
    let named = run(dir.path(), &["checkout.md", "--format", "json"]);
    assert_eq!(named.code, 1, "{}", named.stdout);
    assert!(json(&named).iter().any(|f| f["rule"] == "forgot" && f["path"] == "checkout.md"), "{}", named.stdout);
    // Without its document beside it, a Markdown file is a source like any other.
    fs::remove_file(dir.path().join("checkout.yaml")).unwrap();
    let alone = run(dir.path(), &["."]);
    assert_eq!(alone.code, 1, "{}", alone.stdout);
    assert!(!alone.stdout.contains("skipped"), "{}", alone.stdout);
}
