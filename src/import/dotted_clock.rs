//! Times written with a dot between the hour and the minutes at the start of the lines of a
//! timeline (`17.11 Alert fired<br>`, `08.48 RK Getting 50x ...`), the way British and European
//! notes write them: alone, `1.25` is a number and `3.12 Scope` a section, so they are read as
//! times only where two lines or more of one section start so (a colon may follow: `11.07: Started
//! the upgrade`), every one an hour of the day,
//! under a heading that is a day or names the timeline. They are rewritten with a colon before
//! the document is read; nothing else changes.

use std::sync::LazyLock;

use regex::Regex;

static DOTTED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^([*_]{0,2})([01]?\d|2[0-3])\.([0-5]\d)([*_]{0,2}:?)(\s+\S)").ok());

/// The source with each such line's dot made a colon, or the source itself.
pub(super) fn dotted_clocks(src: &str) -> std::borrow::Cow<'_, str> {
    let Some(re) = DOTTED.as_ref() else { return src.into() };
    if !src.lines().any(|l| re.is_match(l)) {
        return src.into();
    }
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut changed = false;
    // Each section: the lines after a heading up to the next heading.
    let mut start = 0;
    let mut fence = false;
    for i in 0..=lines.len() {
        let at_end = i == lines.len();
        let heading = !at_end && !fence && lines[i].trim_start().starts_with('#');
        if !at_end && super::is_fence(lines[i]) {
            fence = !fence;
        }
        if !(at_end || heading) {
            continue;
        }
        let section = start..i;
        let titled = start > 0 && timeline_heading(lines[start - 1]);
        let hits: Vec<usize> = section.clone().filter(|&k| re.is_match(lines[k])).collect();
        // A section numbered `3.1 Scope` is not a timeline.
        let numbered = section.clone().any(|k| {
            let l = lines[k].trim_start();
            l.split_once(' ').is_some_and(|(n, _)| {
                n.split_once('.').is_some_and(|(a, b)| {
                    b.len() == 1 && !a.is_empty() && (a.to_string() + b).bytes().all(|c| c.is_ascii_digit())
                })
            })
        });
        // (Or no heading at all: a day alone on its line, `21 July 2015`, a few lines above each.)
        let under_day: Vec<usize> = hits.iter().copied().filter(|&k| day_above(&lines[start..k])).collect();
        let hits = if titled { hits } else { under_day };
        if hits.len() >= 2 && !numbered {
            for k in hits {
                out[k] = re.replace(lines[k], "$1$2:$3$4$5").into_owned();
                changed = true;
            }
        }
        start = i + 1;
    }
    if changed { out.join("\n").into() } else { src.into() }
}

/// Whether the last lines of `above` hold a day alone on its line (blank lines round it), with
/// at most three lines of text after it.
fn day_above(above: &[&str]) -> bool {
    let mut text = 0;
    for (i, line) in above.iter().enumerate().rev() {
        if line.trim().is_empty() {
            continue;
        }
        let blank = |j: Option<usize>| j.and_then(|j| above.get(j)).is_none_or(|l| l.trim().is_empty());
        if blank(i.checked_sub(1)) && blank(Some(i + 1)) && is_day(line) {
            return true;
        }
        text += 1;
        if text > 3 {
            return false;
        }
    }
    false
}

/// A line that is a day and nothing else (`25 February 2024`, `### 26 February`).
pub(super) fn is_day(line: &str) -> bool {
    let text = line.trim_start().trim_start_matches('#').trim().trim_matches(['*', '_']).trim();
    super::stamp::leading_stamp(text)
        .is_some_and(|s| s.date.is_some() && s.time.is_none() && s.rest.trim_matches(['.', ':', ' ']).is_empty())
}

/// A heading that is a day (`### 25 February 2024`, `## 26 February`) or names the timeline.
fn timeline_heading(line: &str) -> bool {
    let text = line.trim_start().trim_start_matches('#').trim().trim_matches(['*', '_']).trim();
    let lower = text.to_lowercase();
    ["timeline", "chronolog", "time line", "log", "sequence of events"].iter().any(|w| lower.contains(w))
        || is_day(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_times_under_a_day_heading_are_times() {
        let src = "## Timeline\n\n### 25 February 2024\n\n17.11 Alert fired<br>\n17.12 Up again<br>\n\n### 26 February\n\n08.48 RK Errors on search.\n\n08.51 RK Load is normal.\n";
        let out = dotted_clocks(src);
        assert!(out.contains("17:11 Alert fired<br>\n17:12 Up again"), "{out}");
        assert!(out.contains("08:48 RK Errors") && out.contains("08:51 RK Load"), "{out}");
        // With a colon after the minutes, under day lines that are not headings.
        let src = "## Timeline\n\n25 August 2022\n\n11.07: Started the upgrade\n\n13.04: Upgrade stuck\n";
        let out = dotted_clocks(src);
        assert!(out.contains("11:07: Started") && out.contains("13:04: Upgrade"), "{out}");
    }

    #[test]
    fn dotted_times_under_day_lines_without_headings_are_times() {
        let src = "Intro.\n\n21 July 2015\n\n09.45 Work was done.\n\n20 July 2015\n\n09.50 Links are slow.\n\n17 July 2015\n\nFlooding cut the link.\n\n18.45 Restored.\n";
        let out = dotted_clocks(src);
        assert!(out.contains("09:45 Work") && out.contains("09:50 Links") && out.contains("18:45 Restored"), "{out}");
        // One such line only, or version numbers far below a day: unchanged.
        for src in [
            "Intro.\n\n21 July 2015\n\n09.45 Work was done.\n",
            "21 July 2015\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n2.10 Release notes\n\n2.11 More notes\n",
        ] {
            assert_eq!(dotted_clocks(src), src);
        }
    }

    #[test]
    fn numbers_and_sections_stay() {
        // One line only; a numbered section; no timeline heading above.
        for src in [
            "## Timeline\n\n17.11 Alert fired\n",
            "## Timeline\n\n1.1 Scope\n\n12.30 Something\n\n12.45 Other\n",
            "## Changes\n\n2.10 Release notes\n\n2.11 More notes\n",
        ] {
            assert_eq!(dotted_clocks(src), src);
        }
    }
}
