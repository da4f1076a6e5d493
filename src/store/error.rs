//! Errors of reading and writing files, worded for the person at the terminal: the file, the
//! place in it, what is wrong, and what to do.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::yaml::YamlError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl LoadError {
    pub fn new(path: &Path, message: &str) -> Self {
        LoadError { path: path.to_path_buf(), line: None, column: None, message: message.to_string(), hint: None }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }

    pub fn yaml(path: &Path, e: YamlError) -> Self {
        let hint = if let Some(hint) = &e.hint {
            hint.as_str()
        } else if e.message.contains("unknown variant") {
            "use one of the values listed"
        } else if e.message.contains("missing field") {
            "add the missing key"
        } else {
            "fix the YAML at that place and try again"
        };
        LoadError::new(path, &e.message).at(e.line, e.column).hint(hint)
    }

    pub fn io(path: &Path, e: &io::Error) -> Self {
        let (message, hint) = match e.kind() {
            io::ErrorKind::NotFound => ("does not exist", "check the path"),
            io::ErrorKind::PermissionDenied => ("cannot be read: permission denied", "check the file's permissions"),
            io::ErrorKind::IsADirectory => ("is a folder, not a file", "name a file inside it"),
            _ => ("cannot be read", "check the path and the disk"),
        };
        let message =
            if matches!(e.kind(), io::ErrorKind::NotFound) { message.to_string() } else { format!("{message} ({e})") };
        LoadError::new(path, &message).hint(hint)
    }

    /// `path:line:column` as editors and terminals link it.
    pub fn place(&self) -> String {
        if self.path.as_os_str().is_empty() {
            return String::new();
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.path.display()),
            (Some(l), None) => format!("{}:{l}", self.path.display()),
            _ => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place().as_str() {
            "" => write!(f, "{}", self.message)?,
            place => write!(f, "{place}: {}", self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[derive(Debug)]
pub enum SaveError {
    /// The document could not be turned into YAML (should not happen; reported, not hidden).
    Encode(String),
    /// Writing failed; the file on disk is as it was before.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The target exists and must not be replaced.
    Exists(PathBuf),
    ReadOnly(PathBuf),
    /// A folder, device or pipe is where the file should be.
    NotAFile(PathBuf),
    /// The text would be larger than any file blameless reads back (aliases expanded in a
    /// hand-written file can do this); nothing is written.
    TooLarge(u64),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Encode(m) => write!(f, "could not encode the document as YAML: {m}"),
            SaveError::Exists(p) => write!(
                f,
                "{} already exists; nothing was written\n  help: choose another name, or move the existing file away first",
                p.display()
            ),
            SaveError::ReadOnly(p) => write!(
                f,
                "{} is read-only; nothing was written\n  help: make it writable (chmod u+w) or save under another name",
                p.display()
            ),
            SaveError::NotAFile(p) => write!(
                f,
                "{} is not a regular file (a folder, device or pipe is there); nothing was written\n  help: save under another name",
                p.display()
            ),
            SaveError::TooLarge(bytes) => write!(
                f,
                "the document is {} MB, over the {} MB limit for reading it back; nothing was written\n  help: shorten the longest texts, or split the document",
                bytes.div_ceil(1_000_000),
                super::MAX_FILE_BYTES / 1_000_000
            ),
            SaveError::Io { path, action, source } => {
                let why = match source.kind() {
                    io::ErrorKind::PermissionDenied => "permission denied (is the folder read-only?)".to_string(),
                    io::ErrorKind::StorageFull => "the disk is full".to_string(),
                    io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
                    io::ErrorKind::NotFound => "the folder does not exist".to_string(),
                    _ => source.to_string(),
                };
                write!(
                    f,
                    "could not save {}: {why}\n  help: {action} failed; the previous version of the file is intact",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
