//! Writing to the terminal: stdout for results, stderr for errors, and a closed pipe
//! (`blameless templates list | head -1`) is not an error.

use std::io::Write;
use std::process::ExitCode;

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The command ran, and what it checked has findings: exit 1.
    Findings,
}

impl Outcome {
    pub fn code(self) -> ExitCode {
        match self {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
        }
    }
}

/// Prints `text` to stdout as is.
pub fn print(text: &str) -> anyhow::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(Outcome::Ok),
    }
}

/// Prints a message for the person at the terminal (progress, what was created) to stderr,
/// so stdout stays clean for pipes.
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Prints an error: `error: ` and the first line, then the details and causes.
pub fn error(e: &anyhow::Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {e}");
    for cause in e.chain().skip(1) {
        let _ = writeln!(err, "  caused by: {cause}");
    }
}
