//! Atomic file writes: temporary file in the same folder, fsync, rename, fsync the folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::SaveError;

/// Replaces (or creates) `path` with `bytes` so that at every instant the file holds either
/// the old text or the new, and keeps an existing file's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = real_target(path);
    let old_permissions = match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => return Err(SaveError::NotAFile(target)),
        Ok(meta) if meta.permissions().readonly() => return Err(SaveError::ReadOnly(target)),
        Ok(meta) => Some(meta.permissions()),
        Err(_) => None,
    };
    let temp = write_temp(&target, bytes)?;
    if let Some(permissions) = old_permissions {
        fs::set_permissions(temp.path(), permissions).map_err(|source| io(&target, "keeping permissions", source))?;
    }
    temp.persist(&target).map_err(|e| io(&target, "replacing the file", e.error))?;
    sync_folder(&target);
    Ok(())
}

/// Creates `path` with `bytes`, refusing to replace anything already there.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let temp = write_temp(path, bytes)?;
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

fn write_temp(target: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, SaveError> {
    let folder = folder_of(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".blameless-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(&folder).map_err(|e| io(target, "creating a temporary file", e))?;
    temp.write_all(bytes).map_err(|e| io(target, "writing", e))?;
    temp.as_file().sync_all().map_err(|e| io(target, "flushing to disk", e))?;
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
