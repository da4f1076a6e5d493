//! The times a sentence tells ("at **11:32** we deployed", "At 1915 UTC", "between 14:02 and
//! 14:40", "um 11.08 Uhr", "gegen 15:20 Uhr", "à 15h55"), each with where it starts and ends,
//! so that a sentence that tells several moments ("started at 14:02, was mitigated at 14:40 and
//! fully recovered by 15:10") gives one entry per moment.

use std::sync::LazyLock;

use regex::Regex;

use super::stamp::{ClockText, Stamp, leading_stamp};
use super::told_words::{HOUR_WORDS, MONTHS, TIME_WORDS};
use super::zone::ZONE_PATTERN;

/// "at **11:32**", "around 14:02", "At 1915 UTC", "at 10 a.m.", "at midnight", "at Nov 07
/// 20:14:38 UTC", "At **2026-04-01 16:05:18 UTC**", "at approximately 02/28/2019 11:30 PST" (a day written before the time, in the
/// emphasis or not), "shortly after 15:00", "a little after 4 p.m.": where a sentence gives a time (four digits only with
/// a zone, or they may be a year, "from 0915 to 1040 UTC"); and where it gives a span, its start ("from 11:22 UTC – 13:40
/// UTC", "between 14:02 and 14:40", "between the hour of 09:30 and 10:20").
static SENTENCE_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
    Regex::new(&format!(
        r"(?i)\b(?:at|around|about|approximately|by|from|between|for\s+the\s+period(?:\s+of)?|during(?:\s+the\s+period(?:\s+of)?)?|as of|since|until|through|starting|beginning|(?:shortly|just|right|soon|a\s+little|a\s+bit|sometime|some\s+time)\s+(?:after|before))\s+[*_]*(?:the\s+hours?\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}-[a-z]{{3,9}}-\d{{4}}\s+|\d{{1,2}}/\d{{1,2}}\s+|\d{{4}}-\d{{2}}-\d{{2}}\s+(?:at\s+)?|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}),?\s+|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}},?\s+)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?:\d{{4}},?\s+)?)?~?\s*(?:(?:approximately|approx\.|roughly|around|about|circa)\s+)?([*_]*(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}\s?[ap]\.?m\b\.?|midnight\b|noon\b|\d{{4}}\s*(?:-|–|to)\s*\d{{4}}\s?(?-i:{ZONE_PATTERN})|\d{{4}}\s?(?-i:{ZONE_PATTERN})))"
    ))
    .ok()
});

/// A time after one of [`TIME_WORDS`]: `um 11.08 Uhr`, `gegen 11 Uhr`, `um 15:00 Uhr`, `à 15h55`,
/// `vers 15h`, `a las 15:55`, `gegen Mitternacht`; a dot or the hour alone only with `Uhr` or
/// `h` after it (`um 11.08` alone may be a day).
static FOREIGN_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let words = TIME_WORDS.iter().map(|(w, _)| regex::escape(w)).collect::<Vec<_>>().join("|");
    let hours = HOUR_WORDS.iter().map(|(w, _)| regex::escape(w)).collect::<Vec<_>>().join("|");
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])(?P<word>{words})\s+(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+)?(?:(?P<dd>\d{{1,2}})\.\s*(?P<mon>\p{{L}}{{3,9}})\s+)?(?:(?:ca\.|circa|etwa|environ|aproximadamente|cerca\s+das|approximately)\s+)?(?P<pre>(?:godz\.|godziny|godzinie|godziną|godzinę|ore)\s*)?(?:(?P<h>\d{{1,2}})(?:(?P<sep>:\s?|[.,]|\s?h\s?|\s+e\s+)(?P<m>\d{{2}}))?(?P<uhr>\s*Uhr\b|\s*uur\b|\s?h\b|\s?hrs\b|\s?horas\b|\s?heures?\b)?(?P<lt>\s+LT\b)?|(?P<named>{hours})\b)"
    ))
    .ok()
});

/// "downtime was 20min 3:00- 3:30 UTC": a span of the clock with its zone after it needs no word
/// before it.
static ZONED_SPAN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[\s(])(\d{{1,2}}:\d{{2}})\s*[-–]\s*\d{{1,2}}:\d{{2}}\s*(?:{ZONE_PATTERN})\b")).ok()
});

