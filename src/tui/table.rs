//! The table editors of the timeline, the contributing factors and the follow-up actions.
//! The rows live in the document; this keeps only the cursor, the cell being edited, and an
//! undo stack of earlier rows. Typed times and dates are read forgivingly and kept as typed
//! when they cannot be.

use ratatui_textarea::{CursorMove, TextArea};

use crate::doc::entry::{self, Context};
use crate::doc::{
    ActionKind, ActionStatus, Document, Factor, FollowUp, Mapping, Marker, Moment, Priority, SectionKind,
    TimelineEntry, Zone,
};

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
    undo: Vec<Rows>,
    /// Rows read from a paste, waiting for the user to confirm them.
    pub pending: Vec<TimelineEntry>,
}

const MARKERS: [&str; 5] = ["", "started", "detected", "mitigated", "resolved"];

fn choices(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Table {
    pub fn new(kind: SectionKind) -> Table {
        Table { kind, row: 0, col: 0, editing: None, undo: Vec::new(), pending: Vec::new() }
    }

    pub fn columns(&self, doc: &Document, categories: &[String]) -> Vec<Column> {
        let _ = doc;
        match self.kind {
            SectionKind::Timeline => vec![
                Column::Text("Time"),
                Column::Text("Event"),
                Column::Text("Evidence"),
                Column::Choice("Marks", choices(&MARKERS)),
            ],
            SectionKind::Factors => {
                let mut cats = vec![String::new()];
                cats.extend(categories.iter().cloned());
                vec![Column::Text("Contributing factor"), Column::Choice("Category", cats)]
            }
            _ => vec![
                Column::Text("Action"),
                Column::Text("Owner"),
                Column::Text("Due"),
                Column::Choice("Priority", choices(&["", "high", "medium", "low"])),
                Column::Choice("Kind", choices(&["", "prevent", "detect", "mitigate", "process"])),
                Column::Choice("Status", choices(&["open", "in-progress", "done", "wont-do"])),
                Column::Text("Ticket"),
            ],
        }
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
            SectionKind::Timeline => doc.timeline.get(row).map_or(String::new(), |e| match col {
                0 => e.time.as_text(),
                1 => e.event.clone(),
                2 => opt(&e.evidence),
                _ => e.marker.map(|m| m.as_str().to_string()).unwrap_or_default(),
            }),
            SectionKind::Factors => doc.factors.get(row).map_or(String::new(), |f| match col {
                0 => f.description.clone(),
                _ => opt(&f.category),
            }),
            _ => doc.actions.get(row).map_or(String::new(), |a| match col {
                0 => a.title.clone(),
                1 => opt(&a.owner),
                2 => opt(&a.due),
                3 => a.priority.map(|p| p.as_str().to_string()).unwrap_or_default(),
                4 => a.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                5 => a.status.as_str().to_string(),
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
                    extra: Mapping::new(),
                },
            ),
            SectionKind::Factors => {
                doc.factors.insert(at, Factor { description: String::new(), category: None, extra: Mapping::new() })
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
                    extra: Mapping::new(),
                },
            ),
        }
        self.row = at;
        self.col = 0;
        self.start_edit(doc);
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
        let mut area = TextArea::new(vec![self.cell(doc, self.row, self.col)]);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.set_selection_style(crate::tui::theme::selected_text());
        area.move_cursor(CursorMove::End);
        self.editing = Some(area);
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

    /// Ends typing: the text goes into the document (times and dates read forgivingly).
    /// Returns a note when a time or date could not be read (it is kept as typed).
    pub fn commit(&mut self, doc: &mut Document, today: chrono::NaiveDate) -> Option<String> {
        let area = self.editing.take()?;
        let text = area.lines().join(" ");
        if text == self.cell(doc, self.row, self.col) {
            return None;
        }
        self.snapshot(doc);
        let zone = doc.zone();
        let mut note = None;
        let value = match (self.kind, self.col) {
            (SectionKind::Timeline, 0) => {
                let ctx = Context { previous: self.previous_time(doc, &zone), day: incident_day(doc, &zone, today) };
                match entry::parse_time(&text, &zone, ctx) {
                    Ok(t) => Moment::Exact(entry::in_zone(&zone, t)).as_text(),
                    Err(e) => {
                        note = Some(format!("`{}` {e}; it is kept as typed.", text.trim()));
                        text.clone()
                    }
                }
            }
            (SectionKind::Actions, 2) => match entry::parse_due(&text, today) {
                Some(d) => d.format("%Y-%m-%d").to_string(),
                None if text.trim().is_empty() => String::new(),
                None => {
                    note = Some(format!(
                        "`{}` is not a date (write 2026-12-01, in 2 weeks, next friday); kept as typed.",
                        text.trim()
                    ));
                    text.clone()
                }
            },
            _ => text.clone(),
        };
        self.set(doc, self.row, self.col, &value);
        if self.kind == SectionKind::Timeline {
            self.sort_timeline(doc);
        }
        note
    }

    fn previous_time(&self, doc: &Document, zone: &Zone) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        doc.timeline[..self.row.min(doc.timeline.len())].iter().rev().find_map(|e| e.time.resolve(zone))
    }

    fn set(&self, doc: &mut Document, row: usize, col: usize, value: &str) {
        let opt = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_string());
        match self.kind {
            SectionKind::Timeline => {
                let Some(e) = doc.timeline.get_mut(row) else { return };
                match col {
                    0 => e.time = value.parse().unwrap_or(Moment::Typed(value.to_string())),
                    1 => e.event = value.to_string(),
                    2 => e.evidence = opt(value),
                    _ => {
                        // The incident time this entry marked goes with the marker.
                        if let Some(old) = e.marker.take() {
                            let time = e.time.clone();
                            let slot = incident_time(doc, old);
                            if slot.as_ref() == Some(&time) {
                                *slot = None;
                            }
                        }
                        if let Some(e) = doc.timeline.get_mut(row) {
                            e.marker = marker(value);
                        }
                    }
                }
                sync_marker(doc, row);
            }
            SectionKind::Factors => {
                let Some(f) = doc.factors.get_mut(row) else { return };
                match col {
                    0 => f.description = value.to_string(),
                    _ => f.category = opt(value),
                }
            }
            _ => {
                let Some(a) = doc.actions.get_mut(row) else { return };
                match col {
                    0 => a.title = value.to_string(),
                    1 => a.owner = opt(value),
                    2 => a.due = opt(value),
                    3 => {
                        a.priority =
                            [Priority::High, Priority::Medium, Priority::Low].into_iter().find(|p| p.as_str() == value)
                    }
                    4 => {
                        a.kind = [ActionKind::Prevent, ActionKind::Detect, ActionKind::Mitigate, ActionKind::Process]
                            .into_iter()
                            .find(|k| k.as_str() == value)
                    }
                    5 => {
                        a.status =
                            [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::WontDo]
                                .into_iter()
                                .find(|s| s.as_str() == value)
                                .unwrap_or_default()
                    }
                    _ => a.ticket = opt(value),
                }
            }
        }
    }

    /// Keeps the timeline in time order (entries without a readable time stay after the
    /// entry they followed), with the cursor on the same entry.
    fn sort_timeline(&mut self, doc: &mut Document) {
        let zone = doc.zone();
        let current = doc.timeline.get(self.row).cloned();
        let mut last = None;
        let mut keyed: Vec<(Option<chrono::DateTime<chrono::FixedOffset>>, usize, TimelineEntry)> = Vec::new();
        for (i, e) in doc.timeline.drain(..).enumerate() {
            let t = e.time.resolve(&zone).or(last);
            last = t;
            keyed.push((t, i, e));
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        doc.timeline = keyed.into_iter().map(|(_, _, e)| e).collect();
        if let Some(c) = current {
            self.row = doc.timeline.iter().position(|e| *e == c).unwrap_or(self.row);
        }
    }

    /// Reads a pasted chat or log excerpt into rows to confirm.
    pub fn paste(&mut self, doc: &Document, text: &str, today: chrono::NaiveDate) -> usize {
        let zone = doc.zone();
        let ctx = Context {
            previous: self.previous_time(doc, &zone).or_else(|| last_time(doc, &zone)),
            day: incident_day(doc, &zone, today),
        };
        self.pending = entry::log_rows(text, &zone, ctx)
            .into_iter()
            .map(|(t, event)| TimelineEntry {
                time: match t {
                    Ok(t) => Moment::Exact(entry::in_zone(&zone, t)),
                    Err(typed) => Moment::Typed(typed),
                },
                event,
                evidence: None,
                marker: None,
                extra: Mapping::new(),
            })
            .collect();
        self.pending.len()
    }

    /// Adds the confirmed pasted rows.
    pub fn accept_paste(&mut self, doc: &mut Document) -> usize {
        let rows = std::mem::take(&mut self.pending);
        if rows.is_empty() {
            return 0;
        }
        self.snapshot(doc);
        let n = rows.len();
        doc.timeline.extend(rows);
        self.sort_timeline(doc);
        n
    }
}

