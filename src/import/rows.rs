//! The structured sections: contributing factors and labelled answers, read from tables (by
//! their column headers), lists and `Label: value` lines, and what every kind of rows shares
//! (the timeline's in `timeline`, the actions' in `actions`). A column nothing knows is kept on
//! each row as `imported-<column>`; blocks that hold no rows are handed back, to be kept in a
//! section of their own.

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::matching::{Column, column_for, normalize};
use super::meta::label_line;
use super::report::Outcome;
use crate::doc::extra::Value;
use crate::doc::{Extra, Factor, FieldAnswer, Marker, SectionKind};
use crate::markdown::NOT_WRITTEN;

/// What a part holds besides its rows, in order. Blocks next to each other in the file stay
/// together with the text between them, so the kept Markdown reads as it was written.
#[derive(Default)]
pub(super) struct Leftover {
    pieces: Vec<(Option<usize>, Piece)>,
}

enum Piece {
    Source(std::ops::Range<usize>),
    Text(String),
}

impl Leftover {
    /// A whole block (the `b`th of the file).
    pub(super) fn block(&mut self, b: usize, block: &Block) {
        if let Some((Some(last), Piece::Source(range))) = self.pieces.last_mut()
            && *last + 1 == b
        {
            range.end = block.range.end;
            *last = b;
            return;
        }
        self.pieces.push((Some(b), Piece::Source(block.range.clone())));
    }

    /// Part of a block, as text.
    pub(super) fn text(&mut self, text: String) {
        self.pieces.push((None, Piece::Text(text)));
    }

    /// What is left of a block of `total` items or lines: the block as written when nothing
    /// was taken from it, else the rest.
    pub(super) fn some_of(&mut self, b: usize, block: &Block, rest: Vec<String>, total: usize) {
        if rest.len() == total {
            self.block(b, block);
        } else if !rest.is_empty() {
            // As a block's source would start: at its first character.
            self.text(rest.join("\n").trim().to_string());
        }
    }

    pub(super) fn into_texts(self, src: &str) -> Vec<String> {
        self.pieces
            .into_iter()
            .map(|(_, piece)| match piece {
                Piece::Source(range) => {
                    // From the start of its line: an indented code block's indentation is
                    // part of it.
                    let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let start = if src[line_start..range.start].trim().is_empty() { line_start } else { range.start };
                    src[start..range.end].trim_end().to_string()
                }
                Piece::Text(text) => text,
            })
            .collect()
    }
}

/// A table's columns: what each holds, by its header.
pub(super) struct Columns {
    pub(super) kinds: Vec<Option<Column>>,
    headers: Vec<String>,
}

impl Columns {
    pub(super) fn new(header: &[String], kind: SectionKind) -> Columns {
        Columns { kinds: header.iter().map(|h| column_for(h, kind)).collect(), headers: header.to_vec() }
    }

    pub(super) fn find(&self, column: Column) -> Option<usize> {
        self.kinds.iter().position(|k| *k == Some(column))
    }

    /// The column holding the main text: the one named so, else the first that is not known
    /// to hold something else.
    pub(super) fn main(&self, column: Column, not: Option<usize>) -> usize {
        self.find(column)
            .or_else(|| (0..self.kinds.len()).find(|&i| self.kinds[i].is_none() && Some(i) != not))
            .unwrap_or(0)
    }

    /// The cells of columns nobody reads, as `imported-<header>` keys.
    pub(super) fn extra(&self, row: &[String], used: &[usize]) -> Extra {
        let mut extra = Extra::new();
        for (i, cell) in row.iter().enumerate() {
            if !used.contains(&i) && !cell.trim().is_empty() {
                let name = self.headers.get(i).map_or("column", String::as_str);
                extra.insert(Value::String(imported_key(name)), Value::String(cell.trim().to_string()));
            }
        }
        extra
    }
}

