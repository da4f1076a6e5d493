//! Moments a text gives by how it is written rather than by what it tells: a post's or an
//! update's own stamp (when it was written, which puts the times told after it), an update's
//! word and stamp alone over its paragraph, and the incident's times on label lines in a file
//! with no timeline.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::report::Outcome;
use super::stamp::{ClockText, Stamp, leading_stamp};
use super::told::Told;

impl Builder<'_> {
    /// The first time told after a post's or an update's own stamp (`at`), without a day: a
    /// moment the text has given with its day already ("At 06:32, ..." after "at 06:32 on 6
    /// June") is on that day; one later in the day than the writing is on the day before
    /// ("Post by ... » Feb 17th 2017 10:55", then "... became unavailable at 22:36 CET").
    pub(super) fn after_writing(&mut self, at: chrono::NaiveDateTime, told: &Told, rows: usize) {
        let Some(ClockText::At(t)) = told.stamp.time else { return };
        if told.stamp.date.is_some() || self.clock.date != Some(at.date()) {
            return;
        }
        let zone = self.doc.zone();
        let again = self.doc.timeline[rows..]
            .iter()
            .filter_map(|e| e.time.resolve(&zone))
            .map(|d| d.naive_local())
            .find(|d| d.time() == t && d.date() != at.date());
        let day = match again {
            Some(d) => Some(d.date()),
            None if t > at.time() => at.date().pred_opt(),
            None => return,
        };
        self.clock.date = day;
        self.clock.last = None;
    }

    /// In a file with no timeline heading, the incident's times its label lines give (`Incident
    /// Start: 17/06/2021 16:29`, `Incident Resolved: ...`, `Service Restored: ...`): an entry
    /// each, the label its event, marked.
    pub(super) fn labelled_times(&mut self, t: usize) {
        use crate::doc::Marker;
        for (line, label, name) in std::mem::take(&mut self.time_labels) {
            let marker = super::rows::parse_marker(name).unwrap_or(Marker::Resolved);
            let Some(time) = self.doc.times.marked(marker).clone() else { continue };
            if self.doc.timeline.iter().any(|e| e.time == time && e.marker == Some(marker)) {
                continue;
            }
            // The same label at the same moment in a list below (`• Incident reported: 4:45AM
            // EST, 8/12/2022`): that entry, marked.
            let same = |e: &&mut crate::doc::TimelineEntry| {
                e.time == time && e.event.trim().eq_ignore_ascii_case(label.trim())
            };
            if let Some(e) = self.doc.timeline.iter_mut().find(same) {
                e.marker.get_or_insert(marker);
                continue;
            }
            self.push_entry(time, label.clone());
            if let Some(last) = self.doc.timeline.last_mut() {
                last.marker = Some(marker);
            }
            self.place_last_in_order();
            let detail = format!("an entry from the label line (`{label}`), marked {name}");
            self.report.push(line, "label lines", Outcome::Section { id: self.doc.sections[t].id.clone(), detail });
            self.touch(t);
        }
    }
}

/// The time of a post's or an update's own stamp, a line of a few words that says it was
/// written ("Post by Laanders » Feb 17th 2017 10:55", "Power Outage Update: January 27 0330
/// EST, 0830 UTC", "Kradorex@2020-06-07 15:26:36:"), the day before the time.
pub(super) fn written_at(sentence: &str) -> Option<chrono::NaiveTime> {
    const WRITING: &[&str] = &["post", "posted", "update", "updated", "reply", "wrote", "comment", "edited"];
    static TRAILING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let zone = super::zone::ZONE_PATTERN;
        Regex::new(&format!(
            r"(?:^|[\s@])(?:(\d{{1,2}}):(\d{{2}})(?::\d{{2}})?(?:\s*(?:{zone}))?|(\d{{2}})(\d{{2}})\s*(?:{zone}))(?:,\s*\d{{1,2}}:?\d{{2}}\s*(?:{zone}))?\s*[:.]?\s*$"
        ))
        .ok()
    });
    let words: Vec<String> = sentence
        .split(|c: char| c.is_whitespace() || c == '@' || c == ':')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 10 || !(sentence.contains('@') || words.iter().any(|w| WRITING.contains(&w.as_str()))) {
        return None;
    }
    let c = TRAILING.as_ref()?.captures(sentence.trim())?;
    let (h, m) = (c.get(1).or(c.get(3))?, c.get(2).or(c.get(4))?);
    chrono::NaiveTime::from_hms_opt(h.as_str().parse().ok()?, m.as_str().parse().ok()?, 0)
}

