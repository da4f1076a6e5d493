//! The library's index in the cache folder: what the user sees through it is always what the
//! files say. A changed, added, removed or renamed file is seen at once; a damaged, foreign or
//! unwritable index reads as none; a file rewritten with its old size and modification time is
//! still seen as changed; and the search through the index finds what a plain scan finds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

mod common;

use blameless::library::{self, Catalog, Entry, Filter, Finder, report};
use blameless::tui::app::Screen;
use blameless::tui::start::Start;
use common::screen;
use common::tui::*;
use proptest::prelude::*;

fn doc(title: &str, text: &str) -> String {
    format!(
        "schema: 2\ntitle: {title:?}\nstatus: draft\nseverity: SEV2\ntemplate:\n  name: default\n  version: 1\n\
         timezone: UTC\ntags: [db]\ntimes:\n  started: 2026-03-04T09:00:00Z\n\
         sections:\n  - id: summary\n    title: Summary\n    kind: text\n    text: {text:?}\n\
         actions:\n  - title: Add a lock timeout\n    owner: platform\n    due: 2026-04-01\n    status: open\n"
    )
}

/// Twelve postmortems in two folders, a team file and a broken one.
fn library_in(root: &Path) {
    for i in 0..12 {
        let folder = root.join(if i % 2 == 0 { "2026" } else { "2026/03" });
        fs::create_dir_all(&folder).unwrap();
        let text = format!("The replica lag alarm fired {i} times; checkout timeouts followed.");
        fs::write(folder.join(format!("2026-03-{:02}-incident-{i}.yaml", i + 1)), doc(&format!("Incident {i}"), &text))
            .unwrap();
    }
    fs::write(root.join("team.yaml"), "name: payments\n").unwrap();
    fs::write(root.join("2026/broken.yaml"), "schema: 2\ntitle: [unclosed\n").unwrap();
}

/// What `list`, `list --search` and `actions` would show, as text.
fn listing(catalog: &Catalog) -> String {
    let mut all = catalog.matching(&Filter::default());
    all.sort_by_key(|e| std::cmp::Reverse(e.date()));
    let search = Filter { search: Some("replica 1".into()), ..Filter::default() };
    let found: Vec<String> = catalog.matching(&search).iter().map(|e| e.path().display().to_string()).collect();
    let now = "2026-04-02T12:00:00Z".parse().unwrap();
    let actions = library::action_items(catalog.entries.iter().filter_map(Entry::summary), now);
    let errors: Vec<String> = catalog.entries.iter().filter_map(Entry::error_line).collect();
    format!("{}\n{found:?}\n{}\n{errors:?}", report::list_table(&all), report::actions_table(&actions, now))
}

fn read(root: &Path, cache: Option<&Path>) -> Catalog {
    library::read(root, cache).unwrap()
}

fn index_file(cache: &Path) -> PathBuf {
    let folder = cache.join("library");
    fs::read_dir(&folder).unwrap().next().unwrap().unwrap().path()
}

#[test]
fn a_changed_added_removed_or_renamed_file_is_seen_at_once() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root = dir.path();
    library_in(root);
    let first = read(root, Some(cache.path()));
    assert_eq!(first.from_index, 0, "no index yet");
    let again = read(root, Some(cache.path()));
    assert_eq!(again.from_index, 13, "twelve postmortems and the team file from the index");
    assert_eq!(listing(&again), listing(&read(root, None)));

    let changed = root.join("2026/2026-03-01-incident-0.yaml");
    fs::write(&changed, doc("Incident 0, renamed by the review", "No replica here.")).unwrap();
    fs::write(root.join("2026/2026-03-20-new.yaml"), doc("A new one", "replica 1")).unwrap();
    fs::remove_file(root.join("2026/03/2026-03-02-incident-1.yaml")).unwrap();
    fs::rename(root.join("2026/2026-03-03-incident-2.yaml"), root.join("2026/2026-03-03-moved.yaml")).unwrap();
    let after = read(root, Some(cache.path()));
    assert_eq!(after.from_index, 10, "only what changed is read again");
    let shown = listing(&after);
    assert_eq!(shown, listing(&read(root, None)));
    assert!(shown.contains("Incident 0, renamed by the review") && shown.contains("A new one"), "{shown}");
    let names: Vec<String> =
        after.entries.iter().map(|e| e.path().file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with("incident-1.yaml") || n.ends_with("incident-2.yaml")), "{names:?}");
    assert!(names.contains(&"2026-03-03-moved.yaml".to_string()), "{names:?}");
    let moved = after.entries.iter().find(|e| e.path().ends_with("2026-03-03-moved.yaml")).unwrap();
    assert_eq!(moved.summary().unwrap().title, "Incident 2");
    assert_eq!(read(root, Some(cache.path())).from_index, 13, "and the index holds the changes");
}

