//! The real binary in a pseudo-terminal, read through a VT emulator: what a user at a
//! terminal would see and get. Waits for screen text, never fixed sleeps.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

struct Term {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the child's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

const ROWS: u16 = 30;
const COLS: u16 = 100;

impl Term {
    fn spawn(dir: &Path, args: &[&str]) -> Term {
        Term::spawn_with(dir, args, &[])
    }

    fn spawn_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
        let pair =
            native_pty_system().openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_blameless"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("BLAMELESS_CONFIG_DIR", dir.join(".config"));
        cmd.env("BLAMELESS_DATA_DIR", dir.join(".data"));
        cmd.env("BLAMELESS_NOW", "2026-11-24T13:30:00Z");
        cmd.env("TZ", "Europe/Berlin");
        cmd.env("NO_COLOR", "1");
        cmd.env("RUST_BACKTRACE", "0");
        for (k, v) in env {
            // An empty value removes the variable.
            if v.is_empty() { cmd.env_remove(k) } else { cmd.env(k, v) }
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(ROWS).unwrap(),
            std::num::NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Term { screen, writer, child, _master: pair.master }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (up to 20 s, for a loaded machine).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let shown = self.contents();
            if shown.contains(text) {
                return shown;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {text:?}; screen:\n{shown}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let shown = self.contents();
            if done(&shown) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}; screen:\n{shown}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows one of `texts`; returns the screen.
    fn wait_until_any(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let shown = self.contents();
            if texts.iter().any(|t| shown.contains(t)) {
                return shown;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {texts:?}; screen:\n{shown}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types text one key at a time, as a person would.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
        }
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "the app did not exit; screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

const CTRL_S: &str = "\x13";
const CTRL_Q: &str = "\x11";
const ALT_N: &str = "\x1bn";

/// After Ctrl-Q: answers "save" if the unsaved-changes question comes, then waits for exit.
fn quit_saving(t: &mut Term) {
    let start = Instant::now();
    loop {
        if let Some(status) = t.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            return;
        }
        if t.contents().contains("Unsaved changes") {
            t.send("s");
            assert!(t.wait_exit().success());
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no exit, no question:\n{}", t.contents());
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn only_yaml(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("postmortems");
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn new_type_into_two_sections_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--template", "default", "--title", "Checkout API errors"]);
    t.wait_for("Summary (required)");
    t.type_text("Checkout requests failed for 42 minutes.");
    t.wait_for("failed for 42 minutes.");
    t.send(ALT_N); // to Impact (a form)
    t.wait_for("Users affected");
    t.type_text("about 12% of checkouts");
    t.wait_for("about 12% of checkouts");
    t.send(ALT_N); // Timeline
    t.send(ALT_N); // Detection and response
    t.wait_for("Detection and response (optional)");
    t.type_text("An error-rate alert paged the on-call.");
    t.wait_for("paged the on-call.");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    let status = t.wait_exit();
    assert!(status.success(), "{status:?}");
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    assert!(yaml.contains("    text: Checkout requests failed for 42 minutes.\n"), "{yaml}");
    assert!(yaml.contains("        value: about 12% of checkouts\n"), "{yaml}");
    assert!(yaml.contains("    text: An error-rate alert paged the on-call.\n"), "{yaml}");
    assert!(!dir.path().join(".data/recovery").read_dir().map(|mut d| d.next().is_some()).unwrap_or(false));
}

#[test]
fn killed_mid_typing_then_restored_on_the_next_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Queue backlog"]);
    t.wait_for("Summary (required)");
    t.type_text("Words typed before the kill.");
    t.wait_for("before the kill.");
    // The autosave tick writes the recovery copy and the file; wait for it, keep typing, kill.
    t.wait_for(" saved ");
    t.type_text(" More");
    t.wait_for("More");
    let pid = t.child.process_id().unwrap();
    let killed = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    let _ = t.wait_exit();
    drop(t);
    let path = only_yaml(dir.path());
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk.contains("Words typed before the kill."),
        "everything before the last autosave is on disk:\n{on_disk}"
    );
    blameless::store::load_document(&path).expect("the file on disk always parses");

    // Simulate an autosave tick that reached only the recovery copy (the file was kept
    // unchanged, as in a conflict), then reopen: the app offers the copy.
    let copy = on_disk.replace("Words typed before the kill.", "Words typed before the kill. And after.");
    blameless::store::recovery::write_recovery(&dir.path().join(".data/recovery"), &path, &copy).unwrap();
    let mut t = Term::spawn(dir.path(), &["edit", path.to_str().unwrap()]);
    let shown = t.wait_for("Recover unsaved work?");
    assert!(shown.contains("Summary: 2 more words"), "{shown}");
    t.send("r");
    t.wait_for("Restored the recovered text");
    t.send(CTRL_Q);
    // Right after a restore the text is not saved yet, so quitting asks (unless the autosave
    // came first on a slow machine): save and quit.
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(&path).unwrap().contains("And after."));
}

#[test]
fn resize_to_tiny_and_back_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Resize"]);
    t.wait_for("Summary (required)");
    t.type_text("Kept through resizes.");
    t.wait_for("Kept through resizes.");
    for (rows, cols) in [(5u16, 20u16), (3, 10), (24, 80), (40, 120)] {
        // The emulator takes the new size first, so every frame drawn for it is read at it.
        t.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(std::num::NonZeroU16::new(rows).unwrap(), std::num::NonZeroU16::new(cols).unwrap());
        t._master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        if rows >= 5 && cols >= 20 {
            t.wait_for(if cols >= 80 { "Kept through resizes." } else { "" });
        }
    }
    // Wait for the frame drawn for 120 columns (guidance beside the text), not an old one.
    t.wait_until("the 120-column layout", |screen| {
        screen.contains("Kept through resizes.")
            && screen.lines().nth(1).is_some_and(|l| l.contains("Summary (required)") && l.contains("Guidance"))
    });
    t.send(CTRL_Q);
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(only_yaml(dir.path())).unwrap().contains("Kept through resizes."));
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Restore"]);
    t.wait_for("Summary (required)");
    assert!(t.screen.lock().unwrap().screen().alternate_screen(), "the app draws on the alternate screen");
    t.send(CTRL_Q);
    assert!(t.wait_exit().success());
    let screen = t.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen(), "back on the main screen");
    assert!(!screen.screen().hide_cursor(), "cursor visible again");
}

