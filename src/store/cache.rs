//! The library's index on disk, in the user's cache folder: what a file of it looks like
//! around its body (a magic word, the version of blameless that wrote it, the body's length
//! and a checksum), the key each postmortem file is known by (size, modification and change
//! times, inode), and a small binary writer and reader. What the body holds is the library's.
//!
//! A cache is only ever a copy: one that is missing, from another version, truncated or
//! corrupt reads as `None` and is rebuilt; writing one is atomic (a temporary file renamed
//! over it), without waiting for the disk, since losing it costs only a slower next start.

use std::fs::Metadata;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::SaveError;
pub use super::codec::{Dec, Enc};

const MAGIC: &[u8; 8] = b"BLMINDEX";

/// The cache folder: `BLAMELESS_CACHE_DIR`, or the platform's (`$XDG_CACHE_HOME/blameless`,
/// else `~/.cache/blameless` on Linux).
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os("BLAMELESS_CACHE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "blameless").map(|d| d.cache_dir().to_path_buf()),
    }
}

/// Where the index of the library in `folder` is kept under `cache`: one file per folder,
/// named by a hash of the folder's absolute path.
pub fn index_path(cache: &Path, folder: &Path) -> PathBuf {
    let absolute =
        std::fs::canonicalize(folder).or_else(|_| std::path::absolute(folder)).unwrap_or_else(|_| folder.to_path_buf());
    let name = format!("{:016x}.index", hash(absolute.as_os_str().as_encoded_bytes()));
    cache.join("library").join(name)
}

/// A hash that is the same in every build (FxHash's step over 8 bytes at a time, then mixed):
/// the checksum of an index and the fingerprint of a file's content. Any change confined to one
/// 8-byte word always changes it; it is not meant to resist someone forging a collision.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::new(bytes.len() as u64);
    sum.add(bytes);
    sum.finish()
}

/// [`hash`] of bytes that come a piece at a time (their whole length known first).
#[derive(Debug)]
pub struct Checksum {
    h: u64,
    /// The bytes of an 8-byte word not whole yet.
    pending: [u8; 8],
    filled: usize,
}

impl Checksum {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    pub fn new(len: u64) -> Checksum {
        Checksum { h: len, pending: [0; 8], filled: 0 }
    }

