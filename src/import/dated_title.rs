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
                ["**", "__"].iter().find_map(|m| line.strip_prefix(m)?.strip_suffix(m))?
            }
            _ => return None,
        };
        self.dated_heading(text)
    }

    /// The day a heading's text opens with, when it is a dated title.
    pub(super) fn dated_heading(&self, text: &str) -> Option<NaiveDate> {
        title_day(text, self.clock.order, self.clock.year.or(self.clock.date.map(|d| d.year())))
    }
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
    fn a_time_or_a_sentence_is_no_dated_title() {
        assert_eq!(day("10-Apr-2023 17:30: Bigdata back"), None);
        assert_eq!(day("Outage on 10-Apr-2023"), None);
        assert_eq!(day("March 3, 2024 we moved the database"), None);
    }
}