fn last_time(doc: &Document, zone: &Zone) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    doc.timeline.iter().rev().find_map(|e| e.time.resolve(zone))
}

/// The day bare times fall on: the incident's start, else the first timed entry, else today.
fn incident_day(doc: &Document, zone: &Zone, today: chrono::NaiveDate) -> chrono::NaiveDate {
    let first = doc
        .times
        .started
        .as_ref()
        .and_then(|m| m.resolve(zone))
        .or_else(|| doc.timeline.iter().find_map(|e| e.time.resolve(zone)));
    first.map(|t| entry::in_zone(zone, t).date_naive()).unwrap_or(today)
}

fn marker(value: &str) -> Option<Marker> {
    [Marker::Started, Marker::Detected, Marker::Mitigated, Marker::Resolved].into_iter().find(|m| m.as_str() == value)
}

/// A marked entry sets the incident time it marks, and one marker belongs to one entry: the
/// incident times and the timeline never disagree.
fn sync_marker(doc: &mut Document, row: usize) {
    let Some(entry) = doc.timeline.get(row) else { return };
    let Some(m) = entry.marker else { return };
    let time = entry.time.clone();
    for (i, e) in doc.timeline.iter_mut().enumerate() {
        if i != row && e.marker == Some(m) {
            e.marker = None;
        }
    }
    *incident_time(doc, m) = Some(time);
}

fn incident_time(doc: &mut Document, m: Marker) -> &mut Option<Moment> {
    match m {
        Marker::Started => &mut doc.times.started,
        Marker::Detected => &mut doc.times.detected,
        Marker::Mitigated => &mut doc.times.mitigated,
        Marker::Resolved => &mut doc.times.resolved,
    }
}