    fn word(&mut self, word: [u8; 8]) {
        self.h = (self.h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(Self::K);
    }

    pub fn add(&mut self, mut bytes: &[u8]) {
        if self.filled > 0 {
            let take = bytes.len().min(8 - self.filled);
            self.pending[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 8 {
                return;
            }
            self.word(self.pending);
            self.filled = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.word(word);
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    pub fn finish(mut self) -> u64 {
        let mut tail = [0u8; 8];
        tail[..self.filled].copy_from_slice(&self.pending[..self.filled]);
        self.word(tail);
        // Final mix (splitmix64's), so that nearby inputs land far apart.
        let mut h = self.h;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

/// How long after its last change a file's key is trusted alone. A change within the same
/// tick of the file system's clock can leave size, times and inode as they were (the "racy"
/// case git knows), so a file changed less than this before it was read has its content
/// compared too, until a later read finds it settled. Two seconds covers the coarsest clocks.
const SETTLE_NS: i64 = 2_000_000_000;

/// What a file is known by in the index: when any of these differ, the file has changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKey {
    pub size: u64,
    /// Modification and status-change times, in nanoseconds since 1970. The change time
    /// cannot be set by hand: a file rewritten with its old size and modification time put
    /// back still has a new one.
    pub modified: i64,
    pub changed: i64,
    pub inode: u64,
    pub device: u64,
}

impl FileKey {
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> FileKey {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        FileKey {
            size: meta.len(),
            modified: ns(meta.mtime(), meta.mtime_nsec()),
            changed: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        }
    }

    #[cfg(not(unix))]
    pub fn of(meta: &Metadata) -> FileKey {
        let modified = meta.modified().map(nanos).unwrap_or(0);
        FileKey { size: meta.len(), modified, changed: modified, inode: 0, device: 0 }
    }

    /// Whether the file had last changed long enough before `read_at` (taken before the file
    /// was looked at) that any later change shows in its key.
    pub fn settled(&self, read_at: i64) -> bool {
        read_at.saturating_sub(self.modified.max(self.changed)) > SETTLE_NS
    }

    fn put(&self, out: &mut Enc) {
        out.u64(self.size);
        out.i64(self.modified);
        out.i64(self.changed);
        out.u64(self.inode);
        out.u64(self.device);
    }

    fn get(input: &mut Dec) -> Option<FileKey> {
        Some(FileKey {
            size: input.u64()?,
            modified: input.i64()?,
            changed: input.i64()?,
            inode: input.u64()?,
            device: input.u64()?,
        })
    }
}

impl Enc {
    pub fn key(&mut self, key: &FileKey) {
        key.put(self);
    }
}

impl Dec<'_> {
    pub fn key(&mut self) -> Option<FileKey> {
        FileKey::get(self)
    }
}

/// Now, in nanoseconds since 1970.
pub fn now_ns() -> i64 {
    nanos(SystemTime::now())
}

fn nanos(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The body of the cache file at `path`, read a piece at a time (see [`Enc::bytes`]), when it
/// was written by this very format `tag` (which names the version of blameless); `None` for
/// anything else. Nothing read from it may be trusted before [`Body::finish`] says it was whole
/// (length and checksum); the body is never held whole, so a large index costs little memory.
pub fn open_index(path: &Path, tag: &str) -> Option<Body> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = vec![0u8; MAGIC.len() + 4 + tag.len() + 16];
    file.read_exact(&mut head).ok()?;
    let mut header = Dec::new(&head);
    if header.take::<8>()? != *MAGIC || header.str()? != tag {
        return None;
    }
    let (len, sum) = (header.u64()?, header.u64()?);
    if file.metadata().ok()?.len() != head.len() as u64 + len {
        return None;
    }
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    Some(Body { reader, left: len, checksum: Checksum::new(len), sum })
}

/// An index's body being read: see [`open_index`].
#[derive(Debug)]
pub struct Body {
    reader: std::io::BufReader<std::fs::File>,
    left: u64,
    checksum: Checksum,
    sum: u64,
}

impl Body {
    fn read(&mut self, into: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(into.len() as u64)?;
        self.reader.read_exact(into).ok()?;
        self.checksum.add(into);
        Some(())
    }

    /// Reads the next piece into `buf`: `None` when none is there whole.
    pub fn piece(&mut self, buf: &mut Vec<u8>) -> Option<()> {
        let mut len = [0u8; 4];
        self.read(&mut len)?;
        let len = u32::from_le_bytes(len) as usize;
        if len as u64 > self.left {
            return None;
        }
        buf.clear();
        buf.resize(len, 0);
        self.read(buf)
    }

    /// Whether every piece has been read.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }

    /// Whether what was read is the whole body as written: all of it, and its checksum.
    pub fn finish(self) -> bool {
        self.left == 0 && self.checksum.finish() == self.sum
    }
}

/// Writes `body` as the cache file at `path`, atomically, making its folder when needed.
pub fn write_index(path: &Path, tag: &str, body: &[u8]) -> Result<(), SaveError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| SaveError::Io {
            path: folder.to_path_buf(),
            action: "create",
            source,
        })?;
    }
    let mut out = Enc(Vec::with_capacity(body.len() + 64));
    out.0.extend_from_slice(MAGIC);
    out.str(tag);
    out.u64(body.len() as u64);
    out.u64(hash(body));
    out.0.extend_from_slice(body);
    super::write_quick_with_mode(path, &out.0, Some(0o600))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece of `path`'s body, when it reads whole.
    fn pieces(path: &Path, tag: &str) -> Option<Vec<Vec<u8>>> {
        let mut body = open_index(path, tag)?;
        let mut out = Vec::new();
        while !body.is_done() {
            let mut buf = Vec::new();
            body.piece(&mut buf)?;
            out.push(buf);
        }
        body.finish().then_some(out)
    }

    #[test]
    fn a_written_index_reads_back_and_a_damaged_one_does_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = index_path(dir.path(), Path::new("/nowhere/postmortems"));
        let mut piece = Enc::default();
        piece.str("héllo");
        piece.opt_str(None);
        piece.strs(&["a".into(), "bc".into()]);
        piece.i64(-5);
        [0, 127, 128, 300, u32::MAX].into_iter().for_each(|v| piece.varint(v));
        let mut body = Enc::default();
        body.bytes(&piece.0);
        body.bytes(b"");
        body.bytes(&[7; 70_000]);
        write_index(&path, "v1", &body.0).unwrap_or_else(|e| panic!("{e}"));
        let read = pieces(&path, "v1").unwrap_or_default();
        assert_eq!(read.len(), 3);
        assert_eq!((read[1].len(), read[2].len()), (0, 70_000));
        let mut d = Dec::new(&read[0]);
        assert_eq!(d.str(), Some("héllo"));
        assert_eq!(d.opt_string(), Some(None));
        assert_eq!(d.strings(), Some(vec!["a".to_string(), "bc".to_string()]));
        assert_eq!(d.i64(), Some(-5));
        let numbers: Vec<Option<u32>> = (0..5).map(|_| d.varint()).collect();
        assert_eq!(numbers, [Some(0), Some(127), Some(128), Some(300), Some(u32::MAX)]);
        assert!(d.is_empty());
        assert_eq!(d.u8(), None, "past the end");
        assert!(pieces(&path, "v2").is_none(), "another version");
        let whole = std::fs::read(&path).unwrap_or_default();
        for cut in [0, 8, whole.len() / 2, whole.len() - 1] {
            std::fs::write(&path, &whole[..cut]).unwrap_or_else(|e| panic!("{e}"));
            assert!(pieces(&path, "v1").is_none(), "cut at {cut}");
        }
        for at in [whole.len() - 3, whole.len() - 70_010] {
            let mut flipped = whole.clone();
            flipped[at] ^= 0x20;
            std::fs::write(&path, &flipped).unwrap_or_else(|e| panic!("{e}"));
            assert!(pieces(&path, "v1").is_none(), "a changed byte at {at}");
        }
    }

    #[test]
    fn the_checksum_of_pieces_is_the_hash_of_the_whole() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        for cuts in [&[][..], &[1, 2, 3], &[7, 8, 9, 500], &[999]] {
            let mut sum = Checksum::new(bytes.len() as u64);
            let mut at = 0;
            for &cut in cuts.iter().chain([&bytes.len()]) {
                sum.add(&bytes[at..cut]);
                at = cut;
            }
            assert_eq!(sum.finish(), hash(&bytes), "cut at {cuts:?}");
        }
    }

    #[test]
    fn a_key_settles_two_seconds_after_the_last_change() {
        let key = FileKey { size: 1, modified: 10_000_000_000, changed: 11_000_000_000, inode: 1, device: 1 };
        assert!(!key.settled(12_000_000_000));
        assert!(key.settled(13_000_000_001));
        assert_ne!(hash(b"abc"), hash(b"abd"));
        assert_ne!(hash(b""), hash(b"\0"));
    }
}
