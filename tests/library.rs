//! The library over generated folders with known answers: what is found, what is skipped,
//! what is broken, and the numbers across incidents.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::time::Duration;

use blameless::doc::Status;
use blameless::library::{self, ActionFilter, Entry, Filter, Stats};
use chrono::{DateTime, NaiveDate, Utc};

/// A postmortem started on `day` at 09:00 UTC, detected `detect` minutes later, mitigated and
/// resolved `mitigate` and `resolve` minutes after detection.
struct Doc {
    title: String,
    day: NaiveDate,
    detect: u32,
    mitigate: u32,
    resolve: u32,
    severity: &'static str,
    status: &'static str,
    categories: Vec<&'static str>,
    /// (title, due, status)
    actions: Vec<(String, String, &'static str)>,
    text: &'static str,
}

impl Doc {
    fn yaml(&self) -> String {
        let at = |minutes: u32| {
            let t = self.day.and_hms_opt(9, 0, 0).unwrap().and_utc() + chrono::Duration::minutes(minutes.into());
            t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
        };
        let mut out = format!(
            "schema: 2\ntitle: {:?}\nstatus: {}\nseverity: {}\ntemplate:\n  name: default\n  version: 1\n\
             timezone: UTC\ntags: [generated]\ntimes:\n  started: {}\n  detected: {}\n  mitigated: {}\n  resolved: {}\n\
             sections:\n  - id: summary\n    title: Summary\n    kind: text\n    text: {:?}\n  - id: lessons\n    title: Lessons\n    kind: text\n",
            self.title,
            self.status,
            self.severity,
            at(0),
            at(self.detect),
            at(self.detect + self.mitigate),
            at(self.detect + self.resolve),
            self.text,
        );
        out.push_str("factors:\n");
        for c in &self.categories {
            out.push_str(&format!("  - description: a factor\n    category: {c}\n"));
        }
        out.push_str("actions:\n");
        for (title, due, status) in &self.actions {
            out.push_str(&format!(
                "  - title: {title:?}\n    owner: team {}\n    due: {due}\n    status: {status}\n",
                title.len() % 3
            ));
        }
        out
    }
}

/// 101 postmortems, one a day from 2026-01-01, in nested folders, among other YAML, Markdown,
/// broken postmortems and a hidden folder. Incident `i` (1-based) takes `i` minutes to detect.
fn generate(root: &Path) -> Vec<Doc> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let docs: Vec<Doc> = (1..=101u32)
        .map(|i| Doc {
            title: format!("Incident {i}"),
            day: start + chrono::Duration::days(i64::from(i) - 1),
            detect: i,
            mitigate: 2 * i,
            resolve: 10 * i,
            severity: ["SEV1", "SEV2", "SEV3"][i as usize % 3],
            status: ["draft", "in-review", "published"][i as usize % 3],
            categories: if i % 2 == 0 { vec!["tooling", "Tooling"] } else { vec!["process"] },
            actions: vec![
                (format!("Action {i}a"), (start + chrono::Duration::days(i64::from(i) + 30)).to_string(), "open"),
                (format!("Action {i}b"), "2026-02-01".to_string(), if i % 4 == 0 { "done" } else { "in-progress" }),
            ],
            text: if i == 42 { "The Replica lag alarm fired." } else { "Requests failed." },
        })
        .collect();
    for (n, doc) in docs.iter().enumerate() {
        let folder = root.join(format!("{}/{}", doc.day.format("%Y"), doc.day.format("%m")));
        let folder = if n % 7 == 0 { folder.join("deeper/still") } else { folder };
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join(format!("{}-incident-{}.yaml", doc.day, n + 1)), doc.yaml()).unwrap();
    }
    fs::write(root.join("team.yaml"), "name: payments\non_call: [a, b]\n").unwrap();
    fs::write(root.join("2026/ci.yml"), "jobs:\n  schema: not-at-top\n").unwrap();
    fs::write(root.join("2026/notes.md"), "schema: 2\n").unwrap();
    fs::write(root.join("2026/2026-03-03-broken.yaml"), "schema: 2\ntitle: [unclosed\n").unwrap();
    fs::write(root.join("2026/01/no-title.yaml"), "schema: 2\ntemplate: {name: default, version: 1}\n").unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/2026-01-01-copy.yaml"), docs[0].yaml()).unwrap();
    fs::create_dir_all(root.join("target")).unwrap();
    fs::write(root.join("target/2026-01-01-copy.yaml"), docs[0].yaml()).unwrap();
    docs
}

fn now() -> DateTime<Utc> {
    "2026-03-01T12:00:00Z".parse().unwrap()
}

