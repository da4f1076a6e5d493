//! Building the document: the file cut into parts at its headings, each part matched to a
//! section (or kept in a new one), the text before the first section read as metadata.

use std::ops::Range;

use chrono::NaiveDate;

use super::blocks::{self, Block, Kind};
use super::matching::{Meta, is_numbers_heading, meta_for, normalize, section_for};
use super::meta::label_line;
use super::report::{Outcome, Report};
use super::times::Clock;
use super::{Imported, Options};
use crate::doc::{Document, Extra, Section, SectionKind, TemplateRef};
use crate::template::Template;

/// The headings (and heading-like label lines) of a file, the title left out.
pub(super) fn heading_texts(blocks: &[Block], src: &str) -> Vec<String> {
    let title = blocks.iter().position(|b| matches!(b.kind, Kind::Heading { level: 1, .. }));
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match &b.kind {
            Kind::Heading { text, .. } if Some(i) != title => out.push(text.clone()),
            Kind::Paragraph => {
                // Label lines name sections too (`**Root Causes:** ...`).
                out.extend(src[b.range.clone()].lines().filter_map(label_line).map(|(label, _)| label));
            }
            _ => {}
        }
    }
    out
}

/// A part of the file: a heading and the blocks up to the next part.
pub(super) struct Part {
    pub heading: Option<Heading>,
    pub target: Target,
    pub blocks: Vec<usize>,
    /// From the end of the heading to the start of the next part.
    pub body: Range<usize>,
}

pub(super) struct Heading {
    pub text: String,
    pub level: usize,
    pub line: usize,
    pub start: usize,
    /// How the heading looks in the file, for the report.
    pub shown: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Preamble,
    Section(usize),
    New,
    Numbers,
    /// A heading that is metadata (`## Date: 2023-02-06`, `## Authors` and a list of them).
    Meta,
}

pub(super) struct Builder<'a> {
    pub src: &'a str,
    pub template: &'a Template,
    pub own: bool,
    pub doc: Document,
    pub clock: Clock,
    pub report: Report,
    /// Sections with nothing from the template to hold them, and the template section they
    /// follow in the file (`None`: before all of them).
    pub(super) news: Vec<(Option<usize>, Section)>,
    pub(super) last_section: Option<usize>,
    pub(super) touched: Vec<bool>,
    pub(super) date: Option<NaiveDate>,
    /// The line being read and how it starts, for what `assign` reports.
    pub(super) line: usize,
    pub(super) shown: String,
    /// The first day the file names: the day of times written without one, when nothing
    /// nearer says.
    pub(super) first_date: Option<NaiveDate>,
    /// The zone was asked for with `--timezone`: it holds over what the file states.
    pub(super) zone_given: bool,
    /// A heading names the timeline; without one, runs of lines that start with a time are it.
    pub(super) has_timeline_heading: bool,
    /// No heading names the timeline, and two or more headings are times (`### 11:28 UTC`):
    /// they are its entries.
    pub(super) heading_entries: bool,
    /// An abbreviation the file glosses with its offset (`CST (UTC+8)`), and that offset.
    pub(super) gloss: Option<(String, crate::doc::Zone)>,
    /// The timeline's rows whose day came from above them (`anchor`), and the moments the
    /// text states with their day (`2026-04-24 ... 14:40:37`).
    pub(super) bare_rows: Vec<usize>,
    pub(super) anchors: Vec<super::anchor::Anchor>,
    /// The front matter's `date:`, the day the post was written: no day of its timeline is later.
    pub(super) posted: Option<NaiveDate>,
    /// The metadata's `date:` when it is an instant with its offset.
    pub(super) date_instant: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Label lines that gave the incident's times (`Incident Start: ...`): line, label, time.
    pub(super) time_labels: Vec<(usize, String, &'static str)>,
    /// The title was put in for want of one; a `Title:` or `Subject:` label below replaces it.
    pub(super) stand_in_title: bool,
    /// A sentence's moment at its end, in a file with no timeline, waiting for a second.
    pub(super) held_told: Option<(super::stamp::Stamp, String, usize)>,
    /// Two or more paragraphs open with `Datum:` over `Tidpunkt:`: updates' days, not the date.
    pub(super) paired_days: bool,
}

