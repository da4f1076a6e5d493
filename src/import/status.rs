//! Status pages' updates, as they are copied into postmortems: the update's text, then the line
//! of its day and time (`Resolved -` / `Update: Normal operations restored.` / `Mar 13, 10:16
//! MDT`), several of them run together in one paragraph; or a status word, then the day and
//! time, the text on the line below (`- investigating May 11, 2021, 02:35 AM UTC`); or, as cState
//! pages keep them, the update's paragraph closed by `{{< track "2024-05-14 05:30:00" >}}`.

use std::sync::LazyLock;

use regex::Regex;

use super::build::Builder;
use super::stamp::{ClockText, Stamp, leading_stamp};

/// The words status pages name their updates with.
pub(super) const STATUS_WORDS: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "update",
    "updated",
    "resolved",
    "postmortem",
    "post-mortem",
    "scheduled",
    "in progress",
    "verifying",
    "completed",
    "mitigated",
    "closed",
];

/// `investigating May 11, 2021, 02:35 AM UTC`: a status page's word for an update, then its
/// day and time and nothing else. The stamp, its event the status word.
pub(super) fn status_word_stamp(line: &str) -> Option<Stamp> {
    let text = line.trim().trim_matches(['*', '_']).trim();
    let lower = text.to_lowercase();
    let word = STATUS_WORDS.iter().find(|w| {
        lower.starts_with(*w) && lower[w.len()..].starts_with(|c: char| c.is_whitespace() || c == '*' || c == '_')
    })?;
    let (said, when) = text.split_at(word.len());
    let mut stamp = leading_stamp(when.trim().trim_matches(['*', '_']).trim())?;
    let timed = stamp.date.is_some() && matches!(stamp.time, Some(ClockText::At(_)));
    (timed && stamp.rest.is_empty()).then(|| {
        stamp.rest = said.to_string();
        stamp
    })
}

impl Builder<'_> {
    /// A paragraph of status-page updates: each update's lines, then a line that is only its
    /// day and time (`Mar 13, 10:16 MDT`, `Posted Jan 5, 2024 - 14:02 UTC`). The stamps and
    /// the text above each, in the order written; none when a line above a stamp has a time
    /// of its own or the paragraph does not end with a stamp.
    pub(super) fn times_below(&self, source: &str) -> Option<Vec<(Stamp, String)>> {
        let mut updates = Vec::new();
        let mut above: Vec<&str> = Vec::new();
        for line in source.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(stamp) = update_time(line) {
                if above.is_empty() {
                    return None;
                }
                updates.push((stamp, above.join("\n")));
                above.clear();
            } else if self.entry_stamp(line).is_some() {
                return None;
            } else {
                above.push(line);
            }
        }
        (above.is_empty() && !updates.is_empty()).then_some(updates)
    }
}

/// Hugo's `{{< track "2024-05-14 05:30:00" >}}` shortcode (or `{{% ... %}}`), its stamp captured.
const SHORTCODE: &str = r#"\{\{[<%]\s*track\s+"([^"]+)"\s*[>%]\}\}"#;

/// A status page's update stamped with Hugo's shortcode at its end, as cState pages write them:
/// `The pruning is still ongoing. {{< track "2024-05-14 05:30:00" >}}`.
static TRACKED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"{SHORTCODE}\s*$")).ok());

/// The same shortcode opening the update (`{{< track "2023-09-09 02:34:00" >}} - All back up.`,
/// or alone on the line over the text).
static TRACKED_FIRST: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^{SHORTCODE}\s*[-–—:]?\s*")).ok());

/// A paragraph (or a list item) that ends with a `{{< track "2024-05-14 05:30:00" >}}`
/// shortcode, or opens with one: the stamp it names (a day and a time) and the text without it.
pub(super) fn tracked(paragraph: &str) -> Option<(Stamp, String)> {
    let text = paragraph.trim();
    let (c, said) = match TRACKED.as_ref()?.captures(text) {
        Some(c) => {
            let said = text[..c.get(0)?.start()].trim();
            (c, said)
        }
        None => {
            let c = TRACKED_FIRST.as_ref()?.captures(text)?;
            let said = text[c.get(0)?.end()..].trim();
            (c, said)
        }
    };
    let stamp = leading_stamp(c.get(1)?.as_str().trim())
        .filter(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.trim().is_empty())?;
    (!said.is_empty()).then(|| (stamp, said.to_string()))
}

