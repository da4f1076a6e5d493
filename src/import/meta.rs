//! What comes before the first section, and `Label: value` lines anywhere: the metadata
//! table (ours, or a key/value table of a wiki page), label lines (`**Authors:** a, b`,
//! `**Summary:** ...`) and YAML front matter, each read as metadata or as a section's content.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{Block, Kind};
use super::build::{Builder, Part, first_line};
use super::matching::{Meta, meta_for, normalize, section_for};
use super::place::holds;
use super::report::Outcome;
use super::times::find_date;
use crate::doc::{SectionKind, Status, Zone};

/// `**Impact:** text`, `__Date__: 2026-11-24`, `Authors: a, b`.
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+)?(?:(?:\*\*|__)\s*([^*_:\n]{1,60}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)|([A-Za-z][^:\n|*]{0,40}?)\s*:)\s*(.*)$").ok()
});
/// `*By Ada Lovelace and Bo Chen*`: a byline.
static BYLINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*[*_]*(?:[Ww]ritten |[Pp]osted )?[Bb]y\s+((?:@?[A-Z][\w.'-]*\s*(?:,|and|&)?\s*){1,8}?)[*_]*\s*$")
        .ok()
});
static BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)[ \t]*<br\s*/?>[ \t]*").ok());

/// A line that starts with a label and a colon: the label and the rest.
pub(super) fn label_line(line: &str) -> Option<(String, String)> {
    let Some(c) = LABEL.as_ref()?.captures(line) else { return super::bold_label::bold_label(line) };
    let label = c.get(1).or_else(|| c.get(2))?.as_str().trim().to_string();
    let value = c.get(3).map_or("", |m| m.as_str()).trim().to_string();
    // `Between 12:00 and 12:17 users...`: the colon of a time, not of a label.
    if label.ends_with(|ch: char| ch.is_ascii_digit()) && value.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    Some((label, value))
}

/// A line cut before each bold label after its first (`**Author:** a. **Severity:** b`).
fn bold_labels(line: &str) -> Vec<&str> {
    static NEXT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\s\*\*[A-Za-z][^*:\n]{0,40}:\*\*").ok());
    let Some(re) = NEXT.as_ref() else { return vec![line] };
    let mut parts = Vec::new();
    let mut start = 0;
    for m in re.find_iter(line) {
        parts.push(line[start..m.start()].trim_end());
        start = m.start() + 1;
    }
    parts.push(&line[start..]);
    parts
}

/// What a label line or a key/value pair was taken as.
pub(super) enum Assigned {
    Meta(String),
    Section(usize, String),
    /// Kept in a new section of its own (already reported).
    Kept,
    No,
}

