//! The lines of a timeline read one by one: a stamp starts an entry (at the start of a line,
//! or after "At", "On", "After"), a date alone starts a day, and what follows an entry (a
//! wrapped line, a code fence, a quote) goes on with it.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::build::Builder;
use super::meta::label_line;
use super::stamp::{ClockText, DateText, Stamp, leading_stamp};
use super::status::status_word_stamp;
use super::timeline::{LIST_MARKER, Reading};
use super::times::{FILLER, date_line as plain_date_line};
use super::written::update_stamp;
use crate::doc::extra::Value;
use crate::doc::{Extra, Moment, TimelineEntry};

static PARENS: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[(（][^)）]*[)）]").ok());
static LEAD_IN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:also|then|later|finally|and|so|the next day|the following day|the next morning)\s*,?\s+)*(?:on|at|around|about|by|from|since|starting|shortly after|after|as of)\s+(?:(?:about|around|approximately|approx\.|roughly|circa)\s+)?").ok()
});
static NEXT_DAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:the next (?:day|morning)|the following (?:day|morning))\b").ok());
static BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").ok());

/// `16:15:02 drop · 16:19:00 drop · 16:39:20 drop`: several moments on one line, each its own.
static DOTTED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\s[·•]\s+\d{1,2}:\d{2}").ok());

/// The line cut before each ` · 16:19` (a time after a middle dot), when it opens with a time.
fn dotted(line: &str) -> Vec<String> {
    let Some(re) = DOTTED.as_ref().filter(|re| re.is_match(line)) else { return vec![line.to_string()] };
    let mut parts = Vec::new();
    let mut from = 0;
    for m in re.find_iter(line) {
        parts.push(line[from..m.start()].to_string());
        from = m.start() + m.as_str().find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    }
    parts.push(line[from..].to_string());
    parts
}

