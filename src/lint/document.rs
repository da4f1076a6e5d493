//! Checking a whole document: the language of every field a person writes, whether the review
//! is complete (required sections, owners, due dates, evidence, times), and `validate`'s
//! findings, reused as they are.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::suppress::is_dismissed;
use super::{Category, Checker, Scope, TextFinding};
use crate::doc::{ActionStatus, Document, Severity, validate};

/// Where in the document a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "path", rename_all = "kebab-case")]
pub enum Place {
    /// Inside the text of a field (`sections[2].text`): the finding's span is bytes of it.
    Value(String),
    /// About an item or key as a whole (`actions[1]`, `times.resolved`).
    Item(String),
}

impl Place {
    pub fn path(&self) -> &str {
        match self {
            Place::Value(p) | Place::Item(p) => p,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocFinding {
    pub place: Place,
    pub finding: TextFinding,
}

/// A document check that is not a language rule: its id, category, level and what it says.
#[derive(Debug, Clone, Copy)]
pub struct DocRule {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub summary: &'static str,
}

/// The completeness checks, and `validate`'s checks (reported under their own ids).
pub const DOC_RULES: [DocRule; 14] = [
    doc_rule(
        "section-empty",
        Category::Completeness,
        Severity::Warning,
        "A required section has nothing written in it.",
    ),
    doc_rule("action-owner-missing", Category::Completeness, Severity::Warning, "A follow-up action has no owner."),
    doc_rule(
        "action-due-missing",
        Category::Completeness,
        Severity::Warning,
        "An open follow-up action has no due date.",
    ),
    doc_rule(
        "timeline-evidence-missing",
        Category::Completeness,
        Severity::Suggestion,
        "A timeline entry links no evidence (graph, log, chat message).",
    ),
    doc_rule(
        "time-in-future",
        Category::Completeness,
        Severity::Warning,
        "An incident or timeline time lies in the future.",
    ),
    doc_rule("title-empty", Category::Consistency, Severity::Warning, "The document has no title."),
    doc_rule("timezone-invalid", Category::Consistency, Severity::Error, "The time zone cannot be read."),
    doc_rule(
        "severity-unknown",
        Category::Consistency,
        Severity::Error,
        "The severity is not in the template's scale.",
    ),
    doc_rule("time-invalid", Category::Consistency, Severity::Error, "A time cannot be read."),
    doc_rule(
        "times-out-of-order",
        Category::Consistency,
        Severity::Error,
        "Incident times come in an impossible order.",
    ),
    doc_rule(
        "marker-repeated",
        Category::Consistency,
        Severity::Warning,
        "Two timeline entries carry the same marker.",
    ),
    doc_rule(
        "marker-disagrees",
        Category::Consistency,
        Severity::Warning,
        "A timeline marker disagrees with the incident times.",
    ),
    doc_rule("section-duplicate", Category::Consistency, Severity::Error, "A section id appears twice."),
    doc_rule("due-date-invalid", Category::Consistency, Severity::Warning, "A due date is not a date."),
];

const fn doc_rule(id: &'static str, category: Category, severity: Severity, summary: &'static str) -> DocRule {
    DocRule { id, category, severity, summary }
}

fn item(rule: &str, category: Category, severity: Severity, text: &str, message: String) -> TextFinding {
    TextFinding {
        rule: rule.to_string(),
        category,
        severity,
        span: 0..0,
        text: text.to_string(),
        message,
        suggestion: None,
        rewrite: None,
    }
}

/// A field a person writes, whose wording is checked: by `lint`, and by the editor as it is
/// typed. [`fields`] lists them all, so the two cannot check different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    /// A section's text (`sections[i].text`).
    Text(usize),
    /// An answer in a section of fields (`sections[i].fields[j].value`).
    Answer(usize, usize),
    /// A timeline entry's event.
    Event(usize),
    /// A contributing factor's description.
    Factor(usize),
    /// A follow-up action's title.
    Action(usize),
}

impl Field {
    /// Its document path, as findings report it: `timeline[3].event`.
    pub fn path(self) -> String {
        match self {
            Field::Title => "title".into(),
            Field::Text(i) => format!("sections[{i}].text"),
            Field::Answer(i, j) => format!("sections[{i}].fields[{j}].value"),
            Field::Event(i) => format!("timeline[{i}].event"),
            Field::Factor(i) => format!("factors[{i}].description"),
            Field::Action(i) => format!("actions[{i}].title"),
        }
    }

    /// The field at a document path written by [`Field::path`].
    pub fn parse(path: &str) -> Option<Field> {
        let index = |s: &str| -> Option<usize> { s.split_once('[')?.1.strip_suffix(']')?.parse().ok() };
        let parts: Vec<&str> = path.split('.').collect();
        let name = |n: usize| parts.get(n).map(|p| p.split('[').next().unwrap_or(p));
        let field = match (name(0)?, parts.len()) {
            ("title", 1) => Field::Title,
            ("sections", 2) if parts[1] == "text" => Field::Text(index(parts[0])?),
            ("sections", 3) if name(1) == Some("fields") && parts[2] == "value" => {
                Field::Answer(index(parts[0])?, index(parts[1])?)
            }
            ("timeline", 2) if parts[1] == "event" => Field::Event(index(parts[0])?),
            ("factors", 2) if parts[1] == "description" => Field::Factor(index(parts[0])?),
            ("actions", 2) if parts[1] == "title" => Field::Action(index(parts[0])?),
            _ => return None,
        };
        (field.path() == path).then_some(field)
    }

    /// Where its text sits, which decides the rules that apply.
    pub fn scope(self) -> Scope {
        match self {
            Field::Event(_) => Scope::Timeline,
            Field::Action(_) => Scope::Actions,
            Field::Title | Field::Text(_) | Field::Answer(..) | Field::Factor(_) => Scope::Prose,
        }
    }

    /// Its text in `doc`.
    pub fn text(self, doc: &Document) -> Option<&str> {
        Some(match self {
            Field::Title => &doc.title,
            Field::Text(i) => &doc.sections.get(i)?.text,
            Field::Answer(i, j) => &doc.sections.get(i)?.fields.get(j)?.value,
            Field::Event(i) => &doc.timeline.get(i)?.event,
            Field::Factor(i) => &doc.factors.get(i)?.description,
            Field::Action(i) => &doc.actions.get(i)?.title,
        })
    }
}

/// Every field of `doc` whose wording is checked, in the document's order.
pub fn fields(doc: &Document) -> Vec<Field> {
    let mut out = vec![Field::Title];
    for (i, s) in doc.sections.iter().enumerate() {
        out.push(Field::Text(i));
        out.extend((0..s.fields.len()).map(|j| Field::Answer(i, j)));
    }
    out.extend((0..doc.timeline.len()).map(Field::Event));
    out.extend((0..doc.factors.len()).map(Field::Factor));
    out.extend((0..doc.actions.len()).map(Field::Action));
    out
}

/// The wording findings of one field's `text` (dismissals are the caller's to honour): what
/// `lint` reports for the field, and what the editor shows.
pub fn check_field(checker: &Checker, field: Field, text: &str, people: &super::People) -> Vec<TextFinding> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    checker.check_text(text, field.scope(), people)
}

pub(super) fn check(
    checker: &Checker,
    doc: &Document,
    scale: Option<&[String]>,
    now: Option<DateTime<Utc>>,
) -> Vec<DocFinding> {
    let people = checker.people(doc);
    let mut out = Vec::new();
    for field in fields(doc) {
        let text = field.text(doc).unwrap_or_default();
        for f in check_field(checker, field, text, &people) {
            out.push(DocFinding { place: Place::Value(field.path()), finding: f });
        }
    }
    out.extend(items(doc, scale, now));
    finish(checker, doc, out)
}

/// The checks of a document that are not about wording: completeness, and `validate`'s.
pub(super) fn check_items(
    checker: &Checker,
    doc: &Document,
    scale: Option<&[String]>,
    now: Option<DateTime<Utc>>,
) -> Vec<DocFinding> {
    finish(checker, doc, items(doc, scale, now))
}

fn items(doc: &Document, scale: Option<&[String]>, now: Option<DateTime<Utc>>) -> Vec<DocFinding> {
    let mut out = Vec::new();
    completeness(doc, now, &mut out);
    for f in validate(doc, scale) {
        let finding = item(f.rule, Category::Consistency, f.severity, &f.path, f.message);
        out.push(DocFinding { place: Place::Item(f.path), finding });
    }
    out
}

/// Leaves out what the document dismissed and applies the team's levels.
fn finish(checker: &Checker, doc: &Document, mut out: Vec<DocFinding>) -> Vec<DocFinding> {
    out.retain(|d| !is_dismissed(doc, &d.finding.rule, &d.finding.text));
    out.into_iter()
        .filter_map(|d| Some(DocFinding { finding: checker.config.apply(d.finding)?, place: d.place }))
        .collect()
}

fn completeness(doc: &Document, now: Option<DateTime<Utc>>, out: &mut Vec<DocFinding>) {
    let mut push = |path: String, rule: &str, severity: Severity, text: &str, message: String| {
        let finding = item(rule, Category::Completeness, severity, text, message);
        out.push(DocFinding { place: Place::Item(path), finding });
    };
    for (i, s) in doc.sections.iter().enumerate() {
        if s.required && !doc.is_written(s) {
            let message = format!("the required section `{}` is empty", s.title.trim());
            push(format!("sections[{i}]"), "section-empty", Severity::Warning, &s.title, message);
        }
    }
    for (i, a) in doc.actions.iter().enumerate() {
        let title = a.title.trim();
        if a.owner.as_deref().is_none_or(|o| o.trim().is_empty()) {
            let message = format!("the action `{title}` has no owner; name a team or a person who will see it through");
            push(format!("actions[{i}]"), "action-owner-missing", Severity::Warning, title, message);
        }
        let open = matches!(a.status, ActionStatus::Open | ActionStatus::InProgress);
        if open && a.due.as_deref().is_none_or(|d| d.trim().is_empty()) {
            let message = format!("the open action `{title}` has no due date (YYYY-MM-DD)");
            push(format!("actions[{i}]"), "action-due-missing", Severity::Warning, title, message);
        }
    }
    let zone = doc.zone();
    for (i, e) in doc.timeline.iter().enumerate() {
        if e.evidence.as_deref().is_none_or(|x| x.trim().is_empty()) {
            // (An event of several lines, a phase and its bullets, is named on one line.)
            let message = format!(
                "the timeline entry `{}` links no evidence (a graph, a log line, a chat message)",
                e.event.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            push(format!("timeline[{i}]"), "timeline-evidence-missing", Severity::Suggestion, &e.event, message);
        }
    }
    let Some(now) = now else { return };
    let t = &doc.times;
    let named =
        [("started", &t.started), ("detected", &t.detected), ("mitigated", &t.mitigated), ("resolved", &t.resolved)];
    let incident = named.iter().filter_map(|(n, m)| m.as_ref().map(|m| (format!("times.{n}"), m)));
    let timeline = doc.timeline.iter().enumerate().map(|(i, e)| (format!("timeline[{i}].time"), &e.time));
    for (path, moment) in incident.chain(timeline) {
        if let Some(at) = moment.resolve(&zone)
            && at > now
        {
            let message = format!("`{path}` is {}, which is in the future", at.to_rfc3339());
            push(path.clone(), "time-in-future", Severity::Warning, &path, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_path_reads_back_as_its_field() {
        for f in
            [Field::Title, Field::Text(2), Field::Answer(1, 3), Field::Event(0), Field::Factor(4), Field::Action(9)]
        {
            assert_eq!(Field::parse(&f.path()), Some(f));
        }
        assert_eq!(Field::parse("times.resolved"), None);
        assert_eq!(Field::parse("actions[1]"), None);
    }

    /// Every rule id `validate` reports is listed, so `lint.yaml` and SARIF know it.
    #[test]
    fn every_validate_rule_is_listed() {
        let source = include_str!("../doc/validate.rs");
        for part in source.split("Severity::").skip(1) {
            let Some(id) = part.split('"').nth(1) else { continue };
            if part.split('"').next().is_some_and(|before| before.trim_end().ends_with(',')) && !id.contains(' ') {
                assert!(DOC_RULES.iter().any(|r| r.id == id), "validate's rule `{id}` is not in DOC_RULES");
            }
        }
    }
}
