//! Forms of one-line fields: the document's details (title, status, severity, people, times)
//! and `fields` sections. Each field checks itself, and the check is shown next to it.

use ratatui_textarea::{CursorMove, TextArea};

use chrono::{DateTime, FixedOffset};

use crate::doc::time::TimeError;
use crate::doc::{Document, Moment, Section, Status, Zone};
use crate::template::Template;

pub enum Input {
    Text(Box<TextArea<'static>>),
    /// A fixed set of values, changed by cycling.
    Choice {
        options: Vec<String>,
        index: usize,
    },
}

pub struct FormField {
    pub id: String,
    pub label: String,
    pub input: Input,
    pub hint: &'static str,
}

pub struct Form {
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// The incident's day, for a details time typed without one.
    day: Option<chrono::NaiveDate>,
}

const STATUSES: [&str; 3] = ["draft", "in-review", "published"];
pub const TIME_FIELDS: [&str; 4] = ["started", "detected", "mitigated", "resolved"];

fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.replace('\n', " ")]);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.set_selection_style(crate::tui::theme::selected_text());
    area.move_cursor(CursorMove::End);
    area
}

fn text_field(id: &str, label: &str, value: &str, hint: &'static str) -> FormField {
    FormField { id: id.into(), label: label.into(), input: Input::Text(Box::new(line(value))), hint }
}

impl Form {
    pub fn details(doc: &Document, template: Option<&Template>) -> Form {
        let mut severities = vec![String::new()];
        severities.extend(template.map(|t| t.severity_ids()).unwrap_or_default());
        if let Some(s) = &doc.severity
            && !severities.contains(s)
        {
            severities.push(s.clone());
        }
        let severity_index = doc.severity.as_ref().and_then(|s| severities.iter().position(|o| o == s)).unwrap_or(0);
        let status_index = STATUSES.iter().position(|s| *s == doc.status.as_str()).unwrap_or(0);
        let t = &doc.times;
        let zone = doc.zone();
        // As the table shows times and takes them back: in the document's zone.
        let time = |m: &Option<Moment>| match m.as_ref().map(|m| (m.resolve(&zone), m)) {
            Some((Some(exact), _)) => crate::doc::entry::typed_form(&zone, exact),
            Some((None, m)) => m.as_text(),
            None => String::new(),
        };
        // The incident's day, for a details time typed as a bare `14:02`: the started time's,
        // else the first timeline entry's.
        let day = [t.started.as_ref(), doc.timeline.first().map(|e| &e.time)]
            .into_iter()
            .flatten()
            .find_map(|m| m.resolve(&zone))
            .map(|t| crate::doc::entry::in_zone(&zone, t).date_naive());
        let fields = vec![
            text_field("title", "Title", &doc.title, "what happened, in a few words"),
            FormField {
                id: "status".into(),
                label: "Status".into(),
                input: Input::Choice { options: STATUSES.iter().map(|s| s.to_string()).collect(), index: status_index },
                hint: "",
            },
            FormField {
                id: "severity".into(),
                label: "Severity".into(),
                input: Input::Choice { options: severities, index: severity_index },
                hint: "",
            },
            text_field("authors", "Authors", &doc.authors.join(", "), "comma-separated"),
            text_field("services", "Services", &doc.services.join(", "), "comma-separated"),
            text_field("tags", "Tags", &doc.tags.join(", "), "comma-separated"),
            text_field("timezone", "Time zone", &doc.timezone, "e.g. Europe/Berlin, UTC, +05:30"),
            text_field("started", "Started", &time(&t.started), "e.g. 2026-11-24 14:02"),
            text_field("detected", "Detected", &time(&t.detected), "e.g. 2026-11-24 14:09"),
            text_field("mitigated", "Mitigated", &time(&t.mitigated), "e.g. 2026-11-24 14:31"),
            text_field("resolved", "Resolved", &time(&t.resolved), "e.g. 2026-11-24 14:44"),
        ];
        let mut form = Form { fields, focus: 0, day };
        // A new document's placeholder title is selected, so the first words typed replace it
        // ("Checkout outage", not "Untitled incidentCheckout outage").
        if doc.title == crate::doc::UNTITLED
            && let Some(Input::Text(area)) = form.fields.first_mut().map(|f| &mut f.input)
        {
            area.select_all();
        }
        form
    }

    pub fn fields(section: &Section) -> Form {
        let fields = section.fields.iter().map(|f| text_field(&f.id, &f.label, &f.value, "")).collect();
        Form { fields, focus: 0, day: None }
    }

    pub fn value(&self, id: &str) -> String {
        self.fields.iter().find(|f| f.id == id).map(|f| f.value()).unwrap_or_default()
    }

    pub fn any_filled(&self) -> bool {
        self.fields.iter().any(|f| !f.value().trim().is_empty())
    }

