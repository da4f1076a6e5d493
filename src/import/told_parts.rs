//! Parts of a time told in a sentence, read apart from [`super::told::told_times`]: a span's
//! end, a clock written with a dot, and a time in brackets of its own.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::stamp::{ClockText, leading_stamp};
use super::told::Told;
use super::zone::ZONE_PATTERN;

/// `(2021-11-23, 03:14)`, `(11:05 PM)`, `(14:02 UTC)`: a time in brackets of its own, with its
/// day, its half of the day or its zone.
static PAREN_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\((\d{{4}}-\d{{2}}-\d{{2}},?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:{ZONE_PATTERN}))?|\d{{1,2}}:\d{{2}}\s*(?i:[ap]\.?m\.?)(?:\s*(?:{ZONE_PATTERN}))?|\d{{1,2}}:\d{{2}}\s*(?:{ZONE_PATTERN}))\)"
    ))
    .ok()
});

/// The times told in brackets of their own after what happened, added to `out`.
pub(super) fn bracketed(sentence: &str, out: &mut Vec<Told>) {
    // "at block 332,836 (2021-11-23, 03:14)", "restarted the proxy (11:05 PM)": a day and a time,
    // or a time with its half of the day or its zone, in brackets of their own (not the same
    // moment on another clock right after a time told: "at 16:02 CEST (14:02 UTC)").
    let Some(re) = PAREN_TIME.as_ref() else { return };
    for c in re.captures_iter(sentence) {
        let (Some(whole), Some(m)) = (c.get(0), c.get(1)) else { continue };
        if out.iter().any(|t| t.start <= whole.start() && whole.start() < t.end)
            || out.iter().any(|t| sentence.get(t.end..whole.start()).is_some_and(|gap| gap.trim().is_empty()))
        {
            continue;
        }
        let inner = m.as_str().replacen(", ", " ", 1);
        let Some(stamp) = leading_stamp(&format!("{inner} {}", &sentence[whole.end()..])) else { continue };
        if matches!(stamp.time, Some(ClockText::At(_))) {
            out.push(Told { start: whole.start(), end: whole.end(), stamp, span: false, worded: false, until: false });
        }
    }
}

/// `3.5.2019 14.20 Uhr`, `24.05.2019, 8:37 Uhr`: a German day and its clock with no word
/// between them (day, month, year), added to `out`.
pub(super) fn german_dated(sentence: &str, out: &mut Vec<Told>) {
    static DATED: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2}),?\s+(\d{1,2})[.:](\d{2})\s*Uhr\b").ok());
    let Some(re) = DATED.as_ref() else { return };
    for c in re.captures_iter(sentence) {
        let Some(whole) = c.get(0) else { continue };
        if out.iter().any(|t| t.start < whole.end() && whole.start() < t.end) {
            continue;
        }
        let text = format!("{}-{:0>2}-{:0>2} {}:{} {}", &c[3], &c[2], &c[1], &c[4], &c[5], &sentence[whole.end()..]);
        let Some(stamp) = leading_stamp(&text) else { continue };
        if matches!(stamp.time, Some(ClockText::At(_))) && stamp.date.is_some() {
            out.push(Told { start: whole.start(), end: whole.end(), stamp, span: false, worded: true, until: false });
        }
    }
}

/// "between 01:05UTC **and 02:09UTC**", "from 14:10 **to 14:35**", "from ~9:00 UTC to ~14:00 UTC": the clock a span told in a
/// sentence ends at, written right after its start ("from 2024-03-04 16:25 until 2024-03-04
/// 20:02": with the start's own day again).
pub(super) fn span_end(after: &str, day: Option<chrono::NaiveDate>) -> Option<chrono::NaiveTime> {
    static END: LazyLock<Option<Regex>> = LazyLock::new(|| {
        // ("from 11 AM PST (7 PM GMT) to 4:30 PM PST": the same moment on another clock
        // before the end; "from 9:30AM through to 2:15PM".)
        Regex::new(r"(?i)^[*_]*\s*(?:\([^)]{1,24}\)\s*)?(?:and|to|until|till|through(?: to)?|thru|up (?:to|until)|[-–—])\s*[*_]*~?\s*(\d)").ok()
    });
    let m = END.as_ref()?.captures(after)?.get(1)?;
    // "and 2023-11-14 at 00:01": the day, "at", the time.
    let end = &after[m.start()..];
    let end = match end.get(..14) {
        Some(head) if head.ends_with(" at ") && head[..10].bytes().filter(|b| *b == b'-').count() == 2 => {
            Cow::Owned(format!("{} {}", &end[..10], &end[14..]))
        }
        _ => Cow::Borrowed(end),
    };
    let stamp = leading_stamp(&end)?;
    match (stamp.date, stamp.time) {
        (None, Some(ClockText::At(t))) => Some(t),
        // (The next day: a span over midnight, "between 2023-11-13 at 23:05 and 2023-11-14 at 00:01".)
        (Some(super::stamp::DateText::Full(d)), Some(ClockText::At(t)))
            if Some(d) == day || day.and_then(|x| x.succ_opt()) == Some(d) =>
        {
            Some(t)
        }
        _ => None,
    }
}