impl Builder<'_> {
    pub(super) fn preamble(&mut self, part: &Part, blocks: &[Block]) {
        let mut kept: Vec<String> = Vec::new();
        let mut table_seen = false;
        // A file that is only a run of timed paragraphs (a status page's updates).
        let runs = self.time_runs(part, blocks);
        for &i in &part.blocks {
            let block = &blocks[i];
            let source = &self.src[block.range.clone()];
            if let Some((_, rest)) = runs.iter().find(|(r, _)| *r == block.range) {
                if !rest.trim().is_empty() {
                    kept.push(rest.trim_end().to_string());
                }
                continue;
            }
            match &block.kind {
                Kind::Table { header, rows } if header.len() == 2 && !table_seen => {
                    table_seen = true;
                    let mut pairs: Vec<(String, String)> = rows.iter().map(|r| (r[0].clone(), r[1].clone())).collect();
                    if meta_for(&header[0]).is_some() {
                        pairs.insert(0, (header[0].clone(), header[1].clone()));
                    }
                    if !pairs
                        .iter()
                        .any(|(key, _)| meta_for(key).is_some() || section_for(key, self.template).is_some())
                    {
                        // Not a table of metadata: kept as it is.
                        kept.push(source.trim_end().to_string());
                        continue;
                    }
                    let mut understood = Vec::new();
                    let mut rest = Vec::new();
                    self.line = block.line;
                    for (key, value) in pairs {
                        self.shown = format!("| {} |", key.trim());
                        match self.assign(&key, &value) {
                            Assigned::Meta(what) => {
                                self.note_time_label(block.line, key.trim(), &what);
                                understood.push(what)
                            }
                            Assigned::Section(s, detail) => {
                                let id = self.doc.sections[s].id.clone();
                                self.report.push(block.line, format!("| {key} |"), Outcome::Section { id, detail });
                            }
                            Assigned::Kept => {}
                            Assigned::No => rest.push(format!("- **{}:** {}", key.trim(), value.trim())),
                        }
                    }
                    self.report.push(block.line, first_line(source), Outcome::Metadata(understood));
                    if !rest.is_empty() {
                        kept.push(rest.join("\n"));
                    }
                }
                Kind::Paragraph => {
                    let rest = self.label_lines(source, block.line);
                    if !rest.is_empty() {
                        kept.push(rest);
                    }
                }
                // `- **Authors**: a, b` as a list.
                Kind::List(items)
                    if !self.own
                        && items.iter().any(|it| label_line(&it.text).is_some_and(|(l, _)| meta_for(&l).is_some())) =>
                {
                    let lines: Vec<String> = items.iter().map(|it| it.text.replace('\n', " ")).collect();
                    let rest = self.label_lines(&lines.join("\n"), block.line);
                    if !rest.is_empty() {
                        kept.push(rest.lines().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n"));
                    }
                }
                _ => kept.push(source.trim_end().to_string()),
            }
        }
        if !kept.is_empty() {
            let line = part.blocks.first().map_or(1, |&i| blocks[i].line);
            let text = format!("{}\n", kept.join("\n\n"));
            let (shown, why) =
                ("text before the first section".to_string(), "not metadata, and under no heading".to_string());
            self.new_section("Introduction", text, line, shown, why);
        }
    }

    /// Reads `Label: value` lines (a line without a label continues the one before); returns
    /// the lines that were not understood.
    pub(super) fn label_lines(&mut self, source: &str, first_line_no: usize) -> String {
        // (line number, the line and its continuations, the label and value when known)
        type Logical = (usize, String, Option<(String, String)>);
        let mut logical: Vec<Logical> = Vec::new();
        // `Status: final<br> Owners: @a`: a line break written as HTML.
        let broken = BREAK.as_ref().map_or_else(|| source.to_string(), |re| re.replace_all(source, "\n").into_owned());
        let source = if self.own { source } else { broken.as_str() };
        // `Date: 2026-09-27 · Author: A · Severity: P1`: label lines run together on one line.
        let lines = source.lines().enumerate().flat_map(|(n, line)| {
            let parts: Vec<&str> = line.split(" · ").collect();
            // `**Author:** CTO session. **Severity:** low`: bold labels one after the other.
            let parts = if parts.len() > 1 { parts } else { bold_labels(line) };
            let known = |p: &&str| {
                label_line(p).is_some_and(|(l, _)| meta_for(&l).is_some() || section_for(&l, self.template).is_some())
            };
            if parts.len() > 1 && !self.own && parts.iter().all(known) {
                parts.into_iter().map(|p| (n, p.to_string())).collect::<Vec<_>>()
            } else {
                vec![(n, line.to_string())]
            }
        });
        let lines: Vec<(usize, String)> = lines.collect();
        for (n, line) in &lines {
            let (n, line) = (*n, line.as_str());
            let byline = BYLINE.as_ref().and_then(|re| re.captures(line)).map(|c| ("By".to_string(), c[1].to_string()));
            let known = label_line(line).or(byline).filter(|(label, _)| {
                let meta = meta_for(label).filter(|m| !(self.paired_days && *m == Meta::Date));
                meta.is_some() || (!self.own && section_for(label, self.template).is_some())
            });
            // A line with a label nobody knows (`Last Modified: ...`) starts a line of its own.
            let other_label = known.is_none() && label_line(line).is_some_and(|(_, v)| !v.is_empty());
            match (known, logical.last_mut()) {
                (None, Some((_, text, pair))) if !other_label => {
                    text.push('\n');
                    text.push_str(line);
                    if let Some((_, value)) = pair {
                        value.push(' ');
                        value.push_str(line.trim());
                    }
                }
                (known, _) => logical.push((first_line_no + n, line.to_string(), known)),
            }
        }
        let mut rest = Vec::new();
        let mut understood = Vec::new();
        for (line_no, text, pair) in logical {
            self.line = line_no;
            self.shown = first_line(&text);
            let assigned = pair.as_ref().map_or(Assigned::No, |(label, value)| self.assign(label, value));
            match assigned {
                Assigned::Meta(what) => {
                    let label = pair.as_ref().map_or("", |(l, _)| l.as_str());
                    self.note_time_label(line_no, label, &what);
                    let named = normalize(what.split(' ').next().unwrap_or_default()) == normalize(label);
                    understood.push((line_no, if named { what } else { format!("{what} from `{label}`") }))
                }
                Assigned::Section(s, detail) => {
                    let id = self.doc.sections[s].id.clone();
                    self.report.push(line_no, first_line(&text), Outcome::Section { id, detail });
                }
                Assigned::Kept => {}
                Assigned::No => rest.push(text),
            }
        }
        if let Some((line_no, _)) = understood.first() {
            let what = understood.iter().map(|(_, w)| w.clone()).collect();
            self.report.push(*line_no, "label lines", Outcome::Metadata(what));
        }
        rest.join("\n")
    }

    /// A label whose value set one of the incident's times (`**Start time:** ...`, `| Start |
    /// ... |`), or a window's two (`**Incident window:** 14:05 – 15:30 UTC`), is an entry too.
    fn note_time_label(&mut self, line: usize, label: &str, what: &str) {
        for name in ["started", "detected", "mitigated", "resolved"] {
            if what == name {
                self.time_labels.push((line, label.to_string(), name));
            } else if what == "started and resolved" && matches!(name, "started" | "resolved") {
                let end = if name == "started" { "start" } else { "end" };
                self.time_labels.push((line, format!("{label}: {end}"), name));
            }
        }
    }

    /// Takes a key and value (a metadata row, a label line, front matter) as metadata or as a
    /// section's content.
    pub fn assign(&mut self, key: &str, value: &str) -> Assigned {
        let value = value.trim();
        if value.is_empty() {
            return Assigned::No;
        }
        // `Service restored: 2025-11-17`: a day alone says less than the time the text tells.
        let restored = matches!(meta_for(key), Some(Meta::Resolved)) && key.to_lowercase().contains("restored");
        if restored && super::stamp::leading_stamp(value).is_none_or(|s| s.time.is_none()) {
            return Assigned::No;
        }
        if let Some(meta) = meta_for(key) {
            return self.meta(meta, value);
        }
        if self.own {
            return Assigned::No;
        }
        let Some(i) = section_for(key, self.template) else { return Assigned::No };
        self.last_section = Some(i);
        let done = match self.template.sections[i].kind {
            // `Timeline (AEST): incident 13:49–14:04 · forensics 14:30–15:30`: entries in a line.
            SectionKind::Timeline => self.inline_timeline(key, value).map(|n| format!("{n} entries in one line")),
            SectionKind::Text if self.doc.sections[i].text.is_empty() => {
                self.doc.sections[i].text = format!("{value}\n");
                Some("text".to_string())
            }
            // Factors and actions come from lists and tables; a sentence stays a sentence.
            _ => None,
        };
        match done {
            Some(detail) => {
                self.touched[i] = true;
                Assigned::Section(i, detail)
            }
            // A label that names a section its value cannot go into (a form, a section
            // already written): kept in a section of its own, next to it.
            None => {
                let reason = match self.template.sections[i].kind {
                    SectionKind::Text => format!("section `{}` already has text", self.doc.sections[i].id),
                    kind => format!("section `{}` holds {}, not text", self.doc.sections[i].id, holds(kind)),
                };
                self.new_section(key, format!("{value}\n"), self.line, self.shown.clone(), reason);
                Assigned::Kept
            }
        }
    }

    pub(super) fn meta(&mut self, meta: Meta, value: &str) -> Assigned {
        // Split at the commas outside brackets: "the on-call team (Ana, Ben)" is one.
        let list = |v: &str| -> Vec<String> {
            let mut depth = 0i32;
            v.split(|c: char| {
                depth += i32::from(matches!(c, '(' | '[')) - i32::from(matches!(c, ')' | ']'));
                depth <= 0 && matches!(c, ',' | ';')
            })
            .map(|s| s.trim().trim_matches(['*', '_']).trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
        };
        let t = &mut self.doc.times;
        let label = match meta {
            Meta::Title => {
                if self.doc.title.trim().is_empty() || self.stand_in_title {
                    self.doc.title = value.to_string();
                    self.stand_in_title = false;
                }
                "title".to_string()
            }
            Meta::Status => match status(value) {
                Some(s) => {
                    self.doc.status = s;
                    format!("status ({value})")
                }
                None => return Assigned::No,
            },
            Meta::Severity => {
                let scale = &self.template.severities;
                let key = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
                let found = scale.iter().find(|s| key(&s.id) == key(value)).map(|s| s.id.clone());
                self.doc.severity = Some(if self.own { value.to_string() } else { found.unwrap_or(value.to_string()) });
                format!("severity ({value})")
            }
            Meta::Started | Meta::Detected | Meta::Mitigated | Meta::Resolved => {
                // `resolved: true` in a status page's front matter says no time.
                if !value.chars().any(|c| c.is_ascii_digit()) {
                    return Assigned::No;
                }
                let (slot, name) = match meta {
                    Meta::Started => (&mut t.started, "started"),
                    Meta::Detected => (&mut t.detected, "detected"),
                    Meta::Mitigated => (&mut t.mitigated, "mitigated"),
                    _ => (&mut t.resolved, "resolved"),
                };
                let (moment, note) = self.clock.read_labelled(&super::meta_times::dashed_zone(value));
                *slot = Some(moment);
                self.keep_note(name, note);
                name.to_string()
            }
            Meta::Window => match self.window(value) {
                Some(what) => {
                    self.keep_note("window", super::loose::beyond(value));
                    what
                }
                None => return Assigned::No,
            },
            // `date: 2020-04-01T22:05:00+00:00`: the day of the instant.
            Meta::Date => match find_date(value)
                .or_else(|| chrono::NaiveDate::parse_from_str(value.trim().get(..10)?, "%Y-%m-%d").ok())
            {
                Some(d) => {
                    // `date: '2024-08-21T16:38:13'`, a post's publishing stamp, a week after the
                    // day its text opens with ("On 2024-08-14, ..."): the text's day.
                    let stamped = value.contains('T') && value.contains(':');
                    let body = self.src.splitn(3, "\n---").nth(2).and_then(find_date);
                    self.posted = Some(d);
                    let d = match body.or(self.first_date) {
                        Some(f) if stamped && (1..=60).contains(&(d - f).num_days()) => f,
                        _ => d,
                    };
                    // A stamp's time is kept with it; a day's words beyond it, if any.
                    let note = if stamped { Some(value.trim().to_string()) } else { super::loose::beyond(value) };
                    self.keep_note("date", note);
                    self.clock.date = Some(d);
                    self.date = Some(d);
                    // `date: 2020-04-01T22:05:00+00:00`: an instant, written with its offset.
                    self.date_instant = chrono::DateTime::parse_from_rfc3339(value.trim()).ok();
                    "date".to_string()
                }
                None => return Assigned::No,
            },
            Meta::TimeZone => match value.parse::<Zone>() {
                Ok(zone) => {
                    self.doc.timezone = value.to_string();
                    self.clock.zone = (!self.own).then_some(zone);
                    "time zone".to_string()
                }
                Err(_) => return Assigned::No,
            },
            Meta::Authors => {
                self.doc.authors = list(&value.replace(" and ", ", ").replace(" & ", ", "));
                format!("authors ({})", self.doc.authors.len())
            }
            Meta::Services => {
                self.doc.services = list(value);
                format!("services ({})", self.doc.services.len())
            }
            Meta::Tags => {
                self.doc.tags = list(value);
                format!("tags ({})", self.doc.tags.len())
            }
            Meta::Template if self.own => "template".to_string(),
            Meta::Template => return Assigned::No,
        };
        Assigned::Meta(label)
    }
}
fn status(value: &str) -> Option<Status> {
    match normalize(value).as_str() {
        "draft" | "wip" | "work in progress" => Some(Status::Draft),
        "in review" | "review" | "under review" | "in-review" | "reviewing" => Some(Status::InReview),
        "published" | "final" | "complete" | "completed" | "done" | "closed" | "approved" => Some(Status::Published),
        _ => None,
    }
}
