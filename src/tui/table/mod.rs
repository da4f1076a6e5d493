//! The table editors of the timeline, the contributing factors and the follow-up actions.
//! The rows live in the document; this keeps only the cursor, the cell being edited, and an
//! undo stack of earlier rows. Typed times and dates are read forgivingly and kept as typed
//! when they cannot be.

use ratatui_textarea::{CursorMove, TextArea};

use crate::doc::{ActionStatus, Document, Extra, Factor, FollowUp, Moment, SectionKind, TimelineEntry};

/// What a column holds, which decides how it is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// Typed text.
    Text(&'static str),
    /// One of a fixed set, changed by cycling; the empty string means none.
    Choice(&'static str, Vec<String>),
}

impl Column {
    pub fn title(&self) -> &'static str {
        match self {
            Column::Text(t) | Column::Choice(t, _) => t,
        }
    }
}

/// A column of a table, by what it holds (never by its position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Time,
    Event,
    Evidence,
    Marks,
    Factor,
    Category,
    Action,
    Owner,
    Due,
    Priority,
    Kind,
    Status,
    Ticket,
}

impl Col {
    /// The columns of a table of `kind`, in order.
    pub fn of(kind: SectionKind) -> &'static [Col] {
        use Col::*;
        match kind {
            SectionKind::Timeline => &[Time, Event, Evidence, Marks],
            SectionKind::Factors => &[Factor, Category],
            _ => &[Action, Owner, Due, Priority, Kind, Status, Ticket],
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Col::Time => "Time",
            Col::Event => "Event",
            Col::Evidence => "Evidence",
            Col::Marks => "Marks",
            Col::Factor => "Contributing factor",
            Col::Category => "Category",
            Col::Action => "Action",
            Col::Owner => "Owner",
            Col::Due => "Due",
            Col::Priority => "Priority",
            Col::Kind => "Kind",
            Col::Status => "Status",
            Col::Ticket => "Ticket",
        }
    }

    /// The column whose text the wording checker reads (the event, the factor, the action).
    pub fn text_of(kind: SectionKind) -> Col {
        match kind {
            SectionKind::Timeline => Col::Event,
            SectionKind::Factors => Col::Factor,
            _ => Col::Action,
        }
    }
}

/// Rows of one kind, as they were before a change (for undo).
#[derive(Debug, Clone)]
enum Rows {
    Timeline(Vec<TimelineEntry>, crate::doc::IncidentTimes),
    Factors(Vec<Factor>),
    Actions(Vec<FollowUp>),
}

pub struct Table {
    pub kind: SectionKind,
    pub row: usize,
    pub col: usize,
    /// The cell being typed into.
    pub editing: Option<TextArea<'static>>,
    /// The text the cell being typed into started with (unchanged: nothing to do).
    edit_start: String,
    undo: Vec<Rows>,
    /// The row `a` added and the undo depth after adding it, while nothing is typed in it:
    /// leaving it empty takes it away again.
    pub(super) added: Option<(usize, usize)>,
}

const MARKERS: [&str; 5] = ["", "started", "detected", "mitigated", "resolved"];

