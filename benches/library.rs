//! What the library promises about speed (issue #21): over 10,000 postmortems, `list` run again
//! within 3x ripgrep reading the same folder, cold `list` within 1.2 s, the start screen's
//! filter key within 2 ms median. Generates the folder (realistic documents with varied prose,
//! nested by year, some other YAML and a few broken files), then times reading it with no
//! index, with a cold index (built and written) and a warm one, a key typed into the start
//! screen's filter, and the release binary end to end. Run with `cargo bench --bench library`;
//! prints the median of several runs. `BLAMELESS_BENCH_LIBRARY=DIR` keeps the generated
//! folder in DIR/postmortems (made once, then reused), for measuring with other tools.

mod common;
use common::ms;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use blameless::doc::{
    ActionKind, ActionStatus, Document, Factor, FollowUp, Moment, Priority, Status, TimelineEntry, Zone,
};
use blameless::library::{self, Filter, Stats, report, rows};
use blameless::store;
use blameless::template::Library;
use blameless::tui::start::Start;
use chrono::{Duration as Span, NaiveDate, TimeZone, Utc};

const DOCUMENTS: usize = 10_000;

const PROSE: &str = "At 14:02 the checkout API started returning 503s for about 12% of requests. The \
    error-rate alert paged the on-call at 14:09; the dashboard showed the connection pool \
    exhausted while a schema migration held a lock on `orders`.\n\nThe migration runner has no \
    lock timeout, and the pool timeout is shorter than a typical migration lock, so requests \
    queued and failed. What made the deploy look safe at the time was that the same migration \
    had run in staging in under a second, on a table a hundredth of the size.\n";

/// Sentences the prose is drawn from, so that documents differ as real ones do.
const SENTENCES: [&str; 16] = [
    "The replica fell behind by forty seconds while the nightly backup held its snapshot.",
    "Rollback took longer than planned because the previous image had been garbage-collected.",
    "The load balancer kept sending traffic to the draining node for ninety seconds.",
    "A feature flag enabled the new pricing path for every region instead of one.",
    "Certificate renewal failed silently; the expiry alert fired six hours before the outage.",
    "The queue consumer crashed on a message larger than its buffer and restarted in a loop.",
    "DNS caching on the clients stretched a two-minute failover into twenty minutes.",
    "The runbook pointed at a dashboard that had been renamed during the migration.",
    "Disk pressure on the logging hosts throttled every service that wrote synchronously.",
    "The deploy pipeline reported success before the canary had received any traffic.",
    "Autoscaling reacted to CPU while the bottleneck was the connection limit of the proxy.",
    "An expired token in the batch scheduler left invoices unsent for a whole morning.",
    "Paging went to a rotation whose schedule had a gap over the holiday weekend.",
    "The cache stampede after the restart overwhelmed the primary database within seconds.",
    "Retries without jitter synchronised the clients into waves of load every thirty seconds.",
    "Clock skew between two zones made the lease expire early on the standby coordinator.",
];

/// Prose for section `n` of document `i`: the shared paragraph and a few varied sentences,
/// with names of their own (hosts, tickets), as real documents have.
fn prose(i: usize, n: usize) -> String {
    let mut out = PROSE.to_string();
    for k in 0..4 {
        out.push_str(SENTENCES[(i * 31 + n * 7 + k * 5) % SENTENCES.len()]);
        out.push(' ');
    }
    out.push_str(&format!("See host db-{}-{} and ticket OPS-{}.\n", i % 97, n, i * 13 + n));
    out
}

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
    for (n, section) in doc.sections.iter_mut().enumerate() {
        section.text = prose(i, n);
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

/// The `.yaml` files under `dir`, at any depth.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            found.push(path);
        }
    }
    found
}

fn measure(name: &str, runs: u32, f: impl FnMut()) -> Duration {
    let times = common::timed(runs, f);
    let (median, fastest) = (times[times.len() / 2], times[0]);
    println!("{name:<46} median {:>7.1} ms   fastest {:>7.1} ms   ({runs} runs)", ms(median), ms(fastest));
    median
}

