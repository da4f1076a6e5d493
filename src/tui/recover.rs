//! Helpers for the recovery flow and pastes: what a recovery copy changes, restoring it, and
//! keeping "my version" as a copy when the file changed on disk.

use std::path::{Path, PathBuf};

use crate::doc::Document;
use crate::store;

/// One line per difference between the open document and the recovery copy's text, for the
/// dialog that offers to restore it.
pub fn summary(current: &Document, copy_text: &str) -> Vec<String> {
    let Ok(copy) = store::parse_document(Path::new("recovery"), copy_text) else {
        return vec!["The recovery copy cannot be read as a document.".to_string()];
    };
    let copy = copy.doc;
    let mut out = Vec::new();
    if copy.title != current.title {
        out.push(format!("Title: \"{}\"", copy.title));
    }
    for section in &copy.sections {
        let before = current.section(&section.id).map(|s| s.text.as_str()).unwrap_or("");
        if section.text != before {
            let (a, b) = (before.split_whitespace().count(), section.text.split_whitespace().count());
            let change = match b.cmp(&a) {
                std::cmp::Ordering::Greater => format!("{} more words", b - a),
                std::cmp::Ordering::Less => format!("{} fewer words", a - b),
                std::cmp::Ordering::Equal => "words changed".to_string(),
            };
            let last = section.text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
            let last: String = last.chars().take(50).collect();
            out.push(format!("{}: {change}, ending \"{last}\"", section.title));
        }
    }
    if copy.times != current.times || copy.severity != current.severity || copy.status != current.status {
        out.push("Details (times, status or severity)".to_string());
    }
    if copy.timeline != current.timeline || copy.actions != current.actions || copy.factors != current.factors {
        out.push("Timeline, factors or actions".to_string());
    }
    if out.is_empty() {
        out.push("Only formatting differs.".to_string());
    }
    out
}

/// The document in a recovery copy's text.
pub fn restore(text: &str) -> Result<Document, String> {
    store::parse_document(Path::new("recovery copy"), text).map(|l| l.doc).map_err(|e| e.to_string())
}

/// Saves `text` beside `path` as `NAME.mine.yaml` (or `.mine-2.yaml`, ...), never replacing.
pub fn save_copy(path: &Path, text: &str) -> Result<PathBuf, String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into());
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}.mine.yaml") } else { format!("{stem}.mine-{n}.yaml") };
        let candidate = path.with_file_name(name);
        // Mine is as private as the document.
        match store::create_new_with_mode(&candidate, text.as_bytes(), store::copy_mode(path)) {
            Ok(()) => return Ok(candidate),
            Err(store::SaveError::Exists(_)) => continue,
            Err(e) => return Err(e.to_string()),
        }
    }
    Err("too many copies already".to_string())
}

/// Line endings from a paste become `\n`; everything else is kept as pasted (control
/// characters are shown inert on screen, never sent to the terminal).
pub fn normalize_paste(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