#[test]
fn a_damaged_foreign_or_unwritable_index_gives_what_no_index_gives() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root = dir.path();
    library_in(root);
    let plain = listing(&read(root, None));
    read(root, Some(cache.path()));
    let file = index_file(cache.path());
    let whole = fs::read(&file).unwrap();
    let version = String::from_utf8_lossy(&whole).find(env!("CARGO_PKG_VERSION")).unwrap();
    let mut damages: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", whole[..whole.len() * 2 / 3].to_vec()),
        ("empty", Vec::new()),
        ("not an index", b"hello".to_vec()),
    ];
    let mut corrupt = whole.clone();
    corrupt[whole.len() / 2] ^= 0x41;
    damages.push(("a byte changed", corrupt));
    let mut foreign = whole.clone();
    foreign[version] = b'9';
    damages.push(("another version", foreign));
    for (what, bytes) in damages {
        fs::write(&file, &bytes).unwrap();
        let catalog = read(root, Some(cache.path()));
        assert_eq!(catalog.from_index, 0, "{what}: not trusted");
        assert_eq!(listing(&catalog), plain, "{what}");
        let rebuilt = read(root, Some(cache.path()));
        assert_eq!((rebuilt.from_index, listing(&rebuilt)), (13, plain.clone()), "{what}: rebuilt");
    }
    // A cache folder that cannot be made (a file is in its way): read as if there were none.
    let blocked = cache.path().join("blocked");
    fs::write(&blocked, "a file").unwrap();
    for _ in 0..2 {
        let catalog = read(root, Some(&blocked));
        assert_eq!((catalog.from_index, listing(&catalog)), (0, plain.clone()));
    }
    // The commands say nothing about it either.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(["list", "--format", "csv"])
        .arg(root)
        .env("BLAMELESS_CACHE_DIR", &blocked)
        .output()
        .unwrap();
    let quiet = std::process::Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(["list", "--format", "csv"])
        .arg(root)
        .env("BLAMELESS_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    assert_eq!((run.status.code(), &run.stdout, &run.stderr), (quiet.status.code(), &quiet.stdout, &quiet.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("Incident 11"));
}

/// `blameless list` prints the same whatever the index: none yet (every file read on every
/// core, the index written while the list is printed), one to read, or none at all; in every
/// format, and searching (for a word of one document only, among more distinct words than most
/// documents have).
#[test]
fn list_prints_the_same_with_a_cold_a_warm_or_no_index() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root = dir.path();
    library_in(root);
    let many: String = (0..3000).map(|i| format!("w{i}x ")).collect();
    fs::write(root.join("2026/2026-03-30-wordy.yaml"), doc("A wordy one", &many)).unwrap();
    let blocked = cache.path().join("blocked");
    fs::write(&blocked, "a file").unwrap();
    let fresh = cache.path().join("fresh");
    let list = |args: &[&str], cache: &Path| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_blameless"))
            .arg("list")
            .args(args)
            .arg(root)
            .env("BLAMELESS_CACHE_DIR", cache)
            .output()
            .unwrap();
        (
            run.status.code(),
            String::from_utf8_lossy(&run.stdout).into_owned(),
            String::from_utf8_lossy(&run.stderr).into_owned(),
        )
    };
    let searches: [&[&str]; 6] = [
        &[],
        &["--format", "json"],
        &["--format", "csv"],
        &["--search", "replica 1"],
        &["--search", "w2999x"],
        &["--search", "W17X w2500"],
    ];
    for args in searches {
        let _ = fs::remove_dir_all(&fresh);
        let cold = list(args, &fresh);
        assert!(fresh.join("library").read_dir().unwrap().count() == 1, "{args:?}: the index is written");
        let warm = list(args, &fresh);
        let none = list(args, &blocked);
        assert_eq!(cold, none, "{args:?}: cold");
        assert_eq!(warm, none, "{args:?}: warm");
    }
    assert!(list(&["--search", "w2999x"], &fresh).1.contains("A wordy one"));
    assert!(!list(&["--search", "w3000x"], &fresh).1.contains("A wordy one"));
    assert!(list(&[], &fresh).1.contains("Incident 11"));
}