fn summaries(entries: &[Entry]) -> Vec<&library::Summary> {
    entries.iter().filter_map(Entry::summary).collect()
}

#[test]
fn a_nested_folder_is_read_with_broken_files_listed_and_other_files_skipped() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let entries = library::scan_all(dir.path()).unwrap();
    assert_eq!(summaries(&entries).len(), 101, "hidden folders, target/, Markdown and other YAML are skipped");
    let broken: Vec<(String, String)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Broken { path, error, .. } => Some((
                path.strip_prefix(dir.path()).unwrap().display().to_string(),
                format!("{:?}:{:?} {}", error.line, error.column, error.message),
            )),
            Entry::Postmortem(_) => None,
        })
        .collect();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert_eq!(broken[0].0, "2026/01/no-title.yaml");
    assert!(broken[0].1.contains("missing field `title`"), "{broken:?}");
    assert_eq!(broken[1].0, "2026/2026-03-03-broken.yaml");
    assert!(broken[1].1.starts_with("Some(3):"), "the place of a YAML error is kept: {broken:?}");

    let mut entries = entries;
    library::sort_newest_first(&mut entries);
    let first: Vec<String> =
        entries.iter().take(3).map(|e| e.date().map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(first, ["2026-04-11", "2026-04-10", "2026-04-09"], "newest first");
    assert!(entries.last().unwrap().date().is_none(), "undated entries last");
    let broken_at = entries.iter().position(|e| e.path().ends_with("2026-03-03-broken.yaml")).unwrap();
    assert_eq!(entries[broken_at + 1].date(), NaiveDate::from_ymd_opt(2026, 3, 2), "dated by its file name");
}

#[test]
fn stats_have_the_known_counts_medians_and_90th_percentiles() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let entries = library::scan_all(dir.path()).unwrap();
    let stats = Stats::of(summaries(&entries), now());
    assert_eq!(stats.incidents, 101);
    let months: Vec<(&str, usize)> = stats.per_month.iter().map(|(m, n)| (m.as_str(), *n)).collect();
    assert_eq!(months, [("2026-01", 31), ("2026-02", 28), ("2026-03", 31), ("2026-04", 11)]);
    let severities: Vec<(&str, usize)> = stats.per_severity.iter().map(|(s, n)| (s.as_str(), *n)).collect();
    assert_eq!(severities, [("SEV1", 33), ("SEV2", 34), ("SEV3", 34)]);
    // Detect takes 1..=101 minutes: median 51; p90 at rank (101 - 1) * 0.9 = 90, the 91st value.
    let minutes = |d: Option<chrono::Duration>| d.map(|d| d.num_seconds() as f64 / 60.0);
    assert_eq!((stats.to_detect.count, minutes(stats.to_detect.median)), (101, Some(51.0)));
    assert_eq!(minutes(stats.to_detect.p90), Some(91.0));
    assert_eq!((minutes(stats.to_mitigate.median), minutes(stats.to_mitigate.p90)), (Some(102.0), Some(182.0)));
    assert_eq!((minutes(stats.to_resolve.median), minutes(stats.to_resolve.p90)), (Some(510.0), Some(910.0)));
    // `tooling` and `Tooling` in one incident count once.
    assert_eq!(stats.factor_categories, [("process".to_string(), 51), ("tooling".to_string(), 50)]);
    // 202 actions: the `b` ones of every fourth incident are done; `b` ones are due 2026-02-01,
    // so the other 76 are overdue on 2026-03-01; `a` ones are due 30 days after their incident,
    // so those of incidents 1 to 28 (due before 2026-03-01) are overdue too.
    let a = stats.actions;
    assert_eq!((a.total, a.done, a.wont_do), (202, 25, 0));
    assert_eq!((a.overdue, a.open), (76 + 28, 101 - 28));
}

#[test]
fn the_even_median_is_the_mean_of_the_middle_two() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let entries = library::scan_all(dir.path()).unwrap();
    let april: Vec<&library::Summary> =
        summaries(&entries).into_iter().filter(|s| s.date >= NaiveDate::from_ymd_opt(2026, 4, 2)).collect();
    // Incidents 92..=101 detect in 92..=101 minutes: median 96.5 min; p90 at rank 8.1.
    let stats = Stats::of(april, now());
    assert_eq!(stats.to_detect.median, Some(chrono::Duration::seconds(5790)));
    assert_eq!(stats.to_detect.p90, Some(chrono::Duration::seconds((100.1 * 60.0f64).round() as i64)));
}

