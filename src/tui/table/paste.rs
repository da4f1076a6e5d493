//! A paste into the timeline, waiting to be confirmed: the rows read from it, and the three
//! settings the confirmation lets the writer change for all of them at once — the day bare
//! times fall on, the time zone the paste was written in, and one evidence value.

use chrono::{Datelike, NaiveDate};

use super::Table;
use crate::doc::entry::{self, Context};
use crate::doc::{Document, Extra, Moment, TimelineEntry, Zone};

/// The settings, in the order Tab visits them.
pub const SETTINGS: [&str; 3] = ["Day", "Time zone", "Evidence"];

#[derive(Debug, Clone, PartialEq)]
pub struct PasteForm {
    /// The paste as it came (line breaks already made `\n`).
    text: String,
    /// What the timeline around the cursor says (the row above, the incident's day).
    base: Context,
    /// The day the rows were first read on: while the day field still says it, `base` is used.
    first_day: String,
    /// Day, time zone, evidence, as typed.
    pub fields: [String; 3],
    /// The setting being typed into.
    pub focus: usize,
    /// The focused field is selected: what is typed next replaces it.
    pub fresh: bool,
    /// The first row shown.
    pub scroll: usize,
    /// The rows to add, read with the settings (new ones only).
    pub rows: Vec<TimelineEntry>,
    /// Rows of the paste that are already in the timeline.
    pub skipped: usize,
    /// Why a setting cannot be used (the rows shown are from the last settings that could).
    pub error: Option<String>,
}

impl PasteForm {
    /// Reads `text` pasted into `table` at its cursor. `None` when no line starts with a time.
    pub fn read(table: &Table, doc: &Document, text: &str, today: NaiveDate) -> Option<PasteForm> {
        let zone = doc.zone();
        let base = Context {
            previous: table.previous_time(doc, &zone).or_else(|| super::edit::last_time(doc, &zone)),
            day: super::edit::incident_day(doc, &zone, today),
        };
        // A zone the paste states ("2026-11-26 (all times CET)") is the paste's zone.
        let stated = text.lines().find_map(|l| match crate::doc::zone_words::stated(l) {
            Some((crate::doc::zone_words::ZoneWord::Known(z), _)) => Some(z),
            _ => None,
        });
        let paste_zone = stated.unwrap_or_else(|| zone.clone());
        let first = entry::log_rows(text, &paste_zone, base).into_iter().find_map(|(t, _)| t.ok());
        let first_day = first.map_or(base.day, |t| entry::in_zone(&paste_zone, t).date_naive());
        let mut form = PasteForm {
            text: text.to_string(),
            base,
            first_day: first_day.format("%Y-%m-%d").to_string(),
            fields: [first_day.format("%Y-%m-%d").to_string(), paste_zone.to_string(), String::new()],
            focus: 0,
            fresh: true,
            scroll: 0,
            rows: Vec::new(),
            skipped: 0,
            error: None,
        };
        form.reread(doc);
        (form.rows.len() + form.skipped > 0).then_some(form)
    }

    /// Reads the paste again with the settings as they are now.
    pub fn reread(&mut self, doc: &Document) {
        let (day, zone) = match (self.day(), self.zone()) {
            (Ok(d), Ok(z)) => (d, z),
            (Err(e), _) | (_, Err(e)) => {
                self.error = Some(e);
                return;
            }
        };
        self.error = None;
        let ctx = if self.fields[0].trim() == self.first_day { self.base } else { Context { previous: None, day } };
        let doc_zone = doc.zone();
        let evidence = Some(self.fields[2].trim().to_string()).filter(|e| !e.is_empty());
        let read: Vec<TimelineEntry> = entry::log_rows(&self.text, &zone, ctx)
            .into_iter()
            .map(|(t, event)| TimelineEntry {
                time: match t {
                    Ok(t) => Moment::Exact(entry::in_zone(&doc_zone, t)),
                    Err(typed) => Moment::Typed(typed),
                },
                event,
                evidence: evidence.clone(),
                marker: None,
                extra: Extra::new(),
            })
            .collect();
        let before = read.len();
        // A line pasted before is not added again (whatever its evidence).
        self.rows = read
            .into_iter()
            .filter(|e| !doc.timeline.iter().any(|o| same_moment(&o.time, &e.time, &doc_zone) && o.event == e.event))
            .collect();
        self.skipped = before - self.rows.len();
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    fn day(&self) -> Result<NaiveDate, String> {
        let typed = self.fields[0].trim();
        entry::day_line(typed, self.base.day.year())
            .ok_or_else(|| format!("`{typed}` is not a day: write e.g. 2026-11-26 or Nov 26"))
    }

    fn zone(&self) -> Result<Zone, String> {
        let typed = self.fields[1].trim();
        if let Ok(z) = typed.parse::<Zone>() {
            return Ok(z);
        }
        match crate::doc::zone_words::zone_word(typed) {
            Some(crate::doc::zone_words::ZoneWord::Known(z)) => Ok(z),
            Some(crate::doc::zone_words::ZoneWord::Ambiguous(w)) => {
                Err(format!("`{w}` names more than one zone: write e.g. Asia/Kolkata"))
            }
            None => Err(format!("`{typed}` is not a time zone: write e.g. UTC, CET, Europe/Berlin or +05:30")),
        }
    }

    /// Typing into the focused setting.
    pub fn type_str(&mut self, doc: &Document, text: &str) {
        let field = &mut self.fields[self.focus];
        if self.fresh {
            field.clear();
            self.fresh = false;
        }
        field.extend(text.chars().filter(|c| !c.is_control()));
        self.reread(doc);
    }

    pub fn backspace(&mut self, doc: &Document) {
        if self.fresh {
            self.fields[self.focus].clear();
            self.fresh = false;
        } else {
            self.fields[self.focus].pop();
        }
        self.reread(doc);
    }

    pub fn clear(&mut self, doc: &Document) {
        self.fields[self.focus].clear();
        self.fresh = false;
        self.reread(doc);
    }

    /// The next (or previous) setting, selected.
    pub fn step(&mut self, forward: bool) {
        let n = SETTINGS.len();
        self.focus = if forward { (self.focus + 1) % n } else { (self.focus + n - 1) % n };
        self.fresh = true;
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.scroll = self.scroll.saturating_add_signed(delta).min(last);
    }
}

/// Two times are one moment when they resolve to the same instant (or are typed alike).
fn same_moment(a: &Moment, b: &Moment, zone: &Zone) -> bool {
    match (a.resolve(zone), b.resolve(zone)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
