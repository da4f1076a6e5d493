//! The times a file's sentences state, in a file with no timeline at all ("at **11:32** we
//! deployed", "At 1915 UTC, ...", "at Nov 07 20:14:38 UTC"), and beside a timeline a paragraph
//! that opens with its time.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::report::Outcome;
use super::stamp::{ClockText, leading_stamp};
use super::zone::ZONE_PATTERN;
use crate::doc::SectionKind;

/// "at **11:32**", "around 14:02", "At 1915 UTC", "at 10 a.m.", "at midnight", "at Nov 07
/// 20:14:38 UTC" (a day written before the time): where a sentence gives a time (four digits
/// only with a zone, or they may be a year); and where it gives a span, its start ("from 11:22
/// UTC – 13:40 UTC", "between 14:02 and 14:40").
static SENTENCE_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
    Regex::new(&format!(
        r"(?i)\b(?:at|around|about|by|from|between|as of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}-[a-z]{{3,9}}-\d{{4}}\s+|\d{{4}}-\d{{2}}-\d{{2}}\s+|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}},?\s+)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\s+(?:\d{{4}},?\s+)?)?~?\s*(?:(?:approximately|approx\.|roughly|around|about|circa)\s+)?([*_]*(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}\s?[ap]\.?m\b\.?|midnight\b|noon\b|\d{{4}}\s?(?-i:{ZONE_PATTERN})))"
    ))
    .ok()
});
static DAY_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^\d{4}-\d{2}-\d{2}\b,?\s*").ok());

