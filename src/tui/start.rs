//! The start screen: the team's postmortems (loaded in the background, shown as they arrive),
//! filtered as you type and sorted by date, severity or status; the follow-up actions of all
//! of them, overdue first; and new postmortems from a template.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use std::sync::Arc;

use crate::library::words::Words;
use crate::library::{self, Catalog, Entry, Finder};
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
    /// Every entry, in path order (none until the library is read).
    entries: Vec<Entry>,
    /// The library being read, while it is.
    loading: Option<Receiver<Catalog>>,
    /// The search over the entries' words.
    finder: Option<Box<Finder>>,
    pub templates: Vec<Template>,
    pub list: List,
    pub selected: usize,
    pub order: Order,
    /// Filter-as-you-type: words in titles, tags and the documents' text.
    query: String,
    pub today: chrono::NaiveDate,
    /// What the list shows, worked out when it changes.
    lists: Box<Lists>,
    /// The cache folder the library's index is kept in, if any.
    cache: Option<Box<Path>>,
}

/// The lists the screen shows, worked out when what they show changes, never per frame.
#[derive(Default)]
struct Lists {
    /// Every entry in the chosen order (indices into `entries`): sorted when the entries or
    /// the order change, never per key.
    ordered: Vec<usize>,
    /// The entries that match the filter, in the chosen order: worked out when the entries,
    /// the filter or the order change.
    shown: Vec<usize>,
    /// The follow-up actions of the shown postmortems, in the order to show them (indices
    /// into `shown`): worked out when they change while the actions are the list shown.
    actions: Vec<library::ActionRow>,
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
    /// The start screen over `folder`, every file read (no index) on a thread of its own.
    pub fn new(folder: &Path, library: &Library, today: chrono::NaiveDate) -> Start {
        Start::with_cache(folder, library, today, None)
    }

    /// The start screen over `folder`, read through the index in the folder `cache` (none:
    /// every file is read) on a thread of its own.
    pub fn with_cache(folder: &Path, library: &Library, today: chrono::NaiveDate, cache: Option<PathBuf>) -> Start {
        let templates: Vec<Template> =
            library.list().into_iter().filter(|l| l.shadowed_by.is_none()).filter_map(|l| l.template.ok()).collect();
        let loading = folder.is_dir().then(|| library::background(folder.to_path_buf(), cache.clone()));
        let mut start = Start {
            folder: folder.to_path_buf(),
            root: folder.to_path_buf(),
            loading,
            templates,
            // No folder yet: the templates are what there is to choose from.
            list: if folder.is_dir() { List::Postmortems } else { List::Templates },
            cache: cache.map(PathBuf::into_boxed_path),
            ..Start::unused(today)
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
            finder: None,
            templates: Vec::new(),
            list: List::Templates,
            selected: 0,
            order: Order::Date,
            query: String::new(),
            today,
            lists: Box::default(),
            cache: None,
        }
    }

    /// The same start screen read again (leaving the editor: the document may have changed).
    pub fn again(&self, library: &Library) -> Start {
        Start::with_cache(&self.folder, library, self.today, self.cache.as_deref().map(Path::to_path_buf))
    }

    /// Takes the library when it has been read, and the answer of a search that ran on its
    /// own thread. Returns whether anything arrived.
    pub fn receive(&mut self) -> bool {
        let searched = self.finder.as_mut().is_some_and(|f| f.poll());
        if searched {
            self.refilter();
        }
        let Some(rx) = &self.loading else { return searched };
        let catalog = match rx.try_recv() {
            Ok(catalog) => catalog,
            Err(TryRecvError::Empty) => return searched,
            Err(TryRecvError::Disconnected) => Catalog { entries: Vec::new(), words: Words::new(), from_index: 0 },
        };
        self.loading = None;
        self.entries = catalog.entries;
        if self.entries.is_empty() && self.list == List::Postmortems {
            self.list = List::Templates;
        }
        let mut finder = Box::new(Finder::new(Arc::new(catalog.words)));
        finder.ask(&self.query);
        self.finder = Some(finder);
        self.reorder();
        true
    }