impl<'a> Builder<'a> {
    pub fn run(src: &'a str, template: &'a Template, options: &Options) -> Imported {
        Self::run_named(src, template, options, None, None)
    }

    /// As `run`, with the day the file's name gives (`2025-03-14-queue-outage.md`): the day of
    /// times written without one when the file itself names no day; and the year of a day
    /// written without one when the file names no year.
    pub fn run_named(
        src: &'a str,
        template: &'a Template,
        options: &Options,
        name_date: Option<NaiveDate>,
        year: Option<i32>,
    ) -> Imported {
        let parsed = blocks::parse(src);
        let blocks = &parsed.blocks;
        let own = super::head::own_export(blocks);
        let mut doc = template.new_document("", &options.zone);
        if let Some((name, version)) = &own {
            doc.template = TemplateRef { name: name.clone(), version: *version, extra: Extra::new() };
        }
        let mut b = Builder {
            src,
            template,
            own: own.is_some(),
            doc,
            clock: Clock { strict: own.is_some(), ..Clock::default() },
            report: Report {
                template: template.name.clone(),
                entries: Vec::new(),
                left_empty: Vec::new(),
                zone: None,
                warnings: Vec::new(),
            },
            news: Vec::new(),
            last_section: None,
            touched: vec![false; template.sections.len()],
            date: None,
            line: 1,
            shown: String::new(),
            first_date: None,
            posted: None,
            zone_given: options.zone_given,
            has_timeline_heading: false,
            heading_entries: false,
            gloss: None,
            bare_rows: Vec::new(),
            anchors: Vec::new(),
            date_instant: None,
            time_labels: Vec::new(),
            stand_in_title: false,
            held_told: None,
            paired_days: own.is_none() && super::written::date_time_label_count(src) >= 2,
        };
        b.has_timeline_heading = heading_texts(blocks, src)
            .iter()
            .any(|h| section_for(h, template).is_some_and(|i| template.sections[i].kind == SectionKind::Timeline));
        b.heading_entries = !b.own
            && !b.has_timeline_heading
            && blocks.iter().filter(|k| matches!(&k.kind, Kind::Heading { text, .. } if is_time_heading(text))).count()
                >= 2;
        if !b.own {
            b.times_of_the_file(options);
            b.first_date = b.first_date.or(name_date).or_else(|| super::survey::date_in_paths(src));
            b.clock.fallback_year = if b.first_date.is_none() { super::dates::year_told(src).or(year) } else { year };
            if b.first_date.is_none() {
                b.first_date = year.and_then(|y| super::dates::day_told(src, y));
            }
        }
        if let Some(text) = &parsed.front_matter {
            b.shown = "front matter".into();
            if parsed.toml { b.toml_front_matter(text) } else { b.front_matter(text) }
        }
        let title = b.title(blocks);
        b.times_of_the_metadata();
        if b.doc.title.trim().is_empty() {
            b.doc.title = super::head::dated_title(src).unwrap_or_else(|| crate::doc::UNTITLED.to_string());
            b.stand_in_title = true;
        }
        let parts = b.split(blocks, title);
        for (k, part) in parts.iter().enumerate() {
            // A heading whose only content is deeper headings is a group of them.
            let level = part.heading.as_ref().map_or(0, |h| h.level);
            let groups = parts.get(k + 1).and_then(|p| p.heading.as_ref()).is_some_and(|h| h.level > level);
            b.part(part, blocks, groups);
        }
        b.finish()
    }

