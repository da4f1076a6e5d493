//! A copied page that puts each update's stamp on a line of its own and what happened below it,
//! in any shape a stamp is written: a log of notices (`Sun 17 Nov 2024 07:00:00 AM UTC` over
//! the lines of what was done, as a service's status page keeps them), a status log's updates
//! (`(Saturday 10th March 2018 10:56:33 UTC)` over a headline, its text in the paragraph
//! below), a timeline's times over the list of what happened then (`9:57 PM (June 7)` over
//! `- We received an alert ...` items).
//!
//! Two dated stamps or more in a run, or three with a time only, the first one opening a
//! paragraph (a stamp under its text, as a status page's updates put it, is read in `status`),
//! are joined into list entries (`* 9:57 PM (June 7) — We received an alert ...`), the rest of
//! each one's text under it. A notice's text runs to the next stamp, over blank lines; the last
//! one's ends with its paragraph (its list, when it is one), and takes the paragraph below a
//! headline alone. A day line between two notices (`Saturday 10th March 2018`) is an item of the
//! list, so that the run stays one list and the day is read as the day of the times below it.
//! Every word stays.

use std::borrow::Cow;

use super::stamp::{ClockText, leading_stamp};

/// Whether a line is only a stamp with its time (`Some(true)` when it has a day too).
fn stamp_alone(line: &str) -> Option<bool> {
    let t = line.trim();
    if t.is_empty() || t.starts_with(['#', '|', '-', '*', '+', '>']) {
        return None;
    }
    let s = leading_stamp(t)?;
    // A short note in brackets after the stamp is still the stamp's line: `Tuesday 2:21pm MST
    // (estimated)`.
    let rest = s.rest.trim();
    let note = super::timeline_inner::bracket_note(rest);
    (matches!(s.time, Some(ClockText::At(_))) && (rest.is_empty() || note || announces(rest)))
        .then_some(s.date.is_some())
}

/// `Update:` after a stamp alone on its line: a word or two and a colon, announcing the text
/// below (`15:40 Update:`, then the update's paragraphs).
fn announces(rest: &str) -> bool {
    rest.strip_suffix(':').is_some_and(|w| {
        (1..=2).contains(&w.split_whitespace().count()) && w.chars().all(|c| c.is_alphabetic() || c == ' ')
    })
}

/// A line that is only a day (`Saturday 10th March 2018`, `Mercredi 10 mars.`).
fn day_alone(line: &str) -> bool {
    let t = line.trim();
    let words = t.trim_end_matches('.').split_whitespace();
    let foreign = || {
        super::dates::month_day_start(t).is_some_and(|at| at == 0 || t[..at].split_whitespace().count() == 1)
            && words.clone().count() <= 4
            && !t.contains(':')
    };
    !t.is_empty()
        && !t.starts_with(['#', '|', '-', '*', '+', '>'])
        && (leading_stamp(t).is_some_and(|s| s.date.is_some() && s.time.is_none() && s.rest.trim().is_empty())
            || foreign())
}

fn heading(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn item(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "+ ", "• "].iter().any(|m| t.starts_with(m))
}

struct Lines<'a> {
    lines: Vec<&'a str>,
    code: Vec<bool>,
}