    pub fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        match &mut self.fields.get_mut(self.focus)?.input {
            Input::Text(area) => Some(area),
            Input::Choice { .. } => None,
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Moves a choice field to its next value. Returns whether anything changed.
    pub fn cycle(&mut self) -> bool {
        self.cycle_by(true)
    }

    /// The next (or the previous) value of the focused choice field; whether there is one.
    pub fn cycle_by(&mut self, forward: bool) -> bool {
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Choice { options, index }) if !options.is_empty() => {
                let n = options.len();
                *index = if forward { (*index + 1) % n } else { (*index + n - 1) % n };
                true
            }
            _ => false,
        }
    }

    /// Whether the focused field is a choice (status, severity).
    pub fn on_choice(&self) -> bool {
        matches!(self.fields.get(self.focus).map(|f| &f.input), Some(Input::Choice { .. }))
    }

    pub fn apply_details(&self, doc: &mut Document) {
        let list = |id: &str| -> Vec<String> {
            self.value(id).split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        doc.title = self.value("title").trim().to_string();
        doc.status = match self.value("status").as_str() {
            "in-review" => Status::InReview,
            "published" => Status::Published,
            _ => Status::Draft,
        };
        let severity = self.value("severity");
        doc.severity = (!severity.is_empty()).then_some(severity);
        doc.authors = list("authors");
        doc.services = list("services");
        doc.tags = list("tags");
        let zone = self.value("timezone").trim().to_string();
        doc.timezone = if zone.is_empty() { "UTC".into() } else { zone };
        let zone = doc.zone();
        let time = |id: &str| {
            let v = self.value(id).trim().to_string();
            (!v.is_empty()).then(|| match self.details_time(id, &zone) {
                Some(Ok(t)) => Moment::Exact(t),
                _ => v.parse::<Moment>().unwrap_or(Moment::Typed(v)),
            })
        };
        doc.times.started = time("started");
        doc.times.detected = time("detected");
        doc.times.mitigated = time("mitigated");
        doc.times.resolved = time("resolved");
    }

    pub fn apply_fields(&self, section: &mut Section) {
        for f in section.fields.iter_mut() {
            let v = self.value(&f.id);
            if f.value != v {
                f.value = v;
            }
        }
    }

    /// A details time as typed, read as forgivingly as a timeline time: `14:02` or `2:05 PM` on
    /// the incident's day, `+48m` after the time above it (started, detected, mitigated),
    /// `yesterday 23:50`. `None` for an empty field.
    fn details_time(&self, id: &str, zone: &Zone) -> Option<Result<DateTime<FixedOffset>, TimeError>> {
        let value = self.value(id).trim().to_string();
        if value.is_empty() {
            return None;
        }
        let i = TIME_FIELDS.iter().position(|f| *f == id)?;
        let previous = TIME_FIELDS[..i].iter().rev().find_map(|f| self.details_time(f, zone).and_then(Result::ok));
        // With no incident day yet (a new document), today's, as in the timeline.
        let today = || crate::doc::clock::now().ok().map(|now| zone.today(now));
        let day = previous.map(|p| crate::doc::entry::in_zone(zone, p).date_naive()).or(self.day).or_else(today);
        Some(match day {
            Some(day) => crate::doc::entry::parse_time(&value, zone, crate::doc::entry::Context { previous, day }),
            None => zone.parse_local(&value),
        })
    }

    /// What to say next to a details field: `Ok` with how it was understood, or `Err` with
    /// what is wrong. `None` when there is nothing to say.
    pub fn check(&self, index: usize) -> Option<Result<String, String>> {
        let field = self.fields.get(index)?;
        let value = field.value();
        let value = value.trim();
        match field.id.as_str() {
            "title" if value.is_empty() => Some(Err("a title helps readers find it".into())),
            "timezone" => Some(value.parse::<Zone>().map(|z| z.to_string())),
            id if TIME_FIELDS.contains(&id) && !value.is_empty() => {
                let zone = self.value("timezone").parse::<Zone>().unwrap_or_else(|_| Zone::utc());
                Some(self.details_time(id, &zone)?.map(|t| t.format("%a %e %b %Y %H:%M %:z").to_string()).map_err(
                    |e| match e {
                        TimeError::NotATime => format!("{value}: not a time (try 14:02, 2:05 PM, +48m)"),
                        other => format!("{value} {other}"),
                    },
                ))
            }
            _ => None,
        }
    }
}

impl FormField {
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(area) => area.lines().join(" "),
            Input::Choice { options, index } => options.get(*index).cloned().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A new document's placeholder title gives way to the first words typed; a real title is
    /// typed onto, as before.
    #[test]
    fn typing_replaces_the_placeholder_title_only() {
        let library = crate::template::Library::new(Vec::new(), None);
        let template = library.find("default").unwrap();
        let zone = crate::doc::Zone::from_environment();
        for (title, typed, expected) in
            [(crate::doc::UNTITLED, "Checkout outage", "Checkout outage"), ("Queue", " backlog", "Queue backlog")]
        {
            let doc = template.new_document(title, &zone);
            let mut form = Form::details(&doc, Some(&template));
            let area = form.focused_text().unwrap();
            for c in typed.chars() {
                area.insert_char(c);
            }
            assert_eq!(form.value("title"), expected);
        }
    }
}
