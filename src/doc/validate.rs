//! Consistency checks of a loaded document: times that cannot be read or are out of order,
//! duplicate sections, severities outside the template's scale. The checks report; they
//! never change the document.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::numbers::Times;
use super::{Document, Marker, Zone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Something a check found, with the place in the document it is about (`times.resolved`,
/// `timeline[2].time`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    pub path: String,
    pub message: String,
}

impl Finding {
    fn new(severity: Severity, rule: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding { severity, rule, path: path.into(), message: message.into() }
    }
}

/// Checks a document. `scale` is the severity scale of its template, when the template is
/// known; without it the severity is not checked.
pub fn validate(doc: &Document, scale: Option<&[String]>) -> Vec<Finding> {
    let mut out = Vec::new();
    if doc.title.trim().is_empty() {
        out.push(Finding::new(Severity::Warning, "title-empty", "title", "the document has no title"));
    }
    let zone = match doc.timezone.parse::<Zone>() {
        Ok(zone) => Some(zone),
        Err(why) => {
            out.push(Finding::new(Severity::Error, "timezone-invalid", "timezone", why));
            None
        }
    };
    if let (Some(severity), Some(scale)) = (&doc.severity, scale)
        && !scale.iter().any(|s| s == severity)
    {
        out.push(Finding::new(
            Severity::Error,
            "severity-unknown",
            "severity",
            format!("severity `{severity}` is not in the template's scale ({})", scale.join(", ")),
        ));
    }
    // Without a zone, times typed without an offset cannot be placed; the order checks wait
    // until the zone is fixed rather than guess and report orders that are not there. Times
    // that are not times in any zone are still reported, so one bad field hides no other.
    match &zone {
        Some(zone) => {
            check_times(doc, zone, &mut out);
            check_timeline(doc, zone, &mut out);
        }
        None => {
            let mut found = Vec::new();
            check_times(doc, &Zone::utc(), &mut found);
            check_timeline(doc, &Zone::utc(), &mut found);
            out.extend(found.into_iter().filter(|f| f.rule == "time-invalid"));
        }
    }
    check_sections(doc, &mut out);
    for (i, action) in doc.actions.iter().enumerate() {
        if let Some(due) = &action.due
            && NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d").is_err()
        {
            out.push(Finding::new(
                Severity::Warning,
                "due-date-invalid",
                format!("actions[{i}].due"),
                format!("due date `{due}` is not a date; write it as YYYY-MM-DD"),
            ));
        }
    }
    out
}

fn check_times(doc: &Document, zone: &Zone, out: &mut Vec<Finding>) {
    let t = &doc.times;
    for (name, moment) in
        [("started", &t.started), ("detected", &t.detected), ("mitigated", &t.mitigated), ("resolved", &t.resolved)]
    {
        if let Some(m) = moment
            && let Err(why) = zone.parse_local(&m.as_text())
        {
            out.push(Finding::new(
                Severity::Error,
                "time-invalid",
                format!("times.{name}"),
                format!("the {name} time `{m}` {why}"),
            ));
        }
    }
    let known = Times::of(doc, zone).in_order();
    for (j, (later, later_time)) in known.iter().enumerate() {
        for (earlier, earlier_time) in &known[..j] {
            if let (Some(a), Some(b)) = (earlier_time, later_time)
                && b < a
            {
                out.push(Finding::new(
                    Severity::Error,
                    "times-out-of-order",
                    format!("times.{later}"),
                    format!(
                        "the incident is {later} at {} but {earlier} only at {}: {later} cannot come before {earlier}",
                        super::time::shown(*b),
                        super::time::shown(*a)
                    ),
                ));
            }
        }
    }
}

fn check_timeline(doc: &Document, zone: &Zone, out: &mut Vec<Finding>) {
    let mut seen_markers: Vec<Marker> = Vec::new();
    for (i, entry) in doc.timeline.iter().enumerate() {
        if entry.time.resolve(zone).is_none() {
            out.push(Finding::new(
                Severity::Warning,
                "time-invalid",
                format!("timeline[{i}].time"),
                format!("timeline time `{}` is not a time; it is kept as typed", entry.time),
            ));
        }
        if let Some(marker) = entry.marker {
            if seen_markers.contains(&marker) {
                out.push(Finding::new(
                    Severity::Warning,
                    "marker-repeated",
                    format!("timeline[{i}].marker"),
                    format!("more than one timeline entry is marked `{}`", marker.as_str()),
                ));
            }
            seen_markers.push(marker);
            let recorded = doc.times.marked(marker);
            let at = entry.time.resolve(zone);
            let recorded_at = recorded.as_ref().and_then(|m| m.resolve(zone));
            if let (Some(at), Some(rec)) = (at, recorded_at)
                && at != rec
            {
                out.push(Finding::new(
                    Severity::Warning,
                    "marker-disagrees",
                    format!("timeline[{i}].marker"),
                    format!(
                        "this entry marks the incident {} at {}, but times.{} says {}",
                        marker.as_str(),
                        at.to_rfc3339(),
                        marker.as_str(),
                        rec.to_rfc3339()
                    ),
                ));
            }
        }
    }
}

fn check_sections(doc: &Document, out: &mut Vec<Finding>) {
    let mut ids = HashSet::new();
    for (i, section) in doc.sections.iter().enumerate() {
        if !ids.insert(section.id.as_str()) {
            out.push(Finding::new(
                Severity::Error,
                "section-duplicate",
                format!("sections[{i}].id"),
                format!("section id `{}` appears more than once", section.id),
            ));
        }
    }
}
