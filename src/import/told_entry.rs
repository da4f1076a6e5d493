//! The entry of one time a sentence tells: which times make entries (one opening its sentence or
//! clause, one told for the record at a sentence's end) and the words that are its event.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::stamp::ClockText;
use super::told::{Told, clause_text};

static DAY_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^\d{4}-\d{2}-\d{2}\b,?\s*").ok());
/// "at 10:15 AM eastern time, service was ...": the region's clock the time was told in.
static REGION_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{}\b,?\s*", super::zone::REGION_CLOCK)).ok());

impl Builder<'_> {
    /// The entry of one time a sentence tells, `within` the bytes of its clause (the whole
    /// sentence when it tells one time); `at` the sentence's place in its paragraph and the
    /// clause's in the sentence, whether the sentence has clauses of several times, and whether
    /// its paragraph opened with a time.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn told_entry(
        &mut self,
        sentence: &str,
        within: std::ops::Range<usize>,
        told: &Told,
        at: (usize, usize, bool, bool),
        rows: usize,
        named: Option<chrono::NaiveDate>,
        timed: &[chrono::NaiveDateTime],
        line: &str,
        first_line: &mut Option<usize>,
    ) {
        let (k, n, several, opened) = at;
        let stamp = &told.stamp;
        let raw = &sentence[within.clone()];
        let clause = clause_text(raw);
        let clause_end = within.start + raw.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').len();
        // (A list item's marker, `- At 07:25 UTC, ...`, is not a word before the time.)
        let before = sentence[..told.start].trim_start_matches([' ', '-', '+', '•']).trim_matches(['*', '_', ' ']);
        let in_clause = clause_text(&sentence[within.start..told.start]).trim_matches(['*', '_', ' ']);
        // "Beginning on October 24th at 02:36 PDT, ...", "On Friday, October 29, 1999 beginning
        // at 8:40AM": a day and words that only lead in to the time open the paragraph with it.
        let starts = if n == 0 { before.is_empty() || (k == 0 && lead_in(before)) } else { in_clause.is_empty() };
        // "..., and at 09:47 editing worked again": the time opens a clause.
        let clause_opens = starts
            || before.ends_with([',', ';', ':'])
            || [" and", " then", " but"].iter().any(|w| format!(" {before}").ends_with(w));
        let span = told.span;
        // Beside a timeline, a sentence that tells in the past what happened at a time ("many
        // services were not accessible between 8:00 AM and 1:00 PM") is an entry too, unless the
        // timeline has that moment; not one that says when a page was updated or posted, nor
        // lines run together with no stop (a status page's `Resolved` over its stamp).
        let beside = rows > 0 && {
            let lower = sentence[..told.start].to_lowercase();
            // (The verb in lower case, before the time or after it up to a label's colon.)
            let after = sentence.get(told.end..).unwrap_or_default();
            let clause = format!("{} {}", &sentence[..told.start], after.split(": ").next().unwrap_or_default());
            let verbs: Vec<&str> = clause.split_whitespace().filter(|w| w.starts_with(char::is_lowercase)).collect();
            super::sentences::told_in_the_past(&verbs.join(" "))
                && sentence.trim_end().ends_with(['.', '!'])
                && !["updated", "posted", "modified"].iter().any(|w| lower.contains(w))
        };
        if rows > 0 && !beside && (n > 0 || span || !((k == 0 || opened) && starts)) {
            return;
        }
        // The words after the time, to the end of its clause.
        let whole = sentence.trim_end();
        let after = match whole.len().checked_sub(stamp.rest.len()) {
            Some(from) if whole.ends_with(stamp.rest.as_str()) => {
                sentence.get(from..clause_end.max(from)).unwrap_or("")
            }
            _ => stamp.rest.as_str(),
        };
        // "I woke up around 05:30 and checked ...": the whole sentence says what happened.
        // A time that ends its sentence ("ran out of disk at 03:12.") is not an entry.
        // "At 05:00 UTC 2016-05-16 an update ...": the day after the time is the row's.
        let after = after.trim_start_matches([',', ' ']).trim();
        let after = DAY_AFTER.as_ref().and_then(|re| re.find(after)).map_or(after, |m| &after[m.end()..]);
        let after = REGION_AFTER.as_ref().and_then(|re| re.find(after)).map_or(after, |m| &after[m.end()..]);
        // "Wir konnten die Störung dann, um 08:44 Uhr beheben.": the verb after a clock word
        // closes the sentence; the whole clause tells what happened.
        let verb_last = told.worded && after.split_whitespace().count() < 2 && before.split_whitespace().count() >= 3;
        // "We first detected the problem on December 1, at 06:26 UTC, when we noticed ...": what
        // follows the time is a clause of its own about it; the words before tell what happened.
        let subordinate = before.split_whitespace().count() >= 3
            && after.split_whitespace().next().is_some_and(|w| {
                matches!(w.to_lowercase().as_str(), "when" | "as" | "while" | "because" | "where" | "since")
            });
        let event = if clause_opens && !span && !verb_last && !subordinate { after } else { clause };
        // (A list item's sentence without its marker: `- The service was ...`.)
        let event = super::sentences::list_item(event)
            .then(|| super::timeline::LIST_MARKER.as_ref()?.find(event).map(|m| &event[m.end()..]))
            .flatten()
            .unwrap_or(event)
            .to_string();
        if let (Some(ClockText::At(at)), None, false) = (&stamp.time, named, timed.is_empty()) {
            let gap = |d: &chrono::NaiveDateTime| (d.time() - *at).num_seconds().abs();
            self.clock.date = timed.iter().min_by_key(|d| gap(d)).map(|d| d.date());
            self.clock.last = None;
        }
        // "... deemed operational at approximately 20:00 UTC.": a time stated with its zone (or
        // its clock word, "um 08:44 Uhr beheben") at the end of a sentence of its own is a
        // moment told for the record.
        // So is one written with its own day, closing a sentence with its stop ("Email services
        // restored approximately 1:30pm 5/23/2020."; a headline has none).
        let dated = stamp.date.is_some() && sentence.trim_end().ends_with(['.', '!']);
        let zoned_end = !clause_opens && (stamp.zone.is_some() || told.worded || dated) && said(before);
        // "We reverted the change and manually deployed the fix at 09:34.": so is one that tells
        // in the past what was done then (not what runs or would run), after a moment the text
        // has already given ("ran out of disk at 03:12.", alone, stays prose).
        // In a sentence of several such clauses, each tells one ("started at 14:02, was
        // mitigated at 14:40 and ...").
        // So is one in a sentence that names its own day ("On Monday 3rd October 2011 there was
        // a loss of power at 11:41 am.").
        let past = !clause_opens
            && before.split_whitespace().count() >= 4
            && (super::sentences::told_in_the_past(if n > 0 { in_clause } else { before })
                || super::sentences::item_told(sentence, before));
        let told_end =
            past && (self.doc.timeline.len() > rows || several || named.is_some() || self.held_told.is_some());
        let clock = matches!(stamp.time, Some(ClockText::At(_)));
        // "The mail server went down at 12:56pm. It was back on-line at 10:50pm": in a file with
        // no timeline, such a sentence with nothing before it is held until a second one tells
        // its moment too (one alone stays prose).
        let entry = after.split(' ').count() >= 2 || said_in_cjk(after) || zoned_end || told_end || verb_last;
        if clock && !entry && past && rows == 0 && self.held_told.is_none() {
            self.held_told = Some((stamp.clone(), event, self.line_of(line)));
            return;
        }
        if clock && entry {
            if let Some((held, text, at)) = self.held_told.take() {
                first_line.get_or_insert(at);
                self.push_stamp(&held, text);
            }
            first_line.get_or_insert_with(|| self.line_of(line));
            // "It took us until ~00:00 UTC to restore ...": midnight as an end is the next day's.
            let midnight = matches!(stamp.time, Some(ClockText::At(t)) if t == chrono::NaiveTime::MIN);
            let ends = ["until", "till"]
                .iter()
                .any(|w| sentence.get(told.start..told.start + w.len()).is_some_and(|s| s.eq_ignore_ascii_case(w)));
            if ends && midnight && stamp.date.is_none() && named.is_none() {
                self.clock.date = self.clock.date.and_then(|d| d.succ_opt());
                self.clock.last = None;
            }
            self.push_stamp(stamp, event);
            if rows > 0 {
                // A moment the timeline already has, told after its day ("On August 15 at 03:07
                // the on-call engineer was woken ..." beside `03:07 - Alert received`): kept as
                // prose.
                let zone = self.doc.zone();
                let at = self.doc.timeline.last().and_then(|e| e.time.resolve(&zone));
                let led_in = n == 0 && (!before.is_empty() || k > 0);
                // (Beside a timeline of bare times, the same time of the day is that moment.)
                let clock = |e: &crate::doc::TimelineEntry| match super::stamp::leading_stamp(&e.time.as_text()) {
                    Some(super::stamp::Stamp { date: None, time: Some(ClockText::At(t)), .. }) => Some(t),
                    _ => None,
                };
                let bare = beside
                    && at.is_some_and(|at| self.doc.timeline[..rows].iter().any(|e| clock(e) == Some(at.time())));
                if bare
                    || (led_in || beside)
                        && at.is_some()
                        && self.doc.timeline[..rows].iter().any(|e| e.time.resolve(&zone) == at)
                {
                    self.doc.timeline.pop();
                    return;
                }
                self.place_last_in_order();
            }
        }
    }
}