/// A key typed into the start screen's filter: each query typed one character at a time,
/// then erased, timing every key (the update: the search, the list in order, as the app does
/// it before drawing).
fn filter_keys(root: &Path, cache: &Path) {
    let library = Library::new(Vec::new(), None);
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
    let mut start = Start::with_cache(root, &library, today, Some(cache.to_path_buf()));
    start.wait_loaded();
    let mut times = Vec::new();
    for _ in 0..3 {
        for query in ["migration", "replica lag", "checkout timeout", "db-42", "zzz", "certificate renewal"] {
            for c in query.chars() {
                let t = std::time::Instant::now();
                start.type_char(c);
                start.wait_loaded();
                times.push(t.elapsed());
                black_box(start.shown_len());
            }
            for _ in query.chars() {
                let t = std::time::Instant::now();
                start.erase();
                start.wait_loaded();
                times.push(t.elapsed());
            }
        }
    }
    times.sort();
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q) as usize]);
    println!(
        "{:<46} median {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms   ({} keys)",
        "start screen: a filter key (search + list)",
        at(0.5),
        at(0.95),
        at(1.0),
        times.len()
    );
}

fn main() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = std::env::var_os("BLAMELESS_BENCH_LIBRARY").map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    let root = base.join("postmortems");
    if !root.exists() {
        let bytes = generate(&root);
        println!("generated: {} KiB each on average", bytes / DOCUMENTS / 1024);
    }
    println!(
        "{DOCUMENTS} postmortem files in {}, {} cores",
        root.display(),
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    let caches = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cache = caches.path();
    let now = Utc::now();
    // Once before measuring: right after writing 80 MB the disk is still busy flushing it.
    black_box(library::scan_all(&root).ok());

    measure("read, no index (every file parsed)", 5, || {
        black_box(library::read(&root, None).ok());
    });
    // The read of every file alone, the three ways the cold read can take: our own reader of
    // the store's shapes (`store::quick`), else the YAML reader with the prose blocks taken out
    // first (`store::lift`), else the YAML reader alone.
    let texts: Vec<String> = yaml_files(&root).iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    measure("parse every file: the YAML reader alone", 5, || {
        for t in &texts {
            black_box(store::yaml::from_str::<Document>(t).ok());
        }
    });
    measure("parse every file: prose blocks taken out first", 5, || {
        for t in &texts {
            black_box(store::lift::read::<Document>(t, 256));
        }
    });
    measure("parse every file: the store's own shapes (quick reader)", 5, || {
        for t in &texts {
            black_box(store::quick::read::<Document>(t));
        }
    });
    drop(texts);
    measure("read, cold index (every file parsed, written)", 5, || {
        let _ = std::fs::remove_dir_all(cache.join("library"));
        black_box(library::read(&root, Some(cache)).ok());
    });
    measure("list: cold index, sort, table (index written meanwhile)", 5, || {
        let _ = std::fs::remove_dir_all(cache.join("library"));
        let listed = library::read_then(&root, Some(cache), |catalog| {
            let mut shown = catalog.matching(&Filter::default());
            shown.sort_by_key(|e| std::cmp::Reverse(e.date()));
            report::list_table(&shown)
        });
        black_box(listed.ok());
    });
    measure("read, warm index", 7, || {
        black_box(library::read(&root, Some(cache)).ok());
    });
    measure("list: warm index, sort, filter, table", 7, || {
        let catalog = library::read(&root, Some(cache)).unwrap_or_else(|e| panic!("{e}"));
        let mut shown = catalog.matching(&Filter::default());
        shown.sort_by_key(|e| std::cmp::Reverse(e.date()));
        black_box(report::list_table(&shown));
    });
    measure("stats: warm index, count, text", 7, || {
        let catalog = library::read(&root, Some(cache)).unwrap_or_else(|e| panic!("{e}"));
        let stats = Stats::of(catalog.entries.iter().filter_map(library::Entry::summary), now);
        black_box(report::stats_text(&stats));
        black_box(rows::stats_json(&stats, None, 0).ok());
    });
    filter_keys(&root, cache);

    // The whole process, as a user runs it: the binary `cargo bench` built with this bench,
    // with a warm index, then with none (the index removed before each run).
    let binary = env!("CARGO_BIN_EXE_blameless");
    let run = |args: &[&str]| {
        let status = Command::new(binary)
            .args(args)
            .current_dir(&base)
            .env("BLAMELESS_CACHE_DIR", cache)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("{e}"));
        black_box(status);
    };
    for args in [
        &["list"][..],
        &["list", "--format", "json"],
        &["list", "--search", "replica lag"],
        &["stats"],
        &["actions", "--overdue"],
    ] {
        measure(&format!("`blameless {}` (warm index)", args.join(" ")), 7, || run(args));
    }
    measure("`blameless list` (cold: no index)", 5, || {
        let _ = std::fs::remove_dir_all(cache.join("library"));
        run(&["list"]);
    });
}
