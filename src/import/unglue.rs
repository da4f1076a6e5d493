//! A copied page that lost its line breaks runs its timeline together on one line:
//! `16:47 - First alert fires16:54 - Replica lag begins16:55 - ...`. When a line starts with
//! a time and a dash and two more such times follow a letter or a stop with no space, each
//! starts a paragraph of its own again, so the entries are read one by one. So do entries
//! written one after another in a paragraph or a list item, each opening with a time, its am/pm
//! or zone and a colon (`12:00pm EAT: Issue detected. 12:06pm EAT: ...`, `- 10:50 AM: ... - 11:00
//! AM: ...`): after a line that opens with one, any that follows a sentence; elsewhere, three
//! or more. Only line breaks are added: every word stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

const ENTRY: &str = r"\d{1,2}:\d{2}(?::\d{2})?\s?[-–—]\s";

static START: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"^\s*{ENTRY}")).ok());
static GLUED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"([\p{{L}}.)\]])({ENTRY})")).ok());

/// `12:06pm EAT: `, `11:00 AM: `, `14:00 (UTC): `: a time as an entry opens it, with a colon.
const COLON_ENTRY: &str = r"\d{1,2}:\d{2}\s?(?:(?i:[ap]\.?m\.?)(?:\s?\(?[A-Z]{2,5}\)?)?|\(?[A-Z]{2,5}\)?):\s";

static COLON_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*(?:[-*+]\s+)?(?:\*\*)?{COLON_ENTRY}")).ok());
static COLON_GLUED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"([\p{{L}}\d.)\]!?])\s+([-–]\s+)?({COLON_ENTRY})")).ok());

fn colon_glued(line: &str) -> bool {
    let (Some(start), Some(glued)) = (COLON_START.as_ref(), COLON_GLUED.as_ref()) else { return false };
    let n = glued.find_iter(line).count();
    (start.is_match(line) && n >= 1) || n >= 3
}

/// The line with each entry glued after another on a line of its own: an item of the same
/// list after a dash, else a paragraph.
fn split_colon(line: &str) -> String {
    let Some(re) = COLON_GLUED.as_ref() else { return line.to_string() };
    re.replace_all(line, |c: &regex::Captures| {
        if c.get(2).is_some() { format!("{}\n- {}", &c[1], &c[3]) } else { format!("{}\n\n{}", &c[1], &c[3]) }
    })
    .into_owned()
}

/// Two glued entries after the line's own, or one glued to a full stop (`...were failing.15:31
/// — We found ...`): a sentence ends there, so a time right after it starts the next entry.
fn glued(line: &str) -> bool {
    let (Some(start), Some(glued)) = (START.as_ref(), GLUED.as_ref()) else { return false };
    start.is_match(line)
        && glued.captures_iter(line).enumerate().any(|(i, c)| i >= 1 || c.get(1).is_some_and(|g| g.as_str() == "."))
}

/// `src` with each glued run of timed entries split into paragraphs.
pub fn unglue(src: &str) -> Cow<'_, str> {
    let ruled = [zone_apart, small_zone, spaced_colon, clock_apart].into_iter().fold(rule_apart(src), super::then);
    match unglue_entries(&ruled) {
        Cow::Borrowed(_) => ruled,
        Cow::Owned(out) => Cow::Owned(out),
    }
}

/// `14:18 CETPage · 8% of outbound queued`: a time's zone that a copied page glued to the
/// event's first word, a space put back (`14:18 CET Page · ...`), so that the zone is read
/// and the event keeps its word.
fn zone_apart(src: &str) -> Cow<'_, str> {
    static ZONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?m)^(\s*(?:[-*+]\s+)?\d{1,2}:\d{2}(?::\d{2})?\s?(?:UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|KST|AEST|AEDT))(\p{Lu}\p{Ll})")
            .ok()
    });
    match ZONE.as_ref() {
        Some(re) => re.replace_all(src, "$1 $2"),
        None => Cow::Borrowed(src),
    }
}

/// `at 09:42utc`: a zone in small letters glued to its time, written apart as the zone it is
/// (`09:42 UTC`).
fn small_zone(src: &str) -> Cow<'_, str> {
    static SMALL: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2}:\d{2}(?::\d{2})?)(utc|gmt|cet|cest|bst|est|edt|pst|pdt)\b").ok());
    match SMALL.as_ref() {
        Some(re) => re.replace_all(src, |c: &regex::Captures| format!("{} {}", &c[1], c[2].to_uppercase())),
        None => Cow::Borrowed(src),
    }
}

/// `2: 53 am PDT`: a space typed after the colon of a time with its am/pm, taken out.
fn spaced_colon(src: &str) -> Cow<'_, str> {
    static SPACED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2}): ([0-5]\d\s?(?:[AaPp]\.?[Mm]\b\.?))").ok());
    match SPACED.as_ref() {
        Some(re) => re.replace_all(src, "$1:$2"),
        None => Cow::Borrowed(src),
    }
}

