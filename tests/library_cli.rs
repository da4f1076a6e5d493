//! `blameless list`, `actions` and `stats` as a user runs them, over the folder in
//! tests/fixtures/library: four postmortems in nested folders (one in Pacific/Auckland, a day
//! ahead of UTC), a broken one, one from a newer blameless, and files that are not postmortems
//! (other YAML, Markdown, a hidden folder). "Today" is fixed with BLAMELESS_NOW.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

mod common;
use common::Run;

const NOW: &str = "2026-12-10T12:00:00Z";

fn run(args: &[&str]) -> Run {
    run_at(NOW, args)
}

fn run_at(now: &str, args: &[&str]) -> Run {
    common::run_at(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library"), now, "UTC", args)
}

/// RFC 4180, strictly: quotes only around whole fields, `""` inside them, CRLF after every
/// record. Written here, apart from the writer, so the two cannot share a mistake.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                assert!(matches!(chars.peek(), Some(',' | '\r') | None), "text after a closing quote in {text:?}");
            }
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside an unquoted field in {text:?}");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a record ends with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare line feed outside quotes in {text:?}"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted && field.is_empty() && row.is_empty(), "the last record is incomplete");
    rows
}

/// The same text through Python's csv module, when Python is there: what spreadsheets and
/// trackers' importers do.
fn python_csv(text: &str) -> Option<Vec<Vec<String>>> {
    use std::io::Write;
    let script = "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status.success().then(|| serde_json::from_slice(&out.stdout).unwrap())
}

fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let i = rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    rows[1..].iter().map(|r| r[i].as_str()).collect()
}

