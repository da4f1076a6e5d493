//! The last touches on an imported document: section titles made unique (an export never
//! shows the same heading twice), reference-style links in rows made direct (a row is a table
//! cell, far from the definitions), and the incident times read from entries that say
//! "detected", "mitigated", "resolved".

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::matching::normalize;
use super::report::Outcome;
use crate::doc::{Marker, Section, SectionKind};

static DEFINITION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?m)^ {0,3}\[([^\]^][^\]]*)\]:\s*<?([^\s>]+)>?(?:\s+["'(].*)?\s*$"#).ok());
static REFERENCE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\](?:\[([^\]]*)\])?(?:[^(\[:]|$)").ok());

/// Words an entry marks an incident time with, first match wins.
const MARKS: &[(Marker, &str)] = &[
    (
        Marker::Started,
        r"(?i)\b(?:outage|incident|impact|problem|degradation) (?:begins|began|starts|started|start)\b|\bstart of (?:the )?(?:outage|incident|impact)\b",
    ),
    (Marker::Detected, r"(?i)\b(?:detected|alerted|paged|alerts? (?:fired|fires|triggered)|first (?:alert|report))\b"),
    (Marker::Mitigated, r"(?i)\bmitigat(?:ed|ion)\b"),
    (
        Marker::Resolved,
        r"(?i)\b(?:resolved|fully (?:restored|recovered)|incident (?:closed|over|ended)|back to normal|all clear)\b",
    ),
];

impl Builder<'_> {
    pub(super) fn polish(&mut self) {
        self.unique_titles();
        if !self.own {
            for e in &mut self.doc.timeline {
                e.event = super::stamp::clean_event(&e.event);
            }
            self.drop_repeated_stamps();
            self.direct_links();
            self.move_into_window();
            self.mark_times();
            self.sign_off();
        }
    }

    /// A status page copied as text writes each update's stamp twice (`Update / June 08, 2024
    /// at 1:46 AM / In progress / June 08, 2024 at 1:46 AM / text`): the first copy, an entry
    /// with nothing to say, goes when the next entry is at the same time.
    fn drop_repeated_stamps(&mut self) {
        let t = &self.doc.timeline;
        let empty = |k: usize| t[k].event.trim().is_empty() && t[k].evidence.is_none() && t[k].marker.is_none();
        let keep: Vec<bool> =
            (0..t.len()).map(|k| !(empty(k) && t.get(k + 1).is_some_and(|next| next.time == t[k].time))).collect();
        let mut keep = keep.into_iter();
        self.doc.timeline.retain(|_| keep.next().unwrap_or(true));
    }

    fn unique_titles(&mut self) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for k in 0..self.doc.sections.len() {
            let key = normalize(&self.doc.sections[k].title);
            let count = seen.entry(key).or_insert(0);
            *count += 1;
            if *count > 1 {
                let s: &mut Section = &mut self.doc.sections[k];
                s.title = if s.id.starts_with("imported-") && *count == 2 {
                    format!("{} (notes)", s.title)
                } else {
                    format!("{} ({count})", s.title)
                };
            }
        }
    }

    /// `[PR 2207][fix]` in a row becomes `[PR 2207](https://...)`; definitions no text section
    /// keeps are kept in a section of their own.
    fn direct_links(&mut self) {
        let Some(def) = DEFINITION.as_ref() else { return };
        let defs: Vec<(String, String, String)> = def
            .captures_iter(self.src)
            .map(|c| (c[1].to_lowercase(), c[2].to_string(), c[0].trim_end().to_string()))
            .collect();
        if defs.is_empty() {
            return;
        }
        let url = |label: &str| defs.iter().find(|(l, _, _)| *l == label.to_lowercase()).map(|(_, u, _)| u.clone());
        let direct = |text: &str| -> String {
            let Some(re) = REFERENCE.as_ref() else { return text.to_string() };
            let mut out = String::new();
            let mut last = 0;
            for c in re.captures_iter(text) {
                let (Some(whole), Some(shown)) = (c.get(0), c.get(1)) else { continue };
                let label = c.get(2).map(|m| m.as_str()).filter(|l| !l.is_empty()).unwrap_or(shown.as_str());
                let Some(u) = url(label) else { continue };
                let end = c.get(2).map_or(shown.end() + 1, |m| m.end() + 1);
                out.push_str(&text[last..whole.start()]);
                out.push_str(&format!("[{}]({u})", shown.as_str()));
                last = end;
            }
            out.push_str(&text[last..]);
            out
        };
        for e in &mut self.doc.timeline {
            e.event = direct(&e.event);
        }
        for f in &mut self.doc.factors {
            f.description = direct(&f.description);
        }
        for a in &mut self.doc.actions {
            a.title = direct(&a.title);
        }
        let texts: String = self.doc.sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
        let missing: Vec<&str> = defs
            .iter()
            .filter(|(_, _, line)| !texts.contains(line.as_str()))
            .map(|(_, _, line)| line.as_str())
            .collect();
        if !missing.is_empty() {
            let text = format!("{}\n", missing.join("\n"));
            let line = self.src.lines().position(|l| l.trim_end() == missing[0]).map_or(0, |n| n + 1);
            let section = Section {
                id: "imported-links".into(),
                title: "Links".into(),
                kind: SectionKind::Text,
                required: false,
                text,
                fields: Vec::new(),
                extra: crate::doc::Extra::new(),
            };
            if !self.doc.sections.iter().any(|s| s.id == section.id) {
                self.doc.sections.push(section);
                let reason = "link definitions the rows use (the rows now link directly)".to_string();
                self.report.push(
                    line,
                    missing[0].to_string(),
                    Outcome::NewSection { id: "imported-links".into(), reason },
                );
            }
        }
    }

    /// Entries that say what they mark get the marker, and the incident times the file does
    /// not state are read from them.
    fn mark_times(&mut self) {
        if self.doc.timeline.iter().any(|e| e.marker.is_some()) {
            return;
        }
        let zone = self.doc.zone();
        for (marker, pattern) in MARKS {
            let Ok(re) = Regex::new(pattern) else { continue };
            let Some(e) = self
                .doc
                .timeline
                .iter_mut()
                .find(|e| e.marker.is_none() && e.time.resolve(&zone).is_some() && re.is_match(&e.event))
            else {
                continue;
            };
            e.marker = Some(*marker);
            let time = e.time.clone();
            let t = &mut self.doc.times;
            let slot = match marker {
                Marker::Started => &mut t.started,
                Marker::Detected => &mut t.detected,
                Marker::Mitigated => &mut t.mitigated,
                Marker::Resolved => &mut t.resolved,
            };
            if slot.is_none() {
                *slot = Some(time);
            }
        }
    }
}