impl Lines<'_> {
    fn blank(&self, i: usize) -> bool {
        self.lines.get(i).is_none_or(|l| l.trim().is_empty())
    }

    fn stamp(&self, i: usize) -> Option<bool> {
        if self.code.get(i).copied().unwrap_or(true) {
            return None;
        }
        // `30 November 1998` right over a line of text (not a list, not a time): a notice of that
        // day, in a log whose other notices have their times.
        let prose = |k: usize| !self.blank(k) && !item(self.lines[k]) && leading_stamp(self.lines[k].trim()).is_none();
        let over_text = |k: usize| day_alone(self.lines[k]) && prose(k + 1) && !day_alone(self.lines[k + 1]);
        stamp_alone(self.lines[i]).or_else(|| over_text(i).then_some(true))
    }

    /// A line that ends a notice's text: a heading, a stamp, a day.
    fn stop(&self, i: usize) -> bool {
        self.code.get(i).copied().unwrap_or(true)
            || heading(self.lines[i])
            || self.stamp(i).is_some()
            || day_alone(self.lines[i])
    }

    /// A stamp over a line of its text.
    fn notice(&self, i: usize) -> bool {
        // `Mercredi 10 mars.` over `6:32`, then a blank line and what happened: the day's first
        // time over its text.
        // So is a stamp that announces its text (`15:40 Update:`) over a blank line.
        let announced = || leading_stamp(self.lines[i].trim()).is_some_and(|s| announces(s.rest.trim()));
        let after_day = i > 0 && (day_alone(self.lines[i - 1]) || announced()) && self.blank(i + 1) && {
            let k = self.skip_gap(i + 1);
            k < self.lines.len() && k == i + 2 && !self.stop(k)
        };
        self.stamp(i).is_some() && ((!self.blank(i + 1) && !self.stop(i + 1)) || after_day)
    }

    /// The end (exclusive) of the paragraph starting at `i`; a list ends at its first line
    /// that is neither an item nor indented under one.
    fn paragraph_end(&self, i: usize) -> usize {
        let list = item(self.lines[i]);
        let mut j = i;
        while j < self.lines.len() && !self.blank(j) && !self.stop(j) {
            if list && j > i && !item(self.lines[j]) && !self.lines[j].starts_with([' ', '\t']) {
                break;
            }
            j += 1;
        }
        j
    }

    /// The first line after `i` that is not blank nor a day.
    fn skip_gap(&self, mut i: usize) -> usize {
        while i < self.lines.len()
            && (self.blank(i) || (!self.code[i] && day_alone(self.lines[i]) && self.stamp(i).is_none()))
        {
            i += 1;
        }
        i
    }

    /// Whether a day line stands between lines `from` and `to`.
    fn day_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|g| !self.blank(g))
    }

    /// The end of the notice whose stamp is on line `i`, and the line of the next notice of its
    /// run, if one follows within a few paragraphs.
    fn notice_end(&self, i: usize) -> (usize, Option<usize>) {
        let head = self.paragraph_end(i + 1);
        let mut end = head;
        for _ in 0..4 {
            let k = self.skip_gap(end);
            if k < self.lines.len() && self.notice(k) {
                return (end, Some(k));
            }
            if k >= self.lines.len() || self.stop(k) || self.day_between(end, k) {
                break;
            }
            end = self.paragraph_end(k);
        }
        // The last notice: its paragraph, and the one below a headline alone (or below the
        // stamp alone, `15:40 Update:` over a blank line).
        let k = self.skip_gap(head);
        if (head == i + 2 || head == i + 1) && k < self.lines.len() && !self.stop(k) && !self.day_between(head, k) {
            return (self.paragraph_end(k), None);
        }
        (head, None)
    }
}