/// `16.40` before the end of a clause, or `1.10 PM` anywhere: a clock (hours below 24, minutes
/// below 60).
pub(super) fn dotted_clock(h: &str, m: Option<regex::Match>, after: &str) -> bool {
    let (Ok(h), Some(Ok(m))) = (h.parse::<u32>(), m.map(|m| m.as_str().parse::<u32>())) else { return false };
    let rest = after.trim_start_matches(['.', ',', ';', ')']);
    let closes = rest.len() < after.len() && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    // "at 1.10 PM, and ...": am or pm after it makes it a clock wherever it stands.
    let lower = after.trim_start().to_lowercase();
    let meridiem = ["am", "pm", "a.m.", "p.m."]
        .iter()
        .any(|w| lower.strip_prefix(w).is_some_and(|r| !r.starts_with(char::is_alphanumeric)));
    h < 24 && m < 60 && (after.trim().is_empty() || closes || (meridiem && (1..=12).contains(&h)))
}

/// "We recovered the table from a snapshot taken at 2024-11-30 11:13:18 UTC.": a time a thing
/// bears (when a snapshot or backup was made), not a moment of the incident; nor its day.
pub(super) fn of_a_thing(sentence: &str, told: &Told) -> bool {
    static THING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:snapshot|backup|back-up|dump|copy|image|export|checkpoint)s?\s+(?:taken|made|created|captured|dated|recorded|from)(?:\s+on\s+[^.;]{3,30}?,?)?\s*$").ok()
    });
    THING.as_ref().is_some_and(|re| re.is_match(&sentence[..told.start]))
}

/// "between 2 and 5am", "from 9 to 11pm": bare hours whose am or pm is written once, after the
/// end: where each is told, and its stamp (the start, the end kept with it).
pub(super) fn bare_hours(sentence: &str) -> Vec<(std::ops::Range<usize>, super::stamp::Stamp)> {
    static BARE_HOURS: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:between|from)\s+(\d{1,2})\s*(?:and|to|-|–)\s*(\d{1,2})\s?([ap])\.?m\b\.?").ok()
    });
    let Some(re) = BARE_HOURS.as_ref() else { return Vec::new() };
    re.captures_iter(sentence)
        .filter_map(|c| {
            let (whole, h1, h2, ap) = (c.get(0)?, &c[1], &c[2], &c[3]);
            let clock = |h: &str| match leading_stamp(&format!("{h}:00{ap}m"))?.time {
                Some(ClockText::At(t)) => Some(t),
                _ => None,
            };
            let rest = sentence[whole.end()..].trim_start();
            let mut stamp = leading_stamp(&format!("{h1}:00{ap}m {rest}")).filter(|_| clock(h1) < clock(h2))?;
            stamp.end = clock(h2);
            Some((whole.range(), stamp))
        })
        .collect()
}

/// A time listed right after a told one, with nothing between them but a comma or "and": "hung
/// at 13:38 and 13:43", "restarted at 16:50, 17:02 and 21:02".
static LISTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+(?:again\s+)?)(?:at\s+)?~?(\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:[ap]\.?m\b\.?))?)").ok()
});

impl super::build::Builder<'_> {
    /// Once a told time made an entry (`had` entries before it), each time listed after it is
    /// an entry of its own with the same event, on the same day.
    pub(super) fn listed_times(&mut self, sentence: &str, told: &[Told], had: usize) {
        let Some(event) = self.doc.timeline.get(had..).and_then(<[_]>::last).map(|e| e.event.clone()) else {
            return;
        };
        for t in told.iter().filter(|t| !t.span && !t.until) {
            let mut at = t.end;
            while let Some(c) = LISTED.as_ref().and_then(|re| re.captures(sentence.get(at..)?)) {
                let (Some(whole), Some(time)) = (c.get(0), c.get(1)) else { break };
                let start = at + time.start();
                if told.iter().any(|o| o.start <= start && start < o.end) {
                    break;
                }
                let Some(stamp) = leading_stamp(time.as_str()) else { break };
                self.push_stamp(&stamp, event.clone());
                at += whole.end();
            }
        }
    }
}
