//! The files under a folder, as `blameless lint`, `list`, `actions` and the start screen see
//! them: recursively, in a stable order, leaving out build output, dependencies and hidden
//! folders (`.git`). Symlinked folders are not followed, so a link loop cannot trap the walk.

use std::path::{Path, PathBuf};

/// Files under `dir` whose extension is one of `extensions`, appended to `out`.
pub fn files_under(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with('.') || name == "target" || name == "node_modules") {
                files_under(&path, extensions, out);
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e))
            && (kind.is_file() || path.is_file())
        {
            out.push(path);
        }
    }
}