    /// Blocks until the library is read and the search is done (tests and benches).
    pub fn wait_loaded(&mut self) {
        while self.loading.is_some() {
            self.receive();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if let Some(finder) = &mut self.finder
            && finder.busy()
        {
            finder.wait();
            self.refilter();
        }
    }

    /// Whether this is a start screen the user saw (not the placeholder of `blameless edit`).
    pub fn is_real(&self) -> bool {
        !self.folder.as_os_str().is_empty()
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether a search is running on its own thread (the list shows the answer before it).
    pub fn is_searching(&self) -> bool {
        self.finder.as_ref().is_some_and(|f| f.busy())
    }

    /// Every entry read, in path order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The postmortems that match the filter, in the chosen order.
    pub fn shown(&self) -> Vec<&Entry> {
        self.lists.shown.iter().filter_map(|&i| self.entries.get(i)).collect()
    }

    /// How many entries match the filter.
    pub fn shown_len(&self) -> usize {
        self.lists.shown.len()
    }

    /// The shown entries from the `skip`th, at most `take` of them: what one screen shows.
    pub fn shown_rows(&self, skip: usize, take: usize) -> impl Iterator<Item = &Entry> {
        self.lists.shown.iter().skip(skip).take(take).filter_map(|&i| self.entries.get(i))
    }

    /// The filter as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Clears the filter.
    pub fn clear_query(&mut self) {
        self.query.clear();
        self.selected = 0;
        self.search();
    }

    /// Asks the finder for the query's entries; the list follows at once when it answered.
    fn search(&mut self) {
        if let Some(finder) = &mut self.finder {
            finder.ask(&self.query);
        }
        self.refilter();
    }

    /// Sorts every entry in the chosen order, then filters.
    fn reorder(&mut self) {
        let rank_status = |e: &Entry| e.summary().map_or(9, |s| s.status as u8);
        fn severity(e: &Entry) -> &str {
            e.summary().and_then(|s| s.severity.as_deref()).unwrap_or("~")
        }
        let entries = &self.entries;
        let mut ordered: Vec<usize> = (0..entries.len()).collect();
        // The entries are in path order, and the sort is stable: the path breaks ties.
        ordered.sort_by(|&a, &b| {
            let (a, b) = (&entries[a], &entries[b]);
            let newest = b.date().cmp(&a.date());
            match self.order {
                Order::Date => newest,
                Order::Severity => severity(a).cmp(severity(b)).then(newest),
                Order::Status => rank_status(a).cmp(&rank_status(b)).then(newest),
            }
        });
        self.lists.ordered = ordered;
        self.refilter();
    }

    /// Works out which entries match the filter (the finder's last answer; a broken file by
    /// its path), in the chosen order.
    fn refilter(&mut self) {
        let mut found = vec![false; self.entries.len()];
        if let Some(finder) = &self.finder {
            finder.found().iter().for_each(|&i| found[i] = true);
            let query = finder.query().to_lowercase();
            for (i, e) in self.entries.iter().enumerate().filter(|(_, e)| e.summary().is_none()) {
                found[i] = query.trim().is_empty() || e.path().to_string_lossy().to_lowercase().contains(&query);
            }
        }
        self.lists.shown = self.lists.ordered.iter().copied().filter(|&i| found[i]).collect();
        self.selected = self.selected.min(self.len().saturating_sub(1));
        self.lists.actions.clear();
        if self.list == List::Actions {
            let now = self.now();
            let docs = self.lists.shown.iter().map(|&i| &self.entries[i]);
            let summaries: Vec<(usize, &library::Summary)> =
                docs.enumerate().filter_map(|(n, e)| Some((n, e.summary()?))).collect();
            self.lists.actions = library::action_rows(summaries.iter().map(|(_, s)| *s), now)
                .into_iter()
                .map(|r| library::ActionRow { doc: summaries[r.doc].0, ..r })
                .collect();
        }
    }

    /// Noon of `today` (the one a test fixes), else now: what decides an action is overdue.
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        let now = crate::doc::clock::now().unwrap_or_else(|_| chrono::Utc::now());
        self.today.and_hms_opt(12, 0, 0).map_or(now, |t| t.and_utc())
    }

    /// Every follow-up action of the shown postmortems, overdue first (worked out when the
    /// actions are the list shown).
    pub fn actions(&self) -> Vec<library::ActionItem<'_>> {
        self.action_rows(0, usize::MAX).collect()
    }

    /// The actions from the `skip`th, at most `take` of them.
    pub fn action_rows(&self, skip: usize, take: usize) -> impl Iterator<Item = library::ActionItem<'_>> {
        self.lists.actions.iter().skip(skip).take(take).filter_map(|r| {
            let doc = self.entries.get(*self.lists.shown.get(r.doc)?)?.summary()?;
            Some(library::ActionItem { doc, action: doc.actions.get(r.action)?, overdue: r.overdue })
        })
    }

    fn len(&self) -> usize {
        match self.list {
            List::Postmortems => self.lists.shown.len(),
            List::Actions => self.lists.actions.len(),
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
        self.refilter();
    }

    pub fn next_order(&mut self) {
        self.order = match self.order {
            Order::Date => Order::Severity,
            Order::Severity => Order::Status,
            Order::Status => Order::Date,
        };
        self.selected = 0;
        self.reorder();
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.selected = 0;
        self.search();
    }

    pub fn erase(&mut self) -> bool {
        self.selected = 0;
        let erased = self.query.pop().is_some();
        self.search();
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