impl Builder<'_> {
    /// A file with no timeline at all: the times its sentences give ("at **11:32** we
    /// deployed") become entries, the event the rest of the sentence; the text keeps them.
    pub(super) fn times_in_sentences(&mut self) {
        let Some(t) = self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline) else { return };
        if self.own {
            return;
        }
        // With a timeline, only a paragraph that opens with its time ("At 14:09 UTC, ...") is
        // an entry of its own, on the day of the entry nearest to it in the time of day.
        let rows = self.doc.timeline.len();
        let zone = self.doc.zone();
        let timed: Vec<chrono::NaiveDateTime> =
            self.doc.timeline.iter().filter_map(|e| e.time.resolve(&zone)).map(|t| t.naive_local()).collect();
        if self.clock.date.is_none() {
            self.clock.date = self.first_date;
        }
        self.title_year();
        // A mail's quoted text (`> At 05:00 UTC ...`) is read without its quote marks.
        let texts: Vec<String> = self
            .doc
            .sections
            .iter()
            .chain(self.news.iter().map(|(_, s)| s))
            .map(|s| super::loose::unquote(&s.text))
            .collect();
        let mut first_line = None;
        for text in texts {
            let mut fence = false;
            let text = text.replace("\r\n", "\n");
            for paragraph in text.split("\n\n") {
                let fences = paragraph
                    .lines()
                    .filter(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
                    .count();
                let was_fence = fence;
                fence ^= fences % 2 == 1;
                let first = paragraph.trim_start();
                if was_fence || fences > 0 || first.starts_with('|') || first.starts_with('>') {
                    continue;
                }
                let line = first.lines().next().unwrap_or_default();
                let joined = paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" ");
                let l = joined.as_str();
                for (k, sentence) in super::sentences::sentences(l).into_iter().enumerate() {
                    // "On 2021-10-21 at 21:00 UTC": the day the sentence names.
                    // "on Friday, July 21": a day without its year, in the file's year.
                    let named = super::times::find_date(sentence)
                        .or_else(|| self.clock.day_of(super::dates::month_day(sentence)?));
                    let c = SENTENCE_TIME.as_ref().and_then(|re| re.captures(sentence));
                    // A day told in passing ("... announced on June 15, 2022.") is not the day
                    // of the sentences after it; one the sentence opens with, or gives a time, is.
                    if let Some(date) = named
                        && (c.is_some()
                            || super::times::opening_date(sentence).is_some()
                            || super::dates::opening_month_day(sentence).is_some())
                    {
                        self.clock.date = Some(date);
                    }
                    let Some(c) = c else { continue };
                    let (Some(whole), Some(m)) = (c.get(0), c.get(1)) else { continue };
                    let before = sentence[..whole.start()].trim_matches(['*', '_', ' ']);
                    let starts = before.is_empty();
                    // "..., and at 09:47 editing worked again": the time opens a clause.
                    let clause = starts
                        || before.ends_with([',', ';', ':'])
                        || [" and", " then", " but"].iter().any(|w| format!(" {before}").ends_with(w));
                    // A span ("from 11:22 UTC – 13:40 UTC") is an entry only in a file with no
                    // timeline: beside one it tells what the entries already do.
                    let span = {
                        let word = sentence[whole.start()..].trim_start_matches(['*', '_']).to_lowercase();
                        word.starts_with("from") || word.starts_with("between")
                    };
                    if rows > 0 && (span || !(k == 0 && starts)) {
                        continue;
                    }
                    let Some(stamp) = leading_stamp(&sentence[m.start()..]) else { continue };
                    // "I woke up around 05:30 and checked ...": the whole sentence says what happened.
                    // A time that ends its sentence ("ran out of disk at 03:12.") is not an entry.
                    // "At 05:00 UTC 2016-05-16 an update ...": the day after the time is the row's.
                    let after = stamp.rest.trim_start_matches([',', ' ']).trim();
                    let after = DAY_AFTER.as_ref().and_then(|re| re.find(after)).map_or(after, |m| &after[m.end()..]);
                    let event = if clause && !span { after } else { sentence.trim() }.to_string();
                    if let (Some(ClockText::At(at)), None, false) = (&stamp.time, named, timed.is_empty()) {
                        let gap = |d: &chrono::NaiveDateTime| (d.time() - *at).num_seconds().abs();
                        self.clock.date = timed.iter().min_by_key(|d| gap(d)).map(|d| d.date());
                        self.clock.last = None;
                    }
                    // "... deemed operational at approximately 20:00 UTC.": a time stated with its
                    // zone at the end of a sentence of its own is a moment told for the record.
                    let zoned_end = !clause && stamp.zone.is_some() && before.split_whitespace().count() >= 3;
                    // "We reverted the change and manually deployed the fix at 09:34.": so is one
                    // that tells in the past what was done then (not what runs or would run),
                    // after a moment the text has already given ("ran out of disk at 03:12.",
                    // alone, stays prose).
                    let told_end = !clause
                        && self.doc.timeline.len() > rows
                        && before.split_whitespace().count() >= 4
                        && super::sentences::told_in_the_past(before);
                    if matches!(stamp.time, Some(ClockText::At(_)))
                        && (after.split(' ').count() >= 2 || zoned_end || told_end)
                    {
                        first_line.get_or_insert_with(|| self.line_of(line));
                        self.push_stamp(&stamp, event);
                        if rows > 0 {
                            self.place_last_in_order();
                        }
                    }
                }
            }
        }
        let n = self.doc.timeline.len() - rows;
        if n > 0 {
            let detail =
                format!("{n} entr{} from times in the text, which keeps them", if n == 1 { "y" } else { "ies" });
            let line = first_line.unwrap_or(0);
            self.report.push(
                line,
                "times in sentences",
                Outcome::Section { id: self.doc.sections[t].id.clone(), detail },
            );
            self.touch(t);
        }
    }

    /// Moves the entry just added before the first entry that is later than it (entries
    /// without an instant are passed over).
    fn place_last_in_order(&mut self) {
        let zone = self.doc.zone();
        let Some(at) = self.doc.timeline.last().and_then(|e| e.time.resolve(&zone)) else { return };
        let before_it = &self.doc.timeline[..self.doc.timeline.len() - 1];
        let later = before_it.iter().position(|e| e.time.resolve(&zone).is_some_and(|t| t > at));
        if let Some(i) = later
            && let Some(entry) = self.doc.timeline.pop()
        {
            self.doc.timeline.insert(i, entry);
        }
    }
}
