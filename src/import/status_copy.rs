//! A status page's updates copied with a `Posted Nov 22, 2020 - 08:17 GMT` line under
//! each, their text running over paragraphs: two such lines or more make each update, from the
//! line after the stamp above (the first from the top of its section, a file's first line, its
//! title, left out) to its stamp, a list entry at that stamp; what follows the last stamp (`This
//! incident affected: ...`) stays as it is.
//!
//! So are updates each opened by a status word and its stamp in brackets on a line of its own
//! (`Resolved [15/02/2022 23:09]`, its text in the paragraphs below, to the next such line):
//! two or more make a list, an entry each at its stamp.
//!
//! And a status page's history as it is copied: each update opened by its status word and a
//! dash (`Resolved - The fix is working.`), its lines, then its day and time alone on a line
//! (`Apr 19, 19:11 BST`); the page's day lines and "No incidents reported." between them stay
//! as they are, and so does an update whose stamp was not copied. A stamp without its year
//! takes the year of the page's day line above it (`Apr 19, 2016`), the year after when it
//! falls before that day: a history runs newest first, so the order of its updates says
//! nothing of their years.
//!
//! And the list of a status page's past incidents: each incident's name, then its last status
//! and stamp on a line (`Resolved May 28 at 01:00am BST`), its last update below (to the next
//! incident's name), `1 previous update` closing it: an entry each, the name with the status.

use std::borrow::Cow;

use super::stamp::{ClockText, leading_stamp};

/// `Posted Nov 22, 2020 - 08:17 GMT`: the day and time of the update above, as a status page
/// writes it under each.
fn posted_stamp(line: &str) -> Option<&str> {
    let t = line.trim().trim_matches(['*', '_']).trim();
    let when = super::status::posted_when(t).filter(|_| t.starts_with("Posted ") || t.starts_with("posted "))?.trim();
    leading_stamp(when)
        .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
        .then_some(when)
}

/// `Nov 16, 2017 15:10 : ...`, `- 2017-11-16 15:10 ...`: a line that opens with a day and a time.
fn dated_line(line: &str) -> bool {
    let t = line.trim_start_matches(['-', '*', '+', ' ']);
    leading_stamp(t).is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && !s.rest.is_empty())
}

/// `Resolved [15/02/2022 23:09]`: a status word or two, then a day and time in brackets and
/// nothing else. The word and the stamp.
fn bracketed_stamp(line: &str) -> Option<(&str, &str)> {
    let (word, rest) = line.trim().split_once(" [")?;
    let when = rest.strip_suffix(']')?.trim();
    let worded =
        !word.is_empty() && word.split_whitespace().count() <= 2 && word.chars().all(|c| c.is_alphabetic() || c == ' ');
    let stamped = leading_stamp(when)
        .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty());
    (worded && stamped).then_some((word, when))
}

