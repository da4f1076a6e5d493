//! The times a file's sentences state, in a file with no timeline at all ("at **11:32** we
//! deployed", "At 1915 UTC, ...", "at Nov 07 20:14:38 UTC"), and beside a timeline a paragraph
//! that opens with its time.

use std::sync::LazyLock;

use chrono::Timelike;
use regex::Regex;

use super::build::Builder;
use super::report::Outcome;
use super::stamp::ClockText;
use super::told::{clause_start, clause_words, told_times};
use crate::doc::SectionKind;

/// `cesine · comment · 2018-06-16`: a thread's post (an issue's description, a comment, a review)
/// as copied pages of an issue show it, its author and day on a line of their own over its text.
static THREAD_POST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*\S+ · (?:description|comment|review|review thread) · (\d{4}-\d{2}-\d{2})\s*$").ok()
});

/// The day of a thread's post that opens `paragraph`, and the paragraph without that line.
fn thread_post(paragraph: &str) -> (Option<chrono::NaiveDate>, &str) {
    let first = paragraph.lines().next().unwrap_or_default();
    let day = THREAD_POST.as_ref().and_then(|re| re.captures(first)).and_then(|c| c[1].parse().ok());
    match day {
        Some(day) => (Some(day), paragraph.trim_start().get(first.trim_start().len()..).unwrap_or_default()),
        None => (None, paragraph),
    }
}

/// Words of days that come round every week: a day's name below them is no one day.
static WEEKLY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:weekly|every week|each week|recurring|routine maintenance|maintenance windows?)\b").ok()
});

/// What may stand before a time that opens its sentence: a list's marker, emphasis.
const LEAD: [char; 6] = [' ', '*', '_', '-', '+', '•'];