/// Rewrites `path` with `text` (of the same size) and puts its modification time back.
fn rewrite_keeping_size_and_time(path: &Path, text: &str) {
    let before = fs::metadata(path).unwrap();
    assert_eq!(before.len() as usize, text.len(), "the same size");
    fs::write(path, text).unwrap();
    fs::File::options().write(true).open(path).unwrap().set_modified(before.modified().unwrap()).unwrap();
    assert_eq!(
        (fs::metadata(path).unwrap().modified().unwrap(), fs::metadata(path).unwrap().len()),
        (before.modified().unwrap(), before.len())
    );
}

/// The index is never trusted over the file. A file changed just now (within the two seconds
/// a coarse file-system clock may not tell apart) has its content compared as well as its key;
/// an older one, by its key, whose change time (which cannot be put back by hand) and inode
/// show a rewrite that kept the size and the modification time.
#[test]
fn a_file_rewritten_with_its_old_size_and_time_is_read_again() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root = dir.path();
    library_in(root);
    let path = root.join("2026/2026-03-01-incident-0.yaml");
    read(root, Some(cache.path()));
    rewrite_keeping_size_and_time(&path, &fs::read_to_string(&path).unwrap().replace("Incident 0", "Incident X"));
    let catalog = read(root, Some(cache.path()));
    assert!(listing(&catalog).contains("Incident X"), "a racy file: its content is compared");
    assert_eq!(catalog.from_index, 12);

    // Settled: read again more than two seconds after the last change, the index trusts keys.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_eq!(read(root, Some(cache.path())).from_index, 13);
    rewrite_keeping_size_and_time(&path, &fs::read_to_string(&path).unwrap().replace("Incident X", "Incident Y"));
    let catalog = read(root, Some(cache.path()));
    assert!(listing(&catalog).contains("Incident Y"), "a settled file: its change time shows the rewrite");
    assert_eq!(catalog.from_index, 12);
    assert_eq!(listing(&catalog), listing(&read(root, None)));
}

/// The plain scan a search must agree with: each word of the query (any case) is part of a
/// word of the title or the text, words being runs of letters and digits.
fn plain_scan(docs: &[(String, String)], query: &str) -> Vec<String> {
    let split = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let terms = split(query);
    let mut found: Vec<String> = docs
        .iter()
        .filter(|(title, text)| {
            let words = split(&format!("{title} {text} SEV2 db Add a lock timeout"));
            terms.iter().all(|t| words.iter().any(|w| w.contains(t.as_str())))
        })
        .map(|(title, _)| title.clone())
        .collect();
    found.sort();
    found
}

fn titles(entries: &[&Entry]) -> Vec<String> {
    let mut t: Vec<String> = entries.iter().filter_map(|e| e.summary()).map(|s| s.title.clone()).collect();
    t.sort();
    t
}

const SYLLABLES: [&str; 10] = ["re", "pli", "ca", "lag", "time", "out", "db", "4", "Ü", "-"];