/// A paragraph of several updates, each line stamped with its own `track` shortcode: at the
/// line's end (`**Monitoring:** The host has a hot fix. {{< track "2020-05-30 18:52:00" >}}\`,
/// lines joined by Markdown's backslash breaks) or at its start (`{{< track "..." >}}Progress is
/// being made.`). The text before the first shortcode of the second kind is handed back apart:
/// the issue as first posted. `None` when the paragraph has fewer than two (or one that opens a
/// line below such text).
pub(super) fn tracked_lines(paragraph: &str) -> Option<(String, Vec<(Stamp, String)>)> {
    static ANY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(SHORTCODE).ok());
    let text = paragraph.trim();
    let found: Vec<regex::Captures> = ANY.as_ref()?.captures_iter(text).collect();
    // (One, opening a line below the issue as first posted, is the first update.)
    let opens_line = |m: regex::Match| text[..m.start()].ends_with('\n') && !text[..m.start()].trim().is_empty();
    if found.len() < 2 && !found.first().and_then(|c| c.get(0)).is_some_and(opens_line) {
        return None;
    }
    let clean = |t: &str| t.trim().trim_matches('\\').trim().to_string();
    let at_end = clean(&text[found.last()?.get(0)?.end()..]).is_empty();
    let mut out = Vec::new();
    let mut lead = String::new();
    for (n, c) in found.iter().enumerate() {
        let whole = c.get(0)?;
        let said = if at_end {
            let from = if n == 0 { 0 } else { found[n - 1].get(0)?.end() };
            let mut said = clean(&text[from..whole.start()]);
            // (The lines above the first stamped one are the issue as first posted.)
            if n == 0
                && let Some((above, line)) = said.rsplit_once('\n')
            {
                (lead, said) = (clean(above), clean(line));
            }
            said
        } else {
            if n == 0 {
                lead = clean(&text[..whole.start()]);
            }
            let to = found.get(n + 1).and_then(|next| next.get(0)).map_or(text.len(), |m| m.start());
            clean(&text[whole.end()..to])
        };
        let stamp = leading_stamp(c.get(1)?.as_str().trim())
            .filter(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))))?;
        out.push((stamp, said));
    }
    Some((lead, out))
}

impl Builder<'_> {
    /// The front matter's `date` (an instant) as a stamp: when a status page's issue was first
    /// posted.
    pub(super) fn posted_instant(&self) -> Option<Stamp> {
        let at = self.date_instant?;
        leading_stamp(&at.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    /// Among a cState page's paragraphs, the one without a `track` stamp when all the others
    /// have one: the issue as first posted, at the front matter's `date` (an instant).
    pub(super) fn posted(&self, paragraphs: &[String]) -> Option<Stamp> {
        let stamped = paragraphs.iter().filter(|p| tracked(p).is_some()).count();
        (stamped > 0 && paragraphs.len() == stamped + 1).then(|| self.posted_instant()).flatten()
    }
}

/// A block quote's text, its `>` marks left off (none when the block is not a quote).
pub(super) fn quoted_text(source: &str) -> Option<String> {
    let lines: Vec<&str> = source.lines().filter(|l| !l.trim().is_empty()).collect();
    let all = !lines.is_empty() && lines.iter().all(|l| l.trim_start().starts_with('>'));
    let text: Vec<&str> =
        lines.iter().map(|l| l.trim_start().trim_start_matches('>').trim()).filter(|l| !l.is_empty()).collect();
    all.then(|| text.join("\n"))
}

/// A line that is only an update's day and time.
/// `Resolved -`, `Resolved - The fix is working.`: an update that opens with a status page's
/// word for it and a dash.
pub(super) fn status_dash(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    STATUS_WORDS.iter().any(|w| {
        lower.strip_prefix(w).is_some_and(|r| {
            let r = r.trim_start();
            ["- ", "– ", "— ", "-\n", "–\n", "—\n"].iter().any(|d| r.starts_with(d))
                || matches!(r.trim_end(), "-" | "–" | "—")
        })
    })
}

/// What follows `Posted ` or `Updated ` on a status page's stamp line, past the age a copied
/// page shows before the day (`Posted 2 years ago. Mar 03, 2024 - 16:45 UTC`); `None` when
/// the line opens with neither word.
pub(super) fn posted_when(line: &str) -> Option<&str> {
    static AGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(?i:about |over |almost |nearly )?(?:\d+|a|an|one) (?i:second|minute|hour|day|week|month|year)s? ago\s*[.,·|-]?\s*").ok()
    });
    let when = ["Posted ", "Updated ", "posted ", "updated "].iter().find_map(|w| line.strip_prefix(w))?.trim_start();
    Some(AGE.as_ref().and_then(|re| re.find(when)).map_or(when, |m| &when[m.end()..]))
}

pub(super) fn update_time(line: &str) -> Option<Stamp> {
    let when = posted_when(line).unwrap_or(line);
    leading_stamp(when).filter(|s| s.date.is_some() && matches!(s.time, Some(ClockText::At(_))) && s.rest.is_empty())
}

