//! What one keystroke costs inside the app — the update, the frame drawn as the app draws it
//! (into the buffer that holds the frame before last), the diff against the screen and the
//! bytes to write, with no terminal — for a typical document and for a huge one (5,000
//! timeline entries, 1 MB of prose).
//! Run with `cargo bench --bench tui`. The real-terminal figures (startup, echo, memory, idle)
//! come from ../shared/tools/tuimeasure and are in the README.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use blameless::doc::{Document, Moment, TimelineEntry};
use blameless::template::Library;
use blameless::tui::action::Action;
use blameless::tui::app::{App, Effect, Screen};
use blameless::tui::context::Context;
use blameless::tui::editor::Editor;
use blameless::tui::runner::dispatch;
use blameless::tui::start::Start;
use blameless::tui::terminal::Frames;
use blameless::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn document(prose_bytes: usize, timeline: usize) -> Document {
    let library = Library::new(Vec::new(), None);
    let template = library.find("default").unwrap_or_else(|e| panic!("{e}"));
    let zone = "Europe/Berlin".parse().unwrap_or_else(|e: String| panic!("{e}"));
    let mut doc = template.new_document("Checkout API returned errors for 42 minutes", &zone);
    let paragraph = "The migration held a lock on the orders table for longer than the pool timeout, so requests queued and then failed.\n\n";
    let text_sections: Vec<usize> =
        (0..doc.sections.len()).filter(|&i| doc.sections[i].kind == blameless::doc::SectionKind::Text).collect();
    let per = prose_bytes / text_sections.len().max(1);
    for i in text_sections {
        doc.sections[i].text = paragraph.repeat(per / paragraph.len() + 1);
    }
    for i in 0..timeline {
        doc.timeline.push(TimelineEntry {
            time: format!("2026-11-{:02}T{:02}:{:02}:00+01:00", 1 + i / 1440 % 28, i / 60 % 24, i % 60)
                .parse::<Moment>()
                .unwrap_or_else(|e| match e {}),
            event: format!("Event {i}: the error rate is {i} per second"),
            evidence: None,
            marker: None,
            extra: Default::default(),
        });
    }
    doc
}

/// The big document of docs/PERFORMANCE.md: one 1 MB prose section (the summary, where
/// `keystrokes` types) and 5,000 timeline entries.
fn big() -> Document {
    let mut doc = document(10_000, 5_000);
    let paragraph = big_paragraph();
    doc.sections[0].text = paragraph.repeat(1_000_000 / paragraph.len() + 1);
    doc
}

fn big_paragraph() -> &'static str {
    "The migration held a lock on the orders table for longer than the pool timeout, so requests queued and then failed.\n\n"
}

/// `doc` written to a file of a fresh temporary folder (kept alive by the folder returned).
fn written(doc: &Document) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("doc.yaml");
    let text = blameless::store::document_text(doc).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// Whether the lines named `name` are to run: all of them, or those whose name holds
/// `BLAMELESS_BENCH_ONLY` (e.g. `BLAMELESS_BENCH_ONLY=big cargo bench --bench tui`).
fn wanted(name: &str) -> bool {
    std::env::var("BLAMELESS_BENCH_ONLY").map_or(true, |only| name.contains(&only))
}

fn keystrokes(name: &str, doc: &Document, checked: bool) {
    if !wanted(name) {
        return;
    }
    let (dir, path) = written(doc);
    let library = Library::new(Vec::new(), None);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let start = Start::new(Path::new("."), &library, today);
    let mut app = App::new(Screen::Start(start), library, Context::fixed(dir.path()));
    if checked {
        let checker = blameless::lint::Checker::builtin().unwrap_or_else(|e| panic!("{e}")).with_quick_forms();
        app = app.with_checker(std::sync::Arc::new(checker));
    }
    let open = Instant::now();
    dispatch(&mut app, Action::Open(path.clone()));
    let opened = open.elapsed();
    dispatch(&mut app, Action::GoTo(1)); // the summary: a prose section
    let terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| match e {});
    let mut frames = Frames::new(terminal);
    app.update(Action::Resize(120, 40));
    let mut bytes = Vec::new();
    let mut memo = views::Memo::new();
    let mut draw = |app: &App, bytes: &mut Vec<u8>| {
        bytes.clear();
        let render = |f: &mut ratatui::Frame, holds| {
            views::render_onto(f, app, &mut memo, holds);
            memo.unchanged()
        };
        frames.draw(render, bytes).unwrap_or_else(|e| panic!("{e}"));
    };
    for _ in 0..3 {
        draw(&app, &mut bytes);
    }
    let mut times: Vec<Duration> = Vec::new();
    for i in 0..400 {
        let start = Instant::now();
        app.update(Action::Insert(if i % 7 == 0 { ' ' } else { 'x' }));
        draw(&app, &mut bytes);
        times.push(start.elapsed());
        black_box(&bytes);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<44} open {:>7.2} ms   keystroke median {:>6.3} ms  p90 {:>6.3} ms",
        ms(opened),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10])
    );
}

