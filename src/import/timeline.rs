//! The timeline, in every shape postmortems write it: a table (one time column, or a date and
//! a time column), a list or paragraphs of lines that start with a stamp, one heading per
//! entry (`### 08:47` and the text below it), date headings or date lines with bare times
//! below them, entries that wrap onto the next line or run on after a `<br>`, and code or
//! quotes that belong to the entry above them. What is not an entry is handed back, to be
//! kept as text; a line that looks like one and is not read is reported with its number.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::blocks::{Block, Kind};
use super::build::{Builder, Part};
use super::matching::{Column, normalize};
use super::report::Outcome;
use super::rows::{Columns, Leftover, cell, non_empty, parse_marker};
use super::times::FILLER;
use super::zone::stated;
use crate::doc::extra::Value;
use crate::doc::{Moment, SectionKind, TimelineEntry};

/// Where the reading of a timeline part is.
#[derive(Default)]
pub(super) struct Reading {
    /// The last entry goes on over the lines that follow it (a wrapped line, a code block).
    pub(super) open: bool,
    /// The last entry came from a heading (`### 08:47`): the blocks below it are its text.
    pub(super) heading_entry: bool,
    /// A date was just stated and no entry has taken it yet.
    pub(super) fresh_date: bool,
    /// The lines read are one list item's: after its first line, a wrapped line goes on with
    /// the entry unless it starts with a stamp of its own.
    pub(super) item: bool,
}