#[test]
fn overdue_actions_are_the_open_ones_due_before_today_longest_overdue_first() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let entries = library::scan_all(dir.path()).unwrap();
    let items = library::action_items(summaries(&entries), now());
    let overdue = ActionFilter { overdue: true, ..ActionFilter::default() };
    let titles: Vec<&str> = items.iter().filter(|i| overdue.matches(i)).map(|i| i.action.title.as_str()).collect();
    assert_eq!(titles.len(), 104);
    // Due 2026-02-01, the earliest, in path order (incident 1 is in a deeper folder; 4b is done).
    assert_eq!(&titles[..3], ["Action 2b", "Action 3b", "Action 5b"]);
    assert_eq!(titles[titles.len() - 1], "Action 28a", "due 2026-02-28, a day overdue");
    assert!(!titles.contains(&"Action 29a"), "due today is not overdue yet");
    assert!(!titles.contains(&"Action 4b"), "done is never overdue");
    // After the overdue ones come the other open ones, then the done ones.
    let later = items.iter().skip(104).map(|i| i.action.title.as_str()).next();
    assert_eq!(later, Some("Action 29a"));
    assert_eq!(items.last().map(|i| i.action.status.as_str()), Some("done"));

    let owner = ActionFilter { open: true, owner: Some("TEAM 2".into()), ..ActionFilter::default() };
    assert!(items.iter().filter(|i| owner.matches(i)).all(|i| i.action.owner.as_deref() == Some("team 2")));
}

#[test]
fn filters_match_status_severity_tag_date_and_text_in_any_case() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let catalog = library::read(dir.path(), None).unwrap();
    let count = |f: Filter| catalog.matching(&f).into_iter().filter(|e| e.summary().is_some()).count();
    assert_eq!(count(Filter::default()), 101);
    assert_eq!(count(Filter { status: Some(Status::Published), ..Filter::default() }), 34);
    assert_eq!(count(Filter { severity: Some("sev1".into()), ..Filter::default() }), 33);
    assert_eq!(count(Filter { tag: Some("Generated".into()), ..Filter::default() }), 101);
    assert_eq!(count(Filter { tag: Some("gen".into()), ..Filter::default() }), 0, "a tag matches whole");
    assert_eq!(count(Filter { since: NaiveDate::from_ymd_opt(2026, 4, 1), ..Filter::default() }), 11);
    assert_eq!(count(Filter { search: Some("replica LAG".into()), ..Filter::default() }), 1, "section text");
    assert_eq!(count(Filter { search: Some("lag replica".into()), ..Filter::default() }), 1, "any order");
    assert_eq!(count(Filter { search: Some("incident 10".into()), ..Filter::default() }), 3, "10, 100, 101");
    assert_eq!(count(Filter { search: Some("repl alarm".into()), ..Filter::default() }), 1, "part of a word");
    assert_eq!(count(Filter { search: Some("replica requests".into()), ..Filter::default() }), 0, "every word");
    let both = Filter { search: Some("incident".into()), status: Some(Status::Published), ..Filter::default() };
    assert_eq!(count(both), 34);
}

#[test]
fn the_background_read_finds_what_the_blocking_one_finds() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let catalog = library::background(dir.path().to_path_buf(), None).recv_timeout(Duration::from_secs(60)).unwrap();
    let paths: Vec<String> = catalog.entries.iter().map(|e| e.path().display().to_string()).collect();
    let all: Vec<String> =
        library::scan_all(dir.path()).unwrap().iter().map(|e| e.path().display().to_string()).collect();
    assert_eq!(paths, all);
    assert_eq!(all.len(), 103);
    // A folder that is not there is an error for `read`, and a closed channel in the background.
    assert!(library::scan_all(&dir.path().join("nope")).unwrap_err().message.contains("does not exist"));
    assert!(library::background(dir.path().join("nope"), None).recv().is_err());
}

#[test]
fn a_postmortem_in_the_wrong_encoding_is_broken_and_other_binary_yaml_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.yaml"), b"schema: 2\ntitle: Caf\xe9 down\n").unwrap();
    fs::write(dir.path().join("blob.yaml"), b"\x00\x01binary\xff").unwrap();
    // UTF-16 may well be a postmortem saved by the wrong editor: always reported.
    let utf16: Vec<u8> = "\u{feff}title: x\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(dir.path().join("wide.yaml"), utf16).unwrap();
    let entries = library::scan_all(dir.path()).unwrap();
    let lines: Vec<String> = entries.iter().filter_map(|e| e.error_line()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].ends_with("latin1.yaml:2:11: is not UTF-8 text (invalid byte at offset 20)"), "{lines:?}");
    assert!(lines[1].ends_with("wide.yaml: is UTF-16 text; blameless reads UTF-8"), "{lines:?}");
}