/// A few characters of Japanese or Chinese after a time ("頃、一部の回線で障害が発生"): what
/// happened then, with no spaces between its words.
fn said_in_cjk(after: &str) -> bool {
    cjk_chars(after) >= 4
}

/// How many Japanese or Chinese characters a text has.
fn cjk_chars(text: &str) -> usize {
    text.chars().filter(|c| ('\u{3040}'..='\u{9fff}').contains(c)).count()
}

/// Words enough before a time to say something: three, or a few characters of Japanese or
/// Chinese, which put no spaces between words ("障害発生日時:2021年03月08日 4時58分").
fn said(before: &str) -> bool {
    before.split_whitespace().count() >= 2 || cjk_chars(before) >= 3
}

/// Words before a time that only say when: a day (`October 24th`, `Friday, October 29, 1999`,
/// `2024-03-04`) and words that lead in to it ("on", "beginning", "the evening of", "a week ago
/// on").
fn lead_in(before: &str) -> bool {
    const WORDS: &str = "on beginning starting since from the of morning afternoon evening night early late monday tuesday wednesday thursday friday saturday sunday a two three few several days weeks week ago last yesterday";
    let Some(at) =
        super::dates::dates_at(before).first().map(|&(_, at)| at).or_else(|| super::dates::month_day_start(before))
    else {
        // "Today around 7:40am we noticed ...": the day the text is written about, in words.
        const TODAY: &[&str] = &["today", "this", "morning", "afternoon", "evening", "tonight", "early", "late"];
        let words: Vec<String> =
            before.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
        return words.iter().any(|w| w == "today" || w == "tonight" || w == "this")
            && words.iter().all(|w| TODAY.contains(&w.as_str()));
    };
    let words = before[..at].split_whitespace().chain(before[at..].split_whitespace().skip(1));
    let mut rest =
        words.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty());
    rest.all(|w| {
        WORDS.split(' ').any(|x| x == w)
            || w.chars().all(|c| c.is_ascii_digit())
            || w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).chars().all(|c| c.is_ascii_digit())
            || super::dates::month_word(&w).is_some()
    })
}