/// `4時58分`, `8時51分頃`, `14時`: a Japanese or Chinese clock, which needs no word before it
/// (a Korean one too: `23시 45분에`, `10.19일 05시경`). With its half of the day before it
/// (`午後2時頃`: 14:00) and its month and day (`8月9日1時30分頃`).
static CJK_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:(?:(?P<y>(?:19|20)\d{2})\s*[年년]\s*)?(?:(?P<mo>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})|(?P<mo2>\d{1,2})\.(?P<d2>\d{1,2}))\s*[日일](?:[(（][^()（）\s]{1,3}[)）])?\s*)?(?:(?P<half>午前|午後|上午|下午|晚上|오전|오후)\s*)?(?P<h>\d{1,2})\s*[時시]\s*(?:(?P<m>\d{1,2})\s*[分분])?").ok()
});

/// `Thu Mar 6 18:20:11 PST 2025 — ...`: a notice opened with its stamp as `date` prints it.
static DATE_COMMAND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:mon|tue|wed|thu|fri|sat|sun)\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+([A-Z]{2,5})\s+((?:19|20)\d{2})\b").ok()
});

/// A time a sentence tells.
pub(super) struct Told {
    /// Where its words start ("at", "um") and where the time ends.
    pub start: usize,
    pub end: usize,
    /// The time read, its rest the sentence after it.
    pub stamp: Stamp,
    /// It starts a span ("from", "between", "zwischen").
    pub span: bool,
    /// Written with its clock word (`Uhr`, `15h55`): a moment told for the record, as a zone
    /// after a time is.
    pub worded: bool,
    /// "until 08:00": the end of what a clause before it tells, a moment only after one
    /// ("... starting around 21:15 and lasting until 00:45"); first in its sentence, prose.
    pub until: bool,
}