impl Builder<'_> {
    /// Reads the lines of a list item or paragraph; returns the lines that are not part of an
    /// entry, and whether any entry was taken.
    pub(super) fn timeline_lines(&mut self, text: &str, r: &mut Reading, first_line: usize) -> (Vec<String>, bool) {
        let mut rest = Vec::new();
        let mut took = false;
        let mut fence = false;
        let lines: Vec<String> = text
            .lines()
            .flat_map(|l| {
                BREAK.as_ref().map_or_else(|| vec![l.to_string()], |re| re.split(l).map(str::to_string).collect())
            })
            .flat_map(|l| dotted(&l))
            .collect();
        for (n, raw) in lines.iter().enumerate() {
            let trimmed = raw.trim();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") || fence {
                if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                    fence = !fence;
                }
                if r.open {
                    self.append(raw, "\n");
                } else {
                    rest.push(raw.clone());
                }
                continue;
            }
            let line = LIST_MARKER.as_ref().map_or(trimmed, |re| re.find(raw).map_or(trimmed, |m| &raw[m.end()..]));
            // `2024-06-21:` with the event below it is an entry; a bare date is a day.
            let introduces = line.trim_end().ends_with(':');
            if !introduces && let Some(date) = self.date_line(line) {
                self.clock.date = Some(date);
                self.clock.date_stated = true;
                r.fresh_date = true;
                r.open = false;
                took = true;
                continue;
            }
            // A list item's wrapped line ("... second time\n  after 2026-07-11. Pings ...") goes on
            // with its entry; only a stamp that opens the line (or a nested item) starts another.
            let wrapped = r.item && r.open && n > 0 && LIST_MARKER.as_ref().is_some_and(|re| !re.is_match(raw));
            let stamp = if wrapped {
                leading_stamp(line).and_then(|_| self.entry_stamp(line))
            } else {
                self.entry_stamp(line).or_else(|| (!r.open).then(|| closing_stamp(line)).flatten())
            };
            if let Some(stamp) = stamp {
                let second = super::stamp_forms::second_time(&stamp.rest);
                self.push_stamp(&stamp, second.as_ref().map_or(&stamp.rest, |s| &s.rest).clone());
                second.inspect(|s| self.push_stamp(s, s.rest.clone()));
                *r = Reading { open: true, item: r.item, ..Reading::default() };
                took = true;
                continue;
            }
            // `**Incident Start:** 2025-08-18 23:15 UTC`: a label and its time, an entry;
            // `Down: 15:21 / Up: 15:38`, one for each.
            if !wrapped && let Some(labelled) = labelled_stamps(line) {
                for (stamp, label) in labelled {
                    self.push_stamp(&stamp, label);
                }
                *r = Reading { open: true, item: r.item, ..Reading::default() };
                took = true;
                continue;
            }
            if r.open && !trimmed.is_empty() {
                let starts_block = raw.trim_start().starts_with(['>', '-', '*', '+', '|', '!']);
                self.append(trimmed, if starts_block { "\n" } else { " " });
                continue;
            }
            if !trimmed.is_empty() || !rest.is_empty() {
                rest.push(raw.clone());
            }
        }
        let _ = first_line;
        (rest, took)
    }

    /// The stamp an entry starts with: at the start of the line, or after "On", "At", "Around"
    /// (then the whole line is the event).
    pub(super) fn entry_stamp(&self, line: &str) -> Option<Stamp> {
        if let Some(mut stamp) = leading_stamp(line) {
            let date_alone = stamp.time.is_none();
            if date_alone && let Some(at) = lead_in_stamp(&stamp.rest, false) {
                // `2021-08-27: At 12:50:07 UTC, ...`: the day, then the time in words.
                (stamp.time, stamp.zone, stamp.end) = (at.time, at.zone, at.end);
            } else if date_alone
                && stamp.separated
                && let Some(at) =
                    leading_stamp(&stamp.rest).filter(|s| s.date.is_none() && matches!(s.time, Some(ClockText::At(_))))
            {
                // `October 29, 1999: 8:15am - 11:41am (3 hours)`: the day, then the time.
                (stamp.time, stamp.zone, stamp.end) = (at.time, at.zone, at.end);
                stamp.text = format!("{} {}", stamp.text, at.text);
                stamp.rest = at.rest;
            }
            if !(date_alone && stamp.rest.is_empty()) || stamp.separated {
                return Some(stamp);
            }
            return None;
        }
        lead_in_stamp(line, false)
            .or_else(|| status_word_stamp(line))
            .or_else(|| super::bold_label::label_then_time(line))
            .or_else(|| super::bold_label::label_then_day(line))
            .or_else(|| super::bold_label::label_bracket_day(line))
    }

    /// `**Resolved** - This incident has been resolved.\nJan 5, 2024 - 14:02 UTC`: a paragraph
    /// whose last line is only a day and time and whose other lines have none, as status pages
    /// write their updates: the stamp, and the text above it as the event.
    pub(super) fn time_below(&self, source: &str) -> Option<(Stamp, String)> {
        let mut updates = self.times_below(source)?;
        (updates.len() == 1).then(|| updates.remove(0))
    }

    /// The stamp of a heading that is an entry: as a line's, or after a lead-in with nothing
    /// after it (`### After 02:10 CET`, the event below it).
    pub(super) fn heading_stamp(&self, text: &str) -> Option<Stamp> {
        self.entry_stamp(text)
            .or_else(|| lead_in_stamp(text, true))
            .or_else(|| status_stamp(text))
            .or_else(|| super::closing_stamp::closing_stamp(text))
            .or_else(|| super::closing_stamp::dash_stamp(text))
    }

    /// A line or heading that only states a day (`### 2020-02-20`, `29-09-2021 (All times
    /// CEST)`, `**Tuesday, 24 November 2026**`), read with the document's date order. A zone it
    /// states holds for the entries below it.
    pub(super) fn date_line(&mut self, text: &str) -> Option<NaiveDate> {
        let plain = text.trim().trim_matches(['*', '_', '#', ' ']);
        let without = PARENS.as_ref().map_or_else(|| plain.to_string(), |re| re.replace_all(plain, " ").into_owned());
        let date = match leading_stamp(without.trim()) {
            Some(Stamp { date: Some(d), time: None, rest, .. }) => {
                let words = rest
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty() && !FILLER.contains(&w.to_lowercase().as_str()))
                    .count();
                if words > 0 || d == DateText::Unknown {
                    return None;
                }
                d.resolve(self.clock.order, self.clock.year.or(self.clock.date.map(|d| d.year())))?
            }
            Some(_) => return None,
            None => match plain_date_line(plain) {
                Some((date, _)) => date,
                // `Saturday` alone over the entries of a timeline that has a day already: the
                // first day of that name from the day above on.
                None if let Some(date) = self.weekday_line(plain) => date,
                // `Mercredi 10 mars.`: a day in another language's words, without its year.
                None => {
                    let words = plain.trim_end_matches('.').split_whitespace();
                    let others = words.filter(|w| !w.chars().any(|c| c.is_ascii_digit())).count();
                    let day = super::dates::opening_month_day(plain).filter(|_| others <= 2)?;
                    let lower = plain.to_lowercase();
                    let named = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
                    if named.filter(|w| !FILLER.contains(w) && super::dates::month_word(w).is_none()).count() > 0 {
                        return None;
                    }
                    let year = self.clock.year.or(self.clock.date.map(|d| d.year())).or(self.clock.fallback_year);
                    day.resolve(self.clock.order, year)?
                }
            },
        };
        if !self.zone_given
            && let Some(zone) = self.stated_zone(plain)
        {
            self.clock.zone = Some(zone);
        }
        Some(date)
    }

    /// The day a line that only names a weekday (`Saturday`, `**Sunday**`, `Tuesday 4th`)
    /// stands for, from the day the timeline is at (see `weekdays::named_line`).
    fn weekday_line(&self, plain: &str) -> Option<NaiveDate> {
        super::weekdays::named_line(plain, self.clock.date?, self.posted)
    }

    pub(super) fn push_stamp(&mut self, stamp: &Stamp, event: String) {
        // "At 07:21 UTC the next morning": the day after the one above (said where the time
        // is, not later in the sentence: "... decide to go on the next day").
        let next_day = NEXT_DAY.as_ref().and_then(|re| re.find(&event));
        if stamp.date.is_none()
            && next_day.is_some_and(|m| event[..m.start()].split_whitespace().count() <= 4)
            && let Some(date) = self.clock.date.and_then(|d| d.succ_opt())
        {
            self.clock.date = Some(date);
            self.clock.last = None;
        }
        let time = self.clock.stamp(stamp);
        let mut extra = Extra::new();
        if let Some(end) = stamp.end {
            extra.insert(Value::String("imported-until".into()), Value::String(end.format("%H:%M").to_string()));
        }
        // Not known, or said in words the time does not show (`Fri 18:40`, `Aug 3-4`, a day in
        // brackets `22:36–22:47 (Jun 11)`): kept.
        let words = stamp.weekday.is_some()
            || (stamp.time.is_none() && stamp.text.chars().any(char::is_alphabetic))
            || (stamp.text.contains(['(', '（']) && stamp.text.chars().any(char::is_alphabetic))
            || stamp.text.contains(" / ")
            // `오후 3시 19분`: a clock in Korean, Japanese or Chinese words.
            || stamp.text.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
            || stamp.text.contains(['x', 'X'])
            || stamp.end_dated;
        if words || matches!(stamp.time, Some(ClockText::Unknown)) || matches!(stamp.date, Some(DateText::Unknown)) {
            extra.insert(Value::String("imported-time".into()), Value::String(stamp.text.clone()));
        }
        // "... support. At 17:06 we replied ...": the later sentences, entries of their own.
        let (event, later, tail) = super::later_times::split(stamp, event);
        self.doc.timeline.push(TimelineEntry { time, event, evidence: None, marker: None, extra });
        self.note_bare();
        self.push_later(&later, &tail);
    }

    /// Notes the row just added as bare (its day from above it) for `anchor_runs`.
    pub(super) fn note_bare(&mut self) {
        if self.clock.bare && !self.doc.timeline.is_empty() {
            self.bare_rows.push(self.doc.timeline.len() - 1);
        }
        self.clock.bare = false;
    }

    /// A list item that starts with a few words for its day and a dash (`同日 — text`, `Same day
    /// – text`) instead of a time, below an entry: an entry on the day of the one above, the
    /// words kept with it.
    pub(super) fn day_word_entry(&mut self, text: &str) -> bool {
        static WORDS: LazyLock<Option<Regex>> =
            LazyLock::new(|| Regex::new(r"^([^\d\s:—–-][^\d:—–-]{0,19}?)\s+[—–-]\s+(\S.*)$").ok());
        let (first, more) = text.split_once('\n').unwrap_or((text, ""));
        let Some(c) = WORDS.as_ref().and_then(|re| re.captures(first.trim())) else { return false };
        let words = c[1].trim();
        let Some(date) = self.clock.date else { return false };
        if words.split_whitespace().count() > 3 || !words.chars().all(|ch| ch.is_alphabetic() || ch == ' ') {
            return false;
        }
        let event = if more.is_empty() { c[2].to_string() } else { format!("{}\n{more}", &c[2]) };
        let mut extra = Extra::new();
        extra.insert(Value::String("imported-time".into()), Value::String(words.to_string()));
        let time = Moment::Typed(date.format("%Y-%m-%d").to_string());
        self.doc.timeline.push(TimelineEntry { time, event, evidence: None, marker: None, extra });
        true
    }

    pub(super) fn push_entry(&mut self, time: Moment, event: String) {
        self.doc.timeline.push(TimelineEntry { time, event, evidence: None, marker: None, extra: Extra::new() });
    }

    /// Text that goes on the last entry.
    pub(super) fn append(&mut self, text: &str, join: &str) {
        if let Some(last) = self.doc.timeline.last_mut() {
            if last.event.is_empty() {
                last.event = text.trim().to_string();
            } else {
                last.event.push_str(join);
                last.event.push_str(text.trim_end());
            }
        }
    }

    /// The 1-based line of the file a piece of text comes from (its first occurrence).
    pub(super) fn line_of(&self, text: &str) -> usize {
        let t = text.trim();
        // (A line whose links were made direct is found by its start.)
        let start: String = t.chars().take(24).collect();
        let find = |t: &str| self.src.lines().position(|l| !t.is_empty() && l.contains(t));
        find(t).or_else(|| find(&start)).map_or(0, |n| n + 1)
    }
}