pub(super) static LIST_MARKER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+–—•▪◦‣]|\d{1,2}[.)])\s+").ok());
/// The clock times in a cell (`16:20-17:19` has two).
static CLOCKS: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}(?::\d{2})?").ok());
/// A line that starts like an entry: a time or a date first, after any list marker or emphasis.
static CLOCKISH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?[*_`\[]*\s*(?:\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\?\?:)").ok()
});

impl Builder<'_> {
    pub(super) fn timeline_part(&mut self, i: usize, part: &Part, blocks: &[Block]) -> Vec<String> {
        let mut leftover = Leftover::default();
        let before = self.doc.timeline.len();
        if self.clock.date.is_none() && !self.own {
            let start = part.heading.as_ref().map_or(part.body.start, |h| h.start);
            self.clock.date =
                super::dates::last_date_line(&self.src[..start]).or(self.first_date).or_else(|| self.metadata_day());
        }
        if !self.own
            && !self.zone_given
            && let Some(h) = &part.heading
            && let Some(zone) = self.stated_zone(&h.text)
        {
            self.clock.zone = Some(zone);
        }
        if !self.own
            && let Some(h) = part.heading.as_ref().filter(|h| h.level == super::blocks::LABEL_LEVEL)
            && let Some(day) = self.day_of_heading_above(h.start)
        {
            (self.clock.date, self.clock.last) = (Some(day), None);
        }
        // `## Timeline (UTC, 2026-05-13)`: the heading's day is its bare times' day, whatever
        // day the title names (the evening before, in another zone).
        self.clock.heading_day = part.heading.as_ref().and_then(|h| super::times::find_date(&h.text));
        if !self.own
            && let Some(day) = self.clock.heading_day
        {
            self.clock.date = Some(day);
        }
        // "Timeline (all times approximate)": the heading says more than its name and zone, so
        // the section keeps it as its title.
        if !self.own
            && !self.heading_entries
            && let Some(h) = &part.heading
            && says_more(&h.text, &self.doc.sections[i].title)
        {
            self.doc.sections[i].title = h.text.trim().to_string();
        }
        let mut r = Reading::default();
        // `### 11:28 UTC` that started this part: its first entry.
        if self.heading_entries
            && let Some(h) = &part.heading
            && let Some(stamp) = self.heading_stamp(&h.text)
        {
            self.push_stamp(&stamp, stamp.rest.clone());
            r = Reading { open: true, heading_entry: true, ..Reading::default() };
        }
        let mut phase = false;
        for &b in &part.blocks {
            let block = &blocks[b];
            phase &= matches!(block.kind, Kind::List(_));
            // A rule (`---`) between the timeline and the next section is no part of either.
            if self.is_not_written(block)
                || (!self.own && matches!(block.kind, Kind::Other) && is_rule(&self.source(block)))
            {
                continue;
            }
            match &block.kind {
                Kind::Table { header, rows } if self.takes(header, rows, &["Time", "Event", "Evidence", "Marks"]) => {
                    self.timeline_table(header, rows);
                    r = Reading::default();
                }
                Kind::Heading { text, .. } if !self.own => {
                    r.open = false;
                    r.heading_entry = false;
                    if let Some(date) = self.date_line(text) {
                        self.clock.date = Some(date);
                        self.clock.date_stated = true;
                        r.fresh_date = true;
                    } else if let Some(stamp) = self.heading_stamp(text) {
                        self.push_stamp(&stamp, stamp.rest.clone());
                        r = Reading { open: true, heading_entry: true, ..Reading::default() };
                    } else {
                        leftover.block(b, block);
                    }
                }
                Kind::List(items) if r.heading_entry && !self.own && items.iter().any(|i| self.timed_item(&i.text)) => {
                    self.list_under_heading_entry(items, &mut r, block.line);
                }
                _ if r.heading_entry && !self.own => {
                    let text = self.source(block);
                    self.append(&text, "\n\n");
                }
                Kind::List(items) if !self.own => {
                    let mut rest = Vec::new();
                    for item in items {
                        // Items below a phase that ends with its colon (`1. Initial Discovery (5
                        // AM PST, Nov 16):`) tell what happened in it, until the next timed one.
                        let under = phase && !self.timed_item(&item.text);
                        (r.open, r.item) = (under, true);
                        let text = if under { format!("- {}", item.text) } else { item.text.clone() };
                        let (kept, took) = self.timeline_lines(&text, &mut r, block.line);
                        r.item = false;
                        phase = under || (took && self.doc.timeline.last().is_some_and(|e| e.event.ends_with(':')));
                        // `同日 — text`, `Same day — text` below an entry: an entry of that day.
                        if !took && self.doc.timeline.len() > before && self.day_word_entry(&item.text) {
                            r.open = true;
                            continue;
                        }
                        if !took && kept.len() == item.text.lines().count() {
                            rest.push(format!("- {}", item.text));
                        } else if !kept.is_empty() {
                            rest.push(format!("- {}", kept.join("\n")));
                        }
                    }
                    leftover.some_of(b, block, rest, items.len());
                    r.open = false;
                }
                // "All times in PST.": said in the report (the zone and why), not kept as text.
                Kind::Paragraph if !self.own && is_zone_statement(&self.source(block)) => {
                    let source = self.source(block);
                    self.report.push(
                        block.line,
                        source.trim().to_string(),
                        Outcome::Metadata(vec!["time zone".into()]),
                    );
                }
                // Status pages' updates: each one's text, then the line of its time.
                Kind::Paragraph if !self.own && self.times_below(&self.source(block)).is_some() => {
                    for (stamp, text) in self.times_below(&self.source(block)).unwrap_or_default() {
                        self.push_stamp(&stamp, text);
                    }
                    r = Reading::default();
                }
                Kind::Paragraph if !self.own => {
                    let source = self.source(block);
                    let fresh = r.fresh_date;
                    let (kept, took) = self.timeline_lines(&source, &mut r, block.line);
                    if !took
                        && fresh
                        && let Some(date) = self.clock.date
                    {
                        // A date heading and a paragraph without a time: an entry of that day.
                        self.push_entry(Moment::Typed(date.format("%Y-%m-%d").to_string()), kept.join("\n"));
                        r = Reading { open: true, ..Reading::default() };
                        continue;
                    }
                    // Prose above the entries may state their day ("all events happened on
                    // 2019-10-21"); between entries, a paragraph that opens with a day ("The
                    // next day, March 4th 2024, ...") is the day of the entries below it.
                    let first = self.doc.timeline.len() == before;
                    let day =
                        if first { super::times::find_date(&source) } else { super::times::opening_date(&source) };
                    if !took && let Some(date) = day {
                        self.clock.date = Some(date);
                        self.clock.date_stated = true;
                        self.clock.last = None;
                    }
                    leftover.some_of(b, block, kept, source.lines().count());
                }
                // A fence of lines that start with a time, under no entry: the entries.
                Kind::Other if !self.own && !r.open && self.timed_fence(&self.source(block)).is_some() => {
                    let inner = self.timed_fence(&self.source(block)).unwrap_or_default();
                    let (kept, _) = self.timeline_lines(&inner, &mut r, block.line);
                    if !kept.is_empty() {
                        leftover.text(format!("```\n{}\n```", kept.join("\n")));
                    }
                    r.open = false;
                }
                // Code, a quote, an image right below an entry belong to it.
                _ if r.open && !self.own => {
                    let text = self.source(block);
                    self.append(&text, "\n\n");
                }
                _ => leftover.block(b, block),
            }
        }
        let added = self.doc.timeline.len() - before;
        self.report_rows(i, part, added, "entry");
        let typed = self.doc.timeline[before..]
            .iter()
            .filter(|e| e.time.resolve(&self.doc.zone()).is_none() && !is_date(&e.time))
            .map(|e| e.time.as_text())
            .collect::<Vec<_>>();
        if !typed.is_empty()
            && let Some(e) = self.report.entries.last_mut()
            && let Outcome::Section { detail, .. } = &mut e.outcome
        {
            let n = typed.len();
            detail.push_str(&format!(
                " ({n} time{} kept as typed: {})",
                if n == 1 { "" } else { "s" },
                typed.join(", ")
            ));
        }
        let texts = leftover.into_texts(self.src);
        for text in &texts {
            for line in text.lines() {
                if !self.own
                    && CLOCKISH.as_ref().is_some_and(|re| re.is_match(line))
                    && !line.trim_start().starts_with('|')
                {
                    let n = self.line_of(line);
                    self.report.warn(n, format!("looks like a timeline entry, kept as text: {}", line.trim()));
                }
            }
        }
        texts
    }

    pub(super) fn timeline_table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let made = if self.own { None } else { super::columns::headless(header, rows) };
        let (header, rows) = made.as_ref().map_or((header, rows), |(h, r)| (h.as_slice(), r.as_slice()));
        let cols = Columns::new(header, SectionKind::Timeline);
        let super::columns::TimelineColumns { time, date_col, event, end } =
            super::columns::timeline_columns(&cols, header, rows);
        let split = if self.own { None } else { super::columns::split_time_cells(rows, time, event) };
        let (rows, event) = split.as_ref().map_or((rows, event), |(r, e)| (r.as_slice(), *e));
        let evidence = cols.find(Column::Evidence);
        let marker = cols.find(Column::Marker);
        // `| Time (UTC) | Time (local) | Event |` under "All times are PST": the column's zone.
        let document_zone = self.clock.zone.clone();
        if let Some((super::zone::ZoneWord::Known(zone), _)) = header.get(time).and_then(|h| stated(h)) {
            self.clock.zone = Some(zone);
        }
        for row in rows {
            let mut used = vec![time, event];
            used.extend(evidence);
            used.extend(end);
            used.extend(date_col);
            let mark = cell(row, marker);
            let known = parse_marker(&mark);
            if known.is_some() || mark.is_empty() {
                used.extend(marker);
            }
            let written = match date_col {
                Some(d) => format!("{} {}", cell(row, Some(d)), cell(row, Some(time))).trim().to_string(),
                None => cell(row, Some(time)),
            };
            let above = self.clock.date;
            let moment = match self.clock.read(&written) {
                // `...`, `?`: no time given, on the day of the row above.
                Moment::Typed(t) if !self.own && !t.chars().any(|c| c.is_ascii_digit()) => match self.clock.date {
                    Some(date) => Moment::Typed(date.format("%Y-%m-%d").to_string()),
                    None => Moment::Typed(t),
                },
                m => m,
            };
            // `| 2022-08-07 | ... outage between 01:34 AM EST to 3:56 AM EST. |`: a day, and the
            // time its event tells (the first), the day's cell kept.
            let told =
                if is_date(&moment) && !self.own { self.told_in_cell(&moment, &cell(row, Some(event))) } else { None };
            // `| (2024-10-01) | table created |` under `## Timeline (2024-11-09)`: a day alone
            // before the heading's day is background; the rows below stay on the heading's day.
            if let Moment::Typed(d) = &moment
                && NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().zip(self.clock.heading_day).is_some_and(|(d, h)| d < h)
            {
                self.clock.date = above;
            }
            let from_event = told.is_some();
            let moment = told.unwrap_or(moment);
            // `| **2024-01-05** | |`: a row that only names the day of the rows below it.
            if !self.own && cell(row, Some(event)).is_empty() && is_date(&moment) {
                continue;
            }
            let mut extra = cols.extra(row, &used);
            // `10-01 evening`: the day is the time; the words are kept with it, and so are a
            // range's end and a second time (`16:20-17:19`, `12:17 PM, 1:52 PM`).
            let clocks = CLOCKS.as_ref().map_or(0, |re| re.find_iter(&written).count());
            let more = !is_date(&moment) && !matches!(moment, Moment::Typed(_)) && clocks > 1;
            // `Fri 18:40`: the day's name is kept too.
            let named = super::stamp::leading_stamp(&written).is_some_and(|s| s.weekday.is_some());
            // `21:01 (prev. night)`, `Through 13:21:24 EDT (R198 stop)`: read past its words,
            // which are kept.
            let worded = !matches!(moment, Moment::Typed(_))
                && super::stamp::leading_stamp(&written).is_none_or(|s| !s.rest.is_empty());
            let plain = written.replace(['*', '_'], "");
            let span = is_date(&moment)
                && plain.contains(['→', '–', '—', '-'])
                && plain.chars().any(|c| c.is_ascii_digit())
                && !matches!(&moment, Moment::Typed(t) if *t == plain.trim());
            if !self.own
                && ((is_date(&moment) && written.chars().any(char::is_alphabetic))
                    || more
                    || named
                    || worded
                    || span
                    || from_event)
            {
                extra.insert(Value::String("imported-time".into()), Value::String(written.clone()));
            }
            // `| 22:36-23:03 |`: the range's end beside the row, as a list's range keeps it; so
            // is an `End` column's time.
            let ended = || {
                super::stamp::leading_stamp(&cell(row, end)).and_then(|s| match s.time {
                    Some(super::stamp::ClockText::At(t)) => Some(t),
                    _ => None,
                })
            };
            if !self.own
                && let Some(end) = super::stamp::leading_stamp(&written).and_then(|s| s.end).or_else(ended)
            {
                extra.insert(Value::String("imported-until".into()), Value::String(end.format("%H:%M").to_string()));
            }
            self.doc.timeline.push(TimelineEntry {
                time: moment,
                event: cell(row, Some(event)),
                evidence: non_empty(cell(row, evidence)),
                marker: known,
                extra,
            });
            self.note_bare();
        }
        self.clock.zone = document_zone;
    }
}

