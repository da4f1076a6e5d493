//! Who is editing a document. Every editor of a file holds a lock file of its own in the data
//! folder, `KEY-EDITOR.lock`, locked by the operating system (`flock`) for as long as the
//! editor runs: the kernel lets go of it when the process ends, however it ends, so a crash,
//! a `kill -9` or a reused process number never leaves a lock that reads as alive. The file's
//! text names the holder for the "already open" message.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub name: String,
    pub pid: u32,
    pub host: String,
    pub since: String,
    /// The editor's id: its recovery copy and lock file carry it.
    pub editor: String,
}

impl Holder {
    /// This process, as it would be written into a lock: `name` is who is writing (the
    /// login name when not given).
    pub fn me(since: &str) -> Holder {
        Holder::named(None, since, &editor_id())
    }

    /// This process as the editor `editor`, writing as `name`.
    pub fn named(name: Option<String>, since: &str, editor: &str) -> Holder {
        let name = name
            .or_else(|| std::env::var("USER").or_else(|_| std::env::var("USERNAME")).ok())
            .unwrap_or_else(|| "someone".into());
        Holder { name, pid: std::process::id(), host: host(), since: since.to_string(), editor: editor.to_string() }
    }

    fn text(&self) -> String {
        let line = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
        format!(
            "name: {}\npid: {}\nhost: {}\nsince: {}\neditor: {}\n",
            line(&self.name),
            self.pid,
            line(&self.host),
            line(&self.since),
            self.editor
        )
    }

    fn parse(text: &str) -> Option<Holder> {
        let get = |key: &str| text.lines().find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()));
        Some(Holder {
            name: get("name:")?,
            pid: get("pid:")?.parse().ok()?,
            host: get("host:").unwrap_or_default(),
            since: get("since:").unwrap_or_default(),
            editor: get("editor:").unwrap_or_default(),
        })
    }
}

/// This process's editor id: its process number and start time, so that two editors, even
/// one after the other with a reused process number, never share a name.
pub fn editor_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        format!("{:x}-{:x}", std::process::id(), nanos & 0xffff_ffff_ffff)
    })
    .clone()
}

fn host() -> String {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| {
        std::fs::read_to_string("/etc/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .map(|h| h.trim().to_string())
            .unwrap_or_default()
    })
    .clone()
}

/// A held lock; dropping it releases the lock and removes its file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    _file: File,
    pub editor: String,
}

impl Lock {
    /// Names `me` as the holder (who is writing became known after the lock was taken): a
    /// new file, locked and written, takes the old one's place, so the lock is never seen
    /// free or without a name.
    pub fn name_holder(&mut self, me: &Holder) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut temp = tempfile::Builder::new().prefix(".lock-").tempfile_in(dir)?;
        temp.as_file().try_lock().map_err(std::io::Error::other)?;
        temp.write_all(me.text().as_bytes())?;
        // The old file, now unlinked, is let go of with its handle.
        self._file = temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed first, released after (with the file handle): nobody sees it free and ours.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What taking the lock found.
#[derive(Debug)]
pub struct Taken {
    pub lock: Lock,
    /// Another running editor of the same file, if there is one.
    pub held_by: Option<Holder>,
    /// An editor of the same file that stopped without closing (its lock file was left).
    pub stale: Option<Holder>,
}

/// The lock file of `editor` on `doc`.
pub fn lock_path(dir: &Path, doc: &Path, editor: &str) -> Option<PathBuf> {
    Some(dir.join(format!("{}-{editor}.lock", super::recovery::key(doc)?)))
}

/// Whether the editor `editor` of `doc` still runs (its lock is held by the system).
pub fn alive(dir: &Path, doc: &Path, editor: &str) -> bool {
    lock_path(dir, doc, editor).is_some_and(|p| held(&p).is_some())
}

/// A running editor that has `doc` open, if there is one.
pub fn open_in(dir: &Path, doc: &Path) -> Option<Holder> {
    let key = super::recovery::key(doc)?;
    std::fs::read_dir(dir).into_iter().flatten().flatten().find_map(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        (name.starts_with(&format!("{key}-")) && name.ends_with(".lock")).then(|| held(&entry.path())).flatten()
    })
}