#[test]
fn list_shows_postmortems_newest_first_and_broken_files_with_the_reason() {
    let r = run(&["list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "DATE        SEVERITY  STATUS     CHANGED     RESOLVE  DONE  TITLE                                               PATH"
    );
    assert_eq!(
        lines[2],
        "2026-11-24  SEV2      in-review              35m      5/5   Checkout API returned errors for 42 minutes         postmortems/2026/2026-11-24-checkout.yaml"
    );
    assert_eq!(
        lines[3],
        "2026-10-02  SEV1      published  2026-10-09  2h       3/4   DNS lookups failed in eu-west, \"intermittently\"     postmortems/2026/2026-10-02-dns.yaml"
    );
    assert_eq!(
        lines[4],
        "2026-01-15  -         draft                  -        1/2   Login latency rose after a certificate rotation     postmortems/2026-01-15-login-latency.yaml"
    );
    assert_eq!(
        lines[5],
        "2025-12-30  SEV3      draft                  3h       2/2   Payment queue backlog delayed refunds               postmortems/2025/q4/2025-12-30-queue-backlog.yaml"
    );
    // Broken files are in the list, by the date in their name (undated last), with the reason.
    assert!(lines[1].starts_with("2027-01-01  -         error"), "{}", lines[1]);
    assert!(lines[1].contains("cannot be read (line 1): was written with documen…"), "{}", lines[1]);
    assert!(lines[6].starts_with("            -         error") && lines[6].ends_with("postmortems/broken.yaml"));
    assert_eq!(lines.len(), 7, "no hidden, Markdown or other YAML files:\n{}", r.stdout);
    assert!(r.stderr.contains("error: postmortems/broken.yaml:43:11: sections[3].kind: unknown variant `factorz`"));
    assert!(
        r.stderr.contains("error: postmortems/2027-01-01-from-the-future.yaml:1: was written with document schema 9")
    );
    assert!(r.stderr.ends_with("2 files could not be read; `blameless validate FILE` says more\n"), "{}", r.stderr);
}

#[test]
fn list_filters_by_status_severity_tag_date_and_text() {
    let titles = |args: &[&str]| -> Vec<String> {
        let r = run(&[&["list", "--format", "json"], args].concat());
        assert_eq!(r.code, 0, "{}", r.stderr);
        let rows: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
        rows.iter().filter_map(|row| row["title"].as_str().map(str::to_string)).collect()
    };
    assert_eq!(titles(&["--status", "draft"]).len(), 2);
    assert_eq!(titles(&["--severity", "sev1"]), ["DNS lookups failed in eu-west, \"intermittently\""]);
    assert_eq!(titles(&["--tag", "Database"]), ["Checkout API returned errors for 42 minutes"]);
    assert_eq!(titles(&["--since", "2026-10-02"]).len(), 2);
    assert_eq!(titles(&["--search", "poison MESSAGE"]), ["Payment queue backlog delayed refunds"], "section text");
    assert_eq!(titles(&["--status", "published", "--search", "checkout"]), Vec::<String>::new());
    // Nothing is known of broken files to filter on, so they stay in the list.
    let none = run(&["list", "--tag", "nothing-has-this"]);
    let rows: Vec<&str> = none.stdout.lines().skip(1).collect();
    assert!(rows.len() == 2 && rows.iter().all(|row| row.contains(" error ")), "{}", none.stdout);
    let bad = run(&["list", "--since", "last week"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("`last week` is not a date: write it as YYYY-MM-DD"), "{}", bad.stderr);
}

#[test]
fn list_as_json_and_csv_has_every_field_and_quotes_what_needs_it() {
    let r = run(&["list", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(rows.len(), 6);
    let dns = &rows[2];
    assert_eq!(dns["status"], "published");
    assert_eq!(dns["status_since"], "2026-10-09T17:30:00+02:00");
    assert_eq!(dns["status_by"], "Priya Raman");
    assert_eq!(
        (dns["time_to_detect_seconds"].as_i64(), dns["time_to_resolve_seconds"].as_i64()),
        (Some(1200), Some(7200))
    );
    assert_eq!((dns["sections_written"].as_u64(), dns["sections_total"].as_u64()), (Some(3), Some(4)));
    assert_eq!(dns["tags"], serde_json::json!(["dns", "network"]));
    assert_eq!(dns["error"], serde_json::Value::Null);
    let broken = &rows[5];
    assert_eq!(broken["title"], serde_json::Value::Null);
    assert_eq!(broken["path"], "postmortems/broken.yaml");
    assert!(broken["error"].as_str().unwrap().starts_with("postmortems/broken.yaml:43:11: sections[3].kind"));

    let csv = run(&["list", "--format", "csv"]).stdout;
    let table = parse_csv(&csv);
    assert_eq!(table[0][..4], ["date", "title", "severity", "status"]);
    assert_eq!(table.len(), 7);
    assert!(csv.contains("\"DNS lookups failed in eu-west, \"\"intermittently\"\"\""), "{csv}");
    assert_eq!(column(&table, "title")[2], "DNS lookups failed in eu-west, \"intermittently\"");
    assert_eq!(column(&table, "tags")[1], "database; deploy; no");
    match python_csv(&csv) {
        Some(python) => assert_eq!(python, table, "Python's csv module reads the same rows"),
        None => common::tool_missing("python3"),
    }
}

#[test]
fn list_of_a_folder_that_is_not_there_says_what_to_do() {
    let r = run(&["list", "nowhere"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: nowhere: does not exist\n  help: name the folder of postmortems (`blameless list DIR`), or run this where `postmortems/` is\n"
    );
}

#[test]
fn overdue_is_relative_to_today_in_each_documents_time_zone() {
    let r = run(&["actions", "--overdue"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "DUE         OVERDUE  STATUS  OWNER          PRIORITY  TITLE                                       POSTMORTEM"
    );
    assert_eq!(
        lines[1],
        "2026-11-15  25 days  open    docs team      medium    Rewrite the resolver runbook:…              postmortems/2026/2026-10-02-dns.yaml"
    );
    assert_eq!(
        lines[2],
        "2026-12-08  2 days   open    platform team  high      Add a lock timeout to the migration runner  postmortems/2026/2026-11-24-checkout.yaml"
    );
    // Due 2026-12-10: it is already 2026-12-11 in Auckland, but still 2026-12-10 in UTC.
    assert_eq!(
        lines[3],
        "2026-12-10  1 day    open    payments team  high      Add a dead-letter queue for refunds         postmortems/2025/q4/2025-12-30-queue-backlog.yaml"
    );
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    assert!(!r.stdout.contains("Automate certificate rotation"), "due today in UTC is not overdue");
    assert!(
        r.stderr.ends_with("\n2 files could not be read and left out; `blameless list` names them\n"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().filter(|l| l.starts_with("error: postmortems/")).count(), 2, "each with the reason");

    // Half a day earlier it is 2026-12-10 in Auckland too.
    let earlier = run_at("2026-12-09T23:00:00Z", &["actions", "--overdue", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&earlier.stdout).unwrap();
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        ["Rewrite the resolver runbook:\nfailover, then verify", "Add a lock timeout to the migration runner"]
    );
}

#[test]
fn actions_filter_open_and_by_owner_and_list_closed_ones_last() {
    let all = run(&["actions", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&all.stdout).unwrap();
    let states: Vec<(&str, bool)> =
        rows.iter().map(|r| (r["status"].as_str().unwrap(), r["overdue"].as_bool().unwrap())).collect();
    assert_eq!(
        states,
        [
            ("open", true),
            ("open", true),
            ("open", true),
            ("open", false),
            ("in-progress", false),
            ("open", false),
            ("done", false),
            ("wont-do", false)
        ]
    );
    assert_eq!(rows[0]["postmortem"], "DNS lookups failed in eu-west, \"intermittently\"");
    assert_eq!(rows[0]["postmortem_date"], "2026-10-02");
    let open = run(&["actions", "--open", "--format", "json"]);
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&open.stdout).unwrap().len(), 6);
    let owner = run(&["actions", "--owner", "IDENTITY"]);
    let lines: Vec<&str> = owner.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", owner.stdout);
    assert!(lines[1].contains("Automate certificate rotation") && lines[2].contains("Document the rotation steps"));
    let clash = run(&["actions", "--open", "--overdue"]);
    assert_eq!(clash.code, 2, "--open and --overdue together is a usage error");
}

#[test]
fn actions_csv_imports_into_a_tracker() {
    let csv = run(&["actions", "--format", "csv"]).stdout;
    let table = parse_csv(&csv);
    assert_eq!(
        table[0],
        [
            "title",
            "owner",
            "due",
            "status",
            "overdue",
            "priority",
            "kind",
            "ticket",
            "postmortem",
            "postmortem_date",
            "postmortem_path"
        ]
    );
    assert_eq!(table.len(), 9);
    assert_eq!(
        column(&table, "title")[0],
        "Rewrite the resolver runbook:\nfailover, then verify",
        "a line break stays in its cell"
    );
    assert_eq!(column(&table, "owner")[6], "Sam \"the\" on-call, SRE", "commas and quotes stay in their cell");
    assert_eq!(column(&table, "overdue")[..4], ["true", "true", "true", "false"]);
    assert_eq!(column(&table, "ticket")[1], "https://tracker.example.com/PLAT-311");
    assert_eq!(column(&table, "due")[5], "", "no due date: an empty cell");
    assert!(csv.contains("\"Sam \"\"the\"\" on-call, SRE\""), "{csv}");
    match python_csv(&csv) {
        Some(python) => assert_eq!(python, table, "Python's csv module reads the same rows"),
        None => common::tool_missing("python3"),
    }
}

#[test]
fn stats_count_incidents_and_give_medians_percentiles_factors_and_action_shares() {
    let r = run(&["stats", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["incidents"].as_u64(), v["unreadable"].as_u64()), (Some(4), Some(2)));
    let months: Vec<(String, u64)> = v["per_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["month"].as_str().unwrap().to_string(), m["incidents"].as_u64().unwrap()))
        .collect();
    assert_eq!(months.len(), 12, "every month from 2025-12 to 2026-11, empty ones too");
    assert_eq!(months[0], ("2025-12".to_string(), 1));
    assert_eq!(months[5], ("2026-05".to_string(), 0));
    assert_eq!(
        v["per_severity"],
        serde_json::json!([
            {"severity": "SEV1", "incidents": 1}, {"severity": "SEV2", "incidents": 1},
            {"severity": "SEV3", "incidents": 1}, {"severity": "none", "incidents": 1}
        ])
    );
    // Detect 7, 15, 20 min; mitigate 22, 40, 60 min; resolve 35, 120, 180 min.
    let spread =
        |key: &str| (v[key]["incidents"].as_u64(), v[key]["median_seconds"].as_i64(), v[key]["p90_seconds"].as_i64());
    assert_eq!(spread("time_to_detect"), (Some(3), Some(15 * 60), Some(19 * 60)));
    assert_eq!(spread("time_to_mitigate"), (Some(3), Some(40 * 60), Some(56 * 60)));
    assert_eq!(spread("time_to_resolve"), (Some(3), Some(120 * 60), Some(168 * 60)));
    assert_eq!(
        v["factor_categories"],
        serde_json::json!([
            {"category": "process", "incidents": 2}, {"category": "tooling", "incidents": 2},
            {"category": "technology", "incidents": 1}
        ])
    );
    let a = &v["actions"];
    assert_eq!([&a["total"], &a["done"], &a["open"], &a["overdue"], &a["wont_do"]], [8, 1, 3, 3, 1]);
    assert_eq!(a["overdue_share"].as_f64(), Some(0.375));

    let since = run(&["stats", "--since", "2026-10-01", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&since.stdout).unwrap();
    assert_eq!((v["incidents"].as_u64(), v["since"].as_str()), (Some(2), Some("2026-10-01")));
    assert_eq!(v["actions"]["total"].as_u64(), Some(4));
}

#[test]
fn stats_in_the_terminal_draw_bars_without_colour() {
    let r = run(&["stats"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(out.starts_with("4 incidents in postmortems (2 more could not be read)\n\nIncidents per month\n"), "{out}");
    assert!(out.contains("\n  2026-11  ████████████████████████  1\n"), "{out}");
    assert!(out.contains("\n  2026-05                            0\n"), "{out}");
    assert!(out.contains("\n  technology  ████████████              1\n"), "half the longest bar:\n{out}");
    assert!(out.contains("            incidents  median  p90\n  detect    3          15m     19m\n"), "{out}");
    assert!(out.contains("  resolve   3          2h      2h 48m\n"), "{out}");
    assert!(out.contains("\nFollow-up actions: 8\n  done      ███                        12%  1\n"), "{out}");
    assert!(out.contains("  overdue   █████████                  38%  3\n"), "{out}");
    assert!(!out.contains('\u{1b}'), "no escape codes at all");
}

#[test]
fn help_names_the_library_commands_with_examples() {
    let help = run(&["--help"]);
    for cmd in ["list", "actions", "stats", "status", "schema"] {
        assert!(help.stdout.contains(&format!("\n  {cmd} ")), "{cmd} missing from\n{}", help.stdout);
    }
    for (cmd, example) in [
        ("list", "blameless list --format csv > postmortems.csv"),
        ("actions", "blameless actions --overdue"),
        ("stats", "blameless stats --since 2026-01-01 --format json"),
        ("status", "in-review"),
        ("schema", "yaml-language-server: $schema="),
    ] {
        let r = run(&[cmd, "--help"]);
        assert!(r.stdout.contains(example), "{cmd} --help:\n{}", r.stdout);
    }
}