/// `Update: 21:49`, `Update: 11 Sept 08:31`, `Update: Wednesday, May 13, at 8:00pm`, `Update:
/// Thursday, May 21` (a day alone), `Update 20210127@19:04:` (a day written in one
/// run of digits, glued to its time by `@`): an update's word and its stamp alone on a line.
pub(super) fn update_alone(line: &str) -> Option<(String, super::stamp::Stamp)> {
    static COMPACT: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})\s*@\s*(\d{1,2}:\d{2})").ok());
    let t = line.trim().trim_matches(['*', '_']).trim();
    let (word, when) = match t.split_once(':') {
        Some((word, when)) if !word.trim().contains(' ') => (word, when),
        _ => t.split_once(' ')?,
    };
    let when = when.trim().trim_end_matches(':');
    let compact = COMPACT.as_ref().map(|re| re.replace(when.trim(), "$1-$2-$3 $4"));
    let when = compact.as_deref().unwrap_or(when);
    let word = word.trim().trim_matches(['*', '_']);
    let lower = word.to_lowercase();
    if !["update", "edit", "addendum"].contains(&lower.as_str())
        && !super::status::STATUS_WORDS.contains(&lower.as_str())
    {
        return None;
    }
    let stamp = super::stamp::leading_stamp(when.trim().trim_matches(['*', '_']).trim())?;
    // `Update: Thursday, May 21`: a day alone too.
    let when_known = matches!(stamp.time, Some(ClockText::At(_))) || (stamp.time.is_none() && stamp.date.is_some());
    (when_known && stamp.rest.trim().is_empty()).then(|| (word.to_string(), stamp))
}

/// `28th October : received supplier RFO ...`: a line that opens with a day alone and a colon,
/// then what happened that day, told as a sentence; the stamp, its rest the event.
pub(super) fn day_colon(line: &str) -> Option<super::stamp::Stamp> {
    let line = line.trim();
    let stamp = super::stamp::leading_stamp(line)?;
    let at = line.find(stamp.rest.as_str()).filter(|_| !stamp.rest.is_empty())?;
    // `2005-01-26: 20:10 UTC ...`: a time after the colon is no day's entry.
    let colon = line[..at].trim_end().ends_with(':') && super::stamp::leading_stamp(&stamp.rest).is_none();
    // What happened, told as a sentence (a title, `2026-02-11: Slow pages across the web
    // tier`, is not).
    let words = stamp.rest.split_whitespace().count();
    let told = words >= 8 || (words >= 3 && stamp.rest.ends_with(['.', '!']));
    (colon && stamp.date.is_some() && stamp.time.is_none() && told).then_some(stamp)
}

/// A clock written with its am/pm or its zone anywhere in a short reply ("Me too 8:30 AM MST"):
/// its stamp.
pub(super) fn reply_clock(sentence: &str) -> Option<super::stamp::Stamp> {
    static CLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let zone = super::zone::ZONE_PATTERN;
        Regex::new(&format!(r"(?:^|\s)(\d{{1,2}}:\d{{2}}\s?(?:(?i:[ap]\.?m\b\.?)|(?:{zone})))")).ok()
    });
    let m = CLOCK.as_ref()?.captures(sentence)?.get(1)?;
    super::stamp::leading_stamp(&sentence[m.start()..])
}

/// `viernes 16-08-2024, 21:30 hrs`, `2024-08-16 21:30 UTC`: a day and its time alone on a line,
/// over the lines that tell what happened then.
pub(super) fn dated_time_alone(line: &str) -> Option<super::stamp::Stamp> {
    let stamp = super::stamp::leading_stamp(line.trim())?;
    let alone = stamp.rest.trim_matches(|c: char| c.is_whitespace() || "*_.,:".contains(c)).is_empty();
    (alone && stamp.date.is_some() && matches!(stamp.time, Some(ClockText::At(_)))).then_some(stamp)
}