    fn split(&self, blocks: &[Block], title: Vec<usize>) -> Vec<Part> {
        let start = title.first().map_or(0, |&i| blocks[i].range.end);
        let mut parts = vec![Part { heading: None, target: Target::Preamble, blocks: Vec::new(), body: start..start }];
        for (i, block) in blocks.iter().enumerate() {
            if title.contains(&i) {
                continue;
            }
            let Some(current) = parts.last() else { break };
            let level_now = current.heading.as_ref().map_or(0, |h| h.level);
            let started = match &block.kind {
                Kind::Heading { level, text } => {
                    self.heading_target(text, *level, level_now, &parts).map(|t| (t, text.clone(), *level))
                }
                Kind::Paragraph if !self.own => {
                    self.label_heading(block).map(|(i, label)| (Target::Section(i), label, super::blocks::LABEL_LEVEL))
                }
                _ => None,
            };
            match (started, parts.last_mut()) {
                (Some((target, text, level)), _) => parts.push(Part {
                    heading: Some(Heading {
                        text,
                        level,
                        line: block.line,
                        start: block.range.start,
                        shown: first_line(&self.src[block.range.clone()]),
                    }),
                    target,
                    blocks: Vec::new(),
                    body: block.range.end..block.range.end,
                }),
                (None, Some(part)) => part.blocks.push(i),
                (None, None) => {}
            }
        }
        let starts: Vec<usize> = parts.iter().skip(1).filter_map(|p| p.heading.as_ref().map(|h| h.start)).collect();
        for (k, part) in parts.iter_mut().enumerate() {
            let end = starts.get(k).copied().unwrap_or(self.src.len());
            part.body = part.body.start.min(end)..end;
        }
        parts
    }

    /// Whether a heading starts a new part, and which.
    fn heading_target(&self, text: &str, level: usize, level_now: usize, parts: &[Part]) -> Option<Target> {
        let current = parts.last()?;
        let now = current.target;
        let nested = now != Target::Preamble && level > level_now;
        if self.own {
            // Our export: sections are exactly the `##` headings, matched by their title.
            if level != 2 {
                return None;
            }
            if is_numbers_heading(text) {
                return Some(Target::Numbers);
            }
            let found = self.template.sections.iter().position(|s| normalize(&s.title) == normalize(text));
            return Some(found.map_or(Target::New, Target::Section));
        }
        if is_numbers_heading(text) && !nested {
            return Some(Target::Numbers);
        }
        let in_timeline = matches!(now, Target::Section(i) if self.template.sections[i].kind == SectionKind::Timeline);
        // In a timeline, a heading with a time or a date is an entry or a day, at any level.
        if in_timeline
            && (super::stamp::leading_stamp(text.trim_matches(['*', '_'])).is_some() || is_time_heading(text))
        {
            return None;
        }
        if self.heading_entries && is_time_heading(text) {
            return self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline).map(Target::Section);
        }
        match section_for(text, self.template) {
            // A deep heading inside a section is part of its text (a `#### Summary` of a
            // sub-section is not the document's summary), unless it is a list of rows of its
            // own (a `### Timeline` under "Recovery") or the section above only groups it.
            Some(i) if nested => {
                let rows = self.template.sections[i].kind != SectionKind::Text
                    && self.template.sections[i].kind != SectionKind::Fields;
                // A `###` names a section of its own; a deeper one is a detail of the text
                // it is in.
                let own = level <= 3 && !parts.iter().any(|p| p.target == Target::Section(i));
                (!in_timeline && (rows || own || current.blocks.is_empty())).then_some(Target::Section(i))
            }
            Some(i) => Some(Target::Section(i)),
            None if is_meta_heading(text) => Some(Target::Meta),
            None if nested => None,
            None => Some(Target::New),
        }
    }

    /// A paragraph that is only a label naming a section (`**Action Items:**`), followed by
    /// the section's content: a heading in all but name.
    fn label_heading(&self, block: &Block) -> Option<(usize, String)> {
        let source = self.src[block.range.clone()].trim();
        if source.contains('\n') {
            return None;
        }
        let (label, value) = label_line(source)?;
        if !value.is_empty() {
            return None;
        }
        section_for(&label, self.template).map(|i| (i, label))
    }

    /// Keeps `text` in a section of its own (an empty one too: the heading is kept, to be
    /// written later).
    pub fn new_section(&mut self, title: &str, text: String, line: usize, shown: String, reason: String) {
        let base = format!("imported-{}", crate::store::slug(title));
        let taken =
            |id: &str| self.doc.sections.iter().any(|s| s.id == id) || self.news.iter().any(|(_, s)| s.id == id);
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        // Written like the text of any section: ending in one line break.
        let text = text.trim_end();
        let text = if text.is_empty() { String::new() } else { format!("{text}\n") };
        let section = Section {
            id: id.clone(),
            title: title.trim().to_string(),
            kind: SectionKind::Text,
            required: false,
            text,
            fields: Vec::new(),
            extra: Extra::new(),
        };
        let reason = if section.text.is_empty() { format!("{reason}; nothing under it yet") } else { reason };
        self.news.push((self.last_section, section));
        self.report.push(line, shown, Outcome::NewSection { id, reason });
    }

    pub fn touch(&mut self, i: usize) {
        self.touched[i] = true;
    }

    pub fn source(&self, block: &Block) -> String {
        self.src[block.range.clone()].trim_end().to_string()
    }

    fn finish(mut self) -> Imported {
        self.anchor_runs();
        self.newest_first_runs();
        self.times_in_sentences();
        self.unread_times();
        let template_sections = std::mem::take(&mut self.doc.sections);
        let mut sections = Vec::with_capacity(template_sections.len() + self.news.len());
        let mut news = std::mem::take(&mut self.news);
        let mut place = |after: Option<usize>, sections: &mut Vec<Section>| {
            let (here, later): (Vec<_>, Vec<_>) = news.drain(..).partition(|(a, _)| *a == after);
            news = later;
            sections.extend(here.into_iter().map(|(_, s)| s));
        };
        place(None, &mut sections);
        for (i, section) in template_sections.into_iter().enumerate() {
            if !self.touched[i] && !self.doc.is_written(&section) {
                self.report.left_empty.push(section.title.clone());
            }
            sections.push(section);
            place(Some(i), &mut sections);
        }
        self.doc.sections = sections;
        self.polish();
        let zone = self.doc.zone();
        let started = [&self.doc.times.started, &self.doc.times.detected]
            .into_iter()
            .flatten()
            .find_map(|m| m.resolve(&zone))
            .map(|t| t.date_naive());
        let first_event = self.doc.timeline.iter().find_map(|e| e.time.resolve(&zone)).map(|t| t.date_naive());
        Imported { doc: self.doc, report: self.report, date: started.or(self.date).or(first_event), assumed_year: None }
    }
}

