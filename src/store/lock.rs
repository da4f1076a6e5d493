//! Two editors on one file: the first takes a lock (in the data folder, named like the
//! recovery copy), the second is told who holds it. A lock whose process is gone (a crash, a
//! `kill -9`) is stale and taken over.

use std::path::{Path, PathBuf};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub name: String,
    pub pid: u32,
    pub host: String,
    pub since: String,
}

impl Holder {
    /// This process, as it would be written into a lock.
    pub fn me(since: &str) -> Holder {
        let name = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "someone".into());
        Holder { name, pid: std::process::id(), host: host(), since: since.to_string() }
    }

    fn text(&self) -> String {
        format!("name: {}\npid: {}\nhost: {}\nsince: {}\n", self.name, self.pid, self.host, self.since)
    }

    fn parse(text: &str) -> Option<Holder> {
        let get = |key: &str| text.lines().find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()));
        Some(Holder {
            name: get("name:")?,
            pid: get("pid:")?.parse().ok()?,
            host: get("host:").unwrap_or_default(),
            since: get("since:").unwrap_or_default(),
        })
    }

    /// Whether the holding process still runs. On another host we cannot tell: assume so.
    pub fn alive(&self) -> bool {
        if self.host != host() {
            return true;
        }
        if Path::new("/proc/self").exists() {
            return Path::new(&format!("/proc/{}", self.pid)).exists();
        }
        std::process::Command::new("kill")
            .args(["-0", &self.pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
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

/// A held lock; dropping it releases the lock (if it is still ours).
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    pid: u32,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let ours =
            std::fs::read_to_string(&self.path).ok().and_then(|t| Holder::parse(&t)).is_some_and(|h| h.pid == self.pid);
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What taking the lock found.
#[derive(Debug)]
pub enum Taken {
    /// Ours now; `stale` names a crashed holder whose lock was taken over.
    Ours { lock: Lock, stale: Option<Holder> },
    /// Another live editor holds it.
    Held(Holder),
}

fn lock_path(dir: &Path, doc: &Path) -> Option<PathBuf> {
    let copy = super::recovery::recovery_path(dir, doc)?;
    let name = copy.file_name()?.to_string_lossy().replace(".recovery.yaml", ".lock");
    Some(dir.join(name))
}

/// Takes the lock of `doc` unless another live editor holds it (then `force` takes it anyway).
/// A lock that cannot be written (no data folder) is not an error: editing goes on unlocked.
pub fn take(dir: &Path, doc: &Path, me: &Holder, force: bool) -> Option<Taken> {
    let path = lock_path(dir, doc)?;
    let found = std::fs::read_to_string(&path).ok().and_then(|t| Holder::parse(&t));
    let stale = match found {
        Some(h) if h.pid != me.pid && h.alive() && !force => return Some(Taken::Held(h)),
        Some(h) if h.pid != me.pid && !h.alive() => Some(h),
        _ => None,
    };
    std::fs::create_dir_all(dir).ok()?;
    super::atomic::write_replace(&path, me.text().as_bytes()).ok()?;
    Some(Taken::Ours { lock: Lock { path, pid: me.pid }, stale })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_editor_is_told_and_a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.yaml");
        let me = Holder::me("14:02");
        let Some(Taken::Ours { lock, stale: None }) = take(dir.path(), &doc, &me, false) else { panic!() };
        // Another live process (pid 1 always runs) holds it: we are told who.
        let other = Holder { pid: 1, ..me.clone() };
        std::fs::write(lock_path(dir.path(), &doc).unwrap(), other.text()).unwrap();
        match take(dir.path(), &doc, &me, false) {
            Some(Taken::Held(h)) => assert_eq!(h.pid, 1),
            other => panic!("{other:?}"),
        }
        // A holder whose process is gone is stale.
        let gone = Holder { pid: u32::MAX - 7, ..me.clone() };
        std::fs::write(lock_path(dir.path(), &doc).unwrap(), gone.text()).unwrap();
        match take(dir.path(), &doc, &me, false) {
            Some(Taken::Ours { stale: Some(h), .. }) => assert_eq!(h.pid, u32::MAX - 7),
            other => panic!("{other:?}"),
        }
        drop(lock);
    }

    #[test]
    fn dropping_the_lock_releases_it() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.yaml");
        let taken = take(dir.path(), &doc, &Holder::me("now"), false).unwrap();
        let path = lock_path(dir.path(), &doc).unwrap();
        assert!(path.exists());
        drop(taken);
        assert!(!path.exists());
    }
}
