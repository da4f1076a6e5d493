//! `### 10-Apr-2023: Bigdata back`, `__28-Oct-2020: Cluster jobs failed__`: a heading, or a
//! line of its own in bold, that opens with a day and goes on with a title (an incident log's
//! entry). What is below it and gives only a time is on that day.

use chrono::{Datelike, NaiveDate};

use super::blocks::{Block, Kind};
use super::build::Builder;
use super::stamp::{DateText, leading_stamp};

impl Builder<'_> {
    /// The day a dated title opens with, when the block is one.
    pub(super) fn dated_title(&self, block: &Block) -> Option<NaiveDate> {
        let source;
        let text = match &block.kind {
            Kind::Heading { text, .. } => text.as_str(),
            Kind::Paragraph => {
                source = self.source(block);
                let line = source.trim();
                if line.contains('\n') {
                    return None;
                }
                // (Or a day alone before a colon: `June 29, 2019:` over that day's updates.)
                let day_colon = line.strip_suffix(':').filter(|d| leading_stamp(d).is_some_and(|s| s.rest.is_empty()));
                ["**", "__"].iter().find_map(|m| line.strip_prefix(m)?.strip_suffix(m)).or(day_colon)?
            }
            _ => return None,
        };
        self.dated_heading(text)
    }

    /// The day a paragraph of one line states alone (`Friday 10th June 2022` over that day's
    /// updates on a status page's history, newest first).
    pub(super) fn day_paragraph(&self, block: &Block) -> Option<NaiveDate> {
        let line = self.source(block);
        let line = line.trim().trim_matches(['*', '_']);
        let one = matches!(block.kind, Kind::Paragraph) && !line.contains('\n');
        one.then(|| super::dates::date_line(line).map(|(d, _)| d).or_else(|| self.digits_day(line))).flatten()
    }

    /// A day in digits alone on its line, read in the document's order of day and month.
    fn digits_day(&self, line: &str) -> Option<NaiveDate> {
        let year = self.clock.year.or(self.clock.date.map(|d| d.year()));
        digits_day(line)?.resolve(self.clock.order, year)
    }

    /// The day of the Markdown heading nearest above `start`, when it gives one: a bold label's
    /// timeline (`**Timeline:**`) under `### 1. API - Critical Incident (Nov 26, 20:20-20:40)`
    /// is on that day.
    pub(super) fn day_of_heading_above(&self, start: usize) -> Option<NaiveDate> {
        self.dated_heading(self.heading_above(start)?)
    }

    /// The text of the Markdown heading nearest above `start`, at any level.
    pub(super) fn heading_above(&self, start: usize) -> Option<&str> {
        let heading = self.src.get(..start)?.lines().rev().find(|l| l.starts_with('#'))?;
        Some(heading.trim_start_matches('#').trim())
    }

    /// The day a heading's text opens with, when it is a dated title; or the day it closes with
    /// in brackets (`### 1. API - Critical Incident (Nov 26, 20:20-20:40)`).
    pub(super) fn dated_heading(&self, text: &str) -> Option<NaiveDate> {
        let year = self.clock.year.or(self.clock.date.map(|d| d.year()));
        title_day(text, self.clock.order, year).or_else(|| closing_day(text, self.clock.order, year))
    }
}

/// `Samstag, 13.01.2018`, `Friday 12/01/2018`: a day in digits alone on its line (a weekday's
/// name before it may be), its day and month in either order.
pub(super) fn digits_day(line: &str) -> Option<DateText> {
    let rest = line.trim_start_matches(|c: char| c.is_alphabetic()).trim_start_matches([',', ' ']);
    let named = line[..line.len() - rest.len()].trim_end_matches([',', ' ']).to_lowercase();
    if !(named.is_empty() || super::dates::FILLER.contains(&named.as_str())) {
        return None;
    }
    let s = leading_stamp(rest.trim_end_matches(':'))?;
    let digits = matches!(s.date, Some(DateText::Digits(..)));
    (digits && s.time.is_none() && s.rest.trim().is_empty()).then_some(s.date).flatten()
}

/// The day in the brackets a title ends with, with or without a time after it.
fn closing_day(text: &str, order: super::stamp::Order, year: Option<i32>) -> Option<NaiveDate> {
    let inner = text.trim_end().strip_suffix(')')?;
    let inner = &inner[inner.rfind('(')? + 1..];
    let s = leading_stamp(inner.trim())?;
    let rest = s.rest.trim();
    let date = s.date.filter(|d| *d != DateText::Unknown && (rest.is_empty() || rest.starts_with(['-', '–'])))?;
    date.resolve(order, year)
}

/// `10-Apr-2023: Bigdata back`: the day, when the text opens with one and then a separator and
/// a title (or nothing); not a time, not a sentence that starts with a day.
fn title_day(text: &str, order: super::stamp::Order, year: Option<i32>) -> Option<NaiveDate> {
    let s = leading_stamp(text.trim())?;
    let date = s.date.filter(|d| *d != DateText::Unknown && s.time.is_none())?;
    let rest = s.rest.trim_start();
    let titled = s.separated || rest.is_empty() || rest.starts_with(['-', '–', '—', '|']);
    titled.then(|| date.resolve(order, year)).flatten()
}

#[cfg(test)]
mod tests {
    use super::super::stamp::Order;
    use super::*;

    fn day(text: &str) -> Option<String> {
        title_day(text, Order::DayFirst, Some(2023)).map(|d| d.to_string())
    }

    #[test]
    fn a_day_and_a_title_give_the_day() {
        assert_eq!(day("10-Apr-2023: Bigdata back").as_deref(), Some("2023-04-10"));
        assert_eq!(day("2020-01-12 - AC unit repaired").as_deref(), Some("2020-01-12"));
        assert_eq!(day("March 3, 2024").as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn a_day_in_the_brackets_a_title_ends_with() {
        let day = |t: &str| closing_day(t, Order::MonthFirst, Some(2025)).map(|d| d.to_string());
        assert_eq!(day("1. API - Critical Incident (Nov 26, 20:20-20:40)").as_deref(), Some("2025-11-26"));
        assert_eq!(day("Second outage (2024-03-05)").as_deref(), Some("2024-03-05"));
        assert_eq!(day("Second outage (20:20-20:40)"), None);
        assert_eq!(day("Latency (p99 over 2s)"), None);
    }

    #[test]
    fn a_time_or_a_sentence_is_no_dated_title() {
        assert_eq!(day("10-Apr-2023 17:30: Bigdata back"), None);
        assert_eq!(day("Outage on 10-Apr-2023"), None);
        assert_eq!(day("March 3, 2024 we moved the database"), None);
    }
}