/// Updates under their bracketed stamps as list entries (see the module's words), when two or
/// more such lines stand in one section.
pub(super) fn bracketed_updates(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let stamps: Vec<usize> = (0..lines.len()).filter(|&i| bracketed_stamp(lines[i]).is_some()).collect();
    let (Some(&first), Some(&last)) = (stamps.first(), stamps.last()) else {
        return Cow::Borrowed(src);
    };
    if stamps.len() < 2 || (first..last).any(|i| section_start(lines[i])) {
        return Cow::Borrowed(src);
    }
    let end = (last..lines.len()).find(|&i| section_start(lines[i])).unwrap_or(lines.len());
    let mut out = String::with_capacity(src.len() + 16 * stamps.len());
    for line in &lines[..first] {
        out.push_str(line);
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    for (n, &s) in stamps.iter().enumerate() {
        let (word, when) = bracketed_stamp(lines[s]).unwrap_or_default();
        out.push_str(&format!("* {when} — {word}\n"));
        let until = stamps.get(n + 1).copied().unwrap_or(end);
        for l in lines[s + 1..until].iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if end < lines.len() {
        out.push('\n');
    }
    for line in &lines[end..] {
        out.push_str(line);
        out.push('\n');
    }
    super::ending_as(src, out)
}

/// A heading or a thematic break: where a section's text starts.
fn section_start(line: &str) -> bool {
    line.trim().starts_with('#') || thematic_break(line)
}

/// `---` or `***` alone on its line.
fn thematic_break(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*'))
}

/// `Resolved - The fix is working.`: a status word, then a dash and the update's text.
fn status_dash(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    super::status::STATUS_WORDS.iter().any(|w| {
        lower.strip_prefix(w).is_some_and(|r| ["- ", "– ", "— "].iter().any(|d| r.trim_start().starts_with(d)))
    })
}

/// `Apr 19, 19:11 BST`: a day and a time alone on their line.
fn day_and_time(line: &str) -> bool {
    leading_stamp(line.trim())
        .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
}

/// A status page's history, each update over its day and time (see the module's words), as
/// list entries at their stamps, when two or more such updates stand in the text.
pub(super) fn history_updates(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let mut updates: Vec<(usize, usize)> = Vec::new();
    let mut open = None;
    for (i, line) in lines.iter().enumerate() {
        if status_dash(line) {
            open = Some(i);
        } else if let Some(o) = open
            && day_and_time(line)
        {
            updates.push((o, i));
            open = None;
        } else if line.trim().is_empty() || section_start(line) {
            open = None;
        }
    }
    if updates.len() < 2 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * updates.len());
    let mut i = 0;
    let mut day = None;
    while i < lines.len() {
        if let Some((d, _)) = super::dates::date_line(lines[i]) {
            day = Some(d);
        }
        match updates.iter().find(|(o, _)| *o == i) {
            Some(&(o, s)) => {
                if !out.is_empty() && !out.ends_with("\n\n") && !out.ends_with("  \n") && !super::listed(&out) {
                    out.push('\n');
                }
                out.push_str(&format!("* {} — {}\n", with_year(lines[s].trim(), day), lines[o].trim()));
                for l in lines[o + 1..s].iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                    out.push_str(&format!("  {l}\n"));
                }
                i = s + 1;
                if i < lines.len() && !updates.iter().any(|(o, _)| *o == i) {
                    out.push('\n');
                }
            }
            None => {
                out.push_str(lines[i]);
                out.push('\n');
                i += 1;
            }
        }
    }
    super::ending_as(src, out)
}

/// `Apr 19, 19:11 BST` under the day line `Apr 19, 2016`: `Apr 19, 2016, 19:11 BST`.
fn with_year(stamp: &str, day: Option<chrono::NaiveDate>) -> String {
    use chrono::Datelike;
    let no_year = leading_stamp(stamp).and_then(|s| match s.date {
        Some(super::stamp::DateText::NoYear(m, d)) => Some((m, d)),
        _ => None,
    });
    match (no_year, day, stamp.split_once(',')) {
        (Some((m, d)), Some(day), Some((month_day, time))) => {
            let year = if (m, d) >= (day.month(), day.day()) { day.year() } else { day.year() + 1 };
            format!("{month_day}, {year}, {}", time.trim())
        }
        _ => stamp.to_string(),
    }
}

/// `Resolved May 28 at 01:00am BST`: a status word, then a day and time and nothing else.
fn worded_stamp(line: &str) -> Option<(&str, &str)> {
    let (word, when) = line.trim().split_once(' ')?;
    let lower = word.to_lowercase();
    let stamped = leading_stamp(when.trim())
        .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty());
    (super::status::STATUS_WORDS.contains(&lower.as_str()) && stamped).then_some((word, when.trim()))
}

/// A status page's past incidents, each name over its status and stamp (see the module's
/// words), as list entries at their stamps, when two or more stand in the text; an update's
/// text ends at the next incident's name or at a heading.
pub(super) fn named_updates(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let named = |i: usize| {
        i > 0 && worded_stamp(lines[i]).is_some() && {
            let above = lines[i - 1].trim();
            !above.is_empty() && worded_stamp(above).is_none() && !section_start(above)
        }
    };
    let stamps: Vec<usize> = (0..lines.len()).filter(|&i| named(i)).collect();
    if stamps.len() < 2 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16 * stamps.len());
    let mut i = 0;
    while i < lines.len() {
        if !stamps.contains(&(i + 1)) {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
            continue;
        }
        let s = i + 1;
        if !out.is_empty() && !out.ends_with("\n\n") && !super::listed(&out) {
            out.push('\n');
        }
        let (word, when) = worded_stamp(lines[s]).unwrap_or_default();
        out.push_str(&format!("* {when} — {word}: {}\n", lines[i].trim()));
        let until =
            (s + 1..lines.len()).find(|&j| stamps.contains(&(j + 1)) || section_start(lines[j])).unwrap_or(lines.len());
        for l in lines[s + 1..until].iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            out.push_str(&format!("  {l}\n"));
        }
        if until < lines.len() && !stamps.contains(&(until + 1)) {
            out.push('\n');
        }
        i = until;
    }
    super::ending_as(src, out)
}

