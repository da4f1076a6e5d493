//! A copied page that put each time on a line of its own and what happened on the next
//! (`15:33` over `- @nnelson noticed a plunging git apdex. -`, as an issue page's timeline
//! copies). Three such pairs or more are joined back into list entries (`* 15:33 — @nnelson
//! noticed ...`, a list of its own after any list above), so the entries are read one by one; the lone dashes between them, which hold
//! no word, go. Every word stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static TIME_ALONE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^[-–*]?\s*\d{1,2}:\d{2}(?::\d{2})?$").ok());

fn time_alone(line: &str) -> bool {
    TIME_ALONE.as_ref().is_some_and(|re| re.is_match(line.trim()))
}

fn dash(line: &str) -> bool {
    matches!(line.trim(), "-" | "–" | "—")
}

/// The event a time's next line tells: its text without the dashes around it.
fn event(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_prefix("- ").unwrap_or(t);
    let t = t.strip_suffix(" -").unwrap_or(t).trim();
    (!t.is_empty() && !time_alone(t) && !dash(t)).then_some(t)
}

/// `src` with its runs of time lines over event lines joined into list entries.
pub fn rejoin(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let pair = |i: usize| time_alone(lines[i]) && lines.get(i + 1).and_then(|l| event(l)).is_some();
    if (0..lines.len()).filter(|&i| pair(i)).count() < 3 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 64);
    let mut i = 0;
    let mut in_run = false;
    while i < lines.len() {
        let next_pairs = lines.get(i + 1).is_some_and(|_| pair(i + 1));
        if pair(i) {
            if !in_run && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let time = lines[i].trim().trim_start_matches(['-', '–', '*']).trim();
            out.push_str(&format!("* {time} — {}\n", event(lines[i + 1]).unwrap_or_default()));
            in_run = true;
            i += 2;
            continue;
        }
        // The lone dash between a date line and its first time, or between two entries.
        if dash(lines[i]) && (in_run || next_pairs) {
            i += 1;
            continue;
        }
        if in_run && !lines[i].trim().is_empty() {
            out.push('\n');
        }
        in_run = false;
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    if !src.ends_with('\n') {
        out.pop();
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::rejoin;

    #[test]
    fn times_over_their_events_are_joined_and_other_text_is_left_alone() {
        let src =
            "All times UTC.\n2021-07-13\n-\n15:33\n- alert fired. -\n15:34\n- paged. -\n16:00\n- fixed.\nAfter.\n";
        assert_eq!(
            rejoin(src),
            "All times UTC.\n2021-07-13\n\n* 15:33 — alert fired.\n* 15:34 — paged.\n* 16:00 — fixed.\n\nAfter.\n"
        );
        let two = "15:33\nalert\n15:34\npaged\n";
        assert_eq!(rejoin(two), two);
    }
}