impl Builder<'_> {
    /// A file with no timeline at all: the times its sentences give ("at **11:32** we
    /// deployed") become entries, the event the rest of the sentence; the text keeps them.
    pub(super) fn times_in_sentences(&mut self) {
        let Some(t) = self.template.sections.iter().position(|s| s.kind == SectionKind::Timeline) else { return };
        if self.own {
            return;
        }
        // With a timeline, only a paragraph opening with its time ("At 14:09 UTC, ...") is an entry.
        let rows = self.doc.timeline.len();
        let zone = self.doc.zone();
        let timed: Vec<chrono::NaiveDateTime> =
            self.doc.timeline.iter().filter_map(|e| e.time.resolve(&zone)).map(|t| t.naive_local()).collect();
        if self.clock.date.is_none() {
            self.clock.date = self.first_date;
        }
        self.title_year();
        // A mail's quote (`> At 05:00 UTC`) is read unquoted; `## 2026-07-19 — ...`: that day's.
        let texts: Vec<_> = self
            .doc
            .sections
            .iter()
            .chain(self.news.iter().map(|(_, s)| s))
            .map(|s| (super::times::opening_date(&s.title), super::loose::unquote(&s.text)))
            .collect();
        let mut first_line = None;
        // The moment a post or an update was written ("Post by ... » Feb 17th 2017 10:55"),
        // until the next time told.
        let mut written: Option<chrono::NaiveDateTime> = None;
        let mut update: Option<(String, super::stamp::Stamp)> = None;
        let mut alone: Option<super::stamp::Stamp> = None;
        // A weekday has moved the day from the one the text is written on.
        let mut moved = false;
        // The rows of paragraphs that open with their day alone.
        let mut scenes: Vec<usize> = Vec::new();
        for (day, text) in texts {
            if day.is_some() {
                (self.clock.date, self.clock.last) = (day, None);
            }
            let mut fence = false;
            let text = text.replace("\r\n", "\n");
            // Under "weekly maintenance windows" and the like, a day's name is any such day.
            let mut weekly = false;
            for paragraph in text.split("\n\n").flat_map(super::sentences::list_items) {
                weekly = WEEKLY.as_ref().is_some_and(|re| re.is_match(paragraph))
                    || weekly && super::sentences::list_item(paragraph);
                let fences = paragraph
                    .lines()
                    .filter(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
                    .count();
                let was_fence = fence;
                fence ^= fences % 2 == 1;
                // A thread's post: its day is the day of the bare times its text tells.
                let (post_day, paragraph) = thread_post(paragraph);
                if post_day.is_some() && !was_fence {
                    self.clock.date = post_day;
                }
                let first = paragraph.trim_start();
                if was_fence || fences > 0 || first.is_empty() || first.starts_with('|') || first.starts_with('>') {
                    continue;
                }
                let line = first.lines().next().unwrap_or_default();
                let joined = paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" ");
                let l = joined.as_str();
                // `viernes 16-08-2024, 21:30 hrs` alone on a paragraph's first line, what happened
                // then on the lines below it, which tell no time of their own (one that does was
                // written then, `2022-04-12 16:38:02` over "At 05:15 on 11 April, ..."): an entry.
                if rows == 0
                    && first.lines().count() > 1
                    && let Some(stamp) = super::written::dated_time_alone(line)
                    && let body = first.lines().skip(1).map(str::trim).collect::<Vec<_>>().join(" ")
                    && told_times(&body).is_empty()
                {
                    first_line.get_or_insert_with(|| self.line_of(line));
                    self.push_stamp(&stamp, body);
                    continue;
                }
                // `Datum: 2019-04-08` over `Tidpunkt: 19:26`: an entry at that moment, what the
                // paragraph says below them (or the next paragraph) its text.
                if rows == 0
                    && let Some((stamp, below)) = super::written::date_time_labels(first)
                {
                    first_line.get_or_insert_with(|| self.line_of(line));
                    match below.split_whitespace().collect::<Vec<_>>().join(" ") {
                        body if body.is_empty() => alone = Some(stamp),
                        body => self.push_stamp(&stamp, body),
                    }
                    continue;
                }
                // `Update: 21:49` alone over the update's paragraph: an entry at that stamp, the
                // paragraph its text (its sentences are read as any others).
                // `11th Oct 11:30 AM` alone over the paragraph that tells what happened then (a
                // status page's update), when that paragraph tells no time of its own.
                if let Some(stamp) = alone.take()
                    && rows == 0
                    && told_times(l).is_empty()
                {
                    first_line.get_or_insert_with(|| self.line_of(line));
                    self.push_stamp(&stamp, l.to_string());
                    continue;
                }
                if rows == 0 && first.lines().count() == 1 && update.is_none() {
                    alone = super::written::dated_time_alone(line);
                    if alone.is_some() {
                        continue;
                    }
                }
                if rows == 0 {
                    if let Some((word, stamp)) = update.take() {
                        first_line.get_or_insert_with(|| self.line_of(line));
                        self.push_stamp(&stamp, if word.is_empty() { l.to_string() } else { format!("{word}: {l}") });
                    } else if first.lines().count() == 1
                        && let Some(alone) = super::written::update_alone(line)
                    {
                        update = Some(alone);
                        continue;
                    }
                }
                // `UPDATE 11.15 pm GMT: the servers are back.` in a text that gives the day: an
                // entry at its stamp, the paragraph its text.
                if rows == 0
                    && self.clock.date.is_some()
                    && let Some(stamp) = super::written::update_stamp(l)
                {
                    first_line.get_or_insert_with(|| self.line_of(line));
                    self.push_stamp(&stamp, stamp.rest.clone());
                    continue;
                }
                // `28th October : received the supplier's report ...`, in a text that tells
                // times: an entry of that day.
                if !self.doc.timeline.is_empty()
                    && let Some(stamp) = super::written::day_colon(line)
                {
                    self.push_stamp(&stamp, stamp.rest.clone());
                    self.place_last_in_order();
                    continue;
                }
                // `* May 30, 2019 - 01:30 PDT — Resolved ...`: a list item that opens with its day
                // and time (a status page's update set out as one) and tells no other time is an
                // entry, every sentence of it its text.
                let marker = super::timeline::LIST_MARKER.as_ref().and_then(|re| re.find(l));
                let item = marker.filter(|_| super::sentences::list_item(l)).map_or("", |m| &l[m.end()..]);
                if rows == 0
                    && let Some(stamp) = super::stamp::leading_stamp(item.trim_start())
                    && stamp.date.is_some()
                    && matches!(stamp.time, Some(ClockText::At(_)))
                    && told_times(&stamp.rest).is_empty()
                    && stamp.rest.split_whitespace().count() >= 2
                {
                    first_line.get_or_insert_with(|| self.line_of(line));
                    self.push_stamp(&stamp, stamp.rest.trim_start_matches(['-', '–', '—', ':', ' ']).to_string());
                    continue;
                }
                let said = super::sentences::sentences(l);
                // "Around 18:55 I noticed ... . Around 21:50, after ...": in a paragraph that
                // opens with its time, a later sentence that opens with its own is an entry too.
                let opened = said.first().is_some_and(|first| {
                    told_times(first).first().is_some_and(|t| first[..t.start].trim_matches(LEAD).is_empty())
                });
                // A thread's post of one short sentence with its time ("resolve at 14.26", "Me,
                // too, at 10:53 AM EST"): the reply says what happened then.
                let reply = post_day.is_some() && rows == 0 && said.len() == 1 && l.split_whitespace().count() <= 8;
                for (k, sentence) in said.into_iter().enumerate() {
                    // "On 2021-10-21 at 21:00 UTC": the day the sentence names.
                    // "on Friday, July 21": a day without its year, in the file's year.
                    // "at 6:45 a.m. on 10/9/08": a day in digits, as the file orders them.
                    let named = super::times::find_date(sentence)
                        .or_else(|| self.clock.day_of(super::dates::month_day(sentence)?))
                        .or_else(|| self.clock.day_of(super::dates::pair_before_time(sentence)?))
                        .or_else(|| super::dates::day_of_month(sentence, self.clock.date?))
                        .or_else(|| super::dates::digit_date(sentence, self.clock.order));
                    let all = told_times(sentence);
                    let n = all.len();
                    let told: Vec<_> =
                        all.into_iter().filter(|t| !super::told_parts::of_a_thing(sentence, t)).collect();
                    let named = named.filter(|_| told.len() == n || !told.is_empty());
                    // "ressentis samedi vers 9h00": a weekday before the time, the last of that
                    // name on or before the day the text is written; after one, "aujourd'hui à
                    // 13h" that day again. So a bulleted line of such a day with no time.
                    let before = told.first().map_or(sentence.len(), |t| t.start);
                    // (Or right after it: "about 2:10 p.m. Thursday", "at 9:00 on Friday".)
                    let weekday = super::weekdays::weekday_in(&sentence[..before])
                        .or_else(|| super::weekdays::weekday_in(told.first().map(|t| just_after(sentence, t.end))?));
                    // "• Tuesday: between 4 a.m. and 7 a.m." under a weekly window: no moment.
                    if weekly && named.is_none() && weekday.is_some() {
                        continue;
                    }
                    // "Yesterday at 14:00", "last night at 23:40": the day before it is written.
                    let hour = told.first().and_then(|t| match t.stamp.time {
                        Some(ClockText::At(at)) => Some(at.hour()),
                        _ => None,
                    });
                    let back = super::weekdays::days_back(&sentence[..before], hour);
                    let day = self.first_date.filter(|_| named.is_none() && !weekly).and_then(|written| {
                        let today = (moved || back.is_some()) && super::weekdays::today_in(&sentence[..before]);
                        weekday
                            .map(|w| super::weekdays::last_before(written, w))
                            .or_else(|| back.map(|b| written - chrono::Duration::days(b)))
                            .or(today.then_some(written))
                    });
                    moved |= day.is_some_and(|d| Some(d) != self.first_date);
                    let named = named.or(day);
                    if told.is_empty()
                        && let Some(at) = named.and_then(|d| Some(d.and_time(super::written::written_at(sentence)?)))
                    {
                        self.clock.date = Some(at.date());
                        self.clock.last = None;
                        written = Some(at);
                        continue;
                    }
                    let bullet = sentence.trim_start().starts_with(super::sentences::BULLETS);
                    // "Am Donnerstag, 21.3.2024 überraschte uns ...": a paragraph that opens
                    // with its day, no time, tells what happened that day (a title does not).
                    let opens = k == 0 && super::dates::opening_day_sentence(sentence);
                    // "* The chief reveals on September 19 that ...": a list item with its day
                    // and no time, in a list that tells times, is an entry of that day.
                    let dated_item = super::sentences::list_item(sentence) && self.doc.timeline.len() > rows;
                    if told.is_empty()
                        && rows == 0
                        && let Some(date) = named.filter(|_| (bullet && day.is_some()) || opens || dated_item)
                        && let Some(day) = super::stamp::leading_stamp(&date.format("%Y-%m-%d").to_string())
                    {
                        // `5/24/2020 : 11am – We found ...`: the day and the time it opens with.
                        let timed = super::stamp::leading_stamp(sentence.trim())
                            .filter(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))));
                        let stamp = timed.unwrap_or(day);
                        first_line.get_or_insert_with(|| self.line_of(line));
                        self.clock.date = Some(date);
                        self.push_stamp(&stamp, sentence.trim().to_string());
                        if !bullet {
                            scenes.push(self.doc.timeline.len() - 1);
                        }
                        continue;
                    }
                    if !told.is_empty()
                        && let Some(at) = written.take()
                        && named.is_none()
                    {
                        self.after_writing(at, &told[0], rows);
                    }
                    // ("Me too 8:30 AM MST": a clock with its am/pm or zone needs no word before it.)
                    let clock = if told.is_empty() && reply { super::written::reply_clock(sentence) } else { None };
                    if reply
                        && let Some(stamp) =
                            told.first().map(|t| &t.stamp).filter(|_| told.len() == 1).or(clock.as_ref())
                        && named.is_none()
                        && matches!(stamp.time, Some(ClockText::At(_)))
                    {
                        first_line.get_or_insert_with(|| self.line_of(line));
                        self.push_stamp(stamp, sentence.trim().to_string());
                        continue;
                    }
                    // A day told in passing ("... announced on June 15, 2022.") is not the day
                    // of the sentences after it; one the sentence opens with, or gives a time, is.
                    if let Some(date) = named
                        && (!told.is_empty()
                            || super::times::opening_date(sentence).is_some()
                            || super::dates::opening_month_day(sentence).is_some()
                            || super::dates::after_time_words(sentence))
                    {
                        self.clock.date = Some(date);
                    }
                    // "started at 14:02, was mitigated at 14:40 and ...": an entry a clause, or a time listed.
                    let mut clauses: Vec<(usize, usize)> = Vec::new();
                    for (j, t) in told.iter().enumerate() {
                        let Some(&(i, _)) = clauses.last() else {
                            clauses.push((j, 0));
                            continue;
                        };
                        let opens = sentence[..told[i].start].trim_matches(['*', '_', ' ']).is_empty();
                        let until = told.get(j + 1).map_or(sentence.len(), |n| n.start);
                        if rows == 0
                            && let Some(at) = clause_start(sentence, &told[j - 1], t, opens && j - 1 == i)
                            && clause_words(sentence, at, t, until) >= 2
                        {
                            clauses.push((j, at));
                        }
                    }
                    let had = self.doc.timeline.len();
                    for (n, &(j, from)) in clauses.iter().enumerate() {
                        let until = clauses.get(n + 1).map_or(sentence.len(), |&(_, at)| at);
                        self.told_entry(
                            sentence,
                            from..until,
                            &told[j],
                            (k, n, clauses.len() > 1, opened),
                            rows,
                            named,
                            &timed,
                            line,
                            &mut first_line,
                        );
                    }
                    self.listed_times(sentence, &told, had);
                }
                // `9月4日 13時26分` alone on a paragraph's last line (a copied page's heading), over
                // the paragraph below: an entry at that time, the paragraph its text.
                let last = paragraph.trim_end().lines().last().unwrap_or_default();
                if rows == 0 && paragraph.trim().lines().count() > 1 {
                    update = super::written::time_alone(last).map(|stamp| (String::new(), stamp));
                }
            }
        }
        // A paragraph that opens with a day the text tells times on only sets their scene.
        let timed_days: Vec<String> = self.doc.timeline[rows..]
            .iter()
            .map(|e| e.time.as_text())
            .filter(|t| t.len() > 10)
            .map(|t| t[..10].to_string())
            .collect();
        for &i in scenes.iter().rev() {
            if timed_days.iter().any(|d| self.doc.timeline[i].time.as_text() == *d) {
                self.doc.timeline.remove(i);
                self.bare_rows.retain(|&b| b != i);
                self.bare_rows.iter_mut().filter(|b| **b > i).for_each(|b| *b -= 1);
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
        if rows == 0 || !self.has_timeline_heading {
            self.labelled_times(t);
        }
    }

    /// Moves the entry just added before the first entry that is later than it (entries
    /// without an instant are passed over).
    pub(super) fn place_last_in_order(&mut self) {
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

/// The words right after a time at `end` in `sentence`, up to a comma or stop and at most two
/// words besides "on" ("2:10 p.m. Thursday", "9:00 on Friday morning").
fn just_after(sentence: &str, end: usize) -> &str {
    let rest = sentence.get(end..).unwrap_or_default();
    let stop = rest.find([',', '.', ';', ':', '(', '!', '?']).unwrap_or(rest.len());
    let rest = &rest[..stop];
    let words: Vec<&str> = rest.split_whitespace().filter(|w| !w.eq_ignore_ascii_case("on")).take(2).collect();
    match words.last() {
        Some(last) => rest.find(last).map_or(rest, |at| &rest[..at + last.len()]),
        None => "",
    }
}
