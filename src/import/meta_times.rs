//! Incident times a label line states (`**Duration:** from 10:45 to 12:15`, `Detected:
//! 14:02`, `- Resolved 2024-04-18 16:13`), and the window a "Duration:" gives.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::matching::{Meta, meta_for};
use super::meta::{Assigned, label_line};
use super::report::Outcome;
use super::times::find_date;

impl Builder<'_> {
    /// Incident times a text states on a label line (`**Duration:** from 10:45 to 12:15`,
    /// `Detected: 14:02`): read as metadata, the text left as it is.
    pub(super) fn times_stated_in(&mut self, text: &str, line: usize, shown: &str) {
        self.times_stated(text, line, shown, true);
    }

    /// As [`Self::times_stated_in`]; without `any`, only the words that always name the
    /// incident's times (detected, mitigated, repaired, resolved), not a "Start:" or
    /// "Duration:" of something else (a section the template does not know).
    pub(super) fn times_stated(&mut self, text: &str, line: usize, shown: &str, any: bool) {
        let mut understood = Vec::new();
        // `- Resolved 2024-04-18 16:13`: a label without its colon, then a day and time.
        static BARE: LazyLock<Option<Regex>> = LazyLock::new(|| {
            Regex::new(r"^\s*(?:[-*+]\s+)?[*_]*([A-Za-z][A-Za-z ]{1,30}?)[*_]*\s+(\d{4}-\d{2}-\d{2}[ T]\d{1,2}[:.]\d{2}\S*)\s*$")
                .ok()
        });
        for l in text.lines() {
            let bare = || BARE.as_ref()?.captures(l).map(|c| (c[1].to_string(), c[2].to_string()));
            let Some((label, value)) = label_line(l).or_else(bare) else { continue };
            let timed = match meta_for(&label) {
                Some(Meta::Detected | Meta::Mitigated | Meta::Resolved) => true,
                Some(Meta::Started | Meta::Window) => any,
                _ => false,
            };
            if timed && let Assigned::Meta(what) = self.assign(&label, &value) {
                understood.push(format!("{what} from `{label}`"));
            }
        }
        if !understood.is_empty() {
            self.report.push(line, shown.to_string(), Outcome::Metadata(understood));
        }
    }

    /// "The outage lasted from 10:45 AM to 12:15 PM (EAT) on March 3, 2024": the start and
    /// the end, as the started and resolved times the file does not state otherwise.
    pub(super) fn window(&mut self, value: &str) -> Option<String> {
        static TIME: LazyLock<Option<Regex>> =
            LazyLock::new(|| Regex::new(r"(?i)\b\d{1,2}(?::\d{2}|\s?[ap]\.?m\b)").ok());
        let starts: Vec<usize> = TIME.as_ref()?.find_iter(value).map(|m| m.start()).collect();
        let (&a, &b) = (starts.first()?, starts.get(1)?);
        let date = find_date(value).or(self.clock.date).or(self.first_date);
        let saved = (self.clock.date, self.clock.last);
        self.clock.date = date;
        let start = self.window_end(&value[a..]);
        // "Thursday, May 9, 2024, 17:30 PST - Friday, May 10, 2024, 01:00 PST": the end on the
        // day written before it; with no day between, an end before the start is the next day
        // ("14:28 ..., 10:04 the next morning"), not a 12-hour slip.
        let between = find_date(&value[a..b]);
        self.clock.date = between.or(date);
        self.clock.last = None;
        let mut end = self.window_end(&value[b..]);
        let zone = self.doc.zone();
        if between.is_none()
            && let (Some(s), Some(e)) = (&start, &end)
            && e.resolve(&zone) < s.resolve(&zone)
        {
            self.clock.date = date.map(|d| d + chrono::Duration::days(1));
            self.clock.last = None;
            end = self.window_end(&value[b..]);
        }
        self.clock.date = saved.0;
        self.clock.last = saved.1;
        let (start, end) = (start?, end?);
        let t = &mut self.doc.times;
        if t.started.is_none() {
            t.started = Some(start);
        }
        if t.resolved.is_none() {
            t.resolved = Some(end);
        }
        Some("started and resolved".to_string())
    }

    /// The moment a window's time opens `text` with, on the clock's day.
    fn window_end(&mut self, text: &str) -> Option<crate::doc::Moment> {
        let stamp = super::stamp::leading_stamp(text)?;
        let m = self.clock.stamp(&stamp);
        m.resolve(&self.doc.zone()).map(|_| m)
    }
}

/// `Mar 09, 2024 11:00 - UTC`: a labelled time whose zone follows a dash, read as `Mar 09, 2024
/// 11:00 UTC` (the value is kept as written beside it).
pub(super) fn dashed_zone(value: &str) -> std::borrow::Cow<'_, str> {
    static DASHED: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(.*\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)\s*[-–]\s*((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{3,4})\s*$").ok()
    });
    match DASHED.as_ref() {
        Some(re) => re.replace(value, "$1 $2"),
        None => std::borrow::Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_zone_after_a_dash_is_the_times_zone() {
        assert_eq!(super::dashed_zone("Mar 09, 2024 11:00 - UTC"), "Mar 09, 2024 11:00 UTC");
        assert_eq!(super::dashed_zone("2024-03-09 11:00 – CET"), "2024-03-09 11:00 CET");
        assert_eq!(super::dashed_zone("11:00 - 12:00"), "11:00 - 12:00");
    }
}