/// The times a sentence tells, in the order written.
pub(super) fn told_times(sentence: &str) -> Vec<Told> {
    let mut out: Vec<Told> = Vec::new();
    if let Some(re) = SENTENCE_TIME.as_ref() {
        for c in re.captures_iter(sentence) {
            let (Some(whole), Some(m)) = (c.get(0), c.get(1)) else { continue };
            // "(at 12:20pm) there was ...": the bracket the time closes opened before its word.
            let bracketed = sentence[..whole.start()].ends_with('(');
            let Some(stamp) = leading_stamp(&sentence[m.start()..])
                .or_else(|| bracketed.then(|| leading_stamp(&format!("({}", &sentence[m.start()..]))).flatten())
            else {
                continue;
            };
            let word = whole.as_str().to_lowercase();
            let span = ["from", "between", "for the period", "during"].iter().any(|w| word.starts_with(w));
            let until = word.starts_with("until");
            // The time ends where its stamp does, its seconds and zone with it (`at 09:12 UTC,
            // was ...`, `around 2021-03-09 21:15:00 UTC and ...`).
            let from = &sentence[m.start()..];
            let end = from.find(stamp.text.as_str()).map_or(m.end(), |i| m.start() + i + stamp.text.len());
            let mut stamp = stamp;
            if span && stamp.end.is_none() {
                let day = super::times::find_date(&sentence[whole.start()..m.start()]);
                stamp.end = super::told_parts::span_end(&sentence[end..], day);
            }
            out.push(Told { start: whole.start(), end, stamp, span, worded: false, until });
        }
    }
    // "between 2 and 5am": bare hours whose am or pm is written once, after the end.
    for (range, stamp) in super::told_parts::bare_hours(sentence) {
        if !out.iter().any(|t| t.start <= range.start && range.start < t.end) {
            out.push(Told { start: range.start, end: range.end, stamp, span: true, worded: false, until: false });
        }
    }
    if let Some(re) = FOREIGN_TIME.as_ref() {
        for c in re.captures_iter(sentence) {
            let (Some(word), Some(whole)) = (c.name("word"), c.get(0)) else { continue };
            if out.iter().any(|t| t.start <= word.start() && word.start() < t.end) {
                continue;
            }
            let clock = match (c.name("h"), c.name("named")) {
                (Some(h), _) => {
                    // (`à 11: 33`: a space typed after the colon.)
                    // (`13H22`: a capital H between them is the same.)
                    let sep = c.name("sep").map(|s| if s.as_str().trim() == "H" { "h" } else { s.as_str().trim() });
                    // `alle 16,30`: a comma between hours and minutes only in Italian.
                    let italian =
                        ["alle", "dalle", "fino alle", "verso le"].contains(&word.as_str().to_lowercase().as_str());
                    // (`alle 14 e 30`: "and", hours and minutes spoken.)
                    if matches!(sep, Some("," | "e")) && !italian {
                        continue;
                    }
                    let worded =
                        c.name("uhr").is_some() || c.name("pre").is_some() || matches!(sep, Some("h" | "," | "e"));
                    // "starting at approximately 16.40.": an English clock with a dot, at a
                    // clause's end (`at 1.25 GB` is a size).
                    let english = matches!(word.as_str().to_lowercase().as_str(), "at" | "around" | "about" | "by");
                    // `alle 4.45`, `verso le 8.00`: Italian writes a dot between them too.
                    let dotted = (english || italian)
                        && sep == Some(".")
                        && (italian
                            || super::told_parts::dotted_clock(h.as_str(), c.name("m"), &sentence[whole.end()..]));
                    // `von 21.30 bis 23 Uhr`: a span's start with its dot, the clock word after its end.
                    static SPAN_TO_UHR: LazyLock<Option<Regex>> =
                        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:bis|-|–)\s*\d{1,2}(?:[.:]\d{2})?\s*Uhr\b").ok());
                    let dotted = dotted
                        || (sep == Some(".")
                            && SPAN_TO_UHR.as_ref().is_some_and(|re| re.is_match(&sentence[whole.end()..])));
                    // `um 11.08` alone, `um 11` alone: a day, a number.
                    if !(worded || dotted || sep == Some(":")) {
                        continue;
                    }
                    // In English only the French way of writing hours (`at 10h50`, `at 11h LT`)
                    // and `at 13:44hrs`: "peaked at 5h of backlog" is a while.
                    let hrs = c.name("uhr").is_some_and(|u| u.as_str().trim() == "hrs");
                    if english && !(sep == Some("h") || c.name("lt").is_some() || hrs || dotted) {
                        continue;
                    }
                    format!("{}:{}", h.as_str(), c.name("m").map_or("00", |m| m.as_str()))
                }
                (None, Some(named)) => {
                    let lower = named.as_str().to_lowercase();
                    let Some((_, at)) = HOUR_WORDS.iter().find(|(w, _)| *w == lower) else { continue };
                    (*at).to_string()
                }
                (None, None) => continue,
            };
            let rest = &sentence[whole.end()..];
            // "gegen 14.00 Uhr am Nachmittag": German "am" after `Uhr` is "in the", not a.m.
            let german_am = c.name("uhr").is_some_and(|u| u.as_str().trim().eq_ignore_ascii_case("uhr"))
                && rest
                    .trim_start()
                    .get(..3)
                    .is_some_and(|w| w.eq_ignore_ascii_case("am ") || w.eq_ignore_ascii_case("im "));
            let rest = if german_am { "" } else { rest };
            // "von Freitag, 30. April 19:09 UTC": the day written before the time (its weekday
            // left), read as `Apr 30 19:09 UTC`.
            let day = c.name("dd").zip(c.name("mon").and_then(|m| super::dates::month_word(m.as_str())));
            if c.name("dd").is_some() && day.is_none() {
                continue;
            }
            let day = day.map_or(String::new(), |(d, m)| format!("{} {} ", MONTHS[m as usize - 1], d.as_str()));
            let Some(stamp) = leading_stamp(&format!("{day}{clock} {}", rest.trim_start())) else { continue };
            let lower = word.as_str().to_lowercase();
            let english = TIME_WORDS.iter().find(|(w, _)| *w == lower).map(|(_, e)| *e);
            let span = matches!(english, Some("from" | "between"));
            let worded = c.name("uhr").is_some()
                || c.name("named").is_some()
                || c.name("pre").is_some()
                || c.name("sep").is_some_and(|s| matches!(s.as_str().trim(), "h" | "." | ","));
            // "um 20:30 bis 20:51 Uhr", "um 20:47:47 Uhr bis 20:51:28 Uhr": the end of the time
            // right before it, kept with it.
            // (Any word for "until" the same: Polish "od 09:45 do 12:45", Russian "с 12:45 до
            // 15:40", Spanish "desde las 10:00 hasta las 12:00".)
            if (lower == "bis" || english == Some("until"))
                && let Some(ClockText::At(end)) = stamp.time
                && let Some(prev) = out.last_mut()
                && prev.stamp.end.is_none()
                && sentence.get(prev.end..word.start()).is_some_and(|gap| {
                    let gap = gap.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit()).trim();
                    gap.is_empty() || gap.eq_ignore_ascii_case("uhr")
                })
            {
                prev.stamp.end = Some(end);
                continue;
            }
            // "von ... bis ...": the span's end.
            let until = english == Some("until") || (lower == "bis" && out.last().is_some_and(|t| t.span));
            out.push(Told { start: word.start(), end: whole.end(), stamp, span, worded, until });
        }
    }
    if let Some(re) = ZONED_SPAN.as_ref() {
        for c in re.captures_iter(sentence) {
            let (Some(whole), Some(m)) = (c.get(0), c.get(1)) else { continue };
            if out.iter().any(|t| t.start <= m.start() && m.start() < t.end) {
                continue;
            }
            let Some(stamp) = leading_stamp(&sentence[m.start()..]) else { continue };
            out.push(Told { start: m.start(), end: whole.end(), stamp, span: true, worded: false, until: false });
        }
    }
    if let Some(c) = DATE_COMMAND.as_ref().and_then(|re| re.captures(sentence))
        && let Some(whole) = c.get(0)
        && let Some(stamp) =
            leading_stamp(&format!("{} {} {} {} {}{}", &c[1], &c[2], &c[5], &c[3], &c[4], &sentence[whole.end()..]))
    {
        out.push(Told { start: whole.start(), end: whole.end(), stamp, span: false, worded: true, until: false });
    }
    if let Some(re) = CJK_TIME.as_ref() {
        for c in re.captures_iter(sentence) {
            let (Some(whole), Some(h)) = (c.get(0), c.name("h")) else { continue };
            // `3時間`: three hours, a while.
            if c.name("m").is_none() && sentence[whole.end()..].starts_with(['間', '간']) {
                continue;
            }
            let Ok(mut hour) = h.as_str().parse::<u32>() else { continue };
            match c.name("half").map(|m| m.as_str()) {
                Some("午後" | "下午" | "晚上" | "오후") if hour < 12 => hour += 12,
                Some("午前" | "上午" | "오전") if hour == 12 => hour = 0,
                _ => {}
            }
            let day = c
                .name("mo")
                .or(c.name("mo2"))
                .zip(c.name("d").or(c.name("d2")))
                .and_then(|(mo, d)| {
                    let month = MONTHS.get(mo.as_str().parse::<usize>().ok()?.checked_sub(1)?)?;
                    let year = c.name("y").map_or(String::new(), |y| format!(" {}", y.as_str()));
                    Some(format!("{month} {}{year} ", d.as_str()))
                })
                .unwrap_or_default();
            let clock = format!("{day}{hour}:{}", c.name("m").map_or("00", |m| m.as_str()));
            let Some(stamp) = leading_stamp(&format!("{clock} {}", &sentence[whole.end()..])) else { continue };
            // (The day before the clock, `2019年3月3日午後2時頃`, is read with it but is not where the time is told.)
            out.push(Told {
                start: c.name("half").unwrap_or(h).start(),
                end: whole.end(),
                stamp,
                span: false,
                worded: true,
                until: false,
            });
        }
    }
    super::told_parts::bracketed(sentence, &mut out);
    super::told_parts::german_dated(sentence, &mut out);
    out.sort_by_key(|t| t.start);
    let ends = out.iter().take_while(|t| t.until).count();
    // "The site stayed down until around 5:00 PM CST.": a sentence told in the past whose only
    // time is where something ended tells that moment.
    if let [only] = out.as_mut_slice()
        && ends == 1
        && let Some(before) = sentence.get(..only.start)
        && before.split_whitespace().count() >= 3
        && super::sentences::told_in_the_past(before)
    {
        only.until = false;
        return out;
    }
    out.split_off(ends)
}

