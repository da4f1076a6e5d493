//! The editor's state: the document, the page being written, the text widgets, and the
//! bookkeeping that keeps every word safe (autosave, recovery copy, conflict check).

mod checks;
mod saving;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::fields::FieldLints;
use super::findings::SectionLint;
use super::finish::Summary;
use super::form::Form;
use super::prose::Prose;
use super::table::Table;
use crate::doc::{Document, SectionKind};
use crate::lint::{Checker, People};
use crate::store::Loaded;
use crate::store::recovery::Fingerprint;
use crate::template::{Library, Template};

/// How long typing must pause before the document is saved.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);

/// The autosave pause in force: `BLAMELESS_AUTOSAVE_MS` shortens it for stress tests.
pub(super) fn autosave_after() -> Duration {
    static PAUSE: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *PAUSE.get_or_init(|| {
        std::env::var("BLAMELESS_AUTOSAVE_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(AUTOSAVE_AFTER, Duration::from_millis)
    })
}
/// Continuous typing is saved at least this often, pause or not.
pub const AUTOSAVE_AT_MOST: Duration = Duration::from_secs(10);

/// How long typing must pause before the recovery copy is written (the journal), and the
/// longest it waits while typing goes on: a `kill -9` loses at most about the last second.
pub const JOURNAL_AFTER: Duration = Duration::from_millis(250);
pub const JOURNAL_AT_MOST: Duration = Duration::from_millis(700);

/// How long typing must pause before the section's wording is checked again.
pub const CHECK_AFTER: Duration = Duration::from_millis(150);

/// The sidebar's entries: the details form, each section, and the finish page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Details,
    Section(usize),
    Finish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    Sidebar,
    Page,
}

pub struct Editor {
    pub path: PathBuf,
    /// Shared with the saves and recovery copies under way (and the checker's first look),
    /// which take it without copying it; changed through [`Editor::doc_mut`] or
    /// `Arc::make_mut` (a copy only while one of them still holds it).
    pub doc: Arc<Document>,
    pub template: Option<Template>,
    pub page: Page,
    pub focus: Focus,
    /// The sidebar's highlighted row (may differ from the open page while browsing).
    pub selected: usize,
    pub show_guidance: bool,
    /// Prose sections being written, made when first opened.
    pub texts: HashMap<usize, Prose>,
    /// Table editors of the timeline, factors and actions sections.
    pub tables: HashMap<usize, Table>,
    /// The details form, and the forms of `fields` sections.
    pub details: Form,
    pub field_forms: HashMap<usize, Form>,
    /// Unsaved changes exist.
    pub dirty: bool,
    pub last_edit: Option<Instant>,
    /// The first edit not saved yet (continuous typing is saved every [`AUTOSAVE_AT_MOST`]).
    pub dirty_since: Option<Instant>,
    /// This editor's id: its recovery copy and lock carry it.
    pub id: String,
    /// The edit the recovery copy holds, and the first edit since that it does not.
    pub journaled: u64,
    pub unjournaled_since: Option<Instant>,
    /// A recovery copy is being written.
    pub journaling: bool,
    /// Wall-clock time of the last successful save, for the status line.
    pub saved_at: Option<String>,
    /// What the file on disk looked like when we last read or wrote it.
    pub disk: Option<Fingerprint>,
    /// The path was a symbolic link when the file was read: saves go through it, but a link
    /// that appears later is the file changing underneath us.
    pub link: bool,
    /// Set while the file changed on disk and the user has not chosen what to do.
    pub conflict: bool,
    /// Where the recovery copy was last written.
    pub recovery_at: Option<PathBuf>,
    /// The folder recovery copies go to.
    pub recovery_dir: PathBuf,
    /// The file's name as shown in the status line (the app makes it relative to where
    /// blameless started).
    pub shown: String,
    pub migrated_from: Option<u32>,
    /// The wording checker, when one could be built (a broken lint.yaml leaves it off).
    pub checker: Option<std::sync::Arc<Checker>>,
    /// The checker is being built, and the document checked, on other threads: the findings
    /// follow the first frame, and nothing says "no findings" before they are in.
    pub checking: bool,
    people: People,
    /// Findings of each prose section.
    pub lints: HashMap<usize, SectionLint>,
    /// Findings of every other field `lint` checks: the title, answers, rows.
    pub fields: FieldLints,
    /// How many of those findings each page shows, counted when they change (the sidebar
    /// asks on every frame, and a long timeline has thousands).
    field_counts: HashMap<Page, usize>,
    /// What the finish page says, worked out when it opens.
    pub finish: Summary,
    /// When the current section is to be checked again.
    pub check_due: Option<Instant>,
    /// This editor's lock on the file, when it holds one.
    pub lock: Option<crate::store::lock::Lock>,
    /// Edits so far: a save includes those up to its own count.
    pub rev: u64,
    /// A save is with the runner; another waits until it is done.
    pub saving: bool,
    /// The text that save writes, once the writer has made it.
    pub in_flight: Option<crate::tui::effects::Made>,
    /// A save asked for while one was running (and whether it was asked, not automatic).
    pub resave: Option<bool>,
    /// "Save and quit" was asked while another save ran: the save that follows it quits.
    pub quit_after_save: bool,
    /// The text of a document made from a template this session, as made: if nothing is
    /// written in it, leaving removes the file.
    pub made_from_template: Option<String>,
    /// The file was named for the editor (`<today>-untitled-incident.yaml`): it takes the
    /// title and the incident's day once they are set, one rename.
    pub names_follow: bool,
}

