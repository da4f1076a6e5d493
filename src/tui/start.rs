//! The start screen: the team's postmortems (loaded in the background, shown as they arrive),
//! filtered as you type and sorted by date, severity or status; the follow-up actions of all
//! of them, overdue first; and new postmortems from a template.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::library::{self, Entry, Filter};
use crate::store;
use crate::template::{Library, Template};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Postmortems,
    Actions,
    Templates,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Date,
    Severity,
    Status,
}

impl Order {
    pub fn name(self) -> &'static str {
        match self {
            Order::Date => "newest first",
            Order::Severity => "severity",
            Order::Status => "status",
        }
    }
}

pub struct Start {
    /// The folder as shown; `root` is where it was scanned.
    pub folder: PathBuf,
    pub root: PathBuf,
    /// Every entry loaded so far, in arrival order.
    pub entries: Vec<Entry>,
    /// The scan still running, when it is.
    loading: Option<Receiver<Entry>>,
    pub templates: Vec<Template>,
    pub list: List,
    pub selected: usize,
    pub order: Order,
    /// Filter-as-you-type: text in titles, tags and the documents' text.
    query: String,
    pub today: chrono::NaiveDate,
    /// The entries that match the filter, in the chosen order (indices into `entries`):
    /// worked out when the entries, the filter or the order change, not on every frame.
    shown: Vec<usize>,
}

/// What opening the selection means.
#[derive(Debug)]
pub enum Opening {
    /// A postmortem in the library.
    Existing(PathBuf),
    /// A new postmortem from a template: `text`, written into `folder` under `name` (or
    /// `name-2`, … when taken).
    New { folder: PathBuf, name: PathBuf, text: String },
}

impl Start {
    pub fn new(folder: &Path, library: &Library, today: chrono::NaiveDate) -> Start {
        let templates: Vec<Template> =
            library.list().into_iter().filter(|l| l.shadowed_by.is_none()).filter_map(|l| l.template.ok()).collect();
        let loading = folder.is_dir().then(|| library::background(folder.to_path_buf()));
        let mut start = Start {
            folder: folder.to_path_buf(),
            root: folder.to_path_buf(),
            entries: Vec::new(),
            loading,
            templates,
            // No folder yet: the templates are what there is to choose from.
            list: if folder.is_dir() { List::Postmortems } else { List::Templates },
            selected: 0,
            order: Order::Date,
            query: String::new(),
            today,
            shown: Vec::new(),
        };
        start.receive();
        start
    }

    /// A start screen with nothing loaded: `blameless edit` opens the editor straight away and
    /// never shows it, so it neither resolves the templates nor scans the folder.
    pub fn unused(today: chrono::NaiveDate) -> Start {
        Start {
            folder: PathBuf::new(),
            root: PathBuf::new(),
            entries: Vec::new(),
            loading: None,
            templates: Vec::new(),
            list: List::Templates,
            selected: 0,
            order: Order::Date,
            query: String::new(),
            today,
            shown: Vec::new(),
        }
    }

    /// Takes what the background scan found so far. Returns whether anything arrived.
    pub fn receive(&mut self) -> bool {
        let Some(rx) = &self.loading else { return false };
        let mut got = false;
        loop {
            match rx.try_recv() {
                Ok(e) => {
                    self.entries.push(e);
                    got = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.loading = None;
                    got = true;
                    if self.entries.is_empty() && self.list == List::Postmortems {
                        self.list = List::Templates;
                    }
                    break;
                }
            }
        }
        if got {
            self.refilter();
        }
        got
    }

