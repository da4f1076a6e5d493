//! Writing to the terminal: stdout for results, stderr for errors, and a closed pipe
//! (`blameless templates list | head -1`) is not an error.
//!
//! Every line meant for a person goes through [`printable_lines`]: a control character from a
//! file or a file name is shown as `�`, never sent to the terminal. Machine-readable output
//! (JSON, SARIF, CSV) is printed exactly, with [`print`]; JSON escapes control characters
//! itself.

use std::io::Write;
use std::process::ExitCode;

use crate::doc::printable_lines;

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

/// Prints text for a person to stdout: a report, a table, a template, an export.
pub fn print_text(text: &str) -> anyhow::Result<Outcome> {
    print(&printable_lines(text))
}

/// Prints `text` to stdout as is: machine-readable output only.
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
    let _ = writeln!(std::io::stderr().lock(), "{}", printable_lines(text));
}

/// Prints an error: `error: ` and the first line, then the details and causes.
pub fn error(e: &anyhow::Error) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", printable_lines(&e.to_string()));
    for cause in e.chain().skip(1) {
        let _ = writeln!(err, "  caused by: {}", printable_lines(&cause.to_string()));
    }
}
