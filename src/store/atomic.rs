//! Atomic file writes: temporary file in the same folder, fsync, rename, fsync the folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::SaveError;

/// Replaces (or creates) `path` with `bytes` so that at every instant the file holds either
/// the old text or the new, and keeps an existing file's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, &[bytes], None, true, true)
}

/// As [`write_atomic_with_mode`], without waiting for the disk (no fsync): a process killed at
/// any moment still leaves the old text or the new, as the system's cache outlives it. For the
/// recovery journal, rewritten within a second of typing, which must never wait seconds on a
/// disk busy with other writes; the document itself is always written durably.
pub fn write_quick_with_mode(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), SaveError> {
    replace(path, &[bytes], mode, true, false)
}

/// As [`write_quick_with_mode`], the file's bytes given in parts (a header and a big
/// document's text, without copying them into one).
pub fn write_quick_parts(path: &Path, parts: &[&[u8]], mode: Option<u32>) -> Result<(), SaveError> {
    replace(path, parts, mode, true, false)
}

/// As [`write_atomic`], with the file's permissions set to `mode` (when given) from the
/// moment it exists, whatever the file it replaces had: for copies of a document, which keep
/// the document's mode (see [`copy_mode`]).
pub fn write_atomic_with_mode(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), SaveError> {
    replace(path, &[bytes], mode, true, true)
}

/// As [`write_atomic`], but a symbolic link at `path` is itself replaced by the file, never
/// written through: for exports, and for saves of a document that was not opened through a
/// link (a link that appeared since is not the document's way to its file).
pub fn write_atomic_here(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, &[bytes], None, false, true)
}

fn replace(
    path: &Path,
    bytes: &[&[u8]],
    mode: Option<u32>,
    through_link: bool,
    durable: bool,
) -> Result<(), SaveError> {
    let target = if through_link { real_target(path) } else { path.to_path_buf() };
    let meta = if through_link { fs::metadata(&target) } else { fs::symlink_metadata(&target) };
    let old_permissions = match meta {
        Ok(meta) if meta.file_type().is_symlink() => None,
        Ok(meta) if !meta.is_file() => return Err(SaveError::NotAFile(target)),
        Ok(meta) if meta.permissions().readonly() => return Err(SaveError::ReadOnly(target)),
        Ok(meta) => Some(meta.permissions()),
        Err(_) => None,
    };
    let temp = write_temp(&target, bytes, mode, durable)?;
    if let Some(permissions) = old_permissions.filter(|_| mode.is_none()) {
        fs::set_permissions(temp.path(), permissions).map_err(|source| io(&target, "keeping permissions", source))?;
    }
    temp.persist(&target).map_err(|e| io(&target, "replacing the file", e.error))?;
    if durable {
        sync_folder(&target);
    }
    Ok(())
}

/// Creates `path` with `bytes`, refusing to replace anything already there.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    create_new_with_mode(path, bytes, None)
}

/// As [`create_new`], with the file's permissions `mode` (when given) from the moment it
/// exists: for copies of a document (see [`copy_mode`]).
pub fn create_new_with_mode(path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<(), SaveError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let temp = write_temp(path, &[bytes], mode, true)?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            SaveError::Exists(path.to_path_buf())
        } else {
            io(path, "creating the file", e.error)
        }
    })?;
    sync_folder(path);
    Ok(())
}

/// The permissions for a copy of the document at `document` (a recovery copy, `NAME.mine.yaml`):
/// the document's own, so a private document's copies are private too, plus the owner's right
/// to read and write the copy (a read-only document's copy must still be rewritable). `None`
/// when the document is gone, or off Unix.
pub fn copy_mode(document: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(document).ok().map(|m| (m.permissions().mode() & 0o777) | 0o600)
    }
    #[cfg(not(unix))]
    {
        let _ = document;
        None
    }
}

const TEMP_PREFIX: &str = ".blameless-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a leftover temporary file must be before a save removes it. A save writes,
/// flushes and renames its temporary file within seconds (a 32 MB document included), and
/// every write touches the file, so one untouched for five minutes belongs to no save still
/// running, in this process or another editor's. Were a live one ever removed, only that save
/// would fail (its rename finds nothing, it says so, the document is left as it was).
const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Removes the temporary files a save killed mid-way (`kill -9`, a power cut) left in
/// `folder`, so they never pile up in a repository for `git add -A` to commit. Best effort;
/// listing the folder costs far less than the fsync every save makes anyway.
fn remove_stale_temps(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // `DirEntry::metadata` does not follow links: only a regular file is removed.
        let Ok(meta) = entry.metadata() else { continue };
        let age = meta.modified().ok().and_then(|m| now.duration_since(m).ok());
        if meta.is_file() && age.is_some_and(|age| age > STALE_AFTER) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn write_temp(
    target: &Path,
    bytes: &[&[u8]],
    mode: Option<u32>,
    durable: bool,
) -> Result<tempfile::NamedTempFile, SaveError> {
    let folder = folder_of(target);
    remove_stale_temps(&folder);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets what the user's umask allows, as from any editor; a copy gets its
        // document's mode (created with it, so it is never more open, even for a moment).
        builder.permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666)));
    }
    let mut temp = builder.tempfile_in(&folder).map_err(|e| io(target, "creating a temporary file", e))?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        // Exactly the mode asked for, whatever the umask took away.
        fs::set_permissions(temp.path(), fs::Permissions::from_mode(mode))
            .map_err(|source| io(target, "setting permissions", source))?;
    }
    for part in bytes {
        temp.write_all(part).map_err(|e| io(target, "writing", e))?;
    }
    if durable {
        temp.as_file().sync_all().map_err(|e| io(target, "flushing to disk", e))?;
    }
    Ok(temp)
}

/// A symlinked document is saved through the link, so the link stays a link.
fn real_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes the rename itself durable. Best effort: some file systems do not allow it.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
}

fn io(path: &Path, action: &'static str, source: std::io::Error) -> SaveError {
    SaveError::Io { path: path.to_path_buf(), action, source }
}