    /// Blocks until the scan is done (tests and benches).
    pub fn wait_loaded(&mut self) {
        while self.loading.is_some() {
            self.receive();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// Whether this is a start screen the user saw (not the placeholder of `blameless edit`).
    pub fn is_real(&self) -> bool {
        !self.folder.as_os_str().is_empty()
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The postmortems that match the filter, in the chosen order.
    pub fn shown(&self) -> Vec<&Entry> {
        self.shown.iter().filter_map(|&i| self.entries.get(i)).collect()
    }

    /// The filter as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Clears the filter.
    pub fn clear_query(&mut self) {
        self.query.clear();
        self.selected = 0;
        self.refilter();
    }

    /// Works out which entries match the filter, in the chosen order.
    fn refilter(&mut self) {
        let filter =
            Filter { search: (!self.query.trim().is_empty()).then(|| self.query.clone()), ..Filter::default() };
        let mut out: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| match e.summary() {
                Some(s) => filter.matches(s),
                None => {
                    self.query.trim().is_empty()
                        || e.path().to_string_lossy().to_lowercase().contains(&self.query.to_lowercase())
                }
            })
            .collect();
        let rank_status = |e: &Entry| e.summary().map_or(9, |s| s.status as u8);
        let severity = |e: &Entry| e.summary().and_then(|s| s.severity.clone()).unwrap_or_else(|| "~".into());
        out.sort_by(|(_, a), (_, b)| {
            let newest = b.date().cmp(&a.date()).then_with(|| a.path().cmp(b.path()));
            match self.order {
                Order::Date => newest,
                Order::Severity => severity(a).cmp(&severity(b)).then(newest),
                Order::Status => rank_status(a).cmp(&rank_status(b)).then(newest),
            }
        });
        self.shown = out.into_iter().map(|(i, _)| i).collect();
    }

    /// Every follow-up action of the shown postmortems, overdue first.
    pub fn actions(&self) -> Vec<library::ActionItem<'_>> {
        let now = crate::doc::clock::now().unwrap_or_else(|_| chrono::Utc::now());
        let now = self.today.and_hms_opt(12, 0, 0).map_or(now, |t| t.and_utc());
        library::action_items(self.shown().into_iter().filter_map(Entry::summary), now)
    }

    fn len(&self) -> usize {
        match self.list {
            List::Postmortems => self.shown().len(),
            List::Actions => self.actions().len(),
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
            List::Postmortems => List::Actions,
            List::Actions => List::Templates,
            List::Templates => List::Postmortems,
        };
        self.selected = 0;
    }

    pub fn next_order(&mut self) {
        self.order = match self.order {
            Order::Date => Order::Severity,
            Order::Severity => Order::Status,
            Order::Status => Order::Date,
        };
        self.selected = 0;
        self.refilter();
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.selected = 0;
        self.refilter();
    }

    pub fn erase(&mut self) -> bool {
        self.selected = 0;
        let erased = self.query.pop().is_some();
        self.refilter();
        erased
    }

    /// What to open: the selected postmortem (or the one an action belongs to), or a new
    /// one made from the selected template.
    pub fn open(&self, library: &Library) -> Result<Opening, String> {
        match self.list {
            List::Postmortems => {
                let shown = self.shown();
                let entry = shown.get(self.selected).ok_or("There are no postmortems here yet.")?;
                if let Some(why) = entry.error_line() {
                    return Err(format!("Cannot open it: {why}"));
                }
                Ok(Opening::Existing(entry.path().to_path_buf()))
            }
            List::Actions => {
                let items = self.actions();
                let item = items.get(self.selected).ok_or("There are no follow-up actions yet.")?;
                Ok(Opening::Existing(item.doc.path.clone()))
            }
            List::Templates => {
                let template = self.templates.get(self.selected).ok_or("No template is selected.")?;
                let template = library.find(&template.name).map_err(|e| e.to_string())?;
                let doc = template.new_document(crate::doc::UNTITLED, &crate::doc::Zone::from_environment());
                let text = store::document_text(&doc).map_err(|e| e.to_string())?;
                let name = store::default_path(self.today, &doc.title);
                Ok(Opening::New { folder: self.folder.clone(), name, text })
            }
        }
    }
}

/// Writes `text` into `folder` as `base` (or `base-2`, …: a name not yet taken); the runner's
/// work.
pub fn new_file(folder: &Path, base: &Path, text: &str) -> Result<PathBuf, String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
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
