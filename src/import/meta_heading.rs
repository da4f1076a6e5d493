//! A heading that is metadata: `## Date: 2023-02-06`, `## Authors` over a list of names,
//! `# Date` over `Start:` and `End:` lines. What else is under it is kept in a section.

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::matching::meta_for;
use super::meta::{Assigned, label_line};
use super::report::Outcome;

impl Builder<'_> {
    /// A heading that is metadata: its value in the heading (`## Date: 2023-02-06`) or below
    /// it (`## Authors` and a list or a line of names). What else is under it is kept.
    pub(super) fn meta_part(&mut self, part: &Part, blocks: &[Block]) {
        let Some(h) = &part.heading else { return };
        let body: Vec<&Block> = part.blocks.iter().map(|&i| &blocks[i]).collect();
        // `## Date` over `Start: ...` and `End: ...`: label lines of their own.
        let labelled = |b: &&Block| {
            matches!(b.kind, Kind::Paragraph)
                && self.src[b.range.clone()].lines().all(|l| label_line(l).is_some_and(|(l, _)| meta_for(&l).is_some()))
        };
        if label_line(&h.text).is_none() && !body.is_empty() && body.iter().all(labelled) {
            let kept: Vec<String> = body.iter().map(|b| self.label_lines(&self.src[b.range.clone()], b.line)).collect();
            let kept = kept.join("\n\n");
            if !kept.trim().is_empty() {
                let why = "what is under a metadata heading".to_string();
                self.new_section(&h.text, kept, h.line, h.shown.clone(), why);
            }
            return;
        }
        let (label, value, used_body) = match label_line(&h.text) {
            Some((label, value)) if !value.is_empty() => (label, value, false),
            _ => {
                let mut names = Vec::new();
                for b in &body {
                    match &b.kind {
                        Kind::List(items) => names.extend(items.iter().map(|i| i.text.replace('\n', " "))),
                        Kind::Paragraph => {
                            names.extend(self.src[b.range.clone()].lines().map(|l| l.trim().to_string()))
                        }
                        _ => {}
                    }
                }
                (h.text.clone(), names.join(", "), true)
            }
        };
        self.line = h.line;
        self.shown = h.shown.clone();
        let taken = match self.assign(&label, &value) {
            Assigned::Meta(what) => {
                self.report.push(h.line, h.shown.clone(), Outcome::Metadata(vec![what]));
                true
            }
            Assigned::Section(s, detail) => {
                let id = self.doc.sections[s].id.clone();
                self.report.push(h.line, h.shown.clone(), Outcome::Section { id, detail });
                true
            }
            Assigned::Kept => true,
            Assigned::No => false,
        };
        let rest: Vec<String> = body
            .iter()
            .filter(|b| !(taken && used_body && matches!(b.kind, Kind::List(_) | Kind::Paragraph)))
            .map(|b| self.source(b))
            .collect();
        if !taken || !rest.is_empty() {
            let text = if taken { rest.join("\n\n") } else { self.src[part.body.clone()].trim().to_string() };
            let reason = if taken {
                "what is under a metadata heading".to_string()
            } else {
                "not understood as metadata".to_string()
            };
            self.new_section(&label, text, h.line, h.shown.clone(), reason);
        }
    }
}
