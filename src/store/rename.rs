//! Renaming a postmortem: after its title and the incident's day (the editor does it once, on
//! the first save after they are set; `blameless mv` later), never over another file, with
//! the recovery copies the data folder keeps for it.

use std::io;
use std::path::{Path, PathBuf};

/// The name a postmortem takes from its incident's `day` and `title`, in `path`'s folder.
pub fn named_after(path: &Path, day: chrono::NaiveDate, title: &str) -> PathBuf {
    path.with_file_name(format!("{}-{}.yaml", day.format("%Y-%m-%d"), super::slug(title)))
}

/// The incident's start day, in the document's zone.
pub fn start_day(doc: &crate::doc::Document) -> Option<chrono::NaiveDate> {
    let zone = doc.zone();
    let started = doc.times.started.as_ref()?.resolve(&zone)?;
    Some(crate::doc::entry::in_zone(&zone, started).date_naive())
}

/// The day a postmortem at `path` is named with: its start day, else the date its name
/// already starts with, else `today`.
pub fn day_for(path: &Path, doc: &crate::doc::Document, today: chrono::NaiveDate) -> chrono::NaiveDate {
    start_day(doc).or_else(|| day_in_name(path)).unwrap_or(today)
}

/// The date a file name starts with (`2026-12-04-untitled-incident.yaml`).
pub fn day_in_name(path: &Path) -> Option<chrono::NaiveDate> {
    let name = path.file_name()?.to_str()?;
    chrono::NaiveDate::parse_from_str(name.get(..10)?, "%Y-%m-%d").ok()
}

/// Moves `from` to `to`, or to `to` with `-2`, `-3`, … when that is taken: never over a file.
/// Returns where it went (`from` itself when `to` is its own name).
pub fn rename_free(from: &Path, to: &Path) -> io::Result<PathBuf> {
    let stem = to.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = to.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    for n in 1..1000 {
        let candidate = if n == 1 { to.to_path_buf() } else { to.with_file_name(format!("{stem}-{n}{ext}")) };
        if candidate == from {
            return Ok(candidate);
        }
        match rename_no_replace(from, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{} and 998 names after it are taken", to.display())))
}

/// A rename that fails with `AlreadyExists` instead of replacing: a hard link made (which
/// never replaces) and the old name removed; where links cannot be made, a look first.
pub fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => std::fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(e),
        Err(_) if std::fs::symlink_metadata(to).is_ok() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(from, to),
    }
}

/// The recovery copies of `from` left in `dir`, moved to `to`'s name, so the next editor of
/// `to` offers them. Returns how many.
pub fn move_copies(dir: &Path, from: &Path, to: &Path) -> usize {
    let (Some(old), Some(new)) = (super::recovery::key(from), super::recovery::key(to)) else { return 0 };
    let mut moved = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(rest) = name.strip_prefix(&format!("{old}-")).filter(|r| r.ends_with(".recovery.yaml"))
            && std::fs::rename(entry.path(), dir.join(format!("{new}-{rest}"))).is_ok()
        {
            moved += 1;
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_taken_name_gets_a_number_and_nothing_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("2026-12-04-untitled-incident.yaml");
        let to = dir.path().join("2026-11-24-checkout-errors.yaml");
        std::fs::write(&from, "mine").unwrap();
        std::fs::write(&to, "someone else's").unwrap();
        let at = rename_free(&from, &to).unwrap();
        assert_eq!(at, dir.path().join("2026-11-24-checkout-errors-2.yaml"));
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "someone else's");
        assert_eq!(std::fs::read_to_string(&at).unwrap(), "mine");
        assert!(!from.exists());
        // Its own name: nothing moves.
        assert_eq!(rename_free(&at, &at).unwrap(), at);
    }

    #[test]
    fn the_name_is_the_day_and_the_title() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            named_after(Path::new("pm/2026-12-04-untitled-incident.yaml"), day, "Checkout API: 5xx errors!"),
            Path::new("pm/2026-11-24-checkout-api-5xx-errors.yaml")
        );
    }
}