#[test]
fn a_crash_restores_the_terminal_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn_with(dir.path(), &["new", "--title", "Crash"], &[("BLAMELESS_TEST_PANIC", "1")]);
    t.wait_for("Summary (required)");
    t.type_text("Not lost in a crash.");
    t.wait_for("Not lost in a crash.");
    t.send("\x1b[24~"); // F12
    let status = t.wait_exit();
    assert!(!status.success());
    let shown = t.wait_for("Your text is safe in");
    assert!(shown.contains("deliberate crash"), "the panic message is readable:\n{shown}");
    assert!(!t.screen.lock().unwrap().screen().alternate_screen(), "terminal restored");
    let recovery = dir.path().join(".data/recovery");
    let copy = std::fs::read_dir(&recovery).unwrap().next().unwrap().unwrap().path();
    assert!(std::fs::read_to_string(copy).unwrap().contains("Not lost in a crash."));
    // The next edit offers it.
    let path = only_yaml(dir.path());
    let mut t = Term::spawn(dir.path(), &["edit", path.to_str().unwrap()]);
    t.wait_for("Recover unsaved work?");
    t.send("r");
    t.wait_for("Restored the recovered text");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Not lost in a crash."));
}

#[test]
fn ctrl_e_edits_the_section_in_the_users_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn_with(
        dir.path(),
        &["new", "--title", "Editor"],
        &[("EDITOR", "sed -i s/draft/final/"), ("VISUAL", "")],
    );
    t.wait_for("Summary (required)");
    t.type_text("These are draft words.");
    t.wait_for("draft words.");
    t.send("\x05"); // Ctrl-E
    t.wait_for("These are final words.");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    assert!(yaml.contains("text: These are final words.\n"), "{yaml}");
}

