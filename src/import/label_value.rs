//! A form copied from a page puts each label alone on its line and its value alone on the next
//! one, often after a blank line: `Start Date` / `11th Apr 2017 10:30am`. When the label is one
//! of the incident's times in two words or more (`Start Date`, `End Time`, `Service Restored`;
//! not an update's status word alone, `Resolved`) and the value is a day and time and nothing
//! else, the two are joined back into one label line, `Start Date: 11th Apr 2017 10:30am`,
//! read as any other. Every word stays.

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
    if pairs.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let mut skip_to = 0;
    for (i, line) in lines.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        match pairs.iter().find(|(l, _)| *l == i) {
            Some(&(_, next)) => {
                out.push_str(&format!("{}: {}\n", line.trim(), lines[next].trim()));
                skip_to = next + 1;
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
    }
}
