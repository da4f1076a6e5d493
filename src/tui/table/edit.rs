//! Typing into a table: a cell's text into the document (times and dates read forgivingly,
//! markers kept in step with the incident times), and pasted chat or log lines as rows.

use super::{Col, Table};
use crate::doc::entry::{self, Context};
use crate::doc::{ActionKind, ActionStatus, Document, Marker, Moment, Priority, SectionKind, TimelineEntry, Zone};

impl Table {
    /// Ends typing: the text goes into the document (times and dates read forgivingly).
    /// Returns whether the document changed, and a note when a time or date could not be
    /// read (it is kept as typed).
    pub fn commit(&mut self, doc: &mut Document, today: chrono::NaiveDate) -> (bool, Option<String>) {
        let Some(area) = self.editing.take() else { return (false, None) };
        let text = area.lines().join(" ");
        if text == self.edit_start {
            return (false, None);
        }
        // Something typed: a row just added is kept from now on.
        self.added = None;
        self.snapshot(doc);
        let zone = doc.zone();
        let mut note = None;
        let value = match self.col_at(self.col) {
            Col::Time => {
                let ctx = Context { previous: self.previous_time(doc, &zone), day: incident_day(doc, &zone, today) };
                match entry::parse_time(&text, &zone, ctx) {
                    Ok(t) => Moment::Exact(entry::in_zone(&zone, t)).as_text(),
                    Err(e) => {
                        note = Some(format!("`{}` {e}; it is kept as typed.", text.trim()));
                        text.clone()
                    }
                }
            }
            Col::Due => match entry::parse_due(&text, today) {
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
        (true, note)
    }

    pub(super) fn previous_time(&self, doc: &Document, zone: &Zone) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        doc.timeline[..self.row.min(doc.timeline.len())].iter().rev().find_map(|e| e.time.resolve(zone))
    }

    pub(super) fn set(&self, doc: &mut Document, row: usize, col: usize, value: &str) {
        let opt = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_string());
        match self.kind {
            SectionKind::Timeline => {
                let Some(e) = doc.timeline.get_mut(row) else { return };
                match self.col_at(col) {
                    Col::Time => e.time = value.parse().unwrap_or(Moment::Typed(value.to_string())),
                    Col::Event => e.event = value.to_string(),
                    Col::Evidence => e.evidence = opt(value),
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
                match self.col_at(col) {
                    Col::Factor => f.description = value.to_string(),
                    _ => f.category = opt(value),
                }
            }
            _ => {
                let Some(a) = doc.actions.get_mut(row) else { return };
                match self.col_at(col) {
                    Col::Action => a.title = value.to_string(),
                    Col::Owner => a.owner = opt(value),
                    Col::Due => a.due = opt(value),
                    Col::Priority => {
                        a.priority =
                            [Priority::High, Priority::Medium, Priority::Low].into_iter().find(|p| p.as_str() == value)
                    }
                    Col::Kind => {
                        a.kind = [ActionKind::Prevent, ActionKind::Detect, ActionKind::Mitigate, ActionKind::Process]
                            .into_iter()
                            .find(|k| k.as_str() == value)
                    }
                    Col::Status => {
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

    /// Adds the confirmed pasted rows.
    pub fn accept_paste(&mut self, doc: &mut Document, rows: Vec<TimelineEntry>) -> usize {
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

pub(super) fn last_time(doc: &Document, zone: &Zone) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    doc.timeline.iter().rev().find_map(|e| e.time.resolve(zone))
}

/// The day bare times fall on: the incident's start, else the first timed entry, else today.
pub(super) fn incident_day(doc: &Document, zone: &Zone, today: chrono::NaiveDate) -> chrono::NaiveDate {
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