fn plural(noun: &str) -> String {
    match noun.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{noun}s"),
    }
}

fn imported_key(name: &str) -> String {
    format!("imported-{}", crate::store::slug(name))
}

pub(super) fn cell(row: &[String], i: Option<usize>) -> String {
    i.and_then(|i| row.get(i)).map(|c| c.trim().to_string()).unwrap_or_default()
}

pub(super) fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

impl Builder<'_> {
    pub(super) fn report_rows(&mut self, i: usize, part: &Part, count: usize, noun: &str) {
        let (line, shown) = part.heading.as_ref().map_or((1, String::new()), |h| (h.line, h.shown.clone()));
        if count == 0 {
            return;
        }
        let detail = format!("{count} {}", if count == 1 { noun.to_string() } else { plural(noun) });
        self.report.push(line, shown, Outcome::Section { id: self.doc.sections[i].id.clone(), detail });
        self.touch(i);
    }

    /// Whether a table's rows are read: it has rows, and in our own export it is one of ours
    /// (any other table is kept as written).
    pub(super) fn takes(&self, header: &[String], rows: &[Vec<String>], ours: &[&str]) -> bool {
        !rows.is_empty() && (!self.own || header == ours)
    }

    pub(super) fn is_not_written(&self, block: &Block) -> bool {
        self.own && matches!(block.kind, Kind::Paragraph) && self.source(block) == NOT_WRITTEN
    }

    pub(super) fn fields_part(&mut self, i: usize, part: &Part, blocks: &[Block]) -> Vec<String> {
        let mut leftover = Leftover::default();
        let mut answered = 0;
        for &b in &part.blocks {
            let block = &blocks[b];
            if self.is_not_written(block) {
                continue;
            }
            match &block.kind {
                Kind::Table { header, rows }
                    if header.len() == 2 && self.takes(header, rows, &["Question", "Answer"]) =>
                {
                    if !self.own && !matches!(normalize(&header[0]).as_str(), "question" | "field" | "label" | "item") {
                        answered += usize::from(self.answer(i, &header[0], &header[1]));
                    }
                    for row in rows {
                        answered += usize::from(self.answer(i, &cell(row, Some(0)), &cell(row, Some(1))));
                    }
                }
                Kind::List(items) if !self.own => {
                    let mut rest = Vec::new();
                    for item in items {
                        match label_line(&item.text) {
                            Some((label, value)) if !value.is_empty() => {
                                answered += usize::from(self.answer(i, &label, &value))
                            }
                            _ => rest.push(format!("- {}", item.text)),
                        }
                    }
                    leftover.some_of(b, block, rest, items.len());
                }
                Kind::Paragraph if !self.own => {
                    let mut rest = Vec::new();
                    let source = self.source(block);
                    for line in source.lines() {
                        match label_line(line) {
                            Some((label, value)) if !value.is_empty() => {
                                answered += usize::from(self.answer(i, &label, &value))
                            }
                            _ => rest.push(line.to_string()),
                        }
                    }
                    leftover.some_of(b, block, rest, source.lines().count());
                }
                _ => leftover.block(b, block),
            }
        }
        self.report_rows(i, part, answered, "answer");
        leftover.into_texts(self.src)
    }

    /// Puts an answer in the field of that label (a field of its own if there is none);
    /// whether it was placed.
    fn answer(&mut self, i: usize, label: &str, value: &str) -> bool {
        let (label, value) = (label.trim(), value.trim());
        if label.is_empty() || value.is_empty() {
            return false;
        }
        let own = self.own;
        let fields = &mut self.doc.sections[i].fields;
        let n = normalize(label);
        let words = |a: &str, b: &str| !b.is_empty() && format!(" {a} ").contains(&format!(" {b} "));
        let found = fields.iter().position(|f| normalize(&f.label) == n || normalize(&f.id) == n).or_else(|| {
            (!own).then(|| {
                fields.iter().position(|f| words(&normalize(&f.label), &n) || words(&n, &normalize(&f.label)))
            })?
        });
        match found {
            Some(p) if fields[p].value.is_empty() => fields[p].value = value.to_string(),
            _ => {
                let base = crate::store::slug(label);
                let mut id = base.clone();
                let mut k = 2;
                while fields.iter().any(|f| f.id == id) {
                    id = format!("{base}-{k}");
                    k += 1;
                }
                fields.push(FieldAnswer {
                    id,
                    label: label.to_string(),
                    value: value.to_string(),
                    extra: Extra::new(),
                });
            }
        }
        true
    }

    pub(super) fn factors_part(&mut self, i: usize, part: &Part, blocks: &[Block]) -> Vec<String> {
        let mut leftover = Leftover::default();
        let before = self.doc.factors.len();
        let mut runs = self.runs_in(part, blocks);
        for &b in &part.blocks {
            let block = &blocks[b];
            if runs.took(block, &mut leftover) {
                continue;
            }
            if self.is_not_written(block) {
                continue;
            }
            match &block.kind {
                Kind::Table { header, rows } if self.takes(header, rows, &["Contributing factor", "Category"]) => {
                    let cols = Columns::new(header, SectionKind::Factors);
                    let category = cols.find(Column::Category);
                    let description = cols.main(Column::Description, category);
                    for row in rows {
                        let mut used = vec![description];
                        used.extend(category);
                        self.doc.factors.push(Factor {
                            description: cell(row, Some(description)),
                            category: non_empty(cell(row, category)),
                            extra: cols.extra(row, &used),
                        });
                    }
                }
                Kind::List(items) if !self.own => self.doc.factors.extend(items.iter().map(|it| factor(&it.text))),
                _ => leftover.block(b, block),
            }
        }
        let added = self.doc.factors.len() - before;
        self.report_rows(i, part, added, "factor");
        leftover.into_texts(self.src)
    }
}