impl Builder<'_> {
    /// The instant an event cell tells on the row's `day` ("... between 01:34 AM EST to 3:56 AM
    /// EST", "... from 4:22 PT to 5:26PT"): its first time told, with its zone.
    fn told_in_cell(&mut self, day: &Moment, event: &str) -> Option<Moment> {
        let Moment::Typed(d) = day else { return None };
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
        let told = super::told::told_times(event).into_iter().find(|t| !t.until)?;
        let mut stamp = told.stamp;
        if stamp.date.is_some() || !matches!(stamp.time, Some(super::stamp::ClockText::At(_))) {
            return None;
        }
        stamp.date = Some(super::stamp::DateText::Full(date));
        Some(self.clock.stamp(&stamp))
    }
}

/// Whether a heading has words besides the section's title, a zone and the words of a zone
/// statement ("all times in").
fn says_more(heading: &str, title: &str) -> bool {
    let title = normalize(title);
    normalize(heading).split(' ').any(|w| {
        !w.is_empty()
            && !w.chars().all(|c| c.is_ascii_digit())
            && !title.split(' ').any(|t| t == w)
            && !FILLER.contains(&w)
            && !matches!(w, "timeline" | "chronology" | "of" | "event")
            && super::zone::zone_word(&w.to_uppercase()).is_none()
    })
}

/// A paragraph that only states the zone of the times (`All times in CET.`).
fn is_zone_statement(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ':', ')']).trim_start_matches('(').trim();
    !t.contains('\n') && stated(t).is_some_and(|(_, words)| normalize(&words) == normalize(t))
}

/// A thematic break: `---`, `***`, `___` (three or more, spaces between allowed).
fn is_rule(text: &str) -> bool {
    let t: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && ["-", "*", "_"].iter().any(|c| t.chars().all(|ch| ch.to_string() == *c))
}

/// A time that is a day only (`2021-08-17`).
fn is_date(m: &Moment) -> bool {
    matches!(m, Moment::Typed(t) if NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok())
}