/// Words that join the clauses of a sentence ("..., was mitigated at 14:40 and fully recovered
/// by 15:10", "gegen 12.35 Uhr für 80 Minuten und um 17:42 Uhr abermals").
const JOINERS: &[&str] = &["and", "then", "but", "with", "und", "dann", "et", "puis", "y", "e", "luego", "poi"];

/// Where the clause of a later time starts, when the words between it and the time before
/// join a new clause: they end with a joiner or a comma ("... und um 17:42"), or open with one
/// after a time that did not open its sentence ("started at 14:02, was mitigated at 14:40").
/// `None` when the later time belongs to the clause before ("At 14:09, we noticed errors that
/// began at 13:50").
pub(super) fn clause_start(sentence: &str, before: &Told, later: &Told, before_opens: bool) -> Option<usize> {
    // "from 12:45 ..., until 15:40": the span's end, in its clause.
    if before.span && later.until {
        return None;
    }
    let between = sentence.get(before.end..later.start)?;
    let trimmed = between.trim_end();
    let lower = trimmed.to_lowercase();
    if let Some(comma) = trimmed.chars().next_back().filter(|c| [',', ';', '、'].contains(c)) {
        return Some(before.end + trimmed.len() - comma.len_utf8());
    }
    if let Some(j) = JOINERS.iter().find(|j| lower.ends_with(&format!(" {j}")) || lower == **j) {
        return Some(before.end + trimmed.len() - j.len());
    }
    // "Shortly before 13:00, the service was half back, it was fully back shortly after
    // 15:00.": after the words of an opening time's own clause, the last comma starts the next.
    if before_opens
        && let Some(last) = trimmed.rfind([',', ';'])
        && trimmed[..last].trim_start_matches([',', ';', ' ']).split_whitespace().count() >= 2
    {
        return Some(before.end + last);
    }
    let opened = lower.trim_start();
    let joined = opened.starts_with([',', ';', '、'])
        || JOINERS.iter().any(|j| opened.strip_prefix(j).is_some_and(|r| r.starts_with(' ')));
    (joined && !before_opens).then_some(before.end)
}