impl Editor {
    /// The editor on `loaded`, read from `path` as `text` (what is on disk, to notice when
    /// someone else changes it).
    /// `modified` is the file's modification time as read with `text`.
    pub fn open(
        path: &Path,
        (loaded, text, modified): (Loaded, &str, Option<std::time::SystemTime>),
        library: &Library,
        recovery_dir: &Path,
        checker: Option<std::sync::Arc<Checker>>,
    ) -> Editor {
        let disk = Some(Fingerprint::of_text(text, modified));
        let template = library.find_name(&loaded.doc.template.name).ok();
        let details = Form::details(&loaded.doc, template.as_ref());
        let mut editor = Editor {
            path: path.to_path_buf(),
            doc: Arc::new(loaded.doc),
            template,
            page: Page::Details,
            focus: Focus::Page,
            selected: 0,
            show_guidance: true,
            texts: HashMap::new(),
            tables: HashMap::new(),
            details,
            field_forms: HashMap::new(),
            dirty: false,
            last_edit: None,
            dirty_since: None,
            id: crate::store::lock::editor_id(),
            journaled: 0,
            unjournaled_since: None,
            journaling: false,
            saved_at: None,
            disk,
            link: false,
            conflict: false,
            recovery_at: None,
            recovery_dir: recovery_dir.to_path_buf(),
            shown: path.display().to_string(),
            migrated_from: loaded.migrated_from,
            people: People::default(),
            checker,
            checking: false,
            lints: HashMap::new(),
            fields: FieldLints::default(),
            field_counts: HashMap::new(),
            finish: Summary::default(),
            check_due: None,
            lock: None,
            rev: 0,
            saving: false,
            in_flight: None,
            resave: None,
            quit_after_save: false,
            made_from_template: None,
            names_follow: false,
        };
        editor.check_all();
        let first = editor.first_incomplete();
        editor.go_to(first);
        editor
    }

