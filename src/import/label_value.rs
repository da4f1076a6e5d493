//! A form copied from a page puts each label alone on its line and its value alone on the next
//! one, often after a blank line: `Start Date` / `11th Apr 2017 10:30am`. When the label is one
//! of the incident's times in two words or more (`Start Date`, `End Time`, `Service Restored`;
//! not an update's status word alone, `Resolved`) and the value is a day and time and nothing
//! else, the two are joined back into one label line, `Start Date: 11th Apr 2017 10:30am`,
//! read as any other. Every word stays.
//!
//! An outage log puts each entry's day and time alone on a line and its text indented below
//! it (`03/21/16 Monday 4:26pm EST` / `    edge router stopped answering`): the stamp and the
//! indented lines are joined into one entry line, `03/21/16 Monday 4:26pm EST: edge router ...`.

use std::borrow::Cow;

use super::matching::{Meta, meta_for};
use super::stamp::{ClockText, leading_stamp};

/// `src` with each time label alone over its value alone joined into one line.
pub fn joined(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let value_after = |i: usize| {
        let next = (i + 1..lines.len().min(i + 4)).find(|&k| !lines[k].trim().is_empty())?;
        let stamp = leading_stamp(lines[next].trim())?;
        (stamp.date.is_some() && matches!(stamp.time, Some(ClockText::At(_))) && stamp.rest.trim().is_empty())
            .then_some(next)
    };
    let is_label = |l: &str| {
        let t = l.trim();
        !t.is_empty()
            && t.len() <= 40
            && t.split_whitespace().count() >= 2
            && matches!(meta_for(t), Some(Meta::Started | Meta::Detected | Meta::Mitigated | Meta::Resolved))
    };
    let mut pairs = Vec::new();
    let code = super::code_lines(&lines);
    for (i, line) in lines.iter().enumerate() {
        if !code[i]
            && is_label(line)
            && (i == 0 || lines[i - 1].trim().is_empty())
            && let Some(next) = value_after(i)
        {
            pairs.push((i, next));
        }
    }
    let joins: Vec<(usize, std::ops::Range<usize>)> = pairs.into_iter().map(|(i, next)| (i, next..next + 1)).collect();
    with_joins(src, &lines, &joins)
}

/// `src` with each stamp alone on its line (a day and a time) joined to the indented lines of
/// text right below it (after one blank line at most).
pub fn stamps_over_text(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let code = super::code_lines(&lines);
    let stamp_alone = |l: &str| {
        leading_stamp(l.trim())
            .is_some_and(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())
    };
    // Each stamp's line and the lines of its text: the first indented below the stamp, the rest
    // running on as a paragraph's lines do (a wrapped line may start at the margin).
    let mut joins: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if code[i] || !stamp_alone(line) {
            continue;
        }
        let first = i + 1 + usize::from(lines.get(i + 1).is_some_and(|l| l.trim().is_empty()));
        if !lines.get(first).is_some_and(|l| !l.trim().is_empty() && indent(l) > indent(line) && !stamp_alone(l)) {
            continue;
        }
        let end = (first + 1..).find(|&k| lines.get(k).is_none_or(|l| l.trim().is_empty() || stamp_alone(l)));
        joins.push((i, first..end.unwrap_or(first + 1)));
    }
    // A stamp under a line of text is that text's (a status page's updates), unless the file is
    // a log of two or more such stamps.
    if joins.len() < 2 {
        joins.retain(|&(i, _)| i == 0 || lines[i - 1].trim().is_empty());
    }
    with_joins(src, &lines, &joins)
}

/// `src` with each line `i` of `joins` followed by a colon and the lines of its range, run
/// together on one line (what lies between them, blank lines, dropped); `src` itself when
/// there are none.
fn with_joins<'a>(src: &'a str, lines: &[&str], joins: &[(usize, std::ops::Range<usize>)]) -> Cow<'a, str> {
    if joins.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let mut skip_to = 0;
    for (i, line) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        match joins.iter().find(|(l, _)| *l == i) {
            Some((_, body)) => {
                let text: Vec<&str> = lines[body.clone()].iter().map(|l| l.trim()).collect();
                out.push_str(&format!("{}: {}\n", line.trim().trim_end_matches(':'), text.join(" ")));
                skip_to = body.end;
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_label_over_its_value() {
        let src = "Intro\n\nStart Date\n\n3rd May 2019 9:15am\n\nEnd Time\n2019-05-03 11:00\n\nStatus\n\nOpen\n";
        assert_eq!(
            joined(src),
            "Intro\n\nStart Date: 3rd May 2019 9:15am\n\nEnd Time: 2019-05-03 11:00\n\nStatus\n\nOpen\n"
        );
        assert_eq!(joined("Start Date\n\nsoon\n"), "Start Date\n\nsoon\n");
        assert_eq!(joined("Issue start: \nMay 3, 2019 - 9:15am\n"), "Issue start: May 3, 2019 - 9:15am\n");
    }

    #[test]
    fn a_stamp_over_its_indented_text() {
        let src =
            "Log\n\n03/21/16 Monday 4:26pm EST\n\n    router hung,\n    rebooted\n\n04/23/10 9:10am\n   switch off\n";
        assert_eq!(
            stamps_over_text(src),
            "Log\n\n03/21/16 Monday 4:26pm EST: router hung, rebooted\n\n04/23/10 9:10am: switch off\n"
        );
        // Text not indented below a stamp, or a stamp under a line of text, stays as it is.
        for src in ["2019-05-03 09:15\nrouter hung\n", "Resolved\n2019-05-03 09:15\n\n    log line\n"] {
            assert_eq!(stamps_over_text(src), src);
        }
    }
}
