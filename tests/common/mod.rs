//! Running the real binary from tests, with the clock, zone and folders pinned.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::Path;
use std::process::Command;

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