/// The runs of timed entries a part of factors or actions holds (a status page's updates below
/// its postmortem's "Root cause" or "Next steps"): the timeline, not rows of that section.
pub(super) struct Runs {
    runs: Vec<(std::ops::Range<usize>, String)>,
    kept: Vec<bool>,
}

impl Runs {
    /// Whether a run took `block`; what the run leaves is kept once, as text.
    pub(super) fn took(&mut self, block: &Block, leftover: &mut Leftover) -> bool {
        let inside = |(range, _): &(std::ops::Range<usize>, String)| {
            range.start <= block.range.start && block.range.end <= range.end
        };
        let Some(r) = self.runs.iter().position(inside) else { return false };
        if !std::mem::replace(&mut self.kept[r], true) && !self.runs[r].1.trim().is_empty() {
            leftover.text(self.runs[r].1.trim().to_string());
        }
        true
    }
}

impl Builder<'_> {
    pub(super) fn runs_in(&mut self, part: &Part, blocks: &[Block]) -> Runs {
        let runs = if self.has_timeline_heading || self.own { Vec::new() } else { self.time_runs(part, blocks) };
        Runs { kept: vec![false; runs.len()], runs }
    }
}

pub(super) fn factor(text: &str) -> Factor {
    Factor { description: text.trim().to_string(), category: None, extra: Extra::new() }
}

pub(super) fn parse_marker(text: &str) -> Option<Marker> {
    match normalize(text).as_str() {
        "started" | "start" => Some(Marker::Started),
        "detected" | "detection" => Some(Marker::Detected),
        "mitigated" | "mitigation" => Some(Marker::Mitigated),
        "resolved" | "resolution" => Some(Marker::Resolved),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_words() {
        assert_eq!(parse_marker("detected"), Some(Marker::Detected));
        assert_eq!(parse_marker("Resolution"), Some(Marker::Resolved));
        assert_eq!(parse_marker("lunch"), None);
    }
}
