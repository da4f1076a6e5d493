//! The real binary in a pseudo-terminal, read through a VT emulator: spawning it, reading
//! the screen, typing, waiting. Shared by the end-to-end tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub struct Term {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    // Kept open for the child's lifetime.
    pub _master: Option<Box<dyn portable_pty::MasterPty + Send>>,
}

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

impl Term {
    pub fn spawn(dir: &Path, args: &[&str]) -> Term {
        Term::spawn_with(dir, args, &[])
    }

    pub fn spawn_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
        let pair =
            native_pty_system().openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_blameless"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("BLAMELESS_CONFIG_DIR", dir.join(".config"));
        cmd.env("BLAMELESS_CACHE_DIR", dir.join(".cache"));
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
        Term { screen, writer: Some(writer), child, _master: Some(pair.master) }
    }

    /// Closes the terminal's side (its window closed): the app reads end of file, and is
    /// hung up on.
    pub fn close(&mut self) {
        self.writer = None;
        self._master = None;
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (up to 20 s, for a loaded machine).
    pub fn wait_for(&self, text: &str) -> String {
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

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
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
    pub fn wait_until_any(&self, texts: &[&str]) -> String {
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

    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Types text one key at a time, as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
        }
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

pub const CTRL_S: &str = "\x13";
pub const CTRL_Q: &str = "\x11";
pub const ALT_N: &str = "\x1bn";

/// After Ctrl-Q: answers "save" if the unsaved-changes question comes, then waits for exit.
pub fn quit_saving(t: &mut Term) {
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

pub fn only_yaml(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("postmortems");
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}
