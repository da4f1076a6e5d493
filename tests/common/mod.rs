//! Running the real binary from tests, with the clock, zone and folders pinned.
#![allow(clippy::unwrap_used, dead_code)]

pub mod tui;

use std::path::Path;
use std::process::Command;

pub mod guarded;

/// A test needs `what` (a tool `.ci/run` installs, or root for a mount) and it is not here:
/// under CI (`CI=true`) that fails the test; elsewhere the check is skipped, and says so.
pub fn tool_missing(what: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what} is missing: `.ci/run` installs what the tests need");
    }
    eprintln!("{what} is missing here; this check is skipped (under CI=true it fails)");
}

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `blameless ARGS` in `dir`, with the user config in `dir`, `BLAMELESS_NOW` at
/// 2026-11-24T13:30:00Z, Berlin time and no colour.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_at(dir, "2026-11-24T13:30:00Z", "Europe/Berlin", args)
}

/// As [`run`], with "now" at `now` and the local time zone `tz`.
pub fn run_at(dir: &Path, now: &str, tz: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_blameless"))
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_CONFIG_DIR", dir.join(".config-for-test"))
        // Beside the build, not in `dir`: some tests run in the repository's fixture folders.
        .env("BLAMELESS_CACHE_DIR", std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("blameless-cache"))
        .env("BLAMELESS_NOW", now)
        .env("TZ", tz)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The editor's screen as plain text at `w`x`h`, one line per row, trailing spaces trimmed.
pub fn screen(app: &mut blameless::tui::app::App, w: u16, h: u16) -> String {
    app.update(blameless::tui::action::Action::Resize(w, h));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| blameless::tui::views::render(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