/// The start, in the app with no terminal: the document opened and its first frame drawn,
/// which no longer waits for the wording findings, and the findings' arrival (the checker
/// built and the document checked on its thread, started once the frame is drawn, as the
/// runner does), which the first frame used to wait for (up to 25 ms). Five runs, medians.
fn first_frame(name: &str, doc: &Document) {
    if !wanted(name) {
        return;
    }
    let (dir, path) = written(doc);
    let (mut frame, mut findings) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let start = Instant::now();
        let library = Library::new(Vec::new(), None);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let mut app = App::new(Screen::Start(Start::unused(today)), library, Context::fixed(dir.path()));
        dispatch(&mut app, Action::Open(path.clone()));
        app.update(Action::Resize(120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| match e {});
        let _ = terminal.draw(|f| views::render(f, &app));
        frame.push(start.elapsed());
        app.build_checker_in_background(|| blameless::lint::Checker::builtin().ok().map(|c| c.with_quick_forms()));
        app.wait_for_checker(Duration::from_secs(30));
        let _ = terminal.draw(|f| views::render(f, &app));
        findings.push(start.elapsed());
    }
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2].as_secs_f64() * 1000.0
    };
    println!("{name:<44} first frame {:>7.2} ms   findings shown {:>7.2} ms", median(frame), median(findings));
}

/// The wording check of every field `lint` reads (prose sections, rows, answers, the title)
/// when a document opens with the checker ready, and of the fields again after one timeline
/// row changed (what the editor does on the row's Enter).
fn fields_checked(name: &str, doc: &Document) {
    if !wanted(name) {
        return;
    }
    let (dir, path) = written(doc);
    let library = Library::new(Vec::new(), None);
    let checker = blameless::lint::Checker::builtin().unwrap_or_else(|e| panic!("{e}")).with_quick_forms();
    let checker = std::sync::Arc::new(checker);
    let (mut opens, mut rows) = (Vec::new(), Vec::new());
    for i in 0..5 {
        let open = Instant::now();
        let text = blameless::store::read_text(&path).unwrap_or_else(|e| panic!("{e}"));
        let loaded = blameless::store::parse_document(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        let recovery = dir.path().join("recovery");
        let mut e = Editor::open(&path, (loaded, &text, None), &library, &recovery, Some(checker.clone()));
        opens.push(open.elapsed());
        e.doc_mut().timeline[i].event = format!("Dave forgot to check the bucket {i}");
        let row = Instant::now();
        e.check_fields();
        rows.push(row.elapsed());
        black_box(&e.fields);
    }
    opens.sort();
    rows.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{name:<44} open, all fields checked {:>7.2} ms   one row changed {:>6.3} ms", ms(opens[2]), ms(rows[2]));
}

/// The recovery journal's cost on the thread that reads keys: taking a copy of the document
/// (turning it into text and writing it are the writer thread's). It runs once per pause in typing (250 ms),
/// at most every 700 ms while typing goes on, never per key.
fn journal(name: &str, doc: &Document) {
    split_cost(name, doc, "journal", "text made and written", |e| {
        Effect::Journal(e.journal_job(None).unwrap_or_else(|e| panic!("{e}")))
    });
}

/// The autosave's cost on the thread that reads keys (taking a copy of the document) and on
/// the writer's (turning it into text, the recovery copy, the changed-file check, the write).
fn saved(name: &str, doc: &Document) {
    split_cost(name, doc, "autosave", "text made, checked and written", |e| {
        Effect::Save(e.save_job(false, false, false))
    });
}

/// File work asked for by `job` on an editor of `doc`: the median cost of making the job (on
/// the keys' thread) and of performing it (on the writer's).
fn split_cost(name: &str, doc: &Document, what: &str, work: &str, job: impl Fn(&mut Editor) -> Effect) {
    if !wanted(&format!("{what}: {name}")) {
        return;
    }
    let (dir, path) = written(doc);
    let library = Library::new(Vec::new(), None);
    let text = blameless::store::read_text(&path).unwrap_or_else(|e| panic!("{e}"));
    let loaded = blameless::store::parse_document(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    let mut e = Editor::open(&path, (loaded, &text, None), &library, &dir.path().join("recovery"), None);
    let (mut taken, mut written) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let start = Instant::now();
        let effect = job(&mut e);
        taken.push(start.elapsed());
        let start = Instant::now();
        black_box(blameless::tui::effects::perform(effect));
        written.push(start.elapsed());
    }
    taken.sort();
    written.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<44} {what}: document taken {:>6.2} ms (keys' thread), {work} {:>6.2} ms (writer thread)",
        ms(taken[3]),
        ms(written[3])
    );
}

fn main() {
    println!(
        "document: {} KiB of YAML",
        blameless::store::document_text(&document(10_000, 40)).map(|t| t.len()).unwrap_or(0) / 1024
    );
    first_frame("start: typical (10 KB prose, 40 entries)", &document(10_000, 40));
    first_frame("start: big (one 1 MB section, 5,000 entries)", &big());
    keystrokes("typical (10 KB prose, 40 timeline entries)", &document(10_000, 40), false);
    keystrokes("huge (1 MB prose, 5,000 timeline entries)", &document(1_000_000, 5_000), false);
    keystrokes("big (one 1 MB section, 5,000 timeline entries)", &big(), false);
    // Paragraphs written as one line each (~600 characters, ten rows): the widget's window is
    // counted in rows, so it holds a tenth as many of these lines as of short ones.
    let mut long_lines = big();
    long_lines.sections[0].text = format!("{}\n\n", [big_paragraph().trim(); 5].join(" ")).repeat(1_000_000 / 600);
    keystrokes("big, a 600-character line per paragraph", &long_lines, false);
    // The same with the checker, and a finding in every paragraph: thousands under the text.
    let mut blamed = big();
    blamed.sections[0].text =
        "Dave forgot to check the pool timeout; human error, he should have known.\n\n".repeat(14_000);
    keystrokes("big, 40,000 findings in the section", &blamed, true);
    fields_checked("typical, checked", &document(10_000, 40));
    fields_checked("huge, checked", &document(1_000_000, 5_000));
    journal("typical", &document(10_000, 40));
    journal("huge", &document(1_000_000, 5_000));
    saved("typical", &document(10_000, 40));
    saved("big", &big());
}
