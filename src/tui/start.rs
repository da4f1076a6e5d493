//! The start screen: the postmortems in `./postmortems/`, and new ones from a template.

use std::path::{Path, PathBuf};

use crate::doc::Document;
use crate::store;
use crate::template::{Library, Template};

/// One postmortem found in the library folder.
pub struct Entry {
    pub path: PathBuf,
    pub title: String,
    pub status: String,
    pub date: String,
    /// Sections written, of all sections.
    pub done: (usize, usize),
    /// Why it could not be loaded, when it could not.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Postmortems,
    Templates,
}

pub struct Start {
    pub folder: PathBuf,
    pub entries: Vec<Entry>,
    pub templates: Vec<Template>,
    pub list: List,
    pub selected: usize,
    /// Today's date, for new file names.
    pub today: chrono::NaiveDate,
}

impl Start {
    pub fn new(folder: &Path, library: &Library, today: chrono::NaiveDate) -> Start {
        let mut entries = scan(folder);
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        let templates: Vec<Template> =
            library.list().into_iter().filter(|l| l.shadowed_by.is_none()).filter_map(|l| l.template.ok()).collect();
        let list = if entries.is_empty() { List::Templates } else { List::Postmortems };
        Start { folder: folder.to_path_buf(), entries, templates, list, selected: 0, today }
    }

    fn len(&self) -> usize {
        match self.list {
            List::Postmortems => self.entries.len(),
            List::Templates => self.templates.len(),
        }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.len().saturating_sub(1));
    }

    pub fn switch(&mut self) {
        self.list = match self.list {
            List::Postmortems => List::Templates,
            List::Templates => List::Postmortems,
        };
        self.selected = 0;
    }

    /// The file to open: the selected postmortem, or a new one made from the selected template.
    pub fn open(&mut self, library: &Library) -> Result<PathBuf, String> {
        match self.list {
            List::Postmortems => {
                let entry = self.entries.get(self.selected).ok_or("There are no postmortems here yet.")?;
                Ok(entry.path.clone())
            }
            List::Templates => {
                let template = self.templates.get(self.selected).ok_or("No template is selected.")?;
                let template = library.find(&template.name).map_err(|e| e.to_string())?;
                let doc = template.new_document("Untitled incident", &crate::doc::Zone::from_environment());
                new_file(&self.folder, self.today, &doc)
            }
        }
    }
}

/// Writes a new document into `folder` under a name not yet taken.
fn new_file(folder: &Path, today: chrono::NaiveDate, doc: &Document) -> Result<PathBuf, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
    let text = store::document_text(doc).map_err(|e| e.to_string())?;
    let base = store::default_path(today, &doc.title);
    let name = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    for n in 1..1000 {
        let file = if n == 1 { format!("{name}.yaml") } else { format!("{name}-{n}.yaml") };
        let path = folder.join(file);
        match store::create_new(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(store::SaveError::Exists(_)) => continue,
            Err(e) => return Err(e.to_string()),
        }
    }
    Err("Too many untitled documents today; rename some.".into())
}

/// The postmortems in `folder` (not recursive: the start screen shows the team's folder).
fn scan(folder: &Path) -> Vec<Entry> {
    let Ok(dir) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut out = Vec::new();
    for path in dir.filter_map(Result::ok).map(|e| e.path()) {
        if !path.is_file() || !matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if !text.lines().any(|l| l.starts_with("schema:")) {
            continue; // not a postmortem: some other YAML file
        }
        // A file named like `2026-11-24-....yaml` dates the document when it has no start time.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let file_date = name
            .get(..10)
            .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            .unwrap_or("")
            .to_string();
        match store::parse_document(&path, &text) {
            Ok(loaded) => {
                let doc = loaded.doc;
                let zone = doc.zone();
                let date = doc
                    .times
                    .started
                    .as_ref()
                    .and_then(|m| m.resolve(&zone))
                    .map(|t| t.format("%Y-%m-%d").to_string())
                    .unwrap_or(file_date);
                let written = doc.sections.iter().filter(|s| doc.is_written(s)).count();
                out.push(Entry {
                    title: doc.title.clone(),
                    status: doc.status.as_str().to_string(),
                    date,
                    done: (written, doc.sections.len()),
                    error: None,
                    path,
                });
            }
            Err(e) => out.push(Entry {
                title: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                status: "error".into(),
                date: file_date,
                done: (0, 0),
                error: Some(e.message.clone()),
                path,
            }),
        }
    }
    out
}
