//! A chat pasted as it is copied from Slack: each message's author and time on a line
//! (`@dana  [5:21 PM]`, `Sam Ortiz [19:56]`), its words on the lines below. Two such lines or
//! more are joined into list entries at their times, the author first (`* 5:21 PM — @dana:
//! the site is down.`), the message's other lines under it. Every word stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// `@dana  [5:21 PM]`: the author (a handle, or a name of capitalised words) and the time.
fn speaker(line: &str) -> Option<(&str, &str)> {
    static SPEAKER: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(@[\p{L}\p{N}._'-]+|\p{Lu}[\p{L}._'-]*(?: \p{Lu}[\p{L}._'-]*){0,2})\s+\[(\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?)\]$")
            .ok()
    });
    let c = SPEAKER.as_ref()?.captures(line.trim())?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
}

/// `src` with its pasted chat's messages as list entries (see the module's words).
pub(super) fn chat_messages(src: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = src.lines().collect();
    let code = super::code_lines(&lines);
    let said = |i: usize| lines.get(i).is_some_and(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let opens = |i: usize| !code[i] && speaker(lines[i]).is_some() && said(i + 1) && speaker(lines[i + 1]).is_none();
    if (0..lines.len()).filter(|&i| opens(i)).count() < 2 {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 16);
    let mut i = 0;
    while i < lines.len() {
        if !opens(i) {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
            continue;
        }
        if !out.is_empty() && !out.ends_with("\n\n") && !super::listed(&out) {
            out.push('\n');
        }
        let (who, when) = speaker(lines[i]).unwrap_or_default();
        out.push_str(&format!("* {when} — {who}: {}\n", lines[i + 1].trim()));
        i += 2;
        while said(i) && !opens(i) && speaker(lines[i]).is_none() {
            out.push_str(&format!("  {}\n", lines[i].trim()));
            i += 1;
        }
        if i < lines.len() && !opens(i) && !lines[i].trim().is_empty() {
            out.push('\n');
        }
    }
    super::ending_as(src, out)
}

#[cfg(test)]
mod tests {
    use super::chat_messages;

    #[test]
    fn pasted_messages_under_their_authors_become_entries() {
        let src =
            "### log (UTC)\n@dana  [9:02 AM] \nthe site is down.\nlooking now\nSam Ortiz [9:40 AM]\nback up\nDone.\n";
        assert_eq!(
            chat_messages(src),
            "### log (UTC)\n\n* 9:02 AM — @dana: the site is down.\n  looking now\n* 9:40 AM — Sam Ortiz: back up\n  Done.\n"
        );
    }

    #[test]
    fn one_message_or_a_bracketed_time_in_a_sentence_stays() {
        let one = "@dana [9:02 AM]\nthe site is down.\n";
        assert_eq!(chat_messages(one), one);
        let prose = "We met at the office [9:02 AM]\nand talked.\nThen at home [9:40 AM]\nagain.\n";
        assert_eq!(chat_messages(prose), prose);
    }
}
