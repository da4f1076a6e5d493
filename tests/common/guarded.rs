//! Running the real binary on hostile files: under a memory limit (`ulimit -v`, through `sh`),
//! with a watchdog that kills a run that hangs (a named pipe read would wait forever), and,
//! for folders that must be unreadable, as an unprivileged user when the tests run as root.
//! Each needs an outside tool (`sh`, `mkfifo`, `setpriv`); under `CI=true` a missing one fails
//! the test instead of skipping it.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::Run;

/// The address space a command may use: far below what an alias bomb asks for (gigabytes),
/// far above what any command needs for these small libraries.
pub const MEMORY_KB: u64 = 1_500_000;

/// A run that has not ended after this long is taken to hang; it is killed and the test
/// fails. Not a speed check: every command here ends in well under a second.
const HANG: Duration = Duration::from_secs(120);

/// Whether `tool` can be run; under `CI=true` a missing tool fails the test.
pub fn have(tool: &str, probe: &[&str]) -> bool {
    let found = Command::new(tool).args(probe).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !found {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs `{tool}` for this test");
        eprintln!("note: `{tool}` not found; skipping");
    }
    found
}

/// `blameless ARGS` in `dir` as [`super::run`] runs it, with at most [`MEMORY_KB`] of
/// address space, killed if it hangs. `user`: run as that uid/gid (with `setpriv`).
pub fn run_guarded(dir: &Path, args: &[&str], user: Option<u32>) -> Run {
    let bin = env!("CARGO_BIN_EXE_blameless");
    let out_path = dir.join(".guarded-stdout");
    let err_path = dir.join(".guarded-stderr");
    let script = format!("ulimit -v {MEMORY_KB} && exec \"$@\"");
    let mut command = Command::new("sh");
    command.args(["-c", &script, "sh"]);
    if let Some(id) = user {
        let id = id.to_string();
        command.args(["setpriv", "--reuid", &id, "--regid", &id, "--clear-groups"]);
    }
    let mut child = command
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env("BLAMELESS_CONFIG_DIR", dir.join(".config-for-test"))
        .env("BLAMELESS_NOW", "2026-11-24T13:30:00Z")
        .env("TZ", "Europe/Berlin")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("`blameless {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap();
    let stderr = std::fs::read_to_string(&err_path).unwrap();
    let _ = std::fs::remove_file(out_path);
    let _ = std::fs::remove_file(err_path);
    Run { code: status.code().unwrap_or(-1), stdout, stderr }
}
