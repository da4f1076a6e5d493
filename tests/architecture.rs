//! The house rules of the code, checked on the source: no arrow between rooms that closes a
//! cycle, nothing calls the terminal room, the terminal room's models never ask its views, and
//! no file in `src/` is over 400 lines (docs/ARCHITECTURE.md).
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Each room (a folder of `src/`) and the rooms its code names (`crate::room`).
fn arrows() -> BTreeMap<String, BTreeSet<String>> {
    let rooms: BTreeSet<String> = fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut out = BTreeMap::new();
    for room in &rooms {
        let mut paths = Vec::new();
        files(&src().join(room), &mut paths);
        let mut uses = BTreeSet::new();
        for path in paths {
            let text = fs::read_to_string(path).unwrap();
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if rooms.contains(&name) && &name != room {
                    uses.insert(name);
                }
            }
        }
        out.insert(room.clone(), uses);
    }
    out
}

fn reaches(arrows: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str, seen: &mut BTreeSet<String>) -> bool {
    if from == to {
        return true;
    }
    if !seen.insert(from.to_string()) {
        return false;
    }
    arrows.get(from).is_some_and(|next| next.iter().any(|n| reaches(arrows, n, to, seen)))
}

#[test]
fn no_arrow_between_rooms_closes_a_cycle_and_only_cli_calls_the_terminal() {
    let arrows = arrows();
    assert!(arrows.len() >= 8, "rooms found: {arrows:?}");
    for (room, uses) in &arrows {
        for other in uses {
            assert!(
                !reaches(&arrows, other, room, &mut BTreeSet::new()),
                "{room} -> {other} closes a cycle: {arrows:?}"
            );
        }
        if room != "cli" {
            assert!(!uses.contains("tui") && !uses.contains("cli"), "{room} calls {uses:?}");
        }
    }
    assert!(arrows["doc"].is_empty() && arrows["markdown"].is_empty(), "the rooms below all others: {arrows:?}");
}

#[test]
fn the_terminal_rooms_models_never_ask_its_views() {
    let mut paths = Vec::new();
    files(&src().join("tui"), &mut paths);
    let views = src().join("tui/views");
    for path in paths.iter().filter(|p| !p.starts_with(&views)) {
        let text = fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        // The runner and the terminal guard draw; everything else is a model or the app.
        if name == "runner.rs" || name == "terminal.rs" || name == "mod.rs" && path.parent() == Some(&src().join("tui"))
        {
            continue;
        }
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        assert!(!code.into_iter().any(|l| l.contains("views::")), "{} reaches into the views", path.display());
    }
}

#[test]
fn no_file_in_src_is_over_400_lines() {
    let mut paths = Vec::new();
    files(&src(), &mut paths);
    let long: Vec<String> = paths
        .iter()
        .map(|p| (p, fs::read_to_string(p).unwrap().lines().count()))
        .filter(|(_, n)| *n > 400)
        .map(|(p, n)| format!("{} ({n})", p.display()))
        .collect();
    assert!(long.is_empty(), "over 400 lines: {long:?}");
}