/// How many words a later time's clause (from `at` to `until`) has besides the time and the
/// joiners: a clause that tells something ("was mitigated at 14:40", "and lasting until 00:45")
/// has one or more after a joining word, two or more after a comma; ", at 3:01pm" after a
/// day, or "notably at 3:54am, and", is part of the clause before.
pub(super) fn clause_words(sentence: &str, at: usize, told: &Told, until: usize) -> usize {
    let count = |t: &str| {
        t.split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                !w.is_empty() && !JOINERS.contains(&w.as_str())
            })
            .count()
    };
    let (Some(before), Some(after)) = (sentence.get(at..told.start), sentence.get(told.end..until.max(told.end)))
    else {
        return 0;
    };
    // Japanese and Chinese put no spaces between words: a few characters are a clause's words.
    let cjk = |t: &str| if t.chars().filter(|c| ('\u{3040}'..='\u{9fff}').contains(c)).count() >= 2 { 2 } else { 0 };
    let after = after.trim_start().strip_prefix("Uhr").unwrap_or(after);
    let words = count(before).max(cjk(before)) + count(after).max(cjk(after));
    let joined =
        JOINERS.iter().any(|j| before.trim_start().to_lowercase().strip_prefix(j).is_some_and(|r| r.starts_with(' ')));
    if joined { words + 1 } else { words }
}

/// A clause's words without the joiners and commas around them.
pub(super) fn clause_text(text: &str) -> &str {
    let mut t = text.trim().trim_start_matches([',', ';', '、', ' ']);
    for j in JOINERS {
        if let Some(rest) = t.strip_prefix(j).filter(|r| r.starts_with(' ')) {
            t = rest.trim_start();
            break;
        }
    }
    t.trim_end_matches([',', ';', '、', ' '])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn times_told_in_german_and_french() {
        let t = told_times("Aufgrund des Fehlers wiederholte sich der Vorfall gegen 12.35 Uhr für 80 Minuten.");
        assert_eq!(t.len(), 1);
        assert!(t[0].worded);
        assert_eq!(t[0].stamp.rest, "für 80 Minuten.");
        assert_eq!(told_times("Um 11 Uhr fiel der Strom aus.").len(), 1);
        // "am" after `Uhr` is German for "in the", not a.m.
        let t = told_times("Erst gegen 14.00 Uhr am Nachmittag lief der Server wieder.");
        assert_eq!(t.len(), 1);
        assert!(t[0].stamp.text.starts_with("14:00"), "{:?}", t[0].stamp.text);
        assert_eq!(told_times("Peu après, à 15h55, le train s'arrête.").len(), 1);
        // A dot or the hour alone without `Uhr`: a day or a number, no time.
        assert!(told_times("Das Update kam um 11.08 an.").is_empty());
        assert!(told_times("Es waren um 11 Server betroffen.").is_empty());
        // English with hours written the French way; a while is no time.
        assert_eq!(told_times("Our team got the first alarms at 11h LT.").len(), 1);
        assert_eq!(told_times("We lost two relays at 13:44hrs today.").len(), 1);
        assert!(told_times("The backlog peaked at 5h of work.").is_empty());
        assert!(told_times("復旧まで3時間かかりました。").is_empty());
    }

    #[test]
    fn the_clauses_of_a_sentence_with_several_times() {
        let s = "The API started failing at 14:02, was mitigated at 14:40 and fully recovered by 15:10.";
        let t = told_times(s);
        assert_eq!(t.len(), 3);
        let second = clause_start(s, &t[0], &t[1], false).unwrap();
        let third = clause_start(s, &t[1], &t[2], false).unwrap();
        assert_eq!(clause_text(&s[..second]), "The API started failing at 14:02");
        assert_eq!(clause_text(&s[second..third]), "was mitigated at 14:40");
        assert_eq!(clause_text(&s[third..]), "fully recovered by 15:10.");
        // A time inside the clause of the one before: no clause of its own.
        let s = "At 14:09, we noticed errors that began at 13:50.";
        let t = told_times(s);
        assert!(clause_start(s, &t[0], &t[1], true).is_none());
    }
}
