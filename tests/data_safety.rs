//! Nothing typed is lost, whatever stops the editor: `kill -9` at any moment (the recovery
//! journal), a hang-up, terminate or interrupt (caught: the words are saved and the terminal
//! restored), a closed terminal, and two editors of one file crashing and quitting. The real
//! binary in a pseudo-terminal, the files on disk checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
use pty::*;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use blameless::store::recovery;

/// No autosave in these tests (ten minutes away): only the journal and the signals keep words.
const NO_AUTOSAVE: (&str, &str) = ("BLAMELESS_AUTOSAVE_MS", "600000");

fn new_document(dir: &Path, title: &str) -> PathBuf {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(["new", "--no-edit", "--title", title])
        .current_dir(dir)
        .env("BLAMELESS_NOW", "2026-11-24T13:30:00Z")
        .env("BLAMELESS_DATA_DIR", dir.join(".data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    only_yaml(dir)
}

fn recovery_dir(dir: &Path) -> PathBuf {
    dir.join(".data/recovery")
}

/// Opens `file`, restoring every copy offered (a copy whose file changed since is kept as
/// `NAME.mine.yaml`, as a user would choose), and goes to the end of the summary's text.
/// Returns the editor and how many restores asked about a changed file.
fn open_at_summary(dir: &Path, file: &str) -> (Term, usize) {
    let mut t = Term::spawn_with(dir, &["edit", file], &[NO_AUTOSAVE]);
    let mut conflicts = 0;
    let settled = |s: &str| {
        s.contains("Recover unsaved work?")
            || s.contains("The file changed on disk")
            || (s.contains(" saved ") && !s.contains("not saved"))
    };
    loop {
        let shown =
            t.wait_until_any(&["Recover unsaved work?", "The file changed on disk", "Enter Edit", "Esc Sections"]);
        if shown.contains("Recover unsaved work?") {
            t.send("r");
            t.wait_until("the restore", |s| !s.contains("Recover unsaved work?") || s.contains("Restored"));
            // The restore is saved at once: wait for that (or the next question).
            t.wait_until("the restored text saved", settled);
        } else if shown.contains("The file changed on disk") {
            conflicts += 1;
            t.send("c");
            t.wait_until("the copy saved", |s| s.contains("Your version is in") || s.contains("Recover unsaved work?"));
        } else {
            break;
        }
    }
    // The section list (waiting, so Esc is not read as Alt with the next key), the summary
    // (the second row), the end of its text.
    t.send("\x1b");
    t.wait_for("Enter Open");
    t.send(&"k".repeat(20));
    t.send("j\r");
    t.wait_for("Esc Sections");
    t.send("\x1b[1;5F"); // Ctrl-End
    (t, conflicts)
}

/// Everything the words could be in after a crash: the file and every copy left behind.
fn kept_text(dir: &Path, path: &Path) -> String {
    let mut all = String::new();
    // The file, and any "mine" copy beside it.
    for entry in std::fs::read_dir(path.parent().unwrap()).unwrap().flatten() {
        all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    for copy in recovery::left_behind(&recovery_dir(dir), path) {
        blameless::store::parse_document(path, &copy.text)
            .unwrap_or_else(|e| panic!("a recovery copy does not parse: {e}\n{}", copy.text));
        all.push_str(&copy.text);
    }
    all
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

/// `kill -9` at random moments while typing (no autosave at all): every word on the screen
/// more than a second before the kill is in the file or a recovery copy, and the next open
/// offers it. `BLAMELESS_KILL_ROUNDS=100` for the long run; 10 by default.
#[test]
fn kill_9_while_typing_loses_at_most_the_last_second() {
    let dir = tempfile::tempdir().unwrap();
    let rounds: usize = std::env::var("BLAMELESS_KILL_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(10);
    let path = new_document(dir.path(), "Kill loop");
    let file = path.to_str().unwrap().to_string();
    let mut rng = Lcg(0x5eed);
    let mut must_keep: Vec<String> = Vec::new();
    let mut conflicts = 0;
    for round in 0..rounds {
        let (mut t, asked) = open_at_summary(dir.path(), &file);
        conflicts += asked;
        if std::env::var_os("BLAMELESS_KILL_TRACE").is_some() {
            let text = |p: &Path| {
                std::fs::read_to_string(p)
                    .unwrap_or_default()
                    .lines()
                    .filter(|l| l.contains("text:") || l.starts_with("# base"))
                    .map(|l| l.chars().take(60).collect::<String>())
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            eprintln!("round {round} opened (asked {asked}); file: {}", text(&path));
            for e in std::fs::read_dir(recovery_dir(dir.path())).unwrap().flatten() {
                eprintln!("   {} {}", e.file_name().to_string_lossy(), text(&e.path()));
            }
            eprintln!("   screen status: {}", t.contents().lines().rev().nth(1).unwrap_or_default());
        }
        // Words, each seen on the screen, at a typist's pace, for a random while.
        let typing_for = Duration::from_millis(300 + rng.next(1500));
        let start = Instant::now();
        let mut seen: Vec<(String, Instant)> = Vec::new();
        let mut n = 0;
        while start.elapsed() < typing_for {
            let word = format!("r{round}w{n}");
            t.type_text(&format!(" {word}"));
            t.wait_for(&word);
            seen.push((word, Instant::now()));
            std::thread::sleep(Duration::from_millis(rng.next(250)));
            n += 1;
        }
        let last = t.contents();
        let pid = t.child.process_id().unwrap();
        let killed_at = Instant::now();
        assert!(std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap().success());
        let _ = t.wait_exit();
        drop(t);
        must_keep.extend(
            seen.into_iter().filter(|(_, at)| killed_at.duration_since(*at) > Duration::from_secs(1)).map(|(w, _)| w),
        );
        let kept = kept_text(dir.path(), &path);
        for w in &must_keep {
            assert!(
                kept.contains(w.as_str()),
                "round {round}: {w}, typed over a second before the kill, is lost; the screen before the kill:\n{last}\nthe file and copies:\n{kept}"
            );
        }
    }
    // The words come back through the recovery question and are saved.
    let (t, asked) = open_at_summary(dir.path(), &file);
    drop(t);
    conflicts += asked;
    eprintln!("{rounds} rounds, {conflicts} restores asked about a changed file");
    let on_disk = kept_text(dir.path(), &path);
    for w in &must_keep {
        assert!(on_disk.contains(w.as_str()), "{w} was not restored:\n{on_disk}");
    }
}

/// Hang-up, terminate and interrupt with unsaved words: the words are saved, the terminal is
/// given back (main screen, cursor shown, no mouse or paste modes), the status is 128 + the
/// signal.
#[test]
fn hangup_terminate_and_interrupt_save_the_words_and_restore_the_terminal() {
    for (signal, number) in [("HUP", 1), ("TERM", 15), ("INT", 2)] {
        let dir = tempfile::tempdir().unwrap();
        let path = new_document(dir.path(), "Signals");
        let (mut t, _) = open_at_summary(dir.path(), path.to_str().unwrap());
        assert!(t.screen.lock().unwrap().screen().alternate_screen());
        let word = format!("before{signal}");
        t.type_text(&word);
        t.wait_for(&word);
        let pid = t.child.process_id().unwrap();
        assert!(
            std::process::Command::new("kill")
                .args([&format!("-{signal}"), &pid.to_string()])
                .status()
                .unwrap()
                .success()
        );
        let status = t.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert!(on_disk.contains(&word), "SIG{signal}: the words are not in the file:\n{on_disk}");
        // Everything is in the file: no copy is left to offer.
        assert!(recovery::left_behind(&recovery_dir(dir.path()), &path).iter().all(|c| c.text == on_disk));
        let parser = t.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "SIG{signal}: still on the alternate screen");
        assert!(!screen.hide_cursor(), "SIG{signal}: the cursor is still hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "SIG{signal}: mouse still captured");
        assert!(!screen.bracketed_paste(), "SIG{signal}: bracketed paste still on");
    }
}

/// Two editors of one file: each has its own recovery copy. One is killed, the other saves
/// and quits: the killed one's words are still in its copy, offered on the next open; and
/// restoring them, now that the file holds the other's words, asks instead of reverting them.
#[test]
fn two_editors_keep_their_words_through_the_others_crash_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_document(dir.path(), "Two editors");
    let file = path.to_str().unwrap().to_string();
    let (mut a, _) = open_at_summary(dir.path(), &file);
    let mut b = Term::spawn_with(dir.path(), &["edit", &file], &[NO_AUTOSAVE]);
    b.wait_for("Already open");
    b.send("o");
    b.wait_until("the editor", |s| !s.contains("Already open"));
    b.send("\x1b");
    b.wait_for("Enter Open");
    b.send(&"k".repeat(20));
    b.send("j\r");
    b.wait_for("Esc Sections");
    a.type_text(" words of editor A");
    a.wait_for("words of editor A");
    b.type_text(" words of editor B");
    b.wait_for("words of editor B");
    // Both journals written (well within a second).
    std::thread::sleep(Duration::from_millis(1200));
    let pid = a.child.process_id().unwrap();
    assert!(std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap().success());
    let _ = a.wait_exit();
    b.send(CTRL_Q);
    quit_saving(&mut b);
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(on_disk.contains("words of editor B") && !on_disk.contains("words of editor A"), "{on_disk}");
    let left = recovery::left_behind(&recovery_dir(dir.path()), &path);
    assert_eq!(left.len(), 1, "A's copy, and only it, is left: {left:?}");
    assert!(left[0].text.contains("words of editor A"), "B's quit kept A's copy");

    // Reopened: A's words are offered; restoring them asks, as B's save came after A's copy.
    let mut c = Term::spawn_with(dir.path(), &["edit", &file], &[NO_AUTOSAVE]);
    let shown = c.wait_for("Recover unsaved work?");
    assert!(!shown.contains("Already open"), "the killed editor's lock does not block: {shown}");
    c.send("r");
    c.wait_for("The file changed on disk");
    assert!(std::fs::read_to_string(&path).unwrap().contains("words of editor B"), "nothing reverted");
    c.send("c"); // keep mine as a copy, take theirs
    c.wait_for("Your version is in");
    let mine = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains(".mine"))
        .expect("my version saved beside it");
    assert!(std::fs::read_to_string(mine.path()).unwrap().contains("words of editor A"));
    assert!(std::fs::read_to_string(&path).unwrap().contains("words of editor B"));
}

/// A copy left behind that holds just what the file holds is removed when the document is
/// opened (it would otherwise be offered later, against a file that has moved on).
#[test]
fn a_copy_that_holds_nothing_new_is_removed_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_document(dir.path(), "Same");
    let text = std::fs::read_to_string(&path).unwrap();
    let copy = recovery::write_recovery(&recovery_dir(dir.path()), &path, "crashed", None, &text).unwrap();
    let mut t = Term::spawn_with(dir.path(), &["edit", path.to_str().unwrap()], &[NO_AUTOSAVE]);
    let shown = t.wait_for("Esc Sections");
    assert!(!shown.contains("Recover unsaved work?"), "{shown}");
    t.send(CTRL_Q);
    assert!(t.wait_exit().success());
    assert!(!copy.exists(), "the copy was removed");
}

/// The working folder removed while the editor runs (a `git worktree remove`, a `rm -rf` of
/// the folder it was started in): typing is still copied to the recovery folder and saved.
#[test]
fn a_removed_working_folder_turns_nothing_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_document(dir.path(), "Gone folder");
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let relative = format!("../postmortems/{}", path.file_name().unwrap().to_string_lossy());
    let mut t = Term::spawn_with(
        &work,
        &["edit", &relative],
        &[NO_AUTOSAVE, ("BLAMELESS_DATA_DIR", dir.path().join(".data").to_str().unwrap())],
    );
    t.wait_for("Esc Sections");
    std::fs::remove_dir_all(&work).unwrap();
    t.send("\x1b");
    t.wait_for("Enter Open");
    t.send(&"k".repeat(20));
    t.send("j\r");
    t.wait_for("Esc Sections");
    t.type_text("typed after the folder went");
    t.wait_for("after the folder went");
    let start = Instant::now();
    while !std::fs::read_dir(recovery_dir(dir.path()))
        .unwrap()
        .flatten()
        .any(|e| std::fs::read_to_string(e.path()).unwrap_or_default().contains("after the folder went"))
    {
        assert!(start.elapsed() < Duration::from_secs(10), "no recovery copy written");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.send(CTRL_S);
    t.wait_until("the save", |s| s.contains(" saved ") && !s.contains("not saved"));
    assert!(std::fs::read_to_string(&path).unwrap().contains("typed after the folder went"));
}

/// The terminal itself closed (the window shut, the SSH connection gone): every descriptor of
/// the pseudo-terminal's master side is closed, the editor is hung up on and its reads fail.
/// The words typed are saved and it exits as hung up (129). Python's `pty` holds the master
/// side alone, so closing it really closes the terminal (`.ci/run` installs Python).
#[test]
fn a_closed_terminal_saves_the_words() {
    if std::process::Command::new("python3").arg("--version").output().is_err() {
        return common::tool_missing("python3");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_document(dir.path(), "Window closed");
    const SCRIPT: &str = r#"
import fcntl, os, pty, select, struct, sys, termios, time
binary, path, data = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    os.environ.update({"TERM": "xterm-256color", "BLAMELESS_DATA_DIR": data, "NO_COLOR": "1",
                       "BLAMELESS_AUTOSAVE_MS": "600000", "TZ": "Europe/Berlin"})
    os.execv(binary, [binary, "edit", path])
seen = b""
end = time.time() + 20
while b"Summary" not in seen:
    if time.time() > end:
        sys.exit("the editor never showed the summary")
    if select.select([fd], [], [], 0.1)[0]:
        seen += os.read(fd, 65536)
for c in "typed before the window closed":
    os.write(fd, c.encode())
    time.sleep(0.005)
time.sleep(1.0)
os.close(fd)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", SCRIPT, env!("CARGO_BIN_EXE_blameless"), path.to_str().unwrap()])
        .arg(dir.path().join(".data"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let status = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(on_disk.contains("typed before the window closed"), "status {status}; the file:\n{on_disk}");
    assert_eq!(status, "129", "exits as hung up");
}
