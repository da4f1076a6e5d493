//! `blameless templates list|show|validate|new` and `blameless new --template`, run as the real
//! binary in a fresh folder, with the user config folder pointed at a temporary folder so the
//! real user's templates never leak in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// The built-in templates, in the order `templates list` shows them, with their titles.
const BUILTINS: [(&str, &str); 7] = [
    ("default", "Contributing factors review"),
    ("lightweight", "Lightweight review"),
    ("learning-review", "Learning review"),
    ("google-sre", "SRE-style postmortem"),
    ("pagerduty", "Incident response postmortem"),
    ("atlassian", "Incident postmortem with backlog and recurrence checks"),
    ("gitlab", "Incident review"),
];

/// Blame-oriented wording that must not appear in the built-in templates' text.
const BLAMEFUL: [&str; 7] = ["human error", "root cause", "should have", "forgot", "careless", "blame", "retrain"];

/// A working folder and a separate user config folder, both removed at the end of the test.
struct Sandbox {
    work: TempDir,
    config: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { work: tempfile::tempdir().unwrap(), config: tempfile::tempdir().unwrap() }
    }

    /// The working folder (canonical, so it compares equal to what the binary prints).
    fn root(&self) -> PathBuf {
        self.work.path().canonicalize().unwrap()
    }

    /// `rel` below the working folder.
    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The user config folder (`BLAMELESS_CONFIG_DIR`).
    fn config_dir(&self) -> PathBuf {
        self.config.path().canonicalize().unwrap()
    }

    /// Runs `blameless ARGS` in the working folder.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in("", args)
    }

    /// Runs `blameless ARGS` in `rel` below the working folder (created if needed).
    fn run_in(&self, rel: &str, args: &[&str]) -> (i32, String, String) {
        let dir = self.path(rel);
        fs::create_dir_all(&dir).unwrap();
        run(&dir, &self.config_dir(), args)
    }
}

/// Runs the binary in `dir` with a private config folder; returns (exit code, stdout, stderr).
fn run(dir: &Path, config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_CONFIG_DIR", config)
        .env("NO_COLOR", "1")
        .env("BLAMELESS_NOW", "2026-11-24T14:02:00Z")
        .env("TZ", "UTC")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .output()
        .unwrap();
    let code = out.status.code().expect("the binary was killed by a signal");
    (code, String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// Writes `text` to `rel` below `dir`, creating folders as needed.
fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// `templates show NAME --format json`, parsed; panics with stderr if the command fails.
fn show_json(sb: &Sandbox, rel_dir: &str, name: &str) -> Value {
    let (code, stdout, stderr) = sb.run_in(rel_dir, &["templates", "show", name, "--format", "json"]);
    assert_eq!(code, 0, "templates show {name} failed:\n{stderr}");
    parse_json(&stdout)
}

fn section_ids(template: &Value) -> Vec<String> {
    template["sections"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
}

/// The section ids of a built-in, as seen from a folder without any other template.
fn builtin_section_ids(name: &str) -> Vec<String> {
    section_ids(&show_json(&Sandbox::new(), "", name))
}

/// A complete template that extends nothing.
fn standalone(name: &str, title: &str) -> String {
    format!(
        "name: {name}
title: {title}
description: A template written for the tests.
version: 2
severities:
  - id: SEV1
    description: Users could not pay.
  - id: SEV2
    description: Some users noticed.
sections:
  - id: summary
    title: Summary
    kind: text
    required: true
    guidance: Say what happened to users and for how long.
    questions:
      - What did users see?
      - What brought the service back?
  - id: timeline
    title: Timeline
    kind: timeline
    guidance: The moments that matter, with time zones.
    questions:
      - When was it noticed, and by what?
      - What made each decision make sense at the time?
"
    )
}

/// A template that extends `parent` and adds one section `id` after `after` (or at the end).
fn extending(name: &str, parent: &str, title: &str, id: &str, after: Option<&str>) -> String {
    let after = after.map(|a| format!("    after: {a}\n")).unwrap_or_default();
    format!(
        "name: {name}
extends: {parent}
version: 7
title: {title}
sections:
  - id: {id}
    title: Added by {title}
    kind: text
{after}    guidance: Notes this level adds.
    questions:
      - Which team owns the affected service?
      - Which runbook applied?
"
    )
}

/// The table rows of `templates list` whose first column is `name`.
fn rows<'a>(table: &'a str, name: &str) -> Vec<&'a str> {
    table.lines().filter(|l| l.split_whitespace().next() == Some(name)).collect()
}

/// Asserts that `templates validate FILE` refuses the template with exit 1, and that stderr
/// names the file (and line, when given) and contains every one of `expect`.
fn assert_refused(sb: &Sandbox, rel: &str, text: &str, line: Option<usize>, expect: &[&str]) {
    write(&sb.root(), rel, text);
    let (code, stdout, stderr) = sb.run(&["templates", "validate", rel]);
    assert_eq!(code, 1, "expected exit 1 for {rel}\nstdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(!stdout.contains("ok"), "a refused template is not reported ok:\n{stdout}");
    let file_name = Path::new(rel).file_name().unwrap().to_str().unwrap();
    let place = match line {
        Some(l) => format!("{file_name}:{l}"),
        None => file_name.to_string(),
    };
    assert!(stderr.contains(&place), "stderr should name `{place}`:\n{stderr}");
    assert!(stderr.starts_with("error: "), "stderr should start with `error: `:\n{stderr}");
    for e in expect {
        assert!(stderr.contains(e), "stderr should contain `{e}`:\n{stderr}");
    }
}

/// The blame-oriented phrases that occur in `text` as whole words, case-insensitively.
fn blameful_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    BLAMEFUL
        .into_iter()
        .filter(|phrase| {
            lower.match_indices(phrase).any(|(i, m)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + m.len()..].chars().next();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
        })
        .collect()
}

/// Every string in a JSON value, with where it is, for messages.
fn strings<'a>(value: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(s) => out.push((at, s)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| strings(v, format!("{at}[{i}]"), out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, format!("{at}.{k}"), out)),
        _ => {}
    }
}

