//! `blameless status` (the change recorded in the file, byte for byte) and `blameless schema`
//! (valid JSON Schema that the documents we write and the fixtures satisfy).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

mod common;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir` at a fixed time, with `git config user.name` set to `git_name`
/// (or unset) through a config file of its own, and `USER=sam`.
fn run(dir: &Path, git_name: Option<&str>, args: &[&str]) -> Run {
    let gitconfig = dir.join(".gitconfig-for-test");
    match git_name {
        Some(name) => fs::write(&gitconfig, format!("[user]\n\tname = {name}\n")).unwrap(),
        None => fs::write(&gitconfig, "").unwrap(),
    }
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_NOW", "2026-11-25T09:30:00Z")
        .env("BLAMELESS_CONFIG_DIR", dir.join(".config-for-test"))
        .env("TZ", "Europe/Berlin")
        .env("GIT_CONFIG_GLOBAL", &gitconfig)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("USER", "sam")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn has_git() -> bool {
    Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn status_records_who_when_from_and_to_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let new = run(dir.path(), None, &["new", "--no-edit", "--title", "Queue backlog", "-o", "p/q.yaml"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let before = fs::read_to_string(dir.path().join("p/q.yaml")).unwrap();

    let r = run(dir.path(), Some("Priya Raman"), &["status", "p/q.yaml", "in-review"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let who = if has_git() {
        "Priya Raman"
    } else {
        common::tool_missing("git");
        "sam"
    };
    assert_eq!(r.stderr, format!("p/q.yaml: draft -> in-review by {who} at 2026-11-25T10:30:00+01:00\n"));
    assert!(r.stdout.is_empty());
    let after = fs::read_to_string(dir.path().join("p/q.yaml")).unwrap();
    let expected = before.replace("status: draft\n", "status: in-review\n")
        + &format!(
            "status_history:\n  - from: draft\n    to: in-review\n    by: {who}\n    at: \"2026-11-25T10:30:00+01:00\"\n"
        );
    assert_eq!(after, expected, "only the status and the new history entry change");

    // The same status again changes nothing, not even the bytes.
    let again = run(dir.path(), Some("Priya Raman"), &["status", "p/q.yaml", "in-review"]);
    assert_eq!((again.code, again.stderr.as_str()), (0, "p/q.yaml is already in-review; nothing was changed\n"));
    assert_eq!(fs::read_to_string(dir.path().join("p/q.yaml")).unwrap(), expected);

    // Without a git user name, the login name; entries accumulate, oldest first.
    let r = run(dir.path(), None, &["status", "p/q.yaml", "published"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = fs::read_to_string(dir.path().join("p/q.yaml")).unwrap();
    assert!(
        after.ends_with("  - from: in-review\n    to: published\n    by: sam\n    at: \"2026-11-25T10:30:00+01:00\"\n"),
        "{after}"
    );
    assert_eq!(after.matches("  - from: ").count(), 2);

    // `list` shows the status and when it changed.
    let list = run(dir.path(), None, &["list", "p", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(&list.stdout).unwrap();
    assert_eq!(rows[0]["status"], "published");
    assert_eq!(rows[0]["status_since"], "2026-11-25T10:30:00+01:00");
    assert_eq!(rows[0]["status_by"], "sam");
    let table = run(dir.path(), None, &["list", "p"]);
    assert!(table.stdout.lines().nth(1).unwrap().contains(" published  2026-11-25 "), "{}", table.stdout);
}

#[test]
fn status_never_writes_a_file_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("newer.yaml"), "schema: 9\ntitle: From the future\n").unwrap();
    fs::write(dir.path().join("broken.yaml"), "schema: 2\ntitle: [oops\n").unwrap();
    let r = run(dir.path(), None, &["status", "newer.yaml", "published"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("newer.yaml:1: was written with document schema 9 by a newer blameless"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(dir.path().join("newer.yaml")).unwrap(), "schema: 9\ntitle: From the future\n");
    let r = run(dir.path(), None, &["status", "broken.yaml", "published"]);
    assert_eq!(r.code, 2);
    assert_eq!(fs::read_to_string(dir.path().join("broken.yaml")).unwrap(), "schema: 2\ntitle: [oops\n");
    let r = run(dir.path(), None, &["status", "newer.yaml", "done"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("[possible values: draft, in-review, published]"), "{}", r.stderr);
}

/// Checks `value` against the parts of JSON Schema draft-07 that `blameless schema` uses,
/// returning what does not fit, with its place. Enough to show that real documents pass and
/// wrong ones do not, without a validator crate.
fn check(root: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(name) = schema["$ref"].as_str() {
        let name = name.strip_prefix("#/definitions/").unwrap();
        return check(root, &root["definitions"][name], value, at, out);
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            other => other.as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect(),
        };
        let fits = |t: &str| match t {
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "null" => value.is_null(),
            other => panic!("type {other} not handled"),
        };
        if !types.iter().any(|t| fits(t)) {
            return out.push(format!("{at}: {value} is not {types:?}"));
        }
    }
    if let Some(allowed) = schema["enum"].as_array().filter(|a| !a.contains(value)) {
        out.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if schema.get("const").is_some_and(|c| c != value) {
        out.push(format!("{at}: {value} is not {}", schema["const"]));
    }
    for (key, check_limit) in [("minimum", 1.0), ("maximum", -1.0)] {
        if let (Some(limit), Some(n)) = (schema[key].as_f64(), value.as_f64())
            && (n - limit) * check_limit < 0.0
        {
            out.push(format!("{at}: {n} is past the {key} {limit}"));
        }
    }
    let passes = |s: &Value| {
        let mut errors = Vec::new();
        check(root, s, value, at, &mut errors);
        errors.is_empty()
    };
    if let Some(all) = schema["allOf"].as_array() {
        all.iter().for_each(|s| check(root, s, value, at, out));
    }
    if let Some(any) = schema["anyOf"].as_array().filter(|any| !any.iter().any(passes)) {
        out.push(format!("{at}: {value} fits none of {} choices", any.len()));
    }
    if let Some(one) = schema["oneOf"].as_array().filter(|one| one.iter().filter(|s| passes(s)).count() != 1) {
        out.push(format!("{at}: {value} does not fit exactly one of {} choices", one.len()));
    }
    if let Some(object) = value.as_object() {
        for name in schema["required"].as_array().into_iter().flatten() {
            if !object.contains_key(name.as_str().unwrap()) {
                out.push(format!("{at}: {name} is required"));
            }
        }
        for (key, item) in object {
            match (schema["properties"].get(key), &schema["additionalProperties"]) {
                (Some(s), _) => check(root, s, item, &format!("{at}/{key}"), out),
                (None, Value::Bool(false)) => out.push(format!("{at}: unknown key {key}")),
                (None, extra) if extra.is_object() => check(root, extra, item, &format!("{at}/{key}"), out),
                _ => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(root, items, item, &format!("{at}/{i}"), out);
        }
    }
}

fn errors(schema: &Value, yaml: &str) -> Vec<String> {
    let value = serde_json::to_value(blameless::store::yaml::parse_value(yaml).unwrap()).unwrap();
    let mut out = Vec::new();
    check(schema, schema, &value, "", &mut out);
    out
}

#[test]
fn schema_is_json_schema_that_documents_satisfy() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(dir.path(), None, &["schema"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let schema: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["type"], "object");
    let properties: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    for key in ["schema", "title", "status", "severity", "template", "timezone", "authors", "services", "tags", "times"]
    {
        assert!(properties.contains(&key), "{key} missing from {properties:?}");
    }
    for key in ["sections", "timeline", "factors", "actions", "dismissed", "status_history"] {
        assert!(properties.contains(&key), "{key} missing from {properties:?}");
    }
    assert_eq!(schema["required"], serde_json::json!(["schema", "title", "template"]));
    assert_eq!(schema["additionalProperties"], true, "unknown keys are kept, so they are allowed");
    assert_eq!(schema["definitions"]["Status"]["enum"], serde_json::json!(["draft", "in-review", "published"]));

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for file in [
        "checkout.yaml",
        "library/postmortems/2026/2026-10-02-dns.yaml",
        "library/postmortems/2025/q4/2025-12-30-queue-backlog.yaml",
        "library/postmortems/2026-01-15-login-latency.yaml",
    ] {
        let text = fs::read_to_string(fixtures.join(file)).unwrap();
        assert_eq!(errors(&schema, &text), Vec::<String>::new(), "{file}");
    }
    run(dir.path(), None, &["new", "--no-edit", "-t", "google-sre", "-o", "new.yaml"]);
    assert_eq!(errors(&schema, &fs::read_to_string(dir.path().join("new.yaml")).unwrap()), Vec::<String>::new());

    // What blameless refuses, the schema refuses too.
    let checkout = fs::read_to_string(fixtures.join("checkout.yaml")).unwrap();
    for (from, to, error) in [
        ("status: in-review", "status: finished", "/status: \"finished\" is not one of"),
        ("schema: 2", "schema: 9", "/schema: 9 is past the maximum 2"),
        ("title: Checkout API returned errors for 42 minutes\n", "", ": \"title\" is required"),
        ("kind: factors", "kind: factorz", "/sections/3/kind: \"factorz\" does not fit exactly one"),
        ("    status: in-progress", "    status: closed", "/actions/1/status: \"closed\" is not one of"),
        (
            "  - time: 2026-11-24T14:02:00+01:00",
            "  - when: 2026-11-24T14:02:00+01:00",
            "/timeline/0: \"time\" is required",
        ),
    ] {
        let found = errors(&schema, &checkout.replacen(from, to, 1));
        assert!(found.iter().any(|e| e.starts_with(error)), "{error} not in {found:?}");
    }
}