/// `00:31:10Incident started`: a table copied from a web page, its time cell glued to its event
/// cell, a row a line. A space is put back between the time and a capitalised word that follows
/// it with none (`00:31:10 Incident started`), so the line reads as an entry; not a zone
/// (`14:18 CET...` is `zone_apart`'s) nor a German `Uhr`.
fn clock_apart(src: &str) -> Cow<'_, str> {
    static CLOCK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?m)(^|[\s|>*+(\[-])(\d{1,2}:\d{2}(?::\d{2})?)(\p{Lu}\p{Ll}+)").ok());
    let Some(re) = CLOCK.as_ref() else { return Cow::Borrowed(src) };
    re.replace_all(src, |c: &regex::Captures| {
        let sep = if &c[3] == "Uhr" { "" } else { " " };
        format!("{}{}{sep}{}", &c[1], &c[2], &c[3])
    })
}

/// `-----Uppdatering 2023-11-25, kl 09.41:`: a rule of dashes a copied page ran onto the next
/// line, set apart again (a blank line on each side), so that the line after it is read.
fn rule_apart(src: &str) -> Cow<'_, str> {
    static RULE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^(-{10,}|={10,}|_{10,})([^-=_\s].*)$").ok());
    let Some(re) = RULE.as_ref().filter(|re| src.lines().any(|l| re.is_match(l))) else {
        return Cow::Borrowed(src);
    };
    let mut out = String::with_capacity(src.len() + 16);
    for line in src.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match re.captures(bare) {
            Some(c) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&format!("{}\n\n{}{}", &c[1], &c[2], &line[bare.len()..]));
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

fn unglue_entries(src: &str) -> Cow<'_, str> {
    let Some(re) = GLUED.as_ref().filter(|_| src.lines().any(|l| glued(l) || colon_glued(l))) else {
        return Cow::Borrowed(src);
    };
    let mut out = String::with_capacity(src.len() + 64);
    for line in src.split_inclusive('\n') {
        if !glued(line) && colon_glued(line) {
            out.push_str(&split_colon(line));
        } else if glued(line) {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&re.replace_all(line, "$1\n\n$2"));
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_zone_glued_to_the_event_is_set_apart() {
        assert_eq!(
            super::zone_apart("14:18 CETPage · queued\n15:03 CETResolved: drained\n"),
            "14:18 CET Page · queued\n15:03 CET Resolved: drained\n"
        );
        assert_eq!(super::zone_apart("14:18 CETA is a word\n"), "14:18 CETA is a word\n");
        assert_eq!(super::small_zone("at 09:42utc, and 10:00utc."), "at 09:42 UTC, and 10:00 UTC.");
        assert_eq!(super::small_zone("at 09:42utcx"), "at 09:42utcx");
        assert_eq!(super::spaced_colon("Update 3 [2: 53 am PDT]"), "Update 3 [2:53 am PDT]");
        assert_eq!(super::spaced_colon("Step 1: 25 servers"), "Step 1: 25 servers");
    }

    use super::unglue;

    #[test]
    fn a_time_glued_to_its_event_is_set_apart() {
        assert_eq!(
            super::clock_apart("TimeEvent\n00:31:10Incident started\n| 00:45Alert fired |\n"),
            "TimeEvent\n00:31:10 Incident started\n| 00:45 Alert fired |\n"
        );
        for kept in ["um 10:00Uhr begann es\n", "v1.12:30Beta\n", "10:00 Alert\n", "10:00AM alert\n"] {
            assert_eq!(super::clock_apart(kept), kept);
        }
    }

    #[test]
    fn glued_runs_are_split_and_other_text_is_left_alone() {
        let src = "Intro line.\n09:01 - Alert fires09:05 - Paged.09:07 - Rolled backWhat next?\nYes\n";
        assert_eq!(
            unglue(src),
            "Intro line.\n\n09:01 - Alert fires\n\n09:05 - Paged.\n\n09:07 - Rolled backWhat next?\n\nYes\n"
        );
        // Entries with a colon after their time, in a paragraph and in a list item.
        let colon = "12:00pm EAT: Detected. 12:06pm EAT: Paged the team 12:09pm EAT: Fixed.\n- 10:50 AM: Looked. - 11:00 AM: Rerouted.\n";
        let split = "12:00pm EAT: Detected.\n\n12:06pm EAT: Paged the team\n\n12:09pm EAT: Fixed.\n- 10:50 AM: Looked.\n- 11:00 AM: Rerouted.\n";
        for (src, want) in [
            (colon, split),
            ("09:01 - Alert fires at 09:05 - twice\n", ""),
            (
                "15:20 — Paged the team, queries were failing.15:31 — Found the lock.\n",
                "15:20 — Paged the team, queries were failing.\n\n15:31 — Found the lock.\n\n",
            ),
            ("15:20 — Paged the team, then version v2.15:31 was out\n", ""),
            ("We were paged at 10:00 AM: the disk was full.\n", ""),
            // A heading's underline of dashes is no rule run onto a line (reStructuredText and
            // setext headings).
            ("2019-04-06 07:41\n----------------\n\nStill down.\n", ""),
            ("Status\n=============\n", ""),
        ] {
            assert_eq!(unglue(src), if want.is_empty() { src } else { want });
        }
    }
}
