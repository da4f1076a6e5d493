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

pub(super) fn check(
    checker: &Checker,
    doc: &Document,
    scale: Option<&[String]>,
    now: Option<DateTime<Utc>>,
) -> Vec<DocFinding> {
    let people = checker.people(doc);
    let mut out = Vec::new();
    let mut text = |path: String, value: &str, scope: Scope| {
        if value.trim().is_empty() {
            return;
        }
        for f in checker.check_text(value, scope, &people) {
            out.push(DocFinding { place: Place::Value(path.clone()), finding: f });
        }
    };
    text("title".into(), &doc.title, Scope::Prose);
    for (i, s) in doc.sections.iter().enumerate() {
        text(format!("sections[{i}].text"), &s.text, Scope::Prose);
        for (j, f) in s.fields.iter().enumerate() {
            text(format!("sections[{i}].fields[{j}].value"), &f.value, Scope::Prose);
        }
    }
    for (i, e) in doc.timeline.iter().enumerate() {
        text(format!("timeline[{i}].event"), &e.event, Scope::Timeline);
    }
    for (i, f) in doc.factors.iter().enumerate() {
        text(format!("factors[{i}].description"), &f.description, Scope::Prose);
    }
    for (i, a) in doc.actions.iter().enumerate() {
        text(format!("actions[{i}].title"), &a.title, Scope::Actions);
    }
    completeness(doc, now, &mut out);
    for f in validate(doc, scale) {
        let finding = item(f.rule, Category::Consistency, f.severity, &f.path, f.message);
        out.push(DocFinding { place: Place::Item(f.path), finding });
    }
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
            let message = format!(
                "the timeline entry `{}` links no evidence (a graph, a log line, a chat message)",
                e.event.trim()
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
