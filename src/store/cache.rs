//! The library's index on disk, in the user's cache folder: what a file of it looks like
//! around its body (a magic word, the version of blameless that wrote it, the body's length
//! and a checksum), the key each postmortem file is known by (size, modification and change
//! times, inode), and a small binary writer and reader. What the body holds is the library's.
//!
//! A cache is only ever a copy: one that is missing, from another version, truncated or
//! corrupt reads as `None` and is rebuilt; writing one is atomic (a temporary file renamed
//! over it), without waiting for the disk, since losing it costs only a slower next start.

use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::SaveError;

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
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // Final mix (splitmix64's), so that nearby inputs land far apart.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
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

/// A body being written: little-endian numbers, length-prefixed strings.
#[derive(Debug, Default)]
pub struct Enc(pub Vec<u8>);

impl Enc {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    /// A number in as few bytes as it needs (seven bits a byte, the high bit saying more
    /// follow): small numbers, such as the gaps between sorted word numbers, take one or two.
    pub fn varint(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    /// A length or a count (a document never holds four billion of anything).
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    /// Bytes, length first.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.0.extend_from_slice(bytes);
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
    pub fn strs(&mut self, items: &[String]) {
        self.len(items.len());
        items.iter().for_each(|s| self.str(s));
    }
}

/// A body being read: every read is `None` past the end or on a string that is not UTF-8,
/// so a damaged body is noticed, never trusted.
#[derive(Debug)]
pub struct Dec<'a> {
    bytes: &'a [u8],
}

impl<'a> Dec<'a> {
    pub fn new(bytes: &'a [u8]) -> Dec<'a> {
        Dec { bytes }
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// How many bytes are left to read.
    pub fn remaining(&self) -> usize {
        self.bytes.len()
    }
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    pub fn i64(&mut self) -> Option<i64> {
        self.take().map(i64::from_le_bytes)
    }
    pub fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }
    pub fn varint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
    /// Bytes written by [`Enc::bytes`].
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        if n > self.bytes.len() {
            return None;
        }
        let (s, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(s)
    }
    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }
    pub fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    pub fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
    pub fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        // Each string takes at least its 4-byte length: a count larger than that is damage.
        if n > self.bytes.len() / 4 {
            return None;
        }
        (0..n).map(|_| self.string()).collect()
    }
}

/// The body of the cache file at `path` when it was written by this very format `tag` (which
/// names the version of blameless) and is whole; `None` for anything else.
pub fn read_index(path: &Path, tag: &str) -> Option<Vec<u8>> {
    let mut bytes = std::fs::read(path).ok()?;
    let mut header = Dec::new(&bytes);
    if header.take::<8>()? != *MAGIC || header.str()? != tag {
        return None;
    }
    let (len, sum) = (header.u64()?, header.u64()?);
    let start = bytes.len() - header.bytes.len();
    if header.bytes.len() as u64 != len || hash(header.bytes) != sum {
        return None;
    }
    bytes.drain(..start);
    Some(bytes)
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

    #[test]
    fn a_written_index_reads_back_and_a_damaged_one_does_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = index_path(dir.path(), Path::new("/nowhere/postmortems"));
        let mut body = Enc::default();
        body.str("héllo");
        body.opt_str(None);
        body.strs(&["a".into(), "bc".into()]);
        body.i64(-5);
        [0, 127, 128, 300, u32::MAX].into_iter().for_each(|v| body.varint(v));
        write_index(&path, "v1", &body.0).unwrap_or_else(|e| panic!("{e}"));
        let read = read_index(&path, "v1").unwrap_or_default();
        let mut d = Dec::new(&read);
        assert_eq!(d.str(), Some("héllo"));
        assert_eq!(d.opt_string(), Some(None));
        assert_eq!(d.strings(), Some(vec!["a".to_string(), "bc".to_string()]));
        assert_eq!(d.i64(), Some(-5));
        let numbers: Vec<Option<u32>> = (0..5).map(|_| d.varint()).collect();
        assert_eq!(numbers, [Some(0), Some(127), Some(128), Some(300), Some(u32::MAX)]);
        assert!(d.is_empty());
        assert_eq!(d.u8(), None, "past the end");
        assert!(read_index(&path, "v2").is_none(), "another version");
        let whole = std::fs::read(&path).unwrap_or_default();
        for cut in [0, 8, whole.len() / 2, whole.len() - 1] {
            std::fs::write(&path, &whole[..cut]).unwrap_or_else(|e| panic!("{e}"));
            assert!(read_index(&path, "v1").is_none(), "cut at {cut}");
        }
        let mut flipped = whole.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x20;
        std::fs::write(&path, &flipped).unwrap_or_else(|e| panic!("{e}"));
        assert!(read_index(&path, "v1").is_none(), "a changed byte");
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