fn choices(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Table {
    pub fn new(kind: SectionKind) -> Table {
        Table { kind, row: 0, col: 0, editing: None, edit_start: String::new(), undo: Vec::new(), added: None }
    }

    pub fn columns(&self, doc: &Document, categories: &[String]) -> Vec<Column> {
        let _ = doc;
        Col::of(self.kind)
            .iter()
            .map(|&c| {
                let t = c.title();
                match c {
                    Col::Marks => Column::Choice(t, choices(&MARKERS)),
                    Col::Category => {
                        let mut cats = vec![String::new()];
                        cats.extend(categories.iter().cloned());
                        Column::Choice(t, cats)
                    }
                    Col::Priority => Column::Choice(t, choices(&["", "high", "medium", "low"])),
                    Col::Kind => Column::Choice(t, choices(&["", "prevent", "detect", "mitigate", "process"])),
                    Col::Status => Column::Choice(t, choices(&["open", "in-progress", "done", "wont-do"])),
                    _ => Column::Text(t),
                }
            })
            .collect()
    }

    /// The column at position `col` of this table.
    pub fn col_at(&self, col: usize) -> Col {
        let cols = Col::of(self.kind);
        cols[col.min(cols.len() - 1)]
    }

    pub fn len(&self, doc: &Document) -> usize {
        match self.kind {
            SectionKind::Timeline => doc.timeline.len(),
            SectionKind::Factors => doc.factors.len(),
            _ => doc.actions.len(),
        }
    }

    /// The text of a cell as stored (times as written in the file).
    pub fn cell(&self, doc: &Document, row: usize, col: usize) -> String {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        match self.kind {
            SectionKind::Timeline => doc.timeline.get(row).map_or(String::new(), |e| match self.col_at(col) {
                Col::Time => e.time.as_text(),
                Col::Event => e.event.clone(),
                Col::Evidence => opt(&e.evidence),
                _ => e.marker.map(|m| m.as_str().to_string()).unwrap_or_default(),
            }),
            SectionKind::Factors => doc.factors.get(row).map_or(String::new(), |f| match self.col_at(col) {
                Col::Factor => f.description.clone(),
                _ => opt(&f.category),
            }),
            _ => doc.actions.get(row).map_or(String::new(), |a| match self.col_at(col) {
                Col::Action => a.title.clone(),
                Col::Owner => opt(&a.owner),
                Col::Due => opt(&a.due),
                Col::Priority => a.priority.map(|p| p.as_str().to_string()).unwrap_or_default(),
                Col::Kind => a.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                Col::Status => a.status.as_str().to_string(),
                _ => opt(&a.ticket),
            }),
        }
    }

    fn snapshot(&mut self, doc: &Document) {
        self.undo.push(match self.kind {
            SectionKind::Timeline => Rows::Timeline(doc.timeline.clone(), doc.times.clone()),
            SectionKind::Factors => Rows::Factors(doc.factors.clone()),
            _ => Rows::Actions(doc.actions.clone()),
        });
        if self.undo.len() > 200 {
            self.undo.remove(0);
        }
    }

    /// Takes back the last change. Returns whether there was one.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        let Some(rows) = self.undo.pop() else { return false };
        match rows {
            Rows::Timeline(rows, times) => {
                doc.timeline = rows;
                doc.times = times;
            }
            Rows::Factors(rows) => doc.factors = rows,
            Rows::Actions(rows) => doc.actions = rows,
        }
        self.row = self.row.min(self.len(doc).saturating_sub(1));
        true
    }

    /// Adds an empty row below the cursor and starts typing its first cell.
    pub fn add(&mut self, doc: &mut Document) {
        self.snapshot(doc);
        let at = if self.len(doc) == 0 { 0 } else { self.row + 1 };
        match self.kind {
            SectionKind::Timeline => doc.timeline.insert(
                at,
                TimelineEntry {
                    time: Moment::Typed(String::new()),
                    event: String::new(),
                    evidence: None,
                    marker: None,
                    extra: Extra::new(),
                },
            ),
            SectionKind::Factors => {
                doc.factors.insert(at, Factor { description: String::new(), category: None, extra: Extra::new() })
            }
            _ => doc.actions.insert(
                at,
                FollowUp {
                    title: String::new(),
                    owner: None,
                    due: None,
                    priority: None,
                    kind: None,
                    status: ActionStatus::Open,
                    ticket: None,
                    extra: Extra::new(),
                },
            ),
        }
        self.row = at;
        self.col = 0;
        self.added = Some((at, self.undo.len()));
        self.start_edit(doc);
    }

    /// Done typing in a row `a` added: a row left with nothing in it goes away (as if `a` had
    /// not been pressed), so Esc after `a` adds nothing. Returns whether it went.
    pub fn drop_if_left_empty(&mut self, doc: &mut Document) -> bool {
        let Some((row, depth)) = self.added.take() else { return false };
        let empty = match self.kind {
            SectionKind::Timeline => doc.timeline.get(row).is_some_and(|e| {
                e.time.as_text().trim().is_empty()
                    && e.event.trim().is_empty()
                    && e.evidence.is_none()
                    && e.marker.is_none()
            }),
            SectionKind::Factors => {
                doc.factors.get(row).is_some_and(|f| f.description.trim().is_empty() && f.category.is_none())
            }
            _ => doc.actions.get(row).is_some_and(|a| {
                a.title.trim().is_empty() && a.owner.is_none() && a.due.is_none() && a.ticket.is_none()
            }),
        };
        if !empty || self.editing.is_some() || row != self.row {
            return false;
        }
        if self.undo.len() == depth { self.undo(doc) } else { self.delete(doc) }
    }

    pub fn delete(&mut self, doc: &mut Document) -> bool {
        if self.row >= self.len(doc) {
            return false;
        }
        self.snapshot(doc);
        match self.kind {
            SectionKind::Timeline => {
                doc.timeline.remove(self.row);
            }
            SectionKind::Factors => {
                doc.factors.remove(self.row);
            }
            _ => {
                doc.actions.remove(self.row);
            }
        }
        self.row = self.row.min(self.len(doc).saturating_sub(1));
        true
    }

    /// Moves the row up or down. The timeline is kept in time order, so only rows at the same
    /// time (or without a readable time) can swap there.
    pub fn shift(&mut self, doc: &mut Document, down: bool) -> Result<(), &'static str> {
        let n = self.len(doc);
        let other = if down { self.row + 1 } else { self.row.wrapping_sub(1) };
        if other >= n {
            return Err("Already at the edge.");
        }
        if self.kind == SectionKind::Timeline {
            let zone = doc.zone();
            let (a, b) = (doc.timeline[self.row].time.resolve(&zone), doc.timeline[other].time.resolve(&zone));
            if a.is_some() && b.is_some() && a != b {
                return Err("The timeline is kept in time order: change the time to move an entry.");
            }
        }
        self.snapshot(doc);
        match self.kind {
            SectionKind::Timeline => doc.timeline.swap(self.row, other),
            SectionKind::Factors => doc.factors.swap(self.row, other),
            _ => doc.actions.swap(self.row, other),
        }
        self.row = other;
        Ok(())
    }

    /// Starts typing into the current cell; a choice cell cycles instead.
    pub fn start_edit(&mut self, doc: &Document) {
        self.edit_start = self.edit_form(doc, self.row, self.col);
        let mut area = TextArea::new(vec![self.edit_start.clone()]);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.set_selection_style(crate::tui::theme::selected_text());
        area.move_cursor(CursorMove::End);
        self.editing = Some(area);
    }

    /// A cell's text as it is typed over: a time as the table shows it, in the document's
    /// zone (`2026-11-23 23:50`), not as the file stores it; anything else as stored.
    fn edit_form(&self, doc: &Document, row: usize, col: usize) -> String {
        let zone = doc.zone();
        match (self.col_at(col), doc.timeline.get(row).and_then(|e| e.time.resolve(&zone))) {
            (Col::Time, Some(t)) if self.kind == SectionKind::Timeline => crate::doc::entry::typed_form(&zone, t),
            _ => self.cell(doc, row, col),
        }
    }

    /// Moves a choice cell to its next value.
    pub fn cycle(&mut self, doc: &mut Document, categories: &[String]) -> bool {
        let columns = self.columns(doc, categories);
        let Some(Column::Choice(_, options)) = columns.get(self.col) else { return false };
        if self.row >= self.len(doc) {
            return false;
        }
        let current = self.cell(doc, self.row, self.col);
        // A marker another entry holds is skipped: each incident time has one entry, and
        // cycling past "started" must not take it from the entry that has it.
        let taken = |o: &String| {
            self.kind == SectionKind::Timeline
                && !o.is_empty()
                && doc
                    .timeline
                    .iter()
                    .enumerate()
                    .any(|(r, e)| r != self.row && e.marker.map(|m| m.as_str()) == Some(o.as_str()))
        };
        let start = options.iter().position(|o| *o == current).unwrap_or(0);
        let next = (1..=options.len())
            .map(|k| &options[(start + k) % options.len()])
            .find(|o| !taken(o))
            .cloned()
            .unwrap_or_default();
        self.snapshot(doc);
        self.set(doc, self.row, self.col, &next);
        true
    }
}

mod edit;
pub mod paste;
