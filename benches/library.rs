//! What the library promises about speed: `list` and `stats` over 10,000 postmortems in under
//! 2 s. Generates the folder (realistic documents, nested by year, some other YAML and a few
//! broken files), then times the library calls and the release binary end to end. Run with
//! `cargo bench --bench library`; prints the median of several runs.

mod common;
use common::ms;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use blameless::doc::{
    ActionKind, ActionStatus, Document, Factor, FollowUp, Moment, Priority, Status, TimelineEntry, Zone,
};
use blameless::library::{self, Filter, Stats, report, rows};
use blameless::store;
use blameless::template::Library;
use chrono::{Duration as Span, NaiveDate, TimeZone, Utc};

const DOCUMENTS: usize = 10_000;

const PROSE: &str = "At 14:02 the checkout API started returning 503s for about 12% of requests. The \
    error-rate alert paged the on-call at 14:09; the dashboard showed the connection pool \
    exhausted while a schema migration held a lock on `orders`.\n\nThe migration runner has no \
    lock timeout, and the pool timeout is shorter than a typical migration lock, so requests \
    queued and failed. What made the deploy look safe at the time was that the same migration \
    had run in staging in under a second, on a table a hundredth of the size.\n";

const CATEGORIES: [&str; 7] =
    ["technology", "process", "tooling", "communication", "knowledge", "environment", "organisational"];

fn document(template: &blameless::template::Template, zone: &Zone, i: usize) -> Document {
    let mut doc = template.new_document(&format!("Incident {i}: checkout API errors after migration {i}"), zone);
    let started = Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0).single().unwrap_or_default()
        + Span::hours((i * 7919 % 20_000) as i64);
    let at = |minutes: usize| Moment::Exact((started + Span::minutes(minutes as i64)).fixed_offset());
    let (detect, mitigate, resolve) = (3 + i % 40, 10 + i % 90, 30 + i % 300);
    doc.status = [Status::Draft, Status::InReview, Status::Published][i % 3];
    doc.severity = Some(format!("SEV{}", 1 + i % 4));
    doc.authors = vec!["Priya Raman".into(), "Sam Okafor".into()];
    doc.services = vec!["checkout-api".into(), format!("service-{}", i % 25)];
    doc.tags = vec!["database".into(), ["deploy", "network", "config"][i % 3].into()];
    doc.times.started = Some(at(0));
    doc.times.detected = Some(at(detect));
    doc.times.mitigated = Some(at(detect + mitigate));
    doc.times.resolved = Some(at(detect + resolve));
    for section in doc.sections.iter_mut() {
        section.text = PROSE.to_string();
    }
    doc.timeline = (0..8)
        .map(|n| TimelineEntry {
            time: at(n * 9),
            event: format!("Step {n}: the on-call checks the pool dashboard and the migration log"),
            evidence: Some(format!("https://grafana.example.com/d/checkout?from={i}{n}")),
            marker: None,
            extra: Default::default(),
        })
        .collect();
    doc.factors = (0..3)
        .map(|n| Factor {
            description: "Migrations run in the deploy pipeline without a lock timeout".into(),
            category: Some(CATEGORIES[(i + n * 3) % CATEGORIES.len()].into()),
            extra: Default::default(),
        })
        .collect();
    let due = started.date_naive() + Span::days(14);
    doc.actions = (0..4)
        .map(|n| FollowUp {
            title: format!("Add a lock timeout to the migration runner ({n})"),
            owner: Some(["platform team", "database on-call", "Sam Okafor"][n % 3].into()),
            due: Some((due + Span::days(n as i64 * 7)).format("%Y-%m-%d").to_string()),
            priority: Some([Priority::High, Priority::Medium, Priority::Low][n % 3]),
            kind: Some([ActionKind::Prevent, ActionKind::Detect, ActionKind::Process][n % 3]),
            status: [ActionStatus::Open, ActionStatus::Done, ActionStatus::InProgress, ActionStatus::Done][(i + n) % 4],
            ticket: Some(format!("https://tracker.example.com/PLAT-{i}{n}")),
            extra: Default::default(),
        })
        .collect();
    doc
}

/// 10,000 postmortems in `postmortems/YYYY/`, plus other YAML and broken files.
fn generate(root: &Path) -> usize {
    let library = Library::new(Vec::new(), None);
    let template = library.find("default").unwrap_or_else(|e| panic!("{e}"));
    let zone: Zone = "Europe/Berlin".parse().unwrap_or_else(|e: String| panic!("{e}"));
    let mut bytes = 0;
    for i in 0..DOCUMENTS {
        let doc = document(&template, &zone, i);
        let date = doc.times.started.as_ref().and_then(|m| m.resolve(&zone)).map(|t| t.date_naive());
        let date = date.unwrap_or(NaiveDate::MIN);
        let folder = root.join(date.format("%Y").to_string());
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        let text = if i % 1000 == 999 {
            "schema: 2\ntitle: [broken\n".to_string()
        } else {
            store::document_text(&doc).unwrap_or_else(|e| panic!("{e}"))
        };
        bytes += text.len();
        std::fs::write(folder.join(format!("{}-incident-{i}.yaml", date.format("%Y-%m-%d"))), text)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(root.join("team.yaml"), "name: payments\non_call: [Priya, Sam]\n").unwrap_or_else(|e| panic!("{e}"));
    bytes
}

fn measure(name: &str, runs: u32, f: impl FnMut()) -> Duration {
    let times = common::timed(runs, f);
    let (median, fastest) = (times[times.len() / 2], times[0]);
    println!("{name:<46} median {:>7.1} ms   fastest {:>7.1} ms   ({runs} runs)", ms(median), ms(fastest));
    median
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("postmortems");
    let bytes = generate(&root);
    println!(
        "{DOCUMENTS} postmortem files, {} KiB each on average, {} cores",
        bytes / DOCUMENTS / 1024,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    let now = Utc::now();
    // Once before measuring: right after writing 80 MB the disk is still busy flushing it.
    black_box(library::scan_all(&root).ok());

    measure("scan (read + parse + summarise every file)", 7, || {
        black_box(library::scan_all(&root).ok());
    });
    measure("list: scan, sort, filter, table", 7, || {
        let mut entries = library::scan_all(&root).unwrap_or_else(|e| panic!("{e}"));
        library::sort_newest_first(&mut entries);
        let filter = Filter::default();
        let shown: Vec<&library::Entry> =
            entries.iter().filter(|e| e.summary().is_none_or(|s| filter.matches(s))).collect();
        black_box(report::list_table(&shown));
    });
    measure("stats: scan, count, text", 7, || {
        let entries = library::scan_all(&root).unwrap_or_else(|e| panic!("{e}"));
        let stats = Stats::of(entries.iter().filter_map(library::Entry::summary), now);
        black_box(report::stats_text(&stats));
        black_box(rows::stats_json(&stats, None, 0).ok());
    });

    // The whole process, as a user runs it: the binary `cargo bench` built with this bench.
    let binary = env!("CARGO_BIN_EXE_blameless");
    for args in [&["list"][..], &["list", "--format", "json"], &["stats"], &["actions", "--overdue"]] {
        measure(&format!("`blameless {}` (whole process)", args.join(" ")), 7, || {
            let status = Command::new(binary)
                .args(args)
                .current_dir(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap_or_else(|e| panic!("{e}"));
            black_box(status);
        });
    }
}