/// `### 11:28 UTC`, `### After 10:05 UTC`, `## Resolved - Jan 5, 2024 14:02 UTC`: a heading
/// that is only a time (or a status page's update).
fn is_time_heading(text: &str) -> bool {
    let text = text.trim_matches(['*', '_']);
    // (`1:00 PM, 20-Dec-18: Outage due to AC failure`: a day and time, then its title.)
    // (`## 14:05 - Alert fired`: a time and a dash, then its title; `### Update (14:05 UTC,
    // March 5 2024)`: an update's word, its time and day in brackets.)
    super::stamp::leading_stamp(text)
        .filter(|s| s.rest.is_empty() || s.separated)
        .or_else(|| super::entries::lead_in_stamp(text, true))
        .or_else(|| super::entries::status_stamp(text))
        .or_else(|| super::closing_stamp::closing_stamp(text).filter(|s| s.date.is_some()))
        .is_some_and(|s| matches!(s.time, Some(super::stamp::ClockText::At(_))))
}

/// `## Date: February 06, 2023`, `## Authors`: a heading that is a metadata label.
fn is_meta_heading(text: &str) -> bool {
    match label_line(text) {
        Some((label, value)) if !value.is_empty() => meta_for(&label).is_some(),
        _ => matches!(meta_for(text), Some(Meta::Authors | Meta::Status | Meta::Severity | Meta::Date)),
    }
}

pub(super) fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}