fn phrase(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((0..SYLLABLES.len(), prop::bool::ANY), 1..max).prop_map(|parts| {
        parts.into_iter().map(|(s, space)| format!("{}{}", SYLLABLES[s], if space { " " } else { "" })).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// On a generated library, the search through the index (cold and warm, and typed one
    /// character at a time into the finder) finds exactly what the plain scan finds.
    #[test]
    fn the_search_finds_what_a_plain_scan_finds(
        texts in prop::collection::vec(phrase(12), 1..24),
        queries in prop::collection::vec(phrase(4), 1..6),
    ) {
        let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let docs: Vec<(String, String)> =
            texts.iter().enumerate().map(|(i, t)| (format!("Doc{i:02}"), t.clone())).collect();
        for (title, text) in &docs {
            fs::write(dir.path().join(format!("{title}.yaml")), doc(title, text)).unwrap();
        }
        let cold = read(dir.path(), Some(cache.path()));
        let warm = read(dir.path(), Some(cache.path()));
        prop_assert_eq!(warm.from_index, docs.len());
        let words = std::sync::Arc::new(std::mem::take(&mut read(dir.path(), None).words));
        let plain = read(dir.path(), None);
        let mut finder = Finder::new(words);
        for query in &queries {
            let want = plain_scan(&docs, query);
            let filter = Filter { search: Some(query.clone()), ..Filter::default() };
            prop_assert_eq!(&titles(&cold.matching(&filter)), &want, "cold, {:?}", query);
            prop_assert_eq!(&titles(&warm.matching(&filter)), &want, "warm, {:?}", query);
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                finder.ask(&typed);
                finder.wait();
                let found: Vec<&Entry> = finder.found().iter().map(|&i| &plain.entries[i]).collect();
                prop_assert_eq!(titles(&found), plain_scan(&docs, &typed), "typed {:?}", &typed);
            }
            // Erasing back to nothing widens it again.
            finder.ask("");
            prop_assert_eq!(finder.found().len(), docs.len());
        }
    }
}

/// The start screen, drawn: the list as soon as the index is read, narrowed as a query is
/// typed, widened as it is erased, and the count of what matches.
#[test]
fn the_start_screen_filters_as_you_type() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    library_in(dir.path());
    fs::write(dir.path().join("2026/2026-03-30-db.yaml"), doc("Checkout database failover", "Primary lost.")).unwrap();
    library::read(dir.path(), Some(cache.path())).unwrap();
    let mut start = Start::with_cache(dir.path(), &library(), today(), Some(cache.path().to_path_buf()));
    start.wait_loaded();
    start.folder = PathBuf::from("postmortems");
    let mut app = app_in(dir.path(), Screen::Start(start));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("14 of 14 in postmortems/"), "{shown}");
    assert!(shown.contains("Incident 11") && shown.contains("Checkout database failover"), "{shown}");
    let type_text = |app: &mut blameless::tui::app::App, text: &str| {
        for c in text.chars() {
            app.update(blameless::tui::action::Action::Insert(c));
        }
    };
    type_text(&mut app, "fail");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Filter: fail"), "{shown}");
    assert!(shown.contains("1 of 14") && shown.contains("Checkout database failover"), "{shown}");
    assert!(!shown.contains("Incident 11"), "{shown}");
    type_text(&mut app, "over zzz");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("0 of 14") && shown.contains("Nothing matches the filter."), "{shown}");
    for _ in 0..4 {
        app.update(blameless::tui::action::Action::Text(blameless::tui::action::TextOp::Backspace));
    }
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Filter: failover") && shown.contains("1 of 14"), "erased back: {shown}");
    app.update(blameless::tui::action::Action::Back);
    assert!(screen(&mut app, 100, 30).contains("14 of 14"), "cleared");
    type_text(&mut app, "TIMEOUTS 11");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("1 of 14") && shown.contains("Incident 11"), "{shown}");
    assert!(!shown.contains("Incident 10") && !shown.contains("failover"), "{shown}");
}

/// A file rewritten in place (same size, same inode) right after it was read is seen. On a
/// file system whose clock is coarse the rewrite can keep the whole key (size, times, inode)
/// and only the content (compared while a file is younger than two seconds) tells; on Linux
/// 6.13 and later the change time after a look is always a new one, so the key tells (this
/// machine: no try kept its key). Tried up to 300 times; every try must show the new text.
#[test]
fn a_rewrite_within_the_same_clock_tick_is_seen_by_its_content() {
    let (dir, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = dir.path().join("2026-03-01-a.yaml");
    let mut same_key = 0;
    for n in 0..300 {
        let (old, new) = (format!("Title {:03}a", n % 1000), format!("Title {:03}b", n % 1000));
        fs::write(&path, doc(&old, "text")).unwrap();
        read(dir.path(), Some(cache.path()));
        let before = blameless::store::cache::FileKey::of(&fs::metadata(&path).unwrap());
        fs::OpenOptions::new().write(true).open(&path).unwrap().write_all(doc(&new, "text").as_bytes()).unwrap();
        let after = blameless::store::cache::FileKey::of(&fs::metadata(&path).unwrap());
        let catalog = read(dir.path(), Some(cache.path()));
        assert_eq!(catalog.entries[0].summary().unwrap().title, new, "try {n}");
        if before == after {
            same_key += 1;
            if same_key >= 3 {
                break;
            }
        }
    }
    eprintln!("rewrites with the same key: {same_key}");
}