    /// All pages in sidebar order.
    pub fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Details];
        pages.extend((0..self.doc.sections.len()).map(Page::Section));
        pages.push(Page::Finish);
        pages
    }

    pub fn page_index(&self) -> usize {
        self.pages().iter().position(|p| *p == self.page).unwrap_or(0)
    }

    /// Where `edit` resumes: the first required section not yet written, else the first
    /// section not yet written, else the finish page. A new document starts at its details.
    pub fn first_incomplete(&self) -> Page {
        if self.doc.title.trim().is_empty() || self.doc.title == crate::doc::UNTITLED {
            return Page::Details;
        }
        let empty = |required: bool| {
            self.doc
                .sections
                .iter()
                .position(|s| (!required || s.required) && !self.doc.is_written(s))
                .map(Page::Section)
        };
        empty(true).or_else(|| empty(false)).unwrap_or(Page::Finish)
    }

    pub fn go_to(&mut self, page: Page) {
        self.sync();
        self.page = page;
        self.selected = self.page_index();
        if let Page::Section(i) = page {
            match self.doc.sections[i].kind {
                SectionKind::Text if !self.texts.contains_key(&i) => {
                    let prose = Prose::new(&self.doc.sections[i].text);
                    self.texts.insert(i, prose);
                }
                SectionKind::Fields if !self.field_forms.contains_key(&i) => {
                    let form = Form::fields(&self.doc.sections[i]);
                    self.field_forms.insert(i, form);
                }
                kind @ (SectionKind::Timeline | SectionKind::Factors | SectionKind::Actions) => {
                    self.tables.entry(i).or_insert_with(|| Table::new(kind));
                }
                _ => {}
            }
        }
        // The people named (authors, owners, names in the timeline) decide some findings: when
        // they changed, everything is checked again, as `lint` would check the saved file.
        if let Some(checker) = &self.checker
            && checker.people(&self.doc) != self.people
        {
            self.check_all();
        }
        if page == Page::Finish {
            self.summarize();
        }
    }

    /// The template's factor categories, for the factors table.
    pub fn categories(&self) -> Vec<String> {
        self.template.as_ref().map(|t| t.factor_categories.clone()).unwrap_or_default()
    }

    /// After the timeline changed the incident times, the details form shows them again.
    pub fn refresh_details(&mut self) {
        let focus = self.details.focus;
        self.details = Form::details(&self.doc, self.template.as_ref());
        self.details.focus = focus;
    }

    /// The template's section of the same id, for guidance, questions and placeholders.
    pub fn template_section(&self, i: usize) -> Option<&crate::template::TemplateSection> {
        let id = &self.doc.sections.get(i)?.id;
        self.template.as_ref()?.sections.iter().find(|s| &s.id == id)
    }

    /// The document, to change: copied first only while a save or recovery copy under way
    /// still holds it.
    pub fn doc_mut(&mut self) -> &mut Document {
        Arc::make_mut(&mut self.doc)
    }

    /// Copies what the widgets hold into the document. Cheap enough for saves and page
    /// changes; never run on a keystroke, so long texts do not slow typing.
    pub fn sync(&mut self) {
        for (i, prose) in &self.texts {
            let text = prose.text();
            if self.doc.sections.get(*i).is_some_and(|s| s.text != text) {
                Arc::make_mut(&mut self.doc).sections[*i].text = text;
            }
        }
        self.sync_fields();
    }

    /// Copies what the forms hold into the document (the prose sections' texts are left to
    /// [`Editor::sync`]: the recovery copy takes them apart, see [`Editor::texts_now`]).
    pub fn sync_fields(&mut self) {
        let doc = Arc::make_mut(&mut self.doc);
        self.details.apply_details(doc);
        mark_from_times(doc);
        for (i, form) in &self.field_forms {
            if let Some(section) = doc.sections.get_mut(*i) {
                form.apply_fields(section);
            }
        }
    }

    /// Whether a section has content, looking at its open widget when there is one.
    pub fn is_written(&self, i: usize) -> bool {
        match self.texts.get(&i) {
            Some(prose) => !prose.is_empty(),
            None => match self.field_forms.get(&i) {
                Some(form) => form.any_filled(),
                None => self.doc.sections.get(i).is_some_and(|s| self.doc.is_written(s)),
            },
        }
    }

    pub fn written_count(&self) -> usize {
        (0..self.doc.sections.len()).filter(|&i| self.is_written(i)).count()
    }

    pub fn touch(&mut self, now: Instant) {
        self.dirty = true;
        self.rev += 1;
        self.last_edit = Some(now);
        self.dirty_since.get_or_insert(now);
        self.unjournaled_since.get_or_insert(now);
        if self.checker.is_some() {
            self.check_due = Some(now + CHECK_AFTER);
        }
    }

    /// Replaces the document with `read`, the file on disk (the user chose "take theirs").
    pub fn reload(&mut self, read: crate::tui::effects::Read, library: &Library) {
        let page = self.page;
        let shown = self.shown.clone();
        let checker = self.checker.clone();
        let lock = self.lock.take();
        let id = self.id.clone();
        let file = (read.loaded, read.text.as_str(), read.modified);
        *self = Editor::open(&self.path.clone(), file, library, &self.recovery_dir.clone(), checker);
        self.link = read.link;
        self.lock = lock;
        self.id = id;
        self.shown = shown;
        let pages = self.pages();
        self.go_to(if pages.contains(&page) { page } else { Page::Details });
    }
}

/// The times set the markers: an incident time typed in the details that equals an entry's
/// time marks that entry, when no entry carries that marker yet.
fn mark_from_times(doc: &mut Document) {
    use crate::doc::Marker;
    let zone = doc.zone();
    let times = [
        (Marker::Started, doc.times.started.clone()),
        (Marker::Detected, doc.times.detected.clone()),
        (Marker::Mitigated, doc.times.mitigated.clone()),
        (Marker::Resolved, doc.times.resolved.clone()),
    ];
    // Which markers the timeline carries, in one pass (a long timeline is thousands of rows,
    // and this runs for every recovery copy); a marker set below is one not in it.
    let mut carried = [false; 4];
    for e in &doc.timeline {
        if let Some(m) = e.marker
            && let Some(k) = times.iter().position(|(t, _)| *t == m)
        {
            carried[k] = true;
        }
    }
    for ((marker, time), carried) in times.into_iter().zip(carried) {
        if carried {
            continue;
        }
        let Some(at) = time.and_then(|m| m.resolve(&zone)) else { continue };
        if let Some(e) = doc.timeline.iter_mut().find(|e| e.marker.is_none() && e.time.resolve(&zone) == Some(at)) {
            e.marker = Some(marker);
        }
    }
}