#[test]
fn no_color_means_no_colour_and_colour_otherwise() {
    let has_colour = |t: &Term| {
        let parser = t.screen.lock().unwrap();
        let screen = parser.screen();
        (0..ROWS).any(|r| {
            (0..COLS).any(|c| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let mut plain = Term::spawn(dir.path(), &["new", "--title", "Plain"]); // NO_COLOR=1
    plain.wait_for("Summary (required)");
    plain.wait_for("✓ Details");
    assert!(!has_colour(&plain), "NO_COLOR is set, yet something is coloured:\n{}", plain.contents());
    // Selected text is shown reversed, not coloured.
    plain.send("selected words");
    plain.wait_for("selected words");
    plain.send(&"\x1b[1;2D".repeat(5)); // Shift-Left x5
    plain.wait_until("five selected cells", |_| {
        let parser = plain.screen.lock().unwrap();
        let screen = parser.screen();
        (0..ROWS).any(|r| (0..COLS).filter(|&c| screen.cell(r, c).is_some_and(|cell| cell.inverse())).count() >= 5)
    });
    assert!(!has_colour(&plain), "NO_COLOR is set, yet the selection is coloured:\n{}", plain.contents());
    plain.send(CTRL_Q);
    quit_saving(&mut plain);
    let dir = tempfile::tempdir().unwrap();
    let coloured = Term::spawn_with(dir.path(), &["new", "--title", "Colour"], &[("NO_COLOR", "")]);
    coloured.wait_for("✓ Details");
    assert!(has_colour(&coloured), "without NO_COLOR the marks are coloured");
}

#[test]
fn a_bracketed_paste_of_ten_thousand_lines_arrives_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Paste"]);
    t.wait_for("Summary (required)");
    let lines: String = (0..10_000).map(|i| format!("log line {i}\n")).collect();
    let start = Instant::now();
    t.send(&format!("\x1b[200~{lines}\x1b[201~"));
    t.wait_for("log line 9999");
    let took = start.elapsed();
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    for i in [0, 1, 4_999, 9_998, 9_999] {
        assert!(yaml.contains(&format!("      log line {i}\n")), "line {i} missing");
    }
    assert_eq!(yaml.matches("log line ").count(), 10_000);
    eprintln!("10,000-line paste on screen after {took:?}");
}

#[test]
fn four_timeline_rows_with_markers_show_the_numbers_and_land_in_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(dir.path(), &["new", "--title", "Timeline"]);
    t.wait_for("Summary (required)");
    t.send(ALT_N);
    t.send(ALT_N);
    t.wait_for("Timeline (required)");
    // Each row: add, time, Tab, event, Enter; then → to the marker column and Space.
    let rows = [
        ("14:02", "Migration starts"),
        ("+7m", "Alert pages the on-call"),
        ("14:31", "Migration cancelled"),
        ("14:44", "Pool restored"),
    ];
    for (n, (time, event)) in rows.iter().enumerate() {
        t.send("a");
        t.type_text(time);
        t.send("\t");
        t.type_text(event);
        t.send("\r");
        t.wait_for(&event[..event.len().min(14)]);
        t.send("\x1b[C\x1b[C\x1b[C"); // → → → to Marks
        for _ in 0..1 {
            t.send(" ");
        }
        t.wait_for(["started", "detected", "mitigated", "resolved"][n]);
        t.send("\x1b[D\x1b[D\x1b[D"); // back to the first column
    }
    t.wait_for("Time to detect 7m · to mitigate 22m · to resolve 35m · total impact 29m");
    t.send(CTRL_S);
    t.wait_for(" saved ");
    t.send(CTRL_Q);
    quit_saving(&mut t);
    let yaml = std::fs::read_to_string(only_yaml(dir.path())).unwrap();
    for (time, marker) in [("14:02", "started"), ("14:09", "detected"), ("14:31", "mitigated"), ("14:44", "resolved")] {
        assert!(
            yaml.contains(&format!("  {marker}: \"2026-11-24T{time}:00+01:00\"\n")),
            "times.{marker} missing:\n{yaml}"
        );
        assert!(
            yaml.contains(&format!("  - time: \"2026-11-24T{time}:00+01:00\""))
                && yaml.contains(&format!("    marker: {marker}\n")),
            "timeline row {time} missing:\n{yaml}"
        );
    }
}

#[test]
fn a_second_editor_on_the_same_file_is_told_and_a_stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Term::spawn(dir.path(), &["new", "--title", "Locked"]);
    first.wait_for("Summary (required)");
    let path = only_yaml(dir.path());
    let file = path.to_str().unwrap().to_string();
    let mut second = Term::spawn(dir.path(), &["edit", &file]);
    // Wait for the whole dialog: the title can be on screen before the line naming the holder.
    let shown = second.wait_for(&format!("(process {})", first.child.process_id().unwrap()));
    assert!(shown.contains("Already open"), "{shown}");
    second.send("q");
    assert!(second.wait_exit().success());
    // The first editor crashes: its lock is stale, and the next editor takes it over.
    let pid = first.child.process_id().unwrap();
    assert!(std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap().success());
    let _ = first.wait_exit();
    let third = Term::spawn(dir.path(), &["edit", &file]);
    let shown = third.wait_for("Took over the lock");
    assert!(!shown.contains("Already open"), "{shown}");
}

/// A small deterministic random source, so a failing round can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn kill_9_at_random_moments_never_loses_what_was_autosaved() {
    let dir = tempfile::tempdir().unwrap();
    let rounds: usize = std::env::var("BLAMELESS_KILL_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(100);
    let mut rng = Lcg(0x5eed);
    let path = {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_blameless"))
            .args(["new", "--no-edit", "--title", "Kill loop"])
            .current_dir(dir.path())
            .env("BLAMELESS_NOW", "2026-11-24T13:30:00Z")
            .output()
            .unwrap();
        assert!(out.status.success());
        only_yaml(dir.path())
    };
    let file = path.to_str().unwrap().to_string();
    let env = [("BLAMELESS_AUTOSAVE_MS", "150")];
    let mut saved_words: Vec<String> = Vec::new();
    for round in 0..rounds {
        let mut t = Term::spawn_with(dir.path(), &["edit", &file], &env);
        // A crash in the round before may have left a recovery copy: take it, as a user would.
        let first = t.wait_until_any(&["Recover unsaved work?", "(required)", "(optional)", "Finish"]);
        if first.contains("Recover unsaved work?") {
            t.send("r");
            t.wait_for("Restored the recovered text");
        }
        // To the section list (waiting, so Esc is not read as Alt with the next key), then
        // open the summary, the second row, and go to the end of its text.
        t.send("\x1b");
        t.wait_for("Enter Open");
        t.send(&"k".repeat(20));
        t.send("j\r");
        t.wait_for("Esc Sections");
        t.send("\x1b[1;5F"); // Ctrl-End
        let word = format!(" w{round}");
        t.type_text(&word);
        // Wait for the autosave tick to put it on disk: from then on it must survive.
        let start = Instant::now();
        while !std::fs::read_to_string(&path).unwrap_or_default().contains(&format!("w{round}")) {
            assert!(start.elapsed() < Duration::from_secs(20), "round {round}: never autosaved:\n{}", t.contents());
            std::thread::sleep(Duration::from_millis(10));
        }
        saved_words.push(word.trim().to_string());
        // More typing, killed at a random moment: before, during or after the next tick.
        t.type_text(&format!(" x{round}"));
        std::thread::sleep(Duration::from_millis(rng.next(300)));
        let pid = t.child.process_id().unwrap();
        let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
        let _ = t.wait_exit();
        drop(t);
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = blameless::store::parse_document(&path, &text)
            .unwrap_or_else(|e| panic!("round {round}: the file does not parse: {e}\n{text}"));
        let summary = &doc.doc.sections[0].text;
        assert!(!summary.contains("kk"), "round {round}: keys meant for the section list were typed:\n{summary}");
        for w in &saved_words {
            assert!(summary.contains(w.as_str()), "round {round}: {w} was autosaved and is gone:\n{summary}");
        }
        if let Some((_, copy)) = blameless::store::recovery::read_recovery(&dir.path().join(".data/recovery"), &path) {
            let copy = blameless::store::parse_document(&path, &copy)
                .unwrap_or_else(|e| panic!("round {round}: recovery copy broken: {e}"));
            for w in &saved_words {
                assert!(copy.doc.sections[0].text.contains(w.as_str()), "round {round}: the recovery copy lost {w}");
            }
        }
    }
}