/// A paragraph's lines, each cut where `<br><br>` runs two of its parts together.
pub(super) fn update_segments(text: &str) -> Vec<String> {
    static BREAKS: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)(?:\s*<br\s*/?>\s*){2,}").ok());
    text.lines()
        .flat_map(|l| {
            BREAKS.as_ref().map_or_else(|| vec![l.to_string()], |re| re.split(l).map(str::to_string).collect())
        })
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `UPDATE @ …`, `Update: …`, `Edit - …`: the label word and what follows it and its mark.
pub(super) fn update_label(line: &str) -> Option<(&str, &str)> {
    // `[Update 1 oct. 10:45]`, `\[Update ...]` (as a site's editor escapes it): the brackets
    // round the whole label are no part of it.
    let bracketed = line.trim_start().starts_with(['[', '\\']) && line.trim_end().ends_with(']');
    let t = line.trim_start_matches(['*', '_', ' ', '\t', '\\', '[']);
    let t = if bracketed { t.trim_end().trim_end_matches(']') } else { t };
    let end = t.find(|c: char| !c.is_alphabetic())?;
    let word = &t[..end];
    // (The word for "update" in Swedish, Norwegian, Danish, Finnish, German, Polish, Italian,
    // Spanish and Portuguese too: `Uppdatering 2023-11-25, kl 16.17:`.)
    const WORDS: &[&str] = &[
        "update",
        "updated",
        "edit",
        "edited",
        "uppdatering",
        "uppdaterat",
        "oppdatering",
        "opdatering",
        "päivitys",
        "aktualisierung",
        "aktualizacja",
        "aggiornamento",
        "actualización",
        "actualizacion",
        "atualização",
        "atualizacao",
    ];
    if !WORDS.iter().any(|w| word.to_lowercase() == *w) {
        return posted_on(t);
    }
    let after = t[end..].trim_start_matches(['*', '_']).trim_start();
    // `**Update 3** (12 Jan 2024, 11:00 SGT)`: the update's number is part of its label.
    let numbered = after.trim_start_matches('#');
    let digits = numbered.len() - numbered.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // (Not the day of `Update 1 oct. 10:45`: a number is the label's only before the label's
    // end, a colon or a bracket.)
    let rest = &numbered[digits..];
    let (word, after) =
        if digits > 0 && digits <= 3 && (rest.starts_with(['*', '_', ':']) || rest.trim_start().starts_with('(')) {
            let label = t[..t.len() - numbered[digits..].len()].trim_end_matches(['*', '_']);
            (label, numbered[digits..].trim_start_matches(['*', '_']).trim_start())
        } else {
            (word, after)
        };
    let after =
        after.strip_prefix(['@', ':', '-', '–', '—', ',']).unwrap_or(after).trim_start_matches(['*', '_']).trim_start();
    // `Update as of 11:09 PM EDT 07/14/17`: a time first, its day after it (as a sentence's
    // "Update as of April 17, 3:35 AM: …" inside an update is not one of its own).
    let after = ["as of ", "As of ", "AS OF "]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .filter(|rest| super::stamp_forms::time_zone_day(rest).is_some())
        .unwrap_or(after);
    after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '(').then_some((word, after))
}

/// `Comment updated on: 04/04/2009 @ 16:18`, `Problem description Added on: …`: a few words
/// that end with the page's "added on" or "updated on", then the day and time.
fn posted_on(t: &str) -> Option<(&str, &str)> {
    static LABEL: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^((?:[\pL-]+ ){0,4}(?:added|updated|posted|published|edited|created|reported|modified) on):?\s+\d",
        )
        .ok()
    });
    let c = LABEL.as_ref()?.captures(t)?;
    let label = c.get(1)?;
    Some((label.as_str(), t[label.end()..].trim_start_matches(':').trim_start()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_status_word_then_the_day_and_time() {
        let s = status_word_stamp("investigating May 11, 2021, 02:35 AM UTC").unwrap();
        assert_eq!(s.rest, "investigating");
        assert_eq!(s.zone.as_deref(), Some("UTC"));
        assert!(status_word_stamp("Resolved May 11, 2021, 03:42 PM UTC").is_some());
        // A word that names no update, or more after the time: not a status stamp.
        assert!(status_word_stamp("Deployed May 11, 2021, 02:35 AM UTC").is_none());
        assert!(status_word_stamp("investigating May 11, 2021, 02:35 AM UTC the portal").is_none());
        assert!(status_word_stamp("updates May 11, 2021, 02:35 AM UTC").is_none());
    }
}
