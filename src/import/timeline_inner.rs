//! The parts of a timeline without a timeline heading that sit inside other blocks: a heading
//! run onto the first entry's line, a list item's nested run, a code fence of timed lines; and
//! what a stamp alone on its line is; and the year a title gives the days told without one.

use std::sync::LazyLock;

use regex::Regex;

use super::build::{Builder, Part};
use super::report::Outcome;
use super::stamp::{ClockText, leading_stamp};
use super::timeline::{LIST_MARKER, Reading};
use crate::doc::SectionKind;

/// A month and its year in a title ("July 2017 ...", "Outage on March 2-3, 2026").
static TITLE_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?)?,?\s+((?:19|20)\d{2})\b").ok()
});

impl Builder<'_> {
    /// "July 2017 IT service disruption summary": the year of the days told without one.
    pub(super) fn title_year(&mut self) {
        if self.clock.date.is_none() && self.clock.year.is_none() {
            self.clock.year = TITLE_YEAR.as_ref().and_then(|re| re.captures(&self.doc.title)?[1].parse().ok());
        }
    }

    /// Reports the entries taken from `part` since the timeline had `before`, into section `t`.
    pub(super) fn report_runs(&mut self, part: &Part, t: usize, before: usize) {
        let added = self.doc.timeline.len() - before;
        if added > 0 {
            let (line, shown) = part.heading.as_ref().map_or((1, String::new()), |h| (h.line, h.shown.clone()));
            let detail =
                format!("{added} entr{} from the lines that start with a time", if added == 1 { "y" } else { "ies" });
            self.report.push(line, shown, Outcome::Section { id: self.doc.sections[t].id.clone(), detail });
            self.touch(t);
        }
    }

    /// `Incident Timeline 01:30 AM – ...`: a line that opens with a few words naming the
    /// timeline before its first entry's time: the words, and the entry.
    pub(super) fn glued_heading<'l>(&self, line: &'l str) -> Option<(&'l str, &'l str)> {
        let (label, rest) = line.split_at(line.find(|c: char| c.is_ascii_digit())?);
        let names = super::matching::section_for(label.trim(), self.template)
            .is_some_and(|i| self.template.sections[i].kind == SectionKind::Timeline);
        (names && (1..=4).contains(&label.split_whitespace().count())).then_some((label.trim(), rest))
    }

    /// A list item that is a label over a list of its own (`**Context**:`, then `- 12:32: ...`)
    /// three or more of whose lines, and two thirds at least, start with a time.
    pub(super) fn nested_run(&self, item: &str) -> bool {
        let below: Vec<&str> = item.lines().skip(1).filter(|l| !l.trim().is_empty()).collect();
        let timed = below
            .iter()
            .filter(|l| {
                let line =
                    LIST_MARKER.as_ref().map_or(l.trim(), |re| re.find(l).map_or(l.trim(), |m| l[m.end()..].trim()));
                self.entry_stamp(line).is_some_and(|s| matches!(s.time, Some(ClockText::At(_))))
            })
            .count();
        below.len() >= 3 && timed >= 3 && timed * 3 >= below.len() * 2
    }

    /// The list again, each nested run's entries taken: the items as they were, and of a run's
    /// item its label and the lines that are not entries.
    pub(super) fn nested_runs(&mut self, items: &[super::blocks::Item], line: usize) -> String {
        let indent = |text: &str| text.lines().collect::<Vec<_>>().join("\n  ");
        let mut out = Vec::new();
        for item in items {
            if !self.nested_run(&item.text) {
                out.push(format!("- {}", indent(&item.text)));
                continue;
            }
            let (label, below) = item.text.split_once('\n').unwrap_or((&item.text, ""));
            let mut r = Reading::default();
            let (rest, _) = self.timeline_lines(below, &mut r, line);
            let rest: Vec<String> = rest.iter().map(|l| format!("\n  {l}")).collect();
            out.push(format!("- {label}{}", rest.concat()));
        }
        format!("{}\n", out.join("\n"))
    }

    /// The lines inside a code fence or an indented code block (entries indented with a tab
    /// under a date line), when most of them start with a time.
    pub(super) fn timed_fence(&self, source: &str) -> Option<String> {
        let lines: Vec<&str> = source.lines().collect();
        let open = lines.first()?.trim_start();
        let fenced = open.starts_with("```") || open.starts_with("~~~");
        // (The block's text starts after the first line's indentation.)
        let indented = !fenced
            && lines.iter().skip(1).all(|l| l.trim().is_empty() || l.starts_with('\t') || l.starts_with("    "));
        let inner: Vec<&str> = if fenced && lines.len() >= 3 {
            lines[1..lines.len() - 1].to_vec()
        } else if indented {
            lines.iter().map(|l| l.strip_prefix('\t').or_else(|| l.strip_prefix("    ")).unwrap_or(l)).collect()
        } else {
            return None;
        };
        let filled: Vec<&&str> = inner.iter().filter(|l| !l.trim().is_empty()).collect();
        let timed = filled
            .iter()
            // (`    - 11:16 ::::: text`: the log's lines may be list items.)
            .map(|l| LIST_MARKER.as_ref().map_or(l.trim(), |re| re.find(l).map_or(l.trim(), |m| l[m.end()..].trim())))
            .filter(|l| self.entry_stamp(l).is_some_and(|s| matches!(s.time, Some(ClockText::At(_)))))
            .count();
        (timed >= 2 && timed * 3 >= filled.len() * 2).then(|| inner.join("\n"))
    }
}