/// `Resolved - Jan 5, 2024 14:02 UTC`: a status page's update heading, a status of a few
/// words then the day and time of the update (the event is the status, then the text below).
pub(super) fn status_stamp(text: &str) -> Option<Stamp> {
    let text = text.trim().trim_matches(['*', '_']).trim();
    let (word, when) = [" - ", " – ", " — ", " | "].iter().find_map(|sep| text.split_once(sep))?;
    let word = word.trim().trim_matches(['*', '_']).trim();
    let words = word.split_whitespace().count();
    if words == 0 || words > 3 || !word.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    let mut stamp = leading_stamp(when.trim().trim_matches(['*', '_']))?;
    let timed = stamp.date.is_some() && matches!(stamp.time, Some(ClockText::At(_)));
    (timed && stamp.rest.is_empty()).then(|| {
        stamp.rest = word.to_string();
        stamp
    })
}

/// The labels and times of a line (see [`labelled_stamp`]): one, or several written one after
/// another (`Down: 15:21 UTC / Up: 15:38 UTC`, `Start: 09:10 · End: 09:55`).
fn labelled_stamps(line: &str) -> Option<Vec<(Stamp, String)>> {
    static BETWEEN: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\s+[/·;|]\s+").ok());
    let parts: Vec<&str> = BETWEEN.as_ref().map_or_else(|| vec![line], |re| re.split(line).collect());
    if parts.len() > 1 {
        let each: Option<Vec<_>> = parts.iter().map(|p| labelled_stamp(p)).collect();
        if let Some(each) = each {
            return Some(each);
        }
    }
    labelled_stamp(line).map(|one| vec![one])
}

