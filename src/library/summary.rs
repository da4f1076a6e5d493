//! What the library keeps of each postmortem: enough to list, filter, search and count it
//! without holding the whole document.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::doc::{ActionKind, ActionStatus, Document, Numbers, Priority, Status, Zone};

/// One postmortem, summarised.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: PathBuf,
    pub title: String,
    /// The day the incident started (in the document's time zone), else the date in the file
    /// name; `None` when neither is known.
    pub date: Option<NaiveDate>,
    pub severity: Option<String>,
    pub status: Status,
    /// When the current status was set and by whom, from the last `status_history` entry
    /// (only when that entry led to the current status; a hand-edited status has no date).
    pub status_since: Option<DateTime<FixedOffset>>,
    pub status_by: Option<String>,
    /// Time to detect, mitigate, resolve and total impact.
    pub numbers: Numbers,
    /// Sections with something written in them, and all sections.
    pub sections_written: usize,
    pub sections_total: usize,
    pub tags: Vec<String>,
    pub services: Vec<String>,
    pub actions: Vec<Action>,
    /// The category of each contributing factor that has one, trimmed and in lowercase, so
    /// `Tooling` and `tooling ` count as one.
    pub factor_categories: Vec<String>,
    /// The document's time zone (the local one when the document's cannot be read): "today",
    /// for due dates, is today there.
    pub zone: Zone,
}

/// A follow-up action, as the library lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub title: String,
    pub owner: Option<String>,
    /// The due date as written.
    pub due: Option<String>,
    /// The due date, when what is written is a date (`2026-12-08`).
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub priority: Option<Priority>,
    pub kind: Option<ActionKind>,
    pub ticket: Option<String>,
}

impl Action {
    /// Still to do: open or in progress.
    pub fn is_open(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
    }

    /// Open, and due before `today`. An action due today is not overdue yet.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due_date.is_some_and(|due| due < today)
    }
}

impl Summary {
    pub fn of(path: &Path, doc: &Document) -> Summary {
        // The local zone only when the document's cannot be read (`validate` reports that).
        let zone = doc.timezone.parse::<Zone>().unwrap_or_else(|_| Zone::from_environment());
        let started = doc.times.started.as_ref().and_then(|m| m.resolve(&zone));
        let last = doc.status_history.last().filter(|c| c.to == doc.status);
        let actions = doc
            .actions
            .iter()
            .map(|a| Action {
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                due_date: a.due.as_deref().and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()),
                status: a.status,
                priority: a.priority,
                kind: a.kind,
                ticket: a.ticket.clone(),
            })
            .collect();
        Summary {
            path: path.to_path_buf(),
            title: doc.title.clone(),
            date: started.map(|t| t.date_naive()).or_else(|| super::file_name_date(path)),
            severity: doc.severity.clone(),
            status: doc.status,
            status_since: last.and_then(|c| c.at.resolve(&zone)),
            status_by: last.and_then(|c| c.by.clone()),
            numbers: Numbers::of(doc),
            sections_written: doc.sections.iter().filter(|s| doc.is_written(s)).count(),
            sections_total: doc.sections.len(),
            tags: doc.tags.clone(),
            services: doc.services.clone(),
            actions,
            factor_categories: doc
                .factors
                .iter()
                .filter_map(|f| f.category.as_deref())
                .map(|c| c.trim().to_lowercase())
                .filter(|c| !c.is_empty())
                .collect(),
            zone,
        }
    }

    /// Today's date in the document's time zone.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        self.zone.today(now)
    }
}

/// Everything a search looks through, in lowercase, for its words (see [`super::words`]): the
/// title, severity, tags, services, and the text of sections, timeline, factors and actions.
pub fn search_text(doc: &Document) -> String {
    let mut parts: Vec<&str> = vec![&doc.title];
    parts.extend(doc.severity.as_deref());
    parts.extend(doc.tags.iter().map(String::as_str));
    parts.extend(doc.services.iter().map(String::as_str));
    for section in &doc.sections {
        parts.push(&section.text);
        parts.extend(section.fields.iter().map(|f| f.value.as_str()));
    }
    parts.extend(doc.timeline.iter().map(|e| e.event.as_str()));
    parts.extend(doc.factors.iter().map(|f| f.description.as_str()));
    parts.extend(doc.actions.iter().map(|a| a.title.as_str()));
    // One lowercase copy of it all.
    let mut text = parts.join("\n");
    // ASCII (nearly every postmortem) is lowercased in place, the rest by Unicode's rules.
    if text.is_ascii() {
        text.make_ascii_lowercase();
    } else {
        text = text.to_lowercase();
    }
    text
}

/// Which postmortems `list` shows. Every condition given must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<Status>,
    /// Any case: `sev2` matches `SEV2`.
    pub severity: Option<String>,
    /// One of the document's tags, any case.
    pub tag: Option<String>,
    /// The incident is on or after this day (undated ones are left out).
    pub since: Option<NaiveDate>,
    /// Words in the title, severity, tags, services or any text of the document, any case
    /// (see [`super::words`]); the catalog answers it ([`super::Catalog::matching`]).
    pub search: Option<String>,
}

impl Filter {
    /// Whether `s` passes every condition but the search, which needs the words
    /// ([`super::Catalog::matching`] applies both).
    pub fn matches(&self, s: &Summary) -> bool {
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        self.status.is_none_or(|status| s.status == status)
            && self.severity.as_deref().is_none_or(|want| s.severity.as_deref().is_some_and(|have| same(have, want)))
            && self.tag.as_deref().is_none_or(|want| s.tags.iter().any(|t| same(t, want)))
            && self.since.is_none_or(|since| s.date.is_some_and(|d| d >= since))
    }
}
