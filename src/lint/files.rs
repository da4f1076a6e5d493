//! Checking files: which files a path stands for, what kind each is, and findings placed at
//! the line and column of the file as written. Columns count characters, from 1.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::document::Place;
use super::{Checker, DocFinding, TextFinding};
use crate::doc::Document;
use crate::store::spans::{ValueSpans, value_spans};
use crate::store::{self, LoadError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A postmortem document (YAML with a `schema:` key).
    Document,
    /// Markdown, or any other text named on the command line.
    Markdown,
}

/// A finding placed in its file: 1-based lines, columns in characters, `end_column` just
/// after the last character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub finding: TextFinding,
    /// The document path of the field (`sections[2].text`), for documents.
    pub field: Option<String>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    pub kind: FileKind,
    /// The file's text, for showing the lines findings point at.
    pub source: String,
    pub findings: Vec<Located>,
}

/// Folders never searched: build output, dependencies, and hidden folders (`.git`,
/// `.blameless`, editors' folders).
/// The files `paths` stand for: files as named, folders searched recursively for `.md`,
/// `.markdown`, `.yaml` and `.yml` files, in a stable order. A path that does not exist is
/// an error.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| LoadError::io(path, &e))?;
        if meta.is_dir() {
            store::files_under(path, &["md", "markdown", "yaml", "yml"], &mut out);
        } else {
            out.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    Ok(out)
}

/// A Markdown file found in a folder that is the export of a document beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedExport {
    pub path: PathBuf,
    /// The document it was exported from, beside it.
    pub source: PathBuf,
}

/// As [`collect_files`], leaving out the Markdown files found in folders that are exports of
/// a document beside them (they carry [`crate::export::marker`]): the document is checked,
/// not its copy, which may be stale and does not carry the document's dismissals. A file
/// named on the command line is always checked.
pub fn collect_sources(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<SkippedExport>), LoadError> {
    let named: std::collections::HashSet<&PathBuf> =
        paths.iter().filter(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_dir())).collect();
    let mut skipped = Vec::new();
    let mut files = collect_files(paths)?;
    files.retain(|path| {
        let source = (!named.contains(path)).then(|| export_source(path)).flatten();
        match source {
            Some(source) => {
                skipped.push(SkippedExport { path: path.clone(), source });
                false
            }
            None => true,
        }
    });
    Ok((files, skipped))
}

/// The document beside `path` that the Markdown file at `path` was exported from, if it is one.
fn export_source(path: &Path) -> Option<PathBuf> {
    use std::io::Read;
    if !matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "markdown")) {
        return None;
    }
    // The marker is at the top, after a front matter block at most.
    let mut head = Vec::new();
    std::fs::File::open(path).ok()?.take(16 * 1024).read_to_end(&mut head).ok()?;
    let head = String::from_utf8_lossy(&head);
    let source = path.with_file_name(crate::export::marker::exported_from(&head)?);
    source.is_file().then_some(source)
}

/// Reads and checks one file. `Ok(None)`: a YAML file that is not a postmortem (no
/// `schema:` key), skipped. `scale` gives a template's severity scale by name.
pub fn check_file(
    checker: &Checker,
    path: &Path,
    scale: &mut dyn FnMut(&str) -> Option<Vec<String>>,
    now: Option<DateTime<Utc>>,
) -> Result<Option<FileReport>, LoadError> {
    let src = store::read_text(path)?;
    let yaml = matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
    if yaml && store::line_of_key(&src, "schema").is_none() {
        return Ok(None);
    }
    let kind = if yaml { FileKind::Document } else { FileKind::Markdown };
    check_source(checker, path, src, kind, scale, now).map(Some)
}

/// Checks text already read; `path` is used in the report and in messages.
pub fn check_source(
    checker: &Checker,
    path: &Path,
    src: String,
    kind: FileKind,
    scale: &mut dyn FnMut(&str) -> Option<Vec<String>>,
    now: Option<DateTime<Utc>>,
) -> Result<FileReport, LoadError> {
    let mut findings = match kind {
        FileKind::Markdown => {
            let people = checker.markdown_people(&src);
            let lines = LineIndex::new(&src);
            checker
                .check_markdown(&src, &people)
                .into_iter()
                .map(|f| {
                    let (line, column) = lines.position(&src, f.span.start);
                    let (end_line, end_column) = lines.position(&src, f.span.end);
                    Located { finding: f, field: None, line, column, end_line, end_column }
                })
                .collect()
        }
        FileKind::Document => {
            let doc = store::parse_document(path, &src)?.doc;
            let scale = scale(&doc.template.name);
            let found = checker.check_document(&doc, scale.as_deref(), now);
            place_in_yaml(&src, &doc, found)
        }
    };
    findings.sort_by_key(|l| (l.line, l.column, l.end_line, l.end_column));
    Ok(FileReport { path: path.to_path_buf(), kind, source: src, findings })
}

fn place_in_yaml(src: &str, doc: &Document, found: Vec<DocFinding>) -> Vec<Located> {
    let mut spans: HashMap<String, Option<ValueSpans>> = HashMap::new();
    let lines = LineIndex::new(src);
    found
        .into_iter()
        .map(|DocFinding { place, finding }| {
            let path = place.path().to_string();
            let mapped = match &place {
                Place::Value(p) => spans
                    .entry(p.clone())
                    .or_insert_with(|| value_at(doc, p).and_then(|v| value_spans(src, p, v)))
                    .as_ref()
                    .map(|s| (s.start(src, finding.span.start), s.end(src, finding.span.end))),
                Place::Item(_) => None,
            };
            let ((line, column), (end_line, end_column)) = mapped.unwrap_or_else(|| {
                // The whole item: from its key to the end of that line.
                let (line, column) = store::locate(src, &path).unwrap_or((1, 1));
                let length = lines.line(src, line).chars().count();
                ((line, column), (line, length.max(column) + 1))
            });
            Located { finding, field: Some(path), line, column, end_line, end_column }
        })
        .collect()
}

/// The text of the field at a document path written by [`Checker::check_document`].
fn value_at<'d>(doc: &'d Document, path: &str) -> Option<&'d str> {
    super::document::Field::parse(path)?.text(doc)
}

/// Byte offsets of line starts, to turn an offset into a line and a column.
pub(super) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        LineIndex { starts: std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// 1-based line and column (in characters) of byte `at`.
    pub fn position(&self, src: &str, at: usize) -> (usize, usize) {
        let at = at.min(src.len());
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1];
        (line, src.get(start..at).map_or(1, |s| s.chars().count() + 1))
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line<'s>(&self, src: &'s str, line: usize) -> &'s str {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(src.len());
        src[start..].lines().next().unwrap_or("")
    }
}