/// `src` with its runs of stamps over their text joined into list entries (see the module's
/// words).
pub fn stamps_over_text(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let code = super::code_lines(&lines);
    let at = Lines { lines, code };
    let n = at.lines.len();
    // Each accepted notice: its stamp's line and the end of its text.
    let mut notices: Vec<(usize, usize)> = Vec::new();
    let mut days: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        let opens = i == 0 || at.blank(i - 1) || heading(at.lines[i - 1]) || day_alone(at.lines[i - 1]);
        if !(opens && at.notice(i)) {
            i += 1;
            continue;
        }
        let mut run = Vec::new();
        let mut j = i;
        loop {
            let (end, next) = at.notice_end(j);
            run.push((j, end));
            match next {
                Some(k) => j = k,
                None => break,
            }
        }
        // (Days alone over their text, a paragraph each, only among two notices or more with
        // their times: a post's date over its paragraphs is no notice.)
        run.retain(|&(s, end)| stamp_alone(at.lines[s]).is_some() || end == at.paragraph_end(s + 1));
        let dated = run.iter().all(|&(s, _)| at.stamp(s) == Some(true));
        let last = run.last().map_or(i + 1, |&(_, e)| e);
        let timed = run.iter().filter(|&&(s, _)| stamp_alone(at.lines[s]).is_some()).count();
        if (run.len() >= 3 || (run.len() >= 2 && dated)) && (timed == run.len() || timed >= 2) {
            // The days between two notices of the run stay in its list, as its items, and so
            // does the day right above its first (`Mercredi 10 mars.` over `6:32`).
            if let Some(&(first, _)) = run.first()
                && first > 0
                && !at.code[first - 1]
                && day_alone(at.lines[first - 1])
            {
                days.push(first - 1);
            }
            for w in run.windows(2) {
                days.extend((w[0].1..w[1].0).filter(|&g| !at.code[g] && day_alone(at.lines[g])));
            }
            notices.extend(run);
        }
        i = last.max(i + 1);
    }
    if notices.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * notices.len());
    let mut l = 0;
    let mut in_list = false;
    while l < n {
        if let Some(&(start, end)) = notices.iter().find(|(s, _)| *s == l) {
            if !in_list && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let first = at.lines[start + 1].trim();
            let first = ["- ", "* ", "+ ", "• "].iter().find_map(|m| first.strip_prefix(m)).unwrap_or(first);
            // A note after the stamp (`(estimated)`) opens the entry's text.
            let stamp = at.lines[start].trim();
            let rest = leading_stamp(stamp).map(|s| s.rest.trim().to_string()).unwrap_or_default();
            let (stamp, note) = if !rest.is_empty() && stamp.ends_with(&rest) {
                (stamp[..stamp.len() - rest.len()].trim_end(), format!("{rest} "))
            } else {
                (stamp, String::new())
            };
            out.push_str(&format!("* {stamp} — {note}{}\n", first.trim()));
            let mut last_text = start + 1;
            for k in start + 2..end {
                if !at.blank(k) {
                    last_text = k;
                }
            }
            for k in start + 2..=last_text {
                if at.blank(k) {
                    out.push('\n');
                } else {
                    out.push_str(&format!("  {}\n", at.lines[k].trim()));
                }
            }
            in_list = true;
            l = last_text + 1;
            continue;
        }
        let line = at.lines[l];
        if days.contains(&l) {
            out.push_str(&format!("* {}\n", line.trim()));
            in_list = true;
            l += 1;
            continue;
        }
        if in_list && line.trim().is_empty() {
            // The blank lines between two notices of a run.
            let next = at.skip_gap(l);
            if notices.iter().any(|(s, _)| *s == next) {
                l += 1;
                continue;
            }
        }
        if in_list && !line.trim().is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        in_list = in_list && line.trim().is_empty();
        out.push_str(line);
        out.push('\n');
        l += 1;
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::stamps_over_text;

    #[test]
    fn dated_stamps_over_their_notices_are_joined() {
        let src = "Sat 02 Mar 2024 09:10:00 AM UTC\nThe mirror was rebuilt.\nThanks for waiting.\nFri 01 Mar 2024 11:45:03 PM UTC\nThe mirror went read-only.\n";
        assert_eq!(
            stamps_over_text(src),
            "* Sat 02 Mar 2024 09:10:00 AM UTC — The mirror was rebuilt.\n  Thanks for waiting.\n* Fri 01 Mar 2024 11:45:03 PM UTC — The mirror went read-only.\n"
        );
        // A stamp under its text (a status page's updates) is not a notice's head.
        let below = "Resolved -\nThe queue drained.\nMar 13, 2024 10:16 MDT\nUpdate -\nStill draining.\nMar 13, 2024 09:50 MDT\n";
        assert_eq!(stamps_over_text(below), below);
    }

    #[test]
    fn a_headline_and_its_paragraph_under_each_bracketed_stamp() {
        let src = "Friday 6th June 2025\n\n(Friday 6th June 2025 14:20:05 UTC)\nQueue delays resolved\n\nThe backlog has drained.\n\nThursday 5th June 2025\n\n(Thursday 5th June 2025 13:02:44 UTC)\nQueue delays\n\nJobs are waiting longer than usual.\n\nWednesday 4th June 2025\n\nNo incidents reported\n";
        assert_eq!(
            stamps_over_text(src),
            "Friday 6th June 2025\n\n* (Friday 6th June 2025 14:20:05 UTC) — Queue delays resolved\n\n  The backlog has drained.\n* Thursday 5th June 2025\n* (Thursday 5th June 2025 13:02:44 UTC) — Queue delays\n\n  Jobs are waiting longer than usual.\n\nWednesday 4th June 2025\n\nNo incidents reported\n"
        );
    }

    #[test]
    fn times_over_lists_are_entries_with_their_items() {
        let src = "## Timeline\n8:10 PM (May 3)\n- The queue stalled.\n- Nobody was paged.\n6:02 AM (May 4)\n- An alert fired.\n7:15 AM\n- The queue was restarted.\n- Jobs ran again.\nWhat we learned\n- Page on stalls.\n";
        assert_eq!(
            stamps_over_text(src),
            "## Timeline\n\n* 8:10 PM (May 3) — The queue stalled.\n  - Nobody was paged.\n* 6:02 AM (May 4) — An alert fired.\n* 7:15 AM — The queue was restarted.\n  - Jobs ran again.\n\nWhat we learned\n- Page on stalls.\n"
        );
        // Two times alone over text are not yet a timeline.
        let two = "9:00 PM\n- a\n9:30 PM\n- b\n";
        assert_eq!(stamps_over_text(two), two);
    }
}
