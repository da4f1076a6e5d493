//! Reading a file as text, the same way for every command and the library scan: only a
//! regular file is opened (a named pipe would wait forever, a device such as `/dev/zero` never
//! ends), at most [`MAX_FILE_BYTES`] plus one byte is read, a UTF-8 byte-order mark is
//! skipped, and UTF-16 or any other encoding is refused with one clear message.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use super::LoadError;

/// The largest file read as a document, template or configuration: far above any real
/// postmortem (a megabyte of prose is a long one), far below what would stall the app.
pub const MAX_FILE_BYTES: u64 = 32_000_000;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a file as UTF-8 text, with messages that say what to do.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, &read_bytes(path)?)
}

/// The bytes of a regular file no larger than [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    // `metadata` looks without opening, so a named pipe is refused before it can block.
    let meta = std::fs::metadata(path).map_err(|e| LoadError::io(path, &e))?;
    regular(path, &meta)?;
    let file = File::open(path).map_err(|e| LoadError::io(path, &e))?;
    // What was opened may not be what was looked at a moment before.
    let opened = file.metadata().map_err(|e| LoadError::io(path, &e))?;
    regular(path, &opened)?;
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(MAX_FILE_BYTES)).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| LoadError::io(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, opened.len().max(bytes.len() as u64)));
    }
    Ok(bytes)
}

pub(super) fn regular(path: &Path, meta: &Metadata) -> Result<(), LoadError> {
    if meta.is_dir() {
        return Err(LoadError::new(path, "is a folder, not a file").hint("name a .yaml file inside it"));
    }
    if !meta.is_file() {
        return Err(LoadError::new(path, &format!("is {}, not a regular file", special_kind(meta)))
            .hint("blameless reads only regular files; name the file itself, not a pipe, a device or a link to one"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    Ok(())
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "a special file"
}

fn too_large(path: &Path, bytes: u64) -> LoadError {
    LoadError::new(
        path,
        &format!(
            "is {} MB, more than the {} MB a postmortem, template or configuration may be",
            bytes.div_ceil(1_000_000),
            MAX_FILE_BYTES / 1_000_000
        ),
    )
    .hint("check the path: this looks like another kind of file")
}

/// Whether `bytes` look like UTF-16 (or UTF-32): a byte-order mark, or a NUL beside each of
/// the first ASCII characters.
pub fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 2
        && (head.chunks(2).all(|p| p[1] == 0 && p[0] != 0) || head.chunks(2).all(|p| p[0] == 0 && p[1] != 0))
}

/// The text of `bytes` read from `path`: UTF-8, a leading byte-order mark left out.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    if is_utf16(bytes) {
        return Err(LoadError::new(path, "is UTF-16 text; blameless reads UTF-8")
            .hint("save the file as UTF-8 (in most editors: Save with encoding, UTF-8) and try again"));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let text = String::from_utf8_lossy(&bytes[..at]);
            let line = text.matches('\n').count() + 1;
            let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::new(path, &format!("is not UTF-8 text (invalid byte at offset {at})"))
                .at(Some(line), Some(column))
                .hint("save the file as UTF-8 and try again"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_and_encodings() {
        let p = Path::new("x.yaml");
        assert_eq!(decode(p, b"\xEF\xBB\xBFschema: 2\n").ok().as_deref(), Some("schema: 2\n"));
        let utf16: Vec<u8> = "schema: 2\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(is_utf16(&utf16));
        let bom16 = [b"\xFF\xFE".as_slice(), &utf16].concat();
        let e = decode(p, &bom16).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("x.yaml: is UTF-16 text; blameless reads UTF-8"), "{e}");
        let e = decode(p, b"title: caf\xE9\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("x.yaml:1:11: is not UTF-8 text"), "{e}");
        assert!(!is_utf16(b"a") && !is_utf16(b""));
    }
}
