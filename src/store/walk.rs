//! The files under a folder, as `blameless lint`, `list`, `actions` and the start screen see
//! them: recursively, in a stable order, leaving out build output, dependencies and hidden
//! folders (`.git`). Symlinked folders are not followed, so a link loop cannot trap the walk.
//! A folder or entry that cannot be read is reported with the reason, never skipped silently.

use std::path::{Path, PathBuf};

use super::LoadError;

/// Files under `dir` whose extension is one of `extensions`, appended to `out`; folders that
/// cannot be read are left out (see [`walk`] to hear about them).
pub fn files_under(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    walk(dir, extensions, out, &mut Vec::new());
}

/// As [`files_under`], with every folder or entry that could not be read appended to
/// `unreadable`, with the reason.
pub fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>, unreadable: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            unreadable.push(folder_error(dir, &e));
            return;
        }
    };
    let mut listed = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => listed.push(entry),
            Err(e) => unreadable.push(folder_error(dir, &e)),
        }
    }
    listed.sort_by_key(|e| e.file_name());
    for entry in listed {
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                unreadable.push(LoadError::io(&path, &e));
                continue;
            }
        };
        let named = path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e));
        if kind.is_dir() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with('.') || name == "target" || name == "node_modules") {
                walk(&path, extensions, out, unreadable);
            }
        } else if named && kind.is_file() {
            out.push(path);
        } else if named {
            // A link is followed (without opening anything); a pipe, a device or a link to
            // one, or to nowhere, is reported rather than read. A link to a folder is not walked.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => out.push(path),
                Ok(meta) if meta.is_dir() => {}
                Ok(meta) => unreadable.extend(super::read::regular(&path, &meta).err()),
                Err(e) => {
                    unreadable.push(LoadError::io(&path, &e).hint("the link points to nothing; fix or remove it"))
                }
            }
        }
    }
}

fn folder_error(dir: &Path, e: &std::io::Error) -> LoadError {
    LoadError::io(dir, e).hint("check the folder's permissions; its postmortems were not read")
}