/// `**Detected:** 2025-08-18 23:40 UTC`: a label whose value is only a time with its day; in a
/// timeline, `Down: 15:21 UTC` too, a label and a time of the day above (what the value says
/// after its time is kept with the label: `Up: 15:38 UTC (after the restart)`).
pub(super) fn labelled_stamp(line: &str) -> Option<(Stamp, String)> {
    let (label, value) = label_line(line)?;
    let stamp = leading_stamp(&value)?;
    // (A value of a whole day and time and nothing else may follow a longer label.)
    let whole = stamp.date.is_some() && stamp.rest.is_empty();
    if label.split_whitespace().count() > if whole { 6 } else { 4 } || !matches!(stamp.time, Some(ClockText::At(_))) {
        return None;
    }
    if whole {
        return Some((stamp, label));
    }
    let event = if stamp.rest.is_empty() { label } else { format!("{label} {}", stamp.rest) };
    stamp.date.is_none().then_some((stamp, event))
}

/// "Attacker deployed the contract at 2021-02-13 5:37 AM +UTC": a timeline line that ends
/// with its date and time (both, after "at" or "on"), the whole line its event.
fn closing_stamp(line: &str) -> Option<Stamp> {
    static AT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)\b(?:at|on)\s+").ok());
    AT.as_ref()?.find_iter(line).find_map(|m| {
        let mut stamp = leading_stamp(&line[m.end()..])?;
        let whole = stamp.date.is_some() && matches!(stamp.time, Some(ClockText::At(_)));
        // What follows the stamp is the end of the sentence, not another clause.
        let tail = stamp.rest.split_whitespace().count() <= 2;
        (whole && tail).then(|| {
            stamp.rest = line.trim().to_string();
            stamp
        })
    })
}

/// "At 07:21 UTC the next morning, ...": a stamp after a lead-in word, the whole line its
/// event. `UPDATE 7 May 19:27 UTC - text` (a blog's or a mail's update): `UPDATE: text`.
pub(super) fn lead_in_stamp(line: &str, alone: bool) -> Option<Stamp> {
    if !alone && let Some(stamp) = update_stamp(line) {
        return Some(stamp);
    }
    let m = LEAD_IN.as_ref()?.find(line)?;
    let mut stamp = leading_stamp(&line[m.end()..])?;
    if stamp.rest.is_empty() != alone || stamp.time.is_none() && alone {
        return None;
    }
    stamp.rest = line.trim().to_string();
    Some(stamp)
}