/// `9月4日 13時26分`: a Japanese or Chinese day and time alone on a line.
pub(super) fn time_alone(line: &str) -> Option<super::stamp::Stamp> {
    let t = line.trim();
    let told = super::told::told_times(t);
    let alone = t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "年月日時分頃".contains(c));
    (alone && told.len() == 1 && t.contains('時')).then(|| told[0].stamp.clone())
}

/// `Datum: 2019-04-08` over `Tidpunkt: 19:26` (`Date:` over `Time:`, in the languages the
/// import reads): a day and its time each on a labelled line of its own at the head of a
/// paragraph, and what follows them in it.
pub(super) fn date_time_labels(paragraph: &str) -> Option<(super::stamp::Stamp, &str)> {
    static LABELLED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        let day = "date|datum|fecha|data|dato|day|tag|dag|jour|dia|día|päivämäärä";
        let time = "time|tidpunkt|tid|klockan|klockslag|kellonaika|aika|zeit|uhrzeit|hora|heure|ora|tijd|tijdstip|czas|godzina|horário|horario";
        Regex::new(&format!(
            r"(?i)^[\s*_]*(?:{day})[\s*_]*:?[\s*_]+(?P<day>[^\n]+?)\s*\n[\s*_]*(?:{time})[\s*_]*:?[\s*_]+(?P<time>[^\n]+?)\s*(?:\n|$)"
        ))
        .ok()
    });
    let c = LABELLED.as_ref()?.captures(paragraph.trim_start())?;
    let stamp = dated_time_alone(&format!("{} {}", &c["day"], &c["time"]))?;
    let rest = paragraph.trim_start().get(c.get(0)?.end()..)?;
    Some((stamp, rest))
}

/// How many paragraphs of `text` open with a labelled day over its labelled time.
pub(super) fn date_time_label_count(text: &str) -> usize {
    text.replace("\r\n", "\n").split("\n\n").filter(|p| date_time_labels(p).is_some()).count()
}

/// `UPDATE 7 May 19:27 UTC - text`, `Update 2024-01-12 16:13 UTC: text`: an update's word, its
/// time, its text (the event `UPDATE: text`).
pub(super) fn update_stamp(line: &str) -> Option<Stamp> {
    static UPDATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)^[*_\[]*(?:updated?|edit(?:ed)?|addendum)[*_]*\s*(?:#\d+\s*)?[:\-–—]?[*_]*\s+").ok()
    });
    // `Update 2 (8:00 PM PST): text`: the update's number, its time in brackets.
    static NUMBERED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)^[*_]*(?:update|edit|addendum)\s+\d{1,2}\s*[(\[]").ok());
    let end = match NUMBERED.as_ref().and_then(|re| re.find(line)) {
        Some(n) => n.end() - 1,
        None => UPDATE.as_ref()?.find(line)?.end(),
    };
    // `UPDATE 11.15 pm GMT: text`: a clock written with a dot, its half of the day or zone after it.
    static DOTTED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?i)^(\d{1,2})\.(\d{2})(\s*(?:[ap]\.?m\b|[A-Z]{2,4}\b))").ok());
    let after =
        DOTTED.as_ref().map_or_else(|| line[end..].to_string(), |re| re.replace(&line[end..], "$1:$2$3").into_owned());
    // (`*[Update **2014-09-16 14:18 CEST**]: text*`: the word's bracket closes after the stamp.)
    let after = if line[..end].contains('[') { after.replacen(']', "", 1) } else { after };
    let mut stamp = leading_stamp(&after).filter(|s| matches!(s.time, Some(ClockText::At(_))))?;
    let rest = stamp.rest.trim_start_matches(['-', '–', '—', ':', ' ']).trim();
    let rest = if line.starts_with(['*', '_']) { rest.trim_end_matches(['*', '_']) } else { rest }.to_string();
    let word = line[..end].trim().trim_matches(['*', '_', ':', '-', '–', '—', ' ', '[']);
    stamp.rest = format!("{word}: {rest}");
    (!rest.is_empty()).then_some(stamp)
}