/// The holder of the lock file at `path` while it is held; `None` once its editor is gone.
fn held(path: &Path) -> Option<Holder> {
    let file = File::open(path).ok()?;
    match file.try_lock() {
        Ok(()) => None,
        Err(std::fs::TryLockError::WouldBlock) => {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            Some(Holder::parse(&text).unwrap_or_else(|| Holder {
                name: "someone".into(),
                pid: 0,
                host: String::new(),
                since: String::new(),
                editor: String::new(),
            }))
        }
        // A file system without locks: nobody can be shown to hold it.
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}

/// Takes this editor's lock on `doc` and says whether another editor has the file open, or
/// one left a lock behind. `None` when no lock can be written (no data folder): editing goes
/// on unlocked.
pub fn take(dir: &Path, doc: &Path, me: &Holder) -> Option<Taken> {
    let key = super::recovery::key(doc)?;
    let (mut held_by, mut stale) = (None, None);
    let mine = lock_path(dir, doc, &me.editor)?;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path == mine || !(name.starts_with(&format!("{key}-")) && name.ends_with(".lock")) {
            continue;
        }
        match held(&path) {
            Some(h) => held_by = held_by.or(Some(h)),
            None => {
                let left = std::fs::read_to_string(&path).ok().and_then(|t| Holder::parse(&t));
                let _ = std::fs::remove_file(&path);
                stale = stale.or(left);
            }
        }
    }
    std::fs::create_dir_all(dir).ok()?;
    // Locked before it has its name, so nobody sees it unlocked and takes it for stale.
    let mut temp = tempfile::Builder::new().prefix(".lock-").tempfile_in(dir).ok()?;
    temp.as_file().try_lock().ok()?;
    temp.write_all(me.text().as_bytes()).ok()?;
    let file = temp.persist(&mine).ok()?;
    Some(Taken { lock: Lock { path: mine, _file: file, editor: me.editor.clone() }, held_by, stale })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_editor_is_told_and_a_lock_left_behind_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.yaml");
        let me = Holder::me("14:02");
        let first = take(dir.path(), &doc, &me).unwrap();
        assert!(first.held_by.is_none() && first.stale.is_none());
        assert!(alive(dir.path(), &doc, &me.editor));
        // A second editor (another id) sees the first, even in the same process.
        let other = Holder { editor: "other".into(), ..me.clone() };
        let second = take(dir.path(), &doc, &other).unwrap();
        assert_eq!(second.held_by.as_ref().map(|h| h.editor.as_str()), Some(me.editor.as_str()));
        // A lock file nobody holds (its editor was killed) is stale and removed.
        drop(second);
        let gone = Holder { editor: "gone".into(), pid: 42, ..me.clone() };
        let path = lock_path(dir.path(), &doc, "gone").unwrap();
        std::fs::write(&path, gone.text()).unwrap();
        assert!(!alive(dir.path(), &doc, "gone"));
        let third = take(dir.path(), &doc, &Holder { editor: "third".into(), ..me.clone() }).unwrap();
        assert_eq!(third.stale.map(|h| h.pid), Some(42));
        assert!(!path.exists());
        drop(first);
    }

    #[test]
    fn a_lock_named_later_names_its_holder_and_stays_held() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.yaml");
        let me = Holder { name: "login".into(), ..Holder::me("14:02") };
        let mut taken = take(dir.path(), &doc, &me).unwrap();
        assert_eq!(open_in(dir.path(), &doc).map(|h| h.name), Some("login".into()));
        taken.lock.name_holder(&Holder { name: "Ana Lopez".into(), ..me.clone() }).unwrap();
        assert_eq!(open_in(dir.path(), &doc).map(|h| h.name), Some("Ana Lopez".into()));
        assert!(alive(dir.path(), &doc, &me.editor));
        let files = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files, 1, "one lock file, no temporary left");
        drop(taken);
        assert!(!alive(dir.path(), &doc, &me.editor));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn dropping_the_lock_releases_it() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.yaml");
        let me = Holder::me("now");
        let taken = take(dir.path(), &doc, &me).unwrap();
        let path = lock_path(dir.path(), &doc, &me.editor).unwrap();
        assert!(path.exists());
        drop(taken);
        assert!(!path.exists());
        assert!(!alive(dir.path(), &doc, &me.editor));
    }
}