// 1. templates list on a fresh folder

#[test]
fn list_on_a_fresh_folder_shows_the_seven_builtins_with_title_and_source() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = sb.run(&["templates", "list"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + BUILTINS.len(), "a header and one row per built-in:\n{stdout}");
    assert!(lines[0].contains("NAME") && lines[0].contains("TITLE") && lines[0].contains("SOURCE"), "{stdout}");
    for (line, (name, title)) in lines[1..].iter().zip(BUILTINS) {
        assert!(line.starts_with(&format!("{name} ")), "rows in built-in order; expected {name}:\n{stdout}");
        assert!(line.contains(title), "{name} should show its title `{title}`:\n{stdout}");
        assert!(line.trim_end().ends_with("built-in"), "{name} should come from `built-in`:\n{stdout}");
        assert!(!line.contains("shadowed"), "{stdout}");
    }
}

#[test]
fn list_as_json_is_an_array_of_objects_with_name_title_and_source() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = sb.run(&["templates", "list", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let rows = parse_json(&stdout);
    let rows = rows.as_array().expect("a JSON array");
    assert_eq!(rows.len(), BUILTINS.len(), "{stdout}");
    for (row, (name, title)) in rows.iter().zip(BUILTINS) {
        assert_eq!(row["name"], name, "{row}");
        assert_eq!(row["title"], title, "{row}");
        assert_eq!(row["source"], "built-in", "{row}");
        assert!(row["shadowed_by"].is_null(), "{row}");
    }
}

// 2. Lookup order and shadowing

/// A repository `default` at the top of the sandbox and a user `default`, both standalone.
fn three_defaults() -> Sandbox {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/default.yaml", &standalone("default", "Repo default"));
    write(&sb.config_dir(), "templates/default.yaml", &standalone("default", "User default"));
    sb
}

#[test]
fn list_from_a_subfolder_shows_repository_then_user_then_builtin_default_with_shadowing() {
    let sb = three_defaults();
    let (code, stdout, stderr) = sb.run_in("services/checkout", &["templates", "list"]);
    assert_eq!(code, 0, "{stderr}");
    let defaults = rows(&stdout, "default");
    assert_eq!(defaults.len(), 3, "three rows for `default`:\n{stdout}");
    let repo_file = sb.path(".blameless/templates/default.yaml").display().to_string();
    let user_file = sb.config_dir().join("templates/default.yaml").display().to_string();

    assert!(defaults[0].contains("Repo default") && defaults[0].contains("repository"), "{stdout}");
    assert!(defaults[0].contains(&repo_file), "{stdout}");
    assert!(!defaults[0].contains("shadowed"), "the repository one is the one used:\n{stdout}");

    assert!(defaults[1].contains("User default") && defaults[1].contains("user"), "{stdout}");
    assert!(defaults[1].contains(&user_file), "{stdout}");
    assert!(defaults[1].contains("(shadowed by repository"), "{stdout}");

    assert!(defaults[2].contains("Contributing factors review") && defaults[2].contains("built-in"), "{stdout}");
    assert!(defaults[2].contains("(shadowed by"), "{stdout}");

    // The other built-ins are still listed once each.
    for (name, _) in &BUILTINS[1..] {
        assert_eq!(rows(&stdout, name).len(), 1, "{name}:\n{stdout}");
    }
}

#[test]
fn list_as_json_marks_the_shadowed_defaults() {
    let sb = three_defaults();
    let (code, stdout, stderr) = sb.run_in("services/checkout", &["templates", "list", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let all = parse_json(&stdout);
    let defaults: Vec<&Value> = all.as_array().unwrap().iter().filter(|r| r["name"] == "default").collect();
    let sources: Vec<&str> = defaults.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["repository", "user", "built-in"], "{stdout}");
    assert!(defaults[0]["shadowed_by"].is_null(), "{stdout}");
    assert!(defaults[1]["shadowed_by"].as_str().unwrap().contains("repository"), "{stdout}");
    assert!(defaults[2]["shadowed_by"].is_string(), "{stdout}");
}

#[test]
fn show_from_a_subfolder_uses_the_repository_template_of_a_parent_folder() {
    let sb = three_defaults();
    let (code, stdout, stderr) = sb.run_in("services/checkout", &["templates", "show", "default"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("default — Repo default (version 2)"), "{stdout}");
    assert!(stdout.contains("Source: repository"), "{stdout}");
    assert!(stdout.contains(&sb.path(".blameless/templates/default.yaml").display().to_string()), "{stdout}");
    assert!(!stdout.contains("User default") && !stdout.contains("Contributing factors review"), "{stdout}");
}

#[test]
fn show_uses_the_user_template_over_the_builtin_when_no_repository_has_one() {
    let sb = Sandbox::new();
    write(&sb.config_dir(), "templates/default.yaml", &standalone("default", "User default"));
    let (code, stdout, stderr) = sb.run_in("somewhere/else", &["templates", "show", "default"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("default — User default (version 2)"), "{stdout}");
    assert!(stdout.contains("Source: user"), "{stdout}");
}

#[test]
fn repository_default_extending_default_builds_on_the_user_default() {
    let sb = Sandbox::new();
    write(
        &sb.config_dir(),
        "templates/default.yaml",
        &extending("default", "default", "User default", "user-notes", None),
    );
    write(
        &sb.root(),
        ".blameless/templates/default.yaml",
        &extending("default", "default", "Repo default", "repo-notes", Some("summary")),
    );
    let t = show_json(&sb, "team/service", "default");
    assert_eq!(t["title"], "Repo default");
    assert_eq!(t["version"], 7);
    assert_eq!(t["extends"], serde_json::json!(["default", "default"]), "{t}");

    // The built-in's sections, the repository's addition after `summary`, the user's at the end.
    let mut expected = builtin_section_ids("default");
    let summary = expected.iter().position(|id| id == "summary").unwrap();
    expected.insert(summary + 1, "repo-notes".to_string());
    expected.push("user-notes".to_string());
    assert_eq!(section_ids(&t), expected);
    // Keys not given are inherited: the description comes from the built-in.
    assert_eq!(t["description"], show_json(&Sandbox::new(), "", "default")["description"]);
}

#[test]
fn repository_default_extending_default_builds_on_the_builtin_without_a_user_one() {
    let sb = Sandbox::new();
    write(
        &sb.root(),
        ".blameless/templates/default.yaml",
        &extending("default", "default", "Repo default", "repo-notes", None),
    );
    let t = show_json(&sb, "", "default");
    let mut expected = builtin_section_ids("default");
    expected.push("repo-notes".to_string());
    assert_eq!(section_ids(&t), expected);
    assert_eq!(t["extends"], serde_json::json!(["default"]), "{t}");
}

// 3. templates show

#[test]
fn show_prints_title_version_and_each_section_with_guidance_and_questions() {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/team.yaml", &standalone("team", "Team review"));
    let (code, stdout, stderr) = sb.run(&["templates", "show", "team"]);
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "team — Team review (version 2)\n",
        "A template written for the tests.\n",
        "Severities: SEV1 (Users could not pay.); SEV2 (Some users noticed.)\n",
        " 1. Summary [summary] text, required\n",
        "    Say what happened to users and for how long.\n",
        "    ? What did users see?\n",
        "    ? What brought the service back?\n",
        " 2. Timeline [timeline] timeline\n",
        "    The moments that matter, with time zones.\n",
        "    ? When was it noticed, and by what?\n",
    ] {
        assert!(stdout.contains(expected), "expected {expected:?} in:\n{stdout}");
    }
}

#[test]
fn show_of_a_builtin_prints_every_section_guidance_and_question() {
    let sb = Sandbox::new();
    let t = show_json(&sb, "", "google-sre");
    let (code, stdout, stderr) = sb.run(&["templates", "show", "google-sre"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("google-sre — SRE-style postmortem (version 1)"), "{stdout}");
    for s in t["sections"].as_array().unwrap() {
        let heading =
            format!("{} [{}] {}", s["title"].as_str().unwrap(), s["id"].as_str().unwrap(), s["kind"].as_str().unwrap());
        assert!(stdout.contains(&heading), "expected {heading:?} in:\n{stdout}");
        let guidance_start: String = s["guidance"].as_str().unwrap().chars().take(40).collect();
        assert!(stdout.contains(&guidance_start), "expected guidance {guidance_start:?} in:\n{stdout}");
        for q in s["questions"].as_array().unwrap() {
            let line = format!("    ? {}\n", q.as_str().unwrap().trim());
            assert!(stdout.contains(&line), "expected {line:?} in:\n{stdout}");
        }
    }
}

#[test]
fn show_as_json_parses_and_holds_the_resolved_template() {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/team.yaml", &standalone("team", "Team review"));
    let t = show_json(&sb, "", "team");
    assert_eq!(t["name"], "team");
    assert_eq!(t["title"], "Team review");
    assert_eq!(t["version"], 2);
    assert_eq!(section_ids(&t), ["summary", "timeline"]);
    assert_eq!(t["sections"][0]["kind"], "text");
    assert_eq!(t["sections"][0]["required"], true);
    assert_eq!(t["sections"][0]["guidance"], "Say what happened to users and for how long.");
    assert_eq!(
        t["sections"][0]["questions"],
        serde_json::json!(["What did users see?", "What brought the service back?"])
    );
    assert_eq!(t["severities"][1]["id"], "SEV2");
}

#[test]
fn show_as_yaml_parses_and_matches_the_json_output() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = sb.run(&["templates", "show", "pagerduty", "--format", "yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("name: pagerduty\n"), "{stdout}");
    assert!(stdout.contains("\nversion: 1\n") && stdout.contains("\nsections:\n"), "{stdout}");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&stdout).unwrap_or_else(|e| panic!("not YAML ({e}):\n{stdout}"));
    let as_json = serde_json::to_value(&yaml).unwrap();
    assert_eq!(as_json, show_json(&sb, "", "pagerduty"), "YAML and JSON output describe the same template");
}

#[test]
fn show_of_an_unknown_template_exits_2_and_lists_the_available_ones() {
    let sb = Sandbox::new();
    let (code, stdout, stderr) = sb.run(&["templates", "show", "nope"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("no template named `nope`"), "{stderr}");
    for (name, _) in BUILTINS {
        assert!(stderr.contains(name), "{name} should be offered:\n{stderr}");
    }
}

// 4. templates validate

#[test]
fn validate_accepts_a_good_template_and_prints_ok() {
    let sb = Sandbox::new();
    write(&sb.root(), "good.yaml", &extending("good", "lightweight", "Good one", "extra", Some("timeline")));
    let (code, stdout, stderr) = sb.run(&["templates", "validate", "good.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("good.yaml: ok"), "{stdout}");
    assert!(stdout.contains("extends lightweight"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn validate_reports_each_file_and_exits_1_when_any_is_refused() {
    let sb = Sandbox::new();
    write(&sb.root(), "good.yaml", &standalone("good", "Good one"));
    write(&sb.root(), "bad.yaml", "name: bad\nextends: default\n");
    let (code, stdout, stderr) = sb.run(&["templates", "validate", "good.yaml", "bad.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("good.yaml: ok"), "{stdout}");
    assert!(!stdout.contains("bad.yaml"), "{stdout}");
    assert!(stderr.contains("bad.yaml") && stderr.contains("field `version` is missing"), "{stderr}");
}

#[test]
fn validate_refuses_a_yaml_syntax_error_with_its_line() {
    let sb = Sandbox::new();
    let text = "name: broken\nversion: 1\nsections:\n  - id: summary\n   title: Summary\n";
    assert_refused(&sb, "broken.yaml", text, Some(5), &["help: fix the YAML"]);
}

#[test]
fn validate_refuses_an_unknown_section_kind_with_its_line() {
    let sb = Sandbox::new();
    let text = "name: kinds\nextends: default\nversion: 1\nsections:\n  - id: extra\n    title: Extra\n    kind: tabel\n    guidance: Something.\n";
    assert_refused(&sb, "kinds.yaml", text, Some(7), &["kind", "unknown variant `tabel`", "`timeline`"]);
}

#[test]
fn validate_refuses_an_unknown_key_naming_it() {
    let sb = Sandbox::new();
    let text = "name: typo\nextends: default\nversion: 1\nsections:\n  - id: summary\n    guidence: Mention the card networks.\n";
    assert_refused(&sb, "typo.yaml", text, Some(6), &["unknown field `guidence`", "`guidance`"]);
}

#[test]
fn validate_refuses_a_duplicate_section_id_at_the_second_one() {
    let sb = Sandbox::new();
    let text = "name: dup
extends: default
version: 1
sections:
  - id: summary
    guidance: One.
  - id: extra
    title: Extra
    kind: text
    guidance: Something.
  - id: summary
    guidance: Two.
";
    assert_refused(&sb, "dup.yaml", text, Some(11), &["field `sections`", "`summary`", "more than once"]);
}

#[test]
fn validate_refuses_an_extends_cycle_and_shows_it() {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/b.yaml", "name: b\nextends: a\nversion: 1\n");
    let a = ".blameless/templates/a.yaml";
    write(&sb.root(), a, "name: a\nextends: b\nversion: 1\n");
    let (code, _, stderr) = sb.run(&["templates", "validate", a]);
    assert_eq!(code, 1, "{stderr}");
    // The error points at the `extends:` line that closes the cycle.
    assert!(
        stderr.contains("b.yaml:2: field `extends`: templates extend each other in a cycle: a -> b -> a"),
        "{stderr}"
    );
    // Using it by name is refused too, with the same explanation.
    let (code, _, stderr) = sb.run(&["templates", "show", "a"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cycle: a -> b -> a"), "{stderr}");
}

#[test]
fn validate_refuses_a_missing_parent() {
    let sb = Sandbox::new();
    let text = "name: orphan\nextends: no-such-template\nversion: 1\n";
    assert_refused(&sb, "orphan.yaml", text, Some(2), &["field `extends`", "no template named `no-such-template`"]);
}

#[test]
fn validate_refuses_a_new_section_without_a_title() {
    let sb = Sandbox::new();
    let text = "name: untitled
extends: default
version: 1
sections:
  - id: regulator
    kind: text
    guidance: Who was told, when, and through which channel.
    questions:
      - Which obligations applied?
      - What made the notification easy or hard to send?
";
    assert_refused(&sb, "untitled.yaml", text, Some(5), &["field `title` is missing", "new section"]);
}

#[test]
fn validate_refuses_removing_a_section_the_parent_lacks() {
    let sb = Sandbox::new();
    let text = "name: remover\nextends: default\nversion: 1\nremove:\n  - lessons\n  - no-such-section\n";
    assert_refused(&sb, "remover.yaml", text, Some(6), &["field `remove`", "no section `no-such-section`"]);
}

#[test]
fn validate_refuses_a_second_timeline_section() {
    let sb = Sandbox::new();
    let text = "name: twotimes
extends: default
version: 1
sections:
  - id: second-timeline
    title: Another timeline
    kind: timeline
    guidance: More times.
    questions:
      - When did it start?
      - When did it end?
";
    assert_refused(&sb, "twotimes.yaml", text, Some(5), &["field `kind`", "`second-timeline`", "second `timeline`"]);
}

#[test]
fn validate_refuses_a_repository_template_whose_name_differs_from_its_file_name() {
    let sb = Sandbox::new();
    let text = "name: other\nextends: default\nversion: 1\n";
    assert_refused(
        &sb,
        ".blameless/templates/mismatch.yaml",
        text,
        Some(1),
        &["field `name`", "`other`", "`mismatch`"],
    );
}

#[test]
fn a_repository_template_whose_name_differs_from_its_file_name_cannot_be_used() {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/mismatch.yaml", "name: other\nextends: default\nversion: 1\n");
    let (code, _, stderr) = sb.run(&["templates", "show", "mismatch"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("mismatch.yaml:1"), "{stderr}");
    assert!(stderr.contains("`other` does not match the file name `mismatch`"), "{stderr}");

    let (code, stdout, stderr) = sb.run(&["templates", "list"]);
    assert_eq!(code, 0, "{stderr}");
    let row = rows(&stdout, "mismatch");
    assert_eq!(row.len(), 1, "{stdout}");
    assert!(row[0].contains("(cannot be loaded)"), "{stdout}");
    assert!(stdout.contains("does not match the file name"), "{stdout}");
}

#[test]
fn validate_of_a_missing_file_is_an_input_error() {
    // An unreadable file is an input error (2), not a refused template (1).
    let sb = Sandbox::new();
    let (code, stdout, stderr) = sb.run(&["templates", "validate", "nowhere.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("nowhere.yaml: does not exist"), "{stderr}");
}

#[test]
fn validate_without_a_path_is_a_usage_error() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "validate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("Usage"), "{stderr}");
}

// 5. templates new

#[test]
fn templates_new_writes_a_starter_that_extends_its_parent_in_the_current_folder() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "new", "payments", "--from", "google-sre"]);
    assert_eq!(code, 0, "{stderr}");
    let file = sb.path(".blameless/templates/payments.yaml");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.lines().any(|l| l == "name: payments"), "{text}");
    assert!(text.lines().any(|l| l == "extends: google-sre"), "{text}");
    assert!(stderr.contains("payments.yaml"), "the note says what was created:\n{stderr}");

    let (code, stdout, stderr) = sb.run(&["templates", "validate", ".blameless/templates/payments.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(": ok"), "{stdout}");

    let (code, stdout, stderr) = sb.run(&["templates", "list"]);
    assert_eq!(code, 0, "{stderr}");
    let row = rows(&stdout, "payments");
    assert_eq!(row.len(), 1, "{stdout}");
    assert!(row[0].contains("repository") && row[0].contains(&file.display().to_string()), "{stdout}");

    let t = show_json(&sb, "", "payments");
    assert_eq!(t["extends"], serde_json::json!(["google-sre"]));
    assert_eq!(section_ids(&t), builtin_section_ids("google-sre"));
}

#[test]
fn templates_new_writes_into_the_nearest_existing_templates_folder_of_a_parent() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.path(".blameless/templates")).unwrap();
    fs::create_dir_all(sb.path("team/.blameless/templates")).unwrap();
    let (code, _, stderr) = sb.run_in("team/service/src", &["templates", "new", "payments", "--from", "google-sre"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(sb.path("team/.blameless/templates/payments.yaml").is_file(), "{stderr}");
    assert!(!sb.path(".blameless/templates/payments.yaml").exists(), "not in the farther folder");
    assert!(!sb.path("team/service/src/.blameless").exists(), "not in the current folder");
}

#[test]
fn templates_new_refuses_to_replace_an_existing_template() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "new", "payments", "--from", "google-sre"]);
    assert_eq!(code, 0, "{stderr}");
    let file = sb.path(".blameless/templates/payments.yaml");
    // Edited by the team since; a second `templates new` must not touch it.
    let edited = format!("{}# our own edits\n", fs::read_to_string(&file).unwrap());
    fs::write(&file, &edited).unwrap();

    let (code, _, stderr) = sb.run(&["templates", "new", "payments", "--from", "default"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), edited.as_bytes());
}

#[test]
fn templates_new_refuses_an_invalid_name_and_writes_nothing() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "new", "Pay Ments", "--from", "google-sre"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`Pay Ments` is not a valid template name"), "{stderr}");
    assert!(!sb.path(".blameless").exists());
}

#[test]
fn templates_new_from_an_unknown_template_is_refused_and_writes_nothing() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "new", "payments", "--from", "nope"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no template named `nope`"), "{stderr}");
    assert!(!sb.path(".blameless/templates/payments.yaml").exists());
}

#[test]
fn templates_new_from_a_parent_whose_title_has_a_colon_writes_a_loadable_starter() {
    let sb = Sandbox::new();
    let parent = "name: cards\nextends: default\nversion: 1\ntitle: \"Payments: card incidents\"\n";
    write(&sb.root(), ".blameless/templates/cards.yaml", parent);
    let (code, _, stderr) = sb.run(&["templates", "new", "card-declines", "--from", "cards"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = sb.run(&["templates", "validate", ".blameless/templates/card-declines.yaml"]);
    assert_eq!(code, 0, "{stderr}");
}

// 6. new --template

/// The `template:` block and section ids of the document written at `rel`.
fn document_template(sb: &Sandbox, rel: &str) -> (serde_yaml::Value, Vec<String>) {
    let text = fs::read_to_string(sb.path(rel)).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let ids = doc["sections"].as_sequence().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    (doc["template"].clone(), ids)
}

#[test]
fn new_from_a_repository_template_names_it_in_the_document() {
    let sb = Sandbox::new();
    let (code, _, stderr) = sb.run(&["templates", "new", "payments", "--from", "google-sre"]);
    assert_eq!(code, 0, "{stderr}");
    let args = ["new", "--template", "payments", "--title", "Card declines", "-o", "pm/card.yaml", "--no-edit"];
    let (code, _, stderr) = sb.run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("from template `payments`"), "{stderr}");
    let (template, ids) = document_template(&sb, "pm/card.yaml");
    assert_eq!(template["name"].as_str(), Some("payments"), "{template:?}");
    assert_eq!(template["version"].as_u64(), Some(1), "{template:?}");
    assert_eq!(ids, builtin_section_ids("google-sre"));
}

#[test]
fn new_from_a_template_path_names_it_in_the_document() {
    let sb = Sandbox::new();
    write(&sb.root(), "some/path.yaml", &standalone("path", "Path review"));
    let args = ["new", "--template", "./some/path.yaml", "--title", "Queue backlog", "-o", "doc.yaml", "--no-edit"];
    let (code, _, stderr) = sb.run(&args);
    assert_eq!(code, 0, "{stderr}");
    let (template, ids) = document_template(&sb, "doc.yaml");
    assert_eq!(template["name"].as_str(), Some("path"), "{template:?}");
    assert_eq!(template["version"].as_u64(), Some(2), "{template:?}");
    assert_eq!(ids, ["summary", "timeline"]);
}

#[test]
fn new_with_an_unknown_template_exits_2_and_lists_the_available_names() {
    let sb = Sandbox::new();
    write(&sb.root(), ".blameless/templates/team.yaml", &standalone("team", "Team review"));
    let (code, _, stderr) = sb.run(&["new", "--template", "nope", "--title", "X", "--no-edit"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no template named `nope`"), "{stderr}");
    let available = stderr.lines().find(|l| l.contains("available:")).unwrap_or_else(|| panic!("{stderr}"));
    for name in BUILTINS.iter().map(|(n, _)| *n).chain(["team"]) {
        assert!(available.contains(name), "{name} should be offered:\n{stderr}");
    }
    assert!(!sb.path("postmortems").exists(), "nothing is written");
}

// 7. The built-in templates' content

#[test]
fn every_builtin_section_has_guidance_and_at_least_two_questions() {
    let sb = Sandbox::new();
    for (name, _) in BUILTINS {
        let t = show_json(&sb, "", name);
        let sections = t["sections"].as_array().unwrap();
        assert!(!sections.is_empty(), "{name} has sections");
        for s in sections {
            let id = s["id"].as_str().unwrap();
            assert!(!s["guidance"].as_str().unwrap().trim().is_empty(), "{name}/{id}: guidance is empty");
            let questions = s["questions"].as_array().unwrap();
            assert!(questions.len() >= 2, "{name}/{id}: {} question(s), want two or more", questions.len());
            assert!(questions.iter().all(|q| !q.as_str().unwrap().trim().is_empty()), "{name}/{id}: empty question");
        }
    }
}

#[test]
fn builtin_templates_contain_no_blame_oriented_wording() {
    let sb = Sandbox::new();
    let mut found = Vec::new();
    for (name, _) in BUILTINS {
        let t = show_json(&sb, "", name);
        let mut texts = Vec::new();
        strings(&t, name.to_string(), &mut texts);
        for (at, text) in texts {
            for word in blameful_words(text) {
                found.push(format!("{at}: `{word}` in {text:?}"));
            }
        }
    }
    assert!(found.is_empty(), "blame-oriented wording in built-in templates:\n{}", found.join("\n"));
}

#[test]
fn the_wording_check_finds_whole_words_in_any_case_only() {
    assert_eq!(blameful_words("The Root Cause was human error."), ["human error", "root cause"]);
    assert_eq!(
        blameful_words("Dave forgot; we should have retrained... no: retrain Dave"),
        ["should have", "forgot", "retrain"]
    );
    assert_eq!(blameful_words("No one is to BLAME, carelessly or careless."), ["careless", "blame"]);
    assert!(blameful_words("A blameless review; forgotten keys; rootcause").is_empty());
}

#[test]
fn names_in_templates_and_documents_never_reach_outside_the_template_folders() {
    let sb = Sandbox::new();
    // A file outside the template folders that must never be read as a template.
    write(
        &sb.root(),
        "secret.yaml",
        "name: secret\ntitle: Secret\ndescription: x\nversion: 1\nseverities: [{id: S1, description: x}]\nsections: [{id: a, title: A, kind: text, guidance: g}]\n",
    );
    let evil = "name: evil\nextends: ../../secret\nversion: 1\n";
    write(&sb.root(), ".blameless/templates/evil.yaml", evil);
    let (code, _, stderr) = sb.run(&["templates", "validate", ".blameless/templates/evil.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no template named `../../secret`"), "{stderr}");
    // A document whose template name is a path: validate does not read that file.
    let doc = "schema: 2\ntitle: x\nseverity: SEV1\ntemplate:\n  name: secret.yaml\n  version: 1\n";
    write(&sb.root(), "doc.yaml", doc);
    let (code, stdout, stderr) = sb.run(&["validate", "doc.yaml"]);
    assert_eq!(code, 0, "secret.yaml was not read as the template (its scale would refuse SEV1): {stdout}{stderr}");
}