/// A line that is a full day and time and nothing else, an update's word before it allowed
/// (`Uppdatering 2023-11-25, kl 16.17:`, `2021-03-09 14:05 UTC`).
pub(super) fn dated_alone(line: &str) -> bool {
    if line.contains('\n') {
        return false;
    }
    let after = super::status::update_label(line).map_or(line, |(_, after)| after);
    leading_stamp(after).is_some_and(|s| {
        let rest = s.rest.trim().trim_matches(':').trim();
        // A short note in brackets (`PST (UTC-8)`, `(estimated)`) is still the stamp's line.
        s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && (rest.is_empty() || bracket_note(rest))
    })
}

/// A short note in brackets after a stamp, and nothing else: `(UTC-8)`, `(estimated)`.
pub(super) fn bracket_note(t: &str) -> bool {
    t.len() <= 30 && t.starts_with('(') && t.ends_with(')') && !t[1..].contains('(')
}

/// An event that is only an update's label and its colon (`Update:`, `Comment updated on:`),
/// its text still to come.
/// So is a stamp's note in brackets alone (`(UTC-8)` after `02:54 pm PST`).
pub(super) fn is_label(event: &str) -> bool {
    let t = event.trim();
    let label = t.strip_suffix(':').unwrap_or_default();
    bracket_note(t)
        || (!label.is_empty()
            && label.split_whitespace().count() <= 5
            && label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'))
}

impl Builder<'_> {
    /// Whether a list item below a heading's entry starts with a time of its own (`- 11:30
    /// Vendor confirmed the fix` under `### March 4, 2024 10:00 - Follow-up`).
    pub(super) fn timed_item(&self, item: &str) -> bool {
        let first = item.lines().next().unwrap_or("").trim();
        self.entry_stamp(first).is_some_and(|s| matches!(s.time, Some(ClockText::At(_))) && !s.rest.trim().is_empty())
    }

    /// A list below a heading's entry, some of whose items start with a time: those are entries
    /// of their own (on the heading's day); the others stay with the entry above them.
    pub(super) fn list_under_heading_entry(&mut self, items: &[super::blocks::Item], r: &mut Reading, line: usize) {
        // The heading's day is the items' day, whichever day a heading above stated.
        let day = self.doc.timeline.last().and_then(|e| {
            let text = e.time.as_text();
            chrono::NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
        });
        if day.is_some() {
            self.clock.date = day;
        }
        for item in items {
            if self.timed_item(&item.text) {
                r.open = false;
                r.item = true;
                let (kept, took) = self.timeline_lines(&item.text, r, line);
                r.item = false;
                if !took || !kept.is_empty() {
                    let text = if took { kept.join("\n") } else { item.text.clone() };
                    self.append(&format!("- {text}"), "\n");
                }
            } else {
                self.append(&format!("- {}", item.text), "\n");
            }
        }
        r.open = false;
        r.heading_entry = false;
    }
}
