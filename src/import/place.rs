//! Each part of the file placed: a text section takes its Markdown (its headings moved up), a
//! timeline, factors, actions or a form their rows, and what a section cannot hold is kept in
//! a section of its own beside it.

use super::blocks::Block;
use super::build::{Builder, Part, Target};
use super::report::Outcome;
use crate::doc::SectionKind;
use crate::markdown::NOT_WRITTEN;
use crate::markdown::nest::shift_headings;

impl Builder<'_> {
    pub(super) fn part(&mut self, part: &Part, blocks: &[Block], groups: bool) {
        match part.target {
            Target::Preamble => self.preamble(part, blocks),
            Target::Meta => self.meta_part(part, blocks),
            Target::Numbers => {
                if let Some(h) = &part.heading {
                    let why = "the incident numbers are computed from the times";
                    self.report.push(h.line, h.shown.clone(), Outcome::Skipped(why.into()));
                }
            }
            Target::New => {
                let (title, line, shown) = heading_parts(part);
                let text = self.body_text(part, blocks);
                if text.is_empty() && groups {
                    let why = "it only groups the headings below it, each imported on its own";
                    self.report.push(line, shown, Outcome::Skipped(why.into()));
                    return;
                }
                if !self.own {
                    self.times_stated(&text, line, &shown, false);
                }
                let reason = format!("no section of template `{}` matches", self.template.name);
                self.new_section(&title, text, line, shown, reason);
            }
            Target::Section(i) => {
                let reported = self.report.entries.len();
                let previous = self.last_section.replace(i);
                let leftover = match self.template.sections[i].kind {
                    SectionKind::Text => self.text_part(i, part, blocks, previous),
                    SectionKind::Fields => self.fields_part(i, part, blocks),
                    SectionKind::Timeline => self.timeline_part(i, part, blocks),
                    SectionKind::Factors => self.factors_part(i, part, blocks),
                    SectionKind::Actions => self.actions_part(i, part, blocks),
                };
                if leftover.is_empty() && self.report.entries.len() == reported {
                    let (_, line, shown) = heading_parts(part);
                    let detail = if self.own { "not written yet" } else { "nothing under the heading" };
                    let id = self.doc.sections[i].id.clone();
                    self.report.push(line, shown, Outcome::Section { id, detail: detail.into() });
                }
                if !leftover.is_empty() {
                    let (title, line, shown) = heading_parts(part);
                    let level = part.heading.as_ref().map_or(0, |h| h.level.min(6)) as i32;
                    let text = shift_headings(&leftover.join("\n\n"), -level);
                    let reason = format!(
                        "what is not {} of section `{}`",
                        holds(self.template.sections[i].kind),
                        self.doc.sections[i].id
                    );
                    self.new_section(&title, text, line, shown, reason);
                }
            }
        }
    }

    /// `previous`: the section before this part, where a text that cannot go into section `i`
    /// is placed instead.
    fn text_part(&mut self, i: usize, part: &Part, blocks: &[Block], previous: Option<usize>) -> Vec<String> {
        let text = self.body_text(part, blocks);
        let (_, line, shown) = heading_parts(part);
        if text.trim().is_empty() || (self.own && text.trim() == NOT_WRITTEN) {
            let detail = if self.own { "not written yet" } else { "empty" };
            self.report.push(
                line,
                shown,
                Outcome::Section { id: self.doc.sections[i].id.clone(), detail: detail.into() },
            );
            return Vec::new();
        }
        if !self.doc.sections[i].text.is_empty() {
            let title = part.heading.as_ref().map_or_else(|| self.doc.sections[i].title.clone(), |h| h.text.clone());
            let reason = format!("section `{}` already has text", self.doc.sections[i].id);
            self.last_section = previous;
            self.new_section(&title, text, line, shown, reason);
            return Vec::new();
        }
        if !self.own {
            self.times_stated_in(&text, line, &shown);
        }
        let lines = text.lines().count();
        self.doc.sections[i].text = text;
        self.touched[i] = true;
        let detail = format!("text, {lines} line{}", if lines == 1 { "" } else { "s" });
        self.report.push(line, shown, Outcome::Section { id: self.doc.sections[i].id.clone(), detail });
        Vec::new()
    }

    /// The Markdown below a heading, its own headings moved up by the heading's level, without
    /// the runs of timeline entries taken from it.
    fn body_text(&mut self, part: &Part, blocks: &[Block]) -> String {
        let runs = self.time_runs(part, blocks);
        let mut body = String::new();
        let mut at = part.body.start;
        for (range, kept) in runs {
            body.push_str(&self.src[at..range.start]);
            body.push_str(&kept);
            at = range.end;
        }
        body.push_str(&self.src[at.max(part.body.start)..part.body.end]);
        let level = part.heading.as_ref().map_or(0, |h| h.level.min(6)) as i32;
        let shifted = shift_headings(&body, -level);
        let trimmed = skip_blank_lines(&shifted).trim_end();
        if trimmed.is_empty() || (self.own && trimmed == NOT_WRITTEN) { String::new() } else { format!("{trimmed}\n") }
    }
}

/// What a section of this kind is made of, for the report.
pub(super) fn holds(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Text => "text",
        SectionKind::Fields => "labelled answers",
        SectionKind::Timeline => "timeline entries",
        SectionKind::Factors => "contributing factors",
        SectionKind::Actions => "follow-up actions",
    }
}

fn heading_parts(part: &Part) -> (String, usize, String) {
    match &part.heading {
        Some(h) => (h.text.clone(), h.line, h.shown.clone()),
        None => ("Introduction".to_string(), 1, "text before the first section".to_string()),
    }
}

fn skip_blank_lines(text: &str) -> &str {
    let mut rest = text;
    while let Some(end) = rest.find('\n') {
        if rest[..end].trim().is_empty() {
            rest = &rest[end + 1..];
        } else {
            break;
        }
    }
    rest
}