/// Status-page updates each over its `Posted ...` line, as list entries at their stamps (see
/// the module's words), when two or more such lines stand in one section.
pub(super) fn posted_updates(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let stamps: Vec<usize> = (0..lines.len()).filter(|&i| posted_stamp(lines[i]).is_some()).collect();
    let (Some(&first), Some(&last)) = (stamps.first(), stamps.last()) else {
        return Cow::Borrowed(src);
    };
    // (A heading between two stamps parts them; a thematic break inside an update, `---` over
    // its last line, does not.)
    if stamps.len() < 2 || (first..last).any(|i| lines[i].trim_start().starts_with('#')) {
        return Cow::Borrowed(src);
    }
    // The first update reaches up to the section's start; a file's first line with no heading
    // above it is its title, not an update's.
    let mut start = (0..first).rev().find(|&i| section_start(lines[i])).map_or(0, |i| i + 1);
    let heading_above = lines[..start].iter().any(|l| l.trim().starts_with('#'));
    let first_text = (start..first).find(|&i| !lines[i].trim().is_empty());
    if let Some(t) = first_text
        && !heading_above
        && lines[..t].iter().all(|l| l.trim().is_empty())
    {
        start = t + 1;
    }
    let mut out = String::with_capacity(src.len() + 16 * stamps.len());
    for line in &lines[..start] {
        out.push_str(line);
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let mut from = start;
    // The first update reaching up to a heading of the report's own ("## Next steps", not
    // "### Resolved"): the page's postmortem, its sections kept as written, its stamp an entry.
    // (A title, `# Slow uploads`, is the page's: its first update is an update.)
    let heading = start.checked_sub(1).map(|h| lines[h].trim()).filter(|h| h.starts_with("##"));
    let report_heading = heading.is_some_and(|h| {
        let h = h.trim_start_matches('#').trim().to_lowercase();
        !super::status::STATUS_WORDS.iter().any(|w| h.starts_with(w))
    });
    for &s in &stamps {
        if report_heading && s == first {
            // (Its stamp an entry of the updates' list: `* Nov 22, 2018 - 13:19 UTC — Posted`.)
            for line in &lines[from..s] {
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(&format!("\n* {} — Posted\n", posted_stamp(lines[s]).unwrap_or_default()));
            from = s + 1;
            continue;
        }
        let said: Vec<&str> = lines[from..s].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
        let when = posted_stamp(lines[s]).unwrap_or_default();
        // A postmortem posted as the page's last word, its own timeline in it (two lines or more
        // that open with a day and a time): kept as written, its `Posted` line too.
        // So is one in paragraphs telling two clock times or more ("At 6:22am EDT the app …"):
        // its times are read from its sentences (one alone is a promise: "an update by 12:30").
        let paragraphs =
            lines[from..s].iter().skip_while(|l| l.trim().is_empty()).filter(|l| l.trim().is_empty()).count();
        let timeline = said.iter().filter(|l| dated_line(l)).count() >= 2
            || (paragraphs >= 2 && said.iter().map(|l| super::told::told_times(l).len()).sum::<usize>() >= 2);
        if timeline {
            for line in &lines[from..=s] {
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
            from = s + 1;
            continue;
        }
        push_update(&mut out, when, &said);
        from = s + 1;
    }
    push_rest(&mut out, &lines[from..]);
    super::ending_as(src, out)
}

/// An update as a list entry at its stamp: its first line after the stamp and a dash, the
/// others under it.
pub(super) fn push_update(out: &mut String, when: &str, said: &[&str]) {
    // (A `---` inside the update is no text of it: under the entry's lines, a heading.)
    let said: Vec<&str> = said.iter().copied().filter(|l| !thematic_break(l)).collect();
    match said.split_first() {
        Some((head, rest)) => {
            out.push_str(&format!("* {when} — {head}\n"));
            for l in rest {
                out.push_str(&format!("  {l}\n"));
            }
        }
        None => out.push_str(&format!("* {when}\n")),
    }
}

/// The lines after the last update, as written, a blank line setting them apart from the list.
pub(super) fn push_rest(out: &mut String, rest: &[&str]) {
    if !rest.is_empty() {
        out.push('\n');
    }
    for line in rest {
        out.push_str(line);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::super::rejoin::rejoin;

    #[test]
    fn posted_lines_close_the_updates_above_them() {
        let src = "Queue stalled\nAll jobs run again.\n\nWe will write more.\nPosted Mar 02, 2024 - 10:05 UTC\nA fix is out.\nPosted Mar 02, 2024 - 09:40 UTC\nThis incident affected: Jobs.\n";
        assert_eq!(
            rejoin(src),
            "Queue stalled\n\n* Mar 02, 2024 - 10:05 UTC — All jobs run again.\n  We will write more.\n* Mar 02, 2024 - 09:40 UTC — A fix is out.\n\nThis incident affected: Jobs.\n"
        );
        // One such line is a postmortem's own stamp, not a run of updates.
        let one = "The fix is out.\nPosted Mar 02, 2024 - 10:05 UTC\n";
        assert_eq!(rejoin(one), one);
    }

    #[test]
    fn a_break_inside_an_update_and_a_promised_time_keep_the_updates() {
        // A thematic break over an update's last line, and a time the update promises the next
        // one by: still updates at their stamps, the break dropped.
        let src = "Slow monitor\nResolved\nAll fixed.\nPosted Oct 17, 2021 - 16:00 CEST\nInvestigating\nWe will post an update by 12:30 CEST.\n\nThere is a delay.\n\n---\nMore areas may be added.\nPosted Oct 14, 2021 - 11:42 CEST\n";
        assert_eq!(
            rejoin(src),
            "Slow monitor\n\n* Oct 17, 2021 - 16:00 CEST — Resolved\n  All fixed.\n* Oct 14, 2021 - 11:42 CEST — Investigating\n  We will post an update by 12:30 CEST.\n  There is a delay.\n  More areas may be added.\n"
        );
    }

    #[test]
    fn a_status_pages_history_its_stamps_below_the_updates() {
        let src = "Past Incidents\nMar 3, 2026\nResolved - The queue is empty again.\nApr 3, 10:05 UTC\nIdentified - A worker hung.\nIt was restarted.\nApr 3, 09:40 UTC\nUpdate - We are looking\n";
        assert_eq!(
            rejoin(src),
            "Past Incidents\nMar 3, 2026\n\n* Apr 3, 2026, 10:05 UTC — Resolved - The queue is empty again.\n* Apr 3, 2026, 09:40 UTC — Identified - A worker hung.\n  It was restarted.\n\nUpdate - We are looking\n"
        );
        let one = "Resolved - The queue is empty again.\nApr 3, 10:05 UTC\n";
        assert_eq!(rejoin(one), one);
    }

    #[test]
    fn past_incidents_each_under_its_name() {
        let src = "Past incidents\nQueue is slow\nResolved Mar 4 at 10:05am UTC\nJobs run again.\n1 previous update\nLogin fails\nResolved Mar 2 at 09:40pm UTC\nTokens renewed.\n";
        assert_eq!(
            rejoin(src),
            "Past incidents\n\n* Mar 4 at 10:05am UTC — Resolved: Queue is slow\n  Jobs run again.\n  1 previous update\n* Mar 2 at 09:40pm UTC — Resolved: Login fails\n  Tokens renewed.\n"
        );
    }

    #[test]
    fn bracketed_stamps_open_the_updates_below_them() {
        let src = "Intro line\n\nResolved [02/03/2024 10:05]\n\nAll jobs run again.\n\nIdentified [02/03/2024 09:40]\n\nA worker hung.\nIt was restarted.\n";
        assert_eq!(
            rejoin(src),
            "Intro line\n\n* 02/03/2024 10:05 — Resolved\n  All jobs run again.\n* 02/03/2024 09:40 — Identified\n  A worker hung.\n  It was restarted.\n"
        );
        let one = "Resolved [02/03/2024 10:05]\nAll jobs run again.\n";
        assert_eq!(rejoin(one), one);
    }
}
