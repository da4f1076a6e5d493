//! What the checker promises about speed: 1 MB of Markdown in under 0.3 s, and a folder of
//! 1,000 postmortems in under 2 s. Run with `cargo bench --bench lint`; prints the median of
//! several runs. (A bench binary rather than criterion keeps the dependency tree small.)

mod common;
use common::ms;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use blameless::lint::{self, Checker, People, Scope};
use blameless::store;
use blameless::template::Library;

/// Realistic prose, with a finding every few sentences, code, quotes and tables.
const PARAGRAPHS: [&str; 6] = [
    "At 14:02 the checkout API started returning 503s. The on-call engineer was paged at 14:09 and \
     joined the bridge; the error-rate dashboard showed about 12% of requests failing. The root cause \
     was a schema migration that held a lock on `orders` longer than the pool timeout.\n\n",
    "Dave forgot to set the lock timeout, and the deploy pipeline did not check for one. In hindsight, \
     the migration should have been tested against production-sized data. The health check kept \
     passing because it only opened a TCP connection.\n\n",
    "| time | event |\n|---|---|\n| 14:02 | Migration 0042 starts |\n| 14:09 | Alert pages the on-call |\n\n",
    "```sql\nALTER TABLE orders ADD COLUMN note text; -- forgot the default\n```\n\n",
    "The logs said \"connection pool exhausted, retrying\" for twenty minutes. Priya rolled back the \
     migration at 14:31 and errors stopped; the pool recovered by 14:44.\n\n",
    "## Action items\n\n- Add a lock timeout to the migration runner.\n- Retrain the on-call engineers on \
     database failover.\n- Alert on lock waits over two seconds.\n\n",
];

fn markdown(bytes: usize) -> String {
    let mut out = String::from("# Checkout API errors\n\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        i += 1;
    }
    out
}

fn document(i: usize) -> String {
    let library = Library::new(Vec::new(), None);
    let template = library.find("default").unwrap_or_else(|e| panic!("{e}"));
    let zone = "Europe/Berlin".parse().unwrap_or_else(|e: String| panic!("{e}"));
    let mut doc = template.new_document(&format!("Incident {i}: checkout errors"), &zone);
    doc.authors = vec!["Priya Raman".into()];
    for section in doc.sections.iter_mut() {
        section.text = format!("{}{}", PARAGRAPHS[i % 2], PARAGRAPHS[4]);
    }
    store::document_text(&doc).unwrap_or_else(|e| panic!("{e}"))
}

fn measure(name: &str, runs: u32, f: impl FnMut()) -> Duration {
    let times = common::timed(runs, f);
    let median = times[times.len() / 2];
    println!("{name:<40} median {:>8.1} ms   ({runs} runs)", ms(median));
    median
}

fn main() {
    let checker = Checker::builtin().unwrap_or_else(|e| panic!("{e}"));
    let people = People::new();
    let text = markdown(1 << 20);
    // The same 1 MiB as a file, for timing the whole `blameless lint` process against ripgrep
    // and proselint (docs/PERFORMANCE.md, "The checker").
    if let Some(path) = std::env::var_os("BLAMELESS_BENCH_MARKDOWN") {
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
    }
    let findings = checker.check_markdown(&text, &people).len();
    println!("1 MiB of Markdown: {} bytes, {findings} findings", text.len());
    measure("check 1 MiB of Markdown", 10, || {
        black_box(checker.check_markdown(&text, &people));
    });
    measure("check one section (2 KiB, full forms)", 200, || {
        black_box(checker.check_text(&text[..2048], Scope::Prose, &people));
    });
    // The editor's checker: its patterns compiled the quick way (mostly regex-lite).
    let editor = Checker::builtin().unwrap_or_else(|e| panic!("{e}")).with_quick_forms();
    measure("check one section (2 KiB, editor)", 200, || {
        black_box(editor.check_text(&text[..2048], Scope::Prose, &people));
    });
    // What the editor's checking thread does on opening `benches/typical.yaml`: a fresh
    // checker compiles the quick forms its sections open and searches each section (with
    // search caches made for each text and let go after it, docs/PERFORMANCE.md, issue #21).
    let typical = store::parse_document(Path::new("typical.yaml"), include_str!("typical.yaml"))
        .unwrap_or_else(|e| panic!("{e}"))
        .doc;
    measure("check typical.yaml's sections (editor, fresh)", 20, || {
        let editor = Checker::builtin().unwrap_or_else(|e| panic!("{e}")).with_quick_forms();
        for section in &typical.sections {
            black_box(editor.check_text(&section.text, Scope::Prose, &people));
        }
    });

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("postmortems");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    let samples: Vec<String> = (0..4).map(document).collect();
    for i in 0..1000 {
        std::fs::write(folder.join(format!("2026-11-{:02}-incident-{i}.yaml", i % 28 + 1)), &samples[i % 4])
            .unwrap_or_else(|e| panic!("{e}"));
    }
    println!("1,000 postmortems: {} KiB each", samples[0].len() / 1024);
    let library = Library::new(Vec::new(), None);
    measure("check a folder of 1,000 postmortems", 5, || {
        let files = lint::collect_files(std::slice::from_ref(&folder)).unwrap_or_else(|e| panic!("{e}"));
        let mut scales = std::collections::HashMap::new();
        let mut scale = |name: &str| -> Option<Vec<String>> {
            scales.entry(name.to_string()).or_insert_with(|| library.find(name).ok().map(|t| t.severity_ids())).clone()
        };
        for path in &files {
            black_box(lint::check_file(&checker, path, &mut scale, None).ok());
        }
    });
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/blameless");
    if binary.is_file() {
        measure("`blameless lint` binary on the folder", 5, || {
            let status = std::process::Command::new(&binary)
                .args(["lint", "--format", "json"])
                .current_dir(dir.path())
                .stdout(std::process::Stdio::null())
                .status();
            black_box(status.ok());
        });
    }
}
